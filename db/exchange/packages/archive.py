"""The package file: a zip holding manifest.json, signature.json and one JSON-lines member per table, sealed
(sealed.py) when the database it comes from is encrypted.

manifest.json says the format, version, mission, the exporting laptop and person, when, the row counts and
the SHA-256 of every member; signature.json is the exporting laptop's Ed25519 signature of manifest.json's
bytes with its public key (db/store/identity.py), so a package altered by one byte is refused. Nothing here
decides whether the signer is trusted: that is trust.py's, against this laptop's known laptops.
"""
from __future__ import annotations

import base64
import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from db.exchange.packages import sealed
from db.exchange.packages.rows import RowError, strict_json
from db.files import atomic
from db.records import QT_TRANSLATE_NOOP
from db.store.errors import DatabaseError
from db.store.identity import public_raw

FORMAT, VERSION, SIGNED = "sitmon-package", 3, 3  # version 3: signed; 1 and 2 (unsigned) are refused
MEMBERS = ("incidents.jsonl", "audit.jsonl", "site_records.jsonl", "site_record_audit.jsonl")
COUNTS = dict(zip(MEMBERS, ("incidents", "audit", "site_records", "site_record_audit")))  # member -> count key
FILES = {"manifest.json", "signature.json", *MEMBERS}
# What a package may inflate to: a zip bomb is refused from the sizes it declares, before a byte is inflated
# (zipfile never inflates a member past its declared size). JSON lines compress 5 to 15 times.
MAX_MANIFEST, MAX_MEMBER, MAX_RATIO = 1 << 20, 8 << 30, 100
MAX_SEALED = 4 << 30  # a sealed package is opened in memory

MSG_NOT_PACKAGE = QT_TRANSLATE_NOOP("db", "{path} is not a sitmon data package ({reason}). Nothing was imported.")
MSG_NEWER = QT_TRANSLATE_NOOP("db", "{path} was written by a newer version of sitmon (package version {version}). "
                                    "Update sitmon to import it. Nothing was imported.")
MSG_UNSIGNED = QT_TRANSLATE_NOOP("db", "{path} is not signed (it comes from an older sitmon, version {version}): "
                                       "ask for a new export from an up-to-date sitmon. Nothing was imported.")
MSG_ALTERED = QT_TRANSLATE_NOOP("db", "{path} was altered after it was signed ({reason}). Nothing was imported.")
MSG_BAD_ROW = QT_TRANSLATE_NOOP("db", "{path} is refused: {problem}. Nothing was imported.")


class PackageError(DatabaseError):
    """A package that cannot be imported (or exported); nothing was written."""


@dataclass(frozen=True)
class Manifest:
    mission: str
    laptop: str
    author: str
    created_at: str
    counts: dict


@dataclass(frozen=True)
class Package:
    """A package whose signature holds: its manifest, its signer's public key (raw bytes), the rows of each
    member, and the file's name and SHA-256 (what a 'merge' audit row names)."""

    path: Path
    sha256: str
    manifest: Manifest
    public_key: bytes
    rows: dict

    @property
    def name(self) -> str:
        return self.path.name


def write(path: Path, members: dict[str, list[dict]], manifest: Manifest, key: Ed25519PrivateKey,
          passphrase: str | None, database: Path | None) -> None:
    """The package, signed with `key`; sealed with `passphrase` when there is one (the plain zip then only
    ever exists in memory). Written whole or not at all."""
    data = {name: "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in members[name]).encode()
            for name in MEMBERS}
    document = json.dumps(dict(format=FORMAT, version=VERSION, mission=manifest.mission, laptop=manifest.laptop,
                               author=manifest.author, created_at=manifest.created_at, counts=manifest.counts,
                               sha256={n: hashlib.sha256(b).hexdigest() for n, b in data.items()}),
                          indent=2, ensure_ascii=False).encode()
    signature = json.dumps(dict(laptop=manifest.laptop, public_key=_b64(public_raw(key.public_key())),
                                signature=_b64(key.sign(document))), indent=2).encode()
    with atomic(path, database=database) as part:
        if passphrase:
            buffer = io.BytesIO()
            _zip(buffer, document, signature, data)
            with open(part, "wb") as out:
                sealed.seal(buffer.getvalue(), out, passphrase)
        else:
            _zip(part, document, signature, data)


def _zip(target, document: bytes, signature: bytes, data: dict) -> None:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("manifest.json", document)
        z.writestr("signature.json", signature)
        for name, blob in data.items():
            z.writestr(name, blob)


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


def is_sealed(path: Path | str) -> bool:
    try:
        with open(path, "rb") as f:
            return sealed.is_sealed(f.read(len(sealed.MAGIC)))
    except OSError:
        return False


def read(path: Path | str, passphrase: str | None = None) -> Package:
    """The package at `path` once its sizes, signature and checksums hold; its rows are parsed JSON, not yet
    validated (each kind's piece does that). PackageError (or sealed.SealError) otherwise."""
    path = Path(path)
    try:
        digest, opened = _open(path, passphrase)
        with zipfile.ZipFile(opened) as z:
            _check_sizes(path, z)
            blobs = {n: z.read(n) for n in FILES}
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, EOFError) as exc:
        raise PackageError(MSG_NOT_PACKAGE, path=path, reason=str(exc)[:200] or type(exc).__name__) from None
    doc = _json(path, blobs["manifest.json"], "manifest.json")
    if not isinstance(doc, dict) or doc.get("format") != FORMAT or not isinstance(doc.get("version"), int):
        raise PackageError(MSG_NOT_PACKAGE, path=path, reason="manifest.json")
    public_key = _verify(path, blobs["manifest.json"], _json(path, blobs["signature.json"], "signature.json"), doc)
    manifest = _manifest(path, doc)
    found = {}
    for name in MEMBERS:
        if hashlib.sha256(blobs[name]).hexdigest() != doc.get("sha256", {}).get(name):
            raise PackageError(MSG_ALTERED, path=path, reason=f"the checksum of {name}")
        try:
            found[name] = [strict_json(line, f"{name} line {i}") for i, line in enumerate(blobs[name].splitlines(), 1)]
        except RowError as exc:
            raise PackageError(MSG_BAD_ROW, path=path, problem=str(exc)) from None
    if manifest.counts != {COUNTS[n]: len(found[n]) for n in MEMBERS}:
        raise PackageError(MSG_NOT_PACKAGE, path=path, reason="its counts do not match its content")
    return Package(path, digest, manifest, public_key, found)


def _open(path: Path, passphrase: str | None):
    """(the file's SHA-256, what zipfile reads: the path, or the unsealed bytes)."""
    with open(path, "rb") as f:
        head = f.read(len(sealed.MAGIC))
        if sealed.is_sealed(head):
            if path.stat().st_size > MAX_SEALED:
                raise ValueError(f"a sealed package of more than {MAX_SEALED >> 30} GiB")
            raw = head + f.read()
            return hashlib.sha256(raw).hexdigest(), io.BytesIO(sealed.unseal(path, raw, passphrase))
        digest = hashlib.sha256(head)
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest(), path


def _json(path, blob: bytes, name: str):
    try:
        return strict_json(blob, name)
    except RowError as exc:
        raise PackageError(MSG_NOT_PACKAGE, path=path, reason=str(exc)) from None


def _check_sizes(path, z: zipfile.ZipFile) -> None:
    infos = {i.filename: i for i in z.infolist()}
    if "signature.json" not in infos and "manifest.json" in infos:
        version = _json(path, z.read("manifest.json"), "manifest.json") if \
            infos["manifest.json"].file_size <= MAX_MANIFEST else {}
        version = version.get("version") if isinstance(version, dict) else None
        if isinstance(version, int) and version > VERSION:
            raise PackageError(MSG_NEWER, path=path, version=version)
        raise PackageError(MSG_UNSIGNED, path=path, version=version)
    if set(infos) != FILES or len(z.infolist()) != len(FILES):
        raise PackageError(MSG_NOT_PACKAGE, path=path, reason=f"it holds {', '.join(sorted(infos)) or 'nothing'}")
    for name, info in infos.items():
        limit = MAX_MEMBER if name in MEMBERS else MAX_MANIFEST
        if info.file_size > limit or info.file_size > MAX_RATIO * max(info.compress_size, 1) + MAX_MANIFEST:
            raise PackageError(MSG_NOT_PACKAGE, path=path, reason=f"{name} would inflate to {info.file_size:,} "
                                                                  f"bytes from {info.compress_size:,}")


def _verify(path, document: bytes, signature, doc: dict) -> bytes:
    """The signer's raw public key, once the signature of manifest.json holds."""
    if doc["version"] > VERSION:
        raise PackageError(MSG_NEWER, path=path, version=doc["version"])
    if doc["version"] < SIGNED:
        raise PackageError(MSG_UNSIGNED, path=path, version=doc["version"])
    try:
        raw = base64.b64decode(signature["public_key"], validate=True)
        Ed25519PublicKey.from_public_bytes(raw).verify(base64.b64decode(signature["signature"], validate=True),
                                                       document)
    except (InvalidSignature, ValueError, TypeError, KeyError):
        raise PackageError(MSG_ALTERED, path=path, reason="its signature does not match its manifest") from None
    if signature.get("laptop") != doc.get("laptop"):
        raise PackageError(MSG_ALTERED, path=path, reason="the signing laptop is not the exporting laptop")
    return raw


def _manifest(path, doc: dict) -> Manifest:
    values = [doc.get(k) for k in ("mission", "laptop", "author", "created_at")]
    counts = doc.get("counts")
    if not all(isinstance(v, str) and len(v) <= 128 for v in values) or not values[0] or not values[1] \
            or not isinstance(counts, dict) or not isinstance(doc.get("sha256"), dict):
        raise PackageError(MSG_NOT_PACKAGE, path=path, reason="manifest.json lacks its mission, laptop or counts")
    return Manifest(*values, counts)
