"""How the trainee addresses the customer: a wrong surname or a misspoken full name is caught.

A real customer corrects a wrong name at once ("我不姓王，我姓李"), and call QA counts it:
calling a customer by the wrong name on a callback can mean talking to the wrong person.
Only names in a form of address are judged (王女士, 李秀英 for 李秀兰), and surnames of other
people in the case (the insured husband 刘志强 → 刘先生) are allowed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kb.chinese_text import clause_at, sentence_at

# The hundred most common Chinese surnames: a form of address starts with one of these.
COMMON_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
TITLES = ("女士", "先生", "小姐", "阿姨", "叔叔", "大爷", "大妈", "奶奶", "爷爷", "大姐", "大哥")
_ADDRESS = re.compile(f"([{COMMON_SURNAMES}])(?:{'|'.join(TITLES)})")
# Words that end in a surname character: "谢谢阿姨" thanks the customer, it does not call her 谢阿姨.
WORDS_ENDING_IN_A_SURNAME = ("谢谢", "感谢", "多谢", "致谢")
# Words of a request for something only the customer can say about themselves: whoever answers it is
# identified by the answer, not by the name the trainee used.
IDENTIFYING_DETAILS = ("身份证", "后四位", "尾号", "证件号", "出生日期", "生日", "手机号", "身份信息")


@dataclass(frozen=True)
class WrongName:
    """The name the trainee used, the clause that carries it, and the customer's real name."""

    said: str
    quote: str
    surname: str


def wrong_name(text: str, name: str, case_text: str) -> WrongName | None:
    """The first wrong form of address in `text` for a customer called `name`, or None.

    `case_text` holds everything written about the case: a surname that appears in it belongs
    to someone else in the story (the insured, a relative) and is not judged.
    """
    if not name:
        return None
    surname = name[0]
    for match in _ADDRESS.finditer(text):
        said = match.group(1)
        if text[max(0, match.start() - 1):match.start() + 1] in WORDS_ENDING_IN_A_SURNAME:
            continue
        if introduces_herself(text, match.start()):
            continue
        if said != surname and said not in case_text.replace(name, ""):
            return WrongName(match.group(0), clause_at(text, match.start(), match.end()), surname)
    if len(name) == 3:  # 李秀英 for 李秀兰: the surname and one of the two given characters right
        for match in re.finditer(f"{re.escape(surname)}([\u4e00-\u9fff]{{2}})", text):
            given = match.group(1)
            if given != name[1:] and (given[0] == name[1]) != (given[1] == name[2]):
                return WrongName(match.group(0), clause_at(text, match.start(), match.end()), surname)
    return None


# The trainee's own name said after 我是 / 我姓 / 我叫 in the same clause, with nobody else named between.
_SELF_INTRODUCTION = re.compile(r"(?:我是|我叫|我姓|本人是|这里是|这边是)[^，,。！？!?；;：:您你]{0,12}$")


def introduces_herself(text: str, start: int) -> bool:
    """The form of address at `start` is the trainee's own name ("我是客服专员王女士"), not the customer's.

    qa20: 王姐 introduced herself so on the dividend call; the report read 称呼错误 and the customer said 你叫错了."""
    return bool(_SELF_INTRODUCTION.search(text[:start]))


def detail_asked(sentence: str) -> str | None:
    """The clause of `sentence` that asks for an identifying detail (身份证后四位, 出生日期…), or None."""
    position = min((i for word in IDENTIFYING_DETAILS if (i := sentence.find(word)) >= 0), default=-1)
    return clause_at(sentence, position, position + 1) if position >= 0 else None


def addresses_the_wrong_person(text: str, quote: str, wrong: WrongName) -> bool:
    """Whether the sentence of `text` that holds `quote` asks someone else who they are.

    "请问是张先生本人吗？" to 李秀兰 checks nothing: the answer can only be "你叫错了", so it is no
    identity check (and no question about the case). A request for a detail only the customer can say
    ("张先生，请报一下身份证后四位？", or in another sentence: "王女士您好。请说一下身份证后四位。") still is
    one: the customer's own answer identifies them, whatever the name (which is faulted on its own).
    """
    start = text.find(quote)
    if start < 0:
        return False
    sentence = sentence_at(text, start, start + len(quote))
    return wrong.said in sentence and detail_asked(sentence) is None
