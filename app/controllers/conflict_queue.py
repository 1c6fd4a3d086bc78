"""File > Conflicts waiting…: headquarters' conflict queue (db/exchange/conflicts.py, filled by `sitmon hq
ingest`) in the ConflictDialog, a choice per record: keep what is here, take the package's, or leave it for
later. Each choice is settled in an op; what is left waits in the store for another time.

On PostgreSQL the statuses GIS tools read (db/exchange/gis.py) are written again after a site record or the
scenario changed, whoever changed them in this window.
"""
from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from app import settings
from app.actions import action
from app.i18n import french
from app.controllers.incidents import field_labels, value_labels, values_shown
from app.controllers.movements import movement_field_labels, movement_values
from app.controllers.sites import field_labels as record_labels
from app.ops import Op
from app.state import AppState
from db.exchange import conflicts, gis
from db.incidents import taxonomy
from widgets.dialogs.conflicts import ConflictDialog

STATUS_KINDS = frozenset({"site_records", "scenario"})


class ConflictQueueController(QObject):
    def __init__(self, state: AppState, parent_widget):
        super().__init__(parent_widget)
        self.state, self.parent_widget = state, parent_widget
        self.dialog: ConflictDialog | None = None
        self.notice: QMessageBox | None = None
        self.french = french()  # made here, on the GUI thread; ops only call it
        self.show_action = action(self, self.tr("Conflicts &waiting…"), self.show_waiting, "Ctrl+Shift+K")
        self.show_action.setEnabled(not state.db.readonly)
        if state.db.on_server and not state.db.readonly:
            state.changed.connect(self._statuses_stale)

    def actions(self) -> list[QAction]:
        return [self.show_action]

    def show_waiting(self) -> None:
        self.state.ops.run(Op(_waiting, self.state.db).on_success(self._show).on_failure(self._failed))

    def _show(self, waiting: list[conflicts.QueuedConflict]) -> None:
        if not waiting:
            self._tell(QMessageBox.Icon.Information, self.tr("No conflict is waiting."))
            return
        self.dialog = ConflictDialog(self.parent_widget)
        self.dialog.setObjectName("conflict-queue")
        self.dialog.setWindowTitle(self.tr("Conflicts waiting: %n", "", len(waiting)))
        self.dialog.set_note(self.tr(
            "Packages from the laptops hold these incidents, site records and movements edited differently here, "
            "or a site's handover on another date. Choose, for each, which version to keep, or leave it for later: it waits "
            "here, whatever is ingested meanwhile. Nothing is lost: the other stays in the audit trail."))
        self.dialog.set_headers(self.tr("Here"), self.tr("In the package"))
        self.dialog.set_conflicts([self._row(c) for c in waiting], later=True)
        self.dialog.chosen.connect(self._apply)
        self.dialog.open()

    def _row(self, c: conflicts.QueuedConflict) -> tuple[str, str, list[tuple[str, str, str]]]:
        when = QLocale().toString(QDate(c.received_at.date()), "d MMM yyyy")
        source = self.tr("{0}, received {1}").format(c.package, when)  # first: a long title is cut at its end
        values = {}
        if c.record == "incident":
            what = f"{c.incoming.get('occurred_on', '')}  {str(c.incoming.get('description', ''))[:50]}"
            labels = field_labels()
            values = value_labels(self.state.lang, self.state.scenario.sites, taxonomy.load())
        elif c.record == "movement":
            ends = [self._site_name(c.incoming.get(k)) for k in ("from_site", "to_site")]
            what = f"{ends[0]} → {ends[1]}  ({c.incoming.get('planned_departure', '')})"
            labels = movement_field_labels()
            values = movement_values(self.state.lang, self.state.scenario.sites)
        else:
            site = self._site_name(c.incoming.get("site_id"))
            why = self.tr("another handover date") if c.reason == "handover" else self.tr("edited on both sides")
            what = f"{site}  ({why})"
            labels = record_labels()
        fields = [(labels.get(f, f), *values_shown(f, here, there, values))
                  for f, here, there in conflicts.differing(c)]
        return str(c.id), f"#{c.id}  {source}: {what}", fields

    def _site_name(self, site_id) -> str:
        known = {s.id: s for s in self.state.scenario.sites}
        return known[site_id].name.get(self.state.lang) if site_id in known else str(site_id or "")

    def _apply(self, choices: dict[str, str]) -> None:
        if not choices:
            return
        op = Op(_resolve, self.state.db, {int(k): v for k, v in choices.items()}, settings.author(), self.french)
        self.state.ops.run(op.with_progress(self.tr("Applying your choices…"), self.parent_widget)
                           .writes("incidents", "site_records", "movements").on_success(self._applied)
                           .on_failure(self._failed))

    def _applied(self, outcome: tuple[int, list[str]]) -> None:
        done, refused = outcome
        text = self.tr("%n conflict(s) settled.", "", done)
        if refused:
            text += "\n" + "\n".join(refused)
        self._tell(QMessageBox.Icon.Information if not refused else QMessageBox.Icon.Warning, text)

    def _statuses_stale(self, kinds) -> None:
        if kinds & STATUS_KINDS:
            self.state.ops.run(Op(gis.refresh_statuses, self.state.db, self.french).newest("gis-statuses"))

    def _failed(self, text: str) -> None:
        self._tell(QMessageBox.Icon.Warning, self.tr("It did not work: {0}").format(text))

    def _tell(self, icon, text: str) -> None:
        """A message that does not block the window (tests read `notice`)."""
        self.notice = QMessageBox(icon, self.tr("Conflicts"), text, QMessageBox.StandardButton.Ok,
                                  self.parent_widget)
        self.notice.open()


def _waiting(db, progress=None):
    return conflicts.waiting(db)


def _resolve(db, choices: dict[int, str], author: str, french, progress=None) -> tuple[int, list[str]]:
    """Settle each chosen conflict (each in its own transaction); (how many, why the others were not)."""
    done, refused = 0, []
    for i, (ident, choice) in enumerate(sorted(choices.items())):
        try:
            conflicts.resolve(db, ident, choice, author)
            done += 1
        except conflicts.QueueError as exc:
            refused.append(str(exc))
        if progress:
            progress(i + 1, len(choices))
    if db.on_server and done:
        gis.refresh_statuses(db, french)
    return done, refused

