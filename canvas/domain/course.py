"""Courses: a trainer's group, the code participants join with, and the trainer's comments.

A participant who enters the join code and a display name gets a workshop of their
own, reachable only through its unguessable access token. The trainer sees the whole
course as a gallery, with each participant's progress through the four questions, and
leaves comments on a canvas block or a segment that the participant reads.
"""

import secrets
from collections.abc import Sequence
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from canvas.domain.fields import Name, NoteText, is_blank, name_key
from canvas.domain.vocabulary import CanvasBlock, GuidingQuestion, Language

# No 0/O, 1/I/L: a code read aloud or copied from a projector must not be misread.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6  # 31^6 ≈ 890 million codes: guessing one is hopeless at the login's pace


def _normalise_code(value: object) -> object:
    # People type codes with spaces, dashes and in lower case.
    if isinstance(value, str):
        return "".join(ch for ch in value.upper() if ch.isalnum())
    return value


JoinCode = Annotated[
    str,
    BeforeValidator(_normalise_code),
    Field(pattern=rf"^[{CODE_ALPHABET}]{{{CODE_LENGTH}}}$"),
]
"""A course's join code: six letters and digits, typed in any case, spaces ignored."""


def new_join_code() -> str:
    """A fresh random join code (the store retries on the rare clash)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class CourseInput(BaseModel):
    """What a trainer types to open a course."""

    model_config = ConfigDict(frozen=True)

    title: Name
    language: Language = Language.RU


class Course(CourseInput):
    id: int
    join_code: str
    closed: bool = False  # the code admits nobody new; participants who joined keep working
    frozen: bool = False  # every participant's workshop is read-only until unfrozen
    version: int = 1
    created_at: datetime
    updated_at: datetime


class JoinRequest(BaseModel):
    """A participant's way in: the course's code and the name the trainer will see."""

    model_config = ConfigDict(frozen=True)

    code: JoinCode
    display_name: Name

    @property
    def name_key(self) -> str:
        """The name as the course compares it: no two participants share this key."""
        return name_key(self.display_name)


class ParticipantRename(BaseModel):
    """The trainer renames a participant they saw at ``expected_version`` of the workshop."""

    model_config = ConfigDict(frozen=True)

    new_name: Name
    expected_version: int

    @property
    def name_key(self) -> str:
        return name_key(self.new_name)


def renamed_title(title: str, old_name: str, new_name: str) -> str:
    """A participant's workshop title after a rename: it follows the name only while it was
    the name (as joining sets it); a title the participant chose stays theirs."""
    return new_name if title == old_name else title


class CommentInput(BaseModel):
    """A trainer's comment on a canvas block, on a segment, or on the whole workshop."""

    model_config = ConfigDict(frozen=True)

    text: NoteText
    block: CanvasBlock | None = None
    segment_id: int | None = None

    @model_validator(mode="after")
    def _says_something(self) -> "CommentInput":
        if is_blank(self.text):
            raise PydanticCustomError("blank", "must not be empty")
        if self.block is not None and self.segment_id is not None:
            raise PydanticCustomError("comment_target", "a comment is on a block or a segment")
        return self


class TrainerComment(CommentInput):
    id: int
    workshop_id: int
    created_at: datetime
    read_at: datetime | None = None  # when the participant opened it; None while unread

    @property
    def unread(self) -> bool:
        return self.read_at is None


def unread(comments: Sequence[TrainerComment]) -> int:
    """How many of the trainer's comments the participant has not opened yet."""
    return sum(1 for comment in comments if comment.unread)


class GalleryEntry(BaseModel):
    """One participant's workshop as the trainer's gallery shows it."""

    model_config = ConfigDict(frozen=True)

    workshop_id: int
    participant: str
    title: str
    segments: int
    # Per guiding question, how many segments have answered it.
    answered: dict[GuidingQuestion, int]
    comments: int
    updated_at: datetime
    version: int = 1  # the workshop's, for the trainer's rename to be refused when stale

    @property
    def progress(self) -> float:
        """Share of the four questions answered over all segments, 0.0 to 1.0."""
        if not self.segments:
            return 0.0
        return sum(self.answered.values()) / (len(GuidingQuestion) * self.segments)
