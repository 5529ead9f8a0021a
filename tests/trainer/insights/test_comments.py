"""Instructors comment on calls they may see; agents read the comments; bad input saves nothing."""

from __future__ import annotations

import pytest

from tests.trainer.insights.conftest import call
from trainer.insights.access import can_comment, can_view
from trainer.insights.comments import MAX_COMMENT_CHARS, CommentError, add_comment, comments_for
from trainer.users.accounts import create_user


def test_comments_are_kept_in_order_per_call(database) -> None:
    agent = create_user(database, "a", "王芳", team="一组")
    teacher = create_user(database, "t", "李老师", role="instructor", team="一组")
    first = call(database, agent.id, "s-claim", 60, "2026-03-05 10:00")
    second = call(database, agent.id, "s-claim", 70, "2026-03-06 10:00")
    add_comment(database, first, teacher, "  先共情，再解释条款。 ")
    add_comment(database, first, teacher, "不要说“保证”。")
    found = comments_for(database, [first, second])
    assert list(found) == [first]
    assert [(c.author_name, c.text) for c in found[first]] == [("李老师", "先共情，再解释条款。"), ("李老师", "不要说“保证”。")]


def test_blank_long_or_orphan_comments_are_refused(database) -> None:
    agent = create_user(database, "a", "王芳")
    teacher = create_user(database, "t", "李老师", role="instructor")
    record = call(database, agent.id, "s-claim", 60, "2026-03-05 10:00")
    for text in ("   ", "字" * (MAX_COMMENT_CHARS + 1)):
        with pytest.raises(CommentError):
            add_comment(database, record, teacher, text)
    with pytest.raises(CommentError, match="does not exist"):
        add_comment(database, record + 999, teacher, "好")
    assert comments_for(database, [record]) == {}


def test_who_may_see_and_comment(database) -> None:
    agent = create_user(database, "a", "王芳", team="一组")
    other = create_user(database, "b", "张伟", team="二组")
    teacher = create_user(database, "t", "李老师", role="instructor", team="一组")
    roaming = create_user(database, "r", "总教员", role="instructor")
    admin = create_user(database, "z", "管理员", role="admin", team="二组")
    assert can_view(agent, agent) and not can_view(agent, other) and not can_comment(agent, agent)
    assert can_view(teacher, agent) and not can_view(teacher, other)
    assert can_comment(teacher, agent) and not can_comment(teacher, other)
    assert can_view(roaming, other) and can_comment(admin, agent) and not can_comment(admin, admin)
