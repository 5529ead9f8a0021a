"""Traditional characters read as simplified ones before a query is searched (kb.script_conversion)."""

from __future__ import annotations

import pytest

from kb.script_conversion import SimplifiedScript, bundled_table, read_table


@pytest.fixture(scope="module")
def script() -> SimplifiedScript:
    return SimplifiedScript()


@pytest.mark.parametrize(("typed", "meant"), [
    ("猶豫期內可以退保嗎", "犹豫期内可以退保吗"),
    ("保單失效了怎樣復效", "保单失效了怎样复效"),
    ("理賠要甚麼文件", "理赔要甚么文件"),
    ("冷靜期過咗仲可唔可以退", "冷静期过咗仲可唔可以退"),     # Cantonese characters (咗, 唔) are not traditional ones
    ("乾淨的頭髮", "干净的头发"),                             # 乾 and 髮 in a traditional query
    ("退保之後幾時發錢", "退保之后几时发钱"),
    ("沒關係", "没关系"),                                     # 係 is 系 inside 關係
    ("保險法第十六條", "保险法第十六条"),
])
def test_a_traditional_query_becomes_simplified(script: SimplifiedScript, typed: str, meant: str) -> None:
    assert script.convert(typed) == meant


@pytest.mark.parametrize("simplified", [
    "头发干了还要做什么",   # 干, 发 are no traditional characters
    "干什么都不行",
    "皇后在后面",
    "乾隆年间的古董能保吗",  # 乾, 於, 徵 are simplified characters too: they start no conversion
    "於先生的保单",
    "徵收的费用",
    "我系咪可以退",         # simplified Cantonese writing
    "犹豫期内可以退保吗",
])
def test_a_simplified_query_is_never_changed(script: SimplifiedScript, simplified: str) -> None:
    assert script.convert(simplified) == simplified
    assert script.rewrite(simplified).changes == ()


@pytest.mark.parametrize(("typed", "meant"), [
    ("我係佢老婆", "我係佢老婆"),   # 係 (是 in Cantonese) is left for the glossary's cantonese-is
    ("嗰個保單", "嗰个保单"),                         # 嗰 stays (OpenCC's simplified form 𠮶 is no input method's)
    ("我係想問下張保單", "我係想问下张保单"),
])
def test_written_cantonese_characters_are_kept(script: SimplifiedScript, typed: str, meant: str) -> None:
    assert script.convert(typed) == meant


def test_the_change_is_reported(script: SimplifiedScript) -> None:
    assert script.rewrite("保單").changes == (("保單", "保单"),)


def test_phrases_convert_before_characters() -> None:
    table = read_table("乾\t干\n淨\t净\tt\n乾坤\t乾坤\n")
    script = SimplifiedScript(table)
    assert script.convert("乾坤淨") == "乾坤净"
    assert script.convert("乾淨") == "干净"
    assert script.convert("乾坤") == "乾坤"  # no traditional-only character: nothing to convert


def test_the_bundled_table_covers_common_traditional_characters() -> None:
    table = bundled_table()
    assert {"單": "单", "賠": "赔", "險": "险", "後": "后", "髮": "发", "發": "发"}.items() <= dict(table.chars).items()
    assert "後" in table.traditional_only and "乾" not in table.traditional_only and "係" not in table.chars
    assert all("\u4e00" <= c <= "\u9fff" for target in table.chars.values() for c in target)
