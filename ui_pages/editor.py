"""内容编辑 — instructors browse, create, edit and delete FAQ entries and quiz items."""

from __future__ import annotations

import streamlit as st

from kb.yaml_source import Problem
from trainer.editing.browse import all_tags, matching_items
from trainer.editing.editor import SaveResult
from kb.schema import LINES
from trainer.editing.fields import AREA, ENTRY, PICK, PICK_ENTRY, QUIZ, Column, cells_of, form_columns, item_from_cells
from trainer.editing.yaml_style import YamlEditError
from trainer.quiz.generation import reviewed_swaps_undone
from ui.category_filter import ALL_CATEGORIES, category_filter
from ui.choice_box import ALL, chosen_or_all, one_or_all
from ui.content_editing import EDITOR_PREFILL, HIT_TEST_DRAFT, content_editor, field_messages, show_result
from ui.display import category_name, choice_name, entry_choice, shortened, tag_name
from ui.limits import LINE_CHARS, TEXT_CHARS
from ui.i18n import tr
from ui.live_form import live_form, unsaved_changes
from ui.near_entries_note import NOT_CONFIRMED, new_entry_confirmed
from ui.pages import require_page_user
from ui.resources import knowledge_base
from ui.widget_memory import forget, keep, kept

NEW = ""

user = require_page_user(__file__)
kb = knowledge_base()
editor = content_editor()
content = kb.content
categories = kb.categories()

st.title(tr("内容编辑", "Content editor"))
kind = st.radio(tr("内容类型", "Content type"), [ENTRY, QUIZ], horizontal=True, key=keep("editor_kind"),
                format_func=lambda k: tr("知识库条目", "FAQ entries") if k == ENTRY else tr("测验题", "Quiz items"))


# Each kind has its own 包含文字: a text typed to find an FAQ entry hid the quiz items too, and the other way round (qa18).
text_key = f"editor_text_{kind}"
next_pick = st.session_state.pop("editor_next_pick", None)  # a save or delete chose what to show next
if next_pick and next_pick not in {item.id for item in matching_items(
        content, kind, st.session_state.get("editor_category") or None,
        chosen_or_all(st.session_state.get("editor_tag", ALL)) if kind == ENTRY else None,
        st.session_state.get(text_key) or "")}:
    # The item just saved is shown even where the filters would hide it: 王老师 saved a new quiz item under a text
    # filter that did not match it, and it vanished into an empty form, 选择（0 条符合） (qa18).
    st.session_state.update({"editor_category": ALL_CATEGORIES, "editor_tag": ALL, text_key: ""})
filter_col, tag_col, text_col = st.columns(3)
category = category_filter(filter_col, keep("editor_category"), categories)  # 全部分类 → None
# 全部标签 is an option of its own: as None it was drawn from the second run on as nothing chosen, with a "×" (polish25).
tag = one_or_all(tag_col, tr("标签", "Tag"), all_tags(content), keep("editor_tag"), tr("全部标签", "All tags"),
                 format_func=tag_name, disabled=kind != ENTRY)
text = text_col.text_input(tr("包含文字", "Containing text"), key=keep(text_key), max_chars=LINE_CHARS)
items = matching_items(content, kind, category, tag if kind == ENTRY else None, text)
if next_pick is not None and (next_pick == NEW or next_pick in {item.id for item in items}):
    st.session_state[f"editor_pick_{kind}"] = next_pick
labels = {item.id: f"{item.id} · {shortened(item.question if kind == ENTRY else item.prompt, 40)}" for item in items}
picked = st.selectbox(tr(f"选择（{len(items)} 条符合）", f"Pick one ({len(items)} match)"), [NEW, *labels],
                      format_func=lambda i: tr("＋ 新建", "＋ New") if i == NEW else labels[i], key=keep(f"editor_pick_{kind}"),
                      placeholder=tr("选择条目，或新建", "Choose one, or a new one"))
new_category = None
if picked == NEW:
    new_category = st.selectbox(tr("新建到分类", "Create in category"), list(categories), format_func=category_name,
                                index=list(categories).index(category) if category in categories else 0,
                                key=keep("editor_new_category"), placeholder=tr("选择分类", "Choose a category"))

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
# A new item's problems carry the id typed in the form (the draft has none yet): keyed by "" they were listed as
# `quizzes/x.yaml:23: 条目 'q-…': entry: 不能为空` above the form, under "see the messages under the fields" (qa16).
result_item = draft.item_id or st.session_state.get("editor_result_item") or ""
messages = result.field_problems(result_item) if result is not None else {}
if result is not None:
    show_result(result, result_item)

if picked != NEW:
    loaded = content.entries.get(picked) if kind == ENTRY else content.quiz_items.get(picked)
    cells = cells_of(kind, loaded)
else:
    # a new entry opened from another page (搜索反馈) starts with its cells filled in
    cells = {"id": categories[new_category].prefix if kind == ENTRY else "q-"}
as_saved = dict(cells)  # the item as saved (a new one: empty), what "unsaved changes" compares the fields with
if picked == NEW:
    cells |= st.session_state.pop(EDITOR_PREFILL, {})


def widget(name: str) -> dict:
    """A form field's key (new for each opened draft) and its `on_change`: kept while the user visits other pages."""
    return kept(f"{kind}-{version}-{name}")


# What each field held when the draft was opened (a new item's: empty; a new entry opened from 搜索反馈 starts with
# words that are not saved yet): a draft whose fields differ is unsaved, and the page says so by the save button.
opened: dict[str, object] = {}


def show_control(column: Column) -> object:
    """The form control of one column (kb.schema field), filled with the item's current value."""
    label, current = tr(column.label, column.label_en), cells.get(column.name, "")
    spec = column.spec
    help_text = tr(spec.help, spec.help_en) if spec.help else tr("每行一项", "one per line") if spec.kind == LINES else None
    if column.control == PICK_ENTRY:
        # Named by id and question, so the entry can be found by its words; a new quiz item starts with none
        # chosen: it started on the first entry of the whole content (bene-who-designates), and an item written
        # for another category was saved tied to it without a word (qa16).
        choices = list(content.entries)
        opened[column.name] = as_saved.get(column.name) if as_saved.get(column.name) in choices else None
        return st.selectbox(label, choices, index=choices.index(current) if current in choices else None,
                            **widget(column.name), help=help_text, format_func=entry_choice,
                            placeholder=tr("选择条目（可输入问题中的字查找）",
                                           "Pick an entry (type its id or words of its question, English or Chinese)"))
    if column.control == PICK:
        choices = list(spec.choices)
        opened[column.name] = choices[choices.index(as_saved.get(column.name)) if as_saved.get(column.name) in choices else 0]
        return st.selectbox(label, choices, index=choices.index(current) if current in choices else 0,
                            **widget(column.name), help=help_text, format_func=choice_name,
                            placeholder=tr("请选择", "Choose one"))
    box, bound = (st.text_area, TEXT_CHARS) if column.control == AREA else (st.text_input, LINE_CHARS)
    opened[column.name] = as_saved.get(column.name, "")
    return box(label, value=current, **widget(column.name), help=help_text, max_chars=bound,
               disabled=column.name == "id" and picked != NEW)


columns = form_columns(kind)
values: dict[str, object] = {}
# Not st.form: a language switch drew an unsaved choice (难度, 题型, 考查条目) back as the file has it (ui/live_form.py,
# polish30). Each field is in the session state as it is left, kept over a visit to another page (`widget`).
# A field's problems are of what it held when 保存 was pressed: once it is changed they are said no more (qa23's I4: the
# red "duplicate id" stayed under the id typed anew, until the next save).
at_save = st.session_state.get("editor_result_values", {}) if result is not None else {}
if kind == QUIZ and picked != NEW and getattr(loaded, "en", None):
    # qa24: 刘老师 corrected a quiz explanation; its English one, which the form does not show, still taught the old rule
    st.caption(tr("这道题还有英文版本（英文界面显示的题干、选项和解析），表单里不显示，保存时原样保留："
                  "改了中文的意思，请在 YAML 文件里一并修改英文。",
                  "This item also has an English version (the prompt, options and explanation the English UI shows): "
                  "the form does not show it and saving keeps it as it is. If you change what the Chinese says, "
                  "change the English in the YAML file too."))
with live_form(f"editor-form-{kind}") as form:
    field_messages(messages, "")
    for position, column in enumerate(columns):
        values[column.name] = show_control(column)
        if position + 1 == len(columns) or columns[position + 1].problem_field != column.problem_field:
            group = [c.name for c in columns if c.problem_field == column.problem_field]
            if all(values[name] == at_save.get(name, values[name]) for name in group):
                field_messages(messages, column.problem_field)
            elif messages.get(column.problem_field):
                st.caption(tr("已修改，保存时重新检查。", "Changed: checked again when saved."))
    # A new entry whose question search already answers with another entry (qa22 I1): said before it is saved.
    confirmed = (kind != ENTRY or picked != NEW
                 or new_entry_confirmed(kb, str(values.get("question") or ""), str(values.get("variants") or ""),
                                        str(values.get("id") or "").strip(), widget("new_anyway")))
    discard = unsaved_changes(any(values[name] != opened[name] for name in opened), "editor")
    save_col, try_col = st.columns(2)
    with save_col:
        save = form.submit(tr("保存并发布", "Save and publish"), type="primary", key="editor_save")
    with try_col:
        try_it = form.submit(tr("先在命中测试中试用", "Try it in the hit test first"), key="editor_try")


def save_and_remember(item: dict | None, next_pick: str) -> None:
    """Save the item (None deletes it) and keep the outcome, and what to show next, for the rerun; an FAQ entry's
    edit that undoes a reviewed distractor swap is noted too (its item's options are picked anew, quiz50)."""
    before = content.entries.get(draft.item_id or "") if kind == ENTRY else None
    outcome = editor.save_item(draft, item, user.login)
    st.session_state["editor_result"] = outcome
    if outcome.ok:
        st.session_state["editor_draft_key"] = None
        st.session_state["editor_next_pick"] = next_pick
        st.session_state["editor_saved"] = outcome
        if before is not None:
            after = knowledge_base().content.entries.get(before.id)
            st.session_state["editor_swaps_undone"] = reviewed_swaps_undone(content, before, after)


if discard:  # the draft opened again from the file (a new item: empty), its fields drawn anew
    st.session_state["editor_draft_key"] = None
    st.rerun()

if save or try_it:
    item, cell_problems = item_from_cells(kind, values, draft.fields)
    item_id = str(item.get("id") or "").strip()
    st.session_state["editor_result_item"] = item_id
    st.session_state["editor_result_values"] = dict(values)
    if cell_problems:
        found = [Problem(draft.file, 0, item_id, p.field, p.message, p.message_zh) for p in cell_problems]
        st.session_state["editor_result"] = SaveResult(False, problems=found)
    elif save and not confirmed:
        st.error(tr(*NOT_CONFIRMED), icon=":material/content_copy:")
    elif save:
        tested = content.entries.get(str(item.get("entry") or ""))
        if kind == QUIZ and picked == NEW and tested is not None and tested.category != new_category:
            # A quiz item counts for its file's category (mastery per category, the daily plan's weak categories):
            # 王老师's 宽限期 item, written while 新建到分类 still read 犹豫期与撤单, was saved there (qa18).
            draft = editor.new_item(QUIZ, tested.category)
            st.session_state["editor_moved_to"] = tested.category
        save_and_remember(item, next_pick=item_id)
    else:
        try:
            st.session_state[HIT_TEST_DRAFT] = {"label": f"{item_id} ({draft.file})",
                                                "overrides": editor.draft_overrides(draft, item)}
            st.session_state["editor_result"] = None
            st.success(tr("草稿已交给“命中测试”页面（尚未保存）。", "Draft handed to the hit test page (not saved yet)."))
        except YamlEditError as err:
            st.session_state["editor_result"] = SaveResult(False, error=str(err))
    if (save and confirmed) or cell_problems:
        st.rerun()

saved = st.session_state.pop("editor_saved", None)
if saved is not None and result is None:
    show_result(saved)
for asked in st.session_state.pop("editor_swaps_undone", []) if saved is not None else []:
    st.warning(tr(f"该题的干扰项复核已失效，将重新生成：「{asked.question}」（gen-choice:{asked.id}）的选项里有本条的答案，"
                  "复核时读的是修改前的文字。",
                  f"This item's distractor review no longer holds; its options will be picked anew: "
                  f"“{asked.question}” (gen-choice:{asked.id}) offered this entry's answer as the reviewer read it "
                  "before the edit."), icon=":material/rule:")
moved_to = st.session_state.pop("editor_moved_to", None)
if moved_to is not None and saved is not None:
    st.info(tr(f"这道题考查的条目属于“{category_name(moved_to)}”，已存入该分类（按分类统计掌握度）。",
               f"The entry this item tests is in “{category_name(moved_to)}”: the item was saved there "
               "(mastery is counted per category)."), icon=":material/info:")

if picked != NEW:
    with st.expander(tr("删除", "Delete")):
        st.caption(tr("被测验题或情景引用的条目不能删除。", "Entries used by quiz items or scenarios cannot be deleted."))
        sure = st.checkbox(tr(f"确认删除 {picked}", f"Yes, delete {picked}"), **widget("delete_sure"))
        if st.button(tr("删除", "Delete"), disabled=not sure, key=f"{kind}-{version}-delete"):
            save_and_remember(None, next_pick=NEW)
            st.rerun()

st.caption(tr(f"文件：{draft.file} · 打开时的版本 {str(draft.base_hash or '')[:10]}",
              f"File: {draft.file} · version when opened {str(draft.base_hash or '')[:10]}"))
