"""Touchpoints page, the inventory: filter it, edit or delete one touchpoint, and the
awful ones to fix first (shown on the Canvas page's layer too)."""

import pandas as pd
import streamlit as st

from canvas.content.touchpoints import touchpoint_content
from canvas.domain import WorkshopView
from canvas.domain.touchpoint import RATINGS, TouchpointCategory, TouchpointInput, matching
from canvas.i18n import number
from canvas.presenters.touchpoints import fix_first_rows, inventory_rows
from canvas.store.touchpoints import delete_touchpoint, update_touchpoint
from ui.frozen import read_only
from ui.language import lang, tr
from ui.panels.touchpoints.add import touchpoint_fields
from ui.saving import edit_version, save, submit_key
from ui.url_state import from_url, to_url


def inventory(view: WorkshopView) -> None:
    """The inventory as a filtered table, and one form for the touchpoint picked in it."""
    content, code = touchpoint_content(), lang()
    total = len(view.touchpoints)
    st.header(tr("touchpoints.inventory", n=number(total, code)))
    if not total:
        st.info(tr("touchpoints.empty"))
        return
    segments: dict[int | None, str] = {None: tr("touchpoints.any_segment")}
    segments |= {v.segment.id: v.segment.name for v in view.segments}
    first, second, third = st.columns(3)
    # The filters live in the URL (codes and a segment id): a reload keeps them.
    from_url("touchpoints_categories", "category", list(TouchpointCategory), [])
    from_url("touchpoints_ratings", "rating", list(RATINGS), [])
    from_url("touchpoints_segment", "segment", list(segments), None)
    categories = first.multiselect(
        tr("touchpoints.filter_category"),
        list(TouchpointCategory),
        format_func=lambda c: content.category(c).name(code),
        placeholder=tr("touchpoints.any"),
        key="touchpoints_categories",
    )
    ratings = second.multiselect(
        tr("touchpoints.filter_rating"),
        list(RATINGS),
        format_func=lambda r: content.rating_name(r, code),
        placeholder=tr("touchpoints.any"),
        key="touchpoints_ratings",
    )
    segment = third.selectbox(
        tr("touchpoints.filter_segment"),
        list(segments),
        format_func=segments.__getitem__,
        key="touchpoints_segment",
    )
    to_url("touchpoints_categories", "category", categories, [])
    to_url("touchpoints_ratings", "rating", ratings, [])
    to_url("touchpoints_segment", "segment", segment, None)
    shown = matching(view.touchpoints, categories=categories, ratings=ratings, segment_id=segment)
    st.caption(tr("touchpoints.shown", shown=number(len(shown), code), total=number(total, code)))
    if not shown:
        st.info(tr("touchpoints.none_match"))
        return
    st.dataframe(pd.DataFrame(inventory_rows(shown, view, code)), hide_index=True, width="stretch")

    labels = {
        p.id: f"{p.name} · {content.category(p.category).name(code)} · "
        + content.rating_name(p.rating, code)
        for p in shown
    }
    if st.session_state.get("edit_touchpoint") not in labels:
        st.session_state.edit_touchpoint = shown[0].id
    chosen = st.selectbox(
        tr("touchpoints.choose"),
        list(labels),
        format_func=labels.__getitem__,
        key="edit_touchpoint",
    )
    point = next(p for p in shown if p.id == chosen)
    record = f"touchpoint-{point.id}"
    version = edit_version(record, point.version)
    with st.form(f"touchpoint-{point.id}-{version}"):
        values = touchpoint_fields(view, f"tp{point.id}v{version}", point)
        keep, drop = st.columns(2)
        if keep.form_submit_button(
            tr("touchpoints.save"),
            type="primary",
            key=submit_key(record, version),
            disabled=read_only(),
        ) and save(
            lambda s: update_touchpoint(
                s,
                touchpoint_id=point.id,
                data=TouchpointInput(**values),
                expected_version=version,
            ),
            success=tr("touchpoints.saved"),
        ):
            st.rerun()
        if drop.form_submit_button(
            tr("touchpoints.delete"), icon=":material/delete:", disabled=read_only()
        ) and save(
            lambda s: delete_touchpoint(s, touchpoint_id=point.id),
            success=tr("touchpoints.deleted"),
        ):
            st.rerun()


def fix_first_list(view: WorkshopView) -> None:
    """The awful touchpoints, the most yearly revenue at stake first."""
    st.header(tr("touchpoints.fix_first"))
    st.caption(tr("touchpoints.fix_first_help"))
    rows = fix_first_rows(view, lang())
    if not rows:
        st.success(tr("touchpoints.no_awful"), icon=":material/check_circle:")
        return
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
