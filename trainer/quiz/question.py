"""A quiz question as the trainer presents and marks it, whether hand-written or generated.

Every type is answered the same way a page asks it: single and true/false by one option
index, multiple by a set of indices, fill-in-the-blank by typed text. Marking lives here so
the page, the daily session and the tests all agree on what counts as correct.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Iterable, Union

from pypinyin import Style, pinyin

from kb.chinese_text import UNITS, chinese_numeral, quantities, unit_spellings
from kb.content import BLANK, QuizItem
from kb.word_frequency import bundled_words
from trainer.quiz.english_answers import english_answers
from trainer.quiz.stages import fold_stages, stage_alone

TRUE_FALSE_OPTIONS = ("正确", "错误")
MIN_PART = 2  # characters in a fill-in's key word and in the rest the question says (qa25 Q1): one is not a word
TRUE_FALSE_OPTIONS_EN = ("True", "False")

Answer = Union[int, tuple[int, ...], str]
Response = Union[int, Iterable[int], str, None]

_IGNORED_IN_TEXT = re.compile(r"[\s\u3000,，.。、;；:：!！?？\"'“”‘’()（）\[\]【】_]+")
_NUMBER_WITH_UNIT = re.compile(r"^(\d+(?:\.\d+)?)(\D*)$")
_HAN = re.compile(r"^[\u4e00-\u9fff]+$")
_HESITANT_END = re.compile(r"[吧啊呀哈嘛呗]+$")


def normalize_answer(text: str) -> str:
    """Typed text reduced to what matters: NFKC, lower case, no spaces or punctuation."""
    return _IGNORED_IN_TEXT.sub("", unicodedata.normalize("NFKC", text or "").lower())


def typed_answer(response: str) -> str:
    """A typed fill-in answer as it is compared: normalised, a hesitant particle at its end set aside — an agent types
    10块钱吧 for 10元 (qa26 Q2), and no answer of the bank ends in one. A numbered stage is read in digits (第五期 as 5期,
    qa30 Q1), as `spellings` writes the answer's."""
    typed = normalize_answer(response)
    stripped = _HESITANT_END.sub("", typed)
    return fold_stages(stripped or typed)


def spellings(answer: str) -> set[str]:
    """Normalised spellings of a fill-in answer that mean the same: 15日 = 15天 = 十五日 = 15, 18周岁 = 18岁; a numbered
    stage in digits (慢性肾脏病第五期 = 慢性肾脏病5期, qa30 Q1)."""
    base = normalize_answer(answer)
    found = {base, fold_stages(base)}
    match = _NUMBER_WITH_UNIT.match(base)
    if match and (not match.group(2) or match.group(2) in UNITS):
        number, unit = match.group(1), match.group(2)
        units = unit_spellings(unit) if unit else {""}
        numbers = {number}
        if number.isdigit():
            numbers.add(chinese_numeral(int(number)))
            if number == "2":
                numbers.add("两")
        found |= {n + u for n in numbers for u in units if n + u}
        found |= {n for n in numbers}
        if UNITS.get(unit) == "%":
            found |= _percent_spellings(number, numbers)
    return found


def _percent_spellings(number: str, numbers: set[str]) -> set[str]:
    """A percentage as it is said: 80% = 百分之八十 = 百分之80, and a whole number of tenths in 成 (八成, 两成) — qa24:
    a trainee's 百分之八十 for 80% was marked wrong."""
    found = {"百分之" + n for n in numbers}
    if number.isdigit() and 0 < int(number) < 100 and int(number) % 10 == 0:
        tenths = int(number) // 10
        found |= {chinese_numeral(tenths) + "成", str(tenths) + "成"} | ({"两成"} if tenths == 2 else set())
    return found


def _readings(char: str) -> frozenset[str]:
    """Every toned reading of one character (账 zhang4, 帐 zhang4)."""
    found = pinyin(char, style=Style.TONE3, heteronym=True, errors="ignore")
    return frozenset(found[0]) if found else frozenset()


def sounds_like(typed: str, answer: str) -> bool:
    """Whether `typed` is `answer` as a pinyin keyboard may write it: the same syllables with the same tones, one
    homophone picked for another (本人帐户 for 本人账户, 理陪 for 理赔), or with a 的 between (退保的损失). Chinese
    characters only, of the same length: a different word (犹豫期 / 宽限期, 受益人 / 收益人) sounds different."""
    typed, answer = (normalize_answer(text).replace("的", "") for text in (typed, answer))
    if len(typed) != len(answer) or not _HAN.match(typed) or not _HAN.match(answer):
        return False
    in_word = [r[0] for r in pinyin(answer, style=Style.TONE3, errors="ignore")]  # 行 in 银行 is hang2
    if len(in_word) != len(answer):
        return False
    return all(t == a or said in _readings(t) for t, a, said in zip(typed, answer, in_word))


@dataclass(frozen=True)
class Question:
    """One question. `answer`: option index (single, true_false), sorted indices (multiple) or text."""

    id: str
    type: str
    prompt: str
    options: tuple[str, ...]
    answer: Answer
    explanation: str
    entry_id: str
    category: str = ""
    difficulty: int = 1
    accept: tuple[str, ...] = ()
    generated: bool = False
    # The true statement a false true/false prompt was made from (generated items know it).
    correct_statement: str = ""
    # The item's English version (content `en:`), "" / () when it has none; en_options follow `options`' order.
    en_prompt: str = ""
    en_options: tuple[str, ...] = ()
    en_explanation: str = ""
    en_correct_statement: str = ""
    # English forms of a fill-in answer (the item's en.accept, 5 working days for 5个工作日), right in either language.
    en_accept: tuple[str, ...] = ()
    # A generated choice item's options as the answers of their entries (the right one's first): a wrong pick is
    # another question's answer, which the feedback names (qa26 Q1).
    option_entries: tuple[str, ...] = ()

    def answers_another_question(self, response: Response) -> str:
        """The entry whose question a wrong pick answers (a generated choice item's distractor is another entry's
        short answer), or "" for a right pick, a hand-written item or a typed answer."""
        if self.type != "single" or not isinstance(response, int) or isinstance(response, bool):
            return ""
        if response == self.answer or not 0 <= response < len(self.option_entries):
            return ""
        return self.option_entries[response]

    def is_correct(self, response: Response) -> bool:
        """Whether `response` (index, indices or text, as the page collects it) is right."""
        if response is None:
            return False
        if self.type == "multiple":
            if isinstance(response, (str, int)):
                return False
            return tuple(sorted(set(response))) == tuple(self.answer)
        if self.type in ("single", "true_false"):
            return isinstance(response, int) and not isinstance(response, bool) and response == self.answer
        typed = typed_answer(str(response))
        return bool(typed) and (any(typed in spellings(text) for text in self.written())
                                or self.in_english_as(response) or self.spelled_as(response) is not None)

    def in_english_as(self, response: Response) -> bool:
        """Whether a fill-in answer is one of its English forms (five working days = 5 Working Days)."""
        if self.type != "fill_blank" or not isinstance(response, str):
            return False
        typed = _english_key(response)
        return bool(typed) and any(typed == _english_key(text) for text in self.en_accept)

    def written(self) -> tuple[str, ...]:
        """A fill-in item's answer and its other accepted spellings."""
        return (str(self.answer), *self.accept)

    def spelled_as(self, response: Response) -> str | None:
        """For a fill-in answer right by its sound only (a homophone typed, a 的 between), by its stage alone (第五期 for
        慢性肾脏病5期, qa30 Q1) or given in English, the standard Chinese answer, which the page shows beside 回答正确
        (标准写法); None for any other answer."""
        if self.type != "fill_blank" or not isinstance(response, str):
            return None
        typed = typed_answer(response)
        if not typed or any(typed in spellings(text) for text in self.written()):
            return None
        if self.in_english_as(response):
            return str(self.answer)
        return next((text for text in self.written()
                     if sounds_like(typed, text) or self._rest_said(typed, text) or typed == stage_alone(text)), None)

    def _rest_said(self, typed: str, answer: str) -> bool:
        """Whether `typed` (normalised) is the blank's key word, the rest of `answer` being named by the question: a
        fill-in asked after 业务员说有些病不用告知… took 代填 as wrong for 业务员代填 (qa25 Q1). Only for an answer of
        Chinese words with no number (万元 is not 20万元): the key word ends the answer (never 如实 of 如实告知), the
        rest is its leading word(s), at least two characters, and the subject the question asked (the prompt's first
        line) opens with. Said anywhere in the question was too loose: 销售 for 电话销售 under 通过电话…, 病理学 for
        组织病理学. Another word (代签), the part the question names (业务员), or part of a word are still wrong."""
        whole = normalize_answer(answer)
        if not _HAN.match(whole) or quantities(whole) or len(typed) < MIN_PART or not whole.endswith(typed):
            return False
        rest = whole[:-len(typed)]
        asked = normalize_answer(self.prompt.split("\n", 1)[0]) if "\n" in self.prompt else ""
        if len(rest) < MIN_PART or not asked.startswith(rest) or typed in asked:
            return False
        lead = ""
        for word in bundled_words()(whole):
            lead += word
            if len(lead) >= len(rest):
                return lead == rest  # the rest ends between two words
        return False

    def correct_text(self) -> str:
        """The right answer as words, for feedback; a fill-in shown in English adds its English form
        (5个工作日 (5 working days)): the standard answer is the Chinese one."""
        if self.type == "multiple":
            return "；".join(self.options[i] for i in self.answer)
        if self.type in ("single", "true_false"):
            return self.options[self.answer]
        english = self.english_answer()
        return f"{self.answer} ({english})" if english else str(self.answer)

    def english_answer(self) -> str:
        """A fill-in's answer as its English version says it, "" unless the question is shown in English."""
        shown_in_english = bool(self.en_prompt) and self.prompt == self.en_prompt
        return self.en_accept[0] if shown_in_english and self.type == "fill_blank" and self.en_accept else ""

    def in_chinese_only(self) -> bool:
        """Whether an English UI has to show this question in Chinese (no English version to show)."""
        return not self.en_prompt

    def shown_prompt(self) -> str:
        """The prompt as asked: a fill-in item's context lines (often the FAQ question, e.g.
        "30日核定期限从哪天开始算？") have the blank's answer blanked too, or they give it away."""
        lines = self.prompt.strip().splitlines()
        answers = (sorted({str(self.answer), *self.accept, *self.en_accept} - {""}, key=len, reverse=True)
                   if self.type == "fill_blank" else [])
        if len(lines) < 2 or not answers:
            return self.prompt
        context = lines[:-1]
        for answer in answers:
            if len(answer) > 1:
                context = [line.replace(answer, BLANK) for line in context]
        return "\n".join([*context, lines[-1]])

    def takeaway(self) -> str:
        """What to remember from this question, always a true statement: a false true/false
        prompt is never shown as a fact (the summary's review list once did exactly that)."""
        last_line = self.prompt.strip().splitlines()[-1] if self.prompt.strip() else ""
        if self.type == "true_false":
            if self.answer == 0:
                return last_line
            return self.correct_statement or self.explanation.strip().splitlines()[0]
        if self.type == "fill_blank" and BLANK in last_line:
            return last_line.replace(BLANK, self.english_answer() or str(self.answer), 1)
        return f"{last_line} → {self.correct_text()}"

    def describe(self, response: Response) -> str:
        """A response as stored with the attempt: option texts, or the typed text."""
        if response is None:
            return ""
        if self.type == "fill_blank" or isinstance(response, str):
            return str(response).strip()
        indices = [response] if isinstance(response, int) else sorted(set(response))
        return "；".join(self.options[i] for i in indices if 0 <= i < len(self.options))

    def in_english(self) -> "Question":
        """The question as an English UI shows it: its English texts where the item has them (else the
        Chinese), true/false as True/False. Same answer and accepted spellings, so it marks the same."""
        english = replace(self, options=TRUE_FALSE_OPTIONS_EN) if self.type == "true_false" else self
        if not self.en_prompt:
            return english
        return replace(english, prompt=self.en_prompt, explanation=self.en_explanation or self.explanation,
                       options=self.en_options or english.options,
                       correct_statement=self.en_correct_statement or self.correct_statement)

    def with_shuffled_options(self, rng: random.Random) -> "Question":
        """The same question with its options in a random order (true/false keeps 正确/错误)."""
        if self.type not in ("single", "multiple") or len(self.options) < 2:
            return self
        order = list(range(len(self.options)))
        rng.shuffle(order)
        options = tuple(self.options[i] for i in order)
        en_options = tuple(self.en_options[i] for i in order) if len(self.en_options) == len(order) else ()
        entries = tuple(self.option_entries[i] for i in order) if len(self.option_entries) == len(order) else ()
        position = {old: new for new, old in enumerate(order)}
        if self.type == "single":
            answer: Answer = position[self.answer]
        else:
            answer = tuple(sorted(position[i] for i in self.answer))
        return replace(self, options=options, en_options=en_options, option_entries=entries, answer=answer)


def _english_key(text: str) -> str:
    """English text as answers are compared: normalised, hyphens dropped (twenty-five = twenty five)."""
    return normalize_answer(text).replace("-", "")


def _unique(texts: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(texts))


def from_quiz_item(item: QuizItem) -> Question:
    """A hand-written content item as a Question (options kept in the author's order)."""
    if item.type == "true_false":
        options, answer = TRUE_FALSE_OPTIONS, 0 if item.answer else 1
    elif item.type == "multiple":
        options, answer = item.options, tuple(sorted(item.answer))
    elif item.type == "single":
        options, answer = item.options, int(item.answer)
    else:
        options, answer = (), str(item.answer)
    en = item.en
    return Question(id=item.id, type=item.type, prompt=item.prompt, options=tuple(options), answer=answer,
                    explanation=item.explanation, entry_id=item.entry, category=item.category,
                    difficulty=item.difficulty, accept=tuple(item.accept),
                    en_accept=_unique((en.accept if en else ()) + english_answers(str(answer)) if item.type == "fill_blank"
                                      else ()),
                    en_prompt=en.prompt if en else "", en_options=en.options if en else (),
                    en_explanation=en.explanation if en else "")
