"""The sealed CONFIRM set of agent replies (confirm39): read by the corpus's own checks, never in the
classifier's training corpus, and measured by `bench.judge --confirm` as figures only.

These tests never print a confirm item: failures show counts, files, lines and fields."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bench.judge import CONFIRM_DIR, confirm_items, confirm_table
from tests.conftest import REAL_CONTENT
from trainer.dialogue.behaviours import UTTERANCE_BEHAVIOURS
from trainer.dialogue.corpus import SEALED_SPLIT, corpus_hash, read_corpus, read_sealed
from trainer.dialogue.detectors import Detectors

FIXTURE = Path(__file__).parent / "fixtures" / "confirm"


def test_a_sealed_set_is_read_with_the_corpus_checks_and_has_no_split():
    utterances, problems = read_sealed(FIXTURE)
    assert problems == []
    assert len(utterances) == 6
    assert {u.writer for u in utterances} == {"fx-one", "fx-two"}
    assert {u.split for u in utterances} == {SEALED_SPLIT}
    assert not any(u.training_only for u in utterances)
    two = [u for u in utterances if u.writer == "fx-two"]
    assert two[0].labels == ("apology", "escalation", "next_step") and two[1].counter == ("rude",)
    assert two[2].labels == ()  # [none]


def test_a_sealed_set_s_errors_name_file_line_and_field(tmp_path: Path):
    (tmp_path / "w.yaml").write_text(
        "writer: w\n"
        "training_only: true\n"
        "utterances:\n"
        "  - {text: 您好，请问是本人吗？, labels: [verification]}\n"
        "  - {text: 您先别急。, labels: [empathi]}\n"
        "  - {text: 这个肯定能赔。, labels: [absolute_promise], split: dev}\n"
        "  - {text: 您等通知吧。, labels: [vague], counter: [vague]}\n"
        "  - {text: 您好，请问是本人吗？, labels: [verification]}\n", encoding="utf-8")
    _, problems = read_sealed(tmp_path)
    found = {(Path(p.file).name, p.line, p.field) for p in problems}
    assert ("w.yaml", 2, "training_only") in found
    assert ("w.yaml", 5, "labels") in found       # unknown behaviour
    assert ("w.yaml", 6, "split") in found        # a sealed set has no split
    assert ("w.yaml", 7, "counter") in found      # shown and a counter-example
    assert ("w.yaml", 8, "text") in found         # duplicate
    assert any("empathi" in p.message for p in problems)
    _, empty = read_sealed(tmp_path / "nothing-here")
    assert len(empty) == 1 and "no .yaml" in empty[0].message


def test_the_real_confirm_set_is_valid_and_covers_every_behaviour():
    if not any(CONFIRM_DIR.glob("*.yaml")):
        pytest.skip("the writers' files are not there yet")
    confirm, problems = read_sealed(CONFIRM_DIR)
    # two writers may say the same short filler: the second is left out; nothing else may be wrong
    assert [str(p) for p in problems if not p.message.startswith("duplicate utterance")] == []
    assert len({u.writer for u in confirm}) == 3 and len(confirm) >= 600
    shown = Counter(b for u in confirm for b in u.labels)
    assert all(shown[b] >= 12 for b in UTTERANCE_BEHAVIOURS), {b: shown[b] for b in UTTERANCE_BEHAVIOURS}


@pytest.mark.parametrize("folder", [FIXTURE, CONFIRM_DIR], ids=["fixture", "confirm"])
def test_no_confirm_utterance_is_trained_on_or_measured_twice(folder: Path):
    if not any(folder.glob("*.yaml")):
        pytest.skip(f"{folder} holds no writer's file yet")
    corpus, _ = read_corpus(REAL_CONTENT)
    assert not folder.resolve().is_relative_to(REAL_CONTENT.resolve())  # read_corpus never reads it
    measured, _, confirm = confirm_items(folder, [u.text for u in corpus])
    texts = {u.text for u in confirm}
    trained = sum(u.text in texts for u in corpus if u.split == "train")  # a count: never an item's text
    assert trained == 0
    measured_in_corpus = sum(u.text in {c.text for c in corpus} for u in measured)
    assert measured_in_corpus == 0
    # what the classifier is keyed and trained on is the content corpus alone
    assert corpus_hash(corpus) != corpus_hash(corpus + confirm)


def test_bench_judge_confirm_prints_the_table_on_the_sealed_set_only(judge, real_facts, capsys):
    rules, both = confirm_table(FIXTURE, Detectors(real_facts.content.forbidden_phrases), judge, None)
    out = capsys.readouterr().out
    assert "6 utterances by 2 writers" in out
    assert "| behaviour | confirm n |" in out
    for behaviour, n in (("apology", 2), ("empathy", 1), ("vague", 1), ("escalation", 1), ("clarifying_question", 1)):
        assert both[behaviour].support == n and f"| {behaviour} | {n} |" in out
    assert both["rude"].counters == 1 and f"/1 → {both['rude'].flagged_counters}/1" in out
    assert both["apology"].recall == 1.0  # two plain apologies
    assert "macro rules+classifier" in out
    for text in (u.text for u in read_sealed(FIXTURE)[0]):  # figures only, never an item
        assert text not in out


def test_bench_judge_confirm_leaves_out_broken_and_trained_on_replies(judge, real_facts, tmp_path: Path, capsys):
    (tmp_path / "x.yaml").write_text("writer: x\nutterances:\n  - {text: 好的。, labels: [okay]}\n"
                                     "  - {text: 对不起，让您跑了两趟。, labels: [apology]}\n"
                                     "  - {text: 非常抱歉，是我们没讲清楚。, labels: [apology]}\n", encoding="utf-8")
    _, both = confirm_table(tmp_path, Detectors(real_facts.content.forbidden_phrases), judge, None,
                            trained_on=["非常抱歉，是我们没讲清楚。"])
    out = capsys.readouterr().out
    assert "x.yaml:3" in out and "labels" in out and "1 problem(s)" in out
    assert "1 utterances by 1 writers (x); 1 also in the training corpus, left out" in out
    assert both["apology"].support == 1
    assert "好的" not in out and "对不起" not in out and "非常抱歉" not in out


def test_the_confirm_set_holds_its_panels_decision_and_the_command_prints_no_item(capsys):
    """Stop 38: the CONFIRM labels are the majority of writer + two blind annotators (bench.judge_adjudicate_confirm).
    A label edited by hand since then shows as a line to rewrite; the command's output names no reply."""
    from bench.judge_adjudicate_confirm import confirm_relabels, confirm_votes, main

    votes = confirm_votes()
    assert len(votes.ids) >= 700 and votes.panels
    relabels = confirm_relabels(votes)
    assert len(relabels) == len(votes.ids)
    assert sum(r.changed for r in relabels) == 0
    assert main([]) == 0
    out = capsys.readouterr().out
    assert "0 confirm lines to rewrite" in out
    assert not any(votes.texts[i] in out for i in votes.ids)
