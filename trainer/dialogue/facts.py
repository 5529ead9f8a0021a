"""Fact checking: the figures an agent states, compared with the case and the FAQ entries.

A figure is judged only when we know what it should be:
1. a case fact of the scenario (犹豫期 → 15日) whose term is in the same clause, or else (unless the
   customer said the figure first) nearest in the same sentence: one of its values, or wrong;
2. otherwise a figure that appears in one of the scenario's FAQ entries is right;
3. otherwise, if the sentence names a topic of an entry that states figures of the same unit, it is wrong
   ("犹豫期是10天" against an entry that only says 15日);
4. anything else (figures the customer said, unrelated figures) is not judged.

Figures in context: a figure compared with a threshold (没到15倍, 超过30天) states the threshold,
so the threshold is judged as the rule; the other figure of that unit in the sentence (正常上限的
8倍) is the customer's measured value and is not judged, nor is a figure introduced as a
measurement (检查结果, 最高, 实际). Each end of a range (15到30日) is judged on its own. The customer's own
elapsed time (你8天, 签收才8天, 已经8天了, 第8天, 8天前) beside the rule's figure of that unit, or a figure she
said, is how far she is into the period, not the period (qa25 J1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Iterable, Mapping

from kb.content import Entry, GlossaryGroup
from kb.chinese_text import Quantity, clause_at, quantities, sentence_at, span_bounds
from trainer.dialogue.periods import DAY_UNITS, in_days, one_periods, same_period, stated_as_threshold
from trainer.dialogue.regional_speech import MandarinReading
from trainer.dialogue.scenario import CaseFact

# Words right before a figure that make it a threshold being compared with (没到15倍, 超过30天).
COMPARISONS = ("没到", "不到", "未到", "没有到", "没达到", "未达到", "没有达到", "达不到", "超过", "超出", "高于", "低于",
               "达到", "不足", "不满", "满", "至少", "最多", "不超过", "不少于", "大于", "小于")
# Words before a figure in its clause that make it a measured value of this customer, not a rule.
MEASUREMENTS = ("检查", "化验", "测出", "测的", "报告上", "结果是", "结果", "最高", "最低", "实际", "当时")
# Right before a figure: what is left of a period for this customer (您现在过了20天，还有差不多40天), which depends
# on the case, not a rule (judge38c: a tune-set good call's 40天 was judged against the 60-day grace period).
_WHAT_IS_LEFT = re.compile(r"(还有|还剩|剩下|剩)(差不多|大概|大约|约|将近|不到|快)?$")
# Right before a figure: how long this customer has had the policy (你8天还在犹豫期内, 你签收才8天, 您已经8天了, 第8天;
# qa25 J1: 来得及 犹豫期15天 你8天还在犹豫期内 was 事实错误 “8天”…应为15日, twice, and the step lost). A bare 你 / 您 or
# a signing verb must be followed by an adverb of elapsed time: 签收15天内 / 您签收10天内都能退 state the period.
_ELAPSED_BEFORE = re.compile(r"(第|(你|您)(才|已经|都|刚|刚刚|也就|也才)?"
                             r"|(你|您)?(签收|签单|投保|买|收到|拿到)了?(保单|合同)?(才|已经|都|刚|刚刚|也就|也才))\s*$")
# Right after a figure: a point in time (8天前), or a period that runs (你10天内都能退 states one).
_ELAPSED_AFTER = re.compile(r"^\s*(前|之前|以前)")
_PERIOD_AFTER = re.compile(r"^\s*(内|以内|之内|里|当中|期间)")
# An estimate of when the company will act, said as a bound (大概10天以内会有专人联系你处理, judge51b): the word before the
# figure rounds it, and 内 / 以内 / 之内 after it makes it a bound. Not 一般: 一般7个工作日内 states the rule (qa24 T6).
_ESTIMATE_BEFORE = re.compile(r"(大概|大约|大致|差不多|估计|最快|快的话|顶多|最多)(在|是)?\s*$")
_BOUND_AFTER = re.compile(r"^\s*(以内|之内|内)")
# An entry's figure that binds the company (应自发现问题之日起15个工作日内…予以解决, 应自收到投诉之日起15日内作出处理决定):
# 应 / 应当 / 须 before it in its clause, 内 after it. A period the customer has (犹豫期15日内可以解除合同) binds no one: said
# shorter, it takes days off her right, and stays a wrong figure.
_OBLIGED = re.compile(r"应当|应自|应在|应于|须在|必须")
# Where an entry's rule for one value of several ends: its sentence (a semicolon too), and its clause, parentheses too —
# 可以再延长30日（最长共60日） states two values, 再延长 is the 30日's words and 最长 the 60日's.
_RULE_SENTENCE_ENDS = "。！？!?；;\n"
_RULE_CLAUSE_ENDS = "，,、（）()" + _RULE_SENTENCE_ENDS
# An item of what the agent says: a clause, an enumeration's item, what follows a colon
_ITEM_ENDS = "，,、：:；;。！？!?…\n"


@dataclass(frozen=True)
class FactClaim:
    """One figure the agent stated and the verdict on it."""

    quantity: Quantity
    ok: bool
    entry: str
    expected: str
    sentence: str


@dataclass(frozen=True)
class TermFigures:
    """The figures a glossary term's own entry (the entry that asks about the term: 严重慢性肾衰竭的理赔标准是什么？)
    states of it, in its sentences that name the term."""

    terms: tuple[str, ...]
    entry: str
    keys: frozenset


class ForeignTerms:
    """The glossary terms no entry of the call speaks of, with the figures their own entries state (`TermFigures`).

    A term of another call's subject said in this one is judged by its own entry, not by the call's case fact: the
    kidney-failure term's plain words (…确诊后已经规律透析至少90天…) in stroke-claim-early were 事实错误 "应为180日" by
    the stroke case fact's 确诊 (judge54b). Read lazily, a term at a time: most calls never name one."""

    def __init__(self, glossary: Iterable[GlossaryGroup], entries: Iterable[Entry], call_entries: Mapping[str, Entry]) -> None:
        self.groups = tuple(g for g in glossary if not g.reads_a_word)
        self.entries = tuple(entries)
        self.call_entries = dict(call_entries)
        self._known: dict[str, tuple[TermFigures, ...]] = {}

    def named_in(self, text: str) -> list[TermFigures]:
        """The figures of each foreign term `text` names."""
        return [f for g in self.groups if any(term in text for term in g.terms) for f in self._figures(g)]

    def _figures(self, group: GlossaryGroup) -> tuple[TermFigures, ...]:
        if group.id not in self._known:
            spoken = any(term in f"{e.question}{e.answer}{e.script}" for e in self.call_entries.values() for term in group.terms)
            found = []
            for entry in () if spoken else self.entries:
                if any(term in entry.question for term in group.terms):
                    text = f"{entry.answer}\n{entry.script}"
                    keys = frozenset(q.key for q in quantities(text)
                                     if any(term in sentence_at(text, q.start, q.end) for term in group.terms))
                    found += [TermFigures(group.terms, entry.id, keys)] if keys else []
            self._known[group.id] = tuple(found)
        return self._known[group.id]


def topic_terms(entry: Entry) -> tuple[str, ...]:
    """Words that say an agent's sentence is about this entry: keywords without figures."""
    return tuple(k for k in entry.keywords if len(k) >= 2 and not re.search(r"\d", k))


def states_content(sentence: str, entry: Entry) -> bool:
    """The sentence says something of the entry: one of its topic terms or a figure.

    A script's service phrases ("我帮您查询一下。") are as close in meaning to any polite filler
    ("好的，我这边记录一下。") as to the answer, so a reply close to them has not answered anything."""
    return bool(quantities(sentence)) or any(term in sentence for term in topic_terms(entry))


class FactChecker:
    """Judges the figures in agent replies for one scenario."""

    def __init__(self, case_facts: Iterable[CaseFact], entries: Mapping[str, Entry], known_text: str = "",
                 foreign_terms: ForeignTerms | None = None) -> None:
        """`foreign_terms`: the terms the call's entries do not speak of, judged by their own entries."""
        self.case_facts = [(fact, [q for v in fact.values for q in quantities(v)]) for fact in case_facts]
        self.entries = dict(entries)
        self.foreign_terms = foreign_terms
        self.call_terms = tuple(dict.fromkeys(t for e in self.entries.values() for t in topic_terms(e)))
        # what an entry states: its answer and its script, the text its quantities' positions are in
        self.entry_texts = {entry_id: f"{entry.answer}\n{entry.script}" for entry_id, entry in self.entries.items()}
        self.entry_quantities = {entry_id: quantities(text) for entry_id, text in self.entry_texts.items()}
        self.known = {q.key for q in quantities(known_text)}

    def _nearest_case_fact(self, text: str, sentence: str, quantity: Quantity, periods: bool = False,
                           units: tuple[str, ...] = ()) -> tuple[CaseFact | None, list[Quantity]]:
        """The case fact of the same unit whose term is nearest to the figure in its sentence (`periods`: of any
        period unit, a year against days; `units`: of one of these)."""
        offset = max((m.start() for m in re.finditer(re.escape(sentence), text) if m.start() <= quantity.start), default=0)
        best, best_distance, best_values = None, None, []
        for fact, expected in self.case_facts:
            same_unit = [q for q in expected if (q.unit in units if units else in_days(q) is not None if periods
                                                 else q.unit == quantity.unit)]
            if not same_unit:
                continue
            for term in fact.terms:
                if (periods or units) and term in COMPARISONS:
                    continue  # 满 beside any period (保单满两年) names no rule of its own
                for match in re.finditer(re.escape(term), sentence):
                    start = offset + match.start()
                    distance = quantity.start - start - len(term) if start < quantity.start else start - quantity.end
                    if best_distance is None or abs(distance) < best_distance:
                        best, best_distance, best_values = fact, abs(distance), same_unit
        return best, best_values

    def check(self, text: str) -> list[FactClaim]:
        claims = []
        found = quantities(text) + one_periods(text)  # 确诊满一年: the bare 一 after a threshold (judge39c)
        for quantity in found:
            if self._measured_value(text, quantity, found):
                continue
            claim = self._judge(text, quantity)
            if claim is not None:
                claims.append(claim)
        return claims

    def check_reading(self, said: MandarinReading) -> list[FactClaim]:
        """`check` of a reply as the rules read it (`Detectors.reading`): a figure typed with a slip in its unit (15个工做日
        for 15个工作日, qa24 T5) is a figure; each claim quotes the trainee's own words (judge50)."""
        claims = self.check(said.text)
        if not said.changed:
            return claims
        return [replace(c, sentence=said.said_quote(c.sentence),
                        quantity=replace(c.quantity, text=said.said_quote(c.quantity.text))) for c in claims]

    @staticmethod
    def _compared(text: str, quantity: Quantity) -> bool:
        before = text[max(0, quantity.start - 4):quantity.start]
        return any(before.endswith(word) for word in COMPARISONS)

    def _measured_value(self, text: str, quantity: Quantity, found: list[Quantity]) -> bool:
        """The customer's own value (正常上限的8倍, when the sentence compares it with 15倍), not a rule."""
        if self._compared(text, quantity):
            return False
        sentence = sentence_at(text, quantity.start, quantity.end)
        offset = text.rfind(sentence, 0, quantity.end)
        inside = [q for q in found if q is not quantity and q.unit == quantity.unit
                  and offset <= q.start < offset + len(sentence)]
        if any(self._compared(text, q) for q in inside):
            return True
        clause = clause_at(text, quantity.start, quantity.end)
        clause_start = text.rfind(clause, 0, quantity.end)
        lead = text[max(0, clause_start):quantity.start]
        if any(word in lead for word in MEASUREMENTS) or _WHAT_IS_LEFT.search(lead):
            return True
        return self._elapsed(text, quantity, bool(inside))

    def _elapsed(self, text: str, quantity: Quantity, beside_another: bool) -> bool:
        """The customer's elapsed time (你8天, 签收才8天, 8天前, 第8天) beside the rule's figure of that unit in the
        sentence, or a figure she said: how far she is into the period, no claim of its length (qa25 J1)."""
        if not (beside_another or quantity.key in self.known):
            return False
        after = text[quantity.end:quantity.end + 3]
        if _PERIOD_AFTER.match(after):
            return False
        before = text[max(0, quantity.start - 8):quantity.start]
        return bool(_ELAPSED_BEFORE.search(before) or _ELAPSED_AFTER.match(after))

    def _stated_with_its_own_term(self, clause: str, quantity: Quantity, subject_only: bool = False) -> str | None:
        """The entry that states this figure in a clause holding a keyword that the figure's own clause names too, if
        one does: a figure whose clause names no case fact's term is its own subject's, not that of the nearest case
        fact in the sentence. The tune calls of ci-claim-declined (cw3-d, cw3-h) told the severe-AMI standard as its
        script does — 肌钙蛋白…15倍以上，或者心肌酶CK-MB…2倍以上 — and CK-MB's 2倍 was judged 肌钙蛋白's 15倍 (数据错误, +15 to
        a customer who starts at 75); the script's own sentence was judged wrong the same way."""
        for entry_id, entry in self.entries.items():
            stated = self.entry_texts[entry_id]
            for q in self.entry_quantities[entry_id]:
                if q.key == quantity.key and any(
                        word in clause and word in clause_at(stated, q.start, q.end) for word in entry.keywords
                        if not subject_only or not any(ch.isdigit() for ch in word)):
                    return entry_id
        return None

    def _its_own_item(self, text: str, clause: str, quantity: Quantity) -> str | None:
        """The entry that states this figure of its own subject, when the figure's item of an enumeration (…的15倍以上、
        心肌酶CK-MB达到正常上限2倍以上) or of a colon's list (诉讼时效是：人寿保险5年) names no case fact's term: the entry's
        script as written — 肌钙蛋白…15倍以上、心肌酶CK-MB…2倍以上; 人寿保险5年，重疾…一般是2年 — was judged wrong on the figure
        beside the case fact's (judge53b: the judge's own lessons for a wrong figure). 重疾险的诉讼时效是5年 names the term:
        still judged by it."""
        item = text[slice(*span_bounds(text, quantity.start, quantity.end, _ITEM_ENDS))]
        if item == clause or self._nearest_case_fact(text, item, quantity)[0] is not None:
            return None
        return self._stated_with_its_own_term(item, quantity, subject_only=True)  # a keyword 5年 names no subject

    def _of_a_foreign_term(self, text: str, sentence: str, quantity: Quantity) -> str | None:
        """The entry of a term foreign to the call that states this figure, when the term is said before the figure in
        its sentence with no topic term of the call's entries between them (…肾衰竭…，并且确诊后已经规律透析至少90天 is
        the kidney entry's 90天; 脑中风…确诊90天 after it is the stroke rule's)."""
        offset = max((m.start() for m in re.finditer(re.escape(sentence), text) if m.start() <= quantity.start), default=0)
        before = text[offset:quantity.start]
        for told in self.foreign_terms.named_in(before):
            if quantity.key not in told.keys:
                continue
            said = [(before.rfind(term), term) for term in told.terms if term in before]
            if said:
                at, term = max(said)
                if not any(t in before[at + len(term):] for t in self.call_terms):
                    return told.entry
        return None

    def _judge(self, text: str, quantity: Quantity) -> FactClaim | None:
        sentence = sentence_at(text, quantity.start, quantity.end)
        foreign = self._of_a_foreign_term(text, sentence, quantity) if self.foreign_terms is not None else None
        if foreign is not None:
            return FactClaim(quantity, True, foreign, str(quantity), sentence)
        clause = clause_at(text, quantity.start, quantity.end)
        fact, same_unit = self._nearest_case_fact(text, clause, quantity)
        told_by = self._its_own_item(text, clause, quantity) if fact is not None else None
        if told_by is not None and not any(same_period(quantity, q) for q in same_unit):
            return FactClaim(quantity, True, told_by, str(quantity), sentence)
        if fact is None and quantity.key in self.known and not self._compared(text, quantity):
            return None  # the customer's own figure (8天前签收), not a rule being stated
        if fact is None:
            told_by = self._stated_with_its_own_term(clause, quantity)
            if told_by is not None:  # 心肌酶CK-MB…2倍 beside 肌钙蛋白…15倍: CK-MB's figure, not 肌钙蛋白's (calls44)
                return FactClaim(quantity, True, told_by, str(quantity), sentence)
            fact, same_unit = self._nearest_case_fact(text, sentence, quantity)
        if fact is None and in_days(quantity) is not None and stated_as_threshold(text, quantity, self._compared(text, quantity)):
            fact, same_unit = self._nearest_case_fact(text, clause, quantity, periods=True)  # 确诊满一年 for 180天 (judge39c)
        if fact is None and quantity.unit in DAY_UNITS:  # days of either kind, like a figure of the rule's own unit, are
            # judged by the rule whose term is earlier in the sentence: 投诉的话…，一般7个工作日内会给你答复 (qa24 T6, judge50).
            # Not any period: across clauses a year or a month is as often another rule's (measured on the check calls'
            # figures: one good call more left open when every period unit was read so)
            fact, same_unit = self._nearest_case_fact(text, sentence, quantity, units=DAY_UNITS)
        if fact is not None:
            ok = any(same_period(quantity, q) for q in same_unit)
            if not ok and self._within_a_deadline(text, quantity, fact.entry):
                return None  # a bound met is no wrong figure, nor the rule's figure told (the step wants that)
            expected = str(quantity) if ok else str(self._rule_value(sentence, fact.entry, same_unit))
            return FactClaim(quantity, ok, fact.entry, expected, sentence)
        for entry_id, found in self.entry_quantities.items():
            if quantity.key in {q.key for q in found}:
                return FactClaim(quantity, True, entry_id, str(quantity), sentence)
        for entry_id, found in self.entry_quantities.items():
            same_unit = list({q.key: q for q in reversed(found) if q.unit == quantity.unit}.values())[::-1]
            if same_unit and any(term in sentence for term in topic_terms(self.entries[entry_id])):
                return FactClaim(quantity, False, entry_id, str(self._rule_value(sentence, entry_id, same_unit)), sentence)
        return None

    def _within_a_deadline(self, text: str, quantity: Quantity, entry_id: str) -> bool:
        """An estimate said as a bound (大概10天以内) inside a deadline the entry puts on the company (15个工作日内 …
        应…予以解决): the company may act sooner than the rule's last day, so the figure contradicts no rule (judge51b)."""
        days = in_days(quantity)
        if days is None or not (_ESTIMATE_BEFORE.search(text[max(0, quantity.start - 6):quantity.start])
                                and _BOUND_AFTER.match(text[quantity.end:quantity.end + 3])):
            return False
        stated = self.entry_texts.get(entry_id, "")
        for rule in self.entry_quantities.get(entry_id, []):
            limit = in_days(rule)
            clause = stated[span_bounds(stated, rule.start, rule.end, _RULE_CLAUSE_ENDS)[0]:rule.start]
            if (limit is not None and days <= limit and _OBLIGED.search(clause)
                    and _BOUND_AFTER.match(stated[rule.end:rule.end + 3])):
                return True
        return False

    def _rule_value(self, sentence: str, entry_id: str, values: list[Quantity]) -> Quantity:
        """Of a rule's several values, the one the agent's sentence is about: the value whose sentence in the entry,
        then whose clause, shares the most words with it past the entry's topic (情况复杂的话可以延长到45天 → 30日; 投诉处理最长
        一共90天 → 60日, not the 15日 of 投诉…处理决定); else the first, the rule said first (投诉…一般7个工作日内答复 → 15日,
        not 15日、30日、60日: judge51b). A wrong figure is corrected with one value."""
        entry = self.entries.get(entry_id)
        topic = _bigrams(f"{entry.question}{''.join(entry.keywords)}") if entry is not None else set()
        said = _bigrams(sentence) - topic
        text = self.entry_texts.get(entry_id, "")

        def shared(value: Quantity) -> tuple[int, int]:
            best = (0, 0)
            for q in self.entry_quantities.get(entry_id, []):
                if q.key == value.key:
                    words = tuple(len(said & _bigrams(text[slice(*span_bounds(text, q.start, q.end, ends))]))
                                  for ends in (_RULE_SENTENCE_ENDS, _RULE_CLAUSE_ENDS))
                    best = max(best, words)
            return best

        return max(values, key=lambda v: (shared(v), -values.index(v)))


def _bigrams(text: str) -> set[str]:
    """The pairs of Chinese characters in a row in `text` (figures and marks break a pair)."""
    return {text[i:i + 2] for i in range(len(text) - 1) if all("\u4e00" <= c <= "\u9fff" for c in text[i:i + 2])}
