"""The four guiding questions' marks over the relationships form."""

import streamlit as st

from canvas.domain import GuidingQuestion, RelationshipType
from canvas.domain.progress import answered_questions, unlinked_types
from canvas.domain.workshop_view import SegmentView
from canvas.presenters.tables import progress_mark
from ui.language import lang, tr


def progress_marks(segment_view: SegmentView) -> None:
    """A tick or an open circle per question; question 4 names the types still unlinked."""
    done = answered_questions([segment_view.answer(kind) for kind in RelationshipType])
    unlinked = unlinked_types(segment_view.relationships)
    for column, question in zip(st.columns(4), GuidingQuestion, strict=True):
        mark = ":material/check_circle:" if done[question] else ":material/radio_button_unchecked:"
        column.markdown(f"{mark} {tr(f'question.short.{question.value}')}")
        if question is GuidingQuestion.INTEGRATION and not done[question] and unlinked:
            column.caption(progress_mark(question, False, unlinked, lang()))
