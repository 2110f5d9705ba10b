"""Bring a database to the newest schema with Alembic: at the app's start-up (``upgrade``),
and as ``python -m canvas.ops.migrate [upgrade | downgrade REVISION]`` (``make migrate``).
The migrations themselves live in ``canvas/store/migrations``.

Two moves are refused before anything is written, because they would damage data: opening a
database that a newer release wrote (its schema is unknown here), and going back to an older
schema while the database holds workshops or courses (``downgrade`` drops what the newer
schema added). Both say so in English and Russian; a backup is the way back.
"""

import sys
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, func, inspect, select, table

from canvas.domain.errors import DowngradeRefused, SchemaTooNew, WorkshopError
from canvas.i18n import describe_error
from canvas.ops.cli import DATABASE, paragraphs, usage_line
from canvas.store.db import default_url, make_engine

MIGRATIONS = Path(__file__).resolve().parents[1] / "store" / "migrations"
COMMAND = "python -m canvas.ops.migrate [upgrade | downgrade REVISION]"


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return config


def head_revision(engine: Engine) -> str | None:
    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def known_revisions(engine: Engine) -> set[str]:
    script = ScriptDirectory.from_config(alembic_config(engine))
    return {revision.revision for revision in script.walk_revisions()}


def upgrade(engine: Engine) -> None:
    """Apply every migration the database has not seen yet, in one transaction.

    Raises ``SchemaTooNew`` (and changes nothing) if a newer release wrote the database.
    """
    config = alembic_config(engine)
    with engine.begin() as connection:
        found = MigrationContext.configure(connection).get_current_revision()
        if found is not None and found not in known_revisions(engine):
            raise SchemaTooNew(found=found, newest=head_revision(engine))
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def downgrade(engine: Engine, target: str) -> None:
    """Go back to schema ``target``, only while the database holds no workshop or course."""
    if target != "base" and target not in known_revisions(engine):
        raise SchemaTooNew(found=target, newest=head_revision(engine))
    config = alembic_config(engine)
    with engine.begin() as connection:
        present = set(inspect(connection).get_table_names())
        counts = {
            name: connection.execute(select(func.count()).select_from(table(stored))).scalar_one()
            if stored in present
            else 0
            for name, stored in (("workshops", "workshop"), ("courses", "course"))
        }
        if any(counts.values()):
            raise DowngradeRefused(target=target, **counts)
        config.attributes["connection"] = connection
        command.downgrade(config, target)


def usage() -> str:
    """How to run the command and what each way does, in English and Russian."""
    ways = [
        paragraphs("ops.migrate.upgrade", command="upgrade"),
        paragraphs("ops.migrate.downgrade", command="downgrade REVISION", revision="REVISION"),
    ]
    return "\n\n".join(
        [
            usage_line(COMMAND),
            paragraphs("ops.migrate.about"),
            paragraphs("ops.database", **DATABASE),
            "\n".join(f"  {line}" for way in ways for line in way.splitlines()),
        ]
    )


def main(argv: list[str] | None = None) -> int:
    """``[upgrade]`` or ``downgrade REVISION``; a refusal prints why, in both languages."""
    args = sys.argv[1:] if argv is None else argv
    if args in (["-h"], ["--help"]):
        print(usage())
        return 0
    engine = make_engine(default_url())
    try:
        if args[:1] == ["downgrade"] and len(args) == 2:
            downgrade(engine, args[1])
        elif args in ([], ["upgrade"]):
            upgrade(engine)
        else:
            print(usage())
            return 2
    except WorkshopError as error:
        for lang in ("en", "ru"):
            print(describe_error(error, lang), file=sys.stderr)
        return 1
    except NotImplementedError as error:  # a migration that cannot go back on this database
        print(error, file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    print(f"database at revision {current_revision(engine)}: {engine.url.render_as_string()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
