"""Persistence: SQLModel tables, the engine, Alembic migrations and the store modules."""
