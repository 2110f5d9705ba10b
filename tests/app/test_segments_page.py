"""The Segments page: adding, checking, editing, ordering and deleting customer segments,
and refusing to overwrite what another participant saved meanwhile."""

from canvas.domain import SegmentInput
from canvas.store import segments as segment_store
from canvas.store.db import make_engine, transaction
from tests.app.driver import (
    add_segment,
    add_workshop,
    assert_ok,
    lead,
    load,
    run_app,
    say,
    seen,
    shown,
    titles,
    widget,
)

ADD = "add_segment"


def _fill_add_form(at, lang: str, **values) -> None:
    """Type into the add-segment form; keys are the form's fields by their UI label key.

    The figures are text fields read as the user writes numbers; a number is typed as
    Python spells it.
    """
    for field, value in values.items():
        inputs = at.text_area if field == "description" else at.text_input
        widget(inputs, say(lang, f"field.{field}"), form=ADD).set_value(str(value))
    widget(at.button, say(lang, "segments.add_button"), form=ADD).click()


def _listed(at, lang: str) -> list[str]:
    """The segment names in the page's table, top to bottom."""
    [table] = at.dataframe
    return list(table.value[say(lang, "field.name")])


def _pick(at, lang: str, segment_id: int) -> None:
    """Choose the segment to edit, move or delete."""
    widget(at.selectbox, say(lang, "field.segment")).set_value(segment_id)
    assert_ok(at.run())


def _names(url: str, workshop_id: int) -> list[str]:
    return [view.segment.name for view in load(url, workshop_id).segments]


def _problems(at, lang: str) -> list[str]:
    """The lines of the "Not saved" box."""
    [box] = shown(at.error)
    heading, _, items = box.partition("\n\n")
    assert heading == say(lang, "error.title")
    return [line.removeprefix("- ") for line in items.split("\n")]


def test_two_segments_added_through_the_form_are_listed_in_order(db, lang):
    workshop = add_workshop(db, "Shop", lang)
    at = run_app(lang, workshop, page="segments")

    _fill_add_form(at, lang, name="Offices", customers=45, retention_rate=64.0)
    assert_ok(at.run())
    # the form cleared itself: only what is typed now is sent
    _fill_add_form(at, lang, name="Cafés", description="Small coffee shops")
    assert_ok(at.run())

    segments = [view.segment for view in load(db, workshop).segments]
    assert [s.name for s in segments] == ["Offices", "Cafés"]
    assert (segments[0].customers, segments[0].retention_rate) == (45, 64.0)
    assert (segments[1].description, segments[1].customers) == ("Small coffee shops", None)
    assert not at.error
    assert _listed(at, lang) == ["Offices", "Cafés"]
    [table] = at.dataframe
    assert list(table.value[say(lang, "field.customers")]) == ["45", "—"]
    assert widget(at.selectbox, say(lang, "field.segment")).options == ["Offices", "Cafés"]


def test_a_blank_segment_name_is_refused_in_the_users_language(db, lang):
    workshop = add_workshop(db, "Shop", lang)
    at = run_app(lang, workshop, page="segments")

    _fill_add_form(at, lang, name="   ", customers=10)
    assert_ok(at.run())

    expected = f"{say(lang, 'field.name')}: {say(lang, 'invalid.blank')}"
    if lang == "ru":
        assert expected == "Название: не может быть пустым."
    assert _problems(at, lang) == [expected]
    assert _names(db, workshop) == []


def test_a_duplicate_name_in_another_case_and_with_spaces_is_refused(db, lang):
    workshop = add_workshop(db, "Shop", lang)
    add_segment(db, workshop, "Home subscribers")
    at = run_app(lang, workshop, page="segments")

    _fill_add_form(at, lang, name="  HOME Subscribers  ")
    assert_ok(at.run())

    assert _problems(at, lang) == [say(lang, "error.duplicate_segment", name="HOME Subscribers")]
    assert _names(db, workshop) == ["Home subscribers"]
    assert _listed(at, lang) == ["Home subscribers"]


def test_too_many_customers_and_retention_over_100_are_refused_naming_both_fields(db, lang):
    workshop = add_workshop(db, "Shop", lang)
    at = run_app(lang, workshop, page="segments")

    _fill_add_form(at, lang, name="Everyone", customers=10**15, retention_rate=120.0)
    assert_ok(at.run())

    problems = _problems(at, lang)
    at_most = lead(lang, "invalid.less_than_equal")
    assert len(problems) == 2
    assert problems[0].startswith(f"{say(lang, 'field.customers')}: {at_most}")
    assert problems[1] == f"{say(lang, 'field.retention_rate')}: " + say(
        lang, "invalid.less_than_equal", le="100"
    )
    assert _names(db, workshop) == []
    # what the user typed is still there to correct
    assert widget(at.text_input, say(lang, "field.name"), form=ADD).value == "Everyone"
    assert widget(at.text_input, say(lang, "field.customers"), form=ADD).value == str(10**15)


def test_html_in_a_segment_name_is_saved_and_shown_as_plain_text(db, lang):
    workshop = add_workshop(db, "Shop", lang)
    at = run_app(lang, workshop, page="segments")
    script = "<script>alert(1)</script>"

    _fill_add_form(at, lang, name=script)
    assert_ok(at.run())

    assert _names(db, workshop) == [script]
    # The segments page shows names in a table (cells are text) and a select box.
    assert _listed(at, lang) == [script]
    assert widget(at.selectbox, say(lang, "field.segment")).options == [script]
    assert all("<script>" not in m.value for m in [*at.markdown, *at.caption])
    # the only HTML is the app's constant style and script (ui/reflow.py), never the name
    assert all("alert(1)" not in str(element.proto) for element in at.get("html"))
    # The relationships page writes it into markdown (no HTML allowed), escaped so
    # that the reader sees the characters themselves.
    at.switch_page("app_pages/relationships.py")
    assert_ok(at.run())
    [help_text] = [m for m in at.markdown if script in seen(m.value)]
    assert seen(help_text.value) == seen(say(lang, "relationships.form_help", segment=script))
    assert r"\<script\>alert\(1\)\</script\>" in help_text.value
    assert not help_text.proto.allow_html
    assert all("<script>" not in m.value for m in [*at.markdown, *at.caption])
    # the only HTML is the app's constant style and script (ui/reflow.py), never the name
    assert all("alert(1)" not in str(element.proto) for element in at.get("html"))


def test_editing_a_segment_saves_the_new_values(db, lang):
    workshop = add_workshop(db, "Shop", lang)
    add_segment(db, workshop, "Cafés")
    segment = add_segment(db, workshop, "Offices", customers=45)
    at = run_app(lang, workshop, page="segments")
    _pick(at, lang, segment)

    form = f"edit-{segment}-1"
    assert widget(at.text_input, say(lang, "field.name"), form=form).value == "Offices"
    widget(at.text_input, say(lang, "field.name"), form=form).set_value("Offices and coworkings")
    widget(at.text_input, say(lang, "field.customers"), form=form).set_value("50")
    widget(at.button, say(lang, "segments.save"), form=form).click()
    assert_ok(at.run())

    edited = load(db, workshop).segments[1].segment
    assert (edited.name, edited.customers, edited.version) == ("Offices and coworkings", 50, 2)
    assert not at.error
    assert _listed(at, lang) == ["Cafés", "Offices and coworkings"]
    [table] = at.dataframe
    assert list(table.value[say(lang, "field.customers")])[1] == "50"


def test_moving_a_segment_down_and_up_changes_the_order(db, lang):
    workshop = add_workshop(db, "Shop", lang)
    alpha = add_segment(db, workshop, "Alpha")
    add_segment(db, workshop, "Beta")
    at = run_app(lang, workshop, page="segments")
    _pick(at, lang, alpha)
    assert widget(at.button, say(lang, "segments.up")).disabled

    widget(at.button, say(lang, "segments.down")).click()
    assert_ok(at.run())
    assert _names(db, workshop) == ["Beta", "Alpha"]
    assert _listed(at, lang) == ["Beta", "Alpha"]
    assert widget(at.button, say(lang, "segments.down")).disabled

    widget(at.button, say(lang, "segments.up")).click()
    assert_ok(at.run())
    assert _names(db, workshop) == ["Alpha", "Beta"]
    assert _listed(at, lang) == ["Alpha", "Beta"]


def test_deleting_a_segment_needs_the_confirmation(db, lang):
    workshop = add_workshop(db, "Shop", lang)
    doomed = add_segment(db, workshop, "Doomed")
    add_segment(db, workshop, "Kept")
    at = run_app(lang, workshop, page="segments")
    _pick(at, lang, doomed)

    assert widget(at.button, say(lang, "segments.delete")).disabled
    widget(at.checkbox, say(lang, "segments.confirm_delete")).check()
    assert_ok(at.run())
    assert _names(db, workshop) == ["Doomed", "Kept"]
    assert not widget(at.button, say(lang, "segments.delete")).disabled

    widget(at.button, say(lang, "segments.delete")).click()
    assert_ok(at.run())

    assert _names(db, workshop) == ["Kept"]
    assert _listed(at, lang) == ["Kept"]


def test_an_edit_over_another_users_change_is_refused_and_keeps_their_value(db, lang):
    workshop = add_workshop(db, "Shop", lang)
    segment = add_segment(db, workshop, "Offices", customers=45)
    at = run_app(lang, workshop, page="segments")

    # meanwhile another participant renames the segment
    engine = make_engine(db)
    with transaction(engine) as session:
        segment_store.update_segment(
            session,
            segment_id=segment,
            data=SegmentInput(name="Offices (theirs)", customers=45),
            expected_version=1,
        )
    engine.dispose()

    form = f"edit-{segment}-1"
    widget(at.text_input, say(lang, "field.name"), form=form).set_value("Offices (mine)")
    widget(at.button, say(lang, "segments.save"), form=form).click()
    assert_ok(at.run())

    assert _problems(at, lang) == [say(lang, "error.stale_edit")]
    [view] = load(db, workshop).segments
    assert (view.segment.name, view.segment.version) == ("Offices (theirs)", 2)
    # the same screen already shows the fresh value, as the message promises,
    # and the edit form now carries the fresh version
    assert _listed(at, lang) == ["Offices (theirs)"]
    fresh = widget(at.text_input, say(lang, "field.name"), form=f"edit-{segment}-2")
    assert fresh.value == "Offices (theirs)"
    assert titles(at) == [say(lang, "page.segments")]


def test_a_rename_over_another_sessions_rename_through_the_page_is_refused(db, lang):
    workshop = add_workshop(db, "Shop", lang)
    segment = add_segment(db, workshop, "Offices", customers=45)
    mine, theirs = (run_app(lang, workshop, page="segments") for _ in range(2))

    form = f"edit-{segment}-1"
    widget(theirs.text_input, say(lang, "field.name"), form=form).set_value("Offices (theirs)")
    widget(theirs.button, say(lang, "segments.save"), form=form).click()
    assert_ok(theirs.run())
    assert not theirs.error

    # my session's next run would show version 2; my submit still answers to version 1
    widget(mine.text_input, say(lang, "field.name"), form=form).set_value("Offices (mine)")
    widget(mine.button, say(lang, "segments.save"), form=form).click()
    assert_ok(mine.run())

    assert _problems(mine, lang) == [say(lang, "error.stale_edit")]
    [view] = load(db, workshop).segments
    assert view.segment.name == "Offices (theirs)"
