"""assignments: the same work (scenario, team, mode, due date) in force only once — a partial unique
index, so two submits of 布置 racing each other cannot both insert (the store's check-then-insert
could not stop that on its own)

Revision ID: 0014_assignments_in_force_once
Revises: 0013_quiz_hour_totals

Duplicates made before this revision are folded into the earliest of their group: their
completions move to it (unless the trainee already completed the earliest one, whose completion
counts, as "the first call counts" says), then they are withdrawn, so no trainee's work is lost.
"""
from alembic import op
import sqlalchemy as sa


revision = '0014_assignments_in_force_once'
down_revision = '0013_quiz_hour_totals'
branch_labels = None
depends_on = None

IN_FORCE = sa.text("cancelled_at IS NULL")


def _fold_duplicates() -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.text(
        "SELECT id, scenario_id, team, mode, due_date FROM assignments WHERE cancelled_at IS NULL ORDER BY id")).all()
    kept: dict[tuple, int] = {}
    for row in rows:
        key = (row.scenario_id, row.team, row.mode, row.due_date)
        if key not in kept:
            kept[key] = row.id
            continue
        keep, duplicate = kept[key], row.id
        bind.execute(sa.text(
            "DELETE FROM assignment_completions WHERE assignment_id = :duplicate AND user_id IN "
            "(SELECT user_id FROM assignment_completions WHERE assignment_id = :keep)"),
            {"duplicate": duplicate, "keep": keep})
        bind.execute(sa.text("UPDATE assignment_completions SET assignment_id = :keep WHERE assignment_id = :duplicate"),
                     {"duplicate": duplicate, "keep": keep})
        bind.execute(sa.text("UPDATE assignments SET cancelled_at = CURRENT_TIMESTAMP WHERE id = :duplicate"),
                     {"duplicate": duplicate})


def upgrade() -> None:
    _fold_duplicates()
    op.create_index('uq_assignments_in_force', 'assignments', ['scenario_id', 'team', 'mode', 'due_date'],
                    unique=True, sqlite_where=IN_FORCE, postgresql_where=IN_FORCE)


def downgrade() -> None:
    op.drop_index('uq_assignments_in_force', table_name='assignments')
