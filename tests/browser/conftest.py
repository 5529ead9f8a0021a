"""End-to-end tests in a real browser: Debian's Chromium driven by Playwright against the app
started exactly as `make run` starts it (its command is read from the Makefile), on a
temporary data directory and a copy of the content.

The app is started once per test session; each test gets a fresh browser context (its own
cookies) that fails the test on any console error and on any request leaving the machine.
Timings of each journey step are collected; `bench/browser_journeys.py` prints their medians.
Skipped, with the reason, where Chromium or Playwright is not installed.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import pytest

from tests.browser.driver import ACTION_TIMEOUT_MS, Browser, Journal
from tests.browser.serving import ANY_PORT, start_server, stop_server
from tests.conftest import BUILT_REAL_CONTENT

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("AGENT_TRAINER_CHROMIUM", "/usr/bin/chromium"))
TIMINGS_FILE = os.environ.get("AGENT_TRAINER_BROWSER_TIMINGS")  # where bench/browser_journeys.py wants the timings


def _skip_reason() -> str | None:
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed (pip install -r requirements.txt)"
    if not CHROMIUM.exists():
        return f"Chromium is not installed at {CHROMIUM} (apt-get install chromium fonts-noto-cjk; .ci/run does this as root)"
    return None


def pytest_collection_modifyitems(config, items):
    reason = _skip_reason()
    if reason:
        for item in items:
            if "tests/browser" in str(item.fspath).replace(os.sep, "/"):
                item.add_marker(pytest.mark.skip(reason=f"browser tests skipped: {reason}"))


def make_run_command(port: int) -> tuple[list[str], list[str]]:
    """The index build and serve commands of the Makefile's `run` target, on our Python and `port` (ANY_PORT: the
    kernel's choice, see tests/browser/serving.py)."""
    text = (ROOT / "Makefile").read_text()
    body = text.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    commands = [line.strip() for line in body.splitlines()[1:] if line.startswith("\t")]
    build, serve = [shlex.split(c.replace("$(BIN)/python", sys.executable)) for c in commands]
    serve = [str(port) if part == "8501" else part for part in serve]
    assert str(port) in serve, "the Makefile's run command names its port as 8501"
    return build, serve


@pytest.fixture(scope="package")
def served_app():
    """The app served on a local port the kernel picks, on a fresh data directory and a copy of the content: its
    address and the environment it runs in."""
    workdir = Path(tempfile.mkdtemp(prefix="agent-trainer-browser-"))
    shutil.copytree(ROOT / "content", workdir / "content")
    env = {**os.environ, "AGENT_TRAINER_DATA_DIR": str(workdir / "data"),
           "AGENT_TRAINER_CONTENT_DIR": str(workdir / "content"),
           "AGENT_TRAINER_EMBEDDING_CACHE_DIR": str(ROOT / "data" / "test-embeddings")}
    env.pop("AGENT_TRAINER_DATABASE_URL", None)
    build, serve = make_run_command(ANY_PORT)
    # `kb build` also trains the practice-call judge, so no journey step times the training. Under `make test` the
    # same content was built once before the workers started (tests/conftest.py): its index and judge are copied.
    built = os.environ.get(BUILT_REAL_CONTENT)
    if built and Path(built).is_dir():
        shutil.copytree(built, workdir / "data")
    else:
        subprocess.run(build, cwd=ROOT, env=env, check=True, capture_output=True)
    server, url = start_server(serve, workdir / "server.log", cwd=ROOT, env=env)
    yield url, env
    stop_server(server)
    server_log = (workdir / "server.log").read_text()
    shutil.rmtree(workdir, ignore_errors=True)
    assert "Traceback" not in server_log, server_log[-3000:]


@pytest.fixture(scope="package")
def app_url(served_app):
    return served_app[0]


@pytest.fixture(scope="package")
def still_signed_in(served_app):
    """Whether a page's sign-in still holds, read from the app's store by the page's sign-in cookie. A sign-out
    elsewhere, a lock or a new password ends every session of the account while a shared page still shows it signed
    in: a test that began on it with a click (not a page load) met the sign-in form (ui51's leftover)."""
    from settings import Settings
    from trainer.store.db import Database
    from trainer.users.sessions import session_of_cookie
    from ui.session_cookie import COOKIE_NAME

    settings = Settings.from_env(served_app[1])
    store = Database(settings.resolved_database_url, migrate=False)

    def holds(page) -> bool:
        cookie = next((c["value"] for c in page.context.context.cookies() if c["name"] == COOKIE_NAME), None)
        return session_of_cookie(store, settings, cookie) is not None

    yield holds
    store.dispose()


@pytest.fixture(scope="package")
def journal():
    """Step timings of the whole session, written where the bench asks for them."""
    timings: dict[str, list[float]] = defaultdict(list)
    yield Journal(timings)
    if TIMINGS_FILE:
        Path(TIMINGS_FILE).write_text(json.dumps(timings, ensure_ascii=False, indent=1))


@pytest.fixture(scope="package")
def browser(app_url, journal):
    from playwright.sync_api import expect, sync_playwright

    # Playwright's `expect` waits 5 s by default, whatever the context's timeout: a condition a test waits for as the
    # user would (a value put back, a name reworded) gets as long as any action on a slow CI machine (suite48).
    expect.set_options(timeout=ACTION_TIMEOUT_MS)
    with sync_playwright() as playwright:
        yield Browser(playwright, str(CHROMIUM), app_url, journal)


class Contexts:
    """Makes fresh browser contexts for one test (each its own cookies, or an account's kept sign-in)."""

    def __init__(self, browser: Browser) -> None:
        self.browser = browser
        self.opened: list = []

    def __call__(self, storage_state: dict | None = None):
        context = self.browser.new_context(storage_state)
        self.opened.append(context)
        return context


@pytest.fixture
def open_context(browser):
    """Fresh browser contexts for one test; problems fail the test."""
    contexts = Contexts(browser)
    yield contexts
    problems = [p for context in contexts.opened for p in context.problems]
    for context in contexts.opened:
        context.close()
    assert not problems, "\n".join(problems)


PASSWORD = "Train-the-agents-1"


@pytest.fixture(scope="package")
def accounts(browser):
    """First run through the browser: the administrator, then an agent and an instructor added
    on the users page, each signing in once to replace the temporary password."""
    context = browser.new_context()
    page = context.page()
    page.open("/")
    page.fill("姓名", "系统管理员").fill("登录名", "admin").fill("密码", PASSWORD, exact=True).fill("确认密码", PASSWORD)
    page.click_button("创建并登录", step="first-run admin").wait_for_session_cookie()
    page.expect_text("管理员")
    browser.sign_ins["admin"] = context.context.storage_state()
    people = {}
    page.open("/users", step="open a page")
    for login, name, role in (("agent.wang", "王坐席", "坐席"), ("teacher.li", "李老师", "培训师")):
        page.kept_tab("添加用户")
        # each field reaches the app as it is left (not a form since polish30): typed and sent one by one, or a run
        # started by leaving one would draw the next again while it is being used
        page.type_and_enter("姓名", name).type_and_enter("登录名（工号或邮箱）", login).choose("角色", role)
        page.type_and_enter("班组", "一组")
        page.click_button("添加", step="add a user")
        page.expect_text(f"已添加 {name}")
        rows = page.download_text("下载临时密码（CSV）")
        temporary = next(line.split(",")[2].strip() for line in rows.splitlines() if line.startswith(login))
        people[login] = temporary
    assert not context.problems, context.problems
    context.close()
    for login, temporary in people.items():
        context = browser.new_context()
        page = context.page()
        page.open("/")
        page.sign_in(login, temporary)
        page.expect_text("临时密码")
        page.fill("新密码", PASSWORD).fill("确认新密码", PASSWORD)
        page.click_button("修改密码", step="forced password change")
        page.expect_no_text("临时密码")
        browser.sign_ins[login] = context.context.storage_state()
        assert not context.problems, context.problems
        context.close()
    return {"admin": PASSWORD, "agent.wang": PASSWORD, "teacher.li": PASSWORD}


@pytest.fixture(scope="package")
def _signed_in_pages(browser, accounts, still_signed_in):
    """One signed-in context per login for the whole session (signing in costs seconds), handed over signed in."""
    pages = {}

    def get(login: str):
        if login not in pages:
            pages[login] = _shared_page(browser, login)
        elif pages[login].asks_to_sign_in():  # the test before signed it out on the page itself
            pages[login].sign_in_and_keep(login, PASSWORD)
        elif not still_signed_in(pages[login]):  # ended elsewhere: its next run would draw the sign-in form
            pages[login].reload()  # a shared page's load signs in again (driver.Page.keep_signed_in)
        return pages[login]

    yield get
    for page in pages.values():
        page.context.close()


# A laptop screen: the instructors' pages must be readable at 1366 × 768 beside the open sidebar.
LAPTOP = {"width": 1366, "height": 768}


@pytest.fixture(scope="package")
def _laptop_pages(browser, accounts):
    """The 1366 px table tests' set-up, made once (perf21: each test signed in an agent and an instructor in new
    contexts): a page per login at 1366 × 768, opened again at "/" for each test (signed in again there after a
    sign-out test ended the account's sessions, as every shared page is: `_shared_page`)."""
    pages = {}

    def get(login: str):
        page = pages.get(login)
        if page is None:
            page = pages[login] = _shared_page(browser, login)
            page.page.set_viewport_size(LAPTOP)
        else:
            page.open("/")
        page.context.problems.clear()
        return page

    yield get
    for page in pages.values():
        page.context.close()


@pytest.fixture
def laptop_pages(_laptop_pages):
    """(agent page, instructor page) at 1366 px, shared by the table tests; problems fail the test."""
    pages = (_laptop_pages("agent.wang"), _laptop_pages("teacher.li"))
    yield pages
    problems = [p for page in pages for p in page.context.problems]
    assert not problems, "\n".join(problems)


def _checked(page):
    """Hand a shared page to one test; its console errors and off-machine requests fail that test."""
    page.context.problems.clear()
    yield page
    problems = list(page.context.problems)
    page.context.problems.clear()
    assert not problems, "\n".join(problems)


@pytest.fixture
def agent_page(_signed_in_pages):
    yield from _checked(_signed_in_pages("agent.wang"))


@pytest.fixture
def instructor_page(_signed_in_pages):
    yield from _checked(_signed_in_pages("teacher.li"))


def _signed_in_page(browser: Browser, new_context, login: str, through_the_form: bool = False):
    """A page of a new context signed in as `login`, at "/": started from the account's kept sign-in while it is still
    good (perf21: 22 sign-ins through the form, ~3 s each at load), else — or when the test is about signing in —
    signed in through the form, which is then kept. A sign-out ends every session of the account, the kept one too:
    the next page signs in through the form again."""
    kept = None if through_the_form else browser.sign_ins.get(login)
    page = new_context(kept).page()
    page.open("/")
    if kept is None or page.asks_to_sign_in():
        page.sign_in_and_keep(login, PASSWORD)
    page.expect_text("退出登录")
    return page


def _shared_page(browser: Browser, login: str):
    """A signed-in page that many tests use in turn: each page load that finds the sign-in form signs in again
    (driver.Page.keep_signed_in). Another test's sign-out (qa_journeys, session_journeys) or lock ends every session of
    the account, and the shared page, opened as the instructor's 作业布置 or the agent's 今日训练, showed the sign-in form
    for the whole action timeout (ui50's two journeys after the rest of tests/browser, stop 49)."""
    page = _signed_in_page(browser, browser.new_context, login)
    page.keep_signed_in = (login, PASSWORD)
    return page


def signed_in(open_context, login: str, through_the_form: bool = False):
    """A page of a fresh context signed in as `login` (see _signed_in_page)."""
    return _signed_in_page(open_context.browser, open_context, login, through_the_form)


def text_of(value: str) -> str:
    return re.sub(r"\s+", " ", value)


def ended_practice_call(agent, scenario: str, reply: str) -> None:
    """On 模拟通话 (an unfinished call ended first), a call of the scenario whose title starts with `scenario`: `reply`
    said, then ended and confirmed — its report shown."""
    agent.click_link("模拟通话", step="open a page")
    if not agent.page.get_by_role("button", name="开始通话").count():
        agent.click_button("结束通话", step="practice turn").click_button("确定结束", step="practice report")
        agent.click_button("换个情景")
    agent.choose("情景", scenario, exact=False)
    agent.click_button("开始通话", step="practice start")
    box = agent.page.get_by_placeholder("输入您对客户说的话")
    box.fill(reply)
    agent.act(lambda: box.press("Enter"), step="practice turn")
    agent.click_button("结束通话", step="practice turn")
    agent.click_button("确定结束", step="practice report")
