"""Showing content text safely: literal (no HTML, no Markdown surprises), with highlights."""

from __future__ import annotations

import re

from ui.i18n import tr

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~<&$:])")
# Streamlit turns :material/name: and :emoji_name: into icons *after* Markdown has removed the
# backslash escapes, so an escaped colon is not enough: a word joiner (U+2060, invisible, not a
# space) after each colon keeps a shortcode from forming.
WORD_JOINER = "\u2060"
# One pair of icons for right/wrong and done/fault on every page, from Streamlit's bundled Material
# Symbols: an emoji (✅/❌) is an empty box where the browser has no emoji font (Debian's Chromium).
RIGHT_ICON, WRONG_ICON = ":material/check_circle:", ":material/cancel:"


def mark(ok: bool) -> str:
    """Markdown of a good finding or a fault: a coloured icon and a word, so neither colour nor icon carries it alone."""
    return f":green[{RIGHT_ICON} {tr('做到', 'good')}]" if ok else f":red[{WRONG_ICON} {tr('不足', 'fault')}]"


def escape_markdown(text: str) -> str:
    """Text that st.markdown shows exactly as written (tags, Markdown syntax and icon shortcodes stay literal)."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", text or "")
    return escaped.replace("\\:", "\\:" + WORD_JOINER).replace("\n", "  \n")


def highlight(text: str, terms: tuple[str, ...] | list[str], whole_terms: tuple[str, ...] | list[str] = ()) -> str:
    """Escaped Markdown of `text` with each matched term on a highlighted background.

    A match inside a longer known term (`whole_terms`, the glossary's) that was not matched
    itself stays plain: the query's 乳腺癌 matched the text's 腺癌, which must not light up
    inside 甲状腺癌. Touching matches are one highlight (为什么要…, not 为什 | 么要…)."""
    text = text or ""
    terms = sorted({t for t in terms if t and t in text}, key=len, reverse=True)
    if not terms:
        return escape_markdown(text)
    pattern = re.compile("|".join(re.escape(t) for t in terms))
    spans = [(m.start(), m.end()) for m in pattern.finditer(text) if not _inside_other_term(text, m, terms, whole_terms)]
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and merged[-1][1] == start:
            merged[-1][1] = end
        else:
            merged.append([start, end])
    parts, last = [], 0
    for start, end in merged:
        parts.append(escape_markdown(text[last:start]))
        parts.append(f":orange-background[{escape_markdown(text[start:end])}]")
        last = end
    parts.append(escape_markdown(text[last:]))
    return "".join(parts)


def _inside_other_term(text: str, match: re.Match, terms: list[str], whole_terms: tuple[str, ...] | list[str]) -> bool:
    """Whether the match is a strict part of an occurrence of a known term that is not itself matched."""
    for word in whole_terms:
        if not word or word in terms or len(word) <= len(match.group(0)) or word not in text:
            continue
        earliest = max(0, match.end() - len(word))
        for found in re.finditer(re.escape(word), text[earliest:match.start() + len(word)]):
            if earliest + found.start() <= match.start() and match.end() <= earliest + found.end():
                return True
    return False
