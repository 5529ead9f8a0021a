"""PyYAML's common syntax problems in Chinese, for the Chinese UI (qa13 #11).

The parser words its problems in English ("mapping values are not allowed in this context"),
which the Chinese line showed as it was. The problems an editor meets in practice (a second
": " on a line, a missing colon, a tab or an unquoted @ at the start of a value, an unclosed
quote or bracket, a bad escape, a second document) are said here in Chinese with what to do;
a problem not listed keeps the parser's own text. libyaml's wording (the C loader the content
uses) and the pure-Python loader's are both matched.
"""

from __future__ import annotations

import yaml

# (words of the parser's problem, Chinese); the first whose words the problem contains is used.
WORDED: tuple[tuple[str, str], ...] = (
    ("mapping values are not allowed",
     "这里不能再出现“: ”（冒号加空格）：一行只能有一个“字段: 值”。如果值本身含“: ”，请给值加上引号"),
    ("could not find expected ':'",
     "找不到应有的冒号“:”：这一行或上一行可能缺少“字段: 值”中的冒号，或有引号没有闭合"),
    ("expected ',' or ']'",
     "方括号“[ ]”没有闭合，或列表的两项之间缺少逗号"),
    ("expected ',' or '}'",
     "花括号“{ }”没有闭合，或两项之间缺少逗号"),
    ("did not find expected key",
     "这里应当是“字段: 值”：可能是缩进与上下行不一致，或引号后面还多了文字"),
    ("did not find expected '-' indicator",
     "这里应当是以“- ”开头的列表项：可能是缩进与上下行不一致"),
    ("expected <block end>",
     "这一行的缩进与上下行不一致，或引号、括号后面还多了内容"),
    ("did not find expected node content",
     "这里缺少值，或多了一个“]”“}”等符号"),
    ("expected the node content",
     "这里缺少值，或多了一个“]”“}”等符号"),
    ("found unknown escape character",
     "双引号里的反斜杠“\\”后面是无法识别的转义：请写成两个反斜杠“\\\\”，或改用单引号"),
    ("found another document",
     "一个文件只能有一个 YAML 文档：请删除多出的“---”"),
    ("control characters are not allowed",
     "含有不允许的控制字符：请删除或重新输入这一部分"),
)


def chinese_problem(err: yaml.YAMLError, text: str) -> str | None:
    """The Chinese wording of a parser error, or None when it is not one of the common problems."""
    problem = str(getattr(err, "problem", None) or err)  # a ReaderError (a forbidden character) has no `problem`
    context = str(getattr(err, "context", None) or "")
    if "cannot start any token" in problem:
        return _bad_start(err, text)
    if "end of stream" in problem and "quoted scalar" in context:
        return _unclosed_quote(err)
    return next((zh for words, zh in WORDED if words in problem), None)


def _bad_start(err: yaml.YAMLError, text: str) -> str:
    """A tab (indentation), or a character such as @ ` % that may not begin a plain value."""
    mark = getattr(err, "problem_mark", None)
    lines = text.splitlines()
    character = ""
    if mark is not None and mark.line < len(lines) and mark.column < len(lines[mark.line]):
        character = lines[mark.line][mark.column]
    if character == "\t" or (not character and "\\t" in str(getattr(err, "problem", ""))):
        return "出现了制表符（Tab）：YAML 的缩进只能用空格，请把 Tab 换成空格"
    shown = f"“{character}”" if character.strip() else ""
    return f"字符{shown}不能出现在值的开头（如 @、`、%、Tab）：请给这个值加上引号，缩进请用空格"


def _unclosed_quote(err: yaml.YAMLError) -> str:
    """The quote's own line (the context mark) is where to look; the problem's line is the file's end."""
    start = getattr(err, "context_mark", None)
    where = f"第 {start.line + 1} 行开始的" if start is not None else ""
    return f"{where}引号（\" 或 '）没有闭合：到文件末尾都没有找到结束的引号"
