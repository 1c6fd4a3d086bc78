"""The time sitmon records: UTC, naive (Mali is UTC+0; SQLAlchemy stores naive date-times)."""
from __future__ import annotations

from datetime import datetime, timezone


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)
