"""The incident log's text search as one SQL condition, `TextMatch(text)`: incidents where every word typed
starts a word of the description, actors, notes, source or place name, in any order, ignoring case and accents ("sevare
conv" finds "Convoy attacked near Sévaré"); a word that looks like the start of an incident id also finds
that incident. Each dialect compiles it to its own index (sqlite_fts.py); elsewhere it is a LIKE chain.
"""
from __future__ import annotations

import re

from sqlalchemy import or_
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement
from sqlalchemy.types import Boolean

from db.store.models import Incident
from db.vocab import FREE_TEXT

COLUMNS = FREE_TEXT  # searched, in the order the SQLite index holds them
WORD = re.compile(r"\w", re.UNICODE)
ID_START = re.compile(r"[0-9a-fA-F-]{4,36}")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
MAX_WORDS, MAX_LENGTH = 16, 500  # a search is what a person types: more words only slow every page down


class TextMatch(ColumnElement):
    """Incidents matching a search (see the module's docstring)."""

    type = Boolean()
    inherit_cache = False

    def __init__(self, text: str):
        self.text = CONTROL.sub(" ", text[:MAX_LENGTH]).strip()


def words(text: str) -> list[str]:
    """The searchable words of what the user typed (a word holds at least one letter or digit), the first
    MAX_WORDS of them."""
    return [w for w in CONTROL.sub(" ", text[:MAX_LENGTH]).split() if WORD.search(w)][:MAX_WORDS]


def like(text: str):
    """Incidents holding the text anywhere (case as typed): the slow path that every database has. Grouped,
    so that it stays one term beside the filter's others once compiled into a condition."""
    return or_(*(getattr(Incident, c).contains(text, autoescape=True) for c in (*COLUMNS, "id"))).self_group()


@compiles(TextMatch)
def _like_anywhere(element: TextMatch, compiler, **kw) -> str:
    return compiler.process(like(element.text), **kw)
