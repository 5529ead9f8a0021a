"""The page's frame: how much room Streamlit leaves above each page's title.

Streamlit pads the main column by 6rem at the top, whatever the screen: on a 1280 × 720 laptop the title
started a sixth of the way down, the search box below it (polish21). The header band that padding clears
is empty and transparent here (client.toolbarMode = "minimal": no menu; the sidebar's open button alone
appears in it, at the far left, outside the column), so the padding follows the screen's height instead:
8% of it, between 3rem and Streamlit's 6rem (58 px at 720, 86 px at 1080).
"""

from __future__ import annotations

import streamlit as st

TOP_PADDING = "clamp(3rem, 8vh, 6rem)"
PAGE_STYLE = f'<style>[data-testid="stMainBlockContainer"] {{padding-top: {TOP_PADDING}}}</style>'


def page_frame() -> None:
    """Draw the page's frame style (every page, before its content; a style takes no room)."""
    st.html(PAGE_STYLE)
