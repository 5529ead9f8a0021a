"""Settings: one table, checked at start-up with errors that name the variable, documented in full."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import settings as settings_module
from settings import SETTINGS, Settings, SettingsError, settings_table

ROOT = Path(__file__).resolve().parent.parent


def test_defaults_without_any_variable() -> None:
    assert Settings.from_env({}) == Settings()


def test_values_are_parsed_by_type() -> None:
    got = Settings.from_env({"AGENT_TRAINER_QUIZ_SIZE": " 30 ", "AGENT_TRAINER_MIN_RELEVANCE": "0.7",
                             "AGENT_TRAINER_DATA_DIR": "/srv/trainer", "AGENT_TRAINER_EMBEDDING_CACHE_DIR": "/cache",
                             "AGENT_TRAINER_CONTENT_CHECKS": "a:b, c:d", "AGENT_TRAINER_LANGUAGE": "EN"})
    assert (got.quiz_size, got.min_relevance, got.data_dir, got.embedding_cache_dir) == (30, 0.7, Path("/srv/trainer"), Path("/cache"))
    assert got.content_checks == ("a:b", "c:d") and got.language == "en"


def test_a_choice_is_normalised_never_silently_replaced() -> None:
    assert Settings.from_env({"AGENT_TRAINER_AUTH": "OIDC"}).auth == "oidc"
    with pytest.raises(SettingsError, match="AGENT_TRAINER_AUTH='ldap': must be one of local, oidc"):
        Settings.from_env({"AGENT_TRAINER_AUTH": "ldap"})


@pytest.mark.parametrize("variable, value, message", [
    ("AGENT_TRAINER_QUIZ_SIZE", "twenty", "must be a whole number"),
    ("AGENT_TRAINER_QUIZ_SIZE", "0", "must be at least 1"),
    ("AGENT_TRAINER_SESSION_HOURS", "12h", "must be a number"),
    ("AGENT_TRAINER_TIMEZONE", "Beijing", "must be a time zone name"),
])
def test_a_bad_value_is_refused_naming_the_variable(variable: str, value: str, message: str) -> None:
    with pytest.raises(SettingsError, match=re.escape(f"{variable}={value!r}: {message}")):
        Settings.from_env({variable: value})


def test_every_setting_is_in_the_readme_table_and_the_module_docs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert settings_table() in readme, "README's settings table is stale: paste the output of `python -m settings`"
    assert settings_table() in settings_module.__doc__
    for setting in SETTINGS:
        assert f"| `{setting.variable}` |" in readme
