"""SHURA stages: four parallel stages with customers and employees, rated and planned."""

import streamlit as st

from canvas.content import catalogue
from canvas.content.shura import shura_content
from canvas.domain.shura import Audience, Cell, ShuraRisk, ShuraStage, weak_spots
from canvas.figures.shura import shura_heatmap
from canvas.forms.shura import NOT_RATED, shura_form_answers
from canvas.i18n import t
from canvas.presenters.shura import cell_label, rating_text
from canvas.store.frameworks import save_shura
from ui.frozen import read_only
from ui.language import lang, plain, tr
from ui.panels.shura.stage_types import stage_types_panel
from ui.saving import edit_versions, save, show_problems, submit_key
from ui.scales import RatingScale, scale_caption
from ui.widgets import show_chart
from ui.workshop import require_view

content, cat = shura_content(), catalogue()
view = require_view()
answers = view.frameworks
language = lang()  # widgets' format_func may be called outside the run
st.title(tr("page.shura"))
st.markdown(content.intro(language))
st.caption(content.source(language))

ratings = [NOT_RATED, 1, 2, 3, 4, 5]
rating_name = lambda v: (  # noqa: E731
    t("shura.rating.none", language)
    if v == NOT_RATED
    else f"{v} · {t(f'shura.rating.{v}', language)}"
)
items: list[Cell | ShuraRisk] = [(s, a) for s in ShuraStage for a in Audience]
items += list(ShuraRisk)
record = f"shura-{view.workshop.id}"
current = [answers.cell(*i)[1] if isinstance(i, tuple) else answers.risk(i)[1] for i in items]
shown = edit_versions(record, current)  # on submit, the versions the form was shown with
prefix = f"shura{view.workshop.id}-" + "-".join(map(str, shown))
raw_cells: dict[tuple[ShuraStage, Audience], dict] = {}
raw_risks: dict[ShuraRisk, dict] = {}
with st.form(f"shura-form-{prefix}"):
    st.markdown(tr("shura.form_help"))
    scale_caption(RatingScale.SHURA)
    for number, stage in enumerate(ShuraStage, start=1):
        entry = content.stage(stage)
        with st.expander(f"{number}. {entry.name(language)}", expanded=number == 1):
            for column, audience in zip(st.columns(2), Audience, strict=True):
                side, (cell, _) = entry.side(audience), answers.cell(stage, audience)
                key = f"{prefix}-{stage}-{audience}"
                column.markdown(f"**{cell_label(stage, audience, language)}**")
                column.caption(f"{tr('shura.goal')}: {side.goal(language)}")
                practice = column.text_area(
                    tr("field.practice"), cell.practice, key=f"{key}-practice", height=100
                )
                rating = column.select_slider(
                    tr("field.rating"),
                    ratings,
                    value=cell.rating or NOT_RATED,
                    format_func=rating_name,
                    key=f"{key}-rating",
                    help=tr("shura.rating.help"),
                )
                next_step = column.text_area(
                    tr("field.next_step"), cell.next_step, key=f"{key}-next", height=80
                )
                raw_cells[(stage, audience)] = {
                    "practice": practice,
                    "rating": rating,
                    "next_step": next_step,
                }
            st.caption(
                f":material/thumb_up: **{tr('shura.good_example')}**: {entry.good(language)}"
            )
            st.caption(
                f":material/thumb_down: **{tr('shura.bad_example')}**: {entry.bad(language)}"
            )
    st.header(tr("shura.risks"))
    st.caption(tr("shura.risks_help"))
    for risk in ShuraRisk:
        answer, _ = answers.risk(risk)
        left, right = st.columns([2, 3])
        present = left.checkbox(
            content.risk(risk).name(language), answer.present, key=f"{prefix}-{risk}-present"
        )
        note = left.text_input(tr("field.note"), answer.note, key=f"{prefix}-{risk}-note")
        remedies = "".join(f"\n- {text}" for text in content.remedies_for(risk, language))
        right.caption(f"**{tr('shura.remedies')}**:{remedies}")
        raw_risks[risk] = {"present": present, "note": note}
    st.caption(content.long_term(language))
    submitted = st.form_submit_button(
        tr("shura.save"), type="primary", key=submit_key(record, shown), disabled=read_only()
    )

if submitted:
    pinned = dict(zip(items, shown, strict=True))
    cells, risks, problems = shura_form_answers(
        raw_cells, raw_risks, answers, language, shown=pinned
    )
    if problems:
        show_problems(problems)
    elif not (cells or risks):
        st.info(tr("shura.unchanged"))
    elif save(
        lambda s: save_shura(s, workshop_id=view.workshop.id, cells=cells, risks=risks),
        success=tr("shura.saved"),
    ):
        st.rerun()

st.divider()
st.header(tr("shura.results"))
show_chart(shura_heatmap, view, language)
st.markdown(f"**{tr('shura.weakest')}**")
weak = weak_spots(answers)
st.caption(tr("shura.weakest_help") if weak else tr("shura.weakest_none"))
for stage, audience in weak:
    cell, _ = answers.cell(stage, audience)
    step = f" — {plain(cell.next_step)}" if cell.next_step else ""
    rated = rating_text(cell.rating, language)
    st.markdown(f"- :red[{cell_label(stage, audience, language)}: {rated}]{step}")

stage_types_panel(view, language)
