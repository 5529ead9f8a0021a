"""Defects left for polish21 that only a browser shows."""

from __future__ import annotations

TITLE_TOP = """() => Math.round(document.querySelector('[data-testid=stMain] h1').getBoundingClientRect().top)"""


def _title_top(page, width: int, height: int, path: str) -> int:
    page.page.set_viewport_size({"width": width, "height": height})
    page.open(path, step="open a page")
    page.page.locator("[data-testid=stMain] h1").first.wait_for()
    return page.page.evaluate(TITLE_TOP)


def test_a_laptop_screen_shows_the_title_near_the_top(agent_page):
    """Streamlit's 6rem above every page's title, on any screen: at 1280 × 720 the title began 96 px down,
    a sixth of the screen before anything to read. The room now follows the screen's height."""
    for path in ("/search", "/progress"):
        laptop, large = _title_top(agent_page, 1280, 720, path), _title_top(agent_page, 1920, 1080, path)
        assert laptop <= 60, f"{path}: the title starts {laptop} px down at 1280 × 720"
        assert laptop < large <= 96, f"{path}: {laptop} px at 720 high, {large} px at 1080 high"
