"""The prepared demo workshop: complete, the same business in both languages, and rich
enough for a trainer to show every gap and warning the analysis can raise."""

import re
from collections import Counter
from decimal import Decimal
from statistics import median
from typing import Any

import pytest

from canvas.content.demo import load_demo
from canvas.domain.document import (
    SCHEMA_VERSION,
    RelationshipDocument,
    SegmentDocument,
    WorkshopDocument,
)
from canvas.domain.nps import NpsCategory, NpsCounts, categorize
from canvas.domain.touchpoint import TouchpointCategory, TouchpointRating
from canvas.domain.vocabulary import (
    NOTE_BLOCKS,
    CanvasBlock,
    Language,
    Motive,
    RelationshipType,
)

CYRILLIC = re.compile(r"[А-Яа-яЁё]")
PERSONAL = {RelationshipType.PERSONAL_ASSISTANCE, RelationshipType.DEDICATED_PERSONAL_ASSISTANCE}
AUTOMATED = {RelationshipType.SELF_SERVICE, RelationshipType.AUTOMATED_SERVICES}


@pytest.fixture(params=list(Language), ids=lambda lang: lang.value)
def demo(request: pytest.FixtureRequest) -> WorkshopDocument:
    return load_demo(request.param)


def _in_use(segment: SegmentDocument) -> list[RelationshipDocument]:
    return [r for r in segment.relationships if r.in_use]


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list | tuple | set | frozenset):
        return [s for item in value for s in _strings(item)]
    return []


def test_the_demo_validates_in_both_languages() -> None:
    expected_currency = {Language.EN: "USD", Language.RU: "RUB"}
    for lang in Language:
        doc = load_demo(lang)
        assert isinstance(doc, WorkshopDocument)
        assert doc.schema_version == SCHEMA_VERSION
        assert doc.workshop.language is lang
        assert doc.workshop.currency == expected_currency[lang]
        assert doc.workshop.title and doc.workshop.company
        assert len(doc.segments) == 4
        # A plain string finds the same cached document as the enum.
        assert load_demo(lang.value) is doc


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        load_demo("de")


def test_every_segment_has_all_figures_and_its_own_colour(demo: WorkshopDocument) -> None:
    for segment in demo.segments:
        assert segment.description
        assert segment.customers
        assert segment.revenue_per_customer
        assert segment.acquisition_cost
        assert segment.retention_rate is not None and 0 < segment.retention_rate < 100
    assert [s.colour for s in demo.segments] == ["#0072B2", "#E69F00", "#009E73", "#CC79A7"]


def test_every_relationship_type_is_established_somewhere(demo: WorkshopDocument) -> None:
    in_use = {r.type for segment in demo.segments for r in _in_use(segment)}
    assert in_use == set(RelationshipType)


def test_every_type_in_use_has_motives_cost_and_integration(demo: WorkshopDocument) -> None:
    for segment in demo.segments:
        for answer in _in_use(segment):
            where = f"{segment.name} / {answer.type}"
            assert answer.motives, where
            assert answer.yearly_cost is not None and answer.yearly_cost > 0, where
            assert len(answer.integration) >= 2, where
            assert all(0 < len(text) <= 600 for text in answer.integration.values()), where


def test_both_languages_describe_the_same_business() -> None:
    en, ru = load_demo(Language.EN), load_demo(Language.RU)
    assert len(en.segments) == len(ru.segments)
    for en_seg, ru_seg in zip(en.segments, ru.segments, strict=True):
        assert en_seg.colour == ru_seg.colour
        assert en_seg.retention_rate == ru_seg.retention_rate

        def answers(seg: SegmentDocument) -> dict[RelationshipType, tuple[int, int, frozenset]]:
            return {r.type: (r.expected, r.established, r.motives) for r in seg.relationships}

        assert answers(en_seg) == answers(ru_seg), en_seg.name
        assert {r.type: set(r.integration) for r in en_seg.relationships} == {
            r.type: set(r.integration) for r in ru_seg.relationships
        }, en_seg.name

    def note_layout(doc: WorkshopDocument) -> Counter[tuple[CanvasBlock, int | None]]:
        # Which block each note is on and which segment (by position) it belongs to.
        position = {s.name: i for i, s in enumerate(doc.segments)}
        return Counter(
            (n.block, None if n.segment is None else position[n.segment]) for n in doc.notes
        )

    assert Counter(n.block for n in en.notes) == Counter(n.block for n in ru.notes)
    assert note_layout(en) == note_layout(ru)


# The demo is one Russian business told twice: the English file counts in dollars at one
# fixed rate, so every ratio (LTV:CAC, cost share of revenue) and every piece of advice
# comes out the same in both languages.
RATE = 100  # roubles per dollar in the demo
MONEY = {"revenue_per_customer", "acquisition_cost", "yearly_cost"}
# The fields written in words; any other field (a key, a type, a colour) must match.
TEXTS = {"title", "company", "name", "description", "text", "practice", "next_step", "note"}
TEXTS |= {"why", "make_it_ten", "idea", "owner", "evidence"}
EN_NUMBER = re.compile(r"(\$)?(\d{1,3}(?:,\d{3})+|\d+)")
RU_NUMBER = re.compile(r"(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(\s?₽)?")


def _numbers_in(text: str, lang: Language) -> list[Decimal]:
    """The numbers a text mentions, sums of money in roubles, so both languages compare."""
    if lang is Language.EN:
        return [
            Decimal(digits.replace(",", "")) * (RATE if dollar else 1)
            for dollar, digits in EN_NUMBER.findall(text)
        ]
    return [Decimal(re.sub(r"\D", "", digits)) for digits, _ in RU_NUMBER.findall(text)]


def _differences(
    en: Any, ru: Any, where: str, segment_at: dict[Language, dict[str, int]]
) -> list[str]:
    """Everything but the words that differs between the two demos, as readable paths.

    Texts (``TEXTS`` and what ties a type to a block) may differ in words but must
    mention the same numbers; keys, types, ratings, dates and flags must match exactly.
    """
    key = where.rsplit(".", 1)[-1]
    if key == "segment":  # a segment is named in its language: compare where it sits
        en = None if en is None else segment_at[Language.EN][en]
        ru = None if ru is None else segment_at[Language.RU][ru]
    if isinstance(en, dict) and isinstance(ru, dict):
        if en.keys() != ru.keys():
            return [f"{where}: fields {sorted(map(str, en.keys() ^ ru.keys()))}"]
        return [d for k in en for d in _differences(en[k], ru[k], f"{where}.{k}", segment_at)]
    if isinstance(en, list) and isinstance(ru, list):
        if len(en) != len(ru):
            return [f"{where}: {len(en)} items in English, {len(ru)} in Russian"]
        return [
            d
            for i, (a, b) in enumerate(zip(en, ru, strict=True))
            for d in _differences(a, b, f"{where}[{i}]", segment_at)
        ]
    if isinstance(en, str) and isinstance(ru, str) and (key in TEXTS or ".integration." in where):
        en_numbers, ru_numbers = _numbers_in(en, Language.EN), _numbers_in(ru, Language.RU)
        return [] if en_numbers == ru_numbers else [f"{where}: {en!r} / {ru!r}"]
    if key in MONEY and en is not None and ru is not None:
        return [] if en * RATE == ru else [f"{where}: {en} × {RATE} ≠ {ru}"]
    return [] if en == ru else [f"{where}: {en!r} ≠ {ru!r}"]


def test_both_demos_hold_the_same_numbers_and_structure_only_the_words_differ() -> None:
    en, ru = load_demo(Language.EN), load_demo(Language.RU)
    segment_at = {
        doc.workshop.language: {s.name: i for i, s in enumerate(doc.segments)} for doc in (en, ru)
    }
    en_dump, ru_dump = en.model_dump(), ru.model_dump()
    for dump in (en_dump, ru_dump):  # the language and its currency are meant to differ
        del dump["workshop"]["language"], dump["workshop"]["currency"]
    assert _differences(en_dump, ru_dump, "demo", segment_at) == []


def test_the_comparison_notices_a_changed_count_rate_rating_or_number_in_a_text() -> None:
    en, ru = load_demo(Language.EN), load_demo(Language.RU)
    segment_at = {
        doc.workshop.language: {s.name: i for i, s in enumerate(doc.segments)} for doc in (en, ru)
    }
    ru_dump = ru.model_dump()
    ru_dump["segments"][0]["customers"] += 1
    ru_dump["segments"][1]["retention_rate"] -= 1
    ru_dump["segments"][2]["revenue_per_customer"] += 1
    ru_dump["shura_cells"][0]["rating"] = 5 if ru_dump["shura_cells"][0]["rating"] != 5 else 4
    ru_dump["notes"][0]["text"] += " 7"
    en_dump = en.model_dump()
    for dump in (en_dump, ru_dump):
        del dump["workshop"]["language"], dump["workshop"]["currency"]
    found = _differences(en_dump, ru_dump, "demo", segment_at)
    assert [d.split(":")[0] for d in found] == [
        "demo.segments[0].customers",
        "demo.segments[1].retention_rate",
        "demo.segments[2].revenue_per_customer",
        "demo.notes[0].text",
        "demo.shura_cells[0].rating",
    ]


def test_money_in_a_text_counts_at_the_demo_rate() -> None:
    # $420 at 100 ₽ a dollar is 42 000 ₽; 1,700 members are 1 700 участников.
    assert _numbers_in("about $420 per café, 1,700 members, 30 kg", Language.EN) == [
        Decimal(42000),
        Decimal(1700),
        Decimal(30),
    ]
    assert _numbers_in("около 42\u00a0000 ₽ на кофейню, 1 700 участников, 30 кг", Language.RU) == [
        Decimal(42000),
        Decimal(1700),
        Decimal(30),
    ]


def test_demo_has_an_under_served_and_an_over_served_type(demo: WorkshopDocument) -> None:
    answers = [r for segment in demo.segments for r in segment.relationships]
    under = [r for r in answers if r.expected == 3 and r.established <= 1]
    over = [r for r in answers if r.established - r.expected >= 2 and r.yearly_cost]
    assert under, "a segment should expect a type strongly that the company barely offers"
    assert over, "a segment should get, at a cost, much more of a type than it expects"


def test_the_top_revenue_segment_is_served_only_by_self_service_and_automation(
    demo: WorkshopDocument,
) -> None:
    revenues = {s.name: s.revenue_per_customer or Decimal(0) for s in demo.segments}
    top = max(demo.segments, key=lambda s: revenues[s.name])
    assert revenues[top.name] >= Decimal("1.5") * median(revenues.values())
    used = {r.type for r in _in_use(top)}
    assert used and used <= AUTOMATED
    assert not used & PERSONAL


def test_a_low_retention_segment_has_no_retention_motive(demo: WorkshopDocument) -> None:
    flagged = [
        s
        for s in demo.segments
        if (s.retention_rate or 0) < 70
        and not any(Motive.RETENTION in r.motives for r in s.relationships)
    ]
    assert len(flagged) == 1


def test_the_other_segments_are_healthy(demo: WorkshopDocument) -> None:
    for segment in demo.segments:
        assert segment.revenue_per_customer and segment.acquisition_cost
        # Even a single year's revenue covers the acquisition cost three times over.
        assert segment.revenue_per_customer >= 3 * segment.acquisition_cost, segment.name
    retention_minded = [
        s for s in demo.segments if any(Motive.RETENTION in r.motives for r in _in_use(s))
    ]
    assert len(retention_minded) == len(demo.segments) - 1


def test_every_note_block_has_two_to_four_notes(demo: WorkshopDocument) -> None:
    per_block = Counter(note.block for note in demo.notes)
    assert CanvasBlock.CUSTOMER_RELATIONSHIPS not in per_block
    for block in NOTE_BLOCKS:
        assert 2 <= per_block[block] <= 4, block
    assert any(note.segment is None for note in demo.notes)
    tied = {note.segment for note in demo.notes if note.segment is not None}
    assert tied == {s.name for s in demo.segments}
    assert all(len(note.text) <= 120 for note in demo.notes)


def test_demo_texts_are_in_their_language() -> None:
    ru, en = load_demo(Language.RU), load_demo(Language.EN)
    for segment in ru.segments:
        assert CYRILLIC.search(segment.name), segment.name
        assert CYRILLIC.search(segment.description), segment.name
        for answer in segment.relationships:
            assert all(CYRILLIC.search(text) for text in answer.integration.values())
    assert all(CYRILLIC.search(note.text) for note in ru.notes)
    assert CYRILLIC.search(ru.workshop.title)

    en_texts = _strings(en.model_dump(mode="json"))
    assert en_texts
    assert [text for text in en_texts if CYRILLIC.search(text)] == []


def _position(doc: WorkshopDocument, name: str | None) -> int | None:
    """Where a named segment sits in the demo, so both languages can be compared."""
    return None if name is None else [s.name for s in doc.segments].index(name)


def _survey_facts(doc: WorkshopDocument) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    answers = [
        (
            a.score,
            _position(doc, a.segment),
            a.answered_on,
            a.count,
            bool(a.why),
            bool(a.make_it_ten),
        )
        for a in doc.nps_answers
    ]
    counts = [
        (_position(doc, c.segment), c.promoters, c.passives, c.detractors) for c in doc.nps_counts
    ]
    return answers, counts


def test_both_languages_hold_the_same_survey() -> None:
    en, ru = load_demo(Language.EN), load_demo(Language.RU)
    assert _survey_facts(en) == _survey_facts(ru)


def test_the_demo_survey_gives_the_figures_worked_by_hand(demo: WorkshopDocument) -> None:
    tally: dict[int | None, Counter[NpsCategory]] = {}
    months: Counter[str] = Counter()
    for answer in demo.nps_answers:
        tally.setdefault(_position(demo, answer.segment), Counter())[categorize(answer.score)] += (
            answer.count
        )
        if answer.answered_on is not None:
            months[answer.answered_on.strftime("%Y-%m")] += answer.count

    def of(position: int | None) -> tuple[int, int, int]:
        counted = tally[position]
        return (
            counted[NpsCategory.PROMOTER],
            counted[NpsCategory.PASSIVE],
            counted[NpsCategory.DETRACTOR],
        )

    # Counted from the demo files: promoters, passives, detractors per segment.
    assert of(0) == (12, 3, 1)  # coffee shops: NPS (12 − 1) / 16 = 68.75
    assert of(1) == (2, 5, 7)  # offices: (2 − 7) / 14 = −35.7, the weak spot
    assert of(2) == (10, 5, 3)  # home subscribers
    assert of(3) == (4, 1, 0)  # corporate gifts
    assert of(None) == (1, 0, 1)  # answers without a segment
    # 16 + 14 + 18 + 5 + 2 = 55 answers, all but one dated, over four months.
    assert sum(a.count for a in demo.nps_answers) == 55
    assert months == {"2026-08": 14, "2026-09": 13, "2026-10": 15, "2026-11": 12}
    # The home subscribers' mailing survey was typed in as counts.
    assert _survey_facts(demo)[1] == [(2, 41, 22, 17)]
    # Everyone: 29 + 41 = 70 P, 14 + 22 = 36 A, 12 + 17 = 29 D of 135 → NPS 41 / 135 = 30.4.
    overall = NpsCounts(promoters=70, passives=36, detractors=29)
    assert overall.score() == pytest.approx(30.37, abs=0.01)
    # Identical answers without comments are grouped; many answers say why or what to do.
    assert any(a.count > 1 for a in demo.nps_answers)
    assert sum(1 for a in demo.nps_answers if a.why or a.make_it_ten) >= 25


def _touchpoint_facts(doc: WorkshopDocument) -> list[tuple[Any, ...]]:
    return [
        (
            p.category,
            _position(doc, p.segment),
            p.relationship_type,
            p.rating,
            bool(p.idea),
            bool(p.owner),
        )
        for p in doc.touchpoints
    ]


def test_both_languages_hold_the_same_touchpoints() -> None:
    en, ru = load_demo(Language.EN), load_demo(Language.RU)
    assert _touchpoint_facts(en) == _touchpoint_facts(ru)


def test_the_touchpoints_cover_every_category_and_show_what_to_fix(
    demo: WorkshopDocument,
) -> None:
    points = demo.touchpoints
    assert 10 <= len(points) <= 15
    assert {p.category for p in points} == set(TouchpointCategory)
    assert any(p.segment is None for p in points)
    assert any(p.segment is not None for p in points)
    ratings = Counter(p.rating for p in points)
    assert 3 <= ratings[TouchpointRating.AWFUL] <= 5
    assert ratings[TouchpointRating.WOW] and ratings[TouchpointRating.OK]
    assert all(p.idea and p.owner for p in points if p.rating is not None)


def test_the_russian_survey_and_touchpoints_are_in_russian() -> None:
    ru = load_demo(Language.RU)
    texts = [text for a in ru.nps_answers for text in (a.why, a.make_it_ten) if text]
    texts += [text for p in ru.touchpoints for text in (p.name, p.idea, p.owner) if text]
    assert texts
    assert [text for text in texts if not CYRILLIC.search(text)] == []
