"""The SHURA matrix as a heatmap: four stages down, customers and employees across.

Rated cells take the colour of their rating (1–5), empty ones stay grey, and the
weakest cells are outlined. What a user wrote only reaches plotly escaped.
"""

import textwrap

import plotly.graph_objects as go

from canvas.content.shura import shura_content
from canvas.domain import Language, WorkshopView
from canvas.domain.shura import Audience, ShuraStage, weak_spots
from canvas.figures.style import FONT, plotly_text
from canvas.i18n import t
from canvas.presenters.shura import EMPTY_FILL, RATING_FILLS, cell_label, rating_text

WEAK_LINE = "#B2182B"


def _scale() -> list[list[float | str]]:
    """Five equal bands over 0.5…5.5, one per rating, in the report's colours."""
    scale: list[list[float | str]] = []
    for rating, colour in RATING_FILLS.items():
        scale += [[(rating - 1) / 5, colour], [rating / 5, colour]]
    return scale


def _practice(text: str, width: int, lines: int) -> str:
    wrapped = textwrap.wrap(text, width, break_long_words=True) or []
    if len(wrapped) > lines:
        wrapped = [*wrapped[: lines - 1], wrapped[lines - 1][: width - 1] + "…"]
    return "<br>".join(plotly_text(line) for line in wrapped)


def shura_heatmap(view: WorkshopView, lang: Language | str) -> go.Figure:
    """Stage × audience with ratings 1–5; blank cells grey, the weakest outlined."""
    content = shura_content()
    answers = view.frameworks
    stages, audiences = list(ShuraStage), list(Audience)
    weak = set(weak_spots(answers))
    z: list[list[int | None]] = []
    text: list[list[str]] = []
    hover: list[list[str]] = []
    figure = go.Figure()
    for row, stage in enumerate(stages):
        z_row, text_row, hover_row = [], [], []
        for column, audience in enumerate(audiences):
            cell, _ = answers.cell(stage, audience)
            label = f"<b>{cell.rating if cell.rating is not None else '–'}</b>"
            if (stage, audience) in weak:
                label += f" · {t('shura.chart.weakest', lang)}"
            if cell.practice:
                label += "<br>" + _practice(cell.practice, 34, 2)
            z_row.append(cell.rating)
            text_row.append(label)
            rating = rating_text(cell.rating, lang)
            hover_row.append(
                t("shura.chart.hover", lang, cell=cell_label(stage, audience, lang), rating=rating)
                + ("<br>" + _practice(cell.practice, 60, 6) if cell.practice else "")
            )
            box = {"x0": column - 0.5, "x1": column + 0.5, "y0": row - 0.5, "y1": row + 0.5}
            if cell.rating is None:
                figure.add_shape(
                    type="rect", **box, fillcolor=EMPTY_FILL, line={"width": 0}, layer="below"
                )
            if (stage, audience) in weak:
                inset = {k: v + (0.03 if k.endswith("0") else -0.03) for k, v in box.items()}
                figure.add_shape(type="rect", **inset, line={"color": WEAK_LINE, "width": 4})
        z.append(z_row)
        text.append(text_row)
        hover.append(hover_row)
    figure.add_trace(
        go.Heatmap(
            z=z,
            x=list(range(len(audiences))),
            y=list(range(len(stages))),
            text=text,
            texttemplate="%{text}",
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
            zmin=0.5,
            zmax=5.5,
            colorscale=_scale(),
            xgap=3,
            ygap=3,
            colorbar={"title": {"text": t("shura.chart.scale", lang)}, "tickvals": [1, 2, 3, 4, 5]},
        )
    )
    figure.update_layout(
        title=t("shura.chart.title", lang),
        xaxis={
            "tickvals": list(range(len(audiences))),
            "ticktext": [content.audience(a).name(lang) for a in audiences],
            "side": "top",
            "range": [-0.5, len(audiences) - 0.5],
            "showgrid": False,
            "zeroline": False,
        },
        yaxis={
            "tickvals": list(range(len(stages))),
            "ticktext": [
                f"{i}. {content.stage(s).name(lang)}" for i, s in enumerate(stages, start=1)
            ],
            "autorange": "reversed",
            "showgrid": False,
            "zeroline": False,
        },
        height=480,
        margin={"l": 10, "r": 10, "t": 90, "b": 10},
        plot_bgcolor="#FFFFFF",
        font={"family": FONT},
    )
    return figure
