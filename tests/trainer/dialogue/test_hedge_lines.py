"""Hedged statements about a payout, a time or an outcome are no promise; promises in fresh words are still found
(judge50, qa24 T6: 一般按重疾保额的一定比例赔，具体多少要看你的合同条款 capped a resolved call at 50 as 绝对化承诺).

The lines (hedge_lines/w-hedge-lines.yaml) are tune-side: judge50 read them all (see the file's header)."""

from __future__ import annotations

from pathlib import Path

import yaml

from trainer.dialogue.detectors import Detectors
from trainer.dialogue.reply import reply_evidence

LINES = yaml.safe_load((Path(__file__).parent / "hedge_lines" / "w-hedge-lines.yaml").read_text(encoding="utf-8"))
# promises the judge finds (rules + classifier), measured on main a43674d and on judge50: 28 of 40 — the others are a
# recall gap of absolute_promise (包您…全额赔下来, 保证给你批下来, 照样全额退保费 …), not made here
PROMISES_FOUND_FLOOR = 28


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
