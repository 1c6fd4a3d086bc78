"""Files sitmon writes (exports, packages, backups, briefings): whole or absent, and the user's alone.

`atomic(path)` gives a part file beside `path` (readable by the user only) for the caller to write;
when the block ends normally the part replaces `path` (a rename, made durable), otherwise it is removed.
A cancelled or failed write therefore never leaves a half-written file under the final name.
"""
from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from db.records import QT_TRANSLATE_NOOP
from db.store.errors import DatabaseError

PRIVATE = 0o600
MSG_OWN_FILE = QT_TRANSLATE_NOOP("db", "{path} is the database itself, one of its journal files, its signing key "
                                       "or one of its backups: choose another file. Nothing was written.")


class OutputRefused(DatabaseError):
    pass


def refuse_own_files(path: Path, database: Path) -> None:
    """Refuse to write over the database, its -wal, -shm or -journal, its signing key (.key), or anything in its
    backups folder."""
    target = path.resolve()
    own = {database.resolve().with_name(database.name + suffix) for suffix in ("", "-wal", "-shm", "-journal", ".key")}
    backups = (database.parent / "backups").resolve()
    if target in own or target.parent == backups:
        raise OutputRefused(MSG_OWN_FILE, path=path)


def part_of(path: Path) -> Path:
    """The part file of `path`: hidden, same folder, same extension (writers choose a format by it)."""
    return path.with_name(f".{path.stem}.part{path.suffix}")


@contextlib.contextmanager
def atomic(path: Path | str, *, create: bool = True, database: Path | None = None) -> Iterator[Path]:
    """Yield the part file to write; `create`: made empty first (writers that refuse an existing file, such
    as GDAL's GeoPackage driver, want False); `database`: refuse to write over its files (an export or a
    package written over the database would replace it)."""
    path = Path(path)
    if database is not None:
        refuse_own_files(path, database)
    part = part_of(path)
    part.unlink(missing_ok=True)
    if create:
        os.close(os.open(part, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, PRIVATE))
    try:
        yield part
        os.chmod(part, PRIVATE)
        os.replace(part, path)
        sync_folder(path.parent)
    finally:
        part.unlink(missing_ok=True)


def sync_folder(folder: Path) -> None:
    """Make a rename durable (a power cut right after it keeps the new name)."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
