"""Keyboard use: every menu command has a shortcut and no two commands share one, the Keyboard
shortcuts window lists them all (from the actions, so it cannot go stale), and Tab moves through
every dialog in reading order."""
from __future__ import annotations

from collections import defaultdict

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QDialogButtonBox, QMenu

# Menu entries without a shortcut of their own, and why.
NO_SHORTCUT = {
    "region": "View > Zoom to region lists Mali's regions from the basemap (data, reached with Alt+V then the "
              "menu's mnemonic and the arrow keys)",
    "&About sitmon": "reached with Alt+H, A; nobody needs it twice a day",
}


@pytest.fixture
def window(main_window):
    return main_window


def menu_actions(menu: QMenu, path: str = ""):
    for a in menu.actions():
        if a.isSeparator():
            continue
        if a.menu() is not None:
            yield from menu_actions(a.menu(), f"{path} > {a.text()}")
        else:
            yield f"{path} > {a.text()}", a


def all_menu_actions(window):
    for top in window.menuBar().actions():
        yield from menu_actions(top.menu(), top.text())


def test_no_two_commands_share_a_shortcut(window):
    owners = defaultdict(set)
    actions = set(window.findChildren(QAction)) | set(window.actions())
    actions |= {a for _path, a in all_menu_actions(window)}
    for a in actions:
        for seq in a.shortcuts():
            owners[seq.toString()].add(a.text())
    for s in window.findChildren(QShortcut):
        owners[s.key().toString()].add(f"QShortcut {s.objectName() or s.parent().objectName()}")
    owners.pop("", None)
    assert len(owners) > 30
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_every_menu_command_has_a_shortcut(window):
    missing = [path for path, a in all_menu_actions(window) if not a.shortcuts()
               and path.split(" > ")[-1] not in NO_SHORTCUT and "Zoom to &region" not in path]
    assert missing == []
    regions = [a for path, a in all_menu_actions(window) if "Zoom to &region" in path]
    assert len(regions) >= 8  # the exception above really is the region list


def test_interface_zoom_keys_do_not_take_the_maps(window):
    keys = {a.text(): [s.toString() for s in a.shortcuts()] for _p, a in all_menu_actions(window)}
    assert keys["Zoom to &Mali"] == ["Ctrl+0"]
    assert keys["Lar&ger text (interface zoom)"] == ["Ctrl++", "Ctrl+="]
    assert keys["Smaller te&xt (interface zoom)"] == ["Ctrl+-"]
    assert keys["Zoom &in"] == ["+"] and keys["Zoom &out"] == ["-"]


def test_shortcuts_window_lists_every_shortcut_and_the_views_own_keys(window):
    from app.controllers.interface import keys_text, plain

    dialog = window.interface.show_shortcuts()
    rows = dialog.rows()
    listed = {(action, keys) for _section, action, keys in rows}
    for path, a in all_menu_actions(window):
        if a.shortcuts():
            assert (plain(a.text()), keys_text(a)) in listed, path
    sections = [s for s, _a, _k in rows]
    assert "Map (click it or Tab to it first)" in sections and "Timeline (click it or Tab to it first)" in sections
    assert ("One week earlier, one week later", "Shift+Left, Shift+Right") in listed
    assert ("Zoom the map in", "+, =") in listed
    assert ("Pan the map", "Left, Right, Up, Down") in listed
    dialog.search.setText("legend")
    assert [action for _s, action, _k in dialog.rows()] == ["Map legend"]


def test_shortcuts_window_follows_a_changed_shortcut(window):
    window.map_controller.actions["legend"].setShortcut(QKeySequence("Ctrl+Shift+G"))
    rows = window.interface.show_shortcuts().rows()
    assert ("View", "Map legend", "Ctrl+Shift+G") in rows


def tab_chain(dialog) -> list:
    """The widgets Tab visits, from the focused one round to it again (inner editors of spin boxes left out)."""
    start = dialog.focusWidget() or dialog.nextInFocusChain()
    seen, current = [], start
    for _ in range(500):
        if (current.isVisible() and current.isEnabled() and current.focusPolicy() & Qt.FocusPolicy.TabFocus
                and dialog.isAncestorOf(current) and not isinstance(current.parent(), QAbstractSpinBox)):
            if current in seen:
                break
            seen.append(current)
        current = current.nextInFocusChain()
    return seen


def dialogs(window):
    from widgets.dialogs.export import ExportDialog
    from widgets.dialogs.passphrase import PassphraseDialog
    from widgets.dialogs.restore import RestoreDialog

    yield "preferences", window.interface.show_preferences()
    yield "incident form", window.incident_controller.new_incident()
    yield "export", ExportDialog(window)
    yield "restore", RestoreDialog(window)
    yield "passphrase", PassphraseDialog("/data/field.sqlite", "", window)
    yield "shortcuts", window.interface.show_shortcuts()
    yield "user guide", window.interface.show_guide()
    from widgets.dialogs.conflicts import ConflictDialog
    from widgets.dialogs.import_report import ImportReport

    conflicts = ConflictDialog(window)
    conflicts.set_conflicts([("a", "13 Aug 2023 Attack on convoy", [("description", "mine", "theirs")])])
    yield "package conflicts", conflicts
    report = ImportReport(window)
    report.set_report("field.csv", [(2, "occurred_on", "required, but empty")], 3, 4)
    yield "import report", report


def test_tab_goes_through_every_dialog_in_reading_order(window, qtbot):
    for name, dialog in dialogs(window):
        dialog.show()
        qtbot.waitExposed(dialog)
        chain = tab_chain(dialog)
        fields = [w for w in chain if not isinstance(w.parent(), QDialogButtonBox)]
        buttons = [w for w in chain if isinstance(w.parent(), QDialogButtonBox)]
        assert chain[:len(fields)] == fields, f"{name}: the dialog's buttons come last"
        assert len(fields) >= 1 and all(isinstance(b, QAbstractButton) for b in buttons), name
        where = [w.mapTo(dialog, QPoint(0, 0)) for w in fields]
        for (a, pa), (b, pb) in zip(zip(fields, where), zip(fields[1:], where[1:])):
            same_row = abs(pa.y() - pb.y()) <= 8
            assert pb.y() > pa.y() or (same_row and pb.x() > pa.x()), \
                f"{name}: Tab goes from {type(a).__name__} at {pa.toTuple()} back to {type(b).__name__} at {pb.toTuple()}"
        dialog.close()


def mnemonic_clashes(bar) -> list[tuple[str, str, list[str]]]:
    """(menu, letter, items) wherever two items of one menu underline the same letter: Alt+F then that letter
    only moves between them (Alt+F, I did not import: "&Import incidents…" and "Export map &image…")."""
    import re
    from collections import defaultdict

    clashes = []

    def walk(menu, name):
        items = defaultdict(list)
        for a in menu.actions():
            found = re.search(r"&([^&])", a.text().replace("&&", ""))
            if found and not a.isSeparator():
                items[found[1].lower()].append(a.text())
            if a.menu() is not None:
                walk(a.menu(), f"{name} > {a.text()}")
        clashes.extend((name, letter, texts) for letter, texts in items.items() if len(texts) > 1)

    for top in bar.actions():
        walk(top.menu(), top.text())
    return clashes


def test_each_menu_underlines_each_letter_once(main_window):
    assert mnemonic_clashes(main_window.menuBar()) == []
