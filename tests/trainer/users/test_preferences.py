"""A user's language choice is kept in the store: a reload or another PC finds it again."""

from __future__ import annotations

from sqlalchemy import update

from trainer.store.db import Database
from trainer.store.models import User
from trainer.users.accounts import create_user
from trainer.users.preferences import set_user_language, user_language

ALLOWED = ("zh", "en")


def test_a_chosen_language_is_kept_per_user(database: Database) -> None:
    wang = create_user(database, "agent-wang", "王芳")
    li = create_user(database, "agent-li", "李雷")
    assert user_language(database, wang.id, ALLOWED) is None, "nobody has chosen yet: the site default applies"
    set_user_language(database, wang.id, "en")
    assert user_language(database, wang.id, ALLOWED) == "en"
    assert user_language(database, li.id, ALLOWED) is None
    set_user_language(database, wang.id, "zh")
    assert user_language(database, wang.id, ALLOWED) == "zh"


def test_a_language_no_longer_offered_and_an_unknown_user_fall_back_to_the_default(database: Database) -> None:
    wang = create_user(database, "agent-wang", "王芳")
    with database.session() as session:
        session.execute(update(User).where(User.id == wang.id).values(language="fr"))
        session.commit()
    assert user_language(database, wang.id, ALLOWED) is None
    set_user_language(database, 9999, "en")
    assert user_language(database, 9999, ALLOWED) is None
