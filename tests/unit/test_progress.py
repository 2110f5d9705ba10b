"""Which of the four guiding questions count as answered."""

from decimal import Decimal

from canvas.domain import GuidingQuestion, IntegrationBlock, RelationshipInput
from canvas.domain.progress import answered_questions

EMPTY = RelationshipInput()


def test_nothing_said_answers_nothing():
    assert not any(answered_questions([EMPTY] * 6).values())
    assert sum(answered_questions([EMPTY] * 6).values()) == 0


def test_an_expectation_alone_answers_only_the_first_question():
    done = answered_questions([RelationshipInput(expected=2), *[EMPTY] * 5])
    assert done == {
        GuidingQuestion.EXPECTED: True,
        GuidingQuestion.ESTABLISHED: False,
        GuidingQuestion.COST: False,
        GuidingQuestion.INTEGRATION: False,
    }


def test_a_zero_cost_is_an_answer_but_a_missing_one_is_not():
    paid = RelationshipInput(established=1, yearly_cost=Decimal(0))
    unpaid = RelationshipInput(established=1)
    assert answered_questions([paid, EMPTY])[GuidingQuestion.COST] is True
    assert answered_questions([paid, unpaid])[GuidingQuestion.COST] is False


def test_every_type_in_use_needs_a_tie_for_question_four():
    tied = RelationshipInput(established=2, integration={IntegrationBlock.CHANNELS: "web shop"})
    loose = RelationshipInput(established=1)
    assert answered_questions([tied])[GuidingQuestion.INTEGRATION] is True
    assert answered_questions([tied, loose])[GuidingQuestion.INTEGRATION] is False
    # expected, established and the tie: 3 of 4 answered
    assert sum(answered_questions([tied, RelationshipInput(expected=1)]).values()) == 3
