"""The briefing pack: the PDF's text in both languages, a vector map page, tables over pages, cancel,
the window's actions (pack and map images)."""
import sqlite3
import subprocess
import sys
import unicodedata
import uuid
from datetime import date
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QCoreApplication, QSize, QTimer, QTranslator
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMainWindow, QSpinBox

import resources
from app.briefing.pack import gather, write_briefing
from app.cli import main
from app.controllers.briefing import BriefingController
from app.cursor import CursorState
from app.state import AppState
from db.progress import Cancelled
from db.scenario import stored
from tests.app.conftest import wait_for_ops

DAY = date(2023, 8, 15)


def words(text: str) -> str:
    """pypdf separates Qt's words with tabs and keeps ligatures (ﬁ): plain words, one space apart."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def pages_text(path: Path) -> list[str]:
    return [words(p.extract_text()) for p in pypdf.PdfReader(path).pages]


def page_with(texts: list[str], needle: str) -> str:
    return next(t for t in texts if needle in t)


def add_incidents(db, n: int, day: str = "2023-08-10") -> None:
    """n incidents on one day, inserted with raw sqlite3 (every NOT NULL column of incidents)."""
    rows = [(str(uuid.uuid4()), day, 16.8, -2.6, "ML-6", "ber", "attack-on-convoy", "", "armed groups", 0, 1, 0, 0, 2,
             0, f"Incident number {i} near Ber", "", "", "B2", "reported", "test", "test", 1,
             f"{day} 12:00:00", f"{day} 12:00:00", 0) for i in range(n)]
    with sqlite3.connect(db.path) as con:
        con.executemany(
            "INSERT INTO incidents (id, occurred_on, lat, lon, region, site_id, type, subtype, actors, "
            "killed_peacekeepers, killed_civilians, killed_other, injured_peacekeepers, injured_civilians, "
            "injured_other, description, notes, source, reliability, status, author, origin, revision, created_at, "
            f"updated_at, deleted) VALUES ({','.join('?' * 26)})", rows)


def test_cli_pack_has_statuses_attribution_and_page_numbers(qapp, tmp_path, capsys):
    out = tmp_path / "brief.pdf"
    code = main.main(["--db", str(tmp_path / "x.sqlite"), "briefing", "--date", "2023-08-15", "--out", str(out)])
    assert code == 0, capsys.readouterr().err
    texts = pages_text(out)
    assert 5 <= len(texts) <= 12
    status_page = page_with(texts, "Site status on 15 August 2023")
    assert "Ber handed over 12 August 2023" in status_page
    assert "Goundam closing 15 July 2023" in status_page
    assert "Made with Natural Earth" in page_with(texts, "Situation map on 15 August 2023")
    assert "Transfer of tasks" in texts[-1] and "Political transition and elections" in texts[-1]
    for n, text in enumerate(texts, 1):
        assert f"Page {n} of {len(texts)}" in text and text.count("UN RESTRICTED") >= 2
    assert "138 days to the withdrawal deadline" in texts[0]


def test_installed_command_in_french(tmp_path):
    """`sitmon --lang fr` starts a QCoreApplication for the translations; the pack replaces it."""
    exe = Path(sys.executable).with_name("sitmon")
    out = tmp_path / "dossier.pdf"
    proc = subprocess.run([str(exe), "--lang", "fr", "--db", str(tmp_path / "x.sqlite"), "briefing", "--date",
                           "2023-08-15", "--out", str(out)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert str(out) in proc.stdout and len(pypdf.PdfReader(out).pages) >= 5


def test_cli_refuses_bad_days_and_unwritable_output(qapp, tmp_path, capsys):
    with pytest.raises(SystemExit) as stop:
        main.main(["--db", str(tmp_path / "x.sqlite"), "briefing", "--date", "2023-08-15", "--out", "x.pdf",
                  "--days", "0"])
    assert stop.value.code == 2 and "'0' is not a number of days" in capsys.readouterr().err
    code = main.main(["--db", str(tmp_path / "x.sqlite"), "briefing", "--date", "2023-08-15", "--out",
                     str(tmp_path / "missing" / "brief.pdf")])
    assert code == 1 and f"the folder {tmp_path / 'missing'} does not exist" in capsys.readouterr().err
    assert not (tmp_path / "missing").exists()


@pytest.fixture
def french(qapp, tmp_path):
    """The French translations compiled from resources/i18n/sitmon_fr.ts, installed for the test."""
    qm = tmp_path / "sitmon_fr.qm"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), "-silent", str(resources.path("i18n", "sitmon_fr.ts")), "-qm", str(qm)],
                   check=True, timeout=120)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)
    main.i18n.install("en")


def test_cli_pack_in_french(french, tmp_path, capsys):
    out = tmp_path / "dossier.pdf"
    code = main.main(["--db", str(tmp_path / "x.sqlite"), "briefing", "--date", "2023-08-15", "--out", str(out),
                     "--lang", "fr"])
    assert code == 0, capsys.readouterr().err
    texts = pages_text(out)
    status_page = page_with(texts, "État des sites au 15 août 2023")
    assert "Ber remis 12 août 2023" in status_page
    assert "Goundam en fermeture" in status_page
    assert "Remise confirmée le 12 août 2023" in status_page
    map_page = page_with(texts, "Carte de la situation au 15 août 2023")
    assert "Les incidents des 28 derniers jours sont affichés." in map_page
    assert "en fermeture" in map_page and "remis" in map_page  # the map's legend: the statuses shown that day
    assert "pôle de liquidation" not in map_page
    assert "Transfert des tâches" in texts[-1] and "Transition politique et élections" in texts[-1]
    assert f"Page 1 sur {len(texts)}" in texts[0]


def test_map_page_is_vector(qapp, db, tmp_path):
    out = tmp_path / "brief.pdf"
    write_briefing(gather(db, DAY, "en", "UN RESTRICTED"), out)
    page = pypdf.PdfReader(out).pages[1]
    assert "Situation map" in words(page.extract_text())
    ops = page.get_contents().get_data()
    assert ops.count(b" l\n") + ops.count(b" c\n") > 10_000  # borders, rivers, symbols as paths
    xobjects = page["/Resources"].get("/XObject", {})
    assert not [x for x in xobjects.values() if x.get_object().get("/Subtype") == "/Image"]
    assert b" Do" not in ops


def test_long_incident_table_repeats_its_header(qapp, db, tmp_path):
    add_incidents(db, 120)
    out = tmp_path / "brief.pdf"
    pages = write_briefing(gather(db, DAY, "en", "UN RESTRICTED"), out)
    texts = pages_text(out)
    assert len(texts) == pages
    incident_pages = [t for t in texts if "Incidents of the last 28 days (" in t]
    assert len(incident_pages) >= 3
    assert all("(continued)" in t for t in incident_pages[1:])
    assert all("Date Type Region Site Killed Injured Status Description" in t for t in incident_pages)
    listed = [n for n in range(120) if any(f"Incident number {n} near Ber" in t for t in incident_pages)]
    assert listed == list(range(120))  # every row once, none lost at a page break
    assert "Incidents: 121; by region: Tombouctou 121" in incident_pages[0]


def test_cancel_leaves_no_file(qapp, db, tmp_path):
    out = tmp_path / "brief.pdf"
    seen = []

    def progress(done, total):
        seen.append((done, total))
        if done == 2:
            raise Cancelled

    with pytest.raises(Cancelled):
        write_briefing(gather(db, DAY), out, progress=progress)
    assert seen == [(1, seen[0][1]), (2, seen[0][1])]
    assert list(tmp_path.glob("brief.pdf*")) == []


@pytest.fixture
def window(qtbot, db):
    state = AppState(db, stored.read_scenario(db), CursorState(DAY), "en")
    win = QMainWindow()
    qtbot.addWidget(win)
    return state, win


def test_controller_writes_pack_and_map_images(qtbot, window, tmp_path):
    state, win = window
    controller = BriefingController(state, win)
    assert [a.shortcut().toString() for a in controller.actions()] == ["Ctrl+P", "Ctrl+Shift+M"]
    out = tmp_path / "pack.pdf"
    with qtbot.waitSignal(controller.written, timeout=120_000) as blocker:
        controller.briefing_pack(str(out))
    assert blocker.args == [str(out)]
    assert len(pypdf.PdfReader(out).pages) >= 5
    wait_for_ops(qtbot, state)

    png = tmp_path / "map.png"
    controller.map_image(str(png), QSize(1200, 800), 150)
    image = QImage(str(png))
    assert image.size() == QSize(1200, 800)
    assert round(image.dotsPerMeterX() * 0.0254) == 150
    svg = tmp_path / "map.svg"
    controller.map_image(str(svg), QSize(1200, 800), 96)
    text = svg.read_text(encoding="utf-8")
    assert text.count("<path") > 50 and "<image" not in text and ">Sites on 15 August 2023<" in text


def test_map_image_asks_for_size_and_resolution(qtbot, window, tmp_path):
    state, win = window
    controller = BriefingController(state, win)

    def fill_in():
        dialog = QApplication.activeModalWidget()
        width, height, dpi = dialog.findChildren(QSpinBox)
        width.setValue(900)
        height.setValue(600)
        dpi.setValue(300)
        dialog.accept()

    QTimer.singleShot(0, fill_in)
    png = tmp_path / "asked.png"
    with qtbot.waitSignal(controller.written):
        controller.map_image(str(png))
    image = QImage(str(png))
    assert image.size() == QSize(900, 600) and round(image.dotsPerMeterX() * 0.0254) == 300


def test_the_map_page_frames_mali_and_uses_the_page(qtbot, db, tmp_path, monkeypatch):
    """The map page showed all of West Africa with Mali in a quarter of it (the window's view, at its
    proportions), "Mopti (Sévaré)" over Bamako, and a third of the page left to the key. Framed on the sites
    and the pack's incidents, whatever the window shows; the map as wide as the page, its key in a corner clear
    of the sites; no name over another or over a mark."""
    from PySide6.QtCore import QPointF

    from app.briefing import pages
    from app.controllers.map import REGIONAL
    from tests.app.test_map_layout import drawn, problems
    from widgets.map.view import MapView

    state = AppState(db, stored.read_scenario(db), CursorState(DAY), "en")
    win = QMainWindow()
    qtbot.addWidget(win)
    win.map = MapView()  # the window's map, zoomed out to the region
    win.map.resize(960, 390)
    win.map.zoom_to(REGIONAL)
    controller = BriefingController(state, win)
    painted = []
    real_render = pages.render_vector
    def render(graphics, p, area):
        if isinstance(graphics.parent(), MapView):  # the map page's map, as it is drawn
            painted.append((graphics.parent(), area, drawn(graphics.parent()), p.device().width()))
        return real_render(graphics, p, area)

    monkeypatch.setattr(pages, "render_vector", render)
    with qtbot.waitSignal(controller.written, timeout=120_000):
        controller.briefing_pack(str(tmp_path / "pack.pdf"))
    wait_for_ops(qtbot, state)
    ((view, area, shown, page_width),) = painted
    lon0, lat0, lon1, lat1 = view.view_bbox()
    sites = state.scenario.sites
    assert all(lon0 < s.lon < lon1 and lat0 < s.lat < lat1 for s in sites)
    assert lon1 - lon0 < 20 and lat1 - lat0 < 14  # Mali's sites, not West Africa (43 x 29 degrees)
    marks = [shown["marks"][s.id].center() for s in sites]
    viewport = shown["viewport"]
    span = (max(m.x() for m in marks) - min(m.x() for m in marks), max(m.y() for m in marks) - min(m.y() for m in marks))
    # the sites fill the map: its height (a page is wider than Mali's sites), half its width at least
    assert span[1] > 0.7 * viewport.height() and span[0] > 0.5 * viewport.width(), span
    assert area.width() > 0.9 * page_width  # the map takes the page's width; its key is inside it
    assert view.legend.isVisible() and not view.legend.folded
    assert problems(shown) == []
    bamako, mopti = shown["names"]["bamako"].box, shown["names"]["mopti"].box
    assert not bamako.intersects(mopti)
    assert QPointF(0, 0) != bamako.center()
    state.shutdown()


def test_the_first_page_shows_every_site_and_the_incidents_at_a_glance(qapp, db, tmp_path):
    """Page 1 was two-thirds empty: under the key figures, every site with its status; beside them, the pack's
    incidents counted by type."""
    add_incidents(db, 3)
    out = tmp_path / "brief.pdf"
    write_briefing(gather(db, DAY, "en", "UN RESTRICTED"), out)
    first = pages_text(out)[0]
    assert "Sites on 15 August 2023" in first
    for text in ("Ber handed over since 12 Aug 2023", "Goundam closing since 15 Jul 2023", "Bamako open"):
        assert text in first
    assert "Incidents of the last 28 days 4 in all Attack on convoy 4" in first


def test_updates_since_lists_the_records_of_the_last_days(qapp, tmp_path, capsys):
    db_path = tmp_path / "x.sqlite"
    for argv in (("goundam", "handover", "--date", "2023-09-05", "--source", "radio Goundam", "--reliability", "B2"),
                 ("menaka", "handover-planned", "--date", "2023-09-20", "--note", "road cut"),
                 ("bamako", "repatriated", "--date", "2023-08-01", "--value", "700", "--category", "military")):
        assert main.main(["--db", str(db_path), "site", "record", *argv]) == 0
    out = tmp_path / "brief.pdf"
    code = main.main(["--db", str(db_path), "briefing", "--date", "2023-09-10", "--days", "14", "--out", str(out)])
    assert code == 0, capsys.readouterr().err
    texts = pages_text(out)
    assert "Updates since 28 August 2023" in texts[0]  # in the contents
    page = page_with(texts, "Updates recorded at the sites from 28 August 2023 to 10 September 2023")
    assert "5 Sept 2023 Goundam Handover confirmed B2" in page or "5 Sep 2023 Goundam Handover confirmed B2" in page
    assert "Ménaka" not in page  # dated after the pack's date
    assert "Bamako" not in page  # dated before its days
    assert "radio Goundam" not in page and "road cut" not in page  # sources and notes are sensitive
    status_page = page_with(texts, "Site status on 10 September 2023")
    assert "Goundam handed over 5 September 2023" in status_page
