"""Which of the four guiding questions a segment has answered."""

from collections.abc import Iterable, Mapping
from typing import NamedTuple

from canvas.domain.relationship import RelationshipInput
from canvas.domain.vocabulary import GuidingQuestion, RelationshipType
from canvas.domain.workshop_view import WorkshopView


class AnswerFacts(NamedTuple):
    """What progress needs to know of one answer; cheap to build from a database row."""

    expected: int
    established: int
    costed: bool  # a yearly cost is given (zero counts)
    integrated: bool  # it names at least one tie to another block


def answered_questions(answers: list[RelationshipInput]) -> dict[GuidingQuestion, bool]:
    """For one segment's six answers, whether each guiding question has an answer."""
    return answered_from(
        AnswerFacts(a.expected, a.established, a.yearly_cost is not None, bool(a.integration))
        for a in answers
    )


def answered_from(facts: Iterable[AnswerFacts]) -> dict[GuidingQuestion, bool]:
    """Whether each guiding question has an answer, from one segment's answers' facts.

    1. expected: the segment expects at least one type;
    2. established: the company has built at least one type (it is in use);
    3. cost: every type in use has a yearly cost (zero counts as an answer);
    4. integration: every type in use says how it ties into another block.
    Questions 3 and 4 need at least one type in use.
    """
    answers = list(facts)
    in_use = [a for a in answers if a.established > 0]
    return {
        GuidingQuestion.EXPECTED: any(a.expected > 0 for a in answers),
        GuidingQuestion.ESTABLISHED: bool(in_use),
        GuidingQuestion.COST: bool(in_use) and all(a.costed for a in in_use),
        GuidingQuestion.INTEGRATION: bool(in_use) and all(a.integrated for a in in_use),
    }


def unlinked_types(
    answers: Mapping[RelationshipType, RelationshipInput],
) -> list[RelationshipType]:
    """The types in use that name no tie to another block yet: what question 4 still lacks,
    in the types' own order."""
    return [
        kind
        for kind in RelationshipType
        if kind in answers and answers[kind].in_use and not answers[kind].integration
    ]


def progress_summary(view: WorkshopView) -> dict[GuidingQuestion, int]:
    """How many segments have answered each of the four questions."""
    counts = dict.fromkeys(GuidingQuestion, 0)
    for segment_view in view.segments:
        done = answered_questions([segment_view.answer(kind) for kind in RelationshipType])
        for question, answered in done.items():
            counts[question] += answered
    return counts
