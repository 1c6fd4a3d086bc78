"""Read and validate a scenario file (TOML, format in resources/scenarios/README.md).

`load_file(path)` returns a `schema.Scenario` or raises `ScenarioError` naming the file, the line
where it can be found, the key path and what is wrong. Nothing here touches the database.
"""
from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path

from dateutil.rrule import rrulestr
from pydantic import TypeAdapter, ValidationError

import resources
from db.records import QT_TRANSLATE_NOOP
from db.scenario.schema import (
    COARSEST,
    FORMAT_VERSION,
    MAX_OCCURRENCES,
    R_END_BEFORE_START,
    R_VIEW_RANGE,
    Scenario,
    occurrences,
)

DEFAULT_SCENARIO = resources.path("scenarios", "minusma-2023")
_SCHEMA = TypeAdapter(Scenario)

CONTEXT = "Scenario"
R_GOT = QT_TRANSLATE_NOOP("Scenario", "{reason} (got {value})")
R_UNREADABLE = QT_TRANSLATE_NOOP("Scenario", "cannot be read ({error})")
R_NOT_UTF8 = QT_TRANSLATE_NOOP("Scenario", "is not UTF-8 text")
R_SYNTAX = QT_TRANSLATE_NOOP("Scenario", "TOML syntax error: {error}")
R_TOO_DEEP = QT_TRANSLATE_NOOP("Scenario", "tables or lists nested too deep to be a scenario")
R_NEWER = QT_TRANSLATE_NOOP("Scenario", "format {version} is newer than this sitmon reads ({supported}); update sitmon")
R_VERSION = QT_TRANSLATE_NOOP("Scenario", "must be {expected}, not {version}")
R_DUPLICATE_ID = QT_TRANSLATE_NOOP("Scenario", "duplicate id {id}")
R_UNKNOWN_SITE = QT_TRANSLATE_NOOP("Scenario", "unknown site {id}")
R_SECOND_LIFECYCLE = QT_TRANSLATE_NOOP("Scenario", "second lifecycle for site {id}")
R_UNKNOWN_PHASE = QT_TRANSLATE_NOOP("Scenario", "unknown phase {id}")
R_UNKNOWN_MEETING = QT_TRANSLATE_NOOP("Scenario", "unknown meeting {id}")
R_END_BEFORE_DATE = QT_TRANSLATE_NOOP("Scenario", "end {end} is before date {date}")
R_RRULE = QT_TRANSLATE_NOOP("Scenario", "not a valid RRULE ({error})")
R_TOO_OFTEN = QT_TRANSLATE_NOOP("Scenario", "FREQ={freq}: a meeting recurs daily at the most")
R_TOO_MANY = QT_TRANSLATE_NOOP("Scenario", "more than {limit} occurrences: end the series sooner")
R_DATE = QT_TRANSLATE_NOOP("Scenario", "should be a date (YYYY-MM-DD)")
R_WHOLE = QT_TRANSLATE_NOOP("Scenario", "should be a whole number")
R_NUMBER = QT_TRANSLATE_NOOP("Scenario", "should be a number")
R_TABLE = QT_TRANSLATE_NOOP("Scenario", "should be a table of keys and values")
R_LIST = QT_TRANSLATE_NOOP("Scenario", "should be a list")
R_UNKNOWN_KEY = QT_TRANSLATE_NOOP("Scenario", "unknown key (not part of the scenario format)")

# pydantic's error types (err["type"]) as reasons filled from the error's ctx; other types keep
# pydantic's English message. The schema's own validators raise types of their own.
REASONS = {
    "missing": QT_TRANSLATE_NOOP("Scenario", "required, but missing"),
    "unexpected_keyword_argument": R_UNKNOWN_KEY, "extra_forbidden": R_UNKNOWN_KEY,
    "string_type": QT_TRANSLATE_NOOP("Scenario", "should be a text in quotes"),
    "list_type": R_LIST, "tuple_type": R_LIST,
    "model_type": R_TABLE, "dict_type": R_TABLE, "dataclass_type": R_TABLE, "dataclass_args_type": R_TABLE,
    "literal_error": QT_TRANSLATE_NOOP("Scenario", "should be one of {expected}"),
    "int_type": R_WHOLE, "int_parsing": R_WHOLE, "int_from_float": R_WHOLE,
    "float_type": R_NUMBER, "float_parsing": R_NUMBER,
    "date_type": R_DATE, "date_parsing": R_DATE, "date_from_datetime_parsing": R_DATE,
    "date_from_datetime_inexact": QT_TRANSLATE_NOOP("Scenario", "should be a date without a time (YYYY-MM-DD)"),
    "less_than_equal": QT_TRANSLATE_NOOP("Scenario", "should be less than or equal to {le}"),
    "greater_than_equal": QT_TRANSLATE_NOOP("Scenario", "should be greater than or equal to {ge}"),
    "less_than": QT_TRANSLATE_NOOP("Scenario", "should be less than {lt}"),
    "greater_than": QT_TRANSLATE_NOOP("Scenario", "should be greater than {gt}"),
    "string_pattern_mismatch": QT_TRANSLATE_NOOP("Scenario", "should match the pattern {pattern}"),
    "string_too_short": QT_TRANSLATE_NOOP("Scenario", "should have at least {min_length} character(s)"),
    "too_short": QT_TRANSLATE_NOOP("Scenario", "should have at least {min_length} item(s)"),
    "too_long": QT_TRANSLATE_NOOP("Scenario", "should have at most {max_length} items (sitmon's limit)"),
    "view_range": R_VIEW_RANGE,
    "end_before_start": R_END_BEFORE_START,
}


class ScenarioError(ValueError):
    """A scenario file that cannot be used; the message names file, line, key path and reason.

    `reason` is an English template marked for translation in the "Scenario" context, filled from
    `params`; `message(translate)` gives it in the interface language (app/ passes Qt's translate)."""

    def __init__(self, path: Path | str, key: str, reason: str, line: int | None = None, got=None,
                 context: str | None = None, **params):
        self.path, self.key, self.reason, self.line, self.got, self.params = Path(path), key, reason, line, got, params
        self.context = context or CONTEXT  # the reason's translation context (a movement's: "Movements")
        super().__init__(self.message())

    def message(self, translate=None) -> str:
        tr = translate or (lambda _ctx, text: text)
        reason = tr(self.context, self.reason).format(**self.params)
        if self.got is not None:
            reason = tr(CONTEXT, R_GOT).format(reason=reason, value=self.got)
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.key}: {reason}" if self.key else f"{where}: {reason}"


# ---------------------------------------------------------------- loading

def scenario_file(path: Path | str) -> Path:
    """A scenario is a .toml file, or a folder holding scenario.toml."""
    path = Path(path)
    return path / "scenario.toml" if path.is_dir() else path


def load_file(path: Path | str = DEFAULT_SCENARIO) -> Scenario:
    path = scenario_file(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ScenarioError(path, "", R_UNREADABLE, error=exc.strerror or exc) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ScenarioError(path, "", R_NOT_UTF8, line) from None
    return loads(text, path)


def loads(text: str, path: Path | str = "<scenario>") -> Scenario:
    """Parse and validate scenario TOML text; `path` is only used in messages."""
    try:
        data = tomllib.loads(text)
    except RecursionError:
        raise ScenarioError(path, "", R_TOO_DEEP) from None
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+)", str(exc))
        line = int(m.group(1)) if m else max(1, len(text.splitlines()))  # "(at end of document)"
        raise ScenarioError(path, "", R_SYNTAX, line, error=exc) from None
    version = data.get("format_version")
    if isinstance(version, int) and version > FORMAT_VERSION:
        raise ScenarioError(path, "format_version", R_NEWER, version=version, supported=FORMAT_VERSION)
    try:
        scenario = _SCHEMA.validate_python(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        reason, params = _reason(err)
        raise ScenarioError(path, _key_path(err["loc"]), reason, _line_of(text, err["loc"]), _got(err),
                            **params) from None
    if scenario.format_version != FORMAT_VERSION:
        raise ScenarioError(path, "format_version", R_VERSION, expected=FORMAT_VERSION,
                            version=scenario.format_version)
    _check_references(scenario, path, text)
    return scenario.worked_out()


def _key_path(loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _reason(err: dict) -> tuple[str, dict]:
    """The reason template of a pydantic error and its parameters (pydantic's own text if unknown)."""
    if err["type"] not in REASONS:
        return err["msg"].replace("{", "{{").replace("}", "}}"), {}
    return REASONS[err["type"]], {k: _shown(k, v) for k, v in (err.get("ctx") or {}).items()}


def _shown(key: str, value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if key == "expected":  # "'a', 'b' or 'c'": pydantic's English "or" becomes a list
        return value.replace("' or '", "', '")
    return repr(value) if key == "pattern" else str(value)


def _got(err: dict) -> str | None:
    value = err.get("input")
    return None if isinstance(value, (dict, list)) else repr(value)


def _line_of(text: str, loc) -> int | None:
    """Best-effort line of a key path such as ('sites', 3, 'lat') in TOML text."""
    lines = text.splitlines()
    if not loc:
        return None
    start = 0
    if len(loc) >= 2 and isinstance(loc[1], int):
        header = re.compile(rf"^\s*\[\[\s*{re.escape(str(loc[0]))}\s*\]\]")
        hits = [i for i, line in enumerate(lines) if header.match(line)]
        if loc[1] >= len(hits):
            return None
        start = hits[loc[1]]
        key = loc[2] if len(loc) > 2 else None
        end = hits[loc[1] + 1] if loc[1] + 1 < len(hits) else len(lines)
        if key is None:
            return start + 1
        pattern = re.compile(rf"^\s*{re.escape(str(key))}\s*=")
        for i in range(start, end):
            if pattern.match(lines[i]):
                return i + 1
        return start + 1
    pattern = re.compile(rf"^\s*(\[\s*{re.escape(str(loc[0]))}\s*\]|{re.escape(str(loc[0]))}\s*=)")
    for i, line in enumerate(lines):
        if pattern.match(line):
            return i + 1
    return None


def _check_references(m: Scenario, path, text: str) -> None:
    def fail(loc, reason, **params):
        raise ScenarioError(path, _key_path(loc), reason, _line_of(text, loc), **params)

    for name in ("sites", "phases", "events", "deadlines", "meetings", "commitments", "recurring", "incidents",
                 "movements"):
        seen = set()
        for i, item in enumerate(getattr(m, name)):
            if item.id in seen:
                fail((name, i, "id"), R_DUPLICATE_ID, id=repr(item.id))
            seen.add(item.id)
    sites = {s.id for s in m.sites}
    phases = {p.id for p in m.phases}
    meetings = {x.id for x in m.meetings}
    seen_lc = set()
    for i, lc in enumerate(m.lifecycles):
        if lc.site not in sites:
            fail(("lifecycles", i, "site"), R_UNKNOWN_SITE, id=repr(lc.site))
        if lc.site in seen_lc:
            fail(("lifecycles", i, "site"), R_SECOND_LIFECYCLE, id=repr(lc.site))
        seen_lc.add(lc.site)
        if lc.closure_phase is not None and lc.closure_phase not in phases:
            fail(("lifecycles", i, "closure_phase"), R_UNKNOWN_PHASE, id=repr(lc.closure_phase))
        for target in lc.redeployed_to:
            if target not in sites:
                fail(("lifecycles", i, "redeployed_to"), R_UNKNOWN_SITE, id=repr(target))
    for i, e in enumerate(m.events):
        if e.site is not None and e.site not in sites:
            fail(("events", i, "site"), R_UNKNOWN_SITE, id=repr(e.site))
        if e.end is not None and e.end < e.date:
            fail(("events", i, "end"), R_END_BEFORE_DATE, end=e.end, date=e.date)
    for i, x in enumerate(m.incidents):
        if x.site is not None and x.site not in sites:
            fail(("incidents", i, "site"), R_UNKNOWN_SITE, id=repr(x.site))
    _check_movements(m, fail)
    for name in ("commitments", "recurring"):
        for i, x in enumerate(getattr(m, name)):
            if x.meeting not in meetings:
                fail((name, i, "meeting"), R_UNKNOWN_MEETING, id=repr(x.meeting))
    for i, x in enumerate(m.recurring):
        try:
            rrulestr(x.rule, dtstart=dt.datetime(2000, 1, 1))
        except (ValueError, TypeError) as exc:
            fail(("recurring", i, "rule"), R_RRULE, error=exc)
        for freq in re.findall(r"FREQ=(\w+)", x.rule.upper()):
            if freq not in COARSEST:
                fail(("recurring", i, "rule"), R_TOO_OFTEN, freq=freq)
        if len(occurrences(x.rule, next(g.date for g in m.meetings if g.id == x.meeting), x.until)) \
                > MAX_OCCURRENCES:
            fail(("recurring", i, "until"), R_TOO_MANY, limit=MAX_OCCURRENCES)


def _check_movements(m: Scenario, fail) -> None:
    """Each movement seed through the movements' one validator, against the scenario's sites and incidents."""
    from db.movements import draft

    seeded = {x.id for x in m.incidents}
    ctx = draft.Context({s.id: (s.lat, s.lon) for s in m.sites}, lambda ids: seeded & set(ids))
    for i, x in enumerate(m.movements):
        errors = draft.validate(seed_draft(x), ctx)
        if errors:
            e = errors[0]
            key = {"via": "via", "incidents": "incidents"}.get(e.field, e.field)
            fail(("movements", i, key), e.message, context=draft.C, **e.args)


def seed_draft(x):
    """A movement seed (db.scenario.schema.MovementSeed) as the movements' validator reads it."""
    from db.movements.draft import MovementDraft, waypoint_text

    def day(d):
        return d.isoformat() if d else ""

    return MovementDraft(
        from_site=x.from_site, to_site=x.to_site, via=waypoint_text(x.via),
        planned_departure=day(x.planned_departure), planned_arrival=day(x.planned_arrival),
        departed_on=day(x.departed_on), arrived_on=day(x.arrived_on), status=x.status,
        personnel="" if x.personnel is None else str(x.personnel),
        vehicles="" if x.vehicles is None else str(x.vehicles), note=x.note.en, incidents=" ".join(x.incidents))
