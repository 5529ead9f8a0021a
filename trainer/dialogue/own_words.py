"""A term the customer said first is no jargon (qa20, G).

In ci-claim-declined the customer asks 怎么就不算重疾？ and the agent's "…所以重疾这块没赔" was faulted 术语未解释 by
the classifier: 重疾 is her own word, and a team leader would not ask the agent to explain it to her. The classifier
names no term, so a jargon finding's clause is read for the terms it holds (the glossary's, the desk words', the
scenario's entries' topic terms): the finding stands unless every one of them was said by the customer before.
A clause holding no known term keeps its finding — what the classifier saw there cannot be named — unless every word of
it is hers (judge50).

A glossary group that only reads a spoken word (没有 for Cantonese 冇, `GlossaryGroup.reads_a_word`) names no term:
qa24 T6 (judge50) met the very call above again — "…所以重疾这块没有赔。" faulted 术语未解释 — because 没有 counted as a term
she had not said.
"""

from __future__ import annotations

from typing import Iterable, Sequence

from kb.content import Entry, GlossaryGroup
from trainer.dialogue.checkpoint_meaning import content_pairs
from trainer.dialogue.evidence import Evidence
from trainer.dialogue.facts import topic_terms

MIN_TERM_CHARS = 2  # a one-character "term" (赔) would be the customer's word in any clause


def known_terms(glossary: Iterable[GlossaryGroup], jargon_terms: Iterable[str],
                entries: Iterable[Entry]) -> tuple[str, ...]:
    """Every term the judge can name in a reply: glossary terms, desk words and the entries' topic terms."""
    terms = [t for g in glossary if not g.reads_a_word for t in g.terms] + list(jargon_terms) + [
        t for e in entries for t in topic_terms(e)]
    return tuple(dict.fromkeys(t for t in terms if len(t) >= MIN_TERM_CHARS))


def terms_in(quote: str, terms: Sequence[str]) -> list[str]:
    """The terms in `quote`, each one not inside a longer term found there (重疾险 holds 重疾: only 重疾险 counts)."""
    found = [t for t in terms if t in quote]
    return [t for t in found if not any(t != longer and t in longer for longer in found)]


def customers_own_words(quote: str, heard: str, terms: Sequence[str], held: Sequence[str] = ()) -> bool:
    """Every term of `quote` (at least one) is one the customer has said (`heard`): nothing there to explain to her. A
    quote holding no known term is hers when every word of it is (its content bigrams, `content_pairs`): 您要是不服这个结论，
    after her 我不服这个结论 (judge50: 这个 had been a "term" of the glossary's Cantonese reading, which she said).
    `held`: the words for what she holds (保单), hers beside another term of hers (您的保单如果有轻症责任, her product
    含轻症责任: judge53b) — alone, as any term (您保单的电子回执已经签了吧？ keeps its finding: 电子回执 is no known term)."""
    found = terms_in(quote, terms)
    found = [t for t in found if t not in held] or found
    if found:
        return all(t in heard for t in found)
    pairs = content_pairs(quote)
    return bool(pairs) and pairs <= content_pairs(heard)


def without_her_terms(evidence: Sequence[Evidence], heard: str, terms: Sequence[str],
                      held: Sequence[str] = ()) -> list[Evidence]:
    """`evidence` without the jargon findings whose terms are all the customer's own words."""
    return [e for e in evidence
            if not (e.behaviour == "jargon" and not e.ok and customers_own_words(e.quote, heard, terms, held))]


MIN_ECHO_CHARS = 2  # a single character in common (的, 您) is no echo


def past_her_words(sentence: str, hers: str) -> str:
    """`sentence` without every run of `MIN_ECHO_CHARS` characters or more that she said or that her case holds (`hers`):
    what the trainee says beyond saying her words back (calls50: "我听您说的是：三年前业务员跟您讲分红每年保底5%…" met
    讲清红利不保证 on her 分红 and 5%, "安泰两全保险，一年两万，交了两年一共四万，没错吧？" 讲清…现金价值 on her case's
    figures — a step is met by what the reply adds, not by her words said back)."""
    kept, start = [], 0
    while start < len(sentence):
        end = start + MIN_ECHO_CHARS
        if end <= len(sentence) and sentence[start:end] in hers:
            while end < len(sentence) and sentence[start:end + 1] in hers:
                end += 1
            start = end
            continue
        kept.append(sentence[start])
        start += 1
    return "".join(kept)
