"""ACLED event CSV onto the incident record: one incident per event_id_cnty, whatever the export's shape
or period.

Monadic exports hold one row per actor (the same event twice): one incident, every actor. A revised
event (same id, newer `timestamp`) replaces the older one. Files from before ACLED's 2019 revision (upper-case
headers, GWNO, ALLY_ACTOR_1, no SUB_EVENT_TYPE, dates as 18/04/2001) map their event types through
resources/taxonomy/acled_history.toml; an event type mapped nowhere imports as "other", the original kept in
the notes, and is counted (`EventReader.unmapped`). Legacy columns (data_id, gwno, event_id_no_cnty,
iso3...) and inter codes other than the history's are ignored.
"""
from __future__ import annotations

import re
import tomllib
import unicodedata
import uuid
from collections import Counter
from datetime import date, datetime, timezone
from functools import lru_cache

import resources
from db.exchange.csv_format import (
    FIELDS,
    R_COUNT,
    R_EMPTY,
    R_LAT,
    R_LON,
    R_PRECISION,
    Problem,
    check_cells,
    problem,
)
from db.incidents import taxonomy
from db.records import QT_TRANSLATE_NOOP
from db.vocab import CASUALTIES, GEO_PRECISIONS, MAX_COUNT, TIME_PRECISIONS

HISTORY_FILE = resources.path("taxonomy", "acled_history.toml")
REQUIRED = ("event_id_cnty", "event_date", "event_type", "actor1", "latitude", "longitude", "fatalities")
# Today's names, then the older files' (ally_actor_* until 2019).
ACTOR_COLUMNS = ("actor1", "assoc_actor_1", "ally_actor_1", "actor2", "assoc_actor_2", "ally_actor_2")
OTHER = "other"  # the taxonomy's type for an event type mapped nowhere
# ACLED admin1 names (accents and case ignored) -> ISO 3166-2; the 2016 regions included.
REGIONS = {"kayes": "ML-1", "koulikoro": "ML-2", "koulikouro": "ML-2", "sikasso": "ML-3", "segou": "ML-4",
           "mopti": "ML-5", "tombouctou": "ML-6", "timbuktu": "ML-6", "gao": "ML-7", "kidal": "ML-8",
           "menaka": "ML-9", "taoudeni": "ML-10", "taoudenit": "ML-10", "bamako": "ML-BKO"}
MONTHS = {m: i for i, name in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                         "september", "october", "november", "december"), 1)
          for m in (name, name[:3])}
NAMESPACE = uuid.UUID("6f3c1d52-2b7e-4c55-9a0e-ac1ed0000000")  # fixed: ids must never change

R_DATE = QT_TRANSLATE_NOOP("Import", "{value} is not a date as ACLED writes them (2023-08-13, 13 August 2023 "
                                      "or 13/08/2023)")
R_DATE_MONTH_FIRST = QT_TRANSLATE_NOOP("Import", "{value} has the month first (ACLED writes the day first, "
                                                 "13/08/2023): save the file with dates as YYYY-MM-DD")
R_TIMESTAMP = QT_TRANSLATE_NOOP("Import", "{value} is not a timestamp (seconds since 1970)")


def incident_id(event_id_cnty: str) -> str:
    """The same ACLED event gets the same incident id on every laptop, so merges never duplicate it."""
    return str(uuid.uuid5(NAMESPACE, "acled:" + event_id_cnty))


def region_code(admin1: str) -> str:
    """ISO 3166-2 code of an ACLED admin1 name, "" if unknown."""
    plain = unicodedata.normalize("NFKD", admin1).encode("ascii", "ignore").decode().strip().lower()
    return REGIONS.get(plain, "")


# The forms ACLED published (API 2023-08-13, export tool 13 August 2023, files before 2019 18/04/2001)
# and those a spreadsheet writes back (2023-08-01 00:00:00, 2023-12-05T00:00:00, 13-Aug-2023).
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?")
_NAMED = re.compile(r"(\d{1,2})[ -]([A-Za-z]+)\.?[ -](\d{4})")
_SLASHED = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


class MonthFirst(ValueError):
    """A slashed date whose second number cannot be a month: a spreadsheet wrote it month first."""


def parse_date(text: str) -> date:
    """An ACLED event date: year-month-day (a time after it, as spreadsheets add, is ignored), day and month
    name, or day/month/year as ACLED's older files write it. Anything else, and a slashed date written
    month first, raises ValueError: nothing is guessed."""
    text = text.strip()
    if m := _ISO.fullmatch(text):
        return date(int(m[1]), int(m[2]), int(m[3]))
    if (m := _NAMED.fullmatch(text)) and m[2].lower() in MONTHS:
        return date(int(m[3]), MONTHS[m[2].lower()], int(m[1]))
    if m := _SLASHED.fullmatch(text):
        if int(m[2]) > 12 >= int(m[1]):
            raise MonthFirst(text)
        return date(int(m[3]), int(m[2]), int(m[1]))
    raise ValueError(text)


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


@lru_cache(maxsize=2)
def history(path=HISTORY_FILE) -> dict[tuple[str, str], tuple[str, str]]:
    """(event_type, inter1 or ""), lower case -> (type id, sub-type id): ACLED's event types before 2019
    (resources/taxonomy/acled_history.toml), each checked against the taxonomy."""
    tax = taxonomy.load()
    out = {}
    for entry in tomllib.loads(path.read_text(encoding="utf-8"))["types"]:
        kind = (entry["type"], entry.get("subtype", ""))
        if kind[1] and kind[1] not in {s.id for s in tax.type(kind[0]).subtypes}:
            raise ValueError(f"{path}: {kind[1]!r} is not a sub-type of {kind[0]!r}")
        out[(entry["acled"].lower(), entry.get("inter1", ""))] = kind
    return out


def unmapped_note(original: str) -> str:
    """What the notes keep of an event type sitmon cannot map ("event type / sub-event type")."""
    return f"ACLED event type: {original}"


class EventReader:
    """Reads ACLED rows a chunk at a time, then gives one incident tuple (FIELDS order) per event."""

    def __init__(self, header, defaults: dict):
        self.header = [h.lower() for h in header]
        self.col = {h: i for i, h in enumerate(self.header)}
        self.defaults = defaults
        self.types = acled_types()
        self.history = history()
        self.events: dict[str, list] = {}  # event id -> [timestamp, fields, actors]
        self.unmapped: Counter = Counter()  # event types imported as "other", by their original words

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

    def _kind(self, row) -> tuple[str, str, str]:
        """(type id, sub-type id, the original words if mapped nowhere): today's types, then the history's,
        else "other"."""
        get = self._get
        event, sub = get(row, "event_type"), get(row, "sub_event_type")
        key = (event.lower(), sub.lower())
        if key in self.types:
            return (*self.types[key], "")
        for inter in (get(row, "inter1"), ""):
            if (key[0], inter) in self.history:
                return (*self.history[(key[0], inter)], "")
        return OTHER, "", event + (f" / {sub}" if sub else "")

    def _row(self, row, n: int) -> list[Problem]:
        get, errors = self._get, []
        event = get(row, "event_id_cnty")
        if not event:
            errors.append(problem(n, "event_id_cnty", R_EMPTY))
        try:
            day = parse_date(get(row, "event_date"))
        except MonthFirst:
            errors.append(problem(n, "event_date", R_DATE_MONTH_FIRST, get(row, "event_date")))
        except ValueError:
            errors.append(problem(n, "event_date", R_DATE, get(row, "event_date")))
        lat, lon = _number(get(row, "latitude"), 90.0), _number(get(row, "longitude"), 180.0)
        if lat is None:
            errors.append(problem(n, "latitude", R_LAT, get(row, "latitude")))
        if lon is None:
            errors.append(problem(n, "longitude", R_LON, get(row, "longitude")))
        if not get(row, "event_type"):
            errors.append(problem(n, "event_type", R_EMPTY))
        fatalities = get(row, "fatalities") or "0"
        if not (fatalities.isascii() and fatalities.isdigit() and int(fatalities) <= MAX_COUNT):
            errors.append(problem(n, "fatalities", R_COUNT, fatalities))
        precision = {}
        for name, allowed in (("geo_precision", GEO_PRECISIONS), ("time_precision", TIME_PRECISIONS)):
            text = get(row, name) or "1"
            precision[name] = {str(v): v for v in allowed}.get(text, 0)
            if not precision[name]:
                errors.append(problem(n, name, R_PRECISION, text))
        try:
            stamp = parse_timestamp(get(row, "timestamp"))
        except ValueError:
            errors.append(problem(n, "timestamp", R_TIMESTAMP, get(row, "timestamp")))
        if errors:
            return errors
        actors = [a.strip() for c in ACTOR_COLUMNS for a in get(row, c).split(";") if a.strip()]
        have = self.events.get(event)
        if have is None or (stamp or 0) > (have[0] or 0):
            kind, subtype, original = self._kind(row)
            values = dict(
                id=incident_id(event), occurred_on=day.isoformat(), lat=lat, lon=lon, region=region_code(
                    get(row, "admin1")), location=get(row, "location"), admin1=get(row, "admin1"),
                admin2=get(row, "admin2"), **precision, type=kind, subtype=subtype,
                notes=unmapped_note(original) if original else "", original=original,
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
        self.unmapped.clear()
        for _stamp, values, actors in self.events.values():
            row = {**base, **values, "actors": "; ".join(dict.fromkeys(actors))}
            out.append(tuple(row[f] for f in FIELDS))
            if row["original"]:
                self.unmapped[row["original"]] += 1
        return out


def _number(text: str, limit: float) -> float | None:
    try:
        v = float(text)
    except ValueError:
        return None
    return v if -limit <= v <= limit else None
