"""Every page opens without an error in both languages: with no workshop, an empty one,
and the demo, and shows what a trainer expects to see in each case."""

import pytest

from tests.app.driver import (
    CATALOGUE,
    DEMO,
    PAGES,
    alerts,
    demo_segment_names,
    lead,
    run_app,
    say,
    seen,
    shown,
    sidebar_text,
    titles,
    type_names,
    widget,
)

WORKSHOP_PAGES = [
    "segments",
    "relationships",
    "canvas",
    "analysis",
    "summary",
    "shura",
    "twelve_rules",
    "loyalty_check",
]
TITLE_KEYS = {
    "workshops": "page.workshops",
    "segments": "page.segments",
    "relationships": "page.relationships",
    "canvas": "page.canvas",
    "analysis": "page.analysis",
    "summary": "page.summary",
    "shura": "page.shura",
    "twelve_rules": "page.twelve_rules",
    "loyalty_check": "page.loyalty_check",
    "nps": "page.nps",
    "touchpoints": "page.touchpoints",
}


@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_opens_with_no_workshop_open(shared, lang, page):
    at = run_app(lang, page=page)

    assert say(lang, "sidebar.no_workshop") in sidebar_text(at)
    if page == "workshops":
        assert titles(at) == [say(lang, "page.workshops")]
    else:
        assert titles(at) == []
        assert say(lang, "common.no_workshop") in alerts(at)


@pytest.mark.parametrize("page", WORKSHOP_PAGES)
def test_workshop_pages_open_with_an_empty_workshop(shared, lang, page):
    at = run_app(lang, shared.empty[lang], page=page)

    assert titles(at) == [say(lang, TITLE_KEYS[page])]
    assert f"Empty {lang}" in sidebar_text(at)
    if page == "segments":
        name = widget(at.text_input, say(lang, "field.name"), form="add_segment")
        assert name.value == ""
        assert say(lang, "segments.add_button") in [b.label for b in at.button]
    if page in {"relationships", "analysis"}:
        assert say(lang, "relationships.no_segments") in alerts(at)
    if page == "canvas":
        assert say(lang, "canvas.no_integration") in alerts(at)
    if page == "summary":
        assert say(lang, "summary.no_snapshots") in alerts(at)


def test_the_workshops_page_lists_the_open_workshop(shared, lang):
    at = run_app(lang, shared.empty[lang], page="workshops")

    assert titles(at) == [say(lang, "page.workshops")]
    assert CATALOGUE["intro"][lang] in shown(at.markdown)
    assert any(line.startswith(f"🟢 Empty {lang}") for line in shown(at.markdown))


@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_shows_the_demo_under_its_translated_title(shared, lang, page):
    at = run_app(lang, shared.demo[lang], page=page)

    assert titles(at) == [say(lang, TITLE_KEYS[page])]
    # the sidebar names the open workshop and shows the progress per question
    assert seen(at.sidebar.markdown[0].value) == DEMO[lang]["workshop"]["title"]
    progress = [p.proto.text for p in at.sidebar.get("progress")]
    assert [p.split(":")[0] for p in progress] == [
        say(lang, f"question.short.{q}") for q in ("expected", "established", "cost", "integration")
    ]


def test_the_relationships_page_sets_the_practical_task_and_the_six_types(shared, lang):
    at = run_app(lang, shared.demo[lang], page="relationships")

    assert CATALOGUE["practical_task"][lang] in shown(at.info)
    labels = [e.label for e in at.expander]
    for name in type_names(lang):
        assert any(label.startswith(f"{name} · ") for label in labels), name
    first = demo_segment_names(lang)[0]
    assert at.selectbox[0].label == say(lang, "relationships.segment")
    assert at.selectbox[0].options == demo_segment_names(lang)
    assert seen(say(lang, "relationships.form_help", segment=first)) in shown(at.markdown)
    # The four questions are on the page itself, not folded into an expander
    listed = "\n".join(
        f"{n}. {q['text'][lang]}" for n, q in enumerate(CATALOGUE["questions"], start=1)
    )
    assert listed in shown(at.markdown)
    assert all(listed not in shown(e.markdown) for e in at.expander)


def test_the_analysis_page_names_the_demo_segments_in_its_advice(shared, lang):
    at = run_app(lang, shared.demo[lang], page="analysis")

    names = demo_segment_names(lang)
    boxes = shown([*at.error, *at.warning])
    assert boxes, "the demo should raise recommendations"
    for box in boxes:
        title = box.split("\n\n")[0]
        assert any(title.startswith(f"{name}: ") for name in names), title
    offices = names[1]
    assert offices == {"ru": "Офисы", "en": "Offices"}[lang]
    expected_title = say(lang, "rec.retention_unmotivated.title", segment=offices)
    retention = [box for box in shown(at.error) if box.split("\n\n")[0] == expected_title]
    assert len(retention) == 1
    _, advice, trigger = retention[0].split("\n\n")
    assert advice == say(lang, "rec.retention_unmotivated.advice")
    assert trigger.startswith(f"{say(lang, 'analysis.trigger')}: ")
    assert lead(lang, "rec.retention_unmotivated.trigger") in trigger
    assert say(lang, "analysis.recommendations") in [s.value for s in at.header]


def test_the_canvas_page_credits_the_business_model_canvas(shared, lang):
    at = run_app(lang, shared.demo[lang], page="canvas")

    credit = "The Business Model Canvas, Strategyzer AG, CC BY-SA 3.0"
    assert CATALOGUE["credit"][lang] == credit
    assert credit in shown(at.main.caption)
    assert say(lang, "canvas.integration") in [s.value for s in at.header]
