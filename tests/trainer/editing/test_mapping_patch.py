"""Form edits of a scenario file rewrite only the lines of what changed."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from trainer.editing.mapping_patch import set_fields
from trainer.editing.yaml_style import YamlEditError, plain
from kb.yaml_source import parse_yaml

ROOT = Path(__file__).resolve().parents[3]
SCENARIOS = sorted((ROOT / "content" / "scenarios").glob("*.yaml"))


def data(text: str) -> dict:
    return plain(parse_yaml(text, "t.yaml")[0])


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_writing_back_every_field_unchanged_keeps_every_real_scenario_byte_for_byte(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert set_fields(text, data(text)) == text


def test_one_changed_goal_checkpoint_cue_and_mood_change_only_their_lines() -> None:
    text = (ROOT / "content/scenarios/callback-cooperative.yaml").read_text(encoding="utf-8")
    fields = data(text)
    fields["goals"][2] = "如实回答客户的问题，语言通俗易懂"
    fields["checkpoints"][1]["cues"].append("您本人签的")
    fields["mood"]["start"] = 25
    fields["persona"]["facts"]["premium"] = "年交6000元，交10年（每年3月）"
    after = set_fields(text, fields)
    assert data(after) == fields
    diff = changed_lines(text, after)
    assert len(diff) == 8, diff  # four lines out, four lines in
    assert "-  - 如实回答客户的问题，语言通俗" in diff and "+  - 如实回答客户的问题，语言通俗易懂" in diff
    assert "+    cues: [亲笔签名, 亲笔签的, 本人签的, 您本人签的]" in diff
    assert "+mood: {start: 25, calm: 30, angry: 70, hang_up: 85}" in diff
    assert text.startswith("# 新单回访") and after.startswith("# 新单回访")  # comments kept


def test_adding_and_removing_list_items_keeps_the_other_items_layout() -> None:
    text = (ROOT / "content/scenarios/callback-cooperative.yaml").read_text(encoding="utf-8")
    fields = data(text)
    fields["customer_lines"]["follow_ups"].append({"id": "agent-phone", "ask": "你的工号是多少？", "entry": "norms-call-recording",
                                                   "cues": ["工号"]})
    fields["triggers"].append({"when": "jargon", "mood": 5})
    del fields["checkpoints"][7]
    after = set_fields(text, fields)
    assert data(after) == fields
    diff = changed_lines(text, after)
    assert "+    - id: agent-phone" in diff and "+      cues: [工号]" in diff  # block items stay block
    assert "+  - {when: jargon, mood: 5}" in diff  # inline items stay inline
    assert "-  - id: close" in diff and all(not line.startswith("-  - id: payment") for line in diff)


def test_a_new_field_is_added_and_a_removed_one_goes() -> None:
    text = "id: x\ntitle: 标题\nmax_turns: 10\nmodel_answers: [a]\n"
    after = set_fields(text, {"reply_seconds": 45, "max_turns": None})
    assert after == "id: x\ntitle: 标题\nmodel_answers: [a]\nreply_seconds: 45\n"


def test_a_file_that_does_not_parse_is_refused() -> None:
    with pytest.raises(YamlEditError):
        set_fields("id: [x\n", {"title": "y"})


def test_the_first_checkpoint_of_a_new_file_is_written_in_block_layout() -> None:
    after = set_fields("id: x\ncheckpoints: []\n", {"checkpoints": [{"id": "verify", "description": "核实身份"}]})
    assert after == "id: x\ncheckpoints:\n  - id: verify\n    description: 核实身份\n"
