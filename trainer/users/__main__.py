"""`python -m trainer.users …`: the accounts command line (trainer/users/cli.py)."""

import sys

from trainer.users.cli import main

sys.exit(main())
