"""Whom a package comes from, and what it may claim: trust on first use, as SSH's known_hosts.

  - a package's signature holds (archive.py) or it is refused;
  - the first package from a laptop remembers its key (known_laptops); a package signed by another key
    under a known laptop's id is refused, and so is one claiming this laptop's own id;
  - a package may not speak for this laptop: a record created here, or an audit row of this laptop, that
    this database does not hold is refused (a restored database gets a new id: db/store/backup.restore);
  - every change a package brings gets a local 'merge' audit row naming the package (provenance()).
"""
from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select

from db.exchange.packages.archive import MSG_BAD_ROW, Package, PackageError
from db.exchange.packages.rows import audit_key
from db.records import QT_TRANSLATE_NOOP
from db.store.identity import fingerprint
from db.store.models import KnownLaptop

MSG_OWN_ID = QT_TRANSLATE_NOOP("db", "{path} claims to come from this laptop ({laptop}): refused. Nothing was "
                                     "imported.")
MSG_OTHER_KEY = QT_TRANSLATE_NOOP("db", "{path} is signed by key {key} but laptop {laptop} signed with key {known} "
                                        "since {since}: refused. If that laptop was reinstalled, forget its old key "
                                        "(sitmon laptops forget {laptop}). Nothing was imported.")


@dataclass(frozen=True)
class Signer:
    """Who signed a package: the laptop id, who exported it there, the key's fingerprint, and since when this
    database knows that key (None: this is the laptop's first package here, its key is remembered now)."""

    laptop: str
    author: str
    fingerprint: str
    known_since: datetime | None


@dataclass(frozen=True)
class KnownLaptopRecord:
    laptop: str
    fingerprint: str
    author: str
    first_package: str
    first_seen_at: datetime


def judge(conn, package: Package, own_id: str) -> Signer:
    """The package's signer if it may be merged here; PackageError otherwise."""
    laptop, path = package.manifest.laptop, package.path
    if laptop == own_id:
        raise PackageError(MSG_OWN_ID, path=path, laptop=laptop)
    key = base64.b64encode(package.public_key).decode()
    known = conn.execute(select(KnownLaptop.public_key, KnownLaptop.first_seen_at)
                         .where(KnownLaptop.laptop_id == laptop)).first()
    if known is not None and known.public_key != key:
        raise PackageError(MSG_OTHER_KEY, path=path, laptop=laptop, key=fingerprint(package.public_key),
                           known=fingerprint(base64.b64decode(known.public_key)),
                           since=known.first_seen_at.isoformat(sep=" ", timespec="minutes"))
    return Signer(laptop, package.manifest.author, fingerprint(package.public_key),
                  known.first_seen_at if known is not None else None)


def remember(conn, package: Package, signer: Signer, now: datetime) -> None:
    """Keep the key of a laptop seen for the first time (inside the merge's write transaction)."""
    if signer.known_since is None:
        conn.execute(insert(KnownLaptop).values(
            laptop_id=signer.laptop, public_key=base64.b64encode(package.public_key).decode(),
            author=package.manifest.author[:128], first_package=package.name, first_seen_at=now))


def known_laptops(db) -> list[KnownLaptopRecord]:
    k = KnownLaptop
    with db.engine.connect() as conn:
        rows = conn.execute(select(k.laptop_id, k.public_key, k.author, k.first_package, k.first_seen_at)
                            .order_by(k.first_seen_at)).all()
    return [KnownLaptopRecord(r.laptop_id, fingerprint(base64.b64decode(r.public_key)), r.author, r.first_package,
                              r.first_seen_at) for r in rows]


def forget(db, laptop: str) -> bool:
    """Forget a laptop's key (its next package is trusted on first use again); False if it was not known."""
    from sqlalchemy import delete

    with db.writing() as conn:
        return conn.execute(delete(KnownLaptop).where(KnownLaptop.laptop_id == laptop)).rowcount > 0


def own_history(path, own_id: str, kind: str, records, trail, mine: dict, keys: dict, columns) -> None:
    """Refuse a package that speaks for this laptop: a record whose origin is this laptop that this database
    does not hold (`mine`: records by id), or an audit row in this laptop's name that it does not hold
    (`keys`: audit keys by record id, in `columns` order)."""
    for r in records:
        if r["origin"] == own_id and r["id"] not in mine:
            raise PackageError(MSG_BAD_ROW, path=path, problem=f"{kind} {r['id']}: origin: claims to have been "
                                                               f"created on this laptop, which never held it")
    for a in trail:
        if a["laptop"] == own_id and audit_key(a, columns) not in keys.get(a[columns[0]], ()):
            raise PackageError(MSG_BAD_ROW, path=path, problem=f"{kind} audit row of {a['at']}: laptop: claims a "
                                                               f"change made on this laptop, which never made it")


def provenance(package: Package) -> str:
    """What a local 'merge' audit row says of the package a change arrived with."""
    return f"{package.name} · SHA-256 {package.sha256} · laptop {package.manifest.laptop}"
