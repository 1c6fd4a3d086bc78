"""Site records for tests: made in memory for the pure status engine, or stored through db.sites.writes."""
import uuid
from datetime import date, datetime

from db.sites import draft, writes
from db.sites.queries import SiteRecord

AT = datetime(2023, 9, 6, 10, 0)


def made(site_id: str, kind: str, day: date, value=None, category="", source="", author="Awa", recorded_at=AT,
         deleted=False, record_id=None) -> SiteRecord:
    """A record as the store would give it back (not stored)."""
    return SiteRecord(record_id or str(uuid.uuid4()), site_id, kind, day, value, category, source, "", "", author,
                      "laptop-a", recorded_at, recorded_at, 1, deleted)


def stored(db, scenario, site: str, kind: str, day: str, author="Awa", **fields) -> str:
    """Record through the one write path (checked as the dialog and the CLI are); returns the id."""
    ctx = draft.context(scenario, date(2024, 12, 31))
    return writes.create(db, draft.SiteRecordDraft(site=site, kind=kind, date=day, **fields), author, ctx)
