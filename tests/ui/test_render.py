"""How matched terms are highlighted in an answer (ui.render.highlight)."""

from __future__ import annotations

import re

from ui.render import highlight

GLOSSARY = ("甲状腺癌", "甲癌", "宽限期")


def lit(markdown: str) -> list[str]:
    """The highlighted pieces, as the agent sees them."""
    return [piece.replace("\\", "") for piece in re.findall(r":orange-background\[([^\]]*)\]", markdown)]


def test_a_fragment_of_the_query_word_is_not_highlighted_inside_another_term() -> None:
    text = "乳腺癌属于重大疾病；甲状腺癌按轻重分级。"
    assert lit(highlight(text, ("乳腺癌", "腺癌"), GLOSSARY)) == ["乳腺癌"]
    assert lit(highlight("甲状腺癌按轻重分级。", ("腺癌",), GLOSSARY)) == []


def test_a_known_term_that_was_matched_is_highlighted_whole() -> None:
    assert lit(highlight("甲状腺癌按轻重分级。", ("甲状腺癌",), GLOSSARY)) == ["甲状腺癌"]
    assert lit(highlight("宽限期有多长？宽限期内出险", ("宽限期",), GLOSSARY)) == ["宽限期", "宽限期"]


def test_touching_matches_are_one_highlight() -> None:
    assert lit(highlight("为什么要核验身份？", ("为什", "么要核验身份"))) == ["为什么要核验身份"]


def test_a_highlight_covers_whole_words_or_nothing() -> None:
    """qa16 #15: the query 客户说业务员当初承诺的… lit 业务员当 in 业务员当时, half of the word 当时."""
    assert lit(highlight("客户说业务员当时承诺的收益没有兑现", ("业务员当",))) == ["业务员"]
    assert lit(highlight("保单的现金价值怎么算", ("金价",))) == []  # inside 现金 and 价值: no word of its own
    assert lit(highlight("The coverage starts today", ("age", "starts"))) == ["starts"]
    assert lit(highlight("犹豫期内退保只扣工本费", ("犹豫期",), ("犹豫期",))) == ["犹豫期"]  # a glossary term is a word


def test_a_code_span_shows_an_id_as_it_is() -> None:
    """qa23 I2: escape_markdown inside backticks showed svc\\-personal\\-details\\-correction (escapes are literal there)."""
    from ui.render import code_span

    assert code_span("svc-personal-details-correction") == "`svc-personal-details-correction`"
    assert code_span("a`b") == "``a`b``"
