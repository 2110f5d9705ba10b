"""A course in one download: every participant in one PDF, or their files side by side in a
ZIP whose names are safe and never clash."""

import io
import json
import zipfile
from datetime import date

import pytest
from pypdf import PdfReader

from canvas.domain import Language, WorkshopView
from canvas.export.course import course_pdf, course_report, course_zip, safe_stem
from canvas.i18n import t
from tests.unit.factories import segment, snapshot

DAY = date(2026, 11, 23)


def _participant(workshop_id: int, name: str, *segment_names: str) -> WorkshopView:
    base = snapshot(*(segment(i, n) for i, n in enumerate(segment_names, start=1)))
    workshop = base.workshop.model_copy(
        update={"id": workshop_id, "title": name, "participant": name}
    )
    return base.model_copy(update={"workshop": workshop})


def _text(data: bytes) -> str:
    pages = PdfReader(io.BytesIO(data)).pages
    return " ".join(" ".join(page.extract_text() or "" for page in pages).split())


@pytest.fixture
def room() -> list[WorkshopView]:
    return [
        _participant(1, "Anna", "Office workers"),
        _participant(2, "Boris", "Students", "Tourists"),
    ]


@pytest.mark.parametrize("lang", list(Language), ids=lambda lang: lang.value)
def test_the_course_pdf_holds_every_participant_and_their_segments(room, lang):
    data = course_pdf(room, lang, title="Spring course", today=DAY)
    assert data.startswith(b"%PDF")
    text = _text(data)
    for name in ("Spring course", "Anna", "Boris", "Office workers", "Students", "Tourists"):
        assert name in text


def test_each_participant_gets_a_cover_section_and_their_own_sections_in_turn(room):
    report = course_report(room, Language.EN, title="Spring", today=DAY)
    covers = [s for s in report.sections if s.key.startswith("participant-")]
    assert [s.title for s in covers] == ["Anna", "Boris"]
    # Anna's sections come before Boris's cover, and every section says whose it is
    boris_at = report.sections.index(covers[1])
    assert all(s.title.startswith("Anna") for s in report.sections[:boris_at])
    assert all(s.title.startswith("Boris") for s in report.sections[boris_at:-1])
    # then the sources, once for the whole course
    assert report.sections[-1].title == t("page.sources", Language.EN)
    # Two participants: 2 people, so the facts say 2
    assert (t("trainer.export.participants", Language.EN), "2") in report.facts


def test_section_keys_stay_unique_across_participants(room):
    report = course_report(room, Language.RU, today=DAY)
    keys = [s.key for s in report.sections]
    assert len(keys) == len(set(keys))


def test_an_empty_course_still_gives_a_pdf():
    assert course_pdf([], Language.RU, today=DAY).startswith(b"%PDF")


def test_the_zip_holds_a_pdf_and_a_json_per_workshop_under_numbered_names(room):
    data = course_zip(room, Language.EN)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        assert names == ["001-Anna.pdf", "001-Anna.json", "002-Boris.pdf", "002-Boris.json"]
        assert archive.read("001-Anna.pdf").startswith(b"%PDF")
        boris = json.loads(archive.read("002-Boris.json"))
    assert [s["name"] for s in boris["segments"]] == ["Students", "Tourists"]


def test_participants_with_the_same_name_or_a_hostile_name_get_safe_distinct_files():
    room = [
        _participant(1, "../../etc/passwd", "A"),
        _participant(2, "Анна Петрова", "B"),
        _participant(3, "Анна Петрова", "C"),
        _participant(4, "***", "D"),
    ]
    with zipfile.ZipFile(io.BytesIO(course_zip(room, Language.RU))) as archive:
        names = archive.namelist()
    assert names[::2] == [
        "001-etc-passwd.pdf",
        "002-Анна-Петрова.pdf",
        "003-Анна-Петрова.pdf",
        "004-workshop.pdf",
    ]
    assert all("/" not in n and "\\" not in n and ".." not in n for n in names)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Coffee & Co.", "Coffee-Co"), ("  ", "workshop"), ("a/b\\c", "a-b-c"), ("x" * 80, "x" * 60)],
)
def test_a_safe_stem_keeps_letters_and_digits_only(text, expected):
    assert safe_stem(text) == expected
