"""ACLED event CSV onto the incident record: one incident per event_id_cnty, whatever the export's shape.

Monadic exports hold one row per actor (the same event twice): one incident, every actor. A revised
event (same id, newer `timestamp`) replaces the older one. Legacy columns (data_id, event_id_no_cnty,
iso3...) and inter codes, numeric or text, are ignored.
"""
from __future__ import annotations

import unicodedata
import uuid
from datetime import date, datetime, timezone

from dateutil import parser as dateparser

from db.exchange.csv_format import FIELDS, R_COUNT, R_DATE, R_EMPTY, R_LAT, R_LON, Problem, check_cells, problem
from db.incidents import taxonomy
from db.records import QT_TRANSLATE_NOOP
from db.vocab import CASUALTIES, MAX_COUNT

REQUIRED = ("event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "latitude", "longitude",
            "fatalities")
ACTOR_COLUMNS = ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2")
# ACLED admin1 names (accents and case ignored) -> ISO 3166-2; the 2016 regions included.
REGIONS = {"kayes": "ML-1", "koulikoro": "ML-2", "koulikouro": "ML-2", "sikasso": "ML-3", "segou": "ML-4",
           "mopti": "ML-5", "tombouctou": "ML-6", "timbuktu": "ML-6", "gao": "ML-7", "kidal": "ML-8",
           "menaka": "ML-9", "taoudeni": "ML-10", "taoudenit": "ML-10", "bamako": "ML-BKO"}
MONTHS = {m: i for i, name in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                         "september", "october", "november", "december"), 1)
          for m in (name, name[:3])}
NAMESPACE = uuid.UUID("6f3c1d52-2b7e-4c55-9a0e-ac1ed0000000")  # fixed: ids must never change

R_EVENT_TYPE = QT_TRANSLATE_NOOP("Import", "{value} is not an ACLED event type")
R_SUB_EVENT_TYPE = QT_TRANSLATE_NOOP("Import", "{value} is not an ACLED sub-event type of {type}")
R_TIMESTAMP = QT_TRANSLATE_NOOP("Import", "{value} is not a timestamp (seconds since 1970)")


def incident_id(event_id_cnty: str) -> str:
    """The same ACLED event gets the same incident id on every laptop, so merges never duplicate it."""
    return str(uuid.uuid5(NAMESPACE, "acled:" + event_id_cnty))


def region_code(admin1: str) -> str:
    """ISO 3166-2 code of an ACLED admin1 name, "" if unknown."""
    plain = unicodedata.normalize("NFKD", admin1).encode("ascii", "ignore").decode().strip().lower()
    return REGIONS.get(plain, "")


def parse_date(text: str) -> date:
    """`2023-08-13`, `13 August 2023`, `13-Aug-2023`, else anything dateutil reads unambiguously (day first)."""
    text = text.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    parts = text.replace("-", " ").split()
    if len(parts) == 3 and parts[1].lower() in MONTHS and parts[0].isdigit() and parts[2].isdigit():
        return date(int(parts[2]), MONTHS[parts[1].lower()], int(parts[0]))
    try:
        one = dateparser.parse(text, dayfirst=True, default=datetime(2000, 1, 1))
        two = dateparser.parse(text, dayfirst=True, default=datetime(2001, 2, 2))
    except (OverflowError, TypeError) as exc:
        raise ValueError(text) from exc
    if one != two:  # a part was missing and came from the default
        raise ValueError(text)
    return one.date()


def parse_timestamp(text: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        t = datetime.fromisoformat(text)
        return int((t if t.tzinfo else t.replace(tzinfo=timezone.utc)).timestamp())


def acled_types() -> dict[tuple[str, str], tuple[str, str]]:
    """(event_type, sub_event_type), lower case -> (type id, sub-type id) from the taxonomy."""
    out = {}
    for t in taxonomy.load().types:
        if not t.acled_subtype:  # the ACLED types; the mission's own kinds are not imported as such
            for s in t.subtypes:
                out[(t.acled_event_type.lower(), s.acled.lower())] = (t.id, s.id)
    return out


class EventReader:
    """Reads ACLED rows a chunk at a time, then gives one incident tuple (FIELDS order) per event."""

    def __init__(self, header, defaults: dict):
        self.header = [h.lower() for h in header]
        self.col = {h: i for i, h in enumerate(self.header)}
        self.defaults = defaults
        self.types = acled_types()
        self.event_types = {e for e, _ in self.types}
        self.events: dict[str, list] = {}  # event id -> [timestamp, fields, actors]

    def read(self, chunk, first_row: int, problems: list[Problem], undecodable: bool = True) -> int:
        """Adds the chunk's good rows to the events; returns how many rows were refused."""
        bad = check_cells(chunk, first_row, self.header, undecodable)
        refused = len(bad)
        for i in sorted(bad):
            problems.extend(bad[i])
        for i, row in enumerate(chunk):
            if i in bad:
                continue
            errors = self._row(row, first_row + i)
            problems.extend(errors)
            refused += bool(errors)
        return refused

    def _get(self, row, name: str) -> str:
        i = self.col.get(name)
        return row[i].strip() if i is not None else ""

    def _row(self, row, n: int) -> list[Problem]:
        get, errors = self._get, []
        event = get(row, "event_id_cnty")
        if not event:
            errors.append(problem(n, "event_id_cnty", R_EMPTY))
        try:
            day = parse_date(get(row, "event_date"))
        except ValueError:
            errors.append(problem(n, "event_date", R_DATE, get(row, "event_date")))
        lat, lon = _number(get(row, "latitude"), 90.0), _number(get(row, "longitude"), 180.0)
        if lat is None:
            errors.append(problem(n, "latitude", R_LAT, get(row, "latitude")))
        if lon is None:
            errors.append(problem(n, "longitude", R_LON, get(row, "longitude")))
        kind = (get(row, "event_type").lower(), get(row, "sub_event_type").lower())
        if kind[0] not in self.event_types:
            errors.append(problem(n, "event_type", R_EVENT_TYPE, get(row, "event_type")))
        elif kind not in self.types:
            errors.append(problem(n, "sub_event_type", R_SUB_EVENT_TYPE, get(row, "sub_event_type"),
                                  type=get(row, "event_type")))
        fatalities = get(row, "fatalities") or "0"
        if not (fatalities.isascii() and fatalities.isdigit() and int(fatalities) <= MAX_COUNT):
            errors.append(problem(n, "fatalities", R_COUNT, fatalities))
        try:
            stamp = parse_timestamp(get(row, "timestamp"))
        except ValueError:
            errors.append(problem(n, "timestamp", R_TIMESTAMP, get(row, "timestamp")))
        if errors:
            return errors
        actors = [a.strip() for c in ACTOR_COLUMNS for a in get(row, c).split(";") if a.strip()]
        have = self.events.get(event)
        if have is None or (stamp or 0) > (have[0] or 0):
            values = dict(
                id=incident_id(event), occurred_on=day.isoformat(), lat=lat, lon=lon, region=region_code(
                    get(row, "admin1")), type=self.types[kind][0], subtype=self.types[kind][1],
                killed_other=int(fatalities), description=get(row, "notes"), source=get(row, "source"),
                external_id=event, external_ts=stamp)
            self.events[event] = [stamp, values, actors]
        elif (stamp or 0) == (have[0] or 0):
            have[2].extend(actors)
        return []

    def incidents(self) -> list[tuple]:
        base = {**dict.fromkeys(FIELDS, ""), "occurred_time": None, "site_id": None, "site_km": None,
                **dict.fromkeys(CASUALTIES, 0), "status": "reported", "revision": 1, "deleted": 0, **self.defaults}
        out = []
        for _stamp, values, actors in self.events.values():
            row = {**base, **values, "actors": "; ".join(dict.fromkeys(actors))}
            out.append(tuple(row[f] for f in FIELDS))
        return out


def _number(text: str, limit: float) -> float | None:
    try:
        v = float(text)
    except ValueError:
        return None
    return v if -limit <= v <= limit else None
