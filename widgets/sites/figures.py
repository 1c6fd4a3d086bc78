"""Key figures on the current date: days to the deadline, sites closed, personnel repatriated (the scenario's
figures and those recorded since), overdue."""
from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from db.vocab import PERSONNEL_LABELS

VALUE_SCALE = 2.0  # figures twice the size of the text, whatever the interface zoom
OVERDUE = "#B34700"


class KeyFiguresPanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setColumnStretch(1, 1)
        self.values, self.captions = {}, {}
        for row, key in enumerate(("deadline", "closed", "repatriated", "civilian", "overdue")):
            value, caption = QLabel(), QLabel()
            value.setObjectName(f"figure-{key}")
            caption.setWordWrap(True)
            layout.addWidget(value, row, 0)
            layout.addWidget(caption, row, 1)
            self.values[key], self.captions[key] = value, caption
        layout.setRowStretch(5, 1)
        self._scale_values()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        self._fit_captions()

    def _fit_captions(self) -> None:
        """Each caption as tall as its wrapped lines, so the dock keeps room for all of them."""
        for caption in self.captions.values():
            height = caption.heightForWidth(caption.width()) if caption.width() > 0 else -1
            caption.setMinimumHeight(max(height, 0))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.FontChange:  # the interface zoom or theme changed
            self._scale_values()
        super().changeEvent(event)

    def _scale_values(self) -> None:
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * VALUE_SCALE)
        font.setBold(True)
        for value in self.values.values():
            value.setFont(font)

    def show_figures(self, figures) -> None:
        """`figures`: db.status.KeyFigures of the current date."""
        loc = self.locale()
        deadline = loc.toString(figures.day + timedelta(days=figures.days_to_deadline), "d MMM yyyy")
        days = figures.days_to_deadline
        self._set("deadline", loc.toString(abs(days)),
                  self.tr("days to the deadline ({0})").format(deadline) if days >= 0
                  else self.tr("days past the deadline ({0})").format(deadline))
        self._set("closed", self.tr("{0} of {1}").format(loc.toString(figures.sites_closed),
                                                         loc.toString(figures.sites_total)),
                  self.tr("camps and bases handed over"))
        if figures.repatriated is None:
            self._set("repatriated", "—", self.tr("personnel repatriated (no figure yet)"))
        else:
            self._set("repatriated", loc.toString(figures.repatriated),
                      self.tr("military and police personnel repatriated (as of {0})").format(
                          loc.toString(figures.repatriated_as_of, "d MMM yyyy")))
        self.values["repatriated"].setToolTip(self._breakdown(figures))
        self.captions["repatriated"].setToolTip(self.values["repatriated"].toolTip())
        civilian = figures.repatriated_of("civilian")
        if civilian is not None:
            self._set("civilian", loc.toString(civilian.value), self.tr("civilian staff repatriated (as of {0})").format(
                loc.toString(civilian.as_of, "d MMM yyyy")))
        for w in (self.values["civilian"], self.captions["civilian"]):
            w.setVisible(civilian is not None)
        overdue = len(figures.overdue)
        self._set("overdue", loc.toString(overdue), self.tr("closures overdue (window ended, no confirmed handover)"))
        self.values["overdue"].setStyleSheet(f"color: {OVERDUE}" if overdue else "")

    def _breakdown(self, figures) -> str:
        """Each category's figure, its date and where it comes from (the scenario, or a site record)."""
        loc = self.locale()
        return "\n".join(self.tr("{0}: {1} as of {2} ({3})").format(
            QCoreApplication.translate("Personnel", PERSONNEL_LABELS.get(f.category, f.category)), loc.toString(f.value), loc.toString(f.as_of, "d MMM yyyy"),
            self.tr("scenario") if f.source == "scenario" else self.tr("recorded, {0}").format(f.source[:8]))
            for f in figures.repatriation)

    def _set(self, key: str, value: str, caption: str) -> None:
        self.values[key].setText(value)
        self.captions[key].setText(caption)
        self._fit_captions()
