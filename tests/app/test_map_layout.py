"""The map at 1366 x 768 as the window shows it: a compact legend that never covers a site, site names that
never cover another name or a mark, town names clear of both, and, with the 3,314 ACLED incidents of 2017-2020
shown, sites above the incidents and legible."""
from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from app import settings
from app.gui import open_state
from app.main_window import MainWindow
from tests.app.conftest import wait_for_ops, wait_for_points
from widgets.status_style import STATUS_COLORS

DATES = (date(2023, 7, 1), date(2023, 8, 15), date(2023, 12, 20), date(2024, 1, 5))


def drawn(window_or_view) -> dict:
    """What the map shows once painted, in its viewport's pixels: the legend, each site's mark and name
    (placed for this very view), and the boxes of the town, region and country names drawn around them."""
    view = getattr(window_or_view, "map", window_or_view)
    view.graphics.grab()  # painted: names are placed as they are drawn
    viewport = QRectF(view.graphics.viewport().rect())
    screen = view.site_labels.deviceTransform(view.graphics.viewportTransform())
    names = view.site_labels.placements(screen, viewport)
    marks = {}
    for site, half in zip(view.sites, view._mark_halves()):
        at = screen.map(QPointF(site.lon, site.lat))
        marks[site.id] = QRectF(at.x() - half, at.y() - half, 2 * half, 2 * half)
    legend = QRectF(view.graphics.mapFromScene(view.legend.sceneBoundingRect()).boundingRect())
    taken, others = [QRectF(b) for b in view.site_labels.boxes(screen, viewport)], []
    image = QImage(int(viewport.width()), int(viewport.height()), QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)  # the basemap's names, placed as the basemap places them
    for labeller in (view.country_labels, view.region_labels, view.place_labels):
        before = len(taken)
        labeller.draw(painter, screen, True, taken)
        others += taken[before:len(taken) - labeller.avoid.shape[1]]  # its names (then the points it avoids)
    painter.end()
    return dict(viewport=viewport, names={view.sites[p.index].id: p for p in names}, marks=marks, legend=legend,
                legend_shown=view.legend.isVisible(), others=others)


def problems(shown: dict) -> list[str]:
    out = []
    names, marks, legend = shown["names"], shown["marks"], shown["legend"]
    for site, mark in marks.items():
        if shown["legend_shown"] and shown["viewport"].contains(mark.center()) and legend.intersects(mark):
            out.append(f"the legend covers {site}'s mark")
    for site, p in names.items():
        if p.crowded:
            out.append(f"{site}'s name found no clear place")
        if not shown["viewport"].contains(p.box):
            out.append(f"{site}'s name is cut at the map's edge")
        if shown["legend_shown"] and legend.intersects(p.box):
            out.append(f"the legend covers {site}'s name")
        out += [f"{site}'s name covers {other}'s name" for other, q in names.items()
                if other < site and p.box.intersects(q.box)]
        out += [f"{site}'s name covers {other}'s mark" for other, mark in marks.items()
                if other != site and p.box.intersects(mark)]
        if p.leader is not None:
            out += [f"{site}'s leader line crosses {other}'s mark" for other, mark in marks.items()
                    if other != site and mark.contains(p.leader.p2())]
    boxes = [p.box for p in names.values()] + list(marks.values())
    out += [f"a town, region or country name covers a site's name or mark at {o.getRect()}"
            for o in shown["others"] if any(o.intersects(b) for b in boxes)]
    return out


@pytest.fixture
def window_at(qtbot, db):
    """The window at 1366 x 768 in a language, its incidents drawn; closed after the test."""
    from app import i18n

    made = []

    def make(lang: str, database=db) -> MainWindow:
        i18n.install(lang)
        w = MainWindow(open_state(database.path, lang, database=database))
        qtbot.addWidget(w)
        w.resize(1366, 768)
        w.show()
        qtbot.waitExposed(w)
        wait_for_points(qtbot, w.state)
        made.append(w)
        return w

    yield make
    for w in made:
        wait_for_ops(qtbot, w.state)
        w.state.shutdown()
    i18n.install("en")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_legend_and_names_never_cover_a_site_or_each_other(qtbot, window_at, lang, translations):
    """At first start the legend covered a third of the map, Bamako and Mopti's name; names collided
    (Timbuktu, Ber and Goundam; Ogossagou under Mopti; "Douentza" and "Ansongo" read as one name)."""
    window = window_at(lang)
    view = window.map
    assert view.width() < 1000 and view.height() < 420  # the map as a 1366 x 768 laptop shows it
    for action in ("zoom_mali", "zoom_regional"):
        window.map_controller.actions[action].trigger()
        for day in DATES:
            window.state.cursor.set_date(day)
            window.state.select(*(("site", "gao") if day.month == 8 else ("", "")))
            qtbot.waitUntil(lambda: window.state.situation.day == day)
            shown = drawn(window)
            assert problems(shown) == [], (action, day)
            assert len(shown["names"]) == len(view.sites)  # every site named
    legend = drawn(window)["legend"]
    assert legend.width() < 0.35 * view.width() and legend.height() < 0.8 * view.height()  # compact


def test_the_legend_folds_with_a_click_and_is_remembered(qtbot, window_at):
    window = window_at("en")
    view = window.map
    legend = view.legend
    open_size = legend.size()
    title = view.graphics.mapFromScene(legend.mapToScene(QPointF(20, 8)))
    qtbot.mouseClick(view.graphics.viewport(), Qt.MouseButton.LeftButton, pos=title)
    assert legend.folded and legend.size()[1] < open_size[1] / 3 and settings.get("map/legend_collapsed")
    assert problems(drawn(window)) == []
    qtbot.mouseClick(view.graphics.viewport(), Qt.MouseButton.LeftButton, pos=title)
    assert not legend.folded and legend.size() == open_size and not settings.get("map/legend_collapsed")


def test_zoomed_in_on_sites_the_legend_keeps_off_them(qtbot, window_at):
    """Where no corner is clear of sites for the whole legend, it is drawn smaller, or folded to its title."""
    window = window_at("en")
    window.map.zoom_to((-3.5, 14.0, 1.5, 17.5))  # Timbuktu to Ménaka, Mopti to Ansongo: sites all over
    window.state.cursor.set_date(date(2023, 8, 15))
    shown = drawn(window)
    assert problems(shown) == []


def test_with_the_acled_incidents_of_2017_to_2020_sites_stay_above_and_legible(qtbot, window_at, shared_real,
                                                                                 tmp_path):
    """"Incidents of the last: all" with 3,314 ACLED incidents: the camps drowned in dots. Sites draw above the
    incidents, each mark on a white margin, each name on a white plate; none is covered."""
    from db import open_database
    from db.exchange import imports

    database = open_database(tmp_path / "acled.sqlite")
    plan = imports.check_file(database, shared_real / "acled_mali_2017-2020_monadic.csv", "acled", "test")
    assert imports.write_import(database, plan, "test").created == 3314
    settings.put("map/incident_days", 0)  # all of them, up to the date
    window = window_at("en", database)
    view = window.map
    window.state.cursor.set_date(date(2023, 8, 15))
    assert len(view.visible_incident_ids()) == 3314 + 1
    incidents_z = view.incidents.item.zValue()
    assert all(item.zValue() > incidents_z for item in (view.site_halos, view.site_frames, view.site_marks,
                                                        view.site_labels))
    assert view.site_labels.plates
    shown = drawn(window)
    assert problems(shown) == []
    image = view.graphics.grab().toImage()
    for site in view.sites:  # the status mark's own colour at its centre: no incident over it
        at = shown["marks"][site.id].center()
        if view.legend.isVisible() and shown["legend"].contains(at):
            continue
        colour = QColor(image.pixel(round(at.x()), round(at.y())))
        expected = QColor(STATUS_COLORS[view.site_status(site.id)])
        assert max(abs(colour.red() - expected.red()), abs(colour.green() - expected.green()),
                   abs(colour.blue() - expected.blue())) < 40, site.id
    for site, placed in shown["names"].items():  # a name's box: white plate and black text, no coloured dots
        box = placed.box.adjusted(1, 1, -1, -1).toAlignedRect()
        pixels = np.array([[QColor(image.pixel(x, y)).getRgb()[:3] for x in range(box.left(), box.right())]
                           for y in range(box.top(), box.bottom())], float).reshape(-1, 3)
        coloured = (pixels.max(axis=1) - pixels.min(axis=1)) > 60  # an incident's orange, pink, green...
        assert coloured.mean() < 0.02, (site, coloured.mean())
    database.close()
