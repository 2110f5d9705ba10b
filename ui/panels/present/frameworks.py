"""The five frameworks' slides: SHURA, the twelve rules, NPS, touchpoints, the crisis check.

A framework nobody has filled in keeps its slide, with its (empty) chart and a line
saying what the slide will show once the room has answered.
"""

import textwrap

import streamlit as st

from canvas.content.loyalty_check import loyalty_content
from canvas.content.twelve_rules import twelve_rules
from canvas.domain import Language, WorkshopView
from canvas.domain.loyalty_check import answered_scopes, weakest_point
from canvas.domain.nps import BENCHMARKS
from canvas.domain.shura import answered, weak_spots
from canvas.domain.touchpoint import fix_first
from canvas.domain.twelve_rules import priorities, rule_scores
from canvas.figures.nps import headline
from canvas.figures.projected import (
    deck_conditions,
    deck_nps_distribution,
    deck_nps_scores,
    deck_path,
    deck_rules,
    deck_shura,
    deck_touchpoints,
)
from canvas.i18n import money
from canvas.presenters.deck import Slide
from canvas.presenters.shura import cell_label, rating_text
from ui.language import plain, tr
from ui.panels.present.look import figure, heading, lines

FIX_FIRST = 5  # awful touchpoints named on the slide
ADVICE_WIDTH = 150  # characters of a rule's next step


def shura_slide(view: WorkshopView, slide: Slide, language: Language, source: str) -> None:
    heading(tr("deck.slide.shura"))
    chart_side, text_side = st.columns([3, 2], gap="large")
    with chart_side:
        figure(deck_shura, view, language, source=source, key="deck-shura")
    with text_side:
        if not answered(view.frameworks):
            st.markdown(tr("deck.shura.empty"))
            return
        st.header(tr("shura.weakest"), anchor=False)
        for stage, audience in weak_spots(view.frameworks):
            cell = view.frameworks.cell(stage, audience)[0]
            label = plain(cell_label(stage, audience, language))
            said = tr("deck.shura.cell", cell=label, rating=rating_text(cell.rating, language))
            practice = textwrap.shorten(cell.practice, ADVICE_WIDTH, placeholder=" …")
            st.markdown(said + (f"  \n{plain(practice)}" if practice else ""))


def rules_slide(view: WorkshopView, slide: Slide, language: Language, source: str) -> None:
    heading(tr("deck.slide.twelve_rules"))
    content = twelve_rules()
    scores = rule_scores(view.frameworks)
    chart_side, text_side = st.columns([3, 2], gap="large")
    with chart_side:
        figure(deck_rules, view, language, source=source, key="deck-rules")
    with text_side, st.container(key="deck_dense"):
        weakest = priorities(scores)
        if not weakest:
            st.markdown(tr("deck.rules.empty"))
            return
        st.header(tr("rules.priorities"), anchor=False)
        for rule in weakest:
            title = plain(content.numbered(rule, language))
            st.markdown(tr("deck.rules.line", rule=title, score=scores[rule]))
            step = textwrap.shorten(
                content.rule(rule).next_step(language), ADVICE_WIDTH, placeholder=" …"
            )
            st.markdown(plain(step))


def nps_slide(view: WorkshopView, slide: Slide, language: Language, source: str) -> None:
    heading(tr("deck.slide.nps"))
    shown = headline(view.nps.counts(overall=True), language)
    benchmarks = " · ".join(f"{name} {value}" for name, value in BENCHMARKS.items())
    if shown is None:
        st.markdown(tr("deck.nps.empty"))
    else:
        st.markdown(
            f"**{tr('deck.nps.score', score=shown.score, n=shown.n)}** · "
            + tr("deck.nps.interval", interval=shown.interval)
            + "  \n"
            + tr(
                "deck.nps.shares",
                promoters=shown.promoters,
                passives=shown.passives,
                detractors=shown.detractors,
            )
            + " · "
            + tr("deck.nps.benchmarks", benchmarks=benchmarks)
        )
    scores, spread = st.columns(2, gap="large")
    with scores:
        figure(deck_nps_scores, view, language, source=source, key="deck-nps-scores")
    with spread:
        figure(deck_nps_distribution, view, language, source=source, key="deck-nps-spread")


def touchpoints_slide(view: WorkshopView, slide: Slide, language: Language, source: str) -> None:
    heading(tr("deck.slide.touchpoints"))
    chart_side, text_side = st.columns([3, 2], gap="large")
    with chart_side:
        figure(deck_touchpoints, view, language, source=source, key="deck-touchpoints")
    with text_side:
        if not view.touchpoints:
            st.markdown(tr("deck.touchpoints.empty"))
            return
        st.header(tr("touchpoints.fix_first"), anchor=False)
        ranked = fix_first(view.touchpoints, [s.segment for s in view.segments])
        currency = view.workshop.currency
        lines(
            [
                tr(
                    "deck.touchpoints.line",
                    name=plain(point.name),
                    revenue=money(revenue, currency, language),
                )
                for point, revenue in ranked[:FIX_FIRST]
            ]
        )
        if not ranked:
            st.markdown(tr("deck.touchpoints.none_awful"))


def loyalty_check_slide(view: WorkshopView, slide: Slide, language: Language, source: str) -> None:
    heading(tr("deck.slide.loyalty_check"))
    point = weakest_point(view, None)
    if point is not None:
        name = loyalty_content().entry(*point).name(language)
        st.markdown(tr("deck.loyalty_check.weakest", point=plain(name)))
    elif not answered_scopes(view):
        st.markdown(tr("deck.loyalty_check.empty"))
    path, conditions = st.columns([5, 3], gap="large")  # the path's seven labels need room
    with path:
        figure(deck_path, view, language, source=source, key="deck-path")
    with conditions:
        figure(deck_conditions, view, language, source=source, key="deck-conditions")
