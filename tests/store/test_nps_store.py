"""NPS answers in the store, on SQLite and PostgreSQL: bulk adds, counts, typed-in counts."""

from datetime import date

import pytest
from pydantic import ValidationError

from canvas.domain import NotFound, SegmentInput, StaleEdit, WorkshopInput
from canvas.domain.nps import NpsCategory, NpsCounts, NpsResponseInput
from canvas.store import nps, segments, workshops
from canvas.store.db import reading, transaction


@pytest.fixture
def shop(engine):
    with transaction(engine) as session:
        workshop = workshops.create_workshop(session, data=WorkshopInput(title="Shop")).id
        cafes = segments.add_segment(
            session, workshop_id=workshop, data=SegmentInput(name="Cafés")
        ).id
    return workshop, cafes


def _survey(engine, workshop):
    with reading(engine) as session:
        return nps.load_survey(session, workshop_id=workshop)


def test_answers_are_counted_per_segment_and_overall(engine, shop):
    workshop, cafes = shop
    answers = [
        NpsResponseInput(score=10, segment_id=cafes, answered_on=date(2026, 3, 2)),
        NpsResponseInput(score=9, segment_id=cafes, answered_on=date(2026, 3, 20)),
        NpsResponseInput(score=3, segment_id=cafes, answered_on=date(2026, 4, 1)),
        NpsResponseInput(score=8, why="Slow delivery"),
        NpsResponseInput(score=6),
    ]
    with transaction(engine) as session:
        assert nps.add_responses(session, workshop_id=workshop, responses=answers) == 5

    survey = _survey(engine, workshop)
    # Cafés: 2 promoters, 1 detractor → (2 − 1)/3 = 33.3; everyone: 2 P, 1 A, 2 D of 5 → 0
    assert survey.counts(cafes) == NpsCounts(promoters=2, detractors=1)
    assert survey.counts(cafes).score() == pytest.approx(100 / 3)
    assert survey.counts(overall=True) == NpsCounts(promoters=2, passives=1, detractors=2)
    assert survey.counts(overall=True).score() == 0
    assert survey.by_segment[None] == [0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0]
    # March: 10 and 9; April: 3; undated answers are in no month
    assert survey.month_counts() == {
        "2026-03": NpsCounts(promoters=2),
        "2026-04": NpsCounts(detractors=1),
    }


def test_ten_thousand_answers_go_in_one_transaction(engine, shop):
    workshop, _ = shop
    rows = [{"score": i % 11, "why": "", "segment_id": None} for i in range(10_000)]
    with transaction(engine) as session:
        nps.add_responses(session, workshop_id=workshop, responses=rows)
    # 0..10 repeated: 10,000 = 909 × 11 + 1, so score 0 appears 910 times, others 909
    assert _survey(engine, workshop).by_segment[None] == [910] + [909] * 10


def test_an_answer_for_another_workshops_segment_writes_nothing(engine, shop):
    workshop, _ = shop
    with transaction(engine) as session:
        other = workshops.create_workshop(session, data=WorkshopInput(title="Other")).id
        foreign = segments.add_segment(session, workshop_id=other, data=SegmentInput(name="X")).id
    answers = [NpsResponseInput(score=9), NpsResponseInput(score=9, segment_id=foreign)]
    with pytest.raises(NotFound), transaction(engine) as session:
        nps.add_responses(session, workshop_id=workshop, responses=answers)
    assert _survey(engine, workshop).by_segment == {}


def test_typed_counts_add_to_the_answers_and_guard_against_stale_saves(engine, shop):
    workshop, cafes = shop
    with transaction(engine) as session:
        nps.set_counts(
            session,
            workshop_id=workshop,
            segment_id=cafes,
            counts=NpsCounts(promoters=40, passives=10, detractors=10),
            expected_version=0,
        )
        nps.add_responses(
            session, workshop_id=workshop, responses=[NpsResponseInput(score=0, segment_id=cafes)]
        )
    # 40 P, 10 A, 11 D of 61 → (40 − 11)/61 × 100 = 47.54
    assert _survey(engine, workshop).counts(cafes).score() == pytest.approx(47.54, abs=0.01)

    with transaction(engine) as session:
        nps.set_counts(
            session,
            workshop_id=workshop,
            segment_id=cafes,
            counts=NpsCounts(promoters=1),
            expected_version=1,
        )
    with pytest.raises(StaleEdit), transaction(engine) as session:
        nps.set_counts(
            session,
            workshop_id=workshop,
            segment_id=cafes,
            counts=NpsCounts(promoters=99),
            expected_version=1,
        )
    assert _survey(engine, workshop).typed[cafes] == NpsCounts(promoters=1)


def test_deleting_the_workshop_deletes_its_survey(engine, shop):
    workshop, _ = shop
    with transaction(engine) as session:
        nps.add_responses(session, workshop_id=workshop, responses=[NpsResponseInput(score=7)])
        nps.set_counts(
            session,
            workshop_id=workshop,
            segment_id=None,
            counts=NpsCounts(passives=3),
            expected_version=0,
        )
        workshops.delete_workshop(session, workshop_id=workshop)
    survey = _survey(engine, workshop)
    assert survey.by_segment == {} and survey.typed == {}


def test_clearing_the_survey_keeps_typed_counts(engine, shop):
    workshop, _ = shop
    with transaction(engine) as session:
        nps.add_responses(session, workshop_id=workshop, responses=[NpsResponseInput(score=7)])
        nps.set_counts(
            session,
            workshop_id=workshop,
            segment_id=None,
            counts=NpsCounts(passives=3),
            expected_version=0,
        )
    with transaction(engine) as session:
        nps.clear_responses(session, workshop_id=workshop)
    survey = _survey(engine, workshop)
    assert survey.by_segment == {}
    assert survey.counts(overall=True) == NpsCounts(passives=3)


def test_the_newest_comments_of_each_category_are_kept_with_their_totals(engine, shop):
    workshop, cafes = shop
    # 25 detractors with a comment, then 3 passives (one silent), then 1 promoter with only
    # "make it a 10": ids grow in that order, so "newest" is the last written.
    answers = [NpsResponseInput(score=i % 7, why=f"complaint {i}") for i in range(25)]
    answers += [NpsResponseInput(score=7, why="fine"), NpsResponseInput(score=8)]
    answers += [NpsResponseInput(score=8, make_it_ten="faster", segment_id=cafes)]
    answers += [NpsResponseInput(score=10, make_it_ten="keep it up")]
    with transaction(engine) as session:
        nps.add_responses(session, workshop_id=workshop, responses=answers)

    survey = _survey(engine, workshop)
    detractors = survey.comments_in(NpsCategory.DETRACTOR)
    # 25 commented detractors, of which the newest 20 are kept: complaint 24 down to 5
    assert [c.why for c in detractors] == [f"complaint {i}" for i in range(24, 4, -1)]
    passives = survey.comments_in(NpsCategory.PASSIVE)
    assert [(c.why, c.make_it_ten, c.segment_id) for c in passives] == [
        ("", "faster", cafes),
        ("fine", "", None),
    ]
    assert [c.make_it_ten for c in survey.comments_in(NpsCategory.PROMOTER)] == ["keep it up"]
    # The silent passive has no text, so it is not a comment
    assert survey.comment_totals == {
        NpsCategory.DETRACTOR: 25,
        NpsCategory.PASSIVE: 2,
        NpsCategory.PROMOTER: 1,
    }


def test_the_newest_comments_are_the_latest_answered_not_the_last_written(engine, shop):
    workshop, _ = shop
    # written out of date order, as a file sorted by name would give them; two undated
    answers = [
        NpsResponseInput(score=2, why="march", answered_on=date(2026, 3, 1)),
        NpsResponseInput(score=3, why="undated first"),
        NpsResponseInput(score=1, why="may", answered_on=date(2026, 5, 1)),
        NpsResponseInput(score=0, why="april", answered_on=date(2026, 4, 1)),
        NpsResponseInput(score=4, why="may too", answered_on=date(2026, 5, 1)),
        NpsResponseInput(score=5, why="undated last"),
    ]
    with transaction(engine) as session:
        nps.add_responses(session, workshop_id=workshop, responses=answers)

    detractors = _survey(engine, workshop).comments_in(NpsCategory.DETRACTOR)
    # by date, newest first; on the same day the later written first; undated ones after
    # the dated, the later written first
    assert [c.why for c in detractors] == [
        "may too",
        "may",
        "april",
        "march",
        "undated last",
        "undated first",
    ]


def test_identical_answers_are_read_back_grouped_and_written_back_one_by_one(engine, shop):
    workshop, cafes = shop
    march = date(2026, 3, 1)
    answers = [NpsResponseInput(score=9, segment_id=cafes, answered_on=march)] * 3
    answers += [NpsResponseInput(score=9, segment_id=cafes, answered_on=march, why="tasty")]
    answers += [NpsResponseInput(score=2)] * 2
    with transaction(engine) as session:
        nps.add_responses(session, workshop_id=workshop, responses=answers)
    with reading(engine) as session:
        groups = nps.load_answer_groups(session, workshop_id=workshop)
    # Ordered by the first answer of each group
    assert groups == [
        (9, "", "", cafes, march, 3),
        (9, "tasty", "", cafes, march, 1),
        (2, "", "", None, None, 2),
    ]
    with transaction(engine) as session:
        other = workshops.create_workshop(session, data=WorkshopInput(title="Copy")).id
        written = nps.insert_answer_groups(
            session,
            workshop_id=other,
            groups=[(score, why, ten, None, day, n) for score, why, ten, _, day, n in groups],
        )
    assert written == 6
    # 4 promoters and 2 detractors: (4 − 2)/6 = 33.3
    assert _survey(engine, other).counts(overall=True) == NpsCounts(promoters=4, detractors=2)


def test_deleting_a_segment_keeps_its_answers_without_a_segment_and_drops_its_counts(engine, shop):
    workshop, cafes = shop
    with transaction(engine) as session:
        nps.add_responses(
            session,
            workshop_id=workshop,
            responses=[NpsResponseInput(score=10, segment_id=cafes)],
        )
        nps.set_counts(
            session,
            workshop_id=workshop,
            segment_id=cafes,
            counts=NpsCounts(promoters=5),
            expected_version=0,
        )
    with transaction(engine) as session:
        segments.delete_segment(session, segment_id=cafes)

    survey = _survey(engine, workshop)
    assert survey.by_segment == {None: [0] * 10 + [1]}
    assert survey.typed == {}
    assert survey.counts(overall=True) == NpsCounts(promoters=1)


def test_typed_counts_report_the_version_to_save_with(engine, shop):
    workshop, cafes = shop
    assert _survey(engine, workshop).typed_version(cafes) == 0
    with transaction(engine) as session:
        nps.set_counts(
            session,
            workshop_id=workshop,
            segment_id=cafes,
            counts=NpsCounts(passives=1),
            expected_version=0,
        )
    survey = _survey(engine, workshop)
    assert survey.typed_version(cafes) == 1
    assert survey.typed_version(None) == 0


def test_a_survey_answer_that_a_nul_would_break_is_refused_before_the_database(engine, shop):
    # PostgreSQL refuses NUL in text: the answer is refused by its model, nothing is stored
    workshop, _ = shop
    with pytest.raises(ValidationError):
        NpsResponseInput(score=9, why="Fast\x00delivery")
    assert _survey(engine, workshop).comments == []
