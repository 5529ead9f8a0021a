"""English forms of a fill-in answer, so a trainee on the English UI can answer in English (qa22 T1).

A number with its unit has fixed English forms: 5个工作日 is "5 working days" or "five working days", 30日 is
"30 days", 18周岁 "18 years old". A date has the ways English writes it: 2021年2月1日 is "1 February 2021",
"February 1, 2021", "1 Feb 2021" or "2021-02-01" (qa23: an English trainee's "February 1, 2021" was marked wrong). The unit is part of the answer, as it is in Chinese: "5 days" is not 5个工作日
(working days and calendar days are different limits, and 5天 is not accepted for 5个工作日 either), and a wrong
number never matches. A term has an English form only where the glossary gives its group an English phrase that
is always that term (no spoken_if / spoken_unless condition).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from kb.chinese_text import format_number, quantities
from kb.content import GlossaryGroup
from kb.text import has_cjk
from trainer.quiz.facts import open_bracket

# English names of each normalised unit (kb.chinese_text.UNITS), the usual one first.
UNIT_WORDS: dict[str, tuple[str, ...]] = {
    "日": ("days", "day", "calendar days"),
    "工作日": ("working days", "working day", "business days", "workdays", "work days"),
    "个月": ("months", "month"),
    "年": ("years", "year"),
    "岁": ("years old", "years of age"),
    "小时": ("hours", "hour"),
    "元": ("yuan", "RMB"),
    "角": ("jiao", "tenths of a yuan"),
    "%": ("%", "percent", "per cent"),
    "倍": ("times",),
}
# A number and its unit as one hyphenated adjective (a 30-day period); only units that read so unambiguously.
HYPHENATED: dict[str, str] = {"日": "day", "工作日": "working-day", "个月": "month", "年": "year", "小时": "hour"}
_PLURALS = frozenset({"days", "workdays", "months", "years", "hours"})
_MONTHS = ("January February March April May June July August September October November December").split()
_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
         "seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def number_words(value: int) -> str | None:
    """0 … 100 in English words (25 → twenty-five); None for other values."""
    if 0 <= value < 20:
        return _ONES[value]
    if 20 <= value < 100:
        tens, ones = divmod(value, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    return "one hundred" if value == 100 else None


def _numbers(value: float) -> list[str]:
    digits = format_number(value)
    words = number_words(int(value)) if float(value).is_integer() else None
    return [digits] + ([words] if words else [])


def quantity_forms(value: float, unit: str) -> list[str]:
    """English forms of a number with its normalised unit, the usual one first (5, 工作日 → 5 working days …);
    [] for a unit without English names."""
    if unit == "万元":
        value, unit = value * 10000, "元"
    names = UNIT_WORDS.get(unit)
    if names is None:
        return []
    if value == 1:  # 1 working day, 1 year old: the singular first, as a statement says it
        names = tuple(dict.fromkeys((*(_singular(n) for n in names), *names)))
    forms = []
    for number in _numbers(value):
        for name in names:
            forms.append(f"RMB {number}" if name == "RMB" else f"{number}{name}" if name == "%" else f"{number} {name}")
        if unit == "岁":
            forms.append(f"age {number}")
    return forms


def written_forms(value: float, unit: str) -> list[str]:
    """Other ways English prose writes a quantity, looked for where `quantity_forms` finds none (quiz53): 1,000 yuan and
    RMB 50,000, the 30-day decision period, a 24-hour service, a policyholder aged 60."""
    if unit == "万元":
        value, unit = value * 10000, "元"
    names = UNIT_WORDS.get(unit, ())
    forms = []
    if float(value).is_integer() and value >= 1000:
        grouped = f"{value:,.0f}"
        forms += [f"RMB {grouped}" if name == "RMB" else f"{grouped} {name}" for name in names]
    if unit in HYPHENATED:
        forms.append(f"{format_number(value)}-{HYPHENATED[unit]}")
    if unit == "岁":
        forms.append(f"aged {format_number(value)}")
    return forms


def date_forms(year: int, month: int, day: int) -> list[str]:
    """English forms of a calendar date, the content's own (1 February 2021) first; [] for no such date."""
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return []
    name = _MONTHS[month - 1]
    names = (name, name[:3]) if len(name) > 3 else (name,)
    return [f"{day} {n} {year}" for n in names] + [f"{n} {day}, {year}" for n in names] + [f"{year}-{month:02d}-{day:02d}"]


def _singular(name: str) -> str:
    """A unit's name for one (days → day, years old → year old, business days → business day)."""
    return " ".join(w[:-1] if w in _PLURALS else w for w in name.split(" "))


def english_answers(answer: str, glossary: Sequence[GlossaryGroup] = ()) -> tuple[str, ...]:
    """English forms of a Chinese fill-in answer, the usual one first: a date, a number with its unit, a bare number
    (15 → fifteen) or a term the glossary names in English; () when it has none."""
    text = answer.strip()
    date = _DATE.fullmatch(text)
    if date:
        return tuple(date_forms(*map(int, date.groups())))
    if re.fullmatch(r"\d+", text):
        return tuple(_numbers(float(text))[1:])
    found = quantities(text)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(text):
        return tuple(quantity_forms(*found[0].key) + written_forms(*found[0].key))
    return term_names(text, glossary)


def term_names(term: str, glossary: Sequence[GlossaryGroup]) -> tuple[str, ...]:
    """A term's English names: the English phrases of its glossary group read as the term without condition."""
    for group in glossary:
        if term in group.terms:
            if group.spoken_if or group.spoken_unless:
                return ()
            return tuple(p for p in (*group.terms, *group.spoken) if not has_cjk(p))
    return ()


# ---------------------------------------------------------------------------- the same fact in an entry's English

_EN_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z(\"'])|\n+")
_EN_BRACKETS = {"(": 1, ")": -1, "[": 1, "]": -1}
_TRAILING_REFERENCE = re.compile(r"\s*\((?:[^()]|\([^()]*\))*\)\s*[.;]?$")
_YES_NO = re.compile(r"^(?:Yes|No|Not necessarily|Usually|Generally)[,.;:]\s+(?=\S)")
EN_SHORT_MAX = 220


def english_sentences(text: str) -> list[str]:
    """The sentences of an English answer: cut where a capital follows (art. 11(2) does not end one), never inside
    brackets (… (Sales Conduct Measures art. 36; Basic Service Rules art. 16).), always at a line break."""
    text = text or ""
    found, start, read, depth = [], 0, 0, 0
    for cut in _EN_SENTENCE_END.finditer(text):
        depth += sum(text.count(b, read, cut.start()) * step for b, step in _EN_BRACKETS.items())
        read = cut.start()
        if "\n" in cut.group(0) or depth <= 0:
            found.append(text[start:cut.start()])
            start, depth = cut.end(), 0
    found.append(text[start:])
    return [s.strip() for s in found if s.strip()]


def _pattern(forms: Sequence[str]) -> re.Pattern[str] | None:
    if not forms:
        return None
    words = "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))
    return re.compile(rf"(?<![\w.\-]){'(?:' + words + ')'}(?![\w\-])", re.IGNORECASE)


def find_once(english: str, forms: Sequence[str]) -> tuple[str, re.Match[str]] | None:
    """The one English sentence that states one of `forms`, once, with the match; None when no sentence or more
    than one does (then which English sentence says the Chinese one's fact is not known)."""
    pattern = _pattern(forms)
    if pattern is None:
        return None
    found = [(s, list(pattern.finditer(s))) for s in english_sentences(english)]
    stating = [(s, m) for s, m in found if m]
    if len(stating) != 1 or len(stating[0][1]) != 1:
        return None
    return stating[0][0], stating[0][1][0]


def mentions(english: str, forms: Sequence[str]) -> bool:
    """Whether the English states one of `forms` anywhere."""
    pattern = _pattern(forms)
    return pattern is not None and pattern.search(english or "") is not None


def times_written(sentence: str, value: float) -> int:
    """How often a sentence writes the number in digits (10 in "under 10, … aged 10"; not in 100, 1.0 or 10,000)."""
    digits = re.escape(format_number(value))
    return len(re.findall(rf"(?<!\d)(?<!\d[,.]){digits}(?!\d|[,.]\d)", sentence))


def find_beside(english: str, forms: Sequence[str], beside: Sequence[Sequence[str]]) -> tuple[str, re.Match[str]] | None:
    """`find_once`, or where several sentences state one of `forms`, the one sentence stating it once that also states
    more of the Chinese sentence's other quantities (`beside`, each as its English forms) than any other: "decide within
    5 working days …; complex cases within 30 days" is the sentence of 5个工作日…复杂的30日内, not a later one quoting
    the Insurance Law's 30 days alone (quiz53). None when no sentence stands out."""
    found = find_once(english, forms)
    pattern = _pattern(forms)
    if found is not None or pattern is None:
        return found
    others = [p for p in (_pattern(f) for f in beside) if p is not None]
    stating = [(s, m) for s in english_sentences(english) if len(m := list(pattern.finditer(s))) == 1]
    scored = sorted(((sum(bool(p.search(s)) for p in others), s, m[0]) for s, m in stating), key=lambda t: -t[0])
    if not scored or scored[0][0] == 0 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return None
    return scored[0][1], scored[0][2]


_YES_NO_SENTENCE = re.compile(r"^(?:Yes|No)[.!]?$")
# A bracketed aside inside a sentence ((unpaid premiums, outstanding loans and their interest)).
_EN_ASIDE = re.compile(r"\s*\([^()]*\)")


@lru_cache(maxsize=4096)
def english_short_form(answer: str, sentences: int = 1, drop_asides: bool = False) -> str:
    """An English answer's gist for a choice option: its first `sentences` (as many as the Chinese option takes,
    `facts.gist_sentences`: "the insurer is liable under the contract" alone reads as any claim's answer, quiz49),
    without a leading Yes / a trailing reference in brackets, cut at a clause break when long, never inside brackets.
    `drop_asides` where the Chinese option dropped its asides to answer both halves of a two-part question (short_form:
    only there, polish35 — dropped wherever a two-part answer is long, 8 more entries' options moved)."""
    found = english_sentences((answer or "").strip())
    if len(found) > 1 and _YES_NO_SENTENCE.match(found[0]):
        found, sentences = found[1:], sentences - 1  # "Yes." is the Chinese 能。, a sentence of its own
    text = " ".join(found[:max(sentences, 1)])
    text = _TRAILING_REFERENCE.sub("", _YES_NO.sub("", text)).strip().rstrip(".;,")
    if len(text) <= EN_SHORT_MAX:
        return text
    if drop_asides:
        text = _EN_ASIDE.sub("", text)
    if drop_asides and len(text) <= EN_SHORT_MAX:
        return text + "…"
    cut = max(text.rfind(", ", 0, EN_SHORT_MAX), text.rfind("; ", 0, EN_SHORT_MAX))
    cut = cut if cut > 40 else EN_SHORT_MAX
    opened = open_bracket(text, cut)  # cut inside brackets: before them (polish35: "(unpaid premiums…")
    return text[:cut if opened is None or opened <= 40 else opened].rstrip() + "…"
