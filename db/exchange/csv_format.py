"""sitmon's own CSV: the versioned column sets, writing (RFC 4180, Excel BOM, HXL, formula neutralisation)
and reading back every version it ever wrote, with a report of bad rows. See docs/csv-format.md.

Rows are numbered as a spreadsheet shows them: the header is row 1.
"""
from __future__ import annotations

import codecs
import csv
import os
import re
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from itertools import chain
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, TypeAdapter, ValidationError

from db.files import atomic
from db.incidents import taxonomy
from db.records import QT_TRANSLATE_NOOP
from db.vocab import (
    CASUALTIES,
    INCIDENT_FIELDS,
    INCIDENT_STATUSES,
    MAX_COUNT,
    PLACE,
    PRECISION,
    RELIABILITY_CODES,
    SENSITIVE,
)

CONTEXT = "Import"

# The tuples that readers produce and the importer writes: the incidents table's columns, in order.
FIELDS = INCIDENT_FIELDS
# Every column set sitmon ever wrote, by version (each a named subset of db.vocab more than the one before).
# A file's version is recognised from its header; every version imports.
_V2 = tuple(f for f in FIELDS if f != "deleted")
INCIDENT_COLUMNS = {
    1: tuple(f for f in _V2 if f not in PLACE + PRECISION),
    2: _V2,  # version 2 added the place's names and ACLED's precisions
}
VERSION = max(INCIDENT_COLUMNS)
REQUIRED = ("id", "occurred_on", "lat", "lon", "type")
TEXT = frozenset(("id", "region", "site_id", "type", "subtype", "actors", "description", "notes", "source",
                  "reliability", "status", "author", "origin", "external_id", *PLACE))
VOCABULARIES = frozenset(("type", "subtype", "status", "reliability"))  # closed lists: never a formula
# How each column that is not text is written (db.store.dialect.sqlite_bulk.csv_record's kinds).
KINDS = {"occurred_time": "time", "lat": "degrees", "lon": "degrees", "site_km": "km", "created_at": "datetime",
         "updated_at": "datetime"}

# HXL 1.1 hashtags, following the ACLED mapping used on HDX where a column has an ACLED counterpart.
HXL = {
    "id": "#event+id", "occurred_on": "#date+occurred", "occurred_time": "#date+occurred+time",
    "lat": "#geo+lat", "lon": "#geo+lon", "region": "#adm1+code", "site_id": "#loc+code", "site_km": "#loc+dist+km",
    "location": "#loc+name", "admin1": "#adm1+name", "admin2": "#adm2+name", "geo_precision": "#geo+precision",
    "time_precision": "#date+precision",
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
TRIGGERS = "=+-@\t\r"
BAD_BYTES = re.compile("[\udc80-\udcff]")  # undecodable bytes, kept by the surrogateescape error handler
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1e\x7f\ufeff]")  # never typed: NUL, escapes, a stray BOM

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
R_PRECISION = QT_TRANSLATE_NOOP("Import", "{value} is not a precision (1, 2 or 3)")
R_TYPE = QT_TRANSLATE_NOOP("Import", "{value} is not an incident type")
R_SUBTYPE = QT_TRANSLATE_NOOP("Import", "{value} is not a sub-type of {type}")
R_STATUS = QT_TRANSLATE_NOOP("Import", "{value} is not a status (reported, verified, closed)")
R_RELIABILITY = QT_TRANSLATE_NOOP("Import", "{value} is not a reliability code (A-F then 1-6, e.g. B2)")
R_DUPLICATE = QT_TRANSLATE_NOOP("Import", "{value} already appears in row {first}")
R_NOT_CSV = QT_TRANSLATE_NOOP("Import", "the row cannot be read as CSV: {error}")
R_CONTROL = QT_TRANSLATE_NOOP("Import", "holds a control character ({character}): not text a person typed")
R_NUMBER = QT_TRANSLATE_NOOP("Import", "{value} is not written as a plain number (digits, one point, no separators)")
R_ID = QT_TRANSLATE_NOOP("Import", "{value} is not an id (letters, digits and . _ : - only, at most 36 characters)")
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


DELIMITERS = (",", ";", "\t", "|")


def export_columns(profile: str = "full") -> tuple[str, ...]:
    """The columns of an incident export: every column, or without the sensitive ones ("hq")."""
    columns = INCIDENT_COLUMNS[VERSION]
    return columns if profile == "full" else tuple(c for c in columns if c not in SENSITIVE)


def record_cells(columns) -> list[tuple[str, str]]:
    """(column, kind) of each column, for an SQL-built record (db.store.dialect.csv_record): text is quoted as
    needed and free text neutralised against formulas (closed vocabularies never need it)."""
    def kind(c):
        if c in TEXT:
            return "text" if c in VOCABULARIES else "free-text"
        return KINDS.get(c, "plain")
    return [(c, kind(c)) for c in columns]


def cell(value):
    """A Python value as a CSV cell: numbers as they are, dates in ISO 8601, text neutralised."""
    if value is None:
        return ""
    if isinstance(value, (date, datetime, time)):
        return value.isoformat()
    return neutralise(value) if isinstance(value, str) else value


class Writer:
    """A CSV file written whole or not at all (db.files.atomic): a cancelled export leaves nothing behind."""

    def __init__(self, path: Path | str, header, *, excel: bool = False, hxl: dict | None = None,
                 delimiter: str = ",", database: Path | None = None):
        if delimiter not in DELIMITERS:
            raise ValueError(f"delimiter {delimiter!r}: one of {DELIMITERS!r}")
        self.path = Path(path)
        self._files = ExitStack()
        part = self._files.enter_context(atomic(self.path, database=database))
        self._file = self._files.enter_context(open(part, "w", encoding="utf-8-sig" if excel else "utf-8",
                                                    newline=""))
        self.csv = csv.writer(self._file, delimiter=delimiter, lineterminator="\r\n")
        self.csv.writerow(header)
        if hxl is not None:
            self.csv.writerow([hxl.get(c, "") for c in header])

    def write_records(self, records: list[str]) -> None:
        """Lines already formatted as CSV records (db.store.dialect.csv_record)."""
        self._file.write("\r\n".join(records))
        self._file.write("\r\n")

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return self._files.__exit__(*exc)


# ---------------------------------------------------------------- reading

_undecodable = [0]  # bytes that were not UTF-8, in every file read so far


def _keep_undecodable(error: UnicodeDecodeError):
    """surrogateescape that also counts, so that clean files are never scanned for surrogates."""
    _undecodable[0] += 1
    return codecs.lookup_error("surrogateescape")(error)


codecs.register_error("sitmon-undecodable", _keep_undecodable)

class Unreadable(str):
    """A row the csv module could not read (the error's text), kept in its place so it is named and counted."""


class Table:
    """A CSV file read as UTF-8 records: the header, an optional HXL hashtag row, then numbered rows.

    Undecodable bytes are kept as surrogates so that the row holding them can be named; a row the csv module
    cannot read (a cell over its size limit, an unclosed quote) comes as an Unreadable and reading goes on.
    """

    def __init__(self, path: Path | str):
        self.size = max(os.path.getsize(path), 1)
        self._errors_before = _undecodable[0]
        self._file = open(path, encoding="utf-8-sig", errors="sitmon-undecodable", newline="")
        first = self._file.readline()
        self.delimiter = ";" if first.count(";") > first.count(",") else ","
        self._reader = csv.reader(chain([first], self._file), delimiter=self.delimiter)
        header = self._next()
        self.header = [] if header is None or isinstance(header, Unreadable) else [h.strip() for h in header]
        self.hxl = False
        self.next_row = 2
        peek = self._next()
        if peek is not None and not isinstance(peek, Unreadable) and any(c.strip() for c in peek) \
                and all(not c.strip() or c.lstrip().startswith("#") for c in peek):
            self.hxl, self.next_row, peek = True, 3, None
        self._peeked = peek

    def _next(self):
        """The next row, an Unreadable in its place, or None at the end."""
        try:
            return next(self._reader, None)
        except csv.Error as exc:
            return Unreadable(str(exc))

    @property
    def undecodable(self) -> bool:
        """True once bytes that are not UTF-8 were met (or another file's, read meanwhile: then rows are
        scanned for nothing, never missed)."""
        return _undecodable[0] != self._errors_before

    @property
    def done(self) -> int:
        """Bytes read so far (for progress)."""
        return self._file.buffer.tell()

    def chunks(self, size: int = 20_000):
        """Lists of rows (lists of cells, or Unreadable); `next_row` is the first one's row number during each."""
        chunk = [] if self._peeked is None else [self._peeked]
        while True:
            row = self._next()
            if row is not None:
                chunk.append(row)
            if len(chunk) == size or (row is None and chunk):
                yield chunk
                self.next_row += len(chunk)
                chunk = []
            if row is None:
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


def check_cells(chunk, first_row: int, header, undecodable: bool = True) -> dict[int, list[Problem]]:
    """Problems of the rows (by index in the chunk) the csv module could not read, without the header's cell
    count, with a control character (NUL and the like: a text cell is never silently cut), or (if the file
    had `undecodable` bytes) with bytes that are not UTF-8. Checked a whole chunk at a time in C first."""
    width, bad = len(header), {}
    for i, row in enumerate(chunk):
        if isinstance(row, Unreadable):
            bad[i] = [problem(first_row + i, "row", R_NOT_CSV, error=row)]
        elif len(row) != width:
            bad[i] = [problem(first_row + i, "columns", R_COLUMNS, count=len(row), expected=width)]
    rows = [(i, r) for i, r in enumerate(chunk) if not isinstance(r, Unreadable)]
    whole = "\n".join(["\x1f".join(r) for _, r in rows])
    for pattern, reason in ((CONTROL, R_CONTROL), (BAD_BYTES, R_BYTES)):
        if (reason is R_CONTROL or undecodable) and pattern.search(whole):
            for i, row in rows:
                for name, value in zip(header, row):
                    found = pattern.search(value)
                    if found and reason is R_CONTROL:
                        bad.setdefault(i, []).append(problem(first_row + i, name, reason, character=f"U+{ord(found[0]):04X}"))
                    elif found:
                        bad.setdefault(i, []).append(problem(first_row + i, name, reason, value))
    return bad


def _utc(s: str) -> str:
    """An ISO 8601 date-time as SQLAlchemy stores it in SQLite (naive UTC)."""
    t = datetime.fromisoformat(s)
    if t.tzinfo is not None:
        t = t.astimezone(timezone.utc).replace(tzinfo=None)
    return t.isoformat(sep=" ", timespec="microseconds")


def _utc_column(column) -> tuple[list, list[int]]:
    """_utc over a column -> (values, bad indexes); sitmon's own form (2023-08-13T10:00:00Z) is checked in C."""
    if all(len(s) == 20 and s[19] == "Z" for s in column):
        try:
            list(map(datetime.fromisoformat, [s[:19] for s in column]))
            return [s[:10] + " " + s[11:19] + ".000000" for s in column], []
        except ValueError:
            pass
    values, bad = [], []
    for i, s in enumerate(column):
        try:
            values.append(_utc(s))
        except ValueError:
            values.append(None)
            bad.append(i)
    return values, bad


Empty = Literal[""]
Count = Annotated[int, Field(ge=0, le=MAX_COUNT)] | Empty
BigCount = Annotated[int, Field(ge=0, le=2**63 - 1)] | Empty  # fits SQLite's integer
# The pydantic type of each column's cells (lax mode: text becomes numbers, dates, times); others are text.
SCHEMA = {
    "id": Annotated[str, Field(pattern=r"^[0-9A-Za-z][0-9A-Za-z._:-]{0,35}$")],
    "occurred_on": date,
    "occurred_time": time | Empty,
    "lat": Annotated[float, Field(ge=-90, le=90, allow_inf_nan=False)],
    "lon": Annotated[float, Field(ge=-180, le=180, allow_inf_nan=False)],
    "site_km": Annotated[float, Field(ge=0, allow_inf_nan=False)] | Empty,
    **dict.fromkeys(CASUALTIES, Count),
    "status": Literal[INCIDENT_STATUSES + ("",)],
    "reliability": Literal[("",) + tuple(sorted(RELIABILITY_CODES))],
    "external_ts": BigCount,
    "revision": Annotated[int, Field(ge=1, le=2**31 - 1)] | Empty,
    **dict.fromkeys(PRECISION, Annotated[int, Field(ge=1, le=3)] | Empty),
}
NUMBERS = ("lat", "lon", "site_km", *CASUALTIES, "external_ts", "revision", *PRECISION)  # cells that must be plain numbers
REASONS = {"id": R_ID, "occurred_on": R_DATE, "occurred_time": R_TIME, "lat": R_LAT, "lon": R_LON,
           "site_km": R_KM, **dict.fromkeys(CASUALTIES, R_COUNT), "status": R_STATUS, "reliability": R_RELIABILITY,
           "external_ts": R_COUNT, "revision": R_REVISION, "type": R_TYPE, "created_at": R_DATETIME,
           "updated_at": R_DATETIME, **dict.fromkeys(PRECISION, R_PRECISION)}
# What an empty cell means, per column (the defaults of the incidents table).
EMPTY = {"occurred_time": None, "site_km": None, **dict.fromkeys(CASUALTIES, 0), "status": "reported",
         "external_ts": None, "revision": 1, "site_id": None, "external_id": None, **dict.fromkeys(PRECISION, 1)}


def _text(column) -> list[str]:
    """Undo neutralise() in a column; most have no cell starting with an apostrophe (checked in C)."""
    if column[0][:1] != "'" and "\x1f'" not in "\x1f".join(column):
        return column
    return [unneutralise(s) if s[:1] == "'" else s for s in column]


class IncidentReader:
    """Checks sitmon CSV rows, a chunk at a time, into tuples in FIELDS order.

    Cells are typed by one pydantic schema per file (Rust, about 500,000 rows/s); then come what a schema
    cannot say: sub-type of its type, unique ids, and SQLite's storage format. `defaults` gives author,
    origin, created_at and updated_at for files without those columns.
    """

    def __init__(self, header, defaults: dict):
        self.header = header
        tax = taxonomy.load()
        schema = {**SCHEMA, "type": Literal[tax.ids]}
        self.adapter = TypeAdapter(list[tuple[tuple(schema.get(h, str) for h in header)]])
        self.pairs = frozenset([(t.id, "") for t in tax.types] + [(t.id, s.id) for t in tax.types for s in t.subtypes])
        self.defaults = {**dict.fromkeys(FIELDS, ""), **EMPTY, "deleted": 0, **defaults}
        self.seen = {"id": {}, "external_id": {}}

    def read(self, chunk, first_row: int, problems: list[Problem], undecodable: bool = True) -> list[tuple]:
        bad = check_cells(chunk, first_row, self.header, undecodable)
        self._check_numbers(chunk, first_row, bad)
        rows = range(first_row, first_row + len(chunk))
        if bad:
            problems.extend(p for i in sorted(bad) for p in bad[i])
            rows, chunk = self._without(bad, rows, chunk)
        errors: dict[int, list[Problem]] = {}

        def refuse(i, field, reason, value=None, **args):
            errors.setdefault(i, []).append(problem(rows[i], field, reason, value, **args))

        try:
            typed = self.adapter.validate_python(chunk)
        except ValidationError as exc:
            for i, j in dict.fromkeys(e["loc"][:2] for e in exc.errors(include_url=False)):
                field, value = self.header[j], chunk[i][j]
                refuse(i, field, R_EMPTY if value == "" and field in ("id", "type") else REASONS[field], value)
            problems.extend(p for i in sorted(errors) for p in errors[i])
            rows, chunk = self._without(errors, rows, chunk)
            errors = {}
            typed = self.adapter.validate_python(chunk)
        if not chunk:
            return []
        cells = dict(zip(self.header, zip(*typed)))
        columns = {f: self._column(f, cells.get(f), len(chunk), refuse) for f in FIELDS}
        types, subtypes = columns["type"], columns["subtype"]
        if not self.pairs.issuperset(zip(types, subtypes)):
            for i, (t, s) in enumerate(zip(types, subtypes)):
                if (t, s) not in self.pairs:
                    refuse(i, "subtype", R_SUBTYPE, s, type=t)
        for field in ("id", "external_id"):
            self._check_unique(field, columns[field], rows, refuse)
        problems.extend(p for i in sorted(errors) for p in errors[i])
        out = list(zip(*(columns[f] for f in FIELDS)))
        return [r for i, r in enumerate(out) if i not in errors] if errors else out

    def _check_numbers(self, chunk, first_row: int, bad: dict) -> None:
        """Numbers as a person or a spreadsheet writes them: Python would read "1_6.2" as 16.2 (checked in C
        a column at a time; cell by cell only where a separator is found)."""
        for j, name in enumerate(self.header):
            if name not in NUMBERS:
                continue
            cells = [row[j] for row in chunk if not isinstance(row, Unreadable) and len(row) > j]
            if "_" in "".join(cells):
                for i, row in enumerate(chunk):
                    if not isinstance(row, Unreadable) and len(row) > j and "_" in row[j] and i not in bad:
                        bad.setdefault(i, []).append(problem(first_row + i, name, R_NUMBER, row[j]))

    @staticmethod
    def _without(bad, rows, chunk):
        keep = [i for i in range(len(chunk)) if i not in bad]
        return [rows[i] for i in keep], [chunk[i] for i in keep]

    def _column(self, field, column, n, refuse):
        """One typed column in SQLite's storage format (SQLAlchemy's text for dates and times)."""
        if column is None:
            return [self.defaults[field]] * n
        if field in TEXT:
            column = _text(column)
        if field in EMPTY and "" in column:
            column = [EMPTY[field] if v == "" else v for v in column]
        if field == "occurred_on":
            return list(map(date.isoformat, column))
        if field == "occurred_time":
            return [t and t.isoformat(timespec="microseconds") for t in column]
        if field in ("created_at", "updated_at"):
            values, bad = _utc_column([s or self.defaults[field] for s in column] if "" in column else column)
            for i in bad:
                refuse(i, field, R_DATETIME, column[i])
            return values
        return column

    def _check_unique(self, field, values, rows, refuse):
        if field not in self.header:
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

