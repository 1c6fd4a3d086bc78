"""IncidentTableModel / IncidentTable over an in-memory list standing in for the query (answered at once, or
later and out of order, as the ops executor may)."""
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


def serve(model, source):
    """Answer the model's requests at once from `source`."""
    model.rows_wanted.connect(lambda generation, column, descending, offset, limit: model.add_rows(
        generation, offset, source(IncidentFilter(), column, descending, offset, limit)))
    model.restart()


def serve_table(table, source):
    table.page_wanted.connect(lambda r: table.set_page(r, source(r.filter, r.sort_column, r.descending, r.offset,
                                                                 r.limit)))
    table.start()


class Later:
    """Keeps the table's requests to answer them later, in any order."""

    def __init__(self, table, source):
        self.table, self.source, self.requests = table, source, []
        table.page_wanted.connect(self.requests.append)

    def answer(self, request):
        self.table.set_page(request, self.source(request.filter, request.sort_column, request.descending,
                                                 request.offset, request.limit))


def test_model_tester_and_lazy_fetch(qtmodeltester):
    model = IncidentTableModel()
    source = Source(rows(450))
    serve(model, source)
    assert model.rowCount() == PAGE and model.canFetchMore()
    qtmodeltester.check(model)
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 450 and not model.canFetchMore()
    assert [c[2:] for c in source.calls] == [(0, PAGE), (PAGE, PAGE), (2 * PAGE, PAGE)]
    qtmodeltester.check(model)


def test_display_raw_and_id_roles():
    model = IncidentTableModel()
    serve(model, Source(rows(3)))
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
    serve_table(table, source)
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
    serve_table(table, Source(data))
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
    serve_table(table, Source(rows(500)))
    with qtbot.waitSignal(table.incident_selected) as sig:
        table.view.selectRow(3)
    assert sig.args == [table.model.id_at(3)]
    with qtbot.assertNotEmitted(table.incident_selected):
        table.select_incident("id00450", row=450)  # loads pages up to the row
    assert table.selected_id() == "id00450"
    assert table.view.selectionModel().selectedRows()[0].row() == table.model.row_of("id00450")


def test_pages_come_later_one_at_a_time_and_the_newest_query_wins(qtbot):
    """Issue 17 item 14: the log's query runs off the GUI thread; answers may come late and out of order."""
    table = IncidentTable()
    qtbot.addWidget(table)
    data = rows(450)
    data[0] = replace(data[0], type="riots")
    table.set_choices([("ied", "IED"), ("riots", "Riot")], [], [])
    later = Later(table, Source(data))
    table.start()
    first = later.requests[-1]
    assert table.model.rowCount() == 0 and not table.model.canFetchMore()  # asked, not yet answered
    later.answer(first)
    assert table.model.rowCount() == PAGE and table.model.canFetchMore()
    table.model.fetchMore()
    table.model.fetchMore()  # one request at a time
    page2 = later.requests[-1]
    assert (page2.offset, page2.limit) == (PAGE, PAGE) and len(later.requests) == 2
    table.type_box.setCurrentIndex(table.type_box.findData("riots"))  # a new query before page 2 came
    riots = later.requests[-1]
    assert riots.filter.types == ("riots",) and riots.generation > page2.generation
    assert table.model.rowCount() == PAGE  # the old rows stay until the new ones arrive
    later.answer(page2)  # late: dropped
    assert table.model.rowCount() == PAGE
    later.answer(riots)
    assert table.model.rowCount() == 1 and table.model.data(table.model.index(0, 0), ID_ROLE) == "id00000"


def test_an_incident_far_down_is_selected_once_its_page_arrives(qtbot):
    table = IncidentTable()
    qtbot.addWidget(table)
    later = Later(table, Source(rows(500)))
    table.start()
    later.answer(later.requests[-1])
    table.select_incident("id00450", row=450)
    wanted = later.requests[-1]
    assert (wanted.offset, wanted.limit) == (PAGE, 2 * PAGE) and table.selected_id() == ""
    with qtbot.assertNotEmitted(table.incident_selected):
        later.answer(wanted)
    assert table.selected_id() == "id00450" and table.model.rowCount() == 500
