"""The look every figure shares: the font stack, escaping user text for Plotly labels, the
empty-chart note and the common layout. No Streamlit here, so exports reuse the figures."""

import html

import plotly.graph_objects as go

FONT = "Inter, 'PT Sans', 'DejaVu Sans', Arial, sans-serif"


def plotly_text(text: str) -> str:
    """User text for a Plotly label or hover: Plotly renders some HTML tags, so escape it."""
    return html.escape(text, quote=False)


def centre_note(figure: go.Figure, text: str) -> None:
    """A grey note in the middle of an empty chart (no answers yet, no dates, …)."""
    figure.add_annotation(
        text=text,
        xref="paper",
        yref="paper",
        x=0.5,
        y=0.5,
        showarrow=False,
        font={"size": 14, "color": "#666"},
    )


def shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def finish(figure: go.Figure, title: str, rows: int, **layout: object) -> go.Figure:
    """The layout every chart shares: a title, rows top-down, height that grows with rows."""
    figure.update_layout(
        title=title,
        yaxis={"autorange": "reversed"},
        height=max(240, 120 + 36 * rows),
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        font={"family": FONT},
        **layout,
    )
    return figure
