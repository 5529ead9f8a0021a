"""Which missed-search groups the content has been fixed for since (qa14 #18)."""

from __future__ import annotations

from datetime import datetime, timezone

from kb.content import Entry
from trainer.search_feedback.grouping import MissGroup
from trainer.search_feedback.handled import handled_by, split_handled, wording_owners
from trainer.search_feedback.store import DOWN, LoggedSearch, Verdict

AT = datetime(2026, 12, 5, tzinfo=timezone.utc)


def logged(query: str, top: str | None = None, verdict: str | None = None) -> LoggedSearch:
    verdicts = (Verdict(top or "", verdict, None),) if verdict else ()
    return LoggedSearch(1, query, "", ((top, 0.6),) if top else (), top is None, AT, None, "", "", "agent", verdicts)


def group(*searches: LoggedSearch) -> MissGroup:
    return MissGroup(tuple(dict.fromkeys(" ".join(s.query.split()) for s in searches)), searches)


def entry(entry_id: str, question: str, *variants: str) -> Entry:
    return Entry(id=entry_id, category="c", question=question, variants=variants, answer="a", sources=())


OWNERS = wording_owners([entry("surrender-refund-amount", "退保能退多少钱", "犹豫期过了退保能退多少钱"),
                         entry("cooling-off-length", "犹豫期有多长")])


def now_first(table: dict[str, str]):
    return lambda text: table.get(text)


def test_a_wording_added_to_an_entry_and_found_there_first_is_handled() -> None:
    missed = group(logged("犹豫期过了，退保能退多少钱？", "cooling-off-refund-amount", DOWN), logged("犹豫期过了退保能退多少钱"))
    found = now_first({t: "surrender-refund-amount" for t in missed.texts})
    assert handled_by(missed, OWNERS, found) == ("surrender-refund-amount",)


def test_a_group_stays_open_while_one_wording_is_not_in_any_entry() -> None:
    missed = group(logged("犹豫期过了退保能退多少钱"), logged("过了犹豫期还能退全款吗"))
    assert handled_by(missed, OWNERS, lambda text: "surrender-refund-amount") == ()


def test_a_group_stays_open_when_search_still_finds_another_entry_first() -> None:
    missed = group(logged("犹豫期过了退保能退多少钱"))
    assert handled_by(missed, OWNERS, lambda text: "cooling-off-refund-amount") == ()


def test_a_thumbs_down_on_the_entry_that_already_held_the_wording_is_not_fixed_by_the_content() -> None:
    """The agent disliked the answer itself: the wording was found where it belongs, and nothing changed."""
    disliked = group(logged("犹豫期有多长", "cooling-off-length", DOWN))
    assert handled_by(disliked, OWNERS, lambda text: "cooling-off-length") == ()


def test_split_keeps_the_order_of_the_open_groups() -> None:
    first, fixed, last = group(logged("甲问题")), group(logged("犹豫期过了退保能退多少钱")), group(logged("乙问题"))
    open_groups, handled = split_handled([first, fixed, last], OWNERS, lambda text: "surrender-refund-amount")
    assert open_groups == [first, last] and handled == [(fixed, ("surrender-refund-amount",))]
