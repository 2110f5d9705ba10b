"""How long importing an NPS survey file takes: reading, guessing nothing, checking everything.

``measure_nps_import`` builds a realistic semicolon-separated export (scores with decimal
commas, comments with quoted separators, segments, dates in two formats, a bad row every
thousand) and times ``read_table`` + ``parse_responses`` on it. The budget is 5 s for
100,000 responses.
"""

import statistics
import time

RUNS = 3
SEGMENTS = ("B2B", "B2C", "Partners", "Government")


def survey_file(rows: int) -> bytes:
    """A UTF-8 survey export with ``rows`` responses; every thousandth has score 11."""
    lines = ["Оценка;Почему;Что нужно, чтобы поставили 10;Сегмент;Дата"]
    for index in range(rows):
        score = "11" if index % 1000 == 999 else f"{index % 11},0" if index % 3 else str(index % 11)
        why = f'"Ответ {index}; доставка, сервис"' if index % 2 else "Всё хорошо"
        day_of_month = index % 28 + 1
        day = f"{day_of_month:02d}.03.2026" if index % 4 else f"2026-03-{day_of_month:02d} 10:22"
        lines.append(f"{score};{why};Быстрее отвечать;{SEGMENTS[index % 4]};{day}")
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def survey_rows(rows: int) -> list[list[object]]:
    """The same survey as sheet cells: scores as numbers, dates as dates, a bad row per 1,000."""
    from datetime import date

    header = ["Оценка", "Почему", "Что нужно, чтобы поставили 10", "Сегмент", "Дата"]
    cells: list[list[object]] = [list(header)]
    for index in range(rows):
        score = 11 if index % 1000 == 999 else index % 11
        why = f"Ответ {index}; доставка, сервис" if index % 2 else "Всё хорошо"
        day = date(2026, 3, index % 28 + 1)
        cells.append([score, why, "Быстрее отвечать", SEGMENTS[index % 4], day])
    return cells


def measure_workbook_reads(rows: int = 5_000) -> dict[str, float]:
    """Seconds for one ``read_table`` + ``parse_responses`` of an .xlsx and an .ods survey.

    The workbooks are written first (not timed) by the tests' openpyxl and odfpy writers.
    """
    from canvas.importers.nps_file import parse_responses, read_table
    from canvas.importers.survey_columns import suggest_mapping
    from tests import workbooks

    cells = survey_rows(rows)
    seconds = {}
    for kind, write in (("xlsx", workbooks.xlsx), ("ods", workbooks.ods)):
        raw = write({"Ответы": cells})
        start = time.perf_counter()
        table = read_table(raw, "en")
        parsed = parse_responses(table, suggest_mapping(table.headers), "en")
        seconds[kind] = round(time.perf_counter() - start, 2)
        assert len(parsed.good) + parsed.bad_row_count == rows
    return seconds


def measure_nps_import(rows: int = 100_000) -> float:
    """Median seconds over three runs of ``read_table`` + ``parse_responses``."""
    from canvas.importers.nps_file import parse_responses, read_table
    from canvas.importers.survey_columns import suggest_mapping

    raw = survey_file(rows)
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        table = read_table(raw, "en")
        parsed = parse_responses(table, suggest_mapping(table.headers), "en")
        times.append(time.perf_counter() - start)
        assert len(parsed.good) + parsed.bad_row_count == rows
    return statistics.median(times)


if __name__ == "__main__":
    print(f"NPS import of 100,000 responses: {measure_nps_import():.2f} s (budget 5 s)")
    for kind, seconds in measure_workbook_reads().items():
        print(f"NPS import of a 5,000-response .{kind} workbook: {seconds:.2f} s")
