"""An unsent line in a chat box, kept in the browser over a visit to another page.

st.chat_input sends on Enter, which a trainee does dozens of times a call (in an exam, against a
countdown), but its unsent text lives only in the browser's box: nothing reaches the server until
Enter, so a page visit mid-call lost the line. A text box that hands its text to the server on
losing focus could keep it, but then Enter no longer sends (polish15, taken back). So the text is
kept where it is typed: a small script notes the box's text in the tab's sessionStorage as it is
typed and puts it back when the box is drawn again. The note is named after the user, the call
and the turn, so a sent line (the turn moves on) or another call or user never gets it back, and
the tab's other notes are dropped whenever the box is drawn. It costs the server no rerun.
"""

from __future__ import annotations

import json

import streamlit as st

PREFIX = "agent-trainer-reply-draft:"

SCRIPT = """<script>(() => {
const name = __NAME__, prefix = __PREFIX__, selector = __SELECTOR__;
for (let i = sessionStorage.length - 1; i >= 0; i--) {
  const other = sessionStorage.key(i);
  if (other && other.startsWith(prefix) && other !== name) sessionStorage.removeItem(other);
}
window.__agentTrainerDraftName = name;  // the one listener notes under the turn now drawn
if (!window.__agentTrainerDraftListener) {
  window.__agentTrainerDraftListener = true;
  document.addEventListener("input", event => {
    const box = event.target;
    if (box instanceof HTMLTextAreaElement && box.matches(selector) && window.__agentTrainerDraftName)
      sessionStorage.setItem(window.__agentTrainerDraftName, box.value);
  }, true);
}
const kept = sessionStorage.getItem(name);
if (!kept) return;
let tries = 0;
const putBack = () => {
  const box = document.querySelector(selector);
  if (!box) { if (++tries < 100) setTimeout(putBack, 50); return; }
  if (box.value) return;
  // Through the native setter and an input event, so the box's own state (what Enter sends) has it.
  Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value").set.call(box, kept);
  box.dispatchEvent(new Event("input", {bubbles: true}));
};
putBack();
})();</script>"""


def draft_name(user_id: int, call_id: int, turn: int) -> str:
    """The note's name: one per user, call and turn, so a line sent (or another call's) never comes back."""
    return f"{PREFIX}{user_id}:{call_id}:{turn}"


def keep_chat_draft(input_key: str, name: str) -> None:
    """Keep the unsent text of the st.chat_input drawn with `input_key` under `name` in this browser tab."""
    selector = f".st-key-{input_key} textarea"
    st.html(SCRIPT.replace("__NAME__", json.dumps(name)).replace("__PREFIX__", json.dumps(PREFIX))
            .replace("__SELECTOR__", json.dumps(selector)), unsafe_allow_javascript=True)
