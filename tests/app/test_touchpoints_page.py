"""The touchpoints page: Mann's examples on an empty workshop, adding them in one click,
adding one's own, refusing a bad name, editing, a stale edit, deleting, filtering and the
"fix first" order with revenues worked out by hand."""

import json
from typing import Any

import pytest

from canvas.domain import RelationshipType
from canvas.domain.touchpoint import TouchpointCategory, TouchpointInput, TouchpointRating
from canvas.store import touchpoints as store
from canvas.store.db import make_engine, transaction
from tests.app.driver import (
    DATA,
    add_segment,
    add_workshop,
    alerts,
    assert_ok,
    lead,
    load,
    run_app,
    say,
    shown,
    titles,
    type_name,
    widget,
)

PAGE = "touchpoints"
CONTENT: dict[str, Any] = json.loads(
    (DATA / "frameworks" / "touchpoints.json").read_text(encoding="utf-8")
)
ADD = "add_touchpoint"
BUSINESS, PRODUCT = TouchpointCategory.BUSINESS, TouchpointCategory.PRODUCT
AWFUL, OK, WOW = TouchpointRating
NBSP = "\u00a0"


def category(key: str) -> dict[str, Any]:
    return next(c for c in CONTENT["categories"] if c["key"] == key)


def examples(key: str, lang: str) -> list[str]:
    return [e[lang] for e in category(key)["examples"]]


def category_name(key: str, lang: str) -> str:
    return str(category(key)["name"][lang])


def rating_name(key: str | None, lang: str) -> str:
    if key is None:
        return str(CONTENT["not_rated"][lang])
    return str(next(s for s in CONTENT["scale"] if s["key"] == key)["name"][lang])


def seed(url: str, workshop: int, *items: TouchpointInput) -> list[int]:
    engine = make_engine(url)
    try:
        with transaction(engine) as session:
            return store.add_touchpoints(session, workshop_id=workshop, items=list(items))
    finally:
        engine.dispose()


def change(url: str, touchpoint: int, data: TouchpointInput, version: int) -> None:
    engine = make_engine(url)
    try:
        with transaction(engine) as session:
            store.update_touchpoint(
                session, touchpoint_id=touchpoint, data=data, expected_version=version
            )
    finally:
        engine.dispose()


def pills(at, key: str, lang: str) -> Any:
    """The examples of one category: the pills under its tab."""
    [tab] = [tab for tab in at.tabs if tab.label == category_name(key, lang)]
    [found] = tab.button_group
    return found, tab


def tables(at) -> dict[str, Any]:
    """The inventory and the "fix first" tables, told apart by the latter's # column."""
    found = {}
    for frame in at.dataframe:
        found["fix_first" if "#" in frame.value.columns else "inventory"] = frame.value
    return found


def edit_form(at, touchpoint: int) -> str:
    return f"touchpoint-{touchpoint}-"


# ------------------------------------------------------------------ an empty workshop


def test_an_empty_workshop_shows_the_intro_the_scale_the_advice_and_every_example(shared, lang):
    at = run_app(lang, shared.empty[lang], page=PAGE)

    assert titles(at) == [say(lang, "page.touchpoints")]
    markdown = shown(at.markdown)
    assert CONTENT["intro"][lang] in markdown
    hiring = CONTENT["hiring"]
    assert f"{hiring['title'][lang]}. {hiring['body'][lang]}" in alerts(at)
    assert say(lang, "touchpoints.empty") in alerts(at)
    scale = "\n".join(f"- {s['name'][lang]}: {s['meaning'][lang]}" for s in CONTENT["scale"])
    assert scale in markdown

    assert [tab.label for tab in at.tabs] == [c["name"][lang] for c in CONTENT["categories"]]
    for entry in CONTENT["categories"]:
        group, tab = pills(at, entry["key"], lang)
        assert group.options == examples(entry["key"], lang)
        [button] = tab.button
        assert button.label == say(lang, "touchpoints.add_all", n=len(entry["examples"]))
    assert not at.get("plotly_chart")
    assert not at.dataframe


# ------------------------------------------------------------------ adding


def test_a_whole_category_of_examples_is_added_in_one_click(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    at = run_app(lang, workshop, page=PAGE)

    _, tab = pills(at, "business", lang)
    tab.button[0].click()
    assert_ok(at.run())

    assert not at.error
    saved = load(db, workshop).touchpoints
    assert [p.name for p in saved] == examples("business", lang)  # ten, in Mann's order
    assert {(p.category, p.segment_id, p.rating) for p in saved} == {(BUSINESS, None, None)}
    # nothing is offered twice: the business tab has no examples left, the others all
    [business] = [tab for tab in at.tabs if tab.label == category_name("business", lang)]
    assert not business.button_group
    assert say(lang, "touchpoints.all_added") in shown(business.caption)
    assert len(at.main.button_group) == 3
    assert say(lang, "touchpoints.inventory", n=10) in [s.value for s in at.header]
    assert len(tables(at)["inventory"]) == 10
    assert len(at.get("plotly_chart")) == 1  # the heatmap


def test_picking_two_examples_adds_only_those_two(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    at = run_app(lang, workshop, page=PAGE)
    packaging, manual = examples("product", lang)[0], examples("product", lang)[5]

    group, _ = pills(at, "product", lang)
    assert_ok(group.set_value([packaging, manual]).run())
    _, tab = pills(at, "product", lang)
    [button] = tab.button
    assert button.label == say(lang, "touchpoints.add_selected", n=2)
    button.click()
    assert_ok(at.run())

    assert [(p.name, p.category) for p in load(db, workshop).touchpoints] == [
        (packaging, PRODUCT),
        (manual, PRODUCT),
    ]
    group, _ = pills(at, "product", lang)
    assert len(group.options) == 5  # seven examples, two taken
    assert packaging not in group.options and manual not in group.options


def test_an_example_already_in_the_inventory_in_another_case_is_not_offered(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    website = examples("business", lang)[0]
    seed(db, workshop, TouchpointInput(name=website.upper(), category=PRODUCT))
    at = run_app(lang, workshop, page=PAGE)

    group, _ = pills(at, "business", lang)
    assert group.options == examples("business", lang)[1:]


def _fill(at, form: str, lang: str, **values: Any) -> None:
    fields = {
        "name": (at.text_input, "field.name"),
        "category": (at.selectbox, "field.category"),
        "segment": (at.selectbox, "field.segment"),
        "kind": (at.selectbox, "field.relationship_type"),
        "rating": (at.radio, "field.rating"),
        "idea": (at.text_area, "field.idea"),
        "owner": (at.text_input, "field.owner"),
    }
    for field, value in values.items():
        widgets, label = fields[field]
        widget(widgets, say(lang, label), form=form).set_value(value)


def test_a_touchpoint_of_ones_own_is_saved_with_every_field(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    offices = add_segment(db, workshop, "Offices")
    at = run_app(lang, workshop, page=PAGE)

    segments = widget(at.selectbox, say(lang, "field.segment"), form=ADD)
    assert segments.options == [say(lang, "touchpoints.all_segments"), "Offices"]
    kinds = widget(at.selectbox, say(lang, "field.relationship_type"), form=ADD)
    assert kinds.options[:2] == [
        say(lang, "touchpoints.no_type"),
        type_name("personal_assistance", lang),
    ]
    ratings = widget(at.radio, say(lang, "field.rating"), form=ADD)
    assert ratings.options == [rating_name(r, lang) for r in ("awful", "ok", "wow", None)]
    assert ratings.value is None  # a new touchpoint starts not rated

    _fill(
        at,
        ADD,
        lang,
        name="  Delivery van  ",
        category=BUSINESS,
        segment=offices,
        kind=RelationshipType.DEDICATED_PERSONAL_ASSISTANCE,
        rating=AWFUL,
        idea="Wash it every Monday",
        owner="Igor",
    )
    widget(at.button, say(lang, "touchpoints.add_button"), form=ADD).click()
    assert_ok(at.run())

    assert not at.error
    [saved] = load(db, workshop).touchpoints
    assert (saved.name, saved.category, saved.segment_id) == ("Delivery van", BUSINESS, offices)
    assert saved.relationship_type is RelationshipType.DEDICATED_PERSONAL_ASSISTANCE
    assert (saved.rating, saved.idea, saved.owner) == (AWFUL, "Wash it every Monday", "Igor")
    # the form starts empty again
    assert widget(at.text_input, say(lang, "field.name"), form=ADD).value == ""


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        pytest.param("   ", "invalid.blank", id="blank"),
        pytest.param("x" * 121, "invalid.string_too_long", id="121 characters"),
        pytest.param("Bell\x07", "invalid.control_chars", id="a control character"),
    ],
)
def test_a_bad_name_is_refused_in_the_users_language_and_nothing_is_saved(db, lang, name, reason):
    workshop = add_workshop(db, "Roastery", lang)
    at = run_app(lang, workshop, page=PAGE)

    _fill(at, ADD, lang, name=name, rating=WOW, owner="Anna")
    widget(at.button, say(lang, "touchpoints.add_button"), form=ADD).click()
    assert_ok(at.run())

    [box] = shown(at.error)
    heading, _, problem = box.partition("\n\n")
    assert heading == say(lang, "error.title")
    assert problem.startswith(f"- {say(lang, 'field.name')}: {lead(lang, reason)}")
    assert load(db, workshop).touchpoints == []
    # what was typed stays in the form
    assert widget(at.text_input, say(lang, "field.owner"), form=ADD).value == "Anna"


# ------------------------------------------------------------------ editing and deleting


def test_changing_a_rating_saves_it_against_the_version_read(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    [website] = seed(db, workshop, TouchpointInput(name="Website", category=BUSINESS))
    at = run_app(lang, workshop, page=PAGE)

    form = edit_form(at, website)
    assert widget(at.radio, say(lang, "field.rating"), form=form).value is None
    _fill(at, form, lang, rating=WOW, idea="Show the roast date")
    widget(at.button, say(lang, "touchpoints.save"), form=form).click()
    assert_ok(at.run())

    assert not at.error
    [saved] = load(db, workshop).touchpoints
    assert (saved.rating, saved.idea, saved.version) == (WOW, "Show the roast date", 2)
    assert widget(at.radio, say(lang, "field.rating"), form=edit_form(at, website)).value is WOW


def test_an_edit_based_on_an_older_version_is_refused_and_the_fresh_values_shown(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    [website] = seed(db, workshop, TouchpointInput(name="Website", category=BUSINESS))
    at = run_app(lang, workshop, page=PAGE)
    # someone else rates it wow after this page was opened
    change(db, website, TouchpointInput(name="Website", category=BUSINESS, rating=WOW), 1)

    form = edit_form(at, website)
    _fill(at, form, lang, rating=AWFUL)
    widget(at.button, say(lang, "touchpoints.save"), form=form).click()
    assert_ok(at.run())

    assert say(lang, "error.stale_edit") in "\n".join(shown(at.error))
    [kept] = load(db, workshop).touchpoints
    assert (kept.rating, kept.version) == (WOW, 2)
    assert widget(at.radio, say(lang, "field.rating"), form=edit_form(at, website)).value is WOW


def test_a_deleted_touchpoint_leaves_the_inventory(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    sign, smile = seed(
        db,
        workshop,
        TouchpointInput(name="Sign", category=BUSINESS),
        TouchpointInput(name="Smile", category=TouchpointCategory.EMPLOYEE),
    )
    at = run_app(lang, workshop, page=PAGE)

    widget(at.selectbox, say(lang, "touchpoints.choose")).set_value(smile)
    assert_ok(at.run())
    widget(at.button, say(lang, "touchpoints.delete"), form=edit_form(at, smile)).click()
    assert_ok(at.run())

    assert [p.id for p in load(db, workshop).touchpoints] == [sign]
    assert list(tables(at)["inventory"][say(lang, "field.name")]) == ["Sign"]


def test_the_rating_filter_narrows_the_table_and_the_edit_choice(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    seed(
        db,
        workshop,
        TouchpointInput(name="Sign", category=BUSINESS, rating=AWFUL),
        TouchpointInput(name="Office", category=BUSINESS, rating=OK),
        TouchpointInput(name="Badge", category=TouchpointCategory.EMPLOYEE, rating=AWFUL),
    )
    at = run_app(lang, workshop, page=PAGE)

    widget(at.multiselect, say(lang, "touchpoints.filter_rating")).set_value([AWFUL])
    assert_ok(at.run())

    assert list(tables(at)["inventory"][say(lang, "field.name")]) == ["Sign", "Badge"]
    assert say(lang, "touchpoints.shown", shown=2, total=3) in shown(at.caption)
    assert len(widget(at.selectbox, say(lang, "touchpoints.choose")).options) == 2


# ------------------------------------------------------------------ what to fix first


def test_fix_first_orders_the_awful_touchpoints_by_the_revenue_they_put_at_stake(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    cafes = add_segment(db, workshop, "Cafés", customers=10, revenue_per_customer=100)
    offices = add_segment(db, workshop, "Offices", customers=3, revenue_per_customer=2000)
    seed(
        db,
        workshop,
        TouchpointInput(name="Menu", category=PRODUCT, rating=AWFUL, segment_id=cafes),
        TouchpointInput(name="Sign", category=BUSINESS, rating=OK),
        TouchpointInput(name="Website", category=BUSINESS, rating=AWFUL, idea="New photos"),
        TouchpointInput(name="Invoice", category=BUSINESS, rating=AWFUL, segment_id=offices),
    )
    at = run_app(lang, workshop, page=PAGE)

    assert say(lang, "touchpoints.fix_first") in [s.value for s in at.header]
    table = tables(at)["fix_first"]
    assert list(table[say(lang, "field.name")]) == ["Website", "Invoice", "Menu"]
    # Website touches every segment: 10 × 100 + 3 × 2,000 = 7,000; Invoice the offices'
    # 3 × 2,000 = 6,000; Menu the cafés' 10 × 100 = 1,000. USD in English, RUB in Russian.
    revenue = {
        "en": ["$7,000", "$6,000", "$1,000"],
        "ru": [f"7{NBSP}000{NBSP}₽", f"6{NBSP}000{NBSP}₽", f"1{NBSP}000{NBSP}₽"],
    }[lang]
    assert list(table[say(lang, "touchpoints.revenue")]) == revenue
    assert list(table[say(lang, "field.segment")]) == [
        say(lang, "touchpoints.all_segments"),
        "Offices",
        "Cafés",
    ]
    assert table[say(lang, "field.idea")].iloc[0] == "New photos"


def test_without_awful_touchpoints_fix_first_says_so(db, lang):
    workshop = add_workshop(db, "Roastery", lang)
    seed(db, workshop, TouchpointInput(name="Sign", category=BUSINESS, rating=WOW))
    at = run_app(lang, workshop, page=PAGE)

    assert say(lang, "touchpoints.no_awful") in alerts(at)
    assert "fix_first" not in tables(at)
    assert len(at.get("plotly_chart")) == 1
