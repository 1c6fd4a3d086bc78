"""Incidents in data packages, one kind's piece of the package: every incident travels with its audit trail;
on import each is checked by the one validator of incident rows (the CSV import's, csv_format.IncidentReader),
then merged by the history this laptop holds (rows.decide):
  - the package has edits this laptop lacks and this laptop none the package lacks: theirs is taken, once
    every changed field is explained by one of those edits;
  - both edited it, or the values differ with no edit to tell why: a Conflict; nothing changes for that
    incident until the user chooses (keep mine or take theirs), which writes a 'merge' audit row;
  - when, by whom and on which laptop an incident was created never changes.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from db.exchange import csv_format
from db.exchange.imports import AUDITED
from db.exchange.packages import rows
from db.exchange.packages.archive import MSG_BAD_ROW, PackageError
from db.store import dialect
from db.store.models import Incident

MEMBERS = ("incidents.jsonl", "audit.jsonl")
TABLE, AUDIT_TABLE = "incidents", "incident_audit"
COLUMNS = tuple(c.name for c in Incident.__table__.columns)
AUDIT_COLUMNS = ("incident_id", *rows.AUDIT_FIELDS)
COMPARED = AUDITED + ("deleted",)
IMMUTABLE = ("created_at", "author", "origin")
_CELLS = csv_format.INCIDENT_COLUMNS[csv_format.VERSION]  # every column but `deleted`, as the CSV reader reads them


@dataclass(frozen=True, eq=False)
class Conflict:
    """An incident the two laptops disagree on. Values as SQLite stores them (dates as ISO text);
    `their_audit` is what resolving adds to the local trail."""

    incident_id: str
    fields: tuple[str, ...]  # the columns whose values differ
    mine: dict
    theirs: dict
    their_audit: tuple[dict, ...]
    package: str = ""  # the package it came with (trust.provenance), named in the 'merge' row of the choice


def check(path, incidents: list, trail: list) -> tuple[list[dict], list[dict]]:
    """The package's incidents and audit rows once each passes: its JSON types, then the CSV import's
    validator (the same refusals as a file imported by hand); PackageError names the line and the field."""
    typed = []
    try:
        for i, r in enumerate(incidents, 1):
            typed.append(rows.typed(r, COLUMNS, Incident.__table__, f"incidents.jsonl line {i}"))
    except rows.RowError as exc:
        raise PackageError(MSG_BAD_ROW, path=path, problem=str(exc)) from None
    reader = csv_format.IncidentReader(list(_CELLS), {})
    problems: list[csv_format.Problem] = []
    checked = reader.read([[_cell(r[c]) for c in _CELLS] for r in typed], 1, problems) if typed else []
    if problems:
        p = problems[0]
        raise PackageError(MSG_BAD_ROW, path=path, problem=f"incidents.jsonl line {p.row} (incident "
                                                           f"{str(typed[p.row - 1]['id'])[:36]}): {p.message()}")
    found = [{**dict(zip(csv_format.FIELDS, values)), "deleted": r["deleted"]} for values, r in zip(checked, typed)]
    ids, fields = {r["id"] for r in found}, set(COLUMNS) | {rows.PACKAGE}
    try:
        for i, a in enumerate(trail, 1):
            rows.check_audit(a, "incident_id", ids, fields, f"audit.jsonl line {i}")
    except rows.RowError as exc:
        raise PackageError(MSG_BAD_ROW, path=path, problem=str(exc)) from None
    return found, trail


def _cell(value) -> str:
    """A stored value as the CSV cell that reads back to it (text neutralised: the reader undoes that)."""
    if value is None:
        return ""
    return csv_format.neutralise(value) if isinstance(value, str) else repr(value)


@dataclass
class Plan:
    """What a package's incidents change here, worked out before anything is written (`write` writes it)."""

    created: list = field(default_factory=list)
    changed: list = field(default_factory=list)
    audit: list = field(default_factory=list)
    conflicts: list = field(default_factory=list)
    counts: dict = field(default_factory=lambda: dict(created=0, updated=0, unchanged=0))

    @property
    def changes(self) -> bool:
        return bool(self.created or self.changed or self.audit)


def export_rows(conn) -> tuple[list[dict], list[dict]]:
    """Every incident (deleted ones too) and the whole trail, as the package carries them."""
    return rows.select(conn, TABLE, COLUMNS, "id"), rows.select(conn, AUDIT_TABLE, AUDIT_COLUMNS, "id")


def local(conn, ids=None) -> tuple[dict, defaultdict]:
    """This laptop's incidents by id and the keys of its audit rows by incident: all of them, or those of
    `ids` (a package's: a headquarters store holds many laptops' worth)."""
    keys = defaultdict(set)
    trail = rows.select(conn, AUDIT_TABLE, AUDIT_COLUMNS, "id") if ids is None else \
        rows.select_ids(conn, AUDIT_TABLE, AUDIT_COLUMNS, "incident_id", ids)
    for a in trail:
        keys[a["incident_id"]].add(rows.audit_key(a, AUDIT_COLUMNS))
    found = rows.select(conn, TABLE, COLUMNS, "id") if ids is None else rows.select_ids(conn, TABLE, COLUMNS, "id", ids)
    return {r["id"]: r for r in found}, keys


def plan(path, mine: dict, keys: defaultdict, incidents, trail, *, take, now, author, laptop, provenance) -> Plan:
    """What merging the package's incidents into `mine` would do (nothing is written here)."""
    theirs_audit = defaultdict(list)
    for a in trail:
        theirs_audit[a["incident_id"]].append(a)
    found = Plan()
    for theirs in incidents:
        their = theirs_audit[theirs["id"]]
        their_keys = {rows.audit_key(a, AUDIT_COLUMNS) for a in their}
        m = mine.get(theirs["id"])
        if m is None:
            decision = "create"
        else:
            theirs = {**theirs, **{c: m[c] for c in IMMUTABLE}}
            decision = rows.decide(m, theirs, COMPARED, rows.edits(keys[m["id"]]), rows.edits(their_keys))
        unexplained = decision == "take" and rows.unexplained(m, theirs, COMPARED, rows.edits(keys[m["id"]]),
                                                              rows.edits(their_keys))
        if unexplained:
            raise PackageError(MSG_BAD_ROW, path=path, problem=f"incident {m['id']}: {unexplained[0]}: changed "
                                                               f"with no audit row of the change")
        if decision == "conflict" and take is None:
            found.conflicts.append(Conflict(theirs["id"], rows.differ(m, theirs, COMPARED), m, theirs, tuple(their),
                                            provenance))
            continue
        found.audit += [a for a in their if rows.audit_key(a, AUDIT_COLUMNS) not in keys[theirs["id"]]]
        if decision == "create":
            found.created.append(theirs)
        elif decision == "take":
            found.changed.append(theirs)
        elif decision == "conflict":
            row, entry = rows.settle(m, theirs, take, COMPARED, "incident_id", now, author, laptop, provenance)
            found.changed.append(row)
            found.audit.append(entry)
        if decision == "create" or (decision == "take" and rows.differ(m, theirs, COMPARED)):
            found.audit.append(rows.merge_entry("incident_id", theirs["id"], now, author, laptop,
                                                {rows.PACKAGE: (None, provenance)}))
        found.counts[{"create": "created", "keep": "unchanged"}.get(decision, "updated")] += 1
    return found


def write(conn, found: Plan) -> None:
    """Write a plan inside the caller's write transaction."""
    with dialect.bulk_inserts(conn):
        rows.insert(conn, TABLE, found.created, COLUMNS)
    rows.update(conn, TABLE, found.changed, COLUMNS)
    rows.insert(conn, AUDIT_TABLE, found.audit, AUDIT_COLUMNS)


def resolve(conn, conflicts, choices: dict[str, str], now: str, author: str, laptop: str) -> list[Conflict]:
    """Settle conflicts by the user's choice per incident id ("mine" or "theirs") inside the caller's
    transaction. Returns those left open: no choice given, or changed here since (ask again)."""
    current, keys = local(conn)
    left, changed, audit = [], [], []
    for c in conflicts:
        choice = choices.get(c.incident_id)
        if choice not in ("mine", "theirs") or current.get(c.incident_id) != c.mine:
            left.append(c)
            continue
        audit += [a for a in c.their_audit if rows.audit_key(a, AUDIT_COLUMNS) not in keys[c.incident_id]]
        row, entry = rows.settle(c.mine, c.theirs, choice, COMPARED, "incident_id", now, author, laptop, c.package)
        changed.append(row)
        audit.append(entry)
    write(conn, Plan(changed=changed, audit=audit))
    return left

