"""Cold start: a fresh process to the first answer, as the app's first search does it.

    .venv/bin/python -m bench.cold_start

Measured in a subprocess so imports are really cold; the index is the cached one in the
data directory (what every start after the first `make run` uses).
"""

from __future__ import annotations

import subprocess
import sys
import time

PROBE = """
import time, resource
t0 = time.perf_counter()
import streamlit
from kb import KnowledgeBase
t1 = time.perf_counter()
kb = KnowledgeBase.open("content")
t2 = time.perf_counter()
hits = kb.search("宽限期多久")
t3 = time.perf_counter()
print(f"imports {t1 - t0:.2f} s; open (load content + cached index + model) {t2 - t1:.2f} s; "
      f"first search {(t3 - t2) * 1000:.0f} ms; peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB; "
      f"top answer {hits[0].id if hits else None}")
"""


def main() -> None:
    subprocess.run([sys.executable, "-m", "kb", "build"], check=True, capture_output=True)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", PROBE], check=True, capture_output=True, text=True)
    print(result.stdout.strip())
    print(f"process start to first answer: {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
