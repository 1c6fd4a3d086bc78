"""The French interface has no English left: every window, menu, dock, tab, label, button, header,
combo item, tooltip, the map's legend, the timeline's lanes and the dialogs, walked after installing
the compiled French catalogue.

A text is English when it holds a word from ENGLISH below: common English words that are not also
French words (so "date", "type", "site", "incident", "phase", "zoom", "format", "position", "guide"
are not in it). Proper names and verbatim texts are allowed explicitly, with their reason.
"""
from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QMessageBox,
    QTabBar,
    QTextBrowser,
    QTreeWidget,
    QWidget,
)

from tests.app.conftest import wait_for_ops

ENGLISH = frozenset("""
the of and to with from for by at or but not no is are was were be been has have had will can cannot this that
these those it its into onto out up down over under after before since until when where who what why which how
all any none other others each every only more less than then there here new old show hide open close closed save
cancel quit file edit view help about search find add remove delete deleted restore restored undo redo back next
previous first last contents keyboard shortcut shortcuts key keys preferences language theme default high contrast
author name marking user map maps layer layers legend measure distance timeline log figures card summary details
status since reason window windows closure closing handover handed planned confirmed overdue due early late on time
days day week weeks month months year today current killed injured peacekeepers civilians casualties reported
verified kind camp camps base bases headquarters hub liquidation rear party reduced towns town rivers river lakes
countries country regions region nearest pick place choose select selected choice choices keep take mine theirs apply
later decide laptop trail created edited merged daily upgrade hand backup backups sound damaged passphrase encrypted
database read write wrote written rows row field fields problem problems separator comma semicolon full spreadsheets
dates play loop fit drawdown events milestone meeting attack operation directive regional context phases larger
smaller text reset interface zoom zoomed pan picking measuring system english french left right bigger
import export imported exported exchange package packages merge merging checking writing importing
incidents incident states meeting timbuktu
""".split()) - frozenset("""
incident incidents date dates type site sites phase phases zoom format position guide options source notes
description base bases camp camps pause audit interface distance liquidation place directive figures mine due
file close
""".split())

# Texts that stay as they are in the French interface, and why.
ALLOWED = {
    "English": "each language is named in itself in the language list (Preferences)",
    "Natural Earth": "a data set's proper name (map attribution, About)",
    "GeoNames": "a data set's proper name (map attribution, About)",
    "CC BY 4.0": "a licence's name (Creative Commons Attribution)",
}
PATH = re.compile(r"\S*[/\\]\S*")  # file paths are the user's data, not the interface
TAG = re.compile(r"<[^>]+>")


def english_words(text: str) -> list[str]:
    for allowed in ALLOWED:
        text = text.replace(allowed, " ")
    text = PATH.sub(" ", TAG.sub(" ", text.replace("&nbsp;", " "))).replace("&", "")
    words = re.findall(r"[a-zà-ÿœ]+", text.lower())
    return [w for w in words if w in ENGLISH]


def test_detector_sees_english_and_passes_french():
    assert english_words("&Export incidents…") == ["export"]
    assert english_words("Closure window {0}, {1} to {2}") == ["closure", "window", "to"]
    assert english_words("Timbuktu") == ["timbuktu"]
    assert not english_words("&Exporter des incidents… Fenêtre de fermeture, du 15 août 2023 au 31 déc. 2023")
    assert not english_words("Base de données : /tmp/pytest-of-root/test_the_window/sitmon.sqlite")
    assert not english_words("Type de site · Statut : remis · Zoom sur le &Mali · Date (UTC) · MGRS 30Q")


# ---------------------------------------------------------------- collecting what the user sees

def widget_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every visible-to-the-user string under `root` (itself included)."""
    out: list[tuple[str, str]] = []

    def add(where, text):
        if isinstance(text, str) and text.strip():
            out.append((where, text))

    for w in [root, *root.findChildren(QWidget)]:
        name = f"{type(w).__name__} {w.objectName()}".strip()
        add(f"{name} tooltip", w.toolTip())
        if w.isWindow() or isinstance(w, QDockWidget):
            add(f"{name} title", w.windowTitle())
        if isinstance(w, QLabel):
            add(name, w.text())
        elif isinstance(w, QAbstractButton):
            add(name, w.text())
        elif isinstance(w, QGroupBox):
            add(name, w.title())
        elif isinstance(w, QLineEdit):
            add(f"{name} placeholder", w.placeholderText())
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                add(f"{name} item", w.itemText(i))
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                add(f"{name} tab", w.tabText(i))
                add(f"{name} tab tooltip", w.tabToolTip(i))
        elif isinstance(w, QTextBrowser):
            add(name, w.toPlainText())
        if isinstance(w, QAbstractSpinBox):
            add(f"{name} special", w.specialValueText())
            add(f"{name} suffix", getattr(w, "suffix", lambda: "")())
        if isinstance(w, QAbstractItemView) and w.model() is not None and not isinstance(w, QListWidget):
            model = w.model()
            for col in range(model.columnCount()):
                add(f"{name} header", model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole))
        if isinstance(w, QTreeWidget):
            def walk(item):
                for c in range(w.columnCount()):
                    add(f"{name} row", item.text(c))
                for i in range(item.childCount()):
                    walk(item.child(i))
            for i in range(w.topLevelItemCount()):
                walk(w.topLevelItem(i))
        if isinstance(w, QListWidget):
            for i in range(w.count()):
                add(f"{name} row", w.item(i).text())
                add(f"{name} row tooltip", w.item(i).toolTip())
        if isinstance(w, QGraphicsView) and w.scene() is not None:
            for item in w.scene().items():
                add(f"{name} graphics tooltip", item.toolTip())
                if isinstance(item, (QGraphicsTextItem, QGraphicsSimpleTextItem)) and item.isVisible():
                    add(f"{name} graphics", item.toPlainText() if isinstance(item, QGraphicsTextItem) else item.text())
    return out


def menu_texts(menu: QMenu, where: str) -> list[tuple[str, str]]:
    out = []
    for a in menu.actions():
        if a.isSeparator():
            continue
        out += [(f"{where} > {a.text()}", a.text()), (f"{where} > {a.text()} tooltip", a.toolTip()),
                (f"{where} > {a.text()} status tip", a.statusTip())]
        if a.menu() is not None:
            out += menu_texts(a.menu(), f"{where} > {a.text()}")
    return [(w, t) for w, t in out if t]


def english_in(pairs) -> list[tuple[str, str, list[str]]]:
    return [(where, text, words) for where, text in pairs if (words := english_words(str(text)))]


# ---------------------------------------------------------------- the French window

@pytest.fixture
def french(qtbot, db, translations, monkeypatch):
    from app import gui, i18n
    from app.main_window import MainWindow

    i18n.install("fr")
    state = gui.open_state(db.path, "fr", database=db)
    window = MainWindow(state)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    state.cursor.set_date(date(2023, 8, 15))
    state.select("site", "gao")
    qtbot.waitUntil(lambda: window.incidents.count_label.text() != "")
    yield window
    wait_for_ops(qtbot, window.state)
    i18n.install("en")


def test_main_window_menus_docks_and_panels_are_french(french):
    window = french
    pairs = [("window title", window.windowTitle())]
    for top in window.menuBar().actions():
        pairs += [("menu", top.text())] + menu_texts(top.menu(), top.text())
    pairs += widget_texts(window)
    pairs += [("map legend", row.text) for row in window.map.legend.rows()]
    pairs += [("map attribution", window.map.attribution.text)]
    pairs += [("site status row", window.site_panel.model.data(window.site_panel.model.index(r, c)))
              for r in range(window.site_panel.model.rowCount()) for c in range(1, 4)]
    pairs += [("site card", window.site_card.text())]
    for tick_level in window.timeline.plot.getAxis("left")._tickLevels or []:
        pairs += [("timeline lane", label) for _pos, label in tick_level]
    model = window.incidents.model
    from db.incidents.queries import COLUMNS
    for r in range(model.rowCount()):
        for name in ("type", "subtype", "region", "status"):
            pairs.append((f"incident log {name}", model.data(model.index(r, COLUMNS.index(name)))))
    assert len(pairs) > 300  # the walk really reached the window's contents
    found = english_in(pairs)
    assert not found, "\n".join(map(repr, found))


def test_dialogs_are_french(french, qtbot, monkeypatch, tmp_path):
    from db.incidents.audit import AuditRecord
    from db.store.backup import BackupInfo
    from widgets.dialogs.conflicts import ConflictDialog
    from widgets.dialogs.export import ExportDialog
    from widgets.dialogs.import_report import ImportReport
    from widgets.dialogs.passphrase import PassphraseDialog
    from widgets.dialogs.restore import RestoreDialog
    from widgets.incidents.audit import AuditView

    window = french
    pairs = []
    dialogs = [window.interface.show_preferences(), window.interface.show_shortcuts(),
               window.interface.show_guide(), window.incident_controller.new_incident()]
    export = ExportDialog(window)
    for kind in ("incidents", "status", "timeline"):
        export.set_kind(kind)
        pairs += widget_texts(export)
    restore = RestoreDialog(window)
    restore.set_backups([BackupInfo(tmp_path / f"{r}.sqlite", datetime(2023, 8, 1, 9), r, 3) for r in
                         ("daily", "before-import", "before-restore", "manual", "damaged", "before-migration-1")]
                        + [BackupInfo(tmp_path / "x.sqlite", datetime(2023, 8, 1, 9), "daily", None)])
    audit = AuditView(window)
    audit.set_trail([AuditRecord(1, "i", datetime(2023, 8, 1, 9), "awa", "abcdef012345", action, ())
                     for action in ("create", "update", "delete", "restore", "merge")])
    conflict = ConflictDialog(window)
    conflict.set_conflicts([("i", "15 août 2023 · Tessalit", [("Description", "a", "b")])])
    report = ImportReport(window)
    report.set_report("f.csv", [(2, "date", "obligatoire")], 3, 4)
    dialogs += [restore, audit, conflict, report, PassphraseDialog("/data/terrain.sqlite", "", window)]
    for d in dialogs:
        qtbot.addWidget(d) if d.parent() is None else None
        pairs += widget_texts(d)
    about = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: about.append((title, text)))
    window.show_about()
    pairs += [("about", t) for t in about[0]]
    assert len(pairs) > 200
    found = english_in(pairs)
    assert not found, "\n".join(map(repr, found))


def test_incident_form_writes_positions_with_decimal_commas(french, qtbot):
    controller = french.incident_controller
    form = controller.new_incident()
    controller.pick_on_map(16.5, -1.25)
    assert form.location.text() == "16,50000 ; -1,25000" and form.location_text() == "16.50000 ; -1.25000"
    assert "16,2717 ; -0,0447" in form.location.placeholderText()
    controller.edit_incident("c90d210a-97fc-5eb3-be70-fa237688882c")  # the convoy attack of the scenario
    qtbot.waitUntil(lambda: controller.form is not form)
    seed = controller.form
    assert "," in seed.location.text() and "." not in seed.location.text() and " ; " in seed.location.text()


def test_positions_written_with_o_for_west_in_french(french, qtbot):
    """French writes West "O" (Ouest): the form reads it, the map's readout writes it, and a refusal quotes
    the text as typed, not escaped."""
    form = french.incident_controller.new_incident()
    form.location.setText("14°29'30\"N 4°11'50\"O")
    assert not form.error_labels["location"].isVisibleTo(form)
    assert form.where.isVisibleTo(form) and "Mopti" in form.where.text()
    form.location.setText("14°29'30\"N 4°11'50\"Q")
    error = form.error_labels["location"].text()
    assert error.startswith("impossible de lire « 14°29'30\"N 4°11'50\"Q »") and "\\" not in error
    assert "0°02′41″O" in french.map_controller.readout_text(16.2717, -0.0447)


def test_the_date_box_reads_french_and_refuses_in_french(french, qtbot):
    from tests.widgets.timeline.test_timeline_view import type_date

    box = french.timeline.date_box
    assert box.text() == "15 août 2023"
    type_date(qtbot, box, "20 déc. 2023")
    assert french.state.cursor.date == date(2023, 12, 20) and box.text() == "20 déc. 2023"
    type_date(qtbot, box, "5 janv 2024")
    assert french.state.cursor.date == date(2024, 1, 5)
    type_date(qtbot, box, "31 sept. 2023")
    assert french.state.cursor.date == date(2024, 1, 5)
    assert box.error == "Ce n'est pas une date : écrivez-la 2024-01-05 ou 5 janv. 2024" and box.toolTip() == box.error


def test_each_french_menu_underlines_each_letter_once(french):
    from tests.app.test_ui_keyboard import mnemonic_clashes

    assert mnemonic_clashes(french.menuBar()) == []
