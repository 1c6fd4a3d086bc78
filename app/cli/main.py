"""The `sitmon` command: one argparse tree. No subcommand opens the window.

Exit codes: 0 done, 1 refused (bad file, rows refused, damaged database), 2 usage error,
3 conflicts need a choice (package import), 4 database damaged (check).
"""
from __future__ import annotations

import argparse
import csv
import os
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app import i18n, settings

# `sitmon status` columns: the CSV's names as they are, the table's headings in the interface language
STATUS_COLUMNS = (QT_TRANSLATE_NOOP("StatusTable", "site_id"), QT_TRANSLATE_NOOP("StatusTable", "site"),
                  QT_TRANSLATE_NOOP("StatusTable", "kind"), QT_TRANSLATE_NOOP("StatusTable", "status"),
                  QT_TRANSLATE_NOOP("StatusTable", "since"), QT_TRANSLATE_NOOP("StatusTable", "reason"))


def tr(text: str) -> str:
    """Translate a CLI message. lupdate files a bare `tr("...")` call under the empty context
    (it only knows `self.tr` and `translate("Context", ...)`), so that is where it is looked up."""
    return QCoreApplication.translate("", text)


class Parser(argparse.ArgumentParser):
    """argparse with one-line errors (exit 2), as scripts at headquarters expect."""

    def error(self, message: str):
        self.exit(2, tr("{0}: error: {1}").format(self.prog, message) + "\n")


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(tr("'{0}' is not a valid date (YYYY-MM-DD)").format(text)) from None


def fail(message: str, code: int = 1) -> int:
    print(f"sitmon: {message}", file=sys.stderr)
    return code


def open_db(args):
    """Open --db / SITMON_DB / the default database; a missing file is created and seeded."""
    from db.store.engine import open_database

    from app.recovery import passphrase_given

    return open_database(args.db or settings.default_db_path(), passphrase=passphrase_given(args))


def cmd_status(args) -> int:
    from db import status
    from db.scenario import stored

    database = open_db(args)
    try:
        scenario = stored.read_scenario(database)
    finally:
        database.close()
    rows = []
    for st in status.statuses_on(scenario, args.date):
        site = scenario.site(st.site_id)
        rows.append([site.id, site.name.get(args.lang), site.kind, st.status,
                     st.since.isoformat() if st.since else "", st.reason(args.lang, QCoreApplication.translate)])
    if args.format == "csv":
        out = csv.writer(sys.stdout, lineterminator="\n")
        out.writerow(STATUS_COLUMNS)
        out.writerows(rows)
    else:
        header = [QCoreApplication.translate("StatusTable", c) for c in STATUS_COLUMNS]
        widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(5)]
        for r in [header] + rows:
            print("  ".join(str(v).ljust(w) for v, w in zip(r, widths)) + "  " + r[5])
    return 0


def cmd_scenario_check(args) -> int:
    from db.scenario.files import load_file

    s = load_file(args.file)
    print(tr("{0}: valid scenario '{1}': {2} sites, {3} phases, {4} events").format(
        args.file, s.mission.id, len(s.sites), len(s.phases), len(s.events)))
    return 0


def cmd_scenario_load(args) -> int:
    from db.scenario import stored

    database = open_db(args)
    try:
        s = stored.load_scenario(database, args.file)
    finally:
        database.close()
    print(tr("Loaded scenario '{0}' into {1}").format(s.mission.id, database.path))
    return 0


def build_parser() -> Parser:
    p = Parser(prog="sitmon", description=tr("Offline situation monitor. Without a command, opens the window."))
    p.add_argument("--db", type=Path, help=tr("database file (default: SITMON_DB or the user's data folder)"))
    p.add_argument("--lang", choices=("en", "fr"), help=tr("interface language"))
    p.add_argument("--passphrase-file", type=Path, metavar="FILE",
                   help=tr("file whose first line is the passphrase of an encrypted database "
                           "(default: SITMON_PASSPHRASE)"))
    sub = p.add_subparsers(dest="command", parser_class=Parser)

    st = sub.add_parser("status", help=tr("every site's status on a date"))
    st.add_argument("--date", type=iso_date, required=True)
    st.add_argument("--format", choices=("table", "csv"), default="table")
    st.set_defaults(func=cmd_status)

    sc = sub.add_parser("scenario", help=tr("check or load a scenario file"))
    scs = sc.add_subparsers(dest="scenario_command", required=True, parser_class=Parser)
    check = scs.add_parser("check", help=tr("validate a scenario file"))
    check.add_argument("file", type=Path)
    check.set_defaults(func=cmd_scenario_check)
    load = scs.add_parser("load", help=tr("load a scenario file into the database"))
    load.add_argument("file", type=Path)
    load.set_defaults(func=cmd_scenario_load)

    for module in _feature_commands():
        module.register(sub)
    return p


def _feature_commands():
    """Subcommands added by feature modules; each is light to import (its work is imported when run)."""
    from app.cli import backup
    from app.cli import briefing
    from app.cli import exchange
    from app.cli import snapshot

    return (cli_exchange, snapshot, cli_briefing, backup)


def application(command: str | None, lang: str):
    """The Qt application, with the translators of `lang` installed. Always a QApplication (the
    painting commands need one, and a process holds one application type for good); commands
    never show a window, so they run on the offscreen platform."""
    from PySide6.QtWidgets import QApplication

    app = QCoreApplication.instance()
    if app is None:
        if command is not None or not has_display():
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication(sys.argv[:1])
    i18n.install(lang)
    return app


def has_display() -> bool:
    """A screen to open the window on (always true outside Linux, or when a platform is forced)."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _peek(argv) -> tuple[str | None, str]:
    """The subcommand and language, before the full parser (whose help texts are translated)."""
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--db")
    pre.add_argument("--lang", choices=i18n.LANGUAGES)
    pre.add_argument("--passphrase-file")
    known, rest = pre.parse_known_args(argv)
    command = next((a for a in rest if not a.startswith("-")), None)
    return command, known.lang or i18n.choose_language()


def main(argv: list[str] | None = None) -> int:
    from db.store.engine import DatabaseError
    from db.scenario.files import ScenarioError

    argv = sys.argv[1:] if argv is None else argv
    command, lang = _peek(argv)
    window_possible = has_display()  # before application() picks a platform
    _app = application(command, lang)  # kept alive while the command runs
    args = build_parser().parse_args(argv)
    args.lang = lang
    if args.command is None:
        if not window_possible:
            return fail(tr("no display to open the window on: start sitmon from a desktop session "
                           "(the commands, e.g. 'sitmon status', work without one)"), 1)
        from app.gui import run

        return run(args)
    try:
        return args.func(args)
    except (DatabaseError, ScenarioError) as exc:
        from app.recovery import message

        return fail(message(exc), 1)
