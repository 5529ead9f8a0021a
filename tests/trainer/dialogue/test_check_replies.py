"""The CHECK replies (stop 41): a second set of fresh writers' replies, adjudicated like the TUNE replies and CONFIRM,
never trained on and read for figures only — so a change learned from the TUNE replies' misses is checked on writers
whose misses nobody studied, without spending the sealed CONFIRM set. These tests print no check item."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from bench.judge import CHECK_REPLIES_DIR, CONFIRM_DIR, TUNE_REPLIES_DIR, confirm_table
from bench.judge_adjudicate_confirm import SETS, set_relabels, set_votes
from tests.conftest import REAL_CONTENT
from trainer.dialogue.behaviours import UTTERANCE_BEHAVIOURS
from trainer.dialogue.corpus import CHECK_SPLIT, TUNE_SPLIT, read_corpus, read_sealed
from trainer.dialogue.detectors import Detectors


def test_the_check_replies_are_valid_fresh_and_cover_every_behaviour():
    check, problems = read_sealed(CHECK_REPLIES_DIR, CHECK_SPLIT)
    assert [str(p) for p in problems] == []
    assert len({u.writer for u in check}) == 3 and len(check) >= 700
    assert {u.split for u in check} == {CHECK_SPLIT}
    shown = Counter(b for u in check for b in u.labels)
    assert all(shown[b] >= 30 for b in UTTERANCE_BEHAVIOURS), {b: shown[b] for b in UTTERANCE_BEHAVIOURS}
    texts = {u.text for u in check}
    assert sum(u.text in texts for u in read_corpus(REAL_CONTENT)[0]) == 0  # never trained on, never a dev item
    assert sum(u.text in texts for u in read_sealed(TUNE_REPLIES_DIR, TUNE_SPLIT)[0]) == 0
    assert sum(u.text in texts for u in read_sealed(CONFIRM_DIR)[0]) == 0  # counted, never printed


def test_the_check_replies_hold_their_panels_decision():
    """Each label is the majority of the writer and two blind annotators; a label edited by hand since shows as a line
    to rewrite."""
    reply_set = SETS["check"]
    votes = set_votes(reply_set)
    assert len(votes.ids) == len(read_sealed(CHECK_REPLIES_DIR, CHECK_SPLIT)[0])
    assert sum(r.changed for r in set_relabels(reply_set, votes)) == 0


def test_bench_judge_check_replies_prints_figures_and_no_reply(judge, real_facts, tmp_path: Path, capsys):
    """`bench.judge --check-replies` reads its folder as the check split and prints the table alone, like --confirm."""
    (tmp_path / "k.yaml").write_text("writer: k\nutterances:\n  - {text: 对不起，让您跑了两趟。, labels: [apology]}\n"
                                     "  - {text: 非常抱歉，是我们没讲清楚。, labels: [apology]}\n"
                                     "  - {text: 嗯，您说。, labels: [none]}\n", encoding="utf-8")
    rules, both = confirm_table(tmp_path, Detectors(real_facts.content.forbidden_phrases), judge, None, split=CHECK_SPLIT)
    out = capsys.readouterr().out
    assert "check set" in out and "3 utterances by 1 writers" in out and "| behaviour | check n |" in out
    assert both["apology"].support == 2 and both["apology"].recall == 1.0
    assert not any(text in out for text in ("对不起，让您跑了两趟。", "非常抱歉，是我们没讲清楚。", "嗯，您说。"))
