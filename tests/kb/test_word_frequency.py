"""The word-frequency list that tells the typo corrector whether a correction reads better."""

from __future__ import annotations

from kb.word_frequency import MAX_WORD_CHARS, WordFrequencies, bundled_frequencies


def test_ordinary_words_read_better_than_a_changed_character() -> None:
    words = WordFrequencies(bundled_frequencies())
    assert words.log_probability("这种解释算数吗") > words.log_probability("这种解试算数吗")
    assert words.log_probability("宽限期多久") > words.log_probability("宽线期多久")


def test_the_best_segmentation_counts() -> None:
    words = WordFrequencies({"解释": 10, "解": 5, "释": 5, "算": 10})
    # 解释 as one word (10/30) beats 解 + 释 (5/30 · 5/30).
    assert abs(words.log_probability("解释") - (words.log_probability("解") + words.log_probability("释"))) > 1
    assert words.log_probability("解释算") == words.log_probability("解释") + words.log_probability("算")


def test_content_terms_the_list_lacks_count_as_words() -> None:
    plain = WordFrequencies({"复": 5, "效": 5, "笑": 5, "要": 50})
    with_terms = WordFrequencies({"复": 5, "效": 5, "笑": 5, "要": 50}, ["复效"])
    assert plain.log_probability("复效要") == plain.log_probability("复笑要")
    assert with_terms.log_probability("复效要") > with_terms.log_probability("复笑要")


def test_a_character_the_list_lacks_counts_as_seen_once() -> None:
    words = WordFrequencies({"保": 1, "单": 100})
    assert words.log_probability("䶮") == words.log_probability("保") < words.log_probability("单")


def test_the_bundled_list_holds_characters_and_short_words() -> None:
    frequencies = bundled_frequencies()
    assert {"保", "期", "解释", "由于", "别家"} <= frequencies.keys()
    assert max(len(w) for w in frequencies) <= MAX_WORD_CHARS
    assert all(count > 0 for count in frequencies.values())


def test_a_count_is_the_lists_own() -> None:
    """The corrector's very-common-word rule reads the list's counts; a content term added as a word counts 0 there."""
    words = WordFrequencies(bundled_frequencies(), ["复效"])
    assert words.count("这个") > 8_000 > words.count("区别") > 0
    assert words.count("复效") == 0 and words.is_word("宽限") and not words.is_word("宽线")


def test_the_best_segmentation_is_given_as_words() -> None:
    """What a search highlight is cut back to (ui.render.highlight): the route log_probability scores."""
    words = WordFrequencies({"解释": 10, "解": 5, "释": 5, "算": 10})
    assert words.words("解释算") == ["解释", "算"] and words.words("") == []
    listed = WordFrequencies(bundled_frequencies())
    assert listed.words("客户说业务员当时承诺") == ["客户", "说", "业务员", "当时", "承诺"]
