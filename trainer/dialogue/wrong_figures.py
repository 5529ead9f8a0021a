"""A figure a practice-call reply got wrong, and what it does to the rest of the report (polish29).

The session faults it 事实错误 ("“1年”与知识库不符，应为2年（…）"). Two other parts of the report spoke of the same words
without saying so: a step the wrong figure kept from being credited was listed as "未完成要点：讲清复效的期限、材料和补交
保费" though the reply named every material, and a credit on the same sentence ("给出下一步" on "…1年内可以申请复效，")
read as praise of the sentence as said. An instructor wants the trainee to keep offering the right step and to know that
the figure in it is what went wrong: the credit stays (the step was right) and says the figure was wrong; the open step
says which figure kept it open and the rule. The wording is made here and read back here (`figures_in`), so a saved
call's findings (stored as their advice) are read the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from kb.chinese_text import FULL_STOPS, quantities, sentence_spans, sentences
from trainer.dialogue.wording import Worded, english

WRONG_FACT = "wrong_fact"
_FAULT = re.compile(r"“(?P<said>[^”]+)”与知识库不符，应为(?P<expected>[^（；]+)（")


@dataclass(frozen=True)
class WrongFigure:
    """A figure said wrong at `turn` about an FAQ entry: as said, as the knowledge base has it, the entry's question
    (both languages) and the sentence of the entry's wording that states the rule ("" if none says the figure)."""

    turn: int
    said: str
    expected: str
    question: str
    question_en: str
    rule: str = ""

    def advice(self) -> Worded:
        """The 事实错误 finding's advice."""
        return Worded(f"“{self.said}”与知识库不符，应为{self.expected}（{self.question}）",
                      f"“{self.said}” does not match the knowledge base: it should be {self.expected} ({self.question_en})")

    def why_not_credited(self) -> Worded:
        """Why a step about this entry was not credited: the figure said, and the rule (its sentence, else the
        entry's question)."""
        rule = self.rule.rstrip("。！；")
        rule_zh = f"：“{rule}”" if rule else f"（{self.question}）"
        rule_en = f": “{rule}”" if rule else f" ({self.question_en})"
        return Worded(f"第{self.turn}轮说的“{self.said}”与知识库不符，应为{self.expected}{rule_zh}，所以这一步不算完成",
                      f"turn {self.turn} said “{self.said}”, but the knowledge base says {self.expected}{rule_en}, "
                      "so the step was not credited")


def rule_sentence(wording: str, expected: str) -> str:
    """The sentence of an entry's wording that states the figure `expected` (its rule), or ""."""
    wanted = {q.key for q in quantities(expected)}
    return next((s for s in sentences(wording) if wanted & {q.key for q in quantities(s)}), "")


def figure_wording(wording: str) -> str:
    """The sentences of an entry's wording that state a figure: a wrong figure's better wording (qa26 J5: the complaint
    entry's script ends 请问您方便接听电话的时间和号码是？, a question of its own, and the lesson offered it too). The whole
    wording when no sentence states one."""
    stating = [sentence for _, _, sentence in sentence_spans(wording, FULL_STOPS) if quantities(sentence)]
    return "".join(stating).strip() or wording


def figures_in(advice: str) -> list[tuple[str, str]]:
    """(as said, as it should be) for each wrong figure a 事实错误 finding's advice names."""
    return [(m["said"], m["expected"].strip()) for m in _FAULT.finditer(str(advice))]


def faulted_sentence(quote: str, turn: int, faults: Sequence[tuple[int, str, str]]) -> str | None:
    """The advice of the 事实错误 among `faults` ((turn, quote, advice) each) whose words hold the credited words
    `quote` of `turn` (or lie in them), else None."""
    return next((advice for at, said, advice in faults if at == turn and quote and (quote in said or said in quote)), None)


def right_step_wrong_figure(advice: str, fault_advice: str) -> Worded:
    """A credit's advice on words that also hold a wrong figure: the credit, then that the figure in it is wrong."""
    named = figures_in(fault_advice)
    said = "、".join(f"“{s}”" for s, _ in named) or "数字"
    should = "、".join(e for _, e in named)
    said_en = ", ".join(f"“{s}”" for s, _ in named) or "a figure"
    return Worded(f"{advice.rstrip('。')}——这一点对，但这句话里的{said}说错了" + (f"（应为{should}）" if should else "")
                  + "，见“事实错误”。",
                  f"{english(advice).rstrip('.')} — that was right, but {said_en} in these words is wrong"
                  + (f" (it should be {should})" if should else "") + ": see “Wrong fact”.")
