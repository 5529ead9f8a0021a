"""情景编辑 — scenarios edited as YAML, validated as you type, with a preview of the customer's opening turn."""

from __future__ import annotations

import streamlit as st

from kb.content import ID_PATTERN
from trainer.dialogue import DialogueSession
from trainer.editing.files import UnsafePath
from trainer.dialogue.loading import SCENARIO_FOLDER, check_scenario, scenario_names
from ui.content_editing import content_editor, show_problems, show_result
from ui.i18n import tr
from ui.pages import require_page_user
from ui.render import escape_markdown
from ui.resources import knowledge_base

NEW = ""
MAX_ID_CHARS = 80
MAX_SCENARIO_CHARS = 100_000  # a scenario file is ~5,000 characters
# Field names only (content/scenarios/README.md describes each); the instructor writes the content.
SKELETON = ("id: {id}\ntitle: \nkind: inbound_question\ndifficulty: 1\npersona:\n  name: \n"
            "mood: {{start: 50, calm: 30, angry: 80, hang_up: 95}}\ngoals: []\ncheckpoints: []\ncustomer_lines: {{}}\nmodel_answers: []\n")

user = require_page_user(__file__)
kb = knowledge_base()
editor = content_editor()

st.title(tr("情景编辑", "Scenario editor"))
names = scenario_names(editor.root)
next_pick = st.session_state.pop("scenario_next_pick", None)  # after a save or delete
if next_pick is not None and (next_pick == NEW or next_pick in names):
    st.session_state["scenario_pick"] = next_pick
picked = st.selectbox(tr("情景文件", "Scenario file"), [NEW, *names], key="scenario_pick",
                      format_func=lambda n: tr("＋ 新建", "＋ New") if n == NEW else n)
if picked == NEW:
    new_id = st.text_input(tr("新情景 id（小写字母、数字、连字符）", "New scenario id (kebab-case)"), key="scenario_new_id",
                           max_chars=MAX_ID_CHARS).strip()
    if not new_id:
        st.stop()
    if not ID_PATTERN.fullmatch(new_id):  # checked before any file name is built from it
        st.error(tr("id 只能包含小写字母、数字和单个连字符，例如 claim-declined-angry。",
                    "The id may only have lowercase letters, digits and single hyphens, e.g. claim-declined-angry."))
        st.stop()
    picked_name = f"{SCENARIO_FOLDER}/{new_id}.yaml"
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
if "scenario_result" in st.session_state:
    show_result(st.session_state.pop("scenario_result"))

initial = draft.base_text if draft.base_text is not None else SKELETON.format(id=draft.item_id)
text = st.text_area("YAML", value=initial, height=480, key=f"scenario_text_{st.session_state['scenario_version']}",
                    max_chars=MAX_SCENARIO_CHARS)

# Live validation: this file's problems (syntax, FAQ references, schema) with the draft applied.
checked = editor.check({draft.file: text})
scenario, schema_problems = check_scenario(draft.file, text, kb.content.entries)
problems = [p for p in checked.problems if p.file == draft.file]
problems += [p for p in schema_problems if p not in problems]
if problems:
    st.error(tr(f"{len(problems)} 个问题：", f"{len(problems)} problem(s):"))
    show_problems(problems)
elif not checked.ok:
    show_result(checked)
else:
    st.success(tr("校验通过。", "Valid."))
if scenario is not None:
    st.caption(tr("开场预览（客户第一句话）", "Opening preview (the customer's first line)"))
    st.markdown(escape_markdown(DialogueSession(scenario, kb).start().text))

save_col, delete_col = st.columns(2)
if save_col.button(tr("保存并发布", "Save and publish"), type="primary", disabled=not checked.ok or bool(problems), key="scenario_save"):
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
