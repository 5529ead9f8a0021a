"""Starting a Streamlit server for the browser tests: on a port the kernel picks, learnt from the server's own log, and
waited for until it answers its health check.

Why the kernel picks the port (suite48): the tests probed for a free port from 8611 and handed it to Streamlit, which
binds it seconds later, after its imports. Two pytest sessions on one machine (the lead's suite beside a helper's
browser tests) took the same port: the later server exited ("Port 8612 is not available") and its session's health
check was answered by the other session's app, where the first-run admin already existed (suite47: 6 of 9 short
sessions failed so). Told `--server.port 0`, Streamlit binds a port the kernel chose free at that moment and holds it
from then on: there is no window between choosing and binding, so nothing to retry. The address is read from the
line the server prints once it has bound ("URL: http://localhost:PORT"), so only our own process can announce it.

A server told a fixed port (a restart on the address a page already has) is read the same way: if another process took
the port meanwhile, our server exits without announcing it, and the start fails saying so instead of talking to
the other process.

How long a start may take: on a quiet machine ~10 s; at load 40 on two cores one took over a minute (perf22), so wall
time alone cannot tell a slow start from a hang. A hang uses no CPU: a server that used none for STALL_SECONDS, or more
than START_CPU_SECONDS of it, or ran past START_WALL_SECONDS whatever the load, has failed to start.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

STALL_SECONDS = 60
START_CPU_SECONDS = 120
START_WALL_SECONDS = 600
ANY_PORT = 0  # Streamlit's --server.port 0: the kernel's choice, bound at once
ANNOUNCED = re.compile(r"URL: http://[^\s/:]+:(\d+)")  # "URL:" headless, "Local URL:" otherwise


def streamlit_command(script: str, port: int) -> list[str]:
    """`streamlit run script` on `port` of this machine's loopback, as the browser tests' own small apps are served."""
    return [sys.executable, "-m", "streamlit", "run", script, "--server.address", "localhost", "--server.port",
            str(port), "--server.headless", "true", "--server.fileWatcherType", "none",
            "--browser.gatherUsageStats", "false"]


def cpu_seconds(pid: int) -> float | None:
    """The process's CPU time so far (user + system), or None where /proc cannot tell."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def announced_port(log: Path) -> int | None:
    """The port the server says it serves on, once it has bound it (None before)."""
    try:
        found = ANNOUNCED.search(log.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return None
    return int(found.group(1)) if found else None


def answers(url: str) -> bool:
    try:
        urllib.request.urlopen(f"{url}/_stcore/health", timeout=2)
        return True
    except OSError:
        return False


def wait_until_serving(server: subprocess.Popen, log: Path) -> str:
    """The address of `server` (writing its output to `log`) once it has announced its port there and answers its
    health check on it; fails with its log if it stops, hangs (no CPU used for a minute), or takes too long however
    loaded the machine is (see STALL_SECONDS)."""
    started = progress_at = time.monotonic()
    used = cpu_seconds(server.pid) or 0.0
    url = None
    while True:
        port = announced_port(log) if url is None else None
        if port is not None:
            url = f"http://localhost:{port}"
        if url is not None and answers(url):
            return url
        now, cpu = time.monotonic(), cpu_seconds(server.pid)
        if cpu is None or cpu > used:
            progress_at, used = now, cpu if cpu is not None else used
        why = ("it stopped" if server.poll() is not None
               else f"it used no CPU for {STALL_SECONDS} s (hung)" if now - progress_at > STALL_SECONDS
               else f"it used over {START_CPU_SECONDS} s of CPU" if used > START_CPU_SECONDS
               else f"over {START_WALL_SECONDS} s" if now - started > START_WALL_SECONDS else None)
        if why:
            raise RuntimeError(f"the app did not start ({why}; address {url or 'not announced'}): "
                               f"{log.read_text(errors='replace')[-2000:]}")
        time.sleep(0.3)


def start_server(command: list[str], log: Path, cwd: Path, env: dict[str, str] | None = None
                 ) -> tuple[subprocess.Popen, str]:
    """Start `command` (a `streamlit run` told its port: ANY_PORT, or one it served on before) with its output in
    `log`; the process and its address once it answers."""
    with open(log, "w") as out:
        server = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        return server, wait_until_serving(server, log)
    except BaseException:
        stop_server(server)
        raise


def stop_server(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=20)
