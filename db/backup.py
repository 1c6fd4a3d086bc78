"""Copies of the database through SQLite's online backup API (consistent even while in use)."""
from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timezone
from pathlib import Path


def backup_dir(db_path: Path) -> Path:
    """Backups live in a `backups` folder beside the database."""
    return db_path.parent / "backups"


def write(db_path: Path, reason: str = "manual", out: Path | None = None) -> Path:
    """Copy `db_path` to `out` (default: the backups folder, named by time and reason); return the copy."""
    if out is None:
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        out = backup_dir(db_path) / f"{db_path.stem}-{stamp}-{reason}.sqlite"
    out.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(out, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600))
    src = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(out)
    try:
        with dst:
            src.backup(dst)
    finally:
        dst.close()
        src.close()
    return out
