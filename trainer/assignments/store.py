"""Assignments in the database: an instructor gives a team a scenario by a due date, in training
or exam mode; each trainee's first finished call for it marks it done.

Who may assign to which team follows trainer.insights.access: an instructor assigns to their own
team, an instructor without a team and an administrator to any team.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from trainer.errors import BilingualError
from trainer.clock import as_utc, utcnow
from trainer.insights.access import STAFF_ROLES, sees_all_teams
from trainer.store.db import Database
from trainer.store.models import Assignment, AssignmentCompletion, User
from trainer.users.accounts import UserInfo

MODES = ("training", "exam")
DEFAULT_DAYS_TO_DUE = 7  # a week: time to fit a practice call between shifts


def default_due_date(today: date) -> date:
    """The due date the form offers: a week ahead, so an instructor who just clicks 布置 sets
    work the team can still do (today's date would be overdue by tonight)."""
    return today + timedelta(days=DEFAULT_DAYS_TO_DUE)


class AssignmentError(BilingualError):
    """Why an assignment cannot be made or changed, in both languages."""


@dataclass(frozen=True)
class AssignmentInfo:
    """One assignment as a trainee's list or the instructor's overview shows it."""

    id: int
    scenario_id: str
    team: str
    mode: str
    due_date: date
    created_at: datetime
    done_at: datetime | None = None  # the trainee's completion (None: still to do, or the team view)
    score: float | None = None
    dialogue_id: int | None = None

    @property
    def done(self) -> bool:
        return self.done_at is not None

    def overdue(self, today: date) -> bool:
        return not self.done and self.due_date < today


@dataclass(frozen=True)
class TeamProgress:
    """An assignment and how many of its team's agents have done it."""

    assignment: AssignmentInfo
    done: int
    members: int


def _info(row: Assignment, completion: AssignmentCompletion | None = None) -> AssignmentInfo:
    return AssignmentInfo(row.id, row.scenario_id, row.team, row.mode, row.due_date, as_utc(row.created_at),
                          as_utc(completion.completed_at) if completion else None,
                          completion.score if completion else None, completion.dialogue_id if completion else None)


def may_assign(instructor: UserInfo, team: str) -> bool:
    """Whether `instructor` may give work to `team`."""
    return instructor.role in STAFF_ROLES and (sees_all_teams(instructor) or instructor.team == team)


def create_assignment(db: Database, instructor: UserInfo, scenario_id: str, team: str, mode: str,
                      due_date: date, today: date) -> AssignmentInfo:
    """A new assignment; AssignmentError when the team, mode or due date is not acceptable.

    The same work (team, scenario, mode, due date) already in force is returned instead of
    created again: a double click on 布置 submits the form twice, and a team should not have
    to do one assignment twice."""
    team = " ".join((team or "").split())
    if not team:
        raise AssignmentError("请选择一个班组。", "Pick a team.")
    if not may_assign(instructor, team):
        raise AssignmentError("只能给自己的班组布置作业。", "You can only assign work to your own team.")
    if mode not in MODES:
        raise AssignmentError("模式只能是练习或考试。", "The mode must be training or exam.")
    if not scenario_id:
        raise AssignmentError("请选择一个情景。", "Pick a scenario.")
    if due_date < today:
        raise AssignmentError("截止日期不能早于今天。", "The due date cannot be before today.")
    same_work = select(Assignment).where(
        Assignment.scenario_id == scenario_id, Assignment.team == team, Assignment.mode == mode,
        Assignment.due_date == due_date, Assignment.cancelled_at.is_(None))
    with db.session() as session:
        same = session.scalars(same_work).first()
        if same is not None:
            return _info(same)
        row = Assignment(scenario_id=scenario_id, team=team, mode=mode, due_date=due_date, created_by=instructor.id)
        session.add(row)
        try:
            session.commit()
        except IntegrityError:  # the other submit of a double click inserted it a moment earlier
            session.rollback()
            return _info(session.scalars(same_work).one())
        return _info(row)


def cancel_assignment(db: Database, instructor: UserInfo, assignment_id: int) -> None:
    """Withdraw an assignment; completions already made are kept (they are training records)."""
    with db.session() as session:
        row = session.get(Assignment, assignment_id)
        if row is None or row.cancelled_at is not None:
            raise AssignmentError("这项作业不存在或已撤销。", "This assignment does not exist or was withdrawn.")
        if not may_assign(instructor, row.team):
            raise AssignmentError("只能撤销自己班组的作业。", "You can only withdraw your own team's assignments.")
        row.cancelled_at = utcnow()
        session.commit()


def get_assignment(db: Database, assignment_id: int) -> AssignmentInfo | None:
    """One assignment that is still in force, or None."""
    with db.session() as session:
        row = session.get(Assignment, assignment_id)
        return _info(row) if row is not None and row.cancelled_at is None else None


def assignments_for(db: Database, trainee: UserInfo) -> list[AssignmentInfo]:
    """The trainee's team's assignments in force: open ones first (earliest due first), then done ones."""
    if not trainee.team:
        return []
    with db.session() as session:
        rows = session.execute(
            select(Assignment, AssignmentCompletion)
            .outerjoin(AssignmentCompletion, (AssignmentCompletion.assignment_id == Assignment.id)
                       & (AssignmentCompletion.user_id == trainee.id))
            .where(Assignment.team == trainee.team, Assignment.cancelled_at.is_(None))).all()
    found = [_info(row, completion) for row, completion in rows]
    return sorted(found, key=lambda a: (a.done, a.due_date if not a.done else date.max, a.id))


def complete_assignment(db: Database, assignment_id: int, trainee: UserInfo, dialogue_id: int | None,
                        score: float) -> bool:
    """Mark the assignment done for the trainee with their call; False if it already was (the first call counts)."""
    with db.session() as session:
        row = session.get(Assignment, assignment_id)
        if row is None or row.team != trainee.team:
            return False
        if session.scalar(select(AssignmentCompletion.id).where(AssignmentCompletion.assignment_id == assignment_id,
                                                                AssignmentCompletion.user_id == trainee.id)):
            return False
        session.add(AssignmentCompletion(assignment_id=assignment_id, user_id=trainee.id, dialogue_id=dialogue_id,
                                         score=float(score)))
        try:
            session.commit()
        except IntegrityError:  # the same trainee finished it in another tab a moment earlier
            session.rollback()
            return False
        return True


def team_assignments(db: Database, instructor: UserInfo) -> list[TeamProgress]:
    """The assignments in force the instructor may manage, newest due first, with how many agents did each."""
    with db.session() as session:
        query = select(Assignment).where(Assignment.cancelled_at.is_(None))
        if not sees_all_teams(instructor):
            query = query.where(Assignment.team == instructor.team)
        rows = session.scalars(query.order_by(Assignment.due_date.desc(), Assignment.id.desc())).all()
        teams = {row.team for row in rows}
        members = dict(session.execute(select(User.team, func.count(User.id))
                                       .where(User.team.in_(teams), User.role == "agent", User.disabled.is_(False))
                                       .group_by(User.team)).all()) if teams else {}
        done = dict(session.execute(select(AssignmentCompletion.assignment_id, func.count(AssignmentCompletion.id))
                                    .where(AssignmentCompletion.assignment_id.in_([r.id for r in rows]))
                                    .group_by(AssignmentCompletion.assignment_id)).all()) if rows else {}
        return [TeamProgress(_info(row), done.get(row.id, 0), members.get(row.team, 0)) for row in rows]


@dataclass(frozen=True)
class Completion:
    user_id: int
    score: float
    completed_at: datetime
    dialogue_id: int | None


def completions(db: Database, assignment_id: int) -> dict[int, Completion]:
    """Who has done the assignment, by user id, with the score of the call that counted."""
    with db.session() as session:
        rows = session.scalars(select(AssignmentCompletion).where(AssignmentCompletion.assignment_id == assignment_id)).all()
        return {r.user_id: Completion(r.user_id, r.score, as_utc(r.completed_at), r.dialogue_id) for r in rows}
