"""The scenario form's cells give back the file's own values unless a cell was changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.yaml_source import parse_yaml
from trainer.editing.mapping_patch import set_fields
from trainer.editing.scenario_fields import cells_of, fields_from_cells
from trainer.editing.yaml_style import plain

ROOT = Path(__file__).resolve().parents[3]
SCENARIOS = sorted((ROOT / "content" / "scenarios").glob("*.yaml"))


def data(text: str) -> dict:
    return plain(parse_yaml(text, "t.yaml")[0])


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_an_untouched_form_writes_the_file_back_unchanged(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    parsed = data(text)
    assert set_fields(text, fields_from_cells(parsed, cells_of(parsed))) == text


def test_changed_cells_become_fields_and_the_rest_stays() -> None:
    text = (ROOT / "content/scenarios/callback-cooperative.yaml").read_text(encoding="utf-8")
    parsed = data(text)
    cells = cells_of(parsed)
    cells["persona.facts"] += "\nsigned: 本人亲笔签名"
    cells["lines.calm"] += "\n嗯，你说。"
    cells["checkpoints"][1]["cues"] += " | 您本人签的"
    cells["follow_ups"].append({"id": "agent-id", "ask": "你工号多少？", "entry": "norms-call-recording", "cues": "工号"})
    cells["mood.start"] = 25
    after = data(set_fields(text, fields_from_cells(parsed, cells)))
    assert after["persona"]["facts"]["signed"] == "本人亲笔签名"
    assert after["customer_lines"]["calm"][-1] == "嗯，你说。"
    assert after["checkpoints"][1]["cues"][-1] == "您本人签的" and after["checkpoints"][1]["order"] == 2
    assert after["customer_lines"]["follow_ups"][-1] == {"id": "agent-id", "ask": "你工号多少？",
                                                         "entry": "norms-call-recording", "cues": ["工号"]}
    assert after["mood"]["start"] == 25
    assert after["model_answers"] == parsed["model_answers"] and after["triggers"] == parsed["triggers"]


def test_the_english_fields_are_cells_too() -> None:
    """An instructor writes a scenario's English in the form, as the English page shows it (qa20 I)."""
    text = (ROOT / "content/scenarios/callback-cooperative.yaml").read_text(encoding="utf-8")
    parsed = data(text)
    cells = cells_of(parsed)
    assert cells["checkpoints"][0]["description_en"] == "Check 1: confirm that the person called is the policyholder"
    cells["persona.description_en"] = "45, an office worker."
    cells["goals_en"] = "Confirm the policyholder\nDo the seven checks\nAnswer plainly"
    cells["checkpoints"][7]["hint_en"] = "Thank her"
    after = data(set_fields(text, fields_from_cells(parsed, cells)))
    assert after["persona"]["description_en"] == "45, an office worker."
    assert after["goals_en"] == ["Confirm the policyholder", "Do the seven checks", "Answer plainly"]
    assert after["checkpoints"][7]["hint_en"] == "Thank her" and after["goals"] == parsed["goals"]


def test_a_steps_examples_stay_with_it_when_a_row_above_is_deleted() -> None:
    """review46: `examples` is a column; outside the table it followed the row's position onto the next step."""
    from trainer.editing.yaml_style import add_to_list_field

    text = add_to_list_field((ROOT / "content/scenarios/cooling-off-cancel.yaml").read_text(encoding="utf-8"),
                             "checkpoints", "within-period", "examples", "您还在15天之内，可以退。")
    parsed = data(text)
    cells = cells_of(parsed)
    assert cells["checkpoints"][2]["examples"] == "您还在15天之内，可以退。"
    del cells["checkpoints"][1]  # verify
    after = {c["id"]: c for c in data(set_fields(text, fields_from_cells(parsed, cells)))["checkpoints"]}
    assert after["within-period"]["examples"] == ["您还在15天之内，可以退。"]
    assert "examples" not in after["refund-amount"]
