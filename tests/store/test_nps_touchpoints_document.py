"""The NPS survey and the touchpoints in the portable document, on both databases:
export → import → export gives the same file, snapshots restore them, and a document
that names a segment it does not have is refused before anything is written."""

import json
from datetime import date

import pytest

from canvas.domain import SegmentInput, WorkshopInput
from canvas.domain.nps import NpsCounts, NpsResponseInput
from canvas.domain.saved_snapshot import SnapshotInput
from canvas.domain.touchpoint import TouchpointCategory, TouchpointInput, TouchpointRating
from canvas.domain.vocabulary import RelationshipType
from canvas.export.json_io import ImportRefused, export_json, parse_json
from canvas.i18n import t
from canvas.store import nps, reads, saved_snapshots, segments, workshops
from canvas.store.db import reading, transaction
from canvas.store.touchpoints import add_touchpoints, delete_touchpoint, list_touchpoints

MARCH = date(2026, 3, 1)
APRIL = date(2026, 4, 10)


@pytest.fixture
def workshop(engine) -> int:
    """Two segments, seven answers (four of them identical pairs), typed counts, two
    touchpoints."""
    with transaction(engine) as session:
        workshop = workshops.create_workshop(
            session, data=WorkshopInput(title="Обжарка", language="ru", currency="RUB")
        ).id
        cafes = segments.add_segment(
            session, workshop_id=workshop, data=SegmentInput(name="Кофейни")
        )
        offices = segments.add_segment(
            session, workshop_id=workshop, data=SegmentInput(name="Offices")
        )
        answers = [NpsResponseInput(score=9, segment_id=cafes.id, answered_on=MARCH)] * 3
        answers += [NpsResponseInput(score=9, segment_id=cafes.id, answered_on=MARCH, why="Вкусно")]
        answers += [NpsResponseInput(score=2)] * 2
        answers += [
            NpsResponseInput(
                score=7, segment_id=offices.id, answered_on=APRIL, make_it_ten="Faster delivery"
            )
        ]
        nps.add_responses(session, workshop_id=workshop, responses=answers)
        for segment_id, counts in (
            (offices.id, NpsCounts(promoters=5, passives=3, detractors=2)),
            (None, NpsCounts(promoters=1)),
        ):
            nps.set_counts(
                session,
                workshop_id=workshop,
                segment_id=segment_id,
                counts=counts,
                expected_version=0,
            )
        add_touchpoints(
            session,
            workshop_id=workshop,
            items=[
                TouchpointInput(
                    name="Сайт",
                    category=TouchpointCategory.BUSINESS,
                    rating=TouchpointRating.AWFUL,
                    idea="Сделать удобным на телефоне",
                    owner="Дарья",
                ),
                TouchpointInput(
                    name="Gift box",
                    category=TouchpointCategory.PRODUCT,
                    segment_id=cafes.id,
                    relationship_type=RelationshipType.CO_CREATION,
                    rating=TouchpointRating.WOW,
                ),
            ],
        )
    return workshop


def _export(engine, workshop_id: int) -> str:
    with reading(engine) as session:
        return export_json(reads.load_document(session, workshop_id=workshop_id))


def _import(engine, raw: bytes, lang: str = "en") -> int:
    document = parse_json(raw, lang)
    with transaction(engine) as session:
        return workshops.create_from_document(session, document=document).id


def _count_workshops(engine) -> int:
    with reading(engine) as session:
        return len(workshops.list_workshops(session))


def test_the_survey_and_touchpoints_survive_export_import_export(engine, workshop):
    exported = _export(engine, workshop)
    data = json.loads(exported)
    # Identical answers travel as one entry with a count, in the order first given.
    assert data["nps_answers"] == [
        {
            "score": 9,
            "why": "",
            "make_it_ten": "",
            "segment": "Кофейни",
            "answered_on": "2026-03-01",
            "count": 3,
        },
        {
            "score": 9,
            "why": "Вкусно",
            "make_it_ten": "",
            "segment": "Кофейни",
            "answered_on": "2026-03-01",
            "count": 1,
        },
        {
            "score": 2,
            "why": "",
            "make_it_ten": "",
            "segment": None,
            "answered_on": None,
            "count": 2,
        },
        {
            "score": 7,
            "why": "",
            "make_it_ten": "Faster delivery",
            "segment": "Offices",
            "answered_on": "2026-04-10",
            "count": 1,
        },
    ]
    typed = {
        c["segment"]: (c["promoters"], c["passives"], c["detractors"]) for c in data["nps_counts"]
    }
    assert typed == {"Offices": (5, 3, 2), None: (1, 0, 0)}
    assert [(p["name"], p["segment"], p["rating"]) for p in data["touchpoints"]] == [
        ("Сайт", None, "awful"),
        ("Gift box", "Кофейни", "wow"),
    ]

    copy = _import(engine, exported.encode())
    assert copy != workshop
    assert _export(engine, copy) == exported
    with reading(engine) as session:
        snapshot = reads.load_view(session, workshop_id=copy)
    cafes, offices = (view.segment.id for view in snapshot.segments)
    # Кофейни: 4 promoters. Offices: 1 passive answer + 5 P, 3 A, 2 D typed = 5 P, 4 A, 2 D.
    assert snapshot.nps.counts(cafes) == NpsCounts(promoters=4)
    assert snapshot.nps.counts(offices) == NpsCounts(promoters=5, passives=4, detractors=2)
    # Everyone: answers 4 P, 1 A, 2 D; typed 6 P, 3 A, 2 D → 10 P, 4 A, 4 D of 18,
    # NPS (10 − 4) / 18 = 33.3.
    overall = snapshot.nps.counts(overall=True)
    assert overall == NpsCounts(promoters=10, passives=4, detractors=4)
    assert overall.score() == pytest.approx(100 / 3)
    assert snapshot.nps.month_counts() == {
        "2026-03": NpsCounts(promoters=4),
        "2026-04": NpsCounts(passives=1),
    }
    gift = snapshot.touchpoints[1]
    assert (gift.segment_id, gift.relationship_type) == (cafes, RelationshipType.CO_CREATION)


def test_a_saved_snapshot_brings_back_the_survey_and_the_touchpoints(engine, workshop):
    before = _export(engine, workshop)
    with transaction(engine) as session:
        saved = saved_snapshots.save_snapshot(
            session, workshop_id=workshop, data=SnapshotInput(name="до")
        )
    with transaction(engine) as session:
        nps.clear_responses(session, workshop_id=workshop)
        nps.set_counts(
            session,
            workshop_id=workshop,
            segment_id=None,
            counts=NpsCounts(detractors=50),
            expected_version=1,
        )
        first = list_touchpoints(session, workshop_id=workshop)[0]
        delete_touchpoint(session, touchpoint_id=first.id)
    changed = _export(engine, workshop)
    assert changed != before

    with transaction(engine) as session:
        saved_snapshots.restore_snapshot(
            session, snapshot_id=saved.id, backup=SnapshotInput(name="после")
        )

    assert _export(engine, workshop) == before
    with reading(engine) as session:
        backup = saved_snapshots.list_snapshots(session, workshop_id=workshop)[0]
    assert backup.document.model_dump_json(indent=2) == changed
    assert backup.document.nps_answers == []


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("part", ["nps_answers", "touchpoints", "nps_counts"])
def test_a_document_naming_an_unknown_segment_is_refused_and_writes_nothing(
    engine, workshop, part, lang
):
    data = json.loads(_export(engine, workshop))
    data[part][-1]["segment"] = "Nowhere"
    before = _count_workshops(engine)
    with pytest.raises(ImportRefused) as refused:
        _import(engine, json.dumps(data).encode(), lang)
    assert refused.value.problems == [t("invalid.unknown_segment", lang)]
    assert _count_workshops(engine) == before


def test_an_imported_answer_holding_a_nul_character_is_refused_and_nothing_imported(
    engine, workshop
):
    # "\u0000" is valid JSON; PostgreSQL refuses NUL in text, so the import used to fail
    # in the driver half-way through the page's save instead of refusing
    data = json.loads(_export(engine, workshop))
    data["nps_answers"][0]["why"] = "Быстро\u0000и вкусно"
    before = _count_workshops(engine)
    with pytest.raises(ImportRefused):
        _import(engine, json.dumps(data).encode())
    assert _count_workshops(engine) == before
