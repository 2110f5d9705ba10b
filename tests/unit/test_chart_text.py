"""The text alternative of a chart, read from figures built by hand: rows as the chart
shows them, one sentence naming the largest value, and the segment colour's own cue."""

import plotly.graph_objects as go
import pytest

from canvas.content.catalogue import catalogue
from canvas.domain import CanvasBlock
from canvas.domain.vocabulary import SEGMENT_PALETTE, ink_on
from canvas.figures.text_alternative import canvas_text, figure_text
from canvas.i18n import t
from tests.unit.factories import segment, snapshot


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_bars_become_one_row_each_with_the_label_the_chart_prints(lang):
    figure = go.Figure(
        go.Bar(x=[120.0, 480.0], y=["Cafés", "Offices"], orientation="h", text=["A", "B"])
    )
    figure.update_layout(title="Cost")
    said = figure_text(figure, lang)
    item, value = t("a11y.chart.item", lang), t("a11y.chart.value", lang)
    assert said.rows == [{item: "Cafés", value: "A"}, {item: "Offices", value: "B"}]
    # 480 > 120: Offices is the largest, shown as the bar's own label
    assert said.summary == t("a11y.chart.top", lang, title="Cost", n="2", top="Offices", shown="B")


def test_a_heatmap_reads_its_tick_labels_and_its_cell_texts():
    figure = go.Figure(
        go.Heatmap(z=[[0, 2], [1, -1]], x=[0, 1], y=["A", "B"], text=[["a", "b"], ["c", "d"]])
    )
    figure.update_layout(title="Gap", xaxis={"tickvals": [0, 1], "ticktext": ["One", "Two"]})
    said = figure_text(figure, "en")
    row = t("a11y.chart.row", "en")
    assert said.rows == [{row: "A", "One": "a", "Two": "b"}, {row: "B", "One": "c", "Two": "d"}]
    # the largest z is 2, in row A, column Two, whose cell reads "b"
    assert said.summary == t("a11y.chart.top", "en", title="Gap", n="2", top="A · Two", shown="b")


def test_a_radar_lists_each_spoke_once_though_its_ring_closes_on_the_first():
    figure = go.Figure(go.Scatterpolar(r=[4, 3, 5, 4], theta=["R1", "R2", "R3", "R1"]))
    figure.update_layout(title="Rules")
    said = figure_text(figure, "en")
    assert [row[t("a11y.chart.item", "en")] for row in said.rows] == ["R1", "R2", "R3"]
    assert said.summary == t("a11y.chart.summary", "en", title="Rules", n="3")


def test_a_chart_with_nothing_to_show_says_so():
    figure = go.Figure()
    figure.update_layout(title="<b>Trend</b>")
    said = figure_text(figure, "ru")
    assert (said.summary, said.rows) == (t("a11y.chart.empty", "ru", title="Trend"), [])


def test_the_canvas_table_has_every_segment_in_the_segments_block():
    view = snapshot(segment(1, "Cafés"), segment(2, "Offices"))
    said = canvas_text(view, "en")
    block, item = t("a11y.canvas.block", "en"), t("a11y.canvas.item", "en")
    name = catalogue().block(CanvasBlock.CUSTOMER_SEGMENTS).name("en")
    assert [r[item] for r in said.rows if r[block] == name] == ["Cafés", "Offices"]


@pytest.mark.parametrize(
    ("colour", "ink"),
    [
        # #0072B2: luminance 0.7152 × 0.168 + 0.0722 × 0.445 = 0.152; with black
        # (0.152 + 0.05) / 0.05 = 4.0, with white 1.05 / 0.202 = 5.2: white reads better
        ("#0072B2", "#FFFFFF"),
        # #E69F00: luminance 0.2126 × 0.791 + 0.7152 × 0.347 = 0.416; with black
        # 0.466 / 0.05 = 9.3, with white 1.05 / 0.466 = 2.3: black
        ("#E69F00", "#000000"),
    ],
)
def test_a_segment_colour_carries_its_code_in_the_ink_that_reads_better(colour, ink):
    assert colour in SEGMENT_PALETTE
    assert ink_on(colour) == ink


def test_among_several_bar_series_the_sentence_names_the_series_of_the_largest():
    figure = go.Figure(
        [
            go.Bar(x=["6"], y=[6], name="Detractors"),
            go.Bar(x=["9", "10"], y=[18, 11], name="Promoters"),
        ]
    )
    figure.update_layout(title="Answers by score")
    said = figure_text(figure, "en")
    # 18 answers at 9 is the tallest bar, among the promoters; three bars, three rows
    top = "Promoters · 9"
    expected = t("a11y.chart.top", "en", title="Answers by score", n="3", top=top, shown="18")
    assert said.summary == expected


def test_a_note_that_looks_like_markup_is_listed_as_typed():
    view = snapshot(segment(1, "<b>Cafés</b> &amp;"))
    said = canvas_text(view, "en")
    item = t("a11y.canvas.item", "en")
    assert "<b>Cafés</b> &amp;" in [row[item] for row in said.rows]
