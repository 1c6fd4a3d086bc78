"""The audit trail's dialog: a value cut by its column is whole in its tooltip and in what Ctrl+C copies."""
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from db.incidents.audit import IMPORT, AuditRecord, import_name
from widgets.incidents.audit import AuditView

SHA = "62b9425d7e9be77b3916335d7aa8a3" + "0" * 34


def test_a_files_sha256_is_whole_in_the_tooltip_and_the_copy(qtbot):
    view = AuditView()
    qtbot.addWidget(view)
    name = import_name("hq-2023-08.csv", SHA)
    view.set_trail([AuditRecord(1, "i", datetime(2026, 12, 6, 6, 58, 18), "root", "laptop-1", "create",
                                ((IMPORT, None, name),))], {IMPORT: "Imported file"})
    view.show()
    top = view.tree.topLevelItem(0)
    assert top.text(2) == "Created by import of hq-2023-08.csv"
    child = top.child(0)
    assert child.text(2) == name and child.toolTip(2) == name
    assert view.tree.visualItemRect(child).width() > 0
    child.setSelected(True)
    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == f"Imported file\t—\t{name}"
