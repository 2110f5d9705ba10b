"""Summary & export: download buttons, and snapshots saved, compared and restored."""

from tests.app.driver import (
    add_demo,
    add_segment,
    assert_ok,
    demo_segment_names,
    load,
    run_app,
    say,
    shown,
    titles,
    widget,
)


def _download_labels(at) -> list[str]:
    return [element.proto.label for element in at.get("download_button")]


def test_the_summary_offers_every_export_in_the_users_language(db, lang):
    workshop = add_demo(db, lang)
    at = run_app(lang, workshop, page="summary")

    assert titles(at) == [say(lang, "page.summary")]
    assert _download_labels(at) == [
        say(lang, "summary.pdf"),
        say(lang, "summary.html"),
        say(lang, "summary.markdown"),
        say(lang, "summary.json"),
        say(lang, "deck_file.download"),
        say(lang, "handout.worksheet.button"),
    ]
    assert say(lang, "summary.no_snapshots") in shown(at.info)


def test_the_pdf_takes_the_theory_when_asked_and_the_blank_worksheet_is_offered(db, lang):
    workshop = add_demo(db, lang)
    at = run_app(lang, workshop, page="summary")

    theory = widget(at.checkbox, say(lang, "handout.with_theory"))
    assert theory.value is False  # the default export stays as it was
    theory.check()
    assert_ok(at.run())
    assert widget(at.checkbox, say(lang, "handout.with_theory")).value is True
    assert say(lang, "handout.worksheet.button") in _download_labels(at)
    assert say(lang, "handout.worksheet.help") in [c.value for c in at.caption]


def test_a_snapshot_shows_what_changed_since_and_restores_it(db, lang):
    workshop = add_demo(db, lang)
    at = run_app(lang, workshop, page="summary")

    widget(at.text_input, say(lang, "summary.snapshot_name")).set_value("before the course")
    widget(at.button, say(lang, "summary.snapshot_save")).click()
    assert_ok(at.run())
    assert say(lang, "changes.none") in shown(at.info)

    # another participant adds a segment; this session reloads its view
    add_segment(db, workshop, "Hotels")
    widget(at.button, say(lang, "sidebar.reload")).click()
    assert_ok(at.run())
    assert say(lang, "changes.added", name="Hotels") in "\n".join(shown(at.markdown))

    restore = widget(at.button, say(lang, "summary.restore"))
    assert restore.disabled
    widget(at.checkbox, say(lang, "summary.confirm_restore")).check()
    assert_ok(at.run())
    widget(at.button, say(lang, "summary.restore")).click()
    assert_ok(at.run())

    names = [view.segment.name for view in load(db, workshop).segments]
    assert names == demo_segment_names(lang)
    backup = say(lang, "summary.backup_name", name="before the course")
    options = widget(at.selectbox, say(lang, "summary.snapshot_pick")).options
    assert any(option.startswith(backup) for option in options)
