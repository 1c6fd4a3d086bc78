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

    from db.scenario.stored import read_scenario

    database = open_db(args)
    try:
        routes = asked_routes(args, read_scenario(database))
        if routes is None:
            return 2
        data = gather(database, args.date, args.lang, settings.get("export/marking"), args.days, routes=routes)
    finally:
        database.close()
    try:
        pages = write_briefing(data, args.out, args.lang, database=database.path)
    except OSError as exc:
        return fail(str(exc), 1)
    print(translate("Briefing", "Wrote {0}: {1} pages, the situation on {2}").format(
        args.out, pages, args.date.isoformat()))
    return 0


def asked_routes(args, scenario) -> list | None:
    """(title, vertices) of each --route-via and --route-points, lettered A, B, C...; None after a message when a
    site is unknown."""
    sites = {s.id: s for s in scenario.sites}
    out = []
    for ids in args.route_via or ():
        unknown = [i for i in ids if i not in sites]
        if unknown:
            fail(tr("unknown site '{0}' (sitmon status lists them)").format(unknown[0]), 2)
            return None
        out.append((" → ".join(sites[i].name.get(args.lang) for i in ids), [(sites[i].lat, sites[i].lon) for i in ids]))
    for points in args.route_points or ():
        out.append((translate("Briefing", "{0} positions").format(len(points)), points))
    lettered = translate("Briefing", "{0}: {1}")
    return [(lettered.format(chr(ord("A") + n), title), vertices) for n, (title, vertices) in enumerate(out)]


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
    from app.cli.routes import points_arg, sites_arg

    p.add_argument("--route-via", type=sites_arg, action="append", metavar="SITE,SITE[,...]",
                   help=translate("Briefing", "a page on the incidents recorded near this route (repeatable)"))
    p.add_argument("--route-points", type=points_arg, action="append", metavar="LAT,LON;LAT,LON[;...]",
                   help=translate("Briefing", "a page on the incidents recorded near this route (repeatable)"))
    p.set_defaults(func=cmd_briefing)
