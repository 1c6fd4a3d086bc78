"""What every kind of record shares: bilingual text as data, and the marker of strings to translate.

Records themselves live beside the code that makes them (db/scenario/schema.py, db/incidents/queries.py,
db/status.py...): frozen dataclasses, never ORM objects, no Qt.
"""
from __future__ import annotations

from dataclasses import dataclass

from pydantic import ConfigDict


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name Qt's lupdate looks for)
    """Marks a string for translation in code without Qt; app/ translates it with QCoreApplication.translate."""
    return text


@dataclass(frozen=True)
class Text:
    """A user-visible text in both languages of the product, as data."""

    en: str
    fr: str = ""

    __pydantic_config__ = ConfigDict(extra="forbid")  # read from a scenario file: {en = "...", fr = "..."}

    def get(self, lang: str = "en") -> str:
        return (self.fr or self.en) if lang == "fr" else self.en


NO_TEXT = Text("")
