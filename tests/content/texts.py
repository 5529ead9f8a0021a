"""The content pack as sentences someone reads out or is taught, with where each comes from.

Guard tests over the wording of the content (hedges, figures, citations) need the same view of
it: which texts an agent reads to a customer, which a trainee learns as right, and how they
split into sentences. Keeping that here means every guard judges the same sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Mapping

from kb import ContentSet
from tests.conftest import REAL_CONTENT
from trainer.dialogue.scenario import Scenario

CONTENT = REAL_CONTENT
_ZH_SENTENCE_END = re.compile(r"[。！？!?；;\n]")
_EN_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z(\"])|\n")


@dataclass(frozen=True)
class Text:
    """A piece of content, where it lives (file, id, field) and its language."""

    where: str
    text: str
    lang: str = "zh"


def sentences(text: str, lang: str = "zh") -> list[str]:
    """Sentences of `text`: Chinese ones end at 。！？； or a line break, English ones at . ! ? ;"""
    splitter = _ZH_SENTENCE_END if lang == "zh" else _EN_SENTENCE_END
    return [s.strip() for s in splitter.split(text or "") if s.strip()]


def read_out(pack: ContentSet, scenarios: Mapping[str, Scenario]) -> list[Text]:
    """What agents read or say: FAQ answers, scripts, English answers, model answers, better wordings."""
    texts = []
    for entry in pack.entries.values():
        texts.append(Text(f"{entry.file}: {entry.id} answer", entry.answer))
        texts.append(Text(f"{entry.file}: {entry.id} script", entry.script))
        if entry.en and entry.en.get("answer"):
            texts.append(Text(f"{entry.file}: {entry.id} en.answer", entry.en["answer"], "en"))
    for scenario in scenarios.values():
        texts += [Text(f"scenarios/{scenario.id}: model answer {n}", answer)
                  for n, answer in enumerate(scenario.model_answers, 1)]
    texts += [Text(f"service_language: {p.id} better", p.better) for p in pack.forbidden_phrases]
    return texts


def quiz_statements(pack: ContentSet) -> Iterable[Text]:
    """What a quiz teaches as right: explanations, a blank filled with its answer, true statements,
    and each right option read after its prompt (distractors and false statements are left out)."""
    for item in pack.quiz_items.values():
        where = f"{item.file}: {item.id}"
        yield Text(f"{where} explanation", item.explanation)
        if item.type == "fill_blank":
            yield Text(f"{where} prompt with its answer", item.prompt.replace("____", str(item.answer)))
        elif item.type == "true_false" and item.answer is True:
            yield Text(f"{where} prompt (a true statement)", item.prompt)
        elif item.type in ("single", "multiple"):
            keys = item.answer if isinstance(item.answer, list) else [item.answer]
            for key in keys:
                yield Text(f"{where} prompt with right option {key}", f"{item.prompt}{item.options[key]}")


def case_fact_statements(scenarios: Mapping[str, Scenario]) -> Iterable[Text]:
    """Each scenario case fact as a sentence: 投诉、处理结果：15日、30日."""
    for scenario in scenarios.values():
        for fact in scenario.case_facts:
            yield Text(f"scenarios/{scenario.id}: case fact {'/'.join(fact.terms)}",
                       "、".join(fact.terms) + "：" + "、".join(fact.values))
