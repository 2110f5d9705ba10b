"""The canvas as a list of blocks: one bordered container per block, in the canvas's order.

Shown instead of the nine-block drawing on a phone, in the trainer's side-by-side
comparison, and whenever a person ticks "as a list".
"""

import re

import streamlit as st

from canvas.domain import Language, WorkshopView
from canvas.presenters.canvas_list import list_blocks
from ui.language import plain, tr
from ui.widgets import derived

# Phones say so in their user agent ("Mobi" by Mozilla's advice, Android phones "Mobile")
# or in the client hint; Streamlit tells a script neither the screen's nor the window's width.
_PHONE = re.compile(r"Mobi|iPhone|iPod|Android.+Mobile|Opera Mini|IEMobile")


def narrow_screen() -> bool:
    """Whether this browser is a phone, where the nine-block drawing cannot be read."""
    headers = st.context.headers
    if headers.get("Sec-CH-UA-Mobile") == "?1":
        return True
    return bool(_PHONE.search(headers.get("User-Agent") or ""))


def canvas_list(view: WorkshopView, language: Language, *, layer: bool = False, key: str) -> None:
    """Every block with its items; ``key`` tells two lists on one page apart."""
    for block in derived(list_blocks, view, language, layer=layer):
        with st.container(border=True, key=f"{key}-{block.block.value}"):
            star = " ★" if block.focus else ""  # the block this workshop is about
            lines = [f"**{plain(block.name)}**{star}"]
            for item in block.items:
                who = f"**{plain(item.segment)}** · " if item.segment else ""
                lines.append(f"- :{item.colour}[{item.marker}] {who}{plain(item.text)}")
            if not block.items:
                lines += ["", tr("reflow.list.empty")]
            st.markdown("\n".join(lines))
