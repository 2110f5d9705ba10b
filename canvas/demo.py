"""The prepared demo workshops: a finished coffee-roastery canvas in each language.

A trainer loads one in a click to show the room what a completed workshop looks like:
four segments with all figures, all six relationship types in use, gaps between what
segments expect and what the company has built, and notes on the other canvas blocks.
The files live in ``data/demo/<lang>.json`` and validate as a ``WorkshopDocument``.
"""

from functools import cache

from canvas.content.catalogue import data_dir
from canvas.domain.document import WorkshopDocument
from canvas.domain.vocabulary import Language


def load_demo(lang: Language | str) -> WorkshopDocument:
    """The demo workshop written in ``lang``, read and validated once per process.

    Raises ``ValueError`` for a language the app does not speak. The document is shared
    between callers, so treat it as read-only.
    """
    return _load(Language(lang))


@cache
def _load(lang: Language) -> WorkshopDocument:
    path = data_dir() / "demo" / f"{lang.value}.json"
    return WorkshopDocument.model_validate_json(path.read_text(encoding="utf-8"))
