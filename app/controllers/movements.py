"""Wires the movements: their table and form, their lines on the map and bars on the timeline on the current
date, the site card's movements in and out, undo and redo, and File > Export movements.

Movements are read whole (an op) at start and after each write of movements or of the scenario; every write is
an op announcing {"movements"}, put on the window's one undo stack (shared with the incident log) once done.
"""
from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.actions import action
from app.controllers.incidents import _call
from app.ops import Op
from app.state import AppState
from app.undo import Done
from db.exchange import exports
from db.movements import audit, draft, queries, writes
from db.vocab import MOVEMENT_STATUS_LABELS
from geo.routes import Route
from widgets.map.movements import MovementLine
from widgets.movements.form import MovementForm
from widgets.movements.table import MovementRow
from widgets.sites.card import CardMovement
from widgets.timeline.movements import MovementBar

translate = QCoreApplication.translate
EXPORT_FILTER = "CSV (*.csv);;GeoJSON (*.geojson);;GeoPackage (*.gpkg)"


def status_label(status: str) -> str:
    return translate("MovementStatus", MOVEMENT_STATUS_LABELS.get(status, status))


def movement_values(lang: str, sites) -> dict[str, dict[str, str]]:
    """What a conflict shows for a movement's stored ids: site names and the status in the interface language
    (with incidents.values_shown: dates and numbers in the locale)."""
    names = {s.id: s.name.get(lang) for s in sites}
    return {"from_site": names, "to_site": names, "status": {k: status_label(k) for k in MOVEMENT_STATUS_LABELS}}


class MovementController(QObject):
    loaded = Signal(object)  # tuple of the live MovementRecords, after each load
    route_requested = Signal(str)  # a movement's route, for the route panel

    def __init__(self, state: AppState, table, map_view, timeline, card, undo_stack, author: str, parent=None):
        super().__init__(parent)
        self.state, self.table, self.map, self.timeline, self.card = state, table, map_view, timeline, card
        self.undo_stack, self.author = undo_stack, author
        self.every: tuple[queries.MovementRecord, ...] = ()  # deleted ones too
        self.records: tuple[queries.MovementRecord, ...] = ()  # live
        self.show_deleted = False
        self.form: MovementForm | None = None
        self._routes: dict[str, tuple[int, Route | None]] = {}  # id -> (revision, its route)
        self._make_actions()
        table.new_requested.connect(self.new_movement)
        table.edit_requested.connect(self.edit_movement)
        table.delete_requested.connect(self.delete_movement)
        table.restore_requested.connect(self.restore_movement)
        table.route_requested.connect(self.route_requested)
        table.movement_selected.connect(self._table_selected)
        table.show_deleted_changed.connect(self._show_deleted)
        timeline.movement_selected.connect(lambda ident: state.select("movement", ident))
        card.movement_activated.connect(lambda ident: state.select("movement", ident))
        state.changed.connect(self._changed)
        state.situation_changed.connect(lambda situation: self.draw(situation.day))
        state.selected.connect(self._selected)
        self.reload()

    def _make_actions(self) -> None:
        self.new_action = action(self, self.tr("New &movement…"), self.new_movement, "Ctrl+Shift+N")
        self.edit_action = action(self, self.tr("Edit m&ovement…"), lambda: self._on_selected(self.edit_movement),
                                  "Shift+F2")
        self.delete_action = action(self, self.tr("Delete mo&vement"), lambda: self._on_selected(self.delete_movement),
                                    "Ctrl+Shift+Del")
        self.audit_action = action(self, self.tr("Movement's audit trai&l…"),
                                   lambda: self._on_selected(self.show_audit), "Ctrl+Shift+H")
        self.export_action = action(self, self.tr("Export mo&vements…"), self.ask_export, "Ctrl+Shift+O")

    def actions(self) -> list[QAction]:
        """For the Edit menu."""
        return [self.new_action, self.edit_action, self.delete_action, self.audit_action]

    def _on_selected(self, fn) -> None:
        kind, ident = self.state.selection
        ident = ident if kind == "movement" else self.table.selected_id()
        if ident:
            fn(ident)

    # ---------------------------------------------------------------- reading and drawing

    def reload(self) -> None:
        self.state.ops.run(Op(queries.movements, self.state.db, True).on_success(self._loaded).newest("movements"))

    def _changed(self, kinds: frozenset) -> None:
        if kinds & {"movements", "scenario"}:
            self.reload()

    def _loaded(self, every) -> None:
        self.every = tuple(every)
        self.records = tuple(m for m in every if not m.deleted)
        self.table.set_rows([self.row(m) for m in (self.every if self.show_deleted else self.records)])
        if self.state.selection[0] == "movement":  # selected before it arrived (just made)
            self.table.select_movement(self.state.selection[1])
        self.timeline.set_movements([self.bar(m) for m in self.records if m.status != "aborted" or m.departed_on])
        self.draw(self.state.situation.day)
        self._show_card(self.card.site_id)
        self.loaded.emit(self.records)

    def _sites(self) -> dict[str, tuple[float, float]]:
        return {s.id: (s.lat, s.lon) for s in self.state.scenario.sites}

    def route_of(self, m: queries.MovementRecord) -> Route | None:
        """The movement's route (made once per revision); None if a site of it is not in the scenario."""
        known = self._routes.get(m.id)
        if known is None or known[0] != m.revision:
            vertices = m.vertices(self._sites())
            known = (m.revision, Route.through(vertices) if vertices else None)
            self._routes[m.id] = known
        return known[1]

    def draw(self, day: date) -> None:
        """The map's movement lines on `day`."""
        lines = []
        for m in self.records:
            found = queries.on_date(m, day)
            route = self.route_of(m) if found else None
            if route is None:
                continue
            done = None
            if found.state == "under-way" and found.progress is not None:
                part = route.parts(np.array([0.0, max(found.progress * route.length_km, 1e-6)]))[0]
                done = tuple(np.array(c) for c in zip(*part))
            lines.append(MovementLine(m.id, route.lat, route.lon, found.state, done, self.label(m)))
        self.map.show_movements(lines)

    def name(self, site_id: str) -> str:
        try:
            return self.state.scenario.site(site_id).name.get(self.state.lang)
        except KeyError:
            return site_id

    def label(self, m: queries.MovementRecord) -> str:
        """"Ber → Timbuktu", its waypoints between ("Gao → Ansongo → Ménaka")."""
        stops = [m.from_site, *m.waypoints, m.to_site]
        locale = QLocale()
        return " → ".join(self.name(w) if isinstance(w, str) else
                          f"{locale.toString(w[0], 'f', 2)}, {locale.toString(w[1], 'f', 2)}" for w in stops)

    def row(self, m: queries.MovementRecord) -> MovementRow:
        route = self.route_of(m)
        return MovementRow(m.id, self.label(m), m.planned_departure, m.departed_on, m.arrived_on, m.status,
                           status_label(m.status), m.personnel, m.vehicles, route.length_km if route else None,
                           len(m.incident_ids), m.note, m.deleted)

    def when(self, m: queries.MovementRecord) -> str:
        """Its dates and status in words: "under way since 13 August 2023", "planned for 1 September 2023"..."""
        def long(d):
            return QLocale().toString(d, "d MMMM yyyy")

        if m.status == "arrived":
            return self.tr("arrived {0} (left {1})").format(long(m.arrived_on), long(m.departed_on))
        if m.status == "under-way":
            return self.tr("under way since {0}").format(long(m.departed_on))
        if m.status == "aborted":
            return self.tr("aborted (planned for {0})").format(long(m.planned_departure))
        return self.tr("planned for {0}").format(long(m.planned_departure))

    def bar(self, m: queries.MovementRecord) -> MovementBar:
        start = m.starts
        end = max(start, m.ends or start)
        tip = f"<b>{self.label(m)}</b><br>{self.when(m)}"
        if m.status in ("planned", "under-way") and m.planned_arrival:
            tip += "<br>" + self.tr("planned arrival {0}").format(QLocale().toString(m.planned_arrival, "d MMMM yyyy"))
        return MovementBar(m.id, start, end, m.status, tip)

    # ---------------------------------------------------------------- selection and the site card

    def _selected(self, kind: str, ident: str) -> None:
        if kind == "movement":
            self.table.select_movement(ident)
        elif kind == "site":
            self._show_card(ident)
        if kind != "movement" and self.table.selected_id():
            self.table.select_movement("")

    def _table_selected(self, ident: str) -> None:
        if ident:
            self.state.select("movement", ident)
        elif self.state.selection[0] == "movement":
            self.state.select("", "")

    def _show_card(self, site_id: str) -> None:
        if not site_id:
            return
        out, into = queries.of_site(self.records, site_id)
        items = [CardMovement(m.id, self.tr("→ {0}: {1}").format(self.name(m.to_site), self.when(m))) for m in out]
        items += [CardMovement(m.id, self.tr("← from {0}: {1}").format(self.name(m.from_site), self.when(m)))
                  for m in into]
        self.card.show_movements(tuple(items))

    def _show_deleted(self, on: bool) -> None:
        self.show_deleted = on
        self.table.set_rows([self.row(m) for m in (self.every if on else self.records)])

    # ---------------------------------------------------------------- writes

    def _write(self, fn) -> Op:
        return self.state.ops.run(Op(_call, fn, self.state.db).writes("movements"))

    def _do(self, text: str, redo, undo, then: Callable[[], None] | None = None, again=None) -> Op:
        """Make a change, then put it on the undo stack (only once it is made) and run `then`. An op has one
        success path: a second on_success would replace the push (a new movement never reached the undo stack).
        `again` is what Redo does when it is not the change itself (a creation undone is restored, not made anew)."""
        def done(_result) -> None:
            self.undo_stack.push(Done(text, lambda: self._write(again or redo), lambda: self._write(undo)))
            if then is not None:
                then()

        return self._write(redo).on_success(done)

    def _context(self, with_log: bool = False) -> draft.Context:
        return draft.context(self.state.scenario.sites, self.state.db if with_log else None)

    def new_movement(self) -> MovementForm:
        return self._open_form(None)

    def edit_movement(self, movement_id: str) -> None:
        self.state.ops.run(Op(_call, queries.get, self.state.db, movement_id).on_success(self._open_form))

    def _open_form(self, record) -> MovementForm:
        if self.form is not None:
            self.form.close()
        ctx = self._context()  # the log's incidents are checked in an op, on Save
        shown = draft.draft_of(record) if record else draft.MovementDraft(
            planned_departure=self.state.cursor.date.isoformat())
        sites = [(s.id, s.name.get(self.state.lang)) for s in self.state.scenario.sites]
        kind, ident = self.state.selection
        form = MovementForm(sites, lambda d: draft.validate(d, ctx), shown if record else None,
                            incident=ident if kind == "incident" else "", parent=self.table.window())
        if not record:
            form.set_draft(shown)
        form.saved.connect(lambda typed: self._save(form, record, typed))
        form.finished.connect(lambda _: self._form_closed(form))
        self.form = form
        form.show()
        return form

    def _form_closed(self, form) -> None:
        if self.form is form:
            self.form = None
        form.deleteLater()

    def _save(self, form: MovementForm, record, typed: draft.MovementDraft) -> None:
        """Check the draft against the log too (an op), then write it, or show what is wrong in the form."""
        ctx = self._context(with_log=True)
        self.state.ops.run(Op(_call, draft.validate, typed, ctx).on_success(
            lambda errors: form.show_errors(errors) if errors else self._write_draft(form, record, typed, ctx)))

    def _write_draft(self, form: MovementForm, record, typed, ctx) -> None:
        form.close_saved()
        author = self.author
        if record is None:
            ident = str(uuid.uuid4())
            self._do(self.tr("New movement"), lambda db: writes.create(db, typed, author, ctx, ident),
                     lambda db: writes.soft_delete(db, ident, author),
                     then=lambda: self.state.select("movement", ident),
                     again=lambda db: writes.restore(db, ident, author))
            return
        after = writes.changes_between(record, draft.values(typed, ctx))
        if not after:
            return
        before = {k: v for k, v in writes.stored(record).items() if k in after}
        self._do(self.tr("Edit movement"), lambda db: writes.update(db, record.id, after, author),
                 lambda db: writes.update(db, record.id, before, author))

    def delete_movement(self, movement_id: str) -> None:
        author = self.author
        self._do(self.tr("Delete movement"), lambda db: writes.soft_delete(db, movement_id, author),
                 lambda db: writes.restore(db, movement_id, author))

    def restore_movement(self, movement_id: str) -> None:
        author = self.author
        self._do(self.tr("Restore movement"), lambda db: writes.restore(db, movement_id, author),
                 lambda db: writes.soft_delete(db, movement_id, author))

    def show_audit(self, movement_id: str) -> None:
        from app.controllers.incidents import field_labels
        from widgets.incidents.audit import AuditView

        def show(trail):
            view = AuditView(self.table.window())
            view.set_trail(trail, {**field_labels(), **movement_field_labels()})
            view.finished.connect(view.deleteLater)
            view.open()
            self.audit_view = view

        self.state.ops.run(Op(_call, audit.trail, self.state.db, movement_id).on_success(show))

    # ---------------------------------------------------------------- export

    def ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.table.window(), self.tr("Export movements"),
                                              exports.default_filename(self.state.scenario.mission.id, "movements"),
                                              EXPORT_FILTER)
        if path:
            self.export(Path(path))

    def export(self, path: Path) -> Op:
        return self.state.ops.run(
            Op(exports.export_movements, self.state.db, path)
            .with_progress(self.tr("Exporting movements…"), self.table.window())
            .on_success(lambda n: QMessageBox.information(self.table.window(), self.tr("Export movements"),
                                                          self.tr("Wrote {0} movements to {1}").format(n, path))))


def movement_field_labels() -> dict[str, str]:
    """The movement's fields as the interface names them (audit trail)."""
    return {
        "from_site": translate("MovementController", "From"), "to_site": translate("MovementController", "To"),
        "waypoints": translate("MovementController", "Via"),
        "planned_departure": translate("MovementController", "Planned departure"),
        "planned_arrival": translate("MovementController", "Planned arrival"),
        "departed_on": translate("MovementController", "Departed on"),
        "arrived_on": translate("MovementController", "Arrived on"),
        "personnel": translate("MovementController", "Personnel"),
        "vehicles": translate("MovementController", "Vehicles"), "note": translate("MovementController", "Note"),
        "incident_ids": translate("MovementController", "Linked incidents"),
    }
