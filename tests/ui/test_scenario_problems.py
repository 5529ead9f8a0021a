"""A scenario's problems in the words of 情景编辑's form (scenario48, qa22 I2): every path the schema check names for a
field the form shows has that field's label, with the table row and column; the others keep their YAML path."""

from __future__ import annotations

import pytest

from kb.yaml_source import Problem
from trainer.dialogue.loading import check_scenario
from trainer.dialogue.schema import READS_AS_QUESTION
from ui.scenario_problems import form_cell, form_label, form_problems

SKELETON = "id: new-one\ntitle: \nkind: inbound_question\ndifficulty: 1\npersona:\n  name: \nmood: {start: 50, calm: 30, angry: 80, hang_up: 95}\ngoals: []\ncheckpoints: []\ncustomer_lines: {}\nmodel_answers: []\n"


@pytest.mark.parametrize("path, label", [
    ("title", "标题"), ("persona.name", "姓名"), ("mood.calm", "情绪（0 平静 … 100 愤怒） · 平静线"),
    ("checkpoints[2].cues", "要点 第 2 行 · 关键说法"), ("customer_lines.follow_ups[1].after", "客户追问 第 1 行 · 在此要点之后"),
    ("customer_lines.follow_ups[3].cues", "客户追问 第 3 行 · 关键说法"), ("customer_lines.upset", "不满时（每行一句）"),
    ("customer_lines.asking[1].answered_by", "客户的问句"), ("model_answers", "示范回答（坐席每轮说的话，每行一轮）"),
    ("max_turns", "max_turns"), ("triggers[1].when", "triggers[1].when"),
])
def test_a_yaml_path_is_named_as_the_form_names_its_field(path: str, label: str) -> None:
    assert form_label(path) == label


def test_every_problem_of_a_new_scenario_belongs_to_a_field_of_the_form() -> None:
    """qa22 I2: ＋ 新建 opened on 16 YAML-path problems; each is now a field of the form, none for the YAML tab."""
    _, problems = check_scenario("scenarios/new-one.yaml", SKELETON, {})
    assert len(problems) > 10
    assert [p for p in problems if form_cell(p.field) is None] == []
    found = form_problems(problems)
    assert {"标题", "姓名", "目标（每行一个）", "要点", "客户追问", "开场白", "示范回答（坐席每轮说的话，每行一轮）"} <= set(found.needed)
    assert not found.yaml_only and len(found.in_form) == len(problems)


def test_the_question_lines_not_chosen_are_one_problem_not_one_yaml_instruction_each() -> None:
    problems = [Problem("scenarios/x.yaml", 9, "x", "customer_lines.upset", f"'{line}' {READS_AS_QUESTION}: list it …")
                for line in ("那我的钱呢？", "凭什么？")]
    found = form_problems(problems)
    assert found.others == [("客户的问句", "还有 2 句问句没有选择：客户在问问题（需要回答），还是只是情绪（不用回答）")]
    assert list(found.notes) == ["questions"]
