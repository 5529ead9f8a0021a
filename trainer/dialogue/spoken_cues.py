"""A scenario's cue as a trainee actually says it, not only letter for letter.

A cue list is a phrase match, written in the script's Mandarin. qa20's trainees said the same words their own way and
the step or the customer's question stayed open:

- a northern agent's pronouns: 恁 for 您, 俺 for 我, 自个儿 / 自个 for 自己 (恁自个儿拿主意 is 您自己拿主意; the search
  reads the same dialect in `content/glossary.yaml`, but that reads the customer's question, not the agent's reply);
- a word a script writes short and a trainee says long: 没法 is said 没办法 / 没有办法 (这几个要求我没办法答应您 is
  没法答应: the tune call of media-threat-unreasonable-demand refused the demand in those words and the customer
  said 我问的你还没回答！, her question and the refusal step open);
- a separable verb with its aspect particle inside it: 录着音 is 录音, 撤了单 is 撤单 (离合词: only a two-character cue,
  and only 着 / 了 / 过 between its characters).

`spoken_forms` returns the stretches of the reply that say a cue, so the quote stays the trainee's own words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

# Mandarin word in a cue → how a northern (Henan, Shandong, Hebei) agent says it. Longest spoken form first.
DIALECT_FORMS = {"您": ("恁",), "自己": ("自个儿", "自个"), "我": ("俺",)}
# Mandarin word in a cue → its longer everyday form (the same meaning in more words). Longest first.
LONG_FORMS = {"没法": ("没有办法", "没办法")}
SPOKEN_FORMS = {**DIALECT_FORMS, **LONG_FORMS}
ASPECT_PARTICLES = "着了过"
_HAN = re.compile(r"[\u4e00-\u9fff]{2}")


@lru_cache(maxsize=2048)
def cue_pattern(cue: str) -> re.Pattern:
    """The cue's own letters, or with its dialect words or long forms, or (a two-character cue) split by an aspect
    particle."""
    words = sorted(SPOKEN_FORMS, key=len, reverse=True)
    parts = re.split(f"({'|'.join(map(re.escape, words))})", cue)
    pattern = "".join(f"(?:{'|'.join(map(re.escape, (p, *SPOKEN_FORMS[p])))})" if p in SPOKEN_FORMS
                      else re.escape(p) for p in parts if p)
    if _HAN.fullmatch(cue):
        pattern = f"(?:{re.escape(cue)}|{re.escape(cue[0])}[{ASPECT_PARTICLES}]{re.escape(cue[1])})"
    return re.compile(pattern)


def spoken_forms(text: str, cues: Iterable[str]) -> list[str]:
    """The words of `text` that say one of `cues` (each once, in the cues' order): the cue itself where it is there."""
    found: list[str] = []
    for cue in cues:
        if cue in text:
            found.append(cue)
            continue
        found.extend(m.group() for m in cue_pattern(cue).finditer(text))
    return list(dict.fromkeys(found))
