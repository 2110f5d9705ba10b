"""Courses, participants' workshops and trainer comments.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _stamps() -> list[sa.Column]:
    return [
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "course",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("join_code", sa.String(16), nullable=False, unique=True),
        sa.Column("version", sa.Integer(), nullable=False),
        *_stamps(),
    )
    # A plain ADD COLUMN, not batch mode: batch mode rebuilds the table on SQLite, and with
    # foreign keys on, dropping the old workshop table would cascade to every segment.
    # SQLite takes the foreign key inline (the column's default is NULL); others add it.
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE workshop ADD COLUMN course_id INTEGER REFERENCES course (id)")
    else:
        op.add_column("workshop", sa.Column("course_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            "fk_workshop_course_id",
            "workshop",
            "course",
            ["course_id"],
            ["id"],
        )
    op.add_column(
        "workshop",
        sa.Column("participant", sa.String(200), nullable=False, server_default=sa.text("''")),
    )
    op.create_index("ix_workshop_course_id", "workshop", ["course_id"])
    op.create_table(
        "trainer_comment",
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
            sa.ForeignKey("segment.id", ondelete="CASCADE"),
            nullable=True,
        ),
        sa.Column("block", sa.String(40), nullable=True),
        sa.Column("text", sa.String(), nullable=False),
        *_stamps(),
    )
    op.create_index("ix_trainer_comment_workshop_id", "trainer_comment", ["workshop_id"])


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # Dropping a column with a foreign key means rebuilding the table, which cascades
        # to every segment: refuse before touching anything. Restore a backup instead.
        raise NotImplementedError("downgrading below 0006 is not supported on SQLite")
    op.drop_index("ix_trainer_comment_workshop_id", table_name="trainer_comment")
    op.drop_table("trainer_comment")
    op.drop_index("ix_workshop_course_id", table_name="workshop")
    op.drop_constraint("fk_workshop_course_id", "workshop", type_="foreignkey")
    op.drop_column("workshop", "participant")
    op.drop_column("workshop", "course_id")
    op.drop_table("course")
