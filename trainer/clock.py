"""The one clock: aware UTC times everywhere, and how they read on the company's wall clock.

SQLite hands back naive datetimes for values stored as UTC; `as_utc` makes every time read
from the database comparable with `utcnow()`.
"""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo


def utcnow() -> datetime:
    """Timezone-aware now, the only clock the app uses."""
    return datetime.now(timezone.utc)


def as_utc(moment: datetime | None) -> datetime | None:
    """`moment` as an aware UTC time (SQLite hands back naive times that were stored as UTC)."""
    if moment is None:
        return None
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)


def local_time(moment: datetime | None, timezone_name: str, pattern: str = "%Y-%m-%d %H:%M") -> str:
    """`moment` on the wall clock of `timezone_name` (settings.timezone); "" for no time."""
    if moment is None:
        return ""
    return as_utc(moment).astimezone(ZoneInfo(timezone_name)).strftime(pattern)


def clock_time(moment: datetime, timezone_name: str) -> str:
    """HH:MM of `moment` in the company's time zone (settings.timezone)."""
    return local_time(moment, timezone_name, "%H:%M")
