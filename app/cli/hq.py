"""`sitmon hq ...`: headquarters' commands, on PostgreSQL or on an SQLite file (db/exchange/hq.py,
db/exchange/conflicts.py).

  hq ingest FILE.zip|FOLDER...      every package, each in its own transaction; exit 0 all applied, 3 conflicts
                                    wait in the queue, 1 a package was refused (the others were still ingested)
  hq conflicts [--format table|csv] the waiting conflicts, one line per field that differs
  hq resolve ID --take mine|theirs  settle one (exit 1 when it is unknown or no longer waiting)
  hq refresh                        write again the statuses GIS tools read (PostgreSQL)
  hq grant-reader ROLE              let an existing role read the GIS views, and nothing else (PostgreSQL)
"""
from __future__ import annotations

import csv
import sys

from app import settings
from app.cli.common import fail, open_db, tr

EXIT_CONFLICTS = 3
CSV_COLUMNS = ("id", "record", "record_id", "field", "local", "incoming", "package", "laptop", "received_at")


def register(sub) -> None:
    hq = sub.add_parser("hq", help=tr("headquarters: ingest many laptops' packages, settle their conflicts"))
    cmds = hq.add_subparsers(dest="hq_command", required=True, parser_class=type(hq))
    i = cmds.add_parser("ingest", help=tr("merge packages (a folder: every .zip in it, oldest first), each in "
                                          "its own transaction; conflicts wait in the queue"))
    i.add_argument("targets", nargs="+", metavar="FILE.zip|FOLDER")
    i.set_defaults(func=cmd_ingest)
    c = cmds.add_parser("conflicts", help=tr("list the conflicts waiting for a choice"))
    c.add_argument("--format", choices=("table", "csv"), default="table")
    c.set_defaults(func=cmd_conflicts)
    r = cmds.add_parser("resolve", help=tr("settle one conflict: keep the record here (mine) or take the "
                                           "package's (theirs)"))
    r.add_argument("id", type=int)
    r.add_argument("--take", choices=("mine", "theirs"), required=True)
    r.set_defaults(func=cmd_resolve)
    cmds.add_parser("refresh", help=tr("write again the site statuses GIS tools read (PostgreSQL)")).set_defaults(
        func=cmd_refresh)
    g = cmds.add_parser("grant-reader", help=tr("let an existing PostgreSQL role read the GIS views, and "
                                                "nothing else"))
    g.add_argument("role")
    g.set_defaults(func=cmd_grant_reader)


def cmd_ingest(args) -> int:
    from app.i18n import french, message
    from db.exchange import hq

    files = hq.package_files(args.targets)
    db = open_db(args)
    try:
        done = hq.ingest(db, files, settings.author(), french=french())
    finally:
        db.close()
    for d in done:
        if d.refused is not None:
            print(f"sitmon: {tr('{0}: refused: {1}').format(d.path.name, message(d.refused))}", file=sys.stderr)
            continue
        r = d.result
        print(tr("{0}: {1} created, {2} updated, {3} unchanged, {4} site records changed, {5} conflicts waiting "
                 "({6} new)").format(d.path.name, r.created, r.updated, r.unchanged,
                                     r.site_records.created + r.site_records.updated + r.site_records.merged,
                                     d.waiting, r.queued))
    if any(d.refused is not None for d in done):
        return 1
    return EXIT_CONFLICTS if any(d.waiting for d in done) else 0


def _cell(value) -> str:
    from db.exchange.csv_format import cell

    return "" if value is None else str(cell(value))


def cmd_conflicts(args) -> int:
    from db.exchange import conflicts

    db = open_db(args)
    try:
        waiting = conflicts.waiting(db)
    finally:
        db.close()
    lines = [(c.id, c.record, c.record_id, field, local, incoming, c.package, c.laptop,
              c.received_at.isoformat(timespec="seconds") + "Z")
             for c in waiting for field, local, incoming in conflicts.differing(c)]
    if args.format == "csv":
        w = csv.writer(sys.stdout, lineterminator="\r\n")
        w.writerow(CSV_COLUMNS)
        w.writerows([_cell(v) for v in line] for line in lines)
        return 0
    if not lines:
        print(tr("No conflict is waiting."))
        return 0
    header = [tr("id"), tr("record"), tr("record id"), tr("field"), tr("here"), tr("in the package"),
              tr("package"), tr("laptop"), tr("received (UTC)")]
    table = [[str(v if v is not None else "")[:40] for v in line] for line in lines]
    widths = [max(len(r[i]) for r in table + [header]) for i in range(len(header))]
    for r in [header] + table:
        print("  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip())
    return 0


def cmd_resolve(args) -> int:
    from app.i18n import french
    from db.exchange import conflicts, gis

    db = open_db(args)
    try:
        settled = conflicts.resolve(db, args.id, args.take, settings.author())
        if settled.record == "site_record":
            gis.refresh_statuses(db, french())
    except conflicts.QueueError as exc:
        return fail(str(exc), 1)
    finally:
        db.close()
    print(tr("Conflict {0} settled: {1} {2} keeps {3}").format(
        settled.id, settled.record, settled.record_id, tr("the record here") if args.take == "mine"
        else tr("the package's values")))
    return 0


def cmd_refresh(args) -> int:
    from app.i18n import french
    from db.exchange import gis

    db = open_db(args)
    try:
        if not db.on_server:
            return fail(tr("{0} is a file: GIS tools read its exports; statuses are written only on "
                           "PostgreSQL").format(db.where), 1)
        written = gis.refresh_statuses(db, french())
    finally:
        db.close()
    print(tr("{0} site statuses written").format(written))
    return 0


def cmd_grant_reader(args) -> int:
    from db.store.dialect import postgresql_gis

    db = open_db(args)
    try:
        if not db.on_server:
            return fail(tr("{0} is a file: roles are PostgreSQL's").format(db.where), 1)
        with db.engine.begin() as conn:
            postgresql_gis.grant_reader(conn, args.role)
    finally:
        db.close()
    print(tr("{0} may now read {1} (and nothing else of sitmon's)").format(
        args.role, ", ".join(postgresql_gis.VIEWS)))
    return 0
