"""Showing content text safely: literal (no HTML, no Markdown surprises), with highlights."""

from __future__ import annotations

import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~<&$:])")
# Streamlit turns :material/name: and :emoji_name: into icons *after* Markdown has removed the
# backslash escapes, so an escaped colon is not enough: a word joiner (U+2060, invisible, not a
# space) after each colon keeps a shortcode from forming.
WORD_JOINER = "\u2060"
RIGHT, WRONG = "✅", "❌"  # one pair of marks for right/wrong and done/fault on every page


def mark(ok: bool) -> str:
    """The mark of a right answer or a good finding (✅), or of a wrong one or a fault (❌)."""
    return RIGHT if ok else WRONG


def escape_markdown(text: str) -> str:
    """Text that st.markdown shows exactly as written (tags, Markdown syntax and icon shortcodes stay literal)."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", text or "")
    return escaped.replace("\\:", "\\:" + WORD_JOINER).replace("\n", "  \n")


def highlight(text: str, terms: tuple[str, ...] | list[str]) -> str:
    """Escaped Markdown of `text` with each matched term on a highlighted background."""
    terms = sorted({t for t in terms if t and t in (text or "")}, key=len, reverse=True)
    if not terms:
        return escape_markdown(text)
    pattern = re.compile("|".join(re.escape(t) for t in terms))
    parts, last = [], 0
    for match in pattern.finditer(text):
        parts.append(escape_markdown(text[last:match.start()]))
        parts.append(f":orange-background[{escape_markdown(match.group(0))}]")
        last = match.end()
    parts.append(escape_markdown(text[last:]))
    return "".join(parts)
