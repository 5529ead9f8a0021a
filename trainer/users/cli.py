"""`python -m trainer.users …`: manage accounts from a shell (first administrator, scripts, SSO setups).

    python -m trainer.users create --role admin --login admin --name 系统管理员 [--team 培训部]
    echo "$PASSWORD" | python -m trainer.users create --login li.na --name 李娜 --password-stdin
    python -m trainer.users reset-password --login li.na
    python -m trainer.users disable --login li.na   |   enable --login li.na
    python -m trainer.users list
    python -m trainer.users token-create --name "CRM 坐席桌面 北京"   |   token-list   |   token-revoke --id 3

Passwords are typed at a hidden prompt or read from stdin, never given as arguments (they
would end up in the shell history and the process list).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Sequence, TextIO

from settings import Settings, SettingsError
from trainer.store.db import Database
from trainer.users.signin import issue_unlock_code
from trainer.users.api_tokens import ApiTokenError, create_api_token, list_api_tokens, revoke_api_token
from trainer.users.accounts import (ROLES, AccountError, create_user, disable_user, enable_user, list_accounts,
                           reset_password)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m trainer.users", description="Manage Agent Trainer accounts.")
    commands = parser.add_subparsers(dest="command", required=True)
    create = commands.add_parser("create", help="create an account")
    create.add_argument("--login", required=True)
    create.add_argument("--name", required=True, help="display name, e.g. 李娜")
    create.add_argument("--role", choices=ROLES, default="agent")
    create.add_argument("--team", default="")
    source = create.add_mutually_exclusive_group()
    source.add_argument("--password-stdin", action="store_true", help="read the password from the first line of stdin")
    source.add_argument("--no-password", action="store_true",
                        help="no local password (single sign-on accounts, or set one later with reset-password)")
    for name, text in (("reset-password", "give a temporary password that must be changed at sign-in"),
                       ("disable", "refuse sign-in (history is kept)"), ("enable", "allow sign-in again"),
                       ("unlock", "lift a lockout and print a one-time code that passes the lock for 24 hours")):
        commands.add_parser(name, help=text).add_argument("--login", required=True)
    commands.add_parser("list", help="list all accounts")
    token = commands.add_parser("token-create", help="create a search-API token (printed once)")
    token.add_argument("--name", required=True, help="which desktop or integration uses it")
    token.add_argument("--by", default=getpass.getuser(), help="who creates it (default: the shell user)")
    commands.add_parser("token-list", help="list search-API tokens with their last use")
    commands.add_parser("token-revoke", help="revoke a search-API token").add_argument("--id", type=int, required=True)
    return parser


def _token_command(db: Database, args: argparse.Namespace, out: TextIO) -> None:
    """The search-API token commands (docs/search-api.md)."""
    if args.command == "token-create":
        info, token = create_api_token(db, args.name, args.by)
        print(f"已创建 / created API token {info.id} \"{info.name}\"; it is shown only now:\n{token}", file=out)
    elif args.command == "token-revoke":
        info = revoke_api_token(db, args.id)
        print(f"已撤销 / revoked API token {info.id} \"{info.name}\"", file=out)
    else:
        for info in list_api_tokens(db):
            used = info.last_used_at.isoformat(timespec="minutes") if info.last_used_at else "never"
            state = f"revoked {info.revoked_at.isoformat(timespec='minutes')}" if info.revoked_at else "active"
            print(f"{info.id}\t{info.name}\t{info.created_by}\tcreated {info.created_at.isoformat(timespec='minutes')}"
                  f"\tlast used {used}\t{state}", file=out)


def _read_password(from_stdin: bool, stdin: TextIO) -> str:
    if from_stdin:
        return stdin.readline().rstrip("\r\n")
    first = getpass.getpass("密码 / Password: ")
    if getpass.getpass("再次输入 / Repeat: ") != first:
        raise AccountError("两次输入的密码不一致。", "The two passwords differ.")
    return first


def main(argv: Sequence[str] | None = None, stdin: TextIO = sys.stdin, out: TextIO = sys.stdout,
         settings: Settings | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = settings or Settings.from_env()
    except SettingsError as error:
        print(f"配置错误 / configuration error: {error}", file=sys.stderr)
        return 2
    db = Database(settings.resolved_database_url)
    try:
        if args.command.startswith("token-"):
            _token_command(db, args, out)
        elif args.command == "create":
            password = None if args.no_password else _read_password(args.password_stdin, stdin)
            user = create_user(db, args.login, args.name, args.role, args.team, password=password)
            print(f"已创建 / created: {user.login} ({user.role})", file=out)
        elif args.command == "reset-password":
            print(f"临时密码 / temporary password for {args.login}: {reset_password(db, args.login)}", file=out)
        elif args.command == "unlock":
            code = issue_unlock_code(db, args.login)
            print(f"已解锁 / unlocked: {args.login}\n解锁码 / unlock code (24 h, once): {code}", file=out)
        elif args.command in ("disable", "enable"):
            user = (disable_user if args.command == "disable" else enable_user)(db, args.login)
            print(f"{'已停用 / disabled' if args.command == 'disable' else '已启用 / enabled'}: {user.login}", file=out)
        else:
            for account in list_accounts(db):
                info = account.info
                state = "disabled" if account.disabled else ("must-change" if account.must_change_password else "ok")
                print(f"{info.login}\t{info.display_name}\t{info.role}\t{info.team}\t{state}", file=out)
        return 0
    except (AccountError, ApiTokenError) as error:
        print(f"错误：{error.zh}\nError: {error.en}", file=sys.stderr)
        return 1
    finally:
        db.dispose()
