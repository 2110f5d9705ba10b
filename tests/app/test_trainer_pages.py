"""The trainer's pages in course mode: two canvases side by side, comments the participant
reads in their sidebar, and the whole course as one PDF or a ZIP."""

import io
import json
import zipfile
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from canvas.domain import NotFound, SegmentInput, WorkshopInput
from canvas.domain.course import CourseInput, JoinRequest, ParticipantRename
from canvas.store import comments, courses, participants, reads, segments, workshops
from canvas.store.db import make_engine, reading, transaction
from tests.app.driver import (
    TRAINER_GALLERY,
    alerts,
    assert_ok,
    block_name,
    open_app,
    say,
    seen,
    titles,
    trainer_at,
    widget,
)

PASSWORD = "correct horse battery staple"


@pytest.fixture
def room(db: str, monkeypatch: pytest.MonkeyPatch, lang: str) -> dict[str, Any]:
    """Course mode on; Anna has the segment "Office workers", Boris "Students"."""
    monkeypatch.setenv("TRAINER_PASSWORD", PASSWORD)
    engine = make_engine(db)
    try:
        with transaction(engine) as session:
            course = courses.create_course(session, data=CourseInput(title="Spring", language=lang))
            people = {}
            for name, segment in (("Anna", "Office workers"), ("Boris", "Students")):
                workshop = courses.join_course(
                    session, request=JoinRequest(code=course.join_code, display_name=name)
                )
                added = segments.add_segment(
                    session, workshop_id=workshop.id, data=SegmentInput(name=segment)
                )
                people[name] = (workshop, added.id)
    finally:
        engine.dispose()
    return {"course": course, "people": people, "db": db}


def _trainer(lang: str, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    return trainer_at(TRAINER_GALLERY, lang, PASSWORD, monkeypatch)


def _stored_comments(room: dict[str, Any], name: str) -> list[Any]:
    engine = make_engine(room["db"])
    try:
        with reading(engine) as session:
            workshop = room["people"][name][0]
            return comments.list_comments(session, workshop_id=workshop.id)
    finally:
        engine.dispose()


def _comment(at: AppTest, lang: str, about: str, text: str) -> AppTest:
    widget(at.selectbox, say(lang, "trainer.comment.about")).set_value(about)
    widget(at.text_area, say(lang, "trainer.comment.text")).input(text)
    widget(at.button, say(lang, "trainer.comment.add")).click().run()
    return assert_ok(at)


# ------------------------------------------------------------------ compare


def test_the_trainer_compares_two_participants_side_by_side(room, lang, monkeypatch):
    at = _trainer(lang, monkeypatch)
    left = widget(at.selectbox, say(lang, "trainer.compare.left"))
    right = widget(at.selectbox, say(lang, "trainer.compare.right"))
    anna, boris = room["people"]["Anna"][0].id, room["people"]["Boris"][0].id
    assert (left.value, right.value) == (anna, boris)
    headings = [seen(h.value) for h in at.header]
    assert "Anna" in headings and "Boris" in headings
    # each side shows its segment count: one segment each
    assert [m.value for m in at.metric if m.label == say(lang, "trainer.compare.segments")] == [
        "1",
        "1",
    ]
    # each side's canvas is a list of blocks, not a drawing too narrow to read
    relationships = block_name("customer_relationships", lang)
    assert len([m for m in at.markdown if m.value.startswith(f"**{relationships}**")]) == 2
    assert len([c for c in at.get("plotly_chart")]) == 0


def test_choosing_the_same_participant_twice_shows_them_on_both_sides(room, lang, monkeypatch):
    at = _trainer(lang, monkeypatch)
    anna = room["people"]["Anna"][0].id
    widget(at.selectbox, say(lang, "trainer.compare.right")).set_value(anna).run()
    assert_ok(at)
    assert [seen(h.value) for h in at.header].count("Anna") == 2


# ------------------------------------------------------------------ comments


def test_a_comment_on_a_block_reaches_the_participants_sidebar(room, lang, monkeypatch):
    at = _trainer(lang, monkeypatch)
    _comment(at, lang, "block:channels", "Which channel brings the *regulars*?")
    [stored] = _stored_comments(room, "Anna")
    assert (stored.block, stored.segment_id) == ("channels", None)
    # the trainer's list shows it at once
    line = f"- {block_name('channels', lang)}: Which channel brings the *regulars*?"
    assert line in [seen(m.value) for m in at.markdown]

    anna = room["people"]["Anna"][0]
    participant = open_app(lang, k=anna.access_token)
    [box] = [
        e
        for e in participant.sidebar.expander
        if e.label == say(lang, "comments.sidebar_unread", n=1, unread=1)
    ]
    assert [seen(m.value) for m in box.markdown] == [line]


def test_a_comment_on_a_segment_names_the_segment(room, lang, monkeypatch):
    at = _trainer(lang, monkeypatch)
    segment = room["people"]["Anna"][1]
    _comment(at, lang, f"segment:{segment}", "Ask them what they miss")
    [stored] = _stored_comments(room, "Anna")
    assert (stored.block, stored.segment_id) == (None, segment)

    participant = open_app(lang, k=room["people"]["Anna"][0].access_token)
    [box] = [
        e
        for e in participant.sidebar.expander
        if e.label == say(lang, "comments.sidebar_unread", n=1, unread=1)
    ]
    assert [seen(m.value) for m in box.markdown] == ["- Office workers: Ask them what they miss"]


def test_a_comment_on_the_whole_workshop_goes_to_the_chosen_participant(room, lang, monkeypatch):
    at = _trainer(lang, monkeypatch)
    boris = room["people"]["Boris"][0].id
    widget(at.selectbox, say(lang, "trainer.comment.participant")).set_value(boris).run()
    _comment(at, lang, "whole", "Good start")
    assert _stored_comments(room, "Anna") == []
    [stored] = _stored_comments(room, "Boris")
    assert (stored.text, stored.block, stored.segment_id) == ("Good start", None, None)


def test_a_blank_comment_is_refused_with_a_message_and_nothing_is_saved(room, lang, monkeypatch):
    at = _trainer(lang, monkeypatch)
    _comment(at, lang, "block:channels", "   ")
    assert any(say(lang, "invalid.blank") in a for a in alerts(at))
    assert _stored_comments(room, "Anna") == []


def test_the_trainer_deletes_a_comment(room, lang, monkeypatch):
    at = _trainer(lang, monkeypatch)
    _comment(at, lang, "whole", "Remove me")
    assert len(_stored_comments(room, "Anna")) == 1
    widget(at.button, say(lang, "trainer.comment.delete")).click().run()
    assert_ok(at)
    assert _stored_comments(room, "Anna") == []
    assert say(lang, "trainer.comment.none") in [c.value for c in at.caption]


# ------------------------------------------------------------------ export


def test_the_export_tab_offers_the_pdf_and_the_zip(room, lang, monkeypatch):
    at = _trainer(lang, monkeypatch)
    labels = [b.label for b in at.get("download_button")]
    assert say(lang, "trainer.export.pdf") in labels and say(lang, "trainer.export.zip") in labels
    assert say(lang, "deck_file.download") in labels


def test_the_deck_builder_gives_one_participants_slides(room, lang):
    from pptx import Presentation

    from ui.panels.trainer.export import deck_builder

    boris = room["people"]["Boris"][0].id
    deck = Presentation(io.BytesIO(deck_builder(boris, lang)()))
    said = [s.text_frame.text for slide in deck.slides for s in slide.shapes if s.has_text_frame]
    assert say(lang, "deck_file.gap.title", segment="Students") in said


def test_the_export_tab_offers_the_blank_worksheet_for_a_room_without_laptops(
    room, lang, monkeypatch
):
    at = _trainer(lang, monkeypatch)
    labels = [b.label for b in at.get("download_button")]
    assert say(lang, "handout.worksheet.button") in labels


def test_the_course_builders_give_one_pdf_and_a_zip_of_every_workshop(room, lang):
    from ui.panels.trainer.export import pdf_builder, zip_builder

    ids = [room["people"][name][0].id for name in ("Anna", "Boris")]
    assert pdf_builder(ids, lang, "Spring")().startswith(b"%PDF")
    with zipfile.ZipFile(io.BytesIO(zip_builder(ids, lang)())) as archive:
        assert archive.namelist() == [
            "001-Anna.pdf",
            "001-Anna.json",
            "002-Boris.pdf",
            "002-Boris.json",
        ]
        boris = json.loads(archive.read("002-Boris.json"))
    assert [s["name"] for s in boris["segments"]] == ["Students"]


# ------------------------------------------------------------------ gallery freshness


def test_an_unchanged_gallery_rerun_sends_no_sql_and_a_participants_save_shows_next(
    room, lang, monkeypatch
):
    from sqlalchemy import event

    from ui.engine import engine

    at = _trainer(lang, monkeypatch)
    sent: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        if statement.strip().upper() != "BEGIN":
            sent.append(statement)

    event.listen(engine(), "before_cursor_execute", count)
    try:
        assert_ok(at.run())
        assert sent == []  # the courses, the gallery and both canvases come from memory

        # Anna adds a segment from her own session
        anna = open_app(lang, k=room["people"]["Anna"][0].access_token)
        anna.switch_page("app_pages/segments.py").run()
        form = "add_segment"
        widget(anna.text_input, say(lang, "field.name"), form=form).input("Freelancers")
        widget(anna.button, say(lang, "segments.add_button")).click().run()
        assert_ok(anna)

        assert_ok(at.run())
        assert sent  # the gallery was read again
    finally:
        event.remove(engine(), "before_cursor_execute", count)
    # Anna now has two segments, Boris still one
    assert {row[0]: row[1] for row in _gallery_rows(at)} == {"Anna": "2", "Boris": "1"}


def _gallery_rows(at: AppTest) -> list[list[str]]:
    """The gallery table's rows, cell by cell, as the page wrote them (names unescaped)."""
    [table] = [m.value for m in at.markdown if m.value.startswith("| ")]
    rows = table.splitlines()[2:]
    return [[seen(c.strip()).strip("*") for c in row.strip("|").split(" | ")] for row in rows]


def test_the_gallery_shows_each_participants_progress_question_by_question(room, lang, monkeypatch):
    at = _trainer(lang, monkeypatch)
    # one segment each, no relationship answered yet: 0 of 1 for every question, 0 %
    zero = "▱" * 10 + " " + ("0%" if lang == "en" else "0\u00a0%")
    assert _gallery_rows(at) == [
        ["Anna", "1", zero, "0/1", "0/1", "0/1", "0/1", "0"],
        ["Boris", "1", zero, "0/1", "0/1", "0/1", "0/1", "0"],
    ]
    header = next(m.value for m in at.markdown if m.value.startswith("| ")).splitlines()[0]
    assert say(lang, "trainer.table.participant") in header
    assert say(lang, "question.short.expected") in header


def test_the_trainer_opens_a_participants_canvas_from_the_gallery(room, lang, monkeypatch):
    at = _trainer(lang, monkeypatch)
    boris = room["people"]["Boris"][0].id
    widget(at.selectbox, say(lang, "trainer.open_which")).set_value(boris)
    widget(at.button, say(lang, "trainer.open")).click().run()
    assert_ok(at)
    assert titles(at) == [say(lang, "page.canvas")]
    assert "Boris" in [seen(m.value).strip("*") for m in at.sidebar.markdown]


def test_the_trainer_opens_a_participants_workshop_as_a_deck_from_the_gallery(
    room, lang, monkeypatch
):
    at = _trainer(lang, monkeypatch)
    boris = room["people"]["Boris"][0]
    widget(at.selectbox, say(lang, "trainer.open_which")).set_value(boris.id)
    widget(at.button, say(lang, "deck.open")).click().run()
    assert_ok(at)
    # the deck's title slide of Boris's workshop (not the demo), with his segment's gap slide
    assert [seen(title) for title in titles(at)] == [boris.title]
    slides = widget(at.selectbox, say(lang, "deck.jump")).options
    assert say(lang, "deck.slide.gap", segment="Students") in "".join(slides)


def test_a_frozen_courses_workshop_opens_as_a_deck_without_the_banner(room, lang, monkeypatch):
    engine = make_engine(room["db"])
    try:
        with transaction(engine) as session:
            courses.set_frozen(session, course_id=room["course"].id, frozen=True)
    finally:
        engine.dispose()
    at = _trainer(lang, monkeypatch)
    boris = room["people"]["Boris"][0]
    widget(at.selectbox, say(lang, "trainer.open_which")).set_value(boris.id)
    widget(at.button, say(lang, "trainer.open")).click().run()
    assert say(lang, "frozen.banner_trainer") in alerts(at)  # his canvas says so …
    at.switch_page("app_pages/trainer.py").run()
    widget(at.selectbox, say(lang, "trainer.open_which")).set_value(boris.id)
    widget(at.button, say(lang, "deck.open")).click().run()
    assert_ok(at)
    assert [seen(title) for title in titles(at)] == [boris.title]
    assert alerts(at) == []  # … the projector does not


def test_the_trainers_workshop_list_leaves_the_participants_to_the_gallery(room, lang, monkeypatch):
    engine = make_engine(room["db"])
    try:
        with transaction(engine) as session:
            workshops.create_workshop(session, data=WorkshopInput(title="Trainer's example"))
    finally:
        engine.dispose()
    at = _trainer(lang, monkeypatch)
    at.switch_page("app_pages/workshops.py").run()
    assert_ok(at)
    listed = [seen(m.value) for m in at.markdown]
    assert any("Trainer's example" in line for line in listed)
    assert not any("Anna" in line or "Boris" in line for line in listed)
    assert say(lang, "workshops.course_note") in [c.value for c in at.caption]


# ------------------------------------------------------------------ rename and remove


def _stored(room: dict[str, Any], name: str) -> Any:
    """The participant's workshop as stored now, or ``None`` once it is gone."""
    engine = make_engine(room["db"])
    try:
        with reading(engine) as session:
            return reads.get_workshop(session, workshop_id=room["people"][name][0].id)
    except NotFound:
        return None
    finally:
        engine.dispose()


def _choose(at: AppTest, lang: str, room: dict[str, Any], name: str) -> AppTest:
    chosen = room["people"][name][0].id
    widget(at.selectbox, say(lang, "trainer.people.choose")).set_value(chosen).run()
    return assert_ok(at)


def _rename(at: AppTest, lang: str, new_name: str) -> AppTest:
    widget(at.text_input, say(lang, "field.new_name")).input(new_name)
    widget(at.button, say(lang, "trainer.people.rename")).click().run()
    return assert_ok(at)


def test_the_trainer_renames_a_participant_and_the_title_that_was_the_name(room, lang, monkeypatch):
    at = _trainer(lang, monkeypatch)
    _rename(_choose(at, lang, room, "Boris"), lang, "Boris Petrov")

    boris = _stored(room, "Boris")
    assert (boris.participant, boris.title) == ("Boris Petrov", "Boris Petrov")
    assert [row[0] for row in _gallery_rows(at)] == ["Anna", "Boris Petrov"]
    assert _stored(room, "Anna").participant == "Anna"


def test_renaming_to_a_name_taken_in_the_course_is_refused_in_the_users_language(
    room, lang, monkeypatch
):
    at = _trainer(lang, monkeypatch)
    _rename(_choose(at, lang, room, "Boris"), lang, " ANNA ")
    taken = say(lang, "error.participant_name_taken", name="ANNA")
    assert any(taken in alert for alert in alerts(at))
    assert _stored(room, "Boris").participant == "Boris"


def test_renaming_to_an_empty_name_is_refused_with_a_message(room, lang, monkeypatch):
    at = _trainer(lang, monkeypatch)
    _rename(_choose(at, lang, room, "Boris"), lang, "  ")
    blank = f"{say(lang, 'field.new_name')}: {say(lang, 'invalid.blank')}"
    assert any(blank in alert for alert in alerts(at))
    assert _stored(room, "Boris").participant == "Boris"


def test_a_rename_after_someone_else_renamed_the_participant_is_refused_as_stale(
    room, lang, monkeypatch
):
    at = _trainer(lang, monkeypatch)
    _choose(at, lang, room, "Boris")
    boris = room["people"]["Boris"][0]
    engine = make_engine(room["db"])
    try:
        with transaction(engine) as session:  # another trainer's tab, meanwhile
            participants.rename_participant(
                session,
                course_id=room["course"].id,
                workshop_id=boris.id,
                data=ParticipantRename(new_name="Bob", expected_version=boris.version),
            )
    finally:
        engine.dispose()

    _rename(at, lang, "Boris P.")

    assert any(say(lang, "error.stale_rename") in alert for alert in alerts(at))
    assert _stored(room, "Boris").participant == "Bob"
    # the page now shows the current name, ready for a second try
    assert widget(at.text_input, say(lang, "field.new_name")).value == "Bob"


def test_removing_without_ticking_the_confirmation_deletes_nothing(room, lang, monkeypatch):
    at = _trainer(lang, monkeypatch)
    _choose(at, lang, room, "Boris")
    widget(at.button, say(lang, "trainer.people.remove")).click().run()
    assert_ok(at)
    assert say(lang, "trainer.people.confirm_first") in alerts(at)
    assert _stored(room, "Boris") is not None
    assert [row[0] for row in _gallery_rows(at)] == ["Anna", "Boris"]


def test_removing_with_the_confirmation_deletes_the_participants_workshop(room, lang, monkeypatch):
    at = _trainer(lang, monkeypatch)
    _choose(at, lang, room, "Boris")
    widget(at.checkbox, say(lang, "trainer.people.confirm", name="Boris")).check().run()
    widget(at.button, say(lang, "trainer.people.remove")).click().run()
    assert_ok(at)

    assert _stored(room, "Boris") is None
    assert _stored(room, "Anna") is not None
    assert [row[0] for row in _gallery_rows(at)] == ["Anna"]
    assert say(lang, "trainer.gallery", n=1) in [h.value for h in at.header]


def test_removing_a_participant_someone_else_already_removed_says_so(room, lang, monkeypatch):
    at = _trainer(lang, monkeypatch)
    _choose(at, lang, room, "Boris")
    engine = make_engine(room["db"])
    try:
        with transaction(engine) as session:  # another trainer's tab, meanwhile
            participants.remove_participant(
                session, course_id=room["course"].id, workshop_id=room["people"]["Boris"][0].id
            )
    finally:
        engine.dispose()
    widget(at.checkbox, say(lang, "trainer.people.confirm", name="Boris")).check().run()
    widget(at.button, say(lang, "trainer.people.remove")).click().run()
    assert_ok(at)

    assert any(say(lang, "error.participant_gone") in alert for alert in alerts(at))
    assert [row[0] for row in _gallery_rows(at)] == ["Anna"]
