"""Take a screenshot of one projected slide of the demo's deck for the README.

Starts ``streamlit run app.py`` on a throwaway SQLite database (no workshop open, so the
deck shows the demo), opens ``/present?slide=…`` at 1920×1080 as a projector would show
it, and saves a PNG (default ``docs/deck.png``), made smaller with Pillow so it stays
under 300 KB. Uses Debian's Chromium at /usr/bin/chromium.

    .venv/bin/python scripts/deck_screenshot.py [--lang en|ru] [--slide nps] [--output …]
"""

from __future__ import annotations

import argparse
import io
from pathlib import Path

from screenshot import TIMEOUT_MS, app_page  # the same app and browser start-up

ROOT = Path(__file__).resolve().parents[1]
WIDTH, HEIGHT = 1920, 1080
SHOWN_WIDTH = 1280  # the picture in the README; the slide itself is measured at 1920
MAX_BYTES = 300_000


def take(output: Path, lang: str, slide: str) -> Path:
    from PIL import Image

    output.parent.mkdir(parents=True, exist_ok=True)
    with app_page(lang, WIDTH, HEIGHT) as (page, url, support):
        page.goto(f"{url}/present?lang={lang}&slide={slide}")
        support.wait_for_run(page, timeout_ms=TIMEOUT_MS)
        page.wait_for_timeout(1_000)  # let Plotly finish laying out the text
        png = page.screenshot()
    image = Image.open(io.BytesIO(png)).convert("RGB")
    image = image.resize((SHOWN_WIDTH, SHOWN_WIDTH * HEIGHT // WIDTH), Image.Resampling.LANCZOS)
    image = image.quantize(colors=128, method=Image.Quantize.MEDIANCUT)
    image.save(output, optimize=True)
    if output.stat().st_size > MAX_BYTES:
        raise SystemExit(f"{output} is {output.stat().st_size} bytes, over {MAX_BYTES}")
    return output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("en", "ru"), default="en")
    parser.add_argument("--slide", default="nps")
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "deck.png")
    args = parser.parse_args()
    print(take(args.output, args.lang, args.slide))


if __name__ == "__main__":
    main()
