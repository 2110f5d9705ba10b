"""The prepared demo workshops: a finished coffee-roastery canvas in each language.

A trainer loads one in a click to show the room what a completed workshop looks like:
four segments with all figures, all six relationship types in use, gaps between what
segments expect and what the company has built, and notes on the other canvas blocks.
The files live in ``data/demo/<lang>.json`` and validate as a ``WorkshopDocument``;
each course framework adds its demo answers in ``data/demo/<lang>.<framework>.json``,
a JSON object with the document keys it fills (``shura_cells``, ``twelve_rules``, …).
Both languages tell the same business: every count, rate, rating and note in the same
place; the English file's money is the Russian one at 100 ₽ a dollar, so every ratio and
every piece of advice is the same too.
"""

import json
from functools import cache

from canvas.domain.document import WorkshopDocument
from canvas.domain.vocabulary import Language
from canvas.paths import data_dir


def load_demo(lang: Language | str) -> WorkshopDocument:
    """The demo workshop written in ``lang``, read and validated once per process.

    Raises ``ValueError`` for a language the app does not speak. The document is shared
    between callers, so treat it as read-only.
    """
    return _load(Language(lang))


@cache
def _load(lang: Language) -> WorkshopDocument:
    folder = data_dir() / "demo"
    document = json.loads((folder / f"{lang.value}.json").read_text(encoding="utf-8"))
    for part in sorted(folder.glob(f"{lang.value}.*.json")):
        extra = json.loads(part.read_text(encoding="utf-8"))
        if clash := document.keys() & extra.keys():
            raise ValueError(f"{part.name} fills keys the demo already has: {sorted(clash)}")
        document.update(extra)
    return WorkshopDocument.model_validate(document)
