"""One reply judged on its own: what the classifier adds beside the rules."""

from __future__ import annotations

from trainer.dialogue.evidence import Evidence
from trainer.dialogue.reply import _explains_nothing


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
