"""The facilitator's guide: a half-day or a full-day course step by step, with what to show
from the demo, the debrief questions, the links between frameworks and common mistakes.

For the trainer in course mode and for anyone in local mode (a trainer prepares alone too).
"""

import streamlit as st

from canvas.export.pdf.guide import render_guide
from canvas.presenters.guide import (
    debrief,
    guide_intro,
    links,
    mistakes,
    overview,
    plan_keys,
    plan_name,
    schedule,
)
from ui.gate import course_mode, is_trainer
from ui.language import lang, plain, tr

if course_mode() and not is_trainer():  # navigation offers it to the trainer only
    st.stop()

language = lang()
st.title(tr("page.guide"))
st.markdown(plain(guide_intro(language)))
st.download_button(
    tr("guide.download"),
    data=lambda: render_guide(language),  # built only when clicked
    file_name=f"facilitator-guide-{language.value}.pdf",
    mime="application/pdf",
    icon=":material/picture_as_pdf:",
    on_click="ignore",
)

chosen = st.radio(
    tr("guide.plan"),
    plan_keys(),
    format_func=lambda key: plan_name(key, language),
    horizontal=True,
    key="guide_plan",
)
plan = overview(chosen, language)
st.caption(plain(plan.summary))
starts, ends, length = st.columns(3)
starts.metric(tr("guide.starts"), plan.start)
ends.metric(tr("guide.ends"), plan.end)
length.metric(tr("guide.length"), plan.length)

rows = schedule(chosen, language)
st.header(tr("guide.schedule"))
st.table(  # a static table: the whole schedule at once, as it would be printed
    [
        {
            tr("guide.col.time"): f"{row.start}–{row.end}",
            tr("guide.col.minutes"): row.minutes,
            tr("guide.col.step"): row.title,
            tr("guide.col.page"): row.page,
        }
        for row in rows
    ],
    hide_index=True,
)

st.header(tr("guide.steps"))
for row in rows:
    label = f"{row.start}–{row.end} · {row.title} · {tr('guide.minutes', n=row.minutes)}"
    icon = ":material/coffee:" if row.pause else ":material/play_arrow:"
    with st.expander(label, icon=icon):
        st.markdown(plain(row.activity))
        if row.page:
            st.markdown(f"**{plain(tr('guide.show_on', page=row.page))}** {plain(row.show)}")
        for entry in row.debrief:
            st.markdown(f"**{plain(tr('guide.ask', framework=entry.framework))}**")
            st.markdown("\n".join(f"{n}. {plain(q)}" for n, q in enumerate(entry.questions, 1)))

st.header(tr("guide.debrief"))
for entry in debrief(language):
    with st.expander(entry.framework, icon=":material/forum:"):
        st.markdown("\n".join(f"{n}. {plain(q)}" for n, q in enumerate(entry.questions, 1)))

st.header(tr("guide.links"))
for link in links(language):
    with st.expander(link.title, icon=":material/link:"):
        st.markdown(plain(link.text))
        if link.rows:
            st.table(
                [{tr("guide.stage"): s, tr("guide.stage_types"): kinds} for s, kinds in link.rows],
                hide_index=True,
            )

st.header(tr("guide.mistakes"))
for group in mistakes(language):
    with st.expander(group.framework, icon=":material/report:"):
        for mistake, answer in group.items:
            st.markdown(f"- **{plain(mistake)}** {plain(tr('guide.remedy'))} {plain(answer)}")
