"""The map and the timeline of a date as pictures: PDF pages, PNG and SVG files.

The window's own MapView and TimelineView are built off screen and painted through QPainter. A
pyqtgraph view draws some items in device pixels (labels, symbols, overlays), so it is first recorded
at screen scale into a QPicture, in pyqtgraph's export mode (symbols as paths, not cached pixmaps),
and the recording is replayed scaled into the target: every mark keeps its proportions and stays vector.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
from pyqtgraph import GraphicsItem
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPicture
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication, QGraphicsItem

from app import map_data, settings
from app.i18n import locale_for
from app.site_records import timeline_marks
from db import status
from db.files import atomic
from db.incidents import taxonomy
from db.incidents.points import IncidentPoints, incident_points
from db.scenario.schema import Scenario
from db.scenario.stored import read_scenario
from db.sites import queries as site_queries
from db.sites.queries import SiteRecord
from db.status import Situation
from geo.lookups import geodesic_km
from widgets.map.records import Basemap
from widgets.map.view import MALI, MapView
from widgets.timeline.view import TimelineView

SCREEN_DPI = 96


@dataclass(frozen=True, eq=False)
class MapData:
    """Everything the map and the timeline of one date show, gathered off the GUI thread."""

    scenario: Scenario
    situation: Situation  # the sites' statuses, key figures and moves on the date
    lang: str
    points: IncidentPoints
    incident_days: int  # the map shows incidents of the last n days; 0: all up to the day
    extent: tuple[float, float, float, float]  # lon_min, lat_min, lon_max, lat_max
    basemap: Basemap
    timeline_days: np.ndarray  # incident dates (ordinals) for the timeline's density strip
    timeline_colors: np.ndarray  # one "#RRGGBB" per incident
    records: tuple[SiteRecord, ...] = ()  # the site records (not deleted) the situation was worked out with


    @property
    def day(self) -> date:
        return self.situation.day


def gather_map(db, day: date, lang: str, incident_days_back: int = 0, extent=None) -> MapData:
    """Plain data only (db, geo): safe in a worker thread."""
    scenario = read_scenario(db)
    points = incident_points(db)
    records = site_queries.all_records(db, include_deleted=False)
    return MapData(scenario, status.situation(scenario, day, records), lang, points, incident_days_back,
                   tuple(extent) if extent else MALI, map_data.load_basemap(lang), points.day,
                   taxonomy.colors_of(points), records)


FRAME_MARGIN = 0.08  # of the frame's span, on each side: room for the names around the outermost marks
FRAME_MIN = (1.2, 1.0)  # degrees of longitude and latitude kept around a mark on the frame's edge, at least


def situation_frame(data: MapData) -> tuple[float, float, float, float]:
    """The map's frame for a page: Mali as the situation spans it, every site and every incident shown (those
    of the last `incident_days` days up to the date), with room around them for their names."""
    lons = [s.lon for s in data.scenario.sites]
    lats = [s.lat for s in data.scenario.sites]
    p, last = data.points, data.day.toordinal()
    shown = p.day <= last
    if data.incident_days:
        shown &= p.day > last - data.incident_days
    lons += p.lon[shown].tolist()
    lats += p.lat[shown].tolist()
    x0, x1, y0, y1 = min(lons), max(lons), min(lats), max(lats)
    dx = max((x1 - x0) * FRAME_MARGIN, FRAME_MIN[0])
    dy = max((y1 - y0) * FRAME_MARGIN, FRAME_MIN[1])
    return x0 - dx, y0 - dy, x1 + dx, y1 + dy


def render_map(db, day: date, size: tuple[int, int] = (1600, 1000), lang: str = "en") -> QImage:
    """The map of `day` (Mali, sites by status, redeployments, incidents up to the day) as an image, drawn
    offscreen (`sitmon snapshot`). Needs a QApplication."""
    view = build_map(gather_map(db, day, lang), QSize(*size))
    try:
        return view.grab().toImage()
    finally:
        view.deleteLater()


def _offscreen(widget, size: QSize):
    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    widget.resize(size)
    widget.show()
    return widget


def build_map(data: MapData, size: QSize) -> MapView:
    """A MapView of `size` screen pixels showing `data`; the caller deletes it."""
    view = MapView()
    view.setLocale(locale_for(data.lang))
    view.set_basemap(data.basemap)
    view.set_sites(list(data.scenario.sites), data.lang)
    view.show_statuses(list(data.situation.statuses), list(data.situation.flows), data.day)
    view.set_incidents(data.points, map_data.incident_styles(data.points.types, data.lang))
    view.show_incident_window(data.day, data.incident_days)
    for layer_id in settings.get("map/layers_hidden"):
        view.set_layer_visible(layer_id, False)
    _offscreen(view, size)
    QApplication.processEvents()  # lays out the view box before zooming
    view.zoom_to(data.extent)
    lon0, lat0, lon1, lat1 = view.view_bbox()
    lat, lon = (lat0 + lat1) / 2, (lon0 + lon1) / 2
    view.show_scale(geodesic_km(lat, lon - 0.5, lat, lon + 0.5))
    return view


def build_timeline(data: MapData, size: QSize) -> TimelineView:
    """A TimelineView of `size` screen pixels with its cursor on the date; the caller deletes it."""
    view = TimelineView()
    view.setLocale(locale_for(data.lang))
    _offscreen(view, size)
    view.set_scenario(data.scenario, data.lang)
    view.set_incident_counts(data.timeline_days, data.timeline_colors)
    view.show_statuses(list(data.situation.statuses))
    view.show_records(timeline_marks(data.scenario, data.records, locale_for(data.lang)))
    view.show_date(data.day)
    QApplication.processEvents()
    return view


def _replay(painter: QPainter, picture: QPicture, at: QPointF, k: float) -> None:
    """Draw a picture recorded at screen scale with its top left at `at`, scaled by k."""
    painter.save()
    painter.translate(at)
    ratio = picture.logicalDpiX() / painter.device().logicalDpiX()  # drawPicture applies the dpi ratio itself
    painter.scale(k * ratio, k * ratio)
    painter.drawPicture(0, 0, picture)
    painter.restore()


def render_vector(graphics, painter: QPainter, target: QRectF) -> None:
    """Paint a QGraphicsView's viewport into `target`, scaled to cover it (centred, cropped), as vectors.

    Items are painted in pyqtgraph's export mode and without Qt's item cache, so nothing is a pixmap.
    """
    items = [i for i in graphics.scene().items() if isinstance(i, GraphicsItem)]
    cached = {i: i.cacheMode() for i in graphics.scene().items() if i.cacheMode() != QGraphicsItem.CacheMode.NoCache}
    for item in items:
        item.setExportMode(True, {"antialias": True})
    for item in cached:  # a cached item would paint its pixmap
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    picture = QPicture()
    source = QRectF(graphics.viewport().rect())
    recorder = QPainter(picture)
    try:
        graphics.render(recorder, source, graphics.viewport().rect())
    finally:
        recorder.end()
        for item in items:
            item.setExportMode(False)
        for item, mode in cached.items():
            item.setCacheMode(mode)
    k = max(target.width() / source.width(), target.height() / source.height())
    painter.save()
    painter.setClipRect(target)
    _replay(painter, picture, target.center() - QPointF(source.width(), source.height()) * k / 2, k)
    painter.restore()


def render_legend(view: MapView, painter: QPainter, target: QRectF) -> QRectF:
    """The map's legend (open, without its title row) in `target`'s top left, at most at screen scale; returns
    the rectangle used. The view is one built for the page: its legend is changed for good."""
    legend = view.legend
    legend.set_title_shown(False)
    legend.place_at((0, 0), 1.0, False)
    w, h = legend.size()
    if not w:
        return QRectF(target.topLeft(), target.topLeft())
    picture = QPicture()
    recorder = QPainter(picture)
    legend.paint(recorder, None, None)
    recorder.end()
    k = min(target.width() / w, target.height() / h, painter.device().logicalDpiX() / SCREEN_DPI)
    _replay(painter, picture, target.topLeft(), k)
    return QRectF(target.left(), target.top(), w * k, h * k)


def save_image(image: QImage, path, database: Path | None = None) -> None:
    """A PNG written whole or not at all, readable by the user only, never over the database's files."""
    with atomic(path, database=database) as part:
        if not image.save(str(part), "PNG"):
            raise OSError(QApplication.translate("Briefing", "Cannot write {0}").format(path))


def export_map_image(view_or_state, day: date, path, size: QSize = QSize(1600, 1000), dpi: int = 150,
                     database: Path | None = None) -> Path:
    """Write the map as PNG (`size` pixels, `dpi` recorded in the file) or SVG (by the file's suffix).

    A MapView is drawn as it is shown (its extent, date and layers), scaled to cover `size`.
    An app.state.AppState gives the map of `day` over the country, with symbols sized for `dpi`.
    """
    path = Path(path)
    view = view_or_state if isinstance(view_or_state, MapView) else None
    if view is None:
        state = view_or_state
        data = gather_map(state.db, day, state.lang, settings.get("map/incident_days"))
        view = build_map(data, QSize(round(size.width() * SCREEN_DPI / dpi), round(size.height() * SCREEN_DPI / dpi)))
    try:
        if path.suffix.lower() == ".svg":
            return _write_svg(view, day, path, size, dpi, database)
        device = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        device.fill(QColor("white"))
        device.setDotsPerMeterX(round(dpi / 0.0254))
        device.setDotsPerMeterY(round(dpi / 0.0254))
        _paint(view, device, size)
        save_image(device, path, database)
    finally:
        if view is not view_or_state:
            view.deleteLater()
    return path


def _write_svg(view: MapView, day: date, path: Path, size: QSize, dpi: int, database) -> Path:
    with atomic(path, database=database) as part:
        device = QSvgGenerator()
        device.setFileName(str(part))
        device.setSize(size)
        device.setViewBox(QRectF(0, 0, size.width(), size.height()))
        device.setResolution(dpi)
        device.setTitle(QApplication.translate("Briefing", "Map of {0}").format(
            view.locale().toString(day, "d MMMM yyyy")))
        _paint(view, device, size)
    return path


def _paint(view: MapView, device, size: QSize) -> None:
    painter = QPainter(device)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    render_vector(view.graphics, painter, QRectF(0, 0, size.width(), size.height()))
    painter.end()
