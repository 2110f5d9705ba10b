"""Alembic environment: runs on the connection handed over by ``canvas.ops.migrate``."""

from alembic import context
from sqlalchemy import Connection

from canvas.store.db import make_engine
from canvas.store.tables import SQLModel

config = context.config
target_metadata = SQLModel.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    with make_engine(config.get_main_option("sqlalchemy.url")).connect() as fresh:
        _run(fresh)
