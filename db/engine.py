"""Open a sitmon database: refuse foreign, newer, damaged or wrongly keyed files untouched, migrate
older ones, open read-only where the file or its folder cannot be written, encrypt with a passphrase.

The one SQLite-specific module (pragmas, file checks, SQLCipher); everything else uses portable SQLAlchemy.
"""
from __future__ import annotations

import os
import sqlite3
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

from . import store
from .migrations import HEAD, REVISIONS
from .records import QT_TRANSLATE_NOOP

APPLICATION_ID = 0x53544D31  # "STM1" in the SQLite header: marks a sitmon file
SQLITE_HEADER = b"SQLite format 3\x00"
SQLITE_READONLY, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_NOTADB = 8, 11, 13, 26

MSG_DISK_FULL = QT_TRANSLATE_NOOP("db", "The disk holding {path} is full. The change was not saved and the database "
                                        "is as it was before it. Free some space and try again.")
MSG_READONLY = QT_TRANSLATE_NOOP("db", "{path} is open read-only: changes cannot be saved.")
MSG_DAMAGED = QT_TRANSLATE_NOOP("db", "{path} is damaged ({problem}). Restore a backup "
                                      "(File > Restore from backup, or 'sitmon restore').")
MSG_PASSPHRASE_REQUIRED = QT_TRANSLATE_NOOP("db", "{path} is encrypted (or is not an SQLite file): "
                                                  "give its passphrase to open it.")
MSG_WRONG_PASSPHRASE = QT_TRANSLATE_NOOP("db", "The passphrase does not open {path}. It was left unchanged.")
MSG_NOT_ENCRYPTED = QT_TRANSLATE_NOOP("db", "{path} is not encrypted, but a passphrase was given. "
                                            "Open it without a passphrase. It was left unchanged.")
MSG_NO_SQLCIPHER = QT_TRANSLATE_NOOP("db", "Encrypted databases need the sqlcipher3-binary package, "
                                           "which is not installed.")
MSG_CANNOT_CREATE = QT_TRANSLATE_NOOP("db", "{path} cannot be created: {reason}.")
MSG_READONLY_UPGRADE = QT_TRANSLATE_NOOP("db", "{path} needs an upgrade to this version of sitmon but is read-only. "
                                               "Open it from a folder you can write to.")
MSG_NOT_SQLITE = QT_TRANSLATE_NOOP("db", "{path} is not a sitmon database: it is not an SQLite file. "
                                         "It was left unchanged.")
MSG_CANNOT_OPEN = QT_TRANSLATE_NOOP("db", "{path} cannot be opened: {reason}. It was left unchanged.")
MSG_FOREIGN = QT_TRANSLATE_NOOP("db", "{path} is an SQLite database of another program, not a sitmon database. "
                                      "It was left unchanged.")
MSG_NEWER = QT_TRANSLATE_NOOP("db", "{path} was written by a newer version of sitmon (schema {revision}; this version "
                                    "reads up to {head}). Update sitmon to open it. The file was left unchanged.")


class DatabaseError(Exception):
    """A database that cannot be opened or written; str() is a message for the user.

    `template` (marked for translation in the "db" context) and `params` let app/ translate it."""

    def __init__(self, message: str, **params):
        self.template, self.params = message, params
        super().__init__(message.format(**params) if params else message)


class NotASitmonDatabase(DatabaseError):
    pass


class NewerDatabase(DatabaseError):
    pass


class DamagedDatabase(DatabaseError):
    pass


class DiskFullError(DatabaseError):
    pass


class ReadOnlyDatabase(DatabaseError):
    pass


class PassphraseRequired(DatabaseError):
    pass


class WrongPassphrase(DatabaseError):
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
    passphrase: str | None = field(default=None, repr=False)
    _sessions: sessionmaker = field(init=False, repr=False)

    def __post_init__(self):
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def session(self) -> Session:
        return self._sessions()

    def close(self) -> None:
        self.engine.dispose()


def driver(passphrase: str | None):
    """The DB-API module: the standard sqlite3, or SQLCipher's for an encrypted file."""
    if passphrase is None:
        return sqlite3
    try:
        from sqlcipher3 import dbapi2
    except ImportError:
        raise DatabaseError(MSG_NO_SQLCIPHER) from None
    return dbapi2


def writable(path: Path) -> bool:
    """Can SQLite write this database: the file, its folder (WAL needs -wal and -shm beside it)."""
    return all(os.access(p, os.W_OK) for p in (path, path.parent) if p.exists())


def connect(path: Path, passphrase: str | None = None, readonly: bool = False):
    """A raw DB-API connection, keyed when there is a passphrase."""
    uri = path.resolve().as_uri()
    if readonly:
        shm = path.with_name(path.name + "-shm")
        # a read-only WAL file needs its -shm; where it cannot be created, the file cannot change under us either
        uri += "?mode=ro" if shm.exists() or os.access(path.parent, os.W_OK) else "?mode=ro&immutable=1"
    con = driver(passphrase).connect(uri, uri=True, check_same_thread=False, isolation_level=None)
    if passphrase is not None:
        con.execute("PRAGMA cipher_log_level = NONE")  # SQLCipher logs failed keys to stderr otherwise
        con.execute("PRAGMA key = '{0}'".format(passphrase.replace("'", "''")))
    return con


def inspect_file(path: Path, passphrase: str | None = None, *, thorough: bool = False) -> FileInfo:
    """Read-only look at an existing file: is it ours, which schema, is it sound (`thorough`: integrity_check)."""
    with open(path, "rb") as f:
        header = f.read(100)
    if not header:
        return FileInfo(None, 0)
    plain = header.startswith(SQLITE_HEADER)
    if plain and passphrase is not None:
        raise DatabaseError(MSG_NOT_ENCRYPTED, path=path)
    if not plain and passphrase is None:
        if path.stat().st_size % 512 == 0:  # encrypted files are whole pages of random bytes
            raise PassphraseRequired(MSG_PASSPHRASE_REQUIRED, path=path)
        raise NotASitmonDatabase(MSG_NOT_SQLITE, path=path)
    error = driver(passphrase).DatabaseError
    try:
        con = connect(path, passphrase, readonly=True)
    except error as exc:
        raise DamagedDatabase(MSG_CANNOT_OPEN, path=path, reason=exc) from None
    try:
        if passphrase is not None:
            try:
                con.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except error:
                raise WrongPassphrase(MSG_WRONG_PASSPHRASE, path=path) from None
        app_id = con.execute("PRAGMA application_id").fetchone()[0]
        problems = [row[0] for row in con.execute("PRAGMA integrity_check" if thorough else "PRAGMA quick_check")]
        if problems != ["ok"]:
            raise DamagedDatabase(MSG_DAMAGED, path=path, problem=f"SQLite {'integrity' if thorough else 'quick'}"
                                                                  f"_check: {problems[0]}")
        tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if app_id != APPLICATION_ID:
            if not tables:
                return FileInfo(None, app_id)
            raise NotASitmonDatabase(MSG_FOREIGN, path=path)
        revision = None
        if "alembic_version" in tables:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    except error as exc:
        raise DamagedDatabase(MSG_DAMAGED, path=path, problem=str(exc)) from None
    finally:
        con.close()
    if revision is not None and revision not in REVISIONS:
        raise NewerDatabase(MSG_NEWER, path=path, revision=revision, head=HEAD)
    return FileInfo(revision, app_id)


def _pragmas(readonly: bool):
    def apply(dbapi_connection, _record):
        cur = dbapi_connection.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=5000")
        if readonly:
            cur.execute("PRAGMA query_only=ON")
        else:
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")  # a committed write survives a kill and a power cut
        cur.close()
    return apply


def _translate_errors(path: Path):
    """SQLite's full-disk, read-only and corruption errors become DatabaseErrors with a message for the user."""
    def translate(ctx):
        code = (getattr(ctx.original_exception, "sqlite_errorcode", None) or 0) & 0xFF  # the primary code
        if code == SQLITE_FULL:
            raise DiskFullError(MSG_DISK_FULL, path=path) from ctx.original_exception
        if code == SQLITE_READONLY:
            raise ReadOnlyDatabase(MSG_READONLY, path=path) from ctx.original_exception
        if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
            raise DamagedDatabase(MSG_DAMAGED, path=path, problem=str(ctx.original_exception)) \
                from ctx.original_exception
    return translate


def make_engine(path: Path, passphrase: str | None = None, readonly: bool = False) -> Engine:
    engine = create_engine(f"sqlite+pysqlite:///{path}", module=driver(passphrase),
                           creator=lambda: connect(path, passphrase, readonly))
    event.listen(engine, "connect", _pragmas(readonly))
    event.listen(engine, "handle_error", _translate_errors(path))
    # SQLAlchemy's recipe for pysqlite: the driver would commit before DDL and begin only before DML, so a
    # migration or an import that drops and recreates triggers could not roll back whole. SQLAlchemy now
    # says BEGIN itself, and every transaction holds whatever it runs.
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
    return engine


def create_file(path: Path) -> None:
    """An empty file readable by the user only; SQLite fills it in (and gives -wal and -shm the same mode)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))


def open_database(path: Path | str, *, seed: bool = True, passphrase: str | None = None,
                  readonly: bool | None = None) -> Database:
    """Open (creating and seeding if needed) and migrate a sitmon database file.

    `passphrase` opens or creates an encrypted (SQLCipher) file. `readonly` None: read-only when the file
    or its folder cannot be written."""
    path, passphrase = Path(path).expanduser(), passphrase or None
    if not path.exists():
        try:
            create_file(path)
        except OSError as exc:
            raise DatabaseError(MSG_CANNOT_CREATE, path=path, reason=exc.strerror or str(exc)) from None
    info = inspect_file(path, passphrase)
    if readonly is None:
        readonly = not writable(path)
    db = Database(path, make_engine(path, passphrase, readonly), readonly, passphrase)
    if info.revision != HEAD:
        if readonly:
            raise DatabaseError(MSG_READONLY_UPGRADE, path=path)
        if info.revision is not None:
            from . import backup  # backup builds on this module

            backup.write(path, reason=f"before-migration-{info.revision}-to-{HEAD}", passphrase=passphrase)
        migrate(db.engine)
    if seed and not readonly:
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
