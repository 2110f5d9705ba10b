"""The app's figures in the projected style: large type for the back of a room.

The deck reuses the pages' figures rather than drawing new ones; ``project`` only makes
their text larger (ticks, legends, titles, colour bars, cell texts, notes) and sets the
height a slide has room for. Each ``deck_*`` builder is one figure as a slide shows it.
"""

import plotly.graph_objects as go

from canvas.domain import Language, WorkshopView
from canvas.figures.canvas import canvas_figure
from canvas.figures.loyalty_check import conditions_chart, path_chart
from canvas.figures.nps import distribution_chart, score_chart
from canvas.figures.relationships import levels_chart
from canvas.figures.shura import shura_heatmap
from canvas.figures.touchpoints import touchpoint_heatmap
from canvas.figures.twelve_rules import rules_radar

TEXT = 20  # px: tick labels, legends, cell texts; at or above the 18 px a room can read
TITLE = 26  # px: a chart's own title


def project(figure: go.Figure, *, height: int, text: int = TEXT) -> go.Figure:
    """``figure`` with every text at least ``text`` px and the given height."""
    large = {"size": text}
    figure.update_layout(
        height=height,
        font=large,
        title_font={"size": TITLE},
        legend_font=large,
        hoverlabel_font=large,
        # a bar's number too long for its bar at this size is left out, not shrunk unread
        uniformtext={"minsize": text, "mode": "hide"},
    )
    # larger ticks need more room than the page's 10 px margins: let Plotly grow them
    figure.update_xaxes(tickfont=large, title_font=large, automargin=True)
    figure.update_yaxes(tickfont=large, title_font=large, automargin=True)
    figure.update_polars(radialaxis_tickfont=large, angularaxis_tickfont=large)
    for trace in figure.data:
        if isinstance(trace, go.Heatmap):
            trace.update(textfont=large, colorbar={"tickfont": large, "title_font": large})
    for note in figure.layout.annotations:
        note.font.size = max(note.font.size or 0, text)
    return figure


def deck_canvas(view: WorkshopView, lang: Language | str) -> go.Figure:
    """The whole canvas across a 1920 px screen: notes in 19 px type, the credit in 18."""
    return canvas_figure(view, lang, font_size=19, height=870, width_ratio=2.1)


def deck_levels(view: WorkshopView, segment_id: int, lang: Language | str) -> go.Figure:
    return project(levels_chart(view, segment_id, lang), height=700, text=18)


def deck_shura(view: WorkshopView, lang: Language | str) -> go.Figure:
    return project(shura_heatmap(view, lang), height=800, text=18)


def deck_rules(view: WorkshopView, lang: Language | str) -> go.Figure:
    figure = project(rules_radar(view, lang), height=800, text=18)
    figure.update_layout(margin={"l": 200, "r": 200, "t": 140, "b": 80})
    return figure


def deck_nps_scores(view: WorkshopView, lang: Language | str) -> go.Figure:
    return project(score_chart(view, lang), height=660)


def deck_nps_distribution(view: WorkshopView, lang: Language | str) -> go.Figure:
    return project(distribution_chart(view, lang), height=660)


def deck_touchpoints(view: WorkshopView, lang: Language | str) -> go.Figure:
    return project(touchpoint_heatmap(view, lang), height=640)


def deck_path(view: WorkshopView, lang: Language | str) -> go.Figure:
    return project(path_chart(view, lang, None), height=700, text=18)


def deck_conditions(view: WorkshopView, lang: Language | str) -> go.Figure:
    return project(conditions_chart(view, lang, None), height=700)
