"""导入导出 — FAQ and quiz items to Excel/CSV for outside review, and back in after a dry run."""

from __future__ import annotations

import hashlib

import streamlit as st

from trainer.editing.fields import ENTRY, QUIZ
from trainer.editing.spreadsheet import RowOutcome, apply_import, plan_import, read_upload, to_csv, to_xlsx
from ui.content_editing import content_editor, show_result
from ui.uploads import file_upload
from ui.i18n import tr
from ui.pages import require_page_user
from ui.render import code_span, escape_markdown
from ui.resources import knowledge_base

STATUS_NAMES = {"new": ("新增", "new"), "changed": ("修改", "changed"), "unchanged": ("不变", "unchanged"),
                "invalid": ("无效", "invalid")}


def invalid_line(row: RowOutcome) -> str:
    """One invalid row as a list item: where (sheet, row, id) and every problem, in full."""
    item = code_span(row.item_id) if row.item_id else ""
    return tr(f"- {escape_markdown(row.sheet)} · 第 {row.row} 行{f'（{item}）' if item else ''}："
              f"{escape_markdown('；'.join(row.messages_zh))}",
              f"- {escape_markdown(row.sheet)} · row {row.row}{f' ({item})' if item else ''}: "
              f"{escape_markdown('; '.join(row.messages))}")


user = require_page_user(__file__)
kb = knowledge_base()
editor = content_editor()

st.title(tr("导入导出", "Import / export"))
st.subheader(tr("导出", "Export"))
st.caption(tr("列表字段每行一项；依据写作“文件名 | 条款”；测验答案写选项原文。", "Lists: one item per line; sources: “document | article”; quiz answers: the option text."))
columns = st.columns(3)
columns[0].download_button(tr("Excel（知识库+测验）", "Excel (FAQ + quiz)"), to_xlsx(kb.content), file_name="content.xlsx",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="export_xlsx")
columns[1].download_button(tr("CSV 知识库", "CSV FAQ"), to_csv(kb.content, ENTRY), file_name="faq.csv", mime="text/csv", key="export_faq")
columns[2].download_button(tr("CSV 测验", "CSV quiz"), to_csv(kb.content, QUIZ), file_name="quiz.csv", mime="text/csv", key="export_quiz")

st.divider()
st.subheader(tr("导入", "Import"))
st.caption(tr("先试运行：列出新增、修改和无效的行（含行号），确认后才写入。表中没有的条目不会被删除。",
              "A dry run first: new, changed and invalid rows (with row numbers); nothing is written until you confirm. "
              "Items missing from the file are not deleted."))
upload = file_upload("Excel 或 CSV 文件", "Excel or CSV file", ["xlsx", "csv"], key="import_file")
if upload is None:
    st.session_state.pop("import_plan", None)
    st.stop()
# The dry run is redone for a new file, and for the same file fixed and uploaded again: same name, often the
# same size (qa15: 9 corrected to 2 still listed the old problems), so it is known by its content.
upload_key = (upload.name, hashlib.sha256(upload.getvalue()).hexdigest())
if st.session_state.get("import_plan_for") != upload_key:
    rows, file_problems = read_upload(upload.name, upload.getvalue())
    bar = st.progress(0.0, text=tr("试运行中……", "Dry run…"))
    st.session_state["import_plan"] = plan_import(
        editor, rows, file_problems,
        progress=lambda done, total: bar.progress(done / total, text=tr(f"试运行：{done}/{total} 行", f"Dry run: {done}/{total} rows")))
    bar.empty()
    st.session_state["import_plan_for"] = upload_key
plan = st.session_state["import_plan"]
if "import_result" in st.session_state:
    show_result(st.session_state.pop("import_result"))
for problem in plan.file_problems:
    st.error(tr(problem.zh(), str(problem)))
counts = st.columns(4)
for column, status in zip(counts, STATUS_NAMES):
    column.metric(tr(*STATUS_NAMES[status]), len(plan.by_status(status)))
shown = [r for r in plan.rows if r.status != "unchanged"]
if shown:
    st.dataframe([{tr("表", "sheet"): r.sheet, tr("行", "row"): r.row, "id": r.item_id, tr("结果", "result"): tr(*STATUS_NAMES[r.status]),
                   tr("问题", "problems"): tr("；".join(r.messages_zh), "; ".join(r.messages))} for r in shown], hide_index=True)
invalid = plan.by_status("invalid")
if invalid:
    # The table's 问题 cell cut a row's problem at 1366 px (qa29: "…没有第一百零五条（条文从第一条到第…"): each
    # invalid row's problems in full, as 用户管理's roster dry run lists them (qa23's A1).
    st.error(tr("以下行无效，不会导入（其他行照常导入）。请在文件中修改后重新上传：",
                "These rows are invalid and will not be imported (the other rows will be). Fix them in the file and "
                "upload it again:"))
    st.markdown("\n".join(invalid_line(r) for r in invalid))
if not plan.writes:
    st.info(tr("没有需要导入的内容：文件中的条目与现有内容相同（或无效）。",
               "Nothing to import: the rows match the current content (or are invalid)."))
elif st.button(tr(f"确认导入 {len(plan.by_status('new'))} 条新增、{len(plan.by_status('changed'))} 条修改",
                                f"Import {len(plan.by_status('new'))} new and {len(plan.by_status('changed'))} changed"),
                             type="primary", key="import_apply"):
    # Shown on the next run, after the dry run is redone against the saved content: the button with the old
    # counts would otherwise stay beside 已保存并发布 and, pressed again, find nothing to do (qa15 #17).
    st.session_state["import_result"] = apply_import(editor, plan, user.login)
    st.session_state.pop("import_plan_for", None)
    st.rerun()
