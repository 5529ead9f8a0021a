"""The customer answers the trainee's questions about the case from `persona.facts`.

A fact is a name and the customer's own spoken answer (`diagnosed: 两个月前确诊的脑梗塞`).
A question is matched to the fact whose topic words it uses (the table below, by fact name)
or, for names outside the table, whose answer shares the most two-character words with it.
Deterministic and cheap: no encoder, since e5 similarities between short Chinese questions
sit in too narrow a band to tell "什么时候确诊的" from "什么时候签收的" (docs/../JUDGE.md).
"""

from __future__ import annotations

import re
from typing import Mapping

# Fact name → words a trainee uses when asking about it. Scenario authors may use other names;
# those are matched on the words of the answer itself.
FACT_TOPICS: dict[str, tuple[str, ...]] = {
    "product": ("产品", "险种", "什么保险", "哪款", "哪个保险", "哪一款", "买的是"),
    "insured": ("被保险人", "被保人", "给谁", "保的是谁", "保谁", "谁的保单"),
    "policyholder": ("投保人", "谁投保", "谁买的"),
    "diagnosed": ("确诊", "诊断", "什么病", "查出", "病情", "哪天住院", "什么时候住院", "发病"),
    "hospital": ("医院", "住院", "哪家", "治疗", "手术"),
    "signed": ("签收", "收到保单", "拿到保单", "哪天签", "什么时候签", "几天了", "多久了"),
    "signer": ("签字", "签名", "谁签", "亲笔", "代签", "本人签"),
    "premium": ("保费", "交多少", "多少钱", "每年交", "年交", "交了多少", "交费", "缴费"),
    "paid_years": ("交了几年", "交了多久", "交了多少年", "几年了"),
    "channel": ("在哪买", "哪里买", "哪儿买", "怎么买", "渠道", "网点", "代理人", "通过谁"),
    "agent": ("业务员", "销售", "代理人", "经理"),
    "promise": ("承诺", "当时怎么说", "怎么跟您说", "怎么介绍", "保底", "说的是"),
    "decision": ("通知书", "结论", "拒赔", "怎么说的", "理由", "写的"),
    "overdue": ("应交日", "逾期", "过了多久", "几天", "什么时候该交", "到期"),
    "status": ("保单状态", "现在保单", "多久没交", "中止", "失效", "停了"),
    "demand": ("诉求", "要求", "您希望", "您想", "想怎么"),
    "account": ("账户", "银行卡", "扣款", "换卡", "卡号"),
    "contact": ("手机号", "电话", "联系方式", "地址", "搬家", "搬过", "搬了"),  # 您搬过家是吧？ (qa27 C1: a bare 对。)
    "income": ("工作", "收入", "失业", "手头"),
    "bought": ("什么时候买", "哪年买", "哪一年", "投保时间", "买了多久"),
    "dividend": ("分红", "收益", "红利", "利息", "到账多少"),
    "caller": ("来电", "打来的", "号码", "谁打"),
}
MIN_SCORE = 2
# A question that asks for a yes or a no ("您是否…？", "…吗？", "是不是…"), not for a detail.
YES_NO_MARKS = ("是否", "吗", "是不是", "有没有", "对吧", "对吗", "没错吧", "是吧")
OPEN_QUESTION_WORDS = ("什么", "哪", "几", "多少", "怎么", "多久", "谁", "为什么")  # asks for a detail
_FILLER_BIGRAMS = {"请问", "您的", "是不", "不是", "一下", "什么", "时候", "这个", "那个", "我们", "您是", "是什", "么时"}


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)} - _FILLER_BIGRAMS


def matching_fact(question: str, facts: Mapping[str, str]) -> str | None:
    """The name of the fact that `question` asks about, or None when it asks about none of them."""
    asked = _bigrams(question)
    best, best_score = None, 0
    for name, answer in facts.items():
        topic_hits = sum(1 for word in FACT_TOPICS.get(name, ()) if word in question)
        score = 2 * topic_hits + len(asked & _bigrams(answer))
        if score > best_score:
            best, best_score = name, score
    return best if best_score >= MIN_SCORE else None


def asks_yes_or_no(question: str) -> bool:
    """The question asks for a yes or a no, not for a detail."""
    return any(mark in question for mark in YES_NO_MARKS) and not any(word in question for word in OPEN_QUESTION_WORDS)


def _words_only(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


def confirms(question: str, answer: str) -> bool:
    """The question states the customer's own fact and asks for a yes ("您是否投保了安享终身寿险？" to
    "安享终身寿险"): a person answers "对，是的", not the fact back as if asked what it is (qa17, judge27)."""
    if not asks_yes_or_no(question):
        return False
    fact = _words_only(answer)
    return bool(fact) and fact in _words_only(question)


def asked_clause(question: str, answer: str) -> str:
    """The part of a fact that a yes-or-no question asks about ("当时是不是做了录音录像？" of "在银行网点买的，买的时候做了
    录音录像。" → "买的时候做了录音录像"): a person answers what was asked, not the whole fact (qa25 C1, where the channel
    read out as 银行网点，投保时做了录音录像。). The whole fact for an open question, or when no part shares more words."""
    if not asks_yes_or_no(question):
        return answer
    clauses = [c for c in re.split(r"[，,。；;！!]", answer) if c.strip()]
    if len(clauses) < 2:
        return answer
    asked = _bigrams(question)
    shared = [len(asked & _bigrams(c)) for c in clauses]
    best = max(shared)
    return clauses[shared.index(best)] if best and shared.count(best) == 1 else answer


def says_the_same(question: str, answer: str) -> bool:
    """Her own next question already tells the fact of `answer` ("说实话，那天我不在家，字是我老婆帮我签的…" of
    "是我老婆替我签的，那天我在外地出车。"): a clause of it shares at least half its two-character words with the question,
    so she does not say both (qa26 C1)."""
    if not question:
        return False
    asked = _bigrams(question)
    for clause in re.split(r"[，,。；;！!？?]", answer):
        words = _bigrams(clause)
        if len(words) >= 3 and 2 * len(words & asked) >= len(words):
            return True
    return False
