"""What a person records about a site, checked: the one validator of site records, used by the dialog, the
command line and data packages. `validate(draft, ctx, records)` names every problem, one per field;
`values(...)` gives the column values. Checks against the other records (a second handover for a site, a
repatriated figure lower than an earlier one) read `records`: the writes pass the stored ones, read inside
their transaction.

Messages are data (QT_TRANSLATE_NOOP templates + arguments, context "SiteRecord"); `message()` words them,
in English or through Qt's translate in app/.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from db.incidents.draft import FieldError, InvalidDraft
from db.records import QT_TRANSLATE_NOOP
from db.sites.queries import SiteRecord
from db.vocab import (
    COUNTED_KINDS,
    FUTURE_KINDS,
    MAX_COUNT,
    PERSONNEL,
    PERSONNEL_LABELS,
    SITE_RECORD_KINDS,
    SITE_RECORD_LABELS,
    reliability,
)

__all__ = ["FieldError", "InvalidDraft", "SiteRecordDraft", "Context", "context", "validate", "values",
           "draft_of", "message", "site_of", "reliability"]

CONTEXT = "SiteRecord"  # translation context of every message below
PERSONNEL_CONTEXT = "Personnel"  # translation context of the categories (db.vocab.PERSONNEL_LABELS)
MSG_REQUIRED = QT_TRANSLATE_NOOP("SiteRecord", "required")
MSG_SITE = QT_TRANSLATE_NOOP("SiteRecord", "unknown site {value!r}: give its id (e.g. goundam) or its name")
MSG_KIND = QT_TRANSLATE_NOOP("SiteRecord", "unknown kind {value!r}: one of {kinds}")
MSG_DATE = QT_TRANSLATE_NOOP("SiteRecord", "not a date: write it as YYYY-MM-DD, e.g. 2023-09-05")
MSG_FUTURE = QT_TRANSLATE_NOOP("SiteRecord", "{day} is after today: only a rescheduled handover can be in the future")
MSG_SECOND_HANDOVER = QT_TRANSLATE_NOOP(
    "SiteRecord", "{site} already has a handover on {day} (record {record}…): edit or delete that record")
MSG_COUNT = QT_TRANSLATE_NOOP("SiteRecord", "a whole number from 0 to {high}")
MSG_NOT_COUNTED = QT_TRANSLATE_NOOP("SiteRecord", "only a figure of personnel repatriated has one")
MSG_CATEGORY = QT_TRANSLATE_NOOP("SiteRecord", "unknown category {value!r}: one of {categories}")
MSG_LOWER = QT_TRANSLATE_NOOP(
    "SiteRecord", "lower than the {category} figure of {earlier} on {day}: confirm that it is a correction")
MSG_RELIABILITY = QT_TRANSLATE_NOOP("SiteRecord", "admiralty code: a letter A-F and a digit 1-6, e.g. B2")
MSG_TOO_LONG = QT_TRANSLATE_NOOP("SiteRecord", "at most {high} characters")
MAX_TEXT = 4000


@dataclass(frozen=True)
class SiteRecordDraft:
    """What the user typed, as text. `site`: a site id or its English or French name (accents and case ignored)."""

    site: str = ""
    kind: str = ""
    date: str = ""  # YYYY-MM-DD
    value: str = ""  # a count, for `repatriated`
    category: str = ""  # db.vocab.PERSONNEL, for `repatriated`
    source: str = ""
    reliability: str = ""
    note: str = ""
    correction: bool = False  # the user confirmed that a lower repatriated figure corrects an earlier one


@dataclass(frozen=True)
class Context:
    """What a draft is checked against: the scenario's sites and figures, and today (None: no future check)."""

    sites: Mapping[str, str]  # site id -> English name (for messages)
    names: Mapping[str, str]  # folded id, English and French names -> site id
    figures: tuple[tuple[str, dt.date, int], ...] = ()  # the scenario's repatriated figures: (category, date, value)
    today: dt.date | None = None


def fold(text: str) -> str:
    """Case and accents ignored: "Ménaka" and "MENAKA" read alike."""
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def context(scenario, today: dt.date | None = None) -> Context:
    """The context of a scenario (db.scenario.schema.Scenario); `today` None skips the check of future dates."""
    names = {}
    for s in scenario.sites:
        for text in (s.id, s.name.en, s.name.fr):
            if text:
                names.setdefault(fold(text), s.id)
    figures = tuple((c, f.date, int(f.value)) for f in scenario.figures for c in PERSONNEL
                    if f.key == f"{c}_repatriated")
    return Context({s.id: s.name.en for s in scenario.sites}, names, figures, today)


def site_of(text: str, ctx: Context) -> str | None:
    """The site id that `text` names (its id, or its English or French name), or None."""
    return ctx.names.get(fold(text)) if text.strip() else None


def validate(draft: SiteRecordDraft, ctx: Context, records=(), record_id: str | None = None) -> list[FieldError]:
    """Every problem of the draft, one per field at most; never raises. `records`: the stored ones (live, or
    all: deleted ones are skipped); `record_id`: the record being edited (not compared with itself)."""
    errors = []
    site = site_of(draft.site, ctx)
    if not draft.site.strip():
        errors.append(FieldError("site", MSG_REQUIRED))
    elif site is None:
        errors.append(FieldError("site", MSG_SITE, {"value": draft.site.strip()}))
    kind = draft.kind.strip()
    if not kind:
        errors.append(FieldError("kind", MSG_REQUIRED))
    elif kind not in SITE_RECORD_KINDS:
        errors.append(FieldError("kind", MSG_KIND, {"value": kind, "kinds": ", ".join(SITE_RECORD_KINDS)}))
        kind = ""
    day = parse_date(draft.date)
    others = [r for r in records if not r.deleted and r.id != record_id]
    if not draft.date.strip():
        errors.append(FieldError("date", MSG_REQUIRED))
    elif day is None:
        errors.append(FieldError("date", MSG_DATE))
    elif ctx.today is not None and day > ctx.today and kind and kind not in FUTURE_KINDS:
        errors.append(FieldError("date", MSG_FUTURE, {"day": day}))
    elif kind == "handover" and site is not None:
        first = next((r for r in others if r.site_id == site and r.kind == "handover"), None)
        if first is not None:
            errors.append(FieldError("date", MSG_SECOND_HANDOVER, {"site": ctx.sites[site], "day": first.date,
                                                                   "record": first.short_id}))
    errors += _check_figure(draft, ctx, kind, day, others)
    if reliability(draft.reliability) is None:
        errors.append(FieldError("reliability", MSG_RELIABILITY))
    for name in ("source", "note"):
        if len(getattr(draft, name)) > MAX_TEXT:
            errors.append(FieldError(name, MSG_TOO_LONG, {"high": MAX_TEXT}))
    return errors


def _check_figure(draft: SiteRecordDraft, ctx: Context, kind: str, day, others) -> list[FieldError]:
    """value and category: required for a repatriated figure (never lower than an earlier one of its category
    unless confirmed as a correction), empty for every other kind."""
    value, category = draft.value.strip(), draft.category.strip()
    if kind not in COUNTED_KINDS:
        return [FieldError(name, MSG_NOT_COUNTED) for name, text in (("value", value), ("category", category))
                if text and kind]
    errors = []
    count = parse_count(value)
    if not value:
        errors.append(FieldError("value", MSG_REQUIRED))
    elif count is None:
        errors.append(FieldError("value", MSG_COUNT, {"high": MAX_COUNT}))
    if not category:
        errors.append(FieldError("category", MSG_REQUIRED))
    elif category not in PERSONNEL:
        errors.append(FieldError("category", MSG_CATEGORY, {"value": category, "categories": ", ".join(PERSONNEL)}))
    if errors or day is None or draft.correction:
        return errors
    earlier = [(d, v) for c, d, v in ctx.figures if c == category and d <= day]
    earlier += [(r.date, r.value) for r in others
                if r.kind == "repatriated" and r.category == category and r.date <= day and r.value is not None]
    if earlier:
        top_day, top = max(earlier, key=lambda dv: (dv[1], dv[0]))
        if count < top:
            errors.append(FieldError("value", MSG_LOWER, {"category": category, "earlier": top, "day": top_day},
                                     confirm=True))
    return errors


def parse_date(text: str) -> dt.date | None:
    text = text.strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def parse_count(text: str) -> int | None:
    text = text.strip()
    if not re.fullmatch(r"\d{1,7}", text) or int(text) > MAX_COUNT:
        return None
    return int(text)


def values(draft: SiteRecordDraft, ctx: Context, records=(), record_id: str | None = None) -> dict:
    """The draft as column values (SITE_RECORD_CONTENT); raises InvalidDraft."""
    errors = validate(draft, ctx, records, record_id)
    if errors:
        raise InvalidDraft(errors)
    counted = draft.kind.strip() in COUNTED_KINDS
    return dict(site_id=site_of(draft.site, ctx), kind=draft.kind.strip(), date=parse_date(draft.date),
                value=parse_count(draft.value) if counted else None,
                category=draft.category.strip() if counted else "", source=draft.source.strip(),
                reliability=reliability(draft.reliability), note=draft.note.strip())


def draft_of(record: SiteRecord) -> SiteRecordDraft:
    """The draft that shows a stored record in the dialog (a correction already made stays one)."""
    return SiteRecordDraft(site=record.site_id, kind=record.kind, date=record.date.isoformat(),
                           value="" if record.value is None else str(record.value), category=record.category,
                           source=record.source, reliability=record.reliability, note=record.note, correction=True)


def short_date(day: dt.date) -> str:
    """5 Sep 2023 (English, whatever the machine's locale)."""
    return f"{day.day} {('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec')[day.month - 1]} " \
           f"{day.year}"


def message(error: FieldError, translate: Callable[[str, str], str] | None = None,
            fmt_date: Callable[[dt.date], str] = short_date) -> str:
    """The error's text: in English, or through `translate(context, text)` (Qt's, in app/) with dates as
    `fmt_date` writes them; categories and kinds by their labels."""
    say = translate or (lambda _ctx, text: text)
    args = {}
    for key, value in error.args.items():
        if isinstance(value, dt.date):
            value = fmt_date(value)
        elif key == "category" and value in PERSONNEL_LABELS:
            value = say(PERSONNEL_CONTEXT, PERSONNEL_LABELS[value])
        args[key] = value
    return say(CONTEXT, error.message).format(**args)


def kind_label(kind: str, translate: Callable[[str, str], str] | None = None) -> str:
    say = translate or (lambda _ctx, text: text)
    return say(CONTEXT, SITE_RECORD_LABELS[kind]) if kind in SITE_RECORD_LABELS else kind
