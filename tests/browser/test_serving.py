"""The servers the browser tests start: two started at once on one machine (two pytest sessions, the lead's suite beside
a helper's browser tests) each serve on a port of their own, and each session talks to its own (suite48)."""

from __future__ import annotations

import subprocess

from tests.browser.serving import ANY_PORT, answers, stop_server, streamlit_command, wait_until_serving


def test_two_servers_started_together_each_serve_on_a_port_of_their_own(tmp_path):
    """Both are started before either has bound its port, as two sessions' servers are when they start together.
    With ports probed free and handed over (main before suite48) both were handed 8611: the later one exited and its
    health check was answered by the other."""
    (tmp_path / "tiny.py").write_text('import streamlit as st\nst.write("served")\n', encoding="utf-8")
    logs = [tmp_path / "first.log", tmp_path / "second.log"]
    servers = []
    for log in logs:
        with open(log, "w") as out:
            servers.append(subprocess.Popen(streamlit_command("tiny.py", ANY_PORT), cwd=tmp_path, stdout=out,
                                            stderr=subprocess.STDOUT))
    try:
        first, second = [wait_until_serving(server, log) for server, log in zip(servers, logs)]
        assert first != second
        assert [server.poll() for server in servers] == [None, None], [log.read_text() for log in logs]
        stop_server(servers[0])
        assert answers(second) and not answers(first), "each address is answered by its own server"
    finally:
        for server in servers:
            stop_server(server)
