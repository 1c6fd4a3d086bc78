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
