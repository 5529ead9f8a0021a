"""A `pages/` folder left beside app.py by an install upgraded from before the pages moved to ui_pages/.

Streamlit treats a `pages/` folder beside the main script as a version-1 multipage app until a session
runs app.py's st.navigation: a new server's first session that opened /search ran the old copy of the
page alone, with Streamlit's own list of the old files as its menu (qa16 #10 was the same with the live
folder). `git pull` removes the tracked files but leaves `__pycache__/`; a copy of the new release over
the old one leaves every file. The server ignores such a folder and says on start what to delete.
"""

from __future__ import annotations

import sys
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager


def stale_pages_notice(app_dir: Path) -> str | None:
    """What to delete, in both languages, when `app_dir` (app.py's folder) holds a `pages/` folder."""
    folder = Path(app_dir) / "pages"
    if not folder.exists():
        return None
    return (f"发现旧版本留下的页面目录 {folder}（页面已移到 ui_pages/），应用已忽略它；请删除：rm -rf {folder} / "
            f"Found {folder} left by an older release (the pages are in ui_pages/ now); the app ignores it. "
            f"Delete it: rm -rf {folder}")


def ignore_stale_pages(app_dir: Path) -> str | None:
    """Make this server never serve `app_dir/pages/` as Streamlit's version-1 pages, and print what to delete.

    Called once in the server process before any session (serve.py): Streamlit decides "version 1" once,
    from whether the folder exists, and app.py's st.navigation would only correct it after a first run.
    """
    PagesManager.uses_pages_directory = False
    notice = stale_pages_notice(app_dir)
    if notice is not None:
        print(notice, file=sys.stderr)  # the server's console, where whoever upgraded it looks
    return notice
