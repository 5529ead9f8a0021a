"""Defects left by qa16 that only a browser shows (polish19)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.browser.conftest import ROOT, make_run_command
from tests.browser.serving import ANY_PORT, start_server, stop_server

# Streamlit's own page list, drawn when it treats a `pages/` folder beside the main script as a
# version-1 multipage app; our menu is page links under our own sidebar title.
STREAMLIT_PAGE_LIST = "[data-testid=stSidebarNav]"


class Server:
    """The app as `make run` serves it, on a fresh data directory, that a test can restart."""

    def __init__(self, workdir: Path) -> None:
        shutil.copytree(ROOT / "content", workdir / "content")
        self.workdir = workdir
        self.env = {**os.environ, "AGENT_TRAINER_DATA_DIR": str(workdir / "data"),
                    "AGENT_TRAINER_CONTENT_DIR": str(workdir / "content"),
                    "AGENT_TRAINER_EMBEDDING_CACHE_DIR": str(ROOT / "data" / "test-embeddings")}
        self.env.pop("AGENT_TRAINER_DATABASE_URL", None)
        self.port = ANY_PORT  # the kernel's choice at the first start; the same port again at a restart
        self.url = ""
        self.process: subprocess.Popen | None = None
        self.logs: list[str] = []

    def start(self) -> None:
        log = self.workdir / f"server-{len(self.logs)}.log"
        self.logs.append(str(log))
        _, command = make_run_command(self.port)
        self.process, url = start_server(command, log, cwd=ROOT, env=self.env)
        assert self.url in ("", url), f"restarted on {url}, not on {self.url}"
        self.url, self.port = url, int(url.rsplit(":", 1)[1])

    def stop(self) -> None:
        if self.process is not None:
            stop_server(self.process)
            self.process = None


@pytest.fixture
def restartable_app():
    server = Server(Path(tempfile.mkdtemp(prefix="agent-trainer-restart-")))
    server.start()
    yield server
    server.stop()
    shutil.rmtree(server.workdir, ignore_errors=True)


def test_after_a_server_restart_the_browser_shows_only_our_menu(restartable_app, browser):
    """qa15 #10, qa16 #10: a tab kept open over a server restart and reloaded showed Streamlit's own English list of
    the `pages/` files (app, account, admin, api tokens…) to an agent, and ran the page without app.py."""
    server = restartable_app
    context = browser.serving(server.url).new_context()
    try:
        page = context.page()
        page.open("/search")
        assert page.page.locator(STREAMLIT_PAGE_LIST).count() == 0
        page.expect_text("坐席陪练")

        server.stop()
        server.start()
        # the new server's first session opens /search, not /; read once app.py's language switch is drawn
        page.reload(shows='[data-testid=stSidebar] >> text="中文"')
        assert page.page.locator(STREAMLIT_PAGE_LIST).count() == 0, page.sidebar_text()
        sidebar = page.sidebar_text()
        assert "坐席陪练" in sidebar and "api tokens" not in sidebar.lower(), sidebar
        assert "中文" in sidebar, "the language switch is drawn by app.py, so app.py ran"
    finally:
        context.close()


def spoken_name(page, selector: str) -> str:
    """The name Chromium's accessibility tree gives an element: what a screen reader says for it."""
    cdp = page.context.context.new_cdp_session(page.page)
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    [ax] = [n for n in cdp.send("Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False})["nodes"]
            if not n.get("ignored")][:1]
    cdp.detach()
    return ax["name"]["value"]


def test_a_screen_reader_hears_the_skip_link_and_the_page_in_the_language_chosen(agent_page):
    """polish18 left: the skip link was drawn in Chinese but read "Skip to main content 跳到主要内容", and the
    page said it was English (lang="en"), so a screen reader read the Chinese UI with an English voice."""
    page = agent_page
    skip_link = "[data-testid=stSkipToContent]"

    def named(words: str) -> str:
        """The skip link once the app's script has named it (it runs after Streamlit draws the link): read then."""
        return f'{skip_link}[aria-label="{words}"]'

    page.open("/search", shows=named("跳到主要内容"))
    assert spoken_name(page, skip_link) == "跳到主要内容"
    assert page.page.evaluate("document.documentElement.lang") == "zh-CN"
    page.pick_radio("English", shows=named("Skip to main content"))
    try:
        assert spoken_name(page, skip_link) == "Skip to main content"
        assert page.page.evaluate("document.documentElement.lang") == "en"
    finally:
        page.pick_radio("中文", shows=named("跳到主要内容"))
    assert spoken_name(page, skip_link) == "跳到主要内容"
