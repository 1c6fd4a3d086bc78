"""The incident taxonomy (types, sub-types, groups) read from resources/taxonomy, as records."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

import resources
from db.records import Text

TAXONOMY_FILE = resources.path("taxonomy", "incident_types.toml")


@dataclass(frozen=True)
class Subtype:
    id: str
    label: Text
    acled: str


@dataclass(frozen=True)
class IncidentType:
    id: str
    group: str
    label: Text
    symbol: str  # pyqtgraph symbol name
    color: str  # the group's colour, "#RRGGBB"
    acled_event_type: str
    acled_subtype: str  # for the mission's own kinds; "" for ACLED types
    subtypes: tuple[Subtype, ...] = ()
    route_weight: float = 1.0  # how much it weighs against a road (geo.routes.score's type_weights)


@dataclass(frozen=True)
class Group:
    id: str
    label: Text
    color: str
    acled: str


@dataclass(frozen=True)
class Taxonomy:
    groups: tuple[Group, ...]
    types: tuple[IncidentType, ...]

    def type(self, type_id: str) -> IncidentType:
        for t in self.types:
            if t.id == type_id:
                return t
        raise KeyError(type_id)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.types)


def _text(d: dict) -> Text:
    return Text(d["en"], d.get("fr", ""))


UNKNOWN_COLOR = "#999999"  # a type id the taxonomy does not know (an older or newer file)


def colors_of(points) -> np.ndarray:
    """One "#RRGGBB" per incident of a db.incident_points.IncidentPoints, by its type's group."""
    colors = {t.id: t.color for t in load().types}
    palette = np.array([colors.get(k, UNKNOWN_COLOR) for k in points.types] or [UNKNOWN_COLOR], dtype=str)
    return palette[points.type_index]


@lru_cache(maxsize=4)
def load(path: Path = TAXONOMY_FILE) -> Taxonomy:
    data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    groups = {g["id"]: Group(g["id"], _text(g["label"]), g["color"], g["acled"]) for g in data["groups"]}
    types = tuple(
        IncidentType(
            id=t["id"], group=t["group"], label=_text(t["label"]), symbol=t["symbol"],
            color=groups[t["group"]].color, acled_event_type=groups[t["group"]].acled,
            acled_subtype=t.get("acled_subtype", ""),
            subtypes=tuple(Subtype(s["id"], _text(s["label"]), s["acled"]) for s in t.get("subtypes", ())),
            route_weight=float(t.get("route_weight", 1.0)),
        )
        for t in data["types"])
    return Taxonomy(tuple(groups.values()), types)
