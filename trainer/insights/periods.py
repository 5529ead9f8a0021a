"""Local calendar days and weeks in the configured time zone.

Everything is stored in UTC; agents and instructors think in local days (a session at 00:30
Beijing time belongs to that day, not to the UTC day before). Weeks start on Monday.
Aggregates over many rows are summed in SQL between week boundaries computed here as UTC
instants, so the result is exact in any time zone and the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from trainer.clock import as_utc


def local_day(moment: datetime, tz: tzinfo) -> date:
    """The local calendar day of a UTC (or naive-as-UTC) moment."""
    return as_utc(moment).astimezone(tz).date()


def day_start(day: date, tz: tzinfo) -> datetime:
    """Local midnight at the start of `day`, as a UTC instant."""
    return as_utc(datetime.combine(day, time.min, tzinfo=tz))


def week_start(day: date) -> date:
    """The Monday of `day`'s week."""
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class Period:
    """Local days `first` to `last`, both included."""

    first: date
    last: date

    @classmethod
    def ending(cls, last: date, days: int) -> "Period":
        """The `days` local days up to and including `last`."""
        return cls(last - timedelta(days=days - 1), last)

    def bounds(self, tz: tzinfo) -> tuple[datetime, datetime]:
        """[start, end) in UTC."""
        return day_start(self.first, tz), day_start(self.last + timedelta(days=1), tz)

    def days(self) -> list[date]:
        return [self.first + timedelta(days=n) for n in range((self.last - self.first).days + 1)]

    def weeks(self) -> list[date]:
        """The Mondays of the weeks the period touches, oldest first."""
        monday, weeks = week_start(self.first), []
        while monday <= self.last:
            weeks.append(monday)
            monday += timedelta(days=7)
        return weeks


def week_bounds(monday: date, tz: tzinfo) -> tuple[datetime, datetime]:
    """[start, end) in UTC of the local week beginning on `monday`."""
    return day_start(monday, tz), day_start(monday + timedelta(days=7), tz)
