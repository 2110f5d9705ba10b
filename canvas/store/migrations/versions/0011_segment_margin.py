"""A segment's gross margin: ``segment.gross_margin``, a share from 0 to 100 %.

NULL where it is unknown, which is every segment written before this revision: the app
then computes LTV from revenue and marks LTV:CAC as an upper bound.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("segment", sa.Column("gross_margin", sa.Float(), nullable=True))


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # A plain DROP COLUMN, not batch mode (see 0007).
        op.execute("ALTER TABLE segment DROP COLUMN gross_margin")
    else:
        op.drop_column("segment", "gross_margin")
