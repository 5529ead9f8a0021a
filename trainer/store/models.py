"""SQLAlchemy tables of the progress store: users, quiz attempts, the quiz in progress, review states, dialogue
sessions, sign-in events, content history, and the search log with its feedback.

Schema changes go through Alembic migrations (trainer/store/migrations), never `create_all`, so a
company's existing database is upgraded in place without losing training records.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text, true
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from trainer.clock import utcnow


class Base(DeclarativeBase):
    pass


class User(Base):
    """An agent, instructor or admin. Disabled accounts keep their history."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    login: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    display_name: Mapped[str] = mapped_column(String(128))
    role: Mapped[str] = mapped_column(String(16), default="agent")  # agent | instructor | admin
    team: Mapped[str] = mapped_column(String(64), default="")
    password_hash: Mapped[str | None] = mapped_column(String(255), nullable=True)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_sign_ins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # First working day; its month is the cohort instructors follow through the outbound programme.
    hire_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    lockouts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # in a row: the back-off grows
    unlock_code_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)  # from `python -m trainer.users unlock`
    unlock_code_expires: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    language: Mapped[str | None] = mapped_column(String(8), nullable=True)  # UI language chosen; None: the site default


class AuthSession(Base):
    """One sign-in of one browser, kept server-side and checked on every page run.

    The browser's cookie holds a random secret; only its keyed hash is stored. A tab holds the
    row id. Sign-out, disabling, a password change and expiry end the row, so every open tab
    stops at its next click. The handoff code lets the browser fetch the cookie once, right
    after sign-in.
    """

    __tablename__ = "auth_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    cookie_hash: Mapped[str | None] = mapped_column(String(64), nullable=True, unique=True)
    handoff_hash: Mapped[str | None] = mapped_column(String(64), nullable=True, unique=True)
    handoff_expires: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class AddressFailures(Base):
    """Failed sign-ins from one network address in a row, and that address's own lockout."""

    __tablename__ = "sign_in_addresses"

    address: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    lockouts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class SignInEvent(Base):
    """Every sign-in attempt, successful or not (audit trail)."""

    __tablename__ = "sign_in_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    login: Mapped[str] = mapped_column(String(64), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    success: Mapped[bool] = mapped_column(Boolean)
    reason: Mapped[str] = mapped_column(String(64), default="")
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)


class QuizAttempt(Base):
    """One answer to one quiz question."""

    __tablename__ = "quiz_attempts"
    # The progress pages read agents' answers of a period (one agent's calendar, the team
    # console's aggregates): this index holds every column they read, so the table is not touched.
    __table_args__ = (
        Index("ix_quiz_attempts_user_time_cover", "user_id", "answered_at", "correct", "category", "item_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    item_id: Mapped[str] = mapped_column(String(160), index=True)
    entry_id: Mapped[str] = mapped_column(String(128), default="")
    category: Mapped[str] = mapped_column(String(64), default="")
    question_type: Mapped[str] = mapped_column(String(16), default="")
    answer_given: Mapped[str] = mapped_column(Text, default="")
    correct: Mapped[bool] = mapped_column(Boolean)
    seconds: Mapped[float] = mapped_column(Float, default=0.0)
    session_id: Mapped[str] = mapped_column(String(64), default="")
    answered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)


class QuizItemTotal(Base):
    """All-time answers and right answers of one agent to one item (kept per category the answers
    were recorded under), written with each answer (trainer/quiz/item_totals.py). The team console
    reads a long period as these totals minus the few answers outside it, instead of grouping
    half a million answers."""

    __tablename__ = "quiz_item_totals"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    item_id: Mapped[str] = mapped_column(String(160), primary_key=True)
    category: Mapped[str] = mapped_column(String(64), primary_key=True)
    answers: Mapped[int] = mapped_column(Integer, default=0)
    right_answers: Mapped[int] = mapped_column(Integer, default=0)


class QuizHourTotal(Base):
    """Answers and right answers of one agent in one UTC hour (its start), written with each answer
    (trainer/quiz/item_totals.py). Local days and weeks in whole-hour time zones are whole UTC
    hours, so the team console sums a week's answers from these (~13× fewer rows than answers)."""

    __tablename__ = "quiz_hour_totals"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    hour_start: Mapped[datetime] = mapped_column(DateTime(timezone=True), primary_key=True)
    answers: Mapped[int] = mapped_column(Integer, default=0)
    right_answers: Mapped[int] = mapped_column(Integer, default=0)


class QuizRun(Base):
    """The daily-training round a user has not finished (one per user), so a reload resumes it."""

    __tablename__ = "quiz_runs"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    state: Mapped[str] = mapped_column(Text)  # JSON: trainer/quiz/resume.py
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ReviewState(Base):
    """Spaced-repetition state of one item for one user (an FSRS card, serialised)."""

    __tablename__ = "review_states"
    __table_args__ = (UniqueConstraint("user_id", "item_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    item_id: Mapped[str] = mapped_column(String(160))
    entry_id: Mapped[str] = mapped_column(String(128), default="")
    category: Mapped[str] = mapped_column(String(64), default="")
    card_json: Mapped[str] = mapped_column(Text)
    due: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    reps: Mapped[int] = mapped_column(Integer, default=0)
    lapses: Mapped[int] = mapped_column(Integer, default=0)
    last_review: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class DialogueRecord(Base):
    """A finished (or abandoned) simulated call: transcript, findings and score."""

    __tablename__ = "dialogue_sessions"
    __table_args__ = (Index("ix_dialogue_sessions_user_finished", "user_id", "finished_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    scenario_id: Mapped[str] = mapped_column(String(128), index=True)
    mode: Mapped[str] = mapped_column(String(16), default="training")  # training | exam
    outcome: Mapped[str] = mapped_column(String(32), default="")
    score: Mapped[float] = mapped_column(Float, default=0.0)
    subscores_json: Mapped[str] = mapped_column(Text, default="{}")
    transcript_json: Mapped[str] = mapped_column(Text, default="[]")
    findings_json: Mapped[str] = mapped_column(Text, default="[]")
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True, index=True)
    # A call in progress: what a reload needs besides the trainee's words (trainer.dialogue.store.ResumeState).
    resume_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    # What was still open when the call was saved (`Report.missed`, each with its English; a step not done with its
    # checkpoint's id, "step", since ui52); none on older calls.
    missed_json: Mapped[str | None] = mapped_column(Text, nullable=True)


class CallComment(Base):
    """An instructor's comment on one practice call; the agent reads it on their call report."""

    __tablename__ = "call_comments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dialogue_id: Mapped[int] = mapped_column(ForeignKey("dialogue_sessions.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ContentChange(Base):
    """One saved edit of the content (who, when, what, and the file before and after)."""

    __tablename__ = "content_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    author: Mapped[str] = mapped_column(String(64))
    file: Mapped[str] = mapped_column(String(255), index=True)
    item_id: Mapped[str] = mapped_column(String(160), default="", index=True)
    action: Mapped[str] = mapped_column(String(16))  # create | update | delete | restore | import
    summary: Mapped[str] = mapped_column(Text, default="")
    diff: Mapped[str] = mapped_column(Text, default="")
    before_text: Mapped[str | None] = mapped_column(Text, nullable=True)
    after_text: Mapped[str | None] = mapped_column(Text, nullable=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    # False from the commit of a save until its files are renamed into place: the intent record
    # that start-up recovery completes after a crash (trainer.editing.editor.recover_interrupted_saves).
    applied: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true(), index=True)


class ReviewFlag(Base):
    """Linked content (quiz item, scenario) to re-check after the FAQ entry it uses changed."""

    __tablename__ = "review_flags"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # quiz | scenario
    item_id: Mapped[str] = mapped_column(String(160), index=True)
    entry_id: Mapped[str] = mapped_column(String(128))
    change_id: Mapped[int | None] = mapped_column(ForeignKey("content_changes.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    resolved_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


# Longest query text kept in the search log: what search itself reads (kb.text.MAX_QUERY_CHARS).
LOGGED_QUERY_CHARS = 200


class SearchLog(Base):
    """One search on the knowledge-search page: what was asked, what came back, and when.

    `search_key` is made by the page before the row exists, because the row is written in the
    background (logging must never hold up an answer); feedback refers to the search by it.
    """

    __tablename__ = "search_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    search_key: Mapped[str] = mapped_column(String(32), unique=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True, index=True)
    query: Mapped[str] = mapped_column(String(LOGGED_QUERY_CHARS))
    category: Mapped[str] = mapped_column(String(64), default="")
    results_json: Mapped[str] = mapped_column(Text, default="[]")  # [[entry id, relevance], …] best first
    no_answer: Mapped[bool] = mapped_column(Boolean)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    # An instructor said this miss needs no fix (搜索反馈 → 无需处理); the feedback queue leaves it out.
    dismissed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    dismissed_by: Mapped[int | None] = mapped_column(Integer, nullable=True)  # users.id; no FK: kept after a user goes


class RecentSearch(Base):
    """One of an agent's last searches on 知识搜索 today (最近搜索), kept so a reload or a dropped connection keeps the
    list (ui54b). Masked as the search log is (`loggable_query`); at most ten a user, today's only, deleted at sign-out."""

    __tablename__ = "recent_searches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    query: Mapped[str] = mapped_column(String(LOGGED_QUERY_CHARS))
    category: Mapped[str] = mapped_column(String(64), default="")  # "": all categories
    regulations_only: Mapped[bool] = mapped_column(Boolean, default=False)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SearchFeedback(Base):
    """An agent's verdict on one answer of a search (the latest one counts), or on a search with no answer."""

    __tablename__ = "search_feedback"
    __table_args__ = (UniqueConstraint("search_id", "entry_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    search_id: Mapped[int] = mapped_column(ForeignKey("search_log.id"), index=True)
    entry_id: Mapped[str] = mapped_column(String(128), default="")  # the answer judged; "" for "no answer"
    verdict: Mapped[str] = mapped_column(String(8))  # up | down | wrong
    right_entry_id: Mapped[str | None] = mapped_column(String(128), nullable=True)  # the agent's pick, if any
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)  # the agent's short reason, if any (qa28 F2)

class JudgeCorrection(Base):
    """A trainee's "judged wrong" on one finding of a practice call, and the instructor's decision.

    Accepted corrections become labelled utterances of the corpus (through the content editor),
    so the judge learns from them at its next build.
    """

    __tablename__ = "judge_corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    dialogue_id: Mapped[int | None] = mapped_column(ForeignKey("dialogue_sessions.id"), nullable=True)
    scenario_id: Mapped[str] = mapped_column(String(128), default="")
    turn_index: Mapped[int] = mapped_column(Integer, default=0)
    behaviour: Mapped[str] = mapped_column(String(32))
    verdict_ok: Mapped[bool] = mapped_column(Boolean, default=False)  # was the finding good (✅) or a fault (❌)
    quote: Mapped[str] = mapped_column(Text, default="")
    utterance: Mapped[str] = mapped_column(Text, default="")  # the agent's whole reply in that turn
    reason: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)  # open | accepted | rejected
    labels_json: Mapped[str] = mapped_column(Text, default="{}")  # the instructor's {labels, counter} for the utterance
    reviewer: Mapped[str | None] = mapped_column(String(64), nullable=True)
    review_note: Mapped[str | None] = mapped_column(Text, nullable=True)  # the instructor's word to the trainee
    change_id: Mapped[int | None] = mapped_column(ForeignKey("content_changes.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class ApiToken(Base):
    """A credential of the search API (an agent desktop or CRM integration), made by an admin.

    Only the SHA-256 of the token is stored; the token itself is shown once when it is created.
    """

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_by: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class ApiRateWindow(Base):
    """How many searches one API token made in one short time window, counted by every app server
    on a shared PostgreSQL (trainer/users/shared_rate_limit.py); old windows are deleted as new ones start."""

    __tablename__ = "api_rate_windows"

    token_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    window_index: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)  # seconds since the epoch // window length
    count: Mapped[int] = mapped_column(Integer, default=0)


class ContentVersion(Base):
    """One published version of the whole content set (several app servers on one PostgreSQL).

    Every server writes the newest version's files into its own content folder and swaps its
    index; the files are stored whole (a content set is a few MB at most), so any server can
    rebuild any version without a shared disk.
    """

    __tablename__ = "content_versions"

    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    content_hash: Mapped[str] = mapped_column(String(64))
    files_json: Mapped[str] = mapped_column(Text)  # {"faq/x.yaml": "text", …}: every content file
    author: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Assignment(Base):
    """A scenario an instructor gives a team to do by a due date, in training or exam mode — or a quiz: a category
    of the knowledge base and a number of items (`quiz_category` not empty; its `scenario_id` is then "")."""

    __tablename__ = "assignments"
    # The same work in force only once: two submits of 布置 racing each other cannot both insert
    # (trainer/assignments/store.py returns the row that won). Withdrawn ones may repeat.
    __table_args__ = (Index("uq_assignments_in_force", "scenario_id", "quiz_category", "quiz_items", "team", "mode",
                            "due_date", unique=True,
                            sqlite_where=text("cancelled_at IS NULL"), postgresql_where=text("cancelled_at IS NULL")),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scenario_id: Mapped[str] = mapped_column(String(128))
    quiz_category: Mapped[str] = mapped_column(String(64), default="", server_default="")  # "": a scenario's
    quiz_items: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # how many items, at least
    team: Mapped[str] = mapped_column(String(64), index=True)
    mode: Mapped[str] = mapped_column(String(16), default="training")  # training | exam
    due_date: Mapped[date] = mapped_column(Date)  # done by the end of this day (company time zone)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    cancelled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class AssignmentAgent(Base):
    """An agent an assignment is given to by name: an assignment with none is for its whole team, one with
    some is for these agents of its team only (an instructor gives a scenario to the two who need it)."""

    __tablename__ = "assignment_agents"
    __table_args__ = (UniqueConstraint("assignment_id", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)


class AssignmentCompletion(Base):
    """A trainee's finished call for an assignment: the first one counts (an exam is taken once). For a quiz, the
    first round of its category with enough items: no call (`dialogue_id` None), its share right as the score."""

    __tablename__ = "assignment_completions"
    __table_args__ = (UniqueConstraint("assignment_id", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    dialogue_id: Mapped[int | None] = mapped_column(ForeignKey("dialogue_sessions.id"), nullable=True)
    score: Mapped[float] = mapped_column(Float, default=0.0)
    completed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
