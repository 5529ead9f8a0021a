"""Every better wording the judge can show, said where it fits in a practice call, draws no fault (judge53b).

The lesson's 更好的说法 is what a trainee copies: a wording the judge faults teaches a fault (Stop 51: the dissuasion
lesson's own words drew 术语未解释 on 减额交清). The table is built from the code and the content, so a new scenario,
step, entry, forbidden phrase or lesson constant is played without editing this file:
- per scenario, the model line each fault's lesson would show at each point of the call (`ModelLines.for_fault`),
  each missed step's lesson (`lessons._model_for`: the step must be met by it too), each entry's wording for a wrong
  figure (`figure_wording`) and for an unanswered question (`entry_wording`);
- each forbidden phrase's `better` (服务用语库), each term's plain words (`term_wording`), and the lesson constants of
  the goal rules (`dissuading`, `agent_referrals`) in the scenarios whose goals bring them in.
A wording is said after the model answers before the point it fits (the model answer it comes from, else the one most
like it), as the trainee who had followed the model call so far would say it.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

import pytest

from tests.conftest import REAL_CONTENT
from trainer.dialogue import ContentFacts, DialogueSession, load_scenarios
from trainer.dialogue import agent_referrals, dissuading
from trainer.dialogue.lessons import _model_for
from trainer.dialogue.remedies import AT_THIS_POINT, REMEDIES, TONE_FAULTS, answer_wording, model_line_for
from trainer.dialogue.term_wording import plain_wording
from trainer.dialogue.wrong_figures import figure_wording
from kb.placeholders import entry_wording


@dataclass(frozen=True)
class Wording:
    """A better wording the judge can show (`source` says which lesson), said at `turn` of `scenario`; a step's
    lesson names its checkpoint, which the wording must meet."""

    source: str
    scenario: str
    turn: int
    text: str
    checkpoint: str = ""
    question: str = ""

    @property
    def id(self) -> str:
        return f"{self.scenario}-{self.turn}-{self.source}"


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def _most_like(text: str, scenarios) -> tuple[str, int]:
    """The (scenario, turn) whose model answer shares the most two-character pieces with `text`."""
    words = _bigrams(text)
    return max(((s.id, n) for s in scenarios for n in range(1, len(s.model_answers) + 1)),
               key=lambda at: len(words & _bigrams(_scenario(at[0]).model_answers[at[1] - 1])))


_SCENARIOS = load_scenarios(REAL_CONTENT)
_FACTS = ContentFacts.load(REAL_CONTENT)


def _scenario(scenario_id: str):
    return _SCENARIOS[scenario_id]


def _turn_of(text: str, scenario, turn: int = 0) -> int:
    """The model answer `text` is taken from (a fault's lesson is a model line from wherever the model call says it:
    the greeting that teaches a check made late fits at the greeting), else `turn`, else the answer most like it."""
    return next((n for n, answer in enumerate(scenario.model_answers, start=1) if text in answer), 0) \
        or turn or _most_like(text, [scenario])[1]


def _spoken_in(scenario) -> str:
    """What is said in a call of `scenario`: the model answers and her lines."""
    lines = scenario.lines
    return "".join([*scenario.model_answers, lines.opening, *(f.ask for f in lines.follow_ups)])


def _wordings() -> list[Wording]:
    rows: list[Wording] = []
    content = _FACTS.content
    for scenario in _SCENARIOS.values():
        lines = DialogueSession(scenario, _FACTS).model_lines
        for rubric in dict.fromkeys([*REMEDIES, *TONE_FAULTS, *AT_THIS_POINT]):
            for turn in range(1, len(scenario.model_answers) + 1):
                if better := lines.for_fault(rubric, turn):
                    rows.append(Wording(f"fault-{rubric}", scenario.id, _turn_of(better, scenario, turn), better))
        for checkpoint in scenario.checkpoints:
            better = _model_for(checkpoint, scenario)
            line = model_line_for(checkpoint, scenario.model_answers)
            turn = scenario.model_answers.index(line) + 1 if better in line else _turn_of(better, scenario)
            rows.append(Wording(f"step-{checkpoint.id}", scenario.id, turn, better, checkpoint.id))
        for entry_id in scenario.entry_ids():
            if better := figure_wording(entry_wording(content.entries[entry_id])):
                rows.append(Wording(f"figure-{entry_id}", scenario.id, _turn_of(better, scenario), better))
        for question in scenario.lines.follow_ups:  # said when she has asked it (`_said_where_it_fits`)
            better = answer_wording(question, scenario.model_answers, entry_wording(content.entries[question.entry]))
            rows.append(Wording(f"question-{question.id}", scenario.id, _turn_of(better, scenario), better,
                                question=question.id))
        for kind, better in ((dissuading.GIVING_UP, dissuading.BETTER), (dissuading.COMPLAINING, dissuading.BETTER_COMPLAINT)):
            if kind in dissuading.forbidden_kinds(scenario.goals):
                rows.append(Wording(f"dissuading-{kind}", scenario.id, _turn_of(better, scenario), str(better)))
        if agent_referrals.forbids_sending_to_agent(scenario.goals):
            better = agent_referrals.BETTER
            rows.append(Wording("agent-referrals", scenario.id, _turn_of(better, scenario), better))
    for phrase in content.forbidden_phrases:
        if phrase.better:
            rows.append(Wording(f"phrase-{phrase.id}", *_most_like(phrase.better, _SCENARIOS.values()), phrase.better))
    for group in content.glossary:  # in a call that speaks of the term (its model answers or her questions)
        better = plain_wording(group.terms[0], content.glossary, content.entries.values())
        speaking = [s for s in _SCENARIOS.values() if any(term in _spoken_in(s) for term in group.terms)]
        if better and speaking:
            rows.append(Wording(f"term-{group.id}", *_most_like(better, speaking), better))
    unique = {(row.scenario, row.turn, row.text, row.checkpoint, row.question): row for row in rows}
    return list(unique.values())


WORDINGS = _wordings()


def test_the_table_holds_every_kind_of_lesson():
    """Each source of better wording is in the table (a source that yields nothing would test nothing)."""
    sources = {row.source.split("-")[0] for row in WORDINGS}
    assert {"fault", "step", "figure", "question", "dissuading", "agent", "phrase", "term"} <= sources, sources
    assert len({row.scenario for row in WORDINGS}) == len(_SCENARIOS)


def test_every_lesson_constant_of_a_rule_module_is_in_the_table():
    """A rule module's own better wording (a `BETTER…` constant) is played here: a new one fails this test until it
    is given its scenarios above."""
    import importlib
    import pkgutil

    import trainer.dialogue as package

    played = {str(row.text) for row in WORDINGS}
    for module_info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"trainer.dialogue.{module_info.name}")
        for name, value in vars(module).items():
            if name.startswith("BETTER") and isinstance(value, str):
                assert str(value) in played, f"{module_info.name}.{name}"


def _asked(session: DialogueSession, question: str) -> bool:
    return session.state.pending is not None and session.state.pending.id == question \
        and question not in session.state.answered


def _with_what_comes_first(row: Wording, before: int) -> str:
    """A step's words as said at their turn: the model answer up to them (a step's own sentence in a model answer
    that first does the steps due before it: 第四项 after 第三项), else the words alone."""
    answers = _scenario(row.scenario).model_answers
    answer = answers[before] if row.checkpoint and before < len(answers) else ""
    return answer[:answer.index(row.text) + len(row.text)] if row.text in answer else row.text


def _said_where_it_fits(row: Wording, judge) -> tuple[DialogueSession, bool]:
    """A call of `row.scenario` with the model answers before `row.turn`, then the wording (an answer to her question:
    as soon as she has asked it, when the model call lets her ask it — True with the call then); an earlier point when
    the model call ends (the judge may resolve it sooner) before the wording's turn."""
    scenario = _scenario(row.scenario)
    if row.question:
        for before in range(len(scenario.model_answers)):
            session = _after(scenario, before, judge)
            if session is None:
                break
            if _asked(session, row.question):
                session.reply(row.text)
                return session, True
    for before in range(row.turn - 1, -1, -1):
        session = _after(scenario, before, judge)
        if session is not None:
            session.reply(_with_what_comes_first(row, before))
            return session, False
    raise AssertionError(f"{row.id}: the call ended before any reply")


_CALLS: dict[tuple[str, int], DialogueSession | None] = {}  # the model call so far, played once (a copy is said to)


def _after(scenario, before: int, judge) -> DialogueSession | None:
    """A copy of the model call of `scenario` after its first `before` answers, or None when it has ended by then."""
    key = (scenario.id, before)
    if key not in _CALLS:
        if before == 0:
            session = DialogueSession(scenario, _FACTS, judge=judge, seed=1)
            session.start()
        else:
            earlier = _after(scenario, before - 1, judge)
            session = None if earlier is None else _copy(earlier, judge)
            if session is not None:
                session.reply(scenario.model_answers[before - 1])
                session = None if session.done else session
        _CALLS[key] = session
    return None if _CALLS[key] is None else _copy(_CALLS[key], judge)


def _copy(session: DialogueSession, judge) -> DialogueSession:
    """The call as it stands, sharing the judge, the content and the scenario."""
    return copy.deepcopy(session, {id(judge): judge, id(_FACTS): _FACTS, id(session.scenario): session.scenario})


# Faults of what the reply leaves out or where it is said (a question of hers not answered, a reply that moves nothing
# on, a step before the steps due first): a wording that is the lesson for one fault (a tone, a term, a figure) is
# not the whole reply, and is judged on them only where it is (the model answer at that point; an answer to her
# question; a step's words, said after the steps due before it).
_OF_THE_REPLY = ("ignored_question", "checkpoint_order")
_NOTHING_SAID = "这句话没有回应客户"  # the reply-level 答非所问 (`session`), not a vague phrase of the words


def faults_of(row: Wording, session: DialogueSession, asked: bool) -> list[tuple[str, str]]:
    """The faults the wording draws where it is said (`asked`: said as the answer to her question, just asked)."""
    return [(f.rubric, f.quote) for f in session.findings if not f.ok and f.turn_index == session.state.turn
            and (asked or (f.rubric not in _OF_THE_REPLY and not str(f.advice).startswith(_NOTHING_SAID))
                 or (row.checkpoint and f.rubric == "checkpoint_order"))]


@pytest.mark.parametrize("row", WORDINGS, ids=[row.id for row in WORDINGS])
def test_a_better_wording_draws_no_fault_where_it_fits(row, judge):
    session, asked = _said_where_it_fits(row, judge)
    assert not faults_of(row, session, asked), (row.text, faults_of(row, session, asked))
    if row.checkpoint:
        assert row.checkpoint in session.state.done, (row.text, row.checkpoint)
    if asked:
        assert row.question in session.state.answered, (row.text, row.question)
