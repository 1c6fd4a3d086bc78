"""The package file: a zip holding manifest.json and one JSON-lines member per table, signed, and sealed
(sealed.py) when the database it comes from is encrypted.

manifest.json says the format, version, mission, the exporting laptop and person, when, the row counts and
the SHA-256 of every member. The zip's comment, the file's last bytes, holds the exporting laptop's public
key and its Ed25519 signature of the SHA-256 of every byte before it (db/store/identity.py), so a package
altered by one byte anywhere is refused. Nothing here decides whether the signer is trusted: that is
trust.py's, against this laptop's known laptops.
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
from db.exchange.packages.errors import PackageError
from db.exchange.packages.rows import RowError, strict_json
from db.files import atomic
from db.records import QT_TRANSLATE_NOOP
from db.store.identity import public_raw

# version 3: signed (1 and 2, unsigned, are refused); 4: with movements; 5: audit rows may name an imported CSV
# file (import, undo) and an imported incident's 'create' row is made from its import (issue 22)
FORMAT, VERSION, SIGNED = "sitmon-package", 5, 3
MEMBERS = ("incidents.jsonl", "audit.jsonl", "site_records.jsonl", "site_record_audit.jsonl", "movements.jsonl",
           "movement_audit.jsonl")
MEMBERS_OF = {3: MEMBERS[:4], 4: MEMBERS, 5: MEMBERS}  # what each version holds (a version 3 package has no movements)
COUNTS = dict(zip(MEMBERS, ("incidents", "audit", "site_records", "site_record_audit", "movements",
                            "movement_audit")))  # member -> count key
FILES = {"manifest.json", *MEMBERS}
SIGNATURE = b"sitmon-signature-1 "  # then the public key and the signature, in base64, one space between
SIGNATURE_SIZE = len(SIGNATURE) + 44 + 1 + 88
SIGNED_WHAT = b"sitmon-package-sha256 "  # what is signed: this, then the digest of the bytes before the comment
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
    with atomic(path, database=database) as part:
        if passphrase:
            buffer = io.BytesIO()
            _zip(buffer, document, data)
            sign(buffer, key)
            with open(part, "wb") as out:
                sealed.seal(buffer.getvalue(), out, passphrase)
        else:
            with open(part, "r+b") as out:
                _zip(out, document, data)
                sign(out, key)


def _zip(target, document: bytes, data: dict) -> None:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        z.comment = b"\0" * SIGNATURE_SIZE  # room for the signature, written once the rest is whole
        z.writestr("manifest.json", document)
        for name, blob in data.items():
            z.writestr(name, blob)


def sign(f, key: Ed25519PrivateKey) -> None:
    """Sign every byte of the open file `f` but its last SIGNATURE_SIZE (the zip's comment) and put the
    signature there."""
    size = f.seek(0, io.SEEK_END)
    signature = key.sign(SIGNED_WHAT + _digest(f, size - SIGNATURE_SIZE))
    f.seek(size - SIGNATURE_SIZE)
    f.write(SIGNATURE + _b64(public_raw(key.public_key())).encode() + b" " + _b64(signature).encode())


def _digest(f, size: int) -> bytes:
    f.seek(0)
    digest, left = hashlib.sha256(), size
    while left > 0:
        block = f.read(min(1 << 20, left))
        if not block:
            break
        digest.update(block)
        left -= len(block)
    return digest.digest()


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


def _canonical_b64(text: bytes) -> bytes:
    """The bytes of base64 text written exactly as _b64 writes them: a last character differing only in the
    bits the decoder ignores ('8' for '9' before '=') is another file with the same meaning: refused too."""
    raw = base64.b64decode(text, validate=True)
    if base64.b64encode(raw) != text:
        raise ValueError("not canonical base64")
    return raw


def is_sealed(path: Path | str) -> bool:
    try:
        with open(path, "rb") as f:
            return sealed.is_sealed(f.read(len(sealed.MAGIC)))
    except OSError:
        return False


def read(path: Path | str, passphrase: str | None = None) -> Package:
    """The package at `path` once its signature, sizes and checksums hold; its rows are parsed JSON, not yet
    validated (each kind's piece does that). PackageError (or sealed.SealError) otherwise."""
    path = Path(path)
    try:
        with open(path, "rb") as f:
            head = f.read(len(sealed.MAGIC))
            if sealed.is_sealed(head):
                if path.stat().st_size > MAX_SEALED:
                    raise ValueError(f"a sealed package of more than {MAX_SEALED >> 30} GiB")
                raw = head + f.read()
                digest, opened = hashlib.sha256(raw).hexdigest(), io.BytesIO(sealed.unseal(path, raw, passphrase))
            else:
                digest, opened = _file_digest(f), path
            with zipfile.ZipFile(opened) as z:
                public_key = _verify(path, opened if isinstance(opened, io.BytesIO) else f, z)
                _check_sizes(path, z)
                blobs = {n: z.read(n) for n in z.namelist()}
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, EOFError) as exc:
        raise PackageError(MSG_NOT_PACKAGE, path=path, reason=str(exc)[:200] or type(exc).__name__) from None
    doc = _json(path, blobs["manifest.json"], "manifest.json")
    if not isinstance(doc, dict) or doc.get("format") != FORMAT or not isinstance(doc.get("version"), int):
        raise PackageError(MSG_NOT_PACKAGE, path=path, reason="manifest.json")
    if doc["version"] not in MEMBERS_OF:
        raise PackageError(MSG_NEWER if doc["version"] > VERSION else MSG_UNSIGNED, path=path, version=doc["version"])
    members = MEMBERS_OF[doc["version"]]
    if set(blobs) != {"manifest.json", *members}:
        raise PackageError(MSG_NOT_PACKAGE, path=path, reason=f"version {doc['version']} holds "
                                                              f"{', '.join(members)}")
    manifest = _manifest(path, doc)
    found = {name: [] for name in MEMBERS}  # members a version lacks: no rows
    for name in members:
        if hashlib.sha256(blobs[name]).hexdigest() != doc.get("sha256", {}).get(name):
            raise PackageError(MSG_ALTERED, path=path, reason=f"the checksum of {name}")
        try:
            found[name] = [strict_json(line, f"{name} line {i}") for i, line in enumerate(blobs[name].splitlines(), 1)]
        except RowError as exc:
            raise PackageError(MSG_BAD_ROW, path=path, problem=str(exc)) from None
    if manifest.counts != {COUNTS[n]: len(found[n]) for n in members}:
        raise PackageError(MSG_NOT_PACKAGE, path=path, reason="its counts do not match its content")
    return Package(path, digest, manifest, public_key, found)


def _file_digest(f) -> str:
    f.seek(0)
    digest = hashlib.sha256()
    for block in iter(lambda: f.read(1 << 20), b""):
        digest.update(block)
    return digest.hexdigest()


def _verify(path, f, z: zipfile.ZipFile) -> bytes:
    """The signer's raw public key, once the signature in the zip's comment holds for every byte before it."""
    size = f.seek(0, io.SEEK_END)
    f.seek(size - SIGNATURE_SIZE)
    tail = f.read(SIGNATURE_SIZE)
    if z.comment != tail or not tail.startswith(SIGNATURE):
        version = _version(path, z)
        if version is not None and version > VERSION:
            raise PackageError(MSG_NEWER, path=path, version=version)
        if version is not None and version < SIGNED:
            raise PackageError(MSG_UNSIGNED, path=path, version=version)
        raise PackageError(MSG_ALTERED, path=path, reason="its signature is missing or cut")
    try:
        key_text, signature_text = tail[len(SIGNATURE):].split(b" ")
        raw, signature = _canonical_b64(key_text), _canonical_b64(signature_text)
        Ed25519PublicKey.from_public_bytes(raw).verify(signature, SIGNED_WHAT + _digest(f, size - SIGNATURE_SIZE))
    except (InvalidSignature, ValueError):
        raise PackageError(MSG_ALTERED, path=path, reason="its signature does not match its content") from None
    return raw


def _version(path, z: zipfile.ZipFile) -> int | None:
    """The version an unsigned package's manifest says, if it says one."""
    try:
        if z.getinfo("manifest.json").file_size <= MAX_MANIFEST:
            doc = _json(path, z.read("manifest.json"), "manifest.json")
            return doc.get("version") if isinstance(doc, dict) and isinstance(doc.get("version"), int) else None
    except (KeyError, PackageError):
        pass
    return None


def _json(path, blob: bytes, name: str):
    try:
        return strict_json(blob, name)
    except RowError as exc:
        raise PackageError(MSG_NOT_PACKAGE, path=path, reason=str(exc)) from None


def _check_sizes(path, z: zipfile.ZipFile) -> None:
    infos = {i.filename: i for i in z.infolist()}
    if set(infos) not in [{"manifest.json", *m} for m in MEMBERS_OF.values()] or len(z.infolist()) != len(infos):
        raise PackageError(MSG_NOT_PACKAGE, path=path, reason=f"it holds {', '.join(sorted(infos)) or 'nothing'}")
    for name, info in infos.items():
        limit = MAX_MEMBER if name in MEMBERS else MAX_MANIFEST
        if info.file_size > limit or info.file_size > MAX_RATIO * max(info.compress_size, 1) + MAX_MANIFEST:
            raise PackageError(MSG_NOT_PACKAGE, path=path, reason=f"{name} would inflate to {info.file_size:,} "
                                                                  f"bytes from {info.compress_size:,}")


def _manifest(path, doc: dict) -> Manifest:
    values = [doc.get(k) for k in ("mission", "laptop", "author", "created_at")]
    counts = doc.get("counts")
    if not all(isinstance(v, str) and len(v) <= 128 for v in values) or not values[0] or not values[1] \
            or not isinstance(counts, dict) or not isinstance(doc.get("sha256"), dict):
        raise PackageError(MSG_NOT_PACKAGE, path=path, reason="manifest.json lacks its mission, laptop or counts")
    return Manifest(*values, counts)
