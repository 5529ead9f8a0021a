"""The secret key: generated once, private, stable; a configured one is used as given."""

from __future__ import annotations

import os
import stat

import pytest

from settings import Settings
from trainer.users import tokens as auth

@pytest.fixture
def auth_settings(tmp_path) -> Settings:
    return Settings.from_env({}).with_overrides(data_dir=tmp_path / "data")


def test_generated_secret_is_private_and_stable(auth_settings):
    first = auth.secret_key(auth_settings)
    path = auth_settings.data_dir / auth.SECRET_FILE
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert auth.secret_key(auth_settings) == first and len(first) >= 64


def test_configured_secret_is_used_and_no_file_written(tmp_path):
    configured = Settings.from_env({"AGENT_TRAINER_SECRET_KEY": "s3cret", "AGENT_TRAINER_DATA_DIR": str(tmp_path)})
    assert auth.secret_key(configured) == b"s3cret"
    assert not (tmp_path / auth.SECRET_FILE).exists()
