"""情景编辑 — a form for a scenario's common fields and its YAML for the rest, validated as you type,
with a preview of the customer's opening turn and a dry run (model answers and saved calls replayed,
scored) before saving. Saving goes through the content editor (path checks, locks, history)."""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from kb.content import ID_PATTERN
from kb.yaml_source import normalize_line_breaks, parse_yaml
from trainer.dialogue import DialogueSession
from trainer.editing.dry_run import dry_run
from trainer.editing.files import UnsafePath
from trainer.editing.scenario_fields import SKELETON, fields_from_cells, write_fields
from trainer.editing.yaml_style import YamlEditError, plain
from trainer.dialogue.loading import SCENARIO_FOLDER, check_scenario, scenario_names
from ui.content_editing import content_editor, show_problems, show_result
from ui.display import outcome_name, scenario_file_label, when
from ui.i18n import tr
from ui.pages import require_page_user
from ui.render import escape_markdown
from ui.resources import database, judge, knowledge_base
from ui.scenario_form import scenario_form
from ui.scenario_problems import form_problems
from ui.live_form import unsaved_changes
from ui.widget_memory import forget, keep, kept_tabs

NEW = ""
MAX_ID_CHARS = 80
MAX_SCENARIO_CHARS = 100_000  # a scenario file is ~5,000 characters
# The YAML box in a monospace font (indentation is syntax); the container's key names its CSS class.
MONOSPACE = "<style>.st-key-scenario_yaml textarea {font-family: ui-monospace, Menlo, Consolas, monospace;}</style>"
# Field names only (content/scenarios/README.md describes each); the instructor writes the content.
user = require_page_user(__file__)
kb = knowledge_base()
editor = content_editor()

def free_id(taken: str, names: list[str]) -> str:
    """The first of taken-2, taken-3 … that no scenario file has."""
    number = 2
    while f"{SCENARIO_FOLDER}/{taken}-{number}.yaml" in names:
        number += 1
    return f"{taken}-{number}"


def open_existing(name: str) -> None:
    """The 打开 button's callback: the scenario itself, picked as from the list (the id box emptied for a next new one)."""
    st.session_state["scenario_next_pick"] = name
    st.session_state["scenario_new_id"] = ""


def use_id(scenario_id: str) -> None:
    st.session_state["scenario_new_id"] = scenario_id


def taken_id(new_id: str, name: str, names: list[str]) -> None:
    """A new scenario's id that a scenario has already: said, with its title, and the two ways on — open that scenario
    or take another id. The page opened that scenario's file as if it were the new one, and its save replaced it (an
    instructor who believed she made a new scenario overwrote the old one: qa24 leftovers)."""
    st.warning(tr(f"已经有一个 id 为 {new_id} 的情景：{scenario_file_label(name)}。新建的情景不能用这个 id（保存会覆盖原情景）："
                  "请打开它来修改，或换一个 id。",
                  f"A scenario with the id {new_id} exists already: {scenario_file_label(name)}. A new scenario cannot "
                  "take this id (saving would replace that scenario): open it to edit it, or choose another id."),
               icon=":material/warning:")
    other = free_id(new_id, names)
    open_col, other_col = st.columns(2)
    open_col.button(tr("打开这个情景", "Open that scenario"), key="scenario_open_existing", on_click=open_existing,
                    args=(name,), icon=":material/edit:")
    other_col.button(tr(f"改用 id {other}", f"Use the id {other}"), key="scenario_use_free_id", on_click=use_id,
                     args=(other,))


st.title(tr("情景编辑", "Scenario editor"))
names = scenario_names(editor.root)
next_pick = st.session_state.pop("scenario_next_pick", None)  # after a save or delete
if next_pick is not None and (next_pick == NEW or next_pick in names):
    st.session_state["scenario_pick"] = next_pick
picked = st.selectbox(tr("情景文件", "Scenario file"), [NEW, *names], key=keep("scenario_pick"),
                      format_func=lambda n: tr("＋ 新建", "＋ New") if n == NEW else scenario_file_label(n),
                      placeholder=tr("选择情景文件", "Choose a scenario file"))
if picked == NEW:
    new_id = st.text_input(tr("新情景 id（小写字母、数字、连字符）", "New scenario id (kebab-case)"), key=keep("scenario_new_id"),
                           max_chars=MAX_ID_CHARS).strip()
    if not new_id:
        st.stop()
    if not ID_PATTERN.fullmatch(new_id):  # checked before any file name is built from it
        st.error(tr("id 只能包含小写字母、数字和单个连字符，例如 claim-declined-angry。",
                    "The id may only have lowercase letters, digits and single hyphens, e.g. claim-declined-angry."))
        st.stop()
    picked_name = f"{SCENARIO_FOLDER}/{new_id}.yaml"
    if picked_name in names:
        taken_id(new_id, picked_name, names)
        st.stop()
else:
    picked_name = picked

if st.session_state.get("scenario_draft_for") != picked_name:
    try:
        st.session_state["scenario_draft"] = editor.open_file(picked_name)
    except UnsafePath as error:
        st.error(escape_markdown(str(error)))
        st.stop()
    st.session_state["scenario_draft_for"] = picked_name
    st.session_state["scenario_version"] = st.session_state.get("scenario_version", 0) + 1
    draft = st.session_state["scenario_draft"]
    st.session_state["scenario_working"] = draft.base_text if draft.base_text is not None else SKELETON.format(id=draft.item_id)
    st.session_state.pop("scenario_dry_run", None)
    forget("sf_")  # the form of the file closed
draft = st.session_state["scenario_draft"]
if "scenario_result" in st.session_state:
    show_result(st.session_state.pop("scenario_result"))

version = st.session_state["scenario_version"]
saved_text = draft.base_text if draft.base_text is not None else SKELETON.format(id=draft.item_id)


def note_yaml(key: str) -> None:
    """The YAML box's `on_change`: its text is the draft as soon as it reaches the server, also when it arrives with
    another page's run (left just as a link was clicked), where this page never runs to read it (polish31)."""
    st.session_state["scenario_working"] = st.session_state[key]


form_tab, yaml_tab = kept_tabs([tr("表单", "Form"), tr("YAML（其余字段）", "YAML (everything else)")], "scenario_tabs")
with yaml_tab:
    st.html(MONOSPACE)
    st.caption(tr("表单之外的高级字段（触发、案情事实、轮数上限……）在这里编辑；表单的修改也会写到这里。",
                  "Advanced fields the form does not show (triggers, case facts, turn limit …) are edited here; "
                  "the form's changes are written here too."))
    with st.container(key="scenario_yaml"):
        text = st.text_area("YAML", value=st.session_state["scenario_working"], height=480, key=f"scenario_text_{version}",
                            on_change=note_yaml, args=(f"scenario_text_{version}",), max_chars=MAX_SCENARIO_CHARS)
    st.session_state["scenario_working"] = text
# Live validation: this file's problems (syntax, FAQ references, schema) with the draft applied — before the form, which
# shows each under its field.
checked = editor.check({draft.file: text})
scenario, schema_problems = check_scenario(draft.file, text, kb.content.entries)
problems = [p for p in checked.problems if p.file == draft.file]
problems += [p for p in schema_problems if p not in problems]
found = form_problems(problems)
form_changed = False  # the form has changes not yet applied to the YAML
needed = found.needed  # what is still to write, read from the form as it is (qa26 L4)
with form_tab:
    parsed, parse_problems = parse_yaml(text, draft.file)
    if parse_problems or not isinstance(parsed, dict):
        st.info(tr("YAML 有语法错误，请先在 YAML 页修正，再使用表单。", "The YAML does not parse: fix it on the YAML tab to use the form."))
    else:
        form_key = f"{version}_{hashlib.sha256(text.encode()).hexdigest()[:8]}"  # a new text re-fills the form
        cells, applied = scenario_form(plain(parsed), form_key, found.notes)
        try:
            changed = write_fields(text, fields_from_cells(plain(parsed), cells), draft.file)
        except YamlEditError as error:
            form_changed, needed = True, []  # the form cannot be read as it is: no list of what it lacks, stale
            if applied:
                st.error(tr("表单的修改无法写入：", "The form's changes could not be written: ") + escape_markdown(str(error)))
        else:
            form_changed = changed != normalize_line_breaks(text)
            if form_changed:  # the fields filled but not applied are no longer still to write (qa26 L4)
                needed = form_problems(check_scenario(draft.file, changed, kb.content.entries)[1]).needed
            if applied:
                st.session_state["scenario_working"] = changed
                st.session_state["scenario_version"] = version + 1
                forget("sf_")  # the form is filled again from the new text
                st.rerun()

# 保存并发布 saves the YAML: a form change not applied yet was dropped by it, with 已保存并发布 said (qa30 E1). So the
# save waits for 应用到 YAML, which checks the change first, and says so (beside the problems' list, a caption).
if problems and form_changed:
    st.caption(tr("表单中有尚未应用的修改：点“应用到 YAML”后重新检查。", "The form has changes not applied yet: press "
                  "“Apply to the YAML” to check them."))
elif form_changed:
    st.warning(tr("表单中有尚未应用的修改：先点“应用到 YAML”（会检查这些修改），再保存并发布。",
                  "The form has changes not applied yet: press “Apply to the YAML” (it checks them), then save and "
                  "publish."), icon=":material/arrow_upward:")
if problems:
    if needed:
        st.warning((tr("新情景还需要填写：", "This new scenario still needs: ") if draft.base_text is None
                    else tr("还需要填写：", "Still needed: ")) + tr("、", ", ").join(needed))
    if found.others:
        st.error(tr(f"{len(found.others)} 个问题：", f"{len(found.others)} problem(s):"))
        colon = tr("：", ": ")
        st.markdown("\n".join(f"- **{escape_markdown(label)}**{colon}{escape_markdown(message)}" for label, message in found.others))
    if found.yaml_only:  # fields only the YAML tab edits: said with their file and line, where they are fixed
        st.error(tr("YAML 页中的问题：", "Problems on the YAML tab:"))
        show_problems(found.yaml_only)
    if found.in_form:
        with st.expander(tr("这些问题在 YAML 中的位置（给编辑 YAML 的人）", "Where these are in the YAML (for editing the YAML)")):
            show_problems(found.in_form)
elif not checked.ok:
    show_result(checked)
else:
    st.success(tr("校验通过。", "Valid."))
if scenario is not None:
    st.caption(tr("开场预览（客户第一句话）", "Opening preview (the customer's first line)"))
    st.markdown(escape_markdown(DialogueSession(scenario, kb).start().text))
    if st.button(tr("试运行：回放示范回答和已保存的通话", "Dry run: replay the model answers and saved calls"), key="scenario_dry_run_button"):
        with st.spinner(tr("正在回放……", "Replaying…")):
            st.session_state["scenario_dry_run"] = (text, dry_run(scenario, kb, database(), judge()))
    ran = st.session_state.get("scenario_dry_run")
    if ran is not None and ran[0] == text:
        source, score, outcome = tr("回放", "Replay"), tr("得分", "Score"), tr("结果", "Outcome")
        st.dataframe(pd.DataFrame([{
            source: tr("示范回答", "Model answers") if r.call_id is None else tr(f"通话 #{r.call_id}（{when(r.finished_at)}）",
                                                                           f"Call #{r.call_id} ({when(r.finished_at)})"),
            score: r.report.score,
            # text throughout ("—" for the model answers): a column of "" and numbers fails Arrow's conversion
            tr("原得分", "Score when saved"): "—" if r.saved_score is None else str(round(r.saved_score)),
            outcome: outcome_name(r.report.outcome), tr("轮数", "Turns"): sum(1 for u in r.report.transcript if u.speaker == "agent"),
        } for r in ran[1]]), hide_index=True, width="stretch")
        if ran[1][0].report.outcome != "resolved":
            st.warning(tr("示范回答没有解决这通电话：请检查要点、追问和示范回答是否对得上。",
                          "The model answers do not resolve the call: check that checkpoints, follow-ups and model answers match."))
    elif ran is not None:
        st.caption(tr("内容已修改，请重新试运行。", "The draft changed since the dry run; run it again."))

# A draft differs from the file, or the form holds changes not applied yet: said by the save button, with a way back.
if unsaved_changes(form_changed or normalize_line_breaks(text) != normalize_line_breaks(saved_text), "scenario"):
    st.session_state["scenario_working"] = saved_text
    st.session_state["scenario_version"] = version + 1  # the YAML box and the form drawn anew, from the file
    st.session_state.pop("scenario_dry_run", None)
    forget("sf_")
    st.rerun()
save_col, delete_col = st.columns(2)
if save_col.button(tr("保存并发布", "Save and publish"), type="primary", disabled=not checked.ok or bool(problems) or form_changed,
                   key="scenario_save"):
    result = editor.save_file(draft, text, user.login)
    st.session_state["scenario_result"] = result
    if result.ok:
        st.session_state.pop("scenario_draft_for", None)
        st.session_state["scenario_next_pick"] = draft.file
    st.rerun()
if draft.base_text is not None:
    with delete_col.popover(tr("删除此情景……", "Delete this scenario…")):
        if st.button(tr("确认删除", "Delete"), key="scenario_delete"):
            result = editor.save_file(draft, None, user.login)
            st.session_state["scenario_result"] = result
            if result.ok:
                st.session_state.pop("scenario_draft_for", None)
                st.session_state["scenario_next_pick"] = NEW
            st.rerun()
