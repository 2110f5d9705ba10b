"""The touchpoint inventory in the store, on SQLite and PostgreSQL."""

import pytest
from pydantic import ValidationError

from canvas.domain import NotFound, RelationshipType, SegmentInput, StaleEdit, WorkshopInput
from canvas.domain.errors import TooManyTouchpoints
from canvas.domain.touchpoint import (
    MAX_TOUCHPOINTS,
    TouchpointCategory,
    TouchpointInput,
    TouchpointRating,
)
from canvas.store import reads, segments, workshops
from canvas.store import touchpoints as store
from canvas.store.db import reading, transaction

BUSINESS, EMPLOYEE = TouchpointCategory.BUSINESS, TouchpointCategory.EMPLOYEE


@pytest.fixture
def shop(engine):
    with transaction(engine) as session:
        workshop = workshops.create_workshop(session, data=WorkshopInput(title="Shop")).id
        cafes = segments.add_segment(
            session, workshop_id=workshop, data=SegmentInput(name="Cafés")
        ).id
    return workshop, cafes


def _inventory(engine, workshop):
    with reading(engine) as session:
        return store.list_touchpoints(session, workshop_id=workshop)


def test_touchpoints_are_added_in_one_go_and_listed_in_the_order_given(engine, shop):
    workshop, cafes = shop
    items = [
        TouchpointInput(name="Website", category=BUSINESS),
        TouchpointInput(
            name="Barista's smile",
            category=EMPLOYEE,
            segment_id=cafes,
            relationship_type=RelationshipType.PERSONAL_ASSISTANCE,
            rating=TouchpointRating.WOW,
            idea="Keep hiring friendly people",
            owner="Anna",
        ),
    ]
    with transaction(engine) as session:
        ids = store.add_touchpoints(session, workshop_id=workshop, items=items)
    with transaction(engine) as session:
        store.add_touchpoints(
            session,
            workshop_id=workshop,
            items=[TouchpointInput(name="Sign", category=BUSINESS)],
        )

    listed = _inventory(engine, workshop)
    assert [p.name for p in listed] == ["Website", "Barista's smile", "Sign"]
    assert [p.id for p in listed[:2]] == ids
    smile = listed[1]
    assert smile.segment_id == cafes
    assert smile.relationship_type is RelationshipType.PERSONAL_ASSISTANCE
    assert smile.rating is TouchpointRating.WOW
    assert (smile.idea, smile.owner, smile.version) == ("Keep hiring friendly people", "Anna", 1)
    assert listed[0].segment_id is None and listed[0].rating is None


def test_the_snapshot_carries_the_inventory(engine, shop):
    workshop, _ = shop
    with transaction(engine) as session:
        store.add_touchpoints(
            session, workshop_id=workshop, items=[TouchpointInput(name="Office", category=BUSINESS)]
        )
    with reading(engine) as session:
        snapshot = reads.load_view(session, workshop_id=workshop)
    assert [p.name for p in snapshot.touchpoints] == ["Office"]


def test_an_edit_is_saved_once_and_a_stale_one_is_refused(engine, shop):
    workshop, _ = shop
    with transaction(engine) as session:
        [point] = store.add_touchpoints(
            session, workshop_id=workshop, items=[TouchpointInput(name="Stamp", category=BUSINESS)]
        )
    rated = TouchpointInput(name="Stamp", category=BUSINESS, rating=TouchpointRating.AWFUL)
    with transaction(engine) as session:
        store.update_touchpoint(session, touchpoint_id=point, data=rated, expected_version=1)
    with pytest.raises(StaleEdit), transaction(engine) as session:
        store.update_touchpoint(
            session,
            touchpoint_id=point,
            data=rated.model_copy(update={"rating": TouchpointRating.OK}),
            expected_version=1,
        )
    [stored] = _inventory(engine, workshop)
    assert (stored.rating, stored.version) == (TouchpointRating.AWFUL, 2)


def test_a_segment_of_another_workshop_is_refused_and_nothing_is_written(engine, shop):
    workshop, _ = shop
    with transaction(engine) as session:
        other = workshops.create_workshop(session, data=WorkshopInput(title="Other")).id
        foreign = segments.add_segment(session, workshop_id=other, data=SegmentInput(name="X")).id
    items = [
        TouchpointInput(name="Website", category=BUSINESS),
        TouchpointInput(name="Badge", category=EMPLOYEE, segment_id=foreign),
    ]
    with pytest.raises(NotFound), transaction(engine) as session:
        store.add_touchpoints(session, workshop_id=workshop, items=items)
    assert _inventory(engine, workshop) == []


def test_the_inventory_has_a_limit(engine, shop):
    workshop, _ = shop
    many = [TouchpointInput(name=f"Point {i}", category=BUSINESS) for i in range(MAX_TOUCHPOINTS)]
    with transaction(engine) as session:
        store.add_touchpoints(session, workshop_id=workshop, items=many)
    with pytest.raises(TooManyTouchpoints), transaction(engine) as session:
        store.add_touchpoints(
            session,
            workshop_id=workshop,
            items=[TouchpointInput(name="One more", category=BUSINESS)],
        )
    assert len(_inventory(engine, workshop)) == MAX_TOUCHPOINTS


def test_deleting_a_touchpoint_or_its_segment_removes_it(engine, shop):
    workshop, cafes = shop
    items = [
        TouchpointInput(name="Website", category=BUSINESS),
        TouchpointInput(name="Uniform", category=EMPLOYEE, segment_id=cafes),
        TouchpointInput(name="Sign", category=BUSINESS),
    ]
    with transaction(engine) as session:
        website, _, _ = store.add_touchpoints(session, workshop_id=workshop, items=items)
    with transaction(engine) as session:
        store.delete_touchpoint(session, touchpoint_id=website)
    with transaction(engine) as session:
        segments.delete_segment(session, segment_id=cafes)
    assert [p.name for p in _inventory(engine, workshop)] == ["Sign"]
    with pytest.raises(NotFound), transaction(engine) as session:
        store.delete_touchpoint(session, touchpoint_id=website)


def test_every_change_moves_the_workshop_revision_on(engine, shop):
    workshop, _ = shop

    def revision() -> int:
        with reading(engine) as session:
            return reads.workshop_state(session, workshop_id=workshop).revision

    start = revision()
    with transaction(engine) as session:
        [point] = store.add_touchpoints(
            session, workshop_id=workshop, items=[TouchpointInput(name="Sign", category=BUSINESS)]
        )
    with transaction(engine) as session:
        store.update_touchpoint(
            session,
            touchpoint_id=point,
            data=TouchpointInput(name="Signboard", category=BUSINESS),
            expected_version=1,
        )
    with transaction(engine) as session:
        store.delete_touchpoint(session, touchpoint_id=point)
    assert revision() == start + 3


@pytest.mark.parametrize(
    "values",
    [
        {"name": "  ", "category": "business"},
        {"name": "Two\nlines", "category": "business"},
        {"name": "Website", "category": "marketing"},
        {"name": "Website", "category": "business", "rating": "great"},
        {"name": "Website", "category": "business", "idea": "x" * 601},
    ],
)
def test_bad_touchpoints_are_refused_before_the_store(values):
    with pytest.raises(ValidationError):
        TouchpointInput(**values)
