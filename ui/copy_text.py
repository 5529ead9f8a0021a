"""Text to read out, drawn with the page and copied with one click.

The 话术 was an `st.code` block, whose copy button came free; but Streamlit loads a 1.56 MB syntax-highlighter chunk
the first time a page load shows `st.code`, and on a slow line the script stayed an empty grey box some 30 s after the
answer (qa22 G1). Here the words are plain Markdown (drawn with the answer, read by a screen reader as text) and the
copy button is a few lines of script in its own small frame (no chunk to fetch: the frame's markup comes with the page)."""

from __future__ import annotations

import json

import streamlit as st

from ui.i18n import tr
from ui.render import escape_markdown

# A real <button> (keyboard and screen reader reach it by its words); the clipboard API, with a hidden textarea as the
# fallback where the frame may not write to the clipboard.
BUTTON = """<style>html, body {overflow: hidden}</style>
<button id="c" type="button" style="font: 14px sans-serif; padding: 4px 12px; border: 1px solid #d6d6d9;
border-radius: 6px; background: #fff; color: #31333f; cursor: pointer">__LABEL__</button>
<script>
const text = __TEXT__, texts = __TEXTS__, button = document.getElementById("c");
function done(ok) {
  button.textContent = ok ? texts.done : texts.failed;
  setTimeout(() => { button.textContent = texts.label; }, 2000);
}
function fallback() {
  const area = document.createElement("textarea");
  area.value = text; document.body.appendChild(area); area.select();
  let ok = false; try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
  area.remove(); done(ok);
}
button.addEventListener("click", () => {
  if (navigator.clipboard) { navigator.clipboard.writeText(text).then(() => done(true), fallback); } else { fallback(); }
});
</script>"""


COPY_LABEL = ("复制话术", "Copy the script")  # the button under the words, as 使用指南 names it


def plain_text(text: str) -> None:
    """`text` as it is written, line by line, in a bordered box: what `st.code` showed, without its highlighter chunk
    (a content problem list on the search page pulled it in for an instructor, polish34)."""
    with st.container(border=True):
        st.markdown(escape_markdown(text))


def copyable_text(text: str) -> None:
    """`text` as plain words in a bordered box, with a 复制 button under it that puts exactly `text` on the clipboard."""
    words = text.strip()
    plain_text(words)
    texts = {"label": tr(*COPY_LABEL), "done": tr("已复制", "Copied"),
             "failed": tr("复制失败：请手动选中文字复制", "Could not copy: select the words and copy them")}
    # st.iframe, not components.html: it names the frame (its title), which a screen reader says before the button
    # inside; components.html's frame was "st.iframe", read out as "frame" (polish34). st.iframe's frame may scroll:
    # the markup's style keeps it still, as components.html's did.
    st.iframe(BUTTON.replace("__LABEL__", texts["label"]).replace("__TEXT__", _script_literal(words))
              .replace("__TEXTS__", _script_literal(texts)), height=40, alt=texts["label"])


def _script_literal(value: object) -> str:
    """`value` as a JavaScript literal that cannot close the <script> it sits in (a script holding </script>)."""
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")
