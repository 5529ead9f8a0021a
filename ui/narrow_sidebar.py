"""The sidebar on a narrow window (a phone): closed after it has done its job, a language switch or a page choice.

Under Streamlit 1.67's `md` breakpoint (768 px) the sidebar is drawn over the page. Streamlit closes it after a click
on its own page navigation, and only when the browser says it is a phone (its user agent); the app draws its menu with
`st.sidebar.page_link` (sections by role), which closes nothing: 阿强, at 390 × 844, chose 模拟通话 and the sidebar stayed
over the practice page until he found « (qa25; a language switch left it open the same way, qa23 G4). After either,
a short script presses the sidebar's « when the window is narrow and the sidebar open.
"""

from __future__ import annotations

import time

import streamlit as st

# `__MARK__` differs for every closing, so each one is a new element and its script runs anew.
CLOSE_SIDEBAR_IF_NARROW = """<script>/* __MARK__ */ (() => {
const sidebar = document.querySelector('[data-testid="stSidebar"]');
if (window.innerWidth > 768 || !sidebar || sidebar.getAttribute("data-collapsed") === "true") return;
document.querySelector('[data-testid="stSidebarCollapseButton"] button')?.click();
})();</script>"""
PAGE_DRAWN_KEY = "_page_drawn"  # the page this browser session drew last


def close_sidebar_if_narrow(mark: str) -> None:
    """Close the sidebar when the window is narrow and it is open; `mark` new for each closing."""
    st.sidebar.html(CLOSE_SIDEBAR_IF_NARROW.replace("__MARK__", mark), unsafe_allow_javascript=True)


def close_after_page_change(page: str) -> None:
    """Close the sidebar of a narrow window when this run draws another page than the last one did (a page chosen in
    the menu, or switched to); the first page of a session, and reruns of the same page, leave it as it is."""
    drawn = st.session_state.get(PAGE_DRAWN_KEY)
    st.session_state[PAGE_DRAWN_KEY] = page
    if drawn is not None and drawn != page:
        close_sidebar_if_narrow(f"{page} {time.monotonic_ns()}")
