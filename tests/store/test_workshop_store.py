"""Workshops, segments, answers and notes in the store, run the same way on SQLite and on a
real PostgreSQL server."""

from decimal import Decimal

import pytest
from pydantic import ValidationError
from sqlalchemy import Engine, event, func, select

from canvas.domain import (
    CanvasBlock,
    CanvasNote,
    CanvasNoteInput,
    CustomerSegment,
    DuplicateSegmentName,
    IntegrationBlock,
    Motive,
    NotFound,
    RelationshipInput,
    RelationshipType,
    SegmentInput,
    StaleEdit,
    TooManySegments,
    Workshop,
    WorkshopDocument,
    WorkshopInput,
    WorkshopView,
)
from canvas.store import notes as note_store
from canvas.store import reads, segments, workshops
from canvas.store import relationships as relationship_store
from canvas.store.db import reading, transaction
from canvas.store.tables import CanvasNoteRow, RelationshipRow, SegmentRow, WorkshopRow

PA = RelationshipType.PERSONAL_ASSISTANCE
SELF = RelationshipType.SELF_SERVICE
COMM = RelationshipType.COMMUNITIES

# ---------------------------------------------------------------- helpers


def new_workshop(engine: Engine, title: str = "Кофейня", **fields: str) -> Workshop:
    with transaction(engine) as session:
        return workshops.create_workshop(session, data=WorkshopInput(title=title, **fields))


def add_segment(engine: Engine, workshop_id: int, name: str, **fields: object) -> CustomerSegment:
    with transaction(engine) as session:
        return segments.add_segment(
            session, workshop_id=workshop_id, data=SegmentInput(name=name, **fields)
        )


def add_note(
    engine: Engine, workshop_id: int, text: str, segment_id: int | None = None
) -> CanvasNote:
    data = CanvasNoteInput(block=CanvasBlock.CHANNELS, text=text, segment_id=segment_id)
    with transaction(engine) as session:
        return note_store.add_note(session, workshop_id=workshop_id, data=data)


def snapshot(engine: Engine, workshop_id: int) -> WorkshopView:
    with reading(engine) as session:
        return reads.load_view(session, workshop_id=workshop_id)


def revision(engine: Engine, workshop_id: int) -> int:
    with reading(engine) as session:
        return reads.workshop_state(session, workshop_id=workshop_id).revision


def count(engine: Engine, table: type, **where: object) -> int:
    query = select(func.count()).select_from(table)
    for column, value in where.items():
        query = query.where(getattr(table, column) == value)
    with reading(engine) as session:
        return int(session.execute(query).scalar_one())


def segment_names(engine: Engine, workshop_id: int) -> list[str]:
    return [view.segment.name for view in snapshot(engine, workshop_id).segments]


def save_answers(
    engine: Engine,
    segment_id: int,
    answers: dict[RelationshipType, tuple[RelationshipInput, int]],
) -> None:
    with transaction(engine) as session:
        relationship_store.save_relationships(session, segment_id=segment_id, answers=answers)


# ---------------------------------------------------------------- workshops


def test_a_created_workshop_is_read_back_with_its_fields(engine: Engine) -> None:
    created = new_workshop(engine, "Кофейня у дома", company="ООО «Зерно»", currency="RUB")

    with reading(engine) as session:
        read = reads.get_workshop(session, workshop_id=created.id)

    assert read.title == "Кофейня у дома"
    assert read.company == "ООО «Зерно»"
    assert read.language == "ru"
    assert read.currency == "RUB"
    assert (read.version, read.revision) == (1, 1)
    assert read.access_token == created.access_token
    assert len(read.access_token) == 32  # token_urlsafe(24): 24 bytes -> 32 characters


def test_each_workshop_gets_its_own_access_token(engine: Engine) -> None:
    first = new_workshop(engine, "Один")
    second = new_workshop(engine, "Два")

    assert first.access_token != second.access_token


def test_workshops_are_listed_most_recently_changed_first(engine: Engine) -> None:
    older = new_workshop(engine, "Первый")
    newer = new_workshop(engine, "Второй")
    with transaction(engine) as session:
        workshops.update_workshop(
            session,
            workshop_id=older.id,
            data=WorkshopInput(title="Первый, исправленный"),
            expected_version=1,
        )

    with reading(engine) as session:
        listed = workshops.list_workshops(session)

    assert [w.id for w in listed] == [older.id, newer.id]
    assert listed[0].title == "Первый, исправленный"


def test_updating_a_workshop_saves_its_fields_and_bumps_its_version(engine: Engine) -> None:
    workshop = new_workshop(engine, "Черновик")

    with transaction(engine) as session:
        workshops.update_workshop(
            session,
            workshop_id=workshop.id,
            data=WorkshopInput(title="Bakery", company="Crumbs Ltd", language="en", currency="USD"),
            expected_version=1,
        )

    with reading(engine) as session:
        read = reads.get_workshop(session, workshop_id=workshop.id)
    assert (read.title, read.company, read.language, read.currency) == (
        "Bakery",
        "Crumbs Ltd",
        "en",
        "USD",
    )
    assert read.version == 2
    assert read.revision == 2


def test_a_deleted_workshop_is_gone(engine: Engine) -> None:
    workshop = new_workshop(engine)

    with transaction(engine) as session:
        workshops.delete_workshop(session, workshop_id=workshop.id)

    with reading(engine) as session, pytest.raises(NotFound):
        reads.get_workshop(session, workshop_id=workshop.id)
    with reading(engine) as session:
        assert workshops.list_workshops(session) == []


def test_deleting_a_workshop_removes_everything_in_it_and_nothing_else(engine: Engine) -> None:
    doomed = new_workshop(engine, "Удаляемый")
    kept = new_workshop(engine, "Остаётся")
    for workshop in (doomed, kept):
        first = add_segment(engine, workshop.id, "Студенты")
        add_segment(engine, workshop.id, "Офисы")
        add_note(engine, workshop.id, "Телеграм-канал", segment_id=first.id)
        add_note(engine, workshop.id, "Сайт")

    with transaction(engine) as session:
        workshops.delete_workshop(session, workshop_id=doomed.id)

    assert count(engine, WorkshopRow) == 1
    assert count(engine, SegmentRow) == 2
    assert count(engine, RelationshipRow) == 12  # 2 segments x 6 types
    assert count(engine, CanvasNoteRow) == 2
    assert count(engine, SegmentRow, workshop_id=doomed.id) == 0
    assert count(engine, CanvasNoteRow, workshop_id=doomed.id) == 0
    assert segment_names(engine, kept.id) == ["Студенты", "Офисы"]


def test_duplicating_a_workshop_copies_segments_answers_and_notes(engine: Engine) -> None:
    source = new_workshop(engine, "Оригинал", company="Зерно")
    students = add_segment(
        engine,
        source.id,
        "Студенты",
        customers=1500,
        revenue_per_customer=Decimal("1234.56"),
        retention_rate=40.0,
        colour="#E69F00",
    )
    offices = add_segment(engine, source.id, "Офисы")
    answer = RelationshipInput(
        expected=3,
        established=1,
        motives=frozenset({Motive.RETENTION}),
        yearly_cost=Decimal("1200.50"),
        integration={IntegrationBlock.CHANNELS: "через приложение"},
    )
    save_answers(engine, students.id, {PA: (answer, 1)})
    add_note(engine, source.id, "Доставка в офис", segment_id=offices.id)
    add_note(engine, source.id, "Сайт")

    with transaction(engine) as session:
        copy = workshops.duplicate_workshop(session, workshop_id=source.id, title="Копия")

    assert copy.id != source.id
    assert copy.access_token != source.access_token
    assert (copy.title, copy.company) == ("Копия", "Зерно")
    copied = snapshot(engine, copy.id)
    assert [v.segment.name for v in copied.segments] == ["Студенты", "Офисы"]
    copied_students, copied_offices = (v.segment for v in copied.segments)
    assert copied_students.id not in (students.id, offices.id)
    assert copied_students.customers == 1500
    assert copied_students.revenue_per_customer == Decimal("1234.56")
    assert copied_students.retention_rate == 40.0
    assert copied_students.colour == "#E69F00"
    assert len(copied.segments[0].relationships) == 6
    pa = copied.segments[0].relationships[PA]
    assert (pa.expected, pa.established) == (3, 1)
    assert pa.motives == frozenset({Motive.RETENTION})
    assert pa.yearly_cost == Decimal("1200.50")
    assert pa.integration == {IntegrationBlock.CHANNELS: "через приложение"}
    assert not copied.segments[0].relationships[SELF].touched
    assert [(n.text, n.segment_id) for n in copied.notes] == [
        ("Доставка в офис", copied_offices.id),
        ("Сайт", None),
    ]
    # The source is untouched.
    assert segment_names(engine, source.id) == ["Студенты", "Офисы"]
    assert count(engine, SegmentRow) == 4
    assert count(engine, RelationshipRow) == 24
    assert count(engine, CanvasNoteRow) == 4


# ---------------------------------------------------------------- segments


def test_a_new_segment_comes_with_six_empty_relationships(engine: Engine) -> None:
    workshop = new_workshop(engine)

    segment = add_segment(engine, workshop.id, "Студенты")

    view = snapshot(engine, workshop.id).segments[0]
    assert view.segment.id == segment.id
    assert list(view.relationships) == list(RelationshipType)
    for relationship in view.relationships.values():
        assert relationship.version == 1
        assert not relationship.touched
        assert relationship.yearly_cost is None
    assert count(engine, RelationshipRow, segment_id=segment.id) == 6


def test_segments_keep_the_order_they_were_added_in(engine: Engine) -> None:
    workshop = new_workshop(engine)
    for name in ["Студенты", "Офисы", "Пенсионеры"]:
        add_segment(engine, workshop.id, name)

    assert segment_names(engine, workshop.id) == ["Студенты", "Офисы", "Пенсионеры"]
    assert [v.segment.position for v in snapshot(engine, workshop.id).segments] == [0, 1, 2]


def test_moving_a_segment_reorders_the_list(engine: Engine) -> None:
    workshop = new_workshop(engine)
    a = add_segment(engine, workshop.id, "A")
    add_segment(engine, workshop.id, "B")
    c = add_segment(engine, workshop.id, "C")

    with transaction(engine) as session:
        segments.move_segment(session, segment_id=c.id, offset=-2)
    assert segment_names(engine, workshop.id) == ["C", "A", "B"]

    with transaction(engine) as session:
        segments.move_segment(session, segment_id=a.id, offset=5)  # past the end: stops last
    assert segment_names(engine, workshop.id) == ["C", "B", "A"]


def test_moving_the_first_segment_up_changes_nothing(engine: Engine) -> None:
    workshop = new_workshop(engine)
    a = add_segment(engine, workshop.id, "A")
    add_segment(engine, workshop.id, "B")
    before = revision(engine, workshop.id)

    with transaction(engine) as session:
        segments.move_segment(session, segment_id=a.id, offset=-1)

    assert segment_names(engine, workshop.id) == ["A", "B"]
    assert revision(engine, workshop.id) == before


def test_updating_a_segment_saves_every_field_and_bumps_its_version(engine: Engine) -> None:
    workshop = new_workshop(engine)
    segment = add_segment(engine, workshop.id, "Студенты")

    with transaction(engine) as session:
        segments.update_segment(
            session,
            segment_id=segment.id,
            data=SegmentInput(
                name="Студенты вузов",
                description="Живут рядом с кампусом",
                customers=2500,
                revenue_per_customer=Decimal("4800"),
                acquisition_cost=Decimal("350.50"),
                retention_rate=62.5,
                colour="#009E73",
            ),
            expected_version=1,
        )

    saved = snapshot(engine, workshop.id).segments[0].segment
    assert saved.name == "Студенты вузов"
    assert saved.description == "Живут рядом с кампусом"
    assert saved.customers == 2500
    assert saved.revenue_per_customer == Decimal("4800")
    assert saved.acquisition_cost == Decimal("350.50")
    assert saved.retention_rate == 62.5
    assert saved.colour == "#009E73"
    assert saved.version == 2
    assert saved.yearly_revenue == Decimal("12000000")  # 2500 x 4800


@pytest.mark.parametrize("again", [" cafés ", "Cafés", "CAFÉS", "cafés"])
def test_adding_a_segment_with_a_name_already_taken_is_refused(engine: Engine, again: str) -> None:
    workshop = new_workshop(engine)
    add_segment(engine, workshop.id, "Cafés")
    before = revision(engine, workshop.id)

    with pytest.raises(DuplicateSegmentName):
        add_segment(engine, workshop.id, again)

    assert count(engine, SegmentRow) == 1
    assert count(engine, RelationshipRow) == 6
    assert revision(engine, workshop.id) == before


def test_renaming_a_segment_to_a_name_already_taken_is_refused(engine: Engine) -> None:
    workshop = new_workshop(engine)
    add_segment(engine, workshop.id, "Cafés")
    bars = add_segment(engine, workshop.id, "Bars")
    before = revision(engine, workshop.id)

    with transaction(engine) as session, pytest.raises(DuplicateSegmentName):
        segments.update_segment(
            session, segment_id=bars.id, data=SegmentInput(name=" cafés "), expected_version=1
        )

    assert segment_names(engine, workshop.id) == ["Cafés", "Bars"]
    assert snapshot(engine, workshop.id).segments[1].segment.version == 1
    assert revision(engine, workshop.id) == before


def test_the_same_name_may_be_used_in_another_workshop(engine: Engine) -> None:
    first = new_workshop(engine, "Первый")
    second = new_workshop(engine, "Второй")
    add_segment(engine, first.id, "Cafés")

    add_segment(engine, second.id, "Cafés")

    assert count(engine, SegmentRow) == 2


def test_a_segment_may_keep_its_own_name_or_change_its_case(engine: Engine) -> None:
    workshop = new_workshop(engine)
    bars = add_segment(engine, workshop.id, "Bars")

    with transaction(engine) as session:
        segments.update_segment(
            session,
            segment_id=bars.id,
            data=SegmentInput(name="Bars", customers=10),
            expected_version=1,
        )
    with transaction(engine) as session:
        segments.update_segment(
            session, segment_id=bars.id, data=SegmentInput(name="BARS"), expected_version=2
        )

    saved = snapshot(engine, workshop.id).segments[0].segment
    assert (saved.name, saved.version) == ("BARS", 3)


def test_a_name_that_grows_when_case_folded_is_stored(engine: Engine) -> None:
    # "ß" folds to "ss": the duplicate key of a 120-character name is 240 characters.
    workshop = new_workshop(engine)
    long_name = "ß" * 120

    add_segment(engine, workshop.id, long_name)

    assert segment_names(engine, workshop.id) == [long_name]
    with pytest.raises(DuplicateSegmentName):
        add_segment(engine, workshop.id, "ẞ" * 120)  # capital sharp s folds to "ss" too


def test_deleting_a_segment_removes_its_answers_and_its_notes(engine: Engine) -> None:
    workshop = new_workshop(engine)
    doomed = add_segment(engine, workshop.id, "Студенты")
    kept = add_segment(engine, workshop.id, "Офисы")
    add_note(engine, workshop.id, "Скидка по студенческому", segment_id=doomed.id)
    add_note(engine, workshop.id, "Доставка", segment_id=kept.id)
    add_note(engine, workshop.id, "Сайт")

    with transaction(engine) as session:
        segments.delete_segment(session, segment_id=doomed.id)

    assert segment_names(engine, workshop.id) == ["Офисы"]
    assert count(engine, RelationshipRow, segment_id=doomed.id) == 0
    assert count(engine, RelationshipRow) == 6
    assert [n.text for n in snapshot(engine, workshop.id).notes] == ["Доставка", "Сайт"]


def test_a_workshop_refuses_more_than_max_segments(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(segments, "MAX_SEGMENTS", 3)
    workshop = new_workshop(engine)
    for name in ["A", "B", "C"]:
        add_segment(engine, workshop.id, name)

    with pytest.raises(TooManySegments) as refused:
        add_segment(engine, workshop.id, "D")

    assert refused.value.params == {"limit": 3}
    assert count(engine, SegmentRow) == 3
    assert count(engine, RelationshipRow) == 18


# ---------------------------------------------------------------- relationships


def test_saved_answers_are_read_back(engine: Engine) -> None:
    workshop = new_workshop(engine)
    segment = add_segment(engine, workshop.id, "Студенты")
    answer = RelationshipInput(
        expected=2,
        established=3,
        motives=frozenset({Motive.UPSELLING, Motive.ACQUISITION}),
        yearly_cost=Decimal("0"),
        integration={
            IntegrationBlock.KEY_RESOURCES: "модераторы",
            IntegrationBlock.CHANNELS: "чат",
        },
    )

    save_answers(engine, segment.id, {COMM: (answer, 1)})

    saved = snapshot(engine, workshop.id).segments[0].relationships[COMM]
    assert (saved.expected, saved.established, saved.gap) == (2, 3, -1)
    assert saved.motives == frozenset({Motive.ACQUISITION, Motive.UPSELLING})
    assert saved.yearly_cost == Decimal("0")
    assert saved.integration == {
        IntegrationBlock.CHANNELS: "чат",
        IntegrationBlock.KEY_RESOURCES: "модераторы",
    }
    assert saved.version == 2


def test_one_stale_answer_among_several_saves_none_of_them(engine: Engine) -> None:
    workshop = new_workshop(engine)
    segment = add_segment(engine, workshop.id, "Студенты")
    save_answers(engine, segment.id, {SELF: (RelationshipInput(expected=1), 1)})  # now v2
    before = revision(engine, workshop.id)

    with pytest.raises(StaleEdit):
        save_answers(
            engine,
            segment.id,
            {
                PA: (RelationshipInput(expected=3), 1),  # fresh, written first
                SELF: (RelationshipInput(expected=2), 1),  # stale
            },
        )

    relationships = snapshot(engine, workshop.id).segments[0].relationships
    assert (relationships[PA].expected, relationships[PA].version) == (0, 1)
    assert (relationships[SELF].expected, relationships[SELF].version) == (1, 2)
    assert revision(engine, workshop.id) == before


def test_an_unchanged_answer_keeps_its_version(engine: Engine) -> None:
    workshop = new_workshop(engine)
    segment = add_segment(engine, workshop.id, "Студенты")
    answer = RelationshipInput(expected=2, motives=frozenset({Motive.RETENTION}))
    save_answers(engine, segment.id, {PA: (answer, 1)})

    save_answers(
        engine,
        segment.id,
        {PA: (answer, 2), SELF: (RelationshipInput(), 1)},  # the same, and still empty
    )

    relationships = snapshot(engine, workshop.id).segments[0].relationships
    assert relationships[PA].version == 2
    assert relationships[SELF].version == 1


# ---------------------------------------------------------------- notes


def test_notes_are_added_in_order_and_can_be_edited(engine: Engine) -> None:
    workshop = new_workshop(engine)
    segment = add_segment(engine, workshop.id, "Студенты")
    first = add_note(engine, workshop.id, "Сайт")
    add_note(engine, workshop.id, "Телеграм", segment_id=segment.id)

    with transaction(engine) as session:
        note_store.update_note(
            session,
            note_id=first.id,
            data=CanvasNoteInput(
                block=CanvasBlock.KEY_PARTNERS, text="Университет", segment_id=segment.id
            ),
            expected_version=1,
        )

    notes = snapshot(engine, workshop.id).notes
    assert [(n.block, n.text, n.segment_id, n.version) for n in notes] == [
        (CanvasBlock.KEY_PARTNERS, "Университет", segment.id, 2),
        (CanvasBlock.CHANNELS, "Телеграм", segment.id, 1),
    ]


def test_a_note_cannot_be_tied_to_a_segment_of_another_workshop(engine: Engine) -> None:
    mine = new_workshop(engine, "Мой")
    theirs = new_workshop(engine, "Чужой")
    their_segment = add_segment(engine, theirs.id, "Чужие клиенты")
    note = add_note(engine, mine.id, "Сайт")

    with pytest.raises(NotFound):
        add_note(engine, mine.id, "Телеграм", segment_id=their_segment.id)
    with transaction(engine) as session, pytest.raises(NotFound):
        note_store.update_note(
            session,
            note_id=note.id,
            data=CanvasNoteInput(
                block=CanvasBlock.CHANNELS, text="Сайт", segment_id=their_segment.id
            ),
            expected_version=1,
        )

    assert [(n.text, n.segment_id) for n in snapshot(engine, mine.id).notes] == [("Сайт", None)]


def test_deleting_a_note_removes_only_that_note(engine: Engine) -> None:
    workshop = new_workshop(engine)
    doomed = add_note(engine, workshop.id, "Старое")
    add_note(engine, workshop.id, "Новое")

    with transaction(engine) as session:
        note_store.delete_note(session, note_id=doomed.id)

    assert [n.text for n in snapshot(engine, workshop.id).notes] == ["Новое"]


# ---------------------------------------------------------------- optimistic locking


def test_a_stale_workshop_edit_is_refused_and_the_fresh_values_stay(engine: Engine) -> None:
    workshop = new_workshop(engine, "Исходное")
    with transaction(engine) as session:  # someone else saves first
        workshops.update_workshop(
            session, workshop_id=workshop.id, data=WorkshopInput(title="Их"), expected_version=1
        )

    with transaction(engine) as session, pytest.raises(StaleEdit):
        workshops.update_workshop(
            session, workshop_id=workshop.id, data=WorkshopInput(title="Моё"), expected_version=1
        )

    with reading(engine) as session:
        read = reads.get_workshop(session, workshop_id=workshop.id)
    assert (read.title, read.version, read.revision) == ("Их", 2, 2)


def test_a_stale_segment_edit_is_refused_and_the_fresh_values_stay(engine: Engine) -> None:
    workshop = new_workshop(engine)
    segment = add_segment(engine, workshop.id, "Студенты")
    with transaction(engine) as session:
        segments.update_segment(
            session,
            segment_id=segment.id,
            data=SegmentInput(name="Студенты", customers=100),
            expected_version=1,
        )

    with transaction(engine) as session, pytest.raises(StaleEdit):
        segments.update_segment(
            session,
            segment_id=segment.id,
            data=SegmentInput(name="Студенты", customers=999),
            expected_version=1,
        )

    saved = snapshot(engine, workshop.id).segments[0].segment
    assert (saved.customers, saved.version) == (100, 2)


def test_a_stale_answer_is_refused_and_the_fresh_values_stay(engine: Engine) -> None:
    workshop = new_workshop(engine)
    segment = add_segment(engine, workshop.id, "Студенты")
    save_answers(engine, segment.id, {PA: (RelationshipInput(expected=3), 1)})

    with pytest.raises(StaleEdit):
        save_answers(engine, segment.id, {PA: (RelationshipInput(expected=1), 1)})

    saved = snapshot(engine, workshop.id).segments[0].relationships[PA]
    assert (saved.expected, saved.version) == (3, 2)


def test_a_stale_note_edit_is_refused_and_the_fresh_values_stay(engine: Engine) -> None:
    workshop = new_workshop(engine)
    note = add_note(engine, workshop.id, "Сайт")
    with transaction(engine) as session:
        note_store.update_note(
            session,
            note_id=note.id,
            data=CanvasNoteInput(block=CanvasBlock.CHANNELS, text="Сайт и приложение"),
            expected_version=1,
        )

    with transaction(engine) as session, pytest.raises(StaleEdit):
        note_store.update_note(
            session,
            note_id=note.id,
            data=CanvasNoteInput(block=CanvasBlock.CHANNELS, text="Только сайт"),
            expected_version=1,
        )

    saved = snapshot(engine, workshop.id).notes[0]
    assert (saved.text, saved.version) == ("Сайт и приложение", 2)


def test_editing_deleted_records_raises_not_found(engine: Engine) -> None:
    workshop = new_workshop(engine)
    segment = add_segment(engine, workshop.id, "Студенты")
    note = add_note(engine, workshop.id, "Сайт")
    with transaction(engine) as session:
        note_store.delete_note(session, note_id=note.id)
        segments.delete_segment(session, segment_id=segment.id)

    with transaction(engine) as session, pytest.raises(NotFound):
        segments.update_segment(
            session, segment_id=segment.id, data=SegmentInput(name="X"), expected_version=1
        )
    with pytest.raises(NotFound):
        save_answers(engine, segment.id, {PA: (RelationshipInput(expected=1), 1)})
    with transaction(engine) as session, pytest.raises(NotFound):
        segments.move_segment(session, segment_id=segment.id, offset=1)
    with transaction(engine) as session, pytest.raises(NotFound):
        segments.delete_segment(session, segment_id=segment.id)
    with transaction(engine) as session, pytest.raises(NotFound):
        note_store.update_note(
            session,
            note_id=note.id,
            data=CanvasNoteInput(block=CanvasBlock.CHANNELS, text="Y"),
            expected_version=1,
        )
    with transaction(engine) as session, pytest.raises(NotFound):
        note_store.delete_note(session, note_id=note.id)

    with transaction(engine) as session:
        workshops.delete_workshop(session, workshop_id=workshop.id)
    with transaction(engine) as session, pytest.raises(NotFound):
        workshops.update_workshop(
            session, workshop_id=workshop.id, data=WorkshopInput(title="Z"), expected_version=1
        )
    with transaction(engine) as session, pytest.raises(NotFound):
        segments.add_segment(session, workshop_id=workshop.id, data=SegmentInput(name="X"))
    with reading(engine) as session, pytest.raises(NotFound):
        reads.workshop_state(session, workshop_id=workshop.id)
    with reading(engine) as session, pytest.raises(NotFound):
        reads.load_view(session, workshop_id=workshop.id)


def test_every_change_bumps_the_workshop_revision(engine: Engine) -> None:
    workshop = new_workshop(engine)
    assert revision(engine, workshop.id) == 1
    steps = []

    def step(name: str) -> None:
        steps.append((name, revision(engine, workshop.id)))

    first = add_segment(engine, workshop.id, "A")
    step("add_segment")
    second = add_segment(engine, workshop.id, "B")
    step("add_segment")
    with transaction(engine) as session:
        segments.update_segment(
            session, segment_id=first.id, data=SegmentInput(name="A2"), expected_version=1
        )
    step("update_segment")
    save_answers(engine, first.id, {PA: (RelationshipInput(expected=1), 1)})
    step("save_relationships")
    with transaction(engine) as session:
        segments.move_segment(session, segment_id=second.id, offset=-1)
    step("move_segment")
    note = add_note(engine, workshop.id, "Сайт")
    step("add_note")
    with transaction(engine) as session:
        note_store.update_note(
            session,
            note_id=note.id,
            data=CanvasNoteInput(block=CanvasBlock.CHANNELS, text="Сайт!"),
            expected_version=1,
        )
    step("update_note")
    with transaction(engine) as session:
        note_store.delete_note(session, note_id=note.id)
    step("delete_note")
    with transaction(engine) as session:
        segments.delete_segment(session, segment_id=second.id)
    step("delete_segment")
    with transaction(engine) as session:
        workshops.update_workshop(
            session, workshop_id=workshop.id, data=WorkshopInput(title="T"), expected_version=1
        )
    step("update_workshop")

    assert [r for _, r in steps] == list(range(2, 12)), steps


# ---------------------------------------------------------------- values round-trip


def test_money_round_trips_exactly_as_decimal(engine: Engine) -> None:
    workshop = new_workshop(engine)
    segment = add_segment(
        engine,
        workshop.id,
        "Корпоративные",
        revenue_per_customer=Decimal("1234.56"),
        acquisition_cost=Decimal("1000000000000"),
    )
    save_answers(engine, segment.id, {PA: (RelationshipInput(yearly_cost=Decimal("0.01")), 1)})

    view = snapshot(engine, workshop.id).segments[0]
    revenue = view.segment.revenue_per_customer
    cost = view.segment.acquisition_cost
    yearly = view.relationships[PA].yearly_cost
    assert isinstance(revenue, Decimal)
    assert isinstance(cost, Decimal)
    assert isinstance(yearly, Decimal)
    assert revenue == Decimal("1234.56")
    assert cost == Decimal("1000000000000")
    assert yearly == Decimal("0.01")
    with reading(engine) as session:
        row = session.get(SegmentRow, segment.id)
        assert row is not None
        assert row.revenue_per_customer_minor == 123456
        assert row.acquisition_cost_minor == 100000000000000


def test_cyrillic_emoji_and_html_round_trip_unchanged(engine: Engine) -> None:
    title = "Кофейня «Зёрна» ☕"
    company = "<b>ООО</b> & Co"
    name = "Студенты 🎓👩‍🎓"
    description = "<script>alert(1)</script>\nвторая строка\t🙂"
    note_text = "Канал в Телеграме 📣 <img src=x onerror=alert(1)>"
    integration = "ещё «кавычки» & <тег>"
    workshop = new_workshop(engine, title, company=company)
    segment = add_segment(engine, workshop.id, name, description=description)
    add_note(engine, workshop.id, note_text, segment_id=segment.id)
    save_answers(
        engine,
        segment.id,
        {PA: (RelationshipInput(integration={IntegrationBlock.CHANNELS: integration}), 1)},
    )

    read = snapshot(engine, workshop.id)

    assert (read.workshop.title, read.workshop.company) == (title, company)
    assert read.segments[0].segment.name == name
    assert read.segments[0].segment.description == description
    assert read.segments[0].relationships[PA].integration == {
        IntegrationBlock.CHANNELS: integration
    }
    assert read.notes[0].text == note_text


def test_a_description_at_the_limit_is_stored_whole(engine: Engine) -> None:
    workshop = new_workshop(engine)
    description = "д" * 4000

    add_segment(engine, workshop.id, "Студенты", description=description)

    assert snapshot(engine, workshop.id).segments[0].segment.description == description


def test_a_too_long_description_is_refused_before_reaching_the_store(engine: Engine) -> None:
    workshop = new_workshop(engine)

    with pytest.raises(ValidationError) as refused:
        add_segment(engine, workshop.id, "Студенты", description="x" * 10_000)

    assert [e["loc"] for e in refused.value.errors()] == [("description",)]
    assert count(engine, SegmentRow) == 0
    assert revision(engine, workshop.id) == 1


# ---------------------------------------------------------------- snapshots and documents


def _workshop_with_segments(engine: Engine, how_many: int) -> int:
    document = WorkshopDocument.model_validate(
        {
            "workshop": {"title": f"{how_many} сегментов"},
            "segments": [
                {
                    "name": f"Сегмент {i}",
                    "relationships": [{"type": "self_service", "expected": 2}],
                }
                for i in range(how_many)
            ],
            "notes": [
                {"block": "channels", "text": f"Заметка {i}", "segment": f"Сегмент {i}"}
                for i in range(how_many)
            ],
        }
    )
    with transaction(engine) as session:
        workshop_id = workshops.create_from_document(session, document=document).id
    return workshop_id


def _statements_to_load(engine: Engine, workshop_id: int) -> tuple[list[str], WorkshopView]:
    seen: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        loaded = snapshot(engine, workshop_id)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return seen, loaded


def test_loading_a_snapshot_takes_the_same_queries_for_2_or_40_segments(engine: Engine) -> None:
    small = _workshop_with_segments(engine, 2)
    large = _workshop_with_segments(engine, 40)

    small_statements, small_snapshot = _statements_to_load(engine, small)
    large_statements, large_snapshot = _statements_to_load(engine, large)

    assert len(small_snapshot.segments) == 2
    assert len(large_snapshot.segments) == 40
    assert sum(len(v.relationships) for v in large_snapshot.segments) == 240
    assert len(large_snapshot.notes) == 40
    assert len(large_statements) == len(small_statements)
    # The workshop, its segments, their relationships, its notes; one query for each
    # framework's answers (SHURA cells, SHURA risks, rule scores, loyalty ratings); the NPS
    # survey's scores per segment and per day, its typed-in counts and its newest
    # comments; the touchpoints; the trainer's comments.
    selects = [s for s in large_statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 4 + 4 + 4 + 1 + 1


def test_a_document_note_names_its_segment_and_is_linked_to_it(engine: Engine) -> None:
    document = WorkshopDocument.model_validate(
        {
            "workshop": {"title": "Импорт", "language": "en", "currency": "USD"},
            "segments": [
                {"name": "Cafés", "customers": 12},
                {
                    "name": "Offices",
                    "relationships": [
                        {
                            "type": "communities",
                            "established": 2,
                            "motives": ["retention"],
                            "yearly_cost": "150.75",
                        }
                    ],
                },
            ],
            "notes": [
                {"block": "channels", "text": "Street signs", "segment": " CAFÉS "},
                {"block": "key_partners", "text": "Roasters"},
            ],
        }
    )

    with transaction(engine) as session:
        workshop = workshops.create_from_document(session, document=document)

    read = snapshot(engine, workshop.id)
    cafes, offices = (v.segment for v in read.segments)
    assert (cafes.name, cafes.customers, offices.name) == ("Cafés", 12, "Offices")
    assert [(n.text, n.segment_id) for n in read.notes] == [
        ("Street signs", cafes.id),
        ("Roasters", None),
    ]
    communities = read.segments[1].relationships[COMM]
    assert communities.established == 2
    assert communities.motives == frozenset({Motive.RETENTION})
    assert communities.yearly_cost == Decimal("150.75")
    assert count(engine, RelationshipRow) == 12
    assert (read.workshop.language, read.workshop.currency) == ("en", "USD")


def test_deleting_a_workshop_removes_its_trainer_comments_even_without_foreign_keys(
    engine: Engine,
) -> None:
    from sqlalchemy import create_engine
    from sqlmodel import Session

    from canvas.domain.course import CommentInput
    from canvas.store import comments
    from canvas.store.tables import TrainerCommentRow

    if engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL always enforces foreign keys")
    doomed, kept = new_workshop(engine, "Удаляемый"), new_workshop(engine, "Остаётся")
    with transaction(engine) as session:
        for workshop in (doomed, kept):
            comments.add_comment(session, workshop_id=workshop.id, data=CommentInput(text="Ок"))
    # a plain engine on the same file: SQLite's foreign keys are off unless switched on
    plain = create_engine(engine.url)
    try:
        with Session(plain) as session, session.begin():
            workshops.delete_workshop(session, workshop_id=doomed.id)
    finally:
        plain.dispose()

    assert count(engine, TrainerCommentRow, workshop_id=doomed.id) == 0
    assert count(engine, TrainerCommentRow, workshop_id=kept.id) == 1
