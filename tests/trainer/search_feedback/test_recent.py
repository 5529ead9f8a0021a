"""最近搜索 in the store (ui54b): per user, masked, the ten newest (of the shift: ui55), gone at sign-out — on SQLite and, when CI provides
one, PostgreSQL (the `database` fixture)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from trainer.search_feedback.recent import LIMIT, PastSearch, recent_searches, record_recent
from trainer.store.db import Database
from trainer.users.accounts import create_user
from trainer.users.signin import sign_out

MIDNIGHT = datetime(2026, 12, 7, 16, 0, tzinfo=timezone.utc)  # 00:00 in Shanghai on 2026-12-08
NOW = MIDNIGHT + timedelta(hours=2)


def searched(database: Database, user_id: int, *queries: str, start: datetime = NOW) -> None:
    for number, query in enumerate(queries):
        record_recent(database, user_id, PastSearch(query, None, False), MIDNIGHT, start + timedelta(seconds=number))


def test_the_list_is_the_users_newest_first_once_each_with_category_and_toggle(database: Database) -> None:
    wang, li = create_user(database, "agent-1", "王小明", "agent"), create_user(database, "agent-2", "李娜", "agent")
    searched(database, wang.id, "冷静期是几天", "宽限期多久")
    record_recent(database, wang.id, PastSearch("保险法第十六条", "regulation", True), MIDNIGHT, NOW + timedelta(seconds=5))
    searched(database, wang.id, "冷静期是几天", start=NOW + timedelta(seconds=9))  # again: moves up, listed once
    searched(database, li.id, "保单贷款能借多少")
    assert recent_searches(database, wang.id, MIDNIGHT) == [
        PastSearch("冷静期是几天", None, False), PastSearch("保险法第十六条", "regulation", True),
        PastSearch("宽限期多久", None, False)]
    assert recent_searches(database, li.id, MIDNIGHT) == [PastSearch("保单贷款能借多少", None, False)]


def test_a_number_a_customer_read_out_is_never_kept(database: Database) -> None:
    wang = create_user(database, "agent-1", "王小明", "agent")
    searched(database, wang.id, "客户身份证110105 19491231 002X 手机13812345678 犹豫期", "2024-03-02 的保单 宽限期")
    kept = [past.query for past in recent_searches(database, wang.id, MIDNIGHT)]
    assert kept == ["2024-03-02 的保单 宽限期", "客户身份证###### ######## #### 手机########### 犹豫期"], \
        "a date is kept; an ID or phone number is not"


def test_only_the_newest_ten_of_today_are_kept(database: Database) -> None:
    wang = create_user(database, "agent-1", "王小明", "agent")
    searched(database, wang.id, "昨天问的宽限期", start=MIDNIGHT - timedelta(hours=3))
    assert recent_searches(database, wang.id, MIDNIGHT) == [], "yesterday's shift is not listed"
    searched(database, wang.id, *(f"宽限期{number}" for number in range(LIMIT + 3)))
    listed = [past.query for past in recent_searches(database, wang.id, MIDNIGHT)]
    assert listed == [f"宽限期{number}" for number in reversed(range(3, LIMIT + 3))]
    assert recent_searches(database, wang.id, MIDNIGHT - timedelta(days=1)) == recent_searches(database, wang.id, MIDNIGHT), \
        "the table holds no more than the ten: yesterday's row and the three oldest are deleted, not hidden"


def test_signing_out_deletes_the_list(database: Database) -> None:
    wang, li = create_user(database, "agent-1", "王小明", "agent"), create_user(database, "agent-2", "李娜", "agent")
    searched(database, wang.id, "冷静期是几天")
    searched(database, li.id, "宽限期多久")
    sign_out(database, wang)
    assert recent_searches(database, wang.id, MIDNIGHT) == []
    assert recent_searches(database, li.id, MIDNIGHT) == [PastSearch("宽限期多久", None, False)], "only the one signing out"


def test_the_shift_is_the_last_twelve_hours_not_the_calendar_day(database: Database) -> None:
    """ui55: a night shift's 23:30 search is listed at 00:40 (the calendar day cut it off); 12 hours on it is not."""
    from trainer.search_feedback.recent import shift_start

    wang = create_user(database, "agent-1", "王小明", "agent")
    before_midnight = MIDNIGHT - timedelta(minutes=30)
    record_recent(database, wang.id, PastSearch("冷静期是几天", None, False), shift_start(before_midnight), before_midnight)
    after_midnight = MIDNIGHT + timedelta(minutes=40)
    assert recent_searches(database, wang.id, shift_start(after_midnight)) == [PastSearch("冷静期是几天", None, False)]
    assert recent_searches(database, wang.id, shift_start(before_midnight + timedelta(hours=12, seconds=1))) == []
