"""Durations read as minutes and hours."""

from __future__ import annotations

import pytest

from trainer.insights.durations import readable_duration


@pytest.mark.parametrize("seconds, zh, en", [
    (0, "0 分钟", "0 min"), (20, "不到 1 分钟", "under 1 min"), (42, "1 分钟", "1 min"),
    (750, "13 分钟", "13 min"), (3600, "1 小时", "1 h"), (3900, "1 小时 5 分钟", "1 h 5 min"),
])
def test_readable_duration(seconds: float, zh: str, en: str) -> None:
    assert readable_duration(seconds) == (zh, en)
