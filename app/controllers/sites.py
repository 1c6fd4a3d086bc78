"""Wires the site records: Record update… (the site card's button, Edit > Record site update…, and the context
menus of the status table, of a site's row on the timeline and of a site on the map), the dialog, the card's
history with edit, delete, restore and audit trail, and the timeline's marks of recorded handovers.

Every write is an op that announces {"site_records"}; AppState then reloads the records and works the
situation out again, so the map, the status table, the key figures, the timeline and the card follow at once.
Each write goes on the window's one undo stack (shared with the incident log) once it succeeded.
"""
from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QPoint
from PySide6.QtWidgets import QMenu

from app import settings
from app.actions import action
from app.ops import Op
from app.site_records import history_rows, timeline_marks
from app.state import AppState
from app.undo import Done
from db.clock import utcnow
from db.sites import audit, draft, writes
from widgets.incidents.audit import AuditView
from widgets.sites.record_dialog import RecordDialog


class SiteController(QObject):
    def __init__(self, state: AppState, card, panel, timeline, map_view, undo_stack, parent=None):
        super().__init__(parent)
        self.state, self.card, self.timeline, self.undo_stack = state, card, timeline, undo_stack
        self.db = state.db
        self.author = settings.author()
        self.writable = not state.db.readonly
        self.dialog: RecordDialog | None = None
        self.menu: QMenu | None = None
        self.audit_view: AuditView | None = None
        self.record_action = action(self, self.tr("Record s&ite update…"), self.record_selected, "Ctrl+U")
        card.record_requested.connect(self.record_update)
        card.record_button.setEnabled(self.writable)
        history = card.history
        history.set_writable(self.writable)
        history.edit_requested.connect(self.edit_record)
        history.delete_requested.connect(self.delete_record)
        history.restore_requested.connect(self.restore_record)
        history.audit_requested.connect(self.show_audit)
        for view in (panel, timeline, map_view):
            if view is not None:
                view.site_menu_requested.connect(self.show_menu)
        state.selected.connect(self._selected)
        state.records_changed.connect(self._records_changed)
        state.scenario_changed.connect(self._records_changed)
        self._records_changed()
        self._selected(*state.selection)

    def actions(self):
        return [self.record_action]

    # ---------------------------------------------------------------- showing the records

    def _selected(self, kind: str, ident: str) -> None:
        self.record_action.setEnabled(self.writable and kind == "site")
        if kind == "site":
            self.card.show_records(history_rows(self.state.records, ident))

    def _records_changed(self, *_args) -> None:
        if self.card.site_id:
            self.card.show_records(history_rows(self.state.records, self.card.site_id))
        if self.timeline is not None:
            self.timeline.show_records(timeline_marks(self.state.scenario, self.state.records))

    def show_menu(self, site_id: str, where: QPoint) -> QMenu:
        """A site's context menu (status table, timeline row, map): Record update… and its card."""
        self.state.select("site", site_id)
        name = self.state.scenario.site(site_id).name.get(self.state.lang)
        menu = QMenu(self.card.window())
        record = menu.addAction(self.tr("Record update for {0}…").format(name), lambda: self.record_update(site_id))
        record.setEnabled(self.writable)
        menu.addAction(self.tr("Show the site card"), lambda: self.state.select("site", site_id))
        if self.menu is not None:
            self.menu.deleteLater()
        self.menu = menu
        menu.popup(where)
        return menu

    # ---------------------------------------------------------------- the dialog

    def _context(self) -> draft.Context:
        return draft.context(self.state.scenario, utcnow().date())

    def _problems(self, ctx, record_id=None):
        fmt = lambda d: QLocale().toString(d, "d MMM yyyy")  # noqa: E731
        return lambda typed: [(e.field, draft.message(e, QCoreApplication.translate, fmt), e.confirm)
                              for e in draft.validate(typed, ctx, self.state.records, record_id)]

    def record_selected(self) -> RecordDialog | None:
        kind, ident = self.state.selection
        return self.record_update(ident) if kind == "site" else None

    def record_update(self, site_id: str) -> RecordDialog | None:
        """Open the dialog for a new record of the site."""
        if not site_id or not self.writable:
            return None
        return self._open(site_id, None)

    def edit_record(self, record_id: str) -> RecordDialog | None:
        record = next((r for r in self.state.records if r.id == record_id), None)
        if record is None or record.deleted or not self.writable:
            return None
        return self._open(record.site_id, record)

    def _open(self, site_id: str, record) -> RecordDialog:
        if self.dialog is not None:
            self.dialog.close()
        ctx = self._context()
        name = self.state.scenario.site(site_id).name.get(self.state.lang)
        dialog = RecordDialog(site_id, name, self._problems(ctx, record.id if record else None), ctx.today,
                              self.state.cursor.date, draft.draft_of(record) if record else None, self.card.window())
        dialog.saved.connect(lambda typed: self._save(record, typed, ctx))
        dialog.finished.connect(lambda _: self._closed(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _closed(self, dialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    # ---------------------------------------------------------------- writes

    def _write(self, fn, *args) -> Op:
        """A write of the site log as an op: announced as {"site_records"}; a refusal said in one dialog."""
        return self.state.ops.run(Op(_call, fn, self.db, *args).writes("site_records"))

    def _do(self, text: str, first, redo, undo, then=None) -> Op:
        """Make a change, then put it on the undo stack (only once it is made) and call `then`."""
        def done(_result) -> None:
            self.undo_stack.push(Done(text, lambda: self._write(*redo), lambda: self._write(*undo)))
            if then is not None:
                then()
        return self._write(*first).on_success(done)

    def _save(self, record, typed: draft.SiteRecordDraft, ctx) -> None:
        author = self.author
        if record is None:
            ident = str(uuid.uuid4())
            self._do(self.tr("Record site update"), (writes.create, typed, author, ctx, ident),
                     (writes.restore, ident, author, ctx), (writes.soft_delete, ident, author),
                     then=lambda: self.card.history.select(ident))
            return
        before = draft.draft_of(record)
        if typed == before:
            return
        self._do(self.tr("Edit site record"), (writes.update, record.id, typed, author, ctx),
                 (writes.update, record.id, typed, author, ctx), (writes.update, record.id, before, author, ctx))

    def delete_record(self, record_id: str) -> None:
        if self.writable:
            author, ctx = self.author, self._context()
            step = (writes.soft_delete, record_id, author)
            self._do(self.tr("Delete site record"), step, step, (writes.restore, record_id, author, ctx))

    def restore_record(self, record_id: str) -> None:
        if self.writable:
            author, ctx = self.author, self._context()
            step = (writes.restore, record_id, author, ctx)
            self._do(self.tr("Restore site record"), step, step, (writes.soft_delete, record_id, author))

    def show_audit(self, record_id: str) -> None:
        """Read the record's trail (an op), then show it."""
        self.state.ops.run(Op(_call, audit.trail, self.db, record_id).on_success(self._show_trail))

    def _show_trail(self, trail) -> AuditView:
        view = AuditView(self.card.window())
        view.set_trail(trail, field_labels())
        view.finished.connect(view.deleteLater)
        view.open()
        self.audit_view = view
        return view


def _call(fn, *args, progress=None):
    """An op's work: a db/ function that takes no progress callback; a refused record said in the user's
    language (QCoreApplication.translate is thread-safe)."""
    try:
        return fn(*args)
    except draft.InvalidDraft as exc:
        fmt = lambda d: QLocale().toString(d, "d MMM yyyy")  # noqa: E731
        raise ValueError("; ".join(draft.message(e, QCoreApplication.translate, fmt) for e in exc.errors)) from None


def field_labels() -> dict[str, str]:
    """A site record's fields as the interface names them (audit trail, package conflicts)."""
    translate = QCoreApplication.translate
    return {
        "site_id": translate("SiteController", "Site"),
        "kind": translate("SiteController", "What"),
        "date": translate("SiteController", "Date"),
        "value": translate("SiteController", "Number"),
        "category": translate("SiteController", "Category"),
        "source": translate("SiteController", "Source"),
        "reliability": translate("SiteController", "Reliability"),
        "note": translate("SiteController", "Note"),
        "deleted": translate("SiteController", "Deleted"),
        "merged_with": translate("SiteController", "Merged with record"),
        "package": translate("SiteController", "Arrived with package"),
    }
