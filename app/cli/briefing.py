"""`sitmon briefing` and `sitmon snapshot`: the briefing pack (PDF) and the map of a date (PNG), painted
offscreen by app/briefing/ in the QApplication that app.cli.main.application() made for painting commands."""
from __future__ import annotations

import argparse
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app import settings
from app.cli.common import fail, iso_date, open_db, tr

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
        pages = write_briefing(data, args.out, args.lang, database=database.path)
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


def parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        w = h = 0
    if not (100 <= w <= 10000 and 100 <= h <= 10000):
        raise argparse.ArgumentTypeError(tr("'{0}' is not a size like 1600x1000 (100 to 10000 pixels)").format(text))
    return w, h


def cmd_snapshot(args) -> int:
    from app.briefing.map_image import render_map, save_image

    database = open_db(args)
    try:
        image = render_map(database, args.date, args.size, args.lang)
    finally:
        database.close()
    try:
        save_image(image, args.out, database.path)
    except OSError as exc:
        return fail(str(exc), 1)
    print(tr("Wrote {0} ({1}x{2}), the map of {3}").format(args.out, image.width(), image.height(),
                                                            args.date.isoformat()))
    return 0


def register(subparsers) -> None:
    from argparse import SUPPRESS

    s = subparsers.add_parser("snapshot", help=tr("render the map of a date to a PNG file"))
    s.add_argument("--date", type=iso_date, required=True, help=tr("the date shown, YYYY-MM-DD"))
    s.add_argument("--out", type=Path, required=True, help=tr("the PNG file to write"))
    s.add_argument("--size", type=parse_size, default=(1600, 1000), help=tr("width x height in pixels"))
    s.set_defaults(func=cmd_snapshot)
    p = subparsers.add_parser("briefing", help=translate("Briefing", "write the briefing pack of a date (PDF)"))
    p.add_argument("--date", type=iso_date, required=True, help=translate("Briefing", "the situation's date, YYYY-MM-DD"))
    p.add_argument("--out", type=Path, required=True, help=translate("Briefing", "the PDF file to write"))
    p.add_argument("--days", type=days_arg, default=INCIDENT_DAYS,
                   help=translate("Briefing", "incidents of the last N days (default {0})").format(INCIDENT_DAYS))
    p.add_argument("--lang", choices=("en", "fr"), default=SUPPRESS, help=translate("Briefing", "language of the pack"))
    p.set_defaults(func=cmd_briefing)
