"""Password hashing and the password rules, in one place.

Passwords are stored only as argon2id hashes (argon2-cffi, with its RFC 9106 defaults); the
clear text never reaches the database or a log. Temporary passwords (first accounts from a
roster, resets) are random and must be changed at the next sign-in.
"""

from __future__ import annotations

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_LENGTH = 8
# A login part shorter than this is not looked for inside a password ("li" would refuse every password with "li" in it).
LOGIN_PART_MIN = 3
MAX_LENGTH = 128
# Letters and digits that cannot be mistaken for one another when read out or copied by hand.
TEMPORARY_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789"


def _hasher() -> PasswordHasher:
    return PasswordHasher()


def hash_password(password: str) -> str:
    """The argon2id hash of `password` (salted; the same password hashes differently each time)."""
    return _hasher().hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Whether `password` matches `password_hash`; a missing or damaged hash never matches."""
    if not password_hash:
        return False
    try:
        return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """Whether a stored hash uses older parameters than today's and should be replaced."""
    try:
        return _hasher().check_needs_rehash(password_hash)
    except InvalidHashError:
        return True


def password_problem(password: str, login: str = "") -> tuple[str, str] | None:
    """Why `password` is not acceptable, as (Chinese, English) sentences; None when it is fine."""
    if not password.strip():
        return "密码不能为空。", "The password cannot be empty."
    if len(password) < MIN_LENGTH:
        return f"密码至少需要 {MIN_LENGTH} 个字符。", f"The password needs at least {MIN_LENGTH} characters."
    if len(password) > MAX_LENGTH:
        return f"密码不能超过 {MAX_LENGTH} 个字符。", f"The password cannot be longer than {MAX_LENGTH} characters."
    if login and password.strip().lower() == login.strip().lower():
        return "密码不能与登录名相同。", "The password cannot be the same as the login."
    part = _login_part_in(password, login)
    if part:
        # qa29 A4: 30101301 for the login 30101 was accepted; whoever knows the login (on every roster, in every
        # e-mail address) has guessed most of such a password. Checked where a password is set, never at sign-in:
        # existing passwords keep working.
        return (f"密码不能包含登录名（{part}）：知道登录名的人很容易猜到。请换一个不含登录名的密码。",
                f"The password cannot contain the login ({part}): anyone who knows the login can guess it. "
                "Choose one without the login.")
    return None


def login_parts(login: str) -> list[str]:
    """What of a login a password must not contain: the login, and an e-mail login's part before the @."""
    value = login.strip().lower()
    parts = [value, value.split("@", 1)[0]] if "@" in value else [value]
    return [part for part in dict.fromkeys(parts) if len(part) >= LOGIN_PART_MIN]


def _login_part_in(password: str, login: str) -> str:
    """The part of `login` found in `password` (case-insensitive), or ""."""
    lowered = password.lower()
    return next((part for part in login_parts(login) if part in lowered), "")


def temporary_password(login: str = "", length: int = 12) -> str:
    """A random password to hand to a person once (they must change it at first sign-in); never one containing
    `login` (one draw in tens of millions would; the rule refuses it where it is stored)."""
    while True:
        password = "".join(secrets.choice(TEMPORARY_ALPHABET) for _ in range(length))
        if not _login_part_in(password, login):
            return password


def burn_time() -> None:
    """Spend the time of one verification, so an unknown login is not told apart by timing."""
    verify_password(_DUMMY_HASH, "not-a-password")


# A fixed hash of a throw-away value (immutable; not a credential).
_DUMMY_HASH = "$argon2id$v=19$m=65536,t=3,p=4$YfQ7MEMGN+CaNqxWo4x0qQ$89bEvRfpvqzCIwXWV2927jzurp77iZDLPeXhGwtcRgg"
