"""The room screen: the chosen course's join code, the join address and its QR code, big
enough to read from the back of a room on a 1920×1080 projector, and nothing else.

The address is the app's own as the browser sees it, unless the operator set
``PUBLIC_URL`` (environment or Streamlit secret ``public_url``): behind a proxy, or on a
laptop that reaches the app at ``localhost``, the participants need another one.
"""

import os

import streamlit as st

from canvas.domain.course import Course
from canvas.domain.room import PUBLIC_URL_SETTING, BadPublicUrl, join_address
from canvas.figures.qr import qr_png
from ui.language import plain, tr
from ui.panels.trainer.course_state import ROOM_COURSE
from ui.panels.trainer.gallery import course_list

PAGE_PATH = "room"  # the page's URL path in app.py's page table
EXAMPLE = "https://workshop.example.org"

# Static CSS only: no user text ever goes into this markup. It hides the sidebar, its
# button and the toolbar on this page alone, and sets the large type.
ROOM_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 1.5rem 3rem 1rem 3rem; max-width: none; }
.st-key-room_code h1 {
  font-size: 11rem; line-height: 1.1; letter-spacing: 0.08em; padding: 0;
  font-variant-numeric: tabular-nums;
}
.st-key-room_address p { font-size: 3.2rem; line-height: 1.2; overflow-wrap: anywhere; }
.st-key-room_label p, .st-key-room_label_code p { font-size: 1.8rem; color: #555; margin: 0; }
.st-key-room_steps p { font-size: 1.8rem; line-height: 1.35; }
</style>"""


def _setting() -> str | None:
    value = os.environ.get(PUBLIC_URL_SETTING)
    if value:
        return value
    try:
        found = st.secrets.get(PUBLIC_URL_SETTING.lower())
    except Exception:  # no secrets file at all
        return None
    return str(found) if found else None


def address() -> str | None:
    """The join address; ``None`` (with the reason on the page) if it can't be told."""
    headers = st.context.headers
    try:
        return join_address(
            override=_setting(),
            page_url=st.context.url,
            page_path=PAGE_PATH,
            host=headers.get("Host"),
            forwarded_proto=headers.get("X-Forwarded-Proto"),
        )
    except BadPublicUrl:
        message = tr("room.bad_public_url", setting=PUBLIC_URL_SETTING, example=EXAMPLE)
        st.error(message, icon=":material/link_off:")
        return None


@st.cache_data(max_entries=16, show_spinner=False)
def _qr(address: str) -> bytes:
    return qr_png(address)


def shown_course() -> Course | None:
    """The course chosen on the trainer page, else the newest."""
    every = course_list()
    chosen = st.session_state.get(ROOM_COURSE)
    return next((c for c in every if c.id == chosen), every[0] if every else None)


def room_screen() -> None:
    st.html(ROOM_CSS)
    course = shown_course()
    if course is None:
        st.info(tr("room.no_course"))
        st.page_link("app_pages/trainer.py", label=tr("room.back"), icon=":material/arrow_back:")
        return
    where = address()
    left, right = st.columns([11, 9], vertical_alignment="center", gap="large")
    with left:
        st.page_link("app_pages/trainer.py", label=tr("room.back"), icon=":material/arrow_back:")
        if where is not None:
            with st.container(key="room_label"):
                st.markdown(tr("room.join_at"))
            with st.container(key="room_address"):
                st.markdown(plain(where))
        else:
            st.warning(tr("room.no_address", setting=PUBLIC_URL_SETTING))
        with st.container(key="room_label_code"):
            st.markdown(tr("room.code"))
        with st.container(key="room_code"):
            st.title(course.join_code, anchor=False)
        with st.container(key="room_steps"):
            st.markdown(tr("room.steps"))
        if course.closed:
            st.warning(tr("room.closed"), icon=":material/block:")
    if where is not None:
        with right, st.container(key="room_qr"):
            st.image(_qr(where), alt=tr("room.qr_caption"), output_format="PNG")
