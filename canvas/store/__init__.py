"""Persistence: SQLModel tables, the engine, Alembic migrations and repository functions."""
