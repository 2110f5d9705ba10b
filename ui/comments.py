"""The trainer's comments as a participant meets them, on every page of a course.

A new comment arrives as a toast within seconds (a live watch, ``ui.live``, started from
``app.py`` so it runs on every page); the unread count shows in the sidebar and at the
top of the main area (the sidebar is folded away on a phone), and opening either list
marks them read. Comments on the whole workshop stand at the top of the main area; a
block's comments stand in the canvas page's area for that block, a segment's beside it
on the relationships page.
"""

from collections.abc import Hashable
from functools import partial
from typing import Any

import streamlit as st

from canvas.content import catalogue
from canvas.domain import CanvasBlock, NotFound, WorkshopView
from canvas.domain.course import TrainerComment, unread
from canvas.presenters.tables import comment_about, comment_lines
from canvas.store import comments as store
from ui.gate import participant
from ui.language import lang, plain, tr
from ui.live import follow
from ui.saving import save
from ui.workshop import latest

_TOASTS = "comment_toasts"  # session state: toasts waiting for the page's next run
TOAST_CHARS = 160  # of a comment's text in its toast; the whole text is on the page


def _shown(view: WorkshopView) -> tuple[bool, tuple[int, ...]]:
    """What the trainer changes on a participant's page: the freeze and the comments."""
    return view.frozen, tuple(comment.id for comment in view.comments)


def _trainer_side(workshop: int) -> Hashable:
    try:
        return _shown(latest(workshop))
    except NotFound:
        return None


def _arrived(workshop: int, before: Any, now: Any) -> None:
    """Queue a toast for each comment that was not there when the page was drawn."""
    new = set(now[1] if now else ()) - set(before[1] if before else ())
    if not new:
        return
    view = latest(workshop)
    waiting: list[str] = st.session_state.setdefault(_TOASTS, [])
    for comment in view.comments:
        if comment.id in new:
            text = comment.text
            short = text if len(text) <= TOAST_CHARS else text[: TOAST_CHARS - 1] + "…"
            about = comment_about(view, comment, lang())
            waiting.append(tr("comments.toast", about=plain(about), text=plain(short)))


def follow_comments(view: WorkshopView | None) -> None:
    """A participant's page reruns when the trainer adds or deletes a comment (a new one
    with a toast) or freezes or unfreezes the course (the banner and locked buttons)."""
    if view is None or not participant():
        return
    workshop = view.workshop.id
    drawn = _shown(view)
    with st.sidebar:
        follow(
            "comments",
            partial(_trainer_side, workshop),
            changed=partial(_arrived, workshop),
            drawn=drawn,
        )


def show_toasts() -> None:
    """The toasts queued by the live watch, shown on the page run it asked for."""
    for message in st.session_state.pop(_TOASTS, []):
        st.toast(message, icon=":material/forum:", duration="long")


def _read(workshop: int, key: str) -> None:
    if st.session_state.get(key):  # opened, not closed
        save(partial(store.mark_read, workshop_id=workshop), rerun=False)


def comment_list(view: WorkshopView, *, key: str, label: str, unread_label: str) -> None:
    """All the trainer's comments in an expander; a participant opening it reads them."""
    count, new = len(view.comments), unread(view.comments)
    title = tr(unread_label, n=count, unread=new) if new else tr(label, n=count)
    marks = participant()
    with st.expander(
        title,
        icon=":material/mark_chat_unread:" if new else ":material/forum:",
        key=key,
        on_change=partial(_read, view.workshop.id, key) if marks else "ignore",
    ):
        for line in comment_lines(view, lang()):
            st.markdown(f"- {plain(line)}")


def top_of_page(view: WorkshopView | None) -> None:
    """Comments on the whole workshop, and the count of unread ones, above every page.

    Always one container, empty or not: the first comment must not shift the page below
    it, or the browser would redraw its expanders closed and lose what is being typed.
    """
    with st.container():
        if view is not None and view.comments:
            _top(view)


def _top(view: WorkshopView) -> None:
    for comment in view.comments:
        if comment.block is None and comment.segment_id is None:
            st.info(
                f"**{tr('comments.on_whole')}:** {plain(comment.text)}",
                icon=":material/campaign:",
            )
    comment_list(
        view, key="comments_top", label="comments.inbox", unread_label="comments.inbox_unread"
    )


def _boxes(found: list[TrainerComment]) -> None:
    for comment in found:
        st.warning(
            f"**{tr('comments.beside')}:** {plain(comment.text)}", icon=":material/rate_review:"
        )


def beside_segment(view: WorkshopView, segment_id: int) -> None:
    """The comments on one segment, shown with it."""
    _boxes([c for c in view.comments if c.segment_id == segment_id])


def beside_blocks(view: WorkshopView) -> None:
    """The canvas page's area per block: each commented block's name and its comments."""
    commented = [block for block in CanvasBlock if any(c.block is block for c in view.comments)]
    if not commented:
        return
    cat = catalogue()
    columns = st.columns(min(len(commented), 3))
    for index, block in enumerate(commented):
        with (
            columns[index % len(columns)],
            st.container(border=True, key=f"comments-{block.value}"),
        ):
            st.markdown(f"**{cat.block(block).name(lang())}**")
            _boxes([c for c in view.comments if c.block is block])
