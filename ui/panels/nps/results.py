"""The NPS page's results: headline figures, the three charts, comments, deleting answers."""

import streamlit as st

from canvas.domain import Language, WorkshopView
from canvas.domain.nps import FEW_ANSWERS, NpsCategory
from canvas.figures.nps import (
    day_label,
    distribution_chart,
    headline,
    score_chart,
    trend_chart,
    wide_segments,
)
from canvas.i18n import number, quoted, t
from canvas.store.nps import clear_responses
from ui.frozen import read_only
from ui.language import lang, plain, tr
from ui.saving import save
from ui.widgets import derived, show_chart

ASKED = "nps_delete_asked"
FIRST_SHOWN = 5  # answers open in each column; the others behind an expander


def results(view: WorkshopView) -> None:
    """The headline figures and charts, or a pointer to the ways in for an empty survey."""
    code, survey = lang(), view.nps
    overall = survey.counts(overall=True)
    top = headline(overall, code)
    if top is None:
        st.info(tr("nps.empty"))
        return
    figures = [
        ("nps.metric.score", top.score),
        ("nps.metric.n", top.n),
        ("nps.metric.promoters", top.promoters),
        ("nps.metric.passives", top.passives),
        ("nps.metric.detractors", top.detractors),
        ("nps.metric.interval", top.interval),
    ]
    widths = [2, 2, 2, 2, 2, 3]  # the interval needs room for two numbers
    for column, (label, value) in zip(st.columns(widths), figures, strict=True):
        column.metric(tr(label), value)
    limit = number(FEW_ANSWERS, code)
    if overall.wide:
        st.warning(tr("nps.wide", limit=limit), icon=":material/info:")
    if wide := wide_segments(view):
        names = ", ".join(quoted(plain(name), code) for name in wide)
        st.warning(tr("nps.wide_segments", limit=limit, names=names), icon=":material/info:")
    show_chart(score_chart, view, code)
    if survey.answered:
        left, right = st.columns(2)
        show_chart(distribution_chart, view, code, where=left)
        show_chart(trend_chart, view, code, where=right)
    if any(counts.n for counts in survey.typed.values()):
        st.caption(tr("nps.typed_note"))


def comments(view: WorkshopView) -> None:
    """The newest "why" and "what would make it a 10" answers, one column per category."""
    survey, code = view.nps, lang()
    if not survey.answered:
        return
    st.subheader(tr("nps.comments"))
    st.caption(tr("nps.comments.help"))
    cards = derived(comment_cards, view, code)
    for column, category in zip(st.columns(3), NpsCategory, strict=True):
        column.markdown(f"**{tr(f'nps.category.{category.value}')}**")
        kept = cards[category]
        if not kept:
            column.caption(tr("nps.comments.none"))
            continue
        total = number(survey.comment_totals.get(category, len(kept)), code)
        column.caption(tr("nps.comments.shown", shown=number(len(kept), code), total=total))
        # No fixed-height scroll box: a keyboard cannot reach one (axe's
        # scrollable-region-focusable). The newest few are open, the rest behind an
        # expander, which a keyboard opens and the page then scrolls through.
        for card in kept[:FIRST_SHOWN]:
            column.container(border=True).markdown(card)
        if len(kept) > FIRST_SHOWN:
            more = column.expander(tr("a11y.nps.more", n=number(len(kept) - FIRST_SHOWN, code)))
            for card in kept[FIRST_SHOWN:]:  # one element per answer: hundreds are shown
                more.container(border=True).markdown(card)


def comment_cards(view: WorkshopView, language: Language) -> dict[NpsCategory, list[str]]:
    """Each kept answer as one markdown card: score, segment and day, then its two texts."""
    names = {entry.segment.id: entry.segment.name for entry in view.segments}
    no_segment, why, ten = (
        t(key, language)
        for key in ("nps.comments.no_segment", "nps.comments.why", "nps.comments.ten")
    )
    cards: dict[NpsCategory, list[str]] = {}
    for category in NpsCategory:
        cards[category] = []
        for comment in view.nps.comments_in(category):
            about = [
                number(comment.score, language),
                names.get(comment.segment_id or 0, no_segment),
            ]
            if comment.answered_on is not None:
                about.append(day_label(comment.answered_on, language))
            parts = [f":gray[{plain(' · '.join(about))}]"]
            if comment.why:
                parts.append(f"**{why}:** {plain(comment.why)}")
            if comment.make_it_ten:
                parts.append(f"**{ten}:** {plain(comment.make_it_ten)}")
            cards[category].append("\n\n".join(parts))
    return cards


def delete_panel(view: WorkshopView) -> None:
    """Delete every single answer, after a second click that says how many."""
    answered = view.nps.answered
    if not answered:
        return
    n = number(answered, lang())
    with st.expander(tr("nps.delete"), icon=":material/delete:"):
        st.caption(tr("nps.delete.help", n=n))
        if not st.session_state.get(ASKED):
            if st.button(tr("nps.delete"), key="nps-delete", disabled=read_only()):
                st.session_state[ASKED] = True
                st.rerun()
            return
        st.warning(tr("nps.delete.confirm", n=n))
        yes, no = st.columns(2)
        if yes.button(tr("nps.delete.yes"), type="primary", disabled=read_only()):
            st.session_state[ASKED] = False
            if save(
                lambda s: clear_responses(s, workshop_id=view.workshop.id),
                success=tr("nps.delete.done"),
            ):
                st.rerun()
        if no.button(tr("nps.delete.no")):
            st.session_state[ASKED] = False
            st.rerun()
