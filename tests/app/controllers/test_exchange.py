"""File > Import/Export: jobs off the GUI thread, the bad-row report, Cancel, and the conflict dialog."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from app.controllers.exchange import ExchangeController
from db import open_database
from db.exchange import imports, packages
from db.incidents import draft, queries, writes
from db.scenario.stored import read_scenario
from tests.app.conftest import wait_for_ops
from tests.db.exchange import exchange_data


@pytest.fixture
def controller(qtbot, state, window):
    c = ExchangeController(state, window)
    yield c
    wait_for_ops(qtbot, state)


def test_actions(controller):
    texts = [a.text().replace("&", "") for a in controller.actions()]
    assert texts == ["Import incidents…", "Export incidents…", "Export site records…", "Export site status…",
                     "Export the timeline…", "Export data package…", "Import data package…"]


def test_bad_rows_are_listed_then_the_good_ones_imported(qtbot, controller, state, tmp_path):
    expected = exchange_data.bad_file(tmp_path / "hq.csv", 1_000)
    before = exchange_data.checksum(state.db)
    controller.import_file(tmp_path / "hq.csv")
    qtbot.waitUntil(lambda: controller.report is not None and controller.report.isVisible())
    report = controller.report
    assert exchange_data.checksum(state.db) == before  # nothing written while the user decides
    assert report.table.rowCount() == 7
    assert {(int(report.table.item(r, 0).text()), report.table.item(r, 1).text()) for r in range(7)} == expected
    assert report.good_button.text() == "Import the 993 good rows"
    with qtbot.waitSignal(state.changed) as changed:
        qtbot.mouseClick(report.good_button, Qt.MouseButton.LeftButton)
    assert changed.args == [frozenset({"incidents"})]
    assert exchange_data.count(state.db) == 1 + 993
    qtbot.waitUntil(lambda: controller.notice is not None and "993 incidents created" in controller.notice.text())


def test_import_none_writes_nothing(qtbot, controller, state, tmp_path):
    exchange_data.bad_file(tmp_path / "hq.csv", 200)
    before = exchange_data.checksum(state.db)
    controller.import_file(tmp_path / "hq.csv")
    qtbot.waitUntil(lambda: controller.report is not None and controller.report.isVisible())
    with qtbot.assertNotEmitted(state.changed):
        qtbot.mouseClick(controller.report.none_button, Qt.MouseButton.LeftButton)
        wait_for_ops(qtbot, state)
    assert not controller.report.isVisible() and exchange_data.checksum(state.db) == before


def test_a_clean_file_is_imported_at_once(qtbot, controller, state, tmp_path):
    exchange_data.write(tmp_path / "ok.csv", exchange_data.rows(40))
    with qtbot.waitSignal(state.changed, timeout=20_000):
        controller.import_file(tmp_path / "ok.csv")
    assert controller.report is None and exchange_data.count(state.db) == 41


def test_cancel_while_writing_leaves_the_database_as_it_was(qtbot, controller, state, tmp_path):
    exchange_data.write(tmp_path / "big.csv", exchange_data.rows(60_000))
    plan = imports.check_file(state.db, tmp_path / "big.csv")
    before = exchange_data.checksum(state.db)
    with qtbot.assertNotEmitted(state.changed):
        op = controller._write(plan)
        op.dialog.findChild(QPushButton).click()  # Cancel
        qtbot.waitUntil(lambda: controller.notice is not None, timeout=30_000)
    assert "Nothing was changed" in controller.notice.text()
    assert exchange_data.checksum(state.db) == before


def test_exports_write_files(qtbot, controller, tmp_path):
    for kind, name in (("incidents", "i.csv"), ("status", "s.geojson"), ("timeline", "t.csv")):
        controller.notice = None
        controller.export(kind, tmp_path / name, {"excel": True, "hxl": True, "delimiter": ";"})
        qtbot.waitUntil(lambda: controller.notice is not None, timeout=20_000)
        assert (tmp_path / name).exists() and str(tmp_path / name) in controller.notice.text()
    assert (tmp_path / "i.csv").read_bytes().startswith(b"\xef\xbb\xbfid;")


def test_package_conflict_dialog_then_take_theirs(qtbot, controller, state, tmp_path):
    other = open_database(tmp_path / "other.sqlite")
    shared = writes.create(other, draft.IncidentDraft(occurred_on="2023-08-20", location="16.8 -2.6",
                                                             type="ied", description="x", confirmed=True), "o",
                           draft.context(read_scenario(other).sites))
    packages.export_package(other, tmp_path / "o0.zip")
    packages.import_package(state.db, tmp_path / "o0.zip")
    writes.update(other, shared, {"description": "theirs"}, "o")
    writes.update(state.db, shared, {"description": "mine"}, "m")
    packages.export_package(other, tmp_path / "o1.zip")
    controller.import_package(tmp_path / "o1.zip")
    qtbot.waitUntil(lambda: controller.conflicts is not None and controller.conflicts.isVisible())
    dialog = controller.conflicts
    top = dialog.tree.topLevelItem(0)
    assert top.toolTip(0) == shared and "IED" in top.text(0)
    assert [top.child(0).text(c) for c in range(3)] == ["Description", "mine", "theirs"]  # the field as the log names it
    dialog.combos[shared].setCurrentIndex(1)
    with qtbot.waitSignal(state.changed, timeout=20_000):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    wait_for_ops(qtbot, state)
    assert queries.get(state.db, shared).description == "theirs"
    other.close()




def test_export_says_which_log_filters_apply_and_lets_the_user_drop_them(qtbot, controller, state, tmp_path,
                                                                         monkeypatch, translations):
    """With "anefis convoy" still typed in the log's search, File > Export with "All dates" wrote 1 of 2
    incidents and said nothing of a filter; the message said "1 rows"."""
    from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

    from db.incidents.queries import IncidentFilter

    writes.create(state.db, draft.IncidentDraft(
        occurred_on="2023-09-20", location="16.27, -0.04", type="attack-on-convoy", confirmed=True,
        description="Anefis convoy attacked"), "t", draft.context(state.scenario.sites))
    controller.set_filter(IncidentFilter(text="anefis convoy", types=("attack-on-convoy",)))
    target = tmp_path / "out.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))

    def export(keep: bool) -> str:
        controller.notice = None
        dialog = controller._ask_export("incidents")
        qtbot.waitUntil(dialog.isVisible)
        assert dialog.all_dates.isChecked()
        assert dialog.log_filter.isVisibleTo(dialog) and dialog.log_filter.isChecked()
        assert dialog.log_filter_text.text() == "search “anefis convoy”; type: Attack on convoy"
        dialog.log_filter.setChecked(keep)
        qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: controller.notice is not None, timeout=20_000)
        return controller.notice.text()

    assert export(keep=True) == f"Wrote 1 row to {target}"
    assert export(keep=False) == f"Wrote 2 rows to {target}"
    assert len(target.read_text(encoding="utf-8").splitlines()) == 1 + 2
    controller.set_filter(IncidentFilter())
    dialog = controller._ask_export("incidents")
    assert not dialog.log_filter.isVisibleTo(dialog)  # no filter: nothing to say
    dialog.reject()


def _progress_dialogs():
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication, QProgressDialog

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]


@pytest.mark.parametrize("rows", [0, 60_000])
def test_no_progress_dialog_outlives_its_op(qtbot, controller, state, tmp_path, rows):
    """A box "Writing…/Importing… 100 % [Cancel]" stayed after every export and import: QProgressDialog shows
    itself by its own timer after 400 ms even when closed before. Quick (an export) or long (an import of 60,000
    rows, its dialog on screen meanwhile), once the result is told no progress dialog is left to show."""
    if rows:
        exchange_data.write(tmp_path / "big.csv", exchange_data.rows(rows))
        op = controller.import_file(tmp_path / "big.csv")
        qtbot.waitUntil(lambda: op.dialog is None or op.dialog.isVisible(), timeout=30_000)
    else:
        controller.export("incidents", tmp_path / "i.csv", {})
    qtbot.waitUntil(lambda: controller.notice is not None and controller.notice.isVisible(), timeout=60_000)
    assert _progress_dialogs() == []


def test_disagreeing_handovers_in_a_package_are_listed_then_theirs_taken(qtbot, controller, state, tmp_path):
    from db.sites import queries as site_queries
    from tests.db.sites.records import stored

    other = open_database(tmp_path / "other.sqlite")
    theirs = stored(other, read_scenario(other), "goundam", "handover", "2023-09-06")
    mine = stored(state.db, state.scenario, "goundam", "handover", "2023-09-05")
    packages.export_package(other, tmp_path / "o.zip")
    other.close()
    controller.import_package(tmp_path / "o.zip")
    qtbot.waitUntil(lambda: controller.conflicts is not None and controller.conflicts.isVisible())
    dialog = controller.conflicts
    top = dialog.tree.topLevelItem(0)
    assert top.toolTip(0) == theirs and "Goundam" in top.text(0) and "two different handovers" in top.text(0)
    assert [top.child(0).text(c) for c in range(3)] == ["Date", "5 Sept 2023", "6 Sept 2023"]  # in the locale, as the card shows it
    dialog.combos[theirs].setCurrentIndex(1)
    with qtbot.waitSignal(state.changed, timeout=20_000) as changed:
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert "site_records" in changed.args[0]
    wait_for_ops(qtbot, state)
    assert site_queries.get(state.db, mine).deleted and not site_queries.get(state.db, theirs).deleted


def test_export_site_records_from_the_window(qtbot, controller, state, tmp_path):
    from tests.db.sites.records import stored

    stored(state.db, state.scenario, "goundam", "handover", "2023-09-05", source="radio Goundam")
    path = tmp_path / "records.csv"
    controller.export("site-records", path, dict(profile="hq", excel=True))
    qtbot.waitUntil(lambda: controller.notice is not None and controller.notice.isVisible())
    assert "Wrote 1 row to" in controller.notice.text()
    text = path.read_bytes().decode("utf-8-sig")
    assert text.startswith("id,site_id,kind,date") and "radio Goundam" not in text and "goundam" in text


def test_hq_export_is_in_the_interface_language_and_old_acled_types_are_reported(qtbot, controller, state,
                                                                                 tmp_path):
    import csv

    from tests.db.exchange.test_incident_place import _old_file

    state.lang = "fr"
    controller.export("incidents", tmp_path / "hq.csv", {"profile": "hq"})
    qtbot.waitUntil(lambda: controller.notice is not None, timeout=20_000)
    row = next(csv.DictReader(open(tmp_path / "hq.csv", encoding="utf-8", newline="")))
    assert (row["type"], row["status"], row["region"]) == ("Attaque de convoi", "Vérifié", "Tombouctou")
    controller.notice = None
    controller.import_file(_old_file(tmp_path / "old.csv"))
    qtbot.waitUntil(lambda: controller.notice is not None and "created" in controller.notice.text(), timeout=20_000)
    assert "Non-violent activity by a conflict actor (1)" in controller.notice.text()


def test_an_encrypted_package_asks_its_passphrase_again_until_right_then_says_who_signed(qtbot, controller, state,
                                                                                          tmp_path):
    other = open_database(tmp_path / "other.sqlite")
    writes.create(other, draft.IncidentDraft(occurred_on="2023-08-20", location="16.8 -2.6", type="ied",
                                             description="sealed", confirmed=True), "o",
                  draft.context(read_scenario(other).sites))
    packages.export_package(other, tmp_path / "sealed.zip", author="Awa", passphrase="for the package")
    other.close()
    controller.import_package(tmp_path / "sealed.zip")
    ask = controller.passphrase
    assert ask.isVisible() and "encrypted data package" in ask.findChildren(QLabel)[0].text()
    ask.field.setText("wrong")
    qtbot.mouseClick(ask.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.passphrase is not ask and controller.passphrase.isVisible(), timeout=20_000)
    again = controller.passphrase
    assert "cannot be opened with this passphrase" in again.error.text()
    again.field.setText("for the package")
    with qtbot.waitSignal(state.changed, timeout=20_000):
        qtbot.mouseClick(again.open_button, Qt.MouseButton.LeftButton)
    wait_for_ops(qtbot, state)
    qtbot.waitUntil(lambda: controller.notice is not None and controller.notice.isVisible())
    text = controller.notice.text()
    assert "Signed by laptop" in text and "(Awa)" in text and "its first package here" in text
    assert "1 incident added" in text or "1 incidents added" in text


def test_a_movement_edited_on_both_laptops_is_listed_then_theirs_taken(qtbot, controller, state, tmp_path):
    from dataclasses import replace

    from db.movements import draft as movement_draft
    from db.movements import queries as movement_queries
    from db.movements import writes as movement_writes

    ber = "cfd14e3c-2cb6-5cbd-be51-ba5b5ed5e9d7"
    other = open_database(tmp_path / "other.sqlite")
    for db, day in ((other, "2023-08-15"), (state.db, "2023-08-16")):
        record = movement_queries.get(db, ber)
        typed = replace(movement_draft.draft_of(record), status="arrived", arrived_on=day)
        values = movement_draft.values(typed, movement_draft.context(read_scenario(db).sites, db))
        movement_writes.update(db, ber, movement_writes.changes_between(record, values), "someone")
    packages.export_package(other, tmp_path / "o.zip")
    controller.import_package(tmp_path / "o.zip")
    qtbot.waitUntil(lambda: controller.conflicts is not None and controller.conflicts.isVisible())
    dialog = controller.conflicts
    top = dialog.tree.topLevelItem(0)
    assert top.toolTip(0) == ber and top.text(0).startswith("Movement Ber → Timbuktu, 2023-08-14")
    assert [top.child(0).text(c) for c in range(3)] == ["Arrived on", "16 Aug 2023", "15 Aug 2023"]
    dialog.combos[ber].setCurrentIndex(1)
    with qtbot.waitSignal(state.changed, timeout=20_000):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    wait_for_ops(qtbot, state)
    assert movement_queries.get(state.db, ber).arrived_on.isoformat() == "2023-08-15"
    other.close()
