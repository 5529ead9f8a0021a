"""docs/content-gaps.md tells instructors which entries to write: a section whose asked-for entries all exist says so.

qa23's I1: an instructor spent a morning writing two entries the file still asked for (§16, §19) — both, and eight
others, had been in content/ for stops; only the duplicate-id check stopped her."""

from __future__ import annotations

import re

from kb.content import collect_content
from tests.conftest import REAL_CONTENT

GAPS = REAL_CONTENT.parent / "docs" / "content-gaps.md"


def test_a_gap_whose_entries_all_exist_is_marked_answered():
    entries = set(collect_content(REAL_CONTENT)[0].entries)
    stale = []
    for section in re.split(r"\n(?=## )", GAPS.read_text(encoding="utf-8")):
        heading = section.splitlines()[0]
        if not re.match(r"## \d+\.", heading) or "Action:" not in section or "**Status" in section:
            continue
        asked = [i for i in re.findall(r"`([a-z][a-z0-9-]+)`", section[section.index("Action:"):]) if not i.endswith("-")]
        if asked and all(i in entries for i in asked):
            stale.append(f"{heading}: {', '.join(asked)} already in content/")
    assert not stale, "\n".join(stale)
