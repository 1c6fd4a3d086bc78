"""Site records in data packages, one kind's piece of the package (archive.py reads and writes the file):
every record travels with its audit trail; on import each is checked by the one validator of site records
(db/sites/draft.py), then merged over the union of what both laptops hold:

  - a record both hold is merged by the history this laptop holds, as incidents are (rows.decide): kept,
    taken (every changed field explained by an edit), or a conflict; who recorded it, where and when never
    changes;
  - two live handovers of one site with different dates are a conflict: nothing changes for them until the
    user chooses (take theirs: mine is deleted; keep mine: theirs is stored deleted), nothing is lost;
  - two laptops that recorded the same fact (same site, kind and date; for a figure, the same category and
    value) end up with one live record: the one with the smaller id; the other is kept, deleted, with a
    'merge' audit row naming the one that stays, the same choice on both laptops.
Audit rows are united, so after a package each way both laptops hold the same records.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from db.exchange.packages import rows
from db.exchange.packages.archive import MSG_BAD_ROW, PackageError
from db.sites import draft
from db.store.models import SiteRecordRow
from db.vocab import SITE_RECORD_CONTENT

MEMBERS = ("site_records.jsonl", "site_record_audit.jsonl")
TABLE, AUDIT_TABLE = "site_records", "site_record_audit"
COLUMNS = tuple(c.name for c in SiteRecordRow.__table__.columns)
AUDIT_COLUMNS = ("record_id", *rows.AUDIT_FIELDS)
COMPARED = SITE_RECORD_CONTENT + ("deleted",)
MERGED_WITH = "merged_with"  # in a 'merge' audit row: the record this one was merged with
IMMUTABLE = ("author", "origin", "recorded_at")


@dataclass(frozen=True, eq=False)
class RecordConflict:
    """Site records the two laptops disagree on. `reason`: "edited" (both edited this record) or "handover"
    (their handover of a site has another date than mine). Values as SQLite stores them; `their_audit` is
    what resolving adds to the local trail. The user's choice is keyed by `record_id` (theirs)."""

    record_id: str
    reason: str
    fields: tuple[str, ...]  # the columns whose values differ
    mine: dict
    theirs: dict
    their_audit: tuple[dict, ...]
    package: str = ""  # the package it came with (trust.provenance), named in the 'merge' row of the choice


@dataclass(frozen=True)
class RecordMerge:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    merged: int = 0  # the same fact recorded on both laptops, now one record
    audit_added: int = 0
    conflicts: tuple[RecordConflict, ...] = ()


def export_rows(conn) -> tuple[list[dict], list[dict]]:
    """Every record (deleted ones too) and the whole trail, as the package carries them."""
    return rows.select(conn, TABLE, COLUMNS, "id"), rows.select(conn, AUDIT_TABLE, AUDIT_COLUMNS, "id")


def check(path, records: list, trail: list, ctx: draft.Context) -> None:
    """Each row of its JSON types, each record valid for this laptop's scenario (the one validator; dates in
    the future and figures lower than others are the other laptop's to judge), each audit row sound;
    PackageError names the line, the record and the field."""
    try:
        for i, r in enumerate(records, 1):
            _check_record(rows.typed(r, COLUMNS, SiteRecordRow.__table__, f"site_records.jsonl line {i}"), ctx)
        ids, fields = {r["id"] for r in records}, set(COLUMNS) | {rows.PACKAGE, MERGED_WITH}
        for i, a in enumerate(trail, 1):
            rows.check_audit(a, "record_id", ids, fields, f"site_record_audit.jsonl line {i}")
    except rows.RowError as exc:
        raise PackageError(MSG_BAD_ROW, path=path, problem=str(exc)) from None


def _check_record(r: dict, ctx: draft.Context) -> None:
    typed = draft.SiteRecordDraft(
        site=r["site_id"], kind=r["kind"], date=r["date"], value="" if r["value"] is None else str(r["value"]),
        category=r["category"], source=r["source"], reliability=r["reliability"], note=r["note"], correction=True)
    errors = draft.validate(typed, replace(ctx, today=None))
    if not errors and r["reliability"] != draft.reliability(typed.reliability):
        errors = [draft.FieldError("reliability", draft.MSG_RELIABILITY)]
    if errors:
        raise rows.RowError(f"site record {r['id']}: {errors[0].field}: {draft.message(errors[0])}")
    if r["revision"] < 1 or len(r["id"]) > 36:
        raise rows.RowError(f"site record {r['id'][:36]}: revision: {r['revision']} is not 1 or more")


def _fact(r: dict) -> tuple:
    return r["site_id"], r["kind"], r["date"], r["category"], r["value"]


def _deleted(r: dict, other: str, now: str, author: str, laptop: str, package: str) -> tuple[dict, dict]:
    """The record deleted by a merge, and the 'merge' audit row naming `other`."""
    row = {**r, "deleted": 1, "revision": r["revision"] + 1, "updated_at": now}
    return row, rows.merge_entry("record_id", r["id"], now, author, laptop,
                                 {"deleted": (False, True), MERGED_WITH: (None, other), rows.PACKAGE: (None, package)})


@dataclass
class Plan:
    """What a package's site records change here, worked out before anything is written (`write` writes it)."""

    mine: dict  # id -> my row, as stored
    after: dict  # id -> row once merged
    audit: list  # audit rows to add
    touched: set  # ids whose row comes from the package
    conflicts: list
    merged: int = 0
    unchanged: int = 0

    @property
    def new(self) -> list[dict]:
        return [r for i, r in self.after.items() if i not in self.mine]

    @property
    def changed(self) -> list[dict]:
        return [r for i, r in self.after.items() if i in self.mine and r != self.mine[i]]

    @property
    def changes(self) -> bool:
        return bool(self.new or self.changed or self.audit)

    @property
    def result(self) -> RecordMerge:
        return RecordMerge(len(self.new), len(self.changed), self.unchanged, self.merged, len(self.audit),
                           tuple(self.conflicts))


def plan(path, conn, records: list[dict], trail: list[dict], take: str | None, now: str, author: str,
         laptop: str, provenance: str) -> Plan:
    """What merging a package's site records into what `conn` sees would do (nothing is written here);
    conflicts are settled by `take` ("mine" or "theirs") or, without it, left for `resolve`."""
    mine, keys = local(conn)
    theirs_audit = defaultdict(list)
    for a in trail:
        theirs_audit[a["record_id"]].append(a)
    found = Plan(mine, dict(mine), [], set(), [])
    decisions = {}
    for t in records:
        m, their = mine.get(t["id"]), theirs_audit[t["id"]]
        their_edits = rows.edits(rows.audit_key(a, AUDIT_COLUMNS) for a in their)
        if m is None:
            decision = "create"
        else:
            t = {**t, **{c: m[c] for c in IMMUTABLE}}
            decision = rows.decide(m, t, COMPARED, rows.edits(keys[t["id"]]), their_edits)
        unexplained = decision == "take" and rows.unexplained(m, t, COMPARED, rows.edits(keys[t["id"]]), their_edits)
        if unexplained:
            raise PackageError(MSG_BAD_ROW, path=path, problem=f"site record {t['id']}: {unexplained[0]}: changed "
                                                               f"with no audit row of the change")
        if decision == "conflict" and take is None:
            found.conflicts.append(RecordConflict(t["id"], "edited", rows.differ(m, t, COMPARED), m, t, tuple(their),
                                                  provenance))
            continue
        decisions[t["id"]] = decision
        if decision in ("create", "take"):
            found.after[t["id"]] = t
            found.touched.add(t["id"])
        elif decision == "conflict":
            row, entry = rows.settle(m, t, take, COMPARED, "record_id", now, author, laptop, provenance)
            found.after[t["id"]] = row
            found.touched.add(t["id"])
            found.audit.append(entry)
    for ident in _handovers(found, take, theirs_audit, now, author, laptop, provenance):
        decisions.pop(ident, None)
    found.audit[:0] = [a for t in records if t["id"] in decisions for a in theirs_audit[t["id"]]
                       if rows.audit_key(a, AUDIT_COLUMNS) not in keys[t["id"]]]
    found.audit += [rows.merge_entry("record_id", i, now, author, laptop, {rows.PACKAGE: (None, provenance)})
                    for i, d in decisions.items() if d in ("create", "take") and found.after[i] != mine.get(i)]
    _fold(found, now, author, laptop, provenance)
    found.unchanged = sum(1 for i in decisions if i in mine and found.after[i] == mine[i])
    return found


def write(conn, found: Plan) -> None:
    """Write a plan inside the caller's write transaction (records first: the audit rows refer to them)."""
    rows.insert(conn, TABLE, found.new, COLUMNS)
    rows.update(conn, TABLE, found.changed, COLUMNS)
    rows.insert(conn, AUDIT_TABLE, found.audit, AUDIT_COLUMNS)


def _handovers(plan: Plan, take, theirs_audit, now, author, laptop, package) -> set:
    """Two live handovers of a site, mine and theirs, with different dates: a conflict (theirs held back, its
    id returned) or settled by `take`."""
    by_site = defaultdict(list)
    for r in plan.after.values():
        if r["kind"] == "handover" and not r["deleted"]:
            by_site[r["site_id"]].append(r)
    held = set()
    for found in by_site.values():
        mine = [r for r in found if r["id"] not in plan.touched]
        theirs = [r for r in found if r["id"] in plan.touched and r["date"] != (mine[0]["date"] if mine else None)]
        if not mine or not theirs:
            continue
        m = mine[0]
        for t in theirs:
            if take is None:
                plan.conflicts.append(RecordConflict(t["id"], "handover", rows.differ(m, t, SITE_RECORD_CONTENT),
                                                     m, t, tuple(theirs_audit[t["id"]]), package))
                held.add(t["id"])
                if t["id"] in plan.mine:
                    plan.after[t["id"]] = plan.mine[t["id"]]
                else:
                    del plan.after[t["id"]]
                plan.touched.discard(t["id"])
                continue
            loser, winner = (m, t) if take == "theirs" else (t, m)
            plan.after[loser["id"]], entry = _deleted(plan.after[loser["id"]], winner["id"], now, author, laptop,
                                                       package)
            plan.audit.append(entry)
            if take == "theirs":
                break  # mine is deleted once
    return held


def _fold(plan: Plan, now, author, laptop, package) -> None:
    """The same fact recorded on two laptops: one live record, the one with the smallest id."""
    groups = defaultdict(list)
    for r in plan.after.values():
        if not r["deleted"]:
            groups[_fact(r)].append(r)
    for found in groups.values():
        if len({r["origin"] for r in found}) < 2:
            continue  # twice on one laptop: that laptop's to sort out
        keep = min(found, key=lambda r: r["id"])
        for r in found:
            if r["origin"] != keep["origin"]:
                plan.after[r["id"]], entry = _deleted(r, keep["id"], now, author, laptop, package)
                plan.audit.append(entry)
                plan.merged += 1


def local(conn) -> tuple[dict, defaultdict]:
    """This laptop's site records by id and the keys of their audit rows by record."""
    keys = defaultdict(set)
    for a in rows.select(conn, AUDIT_TABLE, AUDIT_COLUMNS, "id"):
        keys[a["record_id"]].add(rows.audit_key(a, AUDIT_COLUMNS))
    return {r["id"]: r for r in rows.select(conn, TABLE, COLUMNS, "id")}, keys


def resolve(conn, conflicts, choices: dict[str, str], now: str, author: str, laptop: str) -> tuple[RecordConflict, ...]:
    """Settle conflicts by the user's choice per record id ("mine" or "theirs") inside the caller's
    transaction. Returns those left open: no choice given, or changed here since (ask again)."""
    current, keys = local(conn)
    left, new, changed, audit = [], [], [], []
    for c in conflicts:
        choice = choices.get(c.record_id)
        stale = current.get(c.mine["id"]) != c.mine or (c.reason == "handover" and c.record_id in current)
        if choice not in ("mine", "theirs") or stale:
            left.append(c)
            continue
        audit += [a for a in c.their_audit if rows.audit_key(a, AUDIT_COLUMNS) not in keys[c.record_id]]
        if c.reason == "edited":
            row, entry = rows.settle(c.mine, c.theirs, choice, COMPARED, "record_id", now, author, laptop, c.package)
            changed.append(row)
            audit.append(entry)
            continue
        theirs = c.theirs
        if choice == "theirs":
            row, entry = _deleted(c.mine, theirs["id"], now, author, laptop, c.package)
            changed.append(row)
        else:
            theirs, entry = _deleted(theirs, c.mine["id"], now, author, laptop, c.package)
        new.append(theirs)
        audit.append(entry)
    rows.insert(conn, TABLE, new, COLUMNS)
    rows.update(conn, TABLE, changed, COLUMNS)
    rows.insert(conn, AUDIT_TABLE, audit, AUDIT_COLUMNS)
    return tuple(left)


def describe(c: RecordConflict) -> str:
    """One line for the command line (English)."""
    if c.reason == "handover":
        return (f"site record: {c.mine['site_id']} handover: mine {c.mine['date']} (record {c.mine['id'][:8]}), "
                f"theirs {c.theirs['date']} (record {c.theirs['id'][:8]})")
    diffs = "; ".join(f"{f}: mine {c.mine[f]!r}, theirs {c.theirs[f]!r}" for f in c.fields)
    return f"site record {c.record_id[:8]} ({c.mine['site_id']} {c.mine['kind']}): {diffs}"

