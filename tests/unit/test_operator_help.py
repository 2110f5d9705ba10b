"""The operator commands explain themselves in English and Russian."""

import re

import pytest

from canvas.ops import backup, migrate, restore


def _help(capsys: pytest.CaptureFixture[str], main, argv: list[str]) -> str:
    try:
        status = main(argv)
    except SystemExit as stop:  # argparse leaves after printing the help
        status = stop.code
    assert status == 0
    return capsys.readouterr().out


@pytest.mark.parametrize(
    ("main", "words"),
    [
        (migrate.main, ["downgrade REVISION", "newest schema", "новейшей схеме"]),
        (backup.main, ["--to", "Back up", "Резервная копия"]),
        (restore.main, ["--from", "--replace", "--json-only", "checksum", "контрольные суммы"]),
    ],
    ids=["migrate", "backup", "restore"],
)
def test_each_command_gives_its_usage_and_help_in_both_languages(capsys, main, words):
    shown = _help(capsys, main, ["--help"])

    assert "usage / запуск: python -m canvas.ops." in shown
    assert "DATABASE_URL" in shown
    for word in words:
        assert word in shown
    assert not re.search(r"\bops\.[a-z_.]+", shown.replace("canvas.ops.", "")), shown


def test_a_wrong_migrate_command_prints_the_usage_in_both_languages(capsys):
    assert migrate.main(["sideways"]) == 2

    shown = capsys.readouterr().out
    assert "usage / запуск: python -m canvas.ops.migrate" in shown
    assert "применить все миграции" in shown
