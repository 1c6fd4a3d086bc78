"""The programs and servers outside Python that some tests need: PostgreSQL (SITMON_TEST_PG), Xvfb, LibreOffice.

One rule for all of them: where one is missing, the test skips with the reason on a user's clone, and
fails under CI=true, where .ci/run installs and starts them all (a skip there would hide a broken set-up).
conftest.py turns these helpers into the fixtures `pg_url`, `pg_database`, `x_display` and `soffice`.
"""
from __future__ import annotations

import os
import select
import shutil
import signal
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn
from urllib.parse import urlsplit, urlunsplit

import pytest

EXTENSIONS = ("postgis", "unaccent")
NO_PG = ("no PostgreSQL: set SITMON_TEST_PG=postgresql://USER@127.0.0.1:PORT/DBNAME, a role that may "
         "CREATE DATABASE on a server with PostGIS and unaccent (.ci/run starts one)")


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def unavailable(reason: str) -> NoReturn:
    """Skip with the reason; under CI=true fail with it instead."""
    if in_ci():
        pytest.fail(f"{reason} [CI=true: .ci/run should have provided it]", pytrace=False)
    pytest.skip(reason)


def require_sqlcipher() -> None:
    """SQLCipher (sqlcipher3-binary, installed with sitmon on Linux x86_64), or skip (fail under CI)."""
    try:
        import sqlcipher3  # noqa: F401
    except ImportError:
        unavailable("sqlcipher3-binary is not installed (pip install sqlcipher3-binary)")


def require_program(name: str, package: str) -> str:
    """The program's path on PATH, or skip (fail under CI) naming the Debian package that has it."""
    path = shutil.which(name)
    if path is None:
        unavailable(f"{name} is not installed: apt-get install {package}")
    return path


# PostgreSQL ------------------------------------------------------------------------------------------

def _shown(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return urlunsplit(parts._replace(netloc=netloc))


def with_database(url: str, name: str) -> str:
    """The same server URL with another database name."""
    return urlunsplit(urlsplit(url)._replace(path="/" + name))


def postgres_url() -> str:
    """SITMON_TEST_PG after checking that it connects and that the server has the extensions."""
    url = os.environ.get("SITMON_TEST_PG", "").strip()
    if not url:
        unavailable(NO_PG)
    import psycopg

    try:
        with psycopg.connect(url, connect_timeout=10) as conn:
            rows = conn.execute("SELECT name FROM pg_available_extensions WHERE name = ANY(%s)",
                                [list(EXTENSIONS)]).fetchall()
    except psycopg.Error as exc:
        unavailable(f"PostgreSQL at SITMON_TEST_PG={_shown(url)} does not answer: {str(exc).strip().splitlines()[0]}")
    missing = sorted(set(EXTENSIONS) - {name for (name,) in rows})
    if missing:
        unavailable(f"the PostgreSQL server at {_shown(url)} lacks the extension(s) {', '.join(missing)}: "
                    "apt-get install postgresql-15-postgis-3 postgresql-contrib")
    return url


@contextmanager
def fresh_database(server_url: str) -> Iterator[str]:
    """A new empty database on the server with PostGIS and unaccent, dropped afterwards; gives its URL."""
    import psycopg
    from psycopg import sql

    name = f"sitmon_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = with_database(server_url, name)
    try:
        try:
            with psycopg.connect(url, autocommit=True) as conn:
                for extension in EXTENSIONS:
                    conn.execute(sql.SQL("CREATE EXTENSION IF NOT EXISTS {}").format(sql.Identifier(extension)))
        except psycopg.errors.InsufficientPrivilege as exc:
            unavailable(f"the role in SITMON_TEST_PG may not create the extensions ({exc}): make it a superuser, "
                        "or create them in template1 as .ci/run does")
        yield url
    finally:
        _drop(server_url, name)


def _drop(server_url: str, name: str) -> None:
    """Drop a test database; sessions a test left open are ended (WITH FORCE, which a role that is not a
    superuser may not use on the server's own autovacuum: a plain DROP stops that one itself)."""
    import psycopg
    from psycopg import sql

    with psycopg.connect(server_url, autocommit=True) as conn:
        try:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        except psycopg.errors.ObjectInUse:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@contextmanager
def sitmon_template(server_url: str) -> Iterator[str]:
    """A database migrated to the newest revision and seeded with the default scenario, once per test session:
    `clone` copies it (CREATE DATABASE ... TEMPLATE, a file copy on the server) in a fraction of the time a
    migration takes. Gives its name; dropped at the end."""
    from db import open_database

    with fresh_database(server_url) as url:
        open_database(url).close()
        yield urlsplit(url).path.lstrip("/")


@contextmanager
def clone(server_url: str, template: str) -> Iterator[str]:
    """A copy of the template database with a laptop id of its own (two clones are two sites); gives its URL."""
    import psycopg
    from psycopg import sql

    name = f"sitmon_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(name), sql.Identifier(template)))
    url = with_database(server_url, name)
    try:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("UPDATE meta SET value = %s WHERE key = 'laptop_id'", [str(uuid.uuid4())])
        yield url
    finally:
        _drop(server_url, name)


# Xvfb ------------------------------------------------------------------------------------------------

def _accepts(display: int) -> bool:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        try:
            s.connect(f"/tmp/.X11-unix/X{display}")
        except OSError:
            return False
    return True


def _stop(proc: subprocess.Popen) -> None:
    """Stop a process started in its own session, with whatever it started: TERM, then KILL."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=5)
    except ProcessLookupError:
        pass


@contextmanager
def xvfb(log: Path, screen: str = "1366x768x24", timeout: float = 30.0) -> Iterator[str]:
    """A private X server: Xvfb picks a free display number itself (-displayfd) and writes it to our pipe
    once it accepts connections; gives the DISPLAY string (":N"). Started as its own process (our Popen, not
    a shell chain) so stopping it stops Xvfb itself, whatever happens in the test."""
    exe = require_program("Xvfb", "xvfb")
    read_end, write_end = os.pipe()
    with open(log, "wb") as out:
        proc = subprocess.Popen([exe, "-displayfd", str(write_end), "-screen", "0", screen, "-nolisten", "tcp"],
                                stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                                pass_fds=(write_end,), start_new_session=True)
    os.close(write_end)
    try:
        number = b""
        deadline = time.monotonic() + timeout
        while not number.endswith(b"\n"):
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([read_end], [], [], left)[0]:
                raise RuntimeError(f"Xvfb gave no display within {timeout:.0f} s; its log:\n{log.read_text()}")
            chunk = os.read(read_end, 16)
            if not chunk:  # it exited
                raise RuntimeError(f"Xvfb stopped (rc {proc.wait(timeout=5)}); its log:\n{log.read_text()}")
            number += chunk
        display = int(number)
        # -displayfd reports once it listens; this bounded poll (an outside process) only guards against
        # a server that reports early. Each wait ends at once if Xvfb exits.
        for _ in range(50):
            if _accepts(display):
                break
            try:
                proc.wait(timeout=0.1)
                break
            except subprocess.TimeoutExpired:
                pass
        if proc.poll() is not None or not _accepts(display):
            raise RuntimeError(f"Xvfb :{display} accepts no connection; its log:\n{log.read_text()}")
        yield f":{display}"
    finally:
        os.close(read_end)
        _stop(proc)
