"""Site-status panel and key figures: what the coordinator reads for a date."""
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt

from db.status import key_figures, statuses_on
from widgets.sites.figures import KeyFiguresPanel
from widgets.sites.panel import SitePanel


def show(panel, scenario, day):
    panel.show_statuses(day, statuses_on(scenario, day), scenario.sites, "en", QCoreApplication.translate)


def column(panel, col, role=Qt.ItemDataRole.DisplayRole):
    return [panel.proxy.index(r, col).data(role) for r in range(panel.proxy.rowCount())]


def test_model_is_sound_and_sorts_by_raw_values(qtbot, qtmodeltester, scenario):
    panel = SitePanel()
    qtbot.addWidget(panel)
    show(panel, scenario, date(2023, 9, 15))
    qtmodeltester.check(panel.model)
    assert column(panel, 0)[:2] == ["Ber", "Goundam"]  # scenario order until sorted
    panel.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    since = [d for d in column(panel, 2, Qt.ItemDataRole.UserRole) if d]
    assert since == sorted(since)
    panel.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert column(panel, 0)[0] == "Aguelhok"


def test_statuses_reasons_and_overdue_line(qtbot, scenario):
    panel = SitePanel()
    qtbot.addWidget(panel)
    show(panel, scenario, date(2023, 9, 15))
    rows = dict(zip(column(panel, 0), zip(column(panel, 1), column(panel, 2), column(panel, 3))))
    assert rows["Ber"][:2] == ("handed over", "12 Aug 2023")
    assert rows["Ber"][2].startswith("Handover confirmed on 12 Aug 2023")
    assert rows["Goundam"][0] == "closure due"
    assert panel.overdue_label.text() == "Closure overdue: Goundam, Ménaka"
    assert panel.model.rows[0].overdue is False and panel.model.rows[1].overdue is True
    assert not panel.proxy.index(1, 1).data(Qt.ItemDataRole.DecorationRole).isNull()
    with qtbot.assertNotEmitted(panel.site_selected):
        panel.highlight("site", "menaka")
    assert panel.table.currentIndex().data() == "Ménaka"


def test_key_figures_before_any_repatriation_figure(qtbot, scenario):
    panel = KeyFiguresPanel()
    qtbot.addWidget(panel)
    panel.show_figures(key_figures(scenario, date(2023, 8, 1)))
    assert panel.values["deadline"].text() == "152"
    assert panel.values["repatriated"].text() == "—"
    panel.show_figures(key_figures(scenario, date(2024, 1, 5)))
    assert panel.values["deadline"].text() == "5"
    assert "past the deadline" in panel.captions["deadline"].text()
