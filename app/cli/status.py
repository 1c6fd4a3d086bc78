"""`sitmon status` (every site's status on a date) and `sitmon figures` (the key figures on a date), as a
table or CSV: the plan with the site records, as the window shows them."""
from __future__ import annotations

import csv
import sys

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.cli.common import iso_date, open_db, tr

# `sitmon status` columns: the CSV's names as they are, the table's headings in the interface language. The
# first six are the original ones, in their order; later ones are appended.
STATUS_COLUMNS = (QT_TRANSLATE_NOOP("StatusTable", "site_id"), QT_TRANSLATE_NOOP("StatusTable", "site"),
                  QT_TRANSLATE_NOOP("StatusTable", "kind"), QT_TRANSLATE_NOOP("StatusTable", "status"),
                  QT_TRANSLATE_NOOP("StatusTable", "since"), QT_TRANSLATE_NOOP("StatusTable", "reason"),
                  QT_TRANSLATE_NOOP("StatusTable", "planned_handover"), QT_TRANSLATE_NOOP("StatusTable", "confirmed_by"))
FIGURE_COLUMNS = ("figure", "value", "as_of", "source")


def register(sub) -> None:
    st = sub.add_parser("status", help=tr("every site's status on a date"))
    st.add_argument("--date", type=iso_date, required=True)
    st.add_argument("--format", choices=("table", "csv"), default="table")
    st.set_defaults(func=cmd_status)
    fg = sub.add_parser("figures", help=tr("the key figures on a date"))
    fg.add_argument("--date", type=iso_date, required=True)
    fg.add_argument("--format", choices=("table", "csv"), default="table")
    fg.set_defaults(func=cmd_figures)


def _situation(args):
    from db import status
    from db.scenario.stored import read_scenario
    from db.sites import queries

    database = open_db(args)
    try:
        scenario = read_scenario(database)
        records = queries.all_records(database, include_deleted=False)
    finally:
        database.close()
    return scenario, status.situation(scenario, args.date, records)


def _print(rows, header, csv_format: bool, wrap_last: bool = False) -> None:
    if csv_format:
        out = csv.writer(sys.stdout, lineterminator="\n")
        out.writerow(header)
        out.writerows(rows)
        return
    shown = [[str(v) for v in r] for r in [header] + rows]
    aligned = len(header) - 1 if wrap_last else len(header)
    widths = [max(len(r[i]) for r in shown) for i in range(aligned)]
    for r in shown:
        print(("  ".join(v.ljust(w) for v, w in zip(r, widths)) + ("  " + r[-1] if wrap_last else "")).rstrip())


def cmd_status(args) -> int:
    scenario, situation = _situation(args)
    rows = []
    for st in situation.statuses:
        site = scenario.site(st.site_id)
        rows.append([site.id, site.name.get(args.lang), site.kind, st.status,
                     st.since.isoformat() if st.since else "", st.reason(args.lang, QCoreApplication.translate),
                     st.planned_handover.isoformat() if st.planned_handover else "", st.confirmed_by])
    if args.format == "csv":
        _print(rows, STATUS_COLUMNS, True)
    else:  # the reason last, where it may run long
        order = (0, 1, 2, 3, 4, 6, 7, 5)
        header = [QCoreApplication.translate("StatusTable", STATUS_COLUMNS[i]) for i in order]
        _print([[r[i] for i in order] for r in rows], header, False, wrap_last=True)
    return 0


def figure_rows(situation) -> list[list]:
    """figure, value, as_of, source: every key figure on the situation's date ("" where nothing is known)."""
    from db.vocab import PERSONNEL

    f, day = situation.figures, situation.day.isoformat()
    rows = [["days_to_deadline", f.days_to_deadline, day, "scenario"],
            ["sites_handed_over", f.sites_closed, day, "status"],
            ["sites_total", f.sites_total, day, "scenario"],
            ["closures_overdue", len(f.overdue), day, "status"]]
    for category in PERSONNEL:
        known = f.repatriated_of(category)
        rows.append([f"repatriated_{category}", known.value if known else "",
                     known.as_of.isoformat() if known else "", known.source if known else ""])
    return rows


def cmd_figures(args) -> int:
    _scenario, situation = _situation(args)
    _print(figure_rows(situation), FIGURE_COLUMNS, args.format == "csv")
    return 0
