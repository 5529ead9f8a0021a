"""A checkpoint met in the trainee's own words: close in meaning to its description or its model lines.

The cue list of a checkpoint (由您决定, 您考虑) misses most ways of saying it ("选哪个都由您自己定"), and
matching by the FAQ entry's answer (`DialogueSession._close_to`) only fits checkpoints that state a
rule. Here each checkpoint with cues has its own references: its description and the clauses of the
scenario's model answers that hold its cues. A reply sentence meets it when it comes within
`CHECKPOINT_SIMILARITY` (e5 cosine) of one of them, closer than to any other checkpoint's, and:
- it is not at fault (judge12: a rude or blaming sentence meets no checkpoint);
- where the checkpoint is about facts (its description names a topic term or figure of its entries),
  its references and the sentence must state one (judge26);
- it is not negated where its reference is not, nor the other way round ("这事不能由您自己定", "请把密码告诉我"
  against "我们不会索要密码"), and adds no hedge (可能, 也许): embeddings barely tell those apart. Both are
  read in the comma pieces that share words with the reference, not the whole sentence: in "不是逼您，最终
  由您决定" the negation belongs to a piece about something else (judge14).
A cue of the checkpoint counts only where it is said plainly: not right after a negation (不由您决定) and
not after a hedge in its own piece (可能最后由您决定吧), unless the checkpoint itself hedges (可能为零).
The threshold is chosen on training data only (bench/checkpoint_meaning.py, docs/benchmarks.md "judge13").
A step's example of several sentences is no reference of one sentence: it is met by a run of as many reply
sentences, each close to its own (`meeting_run`, review47).
"""

from __future__ import annotations

import re
from typing import Any, Callable, Iterable, Mapping, Sequence

import numpy as np

from kb.chinese_text import SENTENCE_ENDS, clause_at, parse_number, sentence_at
from kb.content import Entry
from kb.text import occurrences
from trainer.dialogue.deferrals import only_defers
from trainer.dialogue.facts import states_content, topic_terms
from trainer.dialogue.scenario import Checkpoint
from trainer.dialogue.segments import Segment, clause_segments, comma_pieces, sentence_segments
from trainer.dialogue.regional_speech import mandarin_reading
from trainer.dialogue.spoken_cues import Reader, spoken_forms

# Chosen on the train split and the scenarios' own lines (bench/checkpoint_meaning.py): the lowest
# cosine at which the training sentences credited by meaning hold the checkpoint's cue ≥ 0.8 of the time
# (a lower bound of their precision: a paraphrase without a cue counts as wrong).
CHECKPOINT_SIMILARITY = 0.95
# Shortest reply sentence judged by meaning: "不会的。" is close to everything.
MIN_CHARS = 6
# Words that turn a sentence against its reference, or leave it open, when the reference has none.
NEGATIONS = ("不能", "不可以", "不行", "不用", "不是", "不会", "不要", "不让", "不该", "不必", "没法", "没有", "无法",
             "别", "未", "非得", "才能")
# A negation right before a cue turns it around (不由您决定, 不能您自己定, 不是由您决定).
NEGATED_BEFORE = ("不", "没", "别", "未", "非", "无", "不能", "不是", "不会", "不用", "不要", "没法", "无法", "不可以", "不让")
HEDGES = ("可能", "也许", "大概", "好像", "或许", "说不定", "不一定", "应该是", "看情况", "再说")
# 大概 / 大约 right before a figure rounds the figure, it does not hedge the step: 大概15个工作日以内 tells the time limit
# (qa24 T5, judge50: callback-proxy-signature's 说明…在规定时间内处理 stayed open on it).
_ROUNDING = re.compile(r"(大概|大约|差不多)(?=[0-9０-９一二两三四五六七八九十几半])")


def _unrounded(text: str) -> str:
    """`text` without the words that only round a figure (`_ROUNDING`)."""
    return _ROUNDING.sub("", text)
# What may stand before a topic term in a clause that only names it (重疾里的严重脑中风后遗症， 这个宽限期， 关于减额交清，).
TOPIC_MARKERS = ("的", "这个", "那个", "这种", "这项", "关于", "对于", "至于", "说到", "讲到")
_CLAUSE_MARKS = "，,；;、：: "
# Characters of function words: a bigram holding one says nothing of what a sentence is about.
FUNCTION_CHARACTERS = "的地得是了着过您你我他她它们这那个些一不没吗呢吧啊呀哦嘛就都也还和与及或在有要会能可以把被给让对"


def about_facts(checkpoint: Checkpoint, entries: Mapping[str, Entry]) -> bool:
    """The checkpoint asks for a rule stated (讲清宽限期（一般60日）…), not a way of treating the customer."""
    return states_step_facts(checkpoint.description, checkpoint, entries)


def states_step_facts(text: str, checkpoint: Checkpoint, entries: Mapping[str, Entry]) -> bool:
    """Whether `text` states a topic term or figure of the step's entries: what a reference of a step about facts,
    and a sentence meeting it by meaning, must do (a step's `examples` are validated by it)."""
    return any(states_content(text, entries[e]) for e in checkpoint.entries if e in entries)


def checkpoint_references(checkpoint: Checkpoint, model_answers: Sequence[str],
                          entries: Mapping[str, Entry]) -> list[str]:
    """The description, the model answers' clauses that hold a cue of the checkpoint and its `examples` of one sentence
    (sentences an instructor accepted as doing it, review46; longer ones are `checkpoint_runs`) — judged by meaning
    only for checkpoints with cues: the others are met by a behaviour the classifier reads."""
    if not checkpoint.cues or checkpoint.behaviour:
        return []
    clauses = [c.text for answer in model_answers for s in sentence_segments(answer) for c in clause_segments(s)
               if any(cue in c.text for cue in checkpoint.cues)]
    examples = [e for e in checkpoint.examples if len(example_sentences(e)) == 1]  # longer ones: `checkpoint_runs`
    references = list(dict.fromkeys([checkpoint.description, *clauses, *examples]))
    if about_facts(checkpoint, entries):
        references = [r for r in references if states_step_facts(r, checkpoint, entries)]
    return references


def example_sentences(example: str) -> tuple[str, ...]:
    """The sentences of a step's example, as the judge cuts a reply (`sentence_segments`)."""
    return tuple(s.text for s in sentence_segments(example)) or (example,)


def checkpoint_runs(checkpoint: Checkpoint, entries: Mapping[str, Entry]) -> list[tuple[str, ...]]:
    """The step's examples of several sentences (确认您在犹豫期内。犹豫期是15天，从签收算起。), each as its sentences: a
    step done across sentences. They are read sentence by sentence against a run of as many reply sentences
    (`meeting_run`), never whole against one sentence: e5 puts one sentence of a pair within 0.95 of the pair encoded
    whole for all 93 adjacent sentence pairs of the model answers (median 0.988), so half the step would meet it
    (review47, docs/benchmarks.md)."""
    if not checkpoint.cues or checkpoint.behaviour:
        return []
    runs = [example_sentences(e) for e in checkpoint.examples]
    facts = about_facts(checkpoint, entries)
    return [r for r in dict.fromkeys(runs) if len(r) > 1 and (not facts or states_step_facts("".join(r), checkpoint, entries))]


def _negated(text: str) -> bool:
    return any(w in text for w in NEGATIONS)


def _words_only(text: str) -> str:
    """The text without punctuation and spaces."""
    return "".join(ch for ch in text if ch.isalnum())


def _pairs(text: str) -> set[str]:
    """The text's character bigrams (punctuation and spaces dropped)."""
    kept = _words_only(text)
    return {kept[i:i + 2] for i in range(len(kept) - 1)}


def _bare_hedge(piece: str) -> bool:
    """A piece that is a hedge and nothing else ("…，可能吧。"): it hedges the whole sentence."""
    kept = rest = _words_only(piece)
    for word in HEDGES:
        rest = rest.replace(word, "")
    return rest != kept and not rest.strip("吧呢啊吗了呀嘛哈")


def pieces_about(sentence: str, reference: str) -> list[str]:
    """The sentence's comma pieces that share a word (a character bigram) with the reference — what the
    sentence says about it — and any bare hedge; all of them when none does."""
    pieces = comma_pieces(sentence) or [sentence]
    about = [p for p in pieces if _pairs(p) & _pairs(reference) or _bare_hedge(p)]
    return about or pieces


def turned(sentence: str, reference: str) -> bool:
    """Close in meaning, not the same: a piece of the sentence about the reference is negated where the
    reference is not, or the other way round ("请把密码告诉我" against "我们不会向您索要密码"), or hedges
    where the reference does not. A negation or hedge in a piece about something else does not count."""
    about = pieces_about(_unrounded(sentence), reference)
    return any(_negated(p) != _negated(reference) for p in about) or \
        any(w in p and w not in reference for p in about for w in HEDGES)


def said_cues(text: str, checkpoint: Checkpoint, reader: Reader | None = None) -> list[str]:
    """The cues said plainly at least once: not with a negation right before them ("这个不由您决定",
    "这事不能由您自己定": the cue list is a phrase match, blind to what stands before it), nor after a
    hedge in their own comma piece ("可能最后由您决定吧") — unless the checkpoint's own words hedge that
    way (可能为零, 可能受到的损失). `reader`: how the reply is read (`spoken_forms`: the session's reads its slips)."""
    present = spoken_forms(text, checkpoint.cues, reader)  # most replies hold none: nothing to cut (qa20: 恁自个儿拿主意)
    if not present:
        return []
    own = " ".join((checkpoint.description, *checkpoint.cues))
    hedges = tuple(w for w in HEDGES if w not in own)
    pieces = comma_pieces(_unrounded(text))
    # a cue said across a pause (录了音、录了像 for 录音录像, calls49) is in no one piece: it is read in the whole reply
    return [cue for cue in present
            if any(not _negated_before(piece[:i]) and not any(w in piece[:i] for w in hedges)
                   for piece in ([p for p in pieces if cue in p] or [text]) for i in occurrences(piece, cue))]


def _negated_before(before: str) -> bool:
    """The words before a cue end with a negation (不由您决定, 不能…) — not an A-not-A question, which asks: 您能不能用您自己的
    话说一遍 (a teach-back, calls49: cw5-a's callback-elderly trainee; 不能 ended the words before the cue), 是不是, 可不可以."""
    words = before.rstrip("由")
    return words.endswith(NEGATED_BEFORE) and not re.search(r"(.)不\1.?$", words)


def naming_words(text: str, quote: str, checkpoint: Checkpoint, entries: Mapping[str, Entry],
                 reader: Reader | None = None) -> str | None:
    """The words that meet a step about facts by its cue `quote` (a clause of `text`): the clause itself, or — when it
    only names the step's topic inside a longer sentence (`names_the_topic`) — the sentence, if without the cue it
    still says something of the step: a figure or term of its entries, or words of the step's description; else None.

    A step is met by a sentence that says it, not by a fragment that names its topic (polish26: 讲清“严重脑中风后遗症”
    需确诊180天后… was credited on the clause “重疾里的严重脑中风后遗症，” of a sentence that told the 180 days).
    `reader`: how the words are read (the session's reads a slip as its term: 这个由于期， names the topic as 这个犹豫期，)."""
    if not about_facts(checkpoint, entries) or not names_the_topic(quote, checkpoint, entries, reader):
        return quote
    sentence = quote_sentence(text, quote)
    if _words_only(sentence) == _words_only(quote):
        return quote  # a sentence of its own (这属于严重脑中风后遗症。): as before
    rest = _without_cues(_read(sentence, reader), checkpoint)
    said = _says_something(rest, checkpoint, entries) or bool(content_pairs(rest) & content_pairs(
        _without_cues(checkpoint.description, checkpoint)))  # 利益演示，是…举例…不是公司的承诺 (讲清利益演示只是举例，不是承诺)
    return sentence if said else None


# A step a scenario numbers (a callback's checklist: 第七项：确认缴费期间和缴费频率), said by its number: 第七项 / 第7项 /
# 第十一项; the number read by `kb.chinese_text.parse_number`
_ORDINAL = re.compile(r"第([一二两三四五六七八九十]{1,3}|\d{1,2})项")


def numbered_step(text: str, checkpoint: Checkpoint, entries: Mapping[str, Entry],
                  reader: Reader | None = None) -> str | None:
    """The sentence that announces a step the scenario numbers (its description opens 第七项：…) by that number and tells
    it: after the number it says something of the step — a figure or a topic term of its entries, or words of its
    description. A trainee who walks the callback's checklist item by item names each item as the regulation numbers
    it; calls46: cw3-e's callback-cooperative good call said "第七项：侬这份是年交，每年6000块，交10年，每年同一天从侬卡上扣，
    对伐？" — no cue (缴费期间, 一共交 …), and by meaning e5 put the sentence nearer the cash-value entry — so the step
    stayed open, the close was 顺序 out of order and the call timed out at 75. The number alone ("第七项，没问题吧？") is
    no step; another step's number is not this one."""
    own = _ORDINAL.match(checkpoint.description)
    if own is None:
        return None
    number = parse_number(own.group(1))
    for match in _ORDINAL.finditer(text):
        if parse_number(match.group(1)) != number:
            continue
        sentence = sentence_at(text, match.start(), match.end())
        rest = _read(sentence[sentence.find(match.group()) + len(match.group()):], reader)
        if _says_something(rest, checkpoint, entries) or content_pairs(rest) & content_pairs(
                _ORDINAL.sub("", checkpoint.description)):
            return sentence
    return None


def names_the_topic(clause: str, checkpoint: Checkpoint, entries: Mapping[str, Entry],
                    reader: Reader | None = None) -> bool:
    """The clause is a topic for what follows it: it ends with a cue that is a topic term of the step's entries, said
    bare or after a modifier (“重疾里的严重脑中风后遗症，”, “这个宽限期，”), and without it says nothing of them — no
    figure or number, no other topic term. "您可以申请减额交清，" (a verb before it), "退还的是保单的现金价值，" (a copula),
    "工号0387，" (a number after it) and "最多只扣不超过10块钱的工本费，" (a figure) say something."""
    topics = {t for e in checkpoint.entries if e in entries for t in topic_terms(entries[e])}
    # the clause's words without its closing mark, a full stop too: a clause that ends its sentence on the topic
    # (…属于重疾里的严重脑中风后遗症。) names it as one that ends with a comma does (calls50)
    body = _read(clause, reader).rstrip(_CLAUSE_MARKS + SENTENCE_ENDS)
    cue = next((c for c in said_cues(body, checkpoint) if c in topics and body.endswith(c)), None)
    if cue is None:
        return False
    before = body[:-len(cue)].strip()
    modifier = not before or (before.endswith(TOPIC_MARKERS) and "是" not in before)
    return modifier and not _says_something(_without_cues(body, checkpoint), checkpoint, entries)


# The feelings a step of responding to the customer may name (回应客户的紧张 / 担心, 回应家人生病的焦急), said by their
# own word: a bare 您先别急， before the identity check is no response to 家人生病的焦急 (cw-c's stroke-claim-early bad call
# marks that step missed; with 焦急 read as 急 it was met, calls44).
NAMED_FEELINGS = ("紧张", "担心", "害怕", "焦急")
# Telling her not to feel it, at the end of a clause (as `detectors._SOOTHING`): 您不用太紧张，/ 您别担心。/ 不必着急哈，
# A Cantonese clause may end on 先 ("first": 您唔使太担心先，— cw3-g's cooling-off good call, closed_open 78 with 回应客户的
# 担心 open, calls47) or 喇; before any other word 先 is the next clause's ("不用担心先扣的费用" is no clause end).
_CALMING = (r"(?<![不没])(?:别|不要|不用|不必|甭|无需)(?:太|那么|这么|过于)?(?:{feeling})"
            r"(?=[哈啊呀嘛咯哦啦喇呢撒噻～~]*先?(?:[，,。！!？?；;…]|$))")


def named_feeling_calmed(text: str, checkpoint: Checkpoint, reader: Reader | None = None) -> str | None:
    """The clause of `text` that tells the customer not to feel what the step names (回应客户的紧张: 您不用太紧张，), in
    the trainee's words, or None. Such a step is met by responding to that feeling, whether or not the behaviour's
    classifier reads the clause as empathy: calls43t's 您唔使太紧张 (您不用太紧张) left lapse-reinstatement's
    回应客户的紧张 open, and the one train line that says 不用紧张 (正常流程，不用紧张。) is labelled explanation — so the
    behaviour's rules were not widened; the step names the feeling it asks a response to (calls44)."""
    said = [feeling for feeling in NAMED_FEELINGS if feeling in checkpoint.description]
    if not said:
        return None
    reading = (reader or mandarin_reading)(text)
    match = re.search(_CALMING.format(feeling="|".join(said)), reading.text)
    return reading.said_quote(clause_at(reading.text, match.start(), match.end())) if match else None


def _read(text: str, reader: Reader | None) -> str:
    """`text` as `reader` reads it (as typed without one)."""
    return reader(text).text if reader is not None else text


def _says_something(text: str, checkpoint: Checkpoint, entries: Mapping[str, Entry]) -> bool:
    """The text states something of the step's entries (a topic term or figure) or says a number (工号0387)."""
    return bool(re.search(r"\d", text)) or states_step_facts(text, checkpoint, entries)


def content_pairs(text: str) -> set[str]:
    """The text's character bigrams that hold no function word (的, 是, 您 …): what it is about."""
    return {pair for pair in _pairs(text) if not set(pair) & set(FUNCTION_CHARACTERS)}


def _without_cues(text: str, checkpoint: Checkpoint) -> str:
    """The text with the checkpoint's cues (as said) cut out."""
    for cue in sorted(spoken_forms(text, checkpoint.cues), key=len, reverse=True):
        text = text.replace(cue, " ")
    return text


def misses_a_refusal(sentence: str, references: Sequence[str]) -> bool:
    """The checkpoint is a refusal (every reference negated: "不会索要密码") and the sentence negates
    nothing: credited through its FAQ entry's answer, "请把您的银行卡密码和验证码告诉我" says the opposite."""
    return bool(references) and all(_negated(r) for r in references) and \
        not any(_negated(p) for r in references for p in pieces_about(sentence, r))


def quote_sentence(text: str, quote: str) -> str:
    """The sentence of `text` that holds `quote` (the quote itself when it is not in `text`). A quote that ends with its
    own full stop is read in its own sentence, not on into the next: report49 (qa23 T6: 你可以用我们公司官方的渠道交费，…
    这样比较安全。 lost its 提供下一步 to the blaming sentence after it, `said_at_fault`); calls50 (`naming_words`)."""
    start = text.find(quote)
    if start < 0:
        return quote
    end = start + len(quote.rstrip(_CLAUSE_MARKS + SENTENCE_ENDS))
    return sentence_at(text, start, max(end, start + 1))


def at_fault(sentence: str, faults: Sequence[str]) -> bool:
    """Whether the sentence is (part of) one of the reply's faults, as quoted by their evidence."""
    return any(q in sentence or sentence in q for q in faults)


def said_at_fault(text: str, quote: str, faults: Sequence[str], clause_faults: Sequence[str] = ()) -> bool:
    """Whether the sentence of `text` that holds `quote` is at fault (`at_fault`): the words a checkpoint
    would be credited for are the words the report faults. "这个要求我没法答应您，爱找谁找谁。" holds the
    cue 没法答应 and is rude: it earns no 做到, whichever path (cue, FAQ entry, behaviour) found it.

    `clause_faults` (an impatient opener: 行了行了，/ 赶紧的，) cost only their own clause: the quote is at
    fault when its words are that clause's, not when the rest of the sentence says the right thing
    ("行了行了，我直接说吧，您还在犹豫期内…" is 服务忌语 and still meets 犹豫期内; judge20)."""
    return at_fault(quote_sentence(text, quote), faults) or not _words_only(past_clauses(quote, clause_faults)) or \
        any(quote in q for q in clause_faults)


def past_clauses(quote: str, clauses: Sequence[str]) -> str:
    """`quote` without the leading clauses of `clauses` it opens with (a whole-sentence quote credited for
    what follows an impatient opener quotes what follows it); the quote itself when nothing is left."""
    rest = quote
    while (lead := next((c for c in clauses if c and rest.startswith(c)), None)) is not None:
        rest = rest[len(lead):].lstrip()
    return rest


def credible(sentence: str, checkpoint: Checkpoint, entries: Mapping[str, Entry], faults: Sequence[str] = ()) -> bool:
    """Whether a reply sentence may meet the checkpoint by meaning at all (before any similarity)."""
    if len(sentence.strip()) < MIN_CHARS or at_fault(sentence, faults):
        return False
    facts = about_facts(checkpoint, entries)  # a step's facts left to the contract or the check are not told (judge55b)
    return not facts or (states_step_facts(sentence, checkpoint, entries)
                         and not only_defers(sentence, lambda words: states_step_facts(words, checkpoint, entries)))


def meeting_sentence(sentences: Sequence[str], vectors: np.ndarray, checkpoint: Checkpoint,
                     references: Mapping[str, tuple[Sequence[str], np.ndarray]], entries: Mapping[str, Entry],
                     faults: Sequence[str] = (), threshold: float = CHECKPOINT_SIMILARITY) -> str | None:
    """The first reply sentence that meets `checkpoint` by meaning, or None.

    `references` maps every checkpoint of the scenario judged by meaning to its reference texts and
    their (normalised) vectors; `vectors` are the sentences' own."""
    own = references.get(checkpoint.id)
    if own is None or not len(own[0]):
        return None
    texts, matrix = own
    rivals = [m for other, (_, m) in references.items() if other != checkpoint.id and len(m)]
    for sentence, vector in zip(sentences, vectors):
        if not credible(sentence, checkpoint, entries, faults):
            continue
        similarity = matrix @ vector
        best = int(np.argmax(similarity))
        if similarity[best] < threshold or turned(sentence, texts[best]):
            continue
        if all(similarity[best] >= float(np.max(m @ vector)) for m in rivals):
            return sentence
    return None


def meeting_run(text: str, sentences: Sequence[Segment], vectors: np.ndarray, checkpoint: Checkpoint,
                runs: Sequence[tuple[tuple[str, ...], np.ndarray]], rivals: Sequence[np.ndarray],
                entries: Mapping[str, Entry], faults: Sequence[str] = (),
                threshold: float = CHECKPOINT_SIMILARITY) -> str | None:
    """The first run of consecutive reply sentences (`sentences` of `text`, with their vectors) that meets a step's
    example of as many sentences (`runs`: its sentences and their vectors), as the reply's words; or None.

    Each sentence of the run meets its counterpart as one sentence meets a reference (`meeting_sentence`): within
    `threshold`, not turned, no closer to another step's references (`rivals`); and the run as a whole is credible
    (not at fault, stating the step's facts where it is about facts)."""
    for example, matrix in runs:
        size = len(example)
        for first in range(len(sentences) - size + 1):
            window = sentences[first:first + size]
            said = text[window[0].start:window[-1].end]
            if not credible(said, checkpoint, entries, faults):
                continue
            if all(_meets_its_counterpart(part.text, vectors[first + n], example[n], matrix[n], rivals, threshold)
                   for n, part in enumerate(window)):
                return said
    return None


def _meets_its_counterpart(sentence: str, vector: np.ndarray, reference: str, reference_vector: np.ndarray,
                           rivals: Sequence[np.ndarray], threshold: float) -> bool:
    similarity = float(reference_vector @ vector)
    return similarity >= threshold and not turned(sentence, reference) and \
        all(similarity >= float(np.max(m @ vector)) for m in rivals)


def scenario_checkpoint_texts(scenarios: Iterable[Any], entry: Callable[[str], Any]) -> list[str]:
    """Every checkpoint reference of these scenarios, each embedded whole (`warm_references(whole=…)`), and the
    sentences of their examples of several sentences."""
    found = []
    for scenario in scenarios:
        entries = {i: e for i in scenario.entry_ids() if (e := entry(i)) is not None}
        for c in scenario.checkpoints:
            found += checkpoint_references(c, scenario.model_answers, entries)
            found += [s for run in checkpoint_runs(c, entries) for s in run]
    return list(dict.fromkeys(found))
