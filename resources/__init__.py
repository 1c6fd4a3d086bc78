"""Plain files shipped with sitmon: basemap, scenarios, taxonomy, translations, icons.

This module only gives paths; app/ and widgets/ turn them into icons or styles.
"""
from pathlib import Path

ROOT = Path(__file__).resolve().parent


def path(*parts: str) -> Path:
    """Path of a shipped resource, e.g. path("scenarios", "minusma-2023")."""
    return ROOT.joinpath(*parts)
