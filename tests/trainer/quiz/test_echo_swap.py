"""A distractor that echoes the question as much as the right option, swapped in only where a reviewer read it as
wrong (trainer/quiz/echo_swap.py, trainer/quiz/distractor_reviews.py; docs/benchmarks.md "quiz49")."""

from __future__ import annotations

from kb import Entry, KnowledgeBase
from kb.content import DistractorReview
from trainer.quiz.bank import question_bank
from trainer.quiz.distractor_reviews import Reviews
from trainer.quiz.echo_swap import opens_most
from trainer.quiz.facts import bigrams
from trainer.quiz.generation import Gist, choice_question, opening_echo
from trainer.quiz.question import Question


def _gist(entry_id: str, question: str, answer: str) -> Gist:
    return Gist.of(Entry(id=entry_id, category="x", question=question, answer=answer))


RIGHT = _gist("how-to-cancel", "犹豫期内怎么申请撤单？", "犹豫期内由投保人提出书面解除申请即可撤单。")
CANDIDATES = [  # nearest first: three that open elsewhere, then one that opens with the question's words too
    _gist("grace", "宽限期内出险赔吗？", "宽限期内发生保险事故的，保险公司仍承担保险责任。"),
    _gist("reinstate", "复效期限多久？", "效力中止后2年内可以申请复效。"),
    _gist("limitation", "诉讼时效多久？", "人寿保险5年，其他保险2年。"),
    _gist("refund", "犹豫期退多少钱？", "犹豫期内退还已交保费，扣除不超过10元工本费。"),
]
ECHOING = CANDIDATES[3].option


def _echo(option: str) -> float:
    return opening_echo(option, RIGHT.question_grams)


def _review(distractor: Gist, verdict: str) -> DistractorReview:
    return DistractorReview(RIGHT.entry.id, distractor.entry.id, distractor.option, verdict,
                            "" if verdict == "wrong" else "右侧选项也说得通")


def test_an_echoing_distractor_takes_the_farthest_ones_place_only_where_a_reviewer_read_it_as_wrong() -> None:
    """犹豫期内怎么申请撤单？: the right option alone opens 犹豫期内…, so a trainee who picks the option that repeats the
    question most is right without knowing the rule. A reviewed echoing option takes the farthest one's place."""
    unreviewed = choice_question(RIGHT, CANDIDATES)
    assert unreviewed is not None and ECHOING not in unreviewed.options
    assert opens_most(unreviewed.options[0], unreviewed.options[1:], _echo)

    reviewed = choice_question(RIGHT, CANDIDATES, reviews=Reviews.of([_review(CANDIDATES[3], "wrong")]))
    assert reviewed is not None and reviewed.options[0] == unreviewed.options[0] and reviewed.answer == 0
    assert reviewed.options == (*unreviewed.options[:3], ECHOING)
    assert not opens_most(reviewed.options[0], reviewed.options[1:], _echo)


def test_a_wrong_verdict_holds_for_the_option_text_the_reviewer_read() -> None:
    """An answer edited after the review is another option: not swapped in until read again."""
    edited = _gist("refund", "犹豫期退多少钱？", "犹豫期内退还全部已交保费，不计利息。")
    question = choice_question(RIGHT, [*CANDIDATES[:3], edited], reviews=Reviews.of([_review(CANDIDATES[3], "wrong")]))
    assert question is not None and edited.option not in question.options


def test_an_option_a_reviewer_found_right_too_or_unclear_is_never_offered_for_that_question() -> None:
    """Rejected for this question, the option is neither swapped in nor picked as an ordinary distractor."""
    for verdict in ("also_right", "unclear"):
        reviews = Reviews.of([_review(CANDIDATES[3], verdict), _review(CANDIDATES[0], verdict)])
        question = choice_question(RIGHT, [*CANDIDATES, _gist("loan", "保单借款多久？", "保险期内可申请保单借款，期限一般不超过6个月。")],
                                   reviews=reviews)
        assert question is not None
        assert CANDIDATES[3].option not in question.options and CANDIDATES[0].option not in question.options
    unreviewed_swaps = Reviews.of([_review(CANDIDATES[3], "also_right")], unreviewed=True)
    question = choice_question(RIGHT, CANDIDATES, reviews=unreviewed_swaps)
    assert question is not None and ECHOING not in question.options


def _options_by_entry(bank: dict[str, Question]) -> set[tuple[str, str]]:
    return {(q.entry_id, o) for q in bank.values() if q.generated and q.type == "single" for o in q.options}


def test_a_real_item_is_no_longer_given_away_by_the_question_words_its_right_option_opens_with(
        real_kb: KnowledgeBase) -> None:
    """犹豫期撤单必须投保人本人申请吗？: the right option 须由投保人申请 opened most with the question's words, so a trainee
    picked it by its opening. A reviewed distractor (犹豫期内投保人申请解除合同的…, read as wrong) echoes it as much."""
    bank = question_bank(real_kb)
    item = bank["gen-choice:cooling-off-who-can-cancel"]
    assert item.options[item.answer] == "须由投保人申请"
    swapped_in = Gist.of(real_kb.content.entries["cooling-off-refund-amount"]).option
    assert swapped_in in item.options
    asked = frozenset(bigrams(item.prompt))
    assert not opens_most(item.options[0], item.options[1:], lambda o: opening_echo(o, asked))
    # Over the bank: the right option opens most with the question's words in 96 of 275 items on main (35 %).
    choices = [q for q in bank.values() if q.generated and q.type == "single"]
    given_away = [q.id for q in choices
                  if opens_most(q.options[0], q.options[1:], lambda o, q=q: opening_echo(o, frozenset(bigrams(q.prompt))))]
    assert len(given_away) < 0.3 * len(choices), len(given_away)


def test_no_real_item_offers_an_option_a_reviewer_found_right_too_or_unclear(real_kb: KnowledgeBase) -> None:
    """犹豫期内怎么申请撤单？ offered 须由投保人申请 (who applies: part of how) and quiz48's swap would have offered
    回访在犹豫期内进行…须由投保人申请: the reviewer found both arguable. Neither is offered, nor any other rejected one,
    even with every unreviewed swap made (the review file's bank)."""
    rejected = {(r.question, Gist.of(real_kb.content.entries[r.distractor]).option)
                for r in real_kb.content.distractor_reviews if r.verdict != "wrong"}
    assert len(rejected) >= 30
    assert ("cooling-off-how-to-cancel", "须由投保人申请") in rejected
    bank = question_bank(real_kb)
    assert _options_by_entry(bank) & rejected == set()
    assert bank["gen-choice:cooling-off-how-to-cancel"].options[0] == "在犹豫期截止日前，由投保人提出书面解除申请"
    assert _options_by_entry(question_bank(real_kb, unreviewed_swaps=True)) & rejected == set()


def test_an_edit_undoes_a_reviewed_swap_only_where_the_option_read_is_no_longer_offered() -> None:
    """quiz50: the editor names the items whose reviewed swap an edited answer turns off (it was silent)."""
    reviews = Reviews.of([DistractorReview("asked", "edited", "犹豫期一般为15日", "wrong"),
                          DistractorReview("other", "edited", "犹豫期一般为10日", "wrong"),
                          DistractorReview("rejected", "edited", "犹豫期一般为15日", "also_right", "right too")])
    assert reviews.undone_by_edit("edited", "犹豫期一般为15日", "犹豫期一般为20日") == ["asked"]
    assert reviews.undone_by_edit("edited", "犹豫期一般为15日", None) == ["asked"]  # deleted
    assert reviews.undone_by_edit("edited", "犹豫期一般为15日", "犹豫期一般为15日。") == []  # the same option
    assert reviews.undone_by_edit("another", "犹豫期一般为15日", "犹豫期一般为20日") == []
