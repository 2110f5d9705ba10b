"""The workshop: one company's pass through the Customer Relationships block."""

from datetime import datetime
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict, Field

from canvas.domain.fields import CurrencyCode, Name, OptionalName
from canvas.domain.vocabulary import Language

MAX_SEGMENTS = 200

DEFAULT_CURRENCY = {Language.RU: "RUB", Language.EN: "USD"}


class WorkshopInput(BaseModel):
    """What a user types to create or rename a workshop."""

    model_config = ConfigDict(frozen=True)

    title: Name
    company: OptionalName = ""
    language: Language = Language.RU
    currency: CurrencyCode = Field(default="RUB")


class WorkshopState(NamedTuple):
    """Which state of which workshop: what cached reads of a workshop are keyed by.

    The revision alone is not enough: SQLite gives a deleted workshop's number to the next
    one, which starts again at revision 1; its creation time tells the two apart.
    """

    revision: int
    created_at: datetime


class Workshop(WorkshopInput):
    """A stored workshop; ``version`` guards its own fields, ``revision`` any change in it."""

    id: int
    version: int = 1
    revision: int = 1
    access_token: str = ""
    course_id: int | None = None
    participant: str = ""  # the display name a course participant joined with
    created_at: datetime
    updated_at: datetime

    @property
    def state(self) -> WorkshopState:
        return WorkshopState(self.revision, self.created_at)
