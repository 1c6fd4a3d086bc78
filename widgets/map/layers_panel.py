"""The map's layers with visibility check boxes, the user's own layers, and the incident window."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class LayerEntry:
    id: str
    title: str
    visible: bool = True
    removable: bool = False  # the user's own layers
    tooltip: str = ""


class LayersPanel(QWidget):
    visibility_changed = Signal(str, bool)
    add_requested = Signal()
    remove_requested = Signal(str)
    incident_days_changed = Signal(int)  # 0 = every incident up to the current date

    def __init__(self, parent=None):
        super().__init__(parent)
        self.list = QListWidget()
        self.list.itemChanged.connect(self._item_changed)
        self.list.currentItemChanged.connect(self._current_changed)
        self.add = QPushButton(self.tr("Add layer…"))
        self.add.clicked.connect(self.add_requested)
        self.remove = QPushButton(self.tr("Remove"))
        self.remove.setEnabled(False)
        self.remove.clicked.connect(self._remove_clicked)
        self.days = QSpinBox()
        self.days.setRange(0, 3650)
        self.days.setSpecialValueText(self.tr("all"))
        self.days.setSuffix(self.tr(" days"))
        self.days.setKeyboardTracking(False)
        self.days.setToolTip(self.tr("Show only the incidents of the last days up to the current date"))
        self.days.valueChanged.connect(self.incident_days_changed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add)
        buttons.addWidget(self.remove)
        days = QHBoxLayout()
        days.addWidget(QLabel(self.tr("Incidents of the last:")))
        days.addWidget(self.days, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addLayout(days)
        self.entries: dict[str, LayerEntry] = {}

    def set_layers(self, entries: list[LayerEntry]) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        self.entries = {e.id: e for e in entries}
        for e in entries:
            item = QListWidgetItem(e.title)
            item.setData(Qt.ItemDataRole.UserRole, e.id)
            item.setToolTip(e.tooltip)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if e.visible else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.remove.setEnabled(False)

    def set_incident_days(self, days: int) -> None:
        self.days.blockSignals(True)
        self.days.setValue(days)
        self.days.blockSignals(False)

    def item(self, layer_id: str) -> QListWidgetItem | None:
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == layer_id:
                return self.list.item(i)
        return None

    def _item_changed(self, item: QListWidgetItem) -> None:
        self.visibility_changed.emit(item.data(Qt.ItemDataRole.UserRole), item.checkState() == Qt.CheckState.Checked)

    def _current_changed(self, item, _previous) -> None:
        entry = self.entries.get(item.data(Qt.ItemDataRole.UserRole)) if item else None
        self.remove.setEnabled(bool(entry and entry.removable))

    def _remove_clicked(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.remove_requested.emit(item.data(Qt.ItemDataRole.UserRole))
