"""Accounts: users and roles, passwords, sign-in with lockout, session tokens, roster import, CLI.

Command line: `python -m trainer.users --help` (trainer/users/__main__.py).
"""
