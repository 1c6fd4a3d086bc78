"""SQLite files: connections (SQLCipher when there is a passphrase), pragmas, the checks made before a file
is trusted, SQLite's error codes as DatabaseErrors, and whole-file copies through the online backup API."""
from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event

from db.store.errors import (
    MSG_BUSY,
    MSG_CANNOT_OPEN,
    MSG_DAMAGED,
    MSG_DISK_FULL,
    MSG_FOREIGN,
    MSG_FOREIGN_OBJECT,
    MSG_IN_USE,
    MSG_NEWER,
    MSG_NO_SQLCIPHER,
    MSG_NOT_ENCRYPTED,
    MSG_NOT_SQLITE,
    MSG_PASSPHRASE_REQUIRED,
    MSG_READONLY,
    MSG_WRONG_PASSPHRASE,
    DamagedDatabase,
    DatabaseBusy,
    DatabaseError,
    DiskFullError,
    ForeignObjects,
    NewerDatabase,
    NotASitmonDatabase,
    PassphraseRequired,
    ReadOnlyDatabase,
    WrongPassphrase,
)
from db.store.migrations import HEAD, REVISIONS, schemas

APPLICATION_ID = 0x53544D31  # "STM1" in the SQLite header: marks a sitmon file
HEADER = b"SQLite format 3\x00"
SQLITE_BUSY, SQLITE_READONLY, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_NOTADB = 5, 8, 11, 13, 26
BUSY_MS = 30_000  # how long a write waits for another process's transaction before saying so
WRITE = "sitmon_write"  # the execution option marking a write transaction (db.store.engine.Database.writing)


@dataclass(frozen=True)
class FileInfo:
    revision: str | None  # schema revision, None for an empty (new) file
    application_id: int


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


def create_file(path: Path) -> None:
    """An empty file readable by the user only; SQLite fills it in (and gives -wal and -shm the same mode)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))


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


def is_plain(path: Path) -> bool:
    """An unencrypted SQLite file (its header says so)."""
    with open(path, "rb") as f:
        return f.read(16) == HEADER


def inspect_file(path: Path, passphrase: str | None = None, *, thorough: bool = False) -> FileInfo:
    """Read-only look at an existing file: is it ours, which schema, is it sound (`thorough`: integrity_check)."""
    with open(path, "rb") as f:
        header = f.read(100)
    if not header:
        return FileInfo(None, 0)
    plain = header.startswith(HEADER)
    if plain and passphrase is not None:
        raise DatabaseError(MSG_NOT_ENCRYPTED, path=path)
    if not plain and passphrase is None:
        # encrypted files are whole pages of random bytes (a salt first); zeros or text are not a database
        if path.stat().st_size % 512 == 0 and len(set(header[:16])) > 4:
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
        if revision in REVISIONS:
            _check_schema(path, con, revision)
    except error as exc:
        raise DamagedDatabase(MSG_DAMAGED, path=path, problem=str(exc)) from None
    finally:
        con.close()
    if revision is not None and revision not in REVISIONS:
        raise NewerDatabase(MSG_NEWER, path=path, revision=revision, head=HEAD)
    return FileInfo(revision, app_id)


def _check_schema(path: Path, con, revision: str) -> None:
    """Refuse a file holding a table, index, trigger or view the migrations did not make (a trigger slipped
    into a backup would run at the next write), or lacking one they did."""
    extra, missing = schemas.differences(schemas.of(con), revision)
    if extra:
        kind, name = extra[0][:2]
        raise ForeignObjects(MSG_FOREIGN_OBJECT, path=path, kind=kind, name=name)
    if missing:
        raise DamagedDatabase(MSG_DAMAGED, path=path, problem=f"{missing[0][0]} {missing[0][1]} is missing")


def _pragmas(readonly: bool):
    def apply(dbapi_connection, _record):
        cur = dbapi_connection.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_MS}")
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
        if code == SQLITE_BUSY:
            raise DatabaseBusy(MSG_BUSY, path=path) from ctx.original_exception
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
    # says BEGIN itself, and every transaction holds whatever it runs. A write (Database.writing) begins
    # IMMEDIATE: it waits its turn for the write lock (busy_timeout) instead of failing half-way when
    # another process wrote since it started reading.
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql(
        "BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE) else "BEGIN"))
    return engine


def mark_as_ours(conn) -> None:
    """Stamp the file as a sitmon database (inside the migration's transaction)."""
    conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")


def copy(source: Path, target: Path, passphrase: str | None, journal_mode: str) -> None:
    """Copy a whole database file into `target` through SQLite's online backup API (consistent even in use)."""
    src = connect(source, passphrase, readonly=True)
    dst = connect(target, passphrase)
    try:
        src.backup(dst)
        dst.execute(f"PRAGMA journal_mode={journal_mode}")
    finally:
        dst.close()
        src.close()


def leave_wal(path: Path) -> None:
    """Fold the -wal into the file and leave WAL mode, which SQLite allows only when no other
    connection is open (SQLCipher's own SQLite must not share an open plain file with the sqlite3 module)."""
    con = sqlite3.connect(path, timeout=0)
    try:
        mode = con.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    except sqlite3.OperationalError:
        mode = "locked"
    finally:
        con.close()
    if mode != "delete":
        raise DatabaseError(MSG_IN_USE, path=path)


def export_encrypted(path: Path, target: Path, passphrase: str) -> None:
    """Write an encrypted copy of the plain file `path` into the empty file `target` (sqlcipher_export)."""
    con = driver(passphrase).connect(str(path), check_same_thread=False)
    try:
        con.execute("ATTACH DATABASE ? AS enc KEY ?", (str(target), passphrase))
        con.execute("SELECT sqlcipher_export('enc')")
        con.execute(f"PRAGMA enc.application_id={APPLICATION_ID}")
        con.execute("DETACH DATABASE enc")
    finally:
        con.close()


def state_of(path: Path, passphrase: str | None = None) -> tuple | None:
    """What a file holds, in short: each table's row count and highest rowid. Every change of sitmon's adds
    an audit row or replaces a row, so two files with the same state hold the same data. None: unreadable."""
    dbapi = driver(passphrase)
    try:
        con = connect(path, passphrase, readonly=True)
    except dbapi.Error:
        return None
    try:
        tables = [n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE "
                                            "'sqlite_%' AND sql NOT LIKE '%WITHOUT ROWID%' ORDER BY name")]
        return tuple((t, *con.execute(f'SELECT count(*), coalesce(max(rowid), 0) FROM "{t}"').fetchone())
                     for t in tables)
    except dbapi.Error:
        return None
    finally:
        con.close()


def count_incidents(path: Path, passphrase: str | None = None) -> int | None:
    """Incidents (not deleted) in a database file; None when it cannot be read."""
    dbapi = driver(passphrase)
    try:
        con = connect(path, passphrase, readonly=True)
    except dbapi.Error:
        return None
    try:
        return con.execute("SELECT count(*) FROM incidents WHERE NOT deleted").fetchone()[0]
    except dbapi.Error:
        return None
    finally:
        con.close()


class DataVersion:
    """SQLite's PRAGMA data_version on a read-only connection of its own: the number changes when any other
    connection commits to the file (another process, or another connection of this one).

    Reading it never waits: busy_timeout is 0, so a file locked by another connection reads as None (try
    again later); in WAL mode a writer does not lock readers out. The connection is in autocommit mode and
    holds no transaction between reads, so it never stands in the way of a checkpoint."""

    def __init__(self, path: Path, passphrase: str | None = None):
        self._con = connect(path, passphrase, readonly=True)
        self._con.execute("PRAGMA busy_timeout=0")
        self._error = driver(passphrase).Error

    def read(self) -> int | None:
        try:
            return self._con.execute("PRAGMA data_version").fetchone()[0]
        except self._error:
            return None

    def busy_timeout(self) -> int:
        return self._con.execute("PRAGMA busy_timeout").fetchone()[0]

    def close(self) -> None:
        self._con.close()
