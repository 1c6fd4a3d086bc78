"""Rows as a data package carries them, for any kind of record (incidents, site records): read and written
as SQLite stores them (text dates, 0/1 booleans, the audit's JSON text), so that both laptops end up with
byte-identical rows; checked against their table's column types; merged by their audit history.

Each kind's merge (db/exchange/packages.py for incidents, db/exchange/site_records.py) builds on these.
"""
from __future__ import annotations

import json
from datetime import date, datetime, time

from sqlalchemy import Boolean, Date, DateTime, Float, Integer, Time

from db.incidents import audit

AUDIT_FIELDS = ("at", "author", "laptop", "action", "changes")  # after the record's id column
_CHECK = {Date: date.fromisoformat, DateTime: datetime.fromisoformat, Time: time.fromisoformat,
          Integer: int, Float: float, Boolean: int}


def select(conn, table: str, columns, order: str) -> list[dict]:
    return [dict(zip(columns, r)) for r in conn.exec_driver_sql(
        f"SELECT {', '.join(columns)} FROM {table} ORDER BY {order}")]


def insert(conn, table: str, rows: list[dict], columns) -> None:
    if rows:
        conn.exec_driver_sql(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                             [tuple(r[c] for c in columns) for r in rows])


def update(conn, table: str, rows: list[dict], columns) -> None:
    """Rows changed whole, by their `id`."""
    if rows:
        names = [c for c in columns if c != "id"]
        conn.exec_driver_sql(f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in names)} WHERE id = ?",
                             [tuple(r[c] for c in names) + (r["id"],) for r in rows])


def checked(row: dict, columns, table) -> dict:
    """A row with exactly the expected columns, each readable as its column's type in `table` (a Table);
    ValueError otherwise."""
    if set(row) != set(columns):
        raise ValueError(f"unexpected columns {sorted(set(row) ^ set(columns))}")
    for c in columns:
        if c in table.c and row[c] is not None:
            _CHECK.get(type(table.c[c].type), str)(row[c])
    if "changes" in row:
        json.loads(row["changes"])
    return row


def audit_key(a: dict, columns) -> tuple:
    return tuple(a[c] for c in columns)


def rank(row: dict) -> tuple:
    return row["revision"], row["updated_at"], json.dumps(row, sort_keys=True)


def differ(mine: dict, theirs: dict, compared) -> tuple[str, ...]:
    return tuple(c for c in compared if mine[c] != theirs[c])


def decide(mine: dict, theirs: dict, compared, edits_mine: set, edits_theirs: set) -> str:
    """keep, take or conflict, from the edits (audit rows other than 'create') each side has:
      theirs has no edit mine lacks: keep mine; mine has none theirs lacks: take theirs; else a conflict.
    Same values, or no history to tell them apart: the higher (revision, updated_at) wins on both laptops."""
    if not differ(mine, theirs, compared) or edits_mine == edits_theirs:
        return "take" if rank(theirs) > rank(mine) else "keep"
    if edits_theirs <= edits_mine:
        return "keep"
    if edits_mine <= edits_theirs:
        return "take"
    return "conflict"


def settle(mine: dict, theirs: dict, choice: str, compared, id_column: str, now: str, author: str,
           laptop: str) -> tuple[dict, dict]:
    """The row after the user's choice, and the 'merge' audit row recording it: field -> [other, chosen]."""
    chosen, other = (theirs, mine) if choice == "theirs" else (mine, theirs)
    row = {**chosen, "revision": max(mine["revision"], theirs["revision"]) + 1, "updated_at": now}
    diff = {c: (other[c], chosen[c]) for c in differ(mine, theirs, compared)}
    return row, merge_entry(id_column, mine["id"], now, author, laptop, diff)


def merge_entry(id_column: str, ident: str, now: str, author: str, laptop: str, diff: dict) -> dict:
    """A 'merge' audit row (as a package carries it) for the record `ident`: field -> [old, new]."""
    return {id_column: ident, "at": now, "author": author, "laptop": laptop, "action": "merge",
            "changes": json.dumps(audit.changes(diff))}
