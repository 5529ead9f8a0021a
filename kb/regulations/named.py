"""Find the article a question names outright: "保险法第十六条", "《保险法》第16条", "重疾规范 3.1.1.3".

An agent who types a citation wants that article, not the ones closest in meaning: search by meaning
ranked 保险法第三十二条 above 第十六条 for "保险法第十六条" (both are about 如实告知). A named article
goes first, whatever the gate thinks of the rest.
"""

from __future__ import annotations

import re
import unicodedata

from kb.regulations.library import Article, Library, parse_article_ref
from kb.regulations.numbering import NUMERAL_CHARS
from kb.text import occurrences

_BETWEEN = r"[\s《》〈〉<>「」“”\"'的:：,，]*"
_ARTICLE_AFTER = re.compile(rf"^{_BETWEEN}(第?[{NUMERAL_CHARS}\d]+条(?:之[{NUMERAL_CHARS}]+)?|\d+(?:\.\d+)+)")


def named_article(library: Library, query: str) -> Article | None:
    """The article a query names by document and number (None when it names none that exists).

    The longest document name wins, so "保险法司法解释三第十八条" is JI-3's, not 保险法's.
    """
    text = unicodedata.normalize("NFKC", query or "")
    found: list[tuple[int, Article]] = []
    for document in library.documents.values():
        for name in document.names:
            if len(name) < 2:
                continue
            for start in occurrences(text, name):
                match = _ARTICLE_AFTER.match(text[start + len(name):])
                ref = parse_article_ref(document.structure, match.group(1)) if match else None
                article = document.article(ref.label) if ref else None
                if article is not None:
                    found.append((len(name), article))
    return max(found, key=lambda pair: pair[0])[1] if found else None
