"""半个月 tells the complaint time limit (15日) but not a 15-day cooling-off period: a cooling-off step asks for the days
(讲清犹豫期天数 — the contract's 15日, some products 20), a complaint's time limit is told as customers say it (qa28 J2:
最晚半个月内会给您答复 left 告知投诉处理时限 open). Read from the scenarios' cue lists, where the lead put it at stop 52
(judge53's general reading of 半个月 as any 15-day cue also met the cooling-off steps)."""

from __future__ import annotations

from pathlib import Path

import yaml

SCENARIOS = Path(__file__).resolve().parents[2] / "content" / "scenarios"


def _cue_lists() -> list[tuple[str, str, list[str]]]:
    found = []
    for path in sorted(SCENARIOS.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for step in data.get("checkpoints", []):
            found.append((path.name, ",".join(step.get("entries", [])), step.get("cues", [])))
        for question in (data.get("customer_lines") or {}).get("follow_ups", []) or []:
            found.append((path.name, question.get("entry", ""), question.get("cues", [])))
    return [row for row in found if "15日" in row[2]]


def test_half_a_month_is_a_cue_of_the_complaint_deadline_and_of_nothing_else_of_fifteen_days() -> None:
    rows = _cue_lists()
    deadline = [row for row in rows if "complaint-deadline" in row[1]]
    others = [row for row in rows if "complaint-deadline" not in row[1]]
    assert deadline and others
    assert all("半个月" in cues for _, _, cues in deadline), deadline
    assert not any("半个月" in cues or "半月" in cues for _, _, cues in others), others
