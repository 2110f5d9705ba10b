"""The trainer's comments: on a block, a segment or the whole workshop of one participant."""

from functools import partial

import streamlit as st

from canvas.content import catalogue
from canvas.domain import NOTE_BLOCKS, CanvasBlock, Language
from canvas.domain.course import CommentInput, GalleryEntry
from canvas.presenters.tables import comment_lines
from canvas.store import comments as store
from ui.language import plain, tr
from ui.panels.trainer.gallery import participant_view, who
from ui.saving import form_key, save

COMMENT_BLOCKS = (*NOTE_BLOCKS, CanvasBlock.CUSTOMER_RELATIONSHIPS)
WHOLE = "whole"


def _target(choice: str) -> dict[str, object]:
    """``block:…`` / ``segment:…`` / ``whole`` as the comment's fields."""
    kind, _, value = choice.partition(":")
    if kind == "block":
        return {"block": CanvasBlock(value)}
    if kind == "segment":
        return {"segment_id": int(value)}
    return {}


def comments(entries: list[GalleryEntry], code: Language) -> None:
    """Choose a participant, add a comment, and list or delete theirs."""
    if not entries:
        st.info(tr("trainer.no_participants"))
        return
    cat = catalogue()
    names = who(entries)
    chosen = st.selectbox(
        tr("trainer.comment.participant"),
        list(names),
        format_func=lambda i: names[i],
        key="comment_who",
    )
    view = participant_view(chosen)
    labels = {WHOLE: tr("comments.whole")}
    labels |= {f"block:{b.value}": cat.block(b).name(code) for b in COMMENT_BLOCKS}
    labels |= {f"segment:{v.segment.id}": v.segment.name for v in view.segments}
    with st.form(form_key(f"comment-{chosen}")):
        about = st.selectbox(
            tr("trainer.comment.about"), list(labels), format_func=lambda k: labels[k]
        )
        text = st.text_area(tr("trainer.comment.text"), height=90)
        if st.form_submit_button(tr("trainer.comment.add"), type="primary") and save(
            lambda s: store.add_comment(
                s, workshop_id=chosen, data=CommentInput(text=text, **_target(about))
            ),
            success=tr("trainer.comment.added"),
        ):
            st.rerun()
    if not view.comments:
        st.caption(tr("trainer.comment.none"))
    for comment, line in zip(view.comments, comment_lines(view, code), strict=True):
        text_column, button_column = st.columns([6, 1], vertical_alignment="center")
        text_column.markdown(f"- {plain(line)}")
        if button_column.button(
            tr("trainer.comment.delete"), key=f"delete-comment-{comment.id}"
        ) and save(
            partial(store.delete_comment, comment_id=comment.id),
            success=tr("trainer.comment.deleted"),
        ):
            st.rerun()
