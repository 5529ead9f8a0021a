"""Quiz assignments (qa24 I3): made as scenarios are, done by the first round of their category with enough items
answered after they were made — on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import inspect, text

from tests.trainer.assignments.test_store import TODAY, people  # noqa: F401 - the same team, as a fixture
from tests.trainer.store.migrating import migrate
from trainer.assignments.quiz import complete_quiz_assignments
from trainer.assignments.store import (AssignmentError, assignments_for, completions, create_assignment,
                                       create_quiz_assignment, team_assignments)
from trainer.clock import utcnow
from trainer.quiz.progress import Attempt, ProgressStore
from trainer.store.db import Database
from trainer.users.accounts import create_user


BANK = {"claims": 40, "policy": 40}  # questions by category in the bank: more than any quiz below asks


def answer(db: Database, user, round_id: str, categories: list[str], right: int, after_seconds: float = 1.0) -> None:
    """A round of answers, one per category given, the first `right` of them right."""
    store = ProgressStore(db)
    for i, category in enumerate(categories):
        store.record_attempt(Attempt(user_id=user.id, item_id=f"q-{round_id}-{i}", correct=i < right, category=category,
                                     session_id=round_id, answered_at=utcnow() + timedelta(seconds=after_seconds + i)))


def test_a_quiz_is_assigned_and_listed_beside_the_scenarios(database, people) -> None:
    scenario = create_assignment(database, people["lead"], "ci-claim-declined", "一组", "training", TODAY, TODAY)
    quiz = create_quiz_assignment(database, people["lead"], "claims", 5, "一组", TODAY, TODAY, [people["agent"].id])
    assert (quiz.is_quiz, quiz.quiz_category, quiz.quiz_items, quiz.scenario_id) == (True, "claims", 5, "")
    assert not scenario.is_quiz
    assert {a.id for a in assignments_for(database, people["agent"])} == {scenario.id, quiz.id}
    assert [a.id for a in assignments_for(database, people["mate"])] == [scenario.id]  # the quiz names 小李 only
    again = create_quiz_assignment(database, people["lead"], "claims", 5, "一组", TODAY, TODAY)  # a double click
    assert again.id == quiz.id and again.agents == ()  # now for the whole team, not made twice
    other = create_quiz_assignment(database, people["lead"], "claims", 10, "一组", TODAY, TODAY)
    assert other.id != quiz.id  # ten items are other work than five
    assert len(team_assignments(database, people["lead"])) == 3


@pytest.mark.parametrize("category, items, message", [("", 5, "Pick a category"), ("claims", 0, "1 to 100"),
                                                      ("claims", 101, "1 to 100")])
def test_a_quiz_needs_a_category_and_a_sensible_number_of_items(database, people, category, items, message) -> None:
    with pytest.raises(AssignmentError, match=message):
        create_quiz_assignment(database, people["lead"], category, items, "一组", TODAY, TODAY)


def test_a_round_of_the_category_with_enough_items_does_the_quiz(database, people) -> None:
    quiz = create_quiz_assignment(database, people["lead"], "claims", 4, "一组", TODAY, TODAY)
    answer(database, people["agent"], "short", ["claims"] * 3, 3)
    assert complete_quiz_assignments(database, people["agent"], "short", BANK) == []  # 3 of 4
    answer(database, people["agent"], "mixed", ["claims"] * 4 + ["policy"], 5)
    assert complete_quiz_assignments(database, people["agent"], "mixed", BANK) == []  # a round of all categories
    answer(database, people["agent"], "done", ["claims"] * 4, 3)
    assert [a.id for a in complete_quiz_assignments(database, people["agent"], "done", BANK)] == [quiz.id]
    [mine] = assignments_for(database, people["agent"])
    assert mine.done and mine.score == 75 and mine.dialogue_id is None
    assert complete_quiz_assignments(database, people["agent"], "done", BANK) == []  # the first round counts
    assert set(completions(database, quiz.id)) == {people["agent"].id}
    [progress] = team_assignments(database, people["lead"])
    assert (progress.done, progress.members) == (1, 2)


def test_answers_given_before_the_quiz_was_assigned_do_not_count(database, people) -> None:
    answer(database, people["agent"], "before", ["claims"] * 4, 4, after_seconds=-600)
    create_quiz_assignment(database, people["lead"], "claims", 4, "一组", TODAY, TODAY)
    assert complete_quiz_assignments(database, people["agent"], "before", BANK) == []
    assert not assignments_for(database, people["agent"])[0].done


def test_a_quiz_whose_category_shrank_below_it_is_done_by_a_round_of_all_the_category_holds_now(database, people) -> None:
    """ui51: a quiz of 10 whose category's items were retired down to 3 could never be done (a round asks at most
    what the bank holds); it is done by a round of the 3. One whose category holds none now cannot be done."""
    quiz = create_quiz_assignment(database, people["lead"], "claims", 10, "一组", TODAY, TODAY)
    answer(database, people["agent"], "two", ["claims"] * 2, 2)
    assert complete_quiz_assignments(database, people["agent"], "two", {"claims": 3}) == []  # 2 of the 3 left
    answer(database, people["agent"], "all", ["claims"] * 3, 2)
    assert [a.id for a in complete_quiz_assignments(database, people["agent"], "all", {"claims": 3})] == [quiz.id]
    create_quiz_assignment(database, people["lead"], "policy", 5, "一组", TODAY, TODAY)
    answer(database, people["mate"], "none", ["policy"] * 1, 1)
    assert complete_quiz_assignments(database, people["mate"], "none", {"claims": 3}) == []


def test_a_database_made_by_the_schema_before_quizzes_keeps_every_assignment(db: Database) -> None:
    """The store as main left it (0018): its assignments, named agents and completions are all there after the
    upgrade, still scenarios, and a quiz can be assigned beside them."""
    migrate(db, "0018_call_open_points", down=True)
    assert "quiz_category" not in {c["name"] for c in inspect(db.engine).get_columns("assignments")}
    lead = create_user(db, "lead", "王老师", "instructor", "一组")
    agent, mate = create_user(db, "agent", "小李", "agent", "一组"), create_user(db, "mate", "小周", "agent", "一组")
    with db.engine.begin() as connection:
        for scenario, mode in (("ci-claim-declined", "exam"), ("cooling-off-cancel", "training")):
            connection.execute(text("INSERT INTO assignments (scenario_id, team, mode, due_date, created_by, created_at) "
                                    "VALUES (:s, '一组', :m, '2026-03-09', :lead, '2026-03-02')"),
                               {"s": scenario, "m": mode, "lead": lead.id})
        exam, practice = [r.id for r in connection.execute(text("SELECT id FROM assignments ORDER BY id"))]
        connection.execute(text("INSERT INTO assignment_agents (assignment_id, user_id) VALUES (:a, :u)"),
                           {"a": practice, "u": mate.id})
        connection.execute(text("INSERT INTO assignment_completions (assignment_id, user_id, score, completed_at) "
                                "VALUES (:a, :u, 80, '2026-03-03')"), {"a": exam, "u": agent.id})
    migrate(db, "head")
    assert [(a.id, a.scenario_id, a.mode, a.is_quiz, a.score) for a in assignments_for(db, agent)] == [
        (exam, "ci-claim-declined", "exam", False, 80)]
    assert [(a.id, a.agents) for a in assignments_for(db, mate)] == [(exam, ()), (practice, (mate.id,))]
    quiz = create_quiz_assignment(db, lead, "claims", 5, "一组", date(2026, 3, 9), date(2026, 3, 2))
    assert {a.id for a in assignments_for(db, agent)} == {exam, quiz.id}
    # The same scenario work is still in force only once.
    assert create_assignment(db, lead, "ci-claim-declined", "一组", "exam", date(2026, 3, 9), date(2026, 3, 2)).id == exam


def test_the_quiz_migration_downgrades_withdrawing_quizzes_and_keeping_scenarios(db: Database) -> None:
    lead = create_user(db, "lead", "王老师", "instructor", "一组")
    agent = create_user(db, "agent", "小李", "agent", "一组")
    scenario = create_assignment(db, lead, "ci-claim-declined", "一组", "exam", TODAY, TODAY)
    create_quiz_assignment(db, lead, "claims", 5, "一组", TODAY, TODAY)
    migrate(db, "0018_call_open_points", down=True)
    with db.engine.connect() as connection:
        in_force = connection.execute(text("SELECT scenario_id FROM assignments WHERE cancelled_at IS NULL")).scalars().all()
    assert in_force == ["ci-claim-declined"]
    migrate(db, "head")
    assert [a.id for a in assignments_for(db, agent)] == [scenario.id]
