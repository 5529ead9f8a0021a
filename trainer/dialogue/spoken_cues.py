"""A scenario's cue as a trainee actually says it, not only letter for letter.

A cue list is a phrase match, written in the script's Mandarin. qa20's trainees said the same words their own way and
the step or the customer's question stayed open:

- in their region's words: 恁自个儿拿主意 is 您自己拿主意, 俺 is 我. The cue is matched in the reply's Mandarin
  reading (`regional_speech`, the one table of regional words the judge's rules read too), and the words found are
  mapped back to the trainee's own (`MandarinReading.said_span`), so a finding quotes what she said;
- a separable verb with its aspect particle inside it: 录着音 is 录音, 撤了单 is 撤单 (离合词: only a two-character cue,
  and only 着 / 了 / 过 between its characters);
- a longer cue said with a word or two more inside it (`MAX_GAP`): 一般是不能理赔的 says 一般不能赔 (the tune call of
  lapse-reinstatement answered 那我这几个月要是生病了，能赔吗？ in those words, and she asked it again four turns),
  保障先暂停 says 保障暂停, 全部的保费 says 全部保费, and a word the script writes short is said long — 没办法答应 /
  没有办法答应 say 没法答应 (the tune call of media-threat-unreasonable-demand refused the demand in those words and
  the customer said 我问的你还没回答！). Only inside one clause (the characters between are Chinese characters, never a
  comma or a figure) and never a negation (一般不是不能赔 turns it around).

- a two-character cue said with a measure word inside it: 举个例子 / 举一个例子 is 举例 (calls45: cw3-g's callback-elderly
  trainee told the illustration was 只系打个比方、举个例子 before she asked, and 那说明书上印的那些分红数字是什么意思？
  stayed 未回应问题 to the close).

- with a typing slip in it (`reader`: the session's reading, `Detectors.reading`, reads a reply's pinyin slips as the
  content's terms too, `typo_reading`): 由于期内 says 犹豫期内, 理陪 says 理赔 — judge43h read the slips for the
  behaviour rules but a step said with one stayed open (calls44), and the quote stays the typed words.

- a cue of two verb phrases sharing their verb (录音录像: 录音 and 录像) said as its two halves, each as a separable verb
  may be said, with a pause or 和 / 又 between them: 录了音、录了像 says 录音录像 (calls49: cw5-a's callback-elderly trainee
  asked "买的时候银行是不是给您录了音、录了像？", the double-recording step stayed open, and every later step of the
  callback's order was 顺序错误 — the call closed with three steps open). Not an A-not-A question (清不清楚).

- a refusal said with the potential complement: 答应不了 says 没法答应 / 不能答应 (a cue 无法 / 没法 / 没办法 / 不能 + a verb
  may be said as the verb + 不了; cw3-h's media-threat-unreasonable-demand refused the demand in 这个要求额这边答应不了 and
  the customer asked 能不能办？ three times, calls43t).
- with 你 where the script writes 您 (qa23 T3): a learner on the English UI, and many regional agents, say 你 — "选哪个方法是
  你自己决定" says the cue 您自己决定 (the step 尊重客户自己的决定 stayed open while the same words with 您 met it). Which
  pronoun she uses is manners, not whether she did the step.
- a refusal in everyday or regional words: a cue that is itself a refusal of her demand (没法答应, 无法当场承诺) is said by
  any negated ability or authority to grant (`refusals.DECLINED`: 做不了这个主, 办不到, 冇这个权限, 满足不了 — calls46).

`spoken_forms` returns the stretches of the reply that say a cue, so the quote stays the trainee's own words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from kb.text import occurrences
from trainer.dialogue.refusals import DECLINED, is_refusal_cue
from trainer.dialogue.regional_speech import MandarinReading, mandarin_reading

ASPECT_PARTICLES = "着了过"
# A cue of at least GAPPED_FROM characters may be said with at most MAX_GAP characters more inside it (one or two at
# a place): 是 / 理 in 一般是不能理赔 (一般不能赔), 有办 in 没有办法答应 (没法答应). Not a negation, which would turn it around.
GAPPED_FROM = 3
MAX_GAP = 2
NEGATION_CHARACTERS = "不没无非未别莫甭勿"
_GAP = f"(?:(?![{NEGATION_CHARACTERS}])[\\u4e00-\\u9fff])"
_HAN = re.compile(r"[\u4e00-\u9fff]{2}")
_HAN_CUE = re.compile(r"[\u4e00-\u9fff]+")
# What may stand between the two halves of a coordinated cue (录了音、录了像 / 录音和录像 / 录了音，又录了像).
_BETWEEN_HALVES = "(?:[、，,和跟与及又也还或]|或者){0,2}"
_CANNOT = re.compile(r"(?:无法|没法|没办法|不能)([\u4e00-\u9fff]{2,})")  # the verb after it says 不了 (答应不了)
# A cue's 您 said as 你 (`_letters`): learners and many agents say 你 (qa23 T3).
POLITE_YOU, PLAIN_YOU = "您", "你"
# How a reply is read before its cues are looked up: its Mandarin reading, or the session's (slips read too).
Reader = Callable[[str], MandarinReading]


def _letters(words: str) -> str:
    """`words` as a pattern, its 您 said 您 or 你 (`PLAIN_YOU`)."""
    return "".join(f"[{POLITE_YOU}{PLAIN_YOU}]" if c == POLITE_YOU else re.escape(c) for c in words)


def _coordinated(cue: str) -> bool:
    """A cue of two two-character verb phrases sharing their verb (录音录像, 有多有少): not 清不清楚 (A-not-A)."""
    return len(cue) == 4 and bool(_HAN_CUE.fullmatch(cue)) and cue[0] == cue[2] and cue[1] not in NEGATION_CHARACTERS


def _two_characters(word: str) -> str:
    """A two-character word as said: itself, split by an aspect particle (录了音) or a measure word (举个例)."""
    first, second = map(_letters, word)
    return f"(?:{first}{second}|{first}[{ASPECT_PARTICLES}]{second}|{first}一?个{second})"


def _longest(cue: str) -> int:
    """How long a spoken form of `cue` may be: a few characters inside it; a coordinated cue's halves said apart, each
    with a particle and a pause or 和 / 又 between them."""
    return len(cue) + (2 * MAX_GAP if _coordinated(cue) else MAX_GAP)


@lru_cache(maxsize=2048)
def cue_pattern(cue: str) -> re.Pattern:
    """The cue's own letters (its 您 said 您 or 你), or (a two-character cue) split by an aspect particle or a measure word (举个例), or (a cue of Chinese characters
    only, `GAPPED_FROM` or longer) with a few characters inside it, or (a coordinated cue) its halves said apart, or (a cue of 没法 / 不能 + a verb) the verb + 不了, or (a
    cue refusing her demand, `refusals.is_refusal_cue`) any refusal `refusals.DECLINED` reads."""
    pattern = _letters(cue)
    if _HAN.fullmatch(cue):
        pattern = _two_characters(cue)
    elif len(cue) >= GAPPED_FROM and _HAN_CUE.fullmatch(cue):
        pattern = f"(?:{pattern}|{f'{_GAP}{{0,{MAX_GAP}}}?'.join(map(_letters, cue))})"
    if _coordinated(cue):
        pattern = f"(?:{pattern}|{_two_characters(cue[:2])}{_BETWEEN_HALVES}{_two_characters(cue[2:])})"
    cannot = _CANNOT.fullmatch(cue)
    if cannot:
        pattern = f"(?:{pattern}|{_letters(cannot.group(1))}不了)"
    if is_refusal_cue(cue):
        pattern = f"(?:{pattern}|{DECLINED.pattern})"
    return re.compile(pattern)


@lru_cache(maxsize=4096)
def _reading(text: str) -> MandarinReading:
    """The reply's Mandarin reading, read once per reply (every cue of every step and question is looked up in it)."""
    return mandarin_reading(text)


def spoken_forms(text: str, cues: Iterable[str], reader: Reader | None = None) -> list[str]:
    """The words of `text` that say one of `cues` (each once, in the cues' order): the cue itself where it is there,
    else its spoken form where that holds no cue said as written (您都清楚了吗 is 都清楚了吗, not 您清楚吗 too).
    `reader` reads the reply (default: its Mandarin reading); what it finds is quoted in the trainee's words."""
    cues = list(cues)
    reading = (reader or _reading)(text)
    plain = [(at, at + len(cue)) for cue in cues for at in occurrences(reading.text, cue)]
    letters = set(reading.text) | ({POLITE_YOU} if PLAIN_YOU in reading.text else set())
    found: list[str] = []
    for cue in cues:
        if cue in text:
            found.append(cue)
            continue
        cannot = _CANNOT.fullmatch(cue)
        if not is_refusal_cue(cue) and not letters.issuperset(cannot.group(1) if cannot else cue):
            continue  # most cues: one of its letters is not said at all, so no form of it is (the search costs half)
        found.extend(reading.said_span(*m.span()) for m in cue_pattern(cue).finditer(reading.text)
                     if m.group() == cue or len(m.group()) <= _longest(cue)
                     and not any(a < m.end() and m.start() < b for a, b in plain))
    return list(dict.fromkeys(found))
