"""The JSON importer refuses broken files with a message that names the problem."""

import json

import pytest

from canvas.content.demo import load_demo
from canvas.export.json_io import MAX_BYTES, ImportRefused, parse_json


def _demo() -> dict:
    return json.loads(load_demo("en").model_dump_json())


def _refusal(raw: bytes, lang: str) -> list[str]:
    with pytest.raises(ImportRefused) as caught:
        parse_json(raw, lang)
    return caught.value.problems


def test_a_valid_export_with_a_byte_order_mark_is_read():
    raw = "\ufeff".encode() + json.dumps(_demo()).encode()
    assert parse_json(raw, "en").workshop.title == "Demo: Coffee roastery"


@pytest.mark.parametrize(
    ("raw", "lang", "expected"),
    [
        (b'{\n  "a": ', "en", ["The file is not valid JSON. (line 2, column 8)"]),
        (b"not json", "ru", ["Файл не является корректным JSON. (строка 1, позиция 1)"]),
        (
            b"\xff\xfe\x00",
            "en",
            ["The file is not UTF-8 text, so it cannot be an exported workshop."],
        ),
        (
            b"[1, 2]",
            "en",
            [
                "The file holds JSON, but not an exported workshop "
                "(an object was expected at the top)."
            ],
        ),
        (
            b'{"schema_version": 7}',
            "en",
            ["Schema version 7 is not supported; this app reads versions 1, 2, 3, 4."],
        ),
        (
            b'{"workshop": {}}',
            "ru",
            ["Версия схемы null не поддерживается; приложение читает версии 1, 2, 3, 4."],
        ),
        (
            b'{"schema_version": 1, "workshop": {"title": NaN}}',
            "en",
            ["The file is not valid JSON."],
        ),
    ],
)
def test_files_that_are_not_exports_are_refused_with_the_reason(raw, lang, expected):
    assert _refusal(raw, lang) == expected


def test_a_file_over_five_megabytes_is_refused_before_it_is_read():
    # 6 × 1024 × 1024 bytes is 6 MB; even a single byte over the limit is refused
    assert _refusal(b" " * (51 * 1024 * 1024), "en") == ["The file is 51 MB; the limit is 50 MB."]
    assert len(_refusal(b" " * (MAX_BYTES + 1), "ru")) == 1


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["segments"][1].update(customers=-3),
            "Segments › 2 › Number of customers: must be at least 0.",
        ),
        (
            lambda d: d["segments"][0]["relationships"][0].update(expected=4),
            "Segments › 1 › Relationships › 1 › Expected by the segment: must be at most 3.",
        ),
        (
            lambda d: d["segments"][0].update(retention_rate=140),
            "Segments › 1 › Yearly retention rate, %: must be at most 100.",
        ),
        (lambda d: d.update(surprise=True), "“surprise”: is not a known field."),
        (lambda d: d["workshop"].pop("title"), "Workshop › Title: is required."),
        (lambda d: d["segments"][0].update(name="  "), "Segments › 1 › Name: must not be empty."),
        (
            lambda d: d["segments"][0]["relationships"][0]["integration"].update(pricing="x"),
            "Segments › 1 › Relationships › 1 › Ties to other blocks › “pricing”: "
            "is not one of the allowed values.",
        ),
    ],
)
def test_each_bad_field_is_named_by_its_path(change, expected):
    document = _demo()
    change(document)
    assert _refusal(json.dumps(document).encode(), "en") == [expected]


def test_ten_thousand_segments_are_refused_in_one_sentence():
    document = _demo()
    document["segments"] = [{"name": f"S{i}"} for i in range(10_000)]
    problems = _refusal(json.dumps(document).encode(), "ru")
    assert problems == ["Сегменты: слишком много элементов: не больше 200."]


def test_duplicate_segment_names_in_a_file_are_refused():
    document = _demo()
    document["segments"][1]["name"] = document["segments"][0]["name"].upper()
    assert _refusal(json.dumps(document).encode(), "en") == ["two segments have the same name."]


def test_a_file_with_hundreds_of_problems_lists_twenty_and_counts_the_rest():
    document = _demo()
    document["segments"] = [{"name": f"S{i}", "customers": -1} for i in range(30)]
    problems = _refusal(json.dumps(document).encode(), "en")
    assert len(problems) == 21
    assert problems[-1] == "… and 10 more problems."


def test_an_export_is_byte_identical_whatever_the_hash_seed():
    import os
    import subprocess
    import sys

    script = (
        "from canvas.content.demo import load_demo;print(load_demo('ru').model_dump_json(indent=2))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1


def test_a_key_of_damaged_text_is_named_in_a_sentence_a_page_can_show():
    # "\\ud800" is valid JSON but no character: the refusal said only "is not valid."
    raw = b'{"schema_version": 3, "workshop": {"title": "A"}, "\\ud800": 1}'
    assert _refusal(raw, "en") == ["holds damaged text: characters that are not valid Unicode."]
    assert _refusal(raw, "ru") == ["содержит повреждённый текст: символы, которых нет в Юникоде."]


def test_an_unknown_key_is_quoted_and_shortened():
    document = _demo()
    document["segments"][0]["x" * 50] = 1
    document[""] = 2
    assert _refusal(json.dumps(document).encode(), "ru") == [
        "Сегменты › 1 › «" + "x" * 39 + "…»: неизвестное поле.",
        "«»: неизвестное поле.",
    ]


def test_an_nps_answer_whose_why_is_not_text_is_refused_not_a_crash():
    # the answer texts were trimmed with str.strip: a number raised TypeError through the page
    document = _demo()
    document["nps_answers"][0]["why"] = 5
    assert _refusal(json.dumps(document).encode(), "en") == [
        "NPS answers › 1 › Why this score: must be text."
    ]
