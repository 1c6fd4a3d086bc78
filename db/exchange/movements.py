"""Movements in data packages, one kind's piece of the package (db/exchange/packages.py reads and writes the zip):
every movement travels with its audit trail; on import each is checked by the movements' one validator
(db/movements/draft.py: sites of this laptop's scenario, dates agreeing with the status; the linked incidents
travel in the same package, so they are not looked up here), then merged by its history as incidents are
(db/exchange/rows.py): kept, taken, or a conflict when both laptops edited it, settled by choice or `take`.
Audit rows are united, so after a package each way both laptops hold the same rows.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass

from db.exchange import rows
from db.movements import draft
from db.store.models import Movement, MovementAudit
from db.vocab import MOVEMENT_CONTENT

MEMBERS = ("movements.jsonl", "movement_audit.jsonl")
TABLE, AUDIT_TABLE = "movements", "movement_audit"
COLUMNS = tuple(c.name for c in Movement.__table__.columns)
AUDIT_COLUMNS = ("movement_id", *rows.AUDIT_FIELDS)
COMPARED = MOVEMENT_CONTENT + ("deleted",)


@dataclass(frozen=True, eq=False)
class MovementConflict:
    """A movement edited on both laptops since they last shared it. Values as SQLite stores them; the user's
    choice is keyed by `movement_id`; `their_audit` is what resolving adds to the local trail."""

    movement_id: str
    fields: tuple[str, ...]
    mine: dict
    theirs: dict
    their_audit: tuple[dict, ...]


@dataclass(frozen=True)
class MovementMerge:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    audit_added: int = 0
    conflicts: tuple[MovementConflict, ...] = ()
    unplaced: int = 0  # left out: this database holds no scenario to place them in


@dataclass
class Plan:
    """What a package's movements change here, worked out before anything is written (`write` writes it)."""

    new: list
    changed: list
    audit: list
    conflicts: list
    unchanged: int = 0

    @property
    def changes(self) -> bool:
        return bool(self.new or self.changed or self.audit)

    @property
    def result(self) -> MovementMerge:
        return MovementMerge(len(self.new), len(self.changed), self.unchanged, len(self.audit), tuple(self.conflicts))


def export_rows(conn) -> tuple[list[dict], list[dict]]:
    """Every movement (deleted ones too) and the whole trail, as the package carries them."""
    return rows.select(conn, TABLE, COLUMNS, "id"), rows.select(conn, AUDIT_TABLE, AUDIT_COLUMNS, "id")


def _draft(r: dict) -> draft.MovementDraft:
    """A stored row (as a package carries it) as the validator reads it."""
    def text(v):
        return "" if v is None else str(v)

    waypoints = json.loads(r["waypoints"])
    incidents = json.loads(r["incident_ids"])
    if not isinstance(waypoints, list) or not isinstance(incidents, list) or \
            not all(isinstance(i, str) for i in incidents):
        raise ValueError("waypoints and incident_ids must be JSON lists")
    for w in waypoints:
        if not isinstance(w, str) and not (isinstance(w, list) and len(w) == 2
                                           and all(isinstance(x, (int, float)) for x in w)):
            raise ValueError(f"waypoint {w!r}")
    return draft.MovementDraft(
        from_site=text(r["from_site"]), to_site=text(r["to_site"]), via=draft.waypoint_text(waypoints),
        planned_departure=text(r["planned_departure"]), planned_arrival=text(r["planned_arrival"]),
        departed_on=text(r["departed_on"]), arrived_on=text(r["arrived_on"]), status=text(r["status"]),
        personnel=text(r["personnel"]), vehicles=text(r["vehicles"]), note=text(r["note"]),
        incidents=" ".join(incidents))


def check(records: list[dict], trail: list[dict], ctx: draft.Context) -> None:
    """Each row readable as its table's columns and each movement valid for this laptop's scenario (the one
    validator; departures in the future are the other laptop's to judge); ValueError names the movement and the
    field."""
    ctx = draft.Context(ctx.sites)  # no incident look-up (they come with the package), no "future" check
    for r in records:
        try:
            if set(r) != set(COLUMNS):
                raise ValueError(f"unexpected columns {sorted(set(r) ^ set(COLUMNS))}")
            errors = draft.validate(_draft(r), ctx)  # first: it names the field
            if errors:
                e = errors[0]
                raise ValueError(f"{e.field}: {e.message.format(**e.args)}")
            rows.checked(r, COLUMNS, Movement.__table__)
            if int(r["revision"]) < 1 or r["deleted"] not in (0, 1):
                raise ValueError("revision or deleted")
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"movement {r.get('id')}: {exc}") from None
    for a in trail:
        rows.checked(a, AUDIT_COLUMNS, MovementAudit.__table__)


def _audit_keys(conn) -> defaultdict:
    keys = defaultdict(set)
    for a in rows.select(conn, AUDIT_TABLE, AUDIT_COLUMNS, "id"):
        keys[a["movement_id"]].add(rows.audit_key(a, AUDIT_COLUMNS))
    return keys


def _edits(keys) -> set:
    return {k for k in keys if k[4] != "create"}


def plan(conn, records: list[dict], trail: list[dict], take: str | None, now: str, author: str,
         laptop: str) -> Plan:
    """What merging a package's movements into what `conn` sees would do (nothing is written here); conflicts
    are settled by `take` ("mine" or "theirs") or, without it, left for `resolve`."""
    mine = {r["id"]: r for r in rows.select(conn, TABLE, COLUMNS, "id")}
    keys = _audit_keys(conn)
    theirs_audit = defaultdict(list)
    for a in trail:
        theirs_audit[a["movement_id"]].append(a)
    found = Plan([], [], [], [])
    for t in records:
        m, their = mine.get(t["id"]), theirs_audit[t["id"]]
        decision = "create" if m is None else rows.decide(
            m, t, COMPARED, _edits(keys[t["id"]]), _edits(rows.audit_key(a, AUDIT_COLUMNS) for a in their))
        if decision == "conflict" and take is None:
            found.conflicts.append(MovementConflict(t["id"], rows.differ(m, t, COMPARED), m, t, tuple(their)))
            continue
        found.audit += [a for a in their if rows.audit_key(a, AUDIT_COLUMNS) not in keys[t["id"]]]
        if decision == "create":
            found.new.append(t)
        elif decision == "take":
            found.changed.append(t)
        elif decision == "conflict":
            row, entry = rows.settle(m, t, take, COMPARED, "movement_id", now, author, laptop)
            found.changed.append(row)
            found.audit.append(entry)
        else:
            found.unchanged += 1
    return found


def write(conn, found: Plan) -> None:
    """Write a plan inside the caller's write transaction (movements first: the audit rows refer to them)."""
    rows.insert(conn, TABLE, found.new, COLUMNS)
    rows.update(conn, TABLE, found.changed, COLUMNS)
    rows.insert(conn, AUDIT_TABLE, found.audit, AUDIT_COLUMNS)


def resolve(conn, conflicts, choices: dict[str, str], now: str, author: str, laptop: str) -> tuple:
    """Settle conflicts by the user's choice per movement id inside the caller's transaction; returns those left
    open (no choice given, or changed here since: ask again)."""
    current = {r["id"]: r for r in rows.select(conn, TABLE, COLUMNS, "id")}
    keys = _audit_keys(conn)
    left, changed, audit = [], [], []
    for c in conflicts:
        choice = choices.get(c.movement_id)
        if choice not in ("mine", "theirs") or current.get(c.movement_id) != c.mine:
            left.append(c)
            continue
        audit += [a for a in c.their_audit if rows.audit_key(a, AUDIT_COLUMNS) not in keys[c.movement_id]]
        row, entry = rows.settle(c.mine, c.theirs, choice, COMPARED, "movement_id", now, author, laptop)
        changed.append(row)
        audit.append(entry)
    rows.update(conn, TABLE, changed, COLUMNS)
    rows.insert(conn, AUDIT_TABLE, audit, AUDIT_COLUMNS)
    return tuple(left)


def describe(c: MovementConflict) -> str:
    """One line for the command line (English)."""
    diffs = "; ".join(f"{f}: mine {c.mine[f]!r}, theirs {c.theirs[f]!r}" for f in c.fields)
    return f"movement {c.movement_id[:8]} ({c.mine['from_site']} -> {c.mine['to_site']}): {diffs}"
