"""Idle cost: the real app (`python -m app --db FILE`, offscreen) left alone for 30 s.

Started as its own process with settings and data in a temporary folder; once start-up has settled
(less than 1 % CPU over 2 s), its CPU time (user + system, psutil) and its context switches
(wake-ups) are measured over 30 s with nothing changing. Beside it, a same-run baseline: a bare
QApplication showing an empty QMainWindow, measured the same way.
Target: the app within 0.5 percentage points of the baseline, both near 0 %.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

SECONDS = 30.0
SETTLE_WINDOW, SETTLE_CPU, SETTLE_LIMIT = 2.0, 0.01, 120.0
ROOT = Path(__file__).resolve().parents[1]
BASELINE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow()
w.resize(1366, 768)
w.show()
sys.exit(app.exec())
"""


def _cpu(proc: psutil.Process) -> float:
    t = proc.cpu_times()
    return t.user + t.system


def _switches(proc: psutil.Process) -> int:
    c = proc.num_ctx_switches()
    return c.voluntary + c.involuntary


def measure(argv: list[str], env: dict[str, str], seconds: float = SECONDS) -> dict[str, float]:
    """Start `argv`, wait until it idles, then measure CPU % and wake-ups per second over `seconds`."""
    popen = subprocess.Popen(argv, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        proc = psutil.Process(popen.pid)
        started = time.monotonic()
        last = _cpu(proc)
        while True:  # start-up: importing, opening and seeding the database, the first paint
            time.sleep(SETTLE_WINDOW)
            if popen.poll() is not None:
                raise RuntimeError(f"{argv} exited with {popen.returncode}: {popen.stderr.read().decode()[-2000:]}")
            now = _cpu(proc)
            if now - last < SETTLE_CPU * SETTLE_WINDOW:
                break
            last = now
            if time.monotonic() - started > SETTLE_LIMIT:
                raise RuntimeError(f"{argv} did not settle within {SETTLE_LIMIT:.0f} s")
        settle, startup_cpu = time.monotonic() - started, _cpu(proc)
        cpu0, sw0, t0 = _cpu(proc), _switches(proc), time.monotonic()
        time.sleep(seconds)
        cpu1, sw1, t1 = _cpu(proc), _switches(proc), time.monotonic()
        threads = proc.num_threads()
    finally:
        popen.terminate()
        try:
            popen.wait(10)
        except subprocess.TimeoutExpired:
            popen.kill()
            popen.wait()
    wall = t1 - t0
    return {"cpu_percent": 100 * (cpu1 - cpu0) / wall, "cpu_s": cpu1 - cpu0, "wakeups_per_s": (sw1 - sw0) / wall,
            "threads": threads, "settle_s": settle, "startup_cpu_s": startup_cpu, "wall_s": wall}


def main(seconds: float = SECONDS) -> dict[str, dict[str, float]]:
    with tempfile.TemporaryDirectory(prefix="sitmon-idle-") as tmp:
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               "PYQTGRAPH_QT_LIB": "PySide6", "SITMON_DATA_DIR": str(Path(tmp) / "data"),
               "XDG_CONFIG_HOME": str(Path(tmp) / "config"), "SITMON_LANG": os.environ.get("SITMON_LANG", "en")}
        env.pop("SITMON_DB", None)
        results = {
            "baseline (empty QMainWindow)": measure([sys.executable, "-c", BASELINE], env, seconds),
            "sitmon window": measure([sys.executable, "-m", "app", "--db", str(Path(tmp) / "idle.sqlite")],
                                     env, seconds),
        }
    for name, r in results.items():
        print(f"{name:30s} CPU {r['cpu_percent']:5.2f} % ({r['cpu_s']:.3f} s in {r['wall_s']:.0f} s), "
              f"{r['wakeups_per_s']:6.1f} context switches/s, {r['threads']} threads "
              f"(settled after {r['settle_s']:.0f} s, {r['startup_cpu_s']:.1f} s of CPU to start)")
    return results


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else SECONDS)
