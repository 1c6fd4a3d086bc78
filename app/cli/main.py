"""The `sitmon` command: one argparse tree, one module per command group. No subcommand opens the window.

Exit codes: 0 done, 1 refused (bad file, rows refused, damaged database), 2 usage error,
3 conflicts need a choice (package import, hq ingest), 4 database damaged (check).
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QtMsgType, qInstallMessageHandler

from app import i18n, settings
from app.cli.common import Parser, fail, missing_folder, tr
from app.cli.peek import peek


def build_parser() -> Parser:
    from app.cli import backup, briefing, exchange, hq, packages, routes, scenario, sites, status  # each imports its work when run

    p = Parser(prog="sitmon", description=tr("Offline situation monitor. Without a command, opens the window."))
    p.add_argument("--db", type=settings.database_target,
                   help=tr("database file, or a PostgreSQL database: postgresql://HOST/NAME or "
                           "postgresql:///?service=NAME (default: SITMON_DB or the user's data folder)"))
    p.add_argument("--lang", choices=("en", "fr"), help=tr("interface language"))
    p.add_argument("--passphrase-file", type=Path, metavar="FILE",
                   help=tr("file whose first line is the passphrase of an encrypted database "
                           "(default: SITMON_PASSPHRASE)"))
    sub = p.add_subparsers(dest="command", parser_class=Parser)
    for group in (status, sites, scenario, exchange, packages, briefing, backup, routes, hq):
        group.register(sub)
    return p


def application(command: str | None, lang: str):
    """The Qt application, with the translators of `lang` installed. Always a QApplication (the
    painting commands need one, and a process holds one application type for good); commands
    never show a window, so they run on the offscreen platform."""
    from PySide6.QtWidgets import QApplication

    app = QCoreApplication.instance()
    if app is None:
        if command is not None or not has_display():
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
            qInstallMessageHandler(_offscreen_messages)
        app = QApplication(sys.argv[:1])
    i18n.install(lang)
    return app


def _offscreen_messages(kind: QtMsgType, _context, text: str) -> None:
    """Qt's own messages on stderr, less the offscreen platform's note on every window shown (the painting
    commands show their widgets offscreen): a command prints only what it has to say."""
    if text != "This plugin does not support propagateSizeHints()":
        print(text, file=sys.stderr)


def has_display() -> bool:
    """A screen to open the window on (always true outside Linux, or when a platform is forced)."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _peek(argv) -> tuple[str | None, str]:
    """The subcommand and language, before the full parser (whose help texts are translated)."""
    peeked = peek(argv)
    return peeked.command, peeked.lang if peeked.lang in i18n.LANGUAGES else i18n.choose_language()


def _window_args(argv) -> argparse.Namespace | None:
    """When the arguments hold nothing but the window's own options, well formed, those options: the window
    then starts without the full parser, which imports every command (the database layers among them: most of
    a second before the window could show). None otherwise: the full parser reads them (and says what is wrong)."""
    pre = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    pre.add_argument("--db", type=settings.database_target)
    pre.add_argument("--lang")
    pre.add_argument("--passphrase-file", type=Path)
    try:
        known, rest = pre.parse_known_args(argv)
    except argparse.ArgumentError:
        return None
    return None if rest or known.lang not in (None, *i18n.LANGUAGES) else known


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    command, lang = _peek(argv)
    window_args = _window_args(argv)
    window_possible = has_display()  # before application() picks a platform
    app = application(command, lang)  # noqa: F841 (kept alive while the command runs)
    args = window_args or build_parser().parse_args(argv)
    args.lang = lang
    if window_args is not None or args.command is None:
        if not window_possible:
            return fail(tr("no display to open the window on: start sitmon from a desktop session "
                           "(the commands, e.g. 'sitmon status', work without one)"), 1)
        from app.gui import run

        return run(args)
    refused = missing_folder(args.out) if getattr(args, "out", None) is not None else None
    if refused:
        return fail(refused, 1)
    from db.scenario.files import ScenarioError
    from db.store.errors import DatabaseError

    try:
        code = args.func(args)
        sys.stdout.flush()  # a reader that went away is met here, not in the interpreter's exit
        return code
    except (DatabaseError, ScenarioError) as exc:
        from app.i18n import message

        return fail(message(exc), 1)
    except BrokenPipeError:  # the reader went away (`sitmon status ... | head`): say nothing, as other tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nor at exit, flushing the rest
        return 1
    except OSError as exc:  # a file that cannot be written or read: a full disk, a missing folder
        where = exc.filename or ""
        return fail(tr("{0}: {1}").format(where, exc.strerror or exc) if where else str(exc.strerror or exc), 1)
