"""Entry point: page set-up, language, the open workshop in the URL, and navigation.

The page table below is the only place pages are declared; the scripts live alone in
``app_pages/`` (a ``pages/`` folder here would put Streamlit into its legacy multipage
mode on a cold deep link, running a page without this file).
"""

import streamlit as st

from ui.comments import follow_comments, show_toasts, top_of_page
from ui.elsewhere import left_behind
from ui.engine import database_ready
from ui.frozen import frozen_banner
from ui.gate import course_mode, course_ready, is_trainer
from ui.language import lang, tr
from ui.reflow import page_helpers
from ui.rerun_guard import start_in_main_area
from ui.saving import show_flash
from ui.sidebar import language_switch, workshop_panel
from ui.trainer_session import expired_notice, keep_cookie, logout_button, restore
from ui.workshop import current_view, sync_url

# name: (icon, URL path); the script is app_pages/<name>.py, the title "page.<name>".
PAGES: dict[str, tuple[str, str]] = {
    "workshops": (":material/folder_open:", "workshops"),
    "segments": (":material/groups:", "segments"),
    "relationships": (":material/handshake:", "relationships"),
    "canvas": (":material/dashboard:", "canvas"),
    "analysis": (":material/analytics:", "analysis"),
    "shura": (":material/view_module:", "shura"),
    "twelve_rules": (":material/checklist:", "twelve-rules"),
    "loyalty_check": (":material/favorite:", "loyalty-check"),
    "nps": (":material/recommend:", "nps"),
    "touchpoints": (":material/touch_app:", "touchpoints"),
    "summary": (":material/download:", "summary"),
    "present": (":material/slideshow:", "present"),
    "trainer": (":material/school:", "trainer"),
    "room": (":material/qr_code_2:", "room"),
    "join": (":material/login:", "join"),
    "trainer_login": (":material/lock:", "trainer-login"),
    "sources": (":material/menu_book:", "sources"),
    "guide": (":material/co_present:", "guide"),
}
STEPS = [
    "segments",
    "relationships",
    "canvas",
    "analysis",
    "shura",
    "twelve_rules",
    "loyalty_check",
    "nps",
    "touchpoints",
    "summary",
]


# This run's pages by name, the start page of the visitor's mode, and the names whose
# address runs app_pages/elsewhere.py because this visitor may not use them (elsewhere()).
served: dict[str, st.Page] = {}
start: list[st.Page] = []
away: set[str] = set()


def page(name: str, *, default: bool = False, hidden: bool = False) -> st.Page:
    icon, url_path = PAGES[name]
    served[name] = st.Page(
        f"app_pages/{name}.py",
        title=tr(f"page.{name}"),
        icon=icon,
        url_path=None if default else url_path,
        default=default,
        visibility="hidden" if hidden else "visible",
    )
    if default:
        start.append(served[name])
    return served[name]


def elsewhere() -> list[st.Page]:
    """Every other page's address, hidden, saying in the visitor's language whose page it
    is (``ui.elsewhere``): Streamlit would answer it with its own English "Page not found"."""
    away.update(name for name in PAGES if name not in served)
    for name in away:
        served[name] = st.Page(
            "app_pages/elsewhere.py",
            title=tr(f"page.{name}"),
            url_path=PAGES[name][1],
            visibility="hidden",
        )
    return [served[name] for name in sorted(away)]


start_in_main_area()  # not the sidebar a live tick's run in this thread left current
st.set_page_config(page_title=tr("app.name"), page_icon=":material/handshake:", layout="wide")
language_switch()
database_ready()  # a database this release must not touch stops here, with the reason
course_ready()  # so does course mode with a trainer password shorter than 12 characters
restore()  # the trainer's session from its cookie: a reload or a new tab stays logged in
sync_url()

if not course_mode():
    pages = {
        "": [
            page("workshops", default=True),
            *map(page, STEPS),
            page("present"),
            page("guide"),
            page("sources"),
        ]
    }
elif is_trainer():
    trainer_area = [
        page("trainer", default=True),
        page("room"),
        page("workshops"),
        page("present"),
        page("guide"),
        page("sources"),
    ]
    pages = {tr("nav.trainer"): trainer_area, tr("nav.steps"): list(map(page, STEPS))}
elif current_view() is not None:
    pages = {"": [*map(page, STEPS), page("sources"), page("trainer_login", hidden=True)]}
else:
    pages = {"": [page("join", default=True), page("trainer_login"), page("sources")]}
next(iter(pages.values())).extend(elsewhere())  # hidden: no menu entry
navigation = st.navigation(pages, expanded=True)  # every step in view, no "View 3 more"
here = next(name for name, p in served.items() if p is navigation)
# without a default page Streamlit starts a visitor on the first one listed
left_behind(here, away=away, start=(start or next(iter(pages.values())))[0])
keep_cookie()
logout_button()
expired_notice()

view = current_view()
workshop_panel(view)
page_helpers(lang())  # whole words on a phone, a question before unsaved changes are lost
follow_comments(view)  # a participant's page, whichever it is, hears of a new comment
projected = navigation.url_path in (PAGES["present"][1], PAGES["room"][1])
if not projected:  # the room screen and the deck edit nothing: no banner on the projector
    frozen_banner(view)
show_flash()
show_toasts()
top_of_page(None if projected else view)  # the trainer's comments stay off a projector
navigation.run()
