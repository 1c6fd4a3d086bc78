"""Dates on a pyqtgraph x axis: x is UTC seconds (pyqtgraph's DateAxisItem), a day is the cell [midnight,
next midnight) and a date's marker sits at its noon; the axis labels dates in the interface language.
Shared by the timeline and the incident summary's week chart."""
from __future__ import annotations

from datetime import date, datetime, timezone

import numpy as np
import pyqtgraph as pg
from dateutil.relativedelta import relativedelta
from pyqtgraph.graphicsItems.DateAxisItem import (
    DAY_SPACING,
    MONTH_SPACING,
    WEEK_SPACING,
    YEAR_SPACING,
    TickSpec,
    ZoomLevel,
    makeSStepper,
    makeYStepper,
)

EPOCH = date(1970, 1, 1).toordinal()
DAY = float(DAY_SPACING)
MONDAY = 4  # 1970-01-05, day 4 after the epoch, was a Monday
def edge(day: date) -> float:
    """x of the midnight that starts `day`."""
    return (day.toordinal() - EPOCH) * DAY


def x_of(day: date) -> float:
    return edge(day) + DAY / 2


def day_at(x: float) -> date:
    return date.fromordinal(EPOCH + int(np.floor(x / DAY)))


def fmt(locale, day: date) -> str:
    return locale.toString(day, "d MMM yyyy")


def _months(val, n, first):
    """Month starts; the first is the next one whose month number is a multiple of n."""
    if not np.isfinite(val):
        return np.inf
    start = datetime.fromtimestamp(val, timezone.utc).date().replace(day=1)
    step = n - (start.year * 12 + start.month - 1) % n if first else n
    return edge(start + relativedelta(months=step))


def _weeks(val, n, first):
    if not np.isfinite(val):
        return np.inf
    if not first:
        return val + n * WEEK_SPACING
    days = np.ceil(val / DAY)
    return (days + (MONDAY - days) % 7) * DAY


class DateAxis(pg.DateAxisItem):
    """UTC dates labelled in the interface language: years and months, months and weeks, months and days."""

    def __init__(self, locale, **kwargs):
        super().__init__("bottom", utcOffset=0, **kwargs)
        self.locale = locale
        month_year = TickSpec(MONTH_SPACING, _months, "month-year")
        self.zoomLevels = {
            np.inf: ZoomLevel([TickSpec(YEAR_SPACING, makeYStepper(1), "year", autoSkip=[1, 2, 5]),
                               TickSpec(MONTH_SPACING, _months, "month", autoSkip=[1, 3, 6])], "YYYY"),
            30 * DAY: ZoomLevel([month_year, TickSpec(WEEK_SPACING, _weeks, "day")], "MMM YYYY"),
            1.5 * DAY: ZoomLevel([month_year, TickSpec(DAY_SPACING, makeSStepper(DAY_SPACING), "day",
                                                       autoSkip=[1, 2])], "MMM YYYY"),
        }

    def tickValues(self, minVal, maxVal, size):
        """pyqtgraph's ticks, less those that would print over a coarser tick's label."""
        levels, taken = [], np.array([])
        for spacing, ticks in super().tickValues(minVal, maxVal, size):
            ticks = np.array(ticks)
            keep = ~np.any(np.abs(ticks[:, None] - taken[None, :]) < self.minSpacing, axis=1)
            levels.append((spacing, ticks[keep].tolist()))
            taken = np.concatenate([taken, ticks[keep]])
        return levels

    def tickStrings(self, values, scale, spacing):
        spec = next(s for s in self.zoomLevel.tickSpecs if s.spacing == spacing)
        days = [date.fromordinal(EPOCH + round(v / DAY)) for v in values]
        if spec.format == "year":
            return [str(d.year) for d in days]
        if spec.format == "month":
            return [self.locale.toString(d, "MMM") for d in days]
        if spec.format == "month-year":
            return [self.locale.toString(d, "MMM yyyy") for d in days]
        return [self.locale.toString(d, "d MMM") for d in days]


