"""`sitmon import|export ...`: the exchange commands (the same db/ functions as File > Import/Export and
Edit > Undo import).

Exit codes: 0 done, 1 rows refused or file refused, 2 usage error.
Bad rows go to stderr in English, one a line: `row N: FIELD: reason`.
"""
from __future__ import annotations

import sys
from pathlib import Path

from app import settings
from app.cli.common import fail, iso_date, open_db, tr


def register(subparsers) -> None:
    imp = subparsers.add_parser("import", help=tr("import incidents from CSV (sitmon or ACLED)"))
    imps = imp.add_subparsers(dest="import_command", required=True, parser_class=type(imp))
    inc = imps.add_parser("incidents", help=tr("import incidents from a sitmon or ACLED CSV file"))
    inc.add_argument("file", type=Path)
    inc.add_argument("--format", choices=("auto", "sitmon", "acled"), default="auto")
    inc.add_argument("--on-error", choices=("none", "skip"), default="none",
                     help=tr("none: refuse the whole file if a row is bad; skip: import the good rows"))
    inc.add_argument("--dry-run", action="store_true", help=tr("check and count, write nothing"))
    inc.set_defaults(func=cmd_import_incidents)
    il = imps.add_parser("list", help=tr("every import, newest first: its number, file, counts, and its undo"))
    il.set_defaults(func=cmd_import_list)
    iu = imps.add_parser("undo", help=tr("undo an import as one step: the incidents it created are removed, "
                                         "those it changed get their values from before it back"))
    iu.add_argument("number", type=int, nargs="?", help=tr("the import's number (sitmon import list); "
                                                           "the newest import not undone if left out"))
    iu.set_defaults(func=cmd_import_undo, redo=False)
    ir = imps.add_parser("redo", help=tr("put back what the undo of an import took away"))
    ir.add_argument("number", type=int, help=tr("the import's number (sitmon import list)"))
    ir.set_defaults(func=cmd_import_undo, redo=True)

    exp = subparsers.add_parser("export", help=tr("export incidents, site records, site statuses or the timeline"))
    exps = exp.add_subparsers(dest="export_command", required=True, parser_class=type(exp))
    ei = exps.add_parser("incidents", help=tr("incidents as CSV, GeoJSON or GeoPackage (by the file extension)"))
    ei.add_argument("--from", dest="start", type=iso_date, metavar=tr("DATE"),
                    help=tr("the first date of the incidents written, YYYY-MM-DD"))
    ei.add_argument("--to", dest="end", type=iso_date, metavar=tr("DATE"),
                    help=tr("the last date of the incidents written, YYYY-MM-DD"))
    ei.add_argument("--profile", choices=("full", "hq"), default="full",
                    help=tr("hq leaves out the sensitive fields (source, notes) and writes type, sub-type, "
                            "status and region as words in the language of --lang"))
    ei.set_defaults(func=cmd_export_incidents)
    er = exps.add_parser("site-records", help=tr("site records as CSV, GeoJSON or GeoPackage (by the file extension)"))
    er.add_argument("--from", dest="start", type=iso_date, metavar=tr("DATE"),
                    help=tr("the first date of the records written, YYYY-MM-DD"))
    er.add_argument("--to", dest="end", type=iso_date, metavar=tr("DATE"),
                    help=tr("the last date of the records written, YYYY-MM-DD"))
    er.add_argument("--profile", choices=("full", "hq"), default="full",
                    help=tr("hq leaves out the sensitive fields (source, note)"))
    er.set_defaults(func=cmd_export_site_records)
    es = exps.add_parser("status", help=tr("every site's status on a date, as CSV, GeoJSON or GeoPackage"))
    es.add_argument("--date", type=iso_date, required=True)
    es.set_defaults(func=cmd_export_status)
    et = exps.add_parser("timeline", help=tr("phases, closure windows, events and commitments as CSV"))
    et.set_defaults(func=cmd_export_timeline)
    em = exps.add_parser("movements", help=tr("movements as CSV, or as lines in GeoJSON or GeoPackage"))
    em.set_defaults(func=cmd_export_movements)
    for p in (ei, er, es, et, em):
        p.add_argument("--out", type=Path, required=True, metavar=tr("FILE"),
                       help=tr("the file to write (its extension chooses the format)"))
        p.add_argument("--excel", action="store_true", help=tr("UTF-8 with a BOM, for Excel"))
        p.add_argument("--hxl", action="store_true", help=tr("add an HXL hashtag row under the header"))
        p.add_argument("--delimiter", choices=(",", ";"), default=",", help=tr("';' for Excel in French"))



def cmd_import_incidents(args) -> int:
    from db.exchange import imports

    if not args.file.is_file():
        return fail(tr("{0}: no such file").format(args.file), 2)
    db = open_db(args)
    try:
        plan = imports.check_file(db, args.file, args.format, settings.author())
        for p in plan.problems:
            print(f"row {p.row}: {p.message()}", file=sys.stderr)
        if plan.problems and (args.on_error == "none" or not plan.rows):
            counts = tr(": {0} of {1} rows refused").format(plan.refused_rows, plan.total_rows) \
                if plan.total_rows else ""
            return fail(tr("{0}: nothing imported{1}").format(args.file, counts), 1)
        result = imports.write_import(db, plan, settings.author(), dry_run=args.dry_run)
    finally:
        db.close()
    for original, events in plan.unmapped:
        print(tr("{0} events of ACLED type {1} imported as 'other' (kept in their notes)").format(events, original),
              file=sys.stderr)
    note = tr(" (dry run: nothing written)") if args.dry_run else ""
    print(tr("{0}: {1} created, {2} updated, {3} unchanged, {4} rows refused{5}").format(
        args.file, result.created, result.updated, result.unchanged, plan.refused_rows, note))
    return 1 if plan.problems else 0


def cmd_import_list(args) -> int:
    from db.exchange import import_log

    db = open_db(args)
    try:
        found = import_log.list_imports(db)
    finally:
        db.close()
    if not found:
        print(tr("No file has been imported into this database."))
    for r in found:
        undone = tr(" - undone {0} by {1}").format(f"{r.undone_at:%Y-%m-%d %H:%M} UTC", r.undone_by or "?") \
            if r.undone_at else ""
        print(tr("{0}. {1} UTC {2} ({3}, by {4}): {5} created, {6} updated, {7} unchanged, {8} rows refused{9}").format(
            r.id, f"{r.at:%Y-%m-%d %H:%M}", r.file, r.format, r.author or "?", r.created, r.updated, r.unchanged,
            r.refused, undone))
    return 0


def cmd_import_undo(args) -> int:
    from db.exchange import import_log

    db = open_db(args)
    try:
        number = import_log.newest_in_force(db) if args.number is None else args.number
        done = import_log.undo_import(db, number, settings.author(), redo=args.redo)
    finally:
        db.close()
    text = tr("Redid import {0} of {1}: {2} incidents back, {3} with its values again") if args.redo else \
        tr("Undid import {0} of {1}: {2} incidents removed, {3} with their values from before it")
    kept = tr("; {0} kept a field edited since").format(done.kept) if done.kept else ""
    print(text.format(done.record.id, done.record.file, done.removed, done.reverted) + kept)
    return 0


def _export(args, run) -> int:
    from db.exchange import exports

    try:
        exports.output_format(args.out)
    except ValueError as exc:
        return fail(str(exc), 2)
    db = open_db(args)
    try:
        n = run(db, exports)
    except ValueError as exc:
        return fail(str(exc), 2)
    finally:
        db.close()
    print(tr("Wrote %n row(s) to {0}", "", n).format(args.out))
    return 0


def _range_refused(args) -> int | None:
    """--from later than --to: a usage error (exit 2), nothing written."""
    if args.start is not None and args.end is not None and args.start > args.end:
        return fail(tr("--from {0} is later than --to {1}: nothing was written").format(args.start, args.end), 2)
    return None


def cmd_export_incidents(args) -> int:
    if (refused := _range_refused(args)) is not None:
        return refused
    return _export(args, lambda db, ex: ex.export_incidents(
        db, args.out, ex.incident_filter(args.start, args.end), excel=args.excel, hxl=args.hxl,
        profile=args.profile, lang=getattr(args, "lang", None) or "en", delimiter=args.delimiter))


def cmd_export_site_records(args) -> int:
    if (refused := _range_refused(args)) is not None:
        return refused
    return _export(args, lambda db, ex: ex.export_site_records(
        db, args.out, args.start, args.end, excel=args.excel, hxl=args.hxl, profile=args.profile,
        delimiter=args.delimiter))


def cmd_export_status(args) -> int:
    return _export(args, lambda db, ex: ex.export_status(
        db, args.out, args.date, excel=args.excel, hxl=args.hxl, delimiter=args.delimiter))


def cmd_export_timeline(args) -> int:
    return _export(args, lambda db, ex: ex.export_timeline(
        db, args.out, excel=args.excel, hxl=args.hxl, delimiter=args.delimiter))


def cmd_export_movements(args) -> int:
    return _export(args, lambda db, ex: ex.export_movements(
        db, args.out, excel=args.excel, hxl=args.hxl, delimiter=args.delimiter))
