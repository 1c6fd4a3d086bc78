"""Preferences, theme, interface zoom, the user guide, and a window that does nothing while nothing changes."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from tests.app.conftest import wait_for_ops


@pytest.fixture
def window(main_window):
    from app import theme

    w = main_window
    yield w
    for dialog in w.interface.dialogs.values():
        dialog.close()
    if theme.current() != ("default", 100) or QApplication.instance().styleSheet():
        theme.apply(theme="default", zoom=100)  # the next test starts from the system look (only if it changed:
        # re-polishing every widget while the window is being torn down crashed the process once in a full run)


def test_preferences_show_and_save_the_settings(window, qtbot, monkeypatch):
    from app import settings

    settings.put("author", "Awa Traoré")
    dialog = window.interface.show_preferences()
    assert dialog.author.text() == "Awa Traoré" and dialog.marking.text() == "UN RESTRICTED"
    assert dialog.language.currentData() == "" and dialog.theme.currentData() == "default"
    assert [dialog.language.itemText(i) for i in range(3)] == ["System language", "English", "Français"]
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    dialog.theme.setCurrentIndex(dialog.theme.findData("high-contrast"))
    dialog.zoom.setValue(130)
    dialog.author.setText("Moussa Keita")
    dialog.marking.setText("UN CONFIDENTIAL")
    with qtbot.waitSignal(window.interface.author_changed) as changed:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert changed.args == ["Moussa Keita"] and window.incident_controller.author == window.exchange.author == "Moussa Keita"
    assert (settings.get("ui/language"), settings.get("ui/theme"), settings.get("ui/zoom"), settings.get("author"),
            settings.get("export/marking")) == ("fr", "high-contrast", 130, "Moussa Keita", "UN CONFIDENTIAL")
    notice = window.interface.notice  # the language changes at the next start, and says so
    assert isinstance(notice, QMessageBox) and "started again" in notice.text()
    app = QApplication.instance()
    assert app.palette().window().color().name() == "#ffffff" and "border: 2px solid #000000" in app.styleSheet()


def test_cancel_changes_nothing(window):
    from app import settings

    dialog = window.interface.show_preferences()
    dialog.zoom.setValue(200)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert settings.get("ui/zoom") == 100


def test_interface_zoom_scales_the_fonts_and_resets(window, qtbot):
    from app import settings, theme

    base = QApplication.instance().font().pointSizeF()
    label = window.date_label
    window.interface.zoom_in_action.trigger()
    window.interface.zoom_in_action.trigger()
    assert settings.get("ui/zoom") == 120
    assert QApplication.instance().font().pointSizeF() == pytest.approx(base * 1.2)
    qtbot.waitUntil(lambda: label.font().pointSizeF() == pytest.approx(base * 1.2))  # widgets follow
    assert window.key_figures.values["deadline"].font().pointSizeF() == pytest.approx(base * 1.2 * 2)
    window.interface.zoom_out_action.trigger()
    assert settings.get("ui/zoom") == 110
    window.interface.zoom_reset_action.trigger()
    assert settings.get("ui/zoom") == 100
    qtbot.waitUntil(lambda: label.font().pointSizeF() == pytest.approx(base))
    for _ in range(40):
        window.interface.zoom_out_action.trigger()
    assert settings.get("ui/zoom") == theme.ZOOM_MIN


def test_map_and_timeline_texts_follow_the_zoom_at_once(window, qtbot):
    labels, legend = window.map.site_labels.labeller, window.map.legend
    before = (labels.font.pointSizeF(), legend.font.pointSizeF(), legend.size()[1],
              window.timeline.cursor.label.textItem.font().pointSizeF())
    window.interface.zoom_in_action.trigger()
    window.interface.zoom_in_action.trigger()
    qtbot.waitUntil(lambda: labels.font.pointSizeF() > before[0])
    assert legend.font.pointSizeF() > before[1] and legend.size()[1] > before[2]
    assert window.timeline.cursor.label.textItem.font().pointSizeF() > before[3]
    window.interface.zoom_reset_action.trigger()
    qtbot.waitUntil(lambda: labels.font.pointSizeF() == pytest.approx(before[0]))


def test_high_contrast_thickens_the_map_and_timeline_lines(window):
    from PySide6.QtWidgets import QGraphicsRectItem

    def widths():
        phase = next(i for i in window.timeline._items if isinstance(i, QGraphicsRectItem) and i.toolTip())
        return (window.map.site_marks.data[0]["pen"].widthF(), window.map.site_frames.data[0]["pen"].widthF(),
                window.map.flows.line_width, window.map.basemap.line_width, window.timeline.cursor.pen.widthF(),
                phase.pen().widthF())

    before = widths()
    dialog = window.interface.show_preferences()
    dialog.theme.setCurrentIndex(dialog.theme.findData("high-contrast"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert widths() == tuple(2 * w for w in before)
    dialog = window.interface.show_preferences()
    dialog.theme.setCurrentIndex(dialog.theme.findData("default"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert widths() == before


def test_high_contrast_theme_and_back(window):
    from app import theme

    app = QApplication.instance()
    system_style, system_window = app.style().name(), app.palette().window().color().name()
    base = app.font().pointSizeF()
    theme.apply(theme="high-contrast", zoom=100)
    palette = app.palette()
    assert palette.window().color().name() == "#ffffff" and palette.windowText().color().name() == "#000000"
    assert palette.highlight().color().name() == "#000000"
    assert app.font().pointSizeF() == pytest.approx(base * theme.HIGH_CONTRAST_FONT)
    assert "@THEMES@" not in app.styleSheet() and "arrow-down.svg" in app.styleSheet()
    theme.apply(theme="default", zoom=100)
    assert app.style().name() == system_style and app.styleSheet() == ""
    assert app.palette().window().color().name() == system_window and app.font().pointSizeF() == pytest.approx(base)


def test_presentation_mode_hands_the_zoom_back(window, qtbot):
    window.presentation.enter()
    window.presentation.leave()
    window.interface.zoom_in_action.trigger()
    size = QApplication.instance().font().pointSizeF()
    qtbot.waitUntil(lambda: window.date_label.font().pointSizeF() == pytest.approx(size))


@pytest.mark.parametrize("lang, heading", [("en", "sitmon user guide"), ("fr", "Guide de l'utilisateur de sitmon")])
def test_user_guide_in_the_interface_language_with_its_pictures(window, lang, heading):
    window.state.lang = lang
    dialog = window.interface.show_guide()
    text = dialog.browser.toPlainText()
    assert text.startswith(heading)
    doc = dialog.browser.document()
    for picture in ("main-%s.png" % lang, "incident-form-%s.png" % lang, "preferences-%s.png" % lang,
                    "main-high-contrast.png"):
        assert f'src="{picture}"' in doc.toHtml()
        assert not doc.resource(QTextDocument.ResourceType.ImageResource, QUrl(picture)).isNull(), picture


def test_user_guide_follows_its_own_links_and_no_web_address(window):
    dialog = window.interface.show_guide()
    page = dialog.browser.source()
    dialog._follow(QUrl("#keyboard"))
    assert dialog.browser.source().fileName() == page.fileName()
    dialog._follow(QUrl("https://example.org/"))  # offline: not fetched, the guide stays
    assert dialog.browser.source().isLocalFile()


def test_nothing_runs_while_nothing_changes(window, qtbot):
    """Idle means idle: once the window has settled no timer is running but the change watcher's look once a
    second (app/watch.py, a coarse timer); Play runs one only while playing."""
    window.state.cursor.set_date(date(2023, 8, 15))
    window.state.select("site", "gao")
    qtbot.waitUntil(lambda: window.incidents.count_label.text() != "")
    wait_for_ops(qtbot, window.state)
    QApplication.processEvents()
    timers = window.findChildren(QTimer) + window.state.findChildren(QTimer) + window.state.cursor.findChildren(QTimer)
    watcher = window.state.watcher.timer
    assert watcher.isActive() and watcher.interval() >= 1000 and watcher.timerType() == Qt.TimerType.CoarseTimer
    timers = [t for t in timers if t is not watcher]
    assert [t.objectName() or repr(t.parent()) for t in timers if t.isActive()] == []
    window.timeline.play.setChecked(True)
    assert [t for t in timers if t.isActive()] and window.state.cursor.playing
    window.timeline.play.setChecked(False)
    assert not [t for t in timers if t.isActive()]
