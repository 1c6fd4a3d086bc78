"""PostgreSQL servers (headquarters): the URL, connections through psycopg 3 and libpq, the checks made before
a database is trusted, PostgreSQL's errors as DatabaseErrors, and rows read back as SQLite stores them.

libpq reads the URL itself, so everything it knows works as it documents it: a service name
(`postgresql:///?service=sitmon` and ~/.pg_service.conf), passwords from ~/.pgpass or the service file,
`sslmode`, `connect_timeout`, PG* variables. A password written in the URL is refused: it would sit in shell
histories, settings and process lists.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from sqlalchemy import Engine, create_engine, event

from db.records import QT_TRANSLATE_NOOP
from db.store.errors import (
    MSG_BUSY,
    MSG_DISK_FULL,
    MSG_NEWER,
    MSG_READONLY,
    DatabaseBusy,
    DatabaseError,
    DiskFullError,
    NewerDatabase,
    NotASitmonDatabase,
    ReadOnlyDatabase,
)
from db.store.migrations import HEAD, REVISIONS
from db.store.dialect.sqlite import WRITE

SCHEMES = ("postgresql", "postgres")
# Every session speaks ISO dates and UTC whatever the server's defaults, so rows read back as SQLite stores them.
OPTIONS = "-c DateStyle=ISO,YMD -c TimeZone=UTC -c IntervalStyle=postgres -c client_encoding=UTF8"
LOCK_WAIT_MS = 30_000  # how long a statement waits for another session's lock before saying so
# PostGIS's own table in the public schema, and the views sitmon makes: not signs of another program's data.
NOT_FOREIGN = frozenset({"spatial_ref_sys"})
MIGRATION_LOCK, WRITE_LOCK = 0x53544D31, 0x53544D32  # pg_advisory_xact_lock keys: one migration, one writer

MSG_PASSWORD_IN_URL = QT_TRANSLATE_NOOP("db", "{url}: a password in the address is refused (it would be kept in "
                                              "shell histories and settings). Put it in ~/.pgpass or a service "
                                              "file (postgresql:///?service=NAME), as libpq documents.")
MSG_BAD_URL = QT_TRANSLATE_NOOP("db", "{url} is not a PostgreSQL address (postgresql://HOST[:PORT]/DATABASE or "
                                      "postgresql:///?service=NAME).")
MSG_CANNOT_CONNECT = QT_TRANSLATE_NOOP("db", "{url} cannot be reached: {reason}")
MSG_NO_PASSWORD = QT_TRANSLATE_NOOP("db", "{url} asks for a password: put it in ~/.pgpass or in the service file, "
                                          "never on the command line.")
MSG_NO_DRIVER = QT_TRANSLATE_NOOP("db", "PostgreSQL needs the psycopg package, which is not installed.")
MSG_FOREIGN_PG = QT_TRANSLATE_NOOP("db", "{url} holds the table {name} of another program, not a sitmon "
                                         "database. It was left unchanged.")
MSG_NO_EXTENSION = QT_TRANSLATE_NOOP("db", "{url} lacks the extension {name}, and this role may not create it. "
                                           "Ask the server's administrator to run CREATE EXTENSION {name}; in "
                                           "that database. Nothing was changed.")


@dataclass(frozen=True)
class ServerInfo:
    revision: str | None  # schema revision, None for a database sitmon has not set up yet
    writable: bool  # the role may write the incident log (False: an analyst's read-only role)


def is_url(target) -> bool:
    """Whether --db / SITMON_DB names a PostgreSQL database rather than a file."""
    return isinstance(target, str) and target.split(":", 1)[0].lower() in SCHEMES and "://" in target


def checked_url(url: str) -> str:
    """The URL as libpq will read it; a password in it (user:password@ or ?password=) is refused."""
    try:
        parts = urlsplit(url)
        query = parse_qsl(parts.query, keep_blank_values=True)
        password = parts.password
    except ValueError:
        raise DatabaseError(MSG_BAD_URL, url=shown(url)) from None
    if parts.scheme.lower() not in SCHEMES:
        raise DatabaseError(MSG_BAD_URL, url=shown(url))
    if password is not None or any(k == "password" for k, _ in query):
        raise DatabaseError(MSG_PASSWORD_IN_URL, url=shown(url))
    return url


def shown(url: str) -> str:
    """The URL for messages: any password replaced by ***."""
    try:
        parts = urlsplit(url)
        netloc = parts.netloc
        if parts.password is not None:
            netloc = netloc.replace(f":{parts.password}@", ":***@", 1)
        query = "&".join(f"{k}=***" if k == "password" else f"{k}={v}"
                         for k, v in parse_qsl(parts.query, keep_blank_values=True))
        return urlunsplit(parts._replace(netloc=netloc, query=query))
    except ValueError:
        return "postgresql://…"


def _driver():
    try:
        import psycopg
    except ImportError:
        raise DatabaseError(MSG_NO_DRIVER) from None
    return psycopg


def connect(url: str, readonly: bool = False):
    """A raw psycopg connection (libpq reads the URL, the service file and .pgpass)."""
    psycopg = _driver()
    from psycopg.conninfo import conninfo_to_dict

    params = conninfo_to_dict(url)  # the URL's own options (e.g. -c role=...) come first, ours after
    params["options"] = " ".join(filter(None, (params.get("options"), OPTIONS, f"-c lock_timeout={LOCK_WAIT_MS}",
                                               "-c default_transaction_read_only=on" if readonly else "")))
    params.setdefault("connect_timeout", 15)
    try:
        return psycopg.connect(**params)
    except psycopg.OperationalError as exc:
        reason = _first_line(exc)
        if "no password supplied" in reason or "password authentication failed" in reason:
            raise DatabaseError(MSG_NO_PASSWORD, url=shown(url)) from None
        raise DatabaseError(MSG_CANNOT_CONNECT, url=shown(url), reason=reason) from None


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def inspect(url: str) -> ServerInfo:
    """Look at a database before trusting it: its schema revision, refused when newer than this sitmon or when
    it holds another program's tables; and whether this role may write."""
    with connect(url, readonly=True) as con:
        tables = {r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
            "AND table_type = 'BASE TABLE'")}
        revision = None
        if "alembic_version" in tables:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        foreign = sorted(tables - NOT_FOREIGN - {"alembic_version"})
        if revision is None and foreign:
            raise NotASitmonDatabase(MSG_FOREIGN_PG, url=shown(url), name=foreign[0])
        writable = revision is None or con.execute(
            "SELECT has_table_privilege('incidents', 'INSERT')").fetchone()[0]
    if revision is not None and revision not in REVISIONS:
        raise NewerDatabase(MSG_NEWER, path=shown(url), revision=revision, head=HEAD)
    return ServerInfo(revision, bool(writable))


def _translate_errors(url: str):
    """PostgreSQL's errors that a user can act on become DatabaseErrors with a message."""
    def translate(ctx):
        psycopg = _driver()
        exc = ctx.original_exception
        errors = psycopg.errors
        if isinstance(exc, (errors.LockNotAvailable, errors.DeadlockDetected)):
            raise DatabaseBusy(MSG_BUSY, path=shown(url)) from exc
        if isinstance(exc, errors.DiskFull):
            raise DiskFullError(MSG_DISK_FULL, path=shown(url)) from exc
        if isinstance(exc, (errors.ReadOnlySqlTransaction, errors.InsufficientPrivilege)):
            raise ReadOnlyDatabase(MSG_READONLY, path=shown(url)) from exc
        if isinstance(exc, psycopg.OperationalError) and not isinstance(exc, errors.QueryCanceled):
            raise DatabaseError(MSG_CANNOT_CONNECT, url=shown(url), reason=_first_line(exc)) from exc
    return translate


def make_engine(url: str, readonly: bool = False) -> Engine:
    engine = create_engine("postgresql+psycopg://", creator=lambda: connect(url, readonly), pool_pre_ping=True)
    event.listen(engine, "handle_error", _translate_errors(url))
    event.listen(engine, "before_cursor_execute", _as_on_sqlite, retval=True)
    # A write (Database.writing) takes the one write lock first, as SQLite's BEGIN IMMEDIATE does: writers take
    # turns, each seeing what the one before committed (packages and imports decide what to write from it).
    event.listen(engine, "begin", lambda conn: conn.get_execution_options().get(WRITE) and conn.exec_driver_sql(
        f"SELECT pg_advisory_xact_lock({WRITE_LOCK})"))
    return engine


class ChangeCounter:
    """How many commits changed sitmon's tables (their triggers notify `sitmon_changed`), heard on a connection
    of its own, in autocommit: reading never waits and holds no transaction (as sqlite.DataVersion)."""

    def __init__(self, url: str):
        self._con = connect(url, readonly=True)
        self._con.autocommit = True
        self._con.execute("LISTEN sitmon_changed")
        self._count = 0

    def read(self) -> int | None:
        try:
            self._count += sum(1 for _ in self._con.notifies(timeout=0))
        except _driver().Error:
            return None
        return self._count

    def close(self) -> None:
        self._con.close()


def lock_migrations(conn) -> None:
    """Inside the migration's transaction: a second sitmon opening the same new database waits here, then finds
    it migrated."""
    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")


def create_extensions(conn, names) -> None:
    """The extensions the migrations need (PostGIS is not 'trusted': a superuser creates it, once)."""
    have = {r[0] for r in conn.exec_driver_sql("SELECT extname FROM pg_extension")}
    for name in names:
        if name in have:
            continue
        conn.exec_driver_sql("SAVEPOINT sitmon_extension")
        try:
            conn.exec_driver_sql(f"CREATE EXTENSION IF NOT EXISTS {name}")
        except ReadOnlyDatabase:  # insufficient privilege (_translate_errors): the administrator must do it
            conn.exec_driver_sql("ROLLBACK TO SAVEPOINT sitmon_extension")
            database = conn.exec_driver_sql("SELECT current_database()").scalar()
            raise DatabaseError(MSG_NO_EXTENSION, url=database, name=name) from None
        conn.exec_driver_sql("RELEASE SAVEPOINT sitmon_extension")


# ---------------------------------------------------------------- driver-level SQL as on SQLite

# sitmon's driver-level statements (Connection.exec_driver_sql: bulk imports, packages, merges) are written
# once, with SQLite's conventions: `?` marks, and values as SQLite stores them through SQLAlchemy (dates and
# times as ISO text with microseconds, booleans as 0/1, JSON as its text). On PostgreSQL each such statement
# has its marks turned into psycopg's and its cursor reads and writes those same forms, so the rows two
# engines give for the same data are equal, value for value. Statements SQLAlchemy compiles are left alone.

@lru_cache(maxsize=512)
def format_marks(statement: str) -> str:
    """SQLite's `?` marks as psycopg's `%s` (and a literal % as %%), outside quoted text and names."""
    out, quote = [], None
    for ch in statement:
        if quote:
            if ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
        elif ch == "?":
            out.append("%s")
            continue
        out.append("%%" if ch == "%" else ch)
    return "".join(out)


def _stored_forms():
    """psycopg loaders and dumpers giving and taking values in SQLite's stored forms (see above)."""
    from psycopg.adapt import Dumper, Loader

    class Text(Loader):
        def load(self, data):
            return bytes(data).decode()

    class Micro(Loader):  # 10:30:00 -> 10:30:00.000000 (SQLAlchemy writes six digits, PostgreSQL drops zeros)
        def load(self, data):
            whole, _, fraction = bytes(data).decode().partition(".")
            return f"{whole}.{fraction:0<6}"

    class ZeroOne(Loader):
        def load(self, data):
            return int(bytes(data) == b"t")

    class Unknown(Dumper):  # a whole number whose type the server infers from where it goes (0/1: a boolean)
        oid = 0

        def dump(self, obj):
            return str(int(obj)).encode()

    loaders = {"date": Text, "json": Text, "timestamp": Micro, "time": Micro, "bool": ZeroOne}
    return loaders, {int: Unknown}


def _as_on_sqlite(conn, cursor, statement, parameters, context, executemany):
    if context is None or context.compiled is not None:
        return statement, parameters
    loaders, dumpers = _FORMS()
    for name, loader in loaders.items():
        cursor.adapters.register_loader(name, loader)
    for kind, dumper in dumpers.items():
        cursor.adapters.register_dumper(kind, dumper)
    if parameters:
        statement = format_marks(statement)
    return statement, parameters


@lru_cache(maxsize=1)
def _FORMS():  # noqa: N802 (made on first use: psycopg is imported only for a server)
    return _stored_forms()
