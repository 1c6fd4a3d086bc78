"""File > Import incidents…, Export incidents…, Export site records…, Export status…, Export timeline…, Export
package…, Import package….

Each runs db/exchange as an op with a progress dialog and Cancel. An import is checked first; bad rows are
listed (ImportReport) and the user imports the good rows or none. Package conflicts (incidents and site
records) go to the ConflictDialog. After a write the executor announces {"incidents"} (and {"site_records"}
after a package). An import that wrote something goes on the window's undo stack as one step ("Undo import of
FILE": db/exchange/import_log.py undoes it in one audited transaction; Redo puts it back).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app import settings
from app.actions import action
from app.controllers.incidents import field_labels, value_labels, value_shown, values_shown
from app.controllers.sites import field_labels as record_labels
from app.i18n import message, signed_by
from app.ops import Op
from app.state import AppState
from app.undo import Done
from db.exchange import exports, import_log, imports, packages
from db.incidents import queries, taxonomy
from widgets.dialogs.conflicts import ConflictDialog
from widgets.dialogs.export import ExportDialog
from widgets.dialogs.import_report import ImportReport
from widgets.dialogs.passphrase import PassphraseDialog

EXTENSIONS = {"csv": "csv", "geojson": "geojson", "gpkg": "gpkg"}


class ExchangeController(QObject):
    def __init__(self, state: AppState, parent_widget, undo_stack=None):
        super().__init__(parent_widget)
        self.state, self.parent_widget, self.undo_stack = state, parent_widget, undo_stack
        self.author = settings.author()
        self.filter = queries.IncidentFilter()
        self.op: Op | None = None  # the last op started
        self.report: ImportReport | None = None
        self.conflicts: ConflictDialog | None = None
        self.passphrase: PassphraseDialog | None = None  # asking for an encrypted package's passphrase
        self.notice: QMessageBox | None = None
        self.options: dict = {}  # last export choices
        self.export_dialog: ExportDialog | None = None
        writable = not state.db.readonly
        self.import_incidents_action = action(self, self.tr("&Import incidents…"), self._ask_import, "Ctrl+I")
        self.export_incidents_action = action(self, self.tr("&Export incidents…"),
                                              lambda: self._ask_export("incidents"), "Ctrl+E")
        self.export_records_action = action(self, self.tr("Export site &records…"),
                                            lambda: self._ask_export("site-records"), "Ctrl+Shift+E")
        self.export_status_action = action(self, self.tr("Export site &status…"), lambda: self._ask_export("status"),
                                           "Ctrl+Shift+S")
        self.export_timeline_action = action(self, self.tr("Export the &timeline…"),
                                             lambda: self._ask_export("timeline"), "Ctrl+Shift+T")
        self.export_package_action = action(self, self.tr("Export data &package…"), self._ask_export_package,
                                            "Ctrl+Shift+P")
        self.import_package_action = action(self, self.tr("Import data pac&kage…"), self._ask_import_package,
                                            "Ctrl+Shift+I")
        for a in (self.import_incidents_action, self.import_package_action):
            a.setEnabled(writable)

    def actions(self) -> list[QAction]:
        return [self.import_incidents_action, self.export_incidents_action, self.export_records_action,
                self.export_status_action,
                self.export_timeline_action, self.export_package_action, self.import_package_action]

    def set_filter(self, f: queries.IncidentFilter) -> None:
        """The incident table's current filter: Export incidents… exports what it shows."""
        self.filter = f

    # ---------------------------------------------------------------- running ops

    def _run(self, label: str, on_done, fn, *args, writes: tuple[str, ...] | bool = False, **kwargs) -> Op:
        op = Op(fn, *args, **kwargs).with_progress(label, self.parent_widget).on_success(on_done) \
            .on_failure(lambda text: self._tell(QMessageBox.Icon.Warning, self.tr("It did not work: {0}").format(text))) \
            .on_cancel(lambda: self._tell(QMessageBox.Icon.Information, self.tr("Cancelled. Nothing was changed.")))
        if writes:
            op.writes(*(writes if isinstance(writes, tuple) else ("incidents",)))
        self.op = self.state.ops.run(op)
        return op

    def _tell(self, icon, text: str) -> None:
        """A message that does not block the window (tests read `notice`)."""
        self.notice = QMessageBox(icon, self.tr("Exchange"), text, QMessageBox.StandardButton.Ok, self.parent_widget)
        self.notice.open()

    # ---------------------------------------------------------------- import incidents

    def _ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.parent_widget, self.tr("Import incidents"), "",
                                              self.tr("CSV files, sitmon or ACLED (*.csv);;All files (*)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path, format: str = "auto") -> Op:
        """Check the whole file; then import, or show the bad rows first."""
        return self._run(self.tr("Checking {0}…").format(path.name), self._checked,
                         imports.check_file, self.state.db, path, format, self.author)

    def _checked(self, plan: imports.ImportPlan) -> None:
        if not plan.problems:
            self._write(plan)
            return
        tr = QCoreApplication.translate
        self.report = ImportReport(self.parent_widget)
        self.report.set_report(plan.path.name, [(p.row, p.field, p.reason_text(tr)) for p in plan.problems],
                               plan.good_rows if plan.rows else 0, plan.total_rows)
        self.report.import_good.connect(lambda: self._write(plan))
        self.report.open()

    def _write(self, plan: imports.ImportPlan) -> Op:
        return self._run(self.tr("Importing {0}…").format(plan.path.name), lambda r: self._written(r, plan),
                         imports.write_import, self.state.db, plan, self.author, writes=True)

    def _written(self, result: imports.ImportResult, plan: imports.ImportPlan) -> None:
        if result.import_id is not None and self.undo_stack is not None:
            self.undo_stack.push(Done(self.tr("import of {0}").format(plan.path.name),
                                      lambda: self._undo_import(result.import_id, redo=True),
                                      lambda: self._undo_import(result.import_id)))
        text = self.tr("{0}, {1} updated, {2} already up to date.").format(
            self.tr("%n incident(s) created", "", result.created),
            *map(QLocale().toString, (result.updated, result.unchanged)))
        if plan.unmapped:
            types = ", ".join(f"{original} ({QLocale().toString(n)})" for original, n in plan.unmapped)
            text += " " + self.tr("ACLED types sitmon does not know, imported as “Other” (the original kept in "
                                  "the notes): {0}.").format(types)
        self._tell(QMessageBox.Icon.Information, text)

    def _undo_import(self, import_id: int, redo: bool = False) -> Op:
        """Undo (or redo) an import as one audited write; its failure is said in one dialog."""
        return self.state.ops.run(Op(_undo_import, self.state.db, import_id, self.author, redo).writes("incidents"))

    # ---------------------------------------------------------------- exports

    def _ask_export(self, kind: str) -> ExportDialog:
        dialog = ExportDialog(self.parent_widget)
        dialog.set_kind(kind)
        scenario = self.state.scenario
        dialog.set_range(self.filter.date_from, self.filter.date_to, scenario.start, scenario.end)
        dialog.set_log_filter(self.filter_text())
        dialog.set_date(self.state.cursor.date)
        dialog.set_options(self.options)
        dialog.accepted.connect(lambda: self._ask_file(kind, dialog.options()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.export_dialog = dialog
        return dialog

    def filter_text(self) -> str:
        """The log's filters but its dates (the export dialog shows those itself), as the log names them."""
        f, labels = self.filter, value_labels(self.state.lang, self.state.scenario.sites, taxonomy.load())

        def names(kind: str, ids) -> str:
            return ", ".join(labels[kind].get(i, i) for i in ids)
        parts = [self.tr("search “{0}”").format(f.text.strip())] if f.text.strip() else []
        parts += [text.format(names(kind, ids)) for kind, ids, text in (
            ("type", f.types, self.tr("type: {0}")), ("region", f.regions, self.tr("region: {0}")),
            ("site_id", f.sites, self.tr("site: {0}"))) if ids]
        if f.statuses:
            parts.append(self.tr("status: {0}").format(", ".join(value_shown("status", s, labels) for s in f.statuses)))
        if f.include_deleted:
            parts.append(self.tr("deleted incidents included"))
        return "; ".join(parts)

    def _ask_file(self, kind: str, options: dict) -> None:
        self.options = options
        ext = EXTENSIONS[options["format"]]
        start, end = (options["date"], options["date"]) if kind == "status" else (options["start"], options["end"])
        name = exports.default_filename(self.state.scenario.mission.id, kind, start, end, ext=ext)
        path, _ = QFileDialog.getSaveFileName(self.parent_widget, self.tr("Export to"), name, f"*.{ext}")
        if path:
            self.export(kind, Path(path), options)

    def export(self, kind: str, path: Path, options: dict) -> Op:
        """Write one export; `options` as ExportDialog.options() gives them."""
        csv = dict(excel=options.get("excel", False), hxl=options.get("hxl", False),
                   delimiter=options.get("delimiter", ","))
        if kind == "incidents":
            where = exports.incident_filter(options.get("start"), options.get("end"),
                                            self.filter if options.get("log_filter") else None)
            args = (exports.export_incidents, self.state.db, path, where)
            csv.update(profile=options.get("profile", "full"), lang=self.state.lang)
        elif kind == "site-records":
            args = (exports.export_site_records, self.state.db, path, options.get("start"), options.get("end"))
            csv["profile"] = options.get("profile", "full")
        elif kind == "status":
            args = (exports.export_status, self.state.db, path, options.get("date", self.state.cursor.date))
        else:
            args = (exports.export_timeline, self.state.db, path)
        return self._run(self.tr("Writing {0}…").format(path.name), lambda n: self._tell(
            QMessageBox.Icon.Information, self.tr("Wrote %n row(s) to {0}", "", n).format(path)), *args, **csv)

    # ---------------------------------------------------------------- packages

    def _ask_export_package(self) -> None:
        name = exports.default_filename(self.state.scenario.mission.id, "package", ext="zip")
        path, _ = QFileDialog.getSaveFileName(self.parent_widget, self.tr("Export data package"), name,
                                              self.tr("sitmon data packages (*.zip)"))
        if path:
            self.export_package(Path(path))

    def export_package(self, path: Path) -> Op:
        """Signed by this laptop; encrypted with the database's passphrase when the database is encrypted."""
        sealed = self.tr("Signed by this laptop and encrypted with the database's passphrase.") \
            if self.state.db.passphrase else self.tr("Signed by this laptop.")
        return self._run(self.tr("Writing {0}…").format(path.name), lambda m: self._tell(
            QMessageBox.Icon.Information, self.tr("Wrote {0} and {1} to {2}").format(
                self.tr("%n incident(s)", "", m.counts["incidents"]), self.tr("%n audit row(s)", "", m.counts["audit"]),
                path) + " " + sealed), packages.export_package, self.state.db, path, author=self.author)

    def _ask_import_package(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.parent_widget, self.tr("Import data package"), "",
                                              self.tr("sitmon data packages (*.zip)"))
        if path:
            self.import_package(Path(path))

    def import_package(self, path: Path, passphrase: str | None = None, error: str = "") -> Op | None:
        """Merge a package; an encrypted one is opened with the database's passphrase, else the user's."""
        if passphrase is None and packages.archive.is_sealed(path) and (error or not self.state.db.passphrase):
            self.passphrase = PassphraseDialog(path.name, error, self.parent_widget, package=True)
            self.passphrase.accepted.connect(lambda: self.import_package(path, self.passphrase.passphrase()))
            self.passphrase.open()
            return None
        return self._run(self.tr("Merging {0}…").format(path.name), lambda r: self._merged(path, r),
                         _import_package, self.state.db, path, author=self.author, passphrase=passphrase,
                         writes=("incidents", "site_records", "movements"))

    def _merged(self, path: Path, result) -> None:
        if isinstance(result, packages.SealError):
            self.import_package(path, error=message(result))
            return
        text = signed_by(result.signer) + " " + self.tr("{0}, {1} updated, {2} unchanged.").format(
            self.tr("%n incident(s) added", "", result.created),
            *map(QLocale().toString, (result.updated, result.unchanged)))
        sites = result.site_records
        text += " " + self.tr("Site records: {0} added, {1} updated, {2} recorded on both laptops merged.").format(
            *map(QLocale().toString, (sites.created, sites.updated, sites.merged)))
        moved = result.movements
        text += " " + self.tr("Movements: {0} added, {1} updated.").format(
            *map(QLocale().toString, (moved.created, moved.updated)))
        if moved.unplaced:
            text += " " + self.tr("{0} movements left out: this database holds no scenario.").format(
                QLocale().toString(moved.unplaced))
        if not result.conflicts and not sites.conflicts and not moved.conflicts:
            self._tell(QMessageBox.Icon.Information, text)
            return
        self.conflicts = ConflictDialog(self.parent_widget)
        self.conflicts.setWindowTitle(text)
        self.conflicts.set_conflicts([self._conflict_row(c) for c in result.conflicts] +
                                     [self._record_conflict_row(c) for c in sites.conflicts] +
                                     [self._movement_conflict_row(c) for c in moved.conflicts])
        self.conflicts.chosen.connect(lambda choices: self._run(
            self.tr("Applying your choices…"), self._resolved, _resolve, self.state.db, result.conflicts, choices,
            self.author, sites.conflicts, moved.conflicts, writes=("incidents", "site_records", "movements")))
        self.conflicts.open()

    def _resolved(self, left) -> None:
        if left:
            self._tell(QMessageBox.Icon.Warning, self.tr(
                "{0} incidents or site records changed here meanwhile and were left as they are: import the "
                "package again to choose for them.").format(QLocale().toString(len(left))))

    def _record_conflict_row(self, c: packages.RecordConflict) -> tuple[str, str, list[tuple[str, str, str]]]:
        """A site record the laptops disagree on: its site, what it records, the differing fields."""
        from db.sites.draft import kind_label

        site = self.state.scenario.site(c.mine["site_id"]).name.get(self.state.lang) \
            if c.mine["site_id"] in {s.id for s in self.state.scenario.sites} else c.mine["site_id"]
        why = self.tr("two different handovers") if c.reason == "handover" else self.tr("edited on both laptops")
        title = f"{site}  {kind_label(c.mine['kind'], QCoreApplication.translate)}  ({why})"
        labels = record_labels()
        return c.record_id, title, [(labels.get(f, f), *values_shown(f, c.mine[f], c.theirs[f], {})) for f in c.fields]

    def _movement_conflict_row(self, c) -> tuple[str, str, list[tuple[str, str, str]]]:
        """A movement edited on both laptops: its route and planned departure, the differing fields."""
        from app.controllers.movements import movement_field_labels, movement_values

        values = movement_values(self.state.lang, self.state.scenario.sites)
        names = values["from_site"]  # the sites' names, once
        title = self.tr("Movement {0} → {1}, {2}").format(names.get(c.mine["from_site"], c.mine["from_site"]),
                                                          names.get(c.mine["to_site"], c.mine["to_site"]),
                                                          c.mine["planned_departure"])
        labels = {**field_labels(), **movement_field_labels()}
        return c.movement_id, title, [(labels.get(f, f), *values_shown(f, c.mine[f], c.theirs[f], values))
                                      for f in c.fields]

    def _conflict_row(self, c: packages.Conflict) -> tuple[str, str, list[tuple[str, str, str]]]:
        try:
            kind = taxonomy.load().type(c.mine["type"]).label.get(self.state.lang)
        except KeyError:
            kind = c.mine["type"]
        day = QDate.fromString(str(c.mine["occurred_on"]), "yyyy-MM-dd")
        when = QLocale().toString(day, "d MMM yyyy") if day.isValid() else str(c.mine["occurred_on"])
        title = f"{when}  {kind}  {c.mine['description'][:60]}"
        labels, values = field_labels(), value_labels(self.state.lang, self.state.scenario.sites, taxonomy.load())
        return c.incident_id, title, [(labels.get(f, f), *values_shown(f, c.mine[f], c.theirs[f], values))
                                      for f in c.fields]


def _import_package(db, path, author, passphrase, progress=None):
    """import_package, with a wrong or missing passphrase of an encrypted package as the result (the window
    asks for it again) rather than a failure."""
    try:
        return packages.import_package(db, path, author=author, passphrase=passphrase, progress=progress)
    except packages.SealError as exc:
        if exc.template in (packages.sealed.MSG_WRONG, packages.sealed.MSG_PASSPHRASE):
            return exc
        raise


def _resolve(db, conflicts, choices, author, record_conflicts=(), movement_conflicts=(), progress=None):
    return packages.resolve(db, conflicts, choices, author, record_conflicts, movement_conflicts)


def _undo_import(db, import_id: int, author: str, redo: bool, progress=None):
    return import_log.undo_import(db, import_id, author, redo=redo)
