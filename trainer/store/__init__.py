"""Persistence: the SQLAlchemy engine and sessions, the table models and their Alembic migrations."""
