"""The store's suite runs on both engines: every test here that takes the `db` (or `make_db`) fixture runs
once on an SQLite file and once on PostgreSQL (skipped without a server, failed under CI=true), unless it is
marked `sqlite_only` (what only a file has: SQLCipher, backups, file checks); one marked `postgresql` runs
on the server alone."""
import pytest

from tests.conftest import ENGINES


def pytest_generate_tests(metafunc):
    if {"db", "make_db"} & set(metafunc.fixturenames) and not metafunc.definition.get_closest_marker("sqlite_only"):
        server_only = metafunc.definition.get_closest_marker("postgresql") is not None
        metafunc.parametrize("db_engine", ("postgresql",) if server_only else ENGINES, indirect=True)


def pytest_collection_modifyitems(items):
    for item in items:
        if item.get_closest_marker("sqlite_only") is None and "[postgresql" in item.nodeid:
            item.add_marker(pytest.mark.postgresql)
