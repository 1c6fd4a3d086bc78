"""What every `sitmon` command shares: translated messages, one-line usage errors, dates, opening the
database, and the author that writes are recorded under."""
from __future__ import annotations

import argparse
import sys
from datetime import date

from PySide6.QtCore import QCoreApplication

from app import settings


def tr(text: str) -> str:
    """Translate a CLI message. lupdate files a bare `tr("...")` call under the empty context
    (it only knows `self.tr` and `translate("Context", ...)`), so that is where it is looked up."""
    return QCoreApplication.translate("", text)


class Parser(argparse.ArgumentParser):
    """argparse with one-line errors (exit 2), as scripts at headquarters expect."""

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


def open_db(args):
    """Open --db / SITMON_DB / the default database; a missing file is created and seeded."""
    from app.recovery import passphrase_given
    from db import open_database

    return open_database(args.db or settings.default_db_path(), passphrase=passphrase_given(args))
