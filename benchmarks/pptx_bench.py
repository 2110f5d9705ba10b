"""The teaching deck's PowerPoint file: how long the demo's takes to build.

The 40-segment workshop's file is measured with the other exports (``pptx export``);
this adds the demo, the deck a trainer shows most, from a database of its own so the
pages' workshop list stays as it was.
"""

import statistics
import time

RUNS = 5


def measure_demo_deck(lang: str = "en") -> float:
    """Median milliseconds to build the demo's .pptx in ``lang``."""
    from canvas.content.demo import load_demo
    from canvas.export.pptx import render_pptx
    from canvas.ops.preview import view_of

    view = view_of(load_demo(lang))
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        render_pptx(view, lang)
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 1)
