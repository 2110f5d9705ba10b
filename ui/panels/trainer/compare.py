"""The trainer's comparison: two participants' canvases side by side with key figures."""

import pandas as pd
import streamlit as st

from canvas.domain import Language
from canvas.domain.course import GalleryEntry
from canvas.i18n import percent
from canvas.presenters.tables import economics_rows
from ui.language import plain, tr
from ui.panels.canvas.board_list import canvas_list
from ui.panels.trainer.gallery import participant_view, who
from ui.widgets import derived


def compare(entries: list[GalleryEntry], code: Language) -> None:
    """Two selectboxes, each choosing a participant whose canvas and figures show below."""
    if len(entries) < 2:
        st.info(tr("trainer.compare.need_two"))
        return
    names = who(entries)
    by_id = {entry.workshop_id: entry for entry in entries}
    ids = list(names)
    left, right = st.columns(2)
    for side, column, start in (("left", left, 0), ("right", right, 1)):
        with column:
            chosen = st.selectbox(
                tr(f"trainer.compare.{side}"),
                ids,
                index=start,
                format_func=lambda i: names[i],
                key=f"compare_{side}",
            )
            entry = by_id[chosen]
            view = participant_view(chosen)
            st.header(plain(names[chosen]))
            segments, progress, comments = st.columns(3)
            segments.metric(tr("trainer.compare.segments"), entry.segments)
            progress.metric(tr("trainer.compare.progress"), percent(entry.progress, code))
            comments.metric(tr("trainer.compare.comments"), len(view.comments))
            # Half a page is too narrow for the nine-block drawing: the blocks as a list.
            canvas_list(view, code, key=f"compare-canvas-{side}")
            rows = derived(economics_rows, view, code)
            if rows:
                st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
