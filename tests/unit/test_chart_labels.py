"""Chart labels that fit: whole words on short lines, a colour scale with room for its
numbers, a legend apart from the axis's words, the 3:1 label clear of the bars."""

from decimal import Decimal

import pytest

from canvas.content import catalogue
from canvas.content.loyalty_check import loyalty_content
from canvas.domain import RelationshipInput, RelationshipType
from canvas.domain.loyalty_check import PATH
from canvas.figures.loyalty_check import LABEL_WIDTH as PATH_WIDTH
from canvas.figures.loyalty_check import path_chart
from canvas.figures.relationships import (
    END_WIDTH,
    TYPE_WIDTH,
    cost_chart,
    gap_heatmap,
    ltv_chart,
    spectrum_chart,
)
from canvas.figures.style import TITLE_WIDTH, WIDE_TITLE_WIDTH, plotly_text, wrap_label
from canvas.i18n import t
from tests.unit.factories import segment, snapshot

LANGS = ["en", "ru"]
ANSWER = RelationshipInput(expected=3, established=1, yearly_cost=Decimal(50))
VIEW = snapshot(
    segment(
        1,
        "Cafés",
        customers=10,
        revenue="1000",
        cac="20",
        retention=0.8,
        margin=0.5,
        answers={RelationshipType.PERSONAL_ASSISTANCE: ANSWER},
    ),
    segment(2, "Offices", customers=5, revenue="500", cac="40", retention=0.5, margin=0.4),
)


def _lines(label: str) -> list[str]:
    return label.split("<br>")


def _fits(lines: list[str], width: int) -> bool:
    """Every line is at most ``width`` characters, or a single word longer than that."""
    return all(len(line) <= width or " " not in line for line in lines)


@pytest.mark.parametrize("lang", LANGS)
def test_the_gap_heatmap_names_every_type_whole_on_short_lines(lang):
    figure = gap_heatmap(VIEW, lang)
    names = [catalogue().type(kind).name(lang) for kind in RelationshipType]
    labels = list(figure.data[0].x)
    assert len(labels) == 6
    for label, name in zip(labels, names, strict=True):
        assert "…" not in label
        lines = _lines(label)
        assert _fits(lines, TYPE_WIDTH)
        # the lines put together again are the catalogue's name, word for word
        assert " ".join(lines) == name
    # "Dedicated personal assistance" / «Особая персональная поддержка» takes two or three
    # lines of at most 13 characters rather than one long line
    dedicated = labels[list(RelationshipType).index(RelationshipType.DEDICATED_PERSONAL_ASSISTANCE)]
    assert len(_lines(dedicated)) >= 2


def test_a_word_longer_than_the_line_keeps_its_line_whole_and_is_never_cut():
    label = wrap_label("Автоматизированное обслуживание", 13)
    # 18 and 12 letters: each word on a line of its own, neither cut
    assert _lines(label) == ["Автоматизированное", "обслуживание"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_gap_colour_scale_has_its_title_above_and_one_number_per_step(lang):
    figure = gap_heatmap(VIEW, lang)
    bar = figure.data[0].colorbar
    assert bar.title.text == t("chart.gap.scale", lang)
    assert bar.title.side == "top"
    # gaps run from −3 to 3: seven steps, one tick each
    assert list(bar.tickvals) == [-3, -2, -1, 0, 1, 2, 3]
    # one or two segments still give the plot the height of three rows of 36 px
    assert figure.layout.height >= 120 + 36 * 3


@pytest.mark.parametrize("lang", LANGS)
def test_the_spectrum_legend_sits_above_the_plot_and_its_words_below(lang):
    figure = spectrum_chart(VIEW, lang)
    legend = figure.layout.legend
    # the legend's lower edge is the plot's top edge (paper y = 1) or higher
    assert legend.y >= 1 and legend.yanchor == "bottom"
    ends = [a for a in figure.layout.annotations if a.yref == "paper" and a.y == 0]
    texts = [a.text.replace("<br>", " ") for a in ends]
    assert texts == [t("chart.spectrum.personal", lang), t("chart.spectrum.automated", lang)]
    # below the plot (hanging down from y = 0), inside the figure's left and right edges
    assert all(a.yanchor == "top" for a in ends)
    assert [(a.x, a.xanchor) for a in ends] == [(0, "left"), (1, "right")]
    middle = figure.layout.xaxis.ticktext[1]
    assert middle.replace("<br>", " ") == t("chart.spectrum.middle", lang)
    assert _fits(_lines(middle), END_WIDTH)


@pytest.mark.parametrize("lang", LANGS)
def test_the_three_to_one_label_sits_above_the_bars(lang):
    figure = ltv_chart(VIEW, lang)
    [label] = [a for a in figure.layout.annotations if a.text == t("chart.ltv.healthy", lang)]
    # paper y = 1 is the plot's top edge; anchored by its bottom there, no bar reaches it
    assert label.yref == "paper" and label.y == 1 and label.yanchor == "bottom"
    assert label.x == 3 and label.xanchor == "left"
    # the figure's top margin holds the title and this one line of label
    assert figure.layout.margin.t >= 60 + 28


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    ("build", "width"),
    [
        (gap_heatmap, WIDE_TITLE_WIDTH),  # across the page
        (spectrum_chart, WIDE_TITLE_WIDTH),
        (cost_chart, TITLE_WIDTH),  # in half-width columns
        (ltv_chart, TITLE_WIDTH),
    ],
)
def test_a_long_title_wraps_instead_of_running_past_the_edge(build, width, lang):
    figure = build(VIEW, lang)
    lines = _lines(figure.layout.title.text)
    assert all(len(line) <= width for line in lines)
    # each line after the first gets 22 px more of top margin
    assert figure.layout.margin.t >= 60 + 22 * (len(lines) - 1)


def test_the_long_titles_take_two_lines_in_both_languages():
    for lang in LANGS:
        # 73 and 76 characters across the page, 54 and 60 in a half-width column
        assert len(t("chart.spectrum.title", lang)) > WIDE_TITLE_WIDTH
        assert len(_lines(spectrum_chart(VIEW, lang).layout.title.text)) == 2
        assert len(t("chart.cost.title", lang)) > TITLE_WIDTH
        assert len(_lines(cost_chart(VIEW, lang).layout.title.text)) == 2


@pytest.mark.parametrize("lang", LANGS)
def test_the_path_labels_keep_their_numbers_and_words_whole_on_short_lines(lang):
    content = loyalty_content()
    # no ratings: the axis still names the whole path
    figure = path_chart(snapshot(segment(1, "Cafés")), lang, None)
    labels = list(figure.layout.xaxis.categoryarray)
    names = [content.entry(kind, key).name(lang) for kind, key in PATH]
    assert len(labels) == len(PATH) == 7
    for index, (label, name) in enumerate(zip(labels, names, strict=True)):
        lines = _lines(label)
        assert _fits(lines, PATH_WIDTH)
        # the five elements are numbered "1." to "5.", the two stages after them are not
        expected = f"{index + 1}. {name}" if index < 5 else name
        assert " ".join(lines) == plotly_text(expected)
