"""The crisis loyalty check as pictures: the customer's path (five elements, then the
decision and use) and the five conditions.

Segment names are typed by users and Plotly renders a little HTML, so they are escaped.
"""

import textwrap

import plotly.graph_objects as go

from canvas.content.loyalty_check import loyalty_content
from canvas.domain import Language, WorkshopView
from canvas.domain.loyalty_check import (
    PATH,
    CheckKind,
    Condition,
    Scope,
    answered_scopes,
    path_ratings,
    ratings,
)
from canvas.figures.style import FONT, centre_note, plotly_text
from canvas.i18n import t
from canvas.presenters.loyalty_check import rating_label, scope_name

ALL_COLOUR = "#333333"  # the "all customers" line; segments draw in their own colour
BAR_COLOUR = "#56B4E9"
TRUST_COLOUR = "#D55E00"  # trust and safety: the hardest condition in a crisis
RATING_AXIS = {"range": [0.5, 5.5], "tickvals": [1, 2, 3, 4, 5], "fixedrange": True}
LATER_FILL = "rgba(0, 0, 0, 0.06)"  # the band behind the stages that follow the elements
LABEL_WIDTH = 12  # characters a line of a path label: seven columns share the width


def _wrapped(text: str, width: int = 16) -> str:
    lines = textwrap.wrap(text, width, break_long_words=False) or [text]
    return "<br>".join(plotly_text(line) for line in lines)


def _colour(view: WorkshopView, scope: Scope) -> str:
    segment_view = view.segment(scope) if scope is not None else None
    return segment_view.segment.colour if segment_view is not None else ALL_COLOUR


def path_chart(view: WorkshopView, lang: Language | str, segment_id: Scope) -> go.Figure:
    """The path in the customer's order, one line per scope that rated any point of it.

    The five elements are numbered; the purchase decision and use that follow them sit
    on a shaded band, since they are stages of the path rather than elements. The scope
    on screen (``segment_id``; ``None`` for all customers) is drawn bold, the others thin
    and dotted for comparison. Unrated points leave a gap in the line.
    """
    content = loyalty_content()
    names = [content.entry(kind, key).name(lang) for kind, key in PATH]
    labels = [
        # The number is wrapped with the name: glued to a long first word, it pushed
        # "2. Коммуникации" into the next column's label.
        _wrapped(f"{n}. {name}", LABEL_WIDTH)
        if kind is CheckKind.ELEMENT
        else _wrapped(name, LABEL_WIDTH)
        for n, ((kind, _), name) in enumerate(zip(PATH, names, strict=True), start=1)
    ]
    figure = go.Figure()
    for scope in answered_scopes(view):
        values = list(path_ratings(view, scope).values())
        if all(v is None for v in values):
            continue
        chosen = scope == segment_id
        colour = _colour(view, scope)
        figure.add_trace(
            go.Scatter(
                x=labels,
                y=values,
                mode="lines+markers",
                name=plotly_text(scope_name(view, scope, lang)),
                line={
                    "color": colour,
                    "width": 4 if chosen else 2,
                    "dash": None if chosen else "dot",
                },
                marker={"size": 12 if chosen else 8, "color": colour},
                customdata=[plotly_text(name) for name in names],
                hovertemplate="%{customdata}: %{y}<extra>%{fullData.name}</extra>",
            )
        )
    if not figure.data:
        centre_note(figure, t("loyalty_check.chart.empty", lang))
    else:
        elements = sum(kind is CheckKind.ELEMENT for kind, _ in PATH)
        figure.add_vrect(  # categories sit at 0, 1, 2…: the band covers those after the elements
            x0=elements - 0.5,
            x1=len(PATH) - 0.5,
            fillcolor=LATER_FILL,
            line_width=0,
            layer="below",
            annotation_text=plotly_text(t("loyalty_check.chart.later_stages", lang)),
            annotation_position="top left",
        )
    figure.update_layout(
        title=t("loyalty_check.chart.path.title", lang),
        # seven labels, wrapped: level, so that long Russian names do not turn on end
        xaxis={
            "categoryorder": "array",
            "categoryarray": labels,
            "fixedrange": True,
            "tickangle": 0,
            "tickfont": {"size": 11},
            "automargin": True,
        },
        yaxis={**RATING_AXIS, "title": {"text": t("loyalty_check.chart.rating", lang)}},
        height=460,
        margin={"l": 10, "r": 10, "t": 90, "b": 10},
        # above the plot: the wrapped labels below take as many lines as they need
        legend={"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"},
        font={"family": FONT},
    )
    return figure


def conditions_chart(view: WorkshopView, lang: Language | str, segment_id: Scope) -> go.Figure:
    """The five conditions as bars for one scope, trust and safety in its own colour.

    For a segment, diamonds show the all-customers ratings alongside for comparison.
    """
    content = loyalty_content()
    names = [content.entry(CheckKind.CONDITION, c).name(lang) for c in Condition]
    labels = [
        f"<b>{plotly_text(name)}</b>" if c is Condition.TRUST else plotly_text(name)
        for c, name in zip(Condition, names, strict=True)
    ]
    values = list(ratings(view, segment_id, CheckKind.CONDITION).values())
    hover = [
        f"{plotly_text(name)} · {t('loyalty_check.chart.trust', lang)}"
        if c is Condition.TRUST
        else plotly_text(name)
        for c, name in zip(Condition, names, strict=True)
    ]
    figure = go.Figure(
        go.Bar(
            x=[v or 0 for v in values],
            y=labels,
            orientation="h",
            marker={
                "color": [TRUST_COLOUR if c is Condition.TRUST else BAR_COLOUR for c in Condition]
            },
            text=[rating_label(v, lang) for v in values],
            textposition="auto",
            customdata=hover,
            hovertemplate="%{customdata}: %{text}<extra></extra>",
            name=plotly_text(scope_name(view, segment_id, lang)),
            showlegend=False,
        )
    )
    if segment_id is not None:
        overall = list(ratings(view, None, CheckKind.CONDITION).values())
        points = [(v, label) for v, label in zip(overall, labels, strict=True) if v is not None]
        if points:
            figure.add_trace(
                go.Scatter(
                    x=[p[0] for p in points],
                    y=[p[1] for p in points],
                    mode="markers",
                    marker={"symbol": "diamond", "size": 12, "color": ALL_COLOUR},
                    name=t("loyalty_check.scope_all", lang),
                    hovertemplate="%{x}<extra>%{fullData.name}</extra>",
                )
            )
    if all(v is None for v in values):
        centre_note(figure, t("loyalty_check.chart.empty", lang))
    title = t(
        "loyalty_check.chart.conditions.title", lang, scope=scope_name(view, segment_id, lang)
    )
    figure.update_layout(
        title=plotly_text(title),
        xaxis={
            **RATING_AXIS,
            "range": [0, 5.5],
            "title": {"text": t("loyalty_check.chart.rating", lang)},
        },
        yaxis={"autorange": "reversed", "fixedrange": True},
        height=420,
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        legend={"orientation": "h", "y": -0.2},
        font={"family": FONT},
    )
    return figure
