"""A relationship: how one segment and the company meet through one of the six types."""

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_serializer, field_validator

from canvas.domain.fields import Money, NoteText
from canvas.domain.vocabulary import (
    LEVEL_MAX,
    LEVEL_MIN,
    IntegrationBlock,
    Motive,
    RelationshipType,
)

Level = Annotated[int, Field(ge=LEVEL_MIN, le=LEVEL_MAX)]
"""0 = not at all, 1 = a little, 2 = clearly, 3 = strongly."""


class RelationshipInput(BaseModel):
    """The answers for one segment × type: the four guiding questions in one record."""

    model_config = ConfigDict(frozen=True)

    expected: Level = 0
    established: Level = 0
    motives: frozenset[Motive] = frozenset()
    yearly_cost: Money | None = None
    integration: dict[IntegrationBlock, NoteText] = Field(default_factory=dict)

    @field_validator("integration")
    @classmethod
    def _drop_empty_notes(cls, value: dict[IntegrationBlock, str]) -> dict[IntegrationBlock, str]:
        # An empty note is no answer; keep the stored form canonical.
        return {block: text for block, text in value.items() if text}

    @field_serializer("motives")
    def _motives_in_order(self, value: frozenset[Motive]) -> list[Motive]:
        # A set has no order of its own (it depends on the hash seed); exports must.
        return [motive for motive in Motive if motive in value]

    @field_serializer("integration")
    def _ties_in_order(self, value: dict[IntegrationBlock, str]) -> dict[IntegrationBlock, str]:
        return {block: value[block] for block in IntegrationBlock if block in value}

    @property
    def gap(self) -> int:
        """Expected minus established: above zero under-served, below zero over-served."""
        return self.expected - self.established

    @property
    def in_use(self) -> bool:
        """A type counts as in use once the company has established it at all."""
        return self.established > 0

    @property
    def touched(self) -> bool:
        """Whether anything at all was said about this type."""
        return bool(
            self.expected
            or self.established
            or self.motives
            or self.yearly_cost is not None
            or self.integration
        )


class Relationship(RelationshipInput):
    """A stored answer for one segment × type."""

    id: int
    segment_id: int
    type: RelationshipType
    version: int = 1
    created_at: datetime
    updated_at: datetime
