"""`python -m trainer.users`: the command-line way to create the first administrator and manage accounts."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from settings import Settings
from trainer.users import signin as auth
from trainer.store.db import Database
from trainer.users.accounts import admin_exists, get_account
from trainer.users.cli import main

ROOT = Path(__file__).resolve().parents[3]
PASSWORD = "Correct-horse-7"


def run(settings: Settings, *argv: str, stdin: str = "") -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), stdin=io.StringIO(stdin), out=out, settings=settings), out.getvalue()


def test_create_the_first_admin_from_stdin(settings):
    code, out = run(settings, "create", "--role", "admin", "--login", "Admin", "--name", "系统管理员",
                    "--password-stdin", stdin=PASSWORD + "\n")
    assert code == 0 and "admin (admin)" in out
    db = Database(settings.resolved_database_url)
    assert admin_exists(db) and auth.authenticate(db, settings, "admin", PASSWORD).ok
    db.dispose()


def test_errors_are_explained_and_fail(settings, capsys):
    assert run(settings, "create", "--login", "x", "--name", "X", "--password-stdin", stdin="short\n")[0] == 1
    assert "at least 8" in capsys.readouterr().err
    assert run(settings, "disable", "--login", "nobody")[0] == 1
    assert "no user with the login 'nobody'" in capsys.readouterr().err


def test_reset_disable_enable_and_list(settings):
    run(settings, "create", "--login", "li.na", "--name", "李娜", "--team", "外呼一组", "--no-password")
    code, out = run(settings, "reset-password", "--login", "li.na")
    temporary = out.rsplit(": ", 1)[1].strip()
    db = Database(settings.resolved_database_url)
    assert code == 0 and auth.authenticate(db, settings, "li.na", temporary).must_change_password
    run(settings, "disable", "--login", "li.na")
    assert get_account(db, "li.na").disabled
    run(settings, "enable", "--login", "li.na")
    db.dispose()
    assert run(settings, "list")[1] == "li.na\t李娜\tagent\t外呼一组\tmust-change\n"


def test_module_entry_point(settings):
    done = subprocess.run([sys.executable, "-m", "trainer.users", "create", "--login", "a1", "--name", "A",
                           "--password-stdin"], input=PASSWORD + "\n", capture_output=True, text=True, cwd=ROOT,
                          env={"AGENT_TRAINER_DATA_DIR": str(settings.data_dir), "PATH": ""})
    assert done.returncode == 0, done.stderr
    assert "a1 (agent)" in done.stdout


def test_a_bad_setting_stops_the_command_naming_the_variable(settings):
    done = subprocess.run([sys.executable, "-m", "trainer.users", "list"], capture_output=True, text=True, cwd=ROOT,
                          env={"AGENT_TRAINER_DATA_DIR": str(settings.data_dir), "AGENT_TRAINER_AUTH": "ldap", "PATH": ""})
    assert done.returncode == 2 and "AGENT_TRAINER_AUTH='ldap'" in done.stderr
