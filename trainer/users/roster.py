"""Team roster import (CSV or XLSX): a dry-run report first, then an all-or-nothing apply.

Columns: name, login, role, team and, optionally, hire_date (Chinese headers 姓名/登录名/角色/班组/
入职日期 work too; roles may be written agent/instructor/admin or 坐席/培训师/管理员; a hire date
as 2026-03-02, 2026/3/2, 2026-03 or an Excel date). A blank hire date keeps the one stored. A file with any invalid row changes
nothing: the report lists every problem with its row number as the spreadsheet shows it.
Applying the same file twice changes nothing the second time. New accounts get a temporary
password each (returned once, to hand out) that must be changed at the first sign-in.
Accounts missing from the file are left alone: leavers are disabled on the admin page.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from itertools import islice
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from trainer.errors import BilingualError
from trainer.store.db import Database
from trainer.sheets import csv_text
from trainer.users.passwords import temporary_password
from trainer.users.teams import existing_teams, near_teams
from trainer.users.accounts import (Account, AccountError, check_role, clean_display_name, clean_hire_date, clean_team,
                                    create_user, list_accounts, normalize_login, update_user)

COLUMNS = ("name", "login", "role", "team")
OPTIONAL_COLUMNS = ("hire_date",)
HEADER_ALIASES = {
    "name": "name", "display_name": "name", "姓名": "name", "名字": "name",
    "login": "login", "username": "login", "登录名": "login", "账号": "login", "工号": "login",
    "role": "role", "角色": "role",
    "team": "team", "班组": "team", "团队": "team", "组别": "team",
    "hire_date": "hire_date", "hired": "hire_date", "入职日期": "hire_date", "入职时间": "hire_date",
    "入职月份": "hire_date",
}
ROLE_ALIASES = {"坐席": "agent", "培训师": "instructor", "讲师": "instructor", "管理员": "admin"}
MAX_ROWS = 5000


class RosterError(BilingualError):
    """The file as a whole cannot be read (format, encoding, missing columns)."""


@dataclass(frozen=True)
class RosterRow:
    row: int  # as numbered in the spreadsheet (the header is row 1)
    name: str
    login: str
    role: str
    team: str
    hire_date: str = ""


@dataclass(frozen=True)
class Change:
    row: int
    login: str
    name: str
    role: str
    team: str
    hire_date: date | None = None
    changes: tuple[tuple[str, str, str], ...] = ()  # (field, before, after)


@dataclass(frozen=True)
class Invalid:
    row: int
    login: str
    zh: str
    en: str


@dataclass
class RosterPlan:
    """What applying the roster would do; `ok` only when no row is invalid."""

    new: list[Change] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)
    unchanged: list[Change] = field(default_factory=list)
    invalid: list[Invalid] = field(default_factory=list)
    # Rows whose new team is probably a slip for an existing one (外呼1组 for 外呼一组, qa22 A2): said, not refused.
    near_teams: list[Invalid] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.invalid

    @property
    def has_changes(self) -> bool:
        return bool(self.new or self.changed)


@dataclass(frozen=True)
class NewAccount:
    login: str
    name: str
    temporary_password: str


# ---- reading -------------------------------------------------------------------------------

def read_roster(data: bytes, filename: str) -> list[RosterRow]:
    """The data rows of a CSV or XLSX file (blank rows skipped), or RosterError."""
    suffix = Path(filename).suffix.lower()
    if suffix == ".csv":
        table = _csv_rows(data)
    elif suffix in (".xlsx", ".xlsm"):
        table = _xlsx_rows(data)
    else:
        raise RosterError(f"不支持的文件类型“{suffix or filename}”：请上传 .csv 或 .xlsx 文件。",
                          f"Unsupported file type '{suffix or filename}': upload a .csv or .xlsx file.")
    if not table:
        raise RosterError("文件是空的。", "The file is empty.")
    columns = _columns(table[0])
    rows = []
    for number, cells in enumerate(table[1:], start=2):
        values = {name: _cell(cells, index) for name, index in columns.items()}
        if any(values.values()):
            rows.append(RosterRow(number, values["name"], values["login"], values["role"], values["team"],
                                  values.get("hire_date", "")))
    if len(rows) > MAX_ROWS:
        raise RosterError(f"文件行数过多：一次最多 {MAX_ROWS} 行，请拆分后分批导入。",
                          f"Too many rows: at most {MAX_ROWS} at a time; split the file.")
    return rows


def _csv_rows(data: bytes) -> list[list[str]]:
    text = csv_text(data)
    if text is None:
        raise RosterError("无法识别文件编码，请另存为 UTF-8 编码的 CSV。", "Unknown text encoding; save the CSV as UTF-8.")
    try:
        return [row for row in csv.reader(io.StringIO(text))]
    except csv.Error as error:
        raise RosterError(f"CSV 格式错误：{error}", f"Malformed CSV: {error}") from error


def _xlsx_rows(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise RosterError(f"无法读取 Excel 文件：{error}", f"Cannot read the Excel file: {error}") from error
    try:
        sheet = workbook.worksheets[0]
        # stop reading just past the cap: a small zipped sheet can unpack into millions of rows
        rows = islice(sheet.iter_rows(values_only=True), MAX_ROWS + 2)
        return [[_xlsx_text(value) for value in row] for row in rows]
    except Exception as error:  # a damaged sheet inside a readable zip
        raise RosterError(f"无法读取 Excel 文件：{error}", f"Cannot read the Excel file: {error}") from error
    finally:
        workbook.close()


def _xlsx_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # employee numbers typed as numbers
    if isinstance(value, (datetime, date)):
        return value.strftime("%Y-%m-%d")  # a hire date typed as an Excel date
    return str(value)


def _columns(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, title in enumerate(header):
        key = HEADER_ALIASES.get(str(title).strip().lower())
        if key and key not in found:
            found[key] = index
    missing = [name for name in COLUMNS if name not in found]
    if missing:
        raise RosterError(f"第 1 行（表头）缺少列：{', '.join(missing)}。需要的列：{', '.join(COLUMNS)}。",
                          f"Row 1 (header) lacks the column(s): {', '.join(missing)}. Needed: {', '.join(COLUMNS)}.")
    return found


def _cell(cells: list[str], index: int) -> str:
    return str(cells[index]).strip() if index < len(cells) and cells[index] is not None else ""


# ---- planning and applying -----------------------------------------------------------------

def _roster_role(text: str) -> str:
    """A role cell read as a role: the roster takes 坐席 / 培训师 / 管理员 as well as agent / instructor / admin, so its
    problem names both (qa22: 坐席员 was refused with "应为 agent、instructor 或 admin", on a sheet of Chinese roles)."""
    try:
        return check_role(ROLE_ALIASES.get(text.strip(), text))
    except AccountError:
        raise AccountError(f"角色“{text}”无效：请写 坐席、培训师 或 管理员（也可写 agent、instructor、admin）。",
                           f"Invalid role '{text}': write agent, instructor or admin (or 坐席, 培训师, 管理员).") from None


def _checked_cells(row: RosterRow) -> tuple[tuple, list[AccountError]]:
    """The row's cleaned login, name, role, team and hire date, and every problem among them: a row with a wrong role
    and a wrong date named only the role, so the file came back once more for the date (qa22)."""
    checks = (lambda: normalize_login(row.login), lambda: clean_display_name(row.name), lambda: _roster_role(row.role),
              lambda: clean_team(row.team), lambda: clean_hire_date(row.hire_date))
    cells, problems = [], []
    for check in checks:
        try:
            cells.append(check())
        except AccountError as error:
            problems.append(error)
    return tuple(cells), problems


def _one_sentence(problems: list[str], separator: str, stop: str) -> str:
    """A row's problems read as one sentence: each one's own full stop dropped before the separator (qa23's A1: the
    cell read "… 管理员).; Invalid hire date …")."""
    return separator.join(problem.rstrip("。.") for problem in problems) + stop


def plan_roster(db: Database, rows: list[RosterRow]) -> RosterPlan:
    """Compare the rows with the accounts (read-only): new, changed, unchanged, invalid."""
    accounts = {account.info.login: account for account in list_accounts(db)}
    plan = RosterPlan()
    seen: dict[str, int] = {}
    for row in rows:
        cells, problems = _checked_cells(row)
        if problems:
            plan.invalid.append(Invalid(row.row, row.login, _one_sentence([p.zh for p in problems], "；", "。"),
                                        _one_sentence([p.en for p in problems], "; ", ".")))
            continue
        login, name, role, team, hire_date = cells
        if login in seen:
            plan.invalid.append(Invalid(row.row, login, f"登录名“{login}”与第 {seen[login]} 行重复。",
                                        f"The login '{login}' repeats row {seen[login]}."))
            continue
        seen[login] = row.row
        existing = accounts.get(login)
        if existing is None:
            plan.new.append(Change(row.row, login, name, role, team, hire_date))
            continue
        before = existing.info
        diffs = tuple((label, old, new) for label, old, new in (
            ("name", before.display_name, name), ("role", before.role, role), ("team", before.team, team),
            ("hire_date", _date_text(before.hire_date), _date_text(hire_date) if hire_date else _date_text(before.hire_date)))
            if old != new)
        (plan.changed if diffs else plan.unchanged).append(Change(row.row, login, name, role, team, hire_date, diffs))
    _keep_an_admin(plan, accounts)
    _warn_near_teams(plan, accounts.values())
    return plan


def _warn_near_teams(plan: RosterPlan, accounts: Iterable[Account]) -> None:
    """Name each row that brings a team no account has yet and that looks like a slip for a team that exists (or for
    another team of the file): assignments and 团队概览 reach people by the team's exact words."""
    known = existing_teams(accounts)
    teams = set(known) | {c.team for c in plan.new + plan.changed + plan.unchanged if c.team}
    for change in sorted(plan.new + plan.changed, key=lambda c: c.row):
        near = [] if change.team in known else near_teams(change.team, sorted(teams - {change.team}))
        if near:
            plan.near_teams.append(Invalid(
                change.row, change.login,
                f"“{change.team}”是新班组，与“{'”、“'.join(near)}”只差一点：若是同一班组，请改成一样的写法。",
                f"'{change.team}' is a new team, close to '{', '.join(near)}': if it is the same team, "
                "write it the same way."))


def _date_text(day: date | None) -> str:
    return day.isoformat() if day else ""


def _keep_an_admin(plan: RosterPlan, accounts: dict[str, Account]) -> None:
    """Refuse a roster that would leave no enabled administrator."""
    demoted = [c for c in plan.changed if accounts[c.login].info.role == "admin" and c.role != "admin"]
    admins = {login for login, a in accounts.items() if a.info.role == "admin" and not a.disabled}
    admins -= {c.login for c in demoted}
    admins |= {c.login for c in plan.new if c.role == "admin"}
    if demoted and not admins:
        for change in demoted:
            plan.invalid.append(Invalid(change.row, change.login, "不能把最后一个启用的管理员改为其他角色。",
                                        "The last enabled administrator cannot be given another role."))


def apply_roster(db: Database, rows: list[RosterRow]) -> tuple[RosterPlan, list[NewAccount]]:
    """Apply the roster when every row is valid; returns the plan carried out and the new accounts.

    An invalid file changes nothing (the plan's `invalid` lists why). The plan is recomputed
    here so that what is applied is what the database holds now, not an old dry run.
    """
    plan = plan_roster(db, rows)
    if not plan.ok:
        return plan, []
    created = []
    for change in plan.new:  # first, so that a new administrator exists before another is demoted
        password = temporary_password(change.login)
        create_user(db, change.login, change.name, change.role, change.team, password=password,
                    must_change_password=True, hire_date=change.hire_date)
        created.append(NewAccount(change.login, change.name, password))
    for change in plan.changed:
        update_user(db, change.login, display_name=change.name, role=change.role, team=change.team,
                    hire_date=change.hire_date)
    return plan, created
