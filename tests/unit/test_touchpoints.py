"""Touchpoints: the domain's counts and revenue at stake, Mann's content, the canvas layer
and the heatmap, with every figure worked out by hand."""

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import ValidationError

from canvas.content import catalogue
from canvas.content.touchpoints import load_touchpoint_content, touchpoint_content
from canvas.domain import CanvasBlock, Language, RelationshipType
from canvas.domain.nps import NpsCounts, NpsSurvey
from canvas.domain.touchpoint import (
    Touchpoint,
    TouchpointCategory,
    TouchpointInput,
    TouchpointRating,
    fix_first,
    matching,
    rating_counts,
    revenue_at_stake,
    suggested,
)
from canvas.figures.canvas import LAYER_MARKER, canvas_figure
from canvas.figures.touchpoints import NAMES_ON_HOVER, touchpoint_heatmap
from canvas.i18n import t
from canvas.presenters.canvas_layout import RATING_COLOURS, layer_items
from canvas.presenters.touchpoints import fix_first_rows, inventory_rows, open_suggestions
from tests.unit.factories import NOW, segment, snapshot

DATA = Path(__file__).resolve().parents[2] / "data"
CONTENT = json.loads((DATA / "frameworks" / "touchpoints.json").read_text(encoding="utf-8"))
CYRILLIC = re.compile(r"[а-яё]", re.I)
NBSP = "\u00a0"
HOSTILE = "<script>alert(1)</script> & <b>bold</b>"

BUSINESS, PRODUCT, SERVICE, EMPLOYEE = TouchpointCategory
AWFUL, OK, WOW = TouchpointRating
PERSONAL, SELF_SERVICE = RelationshipType.PERSONAL_ASSISTANCE, RelationshipType.SELF_SERVICE


def point(
    point_id: int,
    name: str,
    category: TouchpointCategory = BUSINESS,
    rating: TouchpointRating | None = None,
    *,
    segment_id: int | None = None,
    kind: RelationshipType | None = None,
    idea: str = "",
    owner: str = "",
) -> Touchpoint:
    return Touchpoint(
        id=point_id,
        workshop_id=1,
        name=name,
        category=category,
        rating=rating,
        segment_id=segment_id,
        relationship_type=kind,
        idea=idea,
        owner=owner,
        created_at=NOW,
        updated_at=NOW,
    )


# Three segments: cafés 10 × 100 = 1,000 a year, offices 3 × 2,000 = 6,000,
# and a segment whose number of customers is unknown, so its revenue counts as 0.
CAFES = segment(1, "Cafés", customers=10, revenue="100")
OFFICES = segment(2, "Offices", customers=3, revenue="2000")
UNKNOWN = segment(3, "Someday", revenue="500")
SEGMENTS = [CAFES.segment, OFFICES.segment, UNKNOWN.segment]


# ------------------------------------------------------------------ the domain


def test_rating_counts_count_every_category_and_rating_including_not_rated():
    points = [
        point(1, "Website", BUSINESS, AWFUL),
        point(2, "Office", BUSINESS, AWFUL),
        point(3, "Sign", BUSINESS, WOW),
        point(4, "Smile", EMPLOYEE),
        point(5, "Badge", EMPLOYEE, OK),
    ]
    counts = rating_counts(points)

    assert counts[BUSINESS] == {AWFUL: 2, OK: 0, WOW: 1, None: 0}
    assert counts[EMPLOYEE] == {AWFUL: 0, OK: 1, WOW: 0, None: 1}
    assert counts[PRODUCT] == counts[SERVICE] == {AWFUL: 0, OK: 0, WOW: 0, None: 0}


def test_revenue_at_stake_is_the_touched_segments_yearly_revenue():
    assert revenue_at_stake(point(1, "Menu", segment_id=1), SEGMENTS) == Decimal(1000)  # 10 × 100
    assert revenue_at_stake(point(2, "Invoice", segment_id=2), SEGMENTS) == Decimal(
        6000
    )  # 3 × 2000
    # the customers of "Someday" are unknown, so nothing is known to be at stake
    assert revenue_at_stake(point(3, "Flyer", segment_id=3), SEGMENTS) == Decimal(0)
    # for all segments: 1,000 + 6,000 + 0
    assert revenue_at_stake(point(4, "Website"), SEGMENTS) == Decimal(7000)
    assert revenue_at_stake(point(5, "Website"), []) == Decimal(0)


def test_fix_first_lists_only_the_awful_ones_most_revenue_first_ties_in_inventory_order():
    points = [
        point(1, "Menu", rating=AWFUL, segment_id=1),  # 1,000
        point(2, "Website", rating=AWFUL),  # all segments: 7,000
        point(3, "Invoice", rating=AWFUL, segment_id=2),  # 6,000
        point(4, "Flyer", rating=AWFUL, segment_id=3),  # 0
        point(5, "Contract", rating=OK, segment_id=2),  # OK: not listed
        point(6, "Cups", rating=AWFUL, segment_id=1),  # 1,000, after Menu
        point(7, "Sign"),  # not rated: not listed
    ]
    ranked = fix_first(points, SEGMENTS)

    assert [(p.name, revenue) for p, revenue in ranked] == [
        ("Website", Decimal(7000)),
        ("Invoice", Decimal(6000)),
        ("Menu", Decimal(1000)),
        ("Cups", Decimal(1000)),
        ("Flyer", Decimal(0)),
    ]


@pytest.mark.parametrize(
    ("lang", "currency", "first", "second"),
    [("en", "USD", "$7,000", "$1,000"), ("ru", "RUB", f"7{NBSP}000{NBSP}₽", f"1{NBSP}000{NBSP}₽")],
)
def test_the_fix_first_table_shows_the_revenue_as_money_in_the_workshop_currency(
    lang, currency, first, second
):
    points = [
        point(1, "Menu", PRODUCT, AWFUL, segment_id=1, idea="Print it bigger", owner="Anna"),
        point(2, "Website", BUSINESS, AWFUL),
    ]
    snap = snapshot(CAFES, OFFICES, UNKNOWN, currency=currency).model_copy(
        update={"touchpoints": points}
    )
    rows = fix_first_rows(snap, lang)

    revenue = {"en": "Revenue at stake a year", "ru": "Выручка под угрозой за год"}[lang]
    assert [row["#"] for row in rows] == ["1", "2"]
    assert [row[revenue] for row in rows] == [first, second]  # 1,000 + 6,000 + 0; then 10 × 100
    segment_column = {"en": "Segment", "ru": "Сегмент"}[lang]
    everyone = {"en": "All segments", "ru": "Все сегменты"}[lang]
    assert [row[segment_column] for row in rows] == [everyone, "Cafés"]
    assert "Print it bigger" in rows[1].values() and "Anna" in rows[1].values()


def test_a_touchpoint_name_is_validated_before_anything_else():
    with pytest.raises(ValidationError):
        TouchpointInput(name="   ", category=BUSINESS)
    with pytest.raises(ValidationError):
        TouchpointInput(name="x" * 121, category=BUSINESS)
    with pytest.raises(ValidationError):
        TouchpointInput(name="Bell\x07", category=BUSINESS)
    assert TouchpointInput(name="  Sign  ", category=BUSINESS).name == "Sign"


# ------------------------------------------------------------------ the content


def test_the_four_categories_come_in_manns_order_with_all_his_examples_in_both_languages():
    content = touchpoint_content()
    assert [c.key for c in content.categories] == list(TouchpointCategory)
    # business 10, product 7, service 7, employee 9 examples, as CONTENT.md lists them
    assert [len(c.examples) for c in content.categories] == [10, 7, 7, 9]
    business = content.category(BUSINESS).suggestions("en")
    assert {"Website", "Office", "Sign", "The secretary's voice", "The products"} <= set(business)
    assert "Warranty card" in content.category(PRODUCT).suggestions("en")
    assert "Customer reviews" in content.category(SERVICE).suggestions("en")
    assert "Speech templates" in content.category(EMPLOYEE).suggestions("en")
    assert "Гарантийный талон" in content.category(PRODUCT).suggestions("ru")
    assert [s.key for s in content.scale] == [AWFUL, OK, WOW]
    assert "enjoy contact with customers" in content.hiring.body("en")


def test_every_russian_text_of_the_content_is_russian():
    texts = [CONTENT["intro"], CONTENT["scale_intro"], CONTENT["not_rated"]]
    texts += [CONTENT["hiring"]["title"], CONTENT["hiring"]["body"]]
    for category in CONTENT["categories"]:
        texts += [category["name"], category["title"], category["description"]]
        texts += category["examples"]
    texts += [s[part] for s in CONTENT["scale"] for part in ("name", "meaning")]
    assert all(CYRILLIC.search(text["ru"]) and text["en"].strip() for text in texts)


def test_rating_names_in_both_languages_and_not_rated():
    content = touchpoint_content()
    assert [content.rating_name(r, "en") for r in (AWFUL, OK, WOW, None)] == [
        "Awful",
        "OK",
        "Wow",
        "Not rated",
    ]
    assert [content.rating_name(r, "ru") for r in (AWFUL, OK, WOW, None)] == [
        "Ужасно",
        "Нормально",
        "Вау",
        "Без оценки",
    ]


def _broken(tmp_path: Path, change) -> Path:
    content = json.loads(json.dumps(CONTENT))
    change(content)
    path = tmp_path / "touchpoints.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda c: c["categories"].pop(), id="a category missing"),
        pytest.param(lambda c: c["categories"].reverse(), id="categories out of order"),
        pytest.param(lambda c: c["scale"].reverse(), id="scale not worst first"),
        pytest.param(lambda c: c["intro"].pop("ru"), id="a language missing"),
        pytest.param(lambda c: c["categories"][1].update(examples=[]), id="no examples"),
        pytest.param(
            lambda c: c["categories"][2]["examples"].append({"en": "website", "ru": "Сайт 2"}),
            id="an example named twice",
        ),
        pytest.param(lambda c: c.update(extra={"en": "x", "ru": "х"}), id="an unknown part"),
    ],
)
def test_a_broken_content_file_is_refused(tmp_path, change):
    with pytest.raises(ValidationError):
        load_touchpoint_content(_broken(tmp_path, change))


def test_the_shipped_content_file_loads(tmp_path):
    assert load_touchpoint_content(_broken(tmp_path, lambda c: None)) == touchpoint_content()


# ------------------------------------------------------------------ reading the inventory


def test_suggestions_skip_examples_already_in_the_inventory_whatever_their_case():
    inventory = [point(1, "website", PRODUCT), point(2, "  SIGN  "), point(3, "Офис")]
    left = open_suggestions(BUSINESS, inventory, "en")
    # ten examples, minus Website and Sign; "Офис" is another word in English
    assert len(left) == 8
    assert "Website" not in left and "Sign" not in left and "Office" in left
    assert "Офис" not in open_suggestions(BUSINESS, inventory, "ru")
    assert "Сайт" in open_suggestions(BUSINESS, inventory, "ru")


def test_suggested_touchpoints_are_for_all_segments_and_not_rated():
    [smile, badge] = suggested(EMPLOYEE, ["Smile", "Badge"])
    assert (smile.name, smile.category, smile.segment_id, smile.rating) == (
        "Smile",
        EMPLOYEE,
        None,
        None,
    )
    assert badge.name == "Badge"


def test_filters_keep_the_inventory_order_and_a_segment_includes_all_segment_touchpoints():
    inventory = [
        point(1, "Website", BUSINESS, AWFUL),
        point(2, "Menu", PRODUCT, OK, segment_id=1),
        point(3, "Invoice", BUSINESS, AWFUL, segment_id=2),
        point(4, "Smile", EMPLOYEE, None, segment_id=1),
    ]

    def names(**filters):
        return [p.name for p in matching(inventory, **filters)]

    assert names() == ["Website", "Menu", "Invoice", "Smile"]
    assert names(categories={BUSINESS}) == ["Website", "Invoice"]
    assert names(ratings={AWFUL}) == ["Website", "Invoice"]
    assert names(ratings={None, OK}) == ["Menu", "Smile"]
    assert names(segment_id=1) == ["Website", "Menu", "Smile"]
    assert names(categories={BUSINESS}, segment_id=2) == ["Website", "Invoice"]
    assert names(categories={SERVICE}) == []


def test_inventory_rows_name_the_segment_the_type_and_the_rating_in_the_language():
    snap = snapshot(CAFES)
    [row] = inventory_rows(
        [point(1, "Menu", PRODUCT, WOW, segment_id=1, kind=PERSONAL, owner="Anna")], snap, "ru"
    )
    assert row == {
        "Название": "Menu",
        "Категория": "Продукт",
        "Сегмент": "Cafés",
        t("field.relationship_type", "ru"): catalogue().type(PERSONAL).name("ru"),
        "Оценка": "Вау",
        "Идея улучшения": "",
        "Ответственный": "Anna",
    }


# ------------------------------------------------------------------ the canvas layer


def _layered(*segments, touchpoints=(), nps=None):
    snap = snapshot(*segments)
    return snap.model_copy(update={"touchpoints": list(touchpoints), "nps": nps or NpsSurvey()})


def _survey() -> NpsSurvey:
    # Cafés answered one by one: 5 tens, 3 eights, 2 threes. Offices typed counts only.
    cafes = [0, 0, 0, 2, 0, 0, 0, 0, 3, 0, 5]
    return NpsSurvey(
        by_segment={1: cafes},
        typed={2: NpsCounts(promoters=1, passives=0, detractors=3)},
    )


LAYER_POINTS = [
    point(1, "Call-back", SERVICE, AWFUL, kind=PERSONAL),
    point(2, "Smile", EMPLOYEE, OK, kind=PERSONAL),
    point(3, "Voice", BUSINESS, OK, kind=PERSONAL),
    point(4, "Kiosk", PRODUCT, WOW, kind=SELF_SERVICE),
    point(5, "App", PRODUCT, WOW, kind=SELF_SERVICE),
    point(6, "Manual", PRODUCT, None, kind=SELF_SERVICE),
    point(7, "Website", BUSINESS, OK),
    point(8, "Sign", BUSINESS, None),
    point(9, "Brochure", SERVICE, WOW),
]


def test_the_layer_shows_nps_per_segment_with_answers_and_for_all_customers():
    snap = _layered(CAFES, OFFICES, UNKNOWN, nps=_survey())
    segments = layer_items(snap, "en")[CanvasBlock.CUSTOMER_SEGMENTS]

    assert [item.text for item in segments] == [
        # all: promoters 5 + 1 = 6, detractors 2 + 3 = 5, n = 10 + 4 = 14;
        # 100 × (6 − 5) / 14 = 7.1, shown as 7
        "All customers: NPS 7, answers: 14",
        "Cafés: NPS 30, answers: 10",  # 100 × (5 − 2) / 10
        "Offices: NPS \u221250, answers: 4",  # 100 × (1 − 3) / 4, from typed counts
    ]  # "Someday" has no answers, so no NPS
    assert [item.colour for item in segments[1:]] == [CAFES.segment.colour, OFFICES.segment.colour]


def _title(category: TouchpointCategory) -> str:
    """A category's heading as the touchpoints texts name it, in English."""
    return touchpoint_content().category(category).title("en")


def test_the_layer_counts_touchpoints_by_rating_per_relationship_type_and_for_channels():
    snap = _layered(CAFES, touchpoints=LAYER_POINTS)
    items = layer_items(snap, "en")

    relationships = items[CanvasBlock.CUSTOMER_RELATIONSHIPS]
    assert [item.text for item in relationships] == [
        f"{catalogue().type(PERSONAL).name('en')}: Awful{NBSP}1 · OK{NBSP}2",
        f"{catalogue().type(SELF_SERVICE).name('en')}: Wow{NBSP}2 · Not rated{NBSP}1",
    ]
    # the marker takes the colour of the worst rating present
    assert [item.colour for item in relationships] == [
        RATING_COLOURS[AWFUL],
        RATING_COLOURS[WOW],
    ]
    # touchpoints without a type are counted once, per category, in Channels
    assert [item.text for item in items[CanvasBlock.CHANNELS]] == [
        f"{_title(BUSINESS)}: OK{NBSP}1 · Not rated{NBSP}1",
        f"{_title(SERVICE)}: Wow{NBSP}1",
    ]
    assert items[CanvasBlock.CUSTOMER_SEGMENTS] == []  # no survey answers
    shown = {CanvasBlock.CUSTOMER_RELATIONSHIPS, CanvasBlock.CHANNELS}
    assert all(items[block] == [] for block in CanvasBlock if block not in shown)


def test_the_layer_speaks_russian():
    snap = _layered(CAFES, touchpoints=LAYER_POINTS[:1], nps=_survey())
    items = layer_items(snap, Language.RU)
    assert items[CanvasBlock.CUSTOMER_SEGMENTS][1].text == "Cafés: NPS 30, ответов: 10"
    assert items[CanvasBlock.CUSTOMER_RELATIONSHIPS][0].text == (
        f"{catalogue().type(PERSONAL).name('ru')}: Ужасно{NBSP}1"
    )


def test_an_empty_workshop_has_an_empty_layer():
    items = layer_items(_layered(CAFES), "en")
    assert set(items) == set(CanvasBlock)
    assert all(entries == [] for entries in items.values())


def _texts(figure) -> str:
    return "\n".join(a.text or "" for a in figure.layout.annotations)


def test_the_canvas_figure_is_unchanged_until_the_layer_is_asked_for():
    snap = _layered(CAFES, OFFICES, touchpoints=LAYER_POINTS, nps=_survey())
    plain = canvas_figure(snap, "en")
    assert canvas_figure(snap, "en", layer=False) == plain
    assert LAYER_MARKER not in _texts(plain)

    layered = _texts(canvas_figure(snap, "en", layer=True)).replace("<br>&nbsp;&nbsp;&nbsp;", " ")
    assert f"{LAYER_MARKER}</span> Cafés: NPS 30, answers: 10" in layered
    assert f"Personal assistance: Awful{NBSP}1 · OK{NBSP}2" in layered


def test_a_hostile_segment_name_reaches_the_layer_only_escaped():
    hostile = segment(1, HOSTILE, customers=1, revenue="1")
    snap = _layered(hostile, nps=NpsSurvey(by_segment={1: [0] * 10 + [1]}))
    text = _texts(canvas_figure(snap, "en", layer=True)).replace("<br>&nbsp;&nbsp;&nbsp;", " ")
    assert "<script>" not in text and "<b>bold" not in text
    # one answer of 10: a promoter, NPS 100 × (1 − 0) / 1
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;"
    assert f"{LAYER_MARKER}</span> {escaped}: NPS 100, answers: 1" in text


# ------------------------------------------------------------------ the heatmap


def test_the_heatmap_counts_each_category_and_rating_with_not_rated_last():
    figure = touchpoint_heatmap(_layered(CAFES, touchpoints=LAYER_POINTS), "en")
    [heatmap] = figure.data

    assert list(heatmap.x) == ["Awful", "OK", "Wow", "Not rated"]
    assert list(heatmap.y) == ["Business", "Product", "Service", "Employee"]
    # business: Voice OK, Website OK, Sign not rated; product: Kiosk and App wow, Manual
    # not rated; service: Call-back awful, Brochure wow; employee: Smile OK
    assert [list(row) for row in heatmap.z] == [
        [0, 2, 0, 1],
        [0, 0, 2, 1],
        [1, 0, 1, 0],
        [0, 1, 0, 0],
    ]
    assert list(heatmap.text[0]) == ["0", "2", "0", "1"]  # business, as written in the cells
    assert (heatmap.zmin, heatmap.zmax) == (0, 2)
    assert figure.layout.title.text == "Touchpoints by category and rating"
    assert touchpoint_heatmap(_layered(CAFES), "ru").layout.title.text == (
        "Точки контакта по категориям и оценкам"
    )


def test_the_heatmap_names_a_cells_touchpoints_on_hover_escaped_and_counts_the_rest():
    many = [point(n, f"Flyer {n}", BUSINESS, AWFUL) for n in range(1, 12)]
    hostile = point(20, HOSTILE, EMPLOYEE, WOW)
    [heatmap] = touchpoint_heatmap(_layered(touchpoints=[*many, hostile]), "en").data

    business_awful = heatmap.customdata[0][0]
    assert business_awful.startswith("<b>Business · Awful: 11</b>")
    assert "Flyer 8" in business_awful and "Flyer 9" not in business_awful
    assert f"… and {11 - NAMES_ON_HOVER} more" in business_awful  # 11 − 8 = 3
    employee_wow = heatmap.customdata[3][2]
    assert "<script>" not in employee_wow and "<b>bold" not in employee_wow
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in employee_wow


def test_an_empty_inventory_makes_an_all_zero_heatmap():
    [heatmap] = touchpoint_heatmap(_layered(), "en").data
    assert [list(row) for row in heatmap.z] == [[0, 0, 0, 0]] * 4
    assert heatmap.zmax == 1
