"""Fixtures for the app/ controllers: a parent window and the shared state on a seeded file."""
import pytest
from PySide6.QtWidgets import QWidget

from app.gui import open_state


@pytest.fixture
def window(qtbot):
    """A plain shown widget, the parent a controller's dialogs open over."""
    w = QWidget()
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.fixture
def state(tmp_path):
    """AppState on a seeded database in tmp_path, cursor on the scenario's opening date."""
    s = open_state(tmp_path / "field.sqlite", "en")
    yield s
    s.db.close()


@pytest.fixture
def main_window(qtbot, db):
    """The whole window on a seeded database, shown; background jobs finished at teardown."""
    from app.main_window import MainWindow

    w = MainWindow(open_state(db.path, "en", database=db))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.incident_controller.pool.waitForDone()
