"""The map at 10,000, 100,000 and 1,000,000 incidents: a frame, and a date change to the redrawn map.

Each figure sits beside a plain pyqtgraph frame measured in the same run: one ScatterPlotItem
holding the same visible points (one symbol, one brush) in an empty view of the same size.
The map frame adds the basemap, labels, sites, flows and overlays; the date change adds the
status engine, the site layer, the incident filter (numpy on the `visible` column) and the legend.
Medians of 5, each at a different date; milliseconds.
"""
from __future__ import annotations

import os
import statistics
import time
from datetime import date, timedelta

import numpy as np

SIZES = (10_000, 100_000, 1_000_000)
WIDTH, HEIGHT = 1280, 800
START = date(2023, 1, 1)
DAYS = [START + timedelta(days=d) for d in (150, 190, 230, 270, 310)]
RUNS = len(DAYS)


def points(n: int, types: tuple[str, ...]):
    """n incidents spread over Mali and its borders across 2023, in the shape db.incident_points gives."""
    from db.incidents.points import IncidentPoints

    rng = np.random.default_rng(n)
    return IncidentPoints(
        ids=np.array([f"{i:08x}" for i in range(n)], dtype=object), lat=rng.normal(15.5, 2.2, n),
        lon=rng.normal(-2.0, 3.0, n), day=START.toordinal() + rng.integers(0, 365, n),
        type_index=rng.integers(0, len(types), n).astype(np.int32),
        casualties=(rng.geometric(0.35, n) - 1).astype(np.int32), types=types)


def ms(fn) -> float:
    t = time.perf_counter()
    fn()
    return (time.perf_counter() - t) * 1000


def plain_frames(app, pts) -> list[float]:
    """grab() of one plain ScatterPlotItem with the points visible on each date."""
    import pyqtgraph as pg

    from widgets.map.view import MALI

    out = []
    for day in DAYS:
        view = pg.GraphicsView()
        box = pg.ViewBox()
        view.setCentralItem(box)
        view.resize(WIDTH, HEIGHT)
        shown = pts.day <= day.toordinal()
        box.addItem(pg.ScatterPlotItem(x=pts.lon[shown], y=pts.lat[shown], size=9, pen=None,
                                       brush=pg.mkBrush("#D55E00")))
        box.setRange(xRange=MALI[::2], yRange=MALI[1::2], padding=0.03)
        view.grab()  # first frame builds the symbol atlas
        app.processEvents()
        out.append(ms(view.grab))
        view.deleteLater()
    return out


def map_times(app, pts) -> tuple[float, list[float], list[float]]:
    """(build ms, frame ms per date, date change -> redrawn ms per date) of the map."""
    from app import map_data
    from db import status
    from db.scenario.files import load_file
    from widgets.map.view import MapView

    scenario = load_file()
    view = MapView()
    view.resize(WIDTH, HEIGHT)
    view.set_basemap(map_data.load_basemap())
    view.set_sites(list(scenario.sites))
    styles = map_data.incident_styles(pts.types)
    build = ms(lambda: view.set_incidents(pts, styles))

    def show(day):
        view.show_statuses(status.statuses_on(scenario, day), status.flows_on(scenario, day), day)
        view.show_incident_window(day)

    show(DAYS[0])
    view.grab()
    frames, changes = [], []
    for day in DAYS:
        show(day)
        view.grab()
        app.processEvents()
        frames.append(ms(view.graphics.grab))
        changes.append(ms(lambda: (show(day - timedelta(days=1)), view.graphics.grab())))
    view.deleteLater()
    return build, frames, changes


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    from PySide6.QtWidgets import QApplication

    from db.incidents import taxonomy

    app = QApplication.instance() or QApplication([])
    types = taxonomy.load().ids
    print(f"{WIDTH}x{HEIGHT}, medians of {RUNS} (ms); target: under 33 ms at 100,000 and within 1.5x of plain")
    header = ("incidents", "visible", "build", "plain frame", "map frame", "ratio", "date change", "ratio")
    print("{:>10} {:>9} {:>8} {:>12} {:>10} {:>6} {:>12} {:>6}".format(*header))
    for n in SIZES:
        pts = points(n, types)
        plain = statistics.median(plain_frames(app, pts))
        build, frames, changes = map_times(app, pts)
        frame, change = statistics.median(frames), statistics.median(changes)
        visible = int(statistics.median([(pts.day <= d.toordinal()).sum() for d in DAYS]))
        print(f"{n:>10,} {visible:>9,} {build:>8.1f} {plain:>12.1f} {frame:>10.1f} {frame / plain:>6.2f} "
              f"{change:>12.1f} {change / plain:>6.2f}", flush=True)


if __name__ == "__main__":
    main()
