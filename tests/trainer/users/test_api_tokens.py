"""API tokens: created with a name and shown once, stored hashed, last use noted, revoked for good."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from sqlalchemy import select

from trainer.clock import utcnow
from trainer.store.models import ApiToken
from trainer.users.api_tokens import ApiTokenError, create_api_token, list_api_tokens, revoke_api_token, use_api_token
from trainer.users.cli import main


def test_a_created_token_works_and_only_its_hash_is_stored(db):
    info, token = create_api_token(db, "CRM 坐席桌面", "admin")
    assert use_api_token(db, token).id == info.id
    with db.session() as session:
        stored = session.scalar(select(ApiToken))
    assert token not in stored.token_hash and stored.name == "CRM 坐席桌面"


def test_an_unknown_or_mangled_token_is_refused(db):
    _, token = create_api_token(db, "desk")
    assert use_api_token(db, token + "x") is None
    assert use_api_token(db, "") is None
    assert use_api_token(db, "a" * 10_000) is None


def test_last_use_is_noted_at_most_once_a_minute(db):
    info, token = create_api_token(db, "desk")
    assert list_api_tokens(db)[0].last_used_at is None
    start = utcnow()
    use_api_token(db, token, now=start)
    use_api_token(db, token, now=start + timedelta(seconds=20))
    assert list_api_tokens(db)[0].last_used_at == start
    use_api_token(db, token, now=start + timedelta(minutes=2))
    assert list_api_tokens(db)[0].last_used_at == start + timedelta(minutes=2)


def test_a_revoked_token_stops_working_and_stays_listed(db):
    info, token = create_api_token(db, "old desk")
    revoke_api_token(db, info.id)
    assert use_api_token(db, token) is None
    [listed] = list_api_tokens(db)
    assert listed.name == "old desk" and not listed.active


@pytest.mark.parametrize("name", ["", "   ", "x" * 65])
def test_a_token_needs_a_sensible_name(db, name):
    with pytest.raises(ApiTokenError):
        create_api_token(db, name)


def test_revoking_a_missing_token_says_so(db):
    with pytest.raises(ApiTokenError, match="no API token number 9"):
        revoke_api_token(db, 9)


def run(settings, *argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out, settings=settings), out.getvalue()


def test_the_command_line_creates_lists_and_revokes(settings):
    code, printed = run(settings, "token-create", "--name", "CRM 北京", "--by", "ops")
    token = printed.strip().splitlines()[-1]
    assert code == 0 and token.startswith("at_")
    code, listing = run(settings, "token-list")
    assert code == 0 and "CRM 北京" in listing and "active" in listing and token not in listing
    assert run(settings, "token-revoke", "--id", "1")[0] == 0
    assert "revoked" in run(settings, "token-list")[1]
    assert run(settings, "token-revoke", "--id", "7")[0] == 1
