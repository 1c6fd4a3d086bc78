"""A sitmon database file left at an older schema revision, as an earlier version of sitmon wrote it."""
from alembic import command
from alembic.config import Config

from db.store import engine
from db.store.dialect import sqlite


def at_revision(path, revision: str, *statements: str) -> None:
    """Create `path` migrated up to `revision` only, then run `statements` in the same transaction."""
    sqlite.create_file(path)
    eng = sqlite.make_engine(path)
    with eng.begin() as conn:
        conn.exec_driver_sql(f"PRAGMA application_id={sqlite.APPLICATION_ID}")
        cfg = Config()
        cfg.set_main_option("script_location", str(engine.Path(engine.__file__).parent / "migrations"))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        for sql in statements:
            conn.exec_driver_sql(sql)
    eng.dispose()
