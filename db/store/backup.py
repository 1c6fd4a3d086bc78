"""Copies of the database through SQLite's online backup API (consistent even while in use).

Backups live in a `backups` folder beside the database, readable by the user only, named
`<stem>-<UTC time>-<reason>.sqlite`. Reasons: daily (the first start of a day; the last 7 days and
the newest of each of 4 older weeks are kept), before-import and before-restore (the newest 10 are
kept), before-migration-*, manual and damaged (kept). A backup of an encrypted database is encrypted
with the same passphrase.
"""
from __future__ import annotations

import os
import re
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from db.files import atomic, part_of, sync_folder
from db.records import QT_TRANSLATE_NOOP
from db.store import identity
from db.store.dialect import postgresql, sqlite
from db.store.errors import DamagedDatabase, DatabaseError, PassphraseRequired

KEEP_DAILY, KEEP_WEEKLY, KEEP_EVENTS = 7, 4, 10
STALE_PART_S = 3600  # a part file untouched this long was left by a crash (two imports at once each write one)
EVENTS = ("before-import", "before-restore")
STAMP = "%Y%m%dT%H%M%S%fZ"

MSG_BAD_SOURCE = QT_TRANSLATE_NOOP("db", "{source} was not restored: {reason}")
MSG_SAME_FILE = QT_TRANSLATE_NOOP("db", "{source} is the database itself, not a backup.")
MSG_EMPTY_SOURCE = QT_TRANSLATE_NOOP("db", "{source} holds no sitmon data.")
MSG_BACKUP_FAILED = QT_TRANSLATE_NOOP("db", "The backup of {path} could not be written: {reason}")
MSG_SERVER_BACKUP = QT_TRANSLATE_NOOP("db", "{url} is a PostgreSQL database: back it up with the server's own tool, "
                                            "e.g. {command}")
MSG_SERVER_RESTORE = QT_TRANSLATE_NOOP("db", "{url} is a PostgreSQL database: restore it with the server's own tool "
                                             "from a pg_dump file, e.g. {command}")


class BackupFailed(DatabaseError):
    pass


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime  # UTC, naive
    reason: str
    incidents: int | None  # None: the copy cannot be read


class ServerDatabase(DatabaseError):
    """Backups and restores of a server database are the server's (pg_dump, pg_restore)."""


def server_refusal(url: str, restore: bool = False) -> ServerDatabase:
    """The one-line answer to a backup or restore of a PostgreSQL database, with the command to use."""
    shown = postgresql.shown(url)
    if restore:
        return ServerDatabase(MSG_SERVER_RESTORE, url=shown,
                              command=f"pg_restore --clean --if-exists --single-transaction --dbname='{shown}' "
                                      "sitmon.dump")
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d")
    return ServerDatabase(MSG_SERVER_BACKUP, url=shown,
                          command=f"pg_dump --format=custom --file=sitmon-{stamp}.dump '{shown}'")


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def write(db_path: Path, reason: str = "manual", out: Path | None = None, passphrase: str | None = None) -> Path:
    """Copy `db_path` to `out` (default: the backups folder, named by time and reason); return the copy,
    whole or absent."""
    if out is None:
        stamp = datetime.now(timezone.utc).strftime(STAMP)
        out = backup_dir(db_path) / f"{db_path.stem}-{stamp}-{reason}.sqlite"
    out = Path(out)
    dbapi = sqlite.driver(passphrase)
    try:
        out.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with atomic(out) as part:
            sqlite.copy(db_path, part, passphrase, journal_mode="DELETE")
    except (OSError, dbapi.Error) as exc:
        raise BackupFailed(MSG_BACKUP_FAILED, path=db_path, reason=_reason(exc)) from exc
    return out


def daily(db_path: Path, passphrase: str | None = None) -> Path | None:
    """Take today's (UTC) backup if there is none yet, and drop the old ones; the new copy or None."""
    today = datetime.now(timezone.utc).date()
    if any(b.taken_at.date() == today for b in _named(db_path) if b.reason == "daily"):
        return None
    out = write(db_path, "daily", passphrase=passphrase)
    prune(db_path)
    return out


def before_import(db_path: Path | None, passphrase: str | None = None) -> Path | None:
    """The importer calls this just before its transaction starts; raises BackupFailed (import nothing then).

    When the newest backup already holds what the database holds, it is that backup: backups are kept by
    what they hold, so a run of imports that change nothing cannot rotate away an older, different state.
    A database on a server (no path) is backed up by the server's own means (pg_dump): None."""
    if db_path is None:
        return None
    newest = next(iter(_named(db_path)), None)
    state = sqlite.state_of(db_path, passphrase)
    if newest is not None and state is not None and sqlite.state_of(newest.path, passphrase) == state:
        return newest.path
    out = write(db_path, "before-import", passphrase=passphrase)
    prune(db_path)
    return out


def prune(db_path: Path) -> list[Path]:
    """Delete the backups the rotation no longer keeps (and half-written copies); return them."""
    named = _named(db_path)
    dailies = [b for b in named if b.reason == "daily"]
    keep = set(_newest_per(dailies, lambda b: b.taken_at.date(), KEEP_DAILY))
    older = [b for b in dailies if b.path not in keep]
    keep |= set(_newest_per(older, lambda b: b.taken_at.isocalendar()[:2], KEEP_WEEKLY))
    keep |= {b.path for b in [b for b in named if b.reason in EVENTS][:KEEP_EVENTS]}
    doomed = [b.path for b in named if b.path not in keep and (b.reason == "daily" or b.reason in EVENTS)]
    # half-written copies a crash left behind; a younger one is another process's backup being written now
    stale = time.time() - STALE_PART_S
    doomed += [p for p in backup_dir(db_path).glob(part_of(Path(f"{_glob(db_path.stem)}-*.sqlite")).name)
               if _mtime(p) < stale]
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


def list_backups(db_path: Path, passphrase: str | None = None) -> list[BackupInfo]:
    """Every backup of this database, newest first, with its count of (not deleted) incidents."""
    return [BackupInfo(b.path, b.taken_at, b.reason, sqlite.count_incidents(b.path, passphrase))
            for b in _named(db_path)]


def newest_sound_backup(db_path: Path, passphrase: str | None = None) -> Path | None:
    """The newest backup that passes SQLite's quick_check and is a sitmon database this version reads."""
    for b in _named(db_path):
        try:
            if sqlite.inspect_file(b.path, passphrase).revision is not None:
                return b.path
        except (OSError, DatabaseError):
            continue
    return None


def restore(db_path: Path, source: Path, passphrase: str | None = None) -> Path | None:
    """Put `source` in place of the database; the current file is backed up first (a damaged one is
    moved aside whole). Refuses a source that is not a sound sitmon database. Returns the saved copy.

    Close the database's engine first; the copy goes through SQLite, so other connections stay coherent."""
    source = Path(source)
    if source.exists() and db_path.exists() and source.resolve() == db_path.resolve():
        raise DatabaseError(MSG_SAME_FILE, source=source)
    try:
        info = sqlite.inspect_file(source, passphrase)
    except (OSError, DatabaseError) as exc:
        raise DatabaseError(MSG_BAD_SOURCE, source=source, reason=_reason(exc)) from None
    if info.revision is None:
        raise DatabaseError(MSG_BAD_SOURCE, source=source, reason=MSG_EMPTY_SOURCE.format(source=source))
    saved = None
    if db_path.exists() and db_path.stat().st_size:
        try:
            sqlite.inspect_file(db_path, passphrase)
            saved = write(db_path, "before-restore", passphrase=passphrase)
        except (DamagedDatabase, PassphraseRequired):  # unreadable: keep it whole, aside
            saved = _set_aside(db_path)
    if not db_path.exists():
        sqlite.create_file(db_path)
    sqlite.copy(source, db_path, passphrase, journal_mode="WAL")
    _new_laptop_id(db_path, passphrase)
    prune(db_path)
    return saved


def _new_laptop_id(db_path: Path, passphrase: str | None) -> None:
    """A restored database is a new laptop to the others: its history is no longer the one they hold from
    this laptop (what it did after the backup comes back in their packages, as theirs to merge, where
    a package claiming this laptop's id is refused: db/exchange/packages)."""
    con = sqlite.connect(db_path, passphrase)
    try:
        con.execute("UPDATE meta SET value = ? WHERE key = 'laptop_id'", (str(uuid.uuid4()),))
    finally:
        con.close()


def encrypt(db_path: Path, passphrase: str) -> list[Path]:
    """Encrypt a plain database, and every plain backup of it, in place; return the files encrypted.

    Each file is exported to an encrypted copy that replaces it once whole. sitmon must be closed."""
    files = [p for p in [db_path] + [b.path for b in _named(db_path)] if sqlite.is_plain(p)]
    for path in files:
        sqlite.inspect_file(path)  # sound and ours, or refused untouched
        sqlite.leave_wal(path)
        with atomic(path) as part:
            sqlite.export_encrypted(path, part, passphrase)
            path.with_name(path.name + "-shm").unlink(missing_ok=True)
    if db_path in files:
        identity.reencrypt(db_path, None, passphrase)
    return files


# ---------------------------------------------------------------- helpers

def _set_aside(db_path: Path) -> Path:
    """Move a damaged file (its -wal first, so no stale log meets a new file) into the backups folder."""
    stamp = datetime.now(timezone.utc).strftime(STAMP)
    out = backup_dir(db_path) / f"{db_path.stem}-{stamp}-damaged.sqlite"
    out.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    wal = db_path.with_name(db_path.name + "-wal")
    if wal.exists():
        os.replace(wal, out.with_name(out.name + "-wal"))
    db_path.with_name(db_path.name + "-shm").unlink(missing_ok=True)
    os.replace(db_path, out)
    sync_folder(out.parent)
    return out


def _named(db_path: Path) -> list[BackupInfo]:
    """This database's backups by their names, newest first (incident counts not read)."""
    pattern = re.compile(rf"^{re.escape(db_path.stem)}-(\d{{8}}T\d{{12}}Z)-(.+)\.sqlite$")
    found = []
    folder = backup_dir(db_path)
    for path in folder.glob(f"{_glob(db_path.stem)}-*.sqlite") if folder.is_dir() else ():
        m = pattern.match(path.name)
        if m:
            found.append(BackupInfo(path, datetime.strptime(m.group(1), STAMP), m.group(2), None))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def _newest_per(backups: list[BackupInfo], period, count: int) -> list[Path]:
    """The newest backup of each of the `count` most recent periods (backups sorted newest first)."""
    chosen: dict = {}
    for b in backups:
        if period(b) not in chosen and len(chosen) < count:
            chosen[period(b)] = b.path
    return list(chosen.values())


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except FileNotFoundError:  # its writer finished meanwhile
        return time.time()


def _glob(stem: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", stem)


def _reason(exc: Exception) -> str:
    return str(exc) if isinstance(exc, DatabaseError) else (getattr(exc, "strerror", None) or str(exc))
