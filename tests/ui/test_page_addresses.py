"""Every page address, and a wrong one, answers with Streamlit's page plus the root named (no 404 probes, no blank
page at a nested address); Streamlit's own routes and files are left to it."""

from __future__ import annotations

import asyncio
import importlib
from pathlib import Path

from starlette.requests import Request

from starlette.routing import Match

from ui.page_addresses import page_routes, path_under_root, serve_page_shell
from ui.pages import FAVICON, PAGES

ROOT = Path(__file__).resolve().parents[2]


def get(path: str):
    scope = {"type": "http", "method": "GET", "path": path, "scheme": "http", "query_string": b"",
             "server": ("localhost", 8501), "headers": []}
    return asyncio.run(serve_page_shell(Request(scope)))


def test_a_page_address_gets_the_app_with_the_root_named_before_any_script():
    html = get("/search").body.decode()
    assert '<base href="./">' in html and "BACKEND_BASE_URL: document.baseURI" in html
    assert html.index("BACKEND_BASE_URL") < html.index('<script type="module"'), "the hint must run first"
    assert html.index("<base") < html.index('src="./static/'), "the page's files are found from the root"


def test_a_nested_address_finds_the_pages_files_at_the_root():
    """/a/b showed a blank page: its files, ./static/…, were looked for under /a/ and got the page instead."""
    assert '<base href="../">' in get("/a/b").body.decode()
    assert '<base href="../../">' in get("/a/b/").body.decode()


def matched(path: str) -> bool:
    [route] = page_routes()
    return route.matches({"type": "http", "method": "GET", "path": path})[0] == Match.FULL


def test_the_launcher_serves_every_page_address_and_leaves_streamlits_own_to_it():
    serve = importlib.import_module("serve")
    assert type(serve.app._user_routes[-1]).__name__ == "PageAddress", "page addresses are served, after the app's routes"
    for page in PAGES:
        assert matched(f"/{page.url_path}"), page.path
    assert matched("/foo") and matched("/a/b") and matched("/search/")
    for own in ("/", "/_stcore/health", "/_stcore/host-config", "/static/js/nothing.js", "/favicon.png",
                "/manifest.json", "/media/x.png", "/component/x"):
        assert not matched(own), own


def test_an_address_is_read_under_the_apps_base_path():
    assert path_under_root("/a/b", "") == "a/b"
    assert path_under_root("/trainer/search", "/trainer/") == "search"
    assert path_under_root("/trainer", "trainer") == ""
    assert path_under_root("/other/search", "trainer") is None


def test_the_browser_tab_icon_is_drawn_locally():
    # a ":material/…:" icon is fetched from fonts.gstatic.com by the browser on every page
    assert not FAVICON.startswith(":"), FAVICON
    assert 'page_icon=":' not in (ROOT / "app.py").read_text()


def test_make_run_serves_without_the_file_watcher():
    run_line = next(line for line in (ROOT / "Makefile").read_text().splitlines() if "streamlit run" in line)
    assert "--server.fileWatcherType none" in run_line, "inotify floods the log on a big checkout"
