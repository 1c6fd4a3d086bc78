"""Another process writes, the window follows: from another process's committed site record to the open
window's situation worked out again with it (app/watch.py reads PRAGMA data_version once a second).

An AppState (the window's shared state, its views left out) is open on a seeded file; a child process writes
one site record at a time through db.sites.writes, at a random moment of the watcher's second. Measured: the
time from the child's commit to `situation_changed` in the window, over ROUNDS writes; and the cost of one
look (the PRAGMA on its own connection). Beside them, a same-run baseline: the same record written by the
window itself (an op), from the op's start to `situation_changed`.
Target: every follow under 2 s; a look in microseconds.
"""
from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROUNDS = 10
ROOT = Path(__file__).resolve().parents[1]
CHILD = """
import sys, time
from datetime import date
from db import open_database
from db.scenario.stored import read_scenario
from db.sites import draft, writes
db = open_database(sys.argv[1])
ctx = draft.context(read_scenario(db), date(2030, 1, 1))
for line in sys.stdin:
    writes.create(db, draft.SiteRecordDraft(site="bamako", kind="repatriated", date="2023-09-01",
                                            value=line.strip(), category="civilian"), "bench", ctx)
    print(time.time(), flush=True)
"""


def main(rounds: int = ROUNDS) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from app.gui import open_state
    from app.ops import Op
    from db.sites import draft, writes

    with tempfile.TemporaryDirectory(prefix="sitmon-watch-") as tmp:
        os.environ["SITMON_DATA_DIR"] = str(Path(tmp) / "data")
        path = Path(tmp) / "watch.sqlite"
        state = open_state(path, "en")
        rng = random.Random(1)
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(path)], cwd=ROOT, stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})

        def wait_for(done) -> None:
            while not done():
                app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)

        follows, own = [], []
        try:
            for n in range(rounds):
                seen = []
                state.situation_changed.connect(lambda _s: seen.append(time.time()))
                time.sleep(rng.uniform(0, 1))  # anywhere in the watcher's second
                child.stdin.write(f"{100 + n}\n")
                child.stdin.flush()
                committed = float(child.stdout.readline())
                wait_for(lambda: seen)
                follows.append(seen[0] - committed)
                state.situation_changed.disconnect()
            ctx = draft.context(state.scenario, __import__("datetime").date(2030, 1, 1))
            for n in range(rounds):
                seen = []
                state.situation_changed.connect(lambda _s: seen.append(time.time()))
                typed = draft.SiteRecordDraft(site="bamako", kind="repatriated", date="2023-09-02",
                                              value=str(500 + n), category="civilian")
                start = time.time()
                state.ops.run(Op(lambda db, progress=None: writes.create(db, typed, "bench", ctx), state.db)
                              .writes("site_records"))
                wait_for(lambda: seen)
                own.append(seen[0] - start)
                state.situation_changed.disconnect()
            looks = []
            for _ in range(1000):
                t0 = time.perf_counter()
                state.watcher.check()
                looks.append(time.perf_counter() - t0)
        finally:
            child.stdin.close()
            child.wait(30)
            state.shutdown()
            state.db.close()
    result = {"follow_median_s": statistics.median(follows), "follow_max_s": max(follows),
              "own_median_s": statistics.median(own), "look_median_us": 1e6 * statistics.median(looks)}
    print(f"another process's record shown after  median {result['follow_median_s']:.2f} s, "
          f"max {result['follow_max_s']:.2f} s ({rounds} writes)")
    print(f"baseline: the window's own write shown after median {result['own_median_s'] * 1000:.0f} ms")
    print(f"one look (PRAGMA data_version on its own connection): median {result['look_median_us']:.0f} µs")
    return result


if __name__ == "__main__":
    main()
