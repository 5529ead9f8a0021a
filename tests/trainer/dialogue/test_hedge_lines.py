"""Hedged statements about a payout, a time or an outcome are no promise; promises in fresh words are still found
(judge50, qa24 T6: 一般按重疾保额的一定比例赔，具体多少要看你的合同条款 capped a resolved call at 50 as 绝对化承诺).

The lines (hedge_lines/w-hedge-lines.yaml) are tune-side: judge50 read them all (see the file's header). A second
writer's lines (hedge_lines/w-laozheng-promise-check.yaml) are held out: judge52c read them once, as counts, after its
rules were final; their floors are what it measured."""

from __future__ import annotations

from pathlib import Path

import yaml

from trainer.dialogue.detectors import Detectors
from trainer.dialogue.reply import reply_evidence

LINES = yaml.safe_load((Path(__file__).parent / "hedge_lines" / "w-hedge-lines.yaml").read_text(encoding="utf-8"))
HELD_OUT = yaml.safe_load((Path(__file__).parent / "hedge_lines" / "w-laozheng-promise-check.yaml").read_text(encoding="utf-8"))
# promises the judge finds (rules + classifier): 28 of 40 on main a43674d, judge50 and 6484c81; 40 of 40 with judge52c's
# rules (a dividend called 保底 / 写死 / 保本, money for a day and an hour, an exception granted, 按重疾 / 给付 / 补偿 /
# 给你批下来 / a deadline before 恢复效力 / a concession's 没 in the wide promise form); 38 since the lead removed the
# dividend reading at the merge (it flagged a held-out good call: promises.py)
PROMISES_FOUND_FLOOR = 38


def _promised(text: str, judge, real_facts) -> bool:
    found = reply_evidence(text, Detectors(real_facts.content.forbidden_phrases), judge)
    return any(e.behaviour == "absolute_promise" and not e.ok for e in found)


def test_the_writers_lines_are_as_briefed():
    assert (len(LINES["hedged"]), len(LINES["promises"]), len(LINES["neither"])) == (60, 40, 20)


def test_a_hedged_statement_of_a_payout_time_or_outcome_is_no_promise(judge, real_facts):
    flagged = [line["text"] for kind in ("hedged", "neither") for line in LINES[kind]
               if _promised(line["text"], judge, real_facts)]
    assert flagged == []


def test_promises_in_fresh_words_are_still_found(judge, real_facts):
    found = [line["text"] for line in LINES["promises"] if _promised(line["text"], judge, real_facts)]
    assert len(found) >= PROMISES_FOUND_FLOOR, found


# the held-out writer's promises found, measured once by judge52c on its final rules (main 6484c81: 25 of 40; 26 with
# its rules) and once by the lead without the dividend reading: 25 — the other forms gained nothing on these fresh words
HELD_OUT_PROMISES_FOUND_FLOOR = 25


def test_the_held_out_writers_lines_are_as_written():
    assert (len(HELD_OUT["promises"]), len(HELD_OUT["hedged"]), len(HELD_OUT["neither"])) == (40, 40, 15)


def test_the_held_out_writers_hedged_and_neutral_lines_are_no_promise(judge, real_facts):
    flagged = sum(_promised(line["text"], judge, real_facts) for kind in ("hedged", "neither") for line in HELD_OUT[kind])
    assert flagged == 0  # a count, not the lines: the file is held out


def test_the_held_out_writers_promises_are_found(judge, real_facts):
    found = sum(_promised(line["text"], judge, real_facts) for line in HELD_OUT["promises"])
    assert found >= HELD_OUT_PROMISES_FOUND_FLOOR


# a third writer's lines, tune-side (小秦, stop 52): what main found on them when they came in — a floor for the promise
# rules the next judge helper writes from them, and no hedged or neutral line flagged. 22 of 60 on main 53d42f4; 60 of
# 60 with judge54's rules for an outcome stated as fact (stated_outcomes.py), written from these lines by meaning kind
XIAOQIN = yaml.safe_load((Path(__file__).parent / "hedge_lines" / "w-xiaoqin-promises.yaml").read_text(encoding="utf-8"))
XIAOQIN_PROMISES_FOUND_FLOOR = 60


def test_the_third_writers_hedged_and_neutral_lines_are_no_promise(judge, real_facts):
    flagged = [line["text"] for kind in ("hedged", "neither") for line in XIAOQIN[kind]
               if _promised(line["text"], judge, real_facts)]
    assert flagged == []


def test_the_third_writers_promises_are_found(judge, real_facts):
    assert (len(XIAOQIN["promises"]), len(XIAOQIN["hedged"]), len(XIAOQIN["neither"])) == (60, 60, 20)
    found = [line["text"] for line in XIAOQIN["promises"] if _promised(line["text"], judge, real_facts)]
    assert len(found) >= XIAOQIN_PROMISES_FOUND_FLOOR, found
