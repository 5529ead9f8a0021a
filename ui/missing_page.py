"""A wrong address (/history, /foo) answered by the app, in the reader's language.

Streamlit (1.67) meets an address that names no page with its own English dialog, "Page not found — The page
that you have requested does not seem to exist. Running the app's main page." (qa13 #9), drawn by its browser
code after a `page_not_found` message; no option rewords it. That message is sent only when st.navigation finds
no page at the address. So before navigating, the app reads the address the browser asked for
(`st.context.url`) and, when it names no page, adds one hidden page at that very address which says so in the
UI's language and links to the main page: Streamlit then has a page to run, and sends no dialog.

A nested address (/a/b) too: its page is served by ui/page_addresses.py (before, its files were looked for under /a/
and the page stayed blank), and the hidden page takes the nested address after it is made (st.Page refuses a `/`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection
from urllib.parse import quote, unquote, urlsplit

import streamlit as st

from ui.i18n import tr
from ui.render import escape_markdown

ADDRESS = "_url_path"  # StreamlitPage's private attribute behind its public `url_path` (Streamlit 1.67)
log = logging.getLogger(__name__)


def requested_address(url: str | None, base_path: str) -> str:
    """The page address in the browser's `url` under the app's `base_path` ("" for the root), without slashes."""
    if not url:
        return ""
    path = unquote(urlsplit(url).path).strip("/")
    base = base_path.strip("/")
    if base and (path == base or path.startswith(base + "/")):
        path = path[len(base):].strip("/")
    return path


def missing_page(address: str, known: Collection[str], main_page: st.Page) -> st.Page | None:
    """A hidden page at `address` saying it names no page, or None when it is a page's (or the root)."""
    if not address or address in known:
        return None

    def say_missing() -> None:
        shown = escape_markdown(f"/{address}")  # typed by anyone: shown as written, never as Markdown
        st.title(tr("找不到这个页面", "Page not found"))
        st.markdown(tr(f"地址 {shown} 不是本应用的页面，可能是输错了或链接已过期。请从左侧菜单进入，或回到首页。",
                       f"{shown} is no page of this app: the address may be mistyped or an old link. Use the menu "
                       "on the left, or go to the main page."))
        st.page_link(main_page, label=tr("回到首页", "Go to the main page"), icon=":material/home:")

    return at_address(address, lambda url_path: st.Page(say_missing, title=tr("找不到这个页面", "Page not found"),
                                                         url_path=url_path, visibility="hidden"))


def at_address(address: str, make: Callable[[str], st.Page]) -> st.Page:
    """The page `make(url_path)` makes, answering at `address` as the browser asks for it.

    A flat address is st.Page's own `url_path`. A nested one (a/b) st.Page refuses ("cannot include /", 1.67) and
    Streamlit has no public way to give (its documentation and st.navigation's code were searched, polish25): the
    page is made at the address with its slashes escaped and then takes the address itself through `ADDRESS`, a
    private attribute — the only one the app touches, here alone. Should an upgrade move it (the page's public
    `url_path` does not then read the address), the page keeps the escaped address, Streamlit answers /a/b with its
    own English "Page not found" dialog over the main page (as before polish23) and the server log says why;
    tests/ui/test_missing_page.py fails on that upgrade."""
    if "/" not in address:
        return make(address)
    page = make(quote(address, safe=""))
    setattr(page, ADDRESS, address)
    if page.url_path != address:
        log.warning("Streamlit %s gives no page a nested address (%s): /%s gets Streamlit's own 'Page not found'",
                    st.__version__, ADDRESS, address)
    return page

