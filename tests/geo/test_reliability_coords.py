"""Every coordinate the user types is answered: random and mutated text either parses to a position
on Earth or is refused with a CoordinateError message, never an unhandled exception."""
import math

from hypothesis import event, given, settings
from hypothesis import strategies as st

from geo.coords import CoordinateError, parse_coordinates

VALID = ["16.2717, -0.0447", "16.2717 -0.0447", "16.2717N 0.0447W", "N16.2717 W0.0447",
         "16°16'18\"N 0°02'41\"W", "16 16 18 N, 0 2 41 W", "16d16m18sN 0d2m41sW", "16°16.3'N 0°2.7'W",
         "30QZD1588001273", "30Q ZD 15880 01273", "-90, 180", "90 -180"]
NOISE = st.sampled_from(list("0123456789.,;:-+−°º˚'′’\"″dmsNSEWnsewZQ \t\n") + ["''", "1e9", "nan", "inf", "ü"])


@st.composite
def mutated(draw) -> str:
    text = list(draw(st.sampled_from(VALID)))
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(text)))
        edit = draw(st.sampled_from(["insert", "delete", "replace"]))
        if edit == "insert":
            text.insert(i, draw(NOISE))
        elif text and i < len(text):
            if edit == "delete":
                del text[i]
            else:
                text[i] = draw(NOISE)
    return "".join(text)


def answer(text: str) -> None:
    try:
        lat, lon = parse_coordinates(text)
    except CoordinateError as exc:
        assert str(exc) and exc.template
        event("refused")
        return
    assert math.isfinite(lat) and math.isfinite(lon)
    assert -90 <= lat <= 90 and -180 <= lon <= 180
    event("accepted")


@settings(max_examples=1000, deadline=None)
@given(st.one_of(st.text(), st.lists(NOISE, max_size=20).map("".join)))
def test_random_coordinate_text_is_answered(text):
    answer(text)


@settings(max_examples=1000, deadline=None)
@given(mutated())
def test_mutated_coordinates_are_answered(text):
    answer(text)
