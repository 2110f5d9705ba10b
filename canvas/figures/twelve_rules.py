"""The twelve rules as a radar: one spoke per rule, scored 0–5; unscored rules are gaps."""

import textwrap

import plotly.graph_objects as go

from canvas.content.twelve_rules import twelve_rules
from canvas.domain.twelve_rules import ClevelandRule
from canvas.domain.vocabulary import Language
from canvas.domain.workshop_view import WorkshopView
from canvas.figures.style import FONT, plotly_text
from canvas.i18n import t

LINE = "#B8860B"
FILL = "rgba(184, 134, 11, 0.25)"
LABEL_WIDTH = 18  # characters per line of an axis label
NOTE_WIDTH = 60  # characters of a note shown on hover


def _label(text: str) -> str:
    return "<br>".join(plotly_text(line) for line in textwrap.wrap(text, LABEL_WIDTH))


def rules_radar(view: WorkshopView, lang: Language | str) -> go.Figure:
    """The twelve scores around a circle, in the book's order, with the notes on hover.

    An unscored rule leaves a gap in the line and is named under the chart, so a missing
    score never reads as a zero.
    """
    content = twelve_rules()
    rules = list(ClevelandRule)
    labels = [_label(content.numbered(rule, lang)) for rule in rules]
    answers = [view.frameworks.rule(rule)[0] for rule in rules]
    scores = [answer.score for answer in answers]
    hover = [
        f"<b>{plotly_text(content.numbered(rule, lang))}</b><br>"
        + t("rules.score_of", lang, score=answer.score)
        + (f"<br>{plotly_text(textwrap.shorten(answer.note, NOTE_WIDTH))}" if answer.note else "")
        for rule, answer in zip(rules, answers, strict=True)
    ]
    complete = None not in scores
    figure = go.Figure(
        go.Scatterpolar(
            # The first spoke again at the end closes the loop.
            r=[*scores, scores[0]],
            theta=[*labels, labels[0]],
            customdata=[*hover, hover[0]],
            mode="lines+markers",
            connectgaps=False,
            fill="toself" if complete else "none",
            fillcolor=FILL,
            line={"color": LINE, "width": 2},
            marker={"size": 8, "color": LINE},
            hovertemplate="%{customdata}<extra></extra>",
            showlegend=False,
        )
    )
    unscored = [str(i) for i, score in enumerate(scores, start=1) if score is None]
    if unscored:
        figure.add_annotation(
            x=0.5,
            y=-0.12,
            xref="paper",
            yref="paper",
            showarrow=False,
            text=plotly_text(t("rules.chart.unscored", lang, rules=", ".join(unscored))),
            font={"size": 12, "color": "#666"},
        )
    figure.update_layout(
        title=t("rules.chart.title", lang),
        polar={
            "radialaxis": {"range": [0, 5], "tickvals": [0, 1, 2, 3, 4, 5], "angle": 90},
            "angularaxis": {"direction": "clockwise", "rotation": 90},
        },
        height=560,
        margin={"l": 80, "r": 80, "t": 80, "b": 70},
        font={"family": FONT},
    )
    return figure
