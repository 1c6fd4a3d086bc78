"""Open the store: refuse foreign, newer, damaged or wrongly keyed files untouched, migrate older ones
(after a backup), open read-only where the file or its folder cannot be written, encrypt with a passphrase.
The same store on a PostgreSQL server (headquarters) from a postgresql:// URL: refused when newer or another
program's, migrated in one transaction (PostgreSQL's DDL rolls back whole; the server's own backups, pg_dump,
stand in for the file copies), read-only where the role may not write.

`db.open_database` (db/__init__.py) opens a store and seeds it with the default scenario.
"""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from sqlalchemy import Connection, Engine, text
from sqlalchemy.orm import Session, sessionmaker

from db.records import QT_TRANSLATE_NOOP
from db.store import backup
from db.store.dialect import postgresql, sqlite
from db.store.errors import DatabaseError
from db.store.migrations import HEAD

MSG_CANNOT_CREATE = QT_TRANSLATE_NOOP("db", "{path} cannot be created: {reason}.")
MSG_READONLY_UPGRADE = QT_TRANSLATE_NOOP("db", "{path} needs an upgrade to this version of sitmon but is read-only. "
                                               "Open it from a folder you can write to.")


@dataclass(eq=False)
class Database:
    """An open sitmon database: every reader and writer in a process shares this one object (its engine
    hands each thread a connection of its own; a Session never crosses threads)."""

    path: Path | None  # the SQLite file; None on a server
    engine: Engine
    readonly: bool = False
    passphrase: str | None = field(default=None, repr=False)
    created: bool = False  # the file did not exist: this open made it
    url: str | None = None  # the PostgreSQL database's URL (libpq's), None for a file

    @property
    def where(self) -> str:
        """The file or the server database, for messages."""
        return str(self.path) if self.url is None else postgresql.shown(self.url)

    @property
    def on_server(self) -> bool:
        return self.url is not None

    @property
    def identity_path(self) -> Path:
        """Where this database's signing key lives (db/store/identity.py adds ".key"): beside the file; for a
        server database, in the user's data folder under the database's own id (never in the database, so
        its backups cannot sign in its name)."""
        if self.path is not None:
            return self.path
        import platformdirs

        folder = Path(os.environ.get("SITMON_DATA_DIR") or platformdirs.user_data_path("sitmon", appauthor=False))
        return folder / "servers" / self.laptop_id

    def __post_init__(self):
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def session(self) -> Session:
        """A Session for reading (and for writes inside `with s.begin()` that never wait on others)."""
        return self._sessions()

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """A connection in a write transaction that waits its turn for the write lock (committed at the end of
        the block, rolled back on an exception)."""
        with self.engine.connect().execution_options(**{sqlite.WRITE: True}) as conn, conn.begin():
            yield conn

    def write_session(self) -> Session:
        """A Session whose transactions are writes (see `writing`): `with db.write_session() as s, s.begin()`."""
        return Session(self.engine.execution_options(**{sqlite.WRITE: True}), expire_on_commit=False)

    @cached_property
    def laptop_id(self) -> str:
        """This database's own id (made when it was created), recorded as the origin of what it writes."""
        with self.engine.connect() as conn:
            return conn.execute(text("SELECT value FROM meta WHERE key='laptop_id'")).scalar() or ""

    def close(self) -> None:
        self.engine.dispose()


def open_store(path: Path | str, *, passphrase: str | None = None, readonly: bool | None = None) -> Database:
    """Open (creating if needed) and migrate a sitmon database file, or the PostgreSQL database a
    postgresql:// URL names.

    `passphrase` opens or creates an encrypted (SQLCipher) file. `readonly` None: read-only when the file
    or its folder cannot be written (on a server: when the role may not write)."""
    if postgresql.is_url(path):
        return _open_server(path, readonly)
    path, passphrase = Path(path).expanduser(), passphrase or None
    created = not path.exists()
    if created:
        try:
            sqlite.create_file(path)
        except OSError as exc:
            raise DatabaseError(MSG_CANNOT_CREATE, path=path, reason=exc.strerror or str(exc)) from None
    info = sqlite.inspect_file(path, passphrase)
    if readonly is None:
        readonly = not sqlite.writable(path)
    db = Database(path, sqlite.make_engine(path, passphrase, readonly), readonly, passphrase, created)
    if info.revision != HEAD:
        if readonly:
            raise DatabaseError(MSG_READONLY_UPGRADE, path=path)
        if info.revision is not None:
            backup.write(path, reason=f"before-migration-{info.revision}-to-{HEAD}", passphrase=passphrase)
        migrate(db.engine)
    return db


def _open_server(url: str, readonly: bool | None) -> Database:
    url = postgresql.checked_url(url)
    info = postgresql.inspect(url)
    if readonly is None:
        readonly = not info.writable
    db = Database(None, postgresql.make_engine(url, readonly), readonly, created=info.revision is None, url=url)
    if info.revision != HEAD:
        if readonly:
            db.close()
            raise DatabaseError(MSG_READONLY_UPGRADE, path=db.where)
        try:
            migrate(db.engine)
        except BaseException:
            db.close()
            raise
    return db


def migrate(engine: Engine) -> None:
    from alembic import command
    from alembic.config import Config

    with engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            sqlite.mark_as_ours(conn)
        else:
            postgresql.lock_migrations(conn)
        cfg = Config()
        cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        if conn.execute(text("SELECT value FROM meta WHERE key='laptop_id'")).first() is None:
            conn.execute(text("INSERT INTO meta(key, value) VALUES ('laptop_id', :v)"), {"v": str(uuid.uuid4())})
