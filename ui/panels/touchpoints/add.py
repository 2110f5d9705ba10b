"""Touchpoints page, the ways in: Mann's examples in one click, a form for one's own,
and the fields that the add and edit forms share."""

from functools import partial
from typing import Any

import streamlit as st

from canvas.content import catalogue
from canvas.content.touchpoints import touchpoint_content
from canvas.domain import RelationshipType, WorkshopView
from canvas.domain.touchpoint import (
    RATINGS,
    Touchpoint,
    TouchpointCategory,
    TouchpointInput,
    suggested,
)
from canvas.presenters.touchpoints import open_suggestions
from canvas.store.touchpoints import add_touchpoints
from ui.frozen import read_only
from ui.language import lang, tr
from ui.saving import form_key, save
from ui.scales import RatingScale, scale_caption


def _index(options: list[Any], value: Any) -> int:
    return options.index(value) if value in options else 0


def touchpoint_fields(view: WorkshopView, prefix: str, point: Touchpoint | None) -> dict[str, Any]:
    """The touchpoint form's widgets; returns the raw values for ``TouchpointInput``."""
    content, cat, code = touchpoint_content(), catalogue(), lang()
    segments: dict[int | None, str] = {None: tr("touchpoints.all_segments")}
    segments |= {v.segment.id: v.segment.name for v in view.segments}
    kinds: list[RelationshipType | None] = [None, *RelationshipType]
    no_type = tr("touchpoints.no_type")
    categories = list(TouchpointCategory)
    ratings = list(RATINGS)
    left, right = st.columns([3, 2])
    name = left.text_input(tr("field.name"), value=point.name if point else "", key=f"{prefix}-n")
    category = right.selectbox(
        tr("field.category"),
        categories,
        index=_index(categories, point.category if point else None),
        format_func=lambda c: content.category(c).name(code),
        key=f"{prefix}-c",
    )
    left, right = st.columns(2)
    segment = left.selectbox(
        tr("field.segment"),
        list(segments),
        index=_index(list(segments), point.segment_id if point else None),
        format_func=segments.__getitem__,
        key=f"{prefix}-s",
    )
    kind = right.selectbox(
        tr("field.relationship_type"),
        kinds,
        index=_index(kinds, point.relationship_type if point else None),
        format_func=lambda k: no_type if k is None else cat.type(k).name(code),
        key=f"{prefix}-t",
    )
    rating = st.radio(
        tr("field.rating"),
        ratings,
        index=ratings.index(point.rating if point else None),
        format_func=lambda r: content.rating_name(r, code),
        horizontal=True,
        key=f"{prefix}-r",
    )
    scale_caption(RatingScale.TOUCHPOINTS)
    idea = st.text_area(
        tr("field.idea"), value=point.idea if point else "", height=80, key=f"{prefix}-i"
    )
    owner = st.text_input(tr("field.owner"), value=point.owner if point else "", key=f"{prefix}-o")
    return {
        "name": name,
        "category": category,
        "segment_id": segment,
        "relationship_type": kind,
        "rating": rating,
        "idea": idea,
        "owner": owner,
    }


def suggestions(view: WorkshopView) -> None:
    """Mann's examples per category, not yet in the inventory, to add at one click."""
    content, code = touchpoint_content(), lang()
    st.header(tr("touchpoints.suggestions"))
    st.caption(tr("touchpoints.suggestions_help"))
    tabs = st.tabs([content.category(c).name(code) for c in TouchpointCategory])
    for tab, category in zip(tabs, TouchpointCategory, strict=True):
        entry = content.category(category)
        with tab:
            st.markdown(f"**{entry.title(code)}.** {entry.description(code)}")
            left = open_suggestions(category, view.touchpoints, code)
            if not left:
                st.caption(tr("touchpoints.all_added"))
                continue
            picked = st.pills(
                tr("touchpoints.pick"),
                left,
                selection_mode="multi",
                key=form_key(f"pick-{category.value}-{code}"),
            )
            chosen = picked or left
            label = (
                tr("touchpoints.add_selected", n=len(picked))
                if picked
                else tr("touchpoints.add_all", n=len(left))
            )
            if st.button(
                label, key=f"add-{category.value}", icon=":material/add:", disabled=read_only()
            ) and save(
                partial(
                    add_touchpoints, workshop_id=view.workshop.id, items=suggested(category, chosen)
                ),
                success=tr("touchpoints.added", n=len(chosen)),
            ):
                st.rerun()


def add_form(view: WorkshopView) -> None:
    """A form for a touchpoint of one's own, with every field."""
    with (
        st.expander(tr("touchpoints.add_one"), icon=":material/add_circle:"),
        st.form(form_key("add_touchpoint")),
    ):
        values = touchpoint_fields(view, form_key("tp-new"), None)
        if st.form_submit_button(
            tr("touchpoints.add_button"), type="primary", disabled=read_only()
        ) and save(
            lambda s: add_touchpoints(
                s, workshop_id=view.workshop.id, items=[TouchpointInput(**values)]
            ),
            success=tr("touchpoints.added_one"),
        ):
            st.rerun()
