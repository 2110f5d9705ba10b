"""The NPS page's panels for typing answers one by one and for entering counts only."""

from datetime import date

import streamlit as st

from canvas.domain import Language, WorkshopView
from canvas.domain.nps import NpsCounts, NpsResponseInput
from canvas.forms.numbers import read_fields, shown
from canvas.i18n import t
from canvas.store.nps import add_responses, set_counts
from ui.frozen import read_only
from ui.language import lang, tr
from ui.saving import edit_version, form_key, save, show_problems, submit_key

SCORES = list(range(11))
EARLIEST, LATEST = date(2000, 1, 1), date(2100, 12, 31)
# the date picker as each locale writes a short date (Babel: ru 05.12.2026, en_US 12/5/26)
DATE_FORMATS = {Language.RU: "DD.MM.YYYY", Language.EN: "MM/DD/YYYY"}
COUNT_FIELDS = ("promoters", "passives", "detractors")
EVERYONE = 0  # the scope selector's value for everyone; segment ids start at 1


def typed_panel(view: WorkshopView) -> None:
    """One customer's three answers, a segment and a date; only the score is required.

    The answer is checked by the domain inside the save, so a refusal names the field in
    the user's language and the form, whose key only changes after a save, keeps the text.
    """
    code = lang()  # format_func may be called outside the run
    names = {segment_view.segment.id: segment_view.segment.name for segment_view in view.segments}
    with st.form(form_key("nps-answer")):
        st.caption(tr("nps.typed.help"))
        score = st.radio(tr("nps.typed.score"), SCORES, index=None, horizontal=True)
        why = st.text_area(tr("nps.typed.why"), height=80)
        ten = st.text_area(tr("nps.typed.ten"), height=80)
        left, right = st.columns(2)
        segment = left.selectbox(
            tr("field.segment"),
            [None, *names],
            format_func=lambda i: t("nps.typed.no_segment", code) if i is None else names[i],
        )
        day = right.date_input(
            tr("nps.typed.date"),
            value=None,
            min_value=EARLIEST,
            max_value=LATEST,
            format=DATE_FORMATS[code],
        )
        submitted = st.form_submit_button(
            tr("nps.typed.save"), type="primary", disabled=read_only()
        )
    if not submitted:
        return
    answer = {"why": why, "make_it_ten": ten, "segment_id": segment, "answered_on": day}
    if score is not None:  # no score: the domain says it is required
        answer["score"] = score
    if save(
        lambda s: add_responses(
            s,
            workshop_id=view.workshop.id,
            responses=[NpsResponseInput.model_validate(answer)],
        ),
        success=tr("nps.typed.saved"),
    ):
        st.rerun()


def counts_panel(view: WorkshopView) -> None:
    """Promoters, passives and detractors of a survey run elsewhere, for everyone or a segment.

    The form is keyed by the stored version: after someone else's save the stale-edit
    message shows and the form starts again from the fresh counts.
    """
    st.caption(tr("nps.counts.help"))
    names = {EVERYONE: tr("nps.counts.everyone")}
    names |= {segment_view.segment.id: segment_view.segment.name for segment_view in view.segments}
    if st.session_state.get("nps_counts_scope") not in names:
        st.session_state.nps_counts_scope = EVERYONE
    chosen = st.selectbox(
        tr("nps.counts.scope"), list(names), format_func=names.__getitem__, key="nps_counts_scope"
    )
    scope = None if chosen == EVERYONE else chosen
    stored = view.nps.typed.get(scope, NpsCounts())
    record = f"nps-counts-{chosen}"
    version = edit_version(record, view.nps.typed_version(scope))
    with st.form(f"nps-counts-{chosen}-{version}"):
        # text fields, as the segment form's figures: «1 500» reads as the tables write it
        typed = {
            name: column.text_input(
                tr(f"nps.counts.{name}"), value=shown(getattr(stored, name), lang(), 0)
            )
            for name, column in zip(COUNT_FIELDS, st.columns(3), strict=True)
        }
        submitted = st.form_submit_button(
            tr("nps.counts.save"),
            type="primary",
            key=submit_key(record, version),
            disabled=read_only(),
        )
    if not submitted:
        return
    read, problems = read_fields(typed, lang(), {}, frozenset(COUNT_FIELDS))
    if problems:
        show_problems(problems)
        return
    values = {name: 0 if value is None else value for name, value in read.items()}  # empty: none
    if save(
        lambda s: set_counts(
            s,
            workshop_id=view.workshop.id,
            segment_id=scope,
            counts=NpsCounts.model_validate(values),
            expected_version=version,
        ),
        success=tr("nps.counts.saved"),
    ):
        st.rerun()
