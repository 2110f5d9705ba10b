"""Twelve rules: score how closely the company follows Brad Cleveland's rules, see the weakest."""

import streamlit as st

from canvas.content.twelve_rules import twelve_rules
from canvas.domain.twelve_rules import ClevelandRule, priorities, rule_scores
from canvas.figures.twelve_rules import rules_radar
from canvas.forms.twelve_rules import rule_answers
from canvas.i18n import t
from canvas.store.frameworks import save_rules
from ui.frozen import read_only
from ui.language import lang, plain, tr
from ui.saving import edit_versions, save, show_problems, submit_key
from ui.scales import RatingScale, scale_caption
from ui.widgets import show_chart
from ui.workshop import require_view

content = twelve_rules()
view = require_view()
language = lang()  # widgets' format_func may be called outside the run
answers = view.frameworks
st.title(tr("page.twelve_rules"))
st.info(content.quote(language), icon=":material/format_quote:")
st.markdown(content.intro(language))


def score_name(score: int | None) -> str:
    if score is None:
        return t("rules.not_scored", language)
    return t("rules.score_of", language, score=score)


options: list[int | None] = [None, 0, 1, 2, 3, 4, 5]
record = f"rules-{view.workshop.id}"
shown = edit_versions(record, [answers.rule(rule)[1] for rule in ClevelandRule])
prefix = "rules-" + "-".join(map(str, shown))
raw: dict[ClevelandRule, dict] = {}
with st.form(f"rules-form-{prefix}"):
    st.caption(tr("rules.form_help"))
    scale_caption(RatingScale.TWELVE_RULES)
    for rule in ClevelandRule:
        entry, (answer, _) = content.rule(rule), answers.rule(rule)
        label = f"{content.numbered(rule, language)} · {score_name(answer.score)}"
        with st.expander(label, expanded=answer.score is None):
            st.caption(entry.explanation(language))
            left, right = st.columns([2, 3])
            score = left.select_slider(
                tr("field.score"),
                options,
                value=answer.score,
                format_func=score_name,
                key=f"{prefix}-{rule}-score",
            )
            note = right.text_area(
                tr("field.note"), value=answer.note, height=80, key=f"{prefix}-{rule}-note"
            )
            raw[rule] = {"score": score, "note": note}
    submitted = st.form_submit_button(
        tr("rules.save"), type="primary", key=submit_key(record, shown), disabled=read_only()
    )

if submitted:
    pinned = dict(zip(ClevelandRule, shown, strict=True))
    changed, problems = rule_answers(raw, answers, language, shown=pinned)
    if problems:
        show_problems(problems)
    elif not changed:
        st.info(tr("rules.nothing_changed"))
    elif save(
        lambda s: save_rules(s, workshop_id=view.workshop.id, scores=changed),
        success=tr("rules.saved"),
    ):
        st.rerun()

st.header(tr("rules.results"))
scores = rule_scores(answers)
if all(score is None for score in scores.values()):
    st.info(tr("rules.no_scores"))
    st.stop()

show_chart(rules_radar, view, language)
st.header(tr("rules.priorities"))
st.caption(tr("rules.priorities_help"))
for rule in priorities(scores):
    answer, _ = answers.rule(rule)
    with st.container(border=True):
        st.markdown(f"**{content.numbered(rule, language)}** · {score_name(answer.score)}")
        st.markdown(f"{tr('rules.next_step')}: {content.rule(rule).next_step(language)}")
        if answer.note:
            st.caption(f"{tr('rules.your_note')}: {plain(answer.note)}")
