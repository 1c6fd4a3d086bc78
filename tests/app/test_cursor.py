"""The one current date (app/cursor.py): clamped, emitted once per real change, stepped by day, week and
month, sent to the scenario's ends, settled at once or after a drag, and played through the drawdown."""
from datetime import date

import pytest

from app.cursor import SPEEDS, CursorState

START, END = date(2013, 1, 11), date(2025, 6, 30)
DRAWDOWN = (date(2023, 7, 1), date(2024, 6, 30))


@pytest.fixture
def cursor(qtbot):
    return CursorState(date(2023, 8, 1), START, END, drawdown=DRAWDOWN)


def changes(cursor):
    seen = []
    cursor.date_changed.connect(seen.append)
    return seen


def test_set_date_clamps_and_emits_once_per_real_change(qtbot, cursor):
    seen, settled = changes(cursor), []
    cursor.date_settled.connect(settled.append)
    cursor.set_date(date(2023, 9, 1))
    cursor.set_date(date(2023, 9, 1))
    cursor.set_date(date(2030, 1, 1))
    assert seen == settled == [date(2023, 9, 1), END]


@pytest.mark.parametrize("days, months, expected", [
    (1, 0, date(2023, 8, 2)), (-1, 0, date(2023, 7, 31)), (7, 0, date(2023, 8, 8)), (-7, 0, date(2023, 7, 25)),
    (0, 1, date(2023, 9, 1)), (0, -1, date(2023, 7, 1))])
def test_steps(qtbot, cursor, days, months, expected):
    cursor.step(days, months)
    assert cursor.date == expected


def test_steps_follow_each_other_and_the_ends(qtbot, cursor):
    for _ in range(3):
        cursor.step(1)
    assert cursor.date == date(2023, 8, 4)
    cursor.set_date(START)
    cursor.step(-1)
    assert cursor.date == START  # clamped
    cursor.set_date(date(2030, 1, 1))
    assert cursor.date == END


def test_home_and_end_go_to_the_drawdowns_first_and_last_days(qtbot, cursor):
    """Not the scenario's 2013 context (every camp "open" then): that stays a step or a typed date away."""
    cursor.go_start()
    assert cursor.date == DRAWDOWN[0]
    cursor.step(-1)
    assert cursor.date == date(2023, 6, 30)
    cursor.go_end()
    assert cursor.date == DRAWDOWN[1]
    whole = CursorState(date(2023, 8, 1), START, END)  # a scenario without a drawdown range: its own ends
    whole.go_start()
    assert whole.date == START


def test_a_drag_settles_once_it_pauses_or_ends(qtbot, cursor):
    settled = []
    cursor.date_settled.connect(settled.append)
    for day in (2, 3, 4):
        cursor.set_date(date(2023, 8, day), moving=True)
    assert cursor.date == date(2023, 8, 4) and settled == []  # only the label follows while dragging
    with qtbot.waitSignal(cursor.date_settled) as blocker:  # a pause in the drag
        pass
    assert blocker.args == [date(2023, 8, 4)]
    cursor.set_date(date(2023, 8, 5), moving=True)
    cursor.set_date(date(2023, 8, 5))  # the release
    assert settled == [date(2023, 8, 4), date(2023, 8, 5)]
    with qtbot.assertNotEmitted(cursor.date_settled, wait=200):
        pass


def test_play_advances_by_its_speed_and_its_timer_runs_only_while_playing(qtbot, cursor):
    assert not cursor.playing
    cursor.set_speed(3)  # a week every 0.1 s
    assert SPEEDS[3][1] == 100
    with qtbot.waitSignal(cursor.playing_changed) as on:
        cursor.play()
    assert on.args == [True]
    with qtbot.waitSignal(cursor.date_changed) as blocker:
        pass
    assert blocker.args == [date(2023, 8, 8)]
    cursor.step(1)  # a user's own step pauses Play
    assert not cursor.playing


def test_play_outside_the_drawdown_starts_at_its_beginning(qtbot, cursor):
    cursor.set_date(DRAWDOWN[1])
    cursor.play()
    assert cursor.date == DRAWDOWN[0]
    cursor.pause()


@pytest.mark.parametrize("loop", [True, False])
def test_play_loops_or_stops_at_the_end_of_the_drawdown(qtbot, cursor, loop):
    cursor.set_speed(1)
    cursor.set_loop(loop)
    cursor.set_date(date(2024, 6, 29))
    seen = changes(cursor)
    cursor.play()
    if loop:
        qtbot.waitUntil(lambda: len(seen) == 2)
        assert seen == list(reversed(DRAWDOWN)) and cursor.playing
        cursor.pause()
    else:
        qtbot.waitUntil(lambda: not cursor.playing)
        assert seen == [DRAWDOWN[1]]
