"""The app's pages and who may see them. app.py builds the navigation from this list.

A page listed here must also call `require_user(*roles)` itself (see ui/session.py): hiding
a link is a convenience, the page's own check is the protection.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ui.session import EVERYONE, STAFF

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class PageSpec:
    path: str
    title_zh: str
    title_en: str
    icon: str
    roles: tuple[str, ...] = EVERYONE
    section_zh: str = "坐席"
    section_en: str = "Agent"
    url_path: str | None = None
    default: bool = False


PAGES: tuple[PageSpec, ...] = (
    PageSpec("pages/search.py", "知识搜索", "Search", ":material/search:", url_path="search", default=True),
)


def available_pages() -> list[PageSpec]:
    """The registered pages whose files exist (features land one by one)."""
    return [page for page in PAGES if (ROOT / page.path).is_file()]
