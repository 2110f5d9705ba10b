"""JSON export and import: a whole workshop as one document with a schema version.

Import is strict and explains itself: a file that is too big, not JSON, of another
schema version, or whose content breaks any rule is refused with the problems listed
(field path and reason, in the user's language) and nothing is written.
"""

import json
from typing import Any

from pydantic import ValidationError

from canvas.domain import Language, WorkshopDocument, WorkshopView, to_document
from canvas.domain.document import READABLE_VERSIONS, upgraded
from canvas.i18n import describe_validation, number, t

MAX_MB = 50  # room for a workshop with a survey of a hundred thousand commented answers
MAX_BYTES = MAX_MB * 1024 * 1024


class ImportRefused(Exception):
    """The file was not imported; ``problems`` says why, one sentence each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def export_json(source: WorkshopView | WorkshopDocument) -> str:
    """The workshop as indented JSON, without ids or timestamps.

    Pass the document from ``canvas.store.reads.load_document`` to include the NPS survey's
    single answers; a workshop view carries the survey as counts only.
    """
    document = source if isinstance(source, WorkshopDocument) else to_document(source)
    return document.model_dump_json(indent=2)


def _reject_constant(name: str) -> Any:
    # JSON has no NaN or Infinity; Python's parser accepts them unless told otherwise.
    raise ValueError(f"{name} is not allowed in JSON")


def parse_json(raw: bytes, lang: Language | str) -> WorkshopDocument:
    """Read an exported workshop, or raise ``ImportRefused`` naming every problem."""
    lang = Language(lang)
    if len(raw) > MAX_BYTES:
        size = number(len(raw) / 1024 / 1024, lang, 1)
        raise ImportRefused([t("import.too_big", lang, size=size, limit=str(MAX_MB))])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportRefused([t("import.not_utf8", lang)]) from error
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        where = t("import.where", lang, line=error.lineno, column=error.colno)
        raise ImportRefused([t("import.not_json", lang) + " " + where]) from error
    except (ValueError, RecursionError) as error:
        raise ImportRefused([t("import.not_json", lang)]) from error
    if not isinstance(data, dict):
        raise ImportRefused([t("import.not_object", lang)])
    version = data.get("schema_version")
    if version not in READABLE_VERSIONS or isinstance(version, bool):
        raise ImportRefused(
            [
                t(
                    "import.wrong_version",
                    lang,
                    found=json.dumps(version),
                    expected=", ".join(map(str, READABLE_VERSIONS)),
                )
            ]
        )
    # An older file is read as the current version: what it lacks stays empty, and its
    # loyalty check answers move to the elements and stages they covered.
    data = upgraded(data)
    try:
        return WorkshopDocument.model_validate(data)
    except ValidationError as error:
        problems = describe_validation(error, lang, with_path=True)
        shown = problems[:20]
        if len(problems) > len(shown):
            shown.append(t("import.more_problems", lang, n=len(problems) - len(shown)))
        raise ImportRefused(shown) from error
