"""Assignments in the database: an instructor gives a team — or chosen agents of it — a scenario by a due
date, in training or exam mode, or a quiz (a category and a number of items); each trainee's first finished call
for the scenario, or first round of the category with that many items (trainer/assignments/quiz.py), marks it done.

Who may assign to which team follows trainer.insights.access: an instructor assigns to their own
team, an instructor without a team and an administrator to any team.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session
from sqlalchemy.exc import IntegrityError

from trainer.errors import BilingualError
from trainer.clock import as_utc, utcnow
from trainer.insights.access import STAFF_ROLES, sees_all_teams
from trainer.store.db import Database
from trainer.store.models import Assignment, AssignmentAgent, AssignmentCompletion, User
from trainer.users.accounts import UserInfo

MODES = ("training", "exam")
MAX_QUIZ_ITEMS = 100  # as 今日训练's 题量 allows
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
    agents: tuple[int, ...] = ()  # the agents it is given to by name (user ids); none: the whole team
    quiz_category: str = ""  # a quiz's category ("" for a scenario)
    quiz_items: int = 0  # how many items of it a round answers at least

    @property
    def is_quiz(self) -> bool:
        return bool(self.quiz_category)

    @property
    def done(self) -> bool:
        return self.done_at is not None

    def overdue(self, today: date) -> bool:
        return not self.done and self.due_date < today

    def is_for(self, trainee: UserInfo) -> bool:
        """Whether `trainee` is to do it: one of its agents, or of its team when it names none."""
        return trainee.team == self.team and (not self.agents or trainee.id in self.agents)


@dataclass(frozen=True)
class TeamProgress:
    """An assignment and how many of its team's agents have done it."""

    assignment: AssignmentInfo
    done: int
    members: int


def _info(row: Assignment, completion: AssignmentCompletion | None = None, agents: Iterable[int] = ()) -> AssignmentInfo:
    return AssignmentInfo(row.id, row.scenario_id, row.team, row.mode, row.due_date, as_utc(row.created_at),
                          as_utc(completion.completed_at) if completion else None,
                          completion.score if completion else None, completion.dialogue_id if completion else None,
                          tuple(sorted(agents)), row.quiz_category or "", row.quiz_items or 0)


def _agents_of(session: Session, assignment_ids: Iterable[int]) -> dict[int, set[int]]:
    """The agents each assignment names, by assignment id (absent: it names none, the whole team does it)."""
    ids = list(assignment_ids)
    named: dict[int, set[int]] = {}
    if ids:
        for assignment_id, user_id in session.execute(select(AssignmentAgent.assignment_id, AssignmentAgent.user_id)
                                                      .where(AssignmentAgent.assignment_id.in_(ids))):
            named.setdefault(assignment_id, set()).add(user_id)
    return named


def _checked_agents(session: Session, team: str, agent_ids: Sequence[int]) -> set[int]:
    """`agent_ids` as a set, when every one is an enabled agent of `team`; AssignmentError otherwise."""
    wanted = set(agent_ids)
    if not wanted:
        return wanted
    found = set(session.scalars(select(User.id).where(User.id.in_(wanted), User.team == team, User.role == "agent",
                                                      User.disabled.is_(False))))
    if found != wanted:
        raise AssignmentError("所选坐席不都在这个班组里。", "The chosen agents are not all in this team.")
    return wanted


def may_assign(instructor: UserInfo, team: str) -> bool:
    """Whether `instructor` may give work to `team`."""
    return instructor.role in STAFF_ROLES and (sees_all_teams(instructor) or instructor.team == team)


def create_assignment(db: Database, instructor: UserInfo, scenario_id: str, team: str, mode: str,
                      due_date: date, today: date, agent_ids: Sequence[int] = ()) -> AssignmentInfo:
    """A new assignment of a scenario for `team`, or for the agents `agent_ids` of it only; AssignmentError when the
    team, agents, mode or due date is not acceptable.

    The same work (team, scenario, mode, due date) already in force is returned instead of
    created again: a double click on 布置 submits the form twice, and a team should not have
    to do one assignment twice. Given to more agents, it is for them too (for the whole team when
    either is); the returned assignment says for whom."""
    if mode not in MODES:
        raise AssignmentError("模式只能是练习或考试。", "The mode must be training or exam.")
    if not scenario_id:
        raise AssignmentError("请选择一个情景。", "Pick a scenario.")
    return _assign(db, instructor, {"scenario_id": scenario_id, "mode": mode}, team, due_date, today, agent_ids)


def create_quiz_assignment(db: Database, instructor: UserInfo, category: str, items: int, team: str,
                           due_date: date, today: date, agent_ids: Sequence[int] = ()) -> AssignmentInfo:
    """A new quiz for `team` (or the agents `agent_ids` of it): a round of `items` questions of `category` at least,
    as 今日训练 gives them; the same quiz in force is returned as `create_assignment` returns the same scenario."""
    if not category:
        raise AssignmentError("请选择一个分类。", "Pick a category.")
    if not 1 <= items <= MAX_QUIZ_ITEMS:
        raise AssignmentError(f"题量应在 1 到 {MAX_QUIZ_ITEMS} 之间。", f"The number of questions must be 1 to {MAX_QUIZ_ITEMS}.")
    return _assign(db, instructor, {"scenario_id": "", "mode": "training", "quiz_category": category, "quiz_items": items},
                   team, due_date, today, agent_ids)


def _assign(db: Database, instructor: UserInfo, work: dict[str, str | int], team: str, due_date: date, today: date,
            agent_ids: Sequence[int]) -> AssignmentInfo:
    """The assignment of `work` (Assignment's columns naming what is to be done) in force for `team` by `due_date`:
    made, or the same one found and widened to `agent_ids`."""
    team = " ".join((team or "").split())
    if not team:
        raise AssignmentError("请选择一个班组。", "Pick a team.")
    if not may_assign(instructor, team):
        raise AssignmentError("只能给自己的班组布置作业。", "You can only assign work to your own team.")
    if due_date < today:
        raise AssignmentError("截止日期不能早于今天。", "The due date cannot be before today.")
    work = {"quiz_category": "", "quiz_items": 0, **work}
    same_work = select(Assignment).where(
        *(getattr(Assignment, column) == value for column, value in work.items()), Assignment.team == team,
        Assignment.due_date == due_date, Assignment.cancelled_at.is_(None))
    with db.session() as session:
        named = _checked_agents(session, team, agent_ids)
        same = session.scalars(same_work).first()
        if same is None:
            same = Assignment(**work, team=team, due_date=due_date, created_by=instructor.id)
            session.add(same)
            try:
                session.flush()
            except IntegrityError:  # the other submit of a double click inserted it a moment earlier
                session.rollback()
                same = session.scalars(same_work).one()
            else:
                session.add_all(AssignmentAgent(assignment_id=same.id, user_id=user_id) for user_id in sorted(named))
                session.commit()
                return _info(same, agents=named)
        return _info(same, agents=_widened(session, same.id, named))


def _widened(session: Session, assignment_id: int, named: set[int]) -> set[int]:
    """The assignment's agents once `named` are given it too (none: the whole team), committed."""
    before = _agents_of(session, [assignment_id]).get(assignment_id, set())
    if not before:
        return before  # already the whole team's
    if not named:
        session.execute(delete(AssignmentAgent).where(AssignmentAgent.assignment_id == assignment_id))
    else:
        session.add_all(AssignmentAgent(assignment_id=assignment_id, user_id=user_id) for user_id in sorted(named - before))
    try:
        session.commit()
    except IntegrityError:  # the same agent added by a racing submit: it is theirs either way
        session.rollback()
    return _agents_of(session, [assignment_id]).get(assignment_id, set())


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
        if row is None or row.cancelled_at is not None:
            return None
        return _info(row, agents=_agents_of(session, [row.id]).get(row.id, ()))


def assignments_for(db: Database, trainee: UserInfo) -> list[AssignmentInfo]:
    """The trainee's assignments in force (their team's, and those given to them by name): open ones first
    (earliest due first), then done ones."""
    if not trainee.team:
        return []
    with db.session() as session:
        rows = session.execute(
            select(Assignment, AssignmentCompletion)
            .outerjoin(AssignmentCompletion, (AssignmentCompletion.assignment_id == Assignment.id)
                       & (AssignmentCompletion.user_id == trainee.id))
            .where(Assignment.team == trainee.team, Assignment.cancelled_at.is_(None))).all()
        named = _agents_of(session, [row.id for row, _ in rows])
    found = [info for row, completion in rows if (info := _info(row, completion, named.get(row.id, ()))).is_for(trainee)]
    return sorted(found, key=lambda a: (a.done, a.due_date if not a.done else date.max, a.id))


def complete_assignment(db: Database, assignment_id: int, trainee: UserInfo, dialogue_id: int | None,
                        score: float) -> bool:
    """Mark the assignment done for the trainee with their call; False if it already was (the first call counts)."""
    with db.session() as session:
        row = session.get(Assignment, assignment_id)
        if row is None or not _info(row, agents=_agents_of(session, [row.id]).get(row.id, ())).is_for(trainee):
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
    """The assignments in force the instructor may manage, newest due first, with how many agents did each
    (of its agents when it names some, else of its team)."""
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
        named = _agents_of(session, [row.id for row in rows])
        return [TeamProgress(_info(row, agents=named.get(row.id, ())), done.get(row.id, 0),
                             len(named[row.id]) if row.id in named else members.get(row.team, 0)) for row in rows]


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
