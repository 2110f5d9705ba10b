"""The blank worksheet: the practical task on paper, for a room without laptops.

One A4 landscape form per segment (named when a workshop is open, else a few blank
copies): the four questions over the six types, with boxes to tick for the levels 0–3 of
questions 1 and 2 and for the motives, and lines to write the cost and the ties on. Then
the canvas on an A3 landscape page: the nine blocks, empty, and the four questions under
them. The texts come from the catalogue and the UI strings, in the language asked for.
"""

from collections.abc import Sequence
from datetime import UTC, datetime

from canvas.content.catalogue import catalogue
from canvas.domain import CanvasBlock, IntegrationBlock, Language, RelationshipType
from canvas.domain.vocabulary import LEVEL_MAX, LEVEL_MIN
from canvas.export.blocks import Canvas
from canvas.export.pdf.canvas_drawing import CanvasDrawing
from canvas.export.pdf.fonts import FAMILY, clean, font_files
from canvas.export.pdf.look import ACCENT, HEAD, INK, LINE, MUTED, RULE, baseline, line_height
from canvas.export.pdf.theory import numbered_questions
from canvas.i18n import t

BLANK_COPIES = 3  # forms without a workshop: enough for three segments
FORM_MARGIN = 12.0
BOX = 4.2  # a tick box's side, mm
# Columns of the form, relative widths: type, question 1, question 2, three motives,
# question 3 (cost), question 4 (ties).
COLUMNS = [44.0, 30.0, 30.0, 22.0, 22.0, 22.0, 30.0, 73.0]
HEAD_PT = 7.8
STYLES = ("", "B", "I")


class Worksheet(CanvasDrawing):
    """The forms and the blank canvas, drawn in ``lang``."""

    def __init__(self, lang: Language) -> None:
        super().__init__()
        self.lang = lang
        # No total-pages alias: a "{nb}" typed into a segment name stays text.
        self.str_alias_nb_pages = ""
        self.c_margin = 0
        self.set_margins(FORM_MARGIN, FORM_MARGIN, FORM_MARGIN)
        self.set_auto_page_break(False, FORM_MARGIN)
        # Only the styles the sheet uses: fpdf2 embeds every font added.
        for style, path in font_files().items():
            if style in STYLES:
                self.add_font(FAMILY, style, path)
        self.set_lang(lang.value)
        self.set_title(clean(t("handout.worksheet.title", lang)))
        self.set_creator("cr-canvas")
        self.set_creation_date(datetime.now(UTC))

    # -------------------------------------------------------------- small pieces

    def line_text(self, x: float, y: float, text: str, style: str, size: float) -> float:
        """One line of ``text`` at (x, y) (top), cut to the page; returns the line height."""
        self.set_font(FAMILY, style, size)
        height = line_height(size)
        self.text(x, y + baseline(size, height), self.fit(clean(text), self.w - self.r_margin - x))
        return height

    def lines_text(
        self, x: float, y: float, width: float, text: str, style: str, size: float
    ) -> float:
        """``text`` wrapped to ``width`` from (x, y) down, in the current colour; returns
        the height used."""
        run = self.run(clean(text), width, style, size, INK)
        for k, line in enumerate(run.lines):
            self.text(x, y + k * run.line_height + baseline(size, run.line_height), line)
        return run.height

    def box(self, x: float, y: float) -> None:
        self.set_draw_color(*INK)
        self.set_line_width(0.3)
        self.rect(x, y, BOX, BOX, style="D")

    def rules(self, lines: list[tuple[float, float, float]]) -> None:
        """Dashed lines to write on, each ``(x0, x1, y)``; one dash setting for them all
        (fpdf2's ``local_context`` per line was a third of a form's time)."""
        self.set_draw_color(*RULE)
        self.set_line_width(0.2)
        self.set_dash_pattern(dash=0.6, gap=0.8)
        for x0, x1, y in lines:
            self.line(x0, y, x1, y)
        self.set_dash_pattern()

    # -------------------------------------------------------------- the form

    def form(self, segment: str, n: int, total: int, subtitle: str) -> None:
        lang, cat = self.lang, catalogue()
        self.add_page(orientation="L", format="A4")
        x, top = self.l_margin, self.t_margin
        self.set_text_color(*INK)
        self.line_text(x, top, t("handout.worksheet.title", lang), "B", 14)
        self.set_text_color(*MUTED)
        copy = t("handout.worksheet.copy", lang, n=n, total=total)
        self.set_font(FAMILY, "", 8.5)
        width = self.width_of(copy)
        self.text(self.w - self.r_margin - width, top + baseline(8.5, line_height(14)), copy)
        y = top + line_height(14) + 1
        if subtitle:
            y += self.line_text(x, y, subtitle, "", 9)
        self.set_text_color(*INK)
        if segment:
            label = f"{t('field.segment', lang)}: {segment}"
        else:
            label = t("handout.worksheet.blank_segment", lang)
        y += self.lines_text(x, y + 1, self.epw, label, "B", 13) + 3  # a long name wraps
        self.set_fill_color(*ACCENT)
        self.rect(x, y, self.epw, 0.5, style="F")
        y += 2.5
        for question in numbered_questions(lang):
            y += self.lines_text(x, y, self.epw, question, "", 9.5)
        levels = " · ".join(f"{level.value} {level.name(lang)}" for level in cat.levels)
        blocks = ", ".join(cat.block(block).name(lang) for block in IntegrationBlock)
        notes = [
            t("handout.worksheet.levels", lang, levels=levels),
            t("handout.worksheet.motives", lang),
            t("handout.worksheet.ties", lang, blocks=blocks),
        ]
        self.set_text_color(*MUTED)
        y += 1
        for note in notes:
            y += self.lines_text(x, y, self.epw, note, "I", 8.5)
        self.set_text_color(*INK)
        self.grid(y + 2.5)

    def column_heads(self) -> list[str]:
        lang, cat = self.lang, catalogue()
        motives = [motive.name(lang) for motive in cat.motives]
        return [
            t("field.type", lang),
            f"1 · {t('report.expected', lang)} ({LEVEL_MIN}–{LEVEL_MAX})",
            f"2 · {t('report.established', lang)} ({LEVEL_MIN}–{LEVEL_MAX})",
            *motives,
            f"3 · {t('field.yearly_cost', lang)}",
            f"4 · {t('field.integration', lang)}",
        ]

    def grid(self, top: float) -> None:
        cat = catalogue()
        scale = self.epw / sum(COLUMNS)
        widths = [w * scale for w in COLUMNS]
        lefts = [self.l_margin + sum(widths[:i]) for i in range(len(widths))]
        right = self.l_margin + self.epw
        # The head: the motive columns share a label over their own names.
        self.set_font(FAMILY, "B", HEAD_PT)
        head_line = line_height(HEAD_PT, 1.15)
        heads = [
            self.wrap(clean(h), w - 3) for h, w in zip(self.column_heads(), widths, strict=True)
        ]
        motives_label = clean(t("field.motives", self.lang))
        rows_in_head = max(len(h) for h in heads) + 1
        head_height = rows_in_head * head_line + 3
        self.set_fill_color(*HEAD)
        self.rect(self.l_margin, top, self.epw, head_height, style="F")
        self.set_text_color(*INK)
        placed = []
        for index, (lines, left) in enumerate(zip(heads, lefts, strict=True)):
            first = top + head_height - 1.5 - len(lines) * head_line
            for k, text in enumerate(lines):
                placed.append(
                    (left + 1.5, first + k * head_line + baseline(HEAD_PT, head_line), text)
                )
            if index == 3:
                label = self.fit(motives_label, sum(widths[3:6]) - 3)
                placed.append((left + 1.5, top + 1.5 + baseline(HEAD_PT, head_line), label))
        self.draw_texts(placed)
        bottom = self.h - self.b_margin
        row_height = min(26.0, (bottom - top - head_height) / len(RelationshipType))
        y = top + head_height
        self.set_draw_color(*RULE)
        self.set_line_width(0.35)
        self.line(self.l_margin, top, right, top)
        for kind in RelationshipType:
            self.form_row(cat.type(kind).name(self.lang), y, row_height, lefts, widths)
            y += row_height
        # Column rules over the whole grid; the motives share one head.
        self.set_draw_color(*LINE)
        self.set_line_width(0.2)
        for index, left in enumerate([*lefts, right]):
            self.line(left, top + (head_line + 1.5 if index in (4, 5) else 0), left, y)

    def form_row(
        self, name: str, y: float, height: float, lefts: list[float], widths: list[float]
    ) -> None:
        """One type's row: its name, the level boxes, the motive boxes, the lines."""
        self.set_text_color(*INK)
        self.lines_text(lefts[0] + 1.5, y + 2, widths[0] - 3, name, "B", 9.5)
        middle = y + height / 2 - BOX / 2
        self.set_font(FAMILY, "", 8)
        self.set_text_color(*MUTED)
        levels = range(LEVEL_MIN, LEVEL_MAX + 1)
        for column in (1, 2):
            slot = (widths[column] - 3) / len(levels)
            for place, level in enumerate(levels):
                # the level over its box, both centred in the level's share of the cell
                centre = lefts[column] + 1.5 + (place + 0.5) * slot
                self.box(centre - BOX / 2, middle)
                self.text(centre - self.width_of(str(level)) / 2, middle - 1.2, str(level))
        for column in (3, 4, 5):
            self.box(lefts[column] + (widths[column] - BOX) / 2, middle)
        self.rules(
            [
                (
                    lefts[column] + 1.5,
                    lefts[column] + widths[column] - 1.5,
                    y + k * (height - 4) / n,
                )
                for column, n in ((6, 2), (7, 3))  # two lines for the cost, three for the ties
                for k in range(1, n + 1)
            ]
        )
        self.set_draw_color(*LINE)
        self.set_line_width(0.2)
        self.line(self.l_margin, y + height, self.l_margin + self.epw, y + height)
        self.set_text_color(*INK)

    # -------------------------------------------------------------- the canvas

    def blank_canvas(self, title: str) -> None:
        """The canvas on A3, headed with the workshop's ``title`` when there is one."""
        lang, cat = self.lang, catalogue()
        self.add_page(orientation="L", format="A3")
        x, top = self.l_margin, self.t_margin
        height = line_height(18)
        fill_in = clean(t("handout.canvas.fill_in", lang))
        self.set_font(FAMILY, "", 11)
        fill_width = self.width_of(fill_in)
        self.set_text_color(*INK)
        self.text(self.w - self.r_margin - fill_width, top + baseline(18, height), fill_in)
        heading = " · ".join(filter(None, [t("handout.canvas.title", lang), clean(title)]))
        self.set_font(FAMILY, "B", 18)
        self.text(x, top + baseline(18, height), self.fit(heading, self.epw - fill_width - 10))
        questions = numbered_questions(lang)
        half = (self.epw - 8) / 2
        self.set_font(FAMILY, "", 10)
        tall = max(len(self.wrap(clean(q), half)) for q in questions) * line_height(10)
        band = line_height(11) + 2 * tall + line_height(8) + 6
        self.set_y(top + height + 2)
        names = {block: cat.block(block).name(lang) for block in CanvasBlock}
        self.drawing(Canvas(names=names, items={}), reserve=band)
        y = self.y
        y += self.line_text(x, y, t("handout.canvas.questions", lang), "B", 11) + 1
        for index, question in enumerate(questions):
            qx = x + (index % 2) * (half + 8)
            qy = y + (index // 2) * tall
            self.lines_text(qx, qy, half, question, "", 10)
        self.set_text_color(*MUTED)
        self.line_text(x, y + 2 * tall + 2, cat.credit(lang), "", 8)
        self.set_text_color(*INK)


def render_worksheet(
    lang: Language | str,
    segments: Sequence[str] = (),
    *,
    title: str = "",
    copies: int = BLANK_COPIES,
) -> bytes:
    """The worksheet in ``lang``: a form per segment name (``copies`` blank forms when
    there are none), then the blank canvas on A3. ``title`` names the workshop."""
    pdf = Worksheet(Language(lang))
    names = list(segments) or [""] * max(1, copies)
    for n, name in enumerate(names, start=1):
        pdf.form(name, n, len(names), title)
    pdf.blank_canvas(title)
    return bytes(pdf.output())
