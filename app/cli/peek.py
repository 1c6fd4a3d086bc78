"""The command line read before Qt is imported: which command (None: the window) and which language.

Plain argparse, no Qt: the system check (app/syscheck.py) reads it before anything loads Qt's libraries."""
from __future__ import annotations

import argparse
from dataclasses import dataclass


@dataclass(frozen=True)
class Peeked:
    command: str | None  # the first word that is no option: a command; None opens the window
    lang: str | None  # --lang as given (unchecked)
    help: bool  # -h or --help: nothing is opened


def peek(argv: list[str]) -> Peeked:
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--db")
    pre.add_argument("--lang")  # checked by the full parser
    pre.add_argument("--passphrase-file")
    known, rest = pre.parse_known_args(argv)
    return Peeked(next((a for a in rest if not a.startswith("-")), None), known.lang,
                  any(a in ("-h", "--help") for a in rest))
