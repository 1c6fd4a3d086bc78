"""Site records in the window end to end: Record update… from the card and from the context menus of the
status table, the timeline's row and the map's site; the dialog and its errors; the card's history with
edit, delete, restore, undo and redo; the map, the status panel, the key figures and the timeline follow at
once; the SQLite file holds what was said, and nothing when refused."""
import sqlite3
from datetime import date

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication

from tests.app.conftest import wait_for_ops
from tests.db.sites.test_site_records import file_bytes
from tests.widgets import pg_mouse
from widgets.dates import x_of

DAY = date(2023, 9, 10)


@pytest.fixture
def window(main_window):
    main_window.state.cursor.set_date(DAY)
    return main_window


def sql(db_path, query, *args):
    with sqlite3.connect(db_path) as con:
        return con.execute(query, args).fetchall()


def status_row(w, site_name):
    model = w.site_panel.model
    for r in range(model.rowCount()):
        if model.index(r, 0).data() == site_name:
            return [model.index(r, c).data() for c in range(model.columnCount())]
    raise KeyError(site_name)


def fill(dialog, qtbot, kind="handover", day="2023-09-05", source="radio Goundam", **more):
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    dialog.date.clear()
    qtbot.keyClicks(dialog.date, day)
    qtbot.keyClicks(dialog.source, source)
    for name, text in more.items():
        qtbot.keyClicks(getattr(dialog, name), text)


def save(qtbot, w, dialog):
    with qtbot.waitSignal(w.state.records_changed, timeout=10000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_for_ops(qtbot, w.state)


def test_record_update_from_the_card_and_every_view_follows(window, qtbot):
    w, c = window, window.site_controller
    w.state.select("site", "goundam")
    assert status_row(w, "Goundam")[1] == "closure due" and w.map.site_status("goundam") == "closure-due"
    closed = int(w.key_figures.values["closed"].text().split()[0])
    qtbot.mouseClick(w.site_card.record_button, Qt.MouseButton.LeftButton)
    dialog = c.dialog
    assert dialog is not None and dialog.site_id == "goundam" and "Goundam" in dialog.windowTitle()
    assert dialog.date.text() != ""  # today by default
    qtbot.mouseClick(dialog.cursor_button, Qt.MouseButton.LeftButton)
    assert dialog.date.text() == DAY.isoformat()  # the cursor's date one click away
    fill(dialog, qtbot, reliability="b2", note="received by the prefect")
    save(qtbot, w, dialog)

    [(ident, site, kind, day, source, reliability, author, deleted)] = sql(
        w.state.db.path, "SELECT id, site_id, kind, date, source, reliability, author, deleted FROM site_records")
    assert (site, kind, day, source, reliability, deleted) == ("goundam", "handover", "2023-09-05",
                                                               "radio Goundam", "B2", 0)
    row = status_row(w, "Goundam")
    assert row[1] == "handed over" and "recorded by" in row[3] and "radio Goundam" in row[3]
    assert w.map.site_status("goundam") == "handed-over"
    assert w.key_figures.values["closed"].text().startswith(str(closed + 1))
    assert "Goundam" not in w.site_panel.overdue_label.text()
    lines = w.site_card.history.lines()
    assert len(lines) == 1 and "Handover confirmed" in lines[0] and "radio Goundam" in lines[0]
    assert "5 September 2023" in w.site_card.fields["confirmed"].text()
    [mark] = [m for m in w.timeline.record_marks() if m.site_id == "goundam"]
    assert mark.kind == "handover" and mark.day == date(2023, 9, 5)
    assert "recorded by" in mark.tooltip and "radio Goundam" in mark.tooltip and "5 days late" in mark.tooltip

    # undo: a soft delete, audited; redo: a restore
    undo = c.undo_stack
    undo.undo()
    wait_for_ops(qtbot, w.state)
    assert sql(w.state.db.path, "SELECT deleted FROM site_records") == [(1,)]
    assert status_row(w, "Goundam")[1] == "closure due" and w.map.site_status("goundam") == "closure-due"
    assert "[deleted]" in w.site_card.history.lines()[0]
    undo.redo()
    wait_for_ops(qtbot, w.state)
    assert sql(w.state.db.path, "SELECT deleted FROM site_records") == [(0,)]
    assert status_row(w, "Goundam")[1] == "handed over"
    actions = [a for (a,) in sql(w.state.db.path, "SELECT action FROM site_record_audit WHERE record_id=? ORDER BY id",
                                 ident)]
    assert actions == ["create", "delete", "restore"]


def test_the_dialog_names_each_problem_next_to_its_field_and_writes_nothing(window, qtbot):
    w, c = window, window.site_controller
    c.record_update("goundam")
    fill(c.dialog, qtbot)
    save(qtbot, w, c.dialog)
    before = file_bytes(w.state.db.path)
    dialog = c.record_update("goundam")
    fill(dialog, qtbot, day="2023-09-07")
    assert "Goundam already has a handover on 5 Sep" in dialog.errors["date"].text()
    assert dialog.errors["date"].isVisibleTo(dialog) and not dialog.save_button.isEnabled()
    dialog.date.setText("2023-02-30")
    assert "not a date" in dialog.errors["date"].text()
    dialog.kind.setCurrentIndex(dialog.kind.findData("repatriated"))
    dialog.date.setText("2023-09-01")
    assert dialog.value.isVisibleTo(dialog) and dialog.errors["value"].text() == "required"
    dialog.value.setText("600")
    dialog.category.setCurrentIndex(dialog.category.findData("military"))
    assert "lower than the military figure of 695" in dialog.errors["value"].text()
    assert dialog.correction.isVisibleTo(dialog) and not dialog.save_button.isEnabled()
    dialog.reliability.setText("Q9")
    assert "admiralty code" in dialog.errors["reliability"].text()
    qtbot.keyClick(dialog.source, Qt.Key.Key_Return)  # Enter does not save while a problem stands
    assert c.dialog is dialog and file_bytes(w.state.db.path) == before
    dialog.reliability.setText("A1")
    dialog.correction.setChecked(True)
    assert dialog.save_button.isEnabled()
    dialog.reject()
    assert file_bytes(w.state.db.path) == before and c.undo_stack.count() == 1


def test_edit_delete_restore_from_the_card_with_their_audit_trail(window, qtbot):
    w, c = window, window.site_controller
    c.record_update("menaka")
    fill(c.dialog, qtbot, kind="handover-planned", day="2023-09-20", source="", note="road cut")
    save(qtbot, w, c.dialog)
    assert status_row(w, "Ménaka")[1] == "closing"
    [ident] = [r.id for r in w.state.records]
    w.state.select("site", "menaka")
    history = w.site_card.history
    history.select(ident)
    qtbot.mouseClick(history.edit_button, Qt.MouseButton.LeftButton)
    dialog = c.dialog
    assert dialog.date.text() == "2023-09-20" and dialog.note.toPlainText() == "road cut"
    dialog.date.setText("2023-09-08")
    save(qtbot, w, dialog)
    assert sql(w.state.db.path, "SELECT date, revision FROM site_records") == [("2023-09-08", 2)]
    assert status_row(w, "Ménaka")[1] == "closure due"
    history.select(ident)
    with qtbot.waitSignal(w.state.records_changed, timeout=10000):
        qtbot.mouseClick(history.delete_button, Qt.MouseButton.LeftButton)
    wait_for_ops(qtbot, w.state)
    assert sql(w.state.db.path, "SELECT deleted FROM site_records") == [(1,)]
    history.select(ident)
    assert history.restore_button.isEnabled() and not history.edit_button.isEnabled()
    with qtbot.waitSignal(w.state.records_changed, timeout=10000):
        qtbot.mouseClick(history.restore_button, Qt.MouseButton.LeftButton)
    wait_for_ops(qtbot, w.state)
    history.select(ident)
    qtbot.mouseClick(history.audit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: c.audit_view is not None)
    qtbot.addWidget(c.audit_view)
    assert [line[2] for line in c.audit_view.lines() if len(line) == 4] == ["Restored", "Deleted", "Edited",
                                                                            "Created"]
    assert ("Date", "2023-09-20", "2023-09-08") in c.audit_view.lines()
    c.undo_stack.undo()  # the restore: deleted again
    wait_for_ops(qtbot, w.state)
    assert sql(w.state.db.path, "SELECT deleted FROM site_records") == [(1,)]


def triggered_menu(qtbot, c, site_name):
    menu = c.menu
    assert menu is not None
    first = menu.actions()[0]
    assert first.text() == f"Record update for {site_name}…" and first.isEnabled()
    first.trigger()
    menu.close()
    assert c.dialog is not None
    return c.dialog


def test_record_update_from_the_status_tables_context_menu(window, qtbot):
    w, c = window, window.site_controller
    table = w.site_panel.table
    names = [w.site_panel.proxy.index(r, 0).data() for r in range(w.site_panel.proxy.rowCount())]
    rect = table.visualRect(w.site_panel.proxy.index(names.index("Aguelhok"), 1))
    at = rect.center()
    QApplication.sendEvent(table.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at,
                                                               table.viewport().mapToGlobal(at)))
    assert w.state.selection == ("site", "aguelhok")
    dialog = triggered_menu(qtbot, c, "Aguelhok")
    assert dialog.site_id == "aguelhok"
    fill(dialog, qtbot, kind="closure-started", day="2023-08-25", source="")
    save(qtbot, w, dialog)
    w.state.cursor.set_date(date(2023, 8, 27))
    assert status_row(w, "Aguelhok")[1] == "closing"


def test_record_update_from_a_sites_row_on_the_timeline(window, qtbot):
    w, c = window, window.site_controller
    view = w.timeline
    w.docks[0].raise_()
    qtbot.waitUntil(lambda: view.isVisible())
    lo, hi = view.vb.viewRange()[0]
    pos = pg_mouse.to_viewport(view.plot, (lo + hi) / 2, np.mean(view._lanes.site("kidal")))
    with qtbot.waitSignal(view.site_menu_requested):
        pg_mouse.right_click(view.plot, pos)
    assert triggered_menu(qtbot, c, "Kidal").site_id == "kidal"


def test_record_update_from_a_site_on_the_map(window, qtbot):
    w, c = window, window.site_controller
    site = w.state.scenario.site("timbuktu")
    at = w.map.lonlat_to_widget(site.lon, site.lat).toPoint()
    with qtbot.waitSignal(w.map.site_menu_requested) as asked:
        qtbot.mouseClick(w.map.graphics.viewport(), Qt.MouseButton.RightButton, pos=at)
    assert asked.args[0] == "timbuktu"
    dialog = triggered_menu(qtbot, c, "Timbuktu")
    fill(dialog, qtbot, kind="repatriated", day="2023-09-01", source="", value="40")
    dialog.category.setCurrentIndex(dialog.category.findData("civilian"))
    save(qtbot, w, dialog)
    assert w.key_figures.values["civilian"].text() == "40" and w.key_figures.values["civilian"].isVisibleTo(w)
    assert sql(w.state.db.path, "SELECT kind, value, category FROM site_records") == [("repatriated", 40,
                                                                                        "civilian")]


def test_a_rescheduled_handover_on_the_timeline(window, qtbot):
    w, c = window, window.site_controller
    c.record_update("menaka")
    fill(c.dialog, qtbot, kind="handover-planned", day="2023-09-20", source="", note="road cut")
    save(qtbot, w, c.dialog)
    [mark] = w.timeline.record_marks()
    assert (mark.kind, mark.day, mark.window_end) == ("rescheduled", date(2023, 9, 20), date(2023, 8, 31))
    assert "road cut" in mark.tooltip and "Handover rescheduled to 20 Sep" in mark.tooltip
    tails = w.timeline._tails["menaka"]
    assert not tails.isVisible()  # closing again on 10 September: no overdue tail
    w.state.cursor.set_date(date(2023, 9, 25))
    assert tails.isVisible() and tails.rect().left() == pytest.approx(x_of(date(2023, 9, 21)) - 43200)


def test_a_read_only_database_offers_no_update(qtbot, db, tmp_path):
    from app.gui import open_state
    from app.main_window import MainWindow
    from db import open_database
    from tests.db.sites.records import stored
    from db.scenario.stored import read_scenario

    stored(db, read_scenario(db), "goundam", "handover", "2023-09-05")
    readonly = open_database(db.path, readonly=True)
    w = MainWindow(open_state(db.path, "en", database=readonly))
    qtbot.addWidget(w)
    w.state.select("site", "goundam")
    assert not w.site_card.record_button.isEnabled() and not w.site_controller.record_action.isEnabled()
    w.site_card.history.select(w.state.records[0].id)
    assert not w.site_card.history.delete_button.isEnabled() and w.site_card.history.audit_button.isEnabled()
    assert w.site_controller.record_update("goundam") is None
    wait_for_ops(qtbot, w.state)
    w.state.shutdown()
    readonly.close()
