"""Hostile text on every page, in both languages: the whole corpus (``tests.hostile_text``)
saved through the store, then every page opened. Nothing fails, every markdown-rendered
text shows the user's text escaped (never as HTML, a link, an image or emphasis), and the
charts carry it HTML-escaped. A control character typed into a form is refused."""

import json
import re
from dataclasses import dataclass

import pytest
from streamlit.testing.v1 import AppTest

from canvas.domain import WorkshopView
from tests.app.driver import (
    PAGES,
    add_document,
    add_workshop,
    assert_ok,
    load,
    migrated,
    run_app,
    say,
    seen,
    shown,
    widget,
)
from tests.hostile_text import CORPUS, REFUSED, corpus_document, strings_in
from ui.language import plain

# What the corpus would show if some page rendered it instead of escaping it.
ACTIVE = [
    "<script",
    "<img",
    "<svg",
    "<style",
    "<b>bold</b>",
    "<a href",
    "[click me](",
    "![pixel](",
    "**bold**",
    "_italic_",
    "~~struck~~",
    "`code`",
    "$x^2$",
    ":red[alarm]",
    ":material/home:",
    "&amp;",
    "&#60;",
]
CHART_PAGES = {"canvas", "analysis", "shura", "twelve_rules", "loyalty_check", "nps", "touchpoints"}
_ACTIVE = [re.compile(r"(?<!\\)" + re.escape(fragment)) for fragment in ACTIVE]


@dataclass(frozen=True)
class Corpus:
    url: str
    workshop: dict[str, int]
    snapshot: dict[str, WorkshopView]


@pytest.fixture(scope="module")
def corpus_database(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """One database per module with the corpus workshop in each language (read only)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('hostile') / 'app.db'}"
    migrated(url).dispose()
    ids = {lang: add_document(url, corpus_document(lang)) for lang in ("ru", "en")}
    return Corpus(url, ids, {lang: load(url, ids[lang]) for lang in ids})


@pytest.fixture
def corpus(corpus_database: Corpus, monkeypatch: pytest.MonkeyPatch) -> Corpus:
    monkeypatch.setenv("DATABASE_URL", corpus_database.url)
    return corpus_database


def _rendered(at: AppTest) -> list[str]:
    """Every text Streamlit renders as markdown: bodies, titles, alerts and labels."""
    bodies = [
        *at.markdown,
        *at.caption,
        *at.title,
        *at.header,
        *at.subheader,
        *at.error,
        *at.warning,
        *at.info,
        *at.success,
        *at.toast,
    ]
    labelled = [
        *at.text_input,
        *at.text_area,
        *at.selectbox,
        *at.multiselect,
        *at.radio,
        *at.checkbox,
        *at.toggle,
        *at.button,
        *at.number_input,
        *at.select_slider,
        *at.expander,
        *at.tabs,
    ]
    return [b.value for b in bodies] + [w.label for w in labelled if w.label]


def _chart_strings(at: AppTest) -> list[str]:
    return [s for chart in at.get("plotly_chart") for s in strings_in(json.loads(chart.proto.spec))]


def _assert_nothing_active(at: AppTest) -> None:
    rendered = _rendered(at)
    assert rendered
    found = [(p.pattern, text[:80]) for text in rendered for p in _ACTIVE if p.search(text)]
    assert found == []
    charts = _chart_strings(at)
    assert not [text for text in charts if re.search(r"<(script|img|svg|style|a )", text)]
    assert not [text for text in charts if "<b>bold</b>" in text]


def _seen(at: AppTest) -> str:
    return "\n".join(seen(text) for text in _rendered(at))


@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_shows_the_corpus_as_text(corpus, lang, page):
    at = run_app(lang, corpus.workshop[lang], page=page)

    _assert_nothing_active(at)
    snap = corpus.snapshot[lang]
    visible = _seen(at)
    assert snap.workshop.title in "\n".join(seen(t) for t in shown(at.sidebar.markdown))
    if page == "workshops":
        assert snap.workshop.company in visible
    if page == "canvas":  # every tie to the other blocks, under its segment's name
        for view in snap.segments:
            for note in view.answer("personal_assistance").integration.values():
                assert f"{view.segment.name} · " in visible
                assert note in visible
    if page == "relationships":
        assert snap.segments[0].segment.name in visible
    if page == "nps":  # every answer's "why" and "what would make it a 10"
        for comment in snap.nps.comments:
            assert comment.why in visible
            assert comment.make_it_ten in visible
    if page in CHART_PAGES:  # so the charts' check above had something to look at
        assert at.get("plotly_chart")


@pytest.mark.parametrize(("lang", "key"), [("ru", "nul"), ("en", "escape")])
def test_a_control_character_typed_into_an_nps_answer_is_refused_and_nothing_saved(db, lang, key):
    workshop = add_workshop(db, "Roastery", lang)
    at = run_app(lang, workshop, page="nps")

    widget(at.radio, say(lang, "nps.typed.score")).set_value(7)
    widget(at.text_area, say(lang, "nps.typed.why")).set_value(REFUSED[key])
    assert_ok(widget(at.button, say(lang, "nps.typed.save")).click().run())

    reason = say(lang, "invalid.control_chars")
    box = f"{say(lang, 'error.title')}\n\n- {say(lang, 'field.why')}: {reason}"
    assert shown(at.error) == [box]
    assert load(db, workshop).nps.answered == 0


def test_a_snapshot_named_with_markup_is_restored_with_its_name_shown_as_text(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    at = run_app(lang, workshop, page="summary")
    name = CORPUS["md_link"].text

    widget(at.text_input, say(lang, "summary.snapshot_name")).set_value(name)
    assert_ok(widget(at.button, say(lang, "summary.snapshot_save")).click().run())
    assert_ok(widget(at.checkbox, say(lang, "summary.confirm_restore")).check().run())
    assert_ok(widget(at.button, say(lang, "summary.restore")).click().run())

    backup = say(lang, "summary.backup_name", name=name)
    [toast] = [element.value for element in at.toast]
    assert toast == say(lang, "summary.restored", name=plain(backup))
    assert seen(toast) == say(lang, "summary.restored", name=backup)
    _assert_nothing_active(at)


def test_every_slide_of_the_deck_shows_the_corpus_as_text(corpus, lang):
    at = run_app(lang, corpus.workshop[lang], page="app_pages/present.py")
    snap = corpus.snapshot[lang]
    assert snap.workshop.title in _seen(at)  # the title slide, literally
    visible = []
    for index in range(len(widget(at.selectbox, say(lang, "deck.jump")).options)):
        widget(at.selectbox, say(lang, "deck.jump")).select_index(index).run()
        assert_ok(at)
        _assert_nothing_active(at)
        visible.append(_seen(at))
    for view in snap.segments:  # each gap slide's heading names its segment as typed
        assert say(lang, "deck.slide.gap", segment=view.segment.name) in "\n".join(visible)
