"""User accounts: create, change, disable and enable them, and manage their passwords.

Accounts are never deleted (their training history stays); a disabled account simply cannot
sign in. There is always at least one enabled administrator once the first one exists, so
nobody can lock the company out of its own admin page. Sign-in itself is in trainer.users.signin.

Command line (first administrator, scripts): `python -m trainer.users --help`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from trainer.clock import as_utc, utcnow
from trainer.store.db import Database
from trainer.store.models import AuthSession, SignInEvent, User
from trainer.users.passwords import hash_password, password_problem, temporary_password, verify_password

ROLES = ("agent", "instructor", "admin")
ROLE_NAMES = {"agent": ("坐席", "Agent"), "instructor": ("培训师", "Instructor"), "admin": ("管理员", "Administrator")}
LOGIN_PATTERN = re.compile(r"^[\w.@-]{1,64}$")
# Account events recorded next to sign-in attempts; each one ends the sessions issued before it.
SIGNED_OUT, PASSWORD_RESET, PASSWORD_CHANGED, DISABLED = "signed-out", "password-reset", "password-changed", "disabled"
SESSION_ENDING_EVENTS = (SIGNED_OUT, PASSWORD_RESET, PASSWORD_CHANGED, DISABLED)


class AccountError(ValueError):
    """A request about an account that cannot be done, explained in both UI languages."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh = zh
        self.en = en


@dataclass(frozen=True)
class UserInfo:
    """A detached, read-only view of a user, safe to keep in a browser session."""

    id: int
    login: str
    display_name: str
    role: str
    team: str
    hire_date: date | None = None

    @classmethod
    def of(cls, user: User) -> "UserInfo":
        return cls(user.id, user.login, user.display_name, user.role, user.team, user.hire_date)

    @property
    def cohort(self) -> str:
        """The hire month, 'YYYY-MM' ('' when unknown): agents hired together train together."""
        return self.hire_date.strftime("%Y-%m") if self.hire_date else ""


@dataclass(frozen=True)
class Account:
    """Everything an administrator sees about one account (never the password hash)."""

    info: UserInfo
    disabled: bool
    must_change_password: bool
    has_password: bool
    locked_until: datetime | None
    created_at: datetime

    @classmethod
    def of(cls, user: User) -> "Account":
        return cls(UserInfo.of(user), bool(user.disabled), bool(user.must_change_password),
                   bool(user.password_hash), as_utc(user.locked_until), as_utc(user.created_at))


# ---- validation ----------------------------------------------------------------------------

def normalize_login(login: str) -> str:
    """The canonical form of a login (trimmed, lower case), or AccountError when it is not valid."""
    value = (login or "").strip().lower()
    if not LOGIN_PATTERN.fullmatch(value):
        raise AccountError(
            f"登录名“{login}”无效：需 1–64 个字符，只能包含字母、数字、汉字及 . _ - @，不能有空格。",
            f"Invalid login '{login}': 1-64 characters; letters, digits, . _ - @ only, no spaces.")
    return value


def clean_display_name(name: str) -> str:
    value = " ".join((name or "").split())
    if not value or len(value) > 128:
        raise AccountError("姓名不能为空，且不超过 128 个字符。", "The name must be 1-128 characters.")
    return value


def clean_team(team: str | None) -> str:
    value = " ".join((team or "").split())
    if len(value) > 64:
        raise AccountError("班组名称不能超过 64 个字符。", "The team name cannot be longer than 64 characters.")
    return value


HIRE_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y-%m", "%Y/%m", "%Y年%m月")


def clean_hire_date(value: date | datetime | str | None) -> date | None:
    """A hire date from a date or text (2026-03-02, 2026/3/2, 2026年3月, 2026-03 = the 1st); None when blank."""
    if value is None or isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value
    text = " ".join(str(value).split())
    if not text:
        return None
    for pattern in HIRE_DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise AccountError(f"入职日期“{text}”无效：请写成 2026-03-02 或 2026-03。",
                       f"Invalid hire date '{text}': write it as 2026-03-02 or 2026-03.")


def check_role(role: str) -> str:
    value = (role or "").strip().lower()
    if value not in ROLES:
        raise AccountError(f"角色“{role}”无效：应为 agent、instructor 或 admin。",
                           f"Invalid role '{role}': use agent, instructor or admin.")
    return value


def check_password(password: str, login: str) -> None:
    problem = password_problem(password, login)
    if problem:
        raise AccountError(*problem)


# ---- reading -------------------------------------------------------------------------------

def _find(session: Session, login: str) -> User:
    user = session.scalar(select(User).where(User.login == normalize_login(login)))
    if user is None:
        raise AccountError(f"没有登录名为“{login}”的用户。", f"There is no user with the login '{login}'.")
    return user


def get_user(db: Database, login: str) -> UserInfo | None:
    """The user with this login, or None."""
    account = get_account(db, login)
    return account.info if account else None


def get_account(db: Database, login: str) -> Account | None:
    """The full account with this login, or None."""
    try:
        value = normalize_login(login)
    except AccountError:
        return None
    with db.session() as session:
        user = session.scalar(select(User).where(User.login == value))
        return Account.of(user) if user else None


def account_by_id(db: Database, user_id: int) -> Account | None:
    """The account with this id, or None."""
    with db.session() as session:
        user = session.get(User, user_id)
        return Account.of(user) if user else None


def list_accounts(db: Database) -> list[Account]:
    """All accounts, by team and name."""
    with db.session() as session:
        users = session.scalars(select(User).order_by(User.team, User.display_name, User.login))
        return [Account.of(user) for user in users]


def admin_exists(db: Database) -> bool:
    """Whether an enabled administrator exists (if not, the app offers the first-run form)."""
    with db.session() as session:
        return _enabled_admins(session) > 0


def _enabled_admins(session: Session, excluding: int | None = None) -> int:
    query = select(func.count(User.id)).where(User.role == "admin", User.disabled.is_(False))
    if excluding is not None:
        query = query.where(User.id != excluding)
    return session.scalar(query) or 0


def _keep_an_admin(session: Session, user: User) -> None:
    if user.role == "admin" and not user.disabled and _enabled_admins(session, excluding=user.id) == 0:
        raise AccountError("这是最后一个启用的管理员账户，不能停用或改为其他角色。",
                           "This is the last enabled administrator; it cannot be disabled or given another role.")


def record_event(session: Session, login: str, user_id: int | None, success: bool, reason: str) -> None:
    """Add one row to the sign-in audit trail (attempts and session-ending account events)."""
    session.add(SignInEvent(login=login[:64], user_id=user_id, success=success, reason=reason[:64]))
    if reason in SESSION_ENDING_EVENTS and user_id is not None:
        end_sessions(session, user_id)


def end_sessions(session: Session, user_id: int) -> None:
    """End every server-side session of a user, in the caller's transaction (trainer.users.sessions)."""
    session.execute(update(AuthSession).where(AuthSession.user_id == user_id, AuthSession.revoked_at.is_(None))
                    .values(revoked_at=utcnow()))


# ---- changing ------------------------------------------------------------------------------

def create_user(db: Database, login: str, display_name: str, role: str = "agent", team: str = "",
                password: str | None = None, must_change_password: bool = False,
                hire_date: date | str | None = None) -> UserInfo:
    """A new account. Without a password it cannot sign in locally until one is set or reset."""
    login = normalize_login(login)
    hire_date = clean_hire_date(hire_date)
    display_name, team, role = clean_display_name(display_name), clean_team(team), check_role(role)
    if password is not None:
        check_password(password, login)
    with db.session() as session:
        if session.scalar(select(User.id).where(User.login == login)) is not None:
            raise AccountError(f"登录名“{login}”已被使用。", f"The login '{login}' is already taken.")
        user = User(login=login, display_name=display_name, role=role, team=team,
                    password_hash=hash_password(password) if password is not None else None,
                    must_change_password=must_change_password, hire_date=hire_date)
        session.add(user)
        session.commit()
        return UserInfo.of(user)


def create_first_admin(db: Database, login: str, display_name: str, password: str, team: str = "") -> UserInfo:
    """The first administrator; refused once an enabled administrator exists (no second first run)."""
    if admin_exists(db):
        raise AccountError("管理员已存在，请登录。", "An administrator already exists; please sign in.")
    return create_user(db, login, display_name, "admin", team, password=password)


def update_user(db: Database, login: str, *, display_name: str | None = None, role: str | None = None,
                team: str | None = None, hire_date: date | str | None = None) -> UserInfo:
    """Change the name, role, team and/or hire date of an account (None leaves a field as it is)."""
    with db.session() as session:
        user = _find(session, login)
        if hire_date is not None:
            user.hire_date = clean_hire_date(hire_date)
        if display_name is not None:
            user.display_name = clean_display_name(display_name)
        if team is not None:
            user.team = clean_team(team)
        if role is not None and check_role(role) != user.role:
            _keep_an_admin(session, user)
            user.role = check_role(role)
        session.commit()
        return UserInfo.of(user)


def set_disabled(db: Database, login: str, disabled: bool) -> UserInfo:
    """Disable (sign-in refused, sessions ended, history kept) or enable an account."""
    with db.session() as session:
        user = _find(session, login)
        if disabled and not user.disabled:
            _keep_an_admin(session, user)
            record_event(session, user.login, user.id, True, DISABLED)
        user.disabled = disabled
        if not disabled:
            user.failed_sign_ins, user.locked_until, user.lockouts = 0, None, 0
        session.commit()
        return UserInfo.of(user)


def disable_user(db: Database, login: str) -> UserInfo:
    return set_disabled(db, login, True)


def enable_user(db: Database, login: str) -> UserInfo:
    return set_disabled(db, login, False)


def set_password(db: Database, login: str, password: str, must_change: bool = False) -> None:
    """Store a new password (hashed) and lift any lockout; ends the account's other sessions."""
    with db.session() as session:
        user = _find(session, login)
        check_password(password, user.login)
        user.password_hash = hash_password(password)
        user.must_change_password = must_change
        user.failed_sign_ins, user.locked_until, user.lockouts = 0, None, 0
        record_event(session, user.login, user.id, True, PASSWORD_RESET if must_change else PASSWORD_CHANGED)
        session.commit()


def reset_password(db: Database, login: str) -> str:
    """Give the account a random temporary password (returned once) that must be changed at sign-in."""
    password = temporary_password(login)
    set_password(db, login, password, must_change=True)
    return password


def change_password(db: Database, login: str, current_password: str, new_password: str) -> None:
    """The user's own change: the current password must be right and the new one different."""
    with db.session() as session:
        stored = _find(session, login).password_hash
    if not verify_password(stored, current_password):
        raise AccountError("当前密码不正确。", "The current password is not correct.")
    if new_password == current_password:
        raise AccountError("新密码不能与当前密码相同。", "The new password must differ from the current one.")
    set_password(db, login, new_password, must_change=False)


def replace_temporary_password(db: Database, login: str, new_password: str) -> None:
    """The forced change right after signing in with a temporary password: the sign-in just
    proved the temporary password, so it is not asked again; only allowed while one is set."""
    with db.session() as session:
        user = _find(session, login)
        stored, temporary = user.password_hash, user.must_change_password
    if not temporary:
        raise AccountError("没有需要更换的临时密码。", "There is no temporary password to replace.")
    if verify_password(stored, new_password):
        raise AccountError("新密码不能与当前密码相同。", "The new password must differ from the current one.")
    set_password(db, login, new_password, must_change=False)


# ---- the interim name-only identity (kept for tests and scripts that create users by name) --

def login_from_name(name: str) -> str:
    """A login derived from a display name (lower case, spaces folded)."""
    return re.sub(r"\s+", "-", name.strip().lower())[:64]


def get_or_create_by_name(db: Database, name: str, role: str = "agent", team: str = "") -> UserInfo:
    """The user called `name`, created (without a password) on first use."""
    existing = get_user(db, login_from_name(name))
    return existing or create_user(db, login_from_name(name), name, role, team)

