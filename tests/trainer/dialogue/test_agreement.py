"""Label agreement: the annotation key, kappa, the majority rule, and the adjudicated corpus."""

from __future__ import annotations

import pytest
import yaml

from bench.judge_agreement import ANNOTATIONS, SplitVotes, split_votes
from tests.conftest import REAL_CONTENT
from trainer.dialogue.agreement import cohen_kappa, key_files, key_order, key_rows, majority, pair_figures, read_key
from trainer.dialogue.corpus import LabelledUtterance, read_corpus


@pytest.fixture(scope="module")
def votes() -> dict[str, SplitVotes | None]:
    """The annotators' votes of each split, read once (a second or two a split)."""
    return {split: split_votes(ANNOTATIONS, split) for split in ("dev", "train")}


def _u(text: str, *labels: str, split: str = "dev") -> LabelledUtterance:
    return LabelledUtterance(text, labels, (), split)


def test_key_ids_follow_the_text_alone():
    items = [_u("您好。", "closing"), _u("稍等。"), _u("抱歉。", "apology"), _u("再见。", "closing", split="train")]
    relabelled = [_u("您好。"), _u("稍等。", "vague"), _u("抱歉。"), _u("再见。", split="train")]
    assert [(i, u.text) for i, u in key_order(items, "dev")] == [(i, u.text) for i, u in key_order(relabelled, "dev")]
    assert [i for i, _ in key_order(items, "dev")] == ["d0001", "d0002", "d0003"]
    assert [i for i, _ in key_order(items, "train")] == ["t0001"]


def test_the_shipped_key_names_the_corpus_items():
    """Adjudication changes labels, never texts or splits: every key id still finds its utterance."""
    utterances, _ = read_corpus(REAL_CONTENT)
    for split in ("dev", "train"):
        key = ANNOTATIONS / f"{split}_key.yaml"
        _, texts = read_key(key)
        assert texts == {row["id"]: row["text"] for row in key_rows(utterances, split, key_files(key))}


def test_a_training_file_added_after_the_key_does_not_shift_its_ids():
    items = [LabelledUtterance(text, (label,), split="train", file="content/w-a.yaml")
             for text, label in (("您好。", "closing"), ("抱歉。", "apology"), ("再见。", "closing"))]
    later = LabelledUtterance("嗯，我看一下。", (), split="train", file="content/w-later.yaml")
    assert [i for i, u in key_order(items + [later], "train") if u is later] == ["t0003"]  # it would sort in between
    before = key_rows(items, "train", {"w-a.yaml"})
    assert key_rows(items + [later], "train", {"w-a.yaml"}) == before
    assert len(key_rows(items + [later], "train")) == 4 and len(before) == 3


def test_kappa_by_hand():
    ids = [f"d{i}" for i in range(10)]
    a = {i: frozenset({"rude"}) if n < 5 else frozenset() for n, i in enumerate(ids)}
    b = {i: frozenset({"rude"}) if n < 4 or n == 9 else frozenset() for n, i in enumerate(ids)}
    # observed 8/10, expected 0.5·0.5 + 0.5·0.5 = 0.5 → (0.8 − 0.5) / 0.5
    assert abs(cohen_kappa(a, b, "rude", ids) - 0.6) < 1e-9
    assert cohen_kappa(a, a, "rude", ids) == 1.0
    figures = pair_figures(a, b, "rude", ids)
    assert (figures.precision, figures.recall, figures.reference_positives) == (0.8, 0.8, 5)


def test_the_majority_needs_two_of_three():
    ids = ["d1"]
    writer = {"d1": frozenset({"rude", "vague"})}
    first = {"d1": frozenset({"vague"})}
    second = {"d1": frozenset({"vague", "explanation"})}
    assert majority([writer, first, second], ids) == {"d1": frozenset({"vague"})}


def test_the_adjudicated_corpus_holds_the_majority_of_every_fully_annotated_item(votes):
    utterances, problems = read_corpus(REAL_CONTENT)
    assert problems == []
    by_text = {u.text: u for u in utterances}
    for split in ("dev", "train"):
        cast = votes[split]
        if cast is None:
            continue
        decided = cast.majority
        for item_id in cast.ids:
            utterance = by_text[cast.texts[item_id]]
            assert frozenset(utterance.labels) == decided[item_id], item_id
            assert not set(utterance.counter) & decided[item_id], item_id


def test_the_record_lists_every_changed_label_with_its_votes(votes):
    for split in ("dev", "train"):
        path = ANNOTATIONS / f"adjudication-{split}.yaml"
        cast = votes[split]
        if cast is None:
            continue
        record = yaml.safe_load(path.read_text(encoding="utf-8"))["changes"]
        decided = cast.majority  # a property that counts every item's votes: once, not once per item
        changed = {(i, b) for i in cast.ids for b in cast.writer[i] ^ decided[i]}
        assert {(r["id"], r["behaviour"]) for r in record} == changed
        for r in record:  # the writer was outvoted by both annotators
            assert r["annotator_1"] == r["annotator_2"] != r["writer"] and r["now"] == r["annotator_1"]
