"""Corrections that teach the judge: a trainee marks a finding "judged wrong", an instructor relabels.

The queue lives in the database (`JudgeCorrection`). Accepting one writes the trainee's whole
reply, with the instructor's labels, into the utterance corpus through the content editor's one
write path (validated, conflict-checked, recorded in the history), as a `train` utterance of
`dialogue/utterances/corrections.yaml` — or relabels the utterance in place when the corpus
already has it. The judge retrains on the new corpus hash at its next build.

A missed step said to be done (未完成要点) that no behaviour meets — 确认仍在犹豫期内（15天）, 说明红利不保证 — is no
utterance label: accepting it (`accept_step`) adds the reply's sentence that did it to the checkpoint's `examples` in
the scenario file, through the same write path, and the meaning check reads it beside the step's description from the
next load (review46, qa21 J1). A step met by a behaviour (empathy, verification, closing) is relabelled as before.
The example may be several sentences in a row (a step done across them), and the editor refuses one the judge
faults (`example_faults`, review47). Missed steps accepted before review46 taught the step nothing: they are listed
(`unconverted_steps`) for an instructor to convert (`convert_step`) or set aside — never converted silently.

Some objections an instructor upholds cannot teach the judge anything: a step met by a sentence that states none of
its entry's terms or figures (it could never be an example, `can_be_example`: qa28 K2), and a 回复超时 the page
caused (the time was judged, not the words: K1). Others she upholds but will not teach: 回应空泛 on a sentence that was
fine in its call, yet no reference for the judge. `accept_for_call` accepts any of them for the call alone: nothing is
written to the content, and the call's report reads the finding or step as withdrawn (trainer.dialogue.withdrawn).
"""

from __future__ import annotations

import json
from difflib import SequenceMatcher
from dataclasses import dataclass
from datetime import datetime
from typing import Mapping, Sequence

import yaml
from sqlalchemy import func, select

from trainer.clock import utcnow
from trainer.dialogue.behaviours import NEGATIVE, NO_BEHAVIOUR, UTTERANCE_BEHAVIOURS
from trainer.dialogue.checkpoint_meaning import about_facts, states_step_facts
from trainer.dialogue.corpus import CORPUS_FOLDER, read_corpus
from trainer.dialogue.example_faults import example_faults
from trainer.dialogue.factbook import ContentFacts
from trainer.dialogue.loading import read_scenarios
from trainer.dialogue.scenario import Checkpoint, Scenario
from trainer.dialogue.segments import sentence_segments
from trainer.dialogue.scoring import Finding
from trainer.editing import history
from trainer.editing.editor import ContentEditor, FileEdit, SaveResult
from trainer.editing.yaml_style import YamlEditError, add_to_list_field
from trainer.store.db import Database
from trainer.store.models import JudgeCorrection

CORRECTIONS_FILE = f"{CORPUS_FOLDER}/corrections.yaml"
CORRECTIONS_HEADER = "writer: corrections\nutterances:\n"
MAX_REASON = 500
# The shortest note that can say why (这句是安慰 is five): a relabel or a kept judgement with no reason taught the
# trainee, and the next instructor reading the history, nothing (polish21).
MIN_NOTE = 4


@dataclass(frozen=True)
class Correction:
    """One queued correction, detached from the database session."""

    id: int
    user_id: int
    scenario_id: str
    turn_index: int
    behaviour: str
    verdict_ok: bool
    quote: str
    utterance: str
    reason: str
    status: str
    labels: tuple[str, ...]
    created_at: datetime
    dialogue_id: int | None = None
    reviewed_at: datetime | None = None
    review_note: str = ""  # the instructor's word to the trainee, with the outcome
    for_this_call: bool = False  # accepted for its call alone, nothing written (`accept_for_call`)
    step_id: str = ""  # the step an accepted missed-step objection counted as done, when it was recorded

    @classmethod
    def of(cls, row: JudgeCorrection) -> "Correction":
        stored = _stored(row.labels_json)
        return cls(row.id, row.user_id, row.scenario_id, row.turn_index, row.behaviour, row.verdict_ok, row.quote,
                   row.utterance, row.reason, row.status, tuple(stored.get("labels", [])), row.created_at,
                   row.dialogue_id, row.reviewed_at, row.review_note or "", bool(stored.get("this_call")),
                   str(stored.get("step") or ""))


def _stored(labels_json: str | None) -> dict:
    try:
        value = json.loads(labels_json or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def mark_judged_wrong(db: Database, user_id: int, scenario_id: str, finding: Finding, utterance: str,
                      reason: str, dialogue_id: int | None = None) -> int:
    """Queue a trainee's objection to one finding; returns its id. The reason is required."""
    reason = (reason or "").strip()
    if not reason:
        raise ValueError("please say briefly why the judgement is wrong")
    row = JudgeCorrection(user_id=user_id, dialogue_id=dialogue_id, scenario_id=scenario_id,
                          turn_index=finding.turn_index, behaviour=finding.rubric, verdict_ok=finding.ok,
                          quote=finding.quote, utterance=utterance.strip(), reason=reason[:MAX_REASON])
    with db.session() as session:
        session.add(row)
        session.commit()
        return row.id


# The quote of a contested missed step: which checkpoint the trainee says the reply did (a step is no finding).
MISSED_STEP = "未完成要点："


def mark_step_done(db: Database, user_id: int, scenario_id: str, checkpoint: Checkpoint, turn_index: int,
                   utterance: str, reason: str, dialogue_id: int | None = None) -> int:
    """Queue a trainee's objection to a checkpoint judged unmet ("我说了"), with the reply that did it: the same
    queue and review as a finding (qa14 #13). The behaviour is the checkpoint's own when it is met by one
    (empathy, verification, closing: accepting labels the reply with it), else "checkpoint"."""
    finding = Finding(turn_index, checkpoint.behaviour or "checkpoint", False, f"{MISSED_STEP}{checkpoint.description}", "")
    return mark_judged_wrong(db, user_id, scenario_id, finding, utterance, reason, dialogue_id)


def missed_step(correction: Correction) -> str:
    """The checkpoint a correction says was done after all ("" for an objection to a finding)."""
    return correction.quote.removeprefix(MISSED_STEP) if correction.quote.startswith(MISSED_STEP) else ""


def verdict_kept(correction: Correction) -> bool:
    """Whether an accepted objection to a finding was relabelled so that the judge's verdict still holds: the
    instructor's labels keep the fault it flagged (rude on 可别磨叽了) or the behaviour it credited. Accepting writes
    the reply into the corpus either way; only the labels tell the trainee whether the judge was wrong (qa27: 阿杰
    read "已接受：评判已更正" under a relabel that kept 服务忌语). A missed step, or a verdict no label can state, is
    not read this way."""
    if (correction.status != "accepted" or correction.for_this_call or missed_step(correction)
            or correction.behaviour not in UTTERANCE_BEHAVIOURS):
        return False  # accepted for its call alone (`accept_for_call`) labels nothing: the objection is upheld
    judge_saw_it = correction.verdict_ok or correction.behaviour in NEGATIVE
    return (correction.behaviour in correction.labels) == judge_saw_it


def contested_step(correction: Correction, checkpoints: Sequence[Checkpoint]) -> Checkpoint | None:
    """The checkpoint (of the correction's scenario, `checkpoints`) a missed-step objection names, or None."""
    description = missed_step(correction)
    return next((c for c in checkpoints if c.description == description), None) if description else None


def teaches_by_example(checkpoint: Checkpoint | None) -> bool:
    """Whether accepting a missed step adds an example to the step (no behaviour meets it) rather than labels."""
    return checkpoint is not None and not checkpoint.behaviour


def can_be_example(step: Checkpoint, example: str, entries: Mapping[str, object]) -> bool:
    """Whether `example` may join `step`'s examples as far as its facts go: a step about facts is met by meaning only by
    a sentence stating a term or figure of its entries, and the content check refuses any other as an example
    (trainer.dialogue.schema._examples). qa28 K2: 高、中、低那几档数字…只是参考 was refused after the click, with the
    validator's file:line block, and the instructor's only way on was to tell the trainee she had not done it."""
    return not about_facts(step, entries) or states_step_facts(example, step, entries)


def reply_sentences(utterance: str) -> list[str]:
    """The reply's sentences, of which an instructor names the one, or the ones in a row, doing the step (the whole
    reply when it is one)."""
    return list(dict.fromkeys(t for s in sentence_segments(utterance) if (t := s.text.strip()))) or [utterance.strip()]


QUOTED_CHARS = 3  # characters in a row a trainee's reason shares with a sentence of the reply to name it (十五天)


def quoted_sentence(sentences: Sequence[str], reason: str) -> str:
    """The sentence of the reply the trainee's reason quotes (我说了“这个情况我会照实记下来的”): the one sharing the
    longest run of characters with it, at least QUOTED_CHARS; else the first. qa24: the first was offered by default,
    嗯嗯明白，谢谢你跟我说实话。, and one click would have taught it as an example of recording truthfully."""
    def shared(sentence: str) -> int:
        return SequenceMatcher(None, sentence, reason, autojunk=False).find_longest_match().size

    best = max(sentences, key=shared)  # max keeps the first of equals
    return best if shared(best) >= QUOTED_CHARS else sentences[0]


def open_corrections(db: Database) -> list[Correction]:
    """The instructors' queue, oldest first."""
    with db.session() as session:
        rows = session.scalars(select(JudgeCorrection).where(JudgeCorrection.status == "open")
                               .order_by(JudgeCorrection.id)).all()
        return [Correction.of(r) for r in rows]


def corrections_by(db: Database, user_id: int, dialogue_id: int | None = None, limit: int = 50) -> list[Correction]:
    """A trainee's objections, newest first, with what became of each (open, accepted or rejected, and the
    instructor's note); of one call with `dialogue_id`. The trainee never learnt the outcome (qa16 #13)."""
    statement = select(JudgeCorrection).where(JudgeCorrection.user_id == user_id)
    if dialogue_id is not None:
        statement = statement.where(JudgeCorrection.dialogue_id == dialogue_id)
    with db.session() as session:
        rows = session.scalars(statement.order_by(JudgeCorrection.id.desc()).limit(limit)).all()
        return [Correction.of(r) for r in rows]


def review_counts(db: Database) -> dict[str, int]:
    """How many objections are open, accepted and rejected (kept as judged): a rejected one leaves the queue
    but still counts as handled (qa16 #14)."""
    with db.session() as session:
        rows = session.execute(select(JudgeCorrection.status, func.count()).group_by(JudgeCorrection.status)).all()
    return {"open": 0, "accepted": 0, "rejected": 0} | {status: count for status, count in rows}


def suggested_labels(correction: Correction, corpus_labels: Sequence[str] = ()) -> tuple[list[str], list[str]]:
    """(labels, counter) an instructor most likely wants: the objection taken at its word."""
    labels = [b for b in corpus_labels if b != correction.behaviour]
    counter: list[str] = []
    if missed_step(correction):  # a step said to be done: the reply shows its behaviour, if it has one
        return labels + [correction.behaviour] * (correction.behaviour in UTTERANCE_BEHAVIOURS), counter
    if correction.verdict_ok is False and correction.behaviour in NEGATIVE:
        counter = [correction.behaviour]  # flagged wrongly: a counter-example for that fault
    elif correction.verdict_ok is False and correction.behaviour in UTTERANCE_BEHAVIOURS:
        labels.append(correction.behaviour)
    return labels, counter


def needs_note(correction: Correction, corpus_labels: Sequence[str], labels: Sequence[str], counter: Sequence[str],
               keeping: bool) -> bool:
    """Whether the instructor must say why: on keeping the judgement, and on accepting with labels other than the
    objection taken at its word (`suggested_labels`); accepting what the trainee said stays one click."""
    if keeping:
        return True
    suggested, suggested_counter = suggested_labels(correction, corpus_labels)
    return ({b for b in labels if b != NO_BEHAVIOUR}, set(counter)) != (set(suggested), set(suggested_counter))


def note_given(note: str) -> bool:
    """Whether `note` is a reason (at least `MIN_NOTE` characters besides spaces), not a blank or a stray key."""
    return len("".join((note or "").split())) >= MIN_NOTE


def _item_line(text: str, labels: Sequence[str], counter: Sequence[str]) -> str:
    item = {"text": text, "labels": list(labels) or [NO_BEHAVIOUR]}
    if counter:
        item["counter"] = list(counter)
    item["split"] = "train"
    return "  - " + yaml.safe_dump(item, allow_unicode=True, default_flow_style=True, width=10**6, sort_keys=False).strip()


def _with_utterance(editor: ContentEditor, text: str, labels: Sequence[str], counter: Sequence[str]
                    ) -> tuple[str, str | None, str]:
    """(file name, its current text, its new text) with the utterance added or relabelled in place."""
    known = next((u for u in read_corpus(editor.root)[0] if u.text == text), None)
    name = known.file if known is not None else CORRECTIONS_FILE
    current = editor.read(name)
    line = _item_line(text, labels, counter)
    if known is None:
        base = current if current is not None else CORRECTIONS_HEADER
        return name, current, base.rstrip("\n") + "\n" + line + "\n"
    lines = (current or "").split("\n")
    original = lines[known.line - 1]
    split = "dev" if "split: dev" in original else "train"  # a dev utterance stays in dev
    lines[known.line - 1] = original[:len(original) - len(original.lstrip())] + line.strip().replace("split: train", f"split: {split}")
    return name, current, "\n".join(lines)


def accept(db: Database, editor: ContentEditor, correction_id: int, labels: Sequence[str],
           counter: Sequence[str], reviewer: str, note: str = "") -> SaveResult:
    """Put the relabelled utterance into the corpus (validated, recorded) and close the correction, with the
    instructor's `note` to the trainee."""
    with db.session() as session:
        row = session.get(JudgeCorrection, correction_id)
        if row is None or row.status != "open":
            return SaveResult(False, error=f"correction #{correction_id} is not open")
        text = row.utterance
    name, current, new_text = _with_utterance(editor, text, [b for b in labels if b != NO_BEHAVIOUR], counter)
    result = editor.apply(reviewer, "update" if current is not None else "create", f"utterance-{correction_id}",
                          f"judge correction #{correction_id}: {', '.join(labels) or NO_BEHAVIOUR}",
                          [FileEdit(name, current, new_text, history.latest_change_id(db))])
    if result.ok:
        _accepted(db, correction_id, reviewer, note, {"labels": list(labels), "counter": list(counter)}, result)
    return result


def accept_step(db: Database, editor: ContentEditor, correction_id: int, sentences: str | Sequence[str],
                reviewer: str, note: str = "") -> SaveResult:
    """The step was met after all: `sentences` (one sentence of the reply, or several in a row: a step done across
    them, review47) join the checkpoint's `examples` in its scenario file as the reply's words (validated — the facts
    rule, and the judge's fault reading: a rude, blaming, promising, data-leaking or wrongly figured example is
    refused —, recorded; refused, nothing written and the objection still open, when the content would not load),
    and the correction closes with the instructor's `note` to the trainee."""
    with db.session() as session:
        row = session.get(JudgeCorrection, correction_id)
        if row is None or row.status != "open":
            return SaveResult(False, error=f"correction #{correction_id} is not open")
        correction = Correction.of(row)
    result, taught = _write_example(db, editor, correction, sentences, reviewer)
    if result.ok:
        _accepted(db, correction_id, reviewer, note, taught, result)
    return result


def accept_for_call(db: Database, correction_id: int, reviewer: str, note: str = "", step: Checkpoint | None = None) -> bool:
    """Uphold the objection for its call alone: nothing is written to the content and the judge learns nothing; the
    call's finding (or `step`, counted as done) is withdrawn on its report and in 薄弱情景. False when the correction
    is no longer open."""
    with db.session() as session:
        row = session.get(JudgeCorrection, correction_id)
        if row is None or row.status != "open":
            return False
    taught = {"this_call": True, **({"step": step.id} if step is not None else {})}
    _accepted(db, correction_id, reviewer, note, taught, SaveResult(True))
    return True


@dataclass(frozen=True)
class NotAnExample:
    """Why the reply's sentences were refused as the step's example after the click: the faults the judge finds in
    them (none: they state none of the step's terms or figures). The page says it in one sentence, with 只为这次通话接受
    as the way on, where it showed the validator's file:line block (ui54)."""

    example: str
    faults: tuple[Finding, ...] = ()


def refused_example(editor: ContentEditor, correction: Correction, sentences: str | Sequence[str],
                    result: SaveResult) -> NotAnExample | None:
    """When `result` (of `accept_step` on `sentences`) refused them as the step's example — not a conflict, nor a
    problem elsewhere — why; else None."""
    if result.ok or result.conflict is not None or not any(
            p.field and p.field.endswith("examples") for p in result.problems):
        return None
    scenario = read_scenarios(editor.root, editor.kb.content.entries)[0].get(correction.scenario_id)
    example = reply_run(correction.utterance, sentences)
    if scenario is None or example is None:
        return None
    judge = editor.judge() if editor.judge is not None else None
    return NotAnExample(example, tuple(example_faults(scenario, example, ContentFacts(editor.kb.content), judge)))


def reply_run(utterance: str, sentences: str | Sequence[str]) -> str | None:
    """The reply's own words from the first to the last of `sentences` when they are one sentence of it or several
    in a row (chosen in any order; a text of several sentences is read as them), else None."""
    if isinstance(sentences, str):
        sentences = [s.text for s in sentence_segments(sentences)] or [sentences]
    chosen = [s.strip() for s in sentences]
    segments = sentence_segments(utterance)
    texts = [s.text.strip() for s in segments]
    if not chosen or any(c not in texts for c in chosen):
        return None
    places = sorted({texts.index(c) for c in chosen})
    if places != list(range(places[0], places[-1] + 1)):
        return None
    return utterance[segments[places[0]].start:segments[places[-1]].end].strip()


def _write_example(db: Database, editor: ContentEditor, correction: Correction, sentences: str | Sequence[str],
                   reviewer: str) -> tuple[SaveResult, dict]:
    """Add the reply's `sentences` to the contested step's `examples` through the editor; (result, what it taught)."""
    scenario = read_scenarios(editor.root, editor.kb.content.entries)[0].get(correction.scenario_id)
    step = contested_step(correction, scenario.checkpoints) if scenario is not None else None
    if not teaches_by_example(step):
        return SaveResult(False, error=f"correction #{correction.id} names no step of scenario "
                                       f"'{correction.scenario_id}' met without a behaviour"), {}
    example = reply_run(correction.utterance, sentences)
    if example is None:
        return SaveResult(False, error=f"{sentences!r} is not a sentence of the reply, nor sentences of it in a row"), {}
    current = editor.read(scenario.file)
    try:
        new_text = add_to_list_field(current or "", "checkpoints", step.id, "examples", example, scenario.file)
    except YamlEditError as error:
        return SaveResult(False, error=str(error)), {}
    result = SaveResult(True) if new_text == current else editor.apply(
        reviewer, "update", scenario.id, f"judge correction #{correction.id}: example of {step.id}",
        [FileEdit(scenario.file, current, new_text, history.latest_change_id(db))])
    return result, {"step": step.id, "example": example}


def unconverted_steps(db: Database, scenarios: Mapping[str, Scenario]) -> list[Correction]:
    """Missed steps accepted before a step could be taught by example (review46): a step no behaviour meets, accepted
    with labels into the utterance corpus, which taught the step nothing. Oldest first; none the instructor has
    converted (`convert_step`) or set aside (`set_aside_step`). Nothing of them is changed until an instructor says."""
    with db.session() as session:
        rows = session.scalars(select(JudgeCorrection).where(JudgeCorrection.status == "accepted")
                               .where(JudgeCorrection.quote.startswith(MISSED_STEP)).order_by(JudgeCorrection.id)).all()
        found = [(Correction.of(r), _stored(r.labels_json)) for r in rows]
    return [c for c, taught in found if not {"step", "set_aside"} & taught.keys() and (scenario := scenarios.get(
        c.scenario_id)) is not None and teaches_by_example(contested_step(c, scenario.checkpoints))]


def convert_step(db: Database, editor: ContentEditor, correction_id: int, sentences: str | Sequence[str],
                 reviewer: str) -> SaveResult:
    """An older accepted missed step (`unconverted_steps`) taught as review46 teaches one: the reply's `sentences`
    join the step's examples (validated, recorded). The correction keeps its outcome, note and corpus labels — the
    trainee read them — and records the example and who converted it beside them."""
    with db.session() as session:
        row = session.get(JudgeCorrection, correction_id)
        if row is None or row.status != "accepted" or {"step", "set_aside"} & _stored(row.labels_json).keys():
            return SaveResult(False, error=f"correction #{correction_id} is no accepted step still to convert")
        correction = Correction.of(row)
    result, taught = _write_example(db, editor, correction, sentences, reviewer)
    if result.ok:
        _record_taught(db, correction_id, {**taught, "converted_by": reviewer,
                                           "example_change_id": result.change_ids[0] if result.change_ids else None})
    return result


def set_aside_step(db: Database, correction_id: int, reviewer: str) -> None:
    """An older accepted missed step the instructor chose not to turn into an example: off the list, nothing written
    to the content, the choice recorded beside the correction's labels."""
    _record_taught(db, correction_id, {"set_aside": reviewer})


def _record_taught(db: Database, correction_id: int, added: dict) -> None:
    with db.session() as session:
        row = session.get(JudgeCorrection, correction_id)
        if row is not None:
            row.labels_json = json.dumps({**_stored(row.labels_json), **added}, ensure_ascii=False)
            session.commit()


def _accepted(db: Database, correction_id: int, reviewer: str, note: str, taught: dict, result: SaveResult) -> None:
    """Close a correction as accepted, with what it taught the judge and the change that wrote it."""
    with db.session() as session:
        row = session.get(JudgeCorrection, correction_id)
        row.status, row.reviewer, row.reviewed_at = "accepted", reviewer, utcnow()
        row.review_note = _note(note)
        row.labels_json = json.dumps(taught, ensure_ascii=False)
        row.change_id = result.change_ids[0] if result.change_ids else None
        session.commit()


def reject(db: Database, correction_id: int, reviewer: str, note: str = "") -> None:
    """The judgement stands; the correction leaves the queue, with the instructor's `note` (why) to the trainee."""
    with db.session() as session:
        row = session.get(JudgeCorrection, correction_id)
        if row is not None and row.status == "open":
            row.status, row.reviewer, row.reviewed_at = "rejected", reviewer, utcnow()
            row.review_note = _note(note)
            session.commit()


def _note(note: str) -> str | None:
    return (note or "").strip()[:MAX_REASON] or None
