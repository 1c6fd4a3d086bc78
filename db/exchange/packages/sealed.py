"""Sealed (encrypted) packages: what an encrypted database exports is never written as plain text.

A sealed file is MAGIC, one JSON header line (the scrypt parameters and salt, a nonce prefix, the chunk
size), then the package's zip encrypted with AES-256-GCM in chunks (the STREAM construction: each chunk's
nonce is the prefix, its number and a last-chunk flag, the header is authenticated with every chunk), so a
truncated, reordered or altered file is refused, never half-read. The key is scrypt(passphrase, salt).
The `cryptography` package does the cryptography (OpenSSL underneath), nothing here is hand-rolled.
"""
from __future__ import annotations

import base64
import json
import os
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from db.exchange.packages.errors import PackageError
from db.records import QT_TRANSLATE_NOOP

MAGIC = b"sitmon-sealed-package\n"
CHUNK = 1 << 20
TAG = 16
SCRYPT = dict(n=1 << 17, r=8, p=1)  # OWASP's minimum for scrypt: ~0.5 s and 128 MiB once per package
# What a header may ask for: a hostile file must not make us spend minutes or gigabytes deriving a key.
LIMITS = dict(n=1 << 18, r=16, p=4, chunk=16 << 20)
MAX_HEADER = 1024

MSG_PASSPHRASE = QT_TRANSLATE_NOOP("db", "{path} is an encrypted package: give its passphrase. Nothing was "
                                         "imported.")
MSG_WRONG = QT_TRANSLATE_NOOP("db", "{path} cannot be opened with this passphrase (or it was altered). "
                                    "Nothing was imported.")
MSG_DAMAGED = QT_TRANSLATE_NOOP("db", "{path} is an encrypted package that is damaged: {reason}. Nothing was "
                                      "imported.")


class SealError(PackageError):
    """A sealed package that cannot be opened; nothing was imported."""


def is_sealed(head: bytes) -> bool:
    return head.startswith(MAGIC)


def _key(passphrase: str, salt: bytes, n: int, r: int, p: int) -> AESGCM:
    return AESGCM(Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode()))


def _nonce(prefix: bytes, number: int, last: bool) -> bytes:
    return prefix + number.to_bytes(4, "big") + (b"\x01" if last else b"\x00")


def seal(data: bytes, out: BinaryIO, passphrase: str) -> None:
    """Write `data` sealed with `passphrase` to the open binary file `out`."""
    salt, prefix = os.urandom(16), os.urandom(7)
    header = json.dumps(dict(version=1, kdf="scrypt", **SCRYPT, salt=base64.b64encode(salt).decode(),
                             nonce=base64.b64encode(prefix).decode(), chunk=CHUNK)).encode() + b"\n"
    aead = _key(passphrase, salt, **SCRYPT)
    out.write(MAGIC + header)
    count = max(1, -(-len(data) // CHUNK))
    for i in range(count):
        out.write(aead.encrypt(_nonce(prefix, i, i == count - 1), data[i * CHUNK:(i + 1) * CHUNK], header))


def _header(path, raw: bytes) -> tuple[dict, bytes, int]:
    end = raw.find(b"\n", len(MAGIC), len(MAGIC) + MAX_HEADER)
    if end < 0:
        raise SealError(MSG_DAMAGED, path=path, reason="no header")
    header = raw[len(MAGIC):end + 1]
    try:
        doc = json.loads(header)
        params = {k: int(doc[k]) for k in ("n", "r", "p", "chunk")}
        salt, prefix = base64.b64decode(doc["salt"], validate=True), base64.b64decode(doc["nonce"], validate=True)
    except (ValueError, TypeError, KeyError) as exc:
        raise SealError(MSG_DAMAGED, path=path, reason=f"header ({exc})") from None
    if doc.get("version") != 1 or doc.get("kdf") != "scrypt" or len(prefix) != 7 or len(salt) < 16 \
            or any(not 1 <= params[k] <= LIMITS[k] for k in LIMITS) or params["n"] & (params["n"] - 1):
        raise SealError(MSG_DAMAGED, path=path, reason="header values out of range")
    return dict(params, salt=salt, prefix=prefix), header, end + 1


def unseal(path, raw: bytes, passphrase: str | None) -> bytes:
    """The plain bytes of the sealed file `raw` (read from `path`, named in messages)."""
    if not passphrase:
        raise SealError(MSG_PASSPHRASE, path=path)
    params, header, start = _header(path, raw)
    aead = _key(passphrase, params["salt"], params["n"], params["r"], params["p"])
    size, body = params["chunk"] + TAG, memoryview(raw)[start:]
    count = max(1, -(-len(body) // size))
    parts = []
    for i in range(count):
        try:
            parts.append(aead.decrypt(_nonce(params["prefix"], i, i == count - 1), body[i * size:(i + 1) * size],
                                      header))
        except InvalidTag:
            if i == 0:
                raise SealError(MSG_WRONG, path=path) from None
            raise SealError(MSG_DAMAGED, path=path, reason=f"part {i + 1} of {count} was altered or cut") from None
    return b"".join(parts)
