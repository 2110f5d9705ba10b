"""A course can be closed for joining and frozen for editing: ``course.closed``, ``course.frozen``.

Both are booleans, false for every course that exists already (joining stays open and
every workshop editable, as before).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-12
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ("closed", "frozen")


def upgrade() -> None:
    for name in COLUMNS:
        op.add_column(
            "course",
            sa.Column(name, sa.Boolean(), nullable=False, server_default=sa.false()),
        )


def downgrade() -> None:
    for name in COLUMNS:
        if op.get_bind().dialect.name == "sqlite":
            # A plain DROP COLUMN, not batch mode: rebuilding the course table with foreign
            # keys on would touch every workshop that points at it.
            op.execute(f"ALTER TABLE course DROP COLUMN {name}")
        else:
            op.drop_column("course", name)
