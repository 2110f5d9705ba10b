"""What the AppTest tests share: the expected words, the app, and finding what a user sees.

Expected strings come straight from ``data/i18n/<lang>.json``, ``data/catalogue.json`` and
``data/demo/<lang>.json``, never from the program, so a test fails when the screen and the
texts a translator wrote disagree.
"""

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from canvas.content.demo import load_demo
from canvas.domain import SegmentInput, WorkshopDocument, WorkshopInput, WorkshopView
from canvas.ops.migrate import upgrade
from canvas.store import reads, segments, workshops
from canvas.store.db import make_engine, reading, transaction

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app.py"
DATA = ROOT / "data"
LANGS = ("ru", "en")
TIMEOUT = 30

PAGES = {
    "workshops": "app_pages/workshops.py",
    "segments": "app_pages/segments.py",
    "relationships": "app_pages/relationships.py",
    "canvas": "app_pages/canvas.py",
    "analysis": "app_pages/analysis.py",
    "summary": "app_pages/summary.py",
    "shura": "app_pages/shura.py",
    "twelve_rules": "app_pages/twelve_rules.py",
    "loyalty_check": "app_pages/loyalty_check.py",
    "nps": "app_pages/nps.py",
    "touchpoints": "app_pages/touchpoints.py",
}  # the workshop's own pages; the trainer's two are apart:
TRAINER_LOGIN = "app_pages/trainer_login.py"
TRAINER_GALLERY = "app_pages/trainer.py"


def _json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _strings(lang: str) -> dict[str, str]:
    """The main strings file and every framework's ``<lang>.<part>.json``."""
    merged: dict[str, str] = _json(DATA / "i18n" / f"{lang}.json")
    for part in sorted((DATA / "i18n").glob(f"{lang}.*.json")):
        merged.update(_json(part))
    return merged


STRINGS: dict[str, dict[str, str]] = {lang: _strings(lang) for lang in LANGS}
CATALOGUE: dict[str, Any] = _json(DATA / "catalogue.json")
DEMO: dict[str, dict[str, Any]] = {lang: _json(DATA / "demo" / f"{lang}.json") for lang in LANGS}


# ------------------------------------------------------------------ expected words


def say(lang: str, key: str, **params: Any) -> str:
    """The UI string ``key`` as the translator wrote it, placeholders filled."""
    template = STRINGS[lang][key]
    return template.format(**params) if params else template


def lead(lang: str, key: str) -> str:
    """The fixed start of a UI string, up to its first placeholder."""
    return STRINGS[lang][key].split("{", 1)[0]


def type_name(kind: str, lang: str) -> str:
    entry = next(t for t in CATALOGUE["relationship_types"] if t["key"] == kind)
    return str(entry["name"][lang])


def type_names(lang: str) -> list[str]:
    return [str(t["name"][lang]) for t in CATALOGUE["relationship_types"]]


def block_name(key: str, lang: str) -> str:
    return str(next(b for b in CATALOGUE["blocks"] if b["key"] == key)["name"][lang])


def motive_name(key: str, lang: str) -> str:
    return str(next(m for m in CATALOGUE["motives"] if m["key"] == key)["name"][lang])


def demo_segment_names(lang: str) -> list[str]:
    return [str(s["name"]) for s in DEMO[lang]["segments"]]


# ------------------------------------------------------------------ what the user sees

_MARKUP = re.compile(r"\\([!-/:-@\[-`{-~])|\*+")


def seen(markdown: str) -> str:
    """Markdown as the reader sees it: escaped punctuation shown, ``*``/``**`` emphasis gone."""
    return _MARKUP.sub(lambda m: m.group(1) or "", markdown)


def shown(elements: Iterable[Any]) -> list[str]:
    """The text of each element (markdown, caption, alert, title …) as rendered."""
    return [seen(element.value) for element in elements]


def alerts(at: AppTest) -> list[str]:
    """Every error, warning, info and success box on the page, as rendered."""
    return shown([*at.error, *at.warning, *at.info, *at.success])


def titles(at: AppTest) -> list[str]:
    return [title.value for title in at.title]


def sidebar_text(at: AppTest) -> list[str]:
    return shown([*at.sidebar.markdown, *at.sidebar.caption])


def widget(widgets: Iterable[Any], label: str, *, form: str | None = None) -> Any:
    """The one widget with ``label`` (in the form whose id starts with ``form``)."""
    found = [
        w
        for w in widgets
        if w.label == label and (form is None or (w.form_id or "").startswith(form))
    ]
    assert len(found) == 1, f"expected one widget labelled {label!r}, found {len(found)}"
    return found[0]


def expander(at: AppTest, label: str) -> Any:
    found = [e for e in at.expander if e.label == label]
    assert len(found) == 1, f"expected one expander {label!r}, found {[e.label for e in found]}"
    return found[0]


def assert_ok(at: AppTest) -> AppTest:
    """The run finished without an uncaught exception."""
    assert not at.exception, [e.value for e in at.exception]
    return at


# ------------------------------------------------------------------ the app


def run_app(lang: str, workshop_id: int | None = None, page: str | None = None) -> AppTest:
    """The app as a browser opening ``?lang=…&w=…`` and then going to ``page``."""
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.query_params["lang"] = lang
    if workshop_id is not None:
        at.query_params["w"] = str(workshop_id)
    assert_ok(at.run())
    if page is not None:
        assert_ok(at.switch_page(PAGES.get(page, page)).run())
    return at


def open_app(lang: str, **params: str) -> AppTest:
    """The app as a browser opening ``?lang=…`` with ``params`` (``k=…`` for a participant)."""
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.query_params["lang"] = lang
    for key, value in params.items():
        at.query_params[key] = value
    return assert_ok(at.run())


def try_password(at: AppTest, lang: str, password: str) -> AppTest:
    """Type ``password`` on the trainer's login page and press "Log in".

    After a login, a browser's address follows the app to the gallery. AppTest would keep
    asking for the page last given to ``switch_page``, the login page, which a logged-in
    trainer no longer has: so it goes on to the gallery (without running it yet).
    """
    widget(at.text_input, say(lang, "trainer.password")).input(password)
    at.button[0].click().run()
    if titles(assert_ok(at)) == [say(lang, "page.trainer")]:
        at.switch_page(TRAINER_GALLERY)
    return at


def log_in(lang: str, password: str, monkeypatch: Any) -> AppTest:
    """A fresh browser that opens the trainer's login page and tries ``password``."""
    # The slow-down after failures is tested elsewhere; here it would only wait.
    monkeypatch.setattr("canvas.domain.throttle.pause", lambda _seconds: None)
    return try_password(open_app(lang).switch_page(TRAINER_LOGIN).run(), lang, password)


def trainer_at(page: str, lang: str, password: str, monkeypatch: Any) -> AppTest:
    """The trainer logged in with ``password`` (course mode on), then on ``page`` (not run)."""
    at = log_in(lang, password, monkeypatch)
    assert titles(at) == [say(lang, "page.trainer")]
    at.switch_page(PAGES.get(page, page))
    return at


# ------------------------------------------------------------------ the database


def migrated(url: str) -> Engine:
    engine = make_engine(url)
    upgrade(engine)
    return engine


def add_demo(url: str, lang: str) -> int:
    return add_document(url, load_demo(lang))


def add_document(url: str, document: WorkshopDocument) -> int:
    engine = make_engine(url)
    try:
        with transaction(engine) as session:
            return workshops.create_from_document(session, document=document).id
    finally:
        engine.dispose()


def add_workshop(url: str, title: str, lang: str, *, company: str = "") -> int:
    engine = make_engine(url)
    try:
        with transaction(engine) as session:
            data = WorkshopInput(
                title=title,
                company=company,
                language=lang,
                currency="RUB" if lang == "ru" else "USD",
            )
            return workshops.create_workshop(session, data=data).id
    finally:
        engine.dispose()


def add_segment(url: str, workshop_id: int, name: str, **fields: Any) -> int:
    engine = make_engine(url)
    try:
        with transaction(engine) as session:
            data = SegmentInput(name=name, **fields)
            return segments.add_segment(session, workshop_id=workshop_id, data=data).id
    finally:
        engine.dispose()


def load(url: str, workshop_id: int) -> WorkshopView:
    engine = make_engine(url)
    try:
        with reading(engine) as session:
            return reads.load_view(session, workshop_id=workshop_id)
    finally:
        engine.dispose()


def workshop_titles(url: str) -> list[str]:
    engine = make_engine(url)
    try:
        with reading(engine) as session:
            return [w.title for w in workshops.list_workshops(session)]
    finally:
        engine.dispose()


def refused_as_stale(at: AppTest, lang: str) -> bool:
    """The page shows the "someone saved here after you opened it" refusal."""
    return any(say(lang, "error.stale_edit") in box for box in shown(at.error))
