"""The one reader of whole written calls: both sets load, and a call file with a mistake says where it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from trainer.dialogue.written_calls import CallFileError, load_calls, read_call_file

GOOD_CALL = """writer: w-test
turns_count_from: 1
calls:
- scenario: cooling-off-cancel
  kind: {kind}
  turns:
  - 您好，这里是客服中心。
  - 犹豫期是10天。
  faults:
  - {{turn: {turn}, behaviour: {behaviour}, quote: {quote}}}
  missed: [漏了核实投保人身份]
  missed_checkpoints: [{checkpoint}]
"""


def write(tmp_path: Path, **fields) -> Path:
    values = {"kind": "bad2", "turn": 2, "behaviour": "wrong_fact", "quote": "犹豫期是10天", "checkpoint": "verify"} | fields
    path = tmp_path / "cw-test.yaml"
    path.write_text(GOOD_CALL.format(**values), encoding="utf-8")
    return path


def test_both_sets_load_with_their_kinds(real_scenarios):
    held_out, tune = load_calls("held-out", real_scenarios), load_calls("tune", real_scenarios)
    assert len(held_out) == 36 and len(tune) == 48 and len(load_calls("tune-regional", real_scenarios)) == 48
    assert {c.kind for c in tune} == {"good", "bad", "mixed"}
    assert sum(c.written_kind == "bad2" for c in tune) == 12 and sum(c.kind == "bad" for c in tune) == 24
    assert {c.writer for c in tune} == {"w-calls-inspector", "w-calls-chengdu", "w-calls-senior"}


def test_a_tune_file_counts_its_turns_from_one(tmp_path, real_scenarios):
    (call,) = read_call_file(write(tmp_path), real_scenarios)
    assert call.kind == "bad" and call.written_kind == "bad2"
    assert call.faults[0].turn == 2 and call.faults[0].quote in call.turns[1]
    assert call.missed_checkpoints == ("verify",)


@pytest.mark.parametrize("fields, where", [
    ({"kind": "awful"}, "call 1 (cooling-off-cancel awful) kind"),
    ({"turn": 3}, "faults[0] turn"),
    ({"behaviour": "grumpy"}, "faults[0] behaviour"),
    ({"quote": "犹豫期是15天"}, "faults[0] quote"),
    ({"checkpoint": "no-such-point"}, "missed_checkpoints"),
])
def test_a_mistake_names_the_file_the_call_and_the_field(tmp_path, real_scenarios, fields, where):
    with pytest.raises(CallFileError) as error:
        read_call_file(write(tmp_path, **fields), real_scenarios)
    assert str(error.value).startswith("cw-test.yaml: ") and where in str(error.value)


def test_an_unknown_scenario_is_named(tmp_path, real_scenarios):
    path = write(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace("cooling-off-cancel", "no-such-call"), encoding="utf-8")
    with pytest.raises(CallFileError, match="call 1 scenario: unknown scenario 'no-such-call'"):
        read_call_file(path, real_scenarios)
