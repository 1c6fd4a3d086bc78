"""`python -m app` and the `sitmon` command."""
import os
import sys

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")  # PySide6 before pyqtgraph, always


def main() -> None:
    os.umask(0o077)  # every file sitmon makes (settings, exports, packages, backups, logs) is the user's alone
    from app import syscheck
    from app.cli.peek import peek

    peeked = peek(sys.argv[1:])
    if syscheck.check(window=peeked.command is None and not peeked.help):  # before Qt aborts on a missing library
        sys.exit(1)
    skip_pyside_source_scan()
    from app.cli.main import main as cli_main

    sys.exit(cli_main())


def skip_pyside_source_scan() -> None:
    """Once PySide6 is imported it reads the source of every module imported after it (shibokensupport.feature
    asks each one whether it mentions PySide6), so that a module using `from __feature__ import snake_case`
    does not leak that choice into the others. sitmon and pyqtgraph select no feature (tests/app/test_start.py
    keeps it so): the reading is only cost, about 130 ms of the 0.85 s of imports before the window's views and
    every command, and the sources kept in memory. Modules are then marked as not using features (-1), which is
    what the selection they would get (none) means. A PySide6 without this hook is left as it is."""
    import PySide6.QtCore  # noqa: F401 (loads shibokensupport)

    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = lambda module: False


if __name__ == "__main__":
    main()
