"""Serve each page's own address (/search, /quiz, …) so a bookmark or a pasted link opens cleanly.

Streamlit's browser code does not know where the app's root is when a page is opened at its
own address, so it probes `<page>/_stcore/health` and `<page>/_stcore/host-config` first: two
404s in the browser console on every deep link. These routes answer a page's address with
Streamlit's own index.html plus one line naming the root (`window.__streamlit.BACKEND_BASE_URL`,
the documented hook for hosts), so the browser connects straight to the right place.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import streamlit
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route

INDEX_HTML = Path(streamlit.__file__).parent / "static" / "index.html"
# The root is the page address minus its last segment, so a path prefix (reverse proxy) is kept.
ROOT_HINT = '<script>window.__streamlit = {BACKEND_BASE_URL: new URL(".", window.location.href).href};</script>'


@lru_cache(maxsize=1)
def page_shell() -> str:
    """Streamlit's index.html with the root named before its scripts run (read once: it is static)."""
    html = INDEX_HTML.read_text(encoding="utf-8")
    return html.replace("<head>", "<head>\n    " + ROOT_HINT, 1)


async def serve_page_shell(request: Request) -> HTMLResponse:
    return HTMLResponse(page_shell(), headers={"Cache-Control": "no-cache"})


def page_routes(url_paths: list[str]) -> list[Route]:
    """One GET route per page address; Streamlit then shows that page as usual."""
    return [Route(f"/{path}", serve_page_shell, methods=["GET", "HEAD"]) for path in url_paths]
