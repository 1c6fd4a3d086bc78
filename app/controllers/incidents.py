"""Wires the incident log: table, form, audit trail, summary, undo/redo and the shared selection.

Every write is an op on the state's executor (app/ops.py); once it succeeded it goes on the undo stack as a
command whose undo is itself a new audited change (an edit back, a soft delete, a restore), also run as an
op. The executor announces {"incidents"} after each write. Counts and the summary are ops too (newest wins:
a 1,000,000-row summary takes seconds).
"""
from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack

from app import settings
from app.actions import action
from app.ops import Op
from app.state import AppState
from app.undo import Done
from db.incidents import audit, draft, queries, taxonomy, writes
from db.vocab import GEO_PRECISION_LABELS, INCIDENT_STATUS_LABELS, MOVEMENT_DATES, TIME_PRECISION_LABELS
from geo import basemap
from widgets.incidents.audit import AuditView
from widgets.incidents.form import IncidentForm

MAX_JUMP = 20_000  # the table loads at most this many rows to show a selection made elsewhere


class IncidentController(QObject):
    summary_ready = Signal()  # count and summary of the current filter are shown
    pick_requested = Signal()  # the open form wants a position picked on the map

    def __init__(self, state: AppState, table, summary, parent=None):
        super().__init__(parent)
        self.state, self.table, self.summary = state, table, summary
        self.db = state.db
        self.author = settings.author()
        self.taxonomy = taxonomy.load()
        self.ctx = draft.context(state.scenario.sites)
        self.undo_stack = QUndoStack(self)
        self.form: IncidentForm | None = None
        self.labels = value_labels(state.lang, state.scenario.sites, self.taxonomy)
        table.set_choices(list(self.labels["type"].items()), list(self.labels["region"].items()),
                          list(self.labels["site_id"].items()))
        table.set_labels({"subtype": self.labels["subtype"]})
        self._make_actions()
        table.view.addAction(self.delete_action)
        table.filter_changed.connect(self._filter_changed)
        table.incident_selected.connect(self._table_selected)
        table.incident_activated.connect(lambda ident: self.edit_incident(ident) if ident else None)
        state.selected.connect(self._state_selected)
        state.changed.connect(self._changed)
        state.cursor.date_settled.connect(table.set_timeline_date)
        table.set_timeline_date(state.cursor.date)
        table.page_wanted.connect(self._page_wanted)
        table.model.rows_arrived.connect(lambda _: self._update_actions())
        table.start()
        self._update_actions()

    def _make_actions(self) -> None:
        self.new_action = action(self, self.tr("&New incident…"), self.new_incident, QKeySequence.StandardKey.New)
        self.edit_action = action(self, self.tr("&Edit incident…"), self.edit_selected, "F2")
        # Del deletes only from the log (elsewhere it edits text, or means nothing); the menu always works
        self.delete_action = action(self, self.tr("&Delete incident"), self.delete_selected,
                                    QKeySequence.StandardKey.Delete,
                                    context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.restore_action = action(self, self.tr("Res&tore incident"), self.restore_selected, "Ctrl+R")
        self.audit_action = action(self, self.tr("Show &audit trail…"), self.show_audit, "Ctrl+H")
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])

    def actions(self) -> list[QAction]:
        return [self.new_action, self.edit_action, self.delete_action, self.restore_action, self.audit_action,
                self.undo_action, self.redo_action]

    # ---- writes

    def _write(self, fn, *args) -> Op:
        """A write of the incident log as an op; the executor announces it, its failure is said in one dialog."""
        return self.state.ops.run(Op(_call, fn, self.db, *args).writes("incidents"))

    def _do(self, text: str, redo, undo, then: Callable[[], None] | None = None, again=None) -> Op:
        """Make a change, then put it on the undo stack (only once it is made) and run `then`. An op has one
        success path: a second on_success would replace the push (a new incident never reached the undo stack).
        `again` is what Redo does when it is not the change itself (a creation undone is restored, not made anew)."""
        def done(_result) -> None:
            self.undo_stack.push(Done(text, lambda: self._write(again or redo), lambda: self._write(undo)))
            if then is not None:
                then()

        return self._write(redo).on_success(done)

    def new_incident(self) -> IncidentForm:
        return self._open_form(None)

    def edit_selected(self) -> IncidentForm | None:
        ident = self.table.selected_id()
        return self.edit_incident(ident) if ident else None

    def edit_incident(self, incident_id: str) -> None:
        """Read the incident (an op), then open the form on it."""
        self.state.ops.run(Op(_call, queries.get, self.db, incident_id).on_success(self._open_form))

    def _open_form(self, record) -> IncidentForm:
        if self.form is not None:
            self.form.close()
        shown = draft.draft_of(record) if record else draft.IncidentDraft(
            occurred_on=self.state.cursor.date.isoformat())
        form = IncidentForm(self.taxonomy, self.state.scenario.sites,
                            lambda d: draft.validate(d, self.ctx), self.ctx.locate, _parse_location,
                            draft=shown if record else None, lang=self.state.lang, parent=self.table.window())
        if not record:
            form.set_draft(shown)
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

    def _save(self, record, typed) -> None:
        author = self.author
        if record is None:
            ident = str(uuid.uuid4())
            self._do(self.tr("New incident"),
                     lambda db: writes.create(db, typed, author, self.ctx, ident),
                     lambda db: writes.soft_delete(db, ident, author),
                     then=lambda: self.state.select("incident", ident),
                     again=lambda db: writes.restore(db, ident, author))
            return
        after = draft.edited_values(record, draft.draft_of(record), typed, self.ctx)
        if not after:
            return
        before = {k: getattr(record, k) for k in after}
        self._do(self.tr("Edit incident"), lambda db: writes.update(db, record.id, after, author),
                 lambda db: writes.update(db, record.id, before, author))

    def delete_selected(self) -> None:
        ident, author = self.table.selected_id(), self.author
        if ident:
            self._do(self.tr("Delete incident"), lambda db: writes.soft_delete(db, ident, author),
                     lambda db: writes.restore(db, ident, author))

    def restore_selected(self) -> None:
        ident, author = self.table.selected_id(), self.author
        if ident:
            self._do(self.tr("Restore incident"), lambda db: writes.restore(db, ident, author),
                     lambda db: writes.soft_delete(db, ident, author))

    def show_audit(self) -> None:
        """Read the selected incident's trail (an op), then show it."""
        ident = self.table.selected_id()
        if ident:
            self.state.ops.run(Op(_call, audit.trail, self.db, ident).on_success(self._show_trail))

    def _show_trail(self, trail) -> AuditView:
        view = AuditView(self.table.window())
        view.set_trail(trail, field_labels(), lambda field, old, new: values_shown(field, old, new, self.labels))
        view.finished.connect(view.deleteLater)
        view.open()
        self.audit_view = view
        return view

    # ---- reads and selection

    def _changed(self, kinds: frozenset) -> None:
        if kinds & {"incidents", "scenario"}:
            self.table.refresh()
            self._filter_changed(self.table.filter)
            self._update_actions()

    def _page_wanted(self, request) -> None:
        """A page of the log, read off the GUI thread; a newer request (a filter or a sort since) wins."""
        self.state.ops.run(Op(_call, queries.page, self.db, request.filter, request.sort_column, request.descending,
                              request.offset, request.limit)
                           .on_success(lambda rows: self.table.set_page(request, rows)).newest("incident-page"))

    def _filter_changed(self, f) -> None:
        self.state.ops.run(Op(_summarise, self.db, f).on_success(self._summarised).newest("incident-summary"))

    def _summarised(self, result) -> None:
        count, summary = result
        self.table.set_count(count)
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
            self._update_actions()
        elif ident != self.table.selected_id():
            self.state.ops.run(Op(_call, queries.position, self.db, self.table.filter, *self.table.model.sort_key,
                                  ident).on_success(lambda row: self._show_selected(ident, row))
                               .newest("incident-position"))

    def _show_selected(self, ident: str, row: int | None) -> None:
        self.table.select_incident(ident, row if row is not None and row < MAX_JUMP else None)
        self._update_actions()

    def _update_actions(self) -> None:
        row = self.table.selected_row()
        self.edit_action.setEnabled(row is not None and not row.deleted)
        self.delete_action.setEnabled(row is not None and not row.deleted)
        self.restore_action.setEnabled(row is not None and row.deleted)
        self.audit_action.setEnabled(row is not None)


def _call(fn, *args, progress=None):
    """An op's work: a db/ function that takes no progress callback."""
    return fn(*args)


def _summarise(db, f, progress=None):
    return queries.count(db, f), queries.summary(db, f)


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
        "location": translate("IncidentController", "Place"),
        "admin1": translate("IncidentController", "Region (name)"),
        "admin2": translate("IncidentController", "Cercle"),
        "geo_precision": translate("IncidentController", "Place precision"),
        "time_precision": translate("IncidentController", "Date precision"),
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
        "package": translate("IncidentController", "Arrived with package"),
    }


PRECISION_LABELS = {"geo_precision": GEO_PRECISION_LABELS, "time_precision": TIME_PRECISION_LABELS}


DATE_FIELDS = frozenset({"occurred_on", "date", *MOVEMENT_DATES})  # shown as the locale writes a date


def value_labels(lang: str, sites, types: taxonomy.Taxonomy) -> dict[str, dict[str, str]]:
    """What the log shows for a stored id: type, sub-type, region, site and status names in the interface
    language."""
    regions = basemap.regions().regions
    names = [(r.name_fr or r.name) if lang == "fr" else r.name for r in regions]
    return {
        "type": {t.id: t.label.get(lang) for t in types.types},
        "subtype": {s.id: s.label.get(lang) for t in types.types for s in t.subtypes},
        "region": dict(sorted(zip((r.code for r in regions), names), key=lambda kv: kv[1])),
        "site_id": {s.id: s.name.get(lang) for s in sites},
        "status": {k: label.get(lang) for k, label in INCIDENT_STATUS_LABELS.items()},
    }


def values_shown(field: str, old, new, labels: dict[str, dict[str, str]]) -> tuple[str, str]:
    """A change of one field (stored values, as the audit trail and packages keep them) as the form and the log
    show it, in the interface language: names for ids, the status as a word, dates and numbers in the locale, a
    position to 5 decimals or as many more as it takes to tell the two apart."""
    if field in ("lat", "lon"):
        decimals = next((d for d in range(5, 16) if _number(old, d) != _number(new, d)), 15)
        return _number(old, decimals), _number(new, decimals)
    return value_shown(field, old, labels), value_shown(field, new, labels)


def value_shown(field: str, value, labels: dict[str, dict[str, str]]) -> str:
    translate = QCoreApplication.translate
    if value is None or value == "":
        return "—"
    if field in labels:
        return labels[field].get(value, str(value))
    if field in PRECISION_LABELS and value in PRECISION_LABELS[field]:
        return translate("Precision", PRECISION_LABELS[field][value])
    if field == "deleted" or isinstance(value, bool):
        return translate("IncidentController", "yes") if value else translate("IncidentController", "no")
    if field in DATE_FIELDS:
        day = QDate.fromString(str(value)[:10], "yyyy-MM-dd")
        return QLocale().toString(day, "d MMM yyyy") if day.isValid() else str(value)
    if field == "occurred_time":
        return str(value)[:5]
    if field == "site_km":
        return _number(value, 1)
    if isinstance(value, int):
        return QLocale().toString(value)
    return str(value)


def _number(value, decimals: int) -> str:
    return "—" if value is None else QLocale().toString(float(value), "f", decimals)


def _parse_location(text: str):
    from geo.coords import CoordinateError, parse_coordinates

    try:
        return parse_coordinates(text)
    except CoordinateError:
        return None
