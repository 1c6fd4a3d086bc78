"""How the route risk and movements look, shared by the map, the route panel's profile and the briefing.

A stretch of a route is coloured by the weight of the incidents recorded near it (geo.routes.score): fixed
steps, so that two routes and two dates compare at a glance. Sequential colours (ColorBrewer YlOrBr, readable
by colour-blind eyes), from a neutral grey-blue where nothing was recorded; the profile strip repeats the
colour as a bar's height, so colour is never the only cue. Movements are drawn in one blue: planned dashed,
under way solid, arrived faded.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

SCORE_STEPS = (0.0, 1.0, 3.0, 6.0)  # a stretch above step k (and up to step k + 1) is class k + 1
SCORE_COLORS = ("#8fa3b3", "#fed98e", "#fe9929", "#d95f0e", "#993404")
MOVEMENT_COLOR = "#0072B2"
ARRIVED_ALPHA = 90  # of 255: an arrived movement is drawn faded
SLOT_COLORS = {"A": "#1a1a1a", "B": "#5a2a82"}  # the outline and label of route A and route B


def score_class(score: float) -> int:
    """0 where nothing weighs, then 1 to 4 by SCORE_STEPS."""
    return sum(score > step for step in SCORE_STEPS)


def score_color(score: float) -> str:
    return SCORE_COLORS[score_class(score)]


def score_labels() -> list[str]:
    """The classes as the legends name them, in the interface language."""
    translate = QCoreApplication.translate
    return [translate("RouteStyle", "nothing recorded"), translate("RouteStyle", "weight up to 1"),
            translate("RouteStyle", "weight 1 to 3"), translate("RouteStyle", "weight 3 to 6"),
            translate("RouteStyle", "weight over 6")]
