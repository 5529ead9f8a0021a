"""Under a new FAQ entry's form: the existing entries its question already finds (qa22 I1).

A second entry for a question the index already answers outranked the curated one and split its hits; the instructor
is told which entry search gives now, how sure it is and for which of her wordings, and saves only by ticking
仍然新建 (a deliberate second entry is hers to make)."""

from __future__ import annotations

import streamlit as st

from kb import KnowledgeBase
from trainer.editing.near_entries import AlreadyFound, already_found
from ui.i18n import tr
from ui.render import code_span, escape_markdown

_MEMO = "_near_entries_memo"  # (wordings, content hash) → what they found: the form reruns on every field left


def _found(kb: KnowledgeBase, wordings: tuple[str, ...], own_id: str) -> list[AlreadyFound]:
    memo_key = (wordings, own_id, kb.content.content_hash)
    memo = st.session_state.get(_MEMO)
    if memo is None or memo[0] != memo_key:
        memo = (memo_key, already_found(lambda q: kb.search(q, k=3), wordings, own_id))
        st.session_state[_MEMO] = memo
    return memo[1]


def new_entry_confirmed(kb: KnowledgeBase, question: str, variants: str, own_id: str, checkbox: dict) -> bool:
    """Warn of the entries the draft's wordings already find; True when there are none or 仍然新建 is ticked
    (`checkbox`: the tick box's key arguments)."""
    wordings = tuple(w.strip() for w in [str(question or ""), *str(variants or "").splitlines()] if w.strip())
    found = _found(kb, wordings, own_id)
    if not found:
        return True
    lines = "\n".join(
        f"- {code_span(f.hit.id)} {escape_markdown(f.hit.question)}"
        + tr(f"（相关度 {f.hit.relevance:.2f}，由“{escape_markdown(f.wording)}”搜到）",
             f" (relevance {f.hit.relevance:.2f}, found by “{escape_markdown(f.wording)}”)") for f in found)
    # Said as what search does, not as a claim that the entries are alike: a wording search answers wrongly finds an
    # entry on another subject (qa23's I3: 网上买的保险有没有发票 → excl-online-phone-sales, 0.88).
    st.warning(tr("搜索现在把这个问题答成下面的条目，请先看是不是同一个问题。是同一个：新条目会和它抢同一类问题，较好的答案可能被"
                  "挤到后面，请改进那一条（在上方“选择”中打开它）。不是同一个（搜索答错了）：请勾选“仍然新建”再保存。\n\n",
                  "Search now answers this question with the entry below: check whether it is the same question. If it "
                  "is, a new entry would compete with it for the same questions and may push the better answer down: "
                  "improve that entry instead (open it under Pick one above). If it is not (search answers it wrongly), "
                  "tick “Create it anyway” and save.\n\n")
               + lines, icon=":material/content_copy:")
    return st.checkbox(tr("仍然新建", "Create it anyway"), **checkbox)


NOT_CONFIRMED = ("没有保存：这个问题已经能搜到现有条目（见上方）。请改进那一条，或勾选“仍然新建”。",
                 "Not saved: this question already finds an existing entry (see above). Improve that one, or tick "
                 "“Create it anyway”.")
