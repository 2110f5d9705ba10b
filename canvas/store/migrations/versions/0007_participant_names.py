"""A participant's display name is unique in their course: ``workshop.participant_key``.

The key is the name as ``canvas.domain.fields.name_key`` compares it (any case, spacing
and invisible characters), kept in a new column with a unique index on
(course_id, participant_key). Workshops outside a course keep a NULL key.

Older databases may already hold two participants of one course with the same name
(joining did not check it before). The upgrade keeps every row: the first of them (by id)
gets the plain key, each later one the key followed by a line break and ``#<its id>``, a
suffix no real name's key can have (keys collapse every whitespace to one space), so the
index holds and no future join clashes with it. Their names and titles stay as they were:
the trainer sees both and may rename one; renaming it to the taken name is refused.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05
"""

import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_workshop = sa.table(
    "workshop",
    sa.column("id", sa.Integer()),
    sa.column("course_id", sa.Integer()),
    sa.column("participant", sa.String()),
    sa.column("participant_key", sa.String()),
)


def name_key(name: str) -> str:
    """``canvas.domain.fields.name_key`` as of this revision, frozen here so that the
    upgrade fills the same keys whatever that function becomes later."""
    visible = "".join(ch for ch in name if unicodedata.category(ch) != "Cf")
    return " ".join(visible.split()).casefold()


def upgrade() -> None:
    op.add_column("workshop", sa.Column("participant_key", sa.String(400), nullable=True))
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(_workshop.c.id, _workshop.c.course_id, _workshop.c.participant)
        .where(_workshop.c.course_id.is_not(None))
        .order_by(_workshop.c.course_id, _workshop.c.id)
    ).all()
    seen: set[tuple[int, str]] = set()
    for workshop_id, course_id, participant in rows:
        key = name_key(participant or "")
        if (course_id, key) in seen:
            key = f"{key}\n#{workshop_id}"  # a later duplicate: see the docstring
        seen.add((course_id, key))
        bind.execute(
            sa.update(_workshop).where(_workshop.c.id == workshop_id).values(participant_key=key)
        )
    op.create_index(
        "uq_workshop_participant_key",
        "workshop",
        ["course_id", "participant_key"],
        unique=True,
    )


def downgrade() -> None:
    op.drop_index("uq_workshop_participant_key", table_name="workshop")
    if op.get_bind().dialect.name == "sqlite":
        # A plain DROP COLUMN, not batch mode: rebuilding the workshop table with foreign
        # keys on would cascade to every segment.
        op.execute("ALTER TABLE workshop DROP COLUMN participant_key")
    else:
        op.drop_column("workshop", "participant_key")
