"""SQLAlchemy 2.x typed ORM models. Portable constructs only: HQ runs the same models on PostgreSQL.

ORM objects never leave db/; queries return frozen records (db/records.py and friends).
"""
from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text, Time
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Meta(Base):
    """Key/value facts about this database file (laptop id, ...)."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ScenarioRow(Base):
    """The loaded scenario, kept as its validated TOML text so the app needs no file at run time."""

    __tablename__ = "scenarios"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    format_version: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    source_path: Mapped[str] = mapped_column(Text, default="")
    sha256: Mapped[str] = mapped_column(String(64))
    document: Mapped[str] = mapped_column(Text)
    loaded_at: Mapped[datetime] = mapped_column(DateTime)


class SiteRow(Base):
    """The current scenario's sites, mirrored as rows for joins and exports."""

    __tablename__ = "sites"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    mission_id: Mapped[str] = mapped_column(ForeignKey("scenarios.id", ondelete="CASCADE"))
    name_en: Mapped[str] = mapped_column(Text)
    name_fr: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(32))
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    region: Mapped[str] = mapped_column(String(16), default="")


class Incident(Base):
    """One entry of the incident log. Dates are UTC (Mali is UTC+0)."""

    __tablename__ = "incidents"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUID text
    occurred_on: Mapped[date] = mapped_column(Date)
    occurred_time: Mapped[time | None] = mapped_column(Time, nullable=True)
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    region: Mapped[str] = mapped_column(String(16), default="")
    site_id: Mapped[str | None] = mapped_column(String(64), nullable=True)  # nearest site (no FK: scenarios change)
    site_km: Mapped[float | None] = mapped_column(Float, nullable=True)
    location: Mapped[str] = mapped_column(Text, default="")  # the place's name, e.g. "Anéfis" (ACLED location)
    admin1: Mapped[str] = mapped_column(Text, default="")  # its region's name, as the source gave it
    admin2: Mapped[str] = mapped_column(Text, default="")  # its cercle's name ("" where unknown)
    geo_precision: Mapped[int] = mapped_column(Integer, default=1)  # 1 exact place, 2 near it, 3 only the region
    time_precision: Mapped[int] = mapped_column(Integer, default=1)  # 1 the day, 2 the week, 3 the month
    type: Mapped[str] = mapped_column(String(64))
    subtype: Mapped[str] = mapped_column(String(64), default="")
    actors: Mapped[str] = mapped_column(Text, default="")
    killed_peacekeepers: Mapped[int] = mapped_column(Integer, default=0)
    killed_civilians: Mapped[int] = mapped_column(Integer, default=0)
    killed_other: Mapped[int] = mapped_column(Integer, default=0)
    injured_peacekeepers: Mapped[int] = mapped_column(Integer, default=0)
    injured_civilians: Mapped[int] = mapped_column(Integer, default=0)
    injured_other: Mapped[int] = mapped_column(Integer, default=0)
    description: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")  # free text, sensitive
    source: Mapped[str] = mapped_column(Text, default="")  # source name, sensitive
    reliability: Mapped[str] = mapped_column(String(2), default="")  # admiralty code, e.g. B2
    status: Mapped[str] = mapped_column(String(16), default="reported")  # reported | verified | closed
    author: Mapped[str] = mapped_column(String(128), default="")
    origin: Mapped[str] = mapped_column(String(64), default="")  # laptop id that created it
    external_id: Mapped[str | None] = mapped_column(String(64), nullable=True, unique=True)  # e.g. ACLED event_id_cnty
    external_ts: Mapped[int | None] = mapped_column(Integer, nullable=True)  # e.g. ACLED timestamp
    revision: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


class AuditEntry(Base):
    """Who changed what and when, one row per create, edit, delete or restore of an incident."""

    __tablename__ = "incident_audit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    incident_id: Mapped[str] = mapped_column(ForeignKey("incidents.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(DateTime)
    author: Mapped[str] = mapped_column(String(128), default="")
    laptop: Mapped[str] = mapped_column(String(64), default="")
    action: Mapped[str] = mapped_column(String(16))  # create | update | delete | restore | merge
    changes: Mapped[dict] = mapped_column(JSON, default=dict)  # field -> [old, new]

    __table_args__ = (Index("ix_incident_audit_incident", "incident_id", "at"),)


class KnownLaptop(Base):
    """A laptop whose packages this database has taken, with the key it signs them with (db/exchange/packages:
    remembered on the first package, as SSH remembers a host; another key under this id is refused)."""

    __tablename__ = "known_laptops"
    laptop_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    public_key: Mapped[str] = mapped_column(String(64))  # Ed25519, 32 bytes in base64
    author: Mapped[str] = mapped_column(String(128), default="")  # who exported the first package
    first_package: Mapped[str] = mapped_column(Text, default="")  # its file name
    first_seen_at: Mapped[datetime] = mapped_column(DateTime)


class SiteRecordRow(Base):
    """One entry of a site's log: what happened there and when (db/sites). Append-only: an edit bumps `revision`,
    a delete only sets `deleted`; every change has its row in site_record_audit."""

    __tablename__ = "site_records"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUID text
    site_id: Mapped[str] = mapped_column(String(64))  # no FK: scenarios change
    kind: Mapped[str] = mapped_column(String(32))  # db.vocab.SITE_RECORD_KINDS
    date: Mapped[date] = mapped_column(Date)
    value: Mapped[int | None] = mapped_column(Integer, nullable=True)  # a count (repatriated)
    category: Mapped[str] = mapped_column(String(16), default="")  # db.vocab.PERSONNEL (repatriated)
    source: Mapped[str] = mapped_column(Text, default="")  # sensitive
    reliability: Mapped[str] = mapped_column(String(2), default="")  # admiralty code, e.g. B2
    note: Mapped[str] = mapped_column(Text, default="")  # sensitive
    author: Mapped[str] = mapped_column(String(128), default="")
    origin: Mapped[str] = mapped_column(String(64), default="")  # laptop id that recorded it
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (Index("ix_site_records_site", "site_id", "date"),)


class SiteRecordAudit(Base):
    """Who changed a site record, when and how: one row per create, edit, delete, restore or merge."""

    __tablename__ = "site_record_audit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    record_id: Mapped[str] = mapped_column(ForeignKey("site_records.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(DateTime)
    author: Mapped[str] = mapped_column(String(128), default="")
    laptop: Mapped[str] = mapped_column(String(64), default="")
    action: Mapped[str] = mapped_column(String(16))  # db.vocab.AUDIT_ACTIONS
    changes: Mapped[dict] = mapped_column(JSON, default=dict)  # field -> [old, new]

    __table_args__ = (Index("ix_site_record_audit_record", "record_id", "at"),)


class Movement(Base):
    """A movement of people and equipment (a convoy) from a site to a site, through optional waypoints.

    `waypoints` and `incident_ids` are JSON text (portable): the waypoints in travel order, each a site id or a
    [lat, lon] position; the ids of the incidents linked to the movement. Edits bump `revision`, a delete only
    sets `deleted`; every change has its row in movement_audit (db/movements)."""

    __tablename__ = "movements"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUID text
    from_site: Mapped[str] = mapped_column(String(64))  # no FK: scenarios change
    to_site: Mapped[str] = mapped_column(String(64))
    waypoints: Mapped[str] = mapped_column(Text, default="[]")
    planned_departure: Mapped[date] = mapped_column(Date)
    planned_arrival: Mapped[date | None] = mapped_column(Date, nullable=True)
    departed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    arrived_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="planned")  # db.vocab.MOVEMENT_STATUSES
    personnel: Mapped[int | None] = mapped_column(Integer, nullable=True)  # None: not recorded
    vehicles: Mapped[int | None] = mapped_column(Integer, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    incident_ids: Mapped[str] = mapped_column(Text, default="[]")
    author: Mapped[str] = mapped_column(String(128), default="")
    origin: Mapped[str] = mapped_column(String(64), default="")  # laptop id that created it ("scenario": a seed)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (Index("ix_movements_live_departure", "deleted", "planned_departure"),)


class MovementAudit(Base):
    """Who changed a movement, when and how: one row per create, edit, delete, restore or merge."""

    __tablename__ = "movement_audit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    movement_id: Mapped[str] = mapped_column(ForeignKey("movements.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(DateTime)
    author: Mapped[str] = mapped_column(String(128), default="")
    laptop: Mapped[str] = mapped_column(String(64), default="")
    action: Mapped[str] = mapped_column(String(16))  # db.vocab.AUDIT_ACTIONS
    changes: Mapped[dict] = mapped_column(JSON, default=dict)  # field -> [old, new]

    __table_args__ = (Index("ix_movement_audit_movement", "movement_id", "at"),)


Index("ix_incidents_site", Incident.site_id)
Index("ix_incidents_live_day", Incident.deleted, Incident.occurred_on, Incident.id)
Index("ix_incidents_live_type", Incident.deleted, Incident.type, Incident.occurred_on)
Index("ix_incidents_live_region", Incident.deleted, Incident.region, Incident.occurred_on)


class ConflictRow(Base):
    """A record two sides edited apart, kept until someone chooses (db/exchange/conflicts.py): what the package
    held, the fields that differ and where it came from. `resolution` is empty while it waits."""

    __tablename__ = "conflicts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    record: Mapped[str] = mapped_column(String(16))  # incident | site_record
    record_id: Mapped[str] = mapped_column(String(36))  # the package's record
    reason: Mapped[str] = mapped_column(String(16))  # edited | handover (site records: another handover date)
    local_id: Mapped[str] = mapped_column(String(36))  # the record here it disagrees with (its own id, or mine)
    fields: Mapped[str] = mapped_column(Text)  # JSON list of the columns that differ
    theirs: Mapped[str] = mapped_column(Text)  # JSON: the package's row, as SQLite stores it
    their_audit: Mapped[str] = mapped_column(Text)  # JSON list: the package's audit rows of the record
    digest: Mapped[str] = mapped_column(String(64))  # sha256 of theirs and their_audit: the same conflict once
    package: Mapped[str] = mapped_column(Text)  # the package's file name
    package_sha256: Mapped[str] = mapped_column(String(64))
    laptop: Mapped[str] = mapped_column(String(64))  # the laptop that sent it
    provenance: Mapped[str] = mapped_column(Text)  # what the 'merge' audit row of the choice names (the package)
    received_at: Mapped[datetime] = mapped_column(DateTime)
    resolution: Mapped[str] = mapped_column(String(16), default="")  # "" | mine | theirs | superseded
    resolved_by: Mapped[str] = mapped_column(String(128), default="")
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    __table_args__ = (Index("ux_conflicts_digest", "record", "record_id", "digest", unique=True),)
