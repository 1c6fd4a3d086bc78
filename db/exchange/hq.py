"""Headquarters' ingest: many laptops' data packages merged into one store (PostgreSQL, or an SQLite file for a
small headquarters), each through the one package reader and merge (db/exchange/packages.py: validated,
audited, judged against the store's history), each in its own write transaction. Writers take turns (on
PostgreSQL an advisory lock, on SQLite BEGIN IMMEDIATE), so two ingests at once, from two processes or two
machines, give what one after the other gives. Conflicts wait in the store's queue (conflicts.py).
Ingesting a package again changes nothing.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from db.exchange import packages
from db.exchange.packages import PackageError
from db.progress import Progress, tick
from db.records import QT_TRANSLATE_NOOP
from db.store import dialect
from db.store.errors import DatabaseError

BULK = 10_000  # incidents created by one ingest after which the server's statistics and visibility map are refreshed

MSG_NOT_FOUND = QT_TRANSLATE_NOOP("db", "{path} does not exist. Nothing was ingested.")
MSG_NO_PACKAGES = QT_TRANSLATE_NOOP("db", "{path} holds no .zip package. Nothing was ingested.")


class NothingToIngest(DatabaseError):
    """A file or folder named for ingest that is missing or holds no package."""


@dataclass(frozen=True)
class Ingested:
    """What one package did: its merge, or why it was refused (nothing of it was written)."""

    path: Path
    result: packages.MergeResult | None = None
    refused: Exception | None = None

    @property
    def waiting(self) -> int:
        """Conflicts of this package waiting in the queue (new ones and ones queued before)."""
        if self.result is None:
            return 0
        return (len(self.result.conflicts) + len(self.result.site_records.conflicts)
                + len(self.result.movements.conflicts))


def package_files(targets) -> list[Path]:
    """The packages named: each file as given; a folder: every .zip in it, oldest first (then by name).
    NothingToIngest for a target that does not exist or a folder without packages."""
    out = []
    for target in map(Path, targets):
        if target.is_dir():
            found = sorted(target.glob("*.zip"), key=lambda p: (p.stat().st_mtime, p.name))
            if not found:
                raise NothingToIngest(MSG_NO_PACKAGES, path=target)
            out += found
        elif target.exists():
            out.append(target)
        else:
            raise NothingToIngest(MSG_NOT_FOUND, path=target)
    return out


def ingest(db, files, author: str = "", progress: Progress = None, french=None) -> list[Ingested]:
    """Merge each package in its own transaction, in order; a refused one is reported and the others go on.
    Then the statuses GIS tools read are written again (gis.py; `french` translates their reasons)."""
    from db.exchange import gis

    done = []
    for i, path in enumerate(files):
        try:
            result = packages.import_package(db, path, author=author, keep_conflicts=True)
            done.append(Ingested(Path(path), result))
        except (PackageError, DatabaseError, OSError) as exc:
            done.append(Ingested(Path(path), refused=exc))
        tick(progress, i + 1, len(files))
    written = [d.result for d in done if d.result is not None]
    if any(r.site_records.created + r.site_records.updated for r in written) or gis.missing(db):
        gis.refresh_statuses(db, french)
    if sum(r.created for r in written) >= BULK and db.on_server:  # the planner and index-only scans learn of the new rows at once
        with db.engine.connect() as conn:
            dialect.refresh_statistics(conn)
    return done
