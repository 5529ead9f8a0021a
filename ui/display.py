"""How ids and times read on screen: category, role and outcome names in the current language,
and times on the company's wall clock (settings.timezone — one time zone on every page)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Mapping, Sequence
from zoneinfo import ZoneInfo

from kb.content import in_english
from trainer.clock import clock_time, local_time
from trainer.dialogue.behaviours import LABELS
from trainer.dialogue.scoring import OUTCOME_NAMES, SUBSCORE_NAMES
from trainer.insights.durations import readable_duration
from trainer.insights.periods import local_day
from kb.schema import QUIZ_TYPE_NAMES, TAG_NAMES
from trainer.quiz.question import Question
from trainer.users.accounts import ROLE_NAMES
from ui.i18n import counted, tr, tr_worded
from ui.resources import knowledge_base, scenarios, settings


def category_name(category_id: str | None) -> str:
    """A category's name; None reads as "all categories", an unknown id as itself."""
    if category_id is None:
        return tr("全部分类", "All categories")
    category = knowledge_base().categories().get(category_id)
    return tr(category.name, category.name_en) if category else category_id


# What the ★ of an entry's or a question's difficulty mean (as the scenario editor names a scenario's).
DIFFICULTY_NAMES = {1: ("基础", "basic"), 2: ("中级", "intermediate"), 3: ("高级", "expert")}


def difficulty_name(difficulty: int) -> str:
    """A question's difficulty in words beside its stars: 难度 ★★ 中级 (the stars alone were not read as difficulty:
    qa28 Q2)."""
    zh, en = DIFFICULTY_NAMES.get(difficulty, ("", ""))
    stars = "★" * difficulty
    return tr(f"难度 {stars} {zh}", f"Difficulty {stars} {en}").rstrip()


def entry_text(entry, field: str) -> str:
    """An FAQ entry's (or search hit's) `question` or `answer` in the UI language: its English
    version where the entry has one, else the Chinese."""
    return tr(getattr(entry, field), in_english(entry, field))


def quiz_prompt(item) -> str:
    """A quiz item's question in the UI language: its English version where it has one, else the Chinese."""
    return tr(item.prompt, item.en.prompt if item.en else item.prompt)


def entry_label(entry_id: str) -> str:
    """An FAQ entry in a picker: its id and its question (in the UI language, cut to 40 characters), so it can
    be found by the words of its question; an id alone made an instructor pick among 288 codes (qa16)."""
    entry = knowledge_base().content.entries.get(entry_id)
    return f"{entry_id} · {shortened(entry_text(entry, 'question'), 40)}" if entry else entry_id


def entry_named(entry_id: str) -> str:
    """An FAQ entry in a table's cell: its question first (in the UI language, cut to 30 characters), its id after
    it as the secondary text; an id alone made an instructor look up each one (polish21: the hit test's columns).
    An id no entry has (one only a draft adds) reads as itself."""
    entry = knowledge_base().content.entries.get(entry_id)
    if entry is None:
        return entry_id
    return tr(f"{shortened(entry_text(entry, 'question'), 30)}（{entry_id}）",
              f"{shortened(entry_text(entry, 'question'), 30)} ({entry_id})")


def entries_named(entry_ids: Sequence[str], empty: str = "—") -> str:
    """Several entries in one cell, each as `entry_named`, in their order."""
    return tr("；", "; ").join(entry_named(entry_id) for entry_id in entry_ids) or empty


def entry_choice(entry_id: str) -> str:
    """An FAQ entry as a picker's option: `entry_label`, and in English its Chinese question after it. A select box
    filters on the words it shows, and an agent on the English UI typed the Chinese word she knows (代签) and found
    nothing (qa17); the Chinese UI shows the Chinese question already."""
    entry = knowledge_base().content.entries.get(entry_id)
    label = entry_label(entry_id)
    if entry is None or entry_text(entry, "question") == entry.question:
        return label
    return f"{label} · {shortened(entry.question, 30)}"


def quiz_prompt_line(bank: Mapping[str, Question], item_id: str, width: int) -> str:
    """A quiz item's question (the last line of its prompt) as a table cell: in English where the item
    has an English prompt and the UI is English, cut to `width` characters (… marks the cut);
    "(removed)" once the item is gone from the bank. The instructors' tables showed the Chinese
    prompt in the English UI."""
    question = bank.get(item_id)
    if question is None:
        return tr("（已删除）", "(removed)")
    prompt = tr(question.prompt, question.in_english().prompt)
    return shortened((prompt.strip().splitlines() or [""])[-1], width)


def shortened(text: str, width: int) -> str:
    """`text` in at most `width` characters, "…" marking a cut: a quote cut silently
    (…或者我帮您登记一个投诉 read …或者我) looks like the whole sentence."""
    return text if len(text) <= width else text[:width - 1] + "…"


def role_name(role: str) -> str:
    zh, en = ROLE_NAMES.get(role, (role, role))
    return tr(zh, en)


ROSTER_FIELD_NAMES = {"name": ("姓名", "name"), "role": ("角色", "role"), "team": ("班组", "team"),
                      "hire_date": ("入职日期", "hire date")}


def roster_change(field: str, before: str, after: str) -> str:
    """One change of a roster dry run in words: 班组：外呼一组 → 外呼二组, 角色：坐席 → 培训师. The codes
    (team: …, role: agent → instructor) read as English on the Chinese page (qa15)."""
    def value(text: str) -> str:
        shown = role_name(text) if field == "role" else text
        return shown or tr("（空）", "(blank)")
    return f"{tr(*ROSTER_FIELD_NAMES.get(field, (field, field)))}{tr('：', ': ')}{value(before)} → {value(after)}"


def tag_name(tag: str) -> str:
    """A content tag as the UI names it: on the Chinese UI its Chinese name with the tag as written (the editor's
    标签 field takes the tag), on the English UI the tag; a tag with no name as written."""
    zh, en = TAG_NAMES.get(tag, (tag, tag))
    return tr(f"{zh}（{tag}）" if zh != tag else tag, en)


def choice_name(choice: object) -> str:
    """A value of a form's pick list: a quiz type in words (判断题, not true_false), anything else as it is."""
    names = QUIZ_TYPE_NAMES.get(choice) if isinstance(choice, str) else None
    return tr(*names) if names else str(choice)


def outcome_name(outcome: str) -> str:
    """A practice call's outcome (resolved, hung_up, …) as the trainee reads it."""
    return tr(*OUTCOME_NAMES.get(outcome, (outcome, outcome)))


def subscore_name(subscore: str) -> str:
    return tr(*SUBSCORE_NAMES.get(subscore, (subscore, subscore)))


def when(moment: datetime | None, empty: str = "") -> str:
    """Date and time (2025-03-01 14:05) in the company's time zone; `empty` for no time."""
    return local_time(moment, settings().timezone) if moment else empty


# The zones people in the company call by a name; any other is named by its id (Asia/Tokyo 时间).
ZONE_NAMES = {"Asia/Shanghai": ("北京时间", "Beijing time"), "Asia/Chongqing": ("北京时间", "Beijing time"),
              "Asia/Harbin": ("北京时间", "Beijing time"), "PRC": ("北京时间", "Beijing time"),
              "Asia/Hong_Kong": ("香港时间", "Hong Kong time"), "UTC": ("UTC 时间", "UTC"),
              "Etc/UTC": ("UTC 时间", "UTC")}


def zone_name() -> str:
    """The company's time zone (settings.timezone) as a reader names it: 北京时间. Every time on screen is on that
    clock, and none said so: an administrator abroad, or one who knew the server runs on UTC, could not tell (qa22)."""
    name = settings().timezone
    return tr(*ZONE_NAMES.get(name, (f"{name} 时间", f"{name} time")))


def time_heading(zh: str, en: str) -> str:
    """A table column (or chart axis) of times, with the zone they are in: 创建时间（北京时间）."""
    return tr(f"{zh}（{zone_name()}）", f"{en} ({zone_name()})")


def _with_zone(text: str) -> str:
    """`text` (a time) followed by the zone it is in, as each language writes it: 08:25（北京时间）, 08:25 (Beijing time)."""
    return tr(f"{text}（{zone_name()}）", f"{text} ({zone_name()})")


def when_labelled(moment: datetime | None, empty: str = "") -> str:
    """`when` for a time standing on its own (a caption, a cell of a column of statuses): 2026-12-07 08:25（北京时间）."""
    return _with_zone(when(moment)) if moment else empty


def days_ago(moment: datetime | None, today: date, empty: str = "") -> str:
    """How long ago `moment` was, in local days (今天 / 昨天 / 5 天前): short enough for a metric on a 1024 px
    screen, where the full date and time of 坐席详情's 最近训练 showed as "2026-…" (qa17)."""
    if moment is None:
        return empty
    days = (today - local_day(moment, zone())).days
    if days <= 0:
        return tr("今天", "today")
    if days == 1:
        return tr("昨天", "yesterday")
    return tr(f"{days} 天前", f"{counted(days, 'day')} ago")


def clock(moment: datetime) -> str:
    """HH:MM in the company's time zone, named: 08:25（北京时间）."""
    return _with_zone(clock_time(moment, settings().timezone))


def zone() -> ZoneInfo:
    """The company's time zone (settings.timezone): where "today" starts for training and streaks."""
    return ZoneInfo(settings().timezone)


def scenario_title(scenario_id: str) -> str:
    """A practice scenario's title; its id when the scenario was removed or cannot be read."""
    found = scenarios()[0].get(scenario_id)
    return tr(found.title, found.title_en or found.title) if found else scenario_id


def step_name(scenario_id: str, description: str, step_id: str = "") -> str:
    """A checkpoint stored by its Chinese description (a contested missed step), or by its id as well (a call's
    missed step, ui52), in the UI's language: its name now when the scenario still has that step (by id first:
    the wording may have changed since), else the description it was stored with."""
    found = scenarios()[0].get(scenario_id)
    checkpoints = found.checkpoints if found else ()
    step = (next((c for c in checkpoints if step_id and c.id == step_id), None)
            or next((c for c in checkpoints if c.description == description), None))
    return tr_worded(step.name) if step else description


def scenario_file_label(name: str) -> str:
    """A scenario file ("scenarios/<id>.yaml") by its title and id, as every other page names scenarios;
    a file not loaded yet (a new draft, or one that does not validate) by its id alone."""
    scenario_id = Path(name).stem
    title = scenario_title(scenario_id)
    return scenario_id if title == scenario_id else f"{title} · {scenario_id}"


def rubric_name(rubric: str) -> str:
    """A judged behaviour of a practice call (absolute_promise, empathy, …) by its name."""
    return tr(*LABELS.get(rubric, (rubric, rubric)))


def finding_name(turn_index: int, rubric: str, ok: bool) -> str:
    """One judgement of a call in plain text, its verdict first: 【不足】第5轮 · 未回应问题. The verdict is in
    the words the report marks it with (ui.render.mark), for a select box, which draws no colour or icon."""
    verdict = tr("【做到】", "[good] ") if ok else tr("【不足】", "[fault] ")
    return f"{verdict}{tr('第', 'Turn ')}{turn_index}{tr('轮', '')} · {rubric_name(rubric)}"


def answering_time_help() -> str:
    """What a quiz round's 答题用时 counts, where the summary and 我的进度 show it."""
    return tr("每题从出题到提交答案的时间之和。看解析的时间不计；中途关闭或刷新页面、回来后继续的，离开的时间也不计。",
              "Each question's time from when it was shown to your answer, added up. Reading the explanation is not "
              "counted, nor the time away when you closed or reloaded the page and came back to the round.")


def duration(seconds: float) -> str:
    """Training time as 12 分钟 / 1 小时 5 分钟."""
    return tr(*readable_duration(seconds))
