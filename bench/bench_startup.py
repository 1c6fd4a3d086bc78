"""Cold start: a new process to the main window drawn (first paint), then to its incidents drawn
(they load in the background and arrive after), median of 5, beside a bare QMainWindow started the same
way in the same run. With the default scenario and with 100,000 incidents; each run uses a fresh copy."""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from time import time

RUNS = 5
N_INCIDENTS = 100_000

APP = """
import sys
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
    QSettings.setPath(fmt, QSettings.Scope.UserScope, sys.argv[2])
app = QApplication([])
from app import i18n
from app.gui import open_state
from app.main_window import MainWindow
i18n.install("en")
from PySide6.QtCore import QEventLoop
from time import time
state = open_state(sys.argv[1], "en")
window = MainWindow(state)
window.resize(1366, 768)
window.show()
window.grab()  # everything painted once
print(time())  # window drawn
if state.points_loading:
    loop = QEventLoop()
    state.points_ready.connect(loop.quit)
    state.points_failed.connect(loop.quit)
    loop.exec()
window.grab()  # painted again with the incidents on the map and the timeline
print(time())  # incidents drawn
"""

BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1366, 768)
window.show()
window.grab()
from time import time
print(time())  # window drawn
"""


def run(code: str, *args: str) -> list[float]:
    """ms from starting the process to each time it prints a wall-clock stamp."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    wall = time()
    out = subprocess.run([sys.executable, "-c", code, *args], check=True, env=env, capture_output=True, text=True)
    return [(float(line) - wall) * 1000 for line in out.stdout.split()]


def main() -> None:
    from bench.bench_cursor import add_incidents

    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        seeded = Path(tmp) / "seeded.sqlite"
        subprocess.run([sys.executable, "-m", "app", "--db", str(seeded), "status", "--date", "2023-08-15"],
                       check=True, capture_output=True, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
        loaded = Path(tmp) / "loaded.sqlite"
        shutil.copy(seeded, loaded)
        add_incidents(loaded, N_INCIDENTS)
        bare = rows["baseline: bare QMainWindow: window drawn"] = []
        for label, source in (("default scenario", seeded), (f"{N_INCIDENTS:,} incidents", loaded)):
            drawn = rows[f"sitmon, {label}: window drawn"] = []
            incidents = rows[f"sitmon, {label}: incidents drawn"] = []
            for i in range(RUNS):
                run_dir = Path(tmp) / f"{label.split()[0]}-{i}"  # a fresh database copy and settings each run
                run_dir.mkdir()
                db = run_dir / "sitmon.sqlite"
                shutil.copy(source, db)
                window_ms, incidents_ms = run(APP, str(db), str(run_dir / "settings"))
                drawn.append(window_ms)
                incidents.append(incidents_ms)
                if len(bare) < RUNS:
                    bare.extend(run(BARE))
    print(f"{'cold start, ms from process start (5 runs)':<56} {'median':>8} {'min':>8} {'max':>8}")
    for name, xs in rows.items():
        print(f"{name:<56} {statistics.median(xs):8.0f} {min(xs):8.0f} {max(xs):8.0f}")


if __name__ == "__main__":
    main()
