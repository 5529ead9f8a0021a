"""Shared pieces of the instructor editor pages: the editor object and how a save's outcome is shown."""

from __future__ import annotations

import streamlit as st

from kb.yaml_source import Problem
from trainer.editing.editor import ContentEditor, SaveResult
from trainer.editing.fields import ENTRY
from ui.category_filter import ALL_CATEGORIES
from ui.i18n import counted, tr
from ui.render import escape_markdown
from ui import resources
from ui.resources import database, knowledge_base

# session_state key of the drafted file texts handed from an editor page to the hit test
HIT_TEST_DRAFT = "hit_test_draft"
# session_state key of the form cells a new entry opens with when another page starts it (搜索反馈)
EDITOR_PREFILL = "editor_prefill"


def content_editor() -> ContentEditor:
    """The editor over the shared knowledge base and database (cheap: holds no state of its own); the call judge
    reads a saved scenario's step examples for faults (asked for only then)."""
    return ContentEditor(knowledge_base(), database(), judge=lambda: resources.judge())


def open_new_entry(cells: dict[str, str], category: str | None) -> None:
    """Go to the content editor with a new FAQ entry whose form starts with `cells` (e.g. question, variants)."""
    st.session_state.update({"editor_kind": ENTRY, "editor_next_pick": "", "editor_category": ALL_CATEGORIES,
                             "editor_draft_key": None, EDITOR_PREFILL: dict(cells)})
    if category:
        st.session_state["editor_new_category"] = category
    st.switch_page("ui_pages/editor.py")


def field_messages(messages: dict[str, list[Problem]], *fields: str) -> None:
    """The problems of one form field, right under it, in the reader's language."""
    for name in fields:
        for problem in messages.get(name, []):
            st.error(escape_markdown(tr(problem.zh_message(), problem.message)), icon=":material/error:")


def show_problems(problems: list[Problem]) -> None:
    """Problems with their file:line, item and field, in the reader's language."""
    if problems:
        st.code("\n".join(tr(p.zh(), str(p)) for p in problems), language=None, wrap_lines=True)


def flagged_note(count: int) -> str:
    """What a save flagged and where to confirm it: "5 linked item(s) flagged for review" named no page, and the
    quiz items and scenarios to look at are listed on 修改历史 (qa25)."""
    return tr(f" {count} 项关联内容（测验题、情景等）已标记为待复核：请到“修改历史”逐项确认。",
              f" {counted(count, 'linked item')} (quiz items, scenarios …) {'is' if count == 1 else 'are'} marked for "
              f"review: confirm {'it' if count == 1 else 'them'} on Content history.")


def show_result(result: SaveResult, item_id: str | None = None) -> None:
    """A save's outcome: published, a conflict with the other person's change, or why it was refused."""
    if result.ok:
        st.success(tr("已保存并发布：所有会话立即使用新内容（搜索、训练和模拟通话）。",
                      "Saved and published: every session uses it now (search, training and practice calls).")
                   + (flagged_note(result.flagged) if result.flagged else ""), icon=":material/check_circle:")
        if result.reload_problems:
            st.warning(tr("内容中仍有其他问题，搜索继续使用上一版有效内容：", "The content still has other problems; search keeps the last good version:"))
            show_problems(result.reload_problems)
        return
    if result.conflict is not None:
        conflict = result.conflict
        who = tr("、", ", ").join(conflict.authors) if conflict.authors else tr("应用之外（例如 git）", "someone outside the app (e.g. git)")
        st.error(tr(f"未保存：在您打开后，{who} 修改了 {conflict.file}。为避免覆盖他人的修改，请查看下面的改动，重新载入最新版本后再编辑。",
                    f"Not saved: {who} changed {conflict.file} after you opened it. To avoid overwriting their work, "
                    "review their change below, reload the latest version and edit again."), icon=":material/sync_problem:")
        st.code(conflict.their_diff or tr("（文件已被删除或内容相同）", "(file deleted or identical)"), language="diff")
    if result.references:
        st.error(tr("不能删除：以下测验题或情景仍在使用此条目，请先修改它们：",
                    "Cannot delete: these quiz items or scenarios still use this entry; change them first:"))
        st.code("\n".join(str(r) for r in result.references), language=None)
    if result.error:
        st.error(tr("未保存：", "Not saved: ") + escape_markdown(result.error))
    if result.problems:
        # Only a page that draws the item's fields (内容编辑: `item_id`) shows messages under them; elsewhere (评判纠错, an
        # import, the history) every problem is listed below, and pointing at fields sent the reader looking (review46).
        st.error(tr("未保存：内容校验未通过（详见各字段下方的提示）。", "Not saved: the content did not validate (see the messages under the fields).")
                 if item_id is not None else
                 tr("未保存：内容校验未通过，问题如下。", "Not saved: the content did not validate; the problems are listed below."))
        others = result.other_problems(item_id) if item_id is not None else result.problems
        show_problems(others)
