"""Missed searches grouped by meaning with the real encoder: same question together, others apart, same result every time."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

import numpy as np

from trainer.search_feedback.grouping import QueryVectors, group_misses, group_texts
from trainer.search_feedback.store import WRONG, LoggedSearch, Verdict

NOW = datetime(2026, 3, 10, 4, 0, tzinfo=timezone.utc)
LAPSE = ["我妈的保单停交一年多了还能恢复吗", "我妈保险一年多没交了还能续上吗", "保单断交一年多还能复效吗"]
CAR = ["车险怎么理赔", "车被撞了保险怎么赔"]


def missed(query: str, number: int, no_answer: bool = True) -> LoggedSearch:
    return LoggedSearch(number, query, "", (), no_answer, NOW - timedelta(minutes=number), 1, "王小明", "一组", "agent")


def test_wordings_of_one_question_group_together_and_other_questions_apart(encoder) -> None:
    searches = [missed(q, i) for i, q in enumerate([*LAPSE, LAPSE[0], *CAR])]
    groups = group_misses(searches, encoder.encode_queries)
    assert [sorted(g.texts) for g in groups] == [sorted(LAPSE), sorted(CAR)]
    lapse = groups[0]
    assert lapse.count == 4 and lapse.label == LAPSE[0], "the most searched wording names the group"
    assert [s.id for s in lapse.searches] == [0, 1, 2, 3], "newest first"


def test_grouping_does_not_depend_on_the_order_of_the_log(encoder) -> None:
    searches = [missed(q, i) for i, q in enumerate([*LAPSE, *CAR, "身份证过期了怎么办", "养老金怎么领"])]
    first = group_misses(searches, encoder.encode_queries)
    shuffled = list(searches)
    random.Random(7).shuffle(shuffled)
    assert [g.texts for g in group_misses(shuffled, encoder.encode_queries)] == [g.texts for g in first]


def test_a_text_joins_the_group_it_is_closest_to_on_average() -> None:
    vectors = np.array([[1.0, 0.0], [0.96, 0.28], [0.0, 1.0], [0.28, 0.96]])
    assert group_texts(["a", "b", "c", "d"], vectors, threshold=0.9) == [[0, 1], [2, 3]]
    assert group_texts(["a", "b", "c", "d"], vectors, threshold=0.99) == [[0], [1], [2], [3]]
    assert group_texts([], np.zeros((0, 2))) == []


def test_empty_queries_are_left_out_and_the_agents_pick_is_the_suggestion(encoder) -> None:
    assert group_misses([missed(" ", 1)], encoder.encode_queries) == []
    reported = [LoggedSearch(n, "宽线期是几天", "", (("lapse-grace", 0.7),), False, NOW, 1, "王", "", "agent",
                             (Verdict("lapse-grace", WRONG, right),)) for n, right in enumerate(["b-entry", "a-entry", "b-entry"])]
    [group] = group_misses([missed("宽线期是几天", 9), *reported], encoder.encode_queries)
    assert group.suggested_entry() == "b-entry" and group.count_of(WRONG) == 3 and group.count_of("no_answer") == 1


def test_query_vectors_encode_each_text_once_and_stay_bounded(encoder) -> None:
    asked: list[list[str]] = []

    def encode(texts):
        asked.append(list(texts))
        return encoder.encode_queries(texts)

    vectors = QueryVectors(encode, max_texts=3)
    first = vectors(["宽限期多久", "车险怎么理赔"])
    again = vectors(["车险怎么理赔", "宽限期多久", "养老金怎么领"])
    assert asked == [["宽限期多久", "车险怎么理赔"], ["养老金怎么领"]]
    assert np.allclose(again[1], first[0]) and again.shape == (3, first.shape[1])
    vectors(["身份证过期了怎么办"])  # a fourth text: the least recently used one (车险怎么理赔) is let go
    vectors(["宽限期多久", "车险怎么理赔"])
    assert asked[-1] == ["车险怎么理赔"]
