"""Open a sitmon database: refuse foreign, newer or damaged files untouched, migrate older ones.

The one SQLite-specific module (pragmas, file checks); everything else uses portable SQLAlchemy.
"""
from __future__ import annotations

import os
import sqlite3
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

from . import backup, store
from .migrations import HEAD, REVISIONS

APPLICATION_ID = 0x53544D31  # "STM1" in the SQLite header: marks a sitmon file
SQLITE_HEADER = b"SQLite format 3\x00"


class DatabaseError(Exception):
    """A database that cannot be opened; str() is a message for the user."""


class NotASitmonDatabase(DatabaseError):
    pass


class NewerDatabase(DatabaseError):
    pass


class DamagedDatabase(DatabaseError):
    pass


@dataclass(frozen=True)
class FileInfo:
    revision: str | None  # schema revision, None for an empty (new) file
    application_id: int


@dataclass
class Database:
    path: Path
    engine: Engine
    readonly: bool = False
    _sessions: sessionmaker = field(init=False, repr=False)

    def __post_init__(self):
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def session(self) -> Session:
        return self._sessions()

    def close(self) -> None:
        self.engine.dispose()


def inspect_file(path: Path) -> FileInfo:
    """Read-only look at an existing file: is it ours, which schema, is it sound."""
    with open(path, "rb") as f:
        header = f.read(100)
    if not header:
        return FileInfo(None, 0)
    if not header.startswith(SQLITE_HEADER):
        raise NotASitmonDatabase(f"{path} is not a sitmon database: it is not an SQLite file. It was left unchanged.")
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise DamagedDatabase(f"{path} cannot be opened: {exc}. It was left unchanged.") from None
    try:
        app_id = con.execute("PRAGMA application_id").fetchone()[0]
        problems = [row[0] for row in con.execute("PRAGMA quick_check")]
        if problems != ["ok"]:
            raise DamagedDatabase(f"{path} is damaged (SQLite quick_check: {problems[0]}). "
                                  "Restore a backup (File > Restore from backup, or 'sitmon restore').")
        tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if app_id != APPLICATION_ID:
            if not tables:
                return FileInfo(None, app_id)
            raise NotASitmonDatabase(f"{path} is an SQLite database of another program, not a sitmon database. "
                                     "It was left unchanged.")
        revision = None
        if "alembic_version" in tables:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabase(f"{path} is damaged ({exc}). "
                              "Restore a backup (File > Restore from backup, or 'sitmon restore').") from None
    finally:
        con.close()
    if revision is not None and revision not in REVISIONS:
        raise NewerDatabase(f"{path} was written by a newer version of sitmon (schema {revision}; this version "
                            f"reads up to {HEAD}). Update sitmon to open it. The file was left unchanged.")
    return FileInfo(revision, app_id)


def _pragmas(dbapi_connection, _record):
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")  # a committed write survives a kill and a power cut
    cur.close()


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite+pysqlite:///{path}")
    event.listen(engine, "connect", _pragmas)
    return engine


def create_file(path: Path) -> None:
    """An empty file readable by the user only; SQLite fills it in."""
    path.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))


def open_database(path: Path | str, *, seed: bool = True) -> Database:
    """Open (creating and seeding if needed) and migrate a sitmon database file."""
    path = Path(path).expanduser()
    if not path.exists():
        create_file(path)
    info = inspect_file(path)
    engine = make_engine(path)
    db = Database(path, engine)
    if info.revision != HEAD:
        if info.revision is not None:
            backup.write(path, reason=f"before-migration-{info.revision}-to-{HEAD}")
        migrate(engine)
    if seed:
        store.seed_if_empty(db)
    return db


def migrate(engine: Engine) -> None:
    from alembic import command
    from alembic.config import Config

    with engine.begin() as conn:
        conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
        cfg = Config()
        cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        if conn.execute(text("SELECT value FROM meta WHERE key='laptop_id'")).first() is None:
            conn.execute(text("INSERT INTO meta(key, value) VALUES ('laptop_id', :v)"), {"v": str(uuid.uuid4())})
