"""The touchpoint inventory as a picture: Mann's four categories against the three ratings.

Touchpoint names are typed by users and Plotly renders a little HTML, so the names shown
on hover are escaped.
"""

from math import ceil

import plotly.graph_objects as go

from canvas.content.touchpoints import touchpoint_content
from canvas.domain import Language, WorkshopView
from canvas.domain.touchpoint import RATINGS, TouchpointCategory, rating_counts
from canvas.figures.style import FONT, plotly_text
from canvas.i18n import number, t

# One hue from white to Okabe–Ito blue: a count reads the same with any colour vision,
# and the number is written in every cell anyway.
COLOURSCALE = [[0.0, "#FFFFFF"], [1.0, "#0072B2"]]
NAMES_ON_HOVER = 8  # a cell's touchpoints listed on hover; the rest are counted


def touchpoint_heatmap(view: WorkshopView, lang: Language | str) -> go.Figure:
    """Categories (rows) × ratings (columns, "not rated" last), the count in each cell."""
    content = touchpoint_content()
    counts = rating_counts(view.touchpoints)
    ratings = [content.rating_name(rating, lang) for rating in RATINGS]
    categories = [content.category(category).name(lang) for category in TouchpointCategory]
    z, hover = [], []
    for category, category_name in zip(TouchpointCategory, categories, strict=True):
        z.append([counts[category][rating] for rating in RATINGS])
        row = []
        for rating, rating_name in zip(RATINGS, ratings, strict=True):
            names = [
                p.name for p in view.touchpoints if p.category is category and p.rating is rating
            ]
            lines = [
                f"<b>{plotly_text(category_name)} · {plotly_text(rating_name)}: {len(names)}</b>"
            ]
            lines += [plotly_text(name) for name in names[:NAMES_ON_HOVER]]
            if len(names) > NAMES_ON_HOVER:
                more = number(len(names) - NAMES_ON_HOVER, lang)
                lines.append(t("touchpoints.chart.more", lang, n=more))
            row.append("<br>".join(lines))
        hover.append(row)
    most = max((max(row) for row in z), default=0)
    figure = go.Figure(
        go.Heatmap(
            z=z,
            x=ratings,
            y=categories,
            text=[[number(value, lang) for value in row] for row in z],
            texttemplate="%{text}",
            textfont={"size": 16},
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
            zmin=0,
            zmax=max(most, 1),
            colorscale=COLOURSCALE,
            xgap=2,
            ygap=2,
            # whole counts on the scale: ticks 1 apart up to 5, then every fifth of the most
            colorbar={
                "title": {"text": t("touchpoints.chart.count", lang)},
                "tick0": 0,
                "dtick": max(1, ceil(most / 5)),
            },
        )
    )
    figure.update_layout(
        title=t("touchpoints.chart.title", lang),
        xaxis={"side": "top", "fixedrange": True},
        yaxis={"autorange": "reversed", "fixedrange": True},
        height=340,
        margin={"l": 10, "r": 10, "t": 90, "b": 10},
        plot_bgcolor="#FFFFFF",
        font={"family": FONT},
    )
    return figure
