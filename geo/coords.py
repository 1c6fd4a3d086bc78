"""Coordinate entry and display: decimal degrees, degrees-minutes-seconds and MGRS.

Accepted text (WGS84, latitude first unless hemisphere letters say otherwise):
  decimal    "16.2717, -0.0447"   "16.2717 -0.0447"   "16.2717N 0.0447W"   "N16.2717 W0.0447"
  DMS        "16°16'18\"N 0°02'41\"W"   "16 16 18 N, 0 2 41 W"   "16d16m18sN 0d2m41sW"
  deg + min  "16°16.3'N 0°2.7'W"
  MGRS       "30QZD1588001273"   "30Q ZD 15880 01273"   (any even number of digits)
West is W, or O (Ouest) as French writes it: "16°16'18\"N 0°02'41\"O".
Unit marks: ° º ˚ or d; ' ′ ’ or m; " ″ '' or s.  The letters d/m/s are lower case and
written right after their number ("18s" is 18 seconds, "18 S" or "18S" is south).  Minutes
and seconds without unit marks need hemisphere letters or a comma between the two values.

MGRS goes through the ``mgrs`` package both ways.  Between 80°S and 84°N that is the UTM form
("30Q ZD 15880 01273"); beyond, the package gives the polar (UPS) form ("Z AA 00000 88918"),
which is valid MGRS, so ``format_mgrs`` returns it rather than failing.

Every error is a ``CoordinateError`` whose text comes from one of the ``MSG_*`` templates below;
``err.template`` and ``err.params`` let the UI translate it (templates and the words in WORDS are
marked for lupdate in the "Coordinates" context).
"""

import re
import warnings
from decimal import Decimal

import mgrs


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name Qt's lupdate looks for)
    """Marks a message for translation; app/ translates it (geo/ has no Qt and depends on nothing of sitmon's)."""
    return text


MSG_EMPTY = QT_TRANSLATE_NOOP("Coordinates", "enter a coordinate")
MSG_TOO_LONG = QT_TRANSLATE_NOOP("Coordinates", "a coordinate is at most {limit} characters")
MSG_UNREADABLE = QT_TRANSLATE_NOOP("Coordinates", "cannot read “{text}”: expected decimal degrees, "
                                                  "degrees-minutes-seconds or MGRS")
MSG_RANGE = QT_TRANSLATE_NOOP("Coordinates", "{axis} {value:g} is outside {low}..{high}")
MSG_BELOW_60 = QT_TRANSLATE_NOOP("Coordinates", "{unit} must be below 60 (got {value:g})")
MSG_WHOLE = QT_TRANSLATE_NOOP("Coordinates", "{unit} must be a whole number when a smaller unit follows")
MSG_SIGN_AND_LETTER = QT_TRANSLATE_NOOP("Coordinates", "use a minus sign or a hemisphere letter, not both")
MSG_LETTERS_MIXED = QT_TRANSLATE_NOOP("Coordinates", "give a hemisphere letter on both values or on neither")
MSG_SAME_AXIS = QT_TRANSLATE_NOOP("Coordinates", "both values are {axis}s: give one N/S and one E/W")
MSG_AMBIGUOUS = QT_TRANSLATE_NOOP("Coordinates", "cannot tell where latitude ends: put a comma between the values "
                                                 "or add N/S and E/W")
MSG_MGRS = QT_TRANSLATE_NOOP("Coordinates", "not a valid MGRS reference: {text}")
MSG_PRECISION = QT_TRANSLATE_NOOP("Coordinates", "MGRS precision must be 0..5 (got {value})")
# Words the messages put in their {axis} and {unit} slots, translated with them.
WORDS = (QT_TRANSLATE_NOOP("Coordinates", "latitude"), QT_TRANSLATE_NOOP("Coordinates", "longitude"),
         QT_TRANSLATE_NOOP("Coordinates", "degrees"), QT_TRANSLATE_NOOP("Coordinates", "minutes"),
         QT_TRANSLATE_NOOP("Coordinates", "seconds"))

MAX_LENGTH = 100
_LIMITS = {"latitude": 90.0, "longitude": 180.0}
_MGRS = mgrs.MGRS()


class CoordinateError(ValueError):
    """Bad coordinate text or value; ``str(err)`` is the English message."""

    def __init__(self, template: str, **params) -> None:
        super().__init__(template.format(**params))
        self.template = template
        self.params = params


_NUM = r"(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)"
_DEG = r"(?:\s*[°º˚]|d)"
_MIN = r"(?:\s*['′’]|m)"
_SEC = r"(?:\s*(?:\"|″|''|′′|’’)|s)"
_LETTER = r"[NSEWOnsewo]"  # O: Ouest, the French west


def _angle(p: str) -> str:
    """Regex for one angle; group names start with ``p``."""
    return (
        rf"(?P<{p}pre>{_LETTER})?\s*(?P<{p}sign>[-+−])?\s*"
        rf"(?P<{p}d>{_NUM})(?P<{p}du>{_DEG})?"
        rf"(?:(?({p}du)\s*|\s+)(?P<{p}m>{_NUM})(?P<{p}mu>{_MIN})?"
        rf"(?:(?({p}mu)\s*|\s+)(?P<{p}s>{_NUM})(?P<{p}su>{_SEC})?)?)?"
        rf"(?({p}pre)|(?:\s*(?P<{p}post>{_LETTER}))?)"
    )


_PAIR = re.compile(
    rf"\s*{_angle('a')}(?P<sep>\s*[,;]\s*|\s+|(?<=[^0-9.\s])|(?=[-+−NSEWOnsewo])){_angle('b')}\s*"
)
_MGRS_SHAPE = re.compile(r"(?:[0-9]{1,2}[A-Z]|[ABYZ])[A-Z]{2}[0-9]*")
_MGRS_GROUPS = re.compile(r"([0-9]{0,2}[A-Z])([A-Z]{2})([0-9]*)")


def parse_coordinates(text: str) -> tuple[float, float]:
    """(lat, lon) from decimal degrees, DMS or MGRS text; raises CoordinateError."""
    _check_length(text)
    compact = re.sub(r"\s+", "", text).upper()
    if _MGRS_SHAPE.fullmatch(compact):
        return _parse_mgrs(compact, text)
    match = _PAIR.fullmatch(text)
    if not match:
        raise CoordinateError(MSG_UNREADABLE, text=text.strip())
    a, a_letter = _angle_value(match, "a")
    b, b_letter = _angle_value(match, "b")
    if a_letter is None and b_letter is None:
        # Bare "16 16 18 0 2 41" could split anywhere; units, letters or a comma settle it.
        marked = match["sep"].strip() or any(match[p + u] for p in "ab" for u in ("du", "mu", "su"))
        if (match["am"] or match["bm"]) and not marked:
            raise CoordinateError(MSG_AMBIGUOUS)
        return _in_range(a, "latitude"), _in_range(b, "longitude")
    if a_letter is None or b_letter is None:
        raise CoordinateError(MSG_LETTERS_MIXED)
    a_axis, b_axis = _axis_of(a_letter), _axis_of(b_letter)
    if a_axis == b_axis:
        raise CoordinateError(MSG_SAME_AXIS, axis=a_axis)
    lat, lon = (a, b) if a_axis == "latitude" else (b, a)
    return _in_range(lat, "latitude"), _in_range(lon, "longitude")


def format_dd(lat: float, lon: float, decimals: int = 5) -> str:
    """Decimal degrees, e.g. "16.27170, -0.04470"."""
    lat, lon = _in_range(lat, "latitude"), _in_range(lon, "longitude")
    # Adding 0.0 turns a rounded -0.0 into 0.0.
    return f"{round(lat, decimals) + 0.0:.{decimals}f}, {round(lon, decimals) + 0.0:.{decimals}f}"


def format_dms(lat: float, lon: float, letters: str = "NSEW") -> str:
    """Degrees-minutes-seconds, e.g. "16°16′18″N 0°02′41″W", to the whole second (~30 m).

    `letters`: north, south, east and west as the interface writes them ("NSEO" in French)."""
    lat, lon = _in_range(lat, "latitude"), _in_range(lon, "longitude")
    return f"{_dms(lat, letters[0:2])} {_dms(lon, letters[2:4])}"


def format_exact(lat: float, lon: float) -> str:
    """A text that reads back (parse_coordinates) as exactly this position, as a person would have typed it:
    MGRS for a position read from an MGRS reference, decimal degrees with the digits typed ("16.2717, -0.0447",
    not rounded to 5 decimals), DMS for a position typed to the whole second; else every digit that counts."""
    lat, lon = _in_range(lat, "latitude"), _in_range(lon, "longitude")
    texts = [_shortest(lat), _shortest(lon)]
    decimal = ", ".join(texts)
    if max(len(t.partition(".")[2]) for t in texts) <= 6:  # as typed, or picked on the map
        return decimal
    candidates = [format_mgrs(lat, lon, p) for p in range(5, 0, -1)] + [format_dms(lat, lon)]
    return next((text for text in candidates if _reads_as(text, lat, lon)), decimal)


def _shortest(value: float) -> str:
    """The fewest digits that read back as exactly `value` (Python's repr), written without an exponent."""
    return format(Decimal(repr(value)), "f").removesuffix(".0")


def _reads_as(text: str, lat: float, lon: float) -> bool:
    try:
        return parse_coordinates(text) == (lat, lon)
    except CoordinateError:
        return False


def format_mgrs(lat: float, lon: float, precision: int = 5) -> str:
    """Grouped MGRS, "30Q ZD 15880 01273" (precision digits per axis, 0..5; 5 = 1 m).

    Beyond 80°S / 84°N this is the polar (UPS) form, e.g. "Z AA 00000 88918".
    """
    lat, lon = _in_range(lat, "latitude"), _in_range(lon, "longitude")
    if precision not in range(6):
        raise CoordinateError(MSG_PRECISION, value=precision)
    if -1e-7 < lat < 0:
        # mgrs 1.6 writes these (under 1 cm south of the equator) as band M with northing
        # 10,000,000, which it then cannot read back; the equator is the same square.
        lat = 0.0
    canonical = _MGRS.toMGRS(lat, lon, MGRSPrecision=precision)
    zone, square, digits = _MGRS_GROUPS.fullmatch(canonical).groups()
    half = len(digits) // 2
    return " ".join(part for part in (zone, square, digits[:half], digits[half:]) if part)


def _check_length(text: str) -> None:
    if not text.strip():
        raise CoordinateError(MSG_EMPTY)
    if len(text) > MAX_LENGTH:
        raise CoordinateError(MSG_TOO_LONG, limit=MAX_LENGTH)


def _parse_mgrs(compact: str, text: str) -> tuple[float, float]:
    # mgrs warns (RuntimeWarning "Latitude Warning") when the point is not in the reference's
    # own latitude band, e.g. "13KBM" lies in band M: treat that as a typo, not a position.
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        try:
            lat, lon = _MGRS.toLatLon(compact)
        except (mgrs.core.MGRSError, RuntimeWarning):
            raise CoordinateError(MSG_MGRS, text=text.strip()) from None
    return _in_range(lat, "latitude"), _in_range(lon, "longitude")


def _angle_value(match: re.Match, p: str) -> tuple[float, str | None]:
    """Signed degrees and the hemisphere letter (upper case) of one matched angle."""
    letter = (match[p + "pre"] or match[p + "post"] or "").upper() or None
    sign = match[p + "sign"]
    if sign and letter:
        raise CoordinateError(MSG_SIGN_AND_LETTER)
    degrees = float(match[p + "d"])
    minutes = float(match[p + "m"] or 0)
    seconds = float(match[p + "s"] or 0)
    if match[p + "m"] and not degrees.is_integer():
        raise CoordinateError(MSG_WHOLE, unit="degrees")
    if match[p + "s"] and not minutes.is_integer():
        raise CoordinateError(MSG_WHOLE, unit="minutes")
    for unit, value in (("minutes", minutes), ("seconds", seconds)):
        if value >= 60:
            raise CoordinateError(MSG_BELOW_60, unit=unit, value=value)
    value = degrees + minutes / 60 + seconds / 3600
    negative = sign in ("-", "−") or letter in ("S", "W", "O")
    return (-value if negative else value), letter


def _axis_of(letter: str) -> str:
    return "latitude" if letter in "NS" else "longitude"


def _in_range(value: float, axis: str) -> float:
    limit = _LIMITS[axis]
    value = float(value)
    if not -limit <= value <= limit:  # also rejects NaN
        raise CoordinateError(MSG_RANGE, axis=axis, value=value, low=-int(limit), high=int(limit))
    return value + 0.0  # no -0.0


def _dms(value: float, letters: str) -> str:
    total = round(abs(value) * 3600)
    degrees, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    letter = letters[1] if value < 0 and total else letters[0]
    return f"{degrees}°{minutes:02d}′{seconds:02d}″{letter}"
