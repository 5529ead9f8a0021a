"""Serve every page address (/search, /quiz, … and a wrong one, /foo or /a/b) with the app, connected to its root.

Streamlit's browser code does not know where the app's root is when a page is opened at an address under it, so it
probes `<address>/_stcore/health` and `<address>/_stcore/host-config` first: two 404s in the browser console on
every deep link and every wrong address. And at a nested address (/a/b) the page's own files (`./static/…`) were
looked for under /a/, got the page instead, and nothing was drawn: a blank page.

So any address that is not Streamlit's own (its `_stcore`, `static`, `media` and `component` routes, a file it
serves, the app's other routes, which come first) is answered with Streamlit's index.html plus a few lines naming the
root: a `<base>` for the page's files and `window.__streamlit.BACKEND_BASE_URL` (the documented hook for hosts), so
the browser connects straight to the right place; app.py then answers a wrong address in the UI's language
(ui/missing_page.py). Relative, so a reverse proxy's path prefix is kept.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import streamlit
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Match, Route

STATIC = Path(streamlit.__file__).parent / "static"
INDEX_HTML = STATIC / "index.html"
STREAMLIT_ROUTES = {"_stcore", "static", "media", "component"}  # Streamlit's reserved route prefixes (1.67)
ROOT_HINT = '<base href=__BASE__>\n    <script>window.__streamlit = {BACKEND_BASE_URL: document.baseURI};</script>'


@lru_cache(maxsize=1)
def index_html() -> str:
    """Streamlit's index.html (read once: it is static)."""
    return INDEX_HTML.read_text(encoding="utf-8")


def page_shell(typed: str) -> str:
    """index.html for the address `typed` (the path under the app's root, without its first slash), with the root
    named before its scripts run: one level up per slash in `typed`."""
    base = "../" * typed.count("/") or "./"
    hint = ROOT_HINT.replace("__BASE__", json.dumps(base))
    return index_html().replace("<head>", "<head>\n    " + hint, 1)


def path_under_root(path: str, base_path: str) -> str | None:
    """`path` under the app's `base_path`, without its first slash ("" for the root); None when not under it."""
    base, rest = base_path.strip("/"), path.lstrip("/")
    if not base:
        return rest
    if rest == base:
        return ""
    return rest[len(base) + 1:] if rest.startswith(base + "/") else None


def is_streamlits(typed: str) -> bool:
    """Whether Streamlit itself answers this path (its routes, or a file it serves such as favicon.png)."""
    return typed.split("/", 1)[0] in STREAMLIT_ROUTES or (STATIC / typed).is_file()


def base_url_path() -> str:
    return streamlit.config.get_option("server.baseUrlPath") or ""


async def serve_page_shell(request: Request) -> HTMLResponse:
    return HTMLResponse(page_shell(path_under_root(request.url.path, base_url_path()) or ""),
                        headers={"Cache-Control": "no-cache"})


class PageAddress(Route):
    """Every GET of an address under the root that Streamlit does not answer itself (the root is Streamlit's)."""

    def __init__(self) -> None:
        super().__init__("/{address:path}", serve_page_shell, methods=["GET", "HEAD"])

    def matches(self, scope):
        if scope["type"] == "http":
            typed = path_under_root(scope["path"], base_url_path())
            if typed and not is_streamlits(typed):
                return super().matches(scope)
        return Match.NONE, {}


def page_routes() -> list[Route]:
    """The route answering page addresses; put after the app's own routes (routes are tried in order)."""
    return [PageAddress()]
