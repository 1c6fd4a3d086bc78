"""The window on a PostgreSQL database: it says where the data is, offers the conflict queue, follows what
another process writes (the tables' notifications), and sends backups to the server's own tools."""
import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from tests.app.conftest import wait_for_ops
from tests.app.test_watch import sitmon, status_of

pytestmark = [pytest.mark.postgresql, pytest.mark.parametrize("db_engine", ["postgresql"], indirect=True)]
SHOTS = Path(os.environ.get("SITMON_SHOTS", "/work/shots/issue-20"))


def test_the_window_names_the_server_and_offers_the_queue(main_window, qtbot):
    w = main_window
    label = w.findChild(QLabel, "database-path")
    assert label.text() == f"Database: {w.state.db.url}"
    texts = [a.text().replace("&", "") for a in w.menuBar().actions()[0].menu().actions()]
    assert "Conflicts waiting…" in texts
    w.backups.back_up_now()
    assert "pg_dump --format=custom" in w.backups.notice.text()
    w.backups.notice.close()
    if SHOTS.parent.exists():
        SHOTS.mkdir(parents=True, exist_ok=True)
        w.resize(1366, 768)
        qtbot.waitUntil(lambda: w.width() == 1366)
        w.grab().save(str(SHOTS / "window-postgresql-en.png"))
    wait_for_ops(qtbot, w.state)


def test_a_site_record_made_by_another_process_shows_in_the_open_window(main_window, qtbot):
    w = main_window
    w.state.cursor.set_date(date(2023, 9, 10))
    assert status_of(w, "Goundam") == "closure due"
    done = sitmon(w.state.db.url, "site", "record", "goundam", "handover", "--date", "2023-09-05")
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: status_of(w, "Goundam") == "handed over", timeout=10000)
    wait_for_ops(qtbot, w.state)
