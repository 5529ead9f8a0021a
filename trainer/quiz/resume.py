"""The daily-training round in progress, kept in the store so a reload or a lost connection
resumes it at the same question instead of starting over (issue #16, defect 10).

The page's run state is a plain dict (see ui_pages/quiz.py): the questions as asked (options in
their shuffled order, so the resumed question looks the same), the position, the answers so
far and whether the current one was answered. It is stored as JSON, one row per user; a row
that no longer reads (an older format, edited by hand) is treated as no round at all.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict
from datetime import datetime
from typing import Any

from trainer.clock import utcnow
from trainer.quiz.question import Question
from trainer.store.db import Database
from trainer.store.models import QuizRun

log = logging.getLogger(__name__)

RunState = dict[str, Any]


def _question(data: dict[str, Any]) -> Question:
    answer = data["answer"]
    return Question(**{**data, "options": tuple(data["options"]), "accept": tuple(data.get("accept", ())),
                       "en_accept": tuple(data.get("en_accept", ())),
                       "en_options": tuple(data.get("en_options", ())),
                       "option_entries": tuple(data.get("option_entries", ())),
                       "answer": tuple(answer) if isinstance(answer, list) else answer})


def to_json(run: RunState) -> str:
    """The run state as JSON (questions in full, results by position)."""
    questions: list[Question] = run["questions"]
    positions = {q.id: i for i, q in enumerate(questions)}
    return json.dumps({
        "id": run["id"], "position": run["position"], "feedback": run["feedback"],
        "started": run["started"].isoformat(), "shown": run["shown"].isoformat(),
        "questions": [asdict(q) for q in questions],
        "results": [[positions[q.id], correct, seconds] for q, correct, seconds in run["results"]],
    }, ensure_ascii=False)


def from_json(text: str) -> RunState:
    """The run state `to_json` wrote; ValueError/KeyError/TypeError when it does not read."""
    data = json.loads(text)
    questions = [_question(q) for q in data["questions"]]
    return {"id": str(data["id"]), "questions": questions, "position": int(data["position"]),
            "results": [(questions[i], bool(correct), float(seconds)) for i, correct, seconds in data["results"]],
            "started": datetime.fromisoformat(data["started"]), "shown": datetime.fromisoformat(data["shown"]),
            "feedback": data["feedback"]}


def save_run(db: Database, user_id: int, run: RunState) -> None:
    """Keep `run` as `user_id`'s round in progress (replacing the one kept before)."""
    with db.session() as session:
        row = session.get(QuizRun, user_id)
        if row is None:
            session.add(QuizRun(user_id=user_id, state=to_json(run), updated_at=utcnow()))
        else:
            row.state, row.updated_at = to_json(run), utcnow()
        session.commit()


def unfinished_run(db: Database, user_id: int) -> RunState | None:
    """`user_id`'s round in progress, if there is one with questions left."""
    with db.session() as session:
        row = session.get(QuizRun, user_id)
        text = row.state if row is not None else None
    if text is None:
        return None
    try:
        run = from_json(text)
    except (ValueError, KeyError, TypeError, IndexError) as error:
        log.warning("ignoring an unreadable quiz round of user %s: %s", user_id, error)
        return None
    return run if run["position"] < len(run["questions"]) else None


def forget_run(db: Database, user_id: int) -> None:
    """The round is over (finished or abandoned): a reload starts afresh."""
    with db.session() as session:
        row = session.get(QuizRun, user_id)
        if row is not None:
            session.delete(row)
            session.commit()
