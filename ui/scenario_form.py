"""The scenario editor's form: every field a valid scenario needs (title, kind, difficulty, persona, mood, goals,
checkpoints, follow-ups, customer lines, whether each question line asks, model answers), each with the problems the
check finds in it beside it; trainer.editing.scenario_fields turns its cells into YAML fields."""

from __future__ import annotations

import hashlib
from typing import Any, Mapping, Sequence

import pandas as pd
import streamlit as st

from kb.schema import DIFFICULTIES
from trainer.dialogue.behaviours import POSITIVE
from trainer.dialogue.scenario import KIND_NAMES, KINDS
from trainer.editing.fields import split_lines
from trainer.editing.scenario_fields import (ASKING, CHECKPOINT_COLUMNS, FOLLOW_UP_COLUMNS, LINE_LISTS, LINE_TEXTS,
                                             MOOD_FIELDS, NOT_ASKING, QUESTION_POOLS, cells_of, question_rows)
from ui.display import DIFFICULTY_NAMES, rubric_name
from ui.i18n import tr
from ui.render import escape_markdown
from ui.limits import LINE_CHARS, TEXT_CHARS
from ui.live_form import live_form
from ui.widget_memory import kept

NO_BEHAVIOUR = "-"  # the 达成行为 choice "none": written as no `behaviour:` field
# The scenario form's choices, from the quiz's difficulty names (one wording of a level across the app).
DIFFICULTY_LABELS = {level: (f"{'★' * level} {zh}", f"{'★' * level} {en.capitalize()}")
                     for level, (zh, en) in DIFFICULTY_NAMES.items()}
QUESTION_CHOICES = {ASKING: ("客户在问问题（需要回答）", "The customer asks something (to be answered)"),
                    NOT_ASKING: ("只是情绪（不用回答）", "Only feeling (nothing to answer)")}
# Each form field's label (zh, en) by its cell name: the widgets' labels, and the words problems are shown under
# (ui.scenario_problems) — one place, so a problem names the field as the instructor sees it.
FIELD_LABELS = {
    "title": ("标题", "Title"), "title_en": ("英文标题（可选）", "Title in English (optional)"),
    "kind": ("类型", "Kind"), "difficulty": ("难度", "Difficulty"),
    "persona.name": ("姓名", "Name"), "persona.description": ("描述", "Description"),
    "persona.description_en": ("描述（英文，可选）", "Description in English (optional)"),
    "persona.facts": ("客户知道的事实（每行 名称: 内容）", "Facts the customer knows (name: value per line)"),
    "persona.private": ("身份信息（坐席不能先读出）", "Identity data (the agent must not read out)"),
    "mood": ("情绪（0 平静 … 100 愤怒）", "Mood (0 calm … 100 furious)"),
    "goals": ("目标（每行一个）", "Goals (one per line)"),
    "goals_en": ("目标的英文（可选，每行一个，与目标逐条对应）", "Goals in English (optional, one per line, one for each goal)"),
    "checkpoints": ("要点", "Checkpoints"), "follow_ups": ("客户追问", "Follow-up questions"),
    "questions": ("客户的问句", "The customer's question lines"),
    "model_answers": ("示范回答（坐席每轮说的话，每行一轮）", "Model answers (the agent's words, one turn per line)"),
}
MOOD_LABELS = {"start": ("开场情绪", "Start"), "calm": ("平静线", "Calm at or below"),
               "angry": ("愤怒线", "Angry at or above"), "hang_up": ("挂断线", "Hangs up at")}
LINE_LABELS = {
    "opening": ("开场白", "Opening line"), "resolution": ("解决时", "When resolved"), "hang_up": ("挂断时", "When hanging up"),
    "escalated": ("升级投诉时", "When escalating"), "timed_out": ("超时结束时", "When timed out"),
    "verification_answer": ("核实身份时的回答", "Answer to the identity check"),
    "verification_refusal": ("拒绝核实时", "Refusing the identity check"),
    "calm": ("平静时（每行一句）", "Calm (one per line)"), "upset": ("不满时（每行一句）", "Upset (one per line)"),
    "angry": ("愤怒时（每行一句）", "Angry (one per line)"), "pushback": ("追问时（每行一句）", "Pushback (one per line)"),
    "softened": ("道歉或共情让客户缓和下来时，说一次（每行一句，可选）",
                 "When an apology or empathy first calms the customer, said once (one per line, optional)"),
    "unknown": ("被问到不知道的事（每行一句，可选）", "Asked something they don't know (one per line, optional)"),
    "unfinished": ("坐席结束通话但问题未解决时（可选）", "When the agent closes with points still open (optional)"),
}
# Every table column's heading and what to type in it (zh, en): the cells are free text, so the
# hint is the only place that says that cues are separated by |, or that "after" names a checkpoint.
COLUMNS = {
    "id": (("编号", "Id"), ("小写字母、数字和连字符，在本情景内唯一", "lower-case letters, digits and hyphens; unique in this scenario")),
    "description": (("要点", "Checkpoint"), ("坐席要做到的事，报告里这样显示", "what the agent must do, as the report shows it")),
    "description_en": (("要点（英文）", "Checkpoint (English)"), ("英文界面显示的要点（可选，不填则显示中文）",
                                                           "the checkpoint as the English page shows it (optional; else the Chinese)")),
    "behaviour": (("达成行为", "Met by behaviour"), ("坐席表现出这种行为即算完成（可选）", "the agent behaviour that meets it (optional)")),
    "asks": (("所问问题", "Question it asks"), ("坐席用任何说法问出这类问题即算完成（可选）：understanding＝请客户确认听明白",
                                             "any question of this kind meets it (optional): understanding = asks the "
                                             "customer to confirm she has understood")),
    "cues": (("关键说法", "Cue phrases"), ("坐席说出其中任一说法即算完成；多个用 | 分隔",
                                     "any of these phrases in a reply meets it; separate several with |")),
    "entries": (("知识条目", "FAQ entries"), ("依据的知识库条目 id；多个用 | 分隔", "ids of the FAQ entries it rests on; separate several with |")),
    "order": (("顺序", "Order"), ("第几步（整数，可选）：须在编号更小的要点之后完成",
                                "step number (a whole number, optional): done only after the checkpoints with smaller numbers")),
    "hint": (("提示", "Hint"), ("练习模式下给坐席的提示（可选）", "the hint shown to the agent in training mode (optional)")),
    "hint_en": (("提示（英文）", "Hint (English)"), ("英文界面显示的提示（可选，须先填中文提示）",
                                                 "the hint as the English page shows it (optional; only with a hint)")),
    "examples": (("示例句", "Example sentences"), ("培训师在评判纠错中确认完成了该要点的学员原话，评判据此判定；多个用 | 分隔（可选）",
                                               "trainees' sentences an instructor accepted as doing the step (judge "
                                               "corrections), which the judge reads; separate several with | (optional)")),
    "ask": (("客户追问", "Customer asks"), ("客户问的原话", "the customer's words")),
    "entry": (("知识条目", "FAQ entry"), ("回答须符合的知识库条目 id（一个）", "the id of the one FAQ entry a right answer follows")),
}
FOLLOW_UP_HELP = {  # the same names mean other things in the follow-up table
    "id": COLUMNS["id"],
    "asks": (("所问问题", "Question it asks"), ("坐席用任何说法问出这类问题即算完成（可选）：understanding＝请客户确认听明白",
                                             "any question of this kind meets it (optional): understanding = asks the "
                                             "customer to confirm she has understood")),
    "cues": (("关键说法", "Cue phrases"), ("坐席说出其中任一说法即算回答了追问；多个用 | 分隔",
                                     "any of these phrases in a reply answers the question; separate several with |")),
    "after": (("在此要点之后", "After checkpoint"), ("完成这个要点（填要点编号）后客户才追问（可选）",
                                               "the customer asks only once this checkpoint (its id) is done (optional)")),
}


def _column(name: str, follow_up: bool) -> tuple[str, str]:
    """The heading and hint of a table column in the UI language."""
    (label, hint) = (FOLLOW_UP_HELP if follow_up and name in FOLLOW_UP_HELP else COLUMNS)[name]
    return tr(*label), tr(*hint)


def _table(rows: list[dict[str, str]], columns: tuple[str, ...], key: str) -> list[dict[str, str]]:
    follow_up = "ask" in columns
    config: dict[str, Any] = {}
    for column in columns:
        label, hint = _column(column, follow_up)
        # The behaviours by the names the call report uses (共情安抚, 身份核实 …), the YAML keeping its keys; a new row's
        # cells start empty, not None (qa26 L1, L2: an instructor read empathy, clarifying_quest… and None in every cell).
        # The grid draws an empty choice as a missing value (None), so "no behaviour" is a choice of its own, （无）.
        if column == "behaviour":
            config[column] = st.column_config.SelectboxColumn(
                label, help=hint, options=[NO_BEHAVIOUR, *POSITIVE], default=NO_BEHAVIOUR,
                format_func=lambda name: rubric_name(name) if name != NO_BEHAVIOUR else tr("（无）", "(none)"))
        else:
            config[column] = st.column_config.TextColumn(label, help=hint, default="")
    frame = pd.DataFrame(rows, columns=list(columns)).astype(str)
    if "behaviour" in columns:
        frame["behaviour"] = frame["behaviour"].replace("", NO_BEHAVIOUR)
    edited = st.data_editor(frame, num_rows="dynamic", hide_index=True, width="stretch", key=key, column_config=config)
    return [{c: ("" if pd.isna(row.get(c)) or row.get(c) in ("None", "nan", NO_BEHAVIOUR) else str(row.get(c)))
             for c in columns} for row in edited.to_dict("records")]


def _notes(notes: Mapping[str, Sequence[str]], cell: str) -> None:
    """The problems the check finds in one field, under it, in red. `notes` are those of the YAML as applied: a field
    changed since is checked again once 应用到 YAML is pressed, so its notes are left out until then."""
    for note in notes.get(cell, ()):
        st.caption(":red[" + escape_markdown(note) + "]")


def _line_key(key: str, line: str) -> str:
    return f"sf_{key}_q_{hashlib.sha256(line.encode()).hexdigest()[:8]}"


def _questions(cells: Mapping[str, Any], new: Mapping[str, Any], key: str) -> list[dict[str, Any]]:
    """For each question-shaped customer line (as the form has them now), whether the customer asks something the
    call answers — and what answers it — or only vents: the `asking` / `not_asking` choice, in plain words."""
    known = {row["line"]: row for row in cells["questions"]}
    rows = question_rows({k: split_lines(new[f"lines.{k}"]) for k in QUESTION_POOLS},
                         [{"line": line, "answered_by": row["answered_by"]} for line, row in known.items() if row["choice"] == ASKING],
                         [line for line, row in known.items() if row["choice"] == NOT_ASKING])
    if not rows:
        st.caption(tr("台词里没有问句。", "No customer line reads as a question."))
    ids = [r["id"] for r in [*new["checkpoints"], *new["follow_ups"]] if r.get("id")]
    chosen = []
    for row in rows:
        radio_key = _line_key(key, row["line"])
        choice = st.radio(escape_markdown(row["line"]), list(QUESTION_CHOICES), horizontal=True,
                          index=list(QUESTION_CHOICES).index(row["choice"]) if row["choice"] else None,
                          format_func=lambda c: tr(*QUESTION_CHOICES[c]), **kept(radio_key))
        answered_by: list[str] = []
        if choice == ASKING:
            options = list(dict.fromkeys([*ids, *row["answered_by"]]))
            answered_by = st.multiselect(tr("由哪个追问或要点回答（填编号，至少一个）", "Answered by which follow-up or checkpoint (at least one)"),
                                         options, default=[i for i in row["answered_by"] if i in options],
                                         placeholder=tr("选择追问或要点", "Choose follow-ups or checkpoints"),
                                         **kept(radio_key + "_by"))
        chosen.append({"line": row["line"], "choice": choice or "", "answered_by": list(answered_by)})
    return chosen


def scenario_form(data: Mapping[str, Any], key: str,
                  notes: Mapping[str, Sequence[str]] | None = None) -> tuple[dict[str, Any], bool]:
    """The form over one parsed scenario: its cells as they are now, and whether "apply" was pressed.

    Not an st.form (polish31): a form's values stay in the browser until it is sent, so a name changed here was lost by
    a visit to another page. Each field is live and kept (ui.widget_memory) while its YAML is unchanged (`key` is the
    text's); the two tables are not: Streamlit lets no page set a data editor's edits. `notes` holds the check's
    problems by cell name (ui.scenario_problems), each shown under its field."""
    cells, notes = cells_of(data), notes or {}
    new: dict[str, Any] = {}

    def note(cell: str) -> None:
        """The check's notes on `cell`, unless the form changed it since the YAML was applied (checked again then)."""
        names = [f"mood.{m}" for m in MOOD_FIELDS] if cell == "mood" else [cell]
        if all(new.get(name) == cells.get(name) for name in names):
            _notes(notes, cell)

    def label(cell: str) -> str:
        return tr(*FIELD_LABELS[cell])

    with live_form(f"scenario_form_{key}") as form:
        st.markdown("**" + tr("情景", "Scenario") + "**")
        title_col, title_en_col = st.columns(2)
        new["title"] = title_col.text_input(label("title"), cells["title"], **kept(f"sf_{key}_title"), max_chars=LINE_CHARS)
        new["title_en"] = title_en_col.text_input(label("title_en"), cells["title_en"], **kept(f"sf_{key}_title_en"),
                                                  max_chars=LINE_CHARS)
        with title_col:
            note("title")
        with title_en_col:
            note("title_en")
        kind_col, difficulty_col = st.columns(2)
        new["kind"] = kind_col.selectbox(label("kind"), KINDS, index=KINDS.index(cells["kind"]) if cells["kind"] in KINDS else None,
                                         format_func=lambda k: tr(*KIND_NAMES[k]), placeholder=tr("请选择", "Choose"),
                                         **kept(f"sf_{key}_kind")) or cells["kind"]
        new["difficulty"] = difficulty_col.selectbox(
            label("difficulty"), DIFFICULTIES, index=DIFFICULTIES.index(cells["difficulty"]) if cells["difficulty"] in DIFFICULTIES else None,
            format_func=lambda d: tr(*DIFFICULTY_LABELS[d]), placeholder=tr("请选择", "Choose"),
            **kept(f"sf_{key}_difficulty"))
        if new["difficulty"] is None:
            new["difficulty"] = cells["difficulty"]
        with kind_col:
            note("kind")
        with difficulty_col:
            note("difficulty")
        st.markdown("**" + tr("客户", "Customer") + "**")
        new["persona.name"] = st.text_input(label("persona.name"), cells["persona.name"], **kept(f"sf_{key}_name"), max_chars=LINE_CHARS)
        note("persona.name")
        new["persona.description"] = st.text_area(label("persona.description"), cells["persona.description"],
                                                  **kept(f"sf_{key}_description"), max_chars=TEXT_CHARS)
        note("persona.description")
        new["persona.description_en"] = st.text_area(label("persona.description_en"),
                                                     cells["persona.description_en"], **kept(f"sf_{key}_description_en"),
                                                     max_chars=TEXT_CHARS)
        note("persona.description_en")
        facts_col, private_col = st.columns(2)
        new["persona.facts"] = facts_col.text_area(label("persona.facts"),
                                                   cells["persona.facts"], **kept(f"sf_{key}_facts"), max_chars=TEXT_CHARS)
        new["persona.private"] = private_col.text_area(label("persona.private"),
                                                       cells["persona.private"], **kept(f"sf_{key}_private"), max_chars=TEXT_CHARS)
        with facts_col:
            note("persona.facts")
        with private_col:
            note("persona.private")
        st.markdown("**" + label("mood") + "**")
        # No min/max: Streamlit refuses a value out of range in the browser, in English, and the apply
        # button then does nothing; the scenario check says what is wrong, in the UI's language, with its line.
        for column, name in zip(st.columns(len(MOOD_FIELDS)), MOOD_FIELDS):
            new[f"mood.{name}"] = column.number_input(tr(*MOOD_LABELS[name]), value=cells[f"mood.{name}"], step=1,
                                                      **kept(f"sf_{key}_mood_{name}"))
        note("mood")
        new["goals"] = st.text_area(label("goals"), cells["goals"], **kept(f"sf_{key}_goals"), max_chars=TEXT_CHARS)
        note("goals")
        new["goals_en"] = st.text_area(label("goals_en"), cells["goals_en"], **kept(f"sf_{key}_goals_en"), max_chars=TEXT_CHARS)
        note("goals_en")
        st.markdown("**" + label("checkpoints") + "**")
        new["checkpoints"] = _table(cells["checkpoints"], CHECKPOINT_COLUMNS, f"sf_{key}_checkpoints")
        note("checkpoints")
        st.markdown("**" + label("follow_ups") + "**")
        new["follow_ups"] = _table(cells["follow_ups"], FOLLOW_UP_COLUMNS, f"sf_{key}_follow_ups")
        note("follow_ups")
        st.markdown("**" + tr("客户台词", "Customer lines") + "**")
        for name in LINE_TEXTS:
            new[f"lines.{name}"] = st.text_input(tr(*LINE_LABELS[name]), cells[f"lines.{name}"], **kept(f"sf_{key}_line_{name}"), max_chars=LINE_CHARS)
            note(f"lines.{name}")
        for column, name in zip(st.columns(2) * ((len(LINE_LISTS) + 1) // 2), LINE_LISTS):
            new[f"lines.{name}"] = column.text_area(tr(*LINE_LABELS[name]), cells[f"lines.{name}"], **kept(f"sf_{key}_lines_{name}"), max_chars=TEXT_CHARS)
            with column:
                note(f"lines.{name}")
        st.markdown("**" + label("questions") + "**")
        st.caption(tr("读起来像问句的台词：客户是在问通话要回答的事，还是只是发泄情绪？问的事回答后，客户就不会再这样问。",
                      "Lines that read as questions: does the customer ask something the call answers, or only vent? "
                      "Once it is answered, the customer does not ask it again."))
        new["questions"] = _questions(cells, new, key)
        note("questions")
        st.markdown("**" + tr("示范回答", "Model answers") + "**")
        new["model_answers"] = st.text_area(label("model_answers"), cells["model_answers"], **kept(f"sf_{key}_model_answers"),
                                            max_chars=TEXT_CHARS)
        note("model_answers")
        applied = form.submit(tr("应用到 YAML", "Apply to the YAML"), type="primary")
    return new, applied
