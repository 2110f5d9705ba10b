"""Crisis loyalty check: five elements, the decision and use, and five conditions, for everyone
or a segment."""

import streamlit as st

from canvas.content.loyalty_check import loyalty_content
from canvas.domain.loyalty_check import ITEMS, CheckKind, Condition, path_average, weakest_point
from canvas.figures.loyalty_check import conditions_chart, path_chart
from canvas.forms.loyalty_check import loyalty_answers
from canvas.i18n import number
from canvas.presenters.loyalty_check import rating_label
from canvas.store.frameworks import save_loyalty_check
from ui.frozen import read_only
from ui.language import lang, plain, tr
from ui.saving import edit_versions, save, show_problems, submit_key
from ui.scales import RatingScale, scale_caption
from ui.url_state import from_url, to_url
from ui.widgets import show_chart
from ui.workshop import require_view

content = loyalty_content()
view = require_view()
language = lang()  # widgets' format_func may be called outside the run
st.title(tr("page.loyalty_check"))
st.markdown(content.intro(language))

ALL = 0  # the selector's value for all customers; segment ids start at 1
SCALE: list[int] = [0, 1, 2, 3, 4, 5]  # 0 is "not rated"
names = {ALL: tr("loyalty_check.scope_all")} | {v.segment.id: v.segment.name for v in view.segments}
from_url("loyalty_scope", "scope", list(names), ALL)
chosen = st.selectbox(
    tr("loyalty_check.scope"), list(names), format_func=names.__getitem__, key="loyalty_scope"
)
to_url("loyalty_scope", "scope", chosen, ALL)
scope = None if chosen == ALL else chosen
if not view.segments:
    st.caption(tr("loyalty_check.no_segments"))

stored = {item: view.frameworks.rating(scope, *item) for item in ITEMS}
record = f"loyalty-{view.workshop.id}-{chosen}"
shown = edit_versions(record, [version for _, version in stored.values()])
prefix = f"loyalty-{chosen}-" + "-".join(map(str, shown))
parts = (
    (CheckKind.ELEMENT, "loyalty_check.elements", content.elements_intro),
    (CheckKind.STAGE, "loyalty_check.stages", content.stages_intro),
    (CheckKind.CONDITION, "loyalty_check.conditions", content.closer),
)
raw: dict[tuple[CheckKind, str], dict] = {}
with st.form(prefix):
    st.markdown(tr("loyalty_check.form_help", scope=plain(names[chosen])))
    scale_caption(RatingScale.LOYALTY_CHECK)
    for kind, heading, guide in parts:
        st.header(tr(heading))
        st.caption(guide(language))
        for position, entry in enumerate(content.entries(kind), start=1):
            answer, _ = stored[(kind, entry.key)]
            hardest = entry.key == Condition.TRUST
            # elements and conditions are counted off; the two stages just follow the elements
            label = entry.name(language)
            label = label if kind is CheckKind.STAGE else f"{position}. {label}"
            with st.expander(
                f"{label} · {tr('loyalty_check.hardest')}" if hardest else label,
                expanded=True,
                icon=":material/warning:" if hardest else None,
            ):
                st.markdown(f"**{entry.question(language)}**")
                if hardest:
                    st.warning(
                        f"**{content.trust.title(language)}.** {content.trust.body(language)}",
                        icon=":material/shield:",
                    )
                left, right = st.columns([2, 3])
                rating = left.radio(
                    tr("field.rating"),
                    SCALE,
                    index=answer.rating or 0,
                    format_func=lambda v: rating_label(v, language),
                    key=f"{prefix}-{kind}-{entry.key}-rating",
                )
                evidence = right.text_area(
                    tr("field.evidence"),
                    value=answer.evidence,
                    key=f"{prefix}-{kind}-{entry.key}-evidence",
                    height=110,
                )
                raw[(kind, entry.key)] = {"rating": rating or None, "evidence": evidence}
    submitted = st.form_submit_button(
        tr("loyalty_check.save"),
        type="primary",
        key=submit_key(record, shown),
        disabled=read_only(),
    )

if submitted:
    versions = dict(zip(stored, shown, strict=True))
    ratings, problems = loyalty_answers(raw, versions, language)
    if problems:
        show_problems(problems)
    elif save(
        lambda s: save_loyalty_check(
            s, workshop_id=view.workshop.id, segment_id=scope, ratings=ratings
        ),
        success=tr("loyalty_check.saved"),
    ):
        st.rerun()

st.header(tr("loyalty_check.results"))
average, weakest = path_average(view, scope), weakest_point(view, scope)
if average is None or weakest is None:
    st.caption(tr("loyalty_check.summary_empty"))
else:
    point = content.entry(*weakest).name(language)
    st.markdown(tr("loyalty_check.summary", average=number(average, language, 1), point=point))
# one above the other: the path's seven wrapped labels need the page's width
show_chart(path_chart, view, language, scope)
show_chart(conditions_chart, view, language, scope)
