"""Status and incident-type colours stay apart for colour-blind users, and colour is never the only cue.

Colour-vision deficiency is simulated with the matrices of Machado, Oliveira & Fernandes (2009), "A
Physiologically-based Model for Simulation of Color Vision Deficiency", IEEE TVCG 15(6):1291-1298,
severity 1.0 (dichromacy), applied to linear RGB. Every pair of colours must then stay at least
MIN_DELTA_E apart in CIELAB (CIE76 ΔE*ab, D65 white). 2.3 is a just-noticeable difference; 10 keeps
two marks clearly apart at a glance on a small symbol, which is what the map and the table need.
"""
from __future__ import annotations

import itertools

import numpy as np
import pytest
from pyqtgraph.graphicsItems.ScatterPlotItem import Symbols

from db.incidents.taxonomy import load
from db.vocab import SITE_STATUSES as STATUSES
from widgets.status_style import STATUS_COLORS, STATUS_SYMBOLS

MIN_DELTA_E = 10.0
MACHADO_2009 = {  # severity 1.0, from the paper's supplementary table
    "protanopia": np.array([[0.152286, 1.052583, -0.204868],
                            [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968],
                              [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
    "tritanopia": np.array([[1.255528, -0.076749, -0.178779],
                            [-0.078411, 0.930809, 0.147602],
                            [0.004733, 0.691367, 0.303900]]),
}
SRGB_TO_XYZ = np.array([[0.4124564, 0.3575761, 0.1804375],
                        [0.2126729, 0.7151522, 0.0721750],
                        [0.0193339, 0.1191920, 0.9503041]])


def linear_rgb(hex_color: str) -> np.ndarray:
    c = np.array([int(hex_color[i:i + 2], 16) / 255 for i in (1, 3, 5)])
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def lab(rgb_linear: np.ndarray) -> np.ndarray:
    xyz = SRGB_TO_XYZ @ np.clip(rgb_linear, 0, 1) / (SRGB_TO_XYZ @ np.ones(3))
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def seen_as(hex_color: str, vision: str) -> np.ndarray:
    return lab(MACHADO_2009[vision] @ linear_rgb(hex_color) if vision != "normal" else linear_rgb(hex_color))


def closest_pair(colors: dict[str, str], vision: str) -> tuple[float, str, str]:
    return min((float(np.linalg.norm(seen_as(a, vision) - seen_as(b, vision))), ka, kb)
               for (ka, a), (kb, b) in itertools.combinations(colors.items(), 2))


def test_simulation_matches_known_values():
    # pure red seen by a protanope is dark yellow-brown; white stays white; grey stays grey
    assert np.allclose(MACHADO_2009["protanopia"] @ np.ones(3), 1, atol=1e-3)
    assert np.allclose(MACHADO_2009["deuteranopia"] @ np.ones(3), 1, atol=1e-3)
    assert np.allclose(seen_as("#FFFFFF", "protanopia"), [100, 0, 0], atol=0.5)
    assert abs(np.linalg.norm(lab(linear_rgb("#000000")) - lab(linear_rgb("#FFFFFF"))) - 100) < 0.5
    red = seen_as("#FF0000", "protanopia")
    assert red[0] < 60 and red[2] > 20  # darker, and yellowish rather than red


@pytest.mark.parametrize("vision", ["normal", "deuteranopia", "protanopia", "tritanopia"])
def test_status_colours_stay_apart(vision):
    assert set(STATUS_COLORS) == set(STATUSES)
    distance, a, b = closest_pair(STATUS_COLORS, vision)
    assert distance >= MIN_DELTA_E, f"{a} and {b} are {distance:.1f} apart under {vision}"


@pytest.mark.parametrize("vision", ["normal", "deuteranopia", "protanopia", "tritanopia"])
def test_incident_group_colours_stay_apart(vision):
    groups = {g.id: g.color for g in load().groups}
    distance, a, b = closest_pair(groups, vision)
    assert distance >= MIN_DELTA_E, f"{a} and {b} are {distance:.1f} apart under {vision}"


def test_every_status_has_its_own_shape():
    assert set(STATUS_SYMBOLS) == set(STATUSES)
    assert len(set(STATUS_SYMBOLS.values())) == len(STATUSES)
    assert all(symbol in Symbols for symbol in STATUS_SYMBOLS.values())


def test_every_incident_type_has_its_own_colour_and_symbol_pair():
    types = load().types
    pairs = [(t.color, t.symbol) for t in types]
    assert len(set(pairs)) == len(types), [t.id for t in types if pairs.count((t.color, t.symbol)) > 1]
    assert all(t.symbol in Symbols for t in types)
    for group in load().groups:  # within a group (one colour) the symbol alone tells the types apart
        symbols = [t.symbol for t in types if t.group == group.id]
        assert len(set(symbols)) == len(symbols), group.id
