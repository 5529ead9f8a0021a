"""Writing adjudicated labels into corpus lines: only labels and counters change, and the file stays valid."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import REAL_CONTENT
from trainer.dialogue.adjudication import relabel, relabels_by_text, rewritten_line, write_relabels
from trainer.dialogue.corpus import LabelledUtterance, read_corpus

LINE = "  - {text: 这事跟我们没关系，您找业务员去。, labels: [blame, rude], counter: [vague], split: dev}"


def test_a_line_gets_new_labels_and_keeps_its_text_and_split():
    assert rewritten_line(LINE, ["blame"], ["vague"]) == (
        "  - {text: 这事跟我们没关系，您找业务员去。, labels: [blame], counter: [vague], split: dev}")
    assert rewritten_line(LINE, [], []) == "  - {text: 这事跟我们没关系，您找业务员去。, labels: [none], split: dev}"
    plain = "  - {text: 好的。, labels: [none], split: train}"
    assert rewritten_line(plain, ["closing"], ["rude"]) == "  - {text: 好的。, labels: [closing], counter: [rude], split: train}"
    with pytest.raises(ValueError):
        rewritten_line("  - text: 好的。", ["closing"], [])


def test_a_counter_example_goes_when_the_fault_is_shown_after_all():
    u = LabelledUtterance("我没法保证，但肯定能赔。", ("next_step",), ("absolute_promise", "vague"), "dev")
    r = relabel(u, {"next_step", "absolute_promise"})
    assert r.labels == ("next_step", "absolute_promise") and r.counter == ("vague",) and r.changed
    assert not relabel(u, {"next_step"}).changed


def test_writing_relabels_changes_only_those_lines(tmp_path):
    shutil.copytree(REAL_CONTENT / "dialogue", tmp_path / "dialogue")
    before, _ = read_corpus(tmp_path)
    target = next(u for u in before if u.split == "dev" and u.labels == ("vague",) and not u.counter)
    assert write_relabels(tmp_path, relabels_by_text(before, {target.text: {"vague", "rude"}})) == 1
    after, problems = read_corpus(tmp_path)
    assert problems == []
    changed = [(b, a) for b, a in zip(before, after) if b != a]
    assert [(b.text, a.labels, a.split, a.line) for b, a in changed] == [(target.text, ("vague", "rude"), "dev", target.line)]
