"""Relationships: per segment, the four guiding questions over the six relationship types."""

import streamlit as st

from canvas.content import catalogue
from canvas.domain import (
    GuidingQuestion,
    IntegrationBlock,
    Motive,
    RelationshipType,
)
from canvas.forms.numbers import shown as amount_text
from canvas.i18n import currency_symbol
from ui.comments import beside_segment
from ui.frozen import read_only
from ui.language import lang, plain, tr
from ui.panels.relationships.form import PROBLEMS, field_key, save_answers
from ui.panels.relationships.framing import framing
from ui.panels.relationships.progress import progress_marks
from ui.saving import edit_versions, show_problems, submit_key
from ui.url_state import from_url, to_url
from ui.workshop import require_view

cat = catalogue()
view = require_view()
language = lang()  # widgets' format_func may be called outside the run
st.title(tr("page.relationships"))
st.info(cat.practical_task(lang()), icon=":material/edit_note:")
framing()  # Drucker, the four questions, the six types and the 0–3 scale, open

if not view.segments:
    st.info(tr("relationships.no_segments"))
    st.page_link("app_pages/segments.py", label=tr("page.segments"), icon=":material/groups:")
    st.stop()

ids = [segment_view.segment.id for segment_view in view.segments]
names = {segment_view.segment.id: segment_view.segment.name for segment_view in view.segments}
from_url("rel_segment", "segment", ids, ids[0])  # a reload keeps the segment (by id)
chosen = st.selectbox(
    tr("relationships.segment"), ids, format_func=names.__getitem__, key="rel_segment"
)
to_url("rel_segment", "segment", chosen, ids[0])
segment_view = view.segment(chosen) or view.segments[0]
beside_segment(view, segment_view.segment.id)
progress_marks(segment_view)  # question 4 names the types still without a tie

levels = [level.value for level in cat.levels]
# an answer never saved has version 0; the form keeps the versions it was shown with
record = f"rel-{segment_view.segment.id}"
shown = edit_versions(
    record,
    [
        segment_view.relationships[k].version if k in segment_view.relationships else 0
        for k in RelationshipType
    ],
)
prefix = f"r{segment_view.segment.id}-" + "-".join(map(str, shown))
with st.form(f"rel-form-{prefix}"):
    st.markdown(tr("relationships.form_help", segment=plain(segment_view.segment.name)))
    for kind in RelationshipType:
        entry, answer = cat.type(kind), segment_view.answer(kind)
        label = f"{entry.name(lang())} · {answer.expected} → {answer.established}"
        with st.expander(label, expanded=answer.touched):
            st.markdown(  # the definition is what the sliders ask about: body text
                f"{entry.definition(lang())} {tr('relationships.example')}: "
                f"{entry.example(lang())} {tr('relationships.cost_level')}: "
                f"{cat.cost_level(entry.cost_level).name(lang())}."
            )
            left, right = st.columns(2)
            level_name = lambda v: f"{v} · {cat.level(v).name(language)}"  # noqa: E731
            left.select_slider(
                tr("relationships.slider.expected"),
                levels,
                value=answer.expected,
                format_func=level_name,
                key=field_key(prefix, kind, "exp"),
            )
            right.select_slider(
                tr("relationships.slider.established"),
                levels,
                value=answer.established,
                format_func=level_name,
                key=field_key(prefix, kind, "est"),
            )
            left.multiselect(
                tr("field.motives"),
                list(Motive),
                default=sorted(answer.motives),
                format_func=lambda m: cat.motive(m).name(language),
                key=field_key(prefix, kind, "mot"),
            )
            # text, not a number input: it shows and reads amounts as the tables write them
            right.text_input(
                tr("field.yearly_cost") + f", {currency_symbol(view.workshop.currency, lang())}",
                value=amount_text(answer.yearly_cost, lang()),
                key=field_key(prefix, kind, "cost"),
                help=tr("relationships.cost_help"),
            )
            st.markdown(f"**{cat.question(GuidingQuestion.INTEGRATION).text(lang())}**")
            for column, block in zip(
                st.columns(len(IntegrationBlock)), IntegrationBlock, strict=True
            ):
                column.text_area(
                    cat.block(block).name(lang()),
                    value=answer.integration.get(block, ""),
                    key=field_key(prefix, kind, block),
                    height=90,
                )
    st.form_submit_button(
        tr("relationships.save"),
        type="primary",
        key=submit_key(record, shown),
        disabled=read_only(),
        on_click=save_answers,
        args=(segment_view.segment.id, record, prefix, shown, view.workshop.currency),
    )
if problems := st.session_state.pop(PROBLEMS, None):
    show_problems(problems)
