"""Export options, the import report and the conflict dialog, driven as the user does."""
from datetime import date

from PySide6.QtCore import Qt

from widgets.dialogs.conflicts import ConflictDialog
from widgets.dialogs.export import ExportDialog
from widgets.dialogs.import_report import SHOWN, ImportReport


def test_export_dialog_options_per_kind(qtbot):
    d = ExportDialog()
    qtbot.addWidget(d)
    d.set_range(date(2023, 8, 1), date(2023, 8, 31), date(2023, 1, 1), date(2024, 6, 30))
    d.set_date(date(2023, 8, 15))
    d.profile.setCurrentIndex(1)
    d.delimiter.setCurrentIndex(1)
    d.excel.setChecked(True)
    assert d.options() == dict(format="csv", excel=True, hxl=False, log_filter=False, profile="hq", delimiter=";",
                               start=date(2023, 8, 1), end=date(2023, 8, 31), date=date(2023, 8, 15))
    d.all_dates.setChecked(True)
    assert (d.options()["start"], d.options()["end"], d.start.isEnabled()) == (None, None, False)
    d.format.setCurrentIndex(2)
    assert d.options()["format"] == "gpkg" and not d.excel.isEnabled() and not d.delimiter.isEnabled()
    d.set_kind("timeline")
    assert d.options()["format"] == "csv" and not d.format.isEnabled() and d.excel.isEnabled()
    d.set_kind("status")
    d.show()
    assert d.day.isVisible() and not d.start.isVisible() and not d.profile.isVisible()


def test_export_dialog_restores_last_choices(qtbot):
    d = ExportDialog()
    qtbot.addWidget(d)
    d.set_options({"format": "geojson", "profile": "hq", "delimiter": ";", "excel": True, "hxl": True})
    o = d.options()
    assert (o["format"], o["profile"], o["delimiter"], o["excel"], o["hxl"]) == ("geojson", "hq", ";", True, True)


def test_import_report(qtbot):
    d = ImportReport()
    qtbot.addWidget(d)
    problems = [(12, "occurred_on", "'2023-02-30' is not a date (YYYY-MM-DD)"), (502, "lat", "'123' is not a latitude")]
    d.set_report("hq.csv", problems, 9_998, 10_000)
    assert "2 of 10,000 rows" in d.summary.text() and d.table.rowCount() == 2
    assert d.table.item(1, 1).text() == "lat" and d.good_button.text() == "Import the 9998 good rows"
    with qtbot.waitSignal(d.import_good):
        qtbot.mouseClick(d.good_button, Qt.MouseButton.LeftButton)
    d.set_report("bad.csv", [(1, "header", "neither a sitmon nor an ACLED CSV file")] * (SHOWN + 5), 0, 0)
    assert not d.good_button.isEnabled() and d.table.rowCount() == SHOWN and "1,005" in d.summary.text()


def test_conflict_dialog_choices(qtbot):
    d = ConflictDialog()
    qtbot.addWidget(d)
    d.set_conflicts([("a", "2023-08-20 IED", [("description", "mine", "theirs")]),
                     ("b", "2023-08-21 Battle", [("actors", "JNIM", ""), ("deleted", "0", "1")])])
    assert d.tree.topLevelItem(1).childCount() == 2
    d.combos["b"].setCurrentIndex(1)
    assert d.choices() == {"a": "mine", "b": "theirs"}
    with qtbot.waitSignal(d.chosen) as chosen:
        qtbot.mouseClick(d.apply_button, Qt.MouseButton.LeftButton)
    assert chosen.args == [{"a": "mine", "b": "theirs"}]


def test_export_dialog_dates_are_typed_as_shown_and_a_bad_one_is_refused(qtbot):
    """Dates typed as the dialog shows them or in ISO are read when Export is clicked; a bad one keeps the
    dialog open, saying why."""
    from PySide6.QtWidgets import QDialogButtonBox

    d = ExportDialog()
    qtbot.addWidget(d)
    d.set_range(None, None, date(2023, 1, 1), date(2024, 6, 30))
    d.show()
    d.all_dates.setChecked(False)
    export = d.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    d.start.setText("2023-08-01")
    d.end.setText("31 Sep 2023")  # still being typed when Export is clicked
    with qtbot.assertNotEmitted(d.accepted):
        qtbot.mouseClick(export, Qt.MouseButton.LeftButton)
    assert d.isVisible() and d.end.error.startswith("Not a date") and d.end.toolTip() == d.end.error
    d.end.setText("15 Sep 2023")
    with qtbot.waitSignal(d.accepted):
        qtbot.mouseClick(export, Qt.MouseButton.LeftButton)
    assert (d.options()["start"], d.options()["end"]) == (date(2023, 8, 1), date(2023, 9, 15))
