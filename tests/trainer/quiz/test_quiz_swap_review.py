"""The review file's `--since` mode (bench/quiz_swap_review.py; docs/benchmarks.md "quiz50", "quiz51"): after a picker
change or a rejected option's replacement, the reviewer reads exactly the options the bank newly offers that no one
has read for that question — not the whole bank again, and not a new pick left unread."""

from __future__ import annotations

import copy
from typing import Any

from bench.quiz_items import saved_bank
from bench.quiz_swap_review import current_reviews, merged_reviews, since_items
from kb import KnowledgeBase
from trainer.quiz.bank import question_bank
from trainer.quiz.generation import Gist, stale_reviews
from trainer.quiz.question import normalize_answer


def _read(kb: KnowledgeBase) -> set[tuple[str, str]]:
    return {(r.question, normalize_answer(r.option)) for r in kb.content.distractor_reviews}


def _distractors(kb: KnowledgeBase, read: bool) -> list[tuple[str, int, str]]:
    """(item id, option place, option) of every generated choice item's distractor a reviewer has (not) read for it."""
    found = _read(kb)
    return [(item_id, i, text) for item_id, question in question_bank(kb).items()
            if item_id.startswith("gen-choice:") and question.type == "single"
            for i, text in enumerate(question.options)
            if i != question.answer and ((question.entry_id, normalize_answer(text)) in found) == read]


def _new_options(items: list[dict[str, Any]]) -> dict[str, list[tuple[str, str]]]:
    return {item["id"]: [(o["entry"], o["text"]) for o in item["options"] if o["mark"] == "new"] for item in items}


def test_since_the_bank_as_it_is_there_is_nothing_to_read(real_kb: KnowledgeBase) -> None:
    assert since_items(real_kb, saved_bank(question_bank(real_kb))) == []


def test_since_a_bank_that_offered_another_option_the_unread_one_is_listed_with_its_entry(
        real_kb: KnowledgeBase) -> None:
    """A rejected option's replacement (the fifth round's five): offered now, not in the saved bank, read by no one."""
    saved = saved_bank(question_bank(real_kb))
    item_id, place, text = _distractors(real_kb, read=False)[0]
    before = copy.deepcopy(saved)
    before[item_id]["options"][place] = "另一个已被复核否决的选项"
    items = since_items(real_kb, before)
    entry = next(g.entry.id for g in (Gist.of(e) for e in real_kb.entries()) if g.option == text)
    assert _new_options(items) == {item_id: [(entry, text)]}
    item = items[0]
    question = question_bank(real_kb)[item_id]
    assert item["right"] == question.options[question.answer] and "note" not in item
    assert [o["mark"] for o in item["options"]].count("kept") == len(question.options) - 2
    if question.en_options:
        assert [o["text"] for o in item["en"]["options"]] == list(question.en_options)


def test_since_a_bank_without_an_option_a_reviewer_already_read_for_that_question_nothing_is_listed(
        real_kb: KnowledgeBase) -> None:
    """A reviewed swap (read as wrong) is not read again because a saved bank lacked it."""
    saved = saved_bank(question_bank(real_kb))
    item_id, place, _ = _distractors(real_kb, read=True)[0]
    saved[item_id]["options"][place] = "另一个选项"
    assert since_items(real_kb, saved) == []


def _row(option: str, verdict: str = "wrong", reason: str = "") -> dict[str, str]:
    return {"question": "surrender-right", "distractor": "uw-declined", "option": option, "verdict": verdict,
            **({"reason": reason} if reason else {})}


def test_a_reading_of_an_edited_option_replaces_the_reading_of_its_old_words() -> None:
    """quiz51: uw-declined's answer reordered, its option for 保险公司能不能拒绝我退保？ was read again as wrong; merged as a
    second reading of the same option, the first (拒保是核保认为…, no longer offered) stayed and the swap stayed off."""
    old, new = _row("拒保是核保认为被保险人的风险超出可承保范围，不同意承保"), _row("保险合同以保险公司同意承保为成立条件……")
    assert merged_reviews([old], [new]) == [new]


def test_one_option_read_twice_in_a_round_is_rejected_if_either_reading_is() -> None:
    """An option judged in Chinese and again in English: one row, the rejection with its reason."""
    option = "告诉客户业务员不能代领，并提示风险"
    merged = merged_reviews([], [_row(option), _row(option, "unclear", "英文选项读来也对")])
    assert merged == [_row(option, "unclear", "英文选项读来也对")]


def test_a_round_drops_wrong_verdicts_of_words_their_entry_no_longer_offers(real_kb: KnowledgeBase) -> None:
    """quiz51 left excl-non-insurance-terms' reading of excl-signed-confirmation's old option (保险公司对已履行明确说明义务
    负举证责任, before its answer was reordered) as a reviewed `wrong` of words no item offers: a round's write drops such
    a row; today's words and a rejection of old words (it holds for the pair) stay."""
    today = Gist.of(real_kb.content.entries["excl-signed-confirmation"]).option
    old = {"question": "excl-non-insurance-terms", "distractor": "excl-signed-confirmation",
           "option": "保险公司对已履行明确说明义务负举证责任", "verdict": "wrong"}
    now = {**old, "question": "excl-prompt-and-explain", "option": today}
    rejected = {**old, "question": "uw-declined", "verdict": "unclear", "reason": "…"}
    assert current_reviews(real_kb.content, [old, now, rejected]) == ([now, rejected], [old])


def test_the_content_holds_no_wrong_verdict_of_words_no_longer_offered(real_kb: KnowledgeBase) -> None:
    entries = real_kb.content.entries
    stale = [(r.question, r.distractor) for r in real_kb.content.distractor_reviews if r.verdict == "wrong"
             and normalize_answer(Gist.of(entries[r.distractor]).option) != normalize_answer(r.option)]
    assert stale == []
    assert stale_reviews(real_kb.content) == []
