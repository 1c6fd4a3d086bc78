"""sitmon's own CSV: the versioned column sets, writing (RFC 4180, Excel BOM, HXL, formula neutralisation)
and reading back every version it ever wrote, with a report of bad rows. See docs/csv-format.md.

Rows are numbered as a spreadsheet shows them: the header is row 1.
"""
from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from itertools import chain, islice, repeat
from pathlib import Path

from . import taxonomy
from .records import QT_TRANSLATE_NOOP

CONTEXT = "Import"

# The incidents table, in column order: the tuples that readers produce and the importer writes.
FIELDS = ("id", "occurred_on", "occurred_time", "lat", "lon", "region", "site_id", "site_km", "type", "subtype",
          "actors", "killed_peacekeepers", "killed_civilians", "killed_other", "injured_peacekeepers",
          "injured_civilians", "injured_other", "description", "notes", "source", "reliability", "status",
          "author", "origin", "external_id", "external_ts", "revision", "created_at", "updated_at", "deleted")
CASUALTIES = FIELDS[11:17]
# Every column set sitmon ever wrote, by version. A file's version is recognised from its header.
INCIDENT_COLUMNS = {1: FIELDS[:-1]}
VERSION = 1
REQUIRED = ("id", "occurred_on", "lat", "lon", "type")
SENSITIVE = ("notes", "source")  # left out by the "hq" profile
TEXT = frozenset(("id", "region", "site_id", "type", "subtype", "actors", "description", "notes", "source",
                  "reliability", "status", "author", "origin", "external_id"))
STATUSES = ("reported", "verified", "closed")
RELIABILITY = frozenset([""] + [f"{a}{n}" for a in "ABCDEF" for n in "123456"])

# HXL 1.1 hashtags, following the ACLED mapping used on HDX where a column has an ACLED counterpart.
HXL = {
    "id": "#event+id", "occurred_on": "#date+occurred", "occurred_time": "#date+occurred+time",
    "lat": "#geo+lat", "lon": "#geo+lon", "region": "#adm1+code", "site_id": "#loc+code", "site_km": "#loc+dist+km",
    "type": "#event+type", "subtype": "#event+type+sub", "actors": "#group+name+first",
    "killed_peacekeepers": "#affected+killed+peacekeepers", "killed_civilians": "#affected+killed+civilians",
    "killed_other": "#affected+killed+other", "injured_peacekeepers": "#affected+injured+peacekeepers",
    "injured_civilians": "#affected+injured+civilians", "injured_other": "#affected+injured+other",
    "description": "#description", "notes": "#description+notes", "source": "#meta+source",
    "reliability": "#meta+reliability", "status": "#status", "author": "#meta+author", "origin": "#meta+origin",
    "external_id": "#event+code", "external_ts": "#date+updated+external", "revision": "#meta+revision",
    "created_at": "#date+created", "updated_at": "#date+updated",
}

# What makes a spreadsheet evaluate a text cell (OWASP CSV injection); such cells get a leading apostrophe.
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
BAD_BYTES = re.compile("[\udc80-\udcff]")  # undecodable bytes, kept by the surrogateescape error handler

R_COLUMNS = QT_TRANSLATE_NOOP("Import", "the row has {count} cells; the header has {expected}")
R_BYTES = QT_TRANSLATE_NOOP("Import", "bytes that are not UTF-8: {value} (save the file as UTF-8)")
R_EMPTY = QT_TRANSLATE_NOOP("Import", "required, but empty")
R_DATE = QT_TRANSLATE_NOOP("Import", "{value} is not a date (YYYY-MM-DD)")
R_TIME = QT_TRANSLATE_NOOP("Import", "{value} is not a time (HH:MM or HH:MM:SS)")
R_DATETIME = QT_TRANSLATE_NOOP("Import", "{value} is not a UTC date and time (YYYY-MM-DDTHH:MM:SSZ)")
R_LAT = QT_TRANSLATE_NOOP("Import", "{value} is not a latitude (a number from -90 to 90)")
R_LON = QT_TRANSLATE_NOOP("Import", "{value} is not a longitude (a number from -180 to 180)")
R_KM = QT_TRANSLATE_NOOP("Import", "{value} is not a distance in km (a number of 0 or more)")
R_COUNT = QT_TRANSLATE_NOOP("Import", "{value} is not a whole number of 0 or more")
R_REVISION = QT_TRANSLATE_NOOP("Import", "{value} is not a revision number (1 or more)")
R_TYPE = QT_TRANSLATE_NOOP("Import", "{value} is not an incident type")
R_SUBTYPE = QT_TRANSLATE_NOOP("Import", "{value} is not a sub-type of {type}")
R_STATUS = QT_TRANSLATE_NOOP("Import", "{value} is not a status (reported, verified, closed)")
R_RELIABILITY = QT_TRANSLATE_NOOP("Import", "{value} is not a reliability code (A-F then 1-6, e.g. B2)")
R_DUPLICATE = QT_TRANSLATE_NOOP("Import", "{value} already appears in row {first}")
R_NOT_CSV = QT_TRANSLATE_NOOP("Import", "the file cannot be read as CSV: {error}")
R_NO_HEADER = QT_TRANSLATE_NOOP("Import", "the file is empty")
R_UNKNOWN_COLUMN = QT_TRANSLATE_NOOP(
    "Import", "unknown column {value}: not written by this version of sitmon (it reads format versions {versions})")
R_MISSING_COLUMN = QT_TRANSLATE_NOOP("Import", "the column is missing")
R_DUPLICATE_COLUMN = QT_TRANSLATE_NOOP("Import", "the column appears twice")
R_UNKNOWN_FORMAT = QT_TRANSLATE_NOOP("Import", "neither a sitmon nor an ACLED CSV file (the header starts {value})")


@dataclass(frozen=True)
class Problem:
    """One refused cell or row: where it is and why, as a template for Qt's translation."""

    row: int
    field: str
    reason: str  # an English template of this module, marked for translation
    args: tuple[tuple[str, object], ...] = ()

    def message(self, translate=None) -> str:
        """`FIELD: reason` in English, or through `translate(context, text)` (Qt's translate in app/)."""
        return f"{self.field}: {self.reason_text(translate)}"

    def reason_text(self, translate=None) -> str:
        return (translate or (lambda _ctx, t: t))(CONTEXT, self.reason).format(**dict(self.args))


def problem(row: int, field: str, reason: str, value=None, **args) -> Problem:
    if value is not None:
        args["value"] = shorten(value)
    return Problem(row, field, reason, tuple(args.items()))


def shorten(value, limit: int = 60) -> str:
    """A cell as it reads in a message: quoted, undecodable bytes as \\xNN, long ones cut."""
    text = str(value).encode("utf-8", "surrogateescape").decode("ascii", "backslashreplace") \
        if BAD_BYTES.search(str(value)) else str(value)
    return repr(text if len(text) <= limit else text[:limit - 1] + "…")


# ---------------------------------------------------------------- writing

def neutralise(text: str) -> str:
    """OWASP: a text cell that a spreadsheet would evaluate gets a leading apostrophe (reversible)."""
    return "'" + text if text.lstrip("'")[:1] in TRIGGERS and text.lstrip("'") else text


def unneutralise(text: str) -> str:
    return text[1:] if text[:1] == "'" and text.lstrip("'")[:1] in TRIGGERS and text.lstrip("'") else text


def sql_neutralise(column: str) -> str:
    """neutralise() as an SQLite expression, so that large exports do it in C."""
    first = f"substr(ltrim({column}, ''''), 1, 1)"
    chars = ", ".join(f"char({ord(c)})" for c in TRIGGERS)
    return f"CASE WHEN {first} IN ({chars}) THEN '''' || {column} ELSE {column} END"


# How each exported column is formatted, as SQL over the incidents table (SQLAlchemy's storage format).
_SQL_FORMAT = {
    "occurred_time": "substr(occurred_time, 1, 8)",
    "lat": "printf('%.5f', lat)", "lon": "printf('%.5f', lon)",
    "site_km": "CASE WHEN site_km IS NULL THEN NULL ELSE printf('%.2f', site_km) END",
    "created_at": "substr(created_at, 1, 10) || 'T' || substr(created_at, 12, 8) || 'Z'",
    "updated_at": "substr(updated_at, 1, 10) || 'T' || substr(updated_at, 12, 8) || 'Z'",
}


def export_columns(profile: str = "full") -> tuple[str, ...]:
    columns = INCIDENT_COLUMNS[VERSION]
    return columns if profile == "full" else tuple(c for c in columns if c not in SENSITIVE)


def sql_columns(columns) -> list[str]:
    """SQL expressions over the incidents table that format each column as the CSV writes it."""
    return [sql_neutralise(c) if c in TEXT else _SQL_FORMAT.get(c, c) for c in columns]


def cell(value):
    """A Python value as a CSV cell: numbers as they are, dates in ISO 8601, text neutralised."""
    if value is None:
        return ""
    if isinstance(value, (date, datetime, time)):
        return value.isoformat()
    return neutralise(value) if isinstance(value, str) else value


class Writer:
    """A CSV file written to FILE.part and renamed on success, so a cancelled export leaves nothing behind."""

    def __init__(self, path: Path | str, header, *, excel: bool = False, hxl: dict | None = None,
                 delimiter: str = ","):
        self.path = Path(path)
        self._part = self.path.with_name(self.path.name + ".part")
        self._file = open(self._part, "w", encoding="utf-8-sig" if excel else "utf-8", newline="")
        self.csv = csv.writer(self._file, delimiter=delimiter, lineterminator="\r\n")
        self.csv.writerow(header)
        if hxl is not None:
            self.csv.writerow([hxl.get(c, "") for c in header])

    def __enter__(self):
        return self

    def __exit__(self, exc_type, *_):
        self._file.close()
        if exc_type is None:
            os.replace(self._part, self.path)
        else:
            self._part.unlink(missing_ok=True)


# ---------------------------------------------------------------- reading

class Table:
    """A CSV file read as UTF-8 records: the header, an optional HXL hashtag row, then numbered rows.

    Undecodable bytes are kept as surrogates so that the row holding them can be named.
    """

    def __init__(self, path: Path | str):
        self.size = max(os.path.getsize(path), 1)
        self._file = open(path, encoding="utf-8-sig", errors="surrogateescape", newline="")
        first = self._file.readline()
        self.delimiter = ";" if first.count(";") > first.count(",") else ","
        self._reader = csv.reader(chain([first], self._file), delimiter=self.delimiter)
        self.header = [h.strip() for h in next(self._reader, [])]
        self.hxl, self.error = False, None
        self.next_row = 2
        peek = next(self._reader, None)
        if peek is not None and any(c.strip() for c in peek) and all(not c.strip() or c.lstrip().startswith("#")
                                                                     for c in peek):
            self.hxl, self.next_row, peek = True, 3, None
        self._rows = self._reader if peek is None else chain([peek], self._reader)

    @property
    def done(self) -> int:
        """Bytes read so far (for progress)."""
        return self._file.buffer.tell()

    def chunks(self, size: int = 20_000):
        """Lists of rows (lists of cells); `next_row` is the first one's row number during each.

        A row the csv module cannot read ends the file: `error` then names it.
        """
        while True:
            chunk = []
            try:
                chunk.extend(islice(self._rows, size))
            except csv.Error as exc:
                self.error = problem(self.next_row + len(chunk), "file", R_NOT_CSV, error=str(exc))
            if chunk:
                yield chunk
                self.next_row += len(chunk)
            if len(chunk) < size:
                return

    def close(self):
        self._file.close()

    def __enter__(self):
        return self

    def __exit__(self, *_):
        self.close()


def check_header(header, known, required, row: int = 1) -> list[Problem]:
    """Problems with a header: duplicated, unknown or missing columns."""
    out = [problem(row, h, R_DUPLICATE_COLUMN) for i, h in enumerate(header) if h in header[:i]]
    versions = ", ".join(map(str, INCIDENT_COLUMNS))
    out += [problem(row, h or "?", R_UNKNOWN_COLUMN, h, versions=versions) for h in header if h not in known]
    return out + [problem(row, c, R_MISSING_COLUMN) for c in required if c not in header]


def check_cells(chunk, first_row: int, header) -> dict[int, list[Problem]]:
    """Problems of the rows (by index in the chunk) without the header's cell count or with bytes not UTF-8."""
    width, bad = len(header), {}
    for i, row in enumerate(chunk):
        if len(row) != width:
            bad[i] = [problem(first_row + i, "columns", R_COLUMNS, count=len(row), expected=width)]
    if BAD_BYTES.search("\n".join(["\x1f".join(r) for r in chunk])):
        for i, row in enumerate(chunk):
            for name, value in zip(header, row):
                if BAD_BYTES.search(value):
                    bad.setdefault(i, []).append(problem(first_row + i, name, R_BYTES, value))
    return bad


def _date(s: str) -> str:
    return date.fromisoformat(s).isoformat()


def _time(s: str):
    return time.fromisoformat(s).isoformat(timespec="microseconds") if s else None


def _utc(s: str) -> str:
    """An ISO 8601 date-time as SQLAlchemy stores it in SQLite (naive UTC)."""
    t = datetime.fromisoformat(s)
    if t.tzinfo is not None:
        t = t.astimezone(timezone.utc).replace(tzinfo=None)
    return t.isoformat(sep=" ", timespec="microseconds")


def _count(s: str) -> int:
    return int(s) if s else 0


def _float_or_none(s: str):
    return float(s) if s else None


def _int_or_none(s: str):
    return int(s) if s else None


def _none_if_empty(s: str):
    return s or None


def _revision(s: str) -> int:
    return int(s) if s else 1


# field -> (parse, check of the parsed value or None, reason)
_CHECKS = {
    "occurred_on": (_date, None, R_DATE),
    "occurred_time": (_time, None, R_TIME),
    "lat": (float, lambda v: -90.0 <= v <= 90.0, R_LAT),
    "lon": (float, lambda v: -180.0 <= v <= 180.0, R_LON),
    "site_km": (_float_or_none, lambda v: v is None or 0.0 <= v < float("inf"), R_KM),
    "external_ts": (_int_or_none, None, R_COUNT),
    "revision": (_revision, lambda v: v >= 1, R_REVISION),
    "created_at": (_utc, None, R_DATETIME),
    "updated_at": (_utc, None, R_DATETIME),
    **{c: (_count, lambda v: v >= 0, R_COUNT) for c in CASUALTIES},
}
_NONE_IF_EMPTY = ("site_id", "external_id")


def convert(column, parse, check):
    """Parse a whole column; the fast path maps over it in C, a failure goes cell by cell. -> (values, bad indexes)"""
    try:
        values = list(map(parse, column))
        if check is None or all(map(check, values)):
            return values, ()
    except (ValueError, TypeError, OverflowError):
        pass
    values, bad = [], []
    for i, s in enumerate(column):
        try:
            v = parse(s)
            if check is not None and not check(v):
                raise ValueError(s)
        except (ValueError, TypeError, OverflowError):
            v = None
            bad.append(i)
        values.append(v)
    return values, bad


class IncidentReader:
    """Checks sitmon CSV rows, a chunk at a time, into tuples in FIELDS order.

    `defaults` gives author, origin, created_at and updated_at for files without those columns.
    Ids and external ids must be unique in the file.
    """

    def __init__(self, header, defaults: dict):
        self.header = header
        tax = taxonomy.load()
        self.types = frozenset(tax.ids)
        self.pairs = frozenset([(t.id, "") for t in tax.types] + [(t.id, s.id) for t in tax.types for s in t.subtypes])
        self.defaults = {**dict.fromkeys(FIELDS, ""), "occurred_time": None, "site_id": None, "site_km": None,
                         **dict.fromkeys(CASUALTIES, 0), "status": "reported", "external_id": None,
                         "external_ts": None, "revision": 1, "deleted": 0, **defaults}
        self.seen = {"id": {}, "external_id": {}}

    def read(self, chunk, first_row: int, problems: list[Problem]) -> list[tuple]:
        bad = check_cells(chunk, first_row, self.header)
        if bad:
            keep = [i for i in range(len(chunk)) if i not in bad]
            rows = [first_row + i for i in keep]
            chunk = [chunk[i] for i in keep]
            problems.extend(p for i in sorted(bad) for p in bad[i])
        else:
            rows = range(first_row, first_row + len(chunk))
        if not chunk:
            return []
        cells = dict(zip(self.header, zip(*chunk)))
        errors: dict[int, list[Problem]] = {}

        def refuse(i, field, reason, value=None, **args):
            errors.setdefault(i, []).append(problem(rows[i], field, reason, value, **args))

        columns = {}
        for field in FIELDS:
            column = cells.get(field)
            if column is None:
                columns[field] = repeat(self.defaults[field], len(chunk))
            elif field in _CHECKS:
                parse, check, reason = _CHECKS[field]
                if field in ("created_at", "updated_at"):
                    column = [s or self.defaults[field] for s in column]
                values, bad_cells = convert(column, parse, check)
                for i in bad_cells:
                    refuse(i, field, reason, column[i])
                columns[field] = values
            else:
                if field in TEXT:
                    column = [unneutralise(s) if s[:1] == "'" else s for s in column]
                if field in _NONE_IF_EMPTY:
                    column = list(map(_none_if_empty, column))
                columns[field] = column
        self._check_codes(columns, len(chunk), refuse)
        for field in ("id", "external_id"):
            self._check_unique(field, columns[field], rows, refuse)
        if errors:
            problems.extend(p for i in sorted(errors) for p in errors[i])
        out = list(zip(*(columns[f] for f in FIELDS)))
        return [r for i, r in enumerate(out) if i not in errors] if errors else out

    def _check_codes(self, columns, n, refuse):
        ids, types = columns["id"], columns["type"]
        for i in [i for i, v in enumerate(ids) if not v]:
            refuse(i, "id", R_EMPTY)
        if not isinstance(types, repeat) and not self.types.issuperset(types):
            for i, t in enumerate(types):
                if t not in self.types:
                    refuse(i, "type", R_EMPTY if not t else R_TYPE, t or None)
        subtypes = columns["subtype"]
        if not isinstance(subtypes, repeat) and not self.pairs.issuperset(zip(types, subtypes)):
            for i, (t, s) in enumerate(zip(types, subtypes)):
                if t in self.types and (t, s) not in self.pairs:
                    refuse(i, "subtype", R_SUBTYPE, s, type=t)
        status = columns["status"]
        if not isinstance(status, repeat):
            status = columns["status"] = [s or "reported" for s in status]
            for i in [i for i, s in enumerate(status) if s not in STATUSES]:
                refuse(i, "status", R_STATUS, status[i])
        reliability = columns["reliability"]
        if not isinstance(reliability, repeat) and not RELIABILITY.issuperset(reliability):
            for i in [i for i, s in enumerate(reliability) if s not in RELIABILITY]:
                refuse(i, "reliability", R_RELIABILITY, reliability[i])

    def _check_unique(self, field, values, rows, refuse):
        if isinstance(values, repeat):
            return
        seen = self.seen[field]
        present = [v for v in values if v]
        if len(set(present)) == len(present) and seen.keys().isdisjoint(present):
            seen.update(zip(values, rows))
            return
        for i, v in enumerate(values):
            if v and v in seen:
                refuse(i, field, R_DUPLICATE, v, first=seen[v])
            elif v:
                seen[v] = rows[i]


def known_columns() -> frozenset[str]:
    return frozenset().union(*INCIDENT_COLUMNS.values())

