"""The map: basemap, camps by status, redeployment arrows and incidents on the current date.

No database or geo calls: app/map_controller.py prepares the data and listens to the signals.
"""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence
from PySide6.QtWidgets import QGraphicsPathItem, QLabel, QVBoxLayout, QWidget

from db.vocab import SITE_KINDS, SITE_STATUSES
from widgets.map.basemap import (
    BACKGROUND,
    MALI,
    PADDING,
    aspect_of,
    cosmetic,
    font,
    rings_path,
)
from widgets.map.layers import (
    BasemapLayer,
    FlowLayer,
    IncidentLayer,
    hollow_pen,
    kind_label,
    kind_style,
    status_label,
    status_style,
)
from widgets.map.movements import MovementLayer, MovementLine, RouteDrawing, RouteLayer
from widgets.map.names import SiteNames
from widgets.map.overlays import Legend, LegendRow, NorthArrow, ScaleBar, TextOverlay
from widgets.map.records import Basemap, IncidentStyle, Labels, Tile, VectorData

if TYPE_CHECKING:
    from db.scenario.schema import Site
    from db.status import SiteStatus
from widgets.route_style import ARRIVED_ALPHA, MOVEMENT_COLOR, SCORE_COLORS, score_labels

USER_COLORS = ("#882255", "#117733", "#332288", "#AA4499", "#44AA99")
PAN_STEP, ZOOM_STEP = 0.1, 1.25


FULL_MARKS, MIN_MARK_SCALE = 22.0, 0.55  # site marks at full size from 22 pixels a degree, down to 55 %
CORNERS = ((0, 0), (0, 1), (1, 0), (1, 1))  # where the legend may go, in this order of preference
LEGEND_SCALES = (1.0, 0.85, 0.7)  # smaller, before it folds to its title row


class MapView(QWidget):
    site_clicked = Signal(str)
    incident_clicked = Signal(str)
    cursor_moved = Signal(float, float)  # lat, lon
    measure_requested = Signal(float, float, float, float)  # lat1, lon1, lat2, lon2
    position_picked = Signal(float, float)  # lat, lon
    range_changed = Signal(float, float, float, float)  # lon_min, lat_min, lon_max, lat_max
    tool_changed = Signal(str)  # "pan" | "measure" | "pick" | "route"
    route_clicked = Signal(float, float)  # lat, lon: a point of a route drawn with the "route" tool
    route_finished = Signal()  # Enter or Esc ends the route being drawn
    legend_collapsed = Signal(bool)  # the user folded (True) or opened the legend with a click on its title
    site_menu_requested = Signal(str, QPoint)  # a right click on a site: its id, where (global)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.graphics = pg.GraphicsView(background=BACKGROUND)
        self.graphics.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.box = pg.ViewBox(enableMenu=False)
        self.graphics.setCentralItem(self.box)
        self.readout = QLabel()
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.readout.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.graphics, 1)
        layout.addWidget(self.readout)

        self.layers: dict[str, list] = {}
        self.hidden: set[str] = set()
        self.sites: list[Site] = []
        self.site_index: dict[str, int] = {}
        self.statuses: dict[str, SiteStatus] = {}
        self.shown: tuple = ([], [], None)  # show_statuses' arguments
        self.lang = "en"
        self.line_width = 1.0  # times each line's usual width (set_line_width)
        self.mark_scale = 1.0  # site marks' size: smaller in a wide view (_size_marks)
        self.highlighted = ("", "")  # what highlight() rings
        self._legend_at = QRectF()  # where the legend was last placed
        self.tool = "pan"
        self.measure_points: list[QPointF] = []
        self.hover_at = QPointF()
        self.hover_timer = QTimer(self, singleShot=True, interval=120)
        self.hover_timer.timeout.connect(self._hover_tip)
        self._build_items()
        self._restyle()
        self.box.sigRangeChanged.connect(self._range_changed)
        scene = self.graphics.scene()
        scene.sigMouseMoved.connect(self._mouse_moved)
        scene.sigMouseClicked.connect(self._mouse_clicked)
        self.zoom_to(MALI)

    # -------------------------------------------------------------- construction

    def _add(self, layer_id: str, item, z: float):
        item.setZValue(z)
        self.box.addItem(item, ignoreBounds=True)
        self.layers.setdefault(layer_id, []).append(item)
        item.setVisible(layer_id not in self.hidden)
        return item

    def _build_items(self) -> None:
        self.basemap = self._add("basemap", BasemapLayer(), 0)
        drawing = self.basemap.drawing
        self.place_labels, self.region_labels = drawing.place_labels, drawing.region_labels
        self.country_labels = drawing.country_labels
        self.incidents = IncidentLayer()
        self._add("incidents", self.incidents.item, 30)
        self.flows = self._add("flows", FlowLayer(), 40)
        self.movement_layer = self._add("movements", MovementLayer(), 42)  # over the arrows it details
        self.route_layer = self._add("routes", RouteLayer(), 45)
        # over the incidents: a white margin, then the frame of the site's kind, its status mark, and its name
        self.site_halos = self._add("sites", pg.ScatterPlotItem(pxMode=True, pen=pg.mkPen(None)), 49)
        self.site_frames = self._add("sites", pg.ScatterPlotItem(pxMode=True, hoverable=True, tip=self._site_tip), 50)
        self.site_marks = self._add("sites", pg.ScatterPlotItem(pxMode=True, hoverable=True, tip=self._site_tip), 51)
        self.site_labels = self._add("sites", SiteNames(QFont()), 52)
        for item in (self.site_frames, self.site_marks):
            item.sigClicked.connect(self._site_item_clicked)
        self.highlight_mark = self._add("highlight", pg.ScatterPlotItem(
            pxMode=True, symbol="o", pen=pg.mkPen("#000000", width=3), brush=pg.mkBrush(None)), 55)
        self.measure_line = self._add("measure", pg.PlotCurveItem(
            pen=cosmetic("#000000", 2, Qt.PenStyle.DashLine), antialias=True), 60)
        self.measure_text = self._add("measure", pg.TextItem(anchor=(0.5, 1.2), color="#000000",
                                                             fill=pg.mkBrush(255, 255, 255, 220)), 61)
        self.north = NorthArrow(self.box, (1, 0))
        self.scale_bar = ScaleBar(self.box, (0.5, 1))  # bottom centre: clear of the legend
        self.legend = Legend(self.box, (0, 0))  # in a corner clear of every site (_place_legend)
        self.attribution = TextOverlay(self.box, (1, 1))
        self.legend.toggled.connect(self._legend_toggled)
        self.legend.resized.connect(self._place_legend)
        self.box.sigResized.connect(self._place_legend)
        self.site_labels.obstacles = self._overlay_rects
        self.basemap.keep_clear = self.site_labels.boxes

    def _restyle(self) -> None:
        """Fonts from the widget's (the interface zoom) and lines `line_width` times their usual width."""
        base, w = self.font(), self.line_width
        self.basemap.set_font(base)
        self.site_labels.set_font(font(base, 0.5, bold=True))
        self.measure_text.setFont(base)
        for overlay in (self.north, self.scale_bar, self.legend, self.attribution):
            overlay.set_style(base, w)
        self._place_legend()
        self.basemap.set_line_width(w)
        self.flows.set_line_width(w)
        self.movement_layer.set_line_width(w)
        self.route_layer.set_line_width(w)
        self.route_layer.set_font(base)
        self.incidents.set_line_width(w)
        self.highlight_mark.setPen(pg.mkPen("#000000", width=3 * w))
        self.measure_line.setPen(cosmetic("#000000", 2 * w, Qt.PenStyle.DashLine))
        if self.sites:
            self.site_frames.setPen([kind_style(s.kind, w)["pen"] for s in self.sites])
            self.site_labels.set_labels(self.site_labels.labeller.labels, self._mark_halves())
            self.show_statuses(*self.shown)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.FontChange:  # the interface zoom or theme changed
            self._restyle()
        super().changeEvent(event)

    def set_line_width(self, factor: float) -> None:
        """Draw every line (site outlines, arrows, borders, rings, legend) `factor` times as wide:
        2 in the high-contrast theme."""
        if factor != self.line_width:
            self.line_width = factor
            self._restyle()

    # -------------------------------------------------------------- data in

    def set_basemap(self, basemap: Basemap) -> None:
        self.basemap.set_basemap(basemap)
        self.attribution.set_text(basemap.attribution)
        self.legend.set_section("nouakchott", [LegendRow(self.tr("States at the Nouakchott meeting (2013)"), dict(
            symbol="s", size=14, pen=pg.mkPen("#7a7a7a"), brush=pg.mkBrush("#e9d8ad")))])
        self._update_level_of_detail()

    def set_sites(self, sites: list[Site], lang: str = "en") -> None:
        self.sites = list(sites)
        self.site_index = {s.id: i for i, s in enumerate(self.sites)}
        x = np.array([s.lon for s in self.sites], dtype=float)
        y = np.array([s.lat for s in self.sites], dtype=float)
        styles = [kind_style(s.kind, self.line_width) for s in self.sites]
        self.site_frames.setData(x=x, y=y, data=[s.id for s in self.sites],
                                 **{k: [st[k] for st in styles] for k in ("symbol", "size", "pen", "brush")})
        self.site_halos.setData(x=x, y=y, symbol=[st["symbol"] for st in styles], brush=pg.mkBrush(255, 255, 255, 235))
        self._size_marks()
        self.lang = lang
        self.site_labels.set_labels(Labels(x, y, tuple(s.name.get(lang) for s in self.sites), np.ones(len(x))),
                                    self._mark_halves())
        for labels in (self.place_labels, self.region_labels, self.country_labels):
            labels.set_avoid(x, y)
        self.basemap.update()
        self.show_statuses([], [], None)

    def _mark_halves(self) -> list[float]:
        """Half of each site's mark in pixels: its frame (the larger part) and its pen."""
        return [self.mark_scale * kind_style(s.kind)["size"] / 2 + 2 * self.line_width for s in self.sites]

    def _size_marks(self) -> None:
        """Marks at full size from the country's scale; smaller in a wider view, where camps a degree apart
        would cover each other (the regional view)."""
        x0, _, x1, _ = self.view_bbox()
        per_degree = self.graphics.viewport().width() / max(x1 - x0, 1e-9)
        scale = round(min(1.0, max(MIN_MARK_SCALE, per_degree / FULL_MARKS)), 2)
        if not self.sites or (scale == self.mark_scale and self.site_halos.data.size):
            self.mark_scale = scale
            return
        self.mark_scale = scale
        frames = [scale * kind_style(s.kind)["size"] for s in self.sites]
        self.site_frames.setSize(frames)
        self.site_halos.setSize([f + 6 for f in frames])
        self.site_marks.setSize([scale * status_style(self.site_status(s.id))["size"] for s in self.sites])
        if self.site_labels.labeller.labels is not None:
            self.site_labels.set_labels(self.site_labels.labeller.labels, self._mark_halves())
        self.highlight(*self.highlighted)

    def show_statuses(self, statuses: list[SiteStatus], flows: list[tuple[str, str]], day: date | None) -> None:
        """Colour and shape every site by its status on `day`; arrows for the moves under way."""
        self.shown = (statuses, flows, day)
        self.statuses = {s.site_id: s for s in statuses}
        w = self.line_width
        styles = [status_style(self.statuses[s.id].status if s.id in self.statuses else "open", w) for s in self.sites]
        self.site_marks.setData(x=[s.lon for s in self.sites], y=[s.lat for s in self.sites],
                                data=[s.id for s in self.sites],
                                **{k: [st[k] for st in styles] for k in ("symbol", "pen", "brush")},
                                size=[self.mark_scale * st["size"] for st in styles])
        segments = [(self.sites[self.site_index[a]].lon, self.sites[self.site_index[a]].lat,
                     self.sites[self.site_index[b]].lon, self.sites[self.site_index[b]].lat)
                    for a, b in flows if a in self.site_index and b in self.site_index]
        self.flows.set_flows(np.array(segments, dtype=float).reshape(-1, 4))
        title = self.tr("Sites on {0}").format(self.long_date(day)) if day else self.tr("Sites")
        shown, kinds = {self.site_status(s.id) for s in self.sites}, {s.kind for s in self.sites}
        rows = [LegendRow(title, kind="heading")]  # compact: only what the map shows
        rows += [LegendRow(status_label(s), status_style(s, w)) for s in SITE_STATUSES if s in shown]
        rows += [LegendRow(kind_label(k), dict(kind_style(k, w), size=kind_style(k)["size"] * 0.75))
                 for k in SITE_KINDS if k in kinds]
        if segments:
            rows.append(LegendRow(self.tr("Redeployment under way"), kind="arrow"))
        self.legend.set_section("sites", rows)
        self._place_legend()

    def long_date(self, day: date) -> str:
        return self.locale().toString(day, "d MMMM yyyy")

    def site_status(self, site_id: str) -> str:
        """The status the map shows for a site (as drawn)."""
        return self.statuses[site_id].status if site_id in self.statuses else "open"

    def set_incidents(self, points, styles: list[IncidentStyle]) -> None:
        """points: db.incident_points.IncidentPoints; styles: one per points.types, in that order."""
        self.incidents.set_points(points, styles)

    def show_incident_window(self, day: date, days_back: int = 0, loading: bool = False) -> None:
        """Show the incidents up to `day` (only the last `days_back` days if > 0); `loading`: none are here yet
        because they are being read (the legend says so rather than "none")."""
        self.incidents.show_window(day, days_back)
        counts = self.incidents.counts()
        title = self.tr("Incidents, {0} days to {1}").format(days_back, self.long_date(day)) if days_back \
            else self.tr("Incidents to {0}").format(self.long_date(day))
        rows = [LegendRow(title, kind="heading")]
        for i in np.flatnonzero(counts):
            style = self.incidents.styles[i]
            rows.append(LegendRow(f"{style.label} ({self.locale().toString(int(counts[i]))})", dict(
                symbol=style.symbol, size=11, pen=pg.mkPen("#333333", width=0.8), brush=pg.mkBrush(style.color))))
        if (self.incidents.region_only & self.incidents.visible).any():
            rows.append(LegendRow(self.tr("Hollow: only the region is known"), dict(
                symbol="o", size=11, pen=hollow_pen("#333333", self.line_width), brush=pg.mkBrush(None))))
        if len(rows) == 1:
            rows.append(LegendRow(self.tr("loading…") if loading else self.tr("none"), kind="text"))
        else:
            rows.append(LegendRow(self.tr("Larger: more killed and injured"), dict(
                symbol="o", size=17, pen=pg.mkPen("#333333", width=0.8), brush=pg.mkBrush(None))))
        self.legend.set_section("incidents", rows)
        self._update_plates()
        self._place_legend()

    def _update_plates(self) -> None:
        """Names stand on white plates wherever incidents are drawn under them."""
        self.site_labels.set_plates("incidents" not in self.hidden and bool(self.incidents.visible.any()))

    def show_movements(self, lines: list[MovementLine]) -> None:
        """The movements drawn on the date (planned dashed, under way solid with its progress, arrived faded)."""
        self.movement_layer.set_lines(lines)
        states = {m.state for m in lines}
        rows = [LegendRow(self.tr("Movements"), kind="heading")] if states else []
        w = self.line_width
        for state, text, style, alpha in (("planned", self.tr("planned"), Qt.PenStyle.DashLine, 255),
                                          ("under-way", self.tr("under way"), Qt.PenStyle.SolidLine, 255),
                                          ("arrived", self.tr("arrived"), Qt.PenStyle.SolidLine, ARRIVED_ALPHA)):
            if state in states:
                color = QColor(MOVEMENT_COLOR)
                color.setAlpha(alpha)
                rows.append(LegendRow(text, dict(pen=cosmetic(color, 2.5 * w, style)), kind="line"))
        self.legend.set_section("movements", rows)

    def show_route(self, key: str, drawing: RouteDrawing | None) -> None:
        """Route `key` ("A" or "B") stretch by stretch in its colours; None takes it off the map."""
        self.route_layer.set_route(key, drawing)
        self._route_legend()

    def set_route_colors(self, key: str, colors: tuple[str, ...]) -> None:
        self.route_layer.set_colors(key, colors)

    def _route_legend(self) -> None:
        if not self.route_layer.routes:
            self.legend.set_section("routes", [])
            return
        rows = [LegendRow(self.tr("Incidents recorded near the route"), kind="heading")]
        rows += [LegendRow(text, dict(pen=cosmetic(color, 5.5 * self.line_width)), kind="line")
                 for text, color in zip(score_labels(), SCORE_COLORS)]
        self.legend.set_section("routes", rows)

    def visible_incident_ids(self) -> np.ndarray:
        return self.incidents.ids[self.incidents.visible]

    def show_readout(self, text: str) -> None:
        self.readout.setText(text)
        self.readout.setVisible(bool(text))

    def show_measurement(self, text: str) -> None:
        self.measure_text.setText(text)

    def show_scale(self, km_per_degree_lon: float) -> None:
        self.scale_bar.set_km_per_degree(km_per_degree_lon)

    def highlight(self, kind: str, ident: str) -> None:
        """Ring the selected site or incident; anything else clears the ring."""
        self.highlighted = (kind, ident)
        rows = np.flatnonzero(self.incidents.ids == ident) if kind == "incident" else ()
        ring = None
        if kind == "site" and ident in self.site_index:
            site = self.sites[self.site_index[ident]]
            ring = (site.lon, site.lat, 44 * self.mark_scale)
        elif len(rows):
            ring = (self.incidents.x[rows[0]], self.incidents.y[rows[0]], 26)
        if ring is None:
            self.highlight_mark.setData(x=[], y=[])
        else:
            self.highlight_mark.setData(x=[ring[0]], y=[ring[1]], size=ring[2])
        self.site_labels.set_ring(ring)  # site names keep clear of the ring
        self.basemap.update()  # and the towns' names of the site names
        self.movement_layer.set_selected(ident if kind == "movement" else "")

    # -------------------------------------------------------------- user layers

    def add_vector_layer(self, layer_id: str, data: VectorData) -> None:
        self.remove_layer(layer_id)
        color = QColor(USER_COLORS[len([k for k in self.layers if k.startswith("user:")]) % len(USER_COLORS)])
        if data.rings:
            fill = QGraphicsPathItem(rings_path(data.rings))
            fill.setBrush(QColor(color.red(), color.green(), color.blue(), 50))
            fill.setPen(pg.mkPen(None))
            self._add(layer_id, fill, 14)
        if data.lines is not None and len(data.lines.x):
            curve = pg.PlotCurveItem(data.lines.x, data.lines.y, connect=data.lines.connect,
                                     pen=cosmetic(color, 1.5), antialias=True)
            self._add(layer_id, curve, 15)
        if data.points is not None and len(data.points[0]):
            self._add(layer_id, pg.ScatterPlotItem(x=data.points[0], y=data.points[1], size=7, symbol="s",
                                                   pen=pg.mkPen("#ffffff"), brush=pg.mkBrush(color)), 16)
        self.layers.setdefault(layer_id, [])

    def show_tiles(self, layer_id: str, tiles: list[Tile]) -> None:
        """Raster tiles of a user's MBTiles layer, drawn over the land and under every line."""
        self.basemap.show_tiles(layer_id, tiles)
        self.basemap.set_layer_visible(layer_id, layer_id not in self.hidden)

    def remove_layer(self, layer_id: str) -> None:
        for item in self.layers.pop(layer_id, []):
            self.box.removeItem(item)
        self.basemap.remove_tiles(layer_id)

    def set_layer_visible(self, layer_id: str, visible: bool) -> None:
        (self.hidden.discard if visible else self.hidden.add)(layer_id)
        for item in self.layers.get(layer_id, []):
            item.setVisible(visible)
        self.basemap.set_layer_visible(layer_id, visible)
        if layer_id in ("sites", "incidents", "movements", "routes"):
            self.legend.set_section_visible(layer_id, visible)
        self._update_plates()
        self._update_level_of_detail()

    def set_legend_visible(self, visible: bool) -> None:
        self.legend.setVisible(visible)
        self._place_legend()

    def set_legend_collapsed(self, collapsed: bool) -> None:
        """Fold the legend to its title row (the user's choice, remembered by app/) or open it."""
        self.legend.collapsed = collapsed
        self._place_legend()

    def _legend_toggled(self, collapsed: bool) -> None:
        self._place_legend()
        self.legend_collapsed.emit(collapsed)

    # -------------------------------------------------------------- keeping the overlays off the sites

    def _overlay_rects(self) -> list[QRectF]:
        """The visible overlays (legend, north arrow, scale bar, attribution) in the view's pixels."""
        return [QRectF(self.graphics.mapFromScene(o.sceneBoundingRect()).boundingRect())
                for o in (self.legend, self.north, self.scale_bar, self.attribution) if o.isVisible() and o.size()[0]]

    def _site_areas(self) -> list[QRectF]:
        """Each site's mark with room for its name on either side, and a name's row above and below (where the
        names of a crowded cluster go), in the view box's coordinates."""
        if not self.sites or "sites" in self.hidden:
            return []
        rects, out = self.site_labels.labeller.rects(), []
        for site, half, rect in zip(self.sites, self._mark_halves(), rects):
            at = self.box.mapFromView(QPointF(site.lon, site.lat))
            w, h = rect.width() + 10, max(half, rect.height() / 2 + 3) + rect.height() + 4
            out.append(QRectF(at.x() - half - w, at.y() - h, 2 * (half + w), 2 * h))
        return out

    def _place_legend(self, *_args) -> None:
        """The legend in the first corner where it covers no site and no site's name, nor another overlay;
        smaller if it must; folded to its title row where it fits nowhere open (or when the user folded it)."""
        legend, room = self.legend, self.box.boundingRect()
        if not legend.isVisible() or room.width() <= 0:
            if self._legend_at != QRectF():
                self._legend_at = QRectF()
                self.site_labels.changed()
                self.basemap.update()
            return
        keep = self._site_areas() + [o.mapRectToParent(o.boundingRect()) for o in (self.north, self.scale_bar,
                                                                                     self.attribution)]

        def clear(rect: QRectF) -> bool:
            return room.contains(rect) and not any(rect.intersects(k) for k in keep)

        # one column; else two, side by side (lower: a wide, low map has room for it), before it gets smaller
        choices = [] if legend.collapsed else [(c, k, False, n) for k in LEGEND_SCALES for n in (1, 2)
                                               for c in CORNERS]
        choices += [(c, 1.0, True, 1) for c in CORNERS]
        chosen = next((c for c in choices if clear(legend.rect_at(*c))), None)
        if chosen is None:  # no room clear of the sites even folded (a tiny map): folded, as small as it takes
            w, h = legend.full_size(True)
            chosen = ((0, 0), min(1.0, max(0.1, (room.width() - 20) / max(w, 1), 0.1)), True, 1)
        legend.place_at(*chosen)
        where = legend.mapRectToParent(legend.boundingRect()) if legend.isVisible() else QRectF()
        if where != self._legend_at:  # the names (and the towns' around them) make room for it again
            self._legend_at = where
            self.site_labels.changed()
            self.basemap.update()

    def layer_visible(self, layer_id: str) -> bool:
        return layer_id not in self.hidden

    # -------------------------------------------------------------- navigation

    def zoom_to(self, bbox: tuple[float, float, float, float]) -> None:
        """Show lon_min, lat_min, lon_max, lat_max, with lon/lat in the right proportion."""
        lon0, lat0, lon1, lat1 = map(float, bbox)
        # pyqtgraph's ratio is x pixels per unit over y pixels per unit: a degree of longitude
        # is cos(latitude) times as long as a degree of latitude.
        self.box.setAspectLocked(True, aspect_of(bbox))
        self.box.setRange(xRange=(lon0, lon1), yRange=(lat0, lat1), padding=PADDING)

    def view_bbox(self) -> tuple[float, float, float, float]:
        (x0, x1), (y0, y1) = self.box.viewRange()
        return x0, y0, x1, y1

    def zoom(self, factor: float) -> None:
        """factor > 1 zooms in."""
        self.box.scaleBy((1 / factor, 1 / factor))

    def pan(self, dx: float, dy: float) -> None:
        """Move by fractions of the view (dx east, dy north)."""
        x0, y0, x1, y1 = self.view_bbox()
        self.box.translateBy(x=dx * (x1 - x0), y=dy * (y1 - y0))

    def set_tool(self, tool: str) -> None:
        """"pan" (drag), "measure" (click two points), "pick" (click one position) or "route" (click the points
        of a route, Enter or Esc to end it)."""
        self.tool = tool
        self.measure_points = []
        if tool != "measure":
            self.measure_line.setData([], [])
            self.measure_text.setText("")
        cursor = Qt.CursorShape.ArrowCursor if tool == "pan" else Qt.CursorShape.CrossCursor
        self.graphics.viewport().setCursor(cursor)
        self.tool_changed.emit(tool)

    @staticmethod
    def key_help() -> list[tuple[str, str]]:
        """The map's own keys while it has the focus, as (what, keys), for Help > Keyboard shortcuts."""
        translate = QCoreApplication.translate
        return [(translate("MapView", "Pan the map"),
                 _keys(Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down)),
                (translate("MapView", "Zoom the map in"), _keys(Qt.Key.Key_Plus, Qt.Key.Key_Equal)),
                (translate("MapView", "Zoom the map out"), _keys(Qt.Key.Key_Minus)),
                (translate("MapView", "Stop measuring or picking a position"), _keys(Qt.Key.Key_Escape)),
                (translate("MapView", "End the route being drawn"), _keys(Qt.Key.Key_Return, Qt.Key.Key_Escape))]

    def keyPressEvent(self, ev):
        key = ev.key()
        moves = {Qt.Key.Key_Left: (-PAN_STEP, 0), Qt.Key.Key_Right: (PAN_STEP, 0),
                 Qt.Key.Key_Up: (0, PAN_STEP), Qt.Key.Key_Down: (0, -PAN_STEP)}
        if key in moves:
            self.pan(*moves[key])
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(ZOOM_STEP)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom(1 / ZOOM_STEP)
        elif self.tool == "route" and key in (Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.set_tool("pan")
            self.route_finished.emit()
        elif key == Qt.Key.Key_Escape and self.tool != "pan":
            self.set_tool("pan")
        else:
            super().keyPressEvent(ev)

    # -------------------------------------------------------------- mouse

    def scene_to_lonlat(self, scene_pos) -> QPointF:
        return self.box.mapSceneToView(scene_pos)

    def lonlat_to_widget(self, lon: float, lat: float) -> QPointF:
        """Where (lon, lat) is in self.graphics.viewport() pixels (for tests and tooltips)."""
        return QPointF(self.graphics.mapFromScene(self.box.mapViewToScene(QPointF(lon, lat))))

    def _mouse_moved(self, scene_pos) -> None:
        if not self.box.sceneBoundingRect().contains(scene_pos):
            return
        pos = self.scene_to_lonlat(scene_pos)
        self.cursor_moved.emit(pos.y(), pos.x())
        if self.tool == "measure" and len(self.measure_points) == 1:
            a = self.measure_points[0]
            self.measure_line.setData([a.x(), pos.x()], [a.y(), pos.y()])
        self.hover_at = pos
        self.hover_timer.start()

    def _hover_tip(self) -> None:
        """The incident under a mouse that rested (a hit test costs ~10 ms at a million incidents)."""
        index = self._incident_at(self.hover_at)
        self.graphics.setToolTip(self._incident_tip(index) if index >= 0 else "")

    def _mouse_clicked(self, ev) -> None:
        if ev.button() == Qt.MouseButton.RightButton and "sites" not in self.hidden:
            site = self.site_at(ev.scenePos())
            if site:
                self.site_menu_requested.emit(site, ev.screenPos().toPoint())
        if ev.button() != Qt.MouseButton.LeftButton:
            return
        pos = self.scene_to_lonlat(ev.scenePos())
        if self.tool == "pick":
            self.set_tool("pan")
            self.position_picked.emit(pos.y(), pos.x())
        elif self.tool == "measure":
            self._measure_click(pos)
        elif self.tool == "route":
            self.route_clicked.emit(pos.y(), pos.x())
        elif not ev.isAccepted():
            index = self._incident_at(pos)
            if index >= 0:
                self.incident_clicked.emit(str(self.incidents.ids[index]))

    def _measure_click(self, pos: QPointF) -> None:
        if len(self.measure_points) != 1:
            self.measure_points = [pos]
            self.measure_line.setData([pos.x()], [pos.y()])
            self.measure_text.setText("")
            return
        a = self.measure_points[0]
        self.measure_points.append(pos)
        self.measure_line.setData([a.x(), pos.x()], [a.y(), pos.y()])
        self.measure_text.setPos((a.x() + pos.x()) / 2, (a.y() + pos.y()) / 2)
        self.measure_requested.emit(a.y(), a.x(), pos.y(), pos.x())

    def site_at(self, scene_pos) -> str:
        """The site whose symbol is under a scene position ("" for none)."""
        points = self.site_marks.pointsAt(self.scene_to_lonlat(scene_pos))
        return str(points[0].data()) if len(points) else ""

    def _site_item_clicked(self, item, points, ev) -> None:
        if self.tool == "pan" and len(points):
            self.site_clicked.emit(str(points[0].data()))

    def _incident_at(self, pos: QPointF) -> int:
        if "incidents" in self.hidden or not len(self.incidents.ids):
            return -1
        px_w, px_h = self.box.viewPixelSize()
        return self.incidents.index_at(pos.x(), pos.y(), px_w, px_h)

    def _incident_tip(self, i: int) -> str:
        style = self.incidents.styles[self.incidents.type_index[i]]
        day = date.fromordinal(int(self.incidents.day[i]))
        return self.tr("{0}, {1}: {2} killed or injured").format(style.label, self.long_date(day),
                                                                  int(self.incidents.casualties[i]))

    def _site_tip(self, x, y, data) -> str:
        site = self.sites[self.site_index[data]] if data in self.site_index else None
        if site is None:
            return ""
        shown = self.statuses.get(site.id)
        recorded = self.tr(" (recorded in the field)") if shown is not None and shown.record is not None else ""
        return f"{site.name.get(self.lang)}: {status_label(self.site_status(site.id))}{recorded}"

    def _range_changed(self, *args) -> None:
        self._update_level_of_detail()
        self._size_marks()
        self._place_legend()
        self.range_changed.emit(*self.view_bbox())

    def _update_level_of_detail(self) -> None:
        """The Nouakchott states stand out only in a regional view (wider than Mali and its neighbours)."""
        x0, _, x1, _ = self.view_bbox()
        regional = bool(x1 - x0 > 30)
        self.basemap.set_layer_visible("nouakchott", regional and "nouakchott" not in self.hidden)
        self.legend.set_section_visible("nouakchott", regional and "nouakchott" not in self.hidden)


def _keys(*keys) -> str:
    """Key names as the platform writes them (translated by Qt's own catalogue), e.g. "Left, Right"."""
    return ", ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
