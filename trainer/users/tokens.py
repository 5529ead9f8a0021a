"""The app's secret key: from the settings, else a random one generated once into the data dir.

It keys the hashes under which server-side sessions store their cookie secrets
(trainer/users/sessions.py), so changing it signs everybody out.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from settings import Settings

SECRET_FILE = "secret_key"


def secret_key(settings: Settings) -> bytes:
    """The secret: from the settings, else a random one created once in the data dir (0600)."""
    if settings.secret_key:
        return settings.secret_key.encode()
    path = Path(settings.data_dir) / SECRET_FILE
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # another process created it a moment ago
        else:
            with os.fdopen(descriptor, "w") as handle:
                handle.write(secrets.token_hex(32))
    value = path.read_text().strip()
    if not value:
        raise RuntimeError(f"The secret key file {path} is empty; delete it to have a new one generated.")
    return value.encode()
