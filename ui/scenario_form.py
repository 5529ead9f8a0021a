"""The scenario editor's form for the common fields (persona, mood, goals, checkpoints,
follow-ups, customer lines); trainer.editing.scenario_fields turns its cells into YAML fields."""

from __future__ import annotations

from typing import Any, Mapping

import pandas as pd
import streamlit as st

from trainer.dialogue.behaviours import POSITIVE
from trainer.editing.scenario_fields import (CHECKPOINT_COLUMNS, FOLLOW_UP_COLUMNS, LINE_LISTS, LINE_TEXTS,
                                             MOOD_FIELDS, cells_of)
from ui.i18n import tr
from ui.limits import LINE_CHARS, TEXT_CHARS

MOOD_LABELS = {"start": ("开场情绪", "Start"), "calm": ("平静线", "Calm at or below"),
               "angry": ("愤怒线", "Angry at or above"), "hang_up": ("挂断线", "Hangs up at")}
LINE_LABELS = {
    "opening": ("开场白", "Opening line"), "resolution": ("解决时", "When resolved"), "hang_up": ("挂断时", "When hanging up"),
    "escalated": ("升级投诉时", "When escalating"), "timed_out": ("超时结束时", "When timed out"),
    "verification_answer": ("核实身份时的回答", "Answer to the identity check"),
    "verification_refusal": ("拒绝核实时", "Refusing the identity check"),
    "calm": ("平静时（每行一句）", "Calm (one per line)"), "upset": ("不满时（每行一句）", "Upset (one per line)"),
    "angry": ("愤怒时（每行一句）", "Angry (one per line)"), "pushback": ("追问时（每行一句）", "Pushback (one per line)"),
    "softened": ("道歉或共情后（每行一句，可选）", "After an apology or empathy (one per line, optional)"),
    "unknown": ("被问到不知道的事（每行一句，可选）", "Asked something they don't know (one per line, optional)"),
    "unfinished": ("坐席结束通话但问题未解决时（可选）", "When the agent closes with points still open (optional)"),
}
CUE_HELP = ("多个用 | 分隔", "separate several with |")


def _table(rows: list[dict[str, str]], columns: tuple[str, ...], key: str) -> list[dict[str, str]]:
    config: dict[str, Any] = {c: st.column_config.TextColumn(c) for c in columns}
    for column in ("cues", "entries"):
        if column in columns:
            config[column] = st.column_config.TextColumn(column, help=tr(*CUE_HELP))
    if "behaviour" in columns:
        config["behaviour"] = st.column_config.SelectboxColumn("behaviour", options=["", *POSITIVE])
    frame = pd.DataFrame(rows, columns=list(columns)).astype(str)
    edited = st.data_editor(frame, num_rows="dynamic", hide_index=True, width="stretch", key=key, column_config=config)
    return [{c: ("" if pd.isna(row.get(c)) or row.get(c) in ("None", "nan") else str(row.get(c))) for c in columns}
            for row in edited.to_dict("records")]


def scenario_form(data: Mapping[str, Any], key: str) -> dict[str, Any] | None:
    """The form over one parsed scenario; the edited cells when "apply" is pressed, else None."""
    cells = cells_of(data)
    new: dict[str, Any] = {}
    with st.form(f"scenario_form_{key}"):
        st.markdown("**" + tr("客户", "Customer") + "**")
        new["persona.name"] = st.text_input(tr("姓名", "Name"), cells["persona.name"], key=f"sf_{key}_name", max_chars=LINE_CHARS)
        new["persona.description"] = st.text_area(tr("描述", "Description"), cells["persona.description"],
                                                  key=f"sf_{key}_description", max_chars=TEXT_CHARS)
        facts_col, private_col = st.columns(2)
        new["persona.facts"] = facts_col.text_area(tr("客户知道的事实（每行 名称: 内容）", "Facts the customer knows (name: value per line)"),
                                                   cells["persona.facts"], key=f"sf_{key}_facts", max_chars=TEXT_CHARS)
        new["persona.private"] = private_col.text_area(tr("身份信息（坐席不能先读出）", "Identity data (the agent must not read out)"),
                                                       cells["persona.private"], key=f"sf_{key}_private", max_chars=TEXT_CHARS)
        st.markdown("**" + tr("情绪（0 平静 … 100 愤怒）", "Mood (0 calm … 100 furious)") + "**")
        for column, name in zip(st.columns(len(MOOD_FIELDS)), MOOD_FIELDS):
            new[f"mood.{name}"] = column.number_input(tr(*MOOD_LABELS[name]), 0, 100, cells[f"mood.{name}"], step=1,
                                                      key=f"sf_{key}_mood_{name}")
        new["goals"] = st.text_area(tr("目标（每行一个）", "Goals (one per line)"), cells["goals"], key=f"sf_{key}_goals", max_chars=TEXT_CHARS)
        st.markdown("**" + tr("要点", "Checkpoints") + "**")
        new["checkpoints"] = _table(cells["checkpoints"], CHECKPOINT_COLUMNS, f"sf_{key}_checkpoints")
        st.markdown("**" + tr("客户追问", "Follow-up questions") + "**")
        new["follow_ups"] = _table(cells["follow_ups"], FOLLOW_UP_COLUMNS, f"sf_{key}_follow_ups")
        st.markdown("**" + tr("客户台词", "Customer lines") + "**")
        for name in LINE_TEXTS:
            new[f"lines.{name}"] = st.text_input(tr(*LINE_LABELS[name]), cells[f"lines.{name}"], key=f"sf_{key}_line_{name}", max_chars=LINE_CHARS)
        for column, name in zip(st.columns(2) * ((len(LINE_LISTS) + 1) // 2), LINE_LISTS):
            new[f"lines.{name}"] = column.text_area(tr(*LINE_LABELS[name]), cells[f"lines.{name}"], key=f"sf_{key}_lines_{name}", max_chars=TEXT_CHARS)
        applied = st.form_submit_button(tr("应用到 YAML", "Apply to the YAML"), type="primary")
    return new if applied else None
