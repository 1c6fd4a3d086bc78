"""The phase timeline: lanes on one date axis and the date cursor that drives the app.

Data in through setters; intent out through signals (dates, steps, Play, selections). The date itself lives
in app/cursor.py: the view asks for a date once per distinct date and moves its cursor only when
`show_date` is called.
"""
from __future__ import annotations

from datetime import date

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPoint, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollBar,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.scenario.schema import Scenario
from widgets.date_field import DateField
from widgets.dates import DAY, DateAxis, day_at, edge, fmt, x_of
from widgets.timeline.movements import MovementBar, movement_items
from widgets.timeline.items import (
    EARLY,
    LATE,
    ON_TIME,
    Fitted,
    Lanes,
    bar,
    deadline_line,
    draw_scenario,
    incident_bars,
    overdue_brush,
)
from widgets.timeline.records import RESCHEDULED, RecordMark, draw_records

DAILY_SPAN = 120 * DAY  # incidents are counted per day below this visible span, per week above
MIN_LANE = 0.75  # text lines: lanes never get thinner; the lanes that do not fit are scrolled to
MIN_LANE_POINTS = 6.0  # a text in a site's row shrinks to the row's height, down to this size; below, it hides


class TimelineView(QWidget):
    """Asks for dates (`date_requested`, with `moving` True for each step of a drag), steps (`step_requested`:
    days, months), the scenario's ends (`jump_requested`: "start" or "end") and Play (`play_requested`,
    `speed_requested`, `loop_requested`); shows what the app decides (`show_date`, `show_playing`)."""

    date_requested = Signal(object, bool)  # datetime.date, moving (a drag under way)
    step_requested = Signal(int, int)  # days, months
    jump_requested = Signal(str)  # "start" | "end"
    play_requested = Signal(bool)
    speed_requested = Signal(int)  # index into the speeds given to set_speeds
    loop_requested = Signal(bool)
    event_selected = Signal(str)
    site_selected = Signal(str)
    movement_selected = Signal(str)
    site_menu_requested = Signal(str, QPoint)  # a right click on a site's row: its id, where (global)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._scenario: Scenario | None = None
        self._lang = "en"
        self._lanes: Lanes | None = None
        self._line_width = 1.0  # times each line's usual width (set_line_width)
        self._requested: date | None = None  # the date last asked for or shown
        self._day: date | None = None  # the date shown
        self._statuses = []
        self._items, self._fitted, self._events, self._incident_events = [], [], {}, {}
        self._bars: tuple = ()
        self._markers = None
        self._lane_points = 0.0  # the size of the texts in the site rows, as fitted to the rows' height (0: hidden)
        self._tails: dict = {}
        self._movement_bars: list[MovementBar] = []
        self._moves: dict = {}  # movement id -> its bar's item
        self._chosen = ""  # the selected movement
        self._limits = (0.0, 0.0)
        self._records: list[RecordMark] = []
        self._record_items: list = []
        self._build_controls()
        self._build_plot()
        self._build_cursor()
        self._build_layout()
        self.setEnabled(False)  # until there is a scenario

    def _build_controls(self) -> None:
        self.date_box = DateField()
        self.date_box.setAccessibleName(self.tr("Current date"))
        self.date_box.date_entered.connect(self._request)
        self.play = QToolButton(checkable=True, toolTip=self.tr("Play the drawdown (pause to stop)"))
        self.play.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.play.toggled.connect(self._play_toggled)
        self.speed = QComboBox(toolTip=self.tr("Playback speed"))
        self.speed.currentIndexChanged.connect(self.speed_requested)
        self.loop = QToolButton(checkable=True, text=self.tr("Loop"), toolTip=self.tr("Start again at the end"))
        self.loop.toggled.connect(self.loop_requested)
        key = " ".join(f'<span style="color:{c}">{glyph}</span>&nbsp;{t.replace(" ", "&nbsp;")}&nbsp;' for c, glyph, t in (
            ("#111111", "|", self.tr("planned handover")), (EARLY, "◆", self.tr("early")),
            (ON_TIME, "◆", self.tr("on time")), (LATE, "◆", self.tr("late")),
            ("#111111", "★", self.tr("recorded")), (RESCHEDULED, "▨", self.tr("new date")),
            ("#D55E00", "▨", self.tr("closure overdue"))))
        self.legend = QLabel(key)
        self.legend.setToolTip(self.tr("★ recorded: a handover recorded in the field (the source document's are "
                                       "diamonds). ▨ new date: the window drawn on to a handover rescheduled by a "
                                       "record."))
        self.legend.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.legend.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # never widens the window
        self._controls = (self.date_box, self.play, self.speed, self.loop,
                          QPushButton(self.tr("Fit drawdown"), clicked=self.fit_drawdown),
                          QPushButton(self.tr("Fit all"), clicked=self.fit_all))
        self._set_play_text(False)

    def _build_plot(self) -> None:
        self.axis = DateAxis(self.locale())
        self.plot = pg.PlotWidget(background="w", axisItems={"bottom": self.axis})
        self.plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        item = self.plot.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.showGrid(x=True, alpha=0.25)
        for name in ("bottom", "left"):
            item.getAxis(name).setTextPen("#111111")
            item.getAxis(name).setPen("#777777")
        item.getAxis("left").setStyle(tickLength=0)
        self.vb = item.getViewBox()
        self.vb.invertY(True)
        self.vb.setMouseEnabled(x=True, y=False)
        self.vb.disableAutoRange()
        self.vb.sigXRangeChanged.connect(self._range_changed)
        self.vb.sigResized.connect(self._range_changed)
        self.vb.sigResized.connect(self._fit_lanes)
        self.lane_bar = QScrollBar(Qt.Orientation.Vertical, toolTip=self.tr("Scroll to the other rows"))
        self.lane_bar.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys move the date; the bar is for the mouse
        self.lane_bar.valueChanged.connect(self._fit_lanes)
        self.lane_bar.hide()
        self.plot.scene().sigMouseClicked.connect(self._scene_clicked)

    def _build_cursor(self) -> None:
        self.cursor = pg.InfiniteLine(angle=90, movable=True, pen=pg.mkPen("#111111", width=2),
                                      hoverPen=pg.mkPen("#D55E00", width=3), label=" ",
                                      labelOpts=dict(position=0.99, anchors=[(0, 1), (1, 1)], color="#111111",
                                                     fill=(255, 255, 255, 220)))  # right of the line, left of it
        # in the view's right half: never cut at the edge
        self.cursor.setZValue(100)
        self.cursor.sigPositionChanged.connect(self._dragged)
        self.cursor.sigPositionChangeFinished.connect(self._drag_finished)
        self.selection = bar(0, 0, 0, 0, "#FFE680")
        self.selection.setZValue(-5)
        self.ring = pg.ScatterPlotItem(symbol="o", size=22, brush=None, pen=pg.mkPen("#111111", width=3))

    def _build_layout(self) -> None:
        self._bar_row = QHBoxLayout()
        for w in self._controls:
            self._bar_row.addWidget(w)
        self._bar_row.insertStretch(4, 0)  # the room between the controls when the key is not there
        self._bar_row.insertWidget(4, self.legend, 1)  # between the controls when it fits on their line
        self._key_on_bar = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(self._bar_row)
        self._key_row = QHBoxLayout()  # else on a line of its own, under them (larger text, narrow window)
        layout.addLayout(self._key_row)
        plot_row = QHBoxLayout()
        plot_row.addWidget(self.plot, 1)
        plot_row.addWidget(self.lane_bar)
        layout.addLayout(plot_row, 1)

    # ---------------------------------------------------------------- setters

    def set_scenario(self, scenario: Scenario, lang: str) -> None:
        """Draw the scenario and open on the drawdown; the cursor waits for `show_date`."""
        self._scenario, self._lang, self._lanes = scenario, lang, Lanes.of(scenario)
        lo, hi = self._limits = edge(scenario.start) - 60 * DAY, edge(scenario.end) + 60 * DAY
        self._draw()
        self.plot.getAxis("left").setTicks([self._lanes.ticks(scenario, lang), []])
        self.vb.setLimits(xMin=lo, xMax=hi, minXRange=7 * DAY, yMin=0, yMax=self._lanes.height)
        self._fit_lanes()
        self.cursor.setBounds((x_of(scenario.start), x_of(scenario.end)))
        self.date_box.set_range(scenario.start, scenario.end)
        self.highlight("", "")
        self.fit_drawdown()
        self.setEnabled(True)

    def set_speeds(self, labels: list[str]) -> None:
        """Play's speeds as the user picks them (their order is what `speed_requested` counts)."""
        with QSignalBlocker(self.speed):
            self.speed.clear()
            self.speed.addItems(labels)

    def show_playing(self, playing: bool) -> None:
        """The Play button as the app's cursor is: playing or paused; emits nothing."""
        with QSignalBlocker(self.play):
            self.play.setChecked(playing)
        self._set_play_text(playing)

    def set_line_width(self, factor: float) -> None:
        """Draw the bars, lines and the cursor `factor` times as wide: 2 in the high-contrast theme."""
        if factor != self._line_width:
            self._line_width = factor
            self._draw()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.FontChange:  # the interface zoom or theme changed
            self._draw()
            self._place_key()
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        self._place_key()

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # a control's size changed (the date shown, the speeds)
            self._place_key()
        return super().event(event)

    def _place_key(self) -> None:
        """The colour key on the controls' line if it fits there on one line, else on its own line."""
        doc = QTextDocument()
        doc.setDefaultFont(self.legend.font())
        doc.setHtml(self.legend.text())
        margins = self.layout().contentsMargins()
        room = self.width() - margins.left() - margins.right() - self._bar_row.spacing() * (len(self._controls) + 1)
        fits = doc.idealWidth() + 2 * self.legend.margin() + sum(w.sizeHint().width() for w in self._controls) <= room
        if fits == self._key_on_bar:
            return
        self._key_on_bar = fits
        self.legend.setWordWrap(not fits)  # on its own line it may still wrap between entries
        if fits:
            self._key_row.removeWidget(self.legend)
            self._bar_row.insertWidget(4, self.legend, 1)
        else:
            self._bar_row.removeWidget(self.legend)
            self._key_row.addWidget(self.legend, 1)

    def _draw(self) -> None:
        """The scenario's items in the widget's font (it follows the interface zoom) and line width."""
        font, w = self.font(), self._line_width
        for name in ("bottom", "left"):
            self.plot.getAxis(name).setTickFont(font)
        self.cursor.setPen(pg.mkPen("#111111", width=2 * w))
        self.cursor.setHoverPen(pg.mkPen("#D55E00", width=3 * w))
        self.cursor.label.setFont(font)
        self.selection.setPen(pg.mkPen(QColor("#FFE680").darker(140), width=w))
        self.ring.setPen(pg.mkPen("#111111", width=3 * w))
        for item in self._items:
            self.plot.removeItem(item)
        self._items = []
        scenario, lanes = self._scenario, self._lanes
        if scenario is None:
            return
        drawing = draw_scenario(scenario, self._lang, self.locale(), lanes, font, w)
        self._events, self._incident_events = drawing.events, drawing.incident_events
        lo, hi = self._limits
        shades = [bar(lo, hi, top, bottom, "#F3F3F3", pen=pg.mkPen(None))
                  for n, (top, bottom) in enumerate(map(lanes.site, lanes.sites)) if n % 2]
        for s in shades:
            s.setZValue(-10)
        self._tails = {s: bar(0, 0, 0, 0, "#D55E00", brush=overdue_brush(), width=w) for s in lanes.sites}
        deadlines = [deadline_line(d, self._lang, self.locale(), font, w) for d in scenario.deadlines]
        xs = [line.value() for line in deadlines] + [hi]
        self._fitted = drawing.fitted + [Fitted(line.label, line.value(), min(x for x in xs if x > line.value()))
                                         for line in deadlines]
        self._items = (shades + drawing.items + [f.item for f in drawing.fitted] + deadlines
                       + list(self._tails.values()) + [self.selection, self.ring, self.cursor])
        for item in self._items:
            self.plot.addItem(item)
        self._markers = drawing.markers
        self._markers.sigClicked.connect(self._marker_clicked)
        self._moves = {}
        self._draw_movements()
        self._record_items = []
        self._draw_records()
        self._draw_tails()
        self._lane_points = -1.0  # new texts: fitted to the rows afresh
        self._range_changed()
        self._fit_lanes()

    def set_incident_counts(self, days: np.ndarray, colors: np.ndarray) -> None:
        """Incidents of the log: their dates (ordinals) and one colour ("#RRGGBB") each."""
        for item in self._bars:
            self.plot.removeItem(item)
        self._bars = ()
        if self._lanes is not None and len(days):
            self._bars = tuple(incident_bars(np.asarray(days), np.asarray(colors), weekly, self._lanes.incidents)
                               for weekly in (False, True))
            for item in self._bars:
                self.plot.addItem(item)
            self._range_changed()

    def set_movements(self, bars: list[MovementBar]) -> None:
        """The movements lane: one bar per movement (widgets/timeline/movements.py)."""
        self._movement_bars = list(bars)
        self._draw_movements()

    def _draw_movements(self) -> None:
        for item in self._moves.values():
            self.plot.removeItem(item)
        self._moves = {}
        if self._lanes is None:
            return
        self._moves = movement_items(self._movement_bars, self._lanes.movements, self._line_width)
        self._move_pens = {ident: item.pen() for ident, item in self._moves.items()}
        for item in self._moves.values():
            self.plot.addItem(item)
        self._mark_movement()

    def _mark_movement(self) -> None:
        """The selected movement's bar outlined in black, over the others."""
        for ident, item in self._moves.items():
            chosen = ident == self._chosen
            item.setZValue(5 if chosen else 0)
            item.setPen(pg.mkPen("#111111", width=3 * self._line_width) if chosen else self._move_pens[ident])

    def movement_at(self, x: float, y: float) -> str | None:
        """The movement whose bar is at (x, y) in the plot's coordinates."""
        return next((ident for ident, item in self._moves.items() if item.rect().contains(x, y)), None)

    def show_records(self, marks: list[RecordMark]) -> None:
        """What the site records add: recorded handovers (stars) and rescheduled handovers."""
        self._records = list(marks)
        self._draw_records()

    def _draw_records(self) -> None:
        for item in self._record_items:
            self.plot.removeItem(item)
        self._record_items = [] if self._lanes is None else draw_records(self._records, self._lanes, self._line_width)
        for item in self._record_items:
            self.plot.addItem(item)
            if isinstance(item, pg.ScatterPlotItem):
                item.sigClicked.connect(self._marker_clicked)

    def record_marks(self) -> list[RecordMark]:
        """The record marks shown (for tests)."""
        return list(self._records)

    def show_date(self, day: date) -> None:
        """Move the cursor to the app's current date; emits nothing."""
        self._day = self._requested = day
        self._place(day)
        (lo, hi), x = self.vb.viewRange()[0], x_of(day)
        if not self.cursor.moving and not lo <= x <= hi:
            self.vb.translateBy(x=x - (lo + hi) / 2)
        self._draw_tails()

    def show_statuses(self, statuses) -> None:
        """The sites' statuses on the shown date (db.status.SiteStatus); overdue closures get a tail."""
        self._statuses = list(statuses)
        self._draw_tails()

    def highlight(self, kind: str, ident: str) -> None:
        """Show the app's selection: a site's row or an event's marker ("", "" clears)."""
        shown = kind == "site" and self._lanes is not None and ident in self._lanes.sites
        self.selection.setVisible(shown)
        if shown:
            top, bottom = self._lanes.site(ident)
            lo, hi = self._limits
            self.selection.setRect(lo, top, hi - lo, bottom - top)
            y0, y1 = self.vb.viewRange()[1]
            if top < y0 or bottom > y1:  # scrolled out of view
                self.lane_bar.setValue(round(10 * (top if top < y0 else bottom - (y1 - y0))))
        self._chosen = ident if kind == "movement" else ""
        self._mark_movement()
        event = ident if kind == "event" else self._incident_events.get(ident) if kind == "incident" else None
        self.ring.setData(pos=[self._events[event]] if event in self._events else [])

    # ---------------------------------------------------------------- view range

    def _fit_lanes(self, *_args) -> None:
        """Every lane when each is at least MIN_LANE text lines high; else those that fit, under a scroll bar."""
        if self._lanes is None or self.vb.height() <= 0:
            return
        total = self._lanes.height
        shown = min(total, self.vb.height() / (MIN_LANE * QFontMetricsF(self.font()).height()))
        hidden = round(10 * (total - shown))  # the bar counts tenths of a lane
        self.lane_bar.setRange(0, hidden)
        self.lane_bar.setPageStep(round(10 * shown))
        self.lane_bar.setVisible(hidden > 0)
        top = self.lane_bar.value() / 10
        self.vb.setYRange(top, top + (shown if hidden > 0 else total), padding=0)
        self._fit_lane_texts(self.vb.height() / (shown if hidden > 0 else total))

    def _fit_lane_texts(self, lane_px: float) -> None:
        """The texts in the site rows ("liquidation hub", "2 days early") in a font whose line, and the box around
        it, fit one row: never over the next row's text, never cut by it. Too small to read: hidden."""
        font = QFont(self.font())
        points = font.pointSizeF()
        while points > MIN_LANE_POINTS and _box_height(font) > lane_px:
            points -= 0.25
            font.setPointSizeF(points)
        points = points if _box_height(font) <= lane_px else 0.0
        if points != self._lane_points:
            self._lane_points = points
            for f in self._fitted:
                if f.lane and points:
                    f.item.setFont(font)
            self._range_changed()

    def fit_drawdown(self) -> None:
        m = self._scenario.mission
        self.vb.setXRange(edge(m.view_start), edge(m.view_end) + DAY, padding=0)

    def fit_all(self) -> None:
        self.vb.setXRange(edge(self._scenario.start), edge(self._scenario.end) + DAY, padding=0.01)

    def _range_changed(self, *_args) -> None:
        lo, hi = self.vb.viewRange()[0]
        per_px = (hi - lo) / max(self.vb.width(), 1)
        for f in self._fitted:
            a, b = max(f.x0, lo), min(f.x1, hi)
            fits = (b - a) / per_px >= f.share * f.item.boundingRect().width()
            f.item.setVisible(fits and (self._lane_points > 0 or not f.lane))
            if f.centred:
                f.item.setX((a + b) / 2)
        if self._bars:
            self._bars[0].setVisible(hi - lo <= DAILY_SPAN)
            self._bars[1].setVisible(hi - lo > DAILY_SPAN)

    # ---------------------------------------------------------------- the cursor

    def _place(self, day: date) -> None:
        self.cursor.setValue(x_of(day))
        self.cursor.label.setFormat(fmt(self.locale(), day))
        self.cursor.label.valueChanged()
        self.date_box.set_date(day)

    def _request(self, day: date, moving: bool = False) -> None:
        sc = self._scenario
        day = min(max(day, sc.start), sc.end)
        if day != self._requested or not moving:
            self._requested = day
            self.date_requested.emit(day, moving)

    def _dragged(self) -> None:
        if not self.cursor.moving:  # moved by show_date or by its bounds, not by the user
            return
        day = day_at(self.cursor.value())
        self.cursor.label.setFormat(fmt(self.locale(), day))
        if day != self._requested:
            self._request(day, moving=True)

    def _drag_finished(self) -> None:
        if self._requested is not None:
            self._request(self._requested)  # the drag's last date, settled
            self._place(self._requested)

    def key_help(self) -> list[tuple[str, str]]:
        """The timeline's own keys while it has the focus, as (what, keys), for Help > Keyboard shortcuts."""
        def keys(*seqs) -> str:
            return ", ".join(QKeySequence(s).toString(QKeySequence.SequenceFormat.NativeText) for s in seqs)

        shift = Qt.KeyboardModifier.ShiftModifier
        return [(self.tr("One day earlier, one day later"), keys(Qt.Key.Key_Left, Qt.Key.Key_Right)),
                (self.tr("One week earlier, one week later"),
                 keys(shift | Qt.Key.Key_Left, shift | Qt.Key.Key_Right)),
                (self.tr("One month earlier, one month later"), keys(Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)),
                (self.tr("First day, last day of the drawdown"), keys(Qt.Key.Key_Home, Qt.Key.Key_End))]

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt)
        if self._scenario is None:
            return super().keyPressEvent(event)
        week = 7 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1
        steps = {Qt.Key.Key_Left: (-week, 0), Qt.Key.Key_Right: (week, 0),
                 Qt.Key.Key_PageUp: (0, -1), Qt.Key.Key_PageDown: (0, 1)}
        jumps = {Qt.Key.Key_Home: "start", Qt.Key.Key_End: "end"}
        if event.key() in steps:
            self.step_requested.emit(*steps[event.key()])
        elif event.key() in jumps:
            self.jump_requested.emit(jumps[event.key()])
        else:
            super().keyPressEvent(event)

    def _draw_tails(self) -> None:
        overdue = {s.site_id: s for s in self._statuses if s.overdue and s.planned_end}
        for site_id, tail in self._tails.items():
            s = overdue.get(site_id)
            tail.setVisible(s is not None and self._day is not None)
            if tail.isVisible():
                top, bottom = self._lanes.site(site_id)
                x0, x1 = edge(s.planned_end) + DAY, edge(self._day) + DAY
                tail.setRect(x0, top + 0.2, x1 - x0, bottom - top - 0.4)
                tail.setToolTip(self.tr("Closure due: window ended {0}, no confirmed handover by {1}").format(
                    fmt(self.locale(), s.planned_end), fmt(self.locale(), self._day)))

    # ---------------------------------------------------------------- play

    def _set_play_text(self, playing: bool) -> None:
        icon = QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        self.play.setIcon(self.style().standardIcon(icon))
        self.play.setText(self.tr("Pause") if playing else self.tr("Play"))

    def _play_toggled(self, playing: bool) -> None:
        self._set_play_text(playing)
        self.play_requested.emit(playing)

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt)
        if self.play.isChecked():
            self.play_requested.emit(False)
        super().hideEvent(event)

    # ---------------------------------------------------------------- clicks

    def _marker_clicked(self, item, points, event) -> None:
        nearest = min(points, key=lambda p: (item.mapToScene(p.pos()) - event.scenePos()).manhattanLength())
        kind, ident, _tip = nearest.data()
        if kind == "event":
            self.event_selected.emit(ident)
        elif kind == "site":
            self.site_selected.emit(ident)

    def _scene_clicked(self, event) -> None:
        if self._lanes is None:
            return
        at = self.vb.mapSceneToView(event.scenePos())
        site = self._lanes.site_at(at.y())
        if event.button() == Qt.MouseButton.RightButton and site is not None:
            self.site_menu_requested.emit(site, event.screenPos().toPoint())
            return
        if event.isAccepted() or event.button() != Qt.MouseButton.LeftButton:
            return
        movement = self.movement_at(at.x(), at.y())
        if movement is not None:
            self.movement_selected.emit(movement)
            return
        if site is not None:
            self.site_selected.emit(site)


def _box_height(font: QFont) -> float:
    """The height of a text's box in a site's row as the label draws it (its line, leading included, and the
    document's margin of 1 px above and below), not the font's nominal height."""
    document = QTextDocument()
    document.setDefaultFont(font)
    document.setDocumentMargin(1)
    document.setPlainText("Xg")
    return document.size().height()
