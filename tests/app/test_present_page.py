"""The projected deck: slides stepped through with previous, next and the slide list, the
slide in the URL, every slide of the demo and of an empty workshop drawn in both languages.

Expected headings come from the i18n files, the catalogue and the demo's file.
"""

import re
from typing import Any

from streamlit.testing.v1 import AppTest

from tests.app.driver import (
    APP,
    DEMO,
    TIMEOUT,
    add_segment,
    add_workshop,
    assert_ok,
    demo_segment_names,
    run_app,
    say,
    seen,
    shown,
    titles,
    type_name,
    widget,
)

PRESENT = "app_pages/present.py"
# the course's order; the gap slides (one per segment) come after the canvas
BEFORE_GAPS = ["title", "why", "questions", "types", "canvas"]
AFTER_GAPS = [
    "shura",
    "twelve_rules",
    "nps",
    "touchpoints",
    "loyalty_check",
    "recommendations",
    "sources",
]


def _jump(at: AppTest, lang: str) -> Any:
    return widget(at.selectbox, say(lang, "deck.jump"))


def _heading(at: AppTest) -> str:
    (shown,) = titles(at)
    return seen(shown)


def _expected_heading(lang: str, key: str, demo_title: str) -> str:
    """What the slide ``key`` of the demo's deck is titled, from the texts' files."""
    if key == "title":
        return demo_title
    if key.startswith("gap-"):
        # the demo's segments are numbered 1, 2, … in their file's order
        name = demo_segment_names(lang)[int(key.removeprefix("gap-")) - 1]
        return say(lang, "deck.slide.gap", segment=name)
    return say(lang, f"deck.slide.{key}")


def _demo_title(lang: str) -> str:
    return str(DEMO[lang]["workshop"]["title"])


def _demo_keys(lang: str) -> list[str]:
    gaps = [f"gap-{n}" for n in range(1, len(demo_segment_names(lang)) + 1)]
    return [*BEFORE_GAPS, *gaps, *AFTER_GAPS]


def _labels(lang: str, keys: list[str]) -> list[str]:
    """The slide list's entries: the title slide is listed by its kind, not the workshop's."""
    return [
        say(
            lang,
            "deck.slide_label",
            n=n,
            total=len(keys),
            title=say(lang, "deck.slide.title")
            if key == "title"
            else _expected_heading(lang, key, ""),
        )
        for n, key in enumerate(keys, start=1)
    ]


def test_without_an_open_workshop_the_demo_deck_opens_on_its_title_slide(db, lang):
    at = run_app(lang, page=PRESENT)
    assert _heading(at) == _demo_title(lang)
    assert at.query_params["slide"] == "title"


def test_the_slide_list_holds_the_course_in_order_with_a_gap_slide_per_segment(db, lang):
    at = run_app(lang, page=PRESENT)
    assert _jump(at, lang).options == _labels(lang, _demo_keys(lang))


def test_next_and_previous_step_one_slide_and_the_url_follows(db, lang):
    at = run_app(lang, page=PRESENT)
    widget(at.button, say(lang, "deck.next")).click().run()
    assert _heading(at) == say(lang, "deck.slide.why")
    assert at.query_params["slide"] == "why"
    widget(at.button, say(lang, "deck.next")).click().run()
    assert _heading(at) == say(lang, "deck.slide.questions")
    widget(at.button, say(lang, "deck.previous")).click().run()
    assert _heading(at) == say(lang, "deck.slide.why")
    assert at.query_params["slide"] == "why"


def test_the_ends_of_the_deck_cannot_be_stepped_past(db, lang):
    at = run_app(lang, page=PRESENT)
    assert widget(at.button, say(lang, "deck.previous")).disabled
    assert not widget(at.button, say(lang, "deck.next")).disabled
    _jump(at, lang).set_value("sources").run()
    assert widget(at.button, say(lang, "deck.next")).disabled
    assert not widget(at.button, say(lang, "deck.previous")).disabled
    assert _heading(at) == say(lang, "deck.slide.sources")


def test_the_slide_list_jumps_to_any_slide_and_writes_it_into_the_url(db, lang):
    at = run_app(lang, page=PRESENT)
    _jump(at, lang).set_value("shura").run()
    assert _heading(at) == say(lang, "deck.slide.shura")
    assert at.query_params["slide"] == "shura"
    widget(at.button, say(lang, "deck.next")).click().run()
    assert _heading(at) == say(lang, "deck.slide.twelve_rules")


def test_a_reload_opens_the_slide_named_in_the_url(db, lang):
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.query_params["lang"] = lang
    at.query_params["slide"] = "nps"
    assert_ok(at.switch_page(PRESENT).run())
    assert _heading(at) == say(lang, "deck.slide.nps")


def test_a_slide_the_deck_does_not_have_opens_the_title_slide(db, lang):
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.query_params["lang"] = lang
    at.query_params["slide"] = "gap-999"
    assert_ok(at.switch_page(PRESENT).run())
    assert _heading(at) == _demo_title(lang)
    assert at.query_params["slide"] == "title"


def test_every_slide_of_the_demo_is_drawn_in_both_languages(db, lang):
    at = run_app(lang, page=PRESENT)
    for key in _demo_keys(lang):
        _jump(at, lang).set_value(key).run()
        assert_ok(at)
        assert _heading(at) == _expected_heading(lang, key, _demo_title(lang)), key
    # the charts' slides draw their figures; the text slides none
    for key, charts in (("canvas", 1), ("gap-1", 1), ("nps", 2), ("loyalty_check", 2)):
        _jump(at, lang).set_value(key).run()
        assert len(at.get("plotly_chart")) == charts, key
    for key in ("why", "questions", "types", "sources"):
        _jump(at, lang).set_value(key).run()
        assert len(at.get("plotly_chart")) == 0, key


def test_a_gap_slide_lists_the_types_the_segment_expects_more_of_largest_gap_first(db, lang):
    at = run_app(lang, page=PRESENT)
    _jump(at, lang).set_value("gap-1").run()
    answers = DEMO[lang]["segments"][0]["relationships"]
    short = [a for a in answers if a["expected"] > a["established"]]
    short.sort(key=lambda a: a["established"] - a["expected"])  # largest gap first
    wanted = [
        seen(
            say(
                lang,
                "deck.gap.line",
                type=type_name(a["type"], lang),
                expected=a["expected"],
                established=a["established"],
            )
        )
        for a in short
    ]
    shown = [seen(m.value) for m in at.markdown]
    listed = next(m for m in shown if m.startswith("- ")) if wanted else ""
    assert [line.removeprefix("- ") for line in listed.splitlines()] == wanted


def test_every_slide_of_an_empty_workshop_is_drawn_and_says_what_it_will_show(shared, lang):
    at = run_app(lang, shared.empty[lang], page=PRESENT)
    keys = [*BEFORE_GAPS, *AFTER_GAPS]  # no segment, no gap slide
    assert _jump(at, lang).options == _labels(lang, keys)
    said: list[str] = []
    for key in keys:
        _jump(at, lang).set_value(key).run()
        assert_ok(at)
        said += [seen(m.value) for m in at.markdown]
    assert _heading(at) == say(lang, "deck.slide.sources")
    for key in (
        "deck.no_segments",
        "deck.shura.empty",
        "deck.rules.empty",
        "deck.nps.empty",
        "deck.touchpoints.empty",
        "deck.loyalty_check.empty",
        "deck.recommendations.none",
    ):
        assert seen(say(lang, key)) in said, key


def test_the_other_language_redraws_the_same_slide_in_it(db, lang):
    other = "en" if lang == "ru" else "ru"
    at = run_app(lang, page=PRESENT)
    _jump(at, lang).set_value("shura").run()
    widget(at.button, {"ru": "Русский", "en": "English"}[other]).click().run()
    assert_ok(at)
    assert _heading(at) == say(other, "deck.slide.shura")
    assert at.query_params["slide"] == "shura"
    assert at.query_params["lang"] == other
    widget(at.button, say(other, "deck.next")).click().run()  # and it stays there
    assert _heading(at) == say(other, "deck.slide.twelve_rules")


def test_the_title_slide_names_eight_segments_and_counts_the_rest(db, lang):
    workshop = add_workshop(db, "Nine segments", lang)
    for n in range(1, 10):
        add_segment(db, workshop, f"S{n}")
    at = run_app(lang, workshop, page=PRESENT)
    first_eight = " · ".join(f"S{n}" for n in range(1, 9))
    names = say(lang, "deck.segments_more", names=first_eight, n=1)  # 9 − 8 = 1 more
    assert say(lang, "deck.segments", names=names) in [seen(m.value) for m in at.markdown]


def test_the_open_workshop_is_presented_and_the_demo_can_replace_it(shared, lang):
    at = run_app(lang, shared.empty[lang], page=PRESENT)
    assert _heading(at) == f"Empty {lang}"
    widget(at.toggle, say(lang, "deck.demo")).set_value(True).run()
    assert _heading(at) == _demo_title(lang)


def test_the_deck_has_nothing_to_edit(shared, lang):
    at = run_app(lang, shared.demo[lang], page=PRESENT)
    for index in range(len(_jump(at, lang).options)):
        key = _jump(at, lang).select_index(index).run().query_params["slide"]
        for kind in ("text_input", "text_area", "number_input", "slider", "form"):
            assert list(at.get(kind)) == [], (key, kind)
        # the slide list is the one choice on screen (the sidebar's language switch aside)
        assert [s.label for s in at.main.selectbox] == [say(lang, "deck.jump")], key


def _said_in_words(at: AppTest, lang: str) -> list[str]:
    """The captions that are a chart's sentence (a11y.chart.*), as the catalogue words it."""
    patterns = [
        re.compile(
            re.escape(say(lang, key))
            .replace(r"\{title\}", ".+")
            .replace(r"\{n\}", r"\S+")
            .replace(r"\{top\}", ".+")
            .replace(r"\{shown\}", ".+")
        )
        for key in ("a11y.chart.summary", "a11y.chart.top", "a11y.chart.empty")
    ]
    return [c for c in shown(at.caption) if any(p.fullmatch(c) for p in patterns)]


def test_every_chart_of_the_deck_is_also_said_in_words_for_a_screen_reader(db, lang):
    at = run_app(lang, page=PRESENT)
    for key, charts in (("gap-1", 1), ("shura", 1), ("nps", 2), ("loyalty_check", 2)):
        _jump(at, lang).set_value(key).run()
        assert_ok(at)
        assert len(at.get("plotly_chart")) == charts, key
        assert len(_said_in_words(at, lang)) == charts, key
        assert len(at.table) == charts, key  # each chart's data, open (the CSS hides it)
    _jump(at, lang).set_value("canvas").run()
    # the canvas in words: its items in full, the demo's first segment among them
    assert any(demo_segment_names(lang)[0] in str(t.value) for t in at.table)
