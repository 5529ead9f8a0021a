"""scripts/install_browser.sh: `make test` on a machine that has Chromium and the CJK fonts installs nothing."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "install_browser.sh"


@pytest.mark.skipif(not os.access("/usr/bin/chromium", os.X_OK), reason="needs Debian's /usr/bin/chromium")
def test_fonts_listed_before_a_long_font_list_ends_install_nothing(tmp_path):
    """The fonts were looked for with `fc-list | grep -q` under pipefail: grep left at the first match, fc-list died of
    SIGPIPE, and the check failed — apt-get update and install ran on every other `make test` (stop 44's CI run)."""
    stubs = tmp_path / "bin"
    stubs.mkdir()
    installed = tmp_path / "apt-get-ran"
    (stubs / "fc-list").write_text(
        "#!/bin/sh\necho '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc: Noto Sans CJK SC:style=Regular'\n"
        "i=0; while [ $i -lt 20000 ]; do echo '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf: DejaVu Sans'; "
        "i=$((i+1)); done\n")
    (stubs / "apt-get").write_text(f"#!/bin/sh\ntouch {installed}\n")
    for stub in stubs.iterdir():
        stub.chmod(0o755)
    env = {**os.environ, "PATH": f"{stubs}:{os.environ['PATH']}"}
    done = subprocess.run(["bash", str(SCRIPT)], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert done.stdout == "" and not installed.exists(), done.stdout  # nothing missing, nothing said or installed
