"""Sibling entries (same question, other circumstance): the first hit's sibling is kept within the top three."""

from __future__ import annotations

from dataclasses import dataclass

from kb.content import Entry
from kb.siblings import sibling_map, with_sibling


@dataclass(frozen=True)
class Shown:
    id: str


def entry(entry_id: str, *siblings: str) -> Entry:
    return Entry(id=entry_id, category="c", question="?", answer=".", siblings=siblings)


SIBLINGS = sibling_map([entry("cooling-off-who-can-cancel", "surrender-who-can"), entry("surrender-who-can"),
                        entry("div-no-promise", "div-not-guaranteed")])


def ids(hits: list[Shown]) -> list[str]:
    return [hit.id for hit in hits]


def test_a_pair_declared_on_one_entry_holds_both_ways() -> None:
    assert SIBLINGS["cooling-off-who-can-cancel"] == ("surrender-who-can",)
    assert SIBLINGS["surrender-who-can"] == ("cooling-off-who-can-cancel",)
    assert SIBLINGS["div-not-guaranteed"] == ("div-no-promise",)


def test_the_first_hits_sibling_listed_fifth_is_shown_third() -> None:
    """她自己打电话来退行不行 states no period: both the cooling-off and the surrender answer belong in view."""
    hits = [Shown("surrender-who-can"), Shown("norms-third-party-inquiry"), Shown("surrender-right"),
            Shown("callback-customer-wants-cancel"), Shown("cooling-off-who-can-cancel")]
    assert ids(with_sibling(hits, SIBLINGS)) == ["surrender-who-can", "norms-third-party-inquiry",
                                                 "cooling-off-who-can-cancel", "surrender-right",
                                                 "callback-customer-wants-cancel"]


def test_nothing_moves_when_the_sibling_is_already_in_the_top_three_or_not_listed() -> None:
    second = [Shown("div-no-promise"), Shown("div-not-guaranteed"), Shown("div-lower-than-expected")]
    assert with_sibling(second, SIBLINGS) == second
    unlisted = [Shown("div-no-promise"), Shown("norms-no-promise-return"), Shown("div-lower-than-expected"),
                Shown("div-forms")]
    assert with_sibling(unlisted, SIBLINGS) == unlisted
    no_sibling = [Shown("div-forms"), Shown("div-notice"), Shown("div-cash-options"), Shown("div-no-promise")]
    assert with_sibling(no_sibling, SIBLINGS) == no_sibling
    assert with_sibling([], SIBLINGS) == []


def test_hits_of_a_collection_without_siblings_are_left_as_they_are() -> None:
    """Regulation articles have no id and no siblings: their hits pass through untouched."""
    articles = [object(), object()]
    assert with_sibling(articles, {}) == articles
