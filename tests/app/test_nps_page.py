"""The loyalty index (NPS) page in both languages: an empty survey, answers typed one by one,
a refused answer, counts only, a survey file uploaded or pasted, comments and deleting.

Expected figures are worked out by hand from NPS = % promoters − % detractors.
"""

import json
from datetime import date
from typing import Any

from streamlit.testing.v1 import AppTest

from canvas.domain.nps import NpsCounts, NpsResponseInput
from canvas.i18n import quoted
from canvas.importers.nps_answers import HELP_NAMES, UPLOAD_FORMATS
from canvas.importers.workbook import FORMAT_NAMES
from canvas.store import nps
from canvas.store.db import make_engine, transaction
from tests import workbooks
from tests.app.driver import (
    add_segment,
    add_workshop,
    alerts,
    assert_ok,
    lead,
    load,
    run_app,
    say,
    shown,
    titles,
    widget,
)

PAGE = "app_pages/nps.py"
NBSP = "\u00a0"
PERCENT = {"en": "{}%", "ru": "{}" + NBSP + "%"}


def _percent(lang: str, value: int) -> str:
    return PERCENT[lang].format(value)


def _decimal(lang: str, text: str) -> str:
    """``33.3`` written the reader's way: ``33,3`` in Russian."""
    return text.replace(".", ",") if lang == "ru" else text


def _page(lang: str, workshop: int) -> AppTest:
    return run_app(lang, workshop, page=PAGE)


def _way(at: AppTest, lang: str, way: str) -> None:
    assert_ok(widget(at.segmented_control, say(lang, "nps.way")).set_value(way).run())


def _metrics(at: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in at.metric}


def _figures(at: AppTest) -> list[dict[str, Any]]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def _button(at: AppTest, label: str) -> Any:
    return widget(at.button, label)


def _type_answer(at: AppTest, lang: str, score: int | None, **fields: Any) -> None:
    if score is not None:
        widget(at.radio, say(lang, "nps.typed.score")).set_value(score)
    if "why" in fields:
        widget(at.text_area, say(lang, "nps.typed.why")).set_value(fields["why"])
    if "ten" in fields:
        widget(at.text_area, say(lang, "nps.typed.ten")).set_value(fields["ten"])
    if "segment" in fields:
        widget(at.selectbox, say(lang, "field.segment")).set_value(fields["segment"])
    if "day" in fields:
        widget(at.date_input, say(lang, "nps.typed.date")).set_value(fields["day"])
    assert_ok(_button(at, say(lang, "nps.typed.save")).click().run())


def _add(url: str, workshop: int, *answers: NpsResponseInput) -> None:
    engine = make_engine(url)
    try:
        with transaction(engine) as session:
            nps.add_responses(session, workshop_id=workshop, responses=answers)
    finally:
        engine.dispose()


# ------------------------------------------------------------------ empty and typed


def test_an_empty_workshop_teaches_the_three_questions_and_shows_no_figures(shared, lang):
    at = _page(lang, shared.empty[lang])

    assert titles(at) == [say(lang, "page.nps")]
    body = say(lang, "nps.teach.body", benchmarks="Apple 73, USAA 87")
    assert body in shown(at.markdown)
    assert say(lang, "nps.empty") in alerts(at)
    way = widget(at.segmented_control, say(lang, "nps.way"))
    ways = [say(lang, f"nps.way.{key}") for key in ("typed", "file", "counts")]
    assert way.options == ways
    assert not at.metric
    assert not at.get("plotly_chart")
    assert not at.error


def test_typed_answers_are_saved_and_the_figures_follow(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    cafes = add_segment(db, workshop, "Cafés")
    at = _page(lang, workshop)

    _type_answer(
        at, lang, 9, why="  Fast delivery ", segment=cafes, day=date(2026, 3, 14), ten="Oat milk"
    )
    assert not at.error
    [answer] = load(db, workshop).nps.comments
    assert (answer.score, answer.why, answer.make_it_ten) == (9, "Fast delivery", "Oat milk")
    assert (answer.segment_id, answer.answered_on) == (cafes, date(2026, 3, 14))
    # the form starts empty again
    assert widget(at.radio, say(lang, "nps.typed.score")).value is None

    _type_answer(at, lang, 3)
    # one promoter, one detractor of 2: 50 % − 50 % = 0
    metrics = _metrics(at)
    assert metrics[say(lang, "nps.metric.score")] == "0"
    assert metrics[say(lang, "nps.metric.n")] == "2"
    assert metrics[say(lang, "nps.metric.promoters")] == _percent(lang, 50)
    assert metrics[say(lang, "nps.metric.passives")] == _percent(lang, 0)
    # n' = 5, p = d = 1.75/5 = 0.35, centre 0, se = sqrt(0.7/5) = 0.374166 → ±73.3
    interval = say(lang, "nps.interval_value", low="\u221273.3", high="73.3")
    assert metrics[say(lang, "nps.metric.interval")] == _decimal(lang, interval)
    scores, distribution, trend = _figures(at)
    # everyone 0; Cafés: one promoter of 1 → 100
    assert scores["data"][0]["y"] == [0, 100]
    assert [trace["y"] for trace in distribution["data"]] == [[0, 0, 0, 1, 0, 0, 0], [0, 0], [1, 0]]
    assert trend["data"][0]["y"] == [100]  # only the March answer is dated
    # fewer than 30 answers: overall and for the Cafés
    texts = alerts(at)
    assert say(lang, "nps.wide", limit="30") in texts
    assert say(lang, "nps.wide_segments", limit="30", names=quoted("Cafés", lang)) in texts


def test_an_answer_without_a_score_is_refused_and_what_was_typed_stays(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    at = _page(lang, workshop)

    _type_answer(at, lang, None, why="The coffee was cold")

    [box] = shown(at.error)
    assert box == f"{say(lang, 'error.title')}\n\n- {say(lang, 'field.score')}: " + say(
        lang, "invalid.missing"
    )
    assert load(db, workshop).nps.answered == 0
    assert widget(at.text_area, say(lang, "nps.typed.why")).value == "The coffee was cold"


def test_a_why_longer_than_2000_characters_is_refused_naming_the_field(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    at = _page(lang, workshop)

    _type_answer(at, lang, 10, why="x" * 2001)

    [box] = shown(at.error)
    problem = box.partition("\n\n")[2]
    limit = {"en": "2,000", "ru": f"2{NBSP}000"}[lang]
    assert problem == f"- {say(lang, 'field.why')}: " + say(
        lang, "invalid.string_too_long", max_length=limit
    )
    assert load(db, workshop).nps.answered == 0
    assert widget(at.radio, say(lang, "nps.typed.score")).value == 10


# ------------------------------------------------------------------ counts only


def test_counts_for_a_segment_are_saved_and_make_the_score(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    offices = add_segment(db, workshop, "Offices")
    at = _page(lang, workshop)
    _way(at, lang, "counts")

    scope = widget(at.selectbox, say(lang, "nps.counts.scope"))
    assert scope.options == [say(lang, "nps.counts.everyone"), "Offices"]
    assert_ok(scope.set_value(offices).run())
    for name, value in (("promoters", 30), ("passives", 10), ("detractors", 10)):
        widget(at.text_input, say(lang, f"nps.counts.{name}")).set_value(str(value))
    assert_ok(_button(at, say(lang, "nps.counts.save")).click().run())

    assert not at.error
    survey = load(db, workshop).nps
    assert survey.typed == {offices: NpsCounts(promoters=30, passives=10, detractors=10)}
    # 30 promoters, 10 detractors of 50: 60 % − 20 % = 40
    metrics = _metrics(at)
    assert metrics[say(lang, "nps.metric.score")] == "40"
    assert metrics[say(lang, "nps.metric.n")] == "50"
    assert metrics[say(lang, "nps.metric.detractors")] == _percent(lang, 20)
    # 50 answers: no "wide" warning, and no single answers to draw by score or month
    assert say(lang, "nps.wide", limit="30") not in alerts(at)
    assert len(at.get("plotly_chart")) == 1
    assert say(lang, "nps.typed_note") in shown(at.caption)


def test_counts_changed_meanwhile_are_not_overwritten(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    at = _page(lang, workshop)
    _way(at, lang, "counts")
    engine = make_engine(db)
    try:
        with transaction(engine) as session:  # another participant saves first
            nps.set_counts(
                session,
                workshop_id=workshop,
                segment_id=None,
                counts=NpsCounts(promoters=5),
                expected_version=0,
            )
    finally:
        engine.dispose()

    widget(at.text_input, say(lang, "nps.counts.detractors")).set_value("7")
    assert_ok(_button(at, say(lang, "nps.counts.save")).click().run())

    assert any(say(lang, "error.stale_edit") in text for text in shown(at.error))
    assert load(db, workshop).nps.typed == {None: NpsCounts(promoters=5)}
    # the form shows the fresh counts
    assert widget(at.text_input, say(lang, "nps.counts.promoters")).value == "5"


# ------------------------------------------------------------------ survey files

# Semicolons, Russian headers, Windows-1251, as a Russian Excel saves a survey.
SURVEY = (
    "Оценка;Почему;Что нужно, чтобы поставили 10;Сегмент;Дата\r\n"
    "10;Быстро;;розница;14.03.2026\r\n"  # 2: promoter, the workshop's «Розница»
    "ten;Слишком;;Опт;15.03.2026\r\n"  # 3: bad score
    "9;Вкусно;;Опт;15.03.2026\r\n"  # 4: promoter, unknown segment «Опт»
    "4;Дорого;Скидки;Опт;02.04.2026\r\n"  # 5: detractor, «Опт»
    "8;;;;\r\n"  # 6: passive, no segment
).encode("cp1251")


def _upload(at: AppTest, lang: str, raw: bytes, name: str = "survey.csv") -> None:
    _way(at, lang, "file")
    uploader = widget(at.file_uploader, say(lang, "nps.file.upload", formats=UPLOAD_FORMATS))
    assert_ok(uploader.set_value((name, raw, "text/csv")).run())


def _check(at: AppTest, lang: str) -> None:
    assert_ok(_button(at, say(lang, "nps.file.check")).click().run())


def test_an_uploaded_file_is_checked_and_its_good_rows_saved_only_when_confirmed(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    retail = add_segment(db, workshop, "Розница")
    wholesale = add_segment(db, workshop, "Оптовики")
    at = _page(lang, workshop)
    _upload(at, lang, SURVEY)

    separator = say(lang, "nps.file.separator.semicolon")
    described = say(lang, "nps.file.read", encoding="Windows-1251", separator=separator, rows="5")
    assert described in shown(at.caption)
    # the guessed columns, for the user to confirm
    chosen = {box.label: box.value for box in at.selectbox}
    assert chosen[say(lang, "field.score")] == "Оценка"
    assert chosen[say(lang, "field.answered_on")] == "Дата"
    _check(at, lang)

    assert say(lang, "nps.file.good", good="4") in alerts(at)
    reason = say(lang, "nps_import.bad.score_invalid", value="ten")
    listed = (
        say(lang, "nps.file.bad", rows="1")
        + "\n\n- "
        + say(lang, "nps_import.bad_row", row="3", reason=reason)
    )
    assert listed in alerts(at)
    assert load(db, workshop).nps.answered == 0  # nothing saved before the user confirms

    unknown = widget(at.selectbox, say(lang, "nps.file.unknown_name", name="Опт"))
    assert_ok(unknown.set_value(wholesale).run())
    assert_ok(_button(at, say(lang, "nps.file.save", good="4")).click().run())

    assert not at.error
    survey = load(db, workshop).nps
    assert survey.by_segment == {
        retail: [0] * 10 + [1],
        wholesale: [0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0],
        None: [0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0],
    }
    # 2 promoters, 1 passive, 1 detractor of 4: 50 % − 25 % = 25
    assert _metrics(at)[say(lang, "nps.metric.score")] == "25"
    # the panel starts again with an empty uploader
    assert (
        widget(at.file_uploader, say(lang, "nps.file.upload", formats=UPLOAD_FORMATS)).value is None
    )
    assert not [b for b in at.button if b.label == say(lang, "nps.file.cancel")]


def test_cancelling_a_checked_file_saves_nothing(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    at = _page(lang, workshop)
    _upload(at, lang, SURVEY)
    _check(at, lang)

    assert_ok(_button(at, say(lang, "nps.file.cancel")).click().run())

    assert load(db, workshop).nps.answered == 0
    assert not [b for b in at.button if b.label == say(lang, "nps.file.check")]
    assert say(lang, "nps.empty") in alerts(at)


def test_pasted_text_with_a_remapped_column_is_saved(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    at = _page(lang, workshop)
    _way(at, lang, "file")
    assert_ok(widget(at.segmented_control, say(lang, "nps.file.source")).set_value("paste").run())
    widget(at.text_area, say(lang, "nps.file.paste")).set_value(
        "Client,Recommend?,Notes\nA,10,Great\nB,0,Rude staff\nC,7,\n"
    )
    assert_ok(_button(at, say(lang, "nps.file.paste_button")).click().run())
    # the guess takes "Recommend?" for the score and "Notes" for nothing: say it is "why"
    assert widget(at.selectbox, say(lang, "field.score")).value == "Recommend?"
    widget(at.selectbox, say(lang, "field.why")).set_value("Notes")
    _check(at, lang)
    assert_ok(_button(at, say(lang, "nps.file.save", good="3")).click().run())

    survey = load(db, workshop).nps
    assert survey.by_segment == {None: [1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1]}
    assert [c.why for c in survey.comments] == ["Rude staff", "Great"]
    # 1 promoter, 1 detractor of 3: 33.3 % − 33.3 % = 0
    assert _metrics(at)[say(lang, "nps.metric.score")] == "0"


def test_a_mapping_without_the_score_column_is_refused(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    at = _page(lang, workshop)
    _upload(at, lang, SURVEY)
    widget(at.selectbox, say(lang, "field.score")).select_index(0)  # not in the file
    _check(at, lang)

    [box] = shown(at.error)
    assert box.endswith("- " + say(lang, "nps_import.no_score_column"))
    assert not [b for b in at.button if b.label.startswith(lead(lang, "nps.file.save"))]
    assert load(db, workshop).nps.answered == 0


def test_an_excel_workbook_is_read_checked_and_saved_like_a_csv(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    retail = add_segment(db, workshop, "Розница")
    at = _page(lang, workshop)
    rows = [
        ["Оценка", "Почему", "Сегмент", "Дата"],
        [10, "Быстро", "розница", date(2026, 3, 14)],  # 2: promoter, «Розница»
        ["ten", "Слишком", None, date(2026, 3, 15)],  # 3: bad score
        [4, "Дорого", None, date(2026, 4, 2)],  # 4: detractor, no segment
    ]
    _upload(at, lang, workbooks.xlsx({"Ответы": rows}), name="survey.xlsx")

    # one sheet: nothing to pick
    assert not [box for box in at.selectbox if box.label == say(lang, "nps.file.sheet")]
    kind = "Excel (.xlsx)"
    described = say(lang, "nps.file.read_sheet", sheet="Ответы", kind=kind, rows="3")
    assert described in shown(at.caption)
    _check(at, lang)
    assert say(lang, "nps.file.good", good="2") in alerts(at)
    reason = say(lang, "nps_import.bad.score_invalid", value="ten")
    assert say(lang, "nps_import.bad_row", row="3", reason=reason) in "".join(alerts(at))
    assert load(db, workshop).nps.answered == 0
    assert_ok(_button(at, say(lang, "nps.file.save", good="2")).click().run())

    survey = load(db, workshop).nps
    assert survey.by_segment == {retail: [0] * 10 + [1], None: [0, 0, 0, 0, 1] + [0] * 6}


def test_a_workbook_with_several_sheets_lets_the_user_pick_the_one_with_the_answers(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    at = _page(lang, workshop)
    raw = workbooks.ods({"Лист1": [], "Ответы": [["Score", "Why"], [9, "Fine"], [0, "Rude"]]})
    _upload(at, lang, raw, name="survey.ods")

    # the first sheet is read, and it is empty: the message says so and the others are offered
    [box] = shown(at.error)
    assert box.endswith("- " + say(lang, "nps_import.empty_sheet", sheet="Лист1"))
    picker = widget(at.selectbox, say(lang, "nps.file.sheet"))
    assert picker.options == ["Лист1", "Ответы"]
    assert_ok(picker.set_value("Ответы").run())

    assert not at.error
    kind = "LibreOffice (.ods)"
    described = say(lang, "nps.file.read_sheet", sheet="Ответы", kind=kind, rows="2")
    assert described in shown(at.caption)
    _check(at, lang)
    assert_ok(_button(at, say(lang, "nps.file.save", good="2")).click().run())
    assert load(db, workshop).nps.by_segment == {None: [1] + [0] * 8 + [1, 0]}


def test_a_password_protected_workbook_is_refused_with_advice(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    at = _page(lang, workshop)
    _upload(at, lang, workbooks.encrypted_xlsx(), name="survey.xlsx")

    [box] = shown(at.error)
    assert box.endswith("- " + say(lang, "nps_import.workbook_locked", **FORMAT_NAMES))
    assert not [b for b in at.button if b.label == say(lang, "nps.file.check")]


def test_the_uploader_says_which_formats_it_reads(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    at = _page(lang, workshop)
    _way(at, lang, "file")
    label = say(lang, "nps.file.upload", formats=UPLOAD_FORMATS)
    for kind in ("CSV", "XLSX", "ODS"):
        assert kind in label
    help_text = say(lang, "nps.file.help", **HELP_NAMES)
    assert help_text in shown(at.caption)
    for kind in (".xlsx", ".ods", "CSV", "SurveyMonkey", "Open-Ended Response"):
        assert kind in help_text
    # the uploader takes what it reads; an old .xls is left to the help's advice
    types = list(widget(at.file_uploader, label).proto.type)
    assert [kind for kind in (".xlsx", ".ods", ".xls") if kind in types] == [".xlsx", ".ods"]


# ------------------------------------------------------------------ comments and deleting


def test_comments_are_grouped_by_category_newest_first(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    _add(
        db,
        workshop,
        NpsResponseInput(score=2, why="**Rude** staff", make_it_ten="Train them"),
        NpsResponseInput(score=10, why="Great beans"),
        NpsResponseInput(score=9, why="Fast"),
        NpsResponseInput(score=7),  # no text: not a comment
    )
    at = _page(lang, workshop)

    # each answer is one card: its about line, then "why" and "what would make it a 10"
    texts = [line for text in shown(at.markdown) for line in text.split("\n\n")]
    why, ten = say(lang, "nps.comments.why"), say(lang, "nps.comments.ten")
    assert f"{why}: **Rude** staff" in texts  # shown literally, not as bold
    assert f"{ten}: Train them" in texts
    assert texts.index(f"{why}: Fast") < texts.index(f"{why}: Great beans")
    captions = shown(at.caption)
    assert say(lang, "nps.comments.shown", shown="2", total="2") in captions
    assert say(lang, "nps.comments.shown", shown="1", total="1") in captions
    assert say(lang, "nps.comments.none") in captions  # no passive said anything


def test_uploaded_comments_are_listed_newest_first_by_their_date_not_the_files_order(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    at = _page(lang, workshop)
    # a hand-made export sorted by name, so its dates are out of order
    rows = [
        ["Score", "Why", "Date"],
        [3, "April", date(2026, 4, 2)],
        [1, "June", date(2026, 6, 30)],
        [2, "January", date(2026, 1, 15)],
        [0, "May", date(2026, 5, 1)],
    ]
    _upload(at, lang, workbooks.xlsx({"Sheet1": rows}), name="survey.xlsx")
    _check(at, lang)
    assert_ok(_button(at, say(lang, "nps.file.save", good="4")).click().run())

    why = say(lang, "nps.comments.why")
    texts = [line for text in shown(at.markdown) for line in text.split("\n\n")]
    listed = [text for text in texts if text.startswith(f"{why}: ")]
    assert listed == [f"{why}: {month}" for month in ("June", "May", "April", "January")]


def test_deleting_all_answers_asks_first(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    _add(db, workshop, NpsResponseInput(score=9), NpsResponseInput(score=5))
    at = _page(lang, workshop)

    assert_ok(_button(at, say(lang, "nps.delete")).click().run())
    assert say(lang, "nps.delete.confirm", n="2") in alerts(at)
    assert_ok(_button(at, say(lang, "nps.delete.no")).click().run())
    assert load(db, workshop).nps.answered == 2

    assert_ok(_button(at, say(lang, "nps.delete")).click().run())
    assert_ok(_button(at, say(lang, "nps.delete.yes")).click().run())
    assert load(db, workshop).nps.answered == 0
    assert say(lang, "nps.empty") in alerts(at)
