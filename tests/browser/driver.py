"""A small driver for the Streamlit app in Chromium: what a user does (open, type, click, choose),
each action waiting until the app has finished redrawing, and timing it.

"Finished" is read from the attribute Streamlit keeps on its root element
(data-test-script-state): a script observer counts each change to "notRunning" and notes when
it happened, so an action's time runs from the click to the end of the last rerun it caused
(a page that calls st.rerun() runs twice, and the user waits for both).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}
QUIET_SECONDS = 0.8  # no change for this long after a run: settled (st.rerun can start the next run 0.5 s later)
ACTION_TIMEOUT_MS = 90_000

RUN_OBSERVER = """
window.__stRuns = 0; window.__stLastDone = 0; window.__stLastChange = 0;
new MutationObserver(changes => {
  const now = performance.now();
  for (const change of changes) {
    if (change.type !== 'attributes') { window.__stLastChange = now; continue; }
    const state = change.target.getAttribute && change.target.getAttribute('data-test-script-state');
    if (state === 'notRunning' && change.oldValue !== 'notRunning') {
      window.__stRuns += 1; window.__stLastDone = now; window.__stLastChange = now;
    }
  }
}).observe(document, {attributes: true, attributeFilter: ['data-test-script-state'], attributeOldValue: true,
                      childList: true, characterData: true, subtree: true});
"""
STATE = "document.querySelector('[data-test-script-state]')?.getAttribute('data-test-script-state')"


@dataclass
class Journal:
    """Seconds per named journey step, for docs/benchmarks.md (bench/browser_journeys.py)."""

    timings: dict[str, list[float]]

    def note(self, step: str, seconds: float) -> None:
        self.timings[step].append(round(seconds, 3))


class Browser:
    def __init__(self, playwright, executable: str, base_url: str, journal: Journal) -> None:
        self.browser = playwright.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
        self.base_url = base_url
        self.journal = journal

    def new_context(self) -> "Context":
        return Context(self)


class Context:
    """One browser profile (cookies); records console errors and requests off the machine."""

    def __init__(self, browser: Browser) -> None:
        self.browser = browser
        self.context = browser.browser.new_context(locale="zh-CN", base_url=browser.base_url, accept_downloads=True,
                                                   permissions=["clipboard-read", "clipboard-write"])
        self.context.set_default_timeout(ACTION_TIMEOUT_MS)
        self.context.add_init_script(RUN_OBSERVER)
        self.context.route("**/*", self._only_local)
        self.problems: list[str] = []

    def _only_local(self, route) -> None:
        url = route.request.url
        parsed = urlparse(url)
        if parsed.scheme in ("data", "blob") or parsed.hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            self.problems.append(f"request off the machine: {url}")
            route.abort()

    def page(self) -> "Page":
        page = self.context.new_page()
        page.on("console", lambda message: self.problems.append(f"console {message.type}: {message.text} "
                                                                f"({message.location.get('url', '')})")
                if message.type == "error" else None)
        page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        return Page(page, self)

    def close(self) -> None:
        self.context.close()


@dataclass
class Page:
    page: object
    context: Context
    last_seconds: float = field(default=0.0)

    # ---- waiting and timing --------------------------------------------------------------

    def _runs(self) -> int:
        return self.page.evaluate("window.__stRuns")

    def settle(self, runs_before: int, started_ms: float) -> float:
        """Wait until a run has ended after the action and no other follows; its duration in seconds."""
        self.page.wait_for_function(f"window.__stRuns > {runs_before} && {STATE} === 'notRunning'",
                                    timeout=ACTION_TIMEOUT_MS)
        # The last elements of a run can be drawn a moment after the run is reported finished:
        # settled means not running and no change to the page for QUIET_SECONDS.
        quiet_ms = QUIET_SECONDS * 1000
        self.page.wait_for_function(f"{STATE} === 'notRunning' && performance.now() - window.__stLastChange > {quiet_ms}",
                                    timeout=ACTION_TIMEOUT_MS, polling=50)
        exceptions = self.page.locator("[data-testid=stException]")
        if exceptions.count():
            self.context.problems.append(f"the app showed an exception: {exceptions.first.inner_text()[:500]}")
        done_ms = self.page.evaluate("Math.max(window.__stLastDone, window.__stLastChange)")
        self.last_seconds = max(0.0, (done_ms - started_ms) / 1000)
        return self.last_seconds

    def act(self, action, step: str | None = None) -> "Page":
        """Do `action` (which makes the app rerun) and wait for the page to settle; time it as `step`."""
        before = self._runs()
        started = self.page.evaluate("performance.now()")
        action()
        seconds = self.settle(before, started)
        if step:
            self.context.browser.journal.note(step, seconds)
        return self

    def open(self, path: str, step: str | None = None) -> "Page":
        """Load an address (a new page load: a new Streamlit session), timed from navigation start."""
        self.page.goto(path)
        seconds = self.settle(0, 0.0)
        if step:
            self.context.browser.journal.note(step, seconds)
        return self

    def reload(self, step: str | None = None) -> "Page":
        self.page.reload()
        seconds = self.settle(0, 0.0)
        if step:
            self.context.browser.journal.note(step, seconds)
        return self

    # ---- what a user does ----------------------------------------------------------------

    def field(self, label: str, exact: bool = True):
        return self.page.get_by_label(label, exact=exact).filter(visible=True).first

    def fill(self, label: str, value: str, exact: bool = True, within: str | None = None) -> "Page":
        """Type into a field (inside a form: sent with the form's button)."""
        self.field(label, exact).fill(value)
        return self

    def type_and_enter(self, label: str, value: str, step: str | None = None) -> "Page":
        """Type into a field outside a form and press Enter: the app reruns with it."""
        box = self.field(label)
        box.fill(value)
        return self.act(lambda: box.press("Enter"), step)

    def click_button(self, name: str, step: str | None = None, exact: bool = True) -> "Page":
        button = self.page.get_by_role("button", name=name, exact=exact).filter(visible=True).first
        return self.act(button.click, step)

    def click_link(self, name: str, step: str | None = None) -> "Page":
        link = self.page.get_by_role("link", name=name).filter(visible=True).first
        return self.act(link.click, step)

    def choose(self, label: str | re.Pattern, option: str, step: str | None = None, exact: bool = True) -> "Page":
        """Pick `option` (its text, or with exact=False a part of it) in the select box labelled `label`."""
        combobox = self.page.get_by_role("combobox", name=label, exact=True).filter(visible=True).first
        opener = combobox.locator("xpath=..").get_by_role("button", name="Open")  # the list, unfiltered
        for _ in range(3):  # a click right after another widget lost focus can be swallowed
            opener.click()
            try:
                self.page.wait_for_function("e => e.getAttribute('aria-expanded') === 'true'",
                                            arg=combobox.element_handle(), timeout=1000)
                break
            except Exception:  # noqa: BLE001 - Playwright's TimeoutError; try the click again
                continue
        option_item = self.page.get_by_role("option", name=option, exact=exact).first
        if combobox.evaluate("e => !!e.closest('[data-testid=stForm]')"):
            option_item.click()  # sent with the form's button
            return self
        return self.act(option_item.click, step)

    def pick_radio(self, option: str, step: str | None = None) -> "Page":
        radio = self.page.locator("[data-testid=stRadio] label").filter(has_text=re.compile(f"^{re.escape(option)}$"))
        return self.act(radio.first.click, step)

    def tab(self, name: str) -> "Page":
        self.page.get_by_role("tab", name=name).click()
        return self

    def sign_in(self, login: str, password: str) -> "Page":
        self.fill("登录名", login).fill("密码", password)
        self.click_button("登录", step="sign in")
        return self.wait_for_session_cookie()

    def wait_for_session_cookie(self) -> "Page":
        """The sign-in cookie is fetched by the page right after signing in: a reload before it
        arrives would (rightly) ask to sign in again, so a user-paced test waits for it."""
        deadline = time.monotonic() + 15
        while not any(c["name"] == "agent_trainer_session" for c in self.context.context.cookies()):
            assert time.monotonic() < deadline, "the sign-in cookie never arrived"
            time.sleep(0.05)
        return self

    def download_text(self, button: str) -> str:
        with self.page.expect_download() as download:
            self.page.get_by_role("button", name=button).filter(visible=True).first.click()
        return Path(download.value.path()).read_text(encoding="utf-8-sig")

    def download_file(self, button: str, target: Path) -> Path:
        with self.page.expect_download() as download:
            self.page.get_by_role("button", name=button).filter(visible=True).first.click()
        download.value.save_as(target)
        return target

    def upload(self, path: Path, step: str | None = None) -> "Page":
        chooser = self.page.locator("[data-testid=stFileUploader] input[type=file]").first
        return self.act(lambda: chooser.set_input_files(str(path)), step)

    # ---- what a user sees ----------------------------------------------------------------

    def main_text(self) -> str:
        """The page's own content (not the sidebar). The block container is there in every layout:
        a page with a chat box scrolls in a container that replaces the usual stMain."""
        return self.page.locator("[data-testid=stMainBlockContainer]").inner_text()

    def sidebar_text(self) -> str:
        return self.page.locator("[data-testid=stSidebar]").inner_text()

    def expect_text(self, text: str) -> "Page":
        self.page.get_by_text(text, exact=False).first.wait_for(state="visible", timeout=ACTION_TIMEOUT_MS)
        return self

    def expect_no_text(self, text: str) -> "Page":
        """`text` is gone from the page (waiting out a follow-up rerun, as a user would)."""
        deadline = time.monotonic() + ACTION_TIMEOUT_MS / 1000
        while text in self.page.locator("body").inner_text():
            assert time.monotonic() < deadline, f"{text!r} is still shown"
            time.sleep(0.1)
        return self
