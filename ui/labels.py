"""Names and times as the progress pages show them, in the UI language and the configured time zone."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from trainer.clock import local_time as clock_local_time
from trainer.dialogue.behaviours import LABELS
from trainer.dialogue.scoring import OUTCOME_NAMES
from trainer.insights.durations import readable_duration
from ui.i18n import tr
from ui.resources import knowledge_base, scenarios, settings


def zone() -> ZoneInfo:
    """The company's time zone (settings.timezone): every day and week is counted in it."""
    return ZoneInfo(settings().timezone)


def local_time(moment: datetime | None, pattern: str = "%Y-%m-%d %H:%M") -> str:
    return clock_local_time(moment, settings().timezone, pattern)


def category_name(category: str) -> str:
    known = knowledge_base().categories().get(category)
    return tr(known.name, known.name_en or known.name) if known else (category or tr("（未分类）", "(none)"))


def scenario_title(scenario_id: str) -> str:
    """The scenario's title; its id when the scenario was removed or cannot be read."""
    found = scenarios()[0].get(scenario_id)
    return tr(found.title, found.title_en or found.title) if found else scenario_id


def outcome_name(outcome: str) -> str:
    return tr(*OUTCOME_NAMES.get(outcome, (outcome, outcome)))


def rubric_name(rubric: str) -> str:
    return tr(*LABELS.get(rubric, (rubric, rubric)))


def duration(seconds: float) -> str:
    return tr(*readable_duration(seconds))
