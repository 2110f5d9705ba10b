"""The trainer's hand on the room: rename a participant or remove them from the course.

A rename keeps the course's rule that display names are unique (any case, spacing or
invisible characters) and is refused when the participant changed since the page showed
them; the workshop's title follows the name only while it was the name. Removal asks for
a tick first, then deletes the participant's workshop and everything in it at once.
"""

from functools import partial

import streamlit as st

from canvas.domain.course import Course, GalleryEntry, ParticipantRename
from canvas.store import participants
from ui.language import plain, tr
from ui.panels.trainer.gallery import who
from ui.saving import edit_version, forget_shown, form_key, save, submit_key

CHOICE = "people_who"  # the chosen participant's workshop id, kept across a rename


def rename_or_remove(course: Course, entries: list[GalleryEntry]) -> None:
    """Choose a participant; rename them or, after confirming, remove them."""
    if not entries:
        return
    names = who(entries)
    versions = {entry.workshop_id: entry.version for entry in entries}
    if st.session_state.get(CHOICE) not in names:  # removed, here or elsewhere
        st.session_state.pop(CHOICE, None)
    chosen = st.selectbox(
        tr("trainer.people.choose"), list(names), format_func=names.__getitem__, key=CHOICE
    )
    record = f"participant-{chosen}"
    version = edit_version(record, versions[chosen])
    with st.form(form_key(f"rename-{chosen}")):
        new_name = st.text_input(
            tr("field.new_name"), value=names[chosen], help=tr("trainer.people.rename_help")
        )
        if st.form_submit_button(tr("trainer.people.rename"), key=submit_key(record, version)):
            forget_shown(record)
            if save(
                lambda s: participants.rename_participant(
                    s,
                    course_id=course.id,
                    workshop_id=chosen,
                    data=ParticipantRename(new_name=new_name, expected_version=version),
                ),
                success=tr("trainer.people.renamed"),
            ):
                st.rerun()
    confirmed = st.checkbox(
        tr("trainer.people.confirm", name=plain(names[chosen])), key=f"confirm-remove-{chosen}"
    )
    if st.button(
        tr("trainer.people.remove"), icon=":material/person_remove:", key=f"remove-{chosen}"
    ):
        if not confirmed:
            st.warning(tr("trainer.people.confirm_first"), icon=":material/warning:")
        elif save(
            partial(participants.remove_participant, course_id=course.id, workshop_id=chosen),
            success=tr("trainer.people.removed"),
        ):
            st.rerun()
