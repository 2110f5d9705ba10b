"""The crisis loyalty check rates five elements and two later stages, as its source does.

Before this revision the customer's path was five steps (``loyalty_rating.kind`` "step"):
brand (which stood for the brand and communications together), environment, offer (the
offer and the culture of the people who serve the customer together), decision and use.
Now the five elements are brand, communications, environment, offer and culture (kind
"element"), and the purchase decision and use are stages after them (kind "stage").

The upgrade keeps every rating and its evidence, in every scope (all customers and each
segment), in the database and in the named snapshots' documents:

- old brand -> element brand and element communications (the same rating and evidence);
- old environment -> element environment;
- old offer -> element offer and element culture (the same rating and evidence);
- old decision -> stage decision; old use -> stage use.

A snapshot's document moves from schema version 3 (or older) to 4 the same way, as the
JSON import reads older files (``canvas.domain.document.upgraded``).

The downgrade folds each pair back into one step: the brand row becomes the brand step
and the communications row is dropped; where only communications was ever saved, it
becomes the brand step. Offer and culture go the same way (offer wins). The stages become
steps again, and snapshots go back to schema version 3 with the same folding. So a
rating given to communications or culture alone survives; one given beside brand or
offer does not, since the older schema has a single rating for both.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""

import json
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STEP = "step"
# Each former step and the items (kind, key) it becomes, frozen here so that the upgrade
# does the same whatever the domain's enums become later. The first item keeps the row.
FORMER: dict[str, tuple[tuple[str, str], ...]] = {
    "brand": (("element", "brand"), ("element", "communications")),
    "environment": (("element", "environment"),),
    "offer": (("element", "offer"), ("element", "culture")),
    "decision": (("stage", "decision"),),
    "use": (("stage", "use"),),
}
OLD_VERSION, NEW_VERSION = 3, 4  # the JSON document's schema version before and after
COPIED = ("workshop_id", "segment_id", "scope", "rating", "evidence", "created_at", "updated_at")

_rating = sa.table(
    "loyalty_rating",
    *(sa.column(name) for name in ("id", "kind", "key", "version", *COPIED)),
)
_snapshot = sa.table("saved_snapshot", sa.column("id"), sa.column("document"))


def _is(table: Any, kind: str, key: str) -> sa.ColumnElement[bool]:
    return sa.and_(table.c.kind == kind, table.c.key == key)


def upgrade() -> None:
    bind = op.get_bind()
    for step, ((kind, key), *others) in FORMER.items():
        for other_kind, other_key in others:
            # A new row per scope for the second element, with the step's rating.
            # Constants of this file written into the SQL: PostgreSQL cannot tell the type
            # of a bound parameter in a SELECT list.
            copies = sa.select(
                *(_rating.c[name] for name in COPIED),
                sa.literal_column(f"'{other_kind}'"),
                sa.literal_column(f"'{other_key}'"),
                sa.literal_column("1"),
            ).where(_is(_rating, STEP, step))
            bind.execute(
                sa.insert(_rating).from_select([*COPIED, "kind", "key", "version"], copies)
            )
        bind.execute(sa.update(_rating).where(_is(_rating, STEP, step)).values(kind=kind, key=key))
    _rewrite_snapshots(_snapshot_up)


def downgrade() -> None:
    bind = op.get_bind()
    kept = _rating.alias("kept")
    for step, ((kind, key), *others) in FORMER.items():
        for other_kind, other_key in others:
            # Drop the second element where the first is there for the same scope…
            beside_first = (
                sa.select(kept.c.id)
                .where(
                    kept.c.workshop_id == _rating.c.workshop_id,
                    kept.c.scope == _rating.c.scope,
                    _is(kept, kind, key),
                )
                .exists()
            )
            bind.execute(
                sa.delete(_rating).where(_is(_rating, other_kind, other_key), beside_first)
            )
            # … and let it stand for the pair where it is alone.
            bind.execute(
                sa.update(_rating)
                .where(_is(_rating, other_kind, other_key))
                .values(kind=kind, key=key)
            )
        bind.execute(sa.update(_rating).where(_is(_rating, kind, key)).values(kind=STEP, key=step))
    _rewrite_snapshots(_snapshot_down)


def _rewrite_snapshots(reshape: Any) -> None:
    bind = op.get_bind()
    for snapshot_id, document in bind.execute(sa.select(_snapshot.c.id, _snapshot.c.document)):
        data = json.loads(document)
        if not isinstance(data, dict):
            continue  # not a document this app wrote; leave it for the reader to refuse
        changed = reshape(data)
        if changed != data:
            text = json.dumps(changed, ensure_ascii=False, separators=(",", ":"))
            bind.execute(
                sa.update(_snapshot).where(_snapshot.c.id == snapshot_id).values(document=text)
            )


def _former(answer: dict[str, Any]) -> bool:
    key = answer.get("key")
    return isinstance(key, str) and key in FORMER


def _snapshot_up(data: dict[str, Any]) -> dict[str, Any]:
    version = data.get("schema_version")
    if not isinstance(version, int) or version >= NEW_VERSION:
        return data
    answers = []
    for answer in data.get("loyalty") or []:
        if isinstance(answer, dict) and answer.get("kind") == STEP and _former(answer):
            answers += [{**answer, "kind": k, "key": v} for k, v in FORMER[answer["key"]]]
        else:
            answers.append(answer)
    return {**data, "schema_version": NEW_VERSION, "loyalty": answers}


def _snapshot_down(data: dict[str, Any]) -> dict[str, Any]:
    if data.get("schema_version") != NEW_VERSION:
        return data
    steps = {item: step for step, items in FORMER.items() for item in items}
    firsts = {items[0] for items in FORMER.values()}
    answers: list[Any] = []
    placed: dict[tuple[Any, str], int] = {}  # (segment, step) -> index in answers
    for answer in data.get("loyalty") or []:
        item = (answer.get("kind"), answer.get("key")) if isinstance(answer, dict) else None
        if item not in steps:
            answers.append(answer)
            continue
        step = steps[item]
        folded = {**answer, "kind": STEP, "key": step}
        where = (answer.get("segment"), step)
        if where not in placed:
            placed[where] = len(answers)
            answers.append(folded)
        elif item in firsts:  # the first of the pair wins over the second seen before it
            answers[placed[where]] = folded
    return {**data, "schema_version": OLD_VERSION, "loyalty": answers}
