"""修改历史 — who changed what and when, the diffs, restoring earlier versions, and linked content to review."""

from __future__ import annotations

import streamlit as st

from trainer.editing import history
from trainer.editing.change_summary import summary_zh
from trainer.editing.links import confirm_flag, open_flags
from ui.content_editing import content_editor, show_result
from ui.diff_view import show_diff
from ui.display import entry_text, quiz_prompt, shortened, time_heading, when
from ui.limits import LINE_CHARS
from ui.i18n import tr
from ui.pages import require_page_user
from ui.render import escape_markdown
from ui.resources import database, knowledge_base, scenarios

ACTION_NAMES = {"create": ("新建", "create"), "update": ("修改", "update"), "delete": ("删除", "delete"),
                "restore": ("恢复", "restore"), "import": ("导入", "import")}

user = require_page_user(__file__)
db = database()
editor = content_editor()


def item_words(kind: str, item_id: str) -> str:
    """A flagged quiz item's question or scenario's title, in the UI language ("" when it is gone)."""
    if kind == "quiz":
        item = knowledge_base().content.quiz_items.get(item_id)
        return quiz_prompt(item) if item else ""
    scenario = scenarios()[0].get(item_id)
    return tr(scenario.title, scenario.title_en or scenario.title) if scenario else ""


def flagged_words(kind: str, item_id: str, entry_id: str) -> str:
    """The flagged item's own words and the changed entry's question, under the ids: ids alone made 钱老师 open each of
    the five her import flagged to know what to review (qa29)."""
    entry = knowledge_base().content.entries.get(entry_id)
    words = [shortened(item, 60)] if (item := item_words(kind, item_id)) else []
    words += [tr("条目：", "entry: ") + shortened(entry_text(entry, "question"), 40)] if entry else []
    return escape_markdown(" · ".join(words))


st.title(tr("修改历史", "Content history"))
if "history_result" in st.session_state:
    show_result(st.session_state.pop("history_result"))

flags = open_flags(db)
st.subheader(tr(f"待复核的关联内容（{len(flags)}）", f"Linked content to review ({len(flags)})"))
if not flags:
    st.caption(tr("没有待复核的内容。", "Nothing to review."))
for flag in flags:
    row = st.columns([4, 1])
    kind = tr("测验题", "quiz item") if flag.kind == "quiz" else tr("情景", "scenario")
    row[0].markdown(tr(f"{kind} `{flag.item_id}` 使用的条目 `{flag.entry_id}` 已修改（修改 #{flag.change_id}）",
                       f"{kind} `{flag.item_id}` uses `{flag.entry_id}`, which changed (change #{flag.change_id})"))
    if words := flagged_words(flag.kind, flag.item_id, flag.entry_id):
        row[0].caption(words)
    if row[1].button(tr("已复核", "Reviewed"), key=f"confirm_flag_{flag.id}"):
        confirm_flag(db, flag.id, user.login)
        st.rerun()

st.divider()
st.subheader(tr("修改记录", "Changes"))
item_filter = st.text_input(tr("只看某个条目 / 测验题 / 情景 id（留空看全部）", "Only this entry / quiz item / scenario id (empty: all)"),
                            key="history_item", max_chars=LINE_CHARS).strip()
changes = history.changes(db, item_id=item_filter or None)
if not changes:
    st.caption(tr("还没有修改记录。", "No changes recorded yet."))
    st.stop()
st.dataframe([{"#": c.id, time_heading("时间", "when"): when(c.at), tr("作者", "author"): c.author,
               tr("操作", "action"): tr(*ACTION_NAMES.get(c.action, (c.action, c.action))), tr("文件", "file"): c.file,
               tr("条目", "item"): c.item_id, tr("说明", "summary"): tr(summary_zh(c.summary), c.summary)} for c in changes], hide_index=True)
picked = st.selectbox(tr("查看修改", "Show change"), [c.id for c in changes], key="history_pick",
                      placeholder=tr("选择一次修改", "Choose a change"),
                      format_func=lambda i: next(f"#{c.id} · {c.author} · {tr(summary_zh(c.summary), c.summary)}"
                                                 for c in changes if c.id == i))
chosen = next(c for c in changes if c.id == picked)
if chosen.diff:
    show_diff(chosen.diff)
else:
    st.caption(tr("（无差异）", "(no difference)"))


def later_changes_warning(chosen) -> None:
    """Say which later changes a restore would take back with it: 王老师 undid a wrong figure saved as #1 and lost,
    without a word, the variants she had added to the same entry in #2 (qa18)."""
    later = sorted(history.changes(db, file=chosen.file, since_id=chosen.id, limit=100_000), key=lambda c: c.id)
    of_item = [c for c in later if chosen.item_id and c.item_id == chosen.item_id]
    if of_item:
        numbers = "、".join(f"#{c.id}" for c in of_item)
        st.warning(tr(f"这次修改之后，`{chosen.item_id}` 又改过 {len(of_item)} 次（{numbers}）：恢复到这次修改之前，会把这些修改一并撤销。"
                      "只想改回这一处，请在“内容编辑”里直接修改。",
                      f"`{chosen.item_id}` changed {len(of_item)} more time(s) after this ({numbers}): restoring it to before "
                      "this change takes those back too. To undo only this change, edit it in the content editor."),
                   icon=":material/warning:")
    if later:
        numbers = "、".join(f"#{c.id}" for c in later)
        st.caption(tr(f"恢复整个文件 `{chosen.file}` 也会撤销之后对它的 {len(later)} 次修改（{numbers}）。",
                      f"Restoring the whole file `{chosen.file}` also takes back its {len(later)} later change(s) ({numbers})."))


later_changes_warning(chosen)
left, middle, right = st.columns(3)
if chosen.item_id and left.button(tr("把此条目恢复到这次修改之前", "Restore this item to before this change"), key="restore_item"):
    st.session_state["history_result"] = editor.restore_item(chosen.id, user.login, side="before")
    st.rerun()
# A change of no one item (an import, a restore) is undone file by file: without this, an import could only be
# taken back by rolling back everything after an earlier change, and the first change not at all (qa15).
if not chosen.item_id and left.button(tr("把整个文件恢复到这次修改之前", "Restore the whole file to before this change"),
                                      key="restore_file_before"):
    st.session_state["history_result"] = editor.restore_file(chosen.id, user.login, side="before")
    st.rerun()
if middle.button(tr("把整个文件恢复到这次修改之后的版本", "Restore the whole file to right after this change"), key="restore_file"):
    st.session_state["history_result"] = editor.restore_file(chosen.id, user.login, side="after")
    st.rerun()
with right.popover(tr("回滚全部内容……", "Roll back everything…")):
    st.caption(tr(f"撤销 #{chosen.id} 之后的所有修改（会记录为一次新的修改）。", f"Undo every change after #{chosen.id} (recorded as a new change)."))
    if st.button(tr("确认回滚", "Roll back"), key="rollback", type="primary"):
        st.session_state["history_result"] = editor.rollback_to(chosen.id, user.login)
        st.rerun()
