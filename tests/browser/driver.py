"""A small driver for the Streamlit app in Chromium: what a user does (open, type, click, choose),
each action waiting until the app has finished redrawing, and timing it.

"Finished" is read from the attribute Streamlit keeps on its root element
(data-test-script-state): a script observer counts each change to "notRunning" and notes when
it happened, so an action's time runs from the click to the end of the last rerun it caused
(a page that calls st.rerun() runs twice, and the user waits for both).

Streamlit draws an element whose code is not loaded yet as a skeleton (data-testid=stSkeleton) and loads that code
on first use, from the browser's cache when another page had it: no request, no change to the page until it is
there. On a loaded machine that takes seconds, so a settled page also shows no skeleton unless a request is still
loading (a download on a weak link, see LOADING_SECONDS) (polish23: the skip link's
name and a second tab's sidebar, without its page links and 退出登录, were read with skeletons in their place;
reproduced with Chromium's CPU slowed 20×). That rule narrows the race without closing it: an element whose code is
still on its way is not always drawn as a skeleton (polish23: a second tab slowed 50× read 点击次数 0 with no button,
no skeleton and no request in flight). So an action that is followed by reading one element names it (`shows`, a
Playwright selector): the page is settled only once that element is on the page, the very thing the test then
reads or uses (polish25), with no sleep or retry in between.

An action must start a run, and is done once. When none starts within the action timeout, the messages on the
app's websocket tell why: an action that sent nothing reached no widget; a rerun request that no run follows is a
lost rerun; either fails the test, naming what was clicked, what went over the websocket and what the page showed.
An action is never done again (polish28). choose() pressed a select box's opener up to three times, "a click right
after another widget lost focus can be swallowed". Two causes were found: on a loaded machine the list opens more than
the 1 s it allowed after the click (1.3–2.2 s after it at 50× CPU slowdown, 4 of 4), and the second press either closed
it or, the list open and React Aria hiding the page outside it from the accessibility tree, waited 90 s for an opener
it could not find; and Streamlit's list can open on the press and close ~30 ms later when the click lands after the
list took the focus (logged in 3 of 4 suite runs). So the list is opened once, from the keyboard, and waited for as
long as any action. act() did again an action after which the page showed no run and sent nothing for 20 s: the page
shows a click at once, so that is a click that reached no widget — a defect to name, not to retry past.
"""

from __future__ import annotations

import copy

import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}
QUIET_SECONDS = 0.5  # no change to the page for this long after the last run ended and its downloads: drawn
LOADING_SECONDS = 10.0  # a request of the page open this long draws nothing the action waits for (a download)
ACTION_TIMEOUT_MS = 90_000
OPEN_ATTEMPTS = 3  # choose(): down-arrow presses on a select box whose list stays shut
QUIET_MESSAGES = {"app_heartbeat", "heartbeat_ack"}  # websocket traffic that is not about a run
STOPPED_FOR_RERUN = "script_finished (stopped for a rerun)"  # st.rerun(): the next run follows at once
RUN_MESSAGES = ("new_session", "script_finished", STOPPED_FOR_RERUN)

RUN_OBSERVER = """
window.__stRuns = 0; window.__stStarts = 0; window.__stLastDone = 0; window.__stLastChange = 0;
new MutationObserver(changes => {
  const now = performance.now();
  for (const change of changes) {
    if (change.type !== 'attributes') { window.__stLastChange = now; continue; }
    const state = change.target.getAttribute && change.target.getAttribute('data-test-script-state');
    if (state === 'running' && change.oldValue !== 'running') window.__stStarts += 1;
    if (state === 'notRunning' && change.oldValue !== 'notRunning') {
      window.__stRuns += 1; window.__stLastDone = now; window.__stLastChange = now;
    }
  }
}).observe(document, {attributes: true, attributeFilter: ['data-test-script-state'], attributeOldValue: true,
                      childList: true, characterData: true, subtree: true});
"""
STATE = "document.querySelector('[data-test-script-state]')?.getAttribute('data-test-script-state')"
SKELETON = "[data-testid=stSkeleton]"  # an element drawn before its code has loaded
CONNECTION = "document.querySelector('[data-test-connection-state]')?.getAttribute('data-test-connection-state')"
# The sign-in form's labels (ui/signin.py), in either UI language
SIGN_IN_LOGIN, SIGN_IN_PASSWORD = re.compile(r"^(登录名|Login)$"), re.compile(r"^(密码|Password)$")
SIGN_IN_BUTTON = re.compile(r"^(登录|Sign in)$")


def sidebar(role: str, name: str) -> str:
    """A selector (for `shows`) of the sidebar's element of `role` named `name`, e.g. its 退出登录 button."""
    return f'[data-testid=stSidebar] >> role={role}[name="{name}"]'


class LostRerun(AssertionError):
    """An action asked the app to rerun (or may have) and no script run followed."""


@dataclass
class Wire:
    """The Streamlit messages on a page's websocket, in order: (monotonic seconds, direction, type).

    Read to tell a click that never reached the app from a rerun the app lost."""

    messages: list[tuple[float, str, str]] = field(default_factory=list)
    loading: dict[object, float] = field(default_factory=dict)  # HTTP requests not answered yet: when each began

    def follow_requests(self, page) -> None:
        """Note the page's HTTP requests in flight: what the page fetches after a run has finished (code
        loaded on first use, e.g. for a table) draws after a pause in which nothing on the page changes."""
        page.on("request", lambda request: request.resource_type == "websocket"  # open for good: no download
                or self.loading.__setitem__(request, time.monotonic()))
        page.on("requestfinished", lambda request: self.loading.pop(request, None))
        page.on("requestfailed", lambda request: self.loading.pop(request, None))

    def loaded(self) -> bool:
        """No request of the page begun in the last LOADING_SECONDS is still unanswered."""
        recent = time.monotonic() - LOADING_SECONDS
        return not any(began > recent for began in list(self.loading.values()))

    def watch(self, websocket) -> None:
        if not urlparse(websocket.url).path.endswith("/_stcore/stream"):
            return
        websocket.on("framesent", lambda payload: self._note("sent", BackMsg, payload))
        websocket.on("framereceived", lambda payload: self._note("received", ForwardMsg, payload))
        websocket.on("close", lambda _: self.messages.append((time.monotonic(), "closed", "websocket")))

    def _note(self, direction: str, kind, payload: str | bytes) -> None:
        message = kind()
        try:
            message.ParseFromString(payload.encode() if isinstance(payload, str) else payload)
            name = message.WhichOneof("type") or "empty"
            if name == "script_finished" and message.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                name = STOPPED_FOR_RERUN
        except Exception:  # noqa: BLE001 - protobuf's DecodeError; keep the record, unnamed
            name = "undecodable"
        self.messages.append((time.monotonic(), direction, name))

    def run_started_since(self, mark: int) -> bool:
        """The app began a script run after `mark` (each run opens with new_session)."""
        return any(d == "received" and n in RUN_MESSAGES for _, d, n in self.messages[mark:])

    def run_ended_since(self, mark: int) -> bool:
        """A run after `mark` finished (not stopped to make way for another: st.rerun, st.switch_page)."""
        return any(d == "received" and n == "script_finished" for _, d, n in self.messages[mark:])

    def idle_since(self, mark: int) -> bool:
        """No run is under way or announced: the last run message after `mark` is a finish, and no rerun
        request was sent after it. A run that calls st.rerun() says so itself (FINISHED_EARLY_FOR_RERUN),
        so the quiet time after a run need not cover the gap before the next one."""
        for _, direction, name in reversed(self.messages[mark:]):
            if direction == "sent" and name == "rerun_script":
                return False
            if direction == "received" and name in RUN_MESSAGES:
                return name == "script_finished"
        return True

    def since(self, mark: int) -> list[tuple[float, str, str]]:
        """Messages after `mark` (a length of `messages`), heartbeats left out."""
        return [m for m in self.messages[mark:] if m[2] not in QUIET_MESSAGES]

    def summary(self, mark: int, started: float) -> str:
        seen = self.since(mark)
        if not seen:
            return "nothing was sent or received on the app's websocket"
        return ", ".join(f"{direction} {name} at +{at - started:.2f} s" for at, direction, name in seen[:12]) + \
            (f" and {len(seen) - 12} more" if len(seen) > 12 else "")


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
        # Each account's signed-in state (its session cookie, Playwright's storage_state), kept once it is made: a new
        # context starts from it instead of signing in through the form (argon2id on the server: ~3 s at load).
        self.sign_ins: dict[str, dict] = {}

    def new_context(self, storage_state: dict | None = None) -> "Context":
        return Context(self, storage_state)

    def serving(self, base_url: str) -> "Browser":
        """The same Chromium pointed at another server (a test that starts and restarts its own app): Playwright's
        sync API allows one instance per thread, so a second `sync_playwright()` fails inside the whole suite."""
        other = copy.copy(self)
        other.base_url = base_url
        other.sign_ins = {}  # that server's accounts are its own
        return other


class Context:
    """One browser profile (cookies); records console errors and requests off the machine."""

    def __init__(self, browser: Browser, storage_state: dict | None = None) -> None:
        self.browser = browser
        self.context = browser.browser.new_context(locale="zh-CN", base_url=browser.base_url, accept_downloads=True,
                                                   permissions=["clipboard-read", "clipboard-write"],
                                                   storage_state=storage_state)
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
        wire = Wire()
        page.on("websocket", wire.watch)
        wire.follow_requests(page)
        page.on("console", lambda message: self.problems.append(f"console {message.type}: {message.text} "
                                                                f"({message.location.get('url', '')})")
                if message.type == "error" else None)
        page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        return Page(page, self, wire)

    def close(self) -> None:
        self.context.close()


@dataclass
class Page:
    page: object
    context: Context
    wire: Wire = field(default_factory=Wire)
    last_seconds: float = field(default=0.0)
    # (login, password) of a page shared by many tests (tests/browser/conftest.py): a page load that finds the sign-in
    # form signs in again. A sign-out or a lock ends every session of the account, the shared page's too, and the tests
    # after it found the sign-in form where their page should be (ui50's two journeys after qa_journeys and
    # session_journeys, stop 49; ui51).
    keep_signed_in: tuple[str, str] | None = field(default=None)

    # ---- waiting and timing --------------------------------------------------------------

    def _runs(self) -> int:
        return self.page.evaluate("window.__stRuns")

    def settle(self, runs_before: int, started_ms: float, what: str = "loading the page", mark: int | None = None,
               shows: str | None = None) -> float:
        """Wait until a run has ended after the action and no other follows, and `shows` (a selector of what the
        test reads next) is on the page; its duration in seconds.

        A run ended when the page's script state says so, or when the websocket brought its
        script_finished: a run of a few milliseconds can be drawn without the state ever showing
        'running' (React draws its messages at once), and the page observer then counts no run."""
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        ended = (lambda: (mark is not None and self.wire.run_ended_since(mark))
                 or self._page_says(f"window.__stRuns > {runs_before} && {STATE} === 'notRunning'"))
        try:
            if not self._within(ACTION_TIMEOUT_MS / 1000, ended):
                raise PlaywrightTimeout("no run ended")
            # The last elements of a run can be drawn a moment after the run is reported finished:
            # settled means no run under way or announced on the websocket, no request of the page
            # in flight, not running on the page, no change to the page for QUIET_SECONDS, and no element
            # waiting for its code (a skeleton).
            quiet = (f"{STATE} === 'notRunning' && performance.now() - window.__stLastChange > "
                     f"{QUIET_SECONDS * 1000}")
            if not self._within(ACTION_TIMEOUT_MS / 1000, lambda: (mark is None or self.wire.idle_since(mark))
                                and self.wire.loaded() and self._page_says(quiet) and self._code_loaded()
                                and self._drawn(shows)):
                raise PlaywrightTimeout("the page did not settle")
        except PlaywrightTimeout:
            state = self.page.evaluate(f"[{STATE}, {CONNECTION}]")
            waited = f" (waiting for {shows!r}: {'drawn' if self._drawn(shows) else 'not drawn'})" if shows else ""
            raise AssertionError(f"{what}: the page did not settle within {ACTION_TIMEOUT_MS // 1000} s{waited} (script "
                                 f"state {state[0]!r}, connection {state[1]!r}, address {self.page.url}).\n"
                                 f"Websocket: {self.wire.summary(mark or 0, time.monotonic())}.\n"
                                 f"The page showed: {self.shown()}") from None
        exceptions = self.page.locator("[data-testid=stException]")
        if exceptions.count():
            self.context.problems.append(f"the app showed an exception: {exceptions.first.inner_text()[:500]}")
        done_ms = self.page.evaluate("Math.max(window.__stLastDone, window.__stLastChange)")
        self.last_seconds = max(0.0, (done_ms - started_ms) / 1000)
        return self.last_seconds

    def act(self, action, step: str | None = None, what: str | None = None, shows: str | None = None) -> "Page":
        """Do `action` (which makes the app rerun) once and wait for the page to settle, and for `shows` (a selector of
        the element the test reads next) to be drawn; time it as `step`.

        `what` names the action in a failure (by default the element it clicks). An action that starts no run within
        the action timeout fails, saying whether it sent anything to the app; it is never done a second time."""
        what = what or describe(action)
        before, starts = self._counters()
        mark, started_at = len(self.wire.messages), time.monotonic()
        started = self.page.evaluate("performance.now()")
        action()
        if not self._run_started(before, starts, mark, ACTION_TIMEOUT_MS / 1000):
            sent = sorted({name for _, direction, name in self.wire.since(mark) if direction == "sent"})
            raise LostRerun(self._no_run(what, mark, started_at, sent))
        seconds = self.settle(before, started, what, mark, shows)
        if step:
            self.context.browser.journal.note(step, seconds)
        return self

    def _drawn(self, shows: str | None) -> bool:
        """The element the test reads next is on the page (no selector: nothing to wait for). On the page, not
        visible: the skip link is drawn out of sight until focused."""
        if shows is None:
            return True
        try:
            return self.page.locator(shows).count() > 0
        except Exception:  # noqa: BLE001 - the page is between documents (a reload): not yet
            return False

    def _code_loaded(self) -> bool:
        """No element is waiting for code that comes from the cache: a skeleton while a request is still in flight
        is a download (a weak link), which `Wire.loaded` already lets a test go on without after LOADING_SECONDS."""
        return bool(self.wire.loading) or self._page_says(f"!document.querySelector('{SKELETON}')")

    def _counters(self) -> tuple[int, int]:
        """Runs ended and runs started so far on this page."""
        return tuple(self.page.evaluate("[window.__stRuns, window.__stStarts]"))

    def _run_started(self, runs_before: int, starts_before: int, mark: int, seconds: float) -> bool:
        """Whether a script run starts (or has already ended) within `seconds`: seen on the page or on the wire."""
        return self._within(seconds, lambda: self.wire.run_started_since(mark) or self._page_says(
            f"window.__stStarts > {starts_before} || window.__stRuns > {runs_before} || {STATE} !== 'notRunning'"))

    def _page_says(self, expression: str) -> bool:
        try:
            return bool(self.page.evaluate(expression))
        except Exception:  # noqa: BLE001 - the page is between documents (a reload): not yet
            return False

    def _within(self, seconds: float, condition) -> bool:
        """Whether `condition()` holds within `seconds`; Playwright delivers websocket events while it waits."""
        deadline = time.monotonic() + seconds
        while not condition():
            if time.monotonic() > deadline:
                return False
            self.page.wait_for_timeout(50)
        return True

    def _no_run(self, what: str, mark: int, started_at: float, sent: list[str]) -> str:
        """Why an action is a failure: what was done, what went over the websocket, what the page showed."""
        cause = (f"the page sent the app {' and '.join(sent)} but no script run followed (a lost rerun)" if sent
                 else "the action sent nothing to the app (it reached no widget)")
        state = self.page.evaluate(f"[{STATE}, {CONNECTION}]")
        return (f"{what}: no script run started within {ACTION_TIMEOUT_MS // 1000} s; {cause}."
                f"\nWebsocket since the action: {self.wire.summary(mark, started_at)}."
                f"\nScript state {state[0]!r}, connection {state[1]!r}, address {self.page.url}."
                f"\nThe page showed: {self.shown()}")

    def shown(self) -> str:
        """The page's visible text, shortened, for failure messages."""
        try:
            text = self.page.locator("body").inner_text(timeout=5000)
        except Exception as error:  # noqa: BLE001 - a failure message must not fail itself
            return f"(unreadable: {error})"
        text = re.sub(r"\s+", " ", text).strip()
        return text if len(text) <= 1500 else text[:1500] + " …"

    def open(self, path: str, step: str | None = None, shows: str | None = None) -> "Page":
        """Load an address (a new page load: a new Streamlit session), timed from navigation start; with `shows`,
        read once that element (what the test reads next) is drawn. A shared page (`keep_signed_in`) that opens on the
        sign-in form signs in and opens the address again."""
        return self._load(lambda: self.page.goto(path), f"opening {path}", step, shows)

    def reload(self, step: str | None = None, shows: str | None = None) -> "Page":
        return self._load(self.page.reload, "reloading the page", step, shows)

    def _load(self, load, what: str, step: str | None, shows: str | None) -> "Page":
        """Do `load` (a navigation) and wait for the page it opens; a shared page on the sign-in form is signed in
        and loaded again, the load that counts (and is timed) being the one after."""
        mark = len(self.wire.messages)
        load()
        if self.keep_signed_in is not None:
            self.settle(0, 0.0, what, mark)  # no `shows` yet: the sign-in form never draws it
            if self.asks_to_sign_in():
                self.sign_in_and_keep(*self.keep_signed_in)
                mark = len(self.wire.messages)
                load()
        seconds = self.settle(0, 0.0, what, mark, shows)
        if step:
            self.context.browser.journal.note(step, seconds)
        return self

    # ---- what a user does ----------------------------------------------------------------

    def field(self, label: str | re.Pattern, exact: bool = True):
        return self.page.get_by_label(label, exact=exact).filter(visible=True).first

    def fill(self, label: str | re.Pattern, value: str, exact: bool = True, within: str | None = None) -> "Page":
        """Type into a field (inside a form: sent with the form's button)."""
        self.field(label, exact).fill(value)
        return self

    def type_and_enter(self, label: str, value: str, step: str | None = None) -> "Page":
        """Type into a field outside a form and press Enter: the app reruns with it."""
        box = self.field(label)
        box.fill(value)
        return self.act(lambda: box.press("Enter"), step, what=f"pressing Enter in {label!r} after typing {value!r}")

    def type_and_leave(self, label: str, value: str, step: str | None = None) -> "Page":
        """Type into a field of a live form (ui.live_form) and leave it with Tab, as a user moves on: the app runs with
        it. A button clicked while the field still has the focus races the field's own update (qa18: "请先写一句原因"
        under load); a text area takes Enter as a new line, so it is left, not entered."""
        box = self.field(label)
        box.fill(value)
        return self.act(lambda: box.press("Tab"), step, what=f"leaving {label!r} after typing {value!r}")

    def click_button(self, name: str | re.Pattern, step: str | None = None, exact: bool = True,
                     shows: str | None = None) -> "Page":
        button = self.page.get_by_role("button", name=name, exact=exact).filter(visible=True).first
        return self.act(button.click, step, what=f"clicking the button {name!r}", shows=shows)

    def click_link(self, name: str, step: str | None = None) -> "Page":
        link = self.page.get_by_role("link", name=name).filter(visible=True).first
        return self.act(link.click, step, what=f"clicking the link {name!r}")

    def choose(self, label: str | re.Pattern, option: str, step: str | None = None, exact: bool = True) -> "Page":
        """Pick `option` (its text, or with exact=False a part of it) in the select box labelled `label`: its list
        opened as a keyboard user opens it (the box focused, the down arrow), once, then the option clicked.

        Not by a click on the opener (polish28): Streamlit 1.67's list can open on the press and close some 30 ms later,
        when the click lands after the list took the focus and gives it back to the box (3 of 4 suite runs, the users
        form's 角色, a pointer/focus log of it) — a flake of Streamlit's, which three presses used to hide; and on a
        loaded machine a list opens seconds after the press, so a second press closed it. The down arrow is pressed
        again only when the list is still shut a third of the action timeout later, on the box found afresh (the
        merged main, load 8: the users form's second 角色 stayed shut 90 s after one press, the form drawn again by
        the run that added the first user) — as a user presses again a box that did not open."""
        combobox = self.page.get_by_role("combobox", name=label, exact=True).filter(visible=True).first
        if exact and combobox.input_value() == option:
            return self  # chosen already: choosing it again sends nothing (用户管理's 角色 starts on 坐席, polish30)
        for attempt in range(OPEN_ATTEMPTS):
            box = combobox.element_handle()  # found afresh: a run may have drawn the form again since
            box.focus()
            self.page.keyboard.press("ArrowDown")
            try:
                self.page.wait_for_function("e => e.isConnected && e.getAttribute('aria-expanded') === 'true'",
                                            arg=box, timeout=ACTION_TIMEOUT_MS // OPEN_ATTEMPTS)
                break
            except Exception:  # noqa: BLE001 - Playwright's TimeoutError
                if box.evaluate("e => e.isConnected && e.getAttribute('aria-expanded') === 'true'"):
                    break
        else:
            raise AssertionError(f"choosing {option!r} in {label!r}: its list did not open within "
                                 f"{ACTION_TIMEOUT_MS // 1000} s of the down arrow in the box ({OPEN_ATTEMPTS} tries, "
                                 f"each after the one before had waited {ACTION_TIMEOUT_MS // OPEN_ATTEMPTS // 1000} s).\n"
                                 f"The page showed: {self.shown()}")
        option_item = self.page.get_by_role("option", name=option, exact=exact).first
        if box.evaluate("e => !!e.closest('[data-testid=stForm]')"):
            option_item.click()  # sent with the form's button
            return self
        return self.act(option_item.click, step, what=f"choosing {option!r} in {label!r}")

    def pick_radio(self, option: str, step: str | None = None, shows: str | None = None) -> "Page":
        radio = self.page.locator("[data-testid=stRadio] label").filter(has_text=re.compile(f"^{re.escape(option)}$"))
        return self.act(radio.first.click, step, what=f"picking the radio option {option!r}", shows=shows)

    def tab(self, name: str) -> "Page":
        """Switch to a tab that the browser alone switches (st.tabs without on_change): nothing runs."""
        self.page.get_by_role("tab", name=name).click()
        return self

    def kept_tab(self, name: str, step: str | None = None) -> "Page":
        """Choose a tab kept over a language switch (ui.widget_memory.kept_tabs: 用户管理, 情景编辑): choosing it runs the
        app, and the page is read once that run has settled (a field typed during it could be drawn again under the
        typing); a tab already open is left as it is (clicking it sends nothing)."""
        tab = self.page.get_by_role("tab", name=name).filter(visible=True).first
        if tab.get_attribute("aria-selected") == "true":
            return self
        return self.act(tab.click, step, what=f"choosing the tab {name!r}")

    def open_tab(self, name: str, step: str | None = None) -> "Page":
        """Choose a tab drawn only when chosen (st.tabs with on_change="rerun", e.g. the call report's details): the
        app reruns to draw it, and the page is read once that run has settled. Read before it, the tab is half drawn:
        qa18's test typed its reason into the first of two 简单说明原因 boxes, the only one drawn yet (polish23)."""
        tab = self.page.get_by_role("tab", name=name)
        return self.act(tab.click, step, what=f"choosing the tab {name!r}")

    def sign_in(self, login: str, password: str) -> "Page":
        """Sign in on the form in whichever language it is drawn: a session that ends while in English (a sign-out
        elsewhere) draws it in English, and a shared page signing in again by the Chinese labels waited out the action
        timeout on it (ui51's leftover)."""
        self.fill(SIGN_IN_LOGIN, login).fill(SIGN_IN_PASSWORD, password)
        self.click_button(SIGN_IN_BUTTON, step="sign in")
        return self.wait_for_session_cookie()

    def sign_in_and_keep(self, login: str, password: str) -> "Page":
        """Sign in, and keep the account's signed-in state for the next new context (Browser.sign_ins)."""
        self.sign_in(login, password)
        self.context.browser.sign_ins[login] = self.context.context.storage_state()
        return self

    def asks_to_sign_in(self) -> bool:
        """The page shows the sign-in form (its password box), in whichever language."""
        return self.page.locator("input[type=password]").count() > 0

    def wait_for_session_cookie(self) -> "Page":
        """The sign-in cookie is fetched by the page right after signing in: a reload before it
        arrives would (rightly) ask to sign in again, so a user-paced test waits for it, as long as for any action
        (it waited 15 s: a fetch on a slow CI machine, suite48)."""
        deadline = time.monotonic() + ACTION_TIMEOUT_MS / 1000
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
        return self.act(lambda: chooser.set_input_files(str(path)), step, what=f"uploading {path.name}")

    # ---- what a user sees ----------------------------------------------------------------

    def main_text(self) -> str:
        """The page's own content (not the sidebar). The block container is there in every layout:
        a page with a chat box scrolls in a container that replaces the usual stMain."""
        return self.page.locator("[data-testid=stMainBlockContainer]").inner_text()

    def sidebar_text(self) -> str:
        return self.page.locator("[data-testid=stSidebar]").inner_text()

    def expect_text(self, text: str) -> "Page":
        """`text` is shown: the first visible element holding it (a closed expander's hidden words come first in the
        page: 最近搜索 lists the login's questions of the day, 宽限期有多长 among them, above the answers: ui54b)."""
        self.page.get_by_text(text, exact=False).filter(visible=True).first.wait_for(state="visible",
                                                                                      timeout=ACTION_TIMEOUT_MS)
        return self

    def expect_no_text(self, text: str) -> "Page":
        """`text` is gone from the page (waiting out a follow-up rerun, as a user would)."""
        deadline = time.monotonic() + ACTION_TIMEOUT_MS / 1000
        while text in self.page.locator("body").inner_text():
            assert time.monotonic() < deadline, f"{text!r} is still shown"
            time.sleep(0.1)
        return self


def describe(action) -> str:
    """An action for a failure message: the element a bound Locator method acts on, else its name."""
    target = getattr(action, "__self__", None)
    if target is not None:
        return f"{action.__name__} on {target}"
    return f"the action {getattr(action, '__qualname__', action)!r}"
