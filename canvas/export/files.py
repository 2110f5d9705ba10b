"""One call per download: the file name, type and bytes of each export format."""

import re
from dataclasses import dataclass
from enum import StrEnum

from canvas.domain import Language, WorkshopDocument, WorkshopView
from canvas.export.json_io import export_json
from canvas.export.report import build_report


class ExportFormat(StrEnum):
    PDF = "pdf"
    HTML = "html"
    MARKDOWN = "md"
    JSON = "json"
    PPTX = "pptx"  # the teaching deck's slides, not the report


MIME = {
    ExportFormat.PDF: "application/pdf",
    ExportFormat.HTML: "text/html",
    ExportFormat.MARKDOWN: "text/markdown",
    ExportFormat.JSON: "application/json",
    ExportFormat.PPTX: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}


@dataclass(frozen=True)
class ExportFile:
    name: str
    mime: str
    data: bytes


def file_name(view: WorkshopView, fmt: ExportFormat) -> str:
    """A safe file name from the workshop's title: letters and digits of any script."""
    stem = re.sub(r"[^\w]+", "-", view.workshop.title, flags=re.UNICODE).strip("-_")
    return f"{(stem or 'workshop')[:60]}.{fmt.value}"


def export_file(
    view: WorkshopView,
    fmt: ExportFormat,
    lang: Language | str | None = None,
    *,
    document: WorkshopDocument | None = None,
    with_theory: bool = False,
) -> ExportFile:
    """The workshop in ``fmt``; reports are in ``lang`` (default: the workshop's language).

    JSON is written from ``document`` when given (it carries the NPS survey's single
    answers, which a workshop view holds as counts only). ``with_theory`` adds the
    handout's theory to the PDF.
    """
    if fmt is ExportFormat.JSON:
        data = export_json(document or view).encode("utf-8")
    elif fmt is ExportFormat.PPTX:
        from canvas.export.pptx import render_pptx

        data = render_pptx(view, lang)
    else:
        report = build_report(view, lang)
        if fmt is ExportFormat.PDF:
            from canvas.export.pdf import render_pdf
            from canvas.export.pdf.theory import add_theory

            data = render_pdf(add_theory(report) if with_theory else report)
        elif fmt is ExportFormat.HTML:
            from canvas.export.html import render_html

            data = render_html(report).encode("utf-8")
        else:
            from canvas.export.markdown import render_markdown

            data = render_markdown(report).encode("utf-8")
    return ExportFile(file_name(view, fmt), MIME[fmt], data)
