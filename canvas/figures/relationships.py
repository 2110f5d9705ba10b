"""Plotly figures built from the workshop; no Streamlit here, so exports can reuse them.

Plotly renders a small subset of HTML in labels, so every user text is escaped first.
"""

import textwrap
from decimal import Decimal

import plotly.graph_objects as go

from canvas.content.catalogue import catalogue
from canvas.domain import Language, RelationshipType, WorkshopView
from canvas.domain.economics import SegmentFigures, workshop_figures
from canvas.domain.recommendations import HEALTHY_LTV_CAC
from canvas.figures.style import (
    FONT,
    WIDE_TITLE_WIDTH,
    finish,
    number_axis,
    plotly_text,
    shorten,
    wrap_label,
    wrap_lines,
)
from canvas.i18n import currency_symbol, money, number, percent, signed, t
from canvas.presenters.canvas_layout import GREY

TYPE_WIDTH = 13  # characters a line of a type's name under a heatmap column
GAP_MIN_ROWS = 3  # a heatmap of one or two segments still leaves its colour scale room
LABEL_LINE_PX = 15  # one line of an 11–12 px axis label
END_WIDTH = 16  # characters a line of the spectrum axis's words
LEGEND_PX = 28
ROTATED_PX = 50  # the more a turned label reaches down  # a one-line legend above the plot


def _segment_bars(
    figures: list[SegmentFigures], values: list[float], labels: list[str], hover: str
) -> go.Figure:
    """One horizontal bar per segment, in the segment's colour."""
    return go.Figure(
        go.Bar(
            x=values,
            y=[plotly_text(shorten(f.name, 28)) for f in figures],
            orientation="h",
            marker={"color": [f.colour for f in figures]},
            text=labels,
            textposition="auto",
            hovertemplate="%{y}: %{text}<extra>" + hover + "</extra>",
        )
    )


def gap_heatmap(view: WorkshopView, lang: Language | str) -> go.Figure:
    """Segments × types: expected minus established; red under-served, blue over-served."""
    cat = catalogue()
    kinds = list(RelationshipType)
    names = [plotly_text(shorten(v.segment.name, 28)) for v in view.segments]
    z, labels, hover = [], [], []
    for segment_view in view.segments:
        row_z, row_text, row_hover = [], [], []
        for kind in kinds:
            answer = segment_view.answer(kind)
            row_z.append(answer.gap)
            row_text.append(f"{answer.expected}→{answer.established}")
            row_hover.append(
                t(
                    "chart.gap.hover",
                    lang,
                    segment=plotly_text(segment_view.segment.name),
                    type=cat.type(kind).name(lang),
                    expected=answer.expected,
                    established=answer.established,
                    gap=signed(answer.gap, lang),
                )
            )
        z.append(row_z)
        labels.append(row_text)
        hover.append(row_hover)
    figure = go.Figure(
        go.Heatmap(
            z=z,
            # Type names on lines of their own words, level: rotated, they took more
            # room than the chart and the longest were cut.
            x=[wrap_label(cat.type(k).name(lang), TYPE_WIDTH) for k in kinds],
            y=names,
            text=labels,
            texttemplate="%{text}",
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
            zmin=-3,
            zmax=3,
            colorscale=[[0, "#2166AC"], [0.5, "#F7F7F7"], [1, "#B2182B"]],
            # The scale's title above it and one tick per step: squeezed beside a few rows,
            # the title and the numbers ran into each other.
            colorbar={
                "title": {"text": t("chart.gap.scale", lang), "side": "top"},
                "tickvals": list(range(-3, 4)),
                "thickness": 14,
                "len": 1,
                "lenmode": "fraction",
                "outlinewidth": 0,
            },
        )
    )
    lines = max(len(wrap_lines(cat.type(k).name(lang), TYPE_WIDTH)) for k in kinds)
    return finish(
        figure,
        t("chart.gap.title", lang),
        max(len(names), GAP_MIN_ROWS),
        # Level when the columns are wide enough, turned by Plotly when they are not.
        bottom=ROTATED_PX + LABEL_LINE_PX * lines,
        title_width=WIDE_TITLE_WIDTH,
        xaxis={"tickfont": {"size": 11}},
    )


def levels_chart(view: WorkshopView, segment_id: int, lang: Language | str) -> go.Figure:
    """One segment's six types: expected next to established, 0–3."""
    cat = catalogue()
    segment_view = view.segment(segment_id)
    kinds = list(RelationshipType)
    figure = go.Figure()
    for attr, colour in (("expected", "#B2182B"), ("established", "#2166AC")):
        figure.add_bar(
            # wrapped, so the six names stand level under their bars however large the type
            x=[
                "<br>".join(textwrap.wrap(cat.type(kind).name(lang), 14, break_long_words=False))
                for kind in kinds
            ],
            y=[getattr(segment_view.answer(kind), attr) if segment_view else 0 for kind in kinds],
            name=t(f"present.{attr}", lang),
            marker_color=colour,
        )
    figure.update_layout(
        barmode="group",
        height=460,
        yaxis={"range": [0, 3.2], "dtick": 1, "fixedrange": True},
        xaxis={"fixedrange": True, "tickangle": 0},
        legend={"orientation": "h", "y": 1.12},
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        font={"family": FONT},
    )
    return figure


def spectrum_chart(view: WorkshopView, lang: Language | str) -> go.Figure:
    """Each segment on the personal-to-automated line: where it expects to be, where it is."""
    figures = workshop_figures(view)
    figure = go.Figure()
    names = [plotly_text(shorten(f.name, 28)) for f in figures]
    for name, fig in zip(names, figures, strict=True):
        if fig.expected_position is not None and fig.established_position is not None:
            figure.add_trace(
                go.Scatter(
                    x=[fig.expected_position, fig.established_position],
                    y=[name, name],
                    mode="lines",
                    line={"color": fig.colour, "width": 3},
                    showlegend=False,
                    hoverinfo="skip",
                )
            )
    for attr, symbol, key in (
        ("expected_position", "circle-open", "chart.spectrum.expected"),
        ("established_position", "circle", "chart.spectrum.established"),
    ):
        points = [(n, getattr(f, attr), f.colour) for n, f in zip(names, figures, strict=True)]
        points = [p for p in points if p[1] is not None]
        figure.add_trace(
            go.Scatter(
                x=[p[1] for p in points],
                y=[p[0] for p in points],
                mode="markers",
                marker={
                    "symbol": symbol,
                    "size": 14,
                    "color": [p[2] for p in points],
                    "line": {"width": 2, "color": [p[2] for p in points]},
                },
                name=t(key, lang),
                hovertemplate="%{y}: %{x:.0f}<extra>" + t(key, lang) + "</extra>",
            )
        )
    personal, middle, automated = (
        t("chart.spectrum.personal", lang),
        t("chart.spectrum.middle", lang),
        t("chart.spectrum.automated", lang),
    )
    # The ends' words hang inwards from the ends of the axis: centred on 0 and 100 as
    # tick labels, they ran past the figure's edge, and Plotly hid them.
    for text, side in ((personal, 0), (automated, 1)):
        figure.add_annotation(
            text=wrap_label(text, END_WIDTH),
            x=side,
            xref="paper",
            xanchor="left" if side == 0 else "right",
            align="left" if side == 0 else "right",
            y=0,
            yref="paper",
            yanchor="top",
            yshift=-4,
            showarrow=False,
        )
    lines = max(len(wrap_lines(text, END_WIDTH)) for text in (personal, middle, automated))
    return finish(
        figure,
        t("chart.spectrum.title", lang),
        len(names),
        top=LEGEND_PX,
        bottom=LABEL_LINE_PX * lines,
        title_width=WIDE_TITLE_WIDTH,
        xaxis={
            "range": [-5, 105],
            "tickvals": [0, 50, 100],
            "ticktext": ["", wrap_label(middle, END_WIDTH), ""],
        },
        # Above the plot, out of the way of the axis's words below it.
        legend={"orientation": "h", "x": 0, "xanchor": "left", "y": 1.0, "yanchor": "bottom"},
    )


def cost_chart(view: WorkshopView, lang: Language | str) -> go.Figure:
    """Relationship cost per customer for each segment, labelled with its share of revenue."""
    figures = [f for f in workshop_figures(view) if f.cost_per_customer is not None]
    currency = view.workshop.currency
    per_customer = [f.cost_per_customer or Decimal(0) for f in figures]
    labels = [
        money(round(cost, 2), currency, lang)
        + (f" · {percent(f.cost_share, lang, 1)}" if f.cost_share is not None else "")
        for f, cost in zip(figures, per_customer, strict=True)
    ]
    figure = _segment_bars(figures, [float(c) for c in per_customer], labels, "")
    sign = currency_symbol(currency, lang)
    # ticks as «50 тыс.», not Plotly's "50k"
    axis: dict[str, object] = {"title": {"text": t("chart.cost.axis", lang, currency=sign)}}
    axis |= number_axis(per_customer, lang)
    return finish(figure, t("chart.cost.title", lang), len(figures), xaxis=axis)


def ltv_chart(view: WorkshopView, lang: Language | str) -> go.Figure:
    """LTV:CAC per segment with the 3:1 line of health, marked as this app's rule of thumb."""
    figures = [f for f in workshop_figures(view) if f.ltv_to_cac is not None]
    ratios = [f.ltv_to_cac or 0.0 for f in figures]
    # "≤": computed from revenue for want of a gross margin, the ratio is only a ceiling.
    labels = [
        ("≤ " if f.ltv_upper_bound else "") + number(r, lang, 1)
        for f, r in zip(figures, ratios, strict=True)
    ]
    figure = _segment_bars(figures, ratios, labels, "LTV:CAC")
    figure.add_vline(x=HEALTHY_LTV_CAC, line_dash="dash", line_color=GREY)
    # The line's label sits above the plot, where no bar or bar label can cover it.
    figure.add_annotation(
        text=plotly_text(t("chart.ltv.healthy", lang)),
        x=HEALTHY_LTV_CAC,
        xref="x",
        xanchor="left",
        y=1,
        yref="paper",
        yanchor="bottom",
        showarrow=False,
        font={"color": GREY, "size": 12},
    )
    axis = number_axis([*ratios, HEALTHY_LTV_CAC], lang)  # «2,5» with a decimal comma
    return finish(figure, t("chart.ltv.title", lang), len(figures), top=LEGEND_PX, xaxis=axis)


# ------------------------------------------------------------------ the canvas board
