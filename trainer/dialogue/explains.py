"""Sentences that explain nothing, whatever words of a rule they hold (qa14, judge20).

准确解释 was credited for "呃，我也不是很确定，我帮您查一下理赔的结论，好像是要看肌钙蛋白还有心功能什么的。"
(close in meaning to the rule's answer, and it names 肌钙蛋白) and for "投保单上的签名是您本人签的吗？" (it names
投保单). An agent saying they do not know explains nothing, and neither does a plain question: it asks.
A question that states the rule and checks it was heard ("犹豫期是15天，您知道吗？", "…一共交10年，对吗？") is
no plain question.
"""

from __future__ import annotations

import re

from kb.chinese_text import sentences
from trainer.dialogue.segments import comma_pieces

# A comma piece that is the agent saying they do not know, and nothing else: 我也不是很确定 / 这个我不太清楚 /
# 我也说不好. "我不知道您收到短信没有" says more and is not one.
_UNSURE = re.compile(
    r"^(?:呃|嗯|啊|额|哎|那个|这个|这|说实话|老实说|其实)*(?:我|我们|我这边)(?:也|其实|真的|还|现在|暂时|自己|这边)*"
    r"(?:不是很|不是特别|不是太|不太|不大|不怎么|不|没|没有|说不|拿不|吃不)"
    r"(?:确定|清楚|知道|了解|懂|太懂|准|好|记得|记不清|肯定)"
    r"(?:呢|啊|哈|哦|诶|耶|哎|呀|了)*$"
)
# The last piece of a question that states something first and checks it was heard or agreed.
TAGS = ("对吗", "是吗", "对吧", "是吧", "好吗", "好吧", "对不对", "是不是", "知道吗", "明白吗", "清楚吗", "可以吗",
        "行吗", "没错吧", "没问题吧", "听明白了吗", "听清楚了吗", "您看呢", "您看行吗", "您看可以吗")
_MARKS = "。！？!?；;…～~ \n"


def _words(piece: str) -> str:
    return "".join(ch for ch in piece if ch.isalnum())


def unsure(sentence: str) -> bool:
    """The sentence says the agent does not know (a piece of it is only that)."""
    return any(_UNSURE.match(_words(p)) for p in comma_pieces(sentence))


# Longest piece before a question that only leads into it (王先生 / 您好 / 想跟您确认一下), not a statement.
LEAD_IN_CHARS = 8


def asks_only(sentence: str) -> bool:
    """The sentence is a plain question: it ends as one, and says nothing before it but a short lead-in
    (not "…要由投保人本人亲笔签，不能代签，请问是您本人签的吗？", nor a statement with a tag: …，对吗？)."""
    stripped = sentence.strip().rstrip("。 ")
    if not (stripped.endswith(("？", "?")) or stripped.endswith("吗")):
        return False
    pieces = [_words(p) for p in comma_pieces(stripped) if _words(p)]
    if len(pieces) > 1 and pieces[-1].endswith(TAGS):
        return False
    return all(len(p) <= LEAD_IN_CHARS for p in pieces[:-1])


# What makes a statement an explanation rather than the bare fact (behaviours.py: "explains a rule with the right
# facts"; the corpus writers' definition: "correctly and concretely (figures, periods, conditions, why)" — "a bare
# 按规定不行 is no explanation"): a figure or period, a condition, a reason, or words saying what something means.
_CONCRETE = re.compile(r"\d|[零一二两三四五六七八九十百千万半几]+个?(天|日|年|月|周|岁|元|块|倍|成|%|％)"
                       r"|如果|要是|只要|除非|的话|才|因为|所以|由于|按|根据|依据|要看|取决|就是|意思|是指|指的是|属于|比如")
# Longest bare statement, in characters of words: 分红不保证的 is 6, 不会扣您钱的 6.
BARE_CHARS = 10


def bare_statement(sentence: str) -> bool:
    """The sentence is one short clause stating a fact with nothing concrete: "分红不保证的。" tells the customer the
    rule but not why, how much or when. It may meet a checkpoint that names the fact (its cue), but it is no
    准确解释 (qa18: credited to a curt agent). Train split: no utterance labelled explanation holds such a sentence;
    不会的。 / 不用的呀。 are labelled none."""
    if sentence.strip().endswith(("？", "?")):
        return False  # a question asks (`asks_only`)
    stripped = sentence.strip().rstrip(_MARKS)
    if not stripped or stripped.endswith("吗"):
        return False
    pieces = [p for p in comma_pieces(stripped) if _words(p)]
    return len(pieces) == 1 and len(_words(stripped)) <= BARE_CHARS and not _CONCRETE.search(stripped)


def explains_nothing(sentence: str) -> bool:
    """Whatever rule words it holds, the sentence explains nothing: unsure, or only a question."""
    return unsure(sentence) or asks_only(sentence)


def unsure_sentences(text: str) -> tuple[str, ...]:
    """The sentences of `text` in which the agent says they do not know."""
    return tuple(s for s in sentences(text) if unsure(s))


def silent_sentences(text: str) -> tuple[str, ...]:
    """The sentences of `text` that explain nothing (`explains_nothing`)."""
    return tuple(s for s in sentences(text) if explains_nothing(s))


def within(quote: str, found: tuple[str, ...]) -> bool:
    """The quote lies in one of `found` (sentences), or is one of them."""
    words = quote.strip().rstrip(_MARKS)
    return bool(words) and any(words in s for s in found)
