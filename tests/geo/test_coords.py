import math
import re

import mgrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pyproj import Geod

from geo import coords
from geo.coords import (
    CoordinateError,
    format_dd,
    format_dms,
    format_mgrs,
    parse_coordinates,
)

GAO = (16.2717, -0.0447)
GAO_DMS = (16 + 16 / 60 + 18 / 3600, -(2 / 60 + 41 / 3600))
GEOD = Geod(ellps="WGS84")
TEMPLATES = {v for k, v in vars(coords).items() if k.startswith("MSG_")}

lats = st.floats(-90, 90, allow_nan=False)
lons = st.floats(-180, 180, allow_nan=False)


def metres(a, b):
    return GEOD.inv(a[1], a[0], b[1], b[0])[2]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("16.2717, -0.0447", GAO),
        ("16.2717 -0.0447", GAO),
        ("16.2717,-0.0447", GAO),
        ("16.2717; -0.0447", GAO),
        ("  16.2717N   0.0447W ", GAO),
        ("16.2717 n, 0.0447 w", GAO),
        ("N16.2717 W0.0447", GAO),
        ("0.0447W 16.2717N", GAO),
        ("16°16'18\"N 0°02'41\"W", GAO_DMS),
        ("16°16′18″N 0°02′41″W", GAO_DMS),
        ("16º 16' 18'' N, 0º 2' 41'' W", GAO_DMS),
        ("16 16 18 N, 0 2 41 W", GAO_DMS),
        ("16 16 18 N 0 2 41 W", GAO_DMS),
        ("16d16m18sN 0d2m41sW", GAO_DMS),
        ("16°16'18\"N0°02'41\"W", GAO_DMS),
        ("0°02'41\"W, 16°16'18\"N", GAO_DMS),
        ("16 16 18, -0 2 41", GAO_DMS),
        ("16°16.3'N 0°2.7'W", (16 + 16.3 / 60, -2.7 / 60)),
        ("-12.65 -8", (-12.65, -8.0)),
        ("16 16 18 S, 0 2 41 E", (-GAO_DMS[0], -GAO_DMS[1])),
    ],
)
def test_parse_decimal_and_dms(text, expected):
    assert parse_coordinates(text) == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize(
    "text", ["31PBT 12345 67890", "31PBT1234567890", "31pbt 1234567890", " 31P BT 12345 67890 "]
)
def test_parse_mgrs_matches_package(text):
    assert parse_coordinates(text) == pytest.approx(mgrs.MGRS().toLatLon("31PBT1234567890"))


@pytest.mark.parametrize("text", ["31PBT", "31PBT12", "31PBT1234", "31PBT123456", "31PBT12345678"])
def test_parse_mgrs_any_precision(text):
    assert parse_coordinates(text) == pytest.approx(mgrs.MGRS().toLatLon(text))


def test_gao_mgrs_matches_package():
    canonical = mgrs.MGRS().toMGRS(*GAO)
    assert format_mgrs(*GAO).replace(" ", "") == canonical
    assert format_mgrs(*GAO) == "30Q ZD 15880 01273"
    assert format_mgrs(*GAO, precision=2) == "30Q ZD 15 01"
    assert format_mgrs(*GAO, precision=0) == "30Q ZD"
    assert metres(parse_coordinates(format_mgrs(*GAO)), GAO) < 1.5


def test_format_mgrs_polar_uses_ups_form():
    assert format_mgrs(84.5, 0) == "Z AA 00000 88918"
    assert format_mgrs(-85, 10).startswith("B ")


@pytest.mark.parametrize("text, expected", [
    ("16°16'18\"N 0°02'41\"O", GAO_DMS),  # French: O (Ouest) for West
    ("16 16 18 N, 0 2 41 O", GAO_DMS),
    ("16.2717N 0.0447O", GAO),
    ("O0.0447 N16.2717", GAO),
    ("16.2717 n 0.0447 o", GAO),
    ("16°16'18\"N0°02'41\"O", GAO_DMS),
])
def test_west_written_o_as_in_french(text, expected):
    assert parse_coordinates(text) == pytest.approx(expected, abs=1e-12)


def test_unreadable_text_is_quoted_as_typed_not_escaped():
    with pytest.raises(CoordinateError) as err:
        parse_coordinates("14°29'30\"N 4°11'50\"Q")
    assert str(err.value).startswith("cannot read “14°29'30\"N 4°11'50\"Q”")
    assert "\\" not in str(err.value)


def test_format_dms_in_the_interface_letters():
    assert format_dms(*GAO, letters="NSEO") == "16°16′18″N 0°02′41″O"
    assert format_dms(-12.65, 8.0, letters="NSEO") == "12°39′00″S 8°00′00″E"


def test_format_dd_and_dms():
    assert format_dd(*GAO) == "16.27170, -0.04470"
    assert format_dd(*GAO, decimals=2) == "16.27, -0.04"
    assert format_dd(-0.000001, 0.0, decimals=3) == "0.000, 0.000"
    assert format_dms(*GAO) == "16°16′18″N 0°02′41″W"
    assert format_dms(-12.65, -8.0) == "12°39′00″S 8°00′00″W"
    assert format_dms(59.99999999, 0.0) == "60°00′00″N 0°00′00″E"
    assert format_dms(-0.0000001, 0.0) == "0°00′00″N 0°00′00″E"


@pytest.mark.parametrize(
    "call, text, message",
    [
        (parse_coordinates, "91, 0", "latitude 91 is outside -90..90"),
        (parse_coordinates, "91N 0E", "latitude 91 is outside -90..90"),
        (parse_coordinates, "16.2, 180.5", "longitude 180.5 is outside -180..180"),
        (parse_coordinates, "16 61 0 N, 0 2 41 W", "minutes must be below 60 (got 61)"),
        (parse_coordinates, "16°16'61\"N 0°2'W", "seconds must be below 60 (got 61)"),
        (parse_coordinates, "16.5 30 N, 0 W", "degrees must be a whole number"),
        (parse_coordinates, "16 30.5 10 N, 0 W", "minutes must be a whole number"),
        (parse_coordinates, "31PBT123", "not a valid MGRS reference: 31PBT123"),
        (parse_coordinates, "31IBT 12345 67890", "not a valid MGRS reference"),
        (parse_coordinates, "99QZZ1234", "not a valid MGRS reference"),
        (parse_coordinates, "13KBM", "not a valid MGRS reference: 13KBM"),  # band M, not K
        (parse_coordinates, "garbage", "cannot read “garbage”"),
        (parse_coordinates, "16.2717", "cannot read"),
        (parse_coordinates, "   ", "enter a coordinate"),
        (parse_coordinates, "1" * 101, "a coordinate is at most 100 characters"),
        (parse_coordinates, "16 16 18 0 2 41", "cannot tell where latitude ends"),
        (parse_coordinates, "16N 0", "give a hemisphere letter on both values or on neither"),
        (parse_coordinates, "16N 0S", "both values are latitudes"),
        (parse_coordinates, "-16N 0W", "use a minus sign or a hemisphere letter, not both"),
        (lambda t: format_mgrs(16, 0, precision=6), "", "MGRS precision must be 0..5"),
        (lambda t: format_dms(-90.5, 0), "", "latitude -90.5 is outside -90..90"),
        (lambda t: format_dd(0, math.nan), "", "longitude nan is outside"),
    ],
)
def test_errors_name_the_problem(call, text, message):
    with pytest.raises(CoordinateError, match="^" + re.escape(message)) as err:
        call(text)
    assert err.value.template in TEMPLATES
    assert str(err.value) == err.value.template.format(**err.value.params)


@given(lats, lons)
def test_round_trip_dms(lat, lon):
    back = parse_coordinates(format_dms(lat, lon))
    assert back[0] == pytest.approx(lat, abs=0.5 / 3600 + 1e-9)
    if abs(lat) < 90:  # longitude is arbitrary at the poles
        assert abs((back[1] - lon + 180) % 360 - 180) <= 0.5 / 3600 + 1e-9


@given(lats, lons)
def test_round_trip_dd(lat, lon):
    back = parse_coordinates(format_dd(lat, lon, 6))
    assert back == pytest.approx((lat, lon), abs=0.5e-6 + 1e-12)


@given(lats.filter(lambda v: v == 0 or abs(v) > 1e-12), lons.filter(lambda v: v == 0 or abs(v) > 1e-12))
def test_format_exact_reads_back_as_the_same_position(lat, lon):
    assert parse_coordinates(coords.format_exact(lat, lon)) == (lat + 0.0, lon + 0.0)


@pytest.mark.parametrize("typed, shown", [
    ("30Q ZD 15880 01273", "30Q ZD 15880 01273"), ("30QZD15880127", "30Q ZD 1588 0127"),
    ("16°16'18\"N 0°02'41\"W", "16°16′18″N 0°02′41″W"), ("16.2717, -0.0447", "16.2717, -0.0447"),
    ("16.27170, -0.04470", "16.2717, -0.0447"), ("18.44107818729762, 1.40824", "18.44107818729762, 1.40824"),
    ("0.00001, -0.000001", "0.00001, -0.000001"), ("16.5, -2.25", "16.5, -2.25")])
def test_format_exact_writes_a_position_as_it_was_typed(typed, shown):
    assert coords.format_exact(*parse_coordinates(typed)) == shown


@given(lats, lons, st.integers(1, 5))
def test_round_trip_mgrs(lat, lon, precision):
    back = parse_coordinates(format_mgrs(lat, lon, precision))
    # MGRS truncates to the grid square: at most the square's diagonal away (plus grid-zone seams).
    assert metres(back, (lat, lon)) <= 1.5 * 10 ** (5 - precision) + 0.01


EXAMPLES = [
    "16.2717, -0.0447",
    "16.2717N 0.0447W",
    "16°16'18\"N 0°02'41\"W",
    "16 16 18 N, 0 2 41 W",
    "16d16m18sN 0d2m41sW",
    "16°16.3'N 0°2.7'W",
    "31PBT 12345 67890",
    "30QZD1588001273",
    "ZAA0000088918",
]
ALPHABET = "0123456789 .,;:-+−°º˚'′’\"″dmsNSEWnsewABPQTXZ\t"


@st.composite
def mutated(draw):
    text = list(draw(st.sampled_from(EXAMPLES)))
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "delete", "replace"]))
        char = draw(st.sampled_from(ALPHABET) | st.characters())
        if kind == "insert":
            text.insert(where, char)
        elif text and where < len(text):
            if kind == "delete":
                del text[where]
            else:
                text[where] = char
    return "".join(text)


def assert_valid_or_coordinate_error(text):
    try:
        lat, lon = parse_coordinates(text)
    except CoordinateError as err:
        assert err.template in TEMPLATES
        return
    assert -90 <= lat <= 90 and -180 <= lon <= 180


@settings(max_examples=500)
@given(mutated())
def test_mutated_text_parses_or_raises_coordinate_error(text):
    assert_valid_or_coordinate_error(text)


@settings(max_examples=500)
@given(st.text(alphabet=ALPHABET, max_size=40) | st.text(max_size=120))
@example("9" * 100)
@example("31PBT" + "1" * 95)
@example("1 " * 50)
def test_random_text_parses_or_raises_coordinate_error(text):
    assert_valid_or_coordinate_error(text)


