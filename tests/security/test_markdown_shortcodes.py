"""Low finding: `:material/...:` (and emoji) shortcodes stay text inside escaped content."""

from __future__ import annotations

import re

import pytest

from ui.render import escape_markdown, highlight

SHORTCODE = re.compile(r":(material/[a-z_]+|[a-z_]+):")


def as_rendered(markdown: str) -> str:
    """What Streamlit's shortcode pass sees: Markdown with its backslash escapes resolved."""
    return re.sub(r"\\(.)", r"\1", markdown)


@pytest.mark.parametrize("text", [":material/home:", "点 :material/delete_forever: 删除", ":rocket::fire:",
                                  "12:30 到 13:45", "a:b:c"])
def test_escaped_text_forms_no_shortcode(text):
    for markdown in (escape_markdown(text), highlight(text, ["material"])):
        assert not SHORTCODE.search(as_rendered(markdown)), markdown
    assert as_rendered(escape_markdown(text)).replace("\u2060", "") == text  # the reader sees the same text
