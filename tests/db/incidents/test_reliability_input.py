"""Every bad scenario input is answered: random and mutated TOML is either accepted or refused with a
ScenarioError naming the key or the line, never an unhandled exception; a refused load changes nothing."""
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from db import open_database
from db.scenario import stored
from db.scenario.files import DEFAULT_SCENARIO, ScenarioError, loads, scenario_file
from tests.db import snapshot

TEXT = scenario_file(DEFAULT_SCENARIO).read_text(encoding="utf-8")
LINES = TEXT.splitlines(keepends=True)
VALUES = st.one_of(
    st.sampled_from(['""', "0", "-1", "1e400", "nan", "inf", "true", "[]", "{}", "2023-02-30", "2023-13-01",
                     "2023-07-01", "1900-01-01", "9999-12-31", '"ber"', '"nowhere"', "91.5", "-181", '"\\u0000"',
                     "[1, 2", '"unterminated', "{ en = \"\" }", "{ en = 1 }", "'''", "= =", "\x00"]),
    st.text(max_size=20).map(repr),
    st.integers().map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)


@st.composite
def mutated(draw) -> str:
    """The shipped scenario with one to three edits: a line dropped, doubled, moved or cut,
    a value replaced, random text inserted, or the file truncated."""
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(lines) - 1))
        edit = draw(st.sampled_from(["drop", "double", "move", "cut", "value", "insert", "truncate"]))
        event(f"edit: {edit}")
        if edit == "drop":
            del lines[i]
        elif edit == "double":
            lines.insert(i, lines[i])
        elif edit == "move":
            lines.insert(draw(st.integers(0, len(lines) - 1)), lines.pop(i))
        elif edit == "cut":
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))] + "\n"
        elif edit == "value" and "=" in lines[i]:
            lines[i] = lines[i].split("=", 1)[0] + "= " + draw(VALUES) + "\n"
        elif edit == "insert":
            lines.insert(i, draw(st.text(max_size=40)) + "\n")
        elif edit == "truncate":
            lines = lines[:i]
        if not lines:
            break
    return "".join(lines)


def answer(text: str) -> ScenarioError | None:
    """None when accepted; the ScenarioError when refused (anything else fails the test)."""
    try:
        loads(text, "mutated.toml")
    except ScenarioError as exc:
        # tomllib locates an unfinished file "at end of document" rather than by line
        assert exc.key or exc.line or "(at end of document)" in str(exc), f"no key or line: {exc}"
        assert str(exc).startswith("mutated.toml")
        event("refused")
        return exc
    event("accepted")
    return None


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_random_text_is_answered(text):
    answer(text)


@settings(max_examples=400, deadline=None)
@given(mutated())
def test_mutated_scenario_is_answered(text):
    answer(text)


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("props") / "field.sqlite")
    yield db
    db.close()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=mutated())
def test_refused_scenario_leaves_the_database_unchanged(database, tmp_path_factory, text):
    path = tmp_path_factory.mktemp("scenario") / "scenario.toml"
    path.write_text(text, encoding="utf-8")
    before = snapshot.tables(database)
    try:
        stored.load_scenario(database, path)
    except ScenarioError:
        event("refused: database unchanged")
        assert snapshot.tables(database) == before
    else:
        event("accepted: loaded")
