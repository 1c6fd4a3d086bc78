"""Starting the window (app/gui.py): the frame is drawn first, from Qt and the basemap's cache; the database,
the views and the heavy imports come after; the day's backup runs as an op."""
import json
import os
import re
import subprocess
import sys
from argparse import Namespace
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from app.gui import Start
from app.main_window import MainWindow
from db.store import backup

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("geopandas", "pandas", "pyogrio", "pyproj", "sqlalchemy", "pyqtgraph", "alembic")

# The real program (app.__main__, as `sitmon --db FILE` starts it), watched from outside: at its window's first
# paint and once its views are attached, which of the heavy modules are imported.
PROBE = """
import json, os, sys
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication
for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
    QSettings.setPath(fmt, QSettings.Scope.UserScope, sys.argv[2])
app = QApplication(["sitmon"])
heavy, seen = json.loads(sys.argv[3]), {}

def imported():
    return sorted(m for m in heavy if m in sys.modules)

class Paints(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and obj.isWidgetType() and obj.window().objectName() == "MainWindow":
            seen.setdefault("first paint", imported())
            window = obj.window()
            if getattr(window, "state", None) is not None and "attached" not in seen:
                seen["attached"] = imported()
                seen["title"] = window.windowTitle()
                scanned = sys.modules["shibokensupport.feature"].pyside_feature_dict
                seen["sources read"] = [m for m in ("app.main_window", "db.store.models") if scanned.get(m) != -1]
                print(json.dumps(seen))
                sys.stdout.flush()
                os._exit(0)
        return False

paints = Paints()
app.installEventFilter(paints)
sys.argv = ["sitmon", "--db", sys.argv[1], "--lang", "en"]
from app.__main__ import main
main()
"""


def test_the_window_is_drawn_before_the_heavy_imports(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path / "x.sqlite"), str(tmp_path / "settings"),
                          json.dumps(HEAVY)], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    seen = json.loads(out.stdout)
    assert seen["first paint"] == []  # the frame and the basemap: Qt and numpy only
    assert "geopandas" not in seen["attached"] and "pyogrio" not in seen["attached"]  # nor for the whole start
    assert "sqlalchemy" in seen["attached"] and "pyqtgraph" in seen["attached"]  # the probe sees imports
    assert seen["title"].startswith("sitmon — ")
    assert seen["sources read"] == []  # PySide6 did not read our modules' source (app.__main__)


def test_no_module_selects_a_pyside_feature():
    """app.__main__.skip_pyside_source_scan holds while no module of ours or pyqtgraph's says
    `from __feature__ import ...` (snake_case, true_property)."""
    import pyqtgraph

    folders = [ROOT / name for name in ("app", "widgets", "db", "geo")] + [Path(pyqtgraph.__file__).parent]
    selects = re.compile(r"^\s*(from __feature__ import|import __feature__)", re.MULTILINE)
    users = [p for folder in folders for p in folder.rglob("*.py") if selects.search(p.read_text(encoding="utf-8"))]
    assert users == []


def start(qtbot, path, **args):
    window = MainWindow(lang="en", db_path=path)
    qtbot.addWidget(window)
    started = Start(window, path, Namespace(lang="en", db=path, passphrase_file=None, **args))
    window.resize(1366, 768)
    window.show()
    return window, started


def test_the_frame_shows_first_and_the_views_follow(qtbot, tmp_path):
    path = tmp_path / "sitmon.sqlite"
    window, started = start(qtbot, path)
    assert window.state is None and window.centralWidget() is window.preview  # drawn from the cache alone
    assert window.statusBar().currentMessage() == "Loading…"
    assert window.findChild(QLabel, "database-path").text().endswith("sitmon.sqlite")
    frame = window.centralWidget().geometry()
    with qtbot.waitSignal(window.attached, timeout=60_000):
        pass
    assert window.centralWidget() is window.map and window.preview is None
    QApplication.processEvents()
    assert window.map.geometry() == frame  # in the frame's place: the docks keep their sizes, nothing jumps
    assert window.windowTitle().startswith("sitmon — ")
    assert len(window.map.sites) > 10 and len(window.map.site_marks.data) == len(window.map.sites)  # sites drawn
    assert window.timeline_controller is not None and window.statusBar().currentMessage() == ""
    qtbot.waitUntil(lambda: not window.state.points_loading, timeout=60_000)  # then the incidents
    qtbot.waitUntil(lambda: window.state.ops.idle, timeout=60_000)  # and the day's backup, as an op
    assert [b.reason for b in backup.list_backups(path)] == ["daily"]
    assert started.code is None
    window.close()


def test_a_database_that_cannot_be_opened_is_said_over_the_frame(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "notes.sqlite"
    path.write_text("not a database, a user's notes\n" * 100)
    told = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: told.append((parent, title)))
    window, started = start(qtbot, path)
    qtbot.waitUntil(lambda: started.code is not None, timeout=60_000)
    assert started.code == 1 and told == [(window, "sitmon cannot open the database")]
    assert not window.isVisible() and window.state is None
    assert path.read_text().startswith("not a database")  # nothing written over it


def test_only_the_windows_own_options_skip_the_full_parser(tmp_path):
    from app.cli.main import _window_args

    args = _window_args(["--db", str(tmp_path / "x.sqlite"), "--lang", "fr", "--passphrase-file", "p.txt"])
    assert (args.db, args.lang, args.passphrase_file) == (tmp_path / "x.sqlite", "fr", Path("p.txt"))
    assert _window_args([]).db is None
    assert _window_args(["--db", "postgresql://hq.example/sitmon"]).db == "postgresql://hq.example/sitmon"  # a URL
    for argv in (["status"], ["--lang", "de"], ["--db"], ["--help"], ["--db", "x", "snapshot"], ["-x"]):
        assert _window_args(argv) is None, argv  # the full parser reads these (and says what is wrong)
