"""The status engine: every site's status on any date, from the scenario (the plan, and the facts its source
document confirms) and the site records (what was recorded in the field since).

Pure functions, no database, no Qt. On a date, a site's status is, in this order:
  the latest of what began at the site on or before the date: a role (rear-party, reduced, liquidation-hub)
  still covering the date, its handover (handed-over), its return to the government (handed-over);
  else closing inside its closure window, closure-due once the window (or a rescheduled handover) has
  passed with no confirmed handover, open before it.
The plan gives the windows and roles; the scenario's confirmed handovers (from its source document) are the
baseline; a record supersedes the scenario for the same site and kind, and says so. A recorded handover
gives handed-over from its date; a recorded rescheduled handover (`handover-planned`) moves the due date; a
recorded `closure-started` moves the window's start; a recorded role starts that role.
Every status says where it comes from (`basis`: plan, scenario, or the record). Reason texts are English
templates marked for Qt's lupdate; app/ translates them.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from db.records import NO_TEXT, QT_TRANSLATE_NOOP, Text
from db.scenario.schema import Scenario
from db.sites.queries import SiteRecord
from db.vocab import BASIS_PLAN, BASIS_SCENARIO, CLOSING_KINDS, PERSONNEL, ROLES, SITE_STATUS_LABELS

CLOSED = frozenset({"handed-over"})
CONTEXT = "Status"
R_OPEN = QT_TRANSLATE_NOOP("Status", "Open; closure window {phase} starts {start}")
R_OPEN_NO_PLAN = QT_TRANSLATE_NOOP("Status", "Open; no closure planned")
R_OPEN_ROLE = QT_TRANSLATE_NOOP("Status", "Open; {role} from {start}")
R_OPEN_DUE = QT_TRANSLATE_NOOP("Status", "Open; handover rescheduled to {end}")
R_OPEN_STARTED = QT_TRANSLATE_NOOP("Status", "Open; closure started {start}")
R_CLOSING = QT_TRANSLATE_NOOP("Status", "Closure window {phase}, {start} to {end}")
R_CLOSING_STARTED = QT_TRANSLATE_NOOP("Status", "Closure started {start}; handover due {end}")
R_CLOSING_RESCHEDULED = QT_TRANSLATE_NOOP("Status", "Closure window {phase} from {start}; handover rescheduled to {end}")
R_HANDED_OVER = QT_TRANSLATE_NOOP("Status", "Handover confirmed on {date}")
R_RETURNED = QT_TRANSLATE_NOOP("Status", "Returned to the government on {date}")
R_CLOSURE_DUE = QT_TRANSLATE_NOOP("Status", "Closure window {phase} ended {end}; no confirmed handover")
R_CLOSURE_DUE_RESCHEDULED = QT_TRANSLATE_NOOP("Status", "Handover rescheduled to {end} has passed; no confirmed handover")
R_ROLE = QT_TRANSLATE_NOOP("Status", "{role} from {start}")
# Where a status comes from, after its reason
R_PLAN = QT_TRANSLATE_NOOP("Status", "{reason} (plan)")
R_DOCUMENT = QT_TRANSLATE_NOOP("Status", "{reason} ({source})")
R_RECORDED = QT_TRANSLATE_NOOP("Status", "{reason}, recorded by {author}")
R_RECORDED_SOURCE = QT_TRANSLATE_NOOP("Status", "{reason}, recorded by {author}, source: {source}")
R_REPLACES = QT_TRANSLATE_NOOP("Status", "{reason}; replaces the scenario's {date}")
NOBODY = QT_TRANSLATE_NOOP("Status", "an unnamed user")


@dataclass(frozen=True)
class SiteStatus:
    site_id: str
    status: str
    since: date | None
    template: str  # an English template from this module, with {placeholders}
    args: tuple[tuple[str, object], ...] = ()  # values: str, date or Text
    detail: Text = NO_TEXT  # the scenario's own note (bilingual data)
    phase: str | None = None  # the closure window's phase id, if any
    planned_end: date | None = None  # when the handover is due: the window's end, or the rescheduled date
    confirmed: date | None = None  # confirmed handover, if known by that date
    planned_handover: date | None = None  # the handover's planned date (rescheduled, the plan's, or the window's end)
    basis: str = BASIS_PLAN  # plan | scenario | record
    record: SiteRecord | None = None  # the record the status comes from (basis "record")
    source: str = ""  # the scenario's source document (basis "scenario")
    replaces: date | None = None  # the scenario's date that the record supersedes

    @property
    def overdue(self) -> bool:
        return self.status == "closure-due"

    @property
    def confirmed_by(self) -> str:
        """plan, scenario, or the id of the record the status comes from."""
        return self.record.id if self.record is not None else self.basis

    def reason(self, lang: str = "en", translate=None, fmt_date=date.isoformat) -> str:
        """The reason as text, then where it comes from; `translate(context, text)` is Qt's translate in the app."""
        tr = translate or (lambda _ctx, text: text)
        values = {}
        for key, value in self.args:
            if isinstance(value, Text):
                value = value.get(lang)
            elif isinstance(value, date):
                value = fmt_date(value)
            elif key == "role":
                value = tr(CONTEXT, SITE_STATUS_LABELS[value])
            values[key] = value
        text = tr(CONTEXT, self.template).format(**values)
        text = text[:1].upper() + text[1:]  # a sentence, whichever word starts it ("Liquidation hub from …")
        if self.record is not None:
            r = self.record
            author = r.author or tr(CONTEXT, NOBODY)
            text = tr(CONTEXT, R_RECORDED_SOURCE if r.source else R_RECORDED).format(
                reason=text, author=author, source=r.source)
            if self.replaces is not None:
                text = tr(CONTEXT, R_REPLACES).format(reason=text, date=fmt_date(self.replaces))
            return text
        if self.basis == BASIS_SCENARIO:
            text = tr(CONTEXT, R_DOCUMENT).format(reason=text, source=self.source or BASIS_SCENARIO)
        else:
            text = tr(CONTEXT, R_PLAN).format(reason=text)
        note = self.detail.get(lang)
        return f"{text}. {note}" if note else text


# ---------------------------------------------------------------- what is known of one site

@dataclass(frozen=True)
class _Began:
    """Something that began at a site on `start` and holds until `end` (None: for good)."""

    status: str  # a role, or handed-over (a handover or a return)
    start: date
    end: date | None
    template: str
    args: tuple
    note: Text = NO_TEXT
    basis: str = BASIS_PLAN
    record: SiteRecord | None = None
    source: str = ""
    replaces: date | None = None

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class _Site:
    """One site's plan, with the records applied: what began there, and its closure window."""

    began: tuple[_Began, ...]
    phase: object  # db.scenario.schema.Phase or None
    start: date | None  # the window's start (the plan's, or the recorded start of the closure)
    due: date | None  # when the handover is due (the window's end, or the rescheduled date)
    started_by: SiteRecord | None  # the closure-started record that moved the start
    rescheduled_by: SiteRecord | None  # the handover-planned record that moved the due date
    planned_handover: date | None
    handover: date | None
    note: Text = NO_TEXT


def latest(records, kind: str) -> SiteRecord | None:
    """The most recently recorded live record of a kind (the newest knowledge wins)."""
    found = [r for r in records if r.kind == kind and not r.deleted]
    return max(found, key=lambda r: (r.recorded_at, r.revision, r.id)) if found else None


def _site(scenario: Scenario, site_id: str, records) -> _Site:
    lc = scenario.lifecycle(site_id)
    phase = scenario.phase(lc.closure_phase) if lc and lc.closure_phase else None
    began: list[_Began] = []
    plan_roles = {r.role: r for r in (lc.roles if lc else ())}
    for role in ROLES:
        planned, rec = plan_roles.get(role), latest(records, role)
        if rec is not None:
            end = planned.end if planned and planned.end and planned.end >= rec.date else None
            began.append(_Began(role, rec.date, end, R_ROLE, (("role", role), ("start", rec.date)),
                                basis="record", record=rec, replaces=planned.start if planned else None))
        elif planned is not None:
            began.append(_Began(role, planned.start, planned.end, R_ROLE, (("role", role), ("start", planned.start)),
                                planned.note))
    handover, rec = (lc.confirmed_handover if lc else None), latest(records, "handover")
    if rec is not None:
        began.append(_Began("handed-over", rec.date, None, R_HANDED_OVER, (("date", rec.date),), basis="record",
                            record=rec, replaces=handover))
        handover = rec.date
    elif handover is not None:
        began.append(_Began("handed-over", handover, None, R_HANDED_OVER, (("date", handover),), lc.note,
                            BASIS_SCENARIO, source=lc.source))
    returned = latest(records, "returned")
    if returned is not None:
        began.append(_Began("handed-over", returned.date, None, R_RETURNED, (("date", returned.date),),
                            basis="record", record=returned))
    started, rescheduled = latest(records, "closure-started"), latest(records, "handover-planned")
    start = started.date if started else phase.start if phase else None
    due = rescheduled.date if rescheduled else phase.end if phase else None
    planned = rescheduled.date if rescheduled else (lc.planned_handover if lc and lc.planned_handover else due)
    return _Site(tuple(began), phase, start, due, started, rescheduled, planned, handover, lc.note if lc else NO_TEXT)


def site_status(scenario: Scenario, site_id: str, day: date, records=()) -> SiteStatus:
    """A site's status on `day`; `records`: the site records (db.sites.queries.SiteRecord; deleted ones and
    other sites' are skipped)."""
    return _status(scenario, site_id, day, _site(scenario, site_id, [r for r in records if r.site_id == site_id]))


def _status(scenario: Scenario, site_id: str, day: date, k: _Site) -> SiteStatus:
    common = dict(phase=k.phase.id if k.phase else None, planned_end=k.due,
                  confirmed=k.handover if k.handover and k.handover <= day else None,
                  planned_handover=k.planned_handover)
    current = [b for b in k.began if b.covers(day)]
    if current:
        b = max(current, key=lambda b: (b.start, b.status == "handed-over"))
        return SiteStatus(site_id, b.status, b.start, b.template, b.args, b.note, basis=b.basis, record=b.record,
                          source=b.source, replaces=b.replaces, **common)
    if k.due is None:  # no closure planned
        later = sorted((b for b in k.began if b.start > day and b.status in ROLES), key=lambda b: b.start)
        if later:
            return SiteStatus(site_id, "open", None, R_OPEN_ROLE, (("role", later[0].status), ("start", later[0].start)),
                              **common)
        return SiteStatus(site_id, "open", None, R_OPEN_NO_PLAN, (), **common)
    name = k.phase.name if k.phase else NO_TEXT
    window = (("phase", name), ("start", k.start), ("end", k.due))
    if k.start is None or day < k.start:  # before the closure: planned, or as recorded
        if k.started_by is not None:
            return SiteStatus(site_id, "open", None, R_OPEN_STARTED, window, basis="record", record=k.started_by,
                              **common)
        if k.phase is None:
            return SiteStatus(site_id, "open", None, R_OPEN_DUE, window, basis="record", record=k.rescheduled_by,
                              **common)
        return SiteStatus(site_id, "open", None, R_OPEN, window, **common)
    if day <= k.due:
        early = k.started_by is not None and (k.phase is None or day < k.phase.start)
        by = k.started_by if early else k.rescheduled_by or k.started_by
        template = R_CLOSING if by is None else R_CLOSING_STARTED if by is k.started_by else R_CLOSING_RESCHEDULED
        return SiteStatus(site_id, "closing", k.start, template, window, basis="record" if by else BASIS_PLAN,
                          record=by, **common)
    by = k.rescheduled_by
    return SiteStatus(site_id, "closure-due", k.due + timedelta(days=1),
                      R_CLOSURE_DUE_RESCHEDULED if by else R_CLOSURE_DUE, window, NO_TEXT if by else k.note,
                      basis="record" if by else BASIS_PLAN, record=by, **common)


def _by_site(records) -> dict[str, list[SiteRecord]]:
    out = defaultdict(list)
    for r in records:
        if not r.deleted:
            out[r.site_id].append(r)
    return out


def statuses_on(scenario: Scenario, day: date, records=()) -> list[SiteStatus]:
    """Every site's status on `day`, in scenario order."""
    by_site = _by_site(records)
    return [_status(scenario, s.id, day, _site(scenario, s.id, by_site[s.id])) for s in scenario.sites]


# ---------------------------------------------------------------- key figures

@dataclass(frozen=True)
class Repatriated:
    """The latest figure of one category of personnel repatriated, on or before a date, and where it is from."""

    category: str  # db.vocab.PERSONNEL
    value: int
    as_of: date
    source: str  # "scenario", or the id of the record


@dataclass(frozen=True)
class KeyFigures:
    day: date
    days_to_deadline: int
    sites_closed: int
    sites_total: int  # camps and temporary operating bases
    repatriated: int | None  # military + police, latest figure of each on or before the day
    repatriated_as_of: date | None
    overdue: tuple[str, ...]  # site ids whose window ended without confirmed handover
    repatriation: tuple[Repatriated, ...] = field(default=())  # per category known by the day, PERSONNEL order

    def repatriated_of(self, category: str) -> Repatriated | None:
        return next((r for r in self.repatriation if r.category == category), None)


UNIFORMED = ("military", "police")  # what `repatriated` adds up (the letter's figure)


def repatriation(scenario: Scenario, day: date, records=()) -> tuple[Repatriated, ...]:
    """Per category, the latest figure on or before `day`: the scenario's (`<category>_repatriated`) or a
    recorded one; a record of the same date as the scenario's wins."""
    out = []
    for category in PERSONNEL:
        found = [(f.date, 0, f.value, BASIS_SCENARIO) for f in scenario.figures
                 if f.key == f"{category}_repatriated" and f.date <= day]
        found += [(r.date, 1, r.value, r.id) for r in records if r.kind == "repatriated" and not r.deleted
                  and r.category == category and r.date <= day and r.value is not None]
        if found:
            when, _, value, source = max(found, key=lambda x: (x[0], x[1]))
            out.append(Repatriated(category, int(value), when, source))
    return tuple(out)


def key_figures(scenario: Scenario, day: date, statuses: list[SiteStatus] | None = None,
                records=()) -> KeyFigures:
    """The key figures on `day` (from its statuses, when the caller has them already)."""
    statuses = statuses_on(scenario, day, records) if statuses is None else statuses
    kinds = {s.id: s.kind for s in scenario.sites}
    closing_sites = [s for s in statuses if kinds[s.site_id] in CLOSING_KINDS]
    figures = repatriation(scenario, day, records)
    uniformed = [f for f in figures if f.category in UNIFORMED]
    return KeyFigures(
        day=day,
        days_to_deadline=(scenario.mission.deadline - day).days,
        sites_closed=sum(s.status in CLOSED for s in closing_sites),
        sites_total=len(closing_sites),
        repatriated=sum(f.value for f in uniformed) if uniformed else None,
        repatriated_as_of=max(f.as_of for f in uniformed) if uniformed else None,
        overdue=tuple(s.site_id for s in statuses if s.overdue),
        repatriation=figures,
    )


def flows_on(scenario: Scenario, day: date, records=()) -> list[tuple[str, str]]:
    """Redeployment moves under way on `day`: (from site, to site) inside the site's closure window (as the
    records move it).

    The window, not the handover, bounds the move: Ber's convoy left for Timbuktu after its handover.
    """
    by_site = _by_site(records)
    out = []
    for lc in scenario.lifecycles:
        if lc.redeployed_to and lc.closure_phase:
            k = _site(scenario, lc.site, by_site[lc.site])
            if k.start <= day <= k.due:
                out.extend((lc.site, target) for target in lc.redeployed_to)
    return out


@dataclass(frozen=True, eq=False)
class Situation:
    """Everything the views show of one date: each site's status, the key figures, the moves under way,
    worked out once and shared."""

    day: date
    statuses: tuple[SiteStatus, ...]
    figures: KeyFigures
    flows: tuple[tuple[str, str], ...]

    def status_of(self, site_id: str) -> SiteStatus:
        return next(s for s in self.statuses if s.site_id == site_id)


def situation(scenario: Scenario, day: date, records=()) -> Situation:
    """The situation on `day`, from the scenario and the site records (live ones; deleted ones are skipped)."""
    records = tuple(r for r in records if not r.deleted)
    statuses = statuses_on(scenario, day, records)
    return Situation(day, tuple(statuses), key_figures(scenario, day, statuses, records),
                     tuple(flows_on(scenario, day, records)))
