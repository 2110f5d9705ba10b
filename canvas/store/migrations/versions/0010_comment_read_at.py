"""When the participant read a trainer's comment: ``trainer_comment.read_at``.

NULL until the participant opens the trainer's comments; the app counts the NULLs as
unread. Comments written before this revision start unread.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "trainer_comment", sa.Column("read_at", sa.DateTime(timezone=True), nullable=True)
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # A plain DROP COLUMN, not batch mode (see 0007).
        op.execute("ALTER TABLE trainer_comment DROP COLUMN read_at")
    else:
        op.drop_column("trainer_comment", "read_at")
