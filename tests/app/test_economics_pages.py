"""The gross margin on the Segments page, the LTV note on the Analysis page and question 4's
mark on the Relationships page, with every expected word from the catalogue."""

from canvas.domain import RelationshipInput, RelationshipType
from canvas.store import relationships as relationship_store
from canvas.store.db import make_engine, transaction
from tests.app.driver import (
    add_segment,
    add_workshop,
    assert_ok,
    load,
    run_app,
    say,
    shown,
    type_name,
    widget,
)

ADD = "add_segment"


def _add(at, lang: str, name: str, margin: float) -> None:
    widget(at.text_input, say(lang, "field.name"), form=ADD).set_value(name)
    widget(at.text_input, say(lang, "field.gross_margin"), form=ADD).set_value(str(margin))
    widget(at.button, say(lang, "segments.add_button"), form=ADD).click()
    assert_ok(at.run())


def test_a_gross_margin_typed_in_is_saved_and_one_over_100_is_refused(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    at = run_app(lang, workshop, page="segments")

    _add(at, lang, "Offices", 40.0)
    assert [view.segment.gross_margin for view in load(db, workshop).segments] == [40.0]

    _add(at, lang, "Cafés", 120.0)
    expected = f"{say(lang, 'field.gross_margin')}: " + say(
        lang, "invalid.less_than_equal", le="100"
    )
    [box] = shown(at.error)
    assert box.endswith(expected)
    assert [view.segment.name for view in load(db, workshop).segments] == ["Offices"]


def test_the_analysis_says_which_segments_ltv_uses_revenue(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    figures = {"customers": 10, "revenue_per_customer": 1000, "retention_rate": 80}
    add_segment(db, workshop, "Offices", gross_margin=40, **figures)
    add_segment(db, workshop, "Cafés", **figures)
    at = assert_ok(run_app(lang, workshop, page="analysis"))

    names = say(lang, "economics.quoted", name="Cafés")
    assert say(lang, "economics.revenue_basis", names=names) in shown(at.caption)


def test_question_4_names_the_types_in_use_that_lack_a_tie(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    segment = add_segment(db, workshop, "Offices")
    engine = make_engine(db)
    try:
        with transaction(engine) as session:
            answers = {
                RelationshipType.SELF_SERVICE: (RelationshipInput(expected=1, established=1), 1),
                RelationshipType.COMMUNITIES: (RelationshipInput(expected=2, established=2), 1),
            }
            relationship_store.save_relationships(session, segment_id=segment, answers=answers)
    finally:
        engine.dispose()
    at = assert_ok(run_app(lang, workshop, page="relationships"))

    types = ", ".join(type_name(kind, lang) for kind in ("self_service", "communities"))
    assert say(lang, "economics.progress.unlinked", types=types) in shown(at.caption)
