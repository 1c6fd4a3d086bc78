"""The timeline on its own: it asks for dates once per distinct date, asks for steps and Play, and shows what
it is told (the date itself and Play's clock live in app/cursor.py: tests/app/test_cursor.py)."""
from datetime import date

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsRectItem

from db.status import statuses_on
from tests.widgets import pg_mouse
from widgets.dates import DAY, day_at, x_of
from widgets.timeline.view import TimelineView


@pytest.fixture
def fast_mouse():
    """pyqtgraph drops mouse moves closer than its rate limit; tests send them back to back."""
    old = pg.getConfigOption("mouseRateLimit")
    pg.setConfigOption("mouseRateLimit", -1)
    yield
    pg.setConfigOption("mouseRateLimit", old)


@pytest.fixture
def view(qtbot, scenario, fast_mouse):
    v = TimelineView()
    qtbot.addWidget(v)
    v.set_scenario(scenario, "en")
    v.resize(1600, 400)
    v.show()
    qtbot.waitExposed(v)
    v.plot.scene().minDragTime = 0
    v.show_date(date(2023, 8, 1))
    return v


def requests(view):
    """(date, moving) of every date the view asks for."""
    seen = []
    view.date_requested.connect(lambda day, moving: seen.append((day, moving)))
    return seen


def drag_cursor(view, start: date, days: int, moves_per_day: int = 3):
    """Drag the cursor line from `start` by `days`, several mouse moves inside each day."""
    y = np.mean(view._lanes.site("kidal"))
    pos = pg_mouse.to_viewport(view.plot, x_of(start), y)
    pg_mouse.press(view.plot, pos)
    for i in range(1, days * moves_per_day + 1):
        pg_mouse.move(view.plot, pg_mouse.to_viewport(view.plot, x_of(start) + i * DAY / moves_per_day, y))
    return pos, pg_mouse.to_viewport(view.plot, x_of(start) + days * DAY, y)


def test_set_scenario_emits_nothing(qtbot, scenario):
    v = TimelineView()
    qtbot.addWidget(v)
    with qtbot.assertNotEmitted(v.date_requested):
        v.set_scenario(scenario, "en")
        v.show()
        v.set_scenario(scenario, "fr")


def test_show_date_emits_nothing(qtbot, view, scenario):
    with qtbot.assertNotEmitted(view.date_requested), qtbot.assertNotEmitted(view.site_selected):
        view.show_date(date(2023, 9, 15))
        view.show_statuses(statuses_on(scenario, date(2023, 9, 15)))
        view.show_date(date(2023, 9, 15))
    assert day_at(view.cursor.value()) == date(2023, 9, 15)
    assert view.date_box.date() == date(2023, 9, 15) and view.date_box.text() == "15 Sept 2023"


def test_drag_asks_once_per_distinct_day_then_settles_on_release(qtbot, view):
    seen = requests(view)
    _, end = drag_cursor(view, date(2023, 8, 1), 30)
    assert seen == [(date(2023, 8, d), True) for d in range(2, 32)]
    pg_mouse.release(view.plot, end)
    assert seen[-1] == (date(2023, 8, 31), False) and len(seen) == 31  # the last date, once more, settled
    assert day_at(view.cursor.value()) == date(2023, 8, 31)
    assert not view.cursor.moving


@pytest.mark.parametrize("key, shift, expected", [
    (Qt.Key.Key_Right, False, (1, 0)), (Qt.Key.Key_Left, False, (-1, 0)),
    (Qt.Key.Key_Right, True, (7, 0)), (Qt.Key.Key_Left, True, (-7, 0)),
    (Qt.Key.Key_PageDown, False, (0, 1)), (Qt.Key.Key_PageUp, False, (0, -1)),
])
def test_keys_ask_for_steps(qtbot, view, key, shift, expected):
    modifier = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    with qtbot.waitSignal(view.step_requested) as blocker, qtbot.assertNotEmitted(view.date_requested):
        qtbot.keyClick(view, key, modifier)
    assert blocker.args == list(expected)


@pytest.mark.parametrize("key, expected", [(Qt.Key.Key_Home, "start"), (Qt.Key.Key_End, "end")])
def test_home_and_end_ask_for_the_ends(qtbot, view, key, expected):
    with qtbot.waitSignal(view.jump_requested) as blocker:
        qtbot.keyClick(view, key)
    assert blocker.args == [expected]


def type_date(qtbot, box, text: str, then=Qt.Key.Key_Return) -> None:
    """Select what the box shows, type over it (key events carrying each character: QTest's keyClicks aborts
    on "é"), press Enter (or `then`): as a user does."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    box.setFocus()
    box.selectAll()
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(box, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
    qtbot.keyClick(box, then)


@pytest.mark.parametrize("text, expected", [
    ("2023-08-15", date(2023, 8, 15)),  # ISO: ignored before
    ("20 Dec 2023", date(2023, 12, 20)),  # as the box shows it: gave 20 Aug 2023
    ("5 Jan 2024", date(2024, 1, 5)),  # gave 5 Dec 2024
    ("15 Sep 2023", date(2023, 9, 15)), ("15 Sept 2023", date(2023, 9, 15)),  # "Sep" was refused
    ("15 september 2023", date(2023, 9, 15)), ("Dec 20, 2023", date(2023, 12, 20)), ("20/12/2023", date(2023, 12, 20)),
    ("20 déc. 2023", date(2023, 12, 20)), ("5 janv. 2024", date(2024, 1, 5)), ("15 sept. 2023", date(2023, 9, 15)),
    ("1er août 2023", date(2023, 8, 1)), ("3 juil 2023", date(2023, 7, 3)), ("12 juin 2023", date(2023, 6, 12))])
def test_date_box_takes_iso_and_the_format_it_shows_in_either_language(qtbot, view, text, expected):
    with qtbot.waitSignal(view.date_requested) as blocker:
        type_date(qtbot, view.date_box, text)
    assert blocker.args == [expected, False]
    assert view.date_box.text() == view.date_box.text_of(expected) and not view.date_box.error


@pytest.mark.parametrize("text, reason", [
    ("32 Dec 2023", "Not a date: type it as 2023-08-01 or 1 Aug 2023"), ("ju 2023", "Not a date"),
    ("2023-02-30", "Not a date"), ("tomorrow", "Not a date"),
    ("2040-01-01", "1 Jan 2040 is outside 11 Jan 2013 – 30 Jun 2025")])
def test_date_box_shows_when_it_refuses_an_entry(qtbot, view, text, reason):
    with qtbot.assertNotEmitted(view.date_requested):
        type_date(qtbot, view.date_box, text)
    box = view.date_box
    assert box.error.startswith(reason) and box.toolTip() == box.error and "B00020" in box.styleSheet()
    assert box.text() == text  # kept, to be corrected
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.text() == "1 Aug 2023" and not box.error and box.styleSheet() == ""


def test_date_box_in_french(qtbot, scenario):
    from PySide6.QtCore import QLocale

    v = TimelineView()
    qtbot.addWidget(v)
    v.setLocale(QLocale(QLocale.Language.French, QLocale.Country.France))
    v.set_scenario(scenario, "fr")
    v.show()
    v.show_date(date(2023, 9, 15))
    assert v.date_box.text() == "15 sept. 2023"
    for text, expected in (("20 déc. 2023", date(2023, 12, 20)), ("15 sep 2023", date(2023, 9, 15)),
                           ("2023-08-15", date(2023, 8, 15)), ("20 Dec 2023", date(2023, 12, 20))):
        with qtbot.waitSignal(v.date_requested) as blocker:
            type_date(qtbot, v.date_box, text)
        assert blocker.args == [expected, False]
    with qtbot.assertNotEmitted(v.date_requested):
        type_date(qtbot, v.date_box, "31 févr. 2024")
    assert v.date_box.error  # refused, and said (in the interface language: tests/app/test_ui_french.py)


def test_date_box_calendar_picks_a_date(qtbot, view):
    from PySide6.QtCore import QDate

    view.date_box.show_calendar()
    calendar = view.date_box._calendar
    assert calendar.isVisible() and calendar.selectedDate() == QDate(2023, 8, 1)
    with qtbot.waitSignal(view.date_requested) as blocker:
        calendar.clicked.emit(QDate(2023, 8, 20))
    assert blocker.args == [date(2023, 8, 20), False] and not calendar.isVisible()


def test_play_speed_and_loop_are_asked_for_and_shown(qtbot, view):
    view.set_speeds(["slow", "fast"])
    assert [view.speed.itemText(i) for i in range(view.speed.count())] == ["slow", "fast"]
    with qtbot.waitSignal(view.play_requested) as play:
        view.play.click()
    assert play.args == [True] and view.play.text() == "Pause"
    with qtbot.waitSignal(view.speed_requested) as speed:
        view.speed.setCurrentIndex(1)
    assert speed.args == [1]
    with qtbot.waitSignal(view.loop_requested) as loop:
        view.loop.click()
    assert loop.args == [True]
    with qtbot.assertNotEmitted(view.play_requested):
        view.show_playing(False)  # the app paused: shown, not asked again
    assert not view.play.isChecked() and view.play.text() == "Play"


def test_clicking_an_event_marker_selects_the_event(qtbot, view):
    with qtbot.waitSignal(view.event_selected) as blocker:
        pg_mouse.click(view.plot, pg_mouse.to_viewport(view.plot, *view._events["ber-convoy-attack"]))
    assert blocker.args == ["ber-convoy-attack"]
    tip = next(p.data()[2] for p in view._markers.points() if p.data()[1] == "ber-convoy-attack")
    assert "13 Aug 2023" in tip and "4 peacekeepers injured" in tip


def test_clicking_a_row_selects_the_site(qtbot, view):
    with qtbot.waitSignal(view.site_selected) as blocker, qtbot.assertNotEmitted(view.date_requested):
        pg_mouse.click(view.plot, pg_mouse.to_viewport(view.plot, x_of(date(2024, 3, 1)), np.mean(view._lanes.site("kidal"))))
    assert blocker.args == ["kidal"]


def test_overdue_sites_get_a_tail_up_to_the_cursor(view, scenario):
    day = date(2023, 9, 15)
    view.show_date(day)
    view.show_statuses(statuses_on(scenario, day))
    shown = {site for site, tail in view._tails.items() if tail.isVisible()}
    assert shown == {"goundam", "menaka"}
    rect = view._tails["goundam"].rect()
    assert (day_at(rect.left()), day_at(rect.right() - 1)) == (date(2023, 9, 1), day)
    assert "no confirmed handover" in view._tails["goundam"].toolTip()


def test_highlight_shows_the_selection(view):
    view.highlight("site", "ber")
    assert view.selection.isVisible()
    view.highlight("incident", "c90d210a-97fc-5eb3-be70-fa237688882c")  # the event that records it
    assert not view.selection.isVisible()
    assert len(view.ring.data) == 1
    view.highlight("", "")
    assert len(view.ring.data) == 0


def test_incident_counts_per_week_then_per_day_when_zoomed_in(view):
    days = np.array([date(2023, 8, 14).toordinal()] * 3 + [date(2023, 8, 16).toordinal()])  # a Monday, a Wednesday
    view.set_incident_counts(days, np.array(["#D55E00"] * 4))
    daily, weekly = view._bars
    assert weekly.isVisible() and not daily.isVisible()
    view.vb.setXRange(x_of(date(2023, 8, 1)), x_of(date(2023, 8, 31)), padding=0)
    assert daily.isVisible() and not weekly.isVisible()
    assert [day_at(x) for x in daily.opts["x0"]] == [date(2023, 8, 14), date(2023, 8, 16)]
    assert [day_at(x) for x in weekly.opts["x0"]] == [date(2023, 8, 14)]


def test_fit_buttons(view, scenario):
    view.fit_all()
    lo, hi = view.vb.viewRange()[0]
    assert day_at(lo) <= scenario.start and day_at(hi) >= scenario.end
    view.fit_drawdown()
    lo, hi = view.vb.viewRange()[0]
    assert (day_at(lo), day_at(hi - 1)) == (scenario.mission.view_start, scenario.mission.view_end)


def test_texts_follow_the_widgets_font(view):
    """The interface zoom changes the widget's font: phase names, notes, deadlines and the cursor's date follow
    (the texts inside the site rows as far as the rows' height allows)."""
    font = view.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    view.setFont(font)
    texts = [f.item for f in view._fitted if not f.lane] + [view.cursor.label]
    assert texts and all(t.textItem.font().pointSizeF() == pytest.approx(font.pointSizeF()) for t in texts)
    in_rows = [f.item.textItem.font().pointSizeF() for f in view._fitted if f.lane]
    assert in_rows and all(font.pointSizeF() / 1.5 <= size <= font.pointSizeF() for size in in_rows)
    assert view.plot.getAxis("left").style["tickFont"].pointSizeF() == pytest.approx(font.pointSizeF())
    assert view.cursor.value() == x_of(date(2023, 8, 1))  # the date shown is kept


def test_line_width_thickens_bars_markers_and_the_cursor(view):
    view.highlight("site", "gao")
    bars = [i for i in view._items if isinstance(i, QGraphicsRectItem) and i.pen().style() != Qt.PenStyle.NoPen]
    before = {id(i): i.pen().widthF() for i in bars}
    cursor = view.cursor.pen.widthF()
    view.set_line_width(2.0)
    bars = [i for i in view._items if isinstance(i, QGraphicsRectItem) and i.pen().style() != Qt.PenStyle.NoPen]
    assert len(bars) == len(before) and all(i.pen().widthF() == 2.0 for i in bars)
    assert view.cursor.pen.widthF() == 2 * cursor and view._markers.data[0]["pen"].widthF() >= 2
    assert view.selection.isVisible()  # the selection is kept


def test_lanes_too_thin_for_their_text_scroll_instead(qtbot, view):
    from PySide6.QtGui import QFontMetricsF

    from widgets.timeline.view import MIN_LANE

    assert not view.lane_bar.isVisible()  # 1600 x 400: every lane fits
    font = view.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    view.setFont(font)
    view.resize(1600, 300)
    qtbot.waitUntil(view.lane_bar.isVisible)
    y0, y1 = view.vb.viewRange()[1]
    assert view.vb.height() / (y1 - y0) >= MIN_LANE * QFontMetricsF(font).height() - 0.5
    view.highlight("site", "bamako")  # a lane below the view is scrolled to
    top, bottom = view._lanes.site("bamako")
    y0, y1 = view.vb.viewRange()[1]
    assert y0 - 0.05 <= top and bottom <= y1 + 0.05


def _one_line(label) -> bool:
    return label.height() < 2 * label.fontMetrics().height()


def test_colour_key_keeps_to_one_line_beside_or_under_the_controls(qtbot, view):
    """The key sits between the controls when it fits there on one line; with larger text or a narrow
    window it takes a line of its own under them instead of wrapping into a tall column."""
    def beside():
        return abs(view.legend.geometry().center().y() - view.play.geometry().center().y()) < 4

    assert beside() and _one_line(view.legend)
    font = view.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    view.setFont(font)
    view.resize(900, 400)
    qtbot.waitUntil(lambda: view.legend.geometry().top() > view.play.geometry().bottom())
    assert _one_line(view.legend) and view.legend.width() > 800
    assert view.minimumSizeHint().width() < 900  # the key never widens the window
    view.resize(1900, 400)
    qtbot.waitUntil(beside)
    assert _one_line(view.legend)


def _lane_texts(view):
    return [f.item for f in view._fitted if f.lane and f.item.isVisible()]


def test_texts_in_the_rows_fit_their_row_and_never_overlap(qtbot, scenario, view):
    """At the window's size (960 x 288 at 1366 x 768) the rows are about 13 pixels high: the three
    "liquidation hub" texts (Gao, Timbuktu, Bamako) each stay inside their own row, whole."""
    view.resize(960, 288)
    view.show_date(date(2024, 3, 1))
    qtbot.waitUntil(lambda: view.vb.height() < 240)
    view.grab()  # painted: pyqtgraph places its pixel-sized texts as it paints
    hubs = [f.item for f in view._fitted if f.lane and f.item.toPlainText() == "liquidation hub"]
    assert len(hubs) == 3 and all(h.isVisible() for h in hubs)
    boxes = [t.mapRectToScene(t.boundingRect()) for t in _lane_texts(view)]
    for t, box in zip(_lane_texts(view), boxes):
        site = view._lanes.site_at(t.y())
        top, bottom = (view.vb.mapViewToScene(pg.Point(0, y)).y() for y in view._lanes.site(site))
        assert top - 0.5 <= box.top() and box.bottom() <= bottom + 0.5, (t.toPlainText(), site)
    assert not [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:] if a.intersects(b)]


def test_the_cursors_date_is_never_cut_at_the_right_edge(qtbot, view, scenario):
    view.resize(960, 288)
    qtbot.waitUntil(lambda: view.vb.width() < 900)
    for day in (date(2024, 6, 29), date(2023, 7, 2), date(2024, 1, 1)):
        view.show_date(day)
        view.grab()  # painted: pyqtgraph places the label as it paints
        label = view.cursor.label
        box = label.mapRectToScene(label.boundingRect())
        plot = view.vb.sceneBoundingRect()
        assert plot.left() <= box.left() and box.right() <= plot.right() + 0.5, day


def test_movements_lane_bars_stack_and_a_click_selects_one(qtbot, view):
    from widgets.timeline.movements import MovementBar, rows_of

    bars = [MovementBar("ber", date(2023, 8, 13), date(2023, 8, 16), "arrived", "Ber → Timbuktu"),
            MovementBar("goundam", date(2023, 8, 1), date(2023, 8, 31), "planned", "Goundam → Timbuktu"),
            MovementBar("menaka", date(2023, 9, 5), date(2023, 9, 9), "aborted", "Ménaka → Gao")]
    assert rows_of(bars) == {"goundam": 0, "ber": 1, "menaka": 0}  # at the same time: rows of their own
    view.set_movements(bars)
    top, bottom = view._lanes.movements
    ber = view._moves["ber"].rect()
    assert top < ber.top() < ber.bottom() < bottom and ber.top() > view._moves["goundam"].rect().bottom() - 1e-9
    assert view._moves["ber"].toolTip() == "Ber → Timbuktu"
    assert "Movements" in [text for _, text in view._lanes.ticks(view._scenario, "en")]
    with qtbot.waitSignal(view.movement_selected) as blocker, qtbot.assertNotEmitted(view.date_requested):
        pg_mouse.click(view.plot, pg_mouse.to_viewport(view.plot, x_of(date(2023, 8, 14)), ber.center().y()))
    assert blocker.args == ["ber"]
    view.highlight("movement", "ber")
    assert view._moves["ber"].pen().widthF() > view._moves["goundam"].pen().widthF()
