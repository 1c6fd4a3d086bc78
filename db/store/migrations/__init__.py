"""Alembic migrations. HEAD is checked against the scripts by tests/db/store/test_migrations.py, so that
opening a database at the current version needs no Alembic import (start-up time)."""
REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0009", "0007", "0008", "0011", "0010")
HEAD = REVISIONS[-1]
