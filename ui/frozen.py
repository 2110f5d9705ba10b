"""The banner over every page of a workshop whose course the trainer froze."""

import streamlit as st

from canvas.domain import WorkshopView
from ui.gate import is_trainer
from ui.language import tr
from ui.workshop import current_view


def frozen_banner(view: WorkshopView | None) -> bool:
    """Say that editing is paused, if it is; whether it is.

    The banner's place is one container drawn on every run, empty while the course is not
    frozen: a freeze arriving live must not shift the page below it, or the browser would
    redraw its expanders closed and lose what the participant is typing.
    """
    place = st.container()
    if view is None or not view.frozen:
        return False
    key = "frozen.banner_trainer" if is_trainer() else "frozen.banner"
    place.warning(tr(key), icon=":material/ac_unit:")
    return True


def read_only() -> bool:
    """Whether the open workshop takes no saves now: its course is frozen. Pages disable
    their save buttons with it; the store refuses a save that gets through anyway."""
    view = current_view()
    return view is not None and view.frozen
