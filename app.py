"""Agent Trainer · 坐席陪练 — entry point. Wires pages, language and shared resources only.

Run with `make run` (see README). Every page is a thin file under ui_pages/ that calls kb and
trainer functions; the knowledge base and database load once per process (ui/resources.py).
"""

from __future__ import annotations

import streamlit as st

from ui.i18n import language_switch, streamlit_hints, tr
from ui.layout import page_frame
from ui.missing_page import missing_page, requested_address
from ui.narrow_sidebar import close_after_page_change
from ui.pages import FAVICON, PAGES, ROOT_ALIAS
from ui.session import current_user


def main() -> None:
    # The favicon is SVG markup, sent as a data: URL; a :material/…: one would be fetched from the internet.
    st.set_page_config(page_title="坐席陪练 Agent Trainer", page_icon=FAVICON, layout="wide")
    # Who is signed in first: a session restored from the cookie brings the user's language
    # (ui/i18n.py), which the page titles below are already drawn in.
    user = current_user()
    specs = PAGES
    pages = {spec.path: st.Page(spec.path, title=tr(spec.title_zh, spec.title_en), icon=spec.icon,
                                url_path=spec.url_path) for spec in specs}
    # The default page is also served at "/" (Streamlit serves a default page only there, so
    # /search, the page's own address, would be "page not found"): the same file, a second entry.
    [home] = [spec for spec in specs if spec.default]
    root = st.Page(home.path, title=tr(home.title_zh, home.title_en), icon=home.icon, url_path=ROOT_ALIAS,
                   default=True, visibility="hidden")
    # An address that names no page gets a page saying so in the UI's language, not Streamlit's English dialog.
    address = requested_address(st.context.url, st.get_option("server.baseUrlPath"))
    missing = missing_page(address, {spec.url_path for spec in specs} | {ROOT_ALIAS}, root)
    current = st.navigation([*pages.values(), root, *([missing] if missing else [])], position="hidden")

    st.sidebar.title(tr("坐席陪练", "Agent Trainer"))
    sections: dict[str, list] = {}
    for spec in specs:
        if user is not None and user.role in spec.roles and spec.in_menu:
            sections.setdefault(tr(spec.section_zh, spec.section_en), []).append(spec)
    for section, members in sections.items():
        st.sidebar.caption(section)
        for spec in members:
            st.sidebar.page_link(pages[spec.path])
    language_switch()
    close_after_page_change(current.url_path)  # a phone's sidebar, drawn over the page, closes once a page is chosen
    streamlit_hints()
    page_frame()
    current.run()


main()
