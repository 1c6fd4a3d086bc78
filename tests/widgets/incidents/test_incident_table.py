"""IncidentTableModel / IncidentTable over an in-memory list standing in for the query callable."""
from dataclasses import replace
from datetime import date, datetime

from PySide6.QtCore import Qt

from db.incidents.queries import COLUMNS, IncidentFilter, IncidentRow
from widgets.incidents.table import ID_ROLE, PAGE, IncidentTable, IncidentTableModel

BASE = IncidentRow("", date(2023, 8, 1), None, "ied", "", "ML-7", "gao", 1.5, "Gao", 1, 1, 0, 2, "reported", "B2", "bomb",
                   "amina", datetime(2023, 8, 2, 10, 0), False, 16.27, -0.04)


def rows(n):
    return [replace(BASE, id=f"id{i:05d}", occurred_on=date(2023, 1, 1).fromordinal(738000 + i % 300),
                    killed=i % 7, description=f"text {i}") for i in range(n)]


class Source:
    """A query(filter, column, descending, offset, limit) over a list, recording its calls."""

    def __init__(self, data):
        self.data, self.calls = data, []

    def __call__(self, f, column, descending, offset, limit):
        self.calls.append((column, descending, offset, limit))
        live = [r for r in self.data if f.include_deleted or not r.deleted]
        live = [r for r in live if not f.types or r.type in f.types]
        live.sort(key=lambda r: (getattr(r, column), r.id), reverse=descending)
        return live[offset:offset + limit]


def test_model_tester_and_lazy_fetch(qtmodeltester):
    model = IncidentTableModel()
    source = Source(rows(450))
    model.set_fetch(lambda *a: source(IncidentFilter(), *a))
    assert model.rowCount() == PAGE and model.canFetchMore()
    qtmodeltester.check(model)
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 450 and not model.canFetchMore()
    assert [c[2:] for c in source.calls] == [(0, PAGE), (PAGE, PAGE), (2 * PAGE, PAGE)]
    qtmodeltester.check(model)


def test_display_raw_and_id_roles():
    model = IncidentTableModel()
    model.set_fetch(lambda *a: Source(rows(3))(IncidentFilter(), *a))
    model.set_labels({"type": {"ied": "IED"}, "site_id": {"gao": "Gao"}})
    i = model.index(0, COLUMNS.index("type"))
    assert model.data(i) == "IED" and model.data(i, Qt.ItemDataRole.UserRole) == "ied"
    assert model.data(model.index(0, COLUMNS.index("site_id"))) == "Gao"
    assert model.data(model.index(0, COLUMNS.index("site_km"))) == "1.5"
    assert model.data(model.index(0, COLUMNS.index("occurred_on")), Qt.ItemDataRole.UserRole) == date.fromordinal(738002).isoformat()
    assert model.data(i, ID_ROLE) == model.id_at(0)


def test_header_click_sorts_in_the_query(qtbot):
    table = IncidentTable()
    qtbot.addWidget(table)
    source = Source(rows(50))
    table.set_query(source)
    col = COLUMNS.index("killed")
    table.view.horizontalHeader().sectionClicked.emit(col)  # what a click does
    table.view.sortByColumn(col, Qt.SortOrder.DescendingOrder)
    assert source.calls[-1][:2] == ("killed", True)
    shown = [int(table.model.data(table.model.index(r, col))) for r in range(table.model.rowCount())]
    assert shown == sorted(shown, reverse=True)


def test_filter_bar_builds_the_filter(qtbot):
    table = IncidentTable()
    qtbot.addWidget(table)
    data = rows(10)
    data[0] = replace(data[0], type="riots")
    table.set_choices([("ied", "IED"), ("riots", "Riot")], [("ML-7", "Gao")], [("gao", "Gao")])
    table.set_query(Source(data))
    with qtbot.waitSignal(table.filter_changed) as sig:
        table.type_box.setCurrentIndex(table.type_box.findData("riots"))
    assert sig.args[0].types == ("riots",)
    assert table.model.rowCount() == 1
    with qtbot.waitSignal(table.filter_changed, timeout=2000) as sig:
        qtbot.keyClicks(table.text, "bomb")
    assert sig.args[0].text == "bomb"
    table.until_cursor.setChecked(True)
    table.set_timeline_date(date(2023, 8, 1))
    assert table.filter.date_to == date(2023, 8, 1)


def test_selection_signal_and_select_incident(qtbot):
    table = IncidentTable()
    qtbot.addWidget(table)
    table.set_query(Source(rows(500)))
    with qtbot.waitSignal(table.incident_selected) as sig:
        table.view.selectRow(3)
    assert sig.args == [table.model.id_at(3)]
    with qtbot.assertNotEmitted(table.incident_selected):
        table.select_incident("id00450", row=450)  # loads pages up to the row
    assert table.selected_id() == "id00450"
    assert table.view.selectionModel().selectedRows()[0].row() == table.model.row_of("id00450")
