"""What a user chose for themselves and keeps across reloads and devices: the UI language.

Kept in the store, not the browser: the choice follows the person to another browser or PC
(agents share seats), and a reload of a fresh Streamlit session finds it again.
"""

from __future__ import annotations

from trainer.store.db import Database
from trainer.store.models import User


def user_language(db: Database, user_id: int, allowed: tuple[str, ...]) -> str | None:
    """The language `user_id` chose, if it is still one of `allowed`; None: not chosen (site default)."""
    with db.session() as session:
        user = session.get(User, user_id)
        chosen = user.language if user is not None else None
    return chosen if chosen in allowed else None


def set_user_language(db: Database, user_id: int, language: str) -> None:
    """Remember `language` for `user_id` (nothing happens for an unknown id)."""
    with db.session() as session:
        user = session.get(User, user_id)
        if user is not None and user.language != language:
            user.language = language
            session.commit()
