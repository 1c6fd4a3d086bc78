"""The offline briefing pack: an A4 landscape PDF of the situation on one date.

Pages: cover (mission, date, key figures, contents), map, timeline, site statuses, updates recorded at the
sites in the last days, incidents of the last days (chart and table), a page per route asked for
(app/briefing/routes.py), transfer of tasks. The handling marking (setting "export/marking") and
"Page N of M" are on every page.

Why QPdfWriter and QPainter: they ship with PySide6, so the pack needs no extra dependency, and the
same QPainter that paints the window's MapView and TimelineView paints them into the PDF, so the map
stays vector (paths and text) and looks as it does on screen.

Threads: gathering the data (queries, statuses, summaries, the basemap) is plain data, done by
`gather` as an op on the database executor (app/controllers/briefing.py). Widgets and painting on them
must stay on the GUI thread, so `write_briefing` lays out then paints page by page there, and its
`progress(done, total)` callback (a QProgressDialog that processes events between pages) may raise
db.progress.Cancelled; the partial file is then removed.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import (
    QApplication,
)

from app import settings
from app.briefing.map_image import MapData, gather_map, situation_frame
from app.briefing.pages import Pack
from app.briefing.pdf import Sheet
from app.briefing.routes import RouteBrief, gather_routes
from app.i18n import locale_for
from db.files import atomic
from db.incidents import queries
from db.incidents.near_route import RouteOptions
from db.incidents.queries import IncidentFilter, IncidentRow, Summary
from db.incidents.weeks import weekly_by_type
from db.progress import tick
from db.records import Text
from db.sites import queries as site_queries
from db.sites.queries import SiteRecord
from db.status import KeyFigures
from geo import basemap as gb

translate = QCoreApplication.translate

DPI = 144  # device dots per inch: every half-point font size is a whole number of dots
INCIDENT_DAYS = settings.DEFAULTS["briefing/incident_days"]
MAX_INCIDENT_ROWS = 150


@dataclass(frozen=True, eq=False)
class BriefingData:
    map: MapData  # scenario, date, statuses, incident points, basemap
    generated: datetime  # UTC
    marking: str
    days: int  # the incident window: the last `days` days up to the date
    figures: KeyFigures
    updates: tuple[SiteRecord, ...]  # site records dated in those days, newest first (not deleted)
    incidents: tuple[IncidentRow, ...]  # the most recent first, at most MAX_INCIDENT_ROWS
    summary: Summary
    weekly: tuple[tuple[date, str, int], ...]  # (Monday, type, count)
    regions: dict[str, Text]  # ISO 3166-2 code -> name
    attributions: tuple[str, ...]
    routes: tuple[RouteBrief, ...] = ()  # a page (or more) each


def gather(db, day: date, lang: str = "en", marking: str = "", days: int = INCIDENT_DAYS,
           extent=None, routes=(), route_options: RouteOptions = RouteOptions(), progress=None) -> BriefingData:
    """Everything the pack shows, from db/ and geo/ only (no Qt objects): runs in a worker thread. The map is
    framed on the situation (its sites and the pack's incidents) unless `extent` says otherwise. `routes`:
    (title, (lat, lon) vertices) of the routes to give a page each, weighed with `route_options`."""
    window = IncidentFilter(date_from=day - timedelta(days=days - 1), date_to=day)
    mapped = gather_map(db, day, lang, days, extent)
    if extent is None:
        mapped = replace(mapped, extent=situation_frame(mapped))
    return BriefingData(
        map=mapped, generated=datetime.now(timezone.utc), marking=marking, days=days,
        figures=mapped.situation.figures, updates=site_queries.between(db, window.date_from, day),
        incidents=tuple(queries.page(db, window, "occurred_on", True, 0, MAX_INCIDENT_ROWS)),
        summary=queries.summary(db, window), weekly=weekly_by_type(db, window),
        regions={r.code: Text(r.name, r.name_fr or "") for r in gb.regions().regions},
        attributions=tuple(gb.attributions()),
        routes=gather_routes(db, mapped.points, list(routes), day, route_options))


def write_briefing(data: BriefingData, path, lang: str = "en", progress=None, database=None) -> int:
    """Write the pack to `path` (PDF), whole or not at all, never over `database`'s files; returns the number
    of pages. GUI thread only."""
    try:
        with atomic(path, database=database) as part:
            return _write(data, path, part, lang, progress)
    except OSError as exc:
        raise OSError(translate("Briefing", "Cannot write {0}: {1}").format(path, exc.strerror or exc)) from exc


def _write(data: BriefingData, path, part, lang: str, progress) -> int:
    writer = QPdfWriter(str(part))
    writer.setResolution(DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                     QMarginsF(12, 10, 12, 10), QPageLayout.Unit.Millimeter))
    writer.setCreator("sitmon")
    writer.setTitle(translate("Briefing", "Briefing pack, situation on {0}").format(
        locale_for(lang).toString(data.map.day, "d MMMM yyyy")))
    painter = QPainter(writer)
    if not painter.isActive():
        raise OSError(translate("Briefing", "Cannot write {0}").format(path))
    try:
        return _paint(Pack(Sheet(writer, QApplication.font().family()), painter, data, lang), writer, progress)
    finally:
        painter.end()


def _paint(pack: Pack, writer: QPdfWriter, progress) -> int:
    pages = pack.layout()
    for n, page in enumerate(pages, 1):
        if n > 1:
            writer.newPage()
        pack.frame(n, len(pages))
        page()
        tick(progress, n, len(pages))
    return len(pages)
