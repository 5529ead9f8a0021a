"""Questions generated from FAQ entries: single choice with hard negatives, fill-in, true/false.

Ids are derived from the entry and the position of the fact ("gen-choice:<entry>",
"gen-fill:<entry>:<n>", "gen-tf:<entry>:<n>") so spaced repetition can follow a generated
question across runs. Options come out in a canonical order; `make_quiz` shuffles them.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from kb.chinese_text import format_number, quantities

from kb import ContentSet, Entry, KnowledgeBase
from kb.content import DistractorReview
from kb.synonym_blanks import Synonyms, synonym_beside, synonyms_of
from trainer.quiz.english_answers import (english_answers, english_short_form, find_beside, find_once, mentions,
                                          quantity_forms, times_written, written_forms)
from trainer.quiz.question import BLANK, TRUE_FALSE_OPTIONS, Question, normalize_answer
from trainer.quiz.blanks import one_word_blank, same_blank
from trainer.quiz.distractor_reviews import WRONG, Reviews
from trainer.quiz.echo_swap import Echo, echo_swapped
from trainer.quiz.subjects import quoted_terms, says_of
from trainer.quiz.option_tells import english_echo, english_gives_itself_away
from trainer.quiz.titles import document_names, inside_title
from trainer.quiz.facts import (Fact, asks, asks_for_a_list, bare_verdict, bigrams, gist_sentences, jaccard,
                                list_cut, listed_items, number_facts, opening, option_text, short_form,
                                statement_problem, swappable_facts, term_facts, wrong_numbers, wrong_terms,
                                yes_no_question)

CHOICE_OPTIONS = 4
# How many nearest entries are examined for distractors.
DISTRACTOR_DEPTH = 40
# Bigram overlap above which two option texts count as near-duplicates.
NEAR_DUPLICATE = 0.6
# Share of a distractor's bigrams found in the right entry's answer above which it may be true too.
ALSO_TRUE = 0.7
# Cosine (e5 vectors of question + answer) above which two entries are about the same fact:
# the nearest 5 % of neighbour pairs in the real content pack, where answers often overlap.
SAME_FACT_COSINE = 0.965
# Question overlap above which another entry answers (nearly) the same question.
SAME_QUESTION = 0.6
# Share of an option's opening bigrams found in the question above which the opening echoes it:
# when only the right option echoes the question, its first words give it away.
ECHOES_QUESTION = 0.4
MAX_FILL_PER_ENTRY = 2
MAX_TRUE_FALSE_PER_ENTRY = 2


def _sources(entry: Entry, content: ContentSet | None) -> str:
    """The entry's sources as the search page cites them (a practice by its full name, not as a 《title》)."""
    return "；".join(content.citation(s) if content is not None else str(s) for s in entry.sources)


def _explain(text: str, entry: Entry, content: ContentSet | None) -> str:
    sources = _sources(entry, content)
    return f"{text}（依据：{sources}）" if sources else text


def _stable_choice(key: str, count: int) -> int:
    """A pick among `count` that depends only on `key` (same content, same question)."""
    return zlib.crc32(key.encode("utf-8")) % count


# ---------------------------------------------------------------------------- single choice


@dataclass(frozen=True)
class Gist:
    """An entry's short answer, its form as a choice option, and the bigram sets the distractor
    checks compare, computed once."""

    entry: Entry
    short: str
    option: str
    key: str
    option_grams: frozenset[str]
    answer_grams: frozenset[str]
    question_grams: frozenset[str]
    yes_no: bool  # its question is answered yes or no
    verdict: str  # the verdict its option opens with, too short to name its topic: "yes", "no" or ""
    list_cut: str  # where the option's cut falls in the list its answer gives: "before", "inside" or "" (facts.list_cut)
    listed: frozenset[str]  # the names its answer enumerates (知情权、自主选择权…): an option about one is true here
    asked_terms: frozenset[str]  # the terms its question quotes ("恶性肿瘤——重度"): an option naming one is true of it

    @classmethod
    def of(cls, entry: Entry) -> "Gist":
        asked = asks(entry.question)
        short = short_form(entry.answer, asks=asked)
        option = option_text(short)
        return cls(entry, short, option, normalize_answer(option), frozenset(bigrams(option)),
                   frozenset(bigrams(entry.answer)), frozenset(bigrams(entry.question)),
                   yes_no_question(entry.question), bare_verdict(short), list_cut(entry.answer, asked),
                   listed_items(entry.answer), quoted_terms(entry.question))

    def cut_before_it_answers(self) -> bool:
        """Whether the option, as the right one, is cut before the list its question asks for (…诚信对待消费者…… for
        金融消费者有哪八项基本权利？, qa26 Q1): it answers nothing the question asks."""
        return self.list_cut == "before" and asks_for_a_list(self.entry.question)


def _share_in(part: frozenset[str], whole: frozenset[str]) -> float:
    """Share of `part`'s bigrams found in `whole`: is that text said inside the other answer?"""
    return len(part & whole) / len(part) if part else 1.0


def _safe_distractor(right: Gist, other: Gist, chosen: Sequence[Gist]) -> bool:
    """Other's short answer is wrong for `right`'s question and unlike every option so far."""
    if other.entry.id == right.entry.id or other.key in {right.key, *(c.key for c in chosen)}:
        return False
    return (jaccard(other.option_grams, right.option_grams) < NEAR_DUPLICATE
            and _share_in(other.option_grams, right.answer_grams) < ALSO_TRUE
            and _share_in(right.option_grams, other.answer_grams) < ALSO_TRUE
            and jaccard(other.question_grams, right.question_grams) < SAME_QUESTION
            and not _answers_by_its_verdict(right, other)
            and other.list_cut != "inside"  # cut mid-list, it is no whole statement (qa26 Q3: ①只写身份关系…)
            and not any(other.option.startswith(name) for name in right.listed)  # about one of the answer's list
            and not says_of(other.option, right.asked_terms)  # true of the term asked (qa30 Q2)
            and all(jaccard(other.option_grams, c.option_grams) < NEAR_DUPLICATE for c in chosen))


def _answers_by_its_verdict(right: Gist, other: Gist) -> bool:
    """Whether other's option opens with a verdict that answers right's yes-no question as its right option does (or
    may: the right option opens with no verdict), whatever other's topic."""
    return right.yes_no and bool(other.verdict) and right.verdict in ("", other.verdict)


def distractor_entries(right: Gist, candidates: Sequence[Gist], count: int = CHOICE_OPTIONS - 1) -> list[Gist]:
    """Other entries, nearest first, whose short answers cannot pass for the right answer."""
    chosen: list[Gist] = []
    for other in candidates:
        if _safe_distractor(right, other, chosen):
            chosen.append(other)
            if len(chosen) == count:
                break
    return chosen


def pick_distractors(right: Gist, candidates: Sequence[Gist], count: int = CHOICE_OPTIONS - 1) -> list[str]:
    """Short answers of other entries, nearest first, that cannot pass for the right answer."""
    return [c.option for c in distractor_entries(right, candidates, count)]


def _english(entry: Entry, field: str) -> str:
    return (entry.en or {}).get(field, "").strip()


def english_option(entry: Entry) -> str:
    """The entry's English short answer, saying as much as its Chinese option: as many sentences, its asides dropped
    where the Chinese option's are (a two-part question whose answer is cut)."""
    return _english_option(_english(entry, "answer"), entry.answer, entry.question)


@lru_cache(maxsize=4096)
def _english_option(english: str, answer: str, question: str) -> str:
    """english_option of these texts (read for every candidate an echo swap tries: once per text)."""
    asked = asks(question)
    dropped = asked > 1 and short_form(answer, asked) != short_form(answer)
    return english_short_form(english, len(gist_sentences(answer)), dropped)


def english_options(entries: Sequence[Entry]) -> tuple[str, ...]:
    """The entries' English short answers as options, () unless every entry has one and they all differ."""
    options = tuple(english_option(e) for e in entries)
    if not all(options) or len({normalize_answer(o) for o in options}) < len(options):
        return ()
    return options


def opening_echo(option: str, question_grams: frozenset[str]) -> float:
    """Share of the option's opening words that repeat the question's."""
    grams = bigrams(opening(option))
    return len(grams & question_grams) / len(grams) if grams else 0.0


def gives_itself_away(right: Gist, distractors: Sequence[str]) -> bool:
    """Whether the right option alone opens with the question's own words (受益人由谁指定？ → 受益人由…)."""
    return (opening_echo(right.option, right.question_grams) >= ECHOES_QUESTION
            and all(opening_echo(d, right.question_grams) == 0 for d in distractors))


def _echoes(right: Gist) -> list[Echo]:
    """How much an option opens with the right entry's question: in Chinese, and in English where it has one."""
    echoes: list[Echo] = [lambda g: opening_echo(g.option, right.question_grams)]
    asked = _english(right.entry, "question")
    if asked:
        echoes.append(lambda g: english_echo(english_option(g.entry), asked))
    return echoes


def swapped_distractors(right: Gist, others: Sequence[Gist], candidates: Sequence[Gist],
                        reviews: Reviews = Reviews()) -> list[Gist]:
    """`others` with an option that echoes the question as much as the right one swapped in where the right one's
    opening would give it away (`echo_swap`), if a reviewer read that option as wrong for this question. An item
    with English options keeps them: the swapped-in entry has an English answer too."""
    if not reviews.swaps_for(right.entry.id):
        return list(others)
    entries = [right.entry, *(o.entry for o in others)]
    in_english = bool(_english(right.entry, "question")) and bool(english_options(entries))

    def may_swap_in(other: Gist) -> bool:
        return ((not in_english or bool(_english(other.entry, "answer")))
                and reviews.may_swap_in(right.entry.id, other.entry.id, other.option))

    return echo_swapped(right, others, candidates, _echoes(right), _safe_distractor, may_swap_in)


def choice_question(right: Gist, candidates: Sequence[Gist], content: ContentSet | None = None,
                    reviews: Reviews = Reviews()) -> Question | None:
    """'Which answer is right?' with hard negatives, or None when too few safe distractors exist
    or the right option would be recognised by its opening words. An option a reviewer found right too
    (or unclear) for this question is never offered."""
    if right.cut_before_it_answers():
        return None
    candidates = [c for c in candidates if not reviews.rejects(right.entry.id, c.entry.id)]
    others = swapped_distractors(right, distractor_entries(right, candidates), candidates, reviews)
    distractors = [o.option for o in others]
    if len(distractors) < CHOICE_OPTIONS - 1 or gives_itself_away(right, distractors):
        return None
    entry = right.entry
    en_options = english_options([entry, *(o.entry for o in others)]) if _english(entry, "question") else ()
    if en_options and english_gives_itself_away(_english(entry, "question"), en_options, ECHOES_QUESTION):
        en_options = ()  # asked in Chinese on the English UI, where its options give nothing away
    return Question(
        id=f"gen-choice:{entry.id}", type="single", prompt=entry.question,
        options=(right.option, *distractors), answer=0, option_entries=(entry.id, *(o.entry.id for o in others)),
        explanation=_explain(f"「{entry.question}」的答案：{''.join(gist_sentences(entry.answer))}", entry, content),
        entry_id=entry.id, category=entry.category, difficulty=entry.difficulty, generated=True,
        en_prompt=_english(entry, "question") if en_options else "", en_options=en_options,
        en_explanation=f"{_english(entry, 'question')} {en_options[0]}." if en_options else "")


# ---------------------------------------------------------------------------- fill-in and true/false


def fill_facts(entry: Entry) -> list[Fact]:
    """What to blank first, numbers first: the key numbers, then one key term not given away by the question.
    A fact's place in this list is its fill-in's number (gen-fill:<entry>:<n>), which reviews are stored by."""
    return _first_facts(*_fill_candidates(entry))


def _fill_candidates(entry: Entry) -> tuple[list[Fact], list[Fact]]:
    """The answer's key numbers and its key terms not given away by the question, each blanked as one word."""
    terms = term_facts(entry.answer, entry.keywords, exclude=entry.question)
    return number_facts(entry.answer), [one_word_blank(fact, entry.question) for fact in terms]


def _first_facts(numbers: list[Fact], terms: list[Fact]) -> list[Fact]:
    return (numbers + terms[:1])[:MAX_FILL_PER_ENTRY]


def numbered_fill_facts(entry: Entry, titles: Sequence[str] = (), synonyms: Synonyms | None = None
                        ) -> list[tuple[int, Fact]]:
    """The facts to blank, each with its fill-in's number. A first fact inside a cited title, asking again what
    an earlier one asks or asking for another name of the word beside it (红利通知书（____） for 分红报告, qa28 Q1;
    `synonyms`: the glossary's, `synonyms_of`) is skipped, its number left unused, so no id comes to name another
    question (reviews are stored by id); the entry's next number or key term takes its place, numbered after the
    first ones."""
    chosen: list[tuple[int, Fact]] = []

    def fits(fact: Fact) -> bool:
        return (not inside_title(fact.sentence, fact.start, fact.end, titles)
                and not synonym_beside(fact.sentence[:fact.start], fact.text, fact.sentence[fact.end:], synonyms or {})
                and not any(same_blank(fact, earlier) for _, earlier in chosen))

    numbers, terms = _fill_candidates(entry)
    first = _first_facts(numbers, terms)
    for n, fact in enumerate(first):
        if fits(fact):  # one at a time: fits reads what was chosen before
            chosen.append((n, fact))
    spares = (f for f in numbers + terms if f not in first)
    for spare_number in range(MAX_FILL_PER_ENTRY, MAX_FILL_PER_ENTRY + len(first) - len(chosen)):
        fact = next((f for f in spares if fits(f)), None)
        if fact is None:
            break
        chosen.append((spare_number, fact))
    return chosen


def english_fill(entry: Entry, fact: Fact, content: ContentSet | None) -> tuple[str, tuple[str, ...]]:
    """The fill-in in the entry's English: (prompt, accepted English answers), or ("", the English forms of
    the answer) when the entry's English does not state the fact in exactly one place (it stays in Chinese)."""
    forms = english_answers(fact.text, content.glossary if content is not None else ())
    found = english_place(_english(entry, "answer"), fact, forms) if _english(entry, "question") else None
    if found is None:
        return "", forms
    sentence, match = found
    blanked = sentence[:match.start()] + BLANK + sentence[match.end():]
    return f"{_english(entry, 'question')}\n{blanked}", tuple(dict.fromkeys((match.group(0), *forms)))


def fill_questions(entry: Entry, content: ContentSet | None = None, titles: Sequence[str] | None = None,
                   synonyms: Synonyms | None = None) -> list[Question]:
    """The entry's fill-ins; `titles`, the content's document names (`document_names`), and `synonyms`, its glossary's
    (`glossary_synonyms`), are read once per bank."""
    questions = []
    titles = document_names(content) if titles is None else titles
    synonyms = glossary_synonyms(content) if synonyms is None else synonyms
    for n, fact in numbered_fill_facts(entry, titles, synonyms):
        en_prompt, en_accept = english_fill(entry, fact, content)
        questions.append(Question(
            id=f"gen-fill:{entry.id}:{n}", type="fill_blank",
            prompt=f"{entry.question}\n{fact.replaced(BLANK)}",
            options=(), answer=fact.text,
            explanation=_explain(fact.sentence, entry, content),
            entry_id=entry.id, category=entry.category, difficulty=entry.difficulty, generated=True,
            en_prompt=en_prompt, en_accept=en_accept))
    return questions


def glossary_synonyms(content: ContentSet | None) -> Synonyms:
    """The words the content's glossary says mean the same (none without content)."""
    return synonyms_of(group.terms for group in content.glossary) if content is not None else {}


def english_place(english: str, fact: Fact, forms: Sequence[str]) -> tuple[str, re.Match[str]] | None:
    """The English sentence stating the fact and where (`find_beside`): in its usual forms (30 days), or only where the
    English has none of those, in the forms prose also writes (the 30-day period, RMB 50,000: `written_forms`)."""
    found = quantities(fact.text) if fact.kind == "number" else []
    written = set(written_forms(*found[0].key)) if len(found) == 1 else set()
    usual = [f for f in forms if f not in written]
    place = find_once(english, usual)
    if place is not None:
        return place
    place = find_beside(english, usual, beside(fact))
    if place is None and written and not mentions(english, usual):
        place = find_beside(english, forms, beside(fact))
    if place is not None and found and times_written(place[0], found[0].value) > 1:
        return None  # "under 10 … aged 10 to under 18": which 10 is the Chinese one's is not known
    return place


def beside(fact: Fact) -> list[list[str]]:
    """The English forms of the other quantities in the fact's sentence: what tells which English sentence is its."""
    return [quantity_forms(*q.key) for q in quantities(fact.sentence)
            if not (q.start < fact.end and fact.start < q.end)]


def english_statement(entry: Entry, fact: Fact, wrong: str | None) -> tuple[str, str]:
    """A number statement in the entry's English, with `wrong` (a Chinese quantity) in the fact's place when given:
    (statement, explanation), or ("", "") when the entry's English does not state the number in exactly one place."""
    if fact.kind != "number" or not _english(entry, "question"):
        return "", ""
    key = quantities(fact.text)[0].key
    found = english_place(_english(entry, "answer"), fact, quantity_forms(*key) + written_forms(*key))
    wrong_found = quantities(wrong) if wrong else []
    wrong_forms = quantity_forms(*wrong_found[0].key) if wrong_found else []
    if found is None or (wrong is not None and not wrong_forms):
        return "", ""
    sentence, match = found
    if wrong is None:
        return sentence, f"True. {sentence}"
    usual = {f.lower() for f in quantity_forms(*quantities(fact.text)[0].key)}
    said = (wrong_forms[0] if match.group(0).lower() in usual
            else as_written(match.group(0), quantities(fact.text)[0].key, wrong_found[0].key) or wrong_forms[0])
    statement = sentence[:match.start()] + said + sentence[match.end():]
    return statement, f"False: it is {match.group(0)}, not {said}. {sentence}"


def as_written(matched: str, right: tuple[float, str], wrong: tuple[float, str]) -> str | None:
    """The wrong quantity written as the English wrote the right one in a `written_forms` form (the 30-day period → the
    60-day period, aged 60 → aged 65, RMB 50,000 → RMB 20,000), or None where it cannot be (another unit)."""
    if right[1] != wrong[1]:
        return None
    for written in (f"{right[0]:,.0f}", format_number(right[0])):
        if float(right[0]).is_integer() and written in matched:
            grouped = "," in written and float(wrong[0]).is_integer()
            value = f"{int(wrong[0]):,}" if grouped else format_number(wrong[0])
            return matched.replace(written, value, 1)
    return None


def true_false_facts(entry: Entry) -> list[Fact]:
    """The facts an entry's true/false statements change, by number (gen-tf:<entry>:<n>): only sentences that stand
    alone (`statement_problem`)."""
    return [f for f in swappable_facts(entry.answer) if statement_problem(f.sentence) is None][:MAX_TRUE_FALSE_PER_ENTRY]


def true_false_questions(entry: Entry, content: ContentSet | None = None,
                         titles: Sequence[str] | None = None) -> list[Question]:
    """Statements from the answer; most have one number or term changed to a plausible wrong one.

    Only sentences that stand alone become statements (`statement_problem`): a fragment such
    as 所以投保初期… cannot be judged true or false without the sentence before it.
    """
    questions = []
    titles = document_names(content) if titles is None else titles
    for n, fact in enumerate(true_false_facts(entry)):
        if inside_title(fact.sentence, fact.start, fact.end, titles):
            continue  # a title changed is no rule turned false; the number stays unused, as a fill-in's does
        item_id = f"gen-tf:{entry.id}:{n}"
        stays_true = _stable_choice(item_id, 3) == 0
        if stays_true:
            statement, answer = fact.sentence, 0
            explanation = _explain(f"正确。{fact.sentence}", entry, content)
            en_statement, en_explanation = english_statement(entry, fact, None)
        else:
            wrong = wrong_numbers(fact, entry.answer) if fact.kind == "number" else wrong_terms(fact, entry.answer)
            statement, answer = fact.replaced(wrong[0]), 1
            explanation = _explain(f"错误：应为「{fact.text}」，不是「{wrong[0]}」。原文：{fact.sentence}", entry, content)
            en_statement, en_explanation = english_statement(entry, fact, wrong[0])
        questions.append(Question(
            id=item_id, type="true_false", prompt=statement, options=TRUE_FALSE_OPTIONS, answer=answer,
            explanation=explanation, entry_id=entry.id, category=entry.category,
            difficulty=entry.difficulty, generated=True, correct_statement=fact.sentence,
            en_prompt=en_statement, en_explanation=en_explanation,
            en_correct_statement=english_statement(entry, fact, None)[0] if en_statement else ""))
    return questions


def reviewed_swaps_undone(content: ContentSet, before: Entry, after: Entry | None) -> list[Entry]:
    """The entries whose choice item had `before`'s option swapped in as a reviewer read it, and will not once
    `before` is edited into `after` (None: deleted): the option the reviewer read is no longer the one offered."""
    undone = Reviews.of(content.distractor_reviews).undone_by_edit(
        before.id, Gist.of(before).option, Gist.of(after).option if after is not None else None)
    return [content.entries[question] for question in undone if question in content.entries]


def stale_reviews(content: ContentSet) -> list[DistractorReview]:
    """The `wrong` verdicts of words their entry no longer offers (its answer edited since, as quiz51's reorder of
    excl-signed-confirmation left one): they swap nothing in, yet count as reviewed until a round replaces them."""
    return [r for r in content.distractor_reviews
            if r.verdict == WRONG and not offers_today(content, r.distractor, r.option)]


def offers_today(content: ContentSet, entry_id: str, option: str) -> bool:
    """Whether `option` is the entry's choice option as its answer reads now."""
    entry = content.entries.get(entry_id)
    return entry is not None and normalize_answer(Gist.of(entry).option) == normalize_answer(option)


def choice_inputs(kb: KnowledgeBase) -> dict[str, tuple[Gist, list[Gist]]]:
    """Each entry's gist and its distractor candidates, nearest first (read once per bank)."""
    nearest = kb.similar_entries(DISTRACTOR_DEPTH, max_cosine=SAME_FACT_COSINE)
    gists = {entry.id: Gist.of(entry) for entry in kb.entries()}
    return {i: (gist, [gists[n] for n in nearest.get(i, []) if n in gists]) for i, gist in gists.items()}


def generated_questions(kb: KnowledgeBase, unreviewed_swaps: bool = False) -> list[Question]:
    """Every question the FAQ entries yield, in content order. `unreviewed_swaps` swaps in echoing distractors no
    reviewer has read, to write them out for review (bench.quiz_swap_review); never in the app."""
    reviews = Reviews.of(kb.content.distractor_reviews, unreviewed=unreviewed_swaps)
    inputs = choice_inputs(kb)
    titles = document_names(kb.content)
    synonyms = glossary_synonyms(kb.content)
    questions: list[Question] = []
    for entry in kb.entries():
        choice = choice_question(*inputs[entry.id], kb.content, reviews)
        if choice is not None:
            questions.append(choice)
        questions += fill_questions(entry, kb.content, titles, synonyms)
        questions += true_false_questions(entry, kb.content, titles)
    return questions
