"""`sitmon route risk|incidents` (incidents recorded near a route) and `sitmon movement add|list|update|delete|
restore` (convoys between sites): the same db/ functions as the window's route panel and movements table.

Exit codes: 0 done, 1 a movement refused (one line per field: `FIELD: reason`) or not found, 2 usage error.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app import settings
from app.cli.common import fail, iso_date, open_db, tr

STRETCH_COLUMNS = ("stretch", "from_km", "to_km", "incidents", "killed", "injured", "score", "top_type")
INCIDENT_COLUMNS = ("id", "occurred_on", "type", "km_along", "km_off", "killed", "injured", "location")
# The table's headings in the interface language (the CSV keeps the names above)
HEADINGS = {
    "stretch": QT_TRANSLATE_NOOP("RouteTable", "stretch"), "from_km": QT_TRANSLATE_NOOP("RouteTable", "from km"),
    "to_km": QT_TRANSLATE_NOOP("RouteTable", "to km"), "incidents": QT_TRANSLATE_NOOP("RouteTable", "incidents"),
    "killed": QT_TRANSLATE_NOOP("RouteTable", "killed"), "injured": QT_TRANSLATE_NOOP("RouteTable", "injured"),
    "score": QT_TRANSLATE_NOOP("RouteTable", "weight"), "top_type": QT_TRANSLATE_NOOP("RouteTable", "mostly"),
    "id": QT_TRANSLATE_NOOP("RouteTable", "id"), "occurred_on": QT_TRANSLATE_NOOP("RouteTable", "date"),
    "type": QT_TRANSLATE_NOOP("RouteTable", "type"), "km_along": QT_TRANSLATE_NOOP("RouteTable", "km along"),
    "km_off": QT_TRANSLATE_NOOP("RouteTable", "km off"), "location": QT_TRANSLATE_NOOP("RouteTable", "place"),
    "from_site": QT_TRANSLATE_NOOP("RouteTable", "from"), "to_site": QT_TRANSLATE_NOOP("RouteTable", "to"),
    "planned_departure": QT_TRANSLATE_NOOP("RouteTable", "planned departure"),
    "departed_on": QT_TRANSLATE_NOOP("RouteTable", "departed"), "arrived_on": QT_TRANSLATE_NOOP("RouteTable", "arrived"),
    "status": QT_TRANSLATE_NOOP("RouteTable", "status"), "route_km": QT_TRANSLATE_NOOP("RouteTable", "km"),
}
MOVEMENT_TABLE = ("id", "from_site", "to_site", "planned_departure", "departed_on", "arrived_on", "status", "route_km")
# option -> the movement draft's field
MOVEMENT_OPTIONS = {"from_site": "from_site", "to_site": "to_site", "via": "via",
                    "planned_departure": "planned_departure", "planned_arrival": "planned_arrival",
                    "departed": "departed_on", "arrived": "arrived_on", "status": "status", "personnel": "personnel",
                    "vehicles": "vehicles", "note": "note", "incidents": "incidents"}


def heading(column: str) -> str:
    return QCoreApplication.translate("RouteTable", HEADINGS.get(column, column))


# ---------------------------------------------------------------- arguments

def _number(kind, low, high):
    def parse(text: str):
        try:
            value = kind(text)
        except ValueError:
            value = None
        if value is None or not low <= value <= high:
            raise argparse.ArgumentTypeError(tr("'{0}' is not a number from {1} to {2}").format(text, low, high))
        return value
    return parse


def sites_arg(text: str) -> list[str]:
    ids = [t.strip() for t in text.split(",") if t.strip()]
    if len(ids) < 2:
        raise argparse.ArgumentTypeError(tr("'{0}': give at least two sites, separated by commas").format(text))
    return ids


def points_arg(text: str) -> list[tuple[float, float]]:
    from geo.coords import CoordinateError, parse_coordinates

    out = []
    for item in (t.strip() for t in text.split(";") if t.strip()):
        try:
            out.append(parse_coordinates(item))
        except CoordinateError:
            raise argparse.ArgumentTypeError(tr("'{0}' is not a position (LAT,LON)").format(item)) from None
    if len(out) < 2:
        raise argparse.ArgumentTypeError(tr("'{0}': give at least two positions, separated by ';'").format(text))
    return out


def register(sub) -> None:
    from db.incidents.near_route import LIMITS, RouteOptions

    route = sub.add_parser("route", help=tr("incidents recorded near a route"))
    routes = route.add_subparsers(dest="route_command", required=True, parser_class=type(route))
    for name, func, helptext, formats in (
            ("risk", cmd_route_risk, tr("the route's stretches and the incidents recorded near each"),
             ("table", "csv", "geojson")),
            ("incidents", cmd_route_incidents, tr("the incidents recorded near the route, by distance along it"),
             ("table", "csv"))):
        p = routes.add_parser(name, help=helptext)
        way = p.add_mutually_exclusive_group(required=True)
        way.add_argument("--via", type=sites_arg, metavar="SITE,SITE[,...]", help=tr("sites in travel order"))
        way.add_argument("--points", type=points_arg, metavar="LAT,LON;LAT,LON[;...]",
                         help=tr("positions in travel order"))
        p.add_argument("--date", type=iso_date, required=True, help=tr("the incidents of the days up to this date"))
        defaults = RouteOptions()
        for option, dest, kind in (("--buffer-km", "buffer_km", float), ("--days", "days", int),
                                   ("--step-km", "step_km", float), ("--half-life-days", "half_life_days", float)):
            low, high = LIMITS[dest]
            p.add_argument(option, dest=dest, type=_number(kind, low, high), default=getattr(defaults, dest))
        p.add_argument("--format", choices=formats, default="table")
        p.set_defaults(func=func)

    mv = sub.add_parser("movement", help=tr("movements (convoys) between sites"))
    mvs = mv.add_subparsers(dest="movement_command", required=True, parser_class=type(mv))
    add = mvs.add_parser("add", help=tr("record a movement"))
    update = mvs.add_parser("update", help=tr("change a movement's fields"))
    update.add_argument("id")
    for p, required in ((add, True), (update, False)):
        p.add_argument("--from", dest="from_site", required=required, metavar="SITE")
        p.add_argument("--to", dest="to_site", required=required, metavar="SITE")
        p.add_argument("--via", metavar="ITEM;ITEM", help=tr("waypoints in travel order: site ids or LAT,LON, "
                                                             "separated by ';'"))
        p.add_argument("--planned-departure", required=required, metavar="DATE")
        p.add_argument("--planned-arrival", metavar="DATE")
        p.add_argument("--departed", metavar="DATE")
        p.add_argument("--arrived", metavar="DATE")
        p.add_argument("--status", choices=("planned", "under-way", "arrived", "aborted"))
        p.add_argument("--personnel", metavar="N")
        p.add_argument("--vehicles", metavar="N")
        p.add_argument("--note")
        p.add_argument("--incidents", metavar="ID,ID", help=tr("ids of the incidents linked to it"))
    add.set_defaults(func=cmd_movement_add)
    update.set_defaults(func=cmd_movement_update)
    ls = mvs.add_parser("list", help=tr("every movement"))
    ls.add_argument("--format", choices=("table", "csv"), default="table")
    ls.add_argument("--all", action="store_true", help=tr("deleted movements too"))
    ls.set_defaults(func=cmd_movement_list)
    for name, func, helptext in (("delete", cmd_movement_delete, tr("delete a movement (it can be restored)")),
                                 ("restore", cmd_movement_restore, tr("restore a deleted movement"))):
        p = mvs.add_parser(name, help=helptext)
        p.add_argument("id")
        p.set_defaults(func=func)


# ---------------------------------------------------------------- route risk

def _vertices(args, scenario) -> list[tuple[float, float]] | None:
    if args.points:
        return args.points
    sites = {s.id: s for s in scenario.sites}
    unknown = [s for s in args.via if s not in sites]
    if unknown:
        fail(tr("unknown site '{0}' (sitmon status lists them)").format(unknown[0]), 2)
        return None
    return [(sites[s].lat, sites[s].lon) for s in args.via]


def _risk(args):
    from db.incidents.near_route import RouteOptions, route_risk
    from db.scenario.stored import read_scenario

    database = open_db(args)
    try:
        vertices = _vertices(args, read_scenario(database))
        if vertices is None:
            return None
        try:
            from geo.routes import Route

            Route.through(vertices)
        except ValueError:
            fail(tr("a route needs at least two distinct positions"), 2)
            return None
        options = RouteOptions(args.buffer_km, args.days, args.step_km, args.half_life_days)
        return route_risk(database, vertices, args.date, options)
    finally:
        database.close()


def _summary(risk, lang: str) -> str:
    from app.i18n import locale_for

    locale = locale_for(lang)
    o = risk.options
    return tr("Incidents recorded near this route: {0} in the {1} days to {2}, within {3} km of its {4} km "
              "(a record of what happened, not a probability)").format(
        len(risk.incidents), o.days, risk.day.isoformat(), locale.toString(float(o.buffer_km), "g", 6),
        locale.toString(risk.route.length_km, "f", 1))


def _table(columns, rows) -> None:
    header = [heading(c) for c in columns]
    texts = [[str(v) for v in r] for r in rows]
    widths = [max(len(r[i]) for r in texts + [header]) for i in range(len(columns))]
    for r in [header] + texts:
        print("  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip())


def cmd_route_risk(args) -> int:
    risk = _risk(args)
    if risk is None:
        return 2
    rows = [(s.index + 1, f"{s.from_km:.3f}", f"{s.to_km:.3f}", s.incidents, s.killed, s.injured, f"{s.score:.3f}",
             risk.top_type(s)) for s in risk.stretches]
    if args.format == "csv":
        out = csv.writer(sys.stdout, lineterminator="\n")
        out.writerow(STRETCH_COLUMNS)
        out.writerows(rows)
    elif args.format == "geojson":
        features = [{"type": "Feature", "properties": dict(zip(STRETCH_COLUMNS, (
            s.index + 1, round(s.from_km, 3), round(s.to_km, 3), s.incidents, s.killed, s.injured, round(s.score, 3),
            risk.top_type(s) or None))), "geometry": {"type": "LineString", "coordinates": [
                [round(lon, 5), round(lat, 5)] for lat, lon in s.geometry]}} for s in risk.stretches]
        json.dump({"type": "FeatureCollection", "features": features}, sys.stdout, ensure_ascii=False)
        print()
    else:
        print(_summary(risk, args.lang))
        _table(STRETCH_COLUMNS, rows)
    return 0


def cmd_route_incidents(args) -> int:
    risk = _risk(args)
    if risk is None:
        return 2
    rows = [(x.id, x.occurred_on.isoformat(), x.type, f"{x.km_along:.3f}", f"{x.km_off:.3f}", x.killed, x.injured,
             x.location) for x in risk.incidents]
    if args.format == "csv":
        out = csv.writer(sys.stdout, lineterminator="\n")
        out.writerow(INCIDENT_COLUMNS)
        out.writerows(rows)
    else:
        print(_summary(risk, args.lang))
        _table(INCIDENT_COLUMNS, rows)
    return 0


# ---------------------------------------------------------------- movements

def _context(database):
    from db.movements import draft
    from db.scenario.stored import read_scenario

    return draft.context(read_scenario(database).sites, database)


def _refused(errors) -> int:
    for e in errors:
        print(f"{e.field}: {QCoreApplication.translate('Movements', e.message).format(**e.args)}", file=sys.stderr)
    return fail(tr("the movement was not recorded"), 1)


def _given(args) -> dict:
    return {field: getattr(args, option) for option, field in MOVEMENT_OPTIONS.items()
            if getattr(args, option) is not None}


def cmd_movement_add(args) -> int:
    from db.movements import draft, writes

    database = open_db(args)
    try:
        typed = draft.MovementDraft(**{**{"status": "planned"}, **_given(args)})
        ctx = _context(database)
        errors = draft.validate(typed, ctx)
        if errors:
            return _refused(errors)
        ident = writes.create(database, typed, settings.author(), ctx)
    finally:
        database.close()
    print(ident)
    return 0


def cmd_movement_update(args) -> int:
    from dataclasses import replace

    from db.movements import draft, queries, writes

    database = open_db(args)
    try:
        try:
            record = queries.get(database, args.id)
        except queries.NotFound:
            return fail(tr("no movement {0}").format(args.id), 1)
        typed = replace(draft.draft_of(record), **_given(args))
        ctx = _context(database)
        errors = draft.validate(typed, ctx)
        if errors:
            return _refused(errors)
        changes = writes.changes_between(record, draft.values(typed, ctx))
        changed = bool(changes) and writes.update(database, args.id, changes, settings.author())
    finally:
        database.close()
    print(tr("{0}: updated").format(args.id) if changed else tr("{0}: unchanged").format(args.id))
    return 0


def _delete_or_restore(args, delete: bool) -> int:
    from db.movements import queries, writes

    database = open_db(args)
    try:
        try:
            changed = (writes.soft_delete if delete else writes.restore)(database, args.id, settings.author())
        except queries.NotFound:
            return fail(tr("no movement {0}").format(args.id), 1)
    finally:
        database.close()
    done = tr("{0}: deleted") if delete else tr("{0}: restored")
    print(done.format(args.id) if changed else tr("{0}: unchanged").format(args.id))
    return 0


def cmd_movement_delete(args) -> int:
    return _delete_or_restore(args, True)


def cmd_movement_restore(args) -> int:
    return _delete_or_restore(args, False)


def cmd_movement_list(args) -> int:
    from db.exchange.exports import MOVEMENT_COLUMNS, movement_rows

    database = open_db(args)
    try:
        rows, _ = movement_rows(database, args.all)
    finally:
        database.close()
    if args.format == "csv":
        out = csv.writer(sys.stdout, lineterminator="\n")
        out.writerow(MOVEMENT_COLUMNS)
        out.writerows([["" if v is None else v.isoformat() if hasattr(v, "isoformat") else v for v in r]
                       for r in rows])
        return 0
    pick = [MOVEMENT_COLUMNS.index(c) for c in MOVEMENT_TABLE]
    _table(MOVEMENT_TABLE, [["—" if r[i] is None else r[i] for i in pick] for r in rows])
    return 0
