"""`sitmon scenario check FILE` and `sitmon scenario load FILE`."""
from __future__ import annotations

from pathlib import Path

from app.cli.common import Parser, open_db, tr


def register(sub) -> None:
    sc = sub.add_parser("scenario", help=tr("check or load a scenario file"))
    scs = sc.add_subparsers(dest="scenario_command", required=True, parser_class=Parser)
    check = scs.add_parser("check", help=tr("validate a scenario file"))
    check.add_argument("file", type=Path)
    check.set_defaults(func=cmd_scenario_check)
    load = scs.add_parser("load", help=tr("load a scenario file into the database"))
    load.add_argument("file", type=Path)
    load.set_defaults(func=cmd_scenario_load)


def cmd_scenario_check(args) -> int:
    from db.scenario.files import load_file

    s = load_file(args.file)
    print(tr("{0}: valid scenario '{1}': {2} sites, {3} phases, {4} events").format(
        args.file, s.mission.id, len(s.sites), len(s.phases), len(s.events)))
    return 0


def cmd_scenario_load(args) -> int:
    from db.scenario.stored import load_scenario

    database = open_db(args)
    try:
        s = load_scenario(database, args.file)
    finally:
        database.close()
    print(tr("Loaded scenario '{0}' into {1}").format(s.mission.id, database.path))
    return 0
