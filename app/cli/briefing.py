"""`sitmon briefing`: the command line of the briefing pack (app/briefing.py paints it)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app import settings
from app.cli.main import fail, iso_date, open_db

INCIDENT_DAYS = settings.DEFAULTS["briefing/incident_days"]


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def cmd_briefing(args) -> int:
    from app.briefing.pack import gather, write_briefing  # the painter (pyqtgraph, geopandas) only when asked

    database = open_db(args)
    try:
        data = gather(database, args.date, args.lang, settings.get("export/marking"), args.days)
    finally:
        database.close()
    try:
        pages = write_briefing(data, args.out, args.lang)
    except OSError as exc:
        return fail(str(exc), 1)
    print(translate("Briefing", "Wrote {0}: {1} pages, the situation on {2}").format(
        args.out, pages, args.date.isoformat()))
    return 0


def days_arg(text: str) -> int:
    from argparse import ArgumentTypeError

    if not text.isdigit() or not 1 <= int(text) <= 366:
        raise ArgumentTypeError(translate("Briefing", "'{0}' is not a number of days from 1 to 366").format(text))
    return int(text)


def register(subparsers) -> None:
    from argparse import SUPPRESS

    p = subparsers.add_parser("briefing", help=translate("Briefing", "write the briefing pack of a date (PDF)"))
    p.add_argument("--date", type=iso_date, required=True, help=translate("Briefing", "the situation's date, YYYY-MM-DD"))
    p.add_argument("--out", type=Path, required=True, help=translate("Briefing", "the PDF file to write"))
    p.add_argument("--days", type=days_arg, default=INCIDENT_DAYS,
                   help=translate("Briefing", "incidents of the last N days (default {0})").format(INCIDENT_DAYS))
    p.add_argument("--lang", choices=("en", "fr"), default=SUPPRESS, help=translate("Briefing", "language of the pack"))
    p.set_defaults(func=cmd_briefing)
