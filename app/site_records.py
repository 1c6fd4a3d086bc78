"""How the site records read in the window and the briefing: what each says, the site card's history rows,
and the marks they add to the timeline (a recorded handover, a rescheduled one), all in the interface
language. Plain functions over db/ records, shared by app/controllers/sites.py and app/briefing/."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale

from db import status
from db.scenario.schema import Scenario
from db.sites.draft import kind_label
from db.sites.queries import SiteRecord
from db.vocab import COUNTED_KINDS, PERSONNEL_LABELS
from widgets.sites.history import HistoryRow
from widgets.timeline.items import EARLY, LATE, ON_TIME
from widgets.timeline.records import RecordMark

translate = QCoreApplication.translate


def short(day: date, locale: QLocale | None = None) -> str:
    return (locale or QLocale()).toString(day, "d MMM yyyy")


def what(record: SiteRecord, locale: QLocale | None = None) -> str:
    """What a record says, e.g. "Handover confirmed" or "Personnel repatriated: 1,200 military"."""
    label = kind_label(record.kind, translate)
    if record.kind in COUNTED_KINDS and record.value is not None:
        category = translate("Personnel", PERSONNEL_LABELS.get(record.category, record.category))
        return translate("SiteRecords", "{0}: {1} {2}").format(label, (locale or QLocale()).toString(record.value),
                                                              category)
    return label


def recorded_by(record: SiteRecord) -> str:
    return record.author or translate("Status", status.NOBODY)


def history_rows(records, site_id: str, locale: QLocale | None = None) -> list[HistoryRow]:
    """A site's records for its card, newest first (by date, then when recorded); deleted ones too."""
    locale = locale or QLocale()
    mine = sorted((r for r in records if r.site_id == site_id), key=lambda r: (r.date, r.recorded_at, r.id),
                  reverse=True)
    rows = []
    for r in mine:
        when = locale.toString(r.recorded_at.date(), "d MMM yyyy") + r.recorded_at.strftime(" %H:%M UTC")
        parts = [translate("SiteRecords", "{0}, recorded {1}").format(recorded_by(r), when)]
        if r.source:
            parts.append(translate("SiteRecords", "source: {0}").format(r.source))
        if r.reliability:
            parts.append(r.reliability)
        tip = "\n".join(filter(None, (r.note, translate("SiteRecords", "Record {0}").format(r.id))))
        rows.append(HistoryRow(r.id, f"{short(r.date, locale)} · {what(r, locale)}", " · ".join(parts), tip, r.deleted))
    return rows


def timeline_marks(scenario: Scenario, records, locale: QLocale | None = None) -> list[RecordMark]:
    """Each site's recorded handover (coloured early, on time or late against when it was due) and its
    rescheduled handover, as the status engine takes them (the newest record of each kind, deleted ones
    left out)."""
    locale = locale or QLocale()
    by_site: dict[str, list[SiteRecord]] = {}
    for r in records:
        if not r.deleted:
            by_site.setdefault(r.site_id, []).append(r)
    marks = []
    for site in scenario.sites:
        found = by_site.get(site.id, [])
        lc = scenario.lifecycle(site.id)
        window_end = scenario.phase(lc.closure_phase).end if lc and lc.closure_phase else None
        moved = status.latest(found, "handover-planned")
        if moved is not None:
            tip = translate("SiteRecords", "Handover rescheduled to {0}, recorded by {1}").format(
                short(moved.date, locale), recorded_by(moved))
            if moved.note:
                tip += ": " + moved.note
            marks.append(RecordMark(site.id, "rescheduled", moved.date, tip, window_end=window_end))
        handover = status.latest(found, "handover")
        if handover is None:
            continue
        due = moved.date if moved else (lc.planned_handover if lc and lc.planned_handover else window_end)
        slip = (handover.date - due).days if due else 0
        color, note = (EARLY, translate("TimelineView", "{0} days early").format(-slip)) if slip < 0 else \
            (LATE, translate("TimelineView", "{0} days late").format(slip)) if slip > 0 else (ON_TIME, "")
        tip = translate("SiteRecords", "Handover confirmed on {0}, recorded by {1}").format(
            short(handover.date, locale), recorded_by(handover))
        if handover.source:
            tip = translate("SiteRecords", "{0}, source: {1}").format(tip, handover.source)
        if lc and lc.confirmed_handover:
            tip += "; " + translate("SiteRecords", "replaces the scenario's {0}").format(
                short(lc.confirmed_handover, locale))
        marks.append(RecordMark(site.id, "handover", handover.date, f"{tip} {note}".strip(), color))
    return marks
