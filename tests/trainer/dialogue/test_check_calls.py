"""The check calls (stop 42: agents who speak regional Mandarin; stop 47, check-standard: standard Mandarin in three
temperaments): whole practice calls never tuned on and read in figures per kind only — whether the judge does right
by real people's voices on a whole call, not only on a reply. These tests print no check call."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bench.judge import check_calls_table
from tests.conftest import REAL_CONTENT
from trainer.dialogue import written_calls
from trainer.dialogue.corpus import read_corpus
from trainer.dialogue.written_calls import load_calls


# A closing two writers wrote word for word (a tune writer and cw4-b): a stock line, no leak of a tuned call.
STOCK_LINES = {"还有别的问题吗？没有的话就先这样，再见。"}


# stop 48 (calls49): tune-standard, two more fresh writers in standard Mandarin — read once in figures per kind like a
# check set, then tuned on; its words are held to the same test so that first read measured words nobody had tuned on.
@pytest.mark.parametrize("name, writers", [("check", 3), ("check-standard", 3), ("tune-standard", 2)])
def test_the_check_calls_are_one_good_and_one_bad_call_per_scenario_in_fresh_words(real_scenarios, name, writers):
    calls = load_calls(name, real_scenarios)
    assert len({c.writer for c in calls}) == writers
    assert Counter((c.scenario, c.kind) for c in calls) == {(s, k): 1 for s in real_scenarios for k in ("good", "bad")}
    assert all(c.faults for c in calls if c.kind == "bad")
    turns = {t for c in calls for t in c.turns}
    written = {t for other in written_calls.CALL_SETS if other != name for c in load_calls(other) for t in c.turns}
    assert not turns & written - STOCK_LINES  # counted, never printed
    assert not turns & {u.text for u in read_corpus(REAL_CONTENT)[0]}


def test_bench_judge_check_calls_prints_figures_per_kind_and_no_call(judge, real_scenarios, real_facts, tmp_path: Path,
                                                                   capsys, monkeypatch):
    """`bench.judge --calls check` names no scenario and quotes no turn: a call's miss cannot be read off it."""
    (tmp_path / "cw-x.yaml").write_text(
        "writer: cw-x\nturns_count_from: 1\ncalls:\n- scenario: cooling-off-cancel\n  kind: bad\n  turns:\n"
        "  - 喂，退保是吧，犹豫期过了就退不了全款，您自己没看合同嘛。\n"
        "  faults:\n  - {turn: 1, behaviour: blame, quote: 您自己没看合同嘛}\n  missed: [漏了核实投保人身份]\n",
        encoding="utf-8")
    monkeypatch.setitem(written_calls.CALL_SETS, "check", (tmp_path,))
    check_calls_table(real_scenarios, real_facts, judge)
    out = capsys.readouterr().out
    assert "check calls: 1 by 1 writers" in out and "| bad | 1 |" in out
    assert "cooling-off-cancel" not in out and "您自己没看合同嘛" not in out and "cw-x" not in out
