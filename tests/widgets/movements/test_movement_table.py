"""The movements table and form on their own: a model that Qt's model tester accepts, rows sorted by their raw
values, buttons that follow the selection, and the form's errors next to their fields."""
from datetime import date

from db.movements.draft import FieldError, MovementDraft
from widgets.movements.form import MovementForm
from widgets.movements.table import MovementModel, MovementRow, MovementTable

ROWS = [MovementRow("b", "Ber → Timbuktu", date(2023, 8, 14), date(2023, 8, 13), None, "under-way", "under way",
                    None, 40, 51.1, 1, "attacked twice"),
        MovementRow("a", "Ansongo → Gao", date(2023, 12, 15), None, None, "planned", "planned", 80, None, 89.5, 0, ""),
        MovementRow("x", "Kidal → Gao", date(2023, 12, 1), None, None, "planned", "planned", None, None, None, 0, "",
                    deleted=True)]


def test_model_tester(qtmodeltester):
    model = MovementModel()
    model.set_rows(ROWS)
    qtmodeltester.check(model)


def test_table_sorts_by_date_and_buttons_follow_the_selection(qtbot):
    table = MovementTable()
    qtbot.addWidget(table)
    table.set_rows(ROWS)
    order = [table.proxy.index(i, 0).data() for i in range(3)]
    assert order == ["Ber → Timbuktu", "Kidal → Gao", "Ansongo → Gao"]  # by planned departure
    assert table.proxy.index(0, 7).data() == "51" and table.proxy.index(1, 7).data() == "—"
    assert table.proxy.index(1, 4).data() == "planned (deleted)"
    assert not table.buttons["edit"].isEnabled()
    with qtbot.waitSignal(table.movement_selected) as blocker:
        table.view.selectRow(0)
    assert blocker.args == ["b"]
    assert table.buttons["edit"].isEnabled() and table.buttons["route"].isEnabled()
    with qtbot.waitSignal(table.route_requested) as blocker:
        table.buttons["route"].click()
    assert blocker.args == ["b"]
    table.select_movement("x")
    assert table.buttons["restore"].isEnabled() and not table.buttons["delete"].isEnabled()
    assert not table.buttons["route"].isEnabled()  # a site of it is not in the scenario


def test_form_shows_each_error_next_to_its_field_and_saves_a_draft(qtbot):
    def validate(d: MovementDraft):
        return [FieldError("to_site", "unknown site {value!r}", {"value": d.to_site})] if d.to_site == "" else []

    form = MovementForm([("ber", "Ber"), ("timbuktu", "Timbuktu")], validate, incident="c90d210a")
    qtbot.addWidget(form)
    form.show()
    assert form.error_labels["to_site"].isVisible() and not form.save_button.isEnabled()
    form.from_site.setCurrentIndex(form.from_site.findData("ber"))
    form.to_site.setCurrentIndex(form.to_site.findData("timbuktu"))
    assert not form.error_labels["to_site"].isVisible() and form.save_button.isEnabled()
    form.link.click()
    form.link.click()
    form.texts["planned_departure"].setText("2023-08-14")
    with qtbot.waitSignal(form.saved) as blocker:
        form.save_button.click()
    assert blocker.args[0] == MovementDraft(from_site="ber", to_site="timbuktu", planned_departure="2023-08-14",
                                            incidents="c90d210a")
    assert form.isVisible()  # until the app has checked it against the log
    form.close_saved()
    assert not form.isVisible()
