"""A whole course in one download: every participant's report in one PDF, or a ZIP of files.

The PDF is one report: a title page for the course, then for each participant a page
with their name and facts, followed by their own report's sections, each titled with
the participant's name so the contents list says whose canvas is where. The ZIP holds
each workshop's PDF and JSON under numbered, safe file names (two participants may
share a name; nobody's name can reach outside the archive).
"""

import io
import re
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from canvas.content.catalogue import catalogue
from canvas.domain import Language, WorkshopDocument, WorkshopView
from canvas.export.blocks import Bullets, Report, Section
from canvas.export.files import ExportFormat, export_file
from canvas.export.report import build_report
from canvas.export.sections_sources import sources_section
from canvas.i18n import day, t

STEM_LENGTH = 60


def participant_name(view: WorkshopView) -> str:
    """Who a workshop belongs to: the name the participant joined with, else its title."""
    return view.workshop.participant or view.workshop.title


def safe_stem(text: str, fallback: str = "workshop") -> str:
    """Letters and digits of any script joined by dashes: no dots, slashes or spaces."""
    stem = re.sub(r"[^\w]+", "-", text, flags=re.UNICODE).strip("-_")
    return (stem or fallback)[:STEM_LENGTH]


def _participant_sections(
    view: WorkshopView, lang: Language, number: int, today: date
) -> list[Section]:
    name = participant_name(view)
    own = build_report(view, lang, today=today, with_sources=False)
    cover = Section(
        key=f"participant-{number}",
        title=name,
        blocks=[Bullets([f"{label}: {value}" for label, value in own.facts])],
        new_page=True,
    )
    return [cover] + [
        replace(section, key=f"{section.key}-{number}", title=f"{name}: {section.title}")
        for section in own.sections
    ]


def course_report(
    views: Sequence[WorkshopView],
    lang: Language | str,
    *,
    title: str = "",
    today: date | None = None,
) -> Report:
    """One report holding every participant's report in turn, in the order given, then the
    sources once."""
    lang = Language(lang)
    created = today or date.today()
    heading = title or t("trainer.export.title", lang)
    return Report(
        lang=lang,
        title=heading,
        company="",
        created=created,
        facts=[
            (t("report.date", lang), day(created, lang, "long")),
            (t("trainer.export.participants", lang), str(len(views))),
        ],
        footer=t("report.footer", lang, title=heading),
        credit=catalogue().credit(lang),
        sections=[
            *(
                section
                for number, view in enumerate(views, start=1)
                for section in _participant_sections(view, lang, number, created)
            ),
            sources_section(lang),  # once for the whole course, after every participant
        ],
    )


def course_pdf(
    views: Sequence[WorkshopView],
    lang: Language | str,
    *,
    title: str = "",
    today: date | None = None,
) -> bytes:
    """Every participant's report in one PDF file."""
    from canvas.export.pdf import render_pdf

    return render_pdf(course_report(views, lang, title=title, today=today))


def course_zip(
    views: Sequence[WorkshopView],
    lang: Language | str,
    *,
    documents: Mapping[int, WorkshopDocument] | None = None,
) -> bytes:
    """A ZIP with ``NNN-<participant>.pdf`` and ``.json`` for every workshop.

    ``documents`` (by workshop id) gives the portable form that carries the NPS survey's
    single answers; without it the JSON is written from the view.
    """
    found = documents or {}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for number, view in enumerate(views, start=1):
            stem = f"{number:03d}-{safe_stem(participant_name(view))}"
            document = found.get(view.workshop.id)
            for fmt in (ExportFormat.PDF, ExportFormat.JSON):
                made = export_file(view, fmt, lang, document=document)
                archive.writestr(f"{stem}.{fmt.value}", made.data)
    return buffer.getvalue()
