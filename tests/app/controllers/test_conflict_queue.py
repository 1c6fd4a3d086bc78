"""File > Conflicts waiting…: headquarters' queue in the window, a choice per record (here, the package's, or
later), settled in an op; on an SQLite file and on PostgreSQL."""
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app import i18n
from app.controllers.conflict_queue import ConflictQueueController
from app.gui import open_state
from db import open_database
from db.exchange import conflicts, hq, packages
from db.incidents import queries, writes
from tests.app.conftest import wait_for_ops
from tests.conftest import ENGINES
from tests.db.rows import query
from tests.db.sites.records import stored

SEED = "c90d210a-97fc-5eb3-be70-fa237688882c"
SHOTS = os.environ.get("SITMON_SHOTS", "")  # a folder to keep the dialog's pictures in, for a person to look at


pytestmark = pytest.mark.parametrize("db_engine", ENGINES, indirect=True)


@pytest.fixture
def queued(make_db, tmp_path):
    """A headquarters store (on the engine) with three conflicts waiting: the seeded incident, Goundam's
    handover and the Ber convoy's arrival, each edited apart by a laptop; gives the state of a window open on it."""
    hq_db = make_db("hq")
    laptop = open_database(tmp_path / "laptop.sqlite")
    packages.export_package(laptop, tmp_path / "first.zip")
    hq.ingest(hq_db, [tmp_path / "first.zip"])
    writes.update(hq_db, SEED, {"actors": "JNIM (HQ)"}, "hq")
    from db.scenario.stored import read_scenario

    stored(hq_db, read_scenario(hq_db), "goundam", "handover", "2023-09-05")
    writes.update(laptop, SEED, {"actors": "JNIM (Ber)", "description": "Convoy attacked near Ber"}, "field")
    stored(laptop, read_scenario(laptop), "goundam", "handover", "2023-09-07")
    _arrived(hq_db, "2023-08-15")
    _arrived(laptop, "2023-08-17")
    packages.export_package(laptop, tmp_path / "second.zip")
    laptop.close()
    hq.ingest(hq_db, [tmp_path / "second.zip"])
    assert [c.record for c in conflicts.waiting(hq_db)] == ["incident", "site_record", "movement"]
    state = open_state(None, "en", hq_db)
    yield state
    state.shutdown()


def test_each_row_is_chosen_or_left_for_later_and_what_is_left_still_waits(qtbot, queued, db_engine):
    state = queued
    window = _window(qtbot)
    controller = ConflictQueueController(state, window)
    controller.show_waiting()
    qtbot.waitUntil(lambda: controller.dialog is not None and controller.dialog.isVisible())
    dialog = controller.dialog
    assert dialog.windowTitle() == "Conflicts waiting: 3" and dialog.tree.topLevelItemCount() == 3
    convoy = dialog.tree.topLevelItem(2)
    assert "Ber → Timbuktu" in convoy.text(0)
    assert [convoy.child(0).text(c) for c in range(3)] == ["Arrived on", "15 Aug 2023", "17 Aug 2023"]
    incident = dialog.tree.topLevelItem(0)
    assert "second.zip" in incident.text(0)
    assert [incident.child(i).text(c) for i in range(incident.childCount()) for c in (1, 2)][:2] == [
        "JNIM (HQ)", "JNIM (Ber)"]
    _shoot(dialog, f"conflicts-en-{db_engine}")
    ids = list(dialog.combos)
    assert [dialog.combos[i].currentText() for i in ids] == ["Later", "Later", "Later"]  # nothing chosen unasked
    dialog.combos[ids[0]].setCurrentIndex(dialog.combos[ids[0]].findData("theirs"))
    with qtbot.waitSignal(state.changed, timeout=20_000) as changed:
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert changed.args == [frozenset({"incidents", "site_records", "movements"})]
    wait_for_ops(qtbot, state)
    assert queries.get(state.db, SEED).actors == "JNIM (Ber)"
    assert [c.record for c in conflicts.waiting(state.db)] == ["site_record", "movement"]  # left for later: waiting
    qtbot.waitUntil(lambda: controller.notice is not None and "1 conflict" in controller.notice.text())
    assert query(state.db, "SELECT resolution FROM conflicts ORDER BY id") == [("theirs",), ("",), ("",)]


def test_the_list_in_french(qtbot, queued, db_engine):
    state = queued
    i18n.install("fr")
    try:
        window = _window(qtbot)
        controller = ConflictQueueController(state, window)
        assert controller.show_action.text().replace("&", "") == "Conflits en attente…"
        controller.show_waiting()
        qtbot.waitUntil(lambda: controller.dialog is not None and controller.dialog.isVisible())
        dialog = controller.dialog
        assert dialog.windowTitle() == "Conflits en attente : 3"
        assert dialog.tree.headerItem().text(1) == "Ici" and dialog.combos[next(iter(dialog.combos))].currentText() == \
            "Plus tard"
        _shoot(dialog, f"conflicts-fr-{db_engine}")
        dialog.reject()
        wait_for_ops(qtbot, state)
    finally:
        i18n.install("en")


def _window(qtbot):
    from PySide6.QtWidgets import QMainWindow

    w = QMainWindow()
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    return w


def _shoot(dialog, name: str) -> None:
    """The dialog over a 1366x768 window, kept for a person to look at (not part of the assertions)."""
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        dialog.grab().save(str(Path(SHOTS) / f"{name}.png"))


def _arrived(db, day: str) -> None:
    """The seeded Ber convoy recorded as arrived on `day`."""
    from dataclasses import replace

    from db.movements import draft, queries as movement_queries, writes as movement_writes
    from db.scenario.stored import read_scenario

    record = movement_queries.get(db, "cfd14e3c-2cb6-5cbd-be51-ba5b5ed5e9d7")
    typed = replace(draft.draft_of(record), status="arrived", arrived_on=day)
    ctx = draft.context(read_scenario(db).sites, db)
    movement_writes.update(db, record.id, movement_writes.changes_between(record, draft.values(typed, ctx)), "x")
