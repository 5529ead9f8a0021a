"""Each page's own address answers with Streamlit's page plus the root hint (no 404 probes)."""

from __future__ import annotations

import asyncio
import importlib
from pathlib import Path

from starlette.requests import Request

from ui.page_addresses import ROOT_HINT, page_routes, serve_page_shell
from ui.pages import FAVICON, PAGES

ROOT = Path(__file__).resolve().parents[2]


def get(path: str):
    scope = {"type": "http", "method": "GET", "path": path, "scheme": "http", "query_string": b"",
             "server": ("localhost", 8501), "headers": []}
    return asyncio.run(serve_page_shell(Request(scope)))


def test_a_page_address_gets_the_app_with_the_root_named_before_any_script():
    html = get("/search").body.decode()
    assert ROOT_HINT in html
    assert html.index("BACKEND_BASE_URL") < html.index('<script type="module"'), "the hint must run first"


def test_the_launcher_serves_every_page_address_including_the_default_page():
    serve = importlib.import_module("serve")
    served = {getattr(route, "path", None) for route in serve.app._user_routes}
    for page in PAGES:
        assert f"/{page.url_path}" in served, page.path
    assert {route.path for route in page_routes(["quiz"])} == {"/quiz"}


def test_the_browser_tab_icon_is_drawn_locally():
    # a ":material/…:" icon is fetched from fonts.gstatic.com by the browser on every page
    assert not FAVICON.startswith(":"), FAVICON
    assert 'page_icon=":' not in (ROOT / "app.py").read_text()


def test_make_run_serves_without_the_file_watcher():
    run_line = next(line for line in (ROOT / "Makefile").read_text().splitlines() if "streamlit run" in line)
    assert "--server.fileWatcherType none" in run_line, "inotify floods the log on a big checkout"
