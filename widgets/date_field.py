"""A date box a person can type into without surprise: the date as the interface writes it ("15 Aug 2023",
"15 août 2023", "Sept" or "Sep", with or without the dot), in ISO ("2023-08-15"), day/month/year, or picked on a
calendar; English and French month names whatever the interface language. An entry it cannot read, or a date
outside its range, is refused visibly (a red frame and the reason, the text kept for correcting); Esc puts back
the date shown. Shared by the timeline and the export dialog.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import cache

from PySide6.QtCore import QDate, QLocale, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QSizePolicy, QToolTip

from widgets.field_errors import ERROR_COLOR

FORMAT = "d MMM yyyy"  # how the box writes a date, in the interface language: 15 Aug 2023, 15 août 2023
ERROR_STYLE = f"QLineEdit {{ border: 2px solid {ERROR_COLOR}; }}"
LANGUAGES = (QLocale.Language.English, QLocale.Language.French)

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")  # day first, as in French and British English


def _plain(text: str) -> str:
    """Lower case, without accents: "Déc." and "dec" compare alike."""
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if unicodedata.category(c) != "Mn")


@cache
def _month_names() -> tuple[tuple[int, str], ...]:
    """(month, name) for every long and short month name of English and French, plain, without dots."""
    names = set()
    for language in LANGUAGES:
        locale = QLocale(language)
        for month in range(1, 13):
            for kind in (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat):
                for name in (locale.monthName(month, kind), locale.standaloneMonthName(month, kind)):
                    names.add((month, _plain(name).rstrip(".")))
    return tuple(sorted(names))


def month_of(word: str) -> int | None:
    """The month a word names ("sep", "Sept.", "déc", "juil", "August"), or None when it names none or more
    than one ("ju": June or July)."""
    word = _plain(word).rstrip(".")
    if len(word) < 3:
        return None
    months = {month for month, name in _month_names() if name.startswith(word)}
    return months.pop() if len(months) == 1 else None


def parse_date(text: str, default_year: int | None = None) -> date | None:
    """The date a person typed, or None. Without a year (“20 Dec”), `default_year`."""
    text = text.strip()
    numbers = _ISO.fullmatch(text)
    if numbers:
        year, month, day = map(int, numbers.groups())
    elif numbers := _NUMERIC.fullmatch(text):
        day, month, year = map(int, numbers.groups())
    else:
        tokens = re.findall(r"\d+|[^\W\d_]+\.?", _plain(text).replace("1er", "1"))
        digits = [t for t in tokens if t.isdigit()]
        words = [t for t in tokens if not t.isdigit()]
        if len(words) != 1 or len(digits) not in (1, 2) or len(tokens) != len(words) + len(digits):
            return None
        month = month_of(words[0])
        day = int(digits[0])
        year = int(digits[1]) if len(digits) == 2 else default_year
        if month is None or year is None or len(digits[0]) > 2 or (len(digits) == 2 and len(digits[1]) != 4):
            return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _calendar_icon() -> QIcon:
    """A small calendar drawn here (no icon theme is needed: none ships on a bare Linux)."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setPen(QPen(QColor("#444444"), 1))
    p.setBrush(QColor("white"))
    p.drawRect(QRectF(1.5, 2.5, 13, 12))
    p.fillRect(QRectF(2, 3, 12, 3), QColor("#444444"))
    for row in range(2):
        for col in range(3):
            p.fillRect(QRectF(4 + 3.5 * col, 8 + 3 * row, 2, 2), QColor("#444444"))
    p.end()
    return QIcon(pixmap)


class DateField(QLineEdit):
    """`set_date` shows a date (no signal); `date_entered` carries a date the user typed or picked, in range."""

    date_entered = Signal(object)  # datetime.date

    def __init__(self, parent=None):
        super().__init__(parent)
        self._day: date | None = None
        self._range: tuple[date | None, date | None] = (None, None)
        self.error = ""  # the refusal shown, "" when none
        self._calendar: QCalendarWidget | None = None
        self.calendar_action = self.addAction(_calendar_icon(), QLineEdit.ActionPosition.TrailingPosition)
        self.calendar_action.setToolTip(self.tr("Pick on a calendar"))
        self.calendar_action.triggered.connect(self.show_calendar)
        self.editingFinished.connect(self.commit)
        self.setToolTip(self.hint())
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt)
        """As wide as the longest date it writes ("30 sept. 2023") and its calendar button."""
        return QSize(self.fontMetrics().horizontalAdvance("30 sept. 2023") + 48, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt)
        return self.sizeHint()

    def hint(self) -> str:
        return self.tr("Type a date, e.g. {0} or {1}, or pick it on the calendar").format(
            self._example().isoformat(), self.text_of(self._example()))

    def _example(self) -> date:
        return self._day or date(2023, 8, 15)

    def text_of(self, day: date) -> str:
        return self.locale().toString(QDate(day), FORMAT)

    # ---------------------------------------------------------------- what the program shows

    def set_date(self, day: date) -> None:
        """Show `day` (the entry under way and its refusal are dropped); emits nothing."""
        self._day = day
        self._clear_error()
        self.setText(self.text_of(day))

    def date(self) -> date | None:
        return self._day

    def set_range(self, lo: date | None, hi: date | None) -> None:
        self._range = (lo, hi)

    # ---------------------------------------------------------------- what the user enters

    def commit(self) -> bool:
        """Read the text: a date in range is shown as the box writes it and emitted; anything else is refused,
        visibly. True when the box holds a good date."""
        if self._day is not None and self.text() == self.text_of(self._day):
            self._clear_error()
            return True
        day = parse_date(self.text(), self._example().year)
        lo, hi = self._range
        if day is None:
            self._refuse(self.tr("Not a date: type it as {0} or {1}").format(
                self._example().isoformat(), self.text_of(self._example())))
            return False
        if (lo is not None and day < lo) or (hi is not None and day > hi):
            self._refuse(self.tr("{0} is outside {1} – {2}").format(
                self.text_of(day), self.text_of(lo) if lo else "…", self.text_of(hi) if hi else "…"))
            return False
        self.set_date(day)
        self.date_entered.emit(day)
        return True

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.key() == Qt.Key.Key_Escape and (self.error or self._day and self.text() != self.text_of(self._day)):
            self.set_date(self._day) if self._day else self.clear()
            return
        super().keyPressEvent(event)

    def show_calendar(self) -> None:
        if self._calendar is None:
            self._calendar = QCalendarWidget(self)
            self._calendar.setWindowFlags(Qt.WindowType.Popup)
            self._calendar.setGridVisible(True)
            self._calendar.clicked.connect(self._picked)
            self._calendar.activated.connect(self._picked)
        lo, hi = self._range
        self._calendar.setDateRange(QDate(lo) if lo else QDate(100, 1, 1), QDate(hi) if hi else QDate(9999, 12, 31))
        self._calendar.setSelectedDate(QDate(self._example()))
        self._calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        self._calendar.show()
        self._calendar.setFocus()

    def _picked(self, qdate: QDate) -> None:
        self._calendar.hide()
        self.setText(self.text_of(qdate.toPython()))
        self.commit()

    def _refuse(self, message: str) -> None:
        self.error = message
        self.setStyleSheet(ERROR_STYLE)
        self.setToolTip(message)
        if self.isVisible():
            QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), message, self)

    def _clear_error(self) -> None:
        if self.error:
            self.error = ""
            self.setStyleSheet("")
            QToolTip.hideText()
        self.setToolTip(self.hint())
