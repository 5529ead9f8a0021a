"""The scenario's fixed lines: the end line for an outcome, and the customer's next question.

What the customer says in reaction to each reply is chosen by `trainer.dialogue.customer`.
"""

from __future__ import annotations

from typing import Sequence

from kb.text import content_terms
from trainer.dialogue.checkpoint_meaning import said_cues
from trainer.dialogue.customer import DEFAULT_UNFINISHED, STILL_OPEN
from trainer.dialogue.scenario import Checkpoint, CustomerLines, EndLine, FollowUp
from trainer.dialogue.spoken_cues import Reader


def fits(end_line: EndLine, agent_text: str, done: frozenset[str] | set[str], reader: Reader | None = None) -> bool:
    """The call had what `end_line` tells of: `agent_text` is all the trainee said, `done` the steps met and the questions
    answered. A word of `said` is read as the judge reads a step's cues (`checkpoint_meaning.said_cues`, with the
    session's `reader`): 扣款嘅账户 / 扣款用的账户 say 扣款账户 (customer53's note), and a word said after a negation or a
    hedge is not said — 不用换卡 says no 换卡 (customer54's note)."""
    said = not end_line.said or bool(said_cues(agent_text, Checkpoint("", "", cues=end_line.said), reader))
    return said and all(i in done for i in end_line.done) and not any(i in done for i in end_line.not_done)


def fitting_line(lines: CustomerLines, end: str, agent_text: str, done: frozenset[str],
                 reader: Reader | None = None) -> str:
    """The scenario's `end` line (resolution, unfinished) for this call: the first of its `end_lines` whose condition the
    call had, else the plain one. qa27 C1: 好的，我这周就去办复效，顺便把扣款的卡也换了。 after a call that never spoke of
    the card; qa28 C1: 就这样？…你也没给我个准话。 after the complaint was registered. `agent_text`: all the trainee said;
    `done`: the steps met and the questions answered; `reader`: how the judge reads a reply (`EndLine.fits`)."""
    fitting = next((e.line for e in lines.end_lines if e.end == end and fits(e, agent_text, done, reader)), None)
    return fitting if fitting is not None else getattr(lines, end)


def end_line(lines: CustomerLines, outcome: str, agent_text: str = "", done: frozenset[str] = frozenset(),
             reader: Reader | None = None) -> str:
    """The last line for `outcome` (resolved, hung_up, escalated, timed_out)."""
    if outcome == "resolved":
        return fitting_line(lines, "resolution", agent_text, done, reader)
    return {"hung_up": lines.hang_up, "escalated": lines.escalated, "timed_out": lines.timed_out}[outcome]


def unfinished_line(lines: CustomerLines, still_open: FollowUp, agent_text: str = "",
                    done: frozenset[str] = frozenset(), reader: Reader | None = None) -> str:
    """Her last line when the trainee closes with `still_open` unanswered: the scenario's `unfinished` line when it names
    that question or none of hers (我问的事你还没说清楚呢), else the open question in its own words. polish26's
    cooling-off call closed with 钱多久能到账？ open, and she said "可我还是不知道钱到底能不能全退回来" — the refund amount
    she had been told two turns before. A line names a question by a word of its ask (`kb.text.content_terms`, function
    words left out: 全退 in 那能全退吗？, 恢复 in 那我要怎么恢复？)."""
    line = fitting_line(lines, "unfinished", agent_text, done, reader) or DEFAULT_UNFINISHED
    words = set(content_terms(line))
    named = [f.id for f in lines.follow_ups if words & set(content_terms(f.ask))]
    return line if not named or still_open.id in named else STILL_OPEN.format(ask=still_open.ask)


def next_follow_up(follow_ups: Sequence[FollowUp], asked: set[str], done_checkpoints: set[str]) -> FollowUp | None:
    """The first question not yet asked whose `after` checkpoint (if any) is met."""
    for follow_up in follow_ups:
        if follow_up.id not in asked and (not follow_up.after or follow_up.after in done_checkpoints):
            return follow_up
    return None
