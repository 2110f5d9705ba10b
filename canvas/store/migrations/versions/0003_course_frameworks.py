"""SHURA cells and risks, the twelve rules' scores and the crisis loyalty check.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _common() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "workshop_id",
            sa.Integer(),
            sa.ForeignKey("workshop.id", ondelete="CASCADE"),
            nullable=False,
        ),
    ]


def _tail() -> list[sa.Column]:
    return [
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "shura_cell",
        *_common(),
        sa.Column("stage", sa.String(20), nullable=False),
        sa.Column("audience", sa.String(20), nullable=False),
        sa.Column("practice", sa.String(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("next_step", sa.String(), nullable=False),
        *_tail(),
        sa.UniqueConstraint("workshop_id", "stage", "audience", name="uq_shura_cell"),
    )
    op.create_table(
        "shura_risk",
        *_common(),
        sa.Column("risk", sa.String(30), nullable=False),
        sa.Column("present", sa.Boolean(), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        *_tail(),
        sa.UniqueConstraint("workshop_id", "risk", name="uq_shura_risk"),
    )
    op.create_table(
        "rule_score",
        *_common(),
        sa.Column("rule", sa.String(30), nullable=False),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(), nullable=False),
        *_tail(),
        sa.UniqueConstraint("workshop_id", "rule", name="uq_rule_score"),
    )
    op.create_table(
        "loyalty_rating",
        *_common(),
        sa.Column(
            "segment_id",
            sa.Integer(),
            sa.ForeignKey("segment.id", ondelete="CASCADE"),
            nullable=True,
        ),
        sa.Column("scope", sa.String(20), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("key", sa.String(30), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("evidence", sa.String(), nullable=False),
        *_tail(),
        sa.UniqueConstraint("workshop_id", "scope", "kind", "key", name="uq_loyalty_rating"),
    )
    for table in ("shura_cell", "shura_risk", "rule_score", "loyalty_rating"):
        op.create_index(f"ix_{table}_workshop_id", table, ["workshop_id"])


def downgrade() -> None:
    for table in ("loyalty_rating", "rule_score", "shura_risk", "shura_cell"):
        op.drop_index(f"ix_{table}_workshop_id", table_name=table)
        op.drop_table(table)
