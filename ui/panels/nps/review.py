"""The NPS file panel's last step: what the check found, unknown segments, save or cancel."""

from collections.abc import Callable

import streamlit as st

from canvas.domain import WorkshopView
from canvas.i18n import number, t
from canvas.importers.nps_answers import (
    answer_rows,
    bad_row_lines,
    segment_keys,
    unknown_segments,
)
from canvas.importers.nps_file import ParsedSurvey
from canvas.store.nps import add_responses
from ui.frozen import read_only
from ui.language import lang, plain, tr
from ui.saving import save

UNKNOWN_SHOWN = 30  # selectors for unknown segment names; the rest stay without one


def _report(parsed: ParsedSurvey) -> None:
    good = len(parsed.good)
    if good:
        st.success(tr("nps.file.good", good=number(good, lang())))
    else:
        st.warning(tr("nps.file.nothing_good"))
    if not parsed.bad:
        st.caption(tr("nps.file.all_good"))
        return
    lines, more = bad_row_lines(parsed.bad, lang())
    text = tr("nps.file.bad", rows=number(parsed.bad_row_count, lang())) + "\n\n"
    text += "\n".join(f"- {plain(line)}" for line in lines)
    if more:
        text += "\n\n" + tr("nps.file.bad_more", more=number(more, lang()))
    st.warning(text)


def _segments(view: WorkshopView, parsed: ParsedSurvey, key: str) -> dict[str, int | None]:
    """Where the answers with unknown segment names go, as the user chooses."""
    names = {segment_view.segment.id: segment_view.segment.name for segment_view in view.segments}
    known = segment_keys(names.items())
    unknown = unknown_segments(parsed.good, known)
    if not unknown:
        return {}
    code = lang()
    st.markdown(tr("nps.file.unknown"))
    chosen = {
        name: st.selectbox(
            tr("nps.file.unknown_name", name=plain(name)),
            [None, *names],
            format_func=lambda i: t("nps.typed.no_segment", code) if i is None else names[i],
            key=f"nps-segment-{key}-{position}",
        )
        for position, name in enumerate(unknown[:UNKNOWN_SHOWN])
    }
    if len(unknown) > UNKNOWN_SHOWN:
        st.caption(tr("nps.file.unknown_more", more=number(len(unknown) - UNKNOWN_SHOWN, code)))
    return chosen


def review(view: WorkshopView, parsed: ParsedSurvey, key: str, *, done: Callable[[], None]) -> None:
    """The check's result; "Save" writes the good rows in one transaction, then ``done``."""
    _report(parsed)
    chosen = _segments(view, parsed, key)
    good = number(len(parsed.good), lang())
    buttons = st.container(horizontal=True)
    if len(parsed.good) and buttons.button(
        tr("nps.file.save", good=good), type="primary", disabled=read_only()
    ):
        known = segment_keys((v.segment.id, v.segment.name) for v in view.segments)
        rows = answer_rows(parsed.good, known, chosen)
        with st.spinner(tr("nps.file.saving")):
            saved = save(
                lambda s: add_responses(s, workshop_id=view.workshop.id, responses=rows),
                success=tr("nps.file.saved", good=good),
            )
        if saved:
            done()
            st.rerun()
    if buttons.button(tr("nps.file.cancel")):
        done()
        st.rerun()
