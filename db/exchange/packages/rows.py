"""Rows as a data package carries them, for any kind of record (incidents, site records): read and written
as SQLite stores them (text dates, 0/1 booleans, the audit's JSON text), so that both laptops end up with
byte-identical rows; each checked for its JSON type before its kind's validator reads it; merged by the
history this laptop holds.

Each kind's piece (incidents.py, site_records.py) builds on these.
"""
from __future__ import annotations

import json
import re
from datetime import datetime

from sqlalchemy import Boolean, Date, DateTime, Float, Integer, String, Text, Time

from db.incidents import audit
from db.store import dialect
from db.vocab import AUDIT_ACTIONS

AUDIT_FIELDS = ("at", "author", "laptop", "action", "changes")  # after the record's id column
PACKAGE = "package"  # in a 'merge' audit row: the package a change arrived with (file, SHA-256, laptop)
STORED_TIME = re.compile(r"^(19|20)\d\d-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{6})?$")  # SQLAlchemy's DateTime on SQLite
CONTROL = re.compile("[\x00-\x1f\x7f\ufeff]")
MAX_CHANGES = 64 << 10  # one audit row's JSON: every field of a record, twice, with room to spare


class RowError(ValueError):
    """A package row refused: str() names the row and the field."""


def select(conn, table: str, columns, order: str) -> list[dict]:
    return [dict(zip(columns, r)) for r in conn.exec_driver_sql(
        f"SELECT {', '.join(columns)} FROM {table} ORDER BY {order}")]


def select_where(conn, table: str, columns, where: str, params=()) -> list[dict]:
    return [dict(zip(columns, r)) for r in conn.exec_driver_sql(
        f"SELECT {', '.join(columns)} FROM {table} WHERE {where}", tuple(params))]


def select_ids(conn, table: str, columns, key: str, ids) -> list[dict]:
    """The rows whose `key` is one of `ids` (a package's records among a headquarters' million), in key order."""
    ids = sorted(set(ids))
    if conn.dialect.name != "sqlite":  # one array parameter
        return select_where(conn, table, columns, f"{key} = ANY(?) ORDER BY {key}", (ids,))
    out = []
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        out += select_where(conn, table, columns, f"{key} IN ({', '.join('?' * len(part))}) ORDER BY {key}", part)
    return out


def insert(conn, table: str, rows: list[dict], columns) -> None:
    dialect.insert_rows(conn, table, rows, columns)  # COPY on PostgreSQL


def update(conn, table: str, rows: list[dict], columns) -> None:
    """Rows changed whole, by their `id`."""
    if rows:
        names = [c for c in columns if c != "id"]
        conn.exec_driver_sql(f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in names)} WHERE id = ?",
                             [tuple(r[c] for c in names) + (r["id"],) for r in rows])


# ---------------------------------------------------------------- JSON types, before any validator

_JSON_TYPES = {Integer: (int,), Float: (int, float), Boolean: (int,), String: (str,), Text: (str,), Date: (str,),
               DateTime: (str,), Time: (str,)}


def typed(row, columns, table, what: str) -> dict:
    """`row` as a dict with exactly `columns`, each of its column's JSON type (a number is never text, text
    never a number, true/false never a count); RowError names the row and the field."""
    if not isinstance(row, dict):
        raise RowError(f"{what}: not a JSON object")
    if set(row) != set(columns):
        raise RowError(f"{what}: unexpected columns {sorted(map(str, set(row) ^ set(columns)))}")
    for c in columns:
        v, column = row[c], table.c[c]
        if v is None and column.nullable:
            continue
        kinds = _JSON_TYPES.get(type(column.type), (str,))
        if isinstance(v, bool) or not isinstance(v, kinds):
            raise RowError(f"{what}: {c}: {json.dumps(v)[:40]} is not of the column's type")
        if isinstance(v, str) and c not in ("note", "notes", "description", "source", "actors") and CONTROL.search(v):
            raise RowError(f"{what}: {c}: holds a control character")
        if type(column.type) is Boolean and v not in (0, 1):
            raise RowError(f"{what}: {c}: {v} is not 0 or 1")
        if type(column.type) is DateTime and not STORED_TIME.match(v):
            raise RowError(f"{what}: {c}: {v[:40]!r} is not a date and time (YYYY-MM-DD HH:MM:SS)")
    return row


def check_audit(a, id_column: str, ids: set, fields: set, what: str) -> dict:
    """One audit row of a package, for a record the package holds (`ids`), naming only `fields`."""
    columns = (id_column, *AUDIT_FIELDS)
    if not isinstance(a, dict) or set(a) != set(columns):
        raise RowError(f"{what}: unexpected columns")
    if not isinstance(a[id_column], str) or a[id_column] not in ids:
        raise RowError(f"{what}: {id_column}: {str(a[id_column])[:40]!r} is not a record of the package")
    if not isinstance(a["at"], str) or not STORED_TIME.match(a["at"]):
        raise RowError(f"{what}: at: {str(a['at'])[:40]!r} is not a date and time (YYYY-MM-DD HH:MM:SS)")
    datetime.fromisoformat(a["at"])
    for c, limit in (("author", 128), ("laptop", 64)):
        if not isinstance(a[c], str) or len(a[c]) > limit or CONTROL.search(a[c]):
            raise RowError(f"{what}: {c}: not a name of at most {limit} characters")
    if a["action"] not in AUDIT_ACTIONS:
        raise RowError(f"{what}: action: {str(a['action'])[:40]!r} is not one of {', '.join(AUDIT_ACTIONS)}")
    if not isinstance(a["changes"], str) or len(a["changes"]) > MAX_CHANGES:
        raise RowError(f"{what}: changes: not a JSON text of at most {MAX_CHANGES:,} characters")
    changes = strict_json(a["changes"], f"{what}: changes")
    if not isinstance(changes, dict):
        raise RowError(f"{what}: changes: not a JSON object of field: [old, new]")
    for name, pair in changes.items():
        if name not in fields or not isinstance(pair, list) or len(pair) != 2 \
                or any(isinstance(v, (dict, list)) for v in pair):
            raise RowError(f"{what}: changes: {name[:40]!r} is not a field with its [old, new] values")
    return a


def strict_json(text, what: str):
    """JSON with no NaN or Infinity (Python's json reads them; no other program writes them)."""
    def refuse(constant):
        raise RowError(f"{what}: {constant} is not a JSON number")
    try:
        return json.loads(text, parse_constant=refuse)
    except (ValueError, RecursionError) as exc:
        if isinstance(exc, RowError):
            raise
        raise RowError(f"{what}: not JSON ({str(exc)[:60]})") from None


# ---------------------------------------------------------------- history

def audit_key(a: dict, columns) -> tuple:
    """An audit row as a key: (record id, at, author, laptop, action, changes), in `columns` order."""
    return tuple(a[c] for c in columns)


def edits(keys) -> set:
    """The audit keys that changed a value: not a creation, and not a 'merge' row that only says which package
    a change arrived with (each laptop writes its own; they never make two laptops disagree)."""
    return {k for k in keys if k[4] != "create" and not (k[4] == "merge" and set(json.loads(k[5])) == {PACKAGE})}


def _fields(keys) -> set:
    return {f for k in keys for f in json.loads(k[5])}


def rank(row: dict) -> tuple:
    return row["revision"], row["updated_at"], json.dumps(row, sort_keys=True)


def differ(mine: dict, theirs: dict, compared) -> tuple[str, ...]:
    return tuple(c for c in compared if mine[c] != theirs[c])


def decide(mine: dict, theirs: dict, compared, edits_mine: set, edits_theirs: set) -> str:
    """keep, take or conflict, judged against the history this laptop holds: the keys of the edits of this
    record held here and in the package (`edits`).
      same values: the higher (revision, updated_at) is kept on both laptops (only bookkeeping differs);
      the package has no edit this laptop lacks, this laptop has one the package lacks: mine is kept;
      the package has edits this laptop lacks, this laptop none the package lacks: theirs is taken (then
        `unexplained` must be empty);
      otherwise (both edited, or the values differ with no edit on either side to tell why): a conflict."""
    if not differ(mine, theirs, compared):
        return "take" if rank(theirs) > rank(mine) else "keep"
    new_theirs, lacking = edits_theirs - edits_mine, edits_mine - edits_theirs
    if not new_theirs and lacking:
        return "keep"
    if new_theirs and not lacking:
        return "take"
    return "conflict"


def unexplained(mine: dict, theirs: dict, compared, edits_mine: set, edits_theirs: set) -> tuple[str, ...]:
    """The fields where the two rows differ that no edit held by only one side changed: a package that
    changes a value without the audit row of the change is refused."""
    return tuple(sorted(set(differ(mine, theirs, compared)) - _fields(edits_mine ^ edits_theirs)))


def settle(mine: dict, theirs: dict, choice: str, compared, id_column: str, now: str, author: str,
           laptop: str, package: str = "") -> tuple[dict, dict]:
    """The row after the user's choice, and the 'merge' audit row recording it: field -> [other, chosen], and
    the package the other values came with."""
    chosen, other = (theirs, mine) if choice == "theirs" else (mine, theirs)
    row = {**chosen, "revision": max(mine["revision"], theirs["revision"]) + 1, "updated_at": now}
    diff = {c: (other[c], chosen[c]) for c in differ(mine, theirs, compared)}
    return row, merge_entry(id_column, mine["id"], now, author, laptop, diff | ({PACKAGE: (None, package)}
                                                                               if package else {}))


def merge_entry(id_column: str, ident: str, now: str, author: str, laptop: str, diff: dict) -> dict:
    """A 'merge' audit row (as a package carries it) for the record `ident`: field -> [old, new]."""
    return {id_column: ident, "at": now, "author": author, "laptop": laptop, "action": "merge",
            "changes": json.dumps(audit.changes(diff))}
