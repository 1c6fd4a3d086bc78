"""Wires the timeline, the site-status panel and the key figures to the shared AppState.

The timeline asks for dates, steps and Play; the cursor (app/cursor.py) decides; the timeline's line follows
every date change, and the statuses, the panel and the figures follow the situation of the settled date.
The incident density strip is redrawn when AppState's background load delivers the points.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QObject

from app.cursor import SPEEDS
from app.state import AppState
from db.incidents import taxonomy
from db.incidents.points import IncidentPoints
from db.status import Situation


class TimelineController(QObject):
    def __init__(self, state: AppState, view, site_panel=None, key_figures=None, parent=None):
        super().__init__(parent)
        self.state, self.view, self.site_panel, self.key_figures = state, view, site_panel, key_figures
        cursor = state.cursor
        view.date_requested.connect(lambda day, moving: cursor.set_date(day, moving))
        view.step_requested.connect(lambda days, months: cursor.step(days, months))
        view.jump_requested.connect(lambda end: cursor.go_start() if end == "start" else cursor.go_end())
        view.play_requested.connect(cursor.play)
        view.speed_requested.connect(cursor.set_speed)
        view.loop_requested.connect(cursor.set_loop)
        view.event_selected.connect(self._event_selected)
        view.site_selected.connect(self._site_selected)
        view.set_speeds([QCoreApplication.translate("TimelineView", label) for _step, _ms, label in SPEEDS])
        if site_panel is not None:
            site_panel.site_selected.connect(self._site_selected)
        cursor.date_changed.connect(view.show_date)
        cursor.playing_changed.connect(view.show_playing)
        state.situation_changed.connect(self.show_situation)
        state.selected.connect(self.highlight)
        state.scenario_changed.connect(self.reload)
        state.points_ready.connect(self.show_incidents)
        self.reload()

    def show_date(self, day: date) -> None:
        """The cursor on `day` and the situation worked out for it (as the app does on a settled date)."""
        self.view.show_date(day)
        self.show_situation(self.state.situation)

    def show_situation(self, situation: Situation) -> None:
        self.view.show_statuses(situation.statuses)
        if self.site_panel is not None:
            self.site_panel.show_statuses(situation.day, situation.statuses, self.state.scenario.sites,
                                          self.state.lang, QCoreApplication.translate)
        if self.key_figures is not None:
            self.key_figures.show_figures(situation.figures)

    def highlight(self, kind: str, ident: str) -> None:
        self.view.highlight(kind, ident)
        if self.site_panel is not None:
            self.site_panel.highlight(kind, ident)

    def show_incidents(self, points: IncidentPoints) -> None:
        self.view.set_incident_counts(points.day, taxonomy.colors_of(points))

    def reload(self, *_args) -> None:
        """Draw the state's scenario afresh (at start and after a new scenario is loaded)."""
        self.view.set_scenario(self.state.scenario, self.state.lang)
        self.show_incidents(self.state.incident_points())  # the last loaded; a reload brings points_ready
        self.show_date(self.state.cursor.date)
        self.highlight(*self.state.selection)

    def _event_selected(self, ident: str) -> None:
        self.state.select("event", ident)

    def _site_selected(self, ident: str) -> None:
        self.state.select("site", ident)
