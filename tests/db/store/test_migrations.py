"""The migration scripts, the models and db.store.migrations.HEAD agree."""
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

import db.store.migrations
from db.store.dialect import postgresql_gis, postgresql_search, sqlite_fts
from db.store.models import Base


def test_head_constant_matches_the_scripts():
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(db.store.migrations.__file__).parent))
    script = ScriptDirectory.from_config(cfg)
    assert script.get_current_head() == db.store.migrations.HEAD
    assert [r.revision for r in reversed(list(script.walk_revisions()))] == list(db.store.migrations.REVISIONS)


def test_migrated_schema_matches_the_models(db):
    """The models, and what only one engine has: SQLite's text index tables, PostgreSQL's words and point
    columns, their indexes and the statuses' table (PostGIS's own table too)."""
    engine_only = sqlite_fts.SHADOW | postgresql_gis.SERVER_ONLY | postgresql_search.SERVER_ONLY
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": lambda name, kind, _parent: not (
            name in engine_only)})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_the_schema_snapshot_is_what_the_migrations_make():
    """db/store/migrations/schemas.json: regenerate with `python -m db.store.migrations.schemas`."""
    from db.store.migrations import schemas

    assert schemas.made_by_migrations() == schemas.expected(), \
        "db/store/migrations/schemas.json is stale: run `python -m db.store.migrations.schemas` and commit it"
