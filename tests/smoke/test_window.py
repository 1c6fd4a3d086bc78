"""The real program in a real window: `python -m app` on Xvfb with Qt's xcb platform (not offscreen), driven
from outside with xdotool as a user would. Catches what in-process tests cannot: the entry point, the system
libraries Qt's xcb plugin loads, fonts, a clean exit, and anything printed on stderr."""
import numpy as np
import pytest

from .desktop import Desktop, Program

pytestmark = pytest.mark.smoke

TITLE = r"^sitmon — "  # the main window: "sitmon — <mission name>"


def test_window_opens_draws_and_quits_cleanly(x_display, tmp_path):
    desktop = Desktop(x_display)
    with Program(["--db", str(tmp_path / "x.sqlite"), "--lang", "en"], x_display, tmp_path / "user") as program:
        window = desktop.wait_for_window(TITLE, program)
        assert [w.title for w in desktop.windows()] == [window.title]  # no dialog at start
        shot = desktop.screenshot(tmp_path / "window.png", program)
        desktop.send_keys(window.id, "ctrl+q")
        code = program.wait(timeout=30)
    assert code == 0, program.output()
    assert program.unexpected_stderr() == [], program.output()
    assert shot.shape == (768, 1366, 3)
    colours = np.unique(shot.reshape(-1, 3), axis=0)
    assert len(colours) > 50, f"the screen looks blank ({len(colours)} colours): see {tmp_path / 'window.png'}"
    assert (tmp_path / "x.sqlite").exists()
