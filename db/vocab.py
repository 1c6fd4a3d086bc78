"""Every vocabulary of sitmon, declared once: the words stored in the database and written to files,
their labels (marked for Qt's translation, in the context named beside each, or bilingual data), and the named subsets of
the incident record's columns. Validators, forms, tables, exports and the briefing all read them here.
"""
from __future__ import annotations

from .records import QT_TRANSLATE_NOOP, Text

# ---------------------------------------------------------------- incidents

INCIDENT_STATUSES = ("reported", "verified", "closed")
# Bilingual data, as the taxonomy's type labels and the basemap's region names are: every label an incident
# row carries is data, so that db/ writes the "hq" export in either language without Qt.
INCIDENT_STATUS_LABELS = {
    "reported": Text("Reported", "Signalé"),
    "verified": Text("Verified", "Vérifié"),
    "closed": Text("Closed", "Clos"),
}

# The admiralty code: source reliability A-F, then information credibility 1-6 (e.g. B2).
RELIABILITY_CODES = frozenset(f"{a}{n}" for a in "ABCDEF" for n in "123456")


def reliability(text: str) -> str | None:
    """The code as stored ("" for none), from what a person typed ("b2 " -> "B2"); None if it is not one."""
    code = text.strip().upper()
    return code if code == "" or code in RELIABILITY_CODES else None


KILLED = ("killed_peacekeepers", "killed_civilians", "killed_other")
INJURED = ("injured_peacekeepers", "injured_civilians", "injured_other")
CASUALTIES = KILLED + INJURED
MAX_COUNT = 100_000  # a casualty count above this is a typing error

# The incident record's columns, in the table's order, by what they hold.
WHEN = ("occurred_on", "occurred_time")
WHERE = ("lat", "lon", "region", "site_id", "site_km")  # region, site and distance follow from lat/lon
PLACE = ("location", "admin1", "admin2")  # the place's name, its region's and cercle's names (ACLED's words)
PRECISION = ("geo_precision", "time_precision")  # ACLED's: 1 exact, 2 near / within the week, 3 region / month
WHAT = ("type", "subtype", "actors", *CASUALTIES, "description", "notes", "source", "reliability", "status")
CONTENT = WHEN + WHERE + PLACE + PRECISION + WHAT  # what an edit changes
EXTERNAL = ("external_id", "external_ts")  # the event's id and version in another system (ACLED)
BOOKKEEPING = ("author", "origin", *EXTERNAL, "revision", "created_at", "updated_at", "deleted")
INCIDENT_FIELDS = ("id", *CONTENT, *BOOKKEEPING)
SENSITIVE = ("notes", "source")  # left out of what headquarters receives ("hq" profile)
FREE_TEXT = ("description", "actors", "notes", "source", "location")  # what the text search looks in, in its order

GEO_PRECISIONS = (1, 2, 3)  # ACLED's geo_precision: the exact place, near it (same district), only the region
TIME_PRECISIONS = (1, 2, 3)  # ACLED's time_precision: the day, the week, the month
GEO_PRECISION_LABELS = {  # context "Precision"
    1: QT_TRANSLATE_NOOP("Precision", "1: the exact place"),
    2: QT_TRANSLATE_NOOP("Precision", "2: near the place"),
    3: QT_TRANSLATE_NOOP("Precision", "3: only the region"),
}
TIME_PRECISION_LABELS = {  # context "Precision"
    1: QT_TRANSLATE_NOOP("Precision", "1: the day"),
    2: QT_TRANSLATE_NOOP("Precision", "2: within the week"),
    3: QT_TRANSLATE_NOOP("Precision", "3: within the month"),
}

# The 2016 regions that the basemap's polygons still count in Gao and Tombouctou (ISO 3166-2 names).
REGIONS_WITHOUT_POLYGON = {"ML-9": Text("Ménaka"), "ML-10": Text("Taoudénit")}

AUDIT_ACTIONS = ("create", "update", "delete", "restore", "merge")

# ---------------------------------------------------------------- sites and the drawdown

SITE_KINDS = ("camp", "tob", "headquarters", "liquidation-hub")
SITE_KIND_LABELS = {  # context "SiteKind"
    "camp": QT_TRANSLATE_NOOP("SiteKind", "camp"),
    "tob": QT_TRANSLATE_NOOP("SiteKind", "temporary operating base"),
    "headquarters": QT_TRANSLATE_NOOP("SiteKind", "headquarters"),
    "liquidation-hub": QT_TRANSLATE_NOOP("SiteKind", "liquidation hub"),
}
CLOSING_KINDS = frozenset({"camp", "tob"})  # the sites a drawdown closes

ROLES = ("rear-party", "reduced", "liquidation-hub")  # what a site may become after its handover
SITE_STATUSES = ("open", "closing", "handed-over", "closure-due", *ROLES)
SITE_STATUS_LABELS = {  # context "Status"
    "open": QT_TRANSLATE_NOOP("Status", "open"),
    "closing": QT_TRANSLATE_NOOP("Status", "closing"),
    "handed-over": QT_TRANSLATE_NOOP("Status", "handed over"),
    "closure-due": QT_TRANSLATE_NOOP("Status", "closure due"),
    "rear-party": QT_TRANSLATE_NOOP("Status", "rear party"),
    "reduced": QT_TRANSLATE_NOOP("Status", "reduced"),
    "liquidation-hub": QT_TRANSLATE_NOOP("Status", "liquidation hub"),
}

TRANSFER_STATUSES = ("planned", "in-progress", "gap", "funding-needed", "done")
TRANSFER_STATUS_LABELS = {  # context "TaskStatus"
    "planned": QT_TRANSLATE_NOOP("TaskStatus", "planned"),
    "in-progress": QT_TRANSLATE_NOOP("TaskStatus", "in progress"),
    "gap": QT_TRANSLATE_NOOP("TaskStatus", "gap"),
    "funding-needed": QT_TRANSLATE_NOOP("TaskStatus", "funding needed"),
    "done": QT_TRANSLATE_NOOP("TaskStatus", "done"),
}

# ---------------------------------------------------------------- site records (what happened at a site)

SITE_RECORD_KINDS = ("handover", "handover-planned", "closure-started", *ROLES, "returned", "repatriated")
SITE_RECORD_LABELS = {  # context "SiteRecord"
    "handover": QT_TRANSLATE_NOOP("SiteRecord", "Handover confirmed"),
    "handover-planned": QT_TRANSLATE_NOOP("SiteRecord", "Handover rescheduled"),
    "closure-started": QT_TRANSLATE_NOOP("SiteRecord", "Closure started"),
    "rear-party": QT_TRANSLATE_NOOP("SiteRecord", "Rear party began"),
    "reduced": QT_TRANSLATE_NOOP("SiteRecord", "Reduced footprint began"),
    "liquidation-hub": QT_TRANSLATE_NOOP("SiteRecord", "Liquidation hub began"),
    "returned": QT_TRANSLATE_NOOP("SiteRecord", "Returned to the government"),
    "repatriated": QT_TRANSLATE_NOOP("SiteRecord", "Personnel repatriated"),
}
FUTURE_KINDS = frozenset({"handover-planned"})  # the only kind whose date may be after today (a new plan)
COUNTED_KINDS = frozenset({"repatriated"})  # the kinds that carry a value (a count) and a category

PERSONNEL = ("military", "police", "civilian")  # the categories of a `repatriated` figure
PERSONNEL_LABELS = {  # context "Personnel"
    "military": QT_TRANSLATE_NOOP("Personnel", "military"),
    "police": QT_TRANSLATE_NOOP("Personnel", "police"),
    "civilian": QT_TRANSLATE_NOOP("Personnel", "civilian"),
}

# The site record's columns: what the dialog edits, then bookkeeping; SITE_RECORD_FIELDS is the CSV's order.
SITE_RECORD_CONTENT = ("site_id", "kind", "date", "value", "category", "source", "reliability", "note")
SITE_RECORD_FIELDS = ("id", *SITE_RECORD_CONTENT, "author", "origin", "recorded_at", "revision", "deleted")
SITE_RECORD_SENSITIVE = ("source", "note")  # left out of what headquarters receives ("hq" profile)
# Where each status comes from (`sitmon status --format csv` confirmed_by, besides a record's id).
BASIS_PLAN, BASIS_SCENARIO = "plan", "scenario"

# ---------------------------------------------------------------- movements (convoys between sites)

MOVEMENT_STATUSES = ("planned", "under-way", "arrived", "aborted")
MOVEMENT_STATUS_LABELS = {  # context "MovementStatus"
    "planned": QT_TRANSLATE_NOOP("MovementStatus", "planned"),
    "under-way": QT_TRANSLATE_NOOP("MovementStatus", "under way"),
    "arrived": QT_TRANSLATE_NOOP("MovementStatus", "arrived"),
    "aborted": QT_TRANSLATE_NOOP("MovementStatus", "aborted"),
}
# The movement record's columns by what they hold (db/movements): an edit changes MOVEMENT_CONTENT.
MOVEMENT_ROUTE = ("from_site", "to_site", "waypoints")  # waypoints: JSON text, a list of site ids and [lat, lon]
MOVEMENT_DATES = ("planned_departure", "planned_arrival", "departed_on", "arrived_on")
MOVEMENT_CONTENT = MOVEMENT_ROUTE + MOVEMENT_DATES + ("status", "personnel", "vehicles", "note", "incident_ids")
MOVEMENT_BOOKKEEPING = ("author", "origin", "revision", "created_at", "updated_at", "deleted")
MOVEMENT_FIELDS = ("id", *MOVEMENT_CONTENT, *MOVEMENT_BOOKKEEPING)
