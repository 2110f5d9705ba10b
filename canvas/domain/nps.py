"""The Net Promoter Score and its confidence interval.

NPS is Fred Reichheld's loyalty index (Bain & Company); Igor Mann made it known in Russia.

Customers answer "how likely are you to recommend us" from 0 to 10: 9–10 are
promoters, 7–8 passives, 0–6 detractors. NPS = % promoters − % detractors, from −100
to 100. The 95 % interval is the adjusted-Wald one (Rocks 2016): add 3/4 to the
promoters and to the detractors and 3 to n, then use the variance of the difference of
the two proportions. Under 30 answers the interval is wide, and the app says so.
"""

from collections import Counter
from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from math import sqrt
from statistics import NormalDist
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from canvas.domain.fields import AnswerText

Score = Annotated[int, Field(ge=0, le=10)]
"""An answer to "how likely are you to recommend us", 0 to 10."""

FEW_ANSWERS = 30
MAX_COUNT = 1_000_000_000  # answers in one typed-in count: far beyond any survey
# Published NPS figures the course quotes as reference lines; USAA is a US bank.
BENCHMARKS: dict[str, int] = {"Apple": 73, "USAA": 87}


class NpsCategory(StrEnum):
    DETRACTOR = "detractor"  # 0–6: critics, won't recommend
    PASSIVE = "passive"  # 7–8: neutrals, recommend 50 / 50
    PROMOTER = "promoter"  # 9–10: fans, always recommend


def categorize(score: int) -> NpsCategory:
    """The category of one answer."""
    if not 0 <= score <= 10:
        raise ValueError(f"an NPS answer is 0 to 10, not {score}")
    if score >= 9:
        return NpsCategory.PROMOTER
    return NpsCategory.PASSIVE if score >= 7 else NpsCategory.DETRACTOR


class NpsCounts(BaseModel):
    """How many promoters, passives and detractors a survey found."""

    model_config = ConfigDict(frozen=True)

    promoters: int = Field(default=0, ge=0, le=MAX_COUNT)
    passives: int = Field(default=0, ge=0, le=MAX_COUNT)
    detractors: int = Field(default=0, ge=0, le=MAX_COUNT)

    @classmethod
    def from_scores(cls, scores: Iterable[int]) -> "NpsCounts":
        counted = Counter(categorize(score) for score in scores)
        return cls(
            promoters=counted[NpsCategory.PROMOTER],
            passives=counted[NpsCategory.PASSIVE],
            detractors=counted[NpsCategory.DETRACTOR],
        )

    def __add__(self, other: "NpsCounts") -> "NpsCounts":
        # A total may pass the limit on one typed-in count; it is a sum, not an input.
        return NpsCounts.model_construct(
            promoters=self.promoters + other.promoters,
            passives=self.passives + other.passives,
            detractors=self.detractors + other.detractors,
        )

    @property
    def n(self) -> int:
        return self.promoters + self.passives + self.detractors

    @property
    def wide(self) -> bool:
        """Fewer than 30 answers: the interval is too wide to compare surveys."""
        return self.n < FEW_ANSWERS

    def score(self) -> float | None:
        """% promoters − % detractors, from −100 to 100; ``None`` without answers."""
        if not self.n:
            return None
        return 100 * (self.promoters - self.detractors) / self.n

    def interval(self, confidence: float = 0.95) -> tuple[float, float] | None:
        """The adjusted-Wald interval, in NPS points and clipped to −100…100."""
        if not self.n:
            return None
        n = self.n + 3
        promoters = (self.promoters + 0.75) / n
        detractors = (self.detractors + 0.75) / n
        centre = promoters - detractors
        spread = sqrt((promoters + detractors - centre**2) / n)
        z = NormalDist().inv_cdf(0.5 + confidence / 2)
        low, high = centre - z * spread, centre + z * spread
        return max(-100.0, 100 * low), min(100.0, 100 * high)


def distribution(scores: Iterable[int]) -> list[int]:
    """How many answers gave each score, 0 to 10."""
    counted = Counter(scores)
    return [counted[score] for score in range(11)]


class NpsResponseInput(BaseModel):
    """One survey answer: the score, why, what would make it a 10, whose and when."""

    model_config = ConfigDict(frozen=True)

    score: Score
    why: AnswerText = ""
    make_it_ten: AnswerText = ""
    segment_id: int | None = None
    answered_on: date | None = None


class NpsComment(BaseModel):
    """A stored answer that says something beyond its score."""

    model_config = ConfigDict(frozen=True)

    score: Score
    why: str = ""
    make_it_ten: str = ""
    segment_id: int | None = None
    answered_on: date | None = None

    @property
    def category(self) -> NpsCategory:
        return categorize(self.score)


COMMENTS_KEPT = 20  # per category, the newest: what a page or a report has room for


class NpsSurvey(BaseModel):
    """A workshop's survey as counts: score distributions per segment and per month.

    ``by_segment`` maps a segment id (``None`` for answers without one) to how many
    answers gave each score 0–10; ``by_month`` does the same for "YYYY-MM" months of
    dated answers; ``typed`` holds counts entered directly, per segment.
    """

    model_config = ConfigDict(frozen=True)

    by_segment: dict[int | None, list[int]] = Field(default_factory=dict)
    by_month: dict[str, list[int]] = Field(default_factory=dict)
    typed: dict[int | None, NpsCounts] = Field(default_factory=dict)
    typed_versions: dict[int | None, int] = Field(default_factory=dict)
    comments: list[NpsComment] = Field(default_factory=list)
    comment_totals: dict[NpsCategory, int] = Field(default_factory=dict)

    @property
    def answered(self) -> int:
        """How many single answers are stored (typed-in counts aside)."""
        return sum(sum(dist) for dist in self.by_segment.values())

    def typed_version(self, segment_id: int | None) -> int:
        """The version to save typed-in counts with: 0 creates them."""
        return self.typed_versions.get(segment_id, 0)

    def comments_in(self, category: NpsCategory) -> list[NpsComment]:
        """The kept answers with text of one category, newest first."""
        return [c for c in self.comments if c.category is category]

    def counts(self, segment_id: int | None = None, *, overall: bool = False) -> NpsCounts:
        """Counts for one segment (or, with ``overall``, for everyone), answers and typed."""
        keys = list(self.by_segment) if overall else [segment_id]
        total = sum(
            (_from_distribution(self.by_segment.get(k, [])) for k in keys), start=NpsCounts()
        )
        typed = list(self.typed) if overall else [segment_id]
        return sum((self.typed.get(k, NpsCounts()) for k in typed), start=total)

    def month_counts(self) -> dict[str, NpsCounts]:
        return {month: _from_distribution(dist) for month, dist in sorted(self.by_month.items())}


def _from_distribution(dist: list[int]) -> NpsCounts:
    return NpsCounts.model_construct(
        detractors=sum(dist[:7]), passives=sum(dist[7:9]), promoters=sum(dist[9:11])
    )
