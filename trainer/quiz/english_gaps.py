"""Why a quiz item has no English version (quiz53: 337 of 971 items were left out of an English round).

Each Chinese-only item gets one cause, so `bench.quiz_items` can say which are content to write (an entry or a
hand-written item without `en:`, a term the glossary names in no English) and which the generator decides (a
true/false statement changing a term, a fact the entry's English states in more than one place or in other words).
"""

from __future__ import annotations

from kb import ContentSet
from kb.chinese_text import quantities
from trainer.quiz.english_answers import english_answers, mentions, quantity_forms, written_forms
from trainer.quiz.generation import true_false_facts
from trainer.quiz.question import Question

HAND_WRITTEN = "a hand-written item without en:"
NO_ENTRY_ENGLISH = "its FAQ entry without en: question / answer"
CHOICE = "a choice item whose English options are alike or give the right one away"
TERM_WITHOUT_NAME = "a fill-in blanking a term the glossary names in no English"
TERM_STATEMENT = "a true/false statement changing a term (English statements change only numbers)"
NOT_STATED = "the entry's English does not state the fact in the forms looked for"
AMBIGUOUS = "the entry's English states the fact in more than one place (which one is not known)"
CAUSES = (HAND_WRITTEN, NO_ENTRY_ENGLISH, CHOICE, TERM_WITHOUT_NAME, TERM_STATEMENT, NOT_STATED, AMBIGUOUS)


def english_gap(question: Question, content: ContentSet) -> str | None:
    """Why the item is asked in Chinese only (one of CAUSES), or None when it has an English version."""
    if not question.in_chinese_only():
        return None
    if not question.generated:
        return HAND_WRITTEN
    entry = content.entries[question.entry_id]
    english = (entry.en or {}).get("answer", "").strip()
    if not english or not (entry.en or {}).get("question", "").strip():
        return NO_ENTRY_ENGLISH
    kind = question.id.split(":")[0]
    if kind == "gen-choice":
        return CHOICE
    if kind == "gen-fill":
        forms = english_answers(str(question.answer), content.glossary)
        if not forms:
            return TERM_WITHOUT_NAME
        return AMBIGUOUS if mentions(english, forms) else NOT_STATED
    fact = true_false_facts(entry)[int(question.id.rsplit(":", 1)[1])]
    found = quantities(fact.text) if fact.kind == "number" else []
    if not found:
        return TERM_STATEMENT
    return AMBIGUOUS if mentions(english, quantity_forms(*found[0].key) + written_forms(*found[0].key)) else NOT_STATED
