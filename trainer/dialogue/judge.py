"""`MeaningJudge`: what the trainee's words mean, beyond the cue phrases.

Rules (trainer.dialogue.detectors) stay: a rule hit still counts and is quoted. The judge adds
what the rules miss, from the behaviour classifier over the reply's sentences (and the whole
reply), and measures how close a reply comes to a FAQ answer (open questions, checkpoints).
Faults the customer's own words carry are not the trainee's: a negative behaviour inside a
quotation or a restatement of what someone else said (您是说业务员讲“保证翻倍”是吧？) is not
flagged. One judge serves every session of a process; it keeps a bounded memo of embeddings.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from pathlib import Path
from functools import partial
from typing import Any, Callable, Iterable, Sequence

import numpy as np

from kb.embeddings import EmbeddingCache, Encoder
from trainer.dialogue.behaviours import POSITIVE
from trainer.dialogue.classifier import BehaviourClassifier, open_classifier, sentence_clauses, whole_vector
from trainer.dialogue.taught import TaughtClassifier
from trainer.dialogue.corpus import read_corpus
from trainer.dialogue.detectors import (ADVICE, ESCALATION_CUES, JARGON_TERMS, asks_own_will, defers_choice, explained_span, offers_choices,
                                        short_form_explained,
                                        soothes, soothing_words,
                                        rule_floor, waited_only, warns_before_ending)
from trainer.dialogue.evidence import Evidence
from trainer.dialogue.explains import bare_statement
from trainer.dialogue.empty_answers import contact_by_nobody
from trainer.dialogue.agent_referrals import sent_to_their_agent
from trainer.dialogue.hand_ups import handed_up, specialist_contact_only
from trainer.dialogue.identity_questions import only_who_they_are
from trainer.dialogue.credit_checks import (IDENTIFYING, no_identity_asked, not_an_identity_check, own_call_back_only,
                                            thanks_for_understanding)
from trainer.dialogue.not_faults import misread_fault
from trainer.dialogue.promises import states_no_lapse
from trainer.dialogue.quotation import QUOTE_SENSITIVE, reported_at
from trainer.dialogue.regional_speech import mandarin_reading
from trainer.dialogue.reproaches import only_reproaches
from trainer.dialogue.segments import Segment, clause_segments, reading_units, sentence_segments

MEMO_SIZE = 8192
# Hedged or negated promises (我没法保证一定通过; 不是一分钱都不赔) are what a trainee should say.
HEDGES = ("不保证", "没法保证", "不能保证", "无法保证", "不敢保证", "保证不了", "不一定", "打包票", "说不准", "不好说",
          "肯定不行", "肯定不能", "肯定没法",  # a refusal, not a promise
          "不是一分钱", "以合同为准", "以审核为准", "以核定为准")
# A promise refused with words between the negation and the vow (我没法跟您保证一定能赔 / 我不能给您保证 — Cantonese 我唔可以同
# 您保证一定通过, read 我不可以同您保证…, cw3-g's lapse-reinstatement: read as a promise the customer took at its word,
# calls43t). Train split: 9 sentences hold it, none labelled absolute_promise.
_REFUSED_VOW = re.compile(r"(不(能|敢|可以)|没法|无法|没办法)[^，,。！!？?；;]{0,4}保证")
# Telling the customer it is not their fault (这事不是您的问题) reassures; it is the opposite of blame.
REASSURANCE = ("不是您的", "不怪您", "不能怪您", "怪不得您", "跟您没关系", "和您没关系", "与您无关", "您没有错", "您没做错",
               "不是因为您")
# Rudeness is aimed at the customer. Advising the customer to hang up on, ignore or refuse someone
# else (骗子再打来，您直接挂掉就行) protects them; the classifier reads the curt verbs as rude.
_THIRD_PARTY = re.compile(r"(?<![其吉])他|她|对方|谁|有人|别人|陌生|骗子|冒充|自称|这种电话|这类电话|这种人|这种短信")
_TURN_AWAY = re.compile(r"挂|不理|别理|不用理|不要理|拒绝|回绝|不接|别接|不要接|不要听|别听|不用听|报警|删掉|别点|不要点")


def advice_against_others(sentence: str) -> bool:
    """The sentence tells the customer to turn away a third party, not the agent turning the customer away."""
    return "您" in sentence and bool(_THIRD_PARTY.search(sentence)) and bool(_TURN_AWAY.search(sentence))


# The agent's own work number (工号2817) is an introduction, not the customer's data or an identity check.
SELF_INTRODUCTION = ("工号",)
# Saying what the agent will NOT ask for (这通电话我不会问您身份证号) reassures; it is no identity check.
NOT_ASKING = ("不会问", "不会要", "不问您", "不用您报", "不需要您", "不会向您", "不会让您",
              # accepting that the customer keeps it (您不愿意说身份证号完全没问题: fraud-suspicious-callback's model answer,
              # 0.66 for verification once w-warm-steps taught it; judge26) — no train identity check holds these words
              "不愿意说", "不想说", "不方便说", "不用说", "可以不说", "不愿意报", "不想报", "不用报", "不愿意提供", "不想提供")
# An identity check asks for, or confirms, something that identifies the customer. On the train split
# 99 of 99 identity checks hold one of these; a statement without any (这个号码是您投保时留的) is not one.
IDENTITY_WORDS = ("？", "?", "吗", "请", "麻烦", "报", "说一下", "说下", "告诉", "提供", "核", "对上", "对一下", "确认",
                  "身份", "本人", "后四位", "尾号", "姓名", "名字", "出生", "生日", "证件", "对吧", "对不对", "是不是")
# Asking who is on the line (您好，请问是哪位？ 您是谁呀？) checks nothing against the policy: it is an identity
# check only with something that identifies the policyholder (哥，你是投保人不？我得先整明白你是谁 on the train split).
WHO_QUESTION = re.compile(r"(哪位|是谁|谁呀|谁啊)")
# Escalation waved away (主管也这么说，转了没用 / 投诉？随便您，反正结果不会变): naming the route while saying it is useless
# offers none. Train split (judge21): 14 utterances hold one of these words, none labelled escalation.
DISMISSED = re.compile(r"没用|白搭|也一样|也这么说|也是这么说|结果不会变|随便您|随便你")
# 没关系 as "never mind" (不方便也没关系) reassures; only 跟/和/与…没关系 disowns — also across a longer name
# (跟我们电话中心没关系: judge21 found the check dropping that train blame, scored 0.99).
_DISOWNING = re.compile(r"[跟和与同][^，。！？]{0,8}没关系")


# Per behaviour, how far over its threshold a comma clause of a longer sentence must score to show the behaviour
# when no sentence does (实在抱歉，这笔退费比我们承诺的时间晚了一周，让您着急了。: the apology dilutes 让您着急了). The clause
# borrows its sentence's vector (nothing more is encoded: its own n-grams tell it apart). Margins chosen leave-one-writer-out
# on the train split (docs/benchmarks.md, judge30); verification and clarifying_question gained < 0.02 recall at
# the precision the rule allows.
CLAUSE_MARGINS: dict[str, float] = {"empathy": 0.05, "next_step": 0.05}


def _clauses_of(text: str, units: Sequence[Segment], vectors: np.ndarray) -> tuple[list[Segment], np.ndarray]:
    """The comma clauses of a reply's sentences (not of the whole reply), each with its sentence's vector: a clause
    is scored without being encoded again."""
    sentences = [i for i, u in enumerate(units) if u.text != text.strip() or len(units) == 1]
    pairs = [(c, i) for i in sentences for c in sentence_clauses(units[i])]
    if not pairs:
        return [], np.zeros((0, vectors.shape[1]), dtype=vectors.dtype)
    return [c for c, _ in pairs], np.vstack([vectors[i][None, :] for _, i in pairs])


@dataclass(frozen=True)
class Reading:
    """A reply cut into units, their embeddings and the classifier's scores."""

    text: str
    units: list[Segment]
    vectors: np.ndarray
    scores: np.ndarray  # (units, behaviours)
    # the comma clauses of sentences that have several, each scored with its sentence's vector less the behaviour's
    # `CLAUSE_MARGINS` (0 for the others): read by `shown` only, so the sentences stay what closeness compares
    clauses: list[Segment] = field(default_factory=list)
    clause_scores: np.ndarray | None = None


# The behaviours a rule hit of which a clause's score may confirm (`_carrying_clause_scores`): empathy only — next_step's
# cue hits (您可以…) confirmed so lost dev precision 0.86 → 0.84 (a floor test, judge51c).
CLAUSE_CONFIRMS = ("empathy",)


def _carrying_clause_scores(reading: Reading, item: Evidence, column: int) -> float:
    """The best clause score (`CLAUSE_MARGINS`, margin taken off) of `item`'s behaviour among the clauses that hold its
    quote: a long sentence that says it in one clause. qa26 J6: 小周 never ended a sentence (…, no 。), so
    好的钱先生…那个…我理解你的心情，交了两万多…退的是保单的现金价值…比较少 was one unit, empathy 0.09 under its floor
    0.20, while its clause 好的钱先生…那个…我理解你的心情， scored 0.24 (the sentence alone, ended with 。: 0.53)."""
    if reading.clause_scores is None or item.behaviour not in CLAUSE_CONFIRMS:
        return 0.0
    return max((float(reading.clause_scores[i, column]) for i, clause in enumerate(reading.clauses)
                if item.quote in clause.text or clause.text in item.quote), default=0.0)


class MeaningJudge:
    """The trained classifier and the encoder behind it."""

    def __init__(self, classifier: BehaviourClassifier | TaughtClassifier, encoder: Encoder) -> None:
        if classifier.model_id != encoder.model_id:
            raise ValueError(f"classifier trained with {classifier.model_id}, encoder is {encoder.model_id}")
        self.classifier = classifier
        self.encoder = encoder
        self._memo: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def model_id(self) -> str:
        return self.encoder.model_id

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embeddings of `texts` (passages), memoised: FAQ answers and repeated replies cost nothing."""
        with self._lock:
            missing = list(dict.fromkeys(t for t in texts if t not in self._memo))
        if missing:
            vectors = self.encoder.encode(missing)
            with self._lock:
                for text, vector in zip(missing, vectors):
                    self._memo[text] = vector
                while len(self._memo) > MEMO_SIZE:
                    self._memo.popitem(last=False)
        with self._lock:
            rows = [self._memo[t] if t in self._memo else self.encoder.encode([t])[0] for t in texts]
        return np.vstack(rows) if rows else np.zeros((0, self.encoder.dim), dtype=np.float32)

    def remember(self, texts: Sequence[str], vectors: np.ndarray) -> None:
        """Put embeddings computed elsewhere (a batch through the disk cache) into the memo."""
        with self._lock:
            for text, vector in zip(texts, vectors):
                self._memo[text] = vector
            while len(self._memo) > MEMO_SIZE:
                self._memo.popitem(last=False)

    def forget(self, texts: Sequence[str]) -> None:
        """Drop these texts from the memo (a benchmark timing the encoder on replies it has seen)."""
        with self._lock:
            for text in texts:
                self._memo.pop(text, None)

    def pieces(self, text: str) -> list[str]:
        """Every text the judge encodes for a reply: its sentences (and the whole, for an old classifier)."""
        units = reading_units(text)
        if self.classifier.whole_from_sentences:
            units = [u for u in units if u.text != text.strip() or len(units) == 1]
        return list(dict.fromkeys(u.text for u in units))

    def read(self, text: str) -> Reading:
        """The reply's units, scored; each sentence is encoded once, the whole reply is their mean."""
        units = reading_units(text)
        texts = [u.text for u in units]
        if self.classifier.whole_from_sentences and len(units) > 1:
            sentences = self.embed(texts[:-1])
            vectors = np.vstack([sentences, whole_vector(sentences).astype(sentences.dtype)])
        else:
            vectors = self.embed(texts)
        if self.classifier.recipe.clause_units:  # each clause scored too, with its sentence's vector (not encoded)
            clauses, clause_vectors = _clauses_of(text, units, vectors)
            if clauses:
                units = units + clauses
                texts = texts + [c.text for c in clauses]
                vectors = np.vstack([vectors, clause_vectors])
        reading = Reading(text, units, vectors, self.classifier.scores(texts, vectors))
        return self._with_clauses(reading) if CLAUSE_MARGINS and not self.classifier.recipe.clause_units else reading

    def _with_clauses(self, reading: Reading) -> Reading:
        """`reading` with the clauses of its longer sentences scored for the behaviours in `CLAUSE_MARGINS`."""
        clauses, vectors = _clauses_of(reading.text, reading.units, reading.vectors)
        if not clauses:
            return reading
        behaviours = self.classifier.behaviours
        margins = {b: m for b, m in CLAUSE_MARGINS.items() if b in behaviours}
        # only the behaviours a clause is read for: scoring all fourteen was half of a turn's scoring (perf41)
        raw = self.classifier.columns_of([c.text for c in clauses], vectors, list(margins))
        scores = np.zeros((len(clauses), len(behaviours)))
        for index, (behaviour, margin) in enumerate(margins.items()):
            scores[:, behaviours.index(behaviour)] = np.maximum(0.0, raw[:, index] - margin)
        return replace(reading, clauses=clauses, clause_scores=scores)

    def shown(self, reading: Reading) -> dict[str, list[Segment]]:
        """Behaviour -> the units above its threshold, best first, for every behaviour with one."""
        found = {}
        thresholds = self.classifier.thresholds  # a taught classifier builds this dict on each read
        for column, behaviour in enumerate(self.classifier.behaviours):
            threshold = thresholds[behaviour]
            column_scores = reading.scores[:, column]
            above = [reading.units[int(i)] for i in np.argsort(-column_scores, kind="stable") if column_scores[i] >= threshold]
            if reading.clause_scores is not None:  # a clause only after every sentence (`CLAUSE_MARGINS`)
                clause_scores = reading.clause_scores[:, column]
                above += [reading.clauses[int(i)] for i in np.argsort(-clause_scores, kind="stable")
                          if clause_scores[i] >= threshold]
            if above:
                found[behaviour] = above
        return found

    def confirmed(self, reading: Reading, evidence: list[Evidence], spoken: Sequence[Evidence] = ()) -> list[Evidence]:
        """`evidence` without the positive cue-rule hits the classifier firmly disagrees with.

        A cue such as 您可以 or a question mark is a weak sign on its own; the floors were chosen
        on the training folds together with the thresholds (0 keeps every hit of that rule). The
        spoken forms (`Detectors.spoken`, in `spoken`) are not in that calibration; a behaviour in
        `SPOKEN_FLOORS` needs that score too, and a choice question its own (`detectors.rule_floor`).
        """
        kept = []
        floors = self.classifier.rule_floors  # a taught classifier builds this dict on each read
        in_mandarin: list[Reading] = []  # the reply read as Mandarin, encoded only when a regional hit needs it
        for item in evidence:
            if item.behaviour == "verification" and no_identity_asked(reading.text):
                continue  # nobody is asked who they are (docs/annotation-verification.md; judge39v)
            if item.behaviour == "clarifying_question" and only_who_they_are(reading.text):
                continue  # every question asks who the caller is: the identity check, nothing about the case (judge42q)
            floor = floors.get(item.behaviour, 0.0) if item.ok and not item.entry else 0.0
            floor = rule_floor(item, floor, any(item is s for s in spoken))
            if floor > 0 and not self._scores_at_least(reading, item, floor, in_mandarin):
                continue
            kept.append(item)
        return kept

    def _scores_at_least(self, reading: Reading, item: Evidence, floor: float, in_mandarin: list[Reading]) -> bool:
        """The classifier scores `item`'s behaviour at `floor` or more somewhere in the reply. A hit the rules found in
        the Mandarin reading of regional words is confirmed on that reading, as the rules read it: the classifier was
        trained on typed Mandarin, and the regional word itself drags its score down (calls48: 侬心里肯定窝塞 read as
        您心里肯定憋屈 by the rules, empathy 0.18 < its floor 0.20 on the typed words, 0.59 on the reading — a greeting
        that feels for her was taken for none). A soothing imperative is read on its own clause, whatever shares its
        sentence (qa27 J2: 郑先生您先消消气，我是客服小杰，您这事我给您查。 0.12, its clause 0.15 under the floor 0.20; one short
        encoding, only for such a hit the sentence does not confirm)."""
        column = self.classifier.behaviours.index(item.behaviour)
        if len(reading.units) and reading.scores[:, column].max() >= floor:
            return True
        if _carrying_clause_scores(reading, item, column) >= floor:
            return True
        if item.behaviour == "empathy" and soothes(item.quote):  # the soothing words on their own (`soothing_words`)
            alone = self.read(soothing_words(item.quote))
            return bool(len(alone.units)) and alone.scores[:, column].max() >= floor
        if not mandarin_reading(item.quote).changed:
            return False
        if not in_mandarin:
            in_mandarin.append(self.read(mandarin_reading(reading.text).text))
        return bool(len(in_mandarin[0].units)) and in_mandarin[0].scores[:, column].max() >= floor

    def findings(self, reading: Reading, skip: set[str]) -> list[Evidence]:
        """Evidence for each behaviour the classifier sees and the rules did not (`skip`).

        Per behaviour, the best-scoring unit that survives the behaviour's checks: when the best one
        is a refusal ("全额退肯定不行") the promise in the next sentence is still found and quoted."""
        evidence = []
        for behaviour, units in self.shown(reading).items():
            if behaviour in skip:
                continue
            found = next((e for e in (self._finding(reading, behaviour, unit) for unit in units) if e is not None), None)
            if found is not None:
                evidence.append(found)
        return evidence

    def _finding(self, reading: Reading, behaviour: str, unit: Segment) -> Evidence | None:
        """The evidence `unit` gives for `behaviour`, or None when a check says it does not show it."""
        ok = behaviour in POSITIVE
        quote = self._narrow(reading, unit, behaviour) if not ok or behaviour == "verification" else unit
        sentence = self._sentence_of(reading, quote).text
        if behaviour in QUOTE_SENSITIVE and reported_at(reading.text, quote.start, quote.end):
            return None
        # the checks are written in Mandarin, as the rules: they read the Mandarin reading (唔可以同您保证 is 不可以…保证,
        # 您都知道了么？ is 您都知道了吗？; `regional_speech`), the finding still quotes the trainee's words (calls43t)
        unit_read = ReadUnit(*(mandarin_reading(t).text for t in (reading.text, quote.text, sentence)))
        if any(clears(unit_read) for clears in CLEARS.get(behaviour, ())):
            return None
        if not ok and misread_fault(behaviour, unit_read.quote, unit_read.sentence):
            return None  # a loss warned of, a question said back, a deposit, an amount or a reference number (judge38c)
        if behaviour == "jargon" and self._explained(reading, quote):
            return None  # the term is explained right there
        return Evidence(behaviour, ok, quote.text, ADVICE.get(behaviour, ""))

    def _explained(self, reading: Reading, quote: Segment) -> bool:
        """The sentence carrying a jargon finding explains its term next to it (before or after)."""
        sentence = self._sentence_of(reading, quote)
        return explained_span(reading.text, sentence.start, sentence.end, JARGON_TERMS) or short_form_explained(
            reading.text, quote.text, JARGON_TERMS)

    def _sentence_of(self, reading: Reading, unit: Segment) -> Segment:
        return next((s for s in sentence_segments(reading.text) if s.start <= unit.start and unit.end <= s.end), unit)

    def _narrow(self, reading: Reading, unit: Segment, behaviour: str) -> Segment:
        """The clause (or sentence, for the whole reply) that carries a fault: a short, exact quote."""
        sentences = sentence_segments(reading.text)
        candidates = sentences if len(unit.text) > max(len(s.text) for s in sentences) else [self._sentence_of(reading, unit)]
        if len(candidates) == 1:
            clauses = clause_segments(candidates[0])
            if len(clauses) <= 1:
                return candidates[0]
            candidates = clauses
        if behaviour in QUOTE_SENSITIVE:  # a clause that restates someone else is not where the agent's fault is
            candidates = [c for c in candidates if not reported_at(reading.text, c.start, c.end)] or candidates
        texts = [c.text for c in candidates]
        scores = self.classifier.scores(texts, np.vstack([self._vector_of(reading, c) for c in candidates]), only=behaviour)[:, 0]
        return candidates[int(np.argmax(scores))]

    def _vector_of(self, reading: Reading, piece: Segment) -> np.ndarray:
        """A sentence's own vector; a clause borrows its sentence's (clauses are not encoded: the
        n-grams tell the clauses of one sentence apart, and encoding them cost more than the rest of a turn)."""
        sentence = piece if piece in reading.units else self._sentence_of(reading, piece)
        return reading.vectors[reading.units.index(sentence)] if sentence in reading.units else reading.vectors[-1]

    def closeness(self, reading: Reading, references: Sequence[str],
                  keep: Callable[[str], bool] | None = None) -> tuple[float, Segment | None]:
        """Best cosine between a sentence of the reply (those `keep` accepts) and any reference text
        (FAQ answer sentences)."""
        sentences = [u for u in reading.units if (u.text != reading.text or len(reading.units) == 1)
                     and (keep is None or keep(u.text))]
        if not sentences or not references:
            return 0.0, None
        rows = [reading.units.index(s) for s in sentences]
        similarity = reading.vectors[rows] @ self.embed(list(references)).T
        best = np.unravel_index(int(np.argmax(similarity)), similarity.shape)
        return float(similarity[best]), sentences[best[0]]


def _echoed_demand(sentence: str) -> bool:
    """A bare question of a few characters (投诉？ 要转主管？) repeats the customer's demand back; it offers nothing
    (judge21, train split: 2 escalation false credits, and no escalation utterance holds such a sentence alone)."""
    return sentence.endswith(("？", "?")) and len(sentence.rstrip("？?")) <= 4 and not any(
        w in sentence for w in ("我", "帮", "给您", "可以"))


def _never_mind(clause: str) -> bool:
    """The clause says 没关系 as "it does not matter" and holds no other blame word."""
    return ("没关系" in clause and not _DISOWNING.search(clause)
            and not any(c in clause for c in ("怪", "自己", "责任", "问题")))


@dataclass(frozen=True)
class ReadUnit:
    """What a finding's checks read: the whole reply, the quoted clause and the sentence holding it."""

    reply: str
    quote: str
    sentence: str


# The checks that clear a finding of a behaviour: when any says the unit does not show it, `MeaningJudge._finding`
# drops it. One row per reading a trainee met or a split showed (the comment names where it came from); a new check
# goes into its behaviour's row, not into another `if` in `_finding`.
CLEARS: dict[str, tuple[Callable[[ReadUnit], bool], ...]] = {
    "absolute_promise": (
        lambda u: any(h in u.quote for h in HEDGES) or bool(_REFUSED_VOW.search(u.quote)),  # hedged
        lambda u: states_no_lapse(u.quote),  # the contract's rule said as a reassurance (不会马上失效的，您放心。, qa19)
    ),
    "blame": (
        lambda u: any(r in u.sentence for r in REASSURANCE),
        lambda u: _never_mind(u.quote),
        lambda u: defers_choice(u.sentence),  # the decision left to her, with 您 or 你 (qa23 T3, judge49)
    ),
    "escalation": (
        lambda u: _echoed_demand(u.quote) or bool(DISMISSED.search(u.quote)),
        # the agent's own call-back, or a specialist who will only get in touch: a next step (judge39n)
        lambda u: own_call_back_only(u.reply) or specialist_contact_only(u.reply),
        # the customer sent to their own salesperson, no route above the agent named (qa26 J4, agent_referrals.py)
        lambda u: bool(sent_to_their_agent(u.quote)) and not handed_up(u.quote)
        and not any(c in u.quote for c in ESCALATION_CUES),
    ),
    "rude": (  # aimed at someone else, a choice offered, a fair warning, the callback's own-will question
        lambda u: advice_against_others(u.sentence) or offers_choices(u.sentence) or warns_before_ending(u.sentence)
        or asks_own_will(u.sentence) or defers_choice(u.sentence),
    ),
    "personal_data": (lambda u: any(w in u.quote for w in SELF_INTRODUCTION),),
    "empathy": (
        lambda u: thanks_for_understanding(u.quote),  # a closing courtesy (judge38e)
        lambda u: waited_only(u.quote),  # a wait apologised for, 让您等了这么久: an apology (judge42q)
    ),
    "verification": (
        lambda u: not any(w in u.reply for w in IDENTITY_WORDS),
        lambda u: no_identity_asked(u.reply),  # nobody is asked who they are (docs/annotation-verification.md; judge39v)
        lambda u: not_an_identity_check(u.reply),  # a confirmation of the case, or data read out, nothing asked (judge38e)
        lambda u: bool(WHO_QUESTION.search(u.reply)) and not any(w in u.reply for w in IDENTIFYING),
        lambda u: any(w in u.sentence for w in NOT_ASKING) or (
            any(w in u.sentence for w in SELF_INTRODUCTION) and not u.sentence.endswith(("？", "?"))),
    ),
    "clarifying_question": (
        lambda u: only_who_they_are(u.reply),  # asks only who the caller is (judge42q)
        # every question it asks reproaches the customer (您这不是较劲呢吗？ 还能改？): nothing asked (reproaches.py, judge42r)
        lambda u: only_reproaches(u.quote),
    ),
    "explanation": (lambda u: bare_statement(u.quote),),  # the fact alone (分红不保证的。): nothing concrete explained
    "next_step": (lambda u: contact_by_nobody(u.reply),),  # someone unnamed will get in touch: vague (judge42v)
}


def reference_sentences(*texts: str) -> list[str]:
    """The sentences of FAQ answers and scripts, each a reference a reply may come close to."""
    return list(dict.fromkeys(s.text for t in texts if t for s in sentence_segments(t) if len(s.text) >= 6))


def scenario_reference_texts(scenarios: Iterable[Any], entry: Callable[[str], Any]) -> list[str]:
    """The FAQ answers and scripts of the entries these scenarios are about (what `warm_references` embeds).

    `entry` looks an entry up by id (a knowledge base's or a fact book's); unknown ids are skipped."""
    found = (entry(i) for scenario in scenarios for i in scenario.entry_ids())
    return [text for e in found if e is not None for text in (e.answer, e.script) if text]


def warm_references(judge: MeaningJudge, texts: Sequence[str], cache_dir: Path | None, whole: Sequence[str] = ()) -> int:
    """Embed the reference sentences of these FAQ answers and scripts in one batch, through the disk
    cache, into the judge's memo; returns how many there were.

    Without it the first reply on each scenario after a server start waited while the judge encoded
    that scenario's references one entry at a time (about 4 s in 13 encoder calls); batched they cost a
    few seconds once per content version, and nothing on a restart once they are on disk.
    """
    references = list(dict.fromkeys([*reference_sentences(*texts), *whole]))  # `whole`: checkpoint references
    if references:
        judge.remember(references, EmbeddingCache(judge.encoder, cache_dir).embed(references))
    return len(references)


def open_judge(content_dir: Path | str, encoder: Encoder, cache_dir: Path | None,
               progress: Callable[[int], None] | None = None) -> MeaningJudge | None:
    """Train (or load the cached) classifier for the corpus under `content_dir` and this encoder.

    None when the content has no utterance corpus to learn from: calls are then judged by the
    cue rules alone.

    Embeddings of the corpus go through the per-text embedding cache, so a corpus edit only
    encodes the changed utterances; the classifier is cached by corpus hash + model id.
    `progress` is called with the number of texts encoded after each batch (a progress bar).
    """
    utterances, _ = read_corpus(content_dir)
    if not any(u.split == "train" for u in utterances):
        return None
    cache = EmbeddingCache(encoder, cache_dir)
    embed = partial(cache.embed, progress=progress) if progress is not None else cache.embed
    classifier = open_classifier(utterances, embed, encoder.model_id, cache_dir)
    return MeaningJudge(classifier, encoder)


