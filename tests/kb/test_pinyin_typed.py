"""Questions typed in pinyin, which the search does not read (qa27 S5): the search page says so under its refusal."""

from __future__ import annotations

import pytest

from kb.pinyin_typed import typed_in_pinyin


@pytest.mark.parametrize("query", [
    "wo de bd shi xiao le zen me ban",          # qa27 S5, as pasted
    "ybd停了 能不能先不交 以后再交",              # initials beside characters
    "zmb 保单过期没交钱 现在咋整",
    "baodan shixiao le zenme ban",              # syllables run together
])
def test_pinyin_and_its_initials_are_recognised(query: str) -> None:
    assert typed_in_pinyin(query)


@pytest.mark.parametrize("query", [
    "续期的premium一直扣不了款",                  # English inside Chinese is read by the search
    "I want to cancel my policy",
    "what is the free look period",
    "cash value怎么算",
    "CT检查能报吗",                              # capitals: an abbreviation
    "can I claim",                              # one syllable-like word is English
    "保单失效了怎么办",
])
def test_english_and_abbreviations_are_not_pinyin(query: str) -> None:
    assert not typed_in_pinyin(query)
