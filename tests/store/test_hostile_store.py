"""Hostile text in the store, on SQLite and PostgreSQL: every corpus text (emoji and other
four-byte characters, right-to-left, zero-width, SQL-looking, at each field's limit) comes
back exactly as saved, and no control character in a survey file reaches the database."""

import pytest

from canvas.domain import WorkshopInput
from canvas.importers.nps_answers import answer_rows
from canvas.importers.nps_file import SurveyFileRefused, parse_responses, read_table
from canvas.importers.survey_columns import suggest_mapping
from canvas.store import nps, reads, workshops
from canvas.store.db import reading, transaction
from tests.hostile_text import CORPUS, document


def test_every_corpus_text_comes_back_as_it_was_saved(engine):
    for i, key in enumerate(CORPUS):
        saved = document(key, ("ru", "en")[i % 2])
        with transaction(engine) as session:
            workshop = workshops.create_from_document(session, document=saved).id
        with reading(engine) as session:
            assert reads.load_document(session, workshop_id=workshop) == saved, key


def test_control_characters_in_a_survey_file_never_reach_the_database(engine):
    with pytest.raises(SurveyFileRefused):  # a NUL byte: not a text file at all
        read_table(b"score;why\n7;cold\x00coffee\n", "en")
    with transaction(engine) as session:
        workshop = workshops.create_workshop(session, data=WorkshopInput(title="Shop")).id
    table = read_table("score;why\n7;cold\x1b[0m\x85coffee\x7f!\n".encode(), "en")
    parsed = parse_responses(table, suggest_mapping(table.headers), "en")
    with transaction(engine) as session:
        nps.add_responses(session, workshop_id=workshop, responses=answer_rows(parsed.good, {}))
    with reading(engine) as session:
        [answer] = nps.load_survey(session, workshop_id=workshop).comments
    assert answer.why == "cold [0m coffee !"
