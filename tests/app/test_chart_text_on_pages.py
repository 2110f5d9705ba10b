"""Every chart's text alternative on the pages: one sentence under the chart and its data
in a "Chart as a table" expander; the segments table's colour column named and spelled
out; NPS comments past the first few behind an expander a keyboard opens."""

from datetime import date

import pytest

from canvas.content.catalogue import catalogue
from canvas.domain import CanvasBlock, RelationshipInput, RelationshipType
from canvas.domain.canvas_note import CanvasNoteInput
from canvas.domain.nps import NpsResponseInput
from canvas.store import notes, nps
from canvas.store import relationships as relationship_store
from canvas.store.db import make_engine, transaction
from tests.app.driver import add_demo, add_segment, add_workshop, assert_ok, run_app, say, shown

PA = RelationshipType.PERSONAL_ASSISTANCE


def _tables(at, lang: str) -> list:
    return [e for e in at.expander if e.label == say(lang, "a11y.chart.table")]


# The charts each page draws for the demo: the canvas; the gap heatmap, spectrum, cost and
# LTV:CAC; the SHURA heatmap; the radar; the path and the five conditions; the score,
# distribution and trend; the touchpoint heatmap.
CHARTS = {
    "canvas": 1,
    "analysis": 4,
    "shura": 1,
    "twelve_rules": 1,
    "loyalty_check": 2,
    "nps": 3,
    "touchpoints": 1,
}


@pytest.mark.parametrize("page", CHARTS)
def test_every_chart_on_every_page_has_its_sentence_and_its_table(shared, lang, page):
    at = assert_ok(run_app(lang, shared.demo[lang], page=page))
    tables = _tables(at, lang)
    assert len(tables) == CHARTS[page]
    assert all(len(expander.table) == 1 for expander in tables)
    assert all(len(expander.table[0].value) > 0 for expander in tables)


def test_each_of_the_four_analysis_charts_has_a_sentence_and_a_table(db, lang):
    at = assert_ok(run_app(lang, add_demo(db, lang), page="analysis"))
    # the gap heatmap, the spectrum, the cost and the LTV:CAC bars
    assert len(_tables(at, lang)) == 4
    assert all(len(expander.table) == 1 for expander in _tables(at, lang))
    heads = [say(lang, k) for k in ("chart.gap.title", "chart.spectrum.title", "chart.ltv.title")]
    for head in heads:
        assert any(text.startswith(head + ":") for text in shown(at.caption)), head


def test_the_gap_table_says_expected_and_established_and_the_sentence_names_the_largest(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    segment = add_segment(db, workshop, "Offices")
    engine = make_engine(db)
    try:
        with transaction(engine) as session:
            answers = {PA: (RelationshipInput(expected=3, established=1), 1)}
            relationship_store.save_relationships(session, segment_id=segment, answers=answers)
    finally:
        engine.dispose()
    at = assert_ok(run_app(lang, workshop, page="analysis"))

    pa = catalogue().type(PA).name(lang)
    gap = _tables(at, lang)[0].table[0].value
    assert gap.loc["Offices", pa] == "3→1"
    # the only non-zero gap, 3 − 1 = 2, is the largest; one segment is one row
    sentence = say(
        lang,
        "a11y.chart.top",
        title=say(lang, "chart.gap.title"),
        n="1",
        top=f"Offices · {pa}",
        shown="3→1",
    )
    assert sentence in shown(at.caption)


def test_the_canvas_table_names_the_segment_of_a_note_coloured_by_it(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    segment = add_segment(db, workshop, "Offices")
    engine = make_engine(db)
    try:
        with transaction(engine) as session:
            notes.add_note(
                session,
                workshop_id=workshop,
                data=CanvasNoteInput(block=CanvasBlock.CHANNELS, segment_id=segment, text="Kiosk"),
            )
    finally:
        engine.dispose()
    at = assert_ok(run_app(lang, workshop, page="canvas"))

    [table] = _tables(at, lang)
    rows = table.table[0].value
    channels = catalogue().block(CanvasBlock.CHANNELS).name(lang)
    item = say(lang, "a11y.canvas.of_segment", segment="Offices", text="Kiosk")
    assert item in list(rows.loc[[channels], say(lang, "a11y.canvas.item")])


def test_the_segments_colour_column_has_a_header_and_says_the_colour(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    add_segment(db, workshop, "Offices", colour="#0072b2")
    at = assert_ok(run_app(lang, workshop, page="segments"))

    [table] = at.dataframe
    assert list(table.value[say(lang, "field.colour")]) == ["#0072B2"]
    assert " " not in table.value.columns


def test_comments_past_the_first_five_sit_behind_an_expander_that_counts_them(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    engine = make_engine(db)
    try:
        with transaction(engine) as session:
            seven = [  # seven promoters, each with a reason
                NpsResponseInput(score=10, why=f"Reason {day}", answered_on=date(2026, 3, day))
                for day in range(1, 8)
            ]
            nps.add_responses(session, workshop_id=workshop, responses=seven)
    finally:
        engine.dispose()
    at = assert_ok(run_app(lang, workshop, page="nps"))

    # 7 promoters' comments, 5 open: 7 − 5 = 2 behind the expander
    more = [e for e in at.expander if e.label == say(lang, "a11y.nps.more", n="2")]
    assert len(more) == 1
    assert all(c.value.count("Reason") == 1 for c in more[0].markdown)
    assert len(more[0].markdown) == 2


def test_a_segment_name_in_a_chart_table_is_shown_as_typed_not_as_markdown(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    add_segment(db, workshop, "*Cafés*")
    at = assert_ok(run_app(lang, workshop, page="canvas"))

    [table] = _tables(at, lang)
    # st.table reads markdown: each * is escaped with a backslash to be shown as itself
    assert r"\*Cafés\*" in list(table.table[0].value[say(lang, "a11y.canvas.item")])
