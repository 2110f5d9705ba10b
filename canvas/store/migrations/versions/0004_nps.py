"""NPS survey answers and typed-in NPS counts.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _workshop() -> sa.Column:
    return sa.Column(
        "workshop_id",
        sa.Integer(),
        sa.ForeignKey("workshop.id", ondelete="CASCADE"),
        nullable=False,
    )


def _stamps() -> list[sa.Column]:
    return [
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "nps_response",
        sa.Column("id", sa.Integer(), primary_key=True),
        _workshop(),
        sa.Column(
            "segment_id",
            sa.Integer(),
            sa.ForeignKey("segment.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("score", sa.SmallInteger(), nullable=False),
        sa.Column("why", sa.String(), nullable=False),
        sa.Column("make_it_ten", sa.String(), nullable=False),
        sa.Column("answered_on", sa.Date(), nullable=True),
        *_stamps(),
    )
    op.create_index("ix_nps_response_workshop_id", "nps_response", ["workshop_id"])
    op.create_table(
        "nps_aggregate",
        sa.Column("id", sa.Integer(), primary_key=True),
        _workshop(),
        sa.Column(
            "segment_id",
            sa.Integer(),
            sa.ForeignKey("segment.id", ondelete="CASCADE"),
            nullable=True,
        ),
        sa.Column("scope", sa.String(20), nullable=False),
        sa.Column("promoters", sa.Integer(), nullable=False),
        sa.Column("passives", sa.Integer(), nullable=False),
        sa.Column("detractors", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        *_stamps(),
        sa.UniqueConstraint("workshop_id", "scope", name="uq_nps_aggregate"),
    )
    op.create_index("ix_nps_aggregate_workshop_id", "nps_aggregate", ["workshop_id"])


def downgrade() -> None:
    for table in ("nps_aggregate", "nps_response"):
        op.drop_index(f"ix_{table}_workshop_id", table_name=table)
        op.drop_table(table)
