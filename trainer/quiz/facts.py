"""Reading quizzable facts out of an FAQ answer: sentences, key numbers, key terms, short forms.

Generation only ever blanks, swaps or quotes text that is already in the content, so a
generated question cannot state an insurance rule the content does not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kb.chinese_text import FULL_STOPS, SENTENCE_ENDS, format_number, quantities
from kb.text import normalize
from trainer.quiz.bounds import bound, fair_wrong_value

# Longest option text; longer first sentences are cut at a clause break.
SHORT_FORM_MAX = 80
SHORT_FORM_MIN = 12
SENTENCE_MAX = 140
# Shorter sentences are fragments that make no sense on their own.
SENTENCE_MIN = 15

_CLAUSE_BREAK = re.compile(r"[，；：、]")
# A bracketed aside inside a sentence (欠交保费、未还借款本息等): details an option can do without.
_ASIDE = re.compile(r"[（(][^（）()]*[）)]")
_TRAILING_CITATION = re.compile(r"[（(][^（）()]*[）)]\s*[。；]?$")
# The sources after the first in a sentence's closing brackets: （A；B） counts as （A；
_MORE_SOURCES = re.compile(r"(?<=[；;])[^（）()；;]*(?:[；;][^（）()；;]*)*[）)]\s*[。；]?$")
# Values agents confuse, per (normalised) unit: a wrong value is taken next to the right one here.
_LADDERS: dict[str, tuple[float, ...]] = {
    "日": (3, 5, 7, 10, 15, 20, 30, 45, 60, 90, 180, 365),
    "工作日": (1, 3, 5, 7, 10, 15, 20, 30),
    "年": (1, 2, 3, 5, 10, 20),
    "个月": (1, 2, 3, 6, 12, 18, 24),
    "岁": (10, 14, 16, 18, 55, 60, 65),
    "%": (10, 20, 25, 30, 50, 60, 70, 75, 80, 90, 100),
    "倍": (1, 1.5, 2, 3, 5),
    "小时": (2, 6, 12, 24, 48, 72),
    "元": (5, 10, 20, 50, 100, 200, 500, 1000),
    "万元": (1, 5, 10, 20, 50, 100),
}

# Terms agents mix up; swapping one for the other turns a true sentence false.
CONFUSABLE_TERMS: tuple[tuple[str, str], ...] = (
    ("犹豫期", "宽限期"),
    ("现金价值", "已交保费"),
)


@dataclass(frozen=True)
class Fact:
    """One blankable span of an answer sentence: a number with its unit, or a key term."""

    sentence: str
    start: int
    end: int
    kind: str  # number | term
    unit: str = ""

    @property
    def text(self) -> str:
        return self.sentence[self.start:self.end]

    def replaced(self, new_text: str) -> str:
        return self.sentence[:self.start] + new_text + self.sentence[self.end:]


_PAIRS = (("（", "）"), ("(", ")"), ("“", "”"), ("「", "」"), ("《", "》"), ("【", "】"), ("〔", "〕"))
_OPENERS = frozenset(left for left, _ in _PAIRS)
_CLOSERS = frozenset(right for _, right in _PAIRS)


def whole_sentences(text: str, ends: str = SENTENCE_ENDS) -> list[str]:
    """The sentences of `text`, trimmed, cut only outside brackets and quotes: the ；in
    （司法解释二第十一条第二款；保险销售行为管理办法第二十六条） separates two sources, not two sentences
    (a fill-in once ended on an unclosed （, qa22 T3). A line break always ends one.

    kb.chinese_text.sentences cuts at every mark; the judge reads replies through it, so it stays."""
    text = text or ""
    found: list[str] = []
    start = depth = 0
    for mark in _marks(ends).finditer(text):
        char, i = mark.group(0), mark.start()
        if char in _OPENERS:
            depth += 1
        elif char in _CLOSERS:
            depth = max(depth - 1, 0)
        elif char == "\n" or depth == 0:  # a paragraph ends a stray （ too
            found.append(text[start:i + (char != "\n")])
            start, depth = i + 1, 0
    found.append(text[start:])
    return [s.strip() for s in found if s.strip().strip("。；")]


@lru_cache(maxsize=8)
def _marks(ends: str) -> re.Pattern[str]:
    """The characters whole_sentences reads: brackets, quotes, line breaks and the marks in `ends`."""
    return re.compile("[" + re.escape("".join(sorted(_OPENERS | _CLOSERS)) + ends + "\n") + "]")


def open_bracket(text: str, position: int) -> int | None:
    """Where the outermost bracket or quote still open at `position` in `text` was opened (a cut at `position`
    would leave it open), or None when none is."""
    depth, opened = 0, None
    for i, char in enumerate(text[:position]):
        if char in _OPENERS:
            depth, opened = depth + 1, i if depth == 0 else opened
        elif char in _CLOSERS and depth:
            depth -= 1
    return opened if depth else None


def statement_sentences(answer: str) -> list[str]:
    """Sentences that can stand alone as a statement (not fragments, not paragraphs), ending in 。. Their length is
    counted up to the first source cited at the end, as it was when sentences were cut at the ； between sources: a
    sentence that keeps its second source is not too long for it, and no other sentence's facts move (ids hold)."""
    return [s.rstrip("；;，,") + ("" if s.endswith("。") else "。")
            for s in whole_sentences(answer) if SENTENCE_MIN <= len(_MORE_SOURCES.sub("", s)) <= SENTENCE_MAX]


def asks(question: str) -> int:
    """How many things a question asks: its question marks (保单贷款最多能借多少？能借多久？ asks two)."""
    return max(len(re.findall(r"[？?]", question)), 1)


def gist_sentences(answer: str) -> list[str]:
    """The sentences a short form is made of: the first, and the next while they are shorter than SHORT_FORM_MIN
    together (能按合同承担保险责任。 alone says nothing of what it answers)."""
    taken: list[str] = []
    for sentence in whole_sentences(answer, FULL_STOPS):
        taken.append(sentence)
        if len("".join(taken)) >= SHORT_FORM_MIN:
            break
    return taken


# A yes-no question: …吗？, X不X (赔不赔, 能不能, 算不算), 有没有, 是否 / 能否 / 可否.
_YES_NO_QUESTION = re.compile(r"吗[？?]|([\u4e00-\u9fff])[不没]\1|有没有|[是能可]否")
# A verdict opening an answer: (一般)(不)能 / 可以 / 会 / 需要 / 必须 / 算 / 是 / 保证 / 代表 …
_VERDICT = re.compile(r"^(?:一般)?(?P<no>[不没])?(?:能|可以|可|会|需要|要|必须|算|是|保证|代表|用|行|赔|退)")


def yes_no_question(question: str) -> bool:
    """Whether the question (or one of its parts) is answered yes or no (犹豫期内出险了，保险公司赔吗？)."""
    return bool(_YES_NO_QUESTION.search(question))


def bare_verdict(answer: str) -> str:
    """The verdict an answer opens with, too short to name its topic (能按合同承担保险责任。 → "yes", 不能无故拒绝。 → "no"),
    or "" for none: beside a yes-no question it answers that question whatever its own topic (quiz49's reviewer: 能按合同
    承担保险责任。… also right for 犹豫期内出险了，保险公司赔吗？)."""
    first = next(iter(whole_sentences(answer, FULL_STOPS)), "")
    found = _VERDICT.match(first) if len(first.rstrip("。！？!?")) < SHORT_FORM_MIN else None
    return "" if found is None else "no" if found.group("no") else "yes"


def short_form(answer: str, asks: int = 1) -> str:
    """The gist of an answer for a choice option: its first sentence(s), citation dropped, cut to size. An answer
    to a question that asks `asks` > 1 things (最多能借多少？能借多久？) drops its bracketed asides before it drops a
    clause: cut at a clause break, its option answered half the question (qa24 T4)."""
    text = "".join(gist_sentences(answer))
    text = _TRAILING_CITATION.sub("", text.strip().rstrip("。；")).strip().rstrip("。；，")
    if len(text) <= SHORT_FORM_MAX:
        return text
    if asks > 1:
        text = _ASIDE.sub("", text)
    if asks > 1 and len(text) <= SHORT_FORM_MAX:
        return text + "……"
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text, 0, SHORT_FORM_MAX) if open_bracket(text, m.start()) is None]
    cut = breaks[-1] if breaks and breaks[-1] >= SHORT_FORM_MIN else SHORT_FORM_MAX
    opened = open_bracket(text, cut)  # a hard cut inside brackets is made before them
    return text[:cut if opened is None or opened < SHORT_FORM_MIN else opened] + "……"


# A question asking for the members of a list: 哪些 / 哪几 / 哪八项.
_ASKS_FOR_A_LIST = re.compile(r"哪(?:些|几|[一二三四五六七八九十两\d]+)")
# A numbered point of a list: ①, （一）, (1).
_POINT = r"[①-⑳]|[（(][一二三四五六七八九十\d]{1,2}[）)]"
# A list an answer gives: numbered points, or a colon opening an enumeration (：知情权、自主选择权…).
_LIST_POINT_OR_ENUMERATION = re.compile(_POINT + r"|：[^。；：]*、")
# A short form cut inside a list: a numbered point begun, or a colon's enumeration running on to the cut.
_CUT_IN_A_LIST = re.compile(_POINT + r"|：[^。；：]*、[^。；：]*$")
# A colon's enumeration of three or more short names, up to the clause's end (：知情权、自主选择权、…、信息安全权。).
_ENUMERATION = re.compile(r"：((?:[^、。；，：（(]{2,6}、){2,}[^、。；，：（(]{2,6})(?=[。；，（(等]|$)")


def asks_for_a_list(question: str) -> bool:
    """Whether the question asks which things make up a list (金融消费者有哪八项基本权利？, 哪些部分不计算在内？)."""
    return bool(_ASKS_FOR_A_LIST.search(question))


def list_cut(answer: str, asks: int = 1) -> str:
    """Where the short form's cut falls in the list its sentence(s) give: "before" (the cut drops the whole list: …诚信
    对待消费者…… before 并保障消费者八项基本权利：知情权、…, qa26 Q1), "inside" (a point begun and cut off: ①只写身份关系…
    即事故时的配偶……, qa26 Q3) or "" (not cut, or no list cut)."""
    short = short_form(answer, asks)
    if not short.endswith("……"):
        return ""
    kept = short[:-len("……")]
    if _CUT_IN_A_LIST.search(kept):
        return "inside"
    whole = "".join(gist_sentences(answer))
    rest = whole[len(kept):] if whole.startswith(kept) else whole
    return "before" if _LIST_POINT_OR_ENUMERATION.search(rest) else ""


def listed_items(answer: str) -> frozenset[str]:
    """The items of the enumerations an answer gives after a colon (知情权、自主选择权、…、信息安全权): an option about one
    of them is true of the question the list answers (qa26 Q1: 受尊重权要求尊重消费者的人格尊严… beside 哪八项基本权利？)."""
    return frozenset(item.strip() for found in _ENUMERATION.finditer(answer) for item in found.group(1).split("、"))


def bigrams(text: str) -> set[str]:
    """Character bigrams of the normalised text without spaces or punctuation (for overlap)."""
    compact = re.sub(r"[\W_]+", "", normalize(text))
    return {compact[i:i + 2] for i in range(len(compact) - 1)} or ({compact} if compact else set())


def jaccard(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
    """Overlap of two bigram sets: 1.0 for the same text, near 0 for unrelated texts."""
    return len(a & b) / len(a | b) if a and b else 0.0


def number_facts(answer: str) -> list[Fact]:
    """Every 'number + unit' written in digits in the answer's sentences (15日, 2年, 80%): a rule,
    not a date, a year or an article number; only those once in their sentence can be blanked."""
    facts = []
    for sentence in statement_sentences(answer):
        for quantity in quantities(sentence):
            if quantity.in_digits and sentence.count(quantity.text) == 1:
                spelled_unit = quantity.text.lstrip("0123456789.").strip()
                facts.append(Fact(sentence, quantity.start, quantity.end, "number", spelled_unit))
    return facts


def term_facts(answer: str, terms: tuple[str, ...], exclude: str = "") -> list[Fact]:
    """Occurrences of key `terms` (≥ 3 characters, once in their sentence, not in `exclude`)."""
    facts = []
    for term in terms:
        if len(term) < 3 or term in exclude:
            continue
        for sentence in statement_sentences(answer):
            if sentence.count(term) == 1:
                start = sentence.index(term)
                facts.append(Fact(sentence, start, start + len(term), "term"))
                break
    return facts


def wrong_numbers(fact: Fact, answer: str) -> list[str]:
    """Plausible wrong values for a number fact, nearest first, none that the answer itself states; a bound only moved
    where no contract may put it (a cap raised, a floor lowered: `bounds`, qa30 Q3)."""
    value, unit = quantities(fact.text)[0].key
    kind = bound(fact.sentence[:fact.start])
    stated = {q.value for q in quantities(answer) if q.unit == unit}
    halved = [value / 2] if value > 1 and float(value / 2).is_integer() else []
    ladder = sorted(set(_LADDERS.get(unit, ())) | {value, value * 2, *halved})
    position = ladder.index(value)
    by_distance = sorted((v for v in ladder if v != value), key=lambda v: (abs(ladder.index(v) - position), v))
    return [format_number(v) + fact.unit for v in by_distance if v not in stated and fair_wrong_value(kind, value, v)]


def _loosely(text: str) -> str:
    """Text as a term test reads it: 已交的保费 / 已交保险费 both say 已交保费."""
    return text.replace("的", "").replace("保险费", "保费")


def wrong_terms(fact: Fact, answer: str) -> list[str]:
    """The confusable partner of a term, unless the answer mentions that partner itself, even loosely worded: a
    statement swapped to say it would contradict itself (…退还保单的已交保费，不是已交的保费, qa21)."""
    partners = [b if a == fact.text else a for a, b in CONFUSABLE_TERMS if fact.text in (a, b)]
    return [p for p in partners if _loosely(p) not in _loosely(answer)]


def swappable_facts(answer: str) -> list[Fact]:
    """Facts that can be turned false: numbers with a wrong value, confusable terms with a partner."""
    terms = tuple(t for pair in CONFUSABLE_TERMS for t in pair)
    facts = [f for f in number_facts(answer) if wrong_numbers(f, answer)]
    facts += [f for f in term_facts(answer, terms) if wrong_terms(f, answer)]
    return facts


# ---------------------------------------------------------------------------- standalone statements

# A sentence opening with one of these leans on the sentence before it (所以…, 但…, 其中…, 这…)
# or on the question (可以，…): as a true/false statement on its own it is a fragment.
_LEANING_OPENERS = (
    "所以", "因此", "因而", "于是", "但", "可是", "然而", "不过", "而且", "而", "并且", "并", "且", "另外", "此外",
    "同时", "否则", "因为", "由于此", "其中", "其余", "其他", "其", "例外", "这", "那", "此", "该", "上述", "前述",
    "以上", "以下", "它", "两者", "二者", "区别", "注意", "常见", "即", "也", "还", "又", "再", "则", "接着", "然后",
    "后续", "先", "首先", "其次", "最后", "具体", "仍", "由", "应", "须", "需", "要", "可",
)
_LIST_MARKER = re.compile(r"^(?:[①-⑳]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十\d]+[、.．)]|第[一二三四五六七八九十\d]+[项步点种类])")
_LIST_POINT = re.compile(r"[①-⑳]")
# "…的，应…": a condition, then a duty with nobody named to carry it (情形复杂的，应在30日内核定).
_DUTY_WITHOUT_ACTOR = re.compile(r"^([^，。]*的)，(?:应当?|须|必须|可以?|不得)")
PARTIES = ("保险公司", "公司", "保险人", "投保人", "被保险人", "受益人", "坐席", "投诉人", "申请人", "监护人", "销售人员", "代理人")
_ANSWER_WORD = re.compile(r"^(?:一般)?(?:不|没)?(?:能|可以|会|是的?|有|对|行|需要|必须|保证)[。，,！!；;：:]")


def statement_problem(sentence: str) -> str | None:
    """Why `sentence` cannot stand alone as a true/false statement, or None if it can.

    A statement is judged true or false without the answer around it, so it must not lean on
    a sentence before it, be one point of a list, answer a question nobody asked, start from
    an unnamed quantity ("1年从…起算") or lose a bracket to the sentence splitter.
    """
    text = sentence.strip()
    if _ANSWER_WORD.match(text):
        return "answers a question instead of stating a fact"
    if _LIST_MARKER.match(text) or _LIST_POINT.search(text):
        return "is one point of a list"
    opener = next((w for w in _LEANING_OPENERS if text.startswith(w)), None)
    if opener is not None:
        return f"leans on what came before ('{opener}…')"
    duty = _DUTY_WITHOUT_ACTOR.match(text)
    if duty and not any(party in duty.group(1) for party in PARTIES):
        return "says what must be done but not who must do it"
    found = quantities(text)
    if found and (found[0].start == 0 or (found[0].start == 1 and text[0] == "满")):
        return "starts from a quantity without saying what it measures"
    if any(text.count(left) != text.count(right) for left, right in _PAIRS) or text.count('"') % 2:
        return "has an unbalanced bracket or quote"
    return None


# ---------------------------------------------------------------------------- choice options

# Openings that are not the fact itself: a yes/no, "以合同条款为准", or the citation leading in.
_OPTION_OPENERS = (
    _ANSWER_WORD,
    re.compile(r"^以(?:保险)?合同(?:条款|约定)?为准[，,：:；;]"),
    re.compile(r"^(?:依据|根据|按照?)?[^，。：；]{0,30}?第[一二三四五六七八九十百零\d]+条(?:第[一二三四五六七八九十\d]+款)?"
               r"(?:规定|要求|明确)?[：:，,]"),
)


def option_text(short: str) -> str:
    """A short answer as a choice option: without the openings (能。/ 以合同条款为准，/ 保险法第十五条规定，)
    that only some answers have, which would mark an option as right or wrong by its first words."""
    text = short
    while True:
        match = next((m for m in (p.match(text) for p in _OPTION_OPENERS) if m and m.end() < len(text)), None)
        if match is None:
            return text
        text = text[match.end():].lstrip()


def opening(text: str) -> str:
    """An option's first words: up to the first clause break, at most 8 characters."""
    return re.split(r"[，。：；、,:;]", text, maxsplit=1)[0][:8]
