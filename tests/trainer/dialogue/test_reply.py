"""One reply judged on its own: what the classifier adds beside the rules."""

from __future__ import annotations

from trainer.dialogue.evidence import Evidence
from trainer.dialogue.reply import _explains_nothing, explaining_in_earnest


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
