"""`sitmon site record|log|delete|restore`: the site log from the command line (the same db/sites functions,
and the same checks, as the window's Record update… dialog).

Exit codes: 0 done, 1 refused (a one-line message naming the field; nothing written), 2 usage error
(a malformed date among them).
"""
from __future__ import annotations

import csv
import sys

from PySide6.QtCore import QCoreApplication

from app import settings
from app.cli.common import Parser, fail, iso_date, open_db, tr


def register(sub) -> None:
    site = sub.add_parser("site", help=tr("record what happened at a site, list, delete or restore records"))
    sites = site.add_subparsers(dest="site_command", required=True, parser_class=Parser)
    rec = sites.add_parser("record", help=tr("record an update of a site; prints the new record's id"))
    rec.add_argument("site", help=tr("a site id (goundam) or its English or French name"))
    rec.add_argument("kind", help=tr("handover, handover-planned, closure-started, rear-party, reduced, "
                                     "liquidation-hub, returned or repatriated"))
    rec.add_argument("--date", type=iso_date, required=True, help=tr("YYYY-MM-DD"))
    rec.add_argument("--value", default="", help=tr("a count (repatriated)"))
    rec.add_argument("--category", default="", help=tr("military, police or civilian (repatriated)"))
    rec.add_argument("--source", default="", help=tr("who or what reported it (sensitive)"))
    rec.add_argument("--reliability", default="", metavar="XN", help=tr("admiralty code, e.g. B2"))
    rec.add_argument("--note", default="", help=tr("who received the site, why the date moved... (sensitive)"))
    rec.add_argument("--correction", action="store_true",
                     help=tr("a repatriated figure lower than an earlier one corrects it"))
    rec.set_defaults(func=cmd_record)
    log = sites.add_parser("log", help=tr("list the site records (deleted ones too)"))
    log.add_argument("--site", help=tr("only this site's records"))
    log.add_argument("--format", choices=("table", "csv"), default="table")
    log.set_defaults(func=cmd_log)
    for name, helptext, func in (("delete", tr("delete a record (it can be restored)"), cmd_delete),
                                 ("restore", tr("restore a deleted record"), cmd_restore)):
        p = sites.add_parser(name, help=helptext)
        p.add_argument("id", help=tr("the record's id, or its unique start"))
        p.set_defaults(func=func)


def _refused(errors) -> str:
    """Every problem on one line, each naming its field."""
    from db.sites.draft import message

    hint = tr(" (add --correction)")
    return "; ".join(f"{e.field}: {message(e, QCoreApplication.translate)}{hint if e.confirm else ''}"
                     for e in errors)


def cmd_record(args) -> int:
    from db.clock import utcnow
    from db.scenario.stored import read_scenario
    from db.sites import draft, writes

    typed = draft.SiteRecordDraft(site=args.site, kind=args.kind, date=args.date.isoformat(), value=args.value,
                                  category=args.category, source=args.source, reliability=args.reliability,
                                  note=args.note, correction=args.correction)
    database = open_db(args)
    try:
        ctx = draft.context(read_scenario(database), utcnow().date())
        ident = writes.create(database, typed, settings.author(), ctx)
    except draft.InvalidDraft as exc:
        return fail(_refused(exc.errors), 1)
    finally:
        database.close()
    print(ident)
    return 0


def _find(database, start: str):
    from db.sites import queries

    try:
        return queries.find(database, start), None
    except queries.Ambiguous:
        return None, tr("{0} is the start of several records' ids: give more of it").format(start)
    except queries.NotFound:
        return None, tr("no site record has the id {0}").format(start)


def _change(args, write, done: str) -> int:
    from db.clock import utcnow
    from db.scenario.stored import read_scenario
    from db.sites import draft

    database = open_db(args)
    try:
        record, problem = _find(database, args.id)
        if record is None:
            return fail(problem, 1)
        ctx = draft.context(read_scenario(database), utcnow().date())
        changed = write(database, record.id, settings.author(), ctx)
    except draft.InvalidDraft as exc:
        return fail(_refused(exc.errors), 1)
    finally:
        database.close()
    print((done if changed else tr("{0} was already so")).format(record.id))
    return 0


def cmd_delete(args) -> int:
    from db.sites import writes

    return _change(args, lambda db, ident, author, _ctx: writes.soft_delete(db, ident, author), tr("Deleted {0}"))


def cmd_restore(args) -> int:
    from db.sites import writes

    return _change(args, writes.restore, tr("Restored {0}"))


def cmd_log(args) -> int:
    from db.exchange.exports import site_record_columns, site_record_values
    from db.exchange.csv_format import cell
    from db.scenario.stored import read_scenario
    from db.sites import draft, queries

    database = open_db(args)
    try:
        scenario = read_scenario(database)
        records = queries.all_records(database)
    finally:
        database.close()
    if args.site:
        site = draft.site_of(args.site, draft.context(scenario))
        if site is None:
            return fail(tr("unknown site {0!r}: give its id (e.g. goundam) or its name").format(args.site), 1)
        records = tuple(r for r in records if r.site_id == site)
    columns = site_record_columns(with_site=False)
    rows = [[site_record_values(r)[c] for c in columns] for r in records]
    if args.format == "csv":
        out = csv.writer(sys.stdout, lineterminator="\n")
        out.writerow(columns)
        out.writerows([["" if v is None else cell(v) for v in row] for row in rows])
        return 0
    shown = ("id", "site_id", "kind", "date", "value", "category", "source", "author", "deleted")
    table = [list(shown)] + [[str(v)[:8] if c == "id" else "" if v is None else str(v)
                              for c, v in zip(columns, row) if c in shown] for row in rows]
    widths = [max(len(r[i]) for r in table) for i in range(len(shown))]
    for r in table:
        print("  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip())
    return 0
