"""The laptop's signing key: an Ed25519 key made on the first start, kept beside the database in a file of
its own (`<database>.key`, PKCS#8 PEM, readable by the user only; encrypted with the database's passphrase
when the database is encrypted). Packages are signed with it (db/exchange/signing.py); the key never
leaves the laptop and is not in backups, so a stolen backup cannot sign in this laptop's name.

The `cryptography` package does the cryptography: a well-kept binding to OpenSSL, not hand-written code.
"""
from __future__ import annotations

import base64
import hashlib
import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from db.files import PRIVATE, atomic
from db.records import QT_TRANSLATE_NOOP
from db.store.errors import DatabaseError

MSG_KEY_UNREADABLE = QT_TRANSLATE_NOOP("db", "The laptop's signing key {path} cannot be read ({reason}). Packages "
                                             "cannot be signed until it is restored from where you keep it, or "
                                             "moved away (a new key is then made; other laptops will refuse "
                                             "it until they forget the old one).")


class KeyUnreadable(DatabaseError):
    pass


def key_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".key")


def _encryption(passphrase: str | None):
    if passphrase:
        return serialization.BestAvailableEncryption(passphrase.encode())
    return serialization.NoEncryption()


def _write(path: Path, key: Ed25519PrivateKey, passphrase: str | None) -> None:
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, _encryption(passphrase))
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)  # a server database's keys folder
    with atomic(path) as part:
        part.write_bytes(pem)


def laptop_key(db_path: Path, passphrase: str | None = None, *, create: bool = True) -> Ed25519PrivateKey | None:
    """The laptop's private key, made (when `create`) if there is none yet; None if there is none."""
    path = key_path(db_path)
    try:
        pem = path.read_bytes()
    except FileNotFoundError:
        if not create:
            return None
        key = Ed25519PrivateKey.generate()
        _write(path, key, passphrase)
        return key
    except OSError as exc:
        raise KeyUnreadable(MSG_KEY_UNREADABLE, path=path, reason=exc.strerror or str(exc)) from None
    try:
        key = serialization.load_pem_private_key(pem, password=passphrase.encode() if passphrase else None)
    except (ValueError, TypeError) as exc:
        raise KeyUnreadable(MSG_KEY_UNREADABLE, path=path, reason=str(exc).split("\n")[0]) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyUnreadable(MSG_KEY_UNREADABLE, path=path, reason="not an Ed25519 key")
    if os.stat(path).st_mode & 0o077:
        os.chmod(path, PRIVATE)
    return key


def reencrypt(db_path: Path, old: str | None, new: str | None) -> None:
    """Keep the key file under the database's passphrase when it changes (`sitmon encrypt`)."""
    key = laptop_key(db_path, old, create=False)
    if key is not None:
        _write(key_path(db_path), key, new)


def public_raw(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def fingerprint(raw_public: bytes) -> str:
    """The key's fingerprint as people compare it, like SSH's: SHA256:<base64 of the digest>."""
    return "SHA256:" + base64.b64encode(hashlib.sha256(raw_public).digest()).decode().rstrip("=")
