"""Validate one scenario document and build a `Scenario` from it.

Every problem names file, line, scenario id and field (dotted, e.g. `customer_lines.follow_ups`),
and all problems are collected in one pass, like the FAQ loader in kb.content.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Mapping, Sequence

from kb.content import ID_PATTERN, Entry, ItemChecker
from kb.placeholders import entry_wording, placeholders
from kb.schema import DIFFICULTIES
from kb.yaml_source import LocatedDict, Problem
from trainer.dialogue.asked_steps import ASKED_QUESTIONS
from trainer.dialogue.behaviours import BEHAVIOURS, POSITIVE
from trainer.dialogue.checkpoint_meaning import about_facts, states_step_facts
from kb.chinese_text import quantities
from trainer.dialogue.scenario import (
    KINDS, CaseFact, Checkpoint, CustomerLines, EndLine, FollowUp, MoodSpec, Persona, Reacting, Scenario, Trigger,
)

TOP_FIELDS = {"id", "title", "title_en", "kind", "difficulty", "max_turns", "persona", "mood", "goals", "goals_en",
              "case_facts", "checkpoints", "triggers", "customer_lines", "model_answers", "reply_seconds"}
MIN_FOLLOW_UPS = 3
# Lines per mood band and for pushback: with fewer, a customer who may not repeat a line
# (trainer.dialogue.customer) runs out within a call of 10–12 turns and falls back to fillers.
MIN_BAND_LINES = 3
MIN_PUSHBACK_LINES = 3
MIN_ACT_LINES = 2  # softened / unknown, when a scenario gives its own
READS_AS_QUESTION = "reads as a question"  # the words of a question line in neither asking nor not_asking (the editor's form finds it by them)


class _Checker(ItemChecker):
    """An item checker for a nested mapping: problems carry the dotted field path."""

    def __init__(self, item: LocatedDict, file: str, item_id: str | None, problems: list[Problem], prefix: str) -> None:
        super().__init__(item, file, item_id, problems)
        self.prefix = prefix

    def problem(self, field_name: str | None, message: str, message_zh: str = "") -> None:
        line = self.item.line_of(field_name) if field_name else self.item.line
        self.problems.append(Problem(self.file, line, self.item_id, f"{self.prefix}{field_name or ''}".rstrip(".") or None,
                                     message, message_zh))

    def sub(self, name: str, required: bool = True) -> "_Checker | None":
        value = self.item.get(name)
        if isinstance(value, LocatedDict):
            return _Checker(value, self.file, self.item_id, self.problems, f"{self.prefix}{name}.")
        if value is not None or required:
            if value is not None:
                self.problem(name, "must be a mapping of fields", "必须是“字段: 值”的映射")
            else:
                self.problem(name, "is missing", "缺少此字段")
        return None

    def mappings(self, name: str, minimum: int = 0) -> list["_Checker"]:
        value = self.item.get(name) or []
        if not isinstance(value, list):
            self.problem(name, "must be a list", "必须是列表")
            return []
        found = []
        for position, element in enumerate(value, start=1):
            if isinstance(element, LocatedDict):
                found.append(_Checker(element, self.file, self.item_id, self.problems, f"{self.prefix}{name}[{position}]."))
            else:
                self.problem(name, f"item {position} must be a mapping of fields", f"第 {position} 项必须是“字段: 值”的映射")
        if len(found) < minimum:
            self.problem(name, f"needs at least {minimum} item(s), has {len(found)}",
                         f"至少需要 {minimum} 项，现在只有 {len(found)} 项")
        return found

    def integer(self, name: str, low: int, high: int, default: int | None = None) -> int:
        value = self.item.get(name)
        if value is None and default is not None:
            return default
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            if value is not None:
                self.problem(name, f"must be a whole number from {low} to {high}", f"必须是 {low} 到 {high} 之间的整数")
            else:
                self.problem(name, "is missing", "缺少此字段")
            return default if default is not None else low
        return value

    def text_map(self, name: str) -> dict[str, str]:
        value = self.item.get(name) or {}
        if not isinstance(value, dict) or not all(isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in value.values()):
            self.problem(name, "must be a mapping of names to text", "必须是“名称: 文字”的映射")
            return {}
        return {str(k): str(v).strip() for k, v in value.items()}


def _persona(top: _Checker) -> Persona:
    check = top.sub("persona")
    if check is None:
        return Persona("", "")
    check.unknown_fields({"name", "description", "description_en", "facts", "private", "verifies"})
    return Persona(check.text("name"), check.text("description"), check.text_map("facts"),
                   check.text_map("private"), check.flag("verifies", True),
                   _english(check, "description_en", "description"))


def _english(check: _Checker, name: str, of: str) -> str:
    """An optional English field (`description_en` beside `description`): text, and only where the Chinese
    it translates is written (an English hint with no hint would show on no page)."""
    english = check.text(name, required=False)
    if english and not str(check.item.get(of) or "").strip():
        check.problem(name, f"translates {of}, which is not written", f"是 {of} 的英文，但没有填写 {of}")
    return english


def _goals_en(top: _Checker, goals: tuple[str, ...]) -> tuple[str, ...]:
    """`goals_en`: optional, one English goal per goal in the same order, like a quiz item's English options."""
    if "goals_en" not in top.item:
        return ()
    english = top.text_list("goals_en")
    if len(english) != len(goals):
        top.problem("goals_en", f"needs one translation per goal, in the same order: {len(goals)}, has {len(english)}",
                    f"须逐条翻译目标且顺序相同：应有 {len(goals)} 条，现有 {len(english)} 条")
    return english


def _mood(top: _Checker) -> MoodSpec:
    check = top.sub("mood")
    if check is None:
        return MoodSpec(50, 30, 80, 95)
    check.unknown_fields({"start", "calm", "angry", "hang_up"})
    mood = MoodSpec(*(check.integer(name, 0, 100) for name in ("start", "calm", "angry", "hang_up")))
    # Named as the scenario editor's form names them (平静线, 挂断线 …) with the YAML key and the figure: qa26 L3, an
    # instructor read "必须低于 hang_up" under a field labelled 挂断线.
    if not mood.calm < mood.angry < mood.hang_up:
        check.problem("calm", f"thresholds must rise: calm at or below ({mood.calm}) < angry at or above ({mood.angry}) "
                              f"< hangs up at ({mood.hang_up}) (calm < angry < hang_up)",
                      f"阈值必须递增：平静线（{mood.calm}）< 愤怒线（{mood.angry}）< 挂断线（{mood.hang_up}）"
                      "（calm < angry < hang_up）")
    if mood.start >= mood.hang_up:
        check.problem("start", f"must be below the hang-up line (hang_up, {mood.hang_up}), or the customer hangs up "
                               "before the call starts",
                      f"必须低于挂断线（hang_up，现为 {mood.hang_up}），否则通话还没开始客户就挂断了")
    return mood


def _case_facts(top: _Checker, entries: Mapping[str, Entry]) -> tuple[CaseFact, ...]:
    facts = []
    for check in top.mappings("case_facts"):
        check.unknown_fields({"terms", "value", "entry"})
        raw = check.item.get("value")
        values = check.text_list("value", minimum=1) if isinstance(raw, list) else (check.text("value"),)
        fact = CaseFact(check.text_list("terms", minimum=1), tuple(v for v in values if v), check.text("entry"))
        entry = entries.get(fact.entry)
        stated = {q.key for q in quantities(f"{entry.answer}\n{entry.script}")} if entry else set()
        for value in fact.values:
            said = quantities(value)
            if len(said) != 1:
                check.problem("value", f"each value must be one figure with a unit, such as 15日 or 60日, not {value!r}",
                              f"每个值必须是一个带单位的数字，例如 15日 或 60日，不能是 {value!r}")
            elif entry is not None and said[0].key not in stated:
                check.problem("value", f"{value} does not appear in FAQ entry '{fact.entry}': facts come from the knowledge base",
                              f"{value} 不在知识条目“{fact.entry}”中：案情数字必须来自知识库")
            elif entry is not None and said[0].key in {q.key for q in quantities(entry.script)} - {
                    q.key for q in quantities(entry_wording(entry))}:  # polish28: the script's figure lost to a blank
                check.problem("value", f"{value} is said in FAQ entry '{fact.entry}' only in a sentence with a blank the live "
                                       "agent fills in (X月X日, XX): the practice call's better wording leaves that sentence "
                                       f"out, so a trainee who gets {value} wrong is never shown it; write the figure and "
                                       "the blank as two sentences",
                              f"{value} 在知识条目“{fact.entry}”中只出现在含占位符（X月X日、XX）的句子里：模拟通话的“更好的说法”"
                              f"会略去这句，说错 {value} 的学员就看不到正确说法；请把数字和占位符分成两句写")
        facts.append(fact)
    return tuple(facts)


def _checkpoints(top: _Checker, entries: Mapping[str, Entry]) -> tuple[Checkpoint, ...]:
    checkpoints: list[Checkpoint] = []
    seen: set[str] = set()
    for check in top.mappings("checkpoints", minimum=1):
        check.unknown_fields({"id", "description", "description_en", "behaviour", "cues", "entries", "order", "hint",
                              "hint_en", "examples", "asks"})
        checkpoint_id = check.text("id")
        if checkpoint_id and not ID_PATTERN.match(checkpoint_id):
            check.problem("id", "must be kebab-case", "只能用小写字母、数字和连字符（如 verify-identity）")
        if checkpoint_id in seen:
            check.problem("id", f"duplicate checkpoint id '{checkpoint_id}'", f"要点 id“{checkpoint_id}”重复")
        seen.add(checkpoint_id)
        behaviour = check.text("behaviour", required=False)
        if behaviour and behaviour not in POSITIVE:
            check.problem("behaviour", f"must be one of {', '.join(POSITIVE)}, not {behaviour!r}",
                          f"只能是 {', '.join(POSITIVE)} 之一，不能是 {behaviour!r}")
        cues = check.text_list("cues")
        asks = check.text("asks", required=False)
        if asks and asks not in ASKED_QUESTIONS:
            check.problem("asks", f"must be one of {', '.join(ASKED_QUESTIONS)}, not {asks!r}",
                          f"只能是 {', '.join(ASKED_QUESTIONS)} 之一，不能是 {asks!r}")
        if not behaviour and not cues and not asks:
            check.problem("cues", "a checkpoint needs a behaviour, a question it asks (asks) or at least one cue phrase",
                          "要点需要一个行为（behaviour）、一个要问的问题（asks）或至少一个提示词（cues）")
        order = check.integer("order", 1, 99, default=0) or None
        hint = check.text("hint", required=False)
        _said_as_written(check, "hint", [hint])
        checkpoint = Checkpoint(checkpoint_id, check.text("description"), behaviour, cues, check.text_list("entries"),
                                order, hint, check.item.line, _english(check, "description_en", "description"),
                                _english(check, "hint_en", "hint"))
        checkpoints.append(replace(checkpoint, examples=_examples(check, checkpoint, entries), asks=asks or ""))
    return tuple(checkpoints)


def _examples(check: _Checker, checkpoint: Checkpoint, entries: Mapping[str, Entry]) -> tuple[str, ...]:
    """`examples`: trainees' sentences accepted as doing the step (评判纠错), read beside its description by the
    meaning check. Refused where that check would never read them: on a step met by a behaviour (the classifier
    learns from the utterance corpus), and — on a step about facts — an example stating none of its entries'
    terms or figures (a sentence must state one to meet it by meaning)."""
    examples = check.text_list("examples")
    if examples and checkpoint.behaviour:
        check.problem("examples", f"a step met by the behaviour {checkpoint.behaviour!r} learns from the utterance "
                                  "corpus, not from examples: leave examples out",
                      f"由行为“{checkpoint.behaviour}”完成的要点从话语语料学习，不读 examples：请删去 examples")
        return ()
    for position, example in enumerate(examples, start=1):
        if example in examples[:position - 1]:
            check.problem("examples", f"item {position} repeats {example!r}", f"第 {position} 项 {example!r} 重复")
        elif about_facts(checkpoint, entries) and not states_step_facts(example, checkpoint, entries):
            check.problem("examples", f"item {position} ({example!r}) states no term or figure of the step's entries "
                                      f"({', '.join(checkpoint.entries)}): the judge meets this step only by a sentence "
                                      "that does, so it would never read this one",
                          f"第 {position} 项（{example!r}）没有说到要点所依据知识条目的术语或数字"
                          f"（{', '.join(checkpoint.entries)}）：评判只凭说到这些的句子判定该要点，这句永远不会被用到")
    return tuple(dict.fromkeys(examples))


def _said_as_written(check: _Checker, name: str, lines: Sequence[str]) -> None:
    """Lines the practice call offers as said — model answers, a step's hint, shown as the better wording — hold no
    blank a live agent fills in (XX人寿, 工号XXXX, 状态是X: `kb.placeholders`): a trainee takes them word for word."""
    for position, line in enumerate(lines, start=1):
        if found := placeholders(line):
            item = f"item {position} " if len(lines) > 1 else ""
            check.problem(name, f"{item}holds the placeholder {found[0]!r}: the trainee is shown it as the words to say; "
                                "write it out (a name, a figure) or leave the sentence out",
                          f"{'第 %d 项' % position if len(lines) > 1 else ''}含占位符 {found[0]!r}：学员会把它当作原话照说，"
                          "请写出具体内容（名称、数字）或删去这句")


def _triggers(top: _Checker) -> tuple[Trigger, ...]:
    triggers = []
    for check in top.mappings("triggers"):
        check.unknown_fields({"when", "mood", "say"})
        when = check.choice("when", BEHAVIOURS)
        triggers.append(Trigger(when, check.integer("mood", -100, 100), check.text("say", required=False)))
    return tuple(triggers)


def _lines(top: _Checker, persona: Persona, checkpoint_ids: set[str]) -> CustomerLines:
    check = top.sub("customer_lines")
    if check is None:
        return CustomerLines("", {}, (), (), "", "", "")
    check.unknown_fields({"opening", "calm", "upset", "angry", "pushback", "follow_ups", "resolution",
                          "hang_up", "escalated", "timed_out", "verification_answer", "verification_refusal",
                          "softened", "unknown", "unfinished", "asking", "not_asking", "end_lines", "reacting"})
    follow_ups, seen = [], set()
    for fu in check.mappings("follow_ups", minimum=MIN_FOLLOW_UPS):
        fu.unknown_fields({"id", "ask", "entry", "cues", "after"})
        follow_up = FollowUp(fu.text("id"), fu.text("ask"), fu.text("entry"), fu.text_list("cues", minimum=1),
                             fu.text("after", required=False))
        if follow_up.id in seen:
            fu.problem("id", f"duplicate follow-up id '{follow_up.id}'", f"追问 id“{follow_up.id}”重复")
        seen.add(follow_up.id)
        if follow_up.after and follow_up.after not in checkpoint_ids:
            fu.problem("after", f"'{follow_up.after}' is not a checkpoint id of this scenario",
                       f"“{follow_up.after}”不是本情景的要点 id")
        follow_ups.append(follow_up)
    verification_answer = check.text("verification_answer", required=persona.verifies)
    verification_refusal = check.text("verification_refusal", required=not persona.verifies)
    if persona.verifies and persona.private and verification_answer and not any(v in verification_answer for v in persona.private.values()):
        check.problem("verification_answer", "should state at least one of the persona's private facts, so the check can be answered",
                      "应包含客户至少一项私密信息（private），身份核实才能被回答")
    bands = {band: check.text_list(band, minimum=MIN_BAND_LINES) for band in ("calm", "upset", "angry")}
    pushback = check.text_list("pushback", minimum=MIN_PUSHBACK_LINES)
    acts = {name: check.text_list(name, minimum=MIN_ACT_LINES) if name in check.item else ()
            for name in ("softened", "unknown")}
    _repeated_lines(check, {**bands, "pushback": pushback, **acts})
    # softened lines ask too (行，那你告诉我怎么弄。 right after being told how, qa25 C1)
    asking = _asking(check, {line for pool in (*bands.values(), pushback, acts["softened"]) for line in pool},
                     checkpoint_ids | {f.id for f in follow_ups})
    for name in END_LINE_FIELDS:
        _asks_nothing_after_the_goodbye(check, name)
    _every_question_listed(check, {**bands, "pushback": pushback, "softened": acts["softened"]}, asking)
    return CustomerLines(
        opening=check.text("opening"),
        bands=bands,
        pushback=pushback,
        softened=acts["softened"],
        unknown=acts["unknown"],
        unfinished=check.text("unfinished", required=False),
        follow_ups=tuple(follow_ups),
        resolution=check.text("resolution"),
        hang_up=check.text("hang_up"),
        escalated=check.text("escalated"),
        timed_out=check.text("timed_out", required=False) or CustomerLines.timed_out,
        verification_answer=verification_answer,
        verification_refusal=verification_refusal,
        asking=asking,
        end_lines=_end_lines(check, checkpoint_ids | {f.id for f in follow_ups}),
        reacting=_reacting(check, {line for pool in bands.values() for line in pool},
                           checkpoint_ids | {f.id for f in follow_ups}),
    )


def _reacting(check: _Checker, lines: set[str], ids: set[str]) -> dict[str, Reacting]:
    """`reacting`: mood lines said only right after a reply that did one of `right_after` (a step or question id, or a
    behaviour) or once the call had one of `after` (a step or question id) — a line about news not before the news."""
    reacting: dict[str, Reacting] = {}
    for item in check.mappings("reacting"):
        item.unknown_fields({"line", "right_after", "after"})
        line = item.text("line")
        reacts = Reacting(item.text_list("right_after"), item.text_list("after"))
        if line and line not in lines:
            item.problem("line", f"{line!r} is not one of this scenario's calm/upset/angry lines",
                         f"{line!r} 不是本情景 calm/upset/angry 中的台词")
        for name, known in (("right_after", ids | set(BEHAVIOURS)), ("after", ids)):
            for unknown in (i for i in getattr(reacts, name) if i not in known):
                item.problem(name, f"'{unknown}' is not a follow-up or checkpoint id of this scenario"
                                   + (" nor a behaviour" if name == "right_after" else ""),
                             f"“{unknown}”不是本情景的追问或要点 id" + ("，也不是行为" if name == "right_after" else ""))
        if not (reacts.right_after or reacts.after):
            item.problem("line", "needs right_after or after; a line that fits any reply needs no item",
                         "需要写明 right_after 或 after；任何时候都能说的台词不必列出")
        if line in reacting:
            item.problem("line", f"{line!r} is listed twice", f"{line!r} 重复列出")
        reacting[line] = reacts
    return reacting


END_LINE_FIELDS = ("resolution", "unfinished")  # the last lines an `end_lines` item may stand in for
# A request for the trainee to do something (你先帮我登记 / 你把我反映的情况都记上 / 你们先给我记上 / 麻烦你): in a last line it
# is said after the goodbye, where nobody will do it (qa30 C1: 行，那你先帮我登记… after 再见).
_ASKS_THE_AGENT = re.compile(r"你们?(?:就|先|再|赶紧|快)?(?:帮我|给我|替我|把)|麻烦你")


def _asks_nothing_after_the_goodbye(check: _Checker, name: str) -> None:
    """A line said to the trainee's goodbye (`resolution`, `unfinished`, an `end_lines` item) asks her to do nothing."""
    line = check.item.get(name)
    if isinstance(line, str) and (request := _ASKS_THE_AGENT.search(line)):
        check.problem(name, f"asks the agent to do something ({request.group()}…) but is said after the goodbye: say "
                            "what she will do, or that it was done (行，投诉的事就按你说的办。)",
                      f"结束语在坐席道别之后说，不能再请坐席办事（{request.group()}…）：改说客户自己接下来做什么，或事情已经办了"
                      "（行，投诉的事就按你说的办。）")


def _end_lines(check: _Checker, ids: set[str]) -> tuple[EndLine, ...]:
    """`end_lines`: last lines said only when the call had what they tell of — words the trainee said (`said`), steps
    met or questions answered (`done`), or not (`not_done`). A line without a condition would always stand in for the
    plain one: write it there instead."""
    end_lines = []
    for item in check.mappings("end_lines"):
        item.unknown_fields({"end", "line", "said", "done", "not_done"})
        end_line = EndLine(item.choice("end", END_LINE_FIELDS), item.text("line"), item.text_list("said"),
                           item.text_list("done"), item.text_list("not_done"))
        for name in ("done", "not_done"):
            for unknown in (i for i in getattr(end_line, name) if i not in ids):
                item.problem(name, f"'{unknown}' is not a follow-up or checkpoint id of this scenario",
                             f"“{unknown}”不是本情景的追问或要点 id")
        _asks_nothing_after_the_goodbye(item, "line")
        if not (end_line.said or end_line.done or end_line.not_done):
            item.problem("line", "needs a condition (said, done or not_done); a line said whatever the call had belongs "
                                 f"under {end_line.end or 'resolution'}",
                         f"需要写明条件（said、done 或 not_done）；不论通话如何都说的话请写在 {end_line.end or 'resolution'}")
        end_lines.append(end_line)
    return tuple(end_lines)


def _asking(check: _Checker, lines: set[str], ids: set[str]) -> dict[str, tuple[str, ...]]:
    """`asking`: each mood or pushback line that asks a question of the call, and the follow-ups or
    checkpoints that answer it."""
    asking: dict[str, tuple[str, ...]] = {}
    for item in check.mappings("asking"):
        item.unknown_fields({"line", "answered_by"})
        line, answered_by = item.text("line"), item.text_list("answered_by", minimum=1)
        if line and line not in lines:
            item.problem("line", f"{line!r} is not one of this scenario's calm/upset/angry/pushback/softened lines",
                         f"{line!r} 不是本情景 calm/upset/angry/pushback/softened 中的台词")
        for unknown in (i for i in answered_by if i not in ids):
            item.problem("answered_by", f"'{unknown}' is not a follow-up or checkpoint id of this scenario",
                         f"“{unknown}”不是本情景的追问或要点 id")
        if line in asking:
            item.problem("line", f"{line!r} is listed twice", f"{line!r} 重复列出")
        asking[line] = answered_by
    return asking


# A request for what the call tells (你就告诉我怎么才能恢复。/ 行，那你告诉我怎么弄。/ 那你说说有什么办法。): it asks, with no ？.
_REQUEST = re.compile(r"(告诉|跟|给)我[^。！!，,？?]{0,6}(怎么|什么|多少|哪|为什么|办法)|你就?(说|讲)(说|讲)?[^。！!，,？?]{0,4}(怎么|什么|办法)")


def question_shaped(line: str) -> bool:
    """The line reads as a question (？, or 吗/呢 at its end) or asks to be told something (告诉我怎么弄): the customer may be
    asking what the call answers."""
    return (bool(re.search(r"[？?]", line)) or line.rstrip("。！!…~～ ").endswith(("吗", "呢"))
            or bool(_REQUEST.search(line)))


def _every_question_listed(check: _Checker, pools: dict[str, tuple[str, ...]], asking: Mapping[str, tuple[str, ...]]) -> None:
    """Each question-shaped mood or pushback line is under `asking` (what answers it, so it is not asked
    again once answered) or under `not_asking` (rhetorical, or a generic press that fits whenever it is said).
    `asking` is written by hand; without this a new scenario's question line could re-ask what the call
    has answered (judge17's filter only knows the lines it is told about)."""
    pooled = {line for pool in pools.values() for line in pool}
    not_asking = set(check.text_list("not_asking"))
    for line in sorted(not_asking - pooled):
        check.problem("not_asking", f"{line!r} is not one of this scenario's calm/upset/angry/pushback/softened lines",
                      f"{line!r} 不是本情景 calm/upset/angry/pushback/softened 中的台词")
    for line in sorted(not_asking & set(asking)):
        check.problem("not_asking", f"{line!r} is listed under both asking and not_asking",
                      f"{line!r} 同时列在 asking 和 not_asking 中")
    for name, pool in pools.items():
        for line in pool:
            if question_shaped(line) and line not in asking and line not in not_asking:
                check.problem(name, f"{line!r} {READS_AS_QUESTION}: list it under asking (with the follow-ups or "
                                    "checkpoints that answer it) or under not_asking",
                              f"{line!r} 是问句：请列入 asking（写明由哪些追问或要点回答）或 not_asking")


def _repeated_lines(check: _Checker, pools: dict[str, tuple[str, ...]]) -> None:
    """A line written twice (in one list or two) would make the customer say it twice."""
    seen: dict[str, str] = {}
    for name, lines in pools.items():
        for line in lines:
            if line in seen:
                check.problem(name, f"the line {line!r} is already in {seen[line]}: the customer never repeats a line, write another",
                              f"台词 {line!r} 已在 {seen[line]} 中：客户不会重复同一句话，请另写一句")
            seen.setdefault(line, name)


def parse_scenario(data: Any, file: str, expected_id: str, entries: Mapping[str, Entry],
                   problems: list[Problem]) -> Scenario | None:
    """The scenario in `data` (parsed YAML), or None; every problem is appended to `problems`."""
    if not isinstance(data, LocatedDict):
        problems.append(Problem(file, 1, expected_id, None, "a scenario file must be a mapping of fields (id, title, persona …)",
                                "情景文件必须是“字段: 值”的映射（id、title、persona …）"))
        return None
    before = len(problems)
    scenario_id = str(data.get("id", "") or "").strip() or None
    top = _Checker(data, file, scenario_id or expected_id, problems, "")
    top.unknown_fields(TOP_FIELDS)
    if scenario_id is None:
        top.problem("id", "is missing", "缺少此字段")
    elif scenario_id != expected_id:
        top.problem("id", f"must match the file name ('{expected_id}')", f"必须与文件名一致（'{expected_id}'）")
    persona = _persona(top)
    checkpoints = _checkpoints(top, entries)
    model_answers = top.text_list("model_answers", minimum=1)
    _said_as_written(top, "model_answers", model_answers)
    max_turns = top.integer("max_turns", 4, 40, default=12)
    goals = top.text_list("goals", minimum=1)
    if len(model_answers) > max_turns:
        top.problem("max_turns", f"is {max_turns} but the model answers take {len(model_answers)} turns",
                    f"为 {max_turns}，但示范答案需要 {len(model_answers)} 轮")
    scenario = Scenario(
        id=scenario_id or expected_id,
        title=top.text("title"),
        title_en=top.text("title_en", required=False),
        kind=top.choice("kind", KINDS),
        difficulty=top.choice("difficulty", DIFFICULTIES, default=1),
        persona=persona,
        mood=_mood(top),
        goals=goals,
        goals_en=_goals_en(top, goals),
        checkpoints=checkpoints,
        triggers=_triggers(top),
        lines=_lines(top, persona, {c.id for c in checkpoints}),
        model_answers=model_answers,
        case_facts=_case_facts(top, entries),
        max_turns=max_turns,
        file=file,
        reply_seconds=top.integer("reply_seconds", 10, 600, default=60),
    )
    return scenario if len(problems) == before else None
