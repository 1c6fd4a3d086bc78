"""What every `sitmon` command shares: translated messages, one-line usage errors, dates, opening the
database, and the author that writes are recorded under."""
from __future__ import annotations

import argparse
import sys
from datetime import date

from PySide6.QtCore import QCoreApplication

from app import settings


def tr(text: str, disambiguation: str = "", n: int = -1) -> str:
    """Translate a CLI message ("%n" plurals with `n`). lupdate files a bare `tr("...")` call under the empty
    context (it only knows `self.tr` and `translate("Context", ...)`), so that is where it is looked up."""
    return QCoreApplication.translate("", text, disambiguation or None, n)


class HelpFormatter(argparse.HelpFormatter):
    """Section headings written as the interface language writes a heading and its colon ("options :")."""

    def start_section(self, heading):
        text = tr("{0}:", "a heading of the command's help, e.g. options:").format(heading)
        super().start_section(text.removesuffix(":"))  # argparse adds the colon itself


class Parser(argparse.ArgumentParser):
    """argparse with one-line errors (exit 2), as scripts at headquarters expect, and translated headings."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str):
        self.exit(2, tr("{0}: error: {1}").format(self.prog, message) + "\n")


FIRST_YEAR, LAST_YEAR = 1900, 2100  # dates sitmon works with: a typo such as 0001-01-01 is refused


def iso_date(text: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(tr("'{0}' is not a valid date (YYYY-MM-DD)").format(text)) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise argparse.ArgumentTypeError(tr("'{0}' is outside the years {1} to {2}").format(
            text, FIRST_YEAR, LAST_YEAR))
    return day


def fail(message: str, code: int = 1) -> int:
    print(f"sitmon: {message}", file=sys.stderr)
    return code


def missing_folder(path) -> str | None:
    """The message refusing an output file whose folder does not exist (nothing is created), else None."""
    folder = path.expanduser().absolute().parent
    return None if folder.is_dir() else tr("the folder {0} does not exist: nothing was written").format(folder)


def open_db(args):
    """Open --db / SITMON_DB / the default database; a missing file is created and seeded, and said so on
    stderr (a mistyped --db is seen at once)."""
    from app.recovery import passphrase_given
    from db import open_database

    database = open_database(args.db or settings.default_db_path(), passphrase=passphrase_given(args))
    if database.created:
        print("sitmon: " + tr("created a new database at {0}").format(database.path), file=sys.stderr)
    return database
