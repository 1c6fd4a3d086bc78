"""The scenario in the database: loaded from a file (validated first), read back, seeded on first start.

Loading is one transaction: a refused file, or a failure half-way, leaves the database as it was.
"""
from __future__ import annotations

import hashlib
from datetime import datetime, time
from pathlib import Path

from sqlalchemy import delete, func, insert, select

from db.clock import utcnow
from db.incidents import audit
from db.movements import audit as movement_audit
from db.movements import draft as movement_draft
from db.scenario import files
from db.scenario.schema import IncidentSeed, MovementSeed, Scenario
from db.store.models import Incident, Movement, ScenarioRow, SiteRow
from geo import basemap
from geo.lookups import geodesic_km

SCENARIO = "scenario"  # author and origin of what a scenario seeds (not a laptop's: the same everywhere)
_cache: dict[str, Scenario] = {}


def seed_if_empty(db) -> bool:
    """Load the default scenario into a database that has none; True if it did."""
    with db.session() as s:
        if s.scalar(select(func.count()).select_from(ScenarioRow)):
            return False
    load_scenario(db, files.DEFAULT_SCENARIO)
    return True


def load_scenario(db, path: Path | str) -> Scenario:
    """Validate the file, then replace the database's scenario with it (incidents are kept)."""
    path = files.scenario_file(path)
    scenario = files.load_file(path)  # raises ScenarioError before anything is written
    document = path.read_text(encoding="utf-8")
    now = utcnow()
    with db.write_session() as s, s.begin():
        s.execute(delete(SiteRow))
        s.execute(delete(ScenarioRow))
        s.add(ScenarioRow(id=scenario.mission.id, format_version=scenario.format_version,
                          name=scenario.mission.name.en, source_path=str(path),
                          sha256=hashlib.sha256(document.encode()).hexdigest(), document=document, loaded_at=now))
        s.flush()
        s.execute(insert(SiteRow), [
            dict(id=x.id, mission_id=scenario.mission.id, name_en=x.name.en, name_fr=x.name.fr, kind=x.kind,
                 lat=x.lat, lon=x.lon, region=x.region) for x in scenario.sites])
        for seed in scenario.incidents:
            if s.get(Incident, seed.id) is not None:
                continue  # the same seed on two laptops is one incident
            values = _seed_values(scenario, seed)
            at = seeded_at(seed)
            s.add(Incident(**values, author=SCENARIO, origin=SCENARIO, created_at=at, updated_at=at))
            s.flush()
            audit.record(s, seed.id, at, SCENARIO, SCENARIO, "create", {k: (None, v) for k, v in values.items()})
        _seed_movements(s, scenario)
    return scenario


def _seed_movements(s, scenario: Scenario) -> None:
    """The scenario's movements the database does not hold yet, as its incidents are seeded (same bytes on every
    laptop): author and origin "scenario", created at 00:00 UTC on the planned departure."""
    ctx = movement_draft.Context({x.id: (x.lat, x.lon) for x in scenario.sites})
    for seed in scenario.movements:
        if s.get(Movement, seed.id) is not None:
            continue
        values = movement_draft.values(files.seed_draft(seed), ctx)
        at = movement_seeded_at(seed)
        s.add(Movement(id=seed.id, **values, author=SCENARIO, origin=SCENARIO, revision=1, created_at=at,
                       updated_at=at, deleted=False))
        s.flush()
        movement_audit.record(s, seed.id, at, SCENARIO, SCENARIO, "create", {k: (None, v) for k, v in values.items()})


def movement_seeded_at(seed: MovementSeed) -> datetime:
    """When a seeded movement is recorded as created: its planned departure at 00:00 UTC (never the clock)."""
    return datetime.combine(seed.planned_departure, time())


def seeded_at(seed: IncidentSeed) -> datetime:
    """When a seeded incident is recorded as created: its own date at 00:00 UTC, the same on every laptop
    (never the clock), so that two laptops seeded apart hold the same row byte for byte."""
    return datetime.combine(seed.date, time())


def _seed_values(scenario: Scenario, seed: IncidentSeed) -> dict:
    site = scenario.site(seed.site) if seed.site else None
    return dict(
        id=seed.id, occurred_on=seed.date, occurred_time=None, lat=seed.lat, lon=seed.lon,
        region=site.region if site else "", site_id=seed.site,
        site_km=round(geodesic_km(seed.lat, seed.lon, site.lat, site.lon), 2) if site else None,
        type=seed.type, subtype="",
        actors=seed.actors, killed_peacekeepers=seed.killed_peacekeepers, killed_civilians=seed.killed_civilians,
        killed_other=seed.killed_other, injured_peacekeepers=seed.injured_peacekeepers,
        injured_civilians=seed.injured_civilians, injured_other=seed.injured_other,
        description=seed.description.en, notes="", source=seed.source, reliability=seed.reliability,
        status=seed.status, location=seed.location, admin1=seed.admin1 or _region_name(seed.lat, seed.lon),
        admin2=seed.admin2, geo_precision=seed.geo_precision, time_precision=seed.time_precision,
        external_id=None, external_ts=None, revision=1, deleted=False)


def _region_name(lat: float, lon: float) -> str:
    region = basemap.regions().region_of(lat, lon)
    return region.name if region else ""


def read_scenario(db) -> Scenario:
    """The database's scenario (parsed once per distinct document)."""
    with db.session() as s:
        row = s.execute(select(ScenarioRow.sha256, ScenarioRow.document, ScenarioRow.source_path)).first()
    if row is None:
        raise LookupError(f"{db.where} holds no scenario; load one with 'sitmon scenario load FILE'")
    if row.sha256 not in _cache:
        _cache[row.sha256] = files.loads(row.document, row.source_path)
    return _cache[row.sha256]
