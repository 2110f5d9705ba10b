"""The sources in the reader's language: one entry per framework with its references."""

from dataclasses import dataclass

from canvas.content.sources import sources
from canvas.domain.vocabulary import Language


@dataclass(frozen=True)
class SourceLines:
    """A framework's name and its references, as the Sources page and the exports show them."""

    key: str
    framework: str
    references: list[str]


def source_lines(lang: Language | str) -> list[SourceLines]:
    """Every framework with its references, in the order the workshop meets them."""
    return [
        SourceLines(
            key=entry.key.value,
            framework=entry.name(lang),
            references=[reference(lang) for reference in entry.references],
        )
        for entry in sources().frameworks
    ]


def sources_intro(lang: Language | str) -> str:
    return sources().intro(lang)
