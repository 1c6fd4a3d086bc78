"""Another process writes, the window follows: `sitmon site record` run as a subprocess while the window is
open shows in it without a restart; our own writes are announced once; the watcher's read never waits."""
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

from app.ops import Op
from app.watch import EVERYTHING
from db.store.dialect import sqlite as sqlite_dialect
from tests.app.conftest import wait_for_ops

ROOT = Path(__file__).resolve().parents[2]


def sitmon(db_path, *argv) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", "--db", str(db_path), *argv], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def status_of(w, site_name):
    model = w.site_panel.model
    return next(model.index(r, 1).data() for r in range(model.rowCount()) if model.index(r, 0).data() == site_name)


def test_a_site_record_made_by_another_process_shows_in_the_open_window(main_window, qtbot):
    w = main_window
    w.state.cursor.set_date(date(2023, 9, 10))
    assert status_of(w, "Goundam") == "closure due"
    done = sitmon(w.state.db.path, "site", "record", "goundam", "handover", "--date", "2023-09-05",
                  "--source", "radio Goundam")
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: status_of(w, "Goundam") == "handed over", timeout=10000)
    assert w.map.site_status("goundam") == "handed-over"
    assert [r.id for r in w.state.records] == [done.stdout.strip()]
    assert any(m.site_id == "goundam" for m in w.timeline.record_marks())
    wait_for_ops(qtbot, w.state)


def test_an_incident_import_by_another_process_shows_too(main_window, qtbot, tmp_path):
    w = main_window
    count = w.state.incident_points().ids.size
    from db import open_database
    from db.exchange import exports
    from db.incidents import draft, writes
    from db.scenario.stored import read_scenario

    other = open_database(tmp_path / "other.sqlite")  # an incident from elsewhere, as a sitmon CSV file
    writes.create(other, draft.IncidentDraft(occurred_on="2023-09-01", location="16.27, -0.04", type="ied",
                                             description="from the field"), "other", draft.context(read_scenario(other).sites))
    rows = tmp_path / "incidents.csv"
    exports.export_incidents(other, rows)
    other.close()
    done = sitmon(w.state.db.path, "import", "incidents", str(rows))
    assert done.returncode == 0 and "1 created" in done.stdout, done.stdout + done.stderr
    qtbot.waitUntil(lambda: w.state.incident_points().ids.size == count + 1, timeout=10000)
    wait_for_ops(qtbot, w.state)


def test_our_own_write_is_announced_once(state, qtbot):
    state.watcher.timer.stop()  # looked at by hand below
    announced = []
    state.changed.connect(announced.append)
    from db.sites import draft, writes
    from db.clock import utcnow

    ctx = draft.context(state.scenario, utcnow().date())
    typed = draft.SiteRecordDraft(site="goundam", kind="handover", date="2023-09-05")
    state.ops.run(Op(lambda db, progress=None: writes.create(db, typed, "me", ctx), state.db).writes("site_records"))
    wait_for_ops(qtbot, state)
    assert announced == [frozenset({"site_records"})]
    assert not state.watcher.check()  # the counter moved by our write is ours
    assert announced == [frozenset({"site_records"})]


def test_a_commit_of_another_process_just_before_ours_is_still_announced(state, qtbot):
    state.watcher.timer.stop()
    announced = []
    state.changed.connect(announced.append)
    with sqlite3.connect(state.db.path) as other:  # another process's connection, committed
        other.execute("INSERT INTO meta(key, value) VALUES ('other', 'x')")
    state.ops.run(Op(lambda db, progress=None: None, state.db).writes("incidents"))  # ours, before any look
    wait_for_ops(qtbot, state)
    assert announced[:2] == [frozenset({"incidents"}), EVERYTHING]
    assert not state.watcher.check()


def test_the_watchers_read_never_waits_for_a_lock(db, tmp_path):
    counter = sqlite_dialect.DataVersion(db.path)
    try:
        assert counter.busy_timeout() == 0
        first = counter.read()
        writer = sqlite3.connect(db.path, isolation_level=None)
        writer.execute("BEGIN IMMEDIATE")  # a writer mid-transaction: a WAL reader goes on
        writer.execute("INSERT INTO meta(key, value) VALUES ('w', '1')")
        assert counter.read() == first
        writer.execute("COMMIT")
        writer.close()
        assert counter.read() != first
    finally:
        counter.close()
    plain = tmp_path / "rollback.sqlite"  # a file in rollback-journal mode, where a writer does lock readers out
    with sqlite3.connect(plain) as con:
        con.execute("CREATE TABLE t (x)")
    counter = sqlite_dialect.DataVersion(plain)
    writer = sqlite3.connect(plain, isolation_level=None)
    try:
        writer.execute("BEGIN EXCLUSIVE")
        writer.execute("INSERT INTO t VALUES (1)")
        assert counter.read() is None  # busy: given up at once (a waiting read would hang this test for 5 s)
        writer.execute("COMMIT")
        assert counter.read() is not None
    finally:
        writer.close()
        counter.close()
