"""What the map draws, as plain records (numpy arrays and text, no Qt): the input of widgets/map/."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True, eq=False)
class Lines:
    """Polylines as pyqtgraph wants them: x, y, and connect[i] False where a line ends."""

    x: np.ndarray
    y: np.ndarray
    connect: np.ndarray


@dataclass(frozen=True, eq=False)
class Labels:
    x: np.ndarray
    y: np.ndarray
    text: tuple[str, ...]
    rank: np.ndarray  # 1 = most important; labels of a higher rank appear as the map zooms in


@dataclass(frozen=True, eq=False)
class Basemap:
    land: list[np.ndarray]  # rings (n, 2) of every country
    focus: list[np.ndarray]  # Mali
    nouakchott: list[np.ndarray]  # the states of the 2013 Nouakchott meeting, whole
    lakes: list[np.ndarray]
    borders: Lines
    regions: Lines
    rivers: Lines
    country_labels: Labels
    region_labels: Labels
    place_labels: Labels
    attribution: str = ""


@dataclass(frozen=True, eq=False)
class VectorData:
    """A user's vector layer: polygon rings, lines and points."""

    rings: list[np.ndarray] = field(default_factory=list)
    lines: Lines | None = None
    points: tuple[np.ndarray, np.ndarray] | None = None  # x, y


@dataclass(frozen=True)
class IncidentStyle:
    label: str
    symbol: str  # pyqtgraph symbol name
    color: str  # "#RRGGBB"


@dataclass(frozen=True)
class Tile:
    key: tuple
    image: bytes  # PNG/JPEG/WebP bytes
    bbox: tuple[float, float, float, float]  # lon_min, lat_min, lon_max, lat_max
