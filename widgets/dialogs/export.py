"""The options of one export: file format, Excel BOM, HXL row, profile, delimiter, its dates, and whether the
incident log's filters (a search typed there, types, regions...) apply: shown, and the user keeps or drops them."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
)

from widgets.date_field import DateField

FORMATS = ("csv", "geojson", "gpkg")


class ExportDialog(QDialog):
    """`set_kind` ("incidents", "site-records", "status" or "timeline") shows the options that apply; `options()`
    reads them."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self.kind = "incidents"
        self.format = QComboBox()
        for key, label in zip(FORMATS, (self.tr("CSV (spreadsheets)"), self.tr("GeoJSON (GIS)"),
                                        self.tr("GeoPackage (GIS)"))):
            self.format.addItem(label, key)
        self.excel = QCheckBox(self.tr("For Excel: UTF-8 with a byte order mark, so accents open right"))
        self.hxl = QCheckBox(self.tr("Add an HXL hashtag row under the header"))
        self.profile = QComboBox()
        self.profile.addItem(self.tr("Full"), "full")
        self.profile.addItem(self.tr("For headquarters: without sources and notes"), "hq")
        self.delimiter = QComboBox()
        self.delimiter.addItem(self.tr("Comma (,)"), ",")
        self.delimiter.addItem(self.tr("Semicolon (;), for Excel set to French"), ";")
        self.all_dates = QCheckBox(self.tr("All dates"))
        self.log_filter = QCheckBox(self.tr("Only the incidents the log's filters show:"))
        self.log_filter_text = QLabel(wordWrap=True)  # which filters: the search, types, regions...
        self.log_filter_text.setObjectName("log-filter")
        self.log_filter.setChecked(True)
        self.start, self.end, self.day = DateField(), DateField(), DateField()  # typed or picked, 15 août 2023
        dates = QHBoxLayout()
        for w in (self.all_dates, QLabel(self.tr("from")), self.start, QLabel(self.tr("to")), self.end):
            dates.addWidget(w)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Format"), self.format)
        self.form.addRow(self.tr("Dates"), dates)
        log = QVBoxLayout()
        log.addWidget(self.log_filter)
        log.addWidget(self.log_filter_text)
        self.form.addRow(self.tr("Incident log"), log)
        self.form.addRow(self.tr("Status on"), self.day)
        self.form.addRow(self.tr("Fields"), self.profile)
        self.form.addRow(self.tr("Separator"), self.delimiter)
        self.form.addRow("", self.excel)
        self.form.addRow("", self.hxl)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export…"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(buttons)
        self.format.currentIndexChanged.connect(self._update)
        self.all_dates.toggled.connect(self._update)
        self.set_kind("incidents")

    def set_kind(self, kind: str) -> None:
        """incidents and site-records: format, dates, profile; status: format and a date; timeline: CSV only."""
        self.kind = kind
        self.setWindowTitle({"incidents": self.tr("Export incidents"), "status": self.tr("Export site status"),
                             "timeline": self.tr("Export the timeline"),
                             "site-records": self.tr("Export site records")}[kind])
        ranged = kind in ("incidents", "site-records")
        self.form.setRowVisible(1, ranged)
        self.form.setRowVisible(2, kind == "incidents" and bool(self.log_filter_text.text()))
        self.form.setRowVisible(3, kind == "status")
        self.form.setRowVisible(4, ranged)
        if kind == "timeline":
            self.format.setCurrentIndex(0)
        self.format.setEnabled(kind != "timeline")
        self._update()

    def set_range(self, start: date | None, end: date | None, low: date, high: date) -> None:
        """The date range offered (None: all dates) within low..high."""
        for edit in (self.start, self.end):
            edit.set_range(low, high)
        self.start.set_date(start or low)
        self.end.set_date(end or high)
        self.all_dates.setChecked(start is None and end is None)

    def set_log_filter(self, description: str) -> None:
        """The incident log's filters other than dates, as the user reads them ("" when there are none): shown,
        and kept unless the user unticks them."""
        self.log_filter_text.setText(description)
        self.form.setRowVisible(2, self.kind == "incidents" and bool(description))

    def set_date(self, day: date) -> None:
        self.day.set_date(day)

    def set_options(self, options: dict) -> None:
        """Restore choices made last time (keys as options() gives them)."""
        for combo, key in ((self.format, "format"), (self.profile, "profile"), (self.delimiter, "delimiter")):
            index = combo.findData(options.get(key))
            if index >= 0 and (combo is not self.format or self.kind != "timeline"):
                combo.setCurrentIndex(index)
        self.excel.setChecked(bool(options.get("excel")))
        self.hxl.setChecked(bool(options.get("hxl")))

    def options(self) -> dict:
        ranged = self.kind in ("incidents", "site-records") and not self.all_dates.isChecked()
        return dict(format=self.format.currentData(), excel=self.excel.isChecked(), hxl=self.hxl.isChecked(),
                    log_filter=bool(self.log_filter_text.text()) and self.log_filter.isChecked(),
                    profile=self.profile.currentData(), delimiter=self.delimiter.currentData(),
                    start=self.start.date() if ranged else None, end=self.end.date() if ranged else None,
                    date=self.day.date())

    def _accept(self) -> None:
        """Export only with dates that read right: a date still being typed is read first, a bad one refused."""
        ranged = self.kind in ("incidents", "site-records") and not self.all_dates.isChecked()
        fields = (self.start, self.end) if ranged else (self.day,) if self.kind == "status" else ()
        if all([f.commit() for f in fields]):
            self.accept()

    def _update(self) -> None:
        csv = self.format.currentData() == "csv"
        for w in (self.excel, self.hxl, self.delimiter):
            w.setEnabled(csv)
        for w in (self.start, self.end):
            w.setEnabled(not self.all_dates.isChecked())
