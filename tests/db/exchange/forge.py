"""Packages made by hand for tests: a copy of a real package with rows or manifest changed, then checksums and
counts made to agree and signed again by a laptop's own key, as a hostile laptop (which holds a key) could."""
from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

from db.exchange.packages import archive
from db.store.identity import laptop_key


def read(path: Path) -> tuple[dict, dict[str, list]]:
    with zipfile.ZipFile(path) as z:
        doc = json.loads(z.read("manifest.json"))
        found = {n: [json.loads(line) for line in z.read(n).splitlines()] for n in archive.MEMBERS}
    return doc, found


def repack(path: Path, out: Path, signer_db, *, rows=None, manifest=None, laptop: str | None = None) -> Path:
    """`rows`: {member: function(list of rows) -> list of rows}; `manifest`: function(doc) -> doc; signed with
    the key of `signer_db` (an open Database) under `laptop` (default: the manifest's)."""
    doc, found = read(path)
    for member, change in (rows or {}).items():
        found[member] = change(found[member])
    blobs = {n: "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in found[n]).encode() for n in archive.MEMBERS}
    doc["sha256"] = {n: hashlib.sha256(b).hexdigest() for n, b in blobs.items()}
    doc["counts"] = {archive.COUNTS[n]: len(found[n]) for n in archive.MEMBERS}
    if laptop is not None:
        doc["laptop"] = laptop
    doc = manifest(doc) if manifest else doc
    return signed_zip(out, {"manifest.json": json.dumps(doc, indent=2).encode(), **blobs}, signer_db)


def signed_zip(out: Path, files: dict[str, bytes], signer_db, **zip_options) -> Path:
    """A zip of `files` signed as sitmon signs a package, with the key of `signer_db`."""
    with open(out, "w+b") as f:
        with zipfile.ZipFile(f, "w", zip_options.pop("compression", zipfile.ZIP_DEFLATED), **zip_options) as z:
            z.comment = b"\0" * archive.SIGNATURE_SIZE
            for name, blob in files.items():
                if callable(blob):
                    blob(z, name)
                else:
                    z.writestr(name, blob)
        archive.sign(f, laptop_key(signer_db.identity_path, signer_db.passphrase))
    return out


def each(change):
    """A `rows` function applying `change` to every row."""
    return lambda found: [change(r) for r in found]
