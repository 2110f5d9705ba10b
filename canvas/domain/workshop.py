"""The workshop: one company's pass through the Customer Relationships block."""

from datetime import datetime

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
