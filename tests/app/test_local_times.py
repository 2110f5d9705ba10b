"""Times on the pages are the reader's: the workshop list and the saved snapshots show
them in the browser's time zone, written as the language writes dates; without a zone
from the browser they are UTC and say so."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import update
from streamlit.testing.v1 import AppTest

from canvas.store.db import make_engine, transaction
from canvas.store.tables import WorkshopRow
from tests.app.driver import APP, TIMEOUT, add_workshop, assert_ok, run_app, say, shown, widget

# 14:30 UTC on 5 December 2026 is 17:30 in Moscow (UTC+3) and 9:30 AM in New York (UTC−5)
STORED = datetime(2026, 12, 5, 14, 30, tzinfo=UTC)
SHOWN = {
    ("ru", "Europe/Moscow"): "5 дек. 2026\u202fг., 17:30",
    ("en", "America/New_York"): "Dec 5, 2026, 9:30\u202fAM",
    ("ru", None): "5 дек. 2026\u202fг., 14:30 UTC",
    ("en", None): "Dec 5, 2026, 2:30\u202fPM UTC",
}


def _changed_at(url: str, workshop_id: int, when: datetime) -> None:
    engine = make_engine(url)
    try:
        with transaction(engine) as session:
            session.execute(
                update(WorkshopRow).where(WorkshopRow.id == workshop_id).values(updated_at=when)
            )
    finally:
        engine.dispose()


@pytest.mark.parametrize(("lang", "zone"), list(SHOWN))
def test_the_workshop_list_shows_when_it_changed_on_the_readers_clock(db, lang, zone):
    workshop = add_workshop(db, "Roastery", lang)
    _changed_at(db, workshop, STORED)
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.query_params["lang"] = lang
    at.context["timezone"] = zone
    assert_ok(at.run())

    assert say(lang, "workshops.updated", when=SHOWN[(lang, zone)]) in shown(at.caption)


@pytest.mark.parametrize(
    ("lang", "written"),
    # 5 December 2026 as each locale writes a short date: 05.12.2026, 12/05/2026
    [("ru", "DD.MM.YYYY"), ("en", "MM/DD/YYYY")],
)
def test_the_nps_answers_date_field_writes_dates_as_the_language_does(db, lang, written):
    workshop = add_workshop(db, "Roastery", lang)
    at = run_app(lang, workshop, page="nps")
    assert_ok(widget(at.segmented_control, say(lang, "nps.way")).set_value("typed").run())

    assert widget(at.date_input, say(lang, "nps.typed.date")).proto.format == written
