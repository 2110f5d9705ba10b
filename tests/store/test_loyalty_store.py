"""Saving the crisis loyalty check, run the same way on SQLite and on PostgreSQL."""

import pytest
from pydantic import ValidationError
from sqlalchemy import Engine

from canvas.domain import (
    NotFound,
    SegmentInput,
    StaleEdit,
    WorkshopDocument,
    WorkshopInput,
    WorkshopView,
    to_document,
)
from canvas.domain.loyalty_check import CheckKind, LoyaltyRatingInput
from canvas.store import reads, segments, workshops
from canvas.store.db import reading, transaction
from canvas.store.frameworks import save_loyalty_check

ELEMENT, STAGE, CONDITION = CheckKind.ELEMENT, CheckKind.STAGE, CheckKind.CONDITION


def _workshop(engine: Engine, title: str = "Обжарка") -> int:
    with transaction(engine) as session:
        return workshops.create_workshop(session, data=WorkshopInput(title=title)).id


def _segment(engine: Engine, workshop_id: int, name: str) -> int:
    with transaction(engine) as session:
        data = SegmentInput(name=name)
        return segments.add_segment(session, workshop_id=workshop_id, data=data).id


def _save(
    engine: Engine,
    workshop_id: int,
    segment_id: int | None,
    ratings: dict[tuple[CheckKind, str], tuple[LoyaltyRatingInput, int]],
) -> None:
    with transaction(engine) as session:
        save_loyalty_check(session, workshop_id=workshop_id, segment_id=segment_id, ratings=ratings)


def _read(engine: Engine, workshop_id: int) -> WorkshopView:
    with reading(engine) as session:
        return reads.load_view(session, workshop_id=workshop_id)


def _rated(rating: int | None, evidence: str = "") -> LoyaltyRatingInput:
    return LoyaltyRatingInput(rating=rating, evidence=evidence)


def _pair(answer: LoyaltyRatingInput) -> tuple[int | None, str]:
    return answer.rating, answer.evidence


def test_answers_for_all_customers_and_for_a_segment_are_created_with_version_0_and_kept_apart(
    engine: Engine,
) -> None:
    workshop = _workshop(engine)
    offices = _segment(engine, workshop, "Офисы")

    _save(engine, workshop, None, {(ELEMENT, "brand"): (_rated(4, "Фестивали"), 0)})
    _save(engine, workshop, offices, {(ELEMENT, "brand"): (_rated(2, "Нас не знают"), 0)})

    answers = _read(engine, workshop).frameworks
    everyone, version = answers.rating(None, ELEMENT, "brand")
    assert (everyone.rating, everyone.evidence, version) == (4, "Фестивали", 1)
    segment, version = answers.rating(offices, ELEMENT, "brand")
    assert (segment.rating, segment.evidence, version) == (2, "Нас не знают", 1)
    # what was not answered reads as empty, at version 0
    assert answers.rating(offices, CONDITION, "trust") == (LoyaltyRatingInput(), 0)
    assert len(answers.loyalty) == 2


def test_a_save_changes_only_what_differs_and_bumps_its_version(engine: Engine) -> None:
    workshop = _workshop(engine)
    _save(
        engine,
        workshop,
        None,
        {(STAGE, "use"): (_rated(3), 0), (CONDITION, "trust"): (_rated(2), 0)},
    )
    _save(
        engine,
        workshop,
        None,
        {(STAGE, "use"): (_rated(5), 1), (CONDITION, "trust"): (_rated(2), 1)},
    )

    answers = _read(engine, workshop).frameworks
    assert answers.rating(None, STAGE, "use")[0].rating == 5
    assert answers.rating(None, STAGE, "use")[1] == 2
    assert answers.rating(None, CONDITION, "trust")[1] == 1  # unchanged, not rewritten


def test_a_save_read_at_an_old_version_is_refused_and_the_other_value_is_kept(
    engine: Engine,
) -> None:
    workshop = _workshop(engine)
    _save(engine, workshop, None, {(CONDITION, "trust"): (_rated(3), 0)})
    _save(engine, workshop, None, {(CONDITION, "trust"): (_rated(1, "Молчим о ценах"), 1)})

    with pytest.raises(StaleEdit):
        _save(
            engine,
            workshop,
            None,
            {(ELEMENT, "brand"): (_rated(5), 0), (CONDITION, "trust"): (_rated(4), 1)},
        )

    answers = _read(engine, workshop).frameworks
    trust, version = answers.rating(None, CONDITION, "trust")
    assert (trust.rating, trust.evidence, version) == (1, "Молчим о ценах", 2)
    # the refused save is all or nothing: the new brand answer is not there either
    assert answers.rating(None, ELEMENT, "brand") == (LoyaltyRatingInput(), 0)


def test_creating_an_answer_someone_else_has_just_created_is_refused(engine: Engine) -> None:
    workshop = _workshop(engine)
    _save(engine, workshop, None, {(ELEMENT, "offer"): (_rated(4), 0)})

    with pytest.raises(StaleEdit):
        _save(engine, workshop, None, {(ELEMENT, "offer"): (_rated(2), 0)})
    assert _read(engine, workshop).frameworks.rating(None, ELEMENT, "offer")[0].rating == 4


def test_a_segment_of_another_workshop_is_not_found(engine: Engine) -> None:
    mine, theirs = _workshop(engine, "Мой"), _workshop(engine, "Чужой")
    foreign = _segment(engine, theirs, "Кофейни")

    with pytest.raises(NotFound):
        _save(engine, mine, foreign, {(ELEMENT, "brand"): (_rated(3), 0)})
    assert _read(engine, mine).frameworks.loyalty == []
    assert _read(engine, theirs).frameworks.loyalty == []


@pytest.mark.parametrize(
    ("kind", "key"),
    [(CheckKind.ELEMENT, "trust"), (CheckKind.ELEMENT, "decision"), (CheckKind.STAGE, "brand")],
)
def test_a_key_of_another_kind_is_refused(engine: Engine, kind: CheckKind, key: str) -> None:
    # the decision is a stage after the elements, not an element
    workshop = _workshop(engine)
    with pytest.raises(ValueError):
        _save(engine, workshop, None, {(kind, key): (_rated(3), 0)})
    assert _read(engine, workshop).frameworks.loyalty == []


@pytest.mark.parametrize("rating", [0, 6])
def test_a_rating_outside_1_to_5_is_refused_before_it_reaches_the_store(rating: int) -> None:
    with pytest.raises(ValidationError) as refused:
        LoyaltyRatingInput(rating=rating)
    [problem] = refused.value.errors()
    assert problem["loc"] == ("rating",)
    assert problem["type"] == ("greater_than_equal" if rating == 0 else "less_than_equal")


def test_ratings_1_and_5_are_the_ends_of_the_scale() -> None:
    assert LoyaltyRatingInput(rating=1).rating == 1
    assert LoyaltyRatingInput(rating=5).rating == 5


def test_deleting_a_segment_removes_its_answers_and_keeps_everyone_elses(engine: Engine) -> None:
    workshop = _workshop(engine)
    cafes, offices = _segment(engine, workshop, "Кофейни"), _segment(engine, workshop, "Офисы")
    _save(engine, workshop, None, {(STAGE, "use"): (_rated(3), 0)})
    _save(engine, workshop, cafes, {(STAGE, "use"): (_rated(4), 0)})
    _save(engine, workshop, offices, {(STAGE, "use"): (_rated(2), 0)})

    with transaction(engine) as session:
        segments.delete_segment(session, segment_id=offices)

    answers = _read(engine, workshop).frameworks
    assert sorted((a.segment_id or 0, a.rating) for a in answers.loyalty) == [
        (0, 3),
        (cafes, 4),
    ]


def test_answers_survive_a_round_trip_through_a_document(engine: Engine) -> None:
    workshop = _workshop(engine)
    offices = _segment(engine, workshop, "Офисы")
    _save(
        engine,
        workshop,
        None,
        {(ELEMENT, "brand"): (_rated(4, "Фестивали"), 0), (CONDITION, "trust"): (_rated(3), 0)},
    )
    _save(engine, workshop, offices, {(CONDITION, "trust"): (_rated(2, "Не ответили"), 0)})

    document = to_document(_read(engine, workshop))
    again = WorkshopDocument.model_validate_json(document.model_dump_json())
    with transaction(engine) as session:
        copy = workshops.create_from_document(session, document=again).id

    copied = _read(engine, copy)
    [view] = copied.segments
    assert view.segment.id != offices
    answers = copied.frameworks
    assert _pair(answers.rating(None, ELEMENT, "brand")[0]) == (4, "Фестивали")
    assert _pair(answers.rating(None, CONDITION, "trust")[0]) == (3, "")
    assert _pair(answers.rating(view.segment.id, CONDITION, "trust")[0]) == (2, "Не ответили")
    assert len(answers.loyalty) == 3
