"""Opening the database interactively: ask for a passphrase, offer the newest sound backup when the
file is damaged; then the day's backup, in the background. Also the passphrase given on the command line or in the
environment, and translated database messages for both the window and the CLI."""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime, QTimeZone
from PySide6.QtWidgets import QDialog, QMessageBox

from app.i18n import message
from app.ops import Op
from db import open_database
from db.store import backup, errors
from db.store.engine import Database
from widgets.dialogs.passphrase import PassphraseDialog

PASSPHRASE_ENV = "SITMON_PASSPHRASE"


def tr(text: str) -> str:
    """lupdate files a bare `tr("...")` call under the empty context: look it up there."""
    return QCoreApplication.translate("", text)


def passphrase_given(args=None, option: str = "passphrase_file", env: str = PASSPHRASE_ENV) -> str | None:
    """--passphrase-file FILE (its first line), else SITMON_PASSPHRASE, else None (`option` and `env`: another
    such pair, e.g. a package's)."""
    path = getattr(args, option, None)
    if path is None:
        return os.environ.get(env) or None
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise errors.DatabaseError(tr("The passphrase file {0} cannot be read: {1}").format(path, exc)) from None
    if not lines or not lines[0]:
        raise errors.DatabaseError(tr("The passphrase file {0} is empty.").format(path))
    return lines[0]


def ask_passphrase(path: Path, error: str = "", parent=None) -> str | None:
    dialog = PassphraseDialog(str(path), error, parent)
    return dialog.passphrase() if dialog.exec() == QDialog.DialogCode.Accepted else None


def offer_restore(path: Path, error: str, parent=None, passphrase: str | None = None) -> bool:
    """Tell the user the file is damaged and offer the newest sound backup; True once it is restored."""
    title = tr("The database is damaged")
    source = backup.newest_sound_backup(path, passphrase)
    if source is None:
        QMessageBox.critical(parent, title, tr("{0}\n\nThere is no sound backup to restore.").format(error))
        return False
    taken = next(b for b in backup.list_backups(path, passphrase) if b.path == source)
    question = tr("{0}\n\nRestore the newest sound backup, taken on {1} UTC with {2} incidents? "
                  "The damaged file is kept in {3}.").format(
        error, QLocale().toString(QDateTime(QDate(taken.taken_at.date()), QTime(taken.taken_at.hour, taken.taken_at.minute),
                                            QTimeZone.utc()), "d MMMM yyyy HH:mm"),
        QLocale().toString(taken.incidents or 0), backup.backup_dir(path))
    if QMessageBox.question(parent, title, question) != QMessageBox.StandardButton.Yes:
        return False
    try:
        backup.restore(path, source, passphrase)
    except errors.DatabaseError as exc:
        QMessageBox.critical(parent, title, message(exc))
        return False
    return True


def open_interactive(path: Path, parent=None, passphrase: str | None = None) -> Database | None:
    """Open the database for the window, asking what only the user can answer; None if the user gives up.
    The window then takes the day's backup (take_daily_backup).

    Other refusals (newer, foreign, unreadable) are raised for the caller's message."""
    while True:
        try:
            database = open_database(path, passphrase=passphrase)
            break
        except (errors.PassphraseRequired, errors.WrongPassphrase) as exc:
            error = message(exc) if isinstance(exc, errors.WrongPassphrase) else ""
            passphrase = ask_passphrase(path, error, parent)
            if passphrase is None:
                return None
        except errors.DamagedDatabase as exc:
            if not offer_restore(path, message(exc), parent, passphrase):
                return None
    return database


def take_daily_backup(state, parent=None) -> None:
    """Today's backup if there is none yet, as an op once the window is up (it copies the whole file); a
    failure is said, and the work goes on: the user learns there is no fresh backup."""
    db = state.db
    if not db.readonly and not db.on_server:  # a server has its own backups (pg_dump)
        state.ops.run(Op(_daily, db.path, db.passphrase).on_failure(
            lambda text: QMessageBox.warning(parent, tr("No backup today"), text)))


def _daily(path: Path, passphrase: str | None, progress=None) -> Path | None:
    return backup.daily(path, passphrase)
