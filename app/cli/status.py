"""`sitmon status`: every site's status on a date, as a table or CSV."""
from __future__ import annotations

import csv
import sys

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.cli.common import iso_date, open_db, tr

# `sitmon status` columns: the CSV's names as they are, the table's headings in the interface language
STATUS_COLUMNS = (QT_TRANSLATE_NOOP("StatusTable", "site_id"), QT_TRANSLATE_NOOP("StatusTable", "site"),
                  QT_TRANSLATE_NOOP("StatusTable", "kind"), QT_TRANSLATE_NOOP("StatusTable", "status"),
                  QT_TRANSLATE_NOOP("StatusTable", "since"), QT_TRANSLATE_NOOP("StatusTable", "reason"))


def register(sub) -> None:
    st = sub.add_parser("status", help=tr("every site's status on a date"))
    st.add_argument("--date", type=iso_date, required=True)
    st.add_argument("--format", choices=("table", "csv"), default="table")
    st.set_defaults(func=cmd_status)


def cmd_status(args) -> int:
    from db import status
    from db.scenario.stored import read_scenario

    database = open_db(args)
    try:
        scenario = read_scenario(database)
    finally:
        database.close()
    rows = []
    for st in status.statuses_on(scenario, args.date):
        site = scenario.site(st.site_id)
        rows.append([site.id, site.name.get(args.lang), site.kind, st.status,
                     st.since.isoformat() if st.since else "", st.reason(args.lang, QCoreApplication.translate)])
    if args.format == "csv":
        out = csv.writer(sys.stdout, lineterminator="\n")
        out.writerow(STATUS_COLUMNS)
        out.writerows(rows)
    else:
        header = [QCoreApplication.translate("StatusTable", c) for c in STATUS_COLUMNS]
        widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(5)]
        for r in [header] + rows:
            print("  ".join(str(v).ljust(w) for v, w in zip(r, widths)) + "  " + r[5])
    return 0
