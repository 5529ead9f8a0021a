"""A step's example read for faults of its own, as the judge reads a trainee's reply (review47).

An example (`Checkpoint.examples`, written by 评判纠错 or in 情景编辑) is a reference the meaning check credits the step
by: every later trainee who says it, or words close to it, meets the step. One an instructor accepted though it is
rude, blaming, promising an outcome, reading out the customer's data or stating a wrong figure (您这个情况，钱下礼拜肯定
到账，放心吧) would teach the judge to credit exactly what it must fault. So each example is played as the first reply of
its scenario's call, read by the rules and — when one is given — the classifier, and any fault of `EXAMPLE_FAULTS` in
it refuses the example, naming the fault and the words it quotes.

The faults are the reply's own (`session.CONDUCT_FAULTS`, which already cost a sentence its step credit, and a wrong
figure, which blocks the step's entries): a question left open, a vague or unexplained term depend on the call
around the sentence, not on the sentence.
"""

from __future__ import annotations

from typing import Iterable

from kb.yaml_source import Problem
from trainer.dialogue.behaviours import LABELS
from trainer.dialogue.factbook import FactBook
from trainer.dialogue.judge import MeaningJudge
from trainer.dialogue.scenario import Checkpoint, Scenario
from trainer.dialogue.scoring import Finding
from trainer.dialogue.session import CONDUCT_FAULTS, DialogueSession
from trainer.dialogue.wrong_figures import WRONG_FACT

EXAMPLE_FAULTS = (*CONDUCT_FAULTS, WRONG_FACT)


def example_faults(scenario: Scenario, example: str, facts: FactBook, judge: MeaningJudge | None) -> list[Finding]:
    """The faults of `EXAMPLE_FAULTS` the judge finds in `example` said as a reply in a call of `scenario` (by the
    rules alone without `judge`)."""
    session = DialogueSession(scenario, facts, judge=judge, placing=False)
    session.start()
    session.reply(example)
    return [f for f in session.findings if not f.ok and f.rubric in EXAMPLE_FAULTS]


def fault_problem(scenario: Scenario, step: int, checkpoint: Checkpoint, position: int, example: str,
                  faults: Iterable[Finding]) -> Problem:
    """The problem an example with `faults` is: file, the step's line, the scenario, the field as the schema names it
    (`checkpoints[step].examples`, `step` counted from 1); each fault by name with the words it quotes."""
    faults = list(faults)
    en = "; ".join(f"{LABELS[f.rubric][1]} “{f.quote}”" for f in faults)
    zh = "；".join(f"{LABELS[f.rubric][0]}“{f.quote}”" for f in faults)
    return Problem(scenario.file, checkpoint.line, scenario.id, f"checkpoints[{step}].examples",
                   f"item {position} ({example!r}) is faulted by the judge: {en} — a trainee who says it is faulted, "
                   "so it cannot be the step's reference (a trainee saying it or words close to it would meet the step)",
                   f"第 {position} 项（{example!r}）会被评判判为问题：{zh}——学员这样说会被扣分，不能作为该要点的示例句"
                   "（照这句或相近的话说的学员都会被判完成该要点）")


def example_fault_problems(scenarios: Iterable[Scenario], facts: FactBook, judge: MeaningJudge | None) -> list[Problem]:
    """A problem for every example of these scenarios the judge faults (`example_faults`). A scenario naming an entry
    the content lacks is skipped: the content check reports that."""
    problems = []
    for scenario in scenarios:
        if not any(c.examples for c in scenario.checkpoints) or any(
                i not in facts.content.entries for i in scenario.entry_ids()):
            continue
        for step, checkpoint in enumerate(scenario.checkpoints, start=1):
            for position, example in enumerate(checkpoint.examples, start=1):
                faults = example_faults(scenario, example, facts, judge)
                if faults:
                    problems.append(fault_problem(scenario, step, checkpoint, position, example, faults))
    return problems


def example_count(scenarios: Iterable[Scenario]) -> int:
    """How many examples these scenarios' steps hold."""
    return sum(len(c.examples) for s in scenarios for c in s.checkpoints)
