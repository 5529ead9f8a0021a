"""内容编辑 — instructors browse, create, edit and delete FAQ entries and quiz items."""

from __future__ import annotations

import streamlit as st

from kb.yaml_source import Problem
from trainer.editing.browse import all_tags, matching_items
from trainer.editing.editor import SaveResult
from trainer.editing.fields import ENTRY, QUIZ, cells_of, item_from_cells
from trainer.editing.yaml_style import YamlEditError
from ui.content_editing import HIT_TEST_DRAFT, content_editor, field_messages, show_result
from ui.display import category_name
from ui.i18n import tr
from ui.pages import require_page_user
from ui.resources import knowledge_base
from ui.widget_memory import forget, keep

NEW = ""
QUIZ_TYPES = ("single", "multiple", "true_false", "fill_blank")

user = require_page_user(__file__)
kb = knowledge_base()
editor = content_editor()
content = kb.content
categories = kb.categories()

st.title(tr("内容编辑", "Content editor"))
kind = st.radio(tr("内容类型", "Content type"), [ENTRY, QUIZ], horizontal=True, key=keep("editor_kind"),
                format_func=lambda k: tr("知识库条目", "FAQ entries") if k == ENTRY else tr("测验题", "Quiz items"))


filter_col, tag_col, text_col = st.columns(3)
category = filter_col.selectbox(tr("分类", "Category"), [None, *categories], format_func=category_name, key=keep("editor_category"))
tag = tag_col.selectbox(tr("标签", "Tag"), [None, *all_tags(content)], key=keep("editor_tag"), disabled=kind != ENTRY,
                        format_func=lambda t: tr("全部标签", "All tags") if t is None else t)
text = text_col.text_input(tr("包含文字", "Containing text"), key=keep("editor_text"))
items = matching_items(content, kind, category, tag if kind == ENTRY else None, text)
next_pick = st.session_state.pop("editor_next_pick", None)  # a save or delete chose what to show next
if next_pick is not None and (next_pick == NEW or next_pick in {item.id for item in items}):
    st.session_state[f"editor_pick_{kind}"] = next_pick
labels = {item.id: f"{item.id} · {(item.question if kind == ENTRY else item.prompt)[:40]}" for item in items}
picked = st.selectbox(tr(f"选择（{len(items)} 条符合）", f"Pick one ({len(items)} match)"), [NEW, *labels],
                      format_func=lambda i: tr("＋ 新建", "＋ New") if i == NEW else labels[i], key=keep(f"editor_pick_{kind}"))
new_category = None
if picked == NEW:
    new_category = st.selectbox(tr("新建到分类", "Create in category"), list(categories), format_func=category_name,
                                index=list(categories).index(category) if category in categories else 0,
                                key=keep("editor_new_category"))

# The draft (with the file's text at opening) lives in the session until it is saved or another item is picked.
draft_key = (kind, picked, new_category)
if st.session_state.get("editor_draft_key") != draft_key or "editor_draft" not in st.session_state:
    st.session_state["editor_draft"] = editor.new_item(kind, new_category) if picked == NEW else editor.open_item(kind, picked)
    st.session_state["editor_draft_key"] = draft_key
    st.session_state["editor_version"] = st.session_state.get("editor_version", 0) + 1
    forget(f"{ENTRY}-")  # the closed draft's fields
    forget(f"{QUIZ}-")
    st.session_state.pop("editor_result", None)
draft = st.session_state["editor_draft"]
version = st.session_state["editor_version"]
result: SaveResult | None = st.session_state.get("editor_result")
messages = result.field_problems(draft.item_id or "") if result is not None else {}
if result is not None:
    show_result(result, draft.item_id or "")

if picked != NEW:
    loaded = content.entries.get(picked) if kind == ENTRY else content.quiz_items.get(picked)
    cells = cells_of(kind, loaded)
else:
    prefix = categories[new_category].prefix if kind == ENTRY else "q-"
    cells = {"id": prefix, "difficulty": 1, "type": "single"}


def widget(name: str) -> str:
    """A form field's key: new for each opened draft, and kept while the user visits other pages."""
    return keep(f"{kind}-{version}-{name}")


def lines_help() -> str:
    return tr("每行一项", "one per line")


values: dict[str, object] = {}
with st.form(f"editor-form-{kind}"):
    field_messages(messages, "")
    values["id"] = st.text_input("id", value=cells["id"], key=widget("id"), disabled=picked != NEW,
                                 help=tr("小写字母、数字和连字符，以分类前缀开头；保存后不可更改", "kebab-case with the category prefix; never renamed"))
    field_messages(messages, "id")
    if kind == ENTRY:
        values["question"] = st.text_input(tr("标准问", "Question"), value=cells.get("question", ""), key=widget("question"))
        field_messages(messages, "question")
        values["variants"] = st.text_area(tr("相似问法（至少 3 条）", "Variants (at least 3)"), value=cells.get("variants", ""),
                                          key=widget("variants"), help=lines_help())
        field_messages(messages, "variants")
        values["answer"] = st.text_area(tr("答案（事实、数字、条件）", "Answer (facts, numbers, conditions)"),
                                        value=cells.get("answer", ""), key=widget("answer"), height=150)
        field_messages(messages, "answer")
        values["script"] = st.text_area(tr("话术", "Script"), value=cells.get("script", ""), key=widget("script"))
        field_messages(messages, "script")
        values["keywords"] = st.text_area(tr("关键词", "Keywords"), value=cells.get("keywords", ""), key=widget("keywords"),
                                          help=lines_help())
        field_messages(messages, "keywords")
        values["sources"] = st.text_area(tr("依据（每行：文件名 | 条款）", "Sources (one per line: document | article)"),
                                         value=cells.get("sources", ""), key=widget("sources"))
        field_messages(messages, "sources")
        values["tags"] = st.text_area(tr("标签", "Tags"), value=cells.get("tags", ""), key=widget("tags"), help=lines_help())
        field_messages(messages, "tags")
        values["difficulty"] = st.selectbox(tr("难度", "Difficulty"), [1, 2, 3], index=[1, 2, 3].index(cells["difficulty"])
                                            if cells.get("difficulty") in (1, 2, 3) else 0, key=widget("difficulty"))
        field_messages(messages, "difficulty")
        values["en_question"] = st.text_input(tr("英文问题（可选）", "English question (optional)"),
                                              value=cells.get("en_question", ""), key=widget("en_question"))
        values["en_answer"] = st.text_area(tr("英文答案（可选）", "English answer (optional)"),
                                           value=cells.get("en_answer", ""), key=widget("en_answer"))
        field_messages(messages, "en")
    else:
        values["type"] = st.selectbox(tr("题型", "Type"), QUIZ_TYPES, key=widget("type"),
                                      index=QUIZ_TYPES.index(cells["type"]) if cells.get("type") in QUIZ_TYPES else 0)
        field_messages(messages, "type")
        values["prompt"] = st.text_area(tr("题干", "Prompt"), value=cells.get("prompt", ""), key=widget("prompt"))
        field_messages(messages, "prompt")
        values["options"] = st.text_area(tr("选项（单选/多选）", "Options (single/multiple)"), value=cells.get("options", ""),
                                         key=widget("options"), help=lines_help())
        field_messages(messages, "options")
        values["answer"] = st.text_area(tr("正确答案（选项原文，每行一个；判断题填 对/错；填空题填答案）",
                                           "Correct answer (option text, one per line; true/false; or the blank's text)"),
                                        value=cells.get("answer", ""), key=widget("answer"))
        field_messages(messages, "answer")
        values["accept"] = st.text_area(tr("其他可接受答案（填空题）", "Other accepted answers (fill-in)"),
                                        value=cells.get("accept", ""), key=widget("accept"), help=lines_help())
        field_messages(messages, "accept")
        values["explanation"] = st.text_area(tr("解析", "Explanation"), value=cells.get("explanation", ""), key=widget("explanation"))
        field_messages(messages, "explanation")
        entry_ids = list(content.entries)
        values["entry"] = st.selectbox(tr("考查的知识库条目", "FAQ entry it tests"), entry_ids, key=widget("entry"),
                                       index=entry_ids.index(cells["entry"]) if cells.get("entry") in entry_ids else 0)
        field_messages(messages, "entry")
        values["difficulty"] = st.selectbox(tr("难度", "Difficulty"), [1, 2, 3], key=widget("difficulty"),
                                            index=[1, 2, 3].index(cells["difficulty"]) if cells.get("difficulty") in (1, 2, 3) else 0)
        field_messages(messages, "difficulty")
    save_col, try_col = st.columns(2)
    save = save_col.form_submit_button(tr("保存并发布", "Save and publish"), type="primary", key="editor_save")
    try_it = try_col.form_submit_button(tr("先在命中测试中试用", "Try it in the hit test first"), key="editor_try")


def save_and_remember(item: dict | None, next_pick: str) -> None:
    """Save the item (None deletes it) and keep the outcome, and what to show next, for the rerun."""
    outcome = editor.save_item(draft, item, user.login)
    st.session_state["editor_result"] = outcome
    if outcome.ok:
        st.session_state["editor_draft_key"] = None
        st.session_state["editor_next_pick"] = next_pick
        st.session_state["editor_saved"] = outcome


if save or try_it:
    item, cell_problems = item_from_cells(kind, values, draft.fields)
    item_id = str(item.get("id") or "").strip()
    if cell_problems:
        found = [Problem(draft.file, 0, item_id, *message.split(": ", 1)) for message in cell_problems]
        st.session_state["editor_result"] = SaveResult(False, problems=found)
    elif save:
        save_and_remember(item, next_pick=item_id)
    else:
        try:
            st.session_state[HIT_TEST_DRAFT] = {"label": f"{item_id} ({draft.file})",
                                                "overrides": editor.draft_overrides(draft, item)}
            st.session_state["editor_result"] = None
            st.success(tr("草稿已交给“命中测试”页面（尚未保存）。", "Draft handed to the hit test page (not saved yet)."))
        except YamlEditError as err:
            st.session_state["editor_result"] = SaveResult(False, error=str(err))
    if save or cell_problems:
        st.rerun()

saved = st.session_state.pop("editor_saved", None)
if saved is not None and result is None:
    show_result(saved)

if picked != NEW:
    with st.expander(tr("删除", "Delete")):
        st.caption(tr("被测验题或情景引用的条目不能删除。", "Entries used by quiz items or scenarios cannot be deleted."))
        sure = st.checkbox(tr(f"确认删除 {picked}", f"Yes, delete {picked}"), key=widget("delete_sure"))
        if st.button(tr("删除", "Delete"), disabled=not sure, key=f"{kind}-{version}-delete"):
            save_and_remember(None, next_pick=NEW)
            st.rerun()

st.caption(tr(f"文件：{draft.file} · 打开时的版本 {str(draft.base_hash or '')[:10]}",
              f"File: {draft.file} · version when opened {str(draft.base_hash or '')[:10]}"))
