"""The NPS page's file panel: upload or paste, pick a sheet, confirm the columns, check, save.

What was read and checked stays in the session under the file's fingerprint, so reruns
(choosing a segment for an unknown name, say) don't read the file again. Nothing is
written until "Save"; the good rows then go in one transaction.
"""

from typing import Any

import streamlit as st

from canvas.domain import WorkshopView
from canvas.i18n import t
from canvas.importers.nps_answers import (
    COLUMN_LABELS,
    HELP_NAMES,
    UPLOAD_FORMATS,
    UPLOAD_TYPES,
    describe_table,
    file_digest,
)
from canvas.importers.nps_file import (
    MAX_BYTES,
    ParsedSurvey,
    SurveyFileRefused,
    SurveyTable,
    parse_responses,
    read_table,
)
from canvas.importers.survey_columns import Column, suggest_mapping
from ui.language import lang, tr
from ui.panels.nps.review import review
from ui.saving import show_problems

STATE, PASTED, ROUND = "nps_file", "nps_file_pasted", "nps_file_round"


def _source() -> bytes | None:
    """The bytes of the uploaded file or of the pasted text, if any."""
    code, turn = lang(), st.session_state.get(ROUND, 0)
    source = st.segmented_control(
        tr("nps.file.source"),
        ["upload", "paste"],
        format_func=lambda s: t(f"nps.file.source.{s}", code),
        default="upload",
        required=True,
        key="nps_file_source",
    )
    if source == "upload":
        uploaded = st.file_uploader(
            tr("nps.file.upload", formats=UPLOAD_FORMATS),
            type=list(UPLOAD_TYPES),
            key=f"nps-upload-{turn}",
            max_upload_size=MAX_BYTES // 1024 // 1024 + 1,
        )
        return uploaded.getvalue() if uploaded is not None else None
    with st.form(f"nps-paste-{turn}"):
        text = st.text_area(tr("nps.file.paste"), height=180)
        if st.form_submit_button(tr("nps.file.paste_button")):
            st.session_state[PASTED] = text.encode("utf-8")
    pasted: bytes | None = st.session_state.get(PASTED)
    return pasted


def _forget() -> None:
    """Drop the file and what was checked; the uploader and the paste box start empty."""
    for key in (STATE, PASTED):
        st.session_state.pop(key, None)
    st.session_state[ROUND] = st.session_state.get(ROUND, 0) + 1


def _sheet_key(raw: bytes) -> str:
    return f"nps-sheet-{st.session_state.get(ROUND, 0)}-{file_digest(raw)}"


def _read(raw: bytes) -> dict[str, Any]:
    """The file read once per content, language and sheet: its table, or why it was refused."""
    sheet: str | None = st.session_state.get(_sheet_key(raw))
    key = f"{file_digest(raw)}-{lang().value}-{sheet or ''}"
    state: dict[str, Any] | None = st.session_state.get(STATE)
    if state is None or state["key"] != key:
        with st.spinner(tr("nps.file.reading")):
            try:
                table = read_table(raw, lang(), sheet)
                state = {"key": key, "table": table, "sheets": table.sheets, "sheet": table.sheet}
            except SurveyFileRefused as refused:
                state = {"key": key, "problems": refused.problems, "sheets": refused.sheets}
                state["sheet"] = (
                    sheet if sheet in refused.sheets else next(iter(refused.sheets), "")
                )
        st.session_state[STATE] = state
    return state


def _sheet_picker(raw: bytes, state: dict[str, Any]) -> None:
    """A choice of sheet, only for a workbook with several; a change reads the file again."""
    sheets: tuple[str, ...] = state["sheets"]
    if len(sheets) > 1:
        index = sheets.index(state["sheet"]) if state["sheet"] in sheets else 0
        st.selectbox(tr("nps.file.sheet"), sheets, index=index, key=_sheet_key(raw))


def _mapping(table: SurveyTable, key: str) -> dict[Column, str | None] | None:
    """The columns as the user confirms them; ``None`` until the check button is pressed."""
    code, guess = lang(), suggest_mapping(table.headers)
    options: list[str | None] = [None, *table.headers]
    with st.form(f"nps-mapping-{key}"):
        st.markdown(tr("nps.file.mapping"))
        mapping = {
            column: box.selectbox(
                tr(COLUMN_LABELS[column]),
                options,
                index=options.index(guess[column]),
                format_func=lambda h: t("nps.file.not_in_file", code) if h is None else str(h),
                key=f"nps-map-{key}-{column.value}",
            )
            for column, box in zip(Column, st.columns(len(Column)), strict=True)
        }
        checked = st.form_submit_button(tr("nps.file.check"), type="primary")
    return mapping if checked else None


def file_panel(view: WorkshopView) -> None:
    st.caption(tr("nps.file.help", **HELP_NAMES))
    raw = _source()
    if raw is None:
        st.session_state.pop(STATE, None)  # the file was removed: forget its check too
        return
    state = _read(raw)
    _sheet_picker(raw, state)
    if "problems" in state:
        show_problems(state["problems"])
        return
    table: SurveyTable = state["table"]
    st.caption(describe_table(table, lang()))
    mapping = _mapping(table, state["key"])
    if mapping is not None:
        with st.spinner(tr("nps.file.checking")):
            try:
                state["parsed"] = parse_responses(table, mapping, lang())
            except SurveyFileRefused as refused:
                state.pop("parsed", None)
                show_problems(refused.problems)
    parsed: ParsedSurvey | None = state.get("parsed")
    if parsed is None:
        return
    review(view, parsed, state["key"], done=_forget)
