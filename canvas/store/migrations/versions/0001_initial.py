"""Workshops, segments, relationships and canvas notes.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _stamps() -> list[sa.Column]:
    return [
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "workshop",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("company", sa.String(200), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("access_token", sa.String(64), nullable=False, unique=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        *_stamps(),
    )
    op.create_table(
        "segment",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "workshop_id",
            sa.Integer(),
            sa.ForeignKey("workshop.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("name_key", sa.String(400), nullable=False),  # case folding lengthens
        sa.Column("description", sa.String(), nullable=False),
        sa.Column("customers", sa.BigInteger(), nullable=True),
        sa.Column("revenue_per_customer_minor", sa.BigInteger(), nullable=True),
        sa.Column("acquisition_cost_minor", sa.BigInteger(), nullable=True),
        sa.Column("retention_rate", sa.Float(), nullable=True),
        sa.Column("colour", sa.String(7), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        *_stamps(),
        sa.UniqueConstraint("workshop_id", "name_key", name="uq_segment_name"),
    )
    op.create_index("ix_segment_workshop_id", "segment", ["workshop_id"])
    op.create_table(
        "relationship",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "segment_id",
            sa.Integer(),
            sa.ForeignKey("segment.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("type", sa.String(40), nullable=False),
        sa.Column("expected", sa.Integer(), nullable=False),
        sa.Column("established", sa.Integer(), nullable=False),
        sa.Column("motives", sa.JSON(), nullable=False),
        sa.Column("yearly_cost_minor", sa.BigInteger(), nullable=True),
        sa.Column("integration", sa.JSON(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        *_stamps(),
        sa.UniqueConstraint("segment_id", "type", name="uq_relationship_type"),
    )
    op.create_index("ix_relationship_segment_id", "relationship", ["segment_id"])
    op.create_table(
        "canvas_note",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "workshop_id",
            sa.Integer(),
            sa.ForeignKey("workshop.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "segment_id",
            sa.Integer(),
            sa.ForeignKey("segment.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("block", sa.String(40), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        *_stamps(),
    )
    op.create_index("ix_canvas_note_workshop_id", "canvas_note", ["workshop_id"])


def downgrade() -> None:
    op.drop_table("canvas_note")
    op.drop_table("relationship")
    op.drop_table("segment")
    op.drop_table("workshop")
