"""Screenshots of the window for the README and the user guide, drawn offscreen.

    .venv/bin/python docs/screenshots/make_screenshots.py

writes docs/screenshots/main-en-1366.png, main-fr-1366.png and main-high-contrast.png (the window at
1366x768 on 15 August 2023, Gao selected), the README's table (the timeline and the incident log as that
window shows them, the map by `sitmon snapshot`, the briefing pack's first page by `sitmon briefing` and
poppler's pdftoppm, skipped with a word where it is missing), and the user guide's pictures in
resources/help/ (the same windows at 1024 pixels wide, the incident form and the preferences in each
language, the map's status marks). Each picture is drawn in its own process, with settings and data in a
temporary folder.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "screenshots"
HELP = ROOT / "resources" / "help"
SHOTS = [("en", "default"), ("fr", "default"), ("en", "high-contrast")]
DAY = "2023-08-15"


def shoot(lang: str, theme: str) -> None:
    """Draw one language and theme (runs in a child process)."""
    from datetime import date

    from PySide6.QtCore import QEventLoop, QSettings, Qt
    from PySide6.QtWidgets import QApplication

    tmp = Path(tempfile.mkdtemp(prefix="sitmon-shots-"))
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp / "settings"))
    os.environ["SITMON_DATA_DIR"] = str(tmp / "data")
    app = QApplication(sys.argv[:1])
    from app import gui, i18n, settings
    from app import theme as themes
    from app.main_window import MainWindow

    settings.put("ui/theme", theme)
    i18n.install(lang)
    themes.apply(app)
    state = gui.open_state(tmp / "sitmon.sqlite", lang)
    window = MainWindow(state)
    window.resize(1366, 768)
    window.show()
    state.cursor.set_date(date.fromisoformat(DAY))
    state.select("site", "gao")
    while not state.ops.idle:  # the incidents and the log's counts come off the GUI thread: draw them too
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    for _ in range(5):
        app.processEvents()
    if (lang, theme) == SHOTS[0]:  # the status marks of the map, for the guide's table
        from widgets.status_style import status_icon

        for status in ("open", "closing", "handed-over", "closure-due", "rear-party", "reduced", "liquidation-hub"):
            status_icon(status, 20).pixmap(20, 20).save(str(HELP / f"status-{status}.png"))
    image = window.grab()
    if (lang, theme) == SHOTS[0]:  # the README's table: the timeline and the incident log in this window
        window.timeline.grab().save(str(DOCS / "timeline.png"))
        log = next(d for d in window.docks if d.objectName() == "dock-incidents")
        log.raise_()
        for _ in range(5):
            app.processEvents()
        log.widget().grab().save(str(DOCS / "incident-log.png"))
        next(d for d in window.docks if d.objectName() == "dock-timeline").raise_()
        app.processEvents()
    name = {"default": f"main-{lang}", "high-contrast": "main-high-contrast"}[theme]
    image.save(str(DOCS / (f"{name}-1366.png" if theme == "default" else f"{name}.png")))
    image.scaledToWidth(1024, Qt.TransformationMode.SmoothTransformation).save(str(HELP / f"{name}.png"))
    if theme != "default":
        return
    form = window.incident_controller.new_incident()
    form.occurred_time.setText("14:30")
    form.location.setText("16°16'18\"N 0°2'41\"W")
    form.type.setCurrentIndex(form.type.findData("attack-on-convoy"))
    form.actors.setText("JNIM")
    app.processEvents()
    form.grab().save(str(HELP / f"incident-form-{lang}.png"))
    form.close()
    prefs = window.interface.show_preferences()
    app.processEvents()
    prefs.grab().save(str(HELP / f"preferences-{lang}.png"))
    prefs.close()
    state.shutdown()


def commands(env: dict) -> None:
    """The map and the briefing's first page, as the command line makes them."""
    with tempfile.TemporaryDirectory(prefix="sitmon-shots-") as tmp:
        sitmon = [sys.executable, "-m", "app", "--db", str(Path(tmp) / "sitmon.sqlite"), "--lang", "en"]
        subprocess.run(sitmon + ["snapshot", "--date", DAY, "--out", str(DOCS / f"map-{DAY}.png")], env=env,
                       cwd=ROOT, check=True)
        pdf = Path(tmp) / "briefing.pdf"
        subprocess.run(sitmon + ["briefing", "--date", DAY, "--out", str(pdf)], env=env, cwd=ROOT, check=True)
        if shutil.which("pdftoppm") is None:
            print("briefing-page1.png not redrawn: pdftoppm (Debian poppler-utils) is missing")
            return
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(DOCS / "briefing-page1")], check=True)


def main() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYQTGRAPH_QT_LIB": "PySide6",
           "SITMON_DATA_DIR": tempfile.mkdtemp(prefix="sitmon-shots-"), "XDG_CONFIG_HOME": tempfile.mkdtemp()}
    for lang, theme in SHOTS:
        subprocess.run([sys.executable, __file__, lang, theme], env=env, cwd=ROOT, check=True)
        print(f"{lang} {theme}: done")
    commands(env)
    print("map and briefing: done")


if __name__ == "__main__":
    if len(sys.argv) == 3:
        sys.path.insert(0, str(ROOT))
        shoot(*sys.argv[1:])
    else:
        main()
