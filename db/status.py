"""The status engine: every site's status on any date, derived from the scenario alone.

Pure functions, no database, no Qt. Statuses, in the order of precedence used below:
  a later role (rear-party, reduced, liquidation-hub) covering the date,
  handed-over (confirmed handover on or before the date),
  closing (inside the closure window), closure-due (window ended, no confirmed handover),
  open.
Reason texts are English templates marked for Qt's lupdate; app/ translates them.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from db.records import NO_TEXT, QT_TRANSLATE_NOOP, Text
from db.scenario.schema import Scenario
from db.vocab import CLOSING_KINDS, SITE_STATUS_LABELS

CLOSED = frozenset({"handed-over"})
CONTEXT = "Status"
R_OPEN = QT_TRANSLATE_NOOP("Status", "Open; closure window {phase} starts {start}")
R_OPEN_NO_PLAN = QT_TRANSLATE_NOOP("Status", "Open; no closure planned")
R_OPEN_ROLE = QT_TRANSLATE_NOOP("Status", "Open; {role} from {start}")
R_CLOSING = QT_TRANSLATE_NOOP("Status", "Closure window {phase}, {start} to {end}")
R_HANDED_OVER = QT_TRANSLATE_NOOP("Status", "Handover confirmed on {date}")
R_CLOSURE_DUE = QT_TRANSLATE_NOOP("Status", "Closure window {phase} ended {end}; no confirmed handover")
R_ROLE = QT_TRANSLATE_NOOP("Status", "{role} from {start}")


@dataclass(frozen=True)
class SiteStatus:
    site_id: str
    status: str
    since: date | None
    template: str  # an English template from this module, with {placeholders}
    args: tuple[tuple[str, object], ...] = ()  # values: str, date or Text
    detail: Text = NO_TEXT  # the scenario's own note (bilingual data)
    phase: str | None = None  # the closure window's phase id, if any
    planned_end: date | None = None  # end of the closure window (planned)
    confirmed: date | None = None  # confirmed handover, if known by that date

    @property
    def overdue(self) -> bool:
        return self.status == "closure-due"

    def reason(self, lang: str = "en", translate=None, fmt_date=date.isoformat) -> str:
        """The reason as text; `translate(context, text)` is Qt's translate in the app."""
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
        note = self.detail.get(lang)
        return f"{text}. {note}" if note else text


def site_status(scenario: Scenario, site_id: str, day: date) -> SiteStatus:
    lc = scenario.lifecycle(site_id)
    if lc is None:
        return SiteStatus(site_id, "open", None, R_OPEN_NO_PLAN)
    phase = scenario.phase(lc.closure_phase) if lc.closure_phase else None
    common = dict(phase=phase.id if phase else None, planned_end=phase.end if phase else None,
                  confirmed=lc.confirmed_handover if lc.confirmed_handover and lc.confirmed_handover <= day else None)

    roles = [x for x in lc.roles if x.start <= day and (x.end is None or day <= x.end)]
    if roles:
        role = max(roles, key=lambda x: x.start)
        return SiteStatus(site_id, role.role, role.start, R_ROLE,
                          (("role", role.role), ("start", role.start)), role.note, **common)
    if common["confirmed"]:
        return SiteStatus(site_id, "handed-over", lc.confirmed_handover, R_HANDED_OVER,
                          (("date", lc.confirmed_handover),), lc.note, **common)
    if phase is None:
        later = sorted((x for x in lc.roles if x.start > day), key=lambda x: x.start)
        if later:
            return SiteStatus(site_id, "open", None, R_OPEN_ROLE, (("role", later[0].role), ("start", later[0].start)),
                              NO_TEXT, **common)
        return SiteStatus(site_id, "open", None, R_OPEN_NO_PLAN, (), NO_TEXT, **common)
    window = (("phase", phase.name), ("start", phase.start), ("end", phase.end))
    if day < phase.start:
        return SiteStatus(site_id, "open", None, R_OPEN, window, NO_TEXT, **common)
    if day <= phase.end:
        return SiteStatus(site_id, "closing", phase.start, R_CLOSING, window, NO_TEXT, **common)
    return SiteStatus(site_id, "closure-due", phase.end + timedelta(days=1), R_CLOSURE_DUE, window,
                      lc.note, **common)


def statuses_on(scenario: Scenario, day: date) -> list[SiteStatus]:
    """Every site's status on `day`, in scenario order."""
    return [site_status(scenario, s.id, day) for s in scenario.sites]


@dataclass(frozen=True)
class KeyFigures:
    day: date
    days_to_deadline: int
    sites_closed: int
    sites_total: int  # camps and temporary operating bases
    repatriated: int | None  # military + police, latest figure on or before the day
    repatriated_as_of: date | None
    overdue: tuple[str, ...]  # site ids whose window ended without confirmed handover


REPATRIATION_KEYS = ("military_repatriated", "police_repatriated")


def key_figures(scenario: Scenario, day: date, statuses: list[SiteStatus] | None = None) -> KeyFigures:
    """The key figures on `day` (from its statuses, when the caller has them already)."""
    statuses = statuses_on(scenario, day) if statuses is None else statuses
    kinds = {s.id: s.kind for s in scenario.sites}
    closing_sites = [s for s in statuses if kinds[s.site_id] in CLOSING_KINDS]
    latest: dict[str, tuple[date, float]] = {}
    for f in scenario.figures:
        if f.key in REPATRIATION_KEYS and f.date <= day and (f.key not in latest or f.date > latest[f.key][0]):
            latest[f.key] = (f.date, f.value)
    return KeyFigures(
        day=day,
        days_to_deadline=(scenario.mission.deadline - day).days,
        sites_closed=sum(s.status in CLOSED for s in closing_sites),
        sites_total=len(closing_sites),
        repatriated=int(sum(v for _, v in latest.values())) if latest else None,
        repatriated_as_of=max(d for d, _ in latest.values()) if latest else None,
        overdue=tuple(s.site_id for s in statuses if s.overdue),
    )


def flows_on(scenario: Scenario, day: date) -> list[tuple[str, str]]:
    """Redeployment moves under way on `day`: (from site, to site) inside the site's closure window.

    The window, not the handover, bounds the move: Ber's convoy left for Timbuktu after its handover.
    """
    out = []
    for lc in scenario.lifecycles:
        if lc.redeployed_to and lc.closure_phase:
            phase = scenario.phase(lc.closure_phase)
            if phase.start <= day <= phase.end:
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


def situation(scenario: Scenario, day: date) -> Situation:
    statuses = statuses_on(scenario, day)
    return Situation(day, tuple(statuses), key_figures(scenario, day, statuses), tuple(flows_on(scenario, day)))
