"""Settings: every QSettings key and its default in one place, and where the data lives."""
from __future__ import annotations

import getpass
import os
from pathlib import Path

import platformdirs

APP_NAME = "sitmon"
ORGANIZATION = "sitmon"

# key -> default
DEFAULTS = {
    "ui/language": "",  # "" = the system locale (English unless it is French)
    "ui/theme": "default",  # default | high-contrast
    "ui/zoom": 100,  # percent of the system font size
    "window/geometry": None,
    "window/state": None,
    "cursor/date": "",  # ISO date last shown
    "map/incident_days": 0,
    "map/legend": True,  # 0 = every incident up to the current date
    "map/legend_collapsed": False,  # the user folded the legend to its title row
    "map/layers_hidden": [],
    "map/user_layers": [],
    "site_card/radius_km": 50,
    "export/marking": "UN RESTRICTED",
    "briefing/incident_days": 28,  # the briefing's incident table and chart cover the last N days
    "author": "",
    "routes/buffer_km": 10.0,  # the route risk's options (db.incidents.near_route.RouteOptions)
    "routes/days": 30,
    "routes/step_km": 10.0,
    "routes/half_life_days": 14.0,
}


def data_dir() -> Path:
    """The user's data folder (platformdirs), or SITMON_DATA_DIR."""
    override = os.environ.get("SITMON_DATA_DIR")
    return Path(override) if override else platformdirs.user_data_path(APP_NAME, appauthor=False)


def database_target(text: str) -> Path | str:
    """What --db or SITMON_DB names: a PostgreSQL URL (postgresql://..., kept as text) or a file."""
    return text if text.split(":", 1)[0].lower() in ("postgresql", "postgres") and "://" in text else Path(text)


def default_db_path() -> Path | str:
    """SITMON_DB (a file, or a postgresql:// URL), else sitmon.sqlite in the user's data folder."""
    env = os.environ.get("SITMON_DB")
    return database_target(env) if env else data_dir() / "sitmon.sqlite"


def settings():
    from PySide6.QtCore import QSettings

    return QSettings(ORGANIZATION, APP_NAME)


def get(key: str):
    """A setting with its declared default and type."""
    default = DEFAULTS[key]
    value = settings().value(key, default)
    if isinstance(default, bool):
        return value in (True, "true", "1", 1)
    if isinstance(default, (int, float)):
        try:
            return type(default)(value)
        except (TypeError, ValueError):
            return default
    if isinstance(default, list):
        if value is None or value == "":
            return []
        return list(value) if isinstance(value, (list, tuple)) else [value]
    return value


def put(key: str, value) -> None:
    if key not in DEFAULTS:
        raise KeyError(key)
    settings().setValue(key, value)


def author() -> str:
    """Who the edits and imports of this user are recorded as: the name in Preferences, else the login name."""
    return get("author") or getpass.getuser()
