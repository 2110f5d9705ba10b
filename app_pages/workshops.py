"""Workshops: create, open, rename, duplicate, delete, and load the demo."""

import streamlit as st

from canvas.content import catalogue
from canvas.content.demo import load_demo
from canvas.domain import Language, WorkshopInput
from canvas.domain.fields import NAME_MAX
from canvas.domain.workshop import DEFAULT_CURRENCY
from canvas.i18n import LANGUAGE_NAMES, currency_choice
from canvas.store import workshops as workshop_store
from ui.gate import course_mode
from ui.language import lang, local_time, plain, tr
from ui.panels.workshops.import_json import import_panel
from ui.saving import form_key, save
from ui.workshop import missing_workshop_notice, open_workshop, workshop_id, workshops

CURRENCIES = ["RUB", "USD", "EUR", "KZT", "BYN", "UZS", "GBP", "CNY"]

code = lang()  # format_func may be called outside the run
st.title(tr("page.workshops"))
missing_workshop_notice()
st.write(catalogue().intro(lang()))

left, right = st.columns(2)
with left, st.form(form_key("create_workshop")):
    st.header(tr("workshops.create"))
    title = st.text_input(tr("field.title"), max_chars=None)
    company = st.text_input(tr("field.company"))
    language = st.selectbox(
        tr("field.language"),
        list(Language),
        index=list(Language).index(lang()),
        format_func=lambda language: LANGUAGE_NAMES[Language(language)],
    )
    currency = st.selectbox(
        tr("field.currency"),
        CURRENCIES,
        index=None,
        placeholder=tr("workshops.currency_default"),
        format_func=lambda c: currency_choice(c, code),  # "RUB · ₽", as the tables write it
    )
    if st.form_submit_button(tr("workshops.create_button"), type="primary"):
        chosen = currency or DEFAULT_CURRENCY[Language(language)]
        created = save(
            lambda s: workshop_store.create_workshop(
                s,
                data=WorkshopInput(
                    title=title, company=company, language=language, currency=chosen
                ),
            ),
            success=tr("workshops.created"),
        )
        if created:
            open_workshop(created.id)
            st.switch_page("app_pages/segments.py")

with right:
    st.header(tr("workshops.demo"))
    st.write(tr("workshops.demo_help"))
    if st.button(tr("workshops.demo_button"), icon=":material/auto_awesome:", type="primary"):
        with st.spinner(tr("workshops.demo_loading")):
            created = save(
                lambda s: workshop_store.create_from_document(s, document=load_demo(lang()))
            )
        if created:
            open_workshop(created.id)
            st.switch_page("app_pages/canvas.py")

import_panel()

st.divider()
st.header(tr("workshops.list"))
if course_mode():
    st.caption(tr("workshops.course_note"))
every = workshops()
if not every:
    st.info(tr("workshops.none"))
for workshop in every:
    is_open = workshop.id == workshop_id()
    with st.container(border=True):
        head, when, act = st.columns([5, 2, 2])
        mark = "🟢 " if is_open else ""
        head.markdown(f"{mark}**{plain(workshop.title)}**  \n{plain(workshop.company)}")
        when.caption(tr("workshops.updated", when=local_time(workshop.updated_at)))
        if act.button(tr("workshops.open"), key=f"open-{workshop.id}", disabled=is_open):
            open_workshop(workshop.id)
            st.rerun()
        with st.expander(tr("workshops.manage")):
            with st.form(f"rename-{workshop.id}-{workshop.version}"):
                new_title = st.text_input(tr("field.title"), value=workshop.title)
                new_company = st.text_input(tr("field.company"), value=workshop.company)
                if st.form_submit_button(tr("workshops.rename")):
                    data = {
                        **workshop.model_dump(include={"language", "currency"}),
                        "title": new_title,
                        "company": new_company,
                    }
                    if save(
                        lambda s, w=workshop, d=data: workshop_store.update_workshop(
                            s, workshop_id=w.id, data=WorkshopInput(**d), expected_version=w.version
                        ),
                        success=tr("workshops.saved"),
                    ):
                        st.rerun()
            copy_col, delete_col = st.columns(2)
            if copy_col.button(tr("workshops.duplicate"), key=f"dup-{workshop.id}"):
                copy_title = tr("workshops.copy_title", title=workshop.title)[:NAME_MAX]
                if save(
                    lambda s, w=workshop, c=copy_title: workshop_store.duplicate_workshop(
                        s, workshop_id=w.id, title=c
                    ),
                    success=tr("workshops.duplicated"),
                ):
                    st.rerun()
            sure = delete_col.checkbox(tr("workshops.confirm_delete"), key=f"sure-{workshop.id}")
            if delete_col.button(
                tr("workshops.delete"), key=f"del-{workshop.id}", disabled=not sure
            ) and save(
                lambda s, w=workshop: workshop_store.delete_workshop(s, workshop_id=w.id),
                success=tr("workshops.deleted"),
            ):
                if is_open:
                    open_workshop(None)
                st.rerun()
