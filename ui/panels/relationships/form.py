"""The relationships form's save, run as the button's callback.

A callback runs before the page script, so one run both saves and shows the saved
answers; saving from the script needed a second, full run after ``st.rerun``, which
doubled the time from the click to the updated page on a large workshop.
"""

import streamlit as st

from canvas.domain import IntegrationBlock, RelationshipType
from canvas.forms.relationships import relationship_answers
from canvas.store import relationships as relationship_store
from ui.language import lang, tr
from ui.saving import forget_shown, save

PROBLEMS = "relationship_problems"  # refusals the page shows under its form


def field_key(prefix: str, kind: RelationshipType, field: str) -> str:
    return f"{prefix}-{kind}-{field}"


def save_answers(
    segment_id: int, record: str, prefix: str, shown: tuple[int, ...], currency: str = ""
) -> None:
    """Read the submitted form from session state, check it, save it in one transaction."""
    state = st.session_state
    raw = {
        kind: {
            "expected": state[field_key(prefix, kind, "exp")],
            "established": state[field_key(prefix, kind, "est")],
            "motives": state[field_key(prefix, kind, "mot")],
            "yearly_cost": state[field_key(prefix, kind, "cost")],
            "integration": {
                block: state[field_key(prefix, kind, block)] for block in IntegrationBlock
            },
        }
        for kind in RelationshipType
    }
    versions = dict(zip(RelationshipType, shown, strict=True))
    answers, problems = relationship_answers(raw, versions, lang(), currency)
    if problems:  # the form keeps what was typed, under the list of what to fix
        state[PROBLEMS] = problems
        return
    save(
        lambda s: relationship_store.save_relationships(s, segment_id=segment_id, answers=answers),
        success=tr("relationships.saved"),
        rerun=False,
    )
    # saved, or refused as stale: either way the form now shows what is stored
    forget_shown(record)
