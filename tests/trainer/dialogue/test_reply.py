"""One reply judged on its own: what the classifier adds beside the rules."""

from __future__ import annotations

from trainer.dialogue.evidence import Evidence
from trainer.dialogue.reply import _explains_nothing, caring_in_earnest, explaining_in_earnest, in_earnest


def test_a_promise_or_an_empty_answer_in_the_sentence_explains_nothing() -> None:
    promise = Evidence("absolute_promise", False, "过了宽限期也照样赔的。", "")
    empty = Evidence("vague", False, "您就等着吧。", "")
    assert _explains_nothing("没事没事，过了宽限期也照样赔的。", [promise])
    assert _explains_nothing("规定就这样，您就等着吧。", [empty])


def test_an_explanation_beside_a_fault_elsewhere_still_counts() -> None:
    promise = Evidence("absolute_promise", False, "过了宽限期也照样赔的。", "")
    jargon = Evidence("jargon", False, "宽限期是六十天，", "")
    assert not _explains_nothing("宽限期是六十天，这期间出险照常赔付。", [promise, jargon])  # another sentence
    assert not _explains_nothing("宽限期是六十天。过了宽限期也照样赔的。", [promise])  # the whole reply: other sentences
    assert not _explains_nothing("宽限期是六十天，这期间出险照常赔付。", [jargon])  # a fault that may explain


def test_a_spoken_explanation_inside_a_promise_or_an_empty_answer_is_withheld() -> None:
    """judge40p: the spoken forms (按…赔 / X就是…) credited explanation inside a promise; the classifier's credit was
    already withheld there (judge21). A fact of an entry (the session's, `Evidence.entry`) and an explanation in another
    sentence stay."""
    sentence = "肯定可以按轻症赔的，两三天钱就到卡上啦～"
    promise = Evidence("absolute_promise", False, "肯定可以按轻症赔的，", "")
    spoken = Evidence("explanation", True, sentence, "")
    fact = Evidence("explanation", True, sentence, "", entry="claim-mild")
    assert explaining_in_earnest([promise, spoken]) == [promise]
    assert explaining_in_earnest([promise, fact]) == [promise, fact]
    elsewhere = Evidence("explanation", True, "轻症按保额的20%赔。", "")
    assert explaining_in_earnest([promise, elsewhere]) == [promise, elsewhere]
    empty = Evidence("vague", False, "条款就这么写的，", "")
    bare = Evidence("explanation", True, "条款就这么写的，您等通知吧。", "")
    assert explaining_in_earnest([empty, bare]) == [empty]


def test_a_reply_that_blames_or_is_rude_shows_no_empathy() -> None:
    """judge42q: none of the 173 train lines labelled blame, and 1 of the 241 labelled rude, is labelled empathy; the
    classifier credited the agent's own plight in them (我也很为难 / 我们也没辙). Without the fault the credit stays."""
    plight = Evidence("empathy", True, "您这样说我也很为难的呀，", "")
    blame = Evidence("blame", False, "又不是我让您买的～", "")
    rude = Evidence("rude", False, "您听我说完行不行？", "")
    assert caring_in_earnest([plight, blame]) == [blame]
    assert caring_in_earnest([rude, plight]) == [rude]
    assert caring_in_earnest([plight]) == [plight]


def test_calming_the_customer_beside_a_promise_or_an_empty_answer_is_no_empathy() -> None:
    """judge42q: 您别急 / 莫慌 opens a promise or an empty answer as often as it comforts (train: 您别急，我跟领导说一声，这个拒赔能
    给您改过来。); beside one, calming alone is withheld — other empathy, and calming beside an explanation, stay."""
    calmed = Evidence("empathy", True, "您莫急撒，", "")
    promise = Evidence("absolute_promise", False, "这个拒赔肯定能给您改过来。", "")
    empty = Evidence("vague", False, "反正会有人联系您的，", "")
    felt = Evidence("empathy", True, "您别急，我知道您现在急用钱，", "")
    explained = Evidence("explanation", True, "分红是不保证的，", "")
    assert caring_in_earnest([calmed, promise]) == [promise]
    assert caring_in_earnest([empty, calmed]) == [empty]
    assert caring_in_earnest([felt, promise]) == [felt, promise]
    assert caring_in_earnest([calmed, explained]) == [calmed, explained]
    spoken = Evidence("explanation", True, "这个拒赔肯定能给您改过来。", "")
    assert in_earnest([calmed, promise, spoken]) == [promise]  # both checks, as the session and the benchmarks read them
