"""Incidents not deleted, as one SQL condition, `Live(indexed)`, written the way each engine's planner reads best.

SQLite: `deleted IS 0` where the (deleted, ...) indexes serve the query (`indexed`); otherwise the same test wrapped
in coalesce(), which no index serves, so that SQLite scans rather than walking an index and fetching every row at
random (db/incidents/queries.py says when). PostgreSQL: `NOT deleted` always; its planner weighs the indexes by
their cost, reads the column's statistics on that form (coalesce(...) IS false is guessed at one row in two) and
turns it into the indexes' `deleted = false`.
"""
from __future__ import annotations

from sqlalchemy import func
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement
from sqlalchemy.types import NullType

from db.store.models import Incident


class Live(ColumnElement):
    """Incidents not deleted (see the module's docstring); `indexed`: whether SQLite should use its indexes."""

    type = NullType()  # the condition as written: as a Boolean, SQLite's compiler would add "= 1" (no index then)
    inherit_cache = False

    def __init__(self, indexed: bool):
        self.indexed = indexed


@compiles(Live)
def _any_engine(element: Live, compiler, **kw) -> str:
    term = Incident.deleted.is_(False) if element.indexed else func.coalesce(Incident.deleted, False).is_(False)
    return compiler.process(term, **kw)


@compiles(Live, "postgresql")
def _postgresql(element: Live, compiler, **kw) -> str:
    return compiler.process(~Incident.deleted, **kw)
