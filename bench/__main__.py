"""`make bench`: run every benchmark; each prints its figures beside a same-run baseline.

`python -m bench NAME...` runs only those (e.g. `python -m bench map`).
"""
import os
import sys
from importlib import import_module

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

BENCHES = ("startup", "map", "cursor", "incidents", "exchange", "briefing", "routes", "watch", "postgres", "idle")


def main(names: list[str]) -> int:
    for name in names or BENCHES:
        print(f"\n=== bench_{name} ===", flush=True)
        import_module(f"bench.bench_{name}").main()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
