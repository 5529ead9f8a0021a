"""Generated quiz items a trainee trips over, counted on the real content (docs/benchmarks.md "quiz48").

    .venv/bin/python -m bench.quiz_items                          # the checks' counts (content/, as the app)
    .venv/bin/python -m bench.quiz_items --save /tmp/bank.json    # also keep every id's answer and prompt
    .venv/bin/python -m bench.quiz_items --compare /tmp/bank.json # ids gone, new, changed since that bank
    .venv/bin/python -m bench.quiz_items --unreviewed-swaps       # echoing distractors swapped in unreviewed (quiz49)

Checks: a fill-in or a true/false change inside a cited document's title (保险销售行为____管理暂行办法); an entry
asking the same blank twice; a wrong option naming the term its question quotes (qa30 Q2); a choice item whose options
tell the right one — the right option the longest,
the shortest, alone opening with the question's words, the odd first word out — in English and in Chinese, each
with how often the tell, where it picks one option, picks the right one (a trainee guessing blind: 25 %).
Review history is stored by item id (`review_states`, `attempts`): --compare counts ids whose answer changed,
which would carry a trainee's reviews onto another question.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Sequence

from kb import KnowledgeBase
from kb.synonym_blanks import Synonyms, synonym_beside
from settings import Settings
from trainer.quiz.bank import question_bank
from trainer.quiz.blanks import same_blank
from trainer.quiz.english_gaps import CAUSES, english_gap
from trainer.quiz.facts import Fact, bigrams
from trainer.quiz.generation import ECHOES_QUESTION, glossary_synonyms, opening_echo, stale_reviews
from trainer.quiz.option_tells import english_echo, english_gives_itself_away
from trainer.quiz.question import BLANK, Question
from trainer.quiz.subjects import quoted_terms, says_of
from trainer.quiz.titles import document_names, inside_title


# A tell reads the options (the right one first) and the question, and points at one option or at none.
Tell = Callable[[Sequence[str], str], "int | None"]


def blank_fact(question: Question) -> Fact:
    """A fill-in's blank as a fact of its sentence."""
    line = question.prompt.splitlines()[-1]
    start = line.index(BLANK)
    return Fact(line.replace(BLANK, str(question.answer)), start, start + len(str(question.answer)), "blank")


def asks_a_synonym(question: Question, synonyms: Synonyms) -> bool:
    """Whether a fill-in's blank asks for another name of the word beside it (红利通知书（____）, qa28 Q1)."""
    line = question.prompt.splitlines()[-1]
    before, _, after = line.partition(BLANK)
    return bool(synonym_beside(before, str(question.answer), after, synonyms))


def changed_fact(question: Question) -> Fact | None:
    """A false true/false statement's changed words, as a fact of the statement."""
    said, true = question.prompt, question.correct_statement
    if question.answer == 0 or not true:
        return None
    start = next((i for i, (a, b) in enumerate(zip(said, true)) if a != b), min(len(said), len(true)))
    tail = next((i for i, (a, b) in enumerate(zip(reversed(said), reversed(true))) if a != b), 0)
    return Fact(said, start, max(len(said) - tail, start + 1), "changed")


def _one(values: Sequence[float], beats: Callable[[float, float], bool]) -> int | None:
    found = [i for i, v in enumerate(values) if all(beats(v, w) for j, w in enumerate(values) if j != i)]
    return found[0] if len(found) == 1 else None


def _chinese_echo(option: str, question: str) -> float:
    return opening_echo(option, frozenset(bigrams(question)))


def tells(echo: Callable[[str, str], float], first_word: Callable[[str], str]) -> dict[str, Tell]:
    """The tells a trainee might read, for one language."""
    def odd_first_word(options: Sequence[str], _: str) -> int | None:
        words = [first_word(o) for o in options]
        odd = [i for i, w in enumerate(words) if words.count(w) == 1 and len(set(words) - {w}) == 1]
        return odd[0] if odd else None

    return {
        "the longest": lambda o, q: _one([len(x) for x in o], lambda a, b: a > b),
        "the shortest": lambda o, q: _one([len(x) for x in o], lambda a, b: a < b),
        "alone opening with the question's words": lambda o, q: _one(
            [echo(x, q) for x in o], lambda a, b: a >= ECHOES_QUESTION and b == 0),
        "opening most with the question's words": lambda o, q: _one([echo(x, q) for x in o], lambda a, b: a > b),
        "the odd first word out": odd_first_word,
    }


def choice_tells(items: Sequence[tuple[Sequence[str], str]], found: dict[str, Tell]) -> list[str]:
    lines = []
    for name, tell in found.items():
        picks = [tell(options, asked) for options, asked in items]
        fired = [p for p in picks if p is not None]
        right = sum(p == 0 for p in fired)
        share = f"{100 * right / len(fired):.0f} %" if fired else "—"
        lines.append(f"    {name:42s} right option {right:4d} / {len(items)}; "
                     f"picks one in {len(fired):4d}, right in {right:4d} ({share})")
    return lines


def report(kb: KnowledgeBase, bank: dict[str, Question]) -> None:
    generated = [q for q in bank.values() if q.generated]
    kinds = Counter(q.id.split(":")[0] for q in generated)
    print(f"generated items: {len(generated)} ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))})")
    titles = document_names(kb.content)
    fills = [q for q in generated if q.type == "fill_blank"]
    in_title = [q.id for q in fills if inside_title(*_span(blank_fact(q)), titles)]
    changed = [(q.id, changed_fact(q)) for q in generated if q.type == "true_false"]
    tf_in_title = [i for i, f in changed if f is not None and inside_title(*_span(f), titles)]
    print(f"  fill-ins blanking a word of a cited title: {len(in_title)} {in_title}")
    print(f"  true/false changing a word of a cited title: {len(tf_in_title)} {tf_in_title}")
    by_entry: dict[str, list[Question]] = {}
    for q in fills:
        by_entry.setdefault(q.entry_id, []).append(q)
    twice = [(a.id, b.id) for qs in by_entry.values() for i, a in enumerate(qs) for b in qs[i + 1:]
             if same_blank(blank_fact(a), blank_fact(b))]
    print(f"  fill-in pairs of one entry asking the same blank: {len(twice)} {twice}")
    synonyms = glossary_synonyms(kb.content)
    synonym = [(q.id, q.prompt.splitlines()[-1]) for q in fills if asks_a_synonym(q, synonyms)]
    print(f"  fill-ins asking another name of the word beside the blank (ui53b): {len(synonym)} {synonym}")
    chinese = Counter(q.category for q in bank.values() if q.in_chinese_only())
    print(f"items in Chinese only (left out of an English round, ui53b): {sum(chinese.values())} / {len(bank)} "
          f"({', '.join(f'{c} {n}' for c, n in sorted(chinese.items()))})")
    causes = Counter(english_gap(q, kb.content) for q in bank.values() if q.in_chinese_only())
    for cause in CAUSES:
        by_category = Counter(q.category for q in bank.values() if english_gap(q, kb.content) == cause)
        print(f"  {causes[cause]:4d} {cause} ({', '.join(f'{c} {n}' for c, n in sorted(by_category.items()))})")
    choices = [q for q in generated if q.type == "single"]
    english = [q for q in choices if q.en_options]
    print(f"choice items: {len(choices)}; with English options: {len(english)} (the rest asked in Chinese there)")
    print("  English: the right option is …")
    print("\n".join(choice_tells([(q.en_options, q.en_prompt) for q in english],
                                 tells(english_echo, lambda o: (o.split() or [""])[0].lower()))))
    print("  Chinese: the right option is …")
    print("\n".join(choice_tells([(q.options, q.prompt) for q in choices], tells(_chinese_echo, lambda o: o[:2]))))
    true_of_term = [(q.id, q.option_entries[i]) for q in choices for i in range(1, len(q.options))
                    if says_of(q.options[i], quoted_terms(q.prompt))]
    print(f"  wrong options naming the term the question quotes, so true of it (qa30 Q2): {len(true_of_term)} "
          f"{true_of_term}")
    still = [q.id for q in english if english_gives_itself_away(q.en_prompt, q.en_options, ECHOES_QUESTION)]
    print(f"  English options where the right one alone opens with the question's words: {len(still)}")
    stale = [(r.question, r.distractor) for r in stale_reviews(kb.content)]
    print(f"reviews: {len(kb.content.distractor_reviews)}; `wrong` verdicts of words no longer offered: {len(stale)} {stale}")


def _span(fact: Fact) -> tuple[str, int, int]:
    return fact.sentence, fact.start, fact.end


def compare(bank: dict[str, Question], saved: dict[str, dict[str, str]]) -> None:
    """Ids gone, new and changed in answer against a saved bank."""
    gone = sorted(set(saved) - set(bank))
    new = sorted(set(bank) - set(saved))
    changed = sorted(i for i in set(saved) & set(bank) if saved[i]["answer"] != _answer(bank[i]))
    prompt = sorted(i for i in set(saved) & set(bank) if saved[i]["prompt"] != bank[i].prompt)
    print(f"against the saved bank ({len(saved)} items): {len(gone)} ids gone {gone}")
    print(f"  {len(new)} new {[(i, _answer(bank[i])) for i in new]}")
    print(f"  {len(changed)} ids with another answer {changed}; {len(prompt)} with another prompt {prompt}")
    kept = [i for i in set(saved) & set(bank) if "options" in saved[i]]
    other = sorted(i for i in kept if saved[i]["options"] != list(bank[i].options))
    other_en = sorted(i for i in kept if saved[i]["en_options"] != list(bank[i].en_options))
    print(f"  {len(other)} with other options, {len(other_en)} with other English options {other}")
    read = [i for i in set(saved) & set(bank) if "en_prompt" in saved[i]]  # banks saved before quiz53 have none
    lost = sorted(i for i in read if saved[i]["en_prompt"] and not bank[i].en_prompt)
    gained = sorted(i for i in read if not saved[i]["en_prompt"] and bank[i].en_prompt)
    reworded = sorted(i for i in read if saved[i]["en_prompt"] and bank[i].en_prompt
                      and saved[i]["en_prompt"] != bank[i].en_prompt)
    print(f"  English prompts: {len(gained)} gained, {len(lost)} lost {lost}, {len(reworded)} reworded {reworded}")


def saved_bank(bank: dict[str, Question]) -> dict[str, dict[str, Any]]:
    """Every item's answer, prompt and options, as --save writes them (what --compare and quiz_swap_review --since
    read)."""
    return {i: {"answer": _answer(q), "prompt": q.prompt, "options": list(q.options),
                "en_options": list(q.en_options), "en_prompt": q.en_prompt} for i, q in bank.items()}


def _answer(question: Question) -> str:
    """An item's answer as words: a choice item's right option, a fill-in's text, True / False."""
    if question.type in ("single", "true_false"):
        return question.options[question.answer]
    return str(question.answer)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--save", type=Path, help="write every item's id, answer and prompt here")
    parser.add_argument("--compare", type=Path, help="count ids gone / new / changed against a saved bank")
    parser.add_argument("--unreviewed-swaps", action="store_true",
                        help="swap in echoing distractors no reviewer has read (quiz49: what the review file lists)")
    args = parser.parse_args()
    settings = Settings.from_env()
    kb = KnowledgeBase.open(settings.content_dir, settings)
    bank = question_bank(kb, unreviewed_swaps=args.unreviewed_swaps)
    report(kb, bank)
    if args.compare:
        compare(bank, json.loads(args.compare.read_text(encoding="utf-8")))
    if args.save:
        args.save.write_text(json.dumps(saved_bank(bank), ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
