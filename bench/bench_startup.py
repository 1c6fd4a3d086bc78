"""Cold start: a new process to the main window drawn (first paint), median of 5, beside a bare
QMainWindow started the same way in the same run. Each run uses a fresh database copy."""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from time import perf_counter

RUNS = 5

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
window = MainWindow(open_state(sys.argv[1], "en"))
window.resize(1366, 768)
window.show()
window.grab()  # everything painted once
"""

BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1366, 768)
window.show()
window.grab()
"""


def run(code: str, *args: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    t = perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], check=True, env=env, capture_output=True)
    return (perf_counter() - t) * 1000


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        seeded = Path(tmp) / "seeded.sqlite"
        subprocess.run([sys.executable, "-m", "app", "--db", str(seeded), "status", "--date", "2023-08-15"],
                       check=True, capture_output=True, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
        app_ms, bare_ms = [], []
        for i in range(RUNS):
            db = Path(tmp) / f"run{i}.sqlite"
            shutil.copy(seeded, db)
            app_ms.append(run(APP, str(db), str(Path(tmp) / f"settings{i}")))
            bare_ms.append(run(BARE))
    print(f"{'cold start to a drawn window (ms, 5 runs)':<44} {'median':>8} {'min':>8} {'max':>8}")
    for name, xs in (("sitmon main window", app_ms), ("baseline: bare QMainWindow", bare_ms)):
        print(f"{name:<44} {statistics.median(xs):8.0f} {min(xs):8.0f} {max(xs):8.0f}")


if __name__ == "__main__":
    main()
