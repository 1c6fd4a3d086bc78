"""What each page of the briefing pack shows. `Pack.layout()` splits the tables over pages first,
so the page count is known before anything is painted; each page is then one call."""
from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from functools import partial

from PySide6.QtCore import QCoreApplication, QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from app.briefing.map_image import SCREEN_DPI, build_map, build_timeline, render_legend, render_vector
from app.briefing.pdf import GREY, INK, MARK, RULE, Cell, Series, Sheet, Table, draw_symbol, hatch, week_chart
from app.briefing.routes import route_section
from app.i18n import locale_for
from app.site_records import recorded_by, what
from db.incidents import taxonomy
from db.vocab import INCIDENT_STATUS_LABELS, SITE_STATUS_LABELS, SITE_STATUSES, TRANSFER_STATUS_LABELS
from widgets.status_style import STATUS_COLORS, STATUS_SYMBOLS

translate = QCoreApplication.translate

LEGEND_WIDTH = 190  # points
UNKNOWN = "#999999"  # incident types missing from the taxonomy
MAX_TEXT = 400  # characters of an incident's description: a row never outgrows a page


def type_styles(lang: str) -> dict[str, tuple[str, str, int]]:
    """type id -> (label, colour, hatching), in taxonomy order: types of one group differ by hatching."""
    out, seen = {}, {}
    for t in taxonomy.load().types:
        seen[t.group] = seen.get(t.group, -1) + 1
        out[t.id] = (t.label.get(lang), t.color, seen[t.group] % 4)
    return out


def continued(title: str) -> str:
    return translate("Briefing", "{0} (continued)").format(title)


class Pack:
    def __init__(self, sheet: Sheet, painter: QPainter, data, lang: str):
        self.sheet, self.p, self.data, self.lang = sheet, painter, data, lang
        self.scenario, self.day = data.map.scenario, data.map.day
        self.locale: QLocale = locale_for(lang)
        self.styles = type_styles(lang)
        self.contents: list[tuple[str, int]] = []  # section title, first page
        self.pages: list = []

    def long(self, day: date) -> str:
        return self.locale.toString(day, "d MMMM yyyy")

    def add(self, entry: str, pages: list) -> None:
        """A section: its line in the contents, its pages."""
        self.contents.append((entry, len(self.pages) + 1))
        self.pages.extend(pages)

    def layout(self) -> list:
        self.add(translate("Briefing", "Situation and key figures"), [self.cover])
        self.add(translate("Briefing", "Map"), [self.map_page])
        self.add(translate("Briefing", "Timeline"), [self.timeline_page])
        self.table_section(translate("Briefing", "Site status"),
                           translate("Briefing", "Site status on {0}").format(self.long(self.day)), self.status_table())
        since = self.day - timedelta(days=self.data.days - 1)
        self.table_section(translate("Briefing", "Updates since {0}").format(self.long(since)),
                           translate("Briefing", "Updates recorded at the sites from {0} to {1}").format(
                               self.long(since), self.long(self.day)), self.updates_table())
        self.incident_section()
        for brief in self.data.routes:
            route_section(self, brief)
        self.table_section(translate("Briefing", "Transfer of tasks"), translate("Briefing", "Transfer of tasks"),
                           self.task_table())
        return self.pages

    def frame(self, number: int, total: int) -> None:
        d = self.data
        generated = self.locale.toString(d.generated.date(), "d MMMM yyyy") + d.generated.strftime(" %H:%M UTC")
        self.sheet.frame(self.p, self.scenario.mission.name.get(self.lang), d.marking,
                         translate("Briefing", "Situation on {0}").format(self.long(self.day)),
                         translate("Briefing", "Generated {0}").format(generated), number, total)

    # -------------------------------------------------------------- tables

    def table_section(self, entry: str, title: str, table: Table) -> None:
        room = self.sheet.body.bottom() - self.sheet.content_top
        self.add(entry, [partial(self.table_page, title if i == 0 else continued(title), table, rows)
                         for i, rows in enumerate(table.split(self.p, room, room))])

    def table_page(self, title: str, table: Table, rows: range) -> None:
        table.paint(self.p, self.sheet.heading(self.p, title), rows)

    def status_table(self) -> Table:
        rows = []
        for st in self.data.map.situation.statuses:
            since = self.long(st.since) if st.since else "—"
            late = st.overdue and st.planned_end is not None
            if late:
                since += "\n" + translate("Briefing", "overdue by {0} days").format((self.day - st.planned_end).days)
            rows.append([
                Cell(self.scenario.site(st.site_id).name.get(self.lang), bold=late),
                Cell(translate("Status", SITE_STATUS_LABELS[st.status]), STATUS_COLORS[st.status],
                     STATUS_SYMBOLS[st.status], bold=late),
                Cell(since, bold=late, ink=MARK.name() if late else ""),
                Cell(st.reason(self.lang, translate, self.long))])
        return Table(self.sheet, [translate("Briefing", "Site"), translate("Briefing", "Status"),
                                  translate("Briefing", "Since"), translate("Briefing", "Reason")],
                     [1.3, 1.7, 1.6, 6], rows, 9)

    def updates_table(self) -> Table:
        """The site records of the last days, newest first; sources and notes stay out (they are sensitive)."""
        rows = [[Cell(self.locale.toString(r.date, "d MMM yyyy")),
                 Cell(self.scenario.site(r.site_id).name.get(self.lang) if r.site_id in self.sites() else r.site_id,
                      bold=True),
                 Cell(what(r, self.locale)), Cell(r.reliability or "—"), Cell(recorded_by(r))]
                for r in self.data.updates]
        if not rows:
            rows = [[Cell(translate("Briefing", "No update recorded in these days.")), Cell(""), Cell(""), Cell(""),
                     Cell("")]]
        return Table(self.sheet, [translate("Briefing", "Date"), translate("Briefing", "Site"),
                                  translate("Briefing", "Update"), translate("Briefing", "Reliability"),
                                  translate("Briefing", "Recorded by")], [1.4, 1.4, 4, 1, 2], rows, 9)

    def sites(self) -> set[str]:
        return {s.id for s in self.scenario.sites}

    def task_table(self) -> Table:
        def money(value) -> str:
            return translate("Briefing", "USD {0} million").format(self.locale.toString(value / 1e6, "f", 1))

        rows = []
        for t in self.scenario.task_transfers:
            funds = "\n".join(filter(None, (
                money(t.funding_usd) if t.funding_usd else "",
                translate("Briefing", "gap: {0}").format(money(t.gap_usd)) if t.gap_usd else "")))
            state = translate("TaskStatus", TRANSFER_STATUS_LABELS.get(t.status, t.status))
            rows.append([Cell(t.task.get(self.lang), bold=True), Cell(t.to.get(self.lang)),
                         Cell(state, bold=t.status in ("gap", "funding-needed"),
                              ink=MARK.name() if t.status in ("gap", "funding-needed") else ""),
                         Cell(funds or "—"), Cell(t.gap.get(self.lang) or "—")])
        return Table(self.sheet, [translate("Briefing", "Mandated task"), translate("Briefing", "Taken over by"),
                                  translate("Briefing", "State"), translate("Briefing", "Funding"),
                                  translate("Briefing", "Expected gaps")], [2.2, 2.6, 1.1, 1.5, 3.4], rows, 9)

    # -------------------------------------------------------------- cover

    def cover(self) -> None:
        s, p, d = self.sheet, self.p, self.data
        body = s.body
        left = QRectF(body.left(), body.top() + s.pt(6), body.width() * 0.62, body.height())
        p.setPen(QPen(MARK, s.pt(1.5)))
        banner = QRectF(body.left(), body.top(), body.width(), s.pt(26))
        p.drawRect(banner)
        s.text(p, banner, d.marking, 14, True, MARK, int(Qt.AlignmentFlag.AlignCenter))
        y = banner.bottom() + s.pt(20)
        for text, size, bold, color in (
                (translate("Briefing", "Briefing pack"), 12, True, GREY),
                (self.scenario.mission.name.get(self.lang), 22, True, QColor("#1a1a1a")),
                (translate("Briefing", "Situation on {0}").format(self.long(self.day)), 18, False, QColor("#1a1a1a"))):
            y = s.text(p, QRectF(left.left(), y, left.width(), s.pt(80)), text, size, bold, color).bottom() + s.pt(6)
        for phase in (x for x in self.scenario.phases if x.start <= self.day <= x.end):
            text = translate("Briefing", "{0}, {1} to {2}: {3}").format(
                phase.name.get(self.lang), self.long(phase.start), self.long(phase.end), phase.description.get(self.lang))
            y = s.text(p, QRectF(left.left(), y + s.pt(4), left.width(), s.pt(120)), text, 10).bottom() + s.pt(4)
        figures_end = self.key_figures(QRectF(left.left(), y + s.pt(14), left.width(), s.pt(120)))
        right = QRectF(body.left() + body.width() * 0.68, banner.bottom() + s.pt(20), body.width() * 0.32, body.height())
        y = s.text(p, right, translate("Briefing", "Contents"), 12, True).bottom() + s.pt(8)
        for title, page in self.contents:
            row = QRectF(right.left(), y, right.width(), s.pt(16))
            s.text(p, row, title, 10, flags=int(Qt.AlignmentFlag.AlignLeft))
            s.text(p, row, str(page), 10, flags=int(Qt.AlignmentFlag.AlignRight))
            y += s.pt(18)
        counts_end = self.incident_counts(QRectF(right.left(), y + s.pt(18), right.width(), s.pt(200)))
        y = max(figures_end, counts_end) + s.pt(14)
        self.site_list(QRectF(body.left(), y, body.width(), body.bottom() - y))  # across the page

    def site_list(self, rect: QRectF) -> None:
        """Every site at a glance: its status mark, name, status and since when, in two columns."""
        s, p = self.sheet, self.p
        y = s.text(p, QRectF(rect.left(), rect.top(), rect.width(), s.pt(16)),
                   translate("Briefing", "Sites on {0}").format(self.long(self.day)), 11, True).bottom() + s.pt(6)
        statuses = self.data.map.situation.statuses
        half = (len(statuses) + 1) // 2
        width, step = rect.width() / 2, s.pt(17)
        for n, st in enumerate(statuses):
            x, top = rect.left() + (n // half) * width, y + (n % half) * step
            draw_symbol(p, QPointF(x + s.pt(6), top + s.pt(7)), s.pt(9), STATUS_SYMBOLS[st.status],
                        STATUS_COLORS[st.status])
            name = self.scenario.site(st.site_id).name.get(self.lang)
            s.text(p, QRectF(x + s.pt(16), top, width * 0.3, step), name, 9.5, st.overdue, MARK if st.overdue else INK)
            since = translate("Briefing", "since {0}").format(self.locale.toString(st.since, "d MMM yyyy")) \
                if st.since else ""
            s.text(p, QRectF(x + s.pt(16) + width * 0.3, top, width * 0.66, step),
                   " ".join(filter(None, (translate("Status", SITE_STATUS_LABELS[st.status]), since))), 9,
                   color=GREY)

    def incident_counts(self, rect: QRectF) -> float:
        """The pack's incidents at a glance: how many, and how many of each type, in its colour; returns where
        they end."""
        s, p, summary = self.sheet, self.p, self.data.summary
        y = s.text(p, QRectF(rect.left(), rect.top(), rect.width(), s.pt(32)),
                   translate("Briefing", "Incidents of the last {0} days").format(self.data.days), 11, True
                   ).bottom() + s.pt(4)
        if not summary.total:
            return s.text(p, QRectF(rect.left(), y, rect.width(), s.pt(16)),
                          translate("Briefing", "No incidents recorded in these days."), 9.5, color=GREY).bottom()
        y = s.text(p, QRectF(rect.left(), y, rect.width(), s.pt(16)), translate("Briefing", "{0} in all").format(
            self.locale.toString(summary.total)), 9.5).bottom() + s.pt(4)
        for kind, n in summary.by_type[:8]:
            label, color, style = self.styles.get(kind, (kind, UNKNOWN, 0))
            hatch(p, QRectF(rect.left(), y + s.pt(3), s.pt(10), s.pt(9)), color, style, s.pt(3))
            row = QRectF(rect.left() + s.pt(16), y, rect.width() - s.pt(16), s.pt(15))
            s.text(p, row, label, 9, flags=int(Qt.AlignmentFlag.AlignLeft))
            s.text(p, row, self.locale.toString(n), 9, flags=int(Qt.AlignmentFlag.AlignRight))
            y += s.pt(15)
        return y

    def key_figures(self, rect: QRectF) -> float:
        """The key figures in boxes, the sites counted by status, the overdue closures; returns where they end."""
        s, p, f = self.sheet, self.p, self.data.figures
        m = self.scenario.mission
        repatriated = (self.locale.toString(f.repatriated), translate("Briefing", "personnel repatriated, military and "
                       "police (as of {0})").format(self.long(f.repatriated_as_of))) if f.repatriated is not None \
            else ("—", translate("Briefing", "personnel repatriated: no figure yet"))
        boxes = [(self.locale.toString(f.days_to_deadline),
                  translate("Briefing", "days to the withdrawal deadline ({0})").format(self.long(m.deadline))),
                 (translate("Briefing", "{0} of {1}").format(f.sites_closed, f.sites_total),
                  translate("Briefing", "camps and bases handed over")),
                 repatriated]
        width = (rect.width() - 2 * s.pt(10)) / 3
        for i, (value, caption) in enumerate(boxes):
            box = QRectF(rect.left() + i * (width + s.pt(10)), rect.top(), width, s.pt(86))
            p.fillRect(box, QColor("#eef0f2"))
            inner = box.adjusted(s.pt(8), s.pt(6), -s.pt(8), -s.pt(6))
            used = s.text(p, inner, value, 24, True)
            s.text(p, QRectF(inner.left(), used.bottom() + s.pt(2), inner.width(), inner.bottom() - used.bottom()),
                   caption, 8.5, color=GREY)
        y = rect.top() + s.pt(100)
        counts = Counter(st.status for st in self.data.map.situation.statuses)
        x = s.text(p, QRectF(rect.left(), y, rect.width(), s.pt(16)), translate("Briefing", "Sites:"), 10, True).right()
        for word in (w for w in SITE_STATUSES if counts[w]):
            draw_symbol(p, QPointF(x + s.pt(12), y + s.pt(8)), s.pt(10), STATUS_SYMBOLS[word], STATUS_COLORS[word])
            x = s.text(p, QRectF(x + s.pt(20), y, rect.width(), s.pt(16)), "{0} {1}".format(
                translate("Status", SITE_STATUS_LABELS[word]), counts[word]), 10).right()
        names = [self.scenario.site(x).name.get(self.lang) for x in f.overdue]
        text = translate("Briefing", "Overdue closures (window ended, no confirmed handover): {0}").format(
            ", ".join(names)) if names else translate("Briefing", "No overdue closures.")
        return s.text(p, QRectF(rect.left(), y + s.pt(24), rect.width(), s.pt(40)), text, 10, bool(names),
                      MARK if names else GREY).bottom()

    # -------------------------------------------------------------- map and timeline

    def screen_size(self, rect: QRectF) -> QSize:
        """The widget size whose screen pixels map onto rect at screen scale."""
        k = SCREEN_DPI / self.sheet.dpi
        return QSize(round(rect.width() * k), round(rect.height() * k))

    def map_page(self) -> None:
        s, p, d = self.sheet, self.p, self.data
        top = s.heading(p, translate("Briefing", "Situation map on {0}").format(self.long(self.day)))
        caption_h = s.pt(30)
        area = QRectF(s.body.left(), top, s.body.width(), s.body.bottom() - top - caption_h)  # the whole page
        view = self.page_map(area)
        if view.legend.folded:  # no corner of the map is clear of the sites for the key: beside the map instead
            view.deleteLater()
            legend_w = s.pt(LEGEND_WIDTH)
            area.setRight(area.right() - legend_w - s.pt(10))
            view = self.page_map(area)
            view.legend.setVisible(False)
            render_legend(view, p, QRectF(area.right() + s.pt(10), top, legend_w, area.height()))
        try:
            render_vector(view.graphics, p, area)
        finally:
            view.deleteLater()
        p.setPen(QPen(RULE, s.pt(0.5)))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(area)
        window = translate("Briefing", "Incidents of the last {0} days are shown.").format(d.days)
        s.text(p, QRectF(area.left(), area.bottom() + s.pt(4), s.body.width(), caption_h),
               window + "\n" + "   ·   ".join(d.attributions), 8, color=GREY)

    def page_map(self, area: QRectF):
        """The map of the pack for `area`: framed on the situation, its key in a corner clear of every site (as on
        screen, without its title row), the attribution left to the caption. The caller deletes it."""
        view = build_map(self.data.map, self.screen_size(area))
        view.attribution.setVisible(False)
        view.legend.set_title_shown(False)
        view.set_legend_collapsed(False)
        return view

    def timeline_page(self) -> None:
        s, p = self.sheet, self.p
        top = s.heading(p, translate("Briefing", "Timeline on {0}").format(self.long(self.day)))
        area = QRectF(s.body.left(), top, s.body.width(), s.body.bottom() - top - s.pt(8))
        view = build_timeline(self.data.map, self.screen_size(area))
        try:
            render_vector(view.plot, p, area)
        finally:
            view.deleteLater()

    # -------------------------------------------------------------- incidents

    def incident_section(self) -> None:
        d, s = self.data, self.sheet
        start = self.day - timedelta(days=d.days - 1)
        title = translate("Briefing", "Incidents of the last {0} days ({1} to {2})").format(
            d.days, self.long(start), self.long(self.day))
        chart_h = s.body.height() * 0.45
        table = self.incident_table()
        below = s.content_top + s.pt(18) + chart_h + s.pt(26)
        chunks = table.split(self.p, s.body.bottom() - below, s.body.bottom() - s.content_top) if d.incidents else []
        first = partial(self.incident_chart, title, chart_h, table, chunks[0] if chunks else range(0))
        self.add(translate("Briefing", "Incidents"), [first] + [partial(self.table_page, continued(title), table, rows) for rows in chunks[1:]])

    def incident_chart(self, title: str, chart_h: float, table: Table, rows: range) -> None:
        s, p, d = self.sheet, self.p, self.data
        top = s.heading(p, title)
        regions = ", ".join(f"{self.region(code)} {self.locale.toString(n)}" for code, n in d.summary.by_region[:6])
        line = translate("Briefing", "Incidents: {0}; by region: {1}").format(self.locale.toString(d.summary.total),
                                                                            regions) if d.summary.total else \
            translate("Briefing", "No incidents recorded in these days.")
        s.text(p, QRectF(s.body.left(), top, s.body.width(), s.pt(16)), line, 10)
        chart = QRectF(s.body.left(), top + s.pt(18), s.body.width(), chart_h)
        weeks = self.weeks()
        week_chart(p, s, chart, weeks, self.series(weeks), lambda w: translate("Briefing", "week of {0}").format(
            self.locale.toString(w, "d MMM")))
        y = chart.bottom() + s.pt(6)
        if d.summary.total > len(d.incidents):
            s.text(p, QRectF(s.body.left(), y, s.body.width(), s.pt(16)), translate(
                "Briefing", "The table lists the {0} most recent of {1} incidents.").format(
                len(d.incidents), self.locale.toString(d.summary.total)), 9, color=GREY)
        if rows:
            table.paint(p, y + s.pt(20), rows)

    def weeks(self) -> list[date]:
        first = self.day - timedelta(days=self.data.days - 1)
        monday = first - timedelta(days=first.weekday())
        return [monday + timedelta(weeks=i) for i in range((self.day - monday).days // 7 + 1)]

    def series(self, weeks: list[date]) -> list[Series]:
        counts: dict[str, list[int]] = {}
        for week, kind, n in self.data.weekly:
            if week in weeks:
                counts.setdefault(kind, [0] * len(weeks))[weeks.index(week)] += n
        order = list(self.styles) + sorted(set(counts) - set(self.styles))
        return [Series(*self.styles.get(k, (k, UNKNOWN, 0)), tuple(counts[k])) for k in order if k in counts]

    def region(self, code: str) -> str:
        name = self.data.regions.get(code)
        return name.get(self.lang) if name else (code or "—")

    def incident_table(self) -> Table:
        sites = {x.id: x.name.get(self.lang) for x in self.scenario.sites}
        rows = []
        for r in self.data.incidents:
            label, color, style = self.styles.get(r.type, (r.type, UNKNOWN, 0))
            site = sites.get(r.site_id, "—")
            rows.append([Cell(self.locale.toString(r.occurred_on, "d MMM yyyy")), Cell(label, color, hatch=style),
                         Cell(self.region(r.region)), Cell(site), Cell(str(r.killed)), Cell(str(r.injured)),
                         Cell(INCIDENT_STATUS_LABELS[r.status].get(self.lang) if r.status in INCIDENT_STATUS_LABELS
                              else r.status),
                         Cell(r.description if len(r.description) <= MAX_TEXT else r.description[:MAX_TEXT] + "…")])
        return Table(self.sheet, [translate("Briefing", "Date"), translate("Briefing", "Type"),
                                  translate("Briefing", "Region"), translate("Briefing", "Site"),
                                  translate("Briefing", "Killed"), translate("Briefing", "Injured"),
                                  translate("Briefing", "Status"), translate("Briefing", "Description")],
                     [1.1, 1.8, 1.1, 1.1, 0.6, 0.7, 0.9, 5.5], rows, 8)
