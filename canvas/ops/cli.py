"""What the operator commands share on the command line: help in English and Russian,
and the way a command reports its progress.
"""

import argparse
from collections.abc import Callable
from typing import Any

from canvas.i18n import t

Say = Callable[[str], None]  # where a command reports progress: ``print``, or nowhere
DATABASE = {"variable": "DATABASE_URL", "folder": "data/"}


def quiet(_message: str) -> None:
    """Report nothing (the default when a command runs from code, not from a terminal)."""


def bilingual(key: str, **params: Any) -> str:
    """The text for ``key`` in English, then in Russian, on one line."""
    return f"{t(key, 'en', **params)} / {t(key, 'ru', **params)}"


def paragraphs(key: str, **params: Any) -> str:
    """The text for ``key`` as an English paragraph followed by a Russian one."""
    return f"{t(key, 'en', **params)}\n{t(key, 'ru', **params)}"


def usage_line(command: str) -> str:
    """``usage / запуск: <command>``."""
    return f"{bilingual('ops.usage')}: {command}"


class _BilingualHelp(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, prefix=f"{bilingual('ops.usage')}: ")


def parser(prog: str, about: str) -> argparse.ArgumentParser:
    """An argument parser whose usage line and help speak English and Russian."""
    made = argparse.ArgumentParser(
        prog=prog,
        description=f"{paragraphs(about)}\n\n{paragraphs('ops.database', **DATABASE)}",
        formatter_class=_BilingualHelp,
        add_help=False,
    )
    made._optionals.title = bilingual("ops.options")  # argparse has no public way to say it
    made.add_argument("-h", "--help", action="help", help=bilingual("ops.help"))
    return made
