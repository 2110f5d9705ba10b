"""A segment's gross margin: ``segment.gross_margin``, a share from 0 to 100 %.

NULL where it is unknown, which is every segment written before this revision: the app
then computes LTV from revenue and marks LTV:CAC as an upper bound. Saved snapshots need no
upgrade (the field is optional); a downgrade drops the column and takes the field out of
every saved snapshot's segments, since the release before this one refuses unknown fields.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("segment", sa.Column("gross_margin", sa.Float(), nullable=True))


_snapshot = sa.table("saved_snapshot", sa.column("id"), sa.column("document"))


def downgrade() -> None:
    bind = op.get_bind()
    for snapshot_id, document in bind.execute(sa.select(_snapshot.c.id, _snapshot.c.document)):
        data = json.loads(document)
        segments = data.get("segments") if isinstance(data, dict) else None
        if not isinstance(segments, list):
            continue  # not a document this app wrote; leave it for the reader to refuse
        if not any(isinstance(s, dict) and "gross_margin" in s for s in segments):
            continue
        for segment in segments:
            if isinstance(segment, dict):
                segment.pop("gross_margin", None)
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        bind.execute(
            sa.update(_snapshot).where(_snapshot.c.id == snapshot_id).values(document=text)
        )
    if op.get_bind().dialect.name == "sqlite":
        # A plain DROP COLUMN, not batch mode (see 0007).
        op.execute("ALTER TABLE segment DROP COLUMN gross_margin")
    else:
        op.drop_column("segment", "gross_margin")
