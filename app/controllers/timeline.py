"""Wires the timeline, the site-status panel and the key figures to the shared AppState.

The timeline asks for dates; the cursor decides; every view follows the cursor's date_changed.
The incident density strip is redrawn when AppState's background load delivers the points.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QObject

from db import status

from db.incidents import taxonomy
from db.incidents.points import IncidentPoints

from app.state import AppState


class TimelineController(QObject):
    def __init__(self, state: AppState, view, site_panel=None, key_figures=None, parent=None):
        super().__init__(parent)
        self.state, self.view, self.site_panel, self.key_figures = state, view, site_panel, key_figures
        view.date_requested.connect(state.cursor.set_date)
        view.event_selected.connect(self._event_selected)
        view.site_selected.connect(self._site_selected)
        if site_panel is not None:
            site_panel.site_selected.connect(self._site_selected)
        state.cursor.date_changed.connect(self.show_date)
        state.selected.connect(self.highlight)
        state.data_changed.connect(self._data_changed)
        state.points_ready.connect(self.show_incidents)
        self.reload()

    def show_date(self, day: date) -> None:
        scenario = self.state.scenario
        statuses = status.statuses_on(scenario, day)
        self.view.show_date(day)
        self.view.show_statuses(statuses)
        if self.site_panel is not None:
            self.site_panel.show_statuses(day, statuses, scenario.sites, self.state.lang, QCoreApplication.translate)
        if self.key_figures is not None:
            self.key_figures.show_figures(status.key_figures(scenario, day))

    def highlight(self, kind: str, ident: str) -> None:
        self.view.highlight(kind, ident)
        if self.site_panel is not None:
            self.site_panel.highlight(kind, ident)

    def show_incidents(self, points: IncidentPoints) -> None:
        self.view.set_incident_counts(points.day, taxonomy.colors_of(points))

    def reload(self) -> None:
        """Draw the state's scenario afresh (at start and after a new scenario is loaded)."""
        self.view.set_scenario(self.state.scenario, self.state.lang)
        self.show_incidents(self.state.incident_points())  # the last loaded; a reload brings points_ready
        self.show_date(self.state.cursor.date)
        self.highlight(*self.state.selection)

    def _data_changed(self, kind: str) -> None:
        if kind == "scenario":  # incident writes come back through points_ready
            self.reload()

    def _event_selected(self, ident: str) -> None:
        self.state.select("event", ident)

    def _site_selected(self, ident: str) -> None:
        self.state.select("site", ident)
