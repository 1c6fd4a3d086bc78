"""Drawing helpers of the timeline: the lanes, bars, markers and labels (dates on x: widgets/dates.py)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QGraphicsRectItem

from db.scenario.schema import Scenario
from db.vocab import SITE_STATUS_LABELS
from widgets.dates import DAY, EPOCH, MONDAY, edge, fmt, x_of
from widgets.status_style import STATUS_COLORS

PHASES = 1.6  # height of the phase lane: two lines of names
PHASE_COLORS = ("#C6DDF0", "#A3C8E8", "#7FB2DE", "#639FD4", "#D9D9D9")
EVENT_STYLE = {  # kind -> (symbol, colour)
    "handover": ("s", "#009E73"), "attack": ("t", "#D55E00"), "directive": ("p", "#0072B2"),
    "figure": ("h", "#56B4E9"), "meeting": ("o", "#CC79A7"), "milestone": ("d", "#E69F00"),
    "operation": ("star", "#555555"),
}
EARLY, ON_TIME, LATE = "#56B4E9", "#009E73", "#E69F00"


def kind_label(kind: str) -> str:
    labels = {
        "handover": QCoreApplication.translate("TimelineView", "Handover"),
        "attack": QCoreApplication.translate("TimelineView", "Attack"),
        "directive": QCoreApplication.translate("TimelineView", "Directive"),
        "figure": QCoreApplication.translate("TimelineView", "Figures"),
        "meeting": QCoreApplication.translate("TimelineView", "Meeting"),
        "milestone": QCoreApplication.translate("TimelineView", "Milestone"),
        "operation": QCoreApplication.translate("TimelineView", "Operation"),
    }
    return labels.get(kind, kind)


@dataclass(frozen=True)
class Lanes:
    """Rows from the top: phases (two text lines), one per site, events, movements, incidents, regional context."""

    sites: tuple[str, ...]

    @classmethod
    def of(cls, scenario: Scenario) -> Lanes:
        return cls(tuple(s.id for s in scenario.sites))

    phases = (0.0, PHASES)

    def site(self, site_id: str) -> tuple[float, float]:
        return self.row(self.sites.index(site_id))

    def row(self, n: int) -> tuple[float, float]:
        """Row n below the phases: the sites, then events (len(sites)), movements, incidents, regional context."""
        return PHASES + n, PHASES + n + 1

    @property
    def events(self):
        return self.row(len(self.sites))

    @property
    def movements(self):
        return self.row(len(self.sites) + 1)

    @property
    def incidents(self):
        return self.row(len(self.sites) + 2)

    @property
    def regional(self):
        return self.row(len(self.sites) + 3)

    @property
    def height(self) -> float:
        return self.regional[1]

    def site_at(self, y: float) -> str | None:
        i = int(np.floor(y - PHASES))
        return self.sites[i] if 0 <= i < len(self.sites) else None

    def ticks(self, scenario: Scenario, lang: str) -> list[tuple[float, str]]:
        rows = [(self.phases, QCoreApplication.translate("TimelineView", "Phases"))]
        rows += [(self.site(s.id), s.name.get(lang)) for s in scenario.sites]
        rows += [(self.events, QCoreApplication.translate("TimelineView", "Events")),
                 (self.movements, QCoreApplication.translate("TimelineView", "Movements")),
                 (self.incidents, QCoreApplication.translate("TimelineView", "Incidents")),
                 (self.regional, QCoreApplication.translate("TimelineView", "Regional context"))]
        return [((top + bottom) / 2, text) for (top, bottom), text in rows]


def bar(x0: float, x1: float, y0: float, y1: float, color: str, tip: str = "", pen=None,
        brush: QBrush | None = None, width: float = 1.0) -> QGraphicsRectItem:
    """A rectangle over [x0, x1] x [y0, y1]; its outline (a darker shade) `width` pixels wide."""
    item = QGraphicsRectItem(QRectF(x0, y0, x1 - x0, y1 - y0))
    item.setBrush(brush or QBrush(QColor(color)))
    item.setPen(pen or pg.mkPen(QColor(color).darker(140), width=width))
    item.setToolTip(tip)
    return item


def label(text: str, font: QFont, anchor=(0, 0.5), color="#111111", fill=None) -> pg.TextItem:
    """A text; with `fill`, on a box of that colour just around it (legible where it overflows a bar)."""
    item = pg.TextItem(text, color=color, anchor=anchor, fill=fill)
    item.setFont(font)
    item.textItem.document().setDocumentMargin(1)  # the box hugs the text: a text fits its row
    item.updateTextPos()
    return item


def ink_on(background: str) -> str:
    """Black or white text, whichever stands out more on `background` (WCAG relative luminance)."""
    channels = [c / 255 for c in QColor(background).getRgb()[:3]]
    r, g, b = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return "#111111" if 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.179 else "white"


def markers(spots: list[dict], width: float = 1.0) -> pg.ScatterPlotItem:
    """Clickable, hoverable markers; each spot's data is (kind, id, tooltip html)."""
    item = pg.ScatterPlotItem(hoverable=True, tip=lambda x, y, data: data[2], hoverSize=15,
                              hoverPen=pg.mkPen("k", width=2 * width))
    item.setData(spots)
    return item


def deadline_line(deadline, lang: str, locale, font: QFont, width: float = 1.0) -> pg.InfiniteLine:
    """A dashed vertical line, its label (cut short) in the bottom lane, the full text as tooltip."""
    text = deadline.label.get(lang)
    short = text if len(text) <= 32 else text[:31].rstrip() + "…"
    pen = pg.mkPen("#D55E00", width=2 * width, style=Qt.PenStyle.DashLine)
    line = pg.InfiniteLine(x_of(deadline.date), angle=90, pen=pen,
                           label=short, labelOpts=dict(position=0.99, anchors=[(0, 1), (0, 1)], color="#A03C00"))
    line.label.setFont(font)
    line.label.setToolTip(f"<b>{fmt(locale, deadline.date)}</b>: {text}")
    line.setToolTip(line.label.toolTip())
    return line


def overdue_brush() -> QBrush:
    return QBrush(QColor("#D55E00"), Qt.BrushStyle.BDiagPattern)


def incident_bars(days: np.ndarray, colors: np.ndarray, weekly: bool, lane: tuple[float, float]) -> pg.BarGraphItem:
    """Counts per day (or per week from Monday), stacked by colour, scaled to the lane's height."""
    width = 7 if weekly else 1
    bins = (days - EPOCH - (MONDAY if weekly else 0)) // width
    palette, color_index = np.unique(colors, return_inverse=True)
    keys, counts = np.unique(bins * len(palette) + color_index, return_counts=True)
    bins, colours = keys // len(palette), keys % len(palette)
    totals = np.bincount(np.unique(bins, return_inverse=True)[1], weights=counts)
    below = np.concatenate([[0], np.cumsum(counts)[:-1]])
    first = np.concatenate([[True], bins[1:] != bins[:-1]])
    below -= np.maximum.accumulate(np.where(first, below, 0))
    scale = (lane[1] - lane[0]) * 0.85 / max(totals.max(initial=1), 1)
    x0 = (bins * width + (MONDAY if weekly else 0)) * DAY
    bottom = lane[1] - 0.05
    brushes = [pg.mkBrush(palette[c]) for c in colours]
    return pg.BarGraphItem(x0=x0, x1=x0 + width * DAY, y0=bottom - below * scale,
                           y1=bottom - (below + counts) * scale, brushes=brushes, pen=None)


@dataclass
class Fitted:
    """A text shown over the span [x0, x1] only when the visible part of the span is wide enough."""

    item: pg.TextItem
    x0: float
    x1: float
    centred: bool = False
    share: float = 1.0  # how much of the text's width the span must cover
    lane: bool = False  # a text in a site's row: its font shrinks to the row's height, and it hides below that


@dataclass
class Drawing:
    items: list  # plain graphics items, the markers among them
    markers: pg.ScatterPlotItem | None
    fitted: list[Fitted]
    events: dict[str, tuple[float, float]]  # event id -> marker position
    incident_events: dict[str, str]  # incident id -> event id


@dataclass(frozen=True)
class _Ink:
    """What every part of a drawing is drawn with: the scenario, language, locale, font, line width."""

    sc: Scenario
    lang: str
    locale: object
    font: QFont
    width: float
    phase_colors: dict

    @property
    def outline(self):
        return pg.mkPen("k", width=self.width)

    def date(self, day: date) -> str:
        return fmt(self.locale, day)


def draw_scenario(sc: Scenario, lang: str, locale, lanes: Lanes, font: QFont, width: float = 1.0) -> Drawing:
    """Every item of the scenario, its texts in `font` and its lines `width` times their usual width."""
    d = Drawing([], None, [], {}, {})
    ink = _Ink(sc, lang, locale, font, width,
               {p.id: PHASE_COLORS[min(i, len(PHASE_COLORS) - 1)] for i, p in enumerate(sc.phases)})
    spots: list[dict] = []  # the markers, drawn as one item
    _draw_phases(d, ink)
    for site in sc.sites:
        lc = sc.lifecycle(site.id)
        if lc is not None:
            _draw_site(d, spots, ink, lc, lanes.site(site.id))
    _draw_events(d, spots, ink, lanes.events)
    _draw_regional(spots, ink, lanes.regional)
    d.markers = markers(spots, width)
    d.items.append(d.markers)
    return d


def _draw_phases(d: Drawing, ink: _Ink) -> None:
    for i, p in enumerate(ink.sc.phases):
        tip = f"<b>{p.name.get(ink.lang)}</b>: {ink.date(p.start)} – {ink.date(p.end)}<br>{p.description.get(ink.lang)}"
        d.items.append(bar(edge(p.start), edge(p.end) + DAY, 0.05, PHASES - 0.05, ink.phase_colors[p.id], tip,
                           width=ink.width))
        text = label(p.name.get(ink.lang), ink.font, anchor=(0.5, 0.5))
        text.setY(PHASES * (0.28 if i % 2 == 0 else 0.72))
        d.fitted.append(Fitted(text, edge(p.start), edge(p.end) + DAY, centred=True, share=0.6))


def _draw_site(d: Drawing, spots: list, ink: _Ink, lc, lane: tuple[float, float]) -> None:
    """A site's row: its closure window, planned and confirmed handovers, and later roles."""
    translate = QCoreApplication.translate  # the name lupdate reads: translate("Context", "literal")
    top, bottom = lane
    mid = (top + bottom) / 2
    if lc.closure_phase:
        p = ink.sc.phase(lc.closure_phase)
        tip = translate("TimelineView", "Closure window ({0}): {1} – {2}").format(
            p.name.get(ink.lang), ink.date(p.start), ink.date(p.end))
        d.items.append(bar(edge(p.start), edge(p.end) + DAY, top + 0.2, bottom - 0.2, ink.phase_colors[p.id], tip,
                           width=ink.width))
        due = lc.planned_handover or p.end
        if lc.planned_handover:
            spots.append(dict(pos=(x_of(due), mid), symbol="|", size=14, pen=pg.mkPen("k", width=2 * ink.width),
                              data=("site", lc.site, translate("TimelineView", "Planned handover: {0}").format(
                                  ink.date(due)))))
        if lc.confirmed_handover:
            _draw_handover(d, spots, ink, lc, due, mid)
    for role in lc.roles:
        end = edge(role.end or ink.sc.end) + DAY
        name = translate("Status", SITE_STATUS_LABELS[role.role])
        tip = f"<b>{name}</b>: {ink.date(role.start)}<br>{role.note.get(ink.lang)}"
        color = STATUS_COLORS[role.role]
        d.items.append(bar(edge(role.start), end, top + 0.2, bottom - 0.2, color, tip, width=ink.width))
        text = label(name, ink.font, color=ink_on(color), fill=color)
        text.setPos(edge(role.start), mid)
        d.fitted.append(Fitted(text, edge(role.start), end, lane=True))


def _draw_handover(d: Drawing, spots: list, ink: _Ink, lc, due: date, mid: float) -> None:
    """The confirmed handover's diamond, coloured and labelled early, on time or late against `due`."""
    translate = QCoreApplication.translate
    slip = (lc.confirmed_handover - due).days
    early = slip < 0 and lc.planned_handover is not None
    color, note = (EARLY, translate("TimelineView", "{0} days early").format(-slip)) if early else \
        (LATE, translate("TimelineView", "{0} days late").format(slip)) if slip > 0 else (ON_TIME, "")
    tip = translate("TimelineView", "Handover confirmed: {0}").format(ink.date(lc.confirmed_handover))
    spots.append(dict(pos=(x_of(lc.confirmed_handover), mid), symbol="d", size=12, brush=color,
                      pen=ink.outline, data=("site", lc.site, f"{tip} {note}".strip())))
    if note:
        text = label(note, ink.font, anchor=(-0.15, 0.5))
        text.setPos(x_of(max(lc.confirmed_handover, due)), mid)
        d.fitted.append(Fitted(text, text.x(), text.x() + 60 * DAY, lane=True))


def _draw_events(d: Drawing, spots: list, ink: _Ink, lane: tuple[float, float]) -> None:
    top, bottom = lane
    for i, e in enumerate(sorted(ink.sc.events, key=lambda e: e.date)):
        symbol, color = EVENT_STYLE.get(e.kind, ("o", "#777777"))
        pos = (x_of(e.date), (top + bottom) / 2 + (-0.2 if i % 2 else 0.2))
        when = ink.date(e.date) + (f" – {ink.date(e.end)}" if e.end else "")
        tip = f"<b>{when} · {kind_label(e.kind)}</b><br>{e.description.get(ink.lang)}"
        spots.append(dict(pos=pos, symbol=symbol, size=11, brush=color, pen=ink.outline, data=("event", e.id, tip)))
        d.events[e.id] = pos
        if e.incident:
            d.incident_events[e.incident] = e.id


def _draw_regional(spots: list, ink: _Ink, lane: tuple[float, float]) -> None:
    """The regional context: meetings, their dated commitments, recurring meetings."""
    translate = QCoreApplication.translate
    sc, lang = ink.sc, ink.lang
    mid = sum(lane) / 2
    for m in sc.meetings:
        undated = [c.text.get(lang) for c in sc.commitments if c.meeting == m.id and c.due is None]
        tip = f"<b>{ink.date(m.date)} · {m.name.get(lang)}</b><br>{m.place.get(lang)}<br>" + "<br>".join(undated)
        spots.append(dict(pos=(x_of(m.date), mid), symbol="o", size=11, brush=EVENT_STYLE["meeting"][1],
                          pen=ink.outline, data=("", m.id, tip)))
    for c in sc.commitments:
        if c.due:
            tip = translate("TimelineView", "<b>Due {0}</b>: {1}").format(ink.date(c.due), c.text.get(lang))
            spots.append(dict(pos=(x_of(c.due), mid - 0.2), symbol="d", size=10, brush="#F0E442",
                              pen=ink.outline, data=("", c.id, tip)))
    for r in sc.recurring:
        for day in r.occurrences:
            tip = f"<b>{ink.date(day)}</b>: {r.name.get(lang)}"
            spots.append(dict(pos=(x_of(day), mid + 0.2), symbol="t1", size=8, brush="#CC79A7",
                              pen=ink.outline, data=("", r.id, tip)))
