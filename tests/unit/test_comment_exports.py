"""The trainer's comments travel with the participant's work: a section of the report that
the PDF, HTML and Markdown writers all draw, and so in the course's PDF and ZIP too."""

import io
import re
import zipfile
from datetime import date
from html import unescape

import pytest
from pypdf import PdfReader

from canvas.domain import CanvasBlock, Language, WorkshopView
from canvas.domain.course import TrainerComment
from canvas.export.course import course_pdf, course_report, course_zip
from canvas.export.files import ExportFormat, export_file
from canvas.export.html import render_html
from canvas.export.markdown import render_markdown
from canvas.export.report import build_report
from tests.unit.factories import NOW, segment, snapshot

DAY = date(2026, 11, 23)
# What the comments section says, by hand: its title, its header, then whole-workshop
# comments first and the others in the order the trainer wrote them.
EXPECTED = {
    Language.EN: (
        "Trainer's comments",
        ["About", "Comment"],
        [
            ["The whole workshop", "Good start"],
            ["Channels", "Which channel brings the regulars?"],
            ["Students", "Ask them what they miss"],
        ],
    ),
    Language.RU: (
        "Комментарии тренера",
        ["К чему", "Комментарий"],
        [
            ["Весь воркшоп", "Good start"],
            ["Каналы сбыта", "Which channel brings the regulars?"],
            ["Students", "Ask them what they miss"],
        ],
    ),
}


def _comment(comment_id: int, text: str, **about: object) -> TrainerComment:
    return TrainerComment(id=comment_id, workshop_id=1, created_at=NOW, text=text, **about)


def _commented(name: str = "Anna", workshop_id: int = 1) -> WorkshopView:
    base = snapshot(segment(1, "Students"))
    workshop = base.workshop.model_copy(
        update={"id": workshop_id, "title": name, "participant": name}
    )
    notes = [
        _comment(1, "Which channel brings the regulars?", block=CanvasBlock.CHANNELS),
        _comment(2, "Ask them what they miss", segment_id=1),
        _comment(3, "Good start"),
    ]
    return base.model_copy(update={"workshop": workshop, "comments": notes})


def _pdf_text(data: bytes) -> str:
    pages = PdfReader(io.BytesIO(data)).pages
    return " ".join(" ".join(page.extract_text() or "" for page in pages).split())


@pytest.mark.parametrize("lang", list(Language), ids=lambda lang: lang.value)
def test_the_report_has_a_comments_section_with_what_each_is_about(lang):
    title, header, rows = EXPECTED[lang]
    [section] = [
        s for s in build_report(_commented(), lang, today=DAY).sections if s.key == "comments"
    ]
    assert section.title == title
    [table] = section.blocks
    assert (table.header, table.rows) == (header, rows)


def test_a_workshop_without_comments_has_no_comments_section():
    report = build_report(snapshot(segment(1, "Students")), Language.EN, today=DAY)
    assert "comments" not in [s.key for s in report.sections]


@pytest.mark.parametrize("lang", list(Language), ids=lambda lang: lang.value)
def test_the_pdf_carries_the_comments(lang):
    title, _, rows = EXPECTED[lang]
    text = _pdf_text(export_file(_commented(), ExportFormat.PDF, lang).data)
    assert title in text
    for about, said in rows:
        assert about in text and said in text


@pytest.mark.parametrize("lang", list(Language), ids=lambda lang: lang.value)
def test_the_html_carries_the_comments_as_a_table(lang):
    title, header, rows = EXPECTED[lang]
    html = unescape(render_html(build_report(_commented(), lang, today=DAY)))
    section = html[html.index('<section id="comments">') :].split("</section>", 1)[0]
    assert f"<h2>{title}</h2>" in section
    assert re.findall(r'<th scope="col">(.*?)</th>', section) == header
    cells = re.findall(r"<td[^>]*>(.*?)</td>", section)  # a phone's card layout labels cells
    assert [cells[i : i + 2] for i in range(0, len(cells), 2)] == rows


@pytest.mark.parametrize("lang", list(Language), ids=lambda lang: lang.value)
def test_the_markdown_carries_the_comments_as_a_table(lang):
    title, header, rows = EXPECTED[lang]
    markdown = render_markdown(build_report(_commented(), lang, today=DAY))
    lines = markdown.splitlines()
    assert f"## {title}" in lines
    assert f"| {header[0]} | {header[1]} |" in lines
    for about, said in rows:
        assert f"| {about} | {said} |" in lines


def test_a_hostile_comment_stays_text_in_html_and_markdown():
    view = _commented()
    hostile = _comment(9, "<script>alert(1)</script> | **bold**")
    view = view.model_copy(update={"comments": [hostile]})
    report = build_report(view, Language.EN, today=DAY)
    html = render_html(report)
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    markdown = render_markdown(report)
    # the tag, the pipe and the stars are escaped: one cell of plain text
    row = r"| The whole workshop | \<script>alert(1)\</script> \| \*\*bold\*\* |"
    assert row in markdown.splitlines()


def test_the_course_pdf_has_each_participants_comments_under_their_name():
    room = [_commented("Anna", 1), _commented("Boris", 2)]
    report = course_report(room, Language.EN, title="Spring", today=DAY)
    titles = [s.title for s in report.sections if s.key.startswith("comments-")]
    assert titles == ["Anna: Trainer's comments", "Boris: Trainer's comments"]
    text = _pdf_text(course_pdf(room, Language.EN, title="Spring", today=DAY))
    assert "Anna: Trainer's comments" in text and "Ask them what they miss" in text


def test_the_course_zip_has_the_comments_in_each_participants_pdf():
    data = course_zip([_commented("Anna", 1)], Language.RU)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        text = _pdf_text(archive.read("001-Anna.pdf"))
    assert "Комментарии тренера" in text and "Which channel brings the regulars?" in text
