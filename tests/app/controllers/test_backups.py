"""File > Back up now / Restore from backup, the passphrase dialog and the start-up recovery flow."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from app import i18n, recovery
from app.controllers.backups import BackupController
from app.gui import open_state
from db import open_database
from db.store import backup, errors
from db.store.dialect import sqlite
from tests.db import snapshot
from tests.db.store.test_backup import add_incidents, checkpoint, corrupt_page, root_page
from widgets.dialogs.passphrase import PassphraseDialog
from widgets.dialogs.restore import RestoreDialog


def test_back_up_now_then_restore_from_the_dialog(qtbot, state, window):
    controller = BackupController(state, window)
    back_up, restore = controller.actions()
    add_incidents(state.db, 10)
    controller.notice = None
    back_up.trigger()
    qtbot.waitUntil(lambda: controller.notice is not None)
    [made] = backup.list_backups(state.db.path)
    assert str(made.path) in controller.notice.text() and made.incidents == 11
    add_incidents(state.db, 3, "later")

    restore.trigger()
    qtbot.waitUntil(lambda: controller.dialog is not None)
    dialog = controller.dialog
    assert dialog.isVisible() and dialog.table.rowCount() == 1
    assert [dialog.table.item(0, c).text() for c in (1, 2)] == ["Backed up by hand", "11"]
    assert not dialog.restore_button.isEnabled()
    dialog.table.selectRow(0)
    with qtbot.waitSignal(controller.restored) as signal:
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert signal.args == [made.path]
    assert sqlite.count_incidents(state.db.path) == 11
    assert "start it again" in controller.notice.text()
    controller.notice.accept()
    qtbot.waitUntil(lambda: not window.isVisible())


def test_restore_is_off_for_a_read_only_database(tmp_path, window):
    open_database(tmp_path / "ro.sqlite").close()
    s = open_state(tmp_path / "ro.sqlite", "en")
    s.shutdown()  # its first incident load, before its database is swapped
    s.db.close()
    s.db = open_database(tmp_path / "ro.sqlite", readonly=True)
    controller = BackupController(s, window)
    assert not controller.restore_action.isEnabled() and controller.back_up_action.isEnabled()
    s.db.close()


def test_restore_dialog_shows_unreadable_backups_unselectable(qtbot, tmp_path):
    from datetime import datetime

    dialog = RestoreDialog()
    qtbot.addWidget(dialog)
    dialog.set_backups([backup.BackupInfo(tmp_path / "a.sqlite", datetime(2023, 7, 1, 9, 30), "daily", 4),
                        backup.BackupInfo(tmp_path / "b.sqlite", datetime(2023, 6, 30, 9, 30),
                                          "before-migration-0001-to-0002", None)])
    assert [dialog.table.item(r, 0).text() for r in (0, 1)] == ["1 Jul 2023 09:30", "30 Jun 2023 09:30"]
    assert dialog.table.item(1, 1).text() == "Before an upgrade" and dialog.table.item(1, 2).text() == "unreadable"
    assert not dialog.table.item(1, 0).flags() & Qt.ItemFlag.ItemIsEnabled


def test_passphrase_dialog(qtbot):
    dialog = PassphraseDialog("/data/field.sqlite", "The passphrase does not open it.")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.error.isVisible() and not dialog.open_button.isEnabled()
    assert dialog.field.echoMode() == dialog.field.EchoMode.Password
    qtbot.keyClicks(dialog.field, "s3cret")
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.passphrase() == "s3cret"


def damaged_with_backup(path):
    db = open_database(path)
    add_incidents(db, 2000)
    db.close()
    good = backup.write(path, "daily")
    checkpoint(path)
    corrupt_page(path, root_page(path, "incidents"))
    return good


def test_start_up_offers_the_newest_sound_backup(tmp_path, monkeypatch):
    path = tmp_path / "field.sqlite"
    good = damaged_with_backup(path)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text: asked.append(text) or
                        QMessageBox.StandardButton.Yes)
    database = recovery.open_interactive(path)
    assert database is not None and not database.readonly
    database.close()
    assert "is damaged" in asked[0] and "2,001 incidents" in asked[0]
    restored, kept = snapshot.tables(path), snapshot.tables(good)
    assert restored.pop("meta") != kept.pop("meta") and restored == kept  # all but the laptop id, made new
    reasons = {b.reason for b in backup.list_backups(path)}
    assert reasons == {"daily", "damaged"}  # the day's backup existed already; the damaged file is kept


def test_start_up_without_a_sound_backup_says_so(tmp_path, monkeypatch):
    path = tmp_path / "field.sqlite"
    damaged_with_backup(path).unlink()
    told = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: told.append(text))
    assert recovery.open_interactive(path) is None
    assert "There is no sound backup" in told[0]


def test_start_up_takes_the_days_backup_in_the_background(qtbot, tmp_path):
    """Opening takes none (the window is drawn first); the window's start then takes it as an op, once a day."""
    path = tmp_path / "new.sqlite"
    state = open_state(path, "en", recovery.open_interactive(path))
    assert backup.list_backups(path) == []
    recovery.take_daily_backup(state)
    qtbot.waitUntil(lambda: state.ops.idle)
    assert [b.reason for b in backup.list_backups(path)] == ["daily"]
    recovery.take_daily_backup(state)
    qtbot.waitUntil(lambda: state.ops.idle)
    assert [b.reason for b in backup.list_backups(path)] == ["daily"]
    state.shutdown()
    state.db.close()


def test_a_failed_daily_backup_is_said_and_the_work_goes_on(qtbot, state, window, monkeypatch):
    def refused(db_path, passphrase=None):
        raise backup.BackupFailed("The backup could not be written: {reason}.", reason="disk full")

    told = []
    monkeypatch.setattr(backup, "daily", refused)
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: told.append((parent, title, text)))
    recovery.take_daily_backup(state, window)
    qtbot.waitUntil(lambda: state.ops.idle)
    assert told == [(window, "No backup today", "The backup could not be written: disk full.")]


def test_start_up_asks_again_after_a_wrong_passphrase(tmp_path, monkeypatch):
    pytest.importorskip("sqlcipher3", reason="sqlcipher3-binary is not installed")
    path = tmp_path / "secret.sqlite"
    open_database(path, passphrase="right").close()
    answers, errors = ["wrong", "right"], []
    monkeypatch.setattr(recovery, "ask_passphrase", lambda p, error, parent: errors.append(error) or answers.pop(0))
    database = recovery.open_interactive(path)
    assert database.passphrase == "right"
    database.close()
    assert errors == ["", f"The passphrase does not open {path}. It was left unchanged."]


def test_passphrase_from_file_or_environment(tmp_path, monkeypatch):
    from argparse import Namespace

    monkeypatch.delenv(recovery.PASSPHRASE_ENV, raising=False)
    assert recovery.passphrase_given(Namespace()) is None
    monkeypatch.setenv(recovery.PASSPHRASE_ENV, "from-env")
    assert recovery.passphrase_given(None) == "from-env"
    secret = tmp_path / "pass.txt"
    secret.write_text("from file \n")
    assert recovery.passphrase_given(Namespace(passphrase_file=secret)) == "from file "
    with pytest.raises(errors.DatabaseError, match="cannot be read"):
        recovery.passphrase_given(Namespace(passphrase_file=tmp_path / "missing"))


def test_database_messages_are_translated_through_qt():
    err = errors.DiskFullError(errors.MSG_DISK_FULL, path="/x.sqlite")
    assert i18n.message(err) == str(err) and str(err).startswith("The disk holding /x.sqlite is full.")
