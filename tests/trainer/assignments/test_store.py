"""Assignments on SQLite and PostgreSQL: who may assign, what a trainee sees first, done once."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import event, inspect, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from tests.trainer.store.migrating import migrate
from trainer.assignments.store import (AssignmentError, assignments_for, cancel_assignment, complete_assignment,
                                       create_assignment, default_due_date, team_assignments)
from trainer.store.db import Database
from trainer.store.models import Assignment
from trainer.users.accounts import create_user

TODAY = date(2026, 3, 2)


@pytest.fixture
def people(database):
    return {
        "lead": create_user(database, "lead", "王老师", "instructor", "一组"),
        "other_lead": create_user(database, "lead2", "赵老师", "instructor", "二组"),
        "admin": create_user(database, "root", "管理员", "admin", ""),
        "agent": create_user(database, "agent", "小李", "agent", "一组"),
        "mate": create_user(database, "mate", "小周", "agent", "一组"),
        "outsider": create_user(database, "out", "小陈", "agent", "二组"),
    }


def test_a_trainee_sees_the_team_assignments_open_first_earliest_due_first(database, people) -> None:
    later = create_assignment(database, people["lead"], "ci-claim-declined", "一组", "exam", TODAY + timedelta(days=5), TODAY)
    sooner = create_assignment(database, people["lead"], "cooling-off-cancel", "一组", "training", TODAY + timedelta(days=1), TODAY)
    create_assignment(database, people["other_lead"], "lapse-reinstatement", "二组", "training", TODAY, TODAY)
    assert [a.id for a in assignments_for(database, people["agent"])] == [sooner.id, later.id]

    assert complete_assignment(database, sooner.id, people["agent"], None, 71)
    listed = assignments_for(database, people["agent"])
    assert [a.id for a in listed] == [later.id, sooner.id]  # done ones go last
    assert listed[1].done and listed[1].score == 71 and not listed[0].done
    assert not any(a.done for a in assignments_for(database, people["mate"]))  # done per trainee
    assert [a.scenario_id for a in assignments_for(database, people["outsider"])] == ["lapse-reinstatement"]


def test_the_first_finished_call_counts_and_other_teams_cannot_complete_it(database, people) -> None:
    work = create_assignment(database, people["lead"], "ci-claim-declined", "一组", "exam", TODAY, TODAY)
    assert complete_assignment(database, work.id, people["agent"], None, 40)
    assert not complete_assignment(database, work.id, people["agent"], None, 95)
    assert assignments_for(database, people["agent"])[0].score == 40
    assert not complete_assignment(database, work.id, people["outsider"], None, 90)


def test_instructors_assign_to_their_own_team_only(database, people) -> None:
    with pytest.raises(AssignmentError):
        create_assignment(database, people["lead"], "ci-claim-declined", "二组", "training", TODAY, TODAY)
    with pytest.raises(AssignmentError):
        create_assignment(database, people["agent"], "ci-claim-declined", "一组", "training", TODAY, TODAY)
    assert create_assignment(database, people["admin"], "ci-claim-declined", "二组", "training", TODAY, TODAY).team == "二组"


@pytest.mark.parametrize("mode, due, message", [("quiz", TODAY, "mode"), ("exam", TODAY - timedelta(days=1), "due date")])
def test_bad_mode_or_past_due_date_is_refused_with_a_reason(database, people, mode, due, message) -> None:
    with pytest.raises(AssignmentError, match=message):
        create_assignment(database, people["lead"], "ci-claim-declined", "一组", mode, due, TODAY)


def test_the_overview_counts_who_did_it_and_withdrawn_work_disappears(database, people) -> None:
    work = create_assignment(database, people["lead"], "ci-claim-declined", "一组", "exam", TODAY, TODAY)
    complete_assignment(database, work.id, people["mate"], None, 80)
    [progress] = team_assignments(database, people["lead"])
    assert (progress.done, progress.members) == (1, 2)
    assert team_assignments(database, people["other_lead"]) == []
    with pytest.raises(AssignmentError):
        cancel_assignment(database, people["other_lead"], work.id)
    cancel_assignment(database, people["lead"], work.id)
    assert team_assignments(database, people["lead"]) == [] and assignments_for(database, people["agent"]) == []


def test_submitting_the_same_assignment_twice_gives_the_team_one_assignment(database, people) -> None:
    due = TODAY + timedelta(days=7)
    first = create_assignment(database, people["lead"], "ci-claim-declined", "一组", "exam", due, TODAY)
    again = create_assignment(database, people["lead"], "ci-claim-declined", "一组", "exam", due, TODAY)  # a double click
    assert again.id == first.id
    assert [a.id for a in assignments_for(database, people["agent"])] == [first.id]
    other_mode = create_assignment(database, people["lead"], "ci-claim-declined", "一组", "training", due, TODAY)
    assert other_mode.id != first.id  # different work is still assigned
    cancel_assignment(database, people["lead"], first.id)
    assert create_assignment(database, people["lead"], "ci-claim-declined", "一组", "exam", due, TODAY).id != first.id


def test_the_form_offers_a_due_date_a_week_ahead() -> None:
    assert default_due_date(TODAY) == TODAY + timedelta(days=7)


def test_two_submits_racing_past_the_check_still_give_one_assignment(database, people) -> None:
    """The other submit inserts between this one's check and its insert: the database refuses the
    second row in force, and both submits get the same assignment."""
    due = TODAY + timedelta(days=7)
    raced: list[int] = []

    def other_submit_first(session, flush_context, instances) -> None:
        raced.append(create_assignment(database, people["lead"], "ci-claim-declined", "一组", "exam", due, TODAY).id)

    event.listen(Session, "before_flush", other_submit_first, once=True)
    try:
        mine = create_assignment(database, people["lead"], "ci-claim-declined", "一组", "exam", due, TODAY)
    finally:
        if event.contains(Session, "before_flush", other_submit_first):
            event.remove(Session, "before_flush", other_submit_first)
    assert raced == [mine.id]
    assert [a.id for a in assignments_for(database, people["agent"])] == [mine.id]


def test_the_migration_folds_earlier_duplicates_into_the_first_keeping_completions(db: Database) -> None:
    migrate(db, "0013_quiz_hour_totals", down=True)
    lead = create_user(db, "lead", "王老师", "instructor", "一组")
    agent, mate = create_user(db, "agent", "小李", "agent", "一组"), create_user(db, "mate", "小周", "agent", "一组")
    with db.engine.begin() as connection:
        for _ in range(3):  # a triple click before the index existed
            connection.execute(text("INSERT INTO assignments (scenario_id, team, mode, due_date, created_by, created_at) "
                                    "VALUES ('ci-claim-declined', '一组', 'exam', '2026-03-09', :lead, '2026-03-02')"),
                               {"lead": lead.id})
        first, second, third = [r.id for r in connection.execute(text("SELECT id FROM assignments ORDER BY id"))]
        for assignment, user, score in ((second, agent.id, 80), (first, mate.id, 60), (third, mate.id, 90)):
            connection.execute(text("INSERT INTO assignment_completions (assignment_id, user_id, score, completed_at) "
                                    "VALUES (:a, :u, :s, '2026-03-03')"), {"a": assignment, "u": user, "s": score})
    migrate(db, "head")
    assert [a.id for a in assignments_for(db, agent)] == [first]
    assert assignments_for(db, agent)[0].score == 80  # done on a duplicate: still done
    assert assignments_for(db, mate)[0].score == 60  # done twice: the first call counts
    with pytest.raises(IntegrityError):
        with db.session() as session:
            session.add(Assignment(scenario_id="ci-claim-declined", team="一组", mode="exam", due_date=date(2026, 3, 9),
                                   created_by=lead.id))
            session.commit()


def test_an_assignment_given_to_chosen_agents_is_theirs_only(database, people) -> None:
    """polish21: work could only go to a whole team; an instructor gives a scenario to the agents who need it."""
    work = create_assignment(database, people["lead"], "ci-claim-declined", "一组", "training", TODAY, TODAY,
                             [people["agent"].id])
    assert work.agents == (people["agent"].id,)
    assert [a.id for a in assignments_for(database, people["agent"])] == [work.id]
    assert assignments_for(database, people["mate"]) == []  # same team, not chosen
    assert not complete_assignment(database, work.id, people["mate"], None, 90)
    assert complete_assignment(database, work.id, people["agent"], None, 80)
    [progress] = team_assignments(database, people["lead"])
    assert (progress.done, progress.members) == (1, 1)  # one of the one agent it names, not of the team's two


def test_only_agents_of_the_team_can_be_chosen(database, people) -> None:
    for chosen in ([people["outsider"].id], [people["lead"].id], [people["agent"].id, 99999]):
        with pytest.raises(AssignmentError, match="not all in this team"):
            create_assignment(database, people["lead"], "ci-claim-declined", "一组", "training", TODAY, TODAY, chosen)
    assert team_assignments(database, people["lead"]) == []


def test_the_same_work_given_to_more_agents_is_for_them_too(database, people) -> None:
    """The same work in force once (the double-click rule): given again to another agent, or to the whole team,
    it widens rather than being made twice."""
    args = ("ci-claim-declined", "一组", "exam", TODAY, TODAY)
    first = create_assignment(database, people["lead"], *args, [people["agent"].id])
    again = create_assignment(database, people["lead"], *args, [people["mate"].id])
    assert again.id == first.id and again.agents == tuple(sorted([people["agent"].id, people["mate"].id]))
    whole = create_assignment(database, people["lead"], *args)
    assert whole.id == first.id and whole.agents == ()
    assert create_assignment(database, people["lead"], *args, [people["agent"].id]).agents == ()  # stays the team's
    assert len(team_assignments(database, people["lead"])) == 1


def test_the_assignment_agents_migration_keeps_team_work_and_downgrades(database, people) -> None:
    work = create_assignment(database, people["lead"], "ci-claim-declined", "一组", "training", TODAY, TODAY)
    migrate(database, "0016_correction_review_note", down=True)
    assert "assignment_agents" not in inspect(database.engine).get_table_names()
    migrate(database, "head")
    assert "assignment_agents" in inspect(database.engine).get_table_names()
    assert [a.id for a in assignments_for(database, people["mate"])] == [work.id]  # made before: the whole team's
