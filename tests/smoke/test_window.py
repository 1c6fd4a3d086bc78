"""The real program in a real window: `python -m app` on Xvfb with Qt's xcb platform (not offscreen), driven
from outside with xdotool as a user would. Catches what in-process tests cannot: the entry point, the system
libraries Qt's xcb plugin loads, fonts, Qt's own file dialogs, dialogs that show themselves late, a clean exit,
and anything printed on stderr."""
import sqlite3
import subprocess
import sys

import numpy as np
import pytest

from tests.db.exchange import exchange_data
from tests.services import require_sqlcipher

from .desktop import ROOT, Desktop, Program

pytestmark = pytest.mark.smoke

TITLE = r"^sitmon — "  # the main window: "sitmon — <mission name>"


def count(path) -> int:
    with sqlite3.connect(path) as con:
        return con.execute("SELECT count(*) FROM incidents").fetchone()[0]


def file_menu(desktop, window, program, key: str) -> None:
    """File (Alt+F), then the item whose underlined letter is `key`, as a user does from the keyboard. The
    menu takes the keyboard a moment after it is mapped: the letter is typed again while the menu stays open."""
    desktop.send_keys(window.id, "alt+f")
    menu = desktop.wait_for_more([window], program)
    for _ in range(20):
        program.pause(0.25)
        if menu.id not in {w.id for w in desktop.windows()}:
            return
        desktop.press(key)
    raise AssertionError(f"the File menu did not take {key!r}: {desktop.windows()}\n{program.output()}")


def answer_file_dialog(desktop, title: str, path, program) -> None:
    """Qt's own file dialog: type the path over the name it offers, then Enter."""
    dialog = desktop.wait_for_window(title, program)
    desktop.send_keys(dialog.id, "ctrl+a")
    desktop.type_text(dialog.id, str(path))
    desktop.send_keys(dialog.id, "Return")


def close_message(desktop, program) -> None:
    """The result message (its title "Exchange"): read, then closed with Enter."""
    message = desktop.wait_for_window(r"^Exchange$", program, timeout=120)
    desktop.send_keys(message.id, "Return")


def test_window_opens_draws_and_quits_cleanly(x_display, tmp_path):
    desktop = Desktop(x_display)
    with Program(["--db", str(tmp_path / "x.sqlite"), "--lang", "en"], x_display, tmp_path / "user") as program:
        window = desktop.wait_for_window(TITLE, program)
        assert [w.title for w in desktop.windows()] == [window.title]  # no dialog at start
        shot = desktop.screenshot(tmp_path / "window.png", program)
        desktop.send_keys(window.id, "ctrl+q")
        code = program.wait(timeout=30)
    assert code == 0, program.output()
    assert program.unexpected_stderr() == [], program.output()
    assert shot.shape == (768, 1366, 3)
    colours = np.unique(shot.reshape(-1, 3), axis=0)
    assert len(colours) > 50, f"the screen looks blank ({len(colours)} colours): see {tmp_path / 'window.png'}"
    assert (tmp_path / "x.sqlite").exists()


def test_export_and_import_through_the_file_menu_leave_no_dialog_open(x_display, tmp_path):
    """File > Export incidents… (a quick op: its progress dialog used to show itself after the op had ended, by
    its own timer, and stay) then File > Import incidents… of 50,000 rows (a long op: its progress dialog shows,
    then closes); each result message closed, nothing else may stay open or appear."""
    db, exported, imported = tmp_path / "x.sqlite", tmp_path / "out.csv", tmp_path / "hq.csv"
    exchange_data.write(imported, exchange_data.rows(50_000))
    desktop = Desktop(x_display)
    with Program(["--db", str(db), "--lang", "en"], x_display, tmp_path / "user") as program:
        window = desktop.wait_for_window(TITLE, program)

        file_menu(desktop, window, program, "e")  # &Export incidents…
        dialog = desktop.wait_for_window(r"^Export incidents$", program)
        desktop.send_keys(dialog.id, "Return")  # Export…
        answer_file_dialog(desktop, r"^Export to$", exported, program)
        close_message(desktop, program)
        desktop.wait_alone(window, program)

        file_menu(desktop, window, program, "i")  # &Import incidents…
        answer_file_dialog(desktop, r"^Import incidents$", imported, program)
        close_message(desktop, program)
        desktop.wait_alone(window, program)
        desktop.screenshot(tmp_path / "after-import.png", program)

        desktop.send_keys(window.id, "ctrl+q")
        code = program.wait(timeout=60)
    assert code == 0, program.output()
    assert program.unexpected_stderr() == [], program.output()
    assert exported.read_text(encoding="utf-8").count("\n") == 1 + 1  # the header and the scenario's incident
    assert count(db) == 1 + 50_000


def test_quitting_while_an_import_runs_prints_nothing_and_writes_nothing(x_display, tmp_path):
    """Ctrl+Q while File > Import incidents… works through 200,000 rows (its progress dialog on screen): the
    work stops before the database closes (quitting printed "disk I/O error" tracebacks of workers still
    running), the process exits 0, and nothing of the import is half-written."""
    db, big = tmp_path / "x.sqlite", tmp_path / "big.csv"
    exchange_data.write(big, exchange_data.rows(200_000))
    desktop = Desktop(x_display)
    with Program(["--db", str(db), "--lang", "en"], x_display, tmp_path / "user") as program:
        window = desktop.wait_for_window(TITLE, program)
        file_menu(desktop, window, program, "i")  # &Import incidents…
        answer_file_dialog(desktop, r"^Import incidents$", big, program)
        desktop.wait_for_window(r"^sitmon$", program)  # the progress dialog: the work is under way
        desktop.send_keys(window.id, "ctrl+q")
        code = program.wait(timeout=60)
    assert code == 0, program.output()
    assert program.unexpected_stderr() == [], program.output()
    assert count(db) == 1  # the scenario's incident only


def test_an_encrypted_database_opens_and_quits_without_a_word(x_display, tmp_path):
    """`sitmon encrypt`, then the window with --passphrase-file: every reader uses the one database and its
    passphrase (the incident log's worker failed with "file is not a database" on stderr)."""
    require_sqlcipher()
    db, secret = tmp_path / "x.sqlite", tmp_path / "passphrase.txt"
    secret.write_text("field secret\n", encoding="utf-8")
    for argv in (["status", "--date", "2023-08-15"], ["--passphrase-file", str(secret), "encrypt"]):
        subprocess.run([sys.executable, "-m", "app", "--db", str(db), *argv], cwd=ROOT, check=True,
                       capture_output=True, timeout=120)
    desktop = Desktop(x_display)
    with Program(["--db", str(db), "--passphrase-file", str(secret), "--lang", "en"], x_display,
                 tmp_path / "user") as program:
        window = desktop.wait_for_window(TITLE, program)
        file_menu(desktop, window, program, "e")  # an export reads through the same database
        desktop.send_keys(desktop.wait_for_window(r"^Export incidents$", program).id, "Return")
        answer_file_dialog(desktop, r"^Export to$", tmp_path / "out.csv", program)
        close_message(desktop, program)
        desktop.wait_alone(window, program)
        desktop.send_keys(window.id, "ctrl+q")
        code = program.wait(timeout=60)
    assert code == 0, program.output()
    assert program.unexpected_stderr() == [], program.output()
    assert (tmp_path / "out.csv").read_text(encoding="utf-8").count("\n") == 2
