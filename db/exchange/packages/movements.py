"""Movements in data packages, one kind's piece of the package (archive.py reads and writes the file): every
movement travels with its audit trail; on import each is checked by the movements' one validator
(db/movements/draft.py: sites of this laptop's scenario, dates agreeing with the status; the linked incidents
travel in the same package, so they are not looked up), then merged by the history this laptop holds, as
incidents are (rows.decide): kept, taken (every changed field explained by an edit), or a conflict settled by
the user's choice or `take`; who created it, where and when never changes.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from db.exchange.packages import rows
from db.exchange.packages.archive import MSG_BAD_ROW, PackageError
from db.movements import draft
from db.store.models import Movement
from db.vocab import MOVEMENT_CONTENT

MEMBERS = ("movements.jsonl", "movement_audit.jsonl")
TABLE, AUDIT_TABLE = "movements", "movement_audit"
COLUMNS = tuple(c.name for c in Movement.__table__.columns)
AUDIT_COLUMNS = ("movement_id", *rows.AUDIT_FIELDS)
COMPARED = MOVEMENT_CONTENT + ("deleted",)
IMMUTABLE = ("created_at", "author", "origin")


@dataclass(frozen=True, eq=False)
class MovementConflict:
    """A movement edited on both laptops since they last shared it. Values as SQLite stores them; the user's
    choice is keyed by `movement_id`; `their_audit` is what resolving adds to the local trail."""

    movement_id: str
    fields: tuple[str, ...]
    mine: dict
    theirs: dict
    their_audit: tuple[dict, ...]
    package: str = ""  # the package it came with (trust.provenance), named in the 'merge' row of the choice


@dataclass(frozen=True)
class MovementMerge:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    audit_added: int = 0
    conflicts: tuple[MovementConflict, ...] = ()
    unplaced: int = 0  # left out: this database holds no scenario whose sites they could be checked against


@dataclass
class Plan:
    """What a package's movements change here, worked out before anything is written (`write` writes it)."""

    new: list = field(default_factory=list)
    changed: list = field(default_factory=list)
    audit: list = field(default_factory=list)
    conflicts: list = field(default_factory=list)
    unchanged: int = 0

    @property
    def changes(self) -> bool:
        return bool(self.new or self.changed or self.audit)

    def result(self, unplaced: int = 0) -> MovementMerge:
        return MovementMerge(len(self.new), len(self.changed), self.unchanged, len(self.audit), tuple(self.conflicts),
                             unplaced)


def export_rows(conn) -> tuple[list[dict], list[dict]]:
    """Every movement (deleted ones too) and the whole trail, as the package carries them."""
    return rows.select(conn, TABLE, COLUMNS, "id"), rows.select(conn, AUDIT_TABLE, AUDIT_COLUMNS, "id")


def check(path, records: list, trail: list, sites) -> None:
    """Each row of its JSON types, each movement valid for this laptop's scenario (`sites`: id -> (lat, lon);
    the one validator, without the log's incidents, which travel with it, and without "today": departures are
    the other laptop's to judge), each audit row sound; PackageError names the line, the movement and the
    field."""
    ctx = draft.Context(sites)
    try:
        for i, r in enumerate(records, 1):
            _check_movement(rows.typed(r, COLUMNS, Movement.__table__, f"movements.jsonl line {i}"), ctx)
        ids, fields = {r["id"] for r in records}, set(COLUMNS) | {rows.PACKAGE}
        for i, a in enumerate(trail, 1):
            rows.check_audit(a, "movement_id", ids, fields, f"movement_audit.jsonl line {i}")
    except rows.RowError as exc:
        raise PackageError(MSG_BAD_ROW, path=path, problem=str(exc)) from None


def _check_movement(r: dict, ctx: draft.Context) -> None:
    ident = r["id"][:36]
    waypoints = rows.strict_json(r["waypoints"], f"movement {ident}: waypoints")
    linked = rows.strict_json(r["incident_ids"], f"movement {ident}: incident_ids")
    if not isinstance(waypoints, list) or not all(
            isinstance(w, str) or (isinstance(w, list) and len(w) == 2 and all(
                isinstance(x, (int, float)) and not isinstance(x, bool) for x in w)) for w in waypoints):
        raise rows.RowError(f"movement {ident}: waypoints: not a list of site ids and [lat, lon]")
    if not isinstance(linked, list) or not all(isinstance(i, str) for i in linked):
        raise rows.RowError(f"movement {ident}: incident_ids: not a list of incident ids")
    typed = draft.MovementDraft(
        from_site=r["from_site"], to_site=r["to_site"], via=draft.waypoint_text(waypoints),
        planned_departure=r["planned_departure"], planned_arrival=r["planned_arrival"] or "",
        departed_on=r["departed_on"] or "", arrived_on=r["arrived_on"] or "", status=r["status"],
        personnel="" if r["personnel"] is None else str(r["personnel"]),
        vehicles="" if r["vehicles"] is None else str(r["vehicles"]), note=r["note"], incidents=" ".join(linked))
    errors = draft.validate(typed, ctx)
    if errors:
        e = errors[0]
        raise rows.RowError(f"movement {ident}: {e.field}: {e.message.format(**e.args)}")
    if r["revision"] < 1 or len(r["id"]) > 36:
        raise rows.RowError(f"movement {ident}: revision: {r['revision']} is not 1 or more")


def local(conn) -> tuple[dict, defaultdict]:
    """This laptop's movements by id and the keys of their audit rows by movement."""
    keys = defaultdict(set)
    for a in rows.select(conn, AUDIT_TABLE, AUDIT_COLUMNS, "id"):
        keys[a["movement_id"]].add(rows.audit_key(a, AUDIT_COLUMNS))
    return {r["id"]: r for r in rows.select(conn, TABLE, COLUMNS, "id")}, keys


def plan(path, mine: dict, keys: defaultdict, records, trail, *, take, now, author, laptop, provenance) -> Plan:
    """What merging the package's movements into `mine` would do (nothing is written here); conflicts are
    settled by `take` ("mine" or "theirs") or, without it, left for `resolve`."""
    theirs_audit = defaultdict(list)
    for a in trail:
        theirs_audit[a["movement_id"]].append(a)
    found = Plan()
    for t in records:
        their = theirs_audit[t["id"]]
        their_edits = rows.edits(rows.audit_key(a, AUDIT_COLUMNS) for a in their)
        m = mine.get(t["id"])
        if m is None:
            decision = "create"
        else:
            t = {**t, **{c: m[c] for c in IMMUTABLE}}
            decision = rows.decide(m, t, COMPARED, rows.edits(keys[m["id"]]), their_edits)
        if decision == "take" and rows.unexplained(m, t, COMPARED, rows.edits(keys[m["id"]]), their_edits):
            unexplained = rows.unexplained(m, t, COMPARED, rows.edits(keys[m["id"]]), their_edits)
            raise PackageError(MSG_BAD_ROW, path=path, problem=f"movement {m['id']}: {unexplained[0]}: changed "
                                                               f"with no audit row of the change")
        if decision == "conflict" and take is None:
            found.conflicts.append(MovementConflict(t["id"], rows.differ(m, t, COMPARED), m, t, tuple(their),
                                                    provenance))
            continue
        found.audit += [a for a in their if rows.audit_key(a, AUDIT_COLUMNS) not in keys[t["id"]]]
        if decision == "create":
            found.new.append(t)
        elif decision == "take":
            found.changed.append(t)
        elif decision == "conflict":
            row, entry = rows.settle(m, t, take, COMPARED, "movement_id", now, author, laptop, provenance)
            found.changed.append(row)
            found.audit.append(entry)
        else:
            found.unchanged += 1
        if decision == "create" or (decision == "take" and rows.differ(m, t, COMPARED)):
            found.audit.append(rows.merge_entry("movement_id", t["id"], now, author, laptop,
                                                {rows.PACKAGE: (None, provenance)}))
    return found


def write(conn, found: Plan) -> None:
    """Write a plan inside the caller's write transaction (movements first: the audit rows refer to them)."""
    rows.insert(conn, TABLE, found.new, COLUMNS)
    rows.update(conn, TABLE, found.changed, COLUMNS)
    rows.insert(conn, AUDIT_TABLE, found.audit, AUDIT_COLUMNS)


def resolve(conn, conflicts, choices: dict[str, str], now: str, author: str, laptop: str) -> list[MovementConflict]:
    """Settle conflicts by the user's choice per movement id inside the caller's transaction; returns those left
    open (no choice given, or changed here since: ask again)."""
    current, keys = local(conn)
    left, changed, audit = [], [], []
    for c in conflicts:
        choice = choices.get(c.movement_id)
        if choice not in ("mine", "theirs") or current.get(c.movement_id) != c.mine:
            left.append(c)
            continue
        audit += [a for a in c.their_audit if rows.audit_key(a, AUDIT_COLUMNS) not in keys[c.movement_id]]
        row, entry = rows.settle(c.mine, c.theirs, choice, COMPARED, "movement_id", now, author, laptop, c.package)
        changed.append(row)
        audit.append(entry)
    write(conn, Plan(changed=changed, audit=audit))
    return left


def describe(c: MovementConflict) -> str:
    """One line for the command line (English)."""
    diffs = "; ".join(f"{f}: mine {c.mine[f]!r}, theirs {c.theirs[f]!r}" for f in c.fields)
    return f"movement {c.movement_id[:8]} ({c.mine['from_site']} -> {c.mine['to_site']}): {diffs}"
