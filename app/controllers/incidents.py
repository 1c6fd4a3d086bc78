"""Wires the incident log: table, form, audit trail, summary, undo/redo and the shared selection.

Every write goes through a QUndoCommand that calls db.incidents; undo is itself a new audited
change (an edit back, a soft delete, a restore). After each write: state.data_changed("incidents").
Counts and the summary run on one background thread (a 1,000,000-row summary takes seconds);
each job carries a generation number and stale results are dropped.
"""
from __future__ import annotations

import getpass

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack

from db.incidents import queries

from db.incidents import draft

from db.incidents import taxonomy
from db.store.engine import Database, make_engine
from widgets.incidents.audit import AuditView
from widgets.incidents.form import IncidentForm

from app import settings
from app.state import AppState

MAX_JUMP = 20_000  # the table loads at most this many rows to show a selection made elsewhere


class _Result(QObject):
    counted = Signal(int, int)  # generation, count
    summarized = Signal(int, object)  # generation, Summary


class _SummaryJob(QRunnable):
    """Count and summary of one filter, on its own connection (a Session never crosses threads)."""

    def __init__(self, path, f, generation: int, result: _Result):
        super().__init__()
        self.path, self.f, self.generation, self.result = path, f, generation, result

    def run(self) -> None:
        db = Database(self.path, make_engine(self.path))
        try:
            self.result.counted.emit(self.generation, queries.count(db, self.f))
            self.result.summarized.emit(self.generation, queries.summary(db, self.f))
        finally:
            db.close()


class _Command(QUndoCommand):
    """redo/undo call db functions through the controller; the first redo is the user's action."""

    def __init__(self, controller: IncidentController, text: str, do, undo):
        super().__init__(text)
        self._controller, self._do, self._undo = controller, do, undo

    def redo(self) -> None:
        self._do()
        self._controller.changed()

    def undo(self) -> None:
        self._undo()
        self._controller.changed()


class IncidentController(QObject):
    summary_ready = Signal()  # count and summary of the current filter are shown
    pick_requested = Signal()  # the open form wants a position picked on the map

    def __init__(self, state: AppState, table, summary, parent=None):
        super().__init__(parent)
        self.state, self.table, self.summary = state, table, summary
        self.db = state.db
        self.author = settings.get("author") or getpass.getuser()
        self.taxonomy = taxonomy.load()
        self.ctx = draft.context(self.db)
        self.undo_stack = QUndoStack(self)
        self.form: IncidentForm | None = None
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._generation = 0
        self._result = _Result(self)
        self._result.counted.connect(self._counted)
        self._result.summarized.connect(self._summarized)

        lang = state.lang
        self.labels = {
            "type": {t.id: t.label.get(lang) for t in self.taxonomy.types},
            "subtype": {s.id: s.label.get(lang) for t in self.taxonomy.types for s in t.subtypes},
            "region": _region_labels(lang),
            "site_id": {s.id: s.name.get(lang) for s in state.scenario.sites},
        }
        table.set_choices(list(self.labels["type"].items()), list(self.labels["region"].items()),
                          list(self.labels["site_id"].items()))
        table.set_labels({"subtype": self.labels["subtype"]})

        self.new_action = self._action(self.tr("&New incident…"), QKeySequence.StandardKey.New, self.new_incident)
        self.edit_action = self._action(self.tr("&Edit incident…"), "F2", self.edit_selected)
        self.delete_action = self._action(self.tr("&Delete incident"), QKeySequence.StandardKey.Delete,
                                          self.delete_selected)
        # Del deletes only from the log (elsewhere it edits text, or means nothing); the menu always works
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        table.view.addAction(self.delete_action)
        self.restore_action = self._action(self.tr("&Restore incident"), "Ctrl+R", self.restore_selected)
        self.audit_action = self._action(self.tr("Show &audit trail…"), "Ctrl+H", self.show_audit)
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])

        table.filter_changed.connect(self._filter_changed)
        table.incident_selected.connect(self._table_selected)
        table.incident_activated.connect(lambda ident: self.edit_incident(ident) if ident else None)
        state.selected.connect(self._state_selected)
        state.data_changed.connect(self._data_changed)
        state.cursor.date_changed.connect(table.set_timeline_date)
        table.set_timeline_date(state.cursor.date)
        table.set_query(lambda f, col, desc, offset, limit: queries.page(self.db, f, col, desc, offset, limit))
        self._update_actions()

    def _action(self, text, shortcut, slot) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def actions(self) -> list[QAction]:
        return [self.new_action, self.edit_action, self.delete_action, self.restore_action, self.audit_action,
                self.undo_action, self.redo_action]

    # ---- writes

    def changed(self) -> None:
        self.state.data_changed.emit("incidents")

    def new_incident(self) -> IncidentForm:
        return self._open_form(None)

    def edit_selected(self) -> IncidentForm | None:
        ident = self.table.selected_id()
        return self.edit_incident(ident) if ident else None

    def edit_incident(self, incident_id: str) -> IncidentForm:
        return self._open_form(draft.get(self.db, incident_id))

    def _open_form(self, record) -> IncidentForm:
        if self.form is not None:
            self.form.close()
        draft = draft.draft_of(record) if record else draft.IncidentDraft(
            occurred_on=self.state.cursor.date.isoformat())
        form = IncidentForm(self.taxonomy, self.state.scenario.sites,
                            lambda d: draft.validate(d, self.ctx), self.ctx.locate, _parse_location,
                            draft=draft if record else None, lang=self.state.lang, parent=self.table.window())
        if not record:
            form.set_draft(draft)
        form.saved.connect(lambda d: self._save(record, d))
        form.pick_requested.connect(self.pick_requested)
        form.finished.connect(lambda _: self._form_closed(form))
        self.form = form
        form.show()  # not modal: the user may pick the location on the map meanwhile
        return form

    def _form_closed(self, form) -> None:
        if self.form is form:
            self.form = None
        form.deleteLater()

    def pick_on_map(self, lat: float, lon: float) -> None:
        """Connected by the main window to the map's position_picked while a form is open."""
        if self.form is not None:
            self.form.set_position(lat, lon)

    def _save(self, record, draft) -> None:
        if record is None:
            created = []

            def do():
                if created:
                    draft.restore(self.db, created[0], self.author)
                else:
                    created.append(draft.create(self.db, draft, self.author, self.ctx))

            self.undo_stack.push(_Command(self, self.tr("New incident"), do,
                                          lambda: draft.soft_delete(self.db, created[0], self.author)))
            self.state.select("incident", created[0])
            return
        after = draft.changes_between(record, draft.values(draft, self.ctx))
        if not after:
            return
        before = {k: getattr(record, k) for k in after}
        self.undo_stack.push(_Command(
            self, self.tr("Edit incident"), lambda: draft.update(self.db, record.id, after, self.author),
            lambda: draft.update(self.db, record.id, before, self.author)))

    def delete_selected(self) -> None:
        ident = self.table.selected_id()
        if ident:
            self.undo_stack.push(_Command(self, self.tr("Delete incident"),
                                          lambda: draft.soft_delete(self.db, ident, self.author),
                                          lambda: draft.restore(self.db, ident, self.author)))

    def restore_selected(self) -> None:
        ident = self.table.selected_id()
        if ident:
            self.undo_stack.push(_Command(self, self.tr("Restore incident"),
                                          lambda: draft.restore(self.db, ident, self.author),
                                          lambda: draft.soft_delete(self.db, ident, self.author)))

    def show_audit(self) -> AuditView | None:
        ident = self.table.selected_id()
        if not ident:
            return None
        view = AuditView(self.table.window())
        view.set_trail(draft.audit_trail(self.db, ident), self._field_labels())
        view.finished.connect(view.deleteLater)
        view.open()
        return view

    def _field_labels(self) -> dict[str, str]:
        return field_labels()

    # ---- reads and selection

    def _data_changed(self, kind: str) -> None:
        if kind in ("incidents", "scenario"):
            self.table.refresh()
            self._filter_changed(self.table.filter)
            self._update_actions()

    def _filter_changed(self, f) -> None:
        self._generation += 1
        self.pool.start(_SummaryJob(self.db.path, f, self._generation, self._result))

    def _counted(self, generation: int, n: int) -> None:
        if generation == self._generation:
            self.table.set_count(n)

    def _summarized(self, generation: int, summary) -> None:
        if generation == self._generation:
            self.summary.set_summary(summary, self.labels)
            self.summary_ready.emit()

    def _table_selected(self, ident: str) -> None:
        if ident:
            self.state.select("incident", ident)
        elif self.state.selection[0] == "incident":
            self.state.select("", "")
        self._update_actions()

    def _state_selected(self, kind: str, ident: str) -> None:
        if kind != "incident":
            self.table.select_incident("")
        elif ident != self.table.selected_id():
            row = queries.position(self.db, self.table.filter, *self.table.model.sort_key, ident)
            self.table.select_incident(ident, row if row is not None and row < MAX_JUMP else None)
        self._update_actions()

    def _update_actions(self) -> None:
        ident = self.table.selected_id()
        deleted = bool(ident) and draft.get(self.db, ident).deleted
        self.edit_action.setEnabled(bool(ident) and not deleted)
        self.delete_action.setEnabled(bool(ident) and not deleted)
        self.restore_action.setEnabled(deleted)
        self.audit_action.setEnabled(bool(ident))


def field_labels() -> dict[str, str]:
    """The incident's fields as the interface names them (audit trail, package conflicts)."""
    translate = QCoreApplication.translate
    return {
        "occurred_on": translate("IncidentController", "Date"),
        "occurred_time": translate("IncidentController", "Time"),
        "lat": translate("IncidentController", "Latitude"),
        "lon": translate("IncidentController", "Longitude"),
        "region": translate("IncidentController", "Region"),
        "site_id": translate("IncidentController", "Nearest site"),
        "site_km": translate("IncidentController", "Distance (km)"),
        "type": translate("IncidentController", "Type"),
        "subtype": translate("IncidentController", "Sub-type"),
        "actors": translate("IncidentController", "Actors"),
        "killed_peacekeepers": translate("IncidentController", "Killed: peacekeepers"),
        "killed_civilians": translate("IncidentController", "Killed: civilians"),
        "killed_other": translate("IncidentController", "Killed: other"),
        "injured_peacekeepers": translate("IncidentController", "Injured: peacekeepers"),
        "injured_civilians": translate("IncidentController", "Injured: civilians"),
        "injured_other": translate("IncidentController", "Injured: other"),
        "description": translate("IncidentController", "Description"),
        "notes": translate("IncidentController", "Notes"),
        "source": translate("IncidentController", "Source"),
        "reliability": translate("IncidentController", "Reliability"),
        "status": translate("IncidentController", "Status"),
        "deleted": translate("IncidentController", "Deleted"),
    }

def _parse_location(text: str):
    from geo.coords import CoordinateError, parse_coordinates

    try:
        return parse_coordinates(text)
    except CoordinateError:
        return None


def _region_labels(lang: str) -> dict[str, str]:
    from geo.basemap import load_layer

    regions = load_layer("mali_regions")
    names = regions["name_fr"] if lang == "fr" else regions["name"]
    return dict(sorted(zip(regions["iso_3166_2"], names), key=lambda kv: kv[1]))
