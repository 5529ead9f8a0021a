"""Practice figures stay hedged, and one rule keeps one figure everywhere it is stated.

Figures that come from contract terms or company practice (工本费 ≤10元, a 60-day grace
period, the policy-loan cap, claim notice within 10 days …) must read as practice wherever an
agent reads them out: in the same sentence as a hedge (一般, 以合同条款为准 …). "按合同约定" on
its own is not a hedge: "按合同约定，有60日宽限期" still tells every customer 60 days (audit of
issue #11, finding 10). And the figure for a rule (complaint deadlines 15/30/+30 = 60 at most,
the 工本费, the grace period …) must be the same in FAQ entries, quiz items and scenarios.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

import pytest

from kb import ContentSet
from tests.content.texts import Text, sentences
from kb.chinese_text import Quantity, quantities
from kb.chinese_text import parse_number as chinese_number

HEDGE = {
    "zh": re.compile(r"一般|通常|常见|多为|大多|以[^。；，]{0,16}为准|要看[^。；]{0,10}(条款|合同)"),
    "en": re.compile(r"\b(usually|typically|generally|normally|commonly|often|as set out in the policy|"
                     r"depends on the policy|per the policy terms|check the terms)\b", re.IGNORECASE),
}


@dataclass(frozen=True)
class HedgedFigure:
    """A practice figure: a sentence matching every pattern of `triggers` (and not `unless`) needs a hedge."""

    name: str
    lang: str
    triggers: tuple[str, ...]
    unless: str = ""

    def states(self, sentence: str) -> bool:
        return (all(re.search(p, sentence, re.IGNORECASE) for p in self.triggers)
                and not (self.unless and re.search(self.unless, sentence)))


HEDGED_FIGURES = (
    HedgedFigure("工本费 ≤10元", "zh", (r"工本费", r"(10|十)\s*(元|块)")),
    HedgedFigure("工本费 ≤10元 (en)", "en", (r"processing fee", r"10 yuan")),
    HedgedFigure("宽限期 60日", "zh", (r"宽限期", r"(60|六十)\s*[日天]")),
    HedgedFigure("保单贷款比例", "zh", (r"借款|贷款|可借|借到|借出", r"([78]0|[八七]十)\s*[%％]|百分之[八七]十|[八七]成")),
    HedgedFigure("policy-loan share", "en", (r"loan|borrow", r"[78]0\s*%")),
    HedgedFigure("保单借款期限 6个月", "zh", (r"借款|贷款", r"(6|六)\s*个月")),
    HedgedFigure("报案期限 10日", "zh", (r"报案|通知", r"知道[^。；]{0,6}(出险|保险事故)", r"(10|十)\s*[日天]内")),
    HedgedFigure("等待期 90天", "zh", (r"(等待期|观察期)[^。；]{0,30}(90|九十)\s*[日天]",)),
    HedgedFigure("犹豫期退费 30日", "zh", (r"犹豫期|撤单", r"退回|退到|退还|到账", r"(30|三十)\s*[日天]内"), unless=r"现金价值"),
)


@pytest.mark.parametrize("rule", HEDGED_FIGURES, ids=lambda r: r.name)
def test_practice_figures_carry_a_hedge_in_the_same_sentence(rule: HedgedFigure, spoken: list[Text]) -> None:
    unhedged = [f"{t.where}: {s}" for t in spoken if t.lang == rule.lang for s in sentences(t.text, t.lang)
                if rule.states(s) and not HEDGE[t.lang].search(s)]
    assert unhedged == [], f"{rule.name} stated as if it were the rule for every policy:\n" + "\n".join(unhedged)


def test_the_hedge_list_finds_what_it_guards(spoken: list[Text]) -> None:
    """Each practice figure really occurs in the content, so a typo in a pattern cannot pass silently."""
    found = {rule.name for rule in HEDGED_FIGURES for t in spoken if t.lang == rule.lang
             for s in sentences(t.text, t.lang) if rule.states(s)}
    assert found == {rule.name for rule in HEDGED_FIGURES}


# ---------------------------------------------------------------- one rule, one figure


@dataclass(frozen=True)
class AgreedFigure:
    """In a sentence about `topic`, every figure in `unit` must be one of `allowed`.

    `only_with` lists figures that are right only next to some words (the old 10-working-day
    complaint rule, 70 % for older loan clauses); `maximum` is the figure a sentence saying
    最长/最多 must give.
    """

    name: str
    topic: tuple[str, ...]
    unit: str
    allowed: frozenset[float]
    only_with: tuple[tuple[float, str], ...] = ()
    maximum: float | None = None
    followed_by: str = ""  # only figures followed by this (内: a time limit, not 住院20天后)


AGREED_FIGURES = (
    AgreedFigure("投诉处理时限 15/30/+30日", (r"投诉", r"处理|答复|结果|决定|延长|时限|期限"), "日",
                 frozenset({15, 30, 60}), maximum=60),
    AgreedFigure("投诉转办与旧时限（工作日）", (r"投诉", r"处理|答复|转送|转办|时限"), "工作日", frozenset({7}),
                 only_with=((10, r"基本服务规定|旧|曾|取代|不一致"), (15, r"回访|销售误导|问题件"))),
    AgreedFigure("工本费 10元", (r"工本费",), "元", frozenset({10})),
    AgreedFigure("宽限期 60日", (r"宽限期",), "日", frozenset({60}), only_with=((30, r"催告"),)),
    AgreedFigure("保单贷款比例 80%", (r"借款|贷款|可借|借到|借出", r"现金价值"), "%", frozenset({80}),
                 only_with=((70, r"老产品|较早"),)),
    AgreedFigure("报案期限 10日", (r"报案|通知", r"知道[^。；]{0,6}(出险|保险事故)"), "日", frozenset({10}), followed_by="内"),
    AgreedFigure("效力中止通知 10个工作日", (r"中止通知|效力中止的后果",), "工作日", frozenset({10})),
    AgreedFigure("复效期限 2年", (r"复效|恢复效力",), "年", frozenset({2})),
)
_MAXIMUM = re.compile(r"最长|最多|至多|最晚")


def _stated(rule: AgreedFigure, texts: list[Text]) -> Iterator[tuple[Text, str, list[Quantity]]]:
    """(text, sentence, figures) for each Chinese sentence about the rule's topic that gives figures."""
    for t in texts:
        if t.lang != "zh":
            continue
        for s in sentences(t.text):
            if all(re.search(p, s) for p in rule.topic):
                figures = [q for q in quantities(s) if q.unit == rule.unit and s[q.end:].startswith(rule.followed_by)]
                if figures:
                    yield t, s, figures


def _disagreements(rule: AgreedFigure, texts: list[Text]) -> list[str]:
    wrong = []
    for t, s, figures in _stated(rule, texts):
        for q in figures:
            conditional = [words for value, words in rule.only_with if value == q.value]
            if q.value not in rule.allowed and not any(re.search(words, s) for words in conditional):
                wrong.append(f"{t.where}: {q} in 「{s}」")
        longest = max(q.value for q in figures)
        if rule.maximum is not None and _MAXIMUM.search(s) and longest != rule.maximum:
            wrong.append(f"{t.where}: the maximum is {rule.maximum:g}{rule.unit}, not {longest:g}, in 「{s}」")
    return wrong


def _rule(name: str) -> AgreedFigure:
    return next(rule for rule in AGREED_FIGURES if rule.name.startswith(name))


@pytest.mark.parametrize("rule", AGREED_FIGURES, ids=lambda r: r.name)
def test_one_rule_has_one_figure_in_entries_quizzes_and_scenarios(rule: AgreedFigure, taught: list[Text]) -> None:
    assert _disagreements(rule, taught) == []


def test_every_agreed_figure_is_stated_somewhere(taught: list[Text]) -> None:
    """A rule whose topic never matches would pass forever: each must find its figure in the pack."""
    assert [rule.name for rule in AGREED_FIGURES if next(_stated(rule, taught), None) is None] == []


def test_the_agreement_check_reports_a_wrong_figure_and_a_short_maximum() -> None:
    complaints, grace = _rule("投诉处理时限"), _rule("宽限期")
    assert _disagreements(complaints, [Text("x", "投诉一般15日内给您处理结果，情况复杂的最长延长到30日。")])
    assert not _disagreements(complaints, [Text("x", "投诉一般15日内给您处理结果，特别复杂的经审批再延长30日，最长共60日。")])
    assert _disagreements(grace, [Text("x", "续期保费有宽限期，一般为30天。")])
    assert not _disagreements(grace, [Text("x", "自保险人催告之日起超过30日未交的，宽限期届满，一般为60日。")])


# ---------------------------------------------------------------- quiz blanks


def _figure(text: str) -> tuple[float, str] | None:
    """(value, unit) of a text that is one figure (10, 10元, 十元, 180 天); None if it is not one."""
    found = quantities(text)
    if len(found) == 1:
        return found[0].key
    number = re.fullmatch(r"\s*(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)\s*(块|个工作日)?\s*", text)
    if number:
        value = chinese_number(number.group(1))
        return None if value is None else (value, "工作日" if number.group(2) == "个工作日" else "")
    return None


def test_fill_blank_items_accept_only_the_same_figure(pack: ContentSet) -> None:
    """"半年" is not 180天: accepted spellings of a figure must be that figure (issue #11, finding 8)."""
    wrong = []
    for item in pack.quiz_items.values():
        if item.type != "fill_blank" or _figure(str(item.answer)) is None:
            continue
        value, unit = _figure(str(item.answer))
        for spelling in item.accept:
            figure = _figure(str(spelling))
            if figure is None or figure[0] != value or (unit and figure[1] and figure[1] != unit):
                wrong.append(f"{item.file}: {item.id}: {spelling!r} accepted for {item.answer!r}")
    assert wrong == []
