"""The scenario form's cells give back the file's own values unless a cell was changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.yaml_source import parse_yaml
from trainer.editing.mapping_patch import set_fields
from trainer.editing.scenario_fields import SKELETON, cells_of, fields_from_cells, write_fields
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


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_every_question_line_of_a_valid_scenario_has_its_choice_in_the_form(path: Path) -> None:
    """scenario48: the form shows each question-shaped line with asking / not_asking chosen as the file has it."""
    rows = cells_of(data(path.read_text(encoding="utf-8")))["questions"]
    assert all(row["choice"] in ("asking", "not_asking") for row in rows), [r for r in rows if not r["choice"]]
    assert all(row["answered_by"] for row in rows if row["choice"] == "asking")


def test_the_title_kind_difficulty_model_answers_and_question_choices_are_cells() -> None:
    """qa22 I2: title, kind, difficulty, model answers and asking / not_asking were YAML only; a new scenario could not
    be finished in the form."""
    text = (ROOT / "content/scenarios/ci-claim-declined.yaml").read_text(encoding="utf-8")
    parsed = data(text)
    cells = cells_of(parsed)
    asked = next(row for row in cells["questions"] if row["choice"] == "asking")
    cells["title"], cells["kind"], cells["difficulty"] = "新标题", "inbound_question", 3
    cells["model_answers"] += "\n好的，再见。"
    cells["lines.upset"] += "\n那你说怎么办？"  # a new question line, chosen as only a feeling
    cells["questions"] = [*cells["questions"], {"line": "那你说怎么办？", "choice": "not_asking", "answered_by": []}]
    after = data(set_fields(text, fields_from_cells(parsed, cells)))
    assert (after["title"], after["kind"], after["difficulty"]) == ("新标题", "inbound_question", 3)
    assert after["model_answers"] == [*parsed["model_answers"], "好的，再见。"]
    assert after["customer_lines"]["not_asking"][-1] == "那你说怎么办？"
    assert {"line": asked["line"], "answered_by": asked["answered_by"]} in after["customer_lines"]["asking"]


def test_a_question_line_taken_out_of_the_lines_leaves_asking_and_not_asking() -> None:
    """A line deleted from its list would otherwise stay under asking / not_asking, which the check refuses."""
    text = (ROOT / "content/scenarios/callback-cooperative.yaml").read_text(encoding="utf-8")
    parsed = data(text)
    cells = cells_of(parsed)
    gone = cells["questions"][0]["line"]
    pool = next(name for name in ("calm", "upset", "angry", "pushback") if gone in cells[f"lines.{name}"].splitlines())
    cells[f"lines.{pool}"] = "\n".join(line for line in cells[f"lines.{pool}"].splitlines() if line != gone)
    cells["questions"] = cells["questions"][1:]
    lines = data(set_fields(text, fields_from_cells(parsed, cells)))["customer_lines"]
    assert gone not in lines.get("not_asking", []) and gone not in [i["line"] for i in lines.get("asking", [])]


def test_a_new_scenario_filled_in_the_form_is_written_one_line_per_field_as_the_bundled_ones() -> None:
    """qa26 L5: 刘老师's new scenario was saved with `customer_lines:` as one flow line of ~1,500 characters (the
    skeleton's `customer_lines: {}` kept its flow style), so the YAML tab and the history's diff showed one line. The
    skeleton's empty fields are written as the bundled scenarios are: no line longer than the bundled file's longest,
    and a later change of one model answer or customer line is one changed line."""
    import difflib

    from trainer.editing.scenario_fields import SKELETON, write_fields

    bundled = (ROOT / "content/scenarios/callback-cooperative.yaml").read_text(encoding="utf-8")
    cells = cells_of(data(bundled))
    skeleton = SKELETON.format(id="callback-cooperative")
    written = write_fields(skeleton, fields_from_cells(data(skeleton), cells), "t.yaml")
    wanted = {k: v for k, v in data(bundled).items() if k not in ("max_turns", "case_facts", "triggers")}
    # nor its lines' `reacting` (customer55 gave this scenario some): kept on an edit of the file, as the YAML tab writes
    wanted["customer_lines"] = {k: v for k, v in wanted["customer_lines"].items() if k != "reacting"}
    assert data(written) == wanted  # says what the form said
    longest = max(len(line) for line in bundled.splitlines())
    assert max(len(line) for line in written.splitlines()) <= longest, max(written.splitlines(), key=len)[:120]
    lines = written.splitlines()
    assert "customer_lines:" in lines and "model_answers:" in lines and "goals:" in lines and "checkpoints:" in lines
    assert "    - id: recorded" in lines and "      ask: 这个电话是录音的吗？" in lines  # a follow-up, a field a line
    assert "  - id: identity" in lines and "    behaviour: verification" in lines  # a step likewise

    parsed = data(written)
    again = cells_of(parsed)
    again["model_answers"] = again["model_answers"].replace("工号1024", "工号2048")
    again["lines.opening"] = "喂，哪位？"
    edited = write_fields(written, fields_from_cells(parsed, again), "t.yaml")
    changed = [d for d in difflib.unified_diff(lines, edited.splitlines(), lineterm="", n=0)
               if d[:1] in "+-" and not d.startswith(("+++", "---"))]
    assert len(changed) == 4 and "-  opening: 喂，你好，哪位？" in changed, changed


def test_the_untouched_form_of_a_new_scenario_leaves_its_skeleton_as_it_is() -> None:
    """ui52's note: a brand-new scenario said 未保存的修改 before anything was typed: the untouched form dropped the
    skeleton's empty `title:`, `goals: []` and `checkpoints: []`. An empty field the file has stays; a filled field
    emptied in the form is still removed."""
    skeleton = SKELETON.format(id="brand-new")
    assert write_fields(skeleton, fields_from_cells(data(skeleton), cells_of(data(skeleton))), "t.yaml") == skeleton
    cells = {**cells_of(data(skeleton)), "title": "新标题"}
    titled = write_fields(skeleton, fields_from_cells(data(skeleton), cells), "t.yaml")
    assert data(titled)["title"] == "新标题" and data(titled)["goals"] == []
    emptied = write_fields(titled, fields_from_cells(data(titled), {**cells_of(data(titled)), "title": ""}), "t.yaml")
    assert "title" not in data(emptied)
