"""The practice report's browser time, repeated: the agent's short practice call of the browser
journey (tests/browser), ended early N times in one app session, each from a fresh page load.

    LOOPS=5 .venv/bin/python -m pytest -q -s bench/practice_report_loop.py

Prints, per call, the report step's wall time (click to settled page, tests/browser/driver.py)
and how much of it came after the script run had ended (elements drawn late, e.g. lazily loaded
components such as st.code's syntax highlighter),
the CPU seconds the app server and the browser spent on it (their processes' user+system time,
a figure the machine's load inflates far less than the wall time), and how many page runs the
click caused. Figures go to docs/benchmarks.md.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from tests.browser.conftest import (_signed_in_pages, accounts, agent_page, app_url, browser,  # noqa: F401 - fixtures
                                    journal)

TICK = os.sysconf("SC_CLK_TCK")
LINES = ("您好，我是客服小王，请问有什么可以帮您？", "非常理解您的心情，我先帮您核实一下保单信息，请您稍等。")


def cpu_seconds_of_children(root: int) -> float:
    """User+system CPU seconds of every process below `root` (the app server, Chromium, Playwright)."""
    parents, cpu = {}, {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry.name)], cpu[int(entry.name)] = int(fields[1]), int(fields[11]) + int(fields[12])
    below, todo = set(), [root]
    while todo:
        parent = todo.pop()
        for pid, ppid in parents.items():
            if ppid == parent and pid not in below:
                below.add(pid)
                todo.append(pid)
    return sum(cpu[pid] for pid in below) / TICK


def test_practice_report_again_and_again(agent_page):  # noqa: F811 - the fixture imported above
    page = agent_page
    for _ in range(int(os.environ.get("LOOPS", "5"))):
        page.open("/practice")
        page.click_button("开始通话")
        for line in LINES:
            box = page.page.get_by_placeholder("输入您对客户说的话")
            box.fill(line)
            page.act(lambda: box.press("Enter"))
        page.click_button("结束通话")
        time.sleep(1)
        runs, cpu = page._runs(), cpu_seconds_of_children(os.getpid())
        page.click_button("确定结束", step="practice report")
        cpu = cpu_seconds_of_children(os.getpid()) - cpu
        drawn_after = page.page.evaluate("Math.max(0, window.__stLastChange - window.__stLastDone)") / 1000
        print(f"report {page.last_seconds:.2f} s (of which the page still changing after the run ended "
              f"{drawn_after:.2f} s), cpu {cpu:.2f} s, page runs {page._runs() - runs}")
        assert "通话报告" in page.main_text() and "下次这样做" in page.main_text()
        page.click_button("换个情景")
