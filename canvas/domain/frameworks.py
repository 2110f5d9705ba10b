"""The course frameworks' answers for one workshop, as read in one go with the workshop."""

from pydantic import BaseModel, ConfigDict, Field

from canvas.domain.loyalty_check import CheckKind, LoyaltyRatingInput
from canvas.domain.shura import Audience, ShuraCellInput, ShuraRisk, ShuraRiskInput, ShuraStage
from canvas.domain.twelve_rules import ClevelandRule, RuleScoreInput


class StoredShuraCell(ShuraCellInput):
    stage: ShuraStage
    audience: Audience
    version: int = 1


class StoredShuraRisk(ShuraRiskInput):
    risk: ShuraRisk
    version: int = 1


class StoredRuleScore(RuleScoreInput):
    rule: ClevelandRule
    version: int = 1


class StoredLoyaltyRating(LoyaltyRatingInput):
    """``segment_id`` is ``None`` for an answer about all customers."""

    segment_id: int | None = None
    kind: CheckKind
    key: str
    version: int = 1


class FrameworkAnswers(BaseModel):
    """SHURA cells and risks, the twelve rules' scores and the loyalty check's ratings.

    Lookups return an empty input and version 0 for anything not answered yet; saving
    with version 0 creates the answer.
    """

    model_config = ConfigDict(frozen=True)

    shura_cells: list[StoredShuraCell] = Field(default_factory=list)
    shura_risks: list[StoredShuraRisk] = Field(default_factory=list)
    rule_scores: list[StoredRuleScore] = Field(default_factory=list)
    loyalty: list[StoredLoyaltyRating] = Field(default_factory=list)

    def cell(self, stage: ShuraStage, audience: Audience) -> tuple[ShuraCellInput, int]:
        for cell in self.shura_cells:
            if cell.stage is stage and cell.audience is audience:
                return cell, cell.version
        return ShuraCellInput(), 0

    def risk(self, risk: ShuraRisk) -> tuple[ShuraRiskInput, int]:
        for stored in self.shura_risks:
            if stored.risk is risk:
                return stored, stored.version
        return ShuraRiskInput(), 0

    def rule(self, rule: ClevelandRule) -> tuple[RuleScoreInput, int]:
        for stored in self.rule_scores:
            if stored.rule is rule:
                return stored, stored.version
        return RuleScoreInput(), 0

    def rating(
        self, segment_id: int | None, kind: CheckKind, key: str
    ) -> tuple[LoyaltyRatingInput, int]:
        for stored in self.loyalty:
            if stored.segment_id == segment_id and stored.kind is kind and stored.key == key:
                return stored, stored.version
        return LoyaltyRatingInput(), 0
