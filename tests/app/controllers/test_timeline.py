"""The timeline drives the app: its date goes through the cursor to the panels; selections go both ways."""
from datetime import date

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt
from sqlalchemy import update

from app.controllers.timeline import TimelineController
from app.cursor import CursorState
from app.state import AppState
from db.incidents.points import incident_points
from db.incidents.taxonomy import colors_of
from db.scenario.stored import read_scenario
from db.store.models import Incident
from tests.app.conftest import wait_for_points
from tests.widgets import pg_mouse
from widgets.dates import DAY, day_at, x_of
from widgets.sites.figures import KeyFiguresPanel
from widgets.sites.panel import SitePanel
from widgets.timeline.view import TimelineView

SEED = "c90d210a-97fc-5eb3-be70-fa237688882c"  # the convoy attack outside Ber, 13 August 2023


@pytest.fixture
def app(qtbot, db):
    old = pg.getConfigOption("mouseRateLimit")
    pg.setConfigOption("mouseRateLimit", -1)
    scenario = read_scenario(db)
    state = AppState(db, scenario, CursorState(date(2023, 8, 1), scenario.start, scenario.end), "en")
    view, panel, figures = TimelineView(), SitePanel(), KeyFiguresPanel()
    for w in (view, panel, figures):
        qtbot.addWidget(w)
    controller = TimelineController(state, view, panel, figures)
    view.resize(1600, 400)
    view.show()
    qtbot.waitExposed(view)
    view.plot.scene().minDragTime = 0
    wait_for_points(qtbot, state)
    yield state, view, panel, figures, controller
    pg.setConfigOption("mouseRateLimit", old)
    state.shutdown()


def panel_status(panel, site_name: str) -> str:
    proxy = panel.proxy
    for row in range(proxy.rowCount()):
        if proxy.index(row, 0).data() == site_name:
            return proxy.index(row, 1).data()
    raise KeyError(site_name)


def test_incident_days_of_live_incidents(db):
    points = incident_points(db)
    days, types = points.day, [points.types[i] for i in points.type_index]
    assert days.tolist() == [date(2023, 8, 13).toordinal()] and types == ["attack-on-convoy"]
    assert colors_of(points).tolist() == ["#D55E00"]  # the battles group's colour
    with db.engine.begin() as conn:
        conn.execute(update(Incident).where(Incident.id == SEED).values(deleted=True))
    points = incident_points(db)
    assert len(points.day) == 0 and len(colors_of(points)) == 0


def test_starting_up_keeps_the_date_and_shows_it(app):
    state, view, panel, figures, _ = app
    assert state.cursor.date == date(2023, 8, 1)
    assert day_at(view.cursor.value()) == date(2023, 8, 1)
    assert panel_status(panel, "Ber") == "closing"
    assert figures.values["deadline"].text() == "152"


def test_dragging_changes_the_date_once_per_day_and_the_panels_follow(qtbot, app):
    state, view, panel, figures, _ = app
    changes = []
    state.cursor.date_changed.connect(changes.append)
    y = np.mean(view._lanes.site("kidal"))
    pg_mouse.press(view.plot, pg_mouse.to_viewport(view.plot, x_of(date(2023, 8, 1)), y))
    for i in range(1, 43):  # two weeks, three moves a day
        pg_mouse.move(view.plot, pg_mouse.to_viewport(view.plot, x_of(date(2023, 8, 1)) + i * DAY / 3, y))
    assert changes == [date(2023, 8, d) for d in range(2, 16)]
    assert panel_status(panel, "Ber") == "closing"  # while dragging, only the date follows
    with qtbot.assertNotEmitted(state.cursor.date_changed, wait=50):
        pg_mouse.release(view.plot, pg_mouse.to_viewport(view.plot, x_of(date(2023, 8, 15)), y))
    assert day_at(view.cursor.value()) == state.cursor.date == date(2023, 8, 15)
    assert panel_status(panel, "Ber") == "handed over"  # the release settles the date: the panels follow


def test_keyboard_dates_and_site_statuses(qtbot, app):
    state, view, panel, figures, _ = app
    with qtbot.waitSignal(state.cursor.date_changed):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert state.cursor.date == date(2023, 8, 8)
    with qtbot.waitSignal(state.cursor.date_changed):
        qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    for _ in range(4):
        qtbot.keyClick(view, Qt.Key.Key_Right)
    assert state.cursor.date == date(2023, 8, 5)
    assert panel_status(panel, "Ber") == "closing"
    assert not panel.overdue_label.isVisible()
    state.cursor.set_date(date(2023, 9, 15))
    assert panel_status(panel, "Goundam") == "closure due"
    assert "Goundam" in panel.overdue_label.text() and "Ménaka" in panel.overdue_label.text()
    assert day_at(view.cursor.value()) == date(2023, 9, 15)


def test_key_figures_on_a_known_date(app):
    state, _, _, figures, _ = app
    state.cursor.set_date(date(2023, 8, 15))
    assert figures.values["deadline"].text() == "138"
    assert figures.values["repatriated"].text() == "719"
    assert "14 Aug 2023" in figures.captions["repatriated"].text()
    assert figures.values["closed"].text() == "2 of 12"
    assert figures.values["overdue"].text() == "0"


def test_play_moves_the_app_date(qtbot, app):
    state, view, *_ = app
    view.speed.setCurrentIndex(1)
    assert view.speed.currentText() == "1 day every 0.1 s"
    with qtbot.waitSignal(state.cursor.date_changed) as blocker:
        view.play.click()
    assert blocker.args == [date(2023, 8, 2)] and state.cursor.playing
    view.play.click()
    assert not state.cursor.playing
    qtbot.keyClick(view, Qt.Key.Key_Right)
    view.play.click()
    qtbot.keyClick(view, Qt.Key.Key_Right)  # a step of the user's pauses Play, and the button shows it
    assert not state.cursor.playing and view.play.text() == "Play"


def test_clicking_an_event_selects_it(qtbot, app):
    state, view, *_ = app
    with qtbot.waitSignal(state.selected):
        pg_mouse.click(view.plot, pg_mouse.to_viewport(view.plot, *view._events["ber-handover"]))
    assert state.selection == ("event", "ber-handover")
    assert len(view.ring.data) == 1


def test_site_selection_goes_both_ways(qtbot, app):
    state, view, panel, *_ = app
    state.select("site", "gao")
    assert view.selection.isVisible()
    assert panel.table.currentIndex().data() == "Gao"
    row = next(r for r in range(panel.proxy.rowCount()) if panel.proxy.index(r, 0).data() == "Kidal")
    with qtbot.waitSignal(state.selected):
        panel.table.setCurrentIndex(panel.proxy.index(row, 0))
    assert state.selection == ("site", "kidal")


def test_new_incidents_refresh_the_density_strip(app, qtbot):
    state, view, *_ = app
    assert len(view._bars) == 2
    with state.db.engine.begin() as conn:
        conn.execute(update(Incident).values(deleted=True))
    with qtbot.waitSignal(state.points_ready):
        state.changed.emit(frozenset({"incidents"}))
    assert view._bars == ()


def test_home_goes_to_the_drawdowns_start_and_reasons_read_as_sentences(qtbot, main_window):
    """Home on the timeline: 1 July 2023, where the drawdown starts, not 11 January 2013 where every camp is
    "open"; the regional context stays one "Fit all" and a drag away. The reasons start with a capital."""
    window = main_window
    window.state.cursor.set_date(date(2024, 1, 5))
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Home)
    assert window.state.cursor.date == date(2023, 7, 1)
    qtbot.keyClick(window.timeline, Qt.Key.Key_End)
    assert window.state.cursor.date == date(2024, 6, 30)
    qtbot.waitUntil(lambda: panel_status(window.site_panel, "Gao") == "liquidation hub")
    proxy = window.site_panel.proxy
    reasons = {proxy.index(r, 0).data(): proxy.index(r, 3).data() for r in range(proxy.rowCount())}
    assert reasons["Gao"].startswith("Liquidation hub from 1 Jan 2024")
    assert all(text[0].isupper() for text in reasons.values())
