"""The presentation view: the canvas in large type, nothing to edit, one segment at a time."""

from streamlit.testing.v1 import AppTest

from tests.app.driver import (
    alerts,
    demo_segment_names,
    run_app,
    say,
    seen,
    titles,
    widget,
)

PRESENT = "app_pages/present.py"


def _segment_heading(at: AppTest) -> list[str]:
    return [seen(h.value) for h in at.subheader]


def _heading(lang: str, n: int, name: str, total: int) -> str:
    return say(lang, "present.segment", n=n, total=total, name=name)


def test_without_an_open_workshop_the_demo_is_presented(db, lang):
    at = run_app(lang, page=PRESENT)
    names = demo_segment_names(lang)
    assert titles(at) == [say(lang, "page.present")]
    assert _segment_heading(at) == [_heading(lang, 1, names[0], len(names))]
    assert len(at.get("plotly_chart")) == 2  # the canvas and the segment's levels


def test_the_open_workshop_is_presented(shared, lang):
    at = run_app(lang, shared.demo[lang], page=PRESENT)
    names = demo_segment_names(lang)
    assert _segment_heading(at) == [_heading(lang, 1, names[0], len(names))]


def test_next_steps_to_the_second_segment_and_previous_comes_back(shared, lang):
    at = run_app(lang, shared.demo[lang], page=PRESENT)
    names = demo_segment_names(lang)
    widget(at.button, say(lang, "present.next")).click().run()
    assert _segment_heading(at) == [_heading(lang, 2, names[1], len(names))]
    widget(at.button, say(lang, "present.previous")).click().run()
    assert _segment_heading(at) == [_heading(lang, 1, names[0], len(names))]


def test_the_ends_of_the_list_cannot_be_stepped_past(shared, lang):
    at = run_app(lang, shared.demo[lang], page=PRESENT)
    names = demo_segment_names(lang)
    assert widget(at.button, say(lang, "present.previous")).disabled
    for _ in range(len(names) - 1):
        widget(at.button, say(lang, "present.next")).click().run()
    assert widget(at.button, say(lang, "present.next")).disabled
    assert _segment_heading(at) == [_heading(lang, len(names), names[-1], len(names))]


def test_the_page_has_no_editing_widgets(shared, lang):
    at = run_app(lang, shared.demo[lang], page=PRESENT)
    for kind in ("text_input", "text_area", "number_input", "slider", "selectbox", "form"):
        assert list(at.get(kind)) == [], kind
    # only the two stepping buttons (and the sidebar's reload) are there to press
    assert {say(lang, "present.previous"), say(lang, "present.next")} <= {
        b.label for b in at.button
    }


def test_an_empty_workshop_says_it_has_no_segments_and_still_shows_the_canvas(shared, lang):
    at = run_app(lang, shared.empty[lang], page=PRESENT)
    assert say(lang, "present.no_segments") in alerts(at)
    assert len(at.get("plotly_chart")) == 1


def test_the_demo_can_replace_the_open_workshop(shared, lang):
    at = run_app(lang, shared.empty[lang], page=PRESENT)
    widget(at.toggle, say(lang, "present.demo")).set_value(True).run()
    names = demo_segment_names(lang)
    assert _segment_heading(at) == [_heading(lang, 1, names[0], len(names))]
