"""Rewrite a customer's words into the content's words before searching.

Two steps, each measured on its own (docs/benchmarks.md):
- spoken terms: the glossary's `spoken` phrases (停交, 没续上 …) are replaced by the group's
  term (效力中止), so both the encoder and BM25 see the word the entries use;
- typo correction: a 2–4 character stretch of the query that neither the content nor the
  out-of-scope examples use (交强险 is a word, not a typo of 交钱) but sounds like a content term and shares a character with it
  (尤豫期 → 犹豫期, 复笑 → 复效, 据赔 → 拒赔) is replaced by that term; a word typed in toneless
  pinyin that spells a content term (tuibao → 退保, shouyiren → 受益人) is replaced too. A correction that makes
  the words around it read worse (kb/word_frequency.py: 解释算数 is not 解试算数) is not made.

Both return what they changed, so the page can show "searched as …".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Collection, Iterable, Mapping, Sequence

from pypinyin import Style, pinyin

from kb.content import GlossaryGroup
from kb.text import STOP_CHARS, normalize
from kb.word_frequency import WordFrequencies

_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
# A word typed in toneless pinyin (lipei, tuibao, shouyiren): letters only, long enough not to be an abbreviation
# (app, emo, ICU); it is replaced only when it spells a vocabulary term's reading exactly.
_LATIN_RUN = re.compile(r"(?<![A-Za-z])[A-Za-z]{4,}(?![A-Za-z])")
# Sounds that Mandarin speakers from many regions do not tell apart when typing by pinyin.
_FUZZY_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"))  # order matters: zh before z
_FUZZY_FINALS = (("ang", "an"), ("eng", "en"), ("ing", "in"))
MIN_TERM_CHARS = 2
MAX_TERM_CHARS = 4
# VerbParticleTerms: the shortest glossary phrase read through a 了 after its first character.
SPLIT_MIN_CHARS = 3
# A story is matched clause by clause only when it is this long; shorter clauses are merged.
STORY_MIN_CHARS = 30
CLAUSE_MIN_CHARS = 6
MAX_CLAUSES = 4
_CLAUSE_BREAK = re.compile(r"[，,。.！!？?；;：:、\s]+")
# Characters a typo is not read into: function words (的 了 啊 是 还 她 …), modal particles and auxiliary verbs
# (该 能 想 可 …). 该查的都查了 is "should check", not 核查; 骗保啊 ends in a particle, not in 保额.
FUNCTION_CHARS = STOP_CHARS | frozenset("啦哦嘛呗哈咯哇噢该能要想可得")
# Verbs' companions that are words at a stretch's edge: a result complement (保上了 is "got insured", not 保单了;
# 赔完了 not 赔款了; 钱上差多少 not 三差), 说 (俺舅说赔过 is "said", not 索赔) and the adverb 先 (Cantonese 退保先得几千 is
# "only got", not 退保险).
EDGE_WORD_CHARS = frozenset("上完说先")
# A verb at a stretch's start is that verb when the rest of the stretch begins a word with the character after it:
# 跳槽去别家 is 去 + 别家, not 区别 + 家 (有啥去别 is still 区别); 打电话推保险 is 推 + 保险 (我要推保 is still 退保).
VERB_CHARS = frozenset("去来推")
NUMERALS = frozenset("零〇一二两三四五六七八九十几")
# A correction must not make the words around it much less plausible (natural log of the best segmentation's
# probability, the stretch and this many characters either side): 解释算数 → 解试算数 loses 9.9, 由于期 → 由续期
# 4.5, a real typo gains (宽线期 → 宽限期 +10.9) or loses little (调节 → 调解 −1.3, both words).
MIN_PLAUSIBILITY_GAIN = -2.0
PLAUSIBILITY_CONTEXT_CHARS = 3
# A word this common in the word list (这个 61,310, 现在 34,145, 为什么 9,561 — the glossary's dialect groups map
# 呢个, 而家, 点解 to them) is no term a stretch is read as a typo of: 注意些 is not 注一些, 来个信儿 not 那个信儿.
# The content's most common real terms sit below it (女儿 6,700, 咨询 4,342, 区别 3,776).
COMMON_WORD_COUNT = 8_000
# A typed character that makes a word this common with the character beside the stretch is that word: 保险今年 is
# 今年 (9,959), not 保险金 + 年. The changed characters of TUNE's right fixes make rarer words there (直到 1,131 in
# 现金价直到底, 年份 1,122 in 今年份红利).
NEIGHBOUR_WORD_COUNT = 5_000
# A two-character word that begins or ends this many of the vocabulary's longer terms is a word of the domain by
# itself (中止 in 效力中止, 合同中止, 中止效力, 中止通知书 …), so a typo of it is read too: 中指了 is 中止了 (qa25 S1).
HEAD_WORD_TERMS = 4
# A head word is no term a stretch is read as where the stretch's edge character makes a word this common with the
# character beside it (search51): 每年领的 is 每年 + 领 (10,986), not 年龄; 录音行不行 is 录音 (355) + 行不行, not 银行; 报销收走
# (232), 广告纸 (2,928), 那边更 (1,871), 八达通自动 (2,935). The right reads of TUNE stand beside rarer pairs (奶奶头保: 奶头 32,
# 被保人确人: 人确 27).
HEAD_WORD_NEIGHBOUR_COUNT = 100


@dataclass(frozen=True)
class Rewrite:
    """A query after rewriting, and each (from, to) replacement made."""

    text: str
    changes: tuple[tuple[str, str], ...] = ()


@lru_cache(maxsize=20_000)
def sounds(char: str) -> frozenset[str]:
    """Every reading of a character, toneless and with easily confused sounds merged."""
    readings = pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore")
    return frozenset(_fuzzy(r) for r in (readings[0] if readings else ()))


# Readings a term's character is still said with besides its standard one: 癌 is yán in Taiwan and sounds as 岩 in
# Cantonese (both ngaam4), so the Cantonese writers' 原位岩 / 甲状线岩 are 原位癌 / 甲状腺癌.
SAID_READINGS = {"癌": ("yan",)}


def term_sounds(term: str) -> list[frozenset[str]]:
    """Per character, how it sounds in `term`: its reading in the word (pypinyin's phrase reading), its usual
    reading alone and SAID_READINGS, fuzzy-merged — not every reading a dictionary lists. A typo sounds like the
    term as it is said: 款 has an archaic reading xin, which made 退行 (xing) "sound like" 退款 and 退行啵 (can I
    cancel?) a refund; 核 hu made 互保 核保, 销 xiao 卡销户 卡号户 (search22b)."""
    in_word = pinyin(term, style=Style.NORMAL, errors="ignore")
    if len(in_word) != len(term):
        return [sounds(char) for char in term]
    alone = [pinyin(char, style=Style.NORMAL, errors="ignore") for char in term]
    return [frozenset(_fuzzy(r) for r in (word[0], *(a[0][:1] if a else ()), *SAID_READINGS.get(char, ())))
            for char, word, a in zip(term, in_word, alone)]


def _fuzzy(syllable: str) -> str:
    for long, short in _FUZZY_INITIALS:
        if syllable.startswith(long):
            syllable = short + syllable[len(long):]
            break
    for long, short in _FUZZY_FINALS:
        if syllable.endswith(long):
            return syllable[: -len(long)] + short
    return syllable


@dataclass(frozen=True)
class SpokenRule:
    """One spoken phrase of a glossary group, read as the group's term in a query that names one of the group's
    `spoken_if` words when it has some (借钱 is a policy loan in 保单能借钱吗, not in 借钱看病) and none of its
    `spoken_unless` words (保险钱 is the benefit, but the premium in 交保险钱的日子). Normalised like queries."""

    phrase: str
    term: str
    context: tuple[str, ...]
    against: tuple[str, ...]

    @classmethod
    def of(cls, phrase: str, group: GlossaryGroup) -> "SpokenRule":
        return cls(normalize(phrase), group.terms[0], tuple(normalize(w) for w in group.spoken_if),
                   tuple(normalize(w) for w in group.spoken_unless))

    def stands_in(self, text: str) -> bool:
        """The query around the phrase is one where it means the term."""
        return (not self.context or any(w in text for w in self.context)) and not any(w in text for w in self.against)


class SpokenTerms:
    """Replaces spoken phrases with the glossary term of their group (longest phrase first), where the query
    around them says they mean it (`SpokenRule`)."""

    def __init__(self, groups: Sequence[GlossaryGroup], only: Collection[str] | None = None,
                 skip: Collection[str] = ()) -> None:
        """`only`: the spoken phrases this one replaces (all when None); `skip`: phrases it leaves to another
        (the dialect phrases, read before typos: dialect_phrases)."""
        rules = [SpokenRule.of(phrase, group) for group in groups for phrase in group.spoken
                 if (only is None or normalize(phrase) in only) and normalize(phrase) not in skip]
        self._rules = sorted((r for r in rules if r.phrase), key=lambda r: len(r.phrase), reverse=True)

    def rewrite(self, text: str) -> Rewrite:
        changes: list[tuple[str, str]] = []
        for rule in self._rules:
            if rule.phrase in text and rule.stands_in(text):
                text = text.replace(rule.phrase, rule.term)
                changes.append((rule.phrase, rule.term))
        return Rewrite(text, tuple(changes))


class VerbParticleTerms:
    """Reads a glossary phrase said with the particle 了 after its verb as the phrase (换了银行卡 → 换银行卡, 放了支架 →
    放支架, 换了手机号 → 换手机号), so that the spoken rule, the synonyms and the words the answer gate weighs see it
    (search46: qa21's 换了银行卡怎么改 kept only 银行 / 行卡, a bank's words, and was refused). Only phrases of at least
    SPLIT_MIN_CHARS characters: a two-character one split by 了 (交了费, 退了保) is left as typed."""

    def __init__(self, groups: Sequence[GlossaryGroup]) -> None:
        phrases = {normalize(p) for group in groups for p in (*group.terms, *group.spoken)}
        self._split = sorted(((p[0] + "了" + p[1:], p) for p in phrases if len(p) >= SPLIT_MIN_CHARS),
                             key=lambda pair: len(pair[0]), reverse=True)

    def rewrite(self, text: str) -> Rewrite:
        changes: list[tuple[str, str]] = []
        for split, phrase in self._split:
            if split in text:
                text = text.replace(split, phrase)
                changes.append((split, phrase))
        return Rewrite(text, tuple(changes))


def dialect_phrases(groups: Sequence[GlossaryGroup]) -> frozenset[str]:
    """The spoken phrases written with a dialect character: one that is a spoken phrase by itself (佢, 唔, 咗, 嘅, 俺 …),
    so 唔使, 断咗保, 供咗 too. They are read before typos are corrected (search16a): the corrector took 嘅保险 for a typo
    of 核保险, 咗钱 of 缴钱, 嘅保单 of 假保单, since a dialect character is no word of the content."""
    spoken = {normalize(p) for group in groups for p in group.spoken}
    characters = {p for p in spoken if len(p) == 1}
    return frozenset(p for p in spoken if not characters.isdisjoint(p))


class TypoCorrector:
    """Corrects homophone typos against a vocabulary of content terms, using pinyin."""

    def __init__(self, vocabulary: Iterable[str], *known_bigrams: Collection[str],
                 words: WordFrequencies | None = None, same_as: Mapping[str, str] | None = None,
                 non_words_only: bool = False, word_chars: Collection[str] = (),
                 word_phrases: Collection[str] = (), head_words: Collection[str] = ()) -> None:
        """`known_bigrams`: collections of bigrams that are words here (the content's, the scope examples');
        `words`: word frequencies, to refuse a correction that makes the text read worse (none: no such check);
        `same_as`: term → the term it stands for (a glossary group's typo 尤豫期 → its term 犹豫期), so two
        sound-alikes that are one term are not a tie: 由于期 sounds like both 犹豫期 and 尤豫期 and becomes 犹豫期;
        `non_words_only`: only a stretch that `words` does not know as a word is read as a typo (the regulation
        search's formal questions: 调价 is no typo of 调解);
        `word_chars`: characters that are a word wherever they stand, never part of a typo (the glossary's
        one-character spoken words, Cantonese 咗 and 嘅: 借咗钱 is not 借缴钱, 买嘅保险 not 买核保险);
        `word_phrases`: phrases whose characters are words where the phrase stands (the glossary's spoken phrases:
        红利系咪 is 红利 + 系咪, not 利息).
        `head_words`: terms of the vocabulary that are general words heading many terms (`head_words`), read only
        from a stretch that stands apart from the words beside it (`_across_words`).
        With `words`, a very common word (COMMON_WORD_COUNT: 这个, 现在) is no term to correct into."""
        self._words = words
        self._head_words = frozenset(normalize(t) for t in head_words)
        self._word_chars = frozenset(word_chars)
        self._phrases_by_char: dict[str, list[str]] = {}
        for phrase in {normalize(p) for p in word_phrases}:
            for char in set(phrase):
                self._phrases_by_char.setdefault(char, []).append(phrase)
        vocabulary = [normalize(t) for t in vocabulary]
        self._terms = frozenset(vocabulary)
        self._non_words_only = non_words_only and words is not None
        self._same_as = {normalize(k): normalize(v) for k, v in (same_as or {}).items()}
        # One set of the two-character strings they hold: a window is checked bigram by bigram.
        self._known = frozenset(b for known in known_bigrams for b in known if len(b) == 2)
        self._by_char: dict[tuple[int, int, str], list[str]] = {}
        # The terms by (length, position, reading): which terms sound alike is a few set intersections
        # per window instead of comparing readings character by character with every candidate.
        self._by_sound: dict[tuple[int, int, str], set[str]] = {}
        vocabulary = [t for t in vocabulary if words is None or words.count(t) < COMMON_WORD_COUNT]
        for term in sorted(set(vocabulary)):
            if MIN_TERM_CHARS <= len(term) <= MAX_TERM_CHARS and _CJK_RUN.fullmatch(term):
                for position, (char, readings) in enumerate(zip(term, term_sounds(term))):
                    self._by_char.setdefault((len(term), position, char), []).append(term)
                    for reading in readings:
                        self._by_sound.setdefault((len(term), position, reading), set()).add(term)
        # Toneless pinyin of each term, spelt out: the first term in the vocabulary's order keeps a reading, so
        # a glossary group's own term (犹豫期) wins over a typo it lists (尤豫期) that reads the same.
        self._by_spelling: dict[str, str] = {}
        for term in dict.fromkeys(vocabulary):
            if MIN_TERM_CHARS <= len(term) <= MAX_TERM_CHARS and _CJK_RUN.fullmatch(term):
                self._by_spelling.setdefault("".join(r[0] for r in pinyin(term, style=Style.NORMAL)), term)

    def rewrite(self, text: str) -> Rewrite:
        changes: list[tuple[str, str]] = []
        for word in _LATIN_RUN.findall(text):
            term = self._by_spelling.get(word.lower())
            if term:
                text = text.replace(word, term, 1)
                changes.append((word, term))
        for run in _CJK_RUN.findall(text):
            fixed = self._fix_run(run, changes)
            if fixed != run:
                text = text.replace(run, fixed, 1)
        return Rewrite(text, tuple(changes))

    def _fix_run(self, run: str, changes: list[tuple[str, str]]) -> str:
        known = self._known_pairs(run)
        start = 0
        while start < len(run) - 1:
            for length in range(MAX_TERM_CHARS, MIN_TERM_CHARS - 1, -1):
                if start + length > len(run) or all(known[start:start + length - 1]):
                    continue  # too short, or a stretch the content itself uses (a word, not a typo)
                window = run[start:start + length]
                if self._non_words_only and self._words.is_word(window):  # type: ignore[union-attr]
                    continue
                term = self._sound_alike(window)
                if term and not self._reads_as_words(run, start, term) and self._reads_better(run, start, term) \
                        and not (term in self._head_words and self._not_a_head_word(run, start, window, term)):
                    changes.append((window, term))
                    run = run[:start] + term + run[start + length:]
                    known = self._known_pairs(run)
                    start += length - 1
                    break
            start += 1
        return run

    def _reads_as_words(self, run: str, start: int, term: str) -> bool:
        """Whether a character the correction would change reads as ordinary words where it stands, so the
        stretch is not a typo: a function word or particle at the stretch's edge (审核是不是, 骗保啊; inside a longer
        term only 的 counts: 格是条款 is 格式条款) unless the typo sounds through it (有余期), a verb before a word
        (去别家), a verb's companion at the edge (保上了, 说赔), a doubled character (年年, 密密麻麻), a numeral or the
        word counted after one (保三十万, 第三次), a character that is a word wherever it stands (`word_chars`), or
        one that makes a very common word with the character beside the stretch (保险今年: 今年). (Half of a common
        content word with the character beside the stretch, 解释算数, was measured too and not kept:
        docs/benchmarks.md, search13; an A不A question, 退行不行 / 给不给, search14b: no TUNE query moved and one
        DEV query fell.)"""
        end = start + len(term)
        for position in range(start, end):
            char = run[position]
            if char == term[position - start]:
                continue
            before = run[position - 1] if position > 0 else ""
            after = run[position + 1] if position + 1 < len(run) else ""
            edge = position in (start, end - 1)
            if char in FUNCTION_CHARS and (edge or char == "的") and not self._sounds_through(run, start, end, position):
                return True
            if (position == start and self._verb_before_word(run, start, end)) or (edge and char in EDGE_WORD_CHARS):
                return True
            if char in NUMERALS or before in NUMERALS or char in (before, after) or char in self._word_chars:
                return True
            if _a_not_a(run, position) or self._in_phrase(run, position):
                return True
            beside = (before and before + char if position == start else "", after and char + after if position == end - 1 else "")
            if self._words is not None and any(self._words.count(pair) >= NEIGHBOUR_WORD_COUNT for pair in beside):
                return True
        return False

    def _not_a_head_word(self, run: str, start: int, window: str, term: str) -> bool:
        """Whether a stretch is no reading of a head word: it is a word of the list typed whole (央行, 省份, 精度, 参保 —
        a wrong pinyin pick that is itself a word is the glossary's to read, as 中指 for 中止 is: search52), or it
        belongs to the words around it (`_across_words`)."""
        return (self._words is not None and self._words.is_word(window)) or self._across_words(run, start, term)

    def _across_words(self, run: str, start: int, term: str) -> bool:
        """Whether a stretch read as a head word belongs to the words around it: its first or last character makes
        a common word (HEAD_WORD_NEIGHBOUR_COUNT) with the character beside the stretch, typed or kept (每年领的 is
        每年 + 领, not 年龄; 八达通自动 is 自动, not 通知), or the character it keeps at an edge is a function word (最晚能
        is 最晚 + 能, not 万能). A term of the content is read as before: only general words heading many terms are
        this easily found in ordinary words (search51)."""
        end = start + len(term)
        beside = (run[start - 1:start + 1] if start > 0 else "", run[end - 1:end + 1] if end < len(run) else "")
        if self._words is not None and any(self._words.count(pair) >= HEAD_WORD_NEIGHBOUR_COUNT for pair in beside if pair):
            return True
        return any(run[p] == term[p - start] and run[p] in FUNCTION_CHARS for p in (start, end - 1))

    def _in_phrase(self, run: str, position: int) -> bool:
        """Whether the character at `position` belongs to one of `word_phrases` where it stands."""
        return any(run.startswith(phrase, position - offset)
                   for phrase in self._phrases_by_char.get(run[position], ())
                   for offset, char in enumerate(phrase) if char == run[position] and position >= offset)

    def _verb_before_word(self, run: str, start: int, end: int) -> bool:
        """Whether the stretch's typed first character is a verb before a word that takes the character after the
        stretch: 跳槽去别家 is 去 + 别家, not 区别 + 家; 打电话推保险 is 推 + 保险, not 退保 + 险. (A stretch before any
        such word, whatever its first character, was measured by search14b and search16c and blocked right fixes:
        头诉说, 由预期, 头保人.)"""
        words = self._words
        return run[start] in VERB_CHARS and words is not None and words.is_word(run[start + 1:end + 1])

    def _sounds_through(self, run: str, start: int, end: int, position: int) -> bool:
        """Whether a function word at the edge of a stretch of three or more characters is part of the typo
        because the rest of the stretch is no word (有余期 is 犹豫期: 余期 means nothing; 审核是 is not, 审核 being
        a word)."""
        if self._words is None or end - start < 3 or position not in (start, end - 1):
            return False
        rest = run[start + 1:end] if position == start else run[start:end - 1]
        return not self._words.is_word(rest) and rest not in self._terms

    def _reads_better(self, run: str, start: int, term: str) -> bool:
        """Whether the corrected stretch, with the characters around it, is not much less plausible as words
        than what was typed: 去世 is no fix of 交上去以后, 核实 none of 审核已经 (the words beside the stretch
        already read as words), 宽限 is one of 宽线期."""
        if self._words is None:
            return True
        left = max(0, start - PLAUSIBILITY_CONTEXT_CHARS)
        right = start + len(term) + PLAUSIBILITY_CONTEXT_CHARS
        fixed = run[:start] + term + run[start + len(term):]
        gain = self._words.log_probability(fixed[left:right]) - self._words.log_probability(run[left:right])
        return gain >= MIN_PLAUSIBILITY_GAIN

    def _known_pairs(self, run: str) -> list[bool]:
        """Per position, whether the bigram starting there is one the content or the scope examples use."""
        return [run[i:i + 2] in self._known for i in range(len(run) - 1)]

    def _one_term(self, candidates: set[str]) -> str | None:
        """The candidate that is the term all of them stand for (犹豫期 of 犹豫期 and its listed typo 尤豫期)."""
        heads = {self._same_as.get(t, t) for t in candidates}
        return heads.pop() if len(heads) == 1 and heads <= candidates else None

    def _sound_alike(self, window: str) -> str | None:
        """The single vocabulary term of the same length that sounds like `window` and shares a character."""
        size = len(window)
        candidates = {t for i, c in enumerate(window) for t in self._by_char.get((size, i, c), ())}
        for position, char in enumerate(window):
            if not candidates:
                return None
            # Those whose character here shares a reading with the window's character.
            candidates = set().union(*(candidates.intersection(self._by_sound.get((size, position, reading), ()))
                                       for reading in sounds(char)))
        candidates.discard(window)
        if len(candidates) > 1:
            return self._one_term(candidates)
        return candidates.pop() if candidates else None


def _a_not_a(run: str, position: int) -> bool:
    """Whether the character at `position` begins an A不A question (退行不行, 理赔行不行, 信不信): a word asked about, no
    typo's last character (退行不行 is 退 + 行不行, not 退款不行). The second A stays correctable: 陪不陪 is 陪不赔."""
    return run[position + 1:position + 3] == "不" + run[position]


def story_clauses(text: str) -> list[str]:
    """The clauses of a long story (40–120 characters of 我妈…去年…现在…), longest first.

    Short queries return []: they are one clause already. Fragments shorter than
    CLAUSE_MIN_CHARS are joined to the one before, so 凭什么 never stands alone.
    """
    if len(text) < STORY_MIN_CHARS:
        return []
    clauses: list[str] = []
    for piece in filter(None, _CLAUSE_BREAK.split(text)):
        if clauses and (len(clauses[-1]) < CLAUSE_MIN_CHARS or len(piece) < CLAUSE_MIN_CHARS):
            clauses[-1] += "，" + piece
        else:
            clauses.append(piece)
    if len(clauses) < 2:
        return []
    return sorted(clauses, key=len, reverse=True)[:MAX_CLAUSES]


_QUESTION_CUE = re.compile(r"[吗呢么嘛吧?？]|怎|咋|啥|什么|多久|多少|几|能不能|是不是|可不可以|行不行|要不要|有没有|会不会|"
                           r"算不算|哪|凭什么|谁|还.{0,6}不$|不$|区别|差别")
# A question clause shorter than this (凭什么, 行不行啊) takes the clause before it along.
SHORT_QUESTION_CHARS = 8


def story_question(text: str) -> str | None:
    """The asking part of a long story: its clauses with a question cue (吗, 怎么, 能不能, 多久 …).

    我妈七十多了 去年在银行…买了个理财 … 现在退只给一半 这不就是骗老人吗 → 这不就是骗老人吗.
    A short question clause keeps the clause before it (…你们说停效了不赔，凭什么). None for a
    short query, a one-clause story, or a story whose every clause asks.
    """
    if len(text) < STORY_MIN_CHARS:
        return None
    clauses = list(filter(None, _CLAUSE_BREAK.split(text)))
    if len(clauses) < 2:
        return None
    asking: list[str] = []
    for position, clause in enumerate(clauses):
        if _QUESTION_CUE.search(clause):
            if len(clause) < SHORT_QUESTION_CHARS and position > 0 and clauses[position - 1] not in asking:
                asking.append(clauses[position - 1])
            asking.append(clause)
    if not asking:
        asking = clauses[-2:]
    question = "，".join(asking)
    return question if question != "，".join(clauses) else None


def head_words(vocabulary: Iterable[str], words: WordFrequencies) -> list[str]:
    """The two-character words (in `words`) that begin or end at least HEAD_WORD_TERMS of the vocabulary's terms of
    three characters or more and are no term themselves: the domain's words that the glossary and the keywords only
    name inside longer terms (中止, 效力, 犹豫), for the typo corrector's vocabulary (qa25 S1: 中指了 生病能陪吗 was
    read as typed, a finger, since 中止 alone was no term)."""
    terms = {normalize(t) for t in vocabulary}
    counts: dict[str, int] = {}
    for term in terms:
        if len(term) >= 3 and _CJK_RUN.fullmatch(term):
            for part in {term[:2], term[-2:]}:
                counts[part] = counts.get(part, 0) + 1
    return sorted(p for p, n in counts.items() if n >= HEAD_WORD_TERMS and p not in terms and words.is_word(p))


def bigrams(texts: Iterable[str]) -> set[str]:
    """Every CJK bigram of the texts."""
    return {run[i:i + 2] for text in texts for run in _CJK_RUN.findall(normalize(text)) for i in range(len(run) - 1)}


def one_char_spoken(groups: Iterable[GlossaryGroup]) -> set[str]:
    """The glossary's one-character spoken words (Cantonese 咗, 嘅, 佢; 啥): words wherever they stand."""
    return {normalize(phrase) for group in groups for phrase in group.spoken if len(normalize(phrase)) == 1}


def spoken_phrases(groups: Iterable[GlossaryGroup]) -> set[str]:
    """The glossary's spoken phrases of two characters or more (系咪, 得唔得, 断咗保): words where they stand."""
    return {normalize(phrase) for group in groups for phrase in group.spoken if len(normalize(phrase)) > 1}
