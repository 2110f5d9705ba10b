"""The top of the Relationships page: why relationships matter (Drucker), the four guiding
questions and three motives, the six types at a glance, and the 0–3 scale. All of it stays
open, in course mode too, because the questions are what the form below answers."""

import streamlit as st

from canvas.content import catalogue
from canvas.presenters.relationship_overview import overview_rows
from ui.language import lang, tr
from ui.scales import RatingScale, scale_caption


def _cell(text: str) -> str:
    # A catalogue text in a markdown table: a pipe would split the cell, a newline the row.
    return text.replace("|", "\\|").replace("\n", " ")


def framing() -> None:
    cat, code = catalogue(), lang()
    st.header(tr("framing.why"))
    st.markdown(cat.intro(code))
    questions, motives = st.columns(2)
    questions.markdown(f"**{tr('framing.questions')}**")
    questions.markdown(
        "\n".join(f"{n}. {q.text(code)}" for n, q in enumerate(cat.questions, start=1))
    )
    motives.markdown(f"**{tr('framing.motives')}**")
    motives.markdown("\n".join(f"- **{m.name(code)}**: {m.description(code)}" for m in cat.motives))
    st.markdown(f"**{tr('framing.types')}**")
    st.caption(cat.spectrum_note(code))
    header = [tr(f"framing.col.{c}") for c in ("type", "place", "definition", "example")]
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + " --- |" * len(header),
        *(
            f"| **{_cell(r.name)}** | {r.place} | {_cell(r.definition)} | {_cell(r.example)} |"
            for r in overview_rows(code)
        ),
    ]
    st.markdown("\n".join(lines))
    scale_caption(RatingScale.RELATIONSHIPS)
