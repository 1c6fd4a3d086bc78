"""`sitmon snapshot --date D --out FILE.png [--size WxH]`: the map of a date, rendered offscreen."""
from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from PySide6.QtGui import QImage

from .cli import fail, iso_date, open_db, tr


def render_map(state_or_db, day: date, size: tuple[int, int] = (1600, 1000)) -> QImage:
    """The map of `day` (Mali, sites by status, redeployments, incidents up to the day) as an image.

    `state_or_db`: an app.state.AppState, or a db.engine.Database. Needs a QApplication.
    """
    from db import store
    from widgets.layers_panel import LayersPanel
    from widgets.map_view import MALI, MapView
    from widgets.site_card import SiteCard

    from .cursor import CursorState
    from .map_controller import MapController
    from .state import AppState

    if isinstance(state_or_db, AppState):
        state = state_or_db
        state.load_points_now()  # no event loop here to bring a background load
    else:
        scenario = store.read_scenario(state_or_db)
        state = AppState(state_or_db, scenario, CursorState(day), background=False)
    view, card, panel = MapView(), SiteCard(), LayersPanel()
    controller = MapController(state, view, card, panel)
    try:
        controller.show_date(day)
        view.resize(*size)
        view.zoom_to(MALI)
        return view.grab().toImage()
    finally:
        for w in (view, card, panel):
            w.deleteLater()
        controller.deleteLater()


def parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        w = h = 0
    if not (100 <= w <= 10000 and 100 <= h <= 10000):
        raise argparse.ArgumentTypeError(tr("'{0}' is not a size like 1600x1000 (100 to 10000 pixels)").format(text))
    return w, h


def cmd_snapshot(args) -> int:
    """Runs in the QApplication that app.cli.application() made for painting commands."""
    database = open_db(args)
    try:
        image = render_map(database, args.date, args.size)
    finally:
        database.close()
    if not image.save(str(args.out), "PNG"):
        return fail(tr("cannot write {0}").format(args.out), 1)
    print(tr("Wrote {0} ({1}x{2}), the map of {3}").format(args.out, image.width(), image.height(),
                                                            args.date.isoformat()))
    return 0


def register(subparsers) -> None:
    p = subparsers.add_parser("snapshot", help=tr("render the map of a date to a PNG file"))
    p.add_argument("--date", type=iso_date, required=True, help=tr("the date shown, YYYY-MM-DD"))
    p.add_argument("--out", type=Path, required=True, help=tr("the PNG file to write"))
    p.add_argument("--size", type=parse_size, default=(1600, 1000), help=tr("width x height in pixels"))
    p.set_defaults(func=cmd_snapshot)
