"""The Workshops page: a trainer creates, opens, renames, copies and deletes workshops,
and a reload of the page keeps the workshop that was open."""

from canvas.store import workshops
from canvas.store.db import make_engine, transaction
from tests.app.driver import (
    DEMO,
    add_workshop,
    alerts,
    assert_ok,
    load,
    run_app,
    say,
    shown,
    sidebar_text,
    titles,
    widget,
    workshop_titles,
)


def _listed(at) -> list[str]:
    """The workshop cards' bold first lines: the title, marked 🟢 when open."""
    cards = [m for m in at.markdown if m.value.startswith(("**", "🟢 **"))]
    return [line.split("\n")[0].strip() for line in shown(cards)]


def test_creating_a_workshop_through_the_form_opens_it_on_the_segments_page(db, lang):
    at = run_app(lang)
    assert say(lang, "workshops.none") in alerts(at)

    form = "create_workshop"
    widget(at.text_input, say(lang, "field.title"), form=form).set_value("Bakery «Crumb»")
    widget(at.text_input, say(lang, "field.company"), form=form).set_value("Crumb & Co")
    widget(at.button, say(lang, "workshops.create_button"), form=form).click()
    assert_ok(at.run())

    assert workshop_titles(db) == ["Bakery «Crumb»"]
    snap = load(db, int(at.query_params["w"]))
    assert snap.workshop.company == "Crumb & Co"
    assert snap.workshop.currency == {"ru": "RUB", "en": "USD"}[lang]
    assert titles(at) == [say(lang, "page.segments")]
    assert "Bakery «Crumb»" in sidebar_text(at)
    sign = {"ru": "₽", "en": "$"}[lang]  # RUB's and USD's signs, as the tables write them
    revenue = say(lang, "field.revenue_per_customer") + ", " + sign
    assert widget(at.text_input, revenue, form="add_segment").value == ""


def test_a_workshop_without_a_title_is_refused_and_not_created(db, lang):
    at = run_app(lang)

    widget(at.text_input, say(lang, "field.title"), form="create_workshop").set_value("   ")
    widget(at.button, say(lang, "workshops.create_button"), form="create_workshop").click()
    assert_ok(at.run())

    expected = f"{say(lang, 'field.title')}: {say(lang, 'invalid.blank')}"
    assert shown(at.error) == [f"{say(lang, 'error.title')}\n\n- {expected}"]
    assert workshop_titles(db) == []
    assert titles(at) == [say(lang, "page.workshops")]


def test_loading_the_demo_opens_it_on_the_canvas(db, lang):
    at = run_app(lang)

    widget(at.button, say(lang, "workshops.demo_button")).click()
    assert_ok(at.run())

    demo_title = DEMO[lang]["workshop"]["title"]
    assert workshop_titles(db) == [demo_title]
    assert titles(at) == [say(lang, "page.canvas")]
    assert load(db, int(at.query_params["w"])).workshop.title == demo_title
    assert demo_title in sidebar_text(at)
    assert at.query_params["lang"] == lang


def test_opening_a_workshop_from_the_list_marks_it_and_names_it_in_the_sidebar(db, lang):
    first = add_workshop(db, "First", lang)
    add_workshop(db, "Second", lang)
    at = run_app(lang)
    assert say(lang, "sidebar.no_workshop") in sidebar_text(at)

    at.button(key=f"open-{first}").click()
    assert_ok(at.run())

    assert "🟢 First" in _listed(at)
    assert "Second" in _listed(at)
    assert at.button(key=f"open-{first}").disabled
    assert "First" in sidebar_text(at)
    assert at.query_params["w"] == str(first)


def test_renaming_a_workshop_saves_the_new_title_and_company(db, lang):
    workshop = add_workshop(db, "Old title", lang, company="Old company")
    at = run_app(lang, workshop, page="workshops")

    form = f"rename-{workshop}-"
    widget(at.text_input, say(lang, "field.title"), form=form).set_value("New title")
    widget(at.text_input, say(lang, "field.company"), form=form).set_value("New company")
    widget(at.button, say(lang, "workshops.rename"), form=form).click()
    assert_ok(at.run())

    renamed = load(db, workshop).workshop
    assert (renamed.title, renamed.company) == ("New title", "New company")
    assert "🟢 New title" in _listed(at)
    assert "New title" in sidebar_text(at)


def test_duplicating_a_workshop_adds_a_copy_with_the_translated_title(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    at = run_app(lang, workshop, page="workshops")

    at.button(key=f"dup-{workshop}").click()
    assert_ok(at.run())

    copy_title = {"ru": "Копия: Roastery", "en": "Copy of Roastery"}[lang]
    assert copy_title == say(lang, "workshops.copy_title", title="Roastery")
    assert sorted(workshop_titles(db)) == sorted(["Roastery", copy_title])
    assert copy_title in _listed(at)
    # the original stays open
    assert "🟢 Roastery" in _listed(at)


def test_deleting_a_workshop_needs_the_confirmation_and_removes_it(db, lang):
    workshop = add_workshop(db, "Doomed", lang)
    kept = add_workshop(db, "Kept", lang)
    at = run_app(lang, workshop, page="workshops")

    delete = at.button(key=f"del-{workshop}")
    assert delete.label == say(lang, "workshops.delete")
    assert delete.disabled
    confirm = at.checkbox(key=f"sure-{workshop}")
    assert confirm.label == say(lang, "workshops.confirm_delete")
    confirm.check()
    assert_ok(at.run())
    assert not at.button(key=f"del-{workshop}").disabled
    assert sorted(workshop_titles(db)) == ["Doomed", "Kept"]

    at.button(key=f"del-{workshop}").click()
    assert_ok(at.run())

    assert workshop_titles(db) == ["Kept"]
    assert _listed(at) == ["Kept"]
    assert "w" not in at.query_params
    assert say(lang, "sidebar.no_workshop") in sidebar_text(at)
    assert at.button(key=f"open-{kept}").label == say(lang, "workshops.open")


def test_reloading_with_the_workshop_in_the_address_keeps_it_open(db, lang):
    workshop = add_workshop(db, "Kept across reloads", lang)
    first = run_app(lang)
    first.button(key=f"open-{workshop}").click()
    assert_ok(first.run())
    address = dict(first.query_params)
    assert address == {"w": str(workshop), "lang": lang}

    # a new browser session with the same address
    again = run_app(address["lang"], int(address["w"]), page="segments")

    assert "Kept across reloads" in sidebar_text(again)
    assert titles(again) == [say(lang, "page.segments")]
    assert again.query_params["w"] == str(workshop)


def _create(at, lang: str, title: str) -> None:
    widget(at.text_input, say(lang, "field.title"), form="create_workshop").input(title)
    widget(at.button, say(lang, "workshops.create_button")).click()
    assert_ok(at.run())


def test_a_new_workshop_that_reuses_a_deleted_ones_number_shows_its_own_data(db, lang):
    at = run_app(lang)
    _create(at, lang, "First")
    assert "First" in sidebar_text(at)
    first = int(at.query_params["w"])

    at.switch_page("app_pages/workshops.py").run()
    widget(at.checkbox, say(lang, "workshops.confirm_delete")).check()
    assert_ok(at.run())
    widget(at.button, say(lang, "workshops.delete")).click()
    assert_ok(at.run())
    assert workshop_titles(db) == []

    # SQLite hands the freed number to the next workshop, at the same first revision
    _create(at, lang, "Second")
    assert int(at.query_params["w"]) == first
    assert "Second" in sidebar_text(at)
    assert "First" not in sidebar_text(at)


def test_a_database_from_a_newer_release_stops_the_app_with_the_reason_and_no_traceback(db, lang):
    from sqlalchemy import text

    engine = make_engine(db)
    try:
        with engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = '0042_future'"))
    finally:
        engine.dispose()
    at = run_app(lang)
    [box] = [e.value for e in at.error]
    assert "0042_future" in box
    assert box.startswith(say(lang, "error.schema_too_new", found="0042_future", newest="")[:40])
    assert titles(at) == []  # no page ran


def test_a_link_to_a_workshop_that_does_not_exist_says_so_until_one_is_opened(db, lang):
    kept = add_workshop(db, "Still here", lang)
    missing = say(lang, "common.workshop_missing", number=999)

    at = run_app(lang, 999)
    assert missing in alerts(at)
    assert "w" not in at.query_params  # the wrong number leaves the address

    at.switch_page("app_pages/segments.py").run()
    assert missing in alerts(at)
    assert say(lang, "common.no_workshop") not in alerts(at)

    at.switch_page("app_pages/workshops.py").run()
    at.button(key=f"open-{kept}").click()
    assert_ok(at.run())
    assert missing not in alerts(at)
    assert "Still here" in sidebar_text(at)


def test_a_saved_link_to_a_deleted_workshop_says_it_is_gone_instead_of_showing_nothing(db, lang):
    gone = add_workshop(db, "Deleted later", lang)
    engine = make_engine(db)
    try:
        with transaction(engine) as session:
            workshops.delete_workshop(session, workshop_id=gone)
    finally:
        engine.dispose()

    at = run_app(lang, gone, page="canvas")

    assert say(lang, "common.workshop_missing", number=gone) in alerts(at)
    assert say(lang, "sidebar.no_workshop") in sidebar_text(at)
