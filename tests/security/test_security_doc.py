"""docs/security.md states the limits the code enforces, and every new setting is documented."""

from __future__ import annotations

from kb.text import MAX_TYPED_CHARS
from kb.yaml_source import MAX_DEPTH, MAX_YAML_CHARS
from settings import SETTINGS
from tests.security.conftest import ROOT
from trainer.dialogue.session import MAX_REPLY_CHARS
from trainer.editing.spreadsheet import MAX_IMPORT_ROWS, MAX_UPLOAD_BYTES
from ui.limits import TEXT_CHARS, UPLOAD_MB
from ui.session_cookie import MAX_BODY

DOC = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")


def test_the_documented_limits_are_the_enforced_ones():
    for value in (MAX_TYPED_CHARS, MAX_REPLY_CHARS, TEXT_CHARS, MAX_YAML_CHARS, MAX_IMPORT_ROWS, MAX_BODY):
        assert f"{value:,}" in DOC, value
    assert f"{MAX_DEPTH} levels" in DOC
    assert f"{UPLOAD_MB} MB" in DOC and MAX_UPLOAD_BYTES == UPLOAD_MB * 2**20


def test_the_doc_has_a_threat_model_limits_and_how_to_report():
    for heading in ("## Threat model", "## Limits", "## Reporting a problem"):
        assert heading in DOC


def test_every_security_setting_is_in_the_settings_table_and_the_doc():
    names = {s.variable for s in SETTINGS}
    for variable in ("AGENT_TRAINER_MAX_LOGIN_FAILURES", "AGENT_TRAINER_LOCKOUT_MINUTES", "AGENT_TRAINER_SESSION_HOURS",
                     "AGENT_TRAINER_ADMIN_MAX_LOGIN_FAILURES", "AGENT_TRAINER_ADDRESS_MAX_FAILURES"):
        assert variable in names and variable in DOC, variable
