"""Training time as people say it (12 分钟, 1 小时 5 分钟), never as 0.7."""

from __future__ import annotations


def readable_duration(seconds: float) -> tuple[str, str]:
    """(Chinese, English) text of a duration, rounded to whole minutes; under a minute says so."""
    minutes = int(max(seconds, 0) / 60 + 0.5)  # half up: 12.5 minutes reads as 13
    if seconds > 0 and minutes == 0:
        return "不到 1 分钟", "under 1 min"
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{minutes} 分钟", f"{minutes} min"
    if not rest:
        return f"{hours} 小时", f"{hours} h"
    return f"{hours} 小时 {rest} 分钟", f"{hours} h {rest} min"
