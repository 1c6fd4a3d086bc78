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
    from app.cli.main import main as cli_main

    sys.exit(cli_main())


if __name__ == "__main__":
    main()
