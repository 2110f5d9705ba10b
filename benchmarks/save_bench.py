"""SQL statements and time for a save on each page, through AppTest.

A save is what a user does most on the page: submit its main form once, changing one text
so the save is a real write (``SAVES`` times, each with a new text). Counted is every SQL
statement of that run: the write itself, in one transaction, and the re-read of the
workshop that the rerun after a save needs. The analysis page has nothing to save.
"""

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

SAVES = 5


@dataclass(frozen=True)
class SaveAction:
    """Type ``text`` (numbered per save) into the field ``field`` (if any) and press
    ``button``; both are i18n keys."""

    button: str
    field: str | None = None
    widget: str = "text_area"
    choice: tuple[str, str, Any] | None = None  # (widget kind, label key, value) to set


ACTIONS: dict[str, SaveAction] = {
    "workshops": SaveAction("workshops.rename"),  # the open workshop, renamed as shown
    "segments": SaveAction("segments.save", "field.description"),
    "relationships": SaveAction("relationships.save"),
    "canvas": SaveAction("canvas.add_button", "field.text"),
    "summary": SaveAction("summary.snapshot_save", "summary.snapshot_name", "text_input"),
    "shura": SaveAction("shura.save", "field.practice"),
    "twelve_rules": SaveAction("rules.save", "field.note"),
    "loyalty_check": SaveAction("loyalty_check.save", "field.evidence"),
    "nps": SaveAction("nps.typed.save", "nps.typed.why", choice=("radio", "nps.typed.score", 9)),
    "touchpoints": SaveAction("touchpoints.save", "field.idea"),
}


def _first(widgets: Any, label: str) -> Any:
    for widget in widgets:
        if widget.label == label:
            return widget
    raise LookupError(label)


def measure_saves(
    open_page: Callable[[str], Any], counter: Callable[[], int], reset: Callable[[], None]
) -> dict[str, dict[str, float | int]]:
    """Per page: the median save time (ms) and the most SQL statements a save sent."""
    from canvas.i18n import t

    results: dict[str, dict[str, float | int]] = {}
    for page, action in ACTIONS.items():
        at = open_page(page)
        times, counts = [], []
        for number in range(SAVES):
            if action.field is not None:
                field = _first(getattr(at, action.widget), t(action.field, "en"))
                field.set_value(f"Benchmark text {number}")
            if action.choice is not None:
                kind, label, value = action.choice
                _first(getattr(at, kind), t(label, "en")).set_value(value)
            _first(at.button, t(action.button, "en")).click()
            reset()
            start = time.perf_counter()
            at.run()
            times.append((time.perf_counter() - start) * 1000)
            counts.append(counter())
            assert not at.exception, (page, at.exception)
            assert not at.error, (page, [e.value for e in at.error])
        results[page] = {
            "median_save_ms": round(statistics.median(times), 1),
            "sql_per_save": max(counts),
        }
    return results
