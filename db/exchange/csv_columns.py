"""sitmon CSV checked a column at a time: the fast path of imports.check_file for sitmon files.

pyarrow reads the file (every column as text, in C, on its own threads) a block at a time, and each column is
checked in C against the form sitmon itself writes: 2023-08-13, 14:30:00, 16.27000, 7, B2, a type of the
taxonomy, text without control characters. Where every cell of a file has that form, what is left to decide is
decided here the row reader's way (csv_format.IncidentReader: a sub-type of another type, an id or an external
id given twice), so the rows and the problems are the reader's, value for value. Any other file (a cell in
another form, valid or not; a row pyarrow would not read as the csv module does: another cell count, bytes that
are not UTF-8, a cell over the csv module's size limit) is left to the row reader, whole: `read` says so by
returning None. Files sitmon wrote, the common case, take the fast path; a file being refused is named by the
reader that has always named its rows.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from db.exchange import csv_format as cf
from db.exchange.csv_format import FIELDS, Problem, problem
from db.incidents import taxonomy
from db.progress import Progress, tick
from db.vocab import CASUALTIES, INCIDENT_STATUSES, MAX_COUNT, PRECISION, RELIABILITY_CODES

BLOCK = 8 << 20  # bytes parsed per batch (progress and Cancel between batches)
_DAY = r"[1-9]\d{3}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])"
# The form sitmon writes each column in ("" where the column may be empty), as RE2 patterns.
FORMS = {
    "id": r"^[0-9A-Za-z][0-9A-Za-z._:-]{0,35}$",
    "occurred_on": rf"^{_DAY}$",
    "occurred_time": r"^(([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?)?$",
    "lat": r"^-?(0|[1-9]\d{0,2})(\.\d{1,15})?$",
    "lon": r"^-?(0|[1-9]\d{0,2})(\.\d{1,15})?$",
    "site_km": r"^((0|[1-9]\d{0,8})(\.\d{1,15})?)?$",
    **dict.fromkeys(CASUALTIES, r"^(0|[1-9]\d{0,5})?$"),
    "external_ts": r"^(0|[1-9]\d{0,17})?$",
    "revision": r"^([1-9]\d{0,8})?$",
    **dict.fromkeys(PRECISION, r"^[123]?$"),
    "created_at": rf"^({_DAY}T([01]\d|2[0-3]):[0-5]\d:[0-5]\dZ)?$",
    "updated_at": rf"^({_DAY}T([01]\d|2[0-3]):[0-5]\d:[0-5]\dZ)?$",
}
RANGES = {"lat": (-90, 90), "lon": (-180, 180), **dict.fromkeys(CASUALTIES, (0, MAX_COUNT))}
DATES = ("occurred_on", "created_at", "updated_at")
CONTROL = "[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1e\\x7f\\x{FEFF}]"  # csv_format.CONTROL, for RE2
_MONTH_DAYS = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])


class NotCanonical(Exception):
    """The file holds something the row reader must judge."""


@dataclass
class Checked:
    """What the row reader would have given: the rows (csv_format.FIELDS order, SQLite storage values), the
    problems in row order, the counts, and the first row of each external id (for the database's check)."""

    rows: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    total: int = 0
    refused: int = 0
    external_rows: dict = field(default_factory=dict)


def read(path: Path, header: list[str], first_row: int, delimiter: str, defaults: dict,
         progress: Progress = None) -> Checked | None:
    """Check a sitmon file whose header passed (csv_format.check_header); None: read it with the row reader."""
    options = dict(
        read_options=pacsv.ReadOptions(column_names=header, skip_rows=first_row - 1, block_size=BLOCK),
        parse_options=pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=True, ignore_empty_lines=False),
        convert_options=pacsv.ConvertOptions(column_types={h: pa.string() for h in header},
                                             strings_can_be_null=False, quoted_strings_can_be_null=False))
    checker, out, size = _Columns(header, defaults), Checked(), max(path.stat().st_size, 1)
    try:
        with pacsv.open_csv(path, **options) as reader:
            for done, batch in enumerate(reader, 1):
                checker.check(batch, first_row + out.total, out)
                out.total += batch.num_rows
                tick(progress, min(size, done * BLOCK), size)
    except (pa.ArrowInvalid, NotCanonical):  # not UTF-8, another cell count, a cell of another form
        return None
    out.external_rows = checker.seen["external_id"]
    return out


class _Columns:
    """Checks batches of one file in order. What is judged across cells and rows (sub-types, unique ids) is
    judged by the row reader's own code (IncidentReader.check_rows), with its memory of the file's ids."""

    def __init__(self, header: list[str], defaults: dict):
        self.header = header
        self.reader = cf.IncidentReader(header, defaults)
        self.vocabularies = {"type": pa.array(taxonomy.load().ids), "status": pa.array(INCIDENT_STATUSES + ("",)),
                             "reliability": pa.array(("",) + tuple(sorted(RELIABILITY_CODES)))}
        self.defaults = self.reader.defaults
        self.seen = self.reader.seen
        self.limit = csv.field_size_limit()

    def check(self, batch: pa.RecordBatch, first_row: int, out: Checked) -> None:
        n = batch.num_rows
        if not n:
            return
        cells = {h: batch.column(i) for i, h in enumerate(self.header)}
        columns = {f: self._column(f, cells[f]) if f in cells else [self.defaults[f]] * n for f in FIELDS}
        rows = range(first_row, first_row + n)
        errors: dict[int, list[Problem]] = {}

        def refuse(i, name, reason, value=None, **args):
            errors.setdefault(i, []).append(problem(rows[i], name, reason, value, **args))

        self.reader.check_rows(columns, rows, refuse)
        out.problems.extend(p for i in sorted(errors) for p in errors[i])
        out.refused += len(errors)
        found = zip(*(columns[f] for f in FIELDS))
        out.rows.extend([r for i, r in enumerate(found) if i not in errors] if errors else found)

    def _column(self, name: str, cells: pa.Array) -> list:
        """One column in SQLite's storage form, or NotCanonical."""
        if pc.any(pc.greater(pc.binary_length(cells), self.limit)).as_py():
            raise NotCanonical(name)  # the csv module cannot read such a cell
        if name in self.vocabularies:
            if not pc.all(pc.is_in(cells, value_set=self.vocabularies[name])).as_py():
                raise NotCanonical(name)
        elif name in FORMS:
            if not pc.all(pc.match_substring_regex(cells, FORMS[name])).as_py():
                raise NotCanonical(name)
        elif pc.any(pc.match_substring_regex(cells, CONTROL)).as_py():
            raise NotCanonical(name)
        empty = pc.equal(cells, "")
        has_empty = pc.any(empty).as_py()
        if name in DATES:
            _real_days(cells, empty)
        if name in ("lat", "lon", "site_km") or name in RANGES:
            values = pc.cast(pc.if_else(empty, "0", cells), pa.float64() if name in ("lat", "lon", "site_km")
                             else pa.int64())
            low, high = RANGES.get(name, (0, None))
            if not pc.all(pc.greater_equal(values, low)).as_py() or \
                    (high is not None and not pc.all(pc.less_equal(values, high)).as_py()):
                raise NotCanonical(name)
            return self._empty(name, values.to_pylist(), empty, has_empty)
        if name in ("external_ts", "revision", *PRECISION):
            values = pc.cast(pc.if_else(empty, "0", cells), pa.int64())
            return self._empty(name, values.to_pylist(), empty, has_empty)
        if name == "occurred_time":
            padded = pc.if_else(pc.equal(pc.binary_length(cells), 5), pc.binary_join_element_wise(cells, ":00", ""),
                                cells)
            values = pc.binary_join_element_wise(padded, ".000000", "")
            return self._empty(name, values.to_pylist(), empty, has_empty)
        if name in ("created_at", "updated_at"):
            values = pc.binary_join_element_wise(pc.utf8_slice_codeunits(cells, 0, 10),
                                                 pc.utf8_slice_codeunits(cells, 11, 19), " ")
            values = pc.binary_join_element_wise(values, ".000000", "").to_pylist()
            return [self.defaults[name] if e else v for v, e in zip(values, empty.to_pylist())] if has_empty else values
        values = cells.to_pylist()
        if name in cf.TEXT and pc.any(pc.starts_with(cells, "'")).as_py():
            values = [cf.unneutralise(s) if s[:1] == "'" else s for s in values]
        return [cf.EMPTY[name] if v == "" else v for v in values] if name in cf.EMPTY and has_empty else values

    @staticmethod
    def _empty(name, values: list, empty, has_empty: bool) -> list:
        """An empty cell as the column's default (csv_format.EMPTY)."""
        if not has_empty:
            return values
        default = cf.EMPTY[name]
        return [default if e else v for v, e in zip(values, empty.to_pylist())]


def _real_days(cells: pa.Array, empty) -> None:
    """NotCanonical unless every non-empty YYYY-MM-DD... names a real day (2023-02-30 does not)."""
    text = pc.if_else(empty, "2000-01-01", cells)
    y, m, d = (pc.cast(pc.utf8_slice_codeunits(text, a, b), pa.int32()).to_numpy() for a, b in ((0, 4), (5, 7),
                                                                                                (8, 10)))
    leap = (y % 4 == 0) & ((y % 100 != 0) | (y % 400 == 0))
    if not (d <= _MONTH_DAYS[m] + ((m == 2) & leap)).all():
        raise NotCanonical("date")
