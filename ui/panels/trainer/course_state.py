"""The trainer's two switches on a course: open for joining, and editing frozen.

Closing stops the join code admitting anyone new; who joined keeps working. Freezing makes
every participant's workshop read-only (the store refuses every save) until unfrozen; the
trainer's comments, renames and exports keep working. Both act at once on every app server:
closing refuses the next join, and a freeze or unfreeze reaches every participant's open
page through its live watch (``ui.comments.follow_comments``), with nobody reloading.
"""

import streamlit as st

from canvas.domain.course import Course
from canvas.store import courses
from ui.language import tr
from ui.saving import save

ROOM_COURSE = "room_course"  # the course the room screen shows: the one chosen here


def course_state(course: Course) -> None:
    """The two switches, and the way to the room screen for this course."""
    st.session_state[ROOM_COURSE] = course.id
    left, middle, right = st.columns([2, 2, 3], vertical_alignment="center")
    # Keyed by the course's version: after a save the switch starts from the stored state.
    is_open = left.toggle(
        tr("course.open_for_joining"),
        value=not course.closed,
        help=tr("course.open_help"),
        key=f"course-open-{course.id}-{course.version}",
    )
    frozen = middle.toggle(
        tr("course.freeze"),
        value=course.frozen,
        help=tr("course.freeze_help"),
        key=f"course-frozen-{course.id}-{course.version}",
    )
    right.page_link("app_pages/room.py", label=tr("room.open"), icon=":material/qr_code_2:")
    if is_open == course.closed and save(
        lambda s: courses.set_closed(s, course_id=course.id, closed=not is_open),
        success=tr("course.opened" if is_open else "course.closed"),
    ):
        st.rerun()
    if frozen != course.frozen and save(
        lambda s: courses.set_frozen(s, course_id=course.id, frozen=frozen),
        success=tr("course.frozen" if frozen else "course.unfrozen"),
    ):
        st.rerun()
