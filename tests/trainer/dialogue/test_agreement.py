"""Label agreement: the annotation key, kappa, the majority rule, and the adjudicated corpus."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
import yaml

from bench import judge_adjudicate
from bench.judge_agreement import ANNOTATIONS, SplitVotes, split_votes
from tests.conftest import REAL_CONTENT
from trainer.dialogue.agreement import cohen_kappa, key_files, key_order, key_rows, majority, pair_figures, read_key
from trainer.dialogue.behaviour_panel import panels_under, with_panels
from trainer.dialogue.corpus import LabelledUtterance, read_corpus


# Every adjudicated key: (its folder, the corpus split its items belong to). A training file annotated
# after the corpus (w-frontline, judge10; w-southwest-senior, judge11) has its own folder, so its ids
# (f0001…, s0001…) never mix with t0001….
KEYS = {"dev": (ANNOTATIONS, "dev"), "train": (ANNOTATIONS, "train"), "frontline": (ANNOTATIONS / "frontline", "train"),
        "southwest": (ANNOTATIONS / "southwest", "train")}


@pytest.fixture(scope="module")
def votes() -> dict[str, SplitVotes | None]:
    """The annotators' votes of each key, read once (a second or two a key)."""
    return {name: split_votes(directory, split) for name, (directory, split) in KEYS.items()}


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
    """Every key's items in the corpus carry the majority (a behaviour a later one-behaviour panel
    relabelled carries that panel's decision); an item may be missing only when its file is not
    imported at all or its text repeats another file's utterance (the import drops repeats)."""
    utterances, problems = read_corpus(REAL_CONTENT)
    assert problems == []
    panels = panels_under(ANNOTATIONS)
    for name, (directory, split) in KEYS.items():
        cast = votes[name]
        if cast is None:
            continue
        files = key_files(directory / f"{split}_key.yaml")
        by_text = {u.text: u for u in utterances if u.split == split and Path(u.file).name in files}
        elsewhere = {u.text for u in utterances if Path(u.file).name not in files}
        majority_of = cast.majority
        decided = with_panels({cast.texts[i]: majority_of[i] for i in cast.ids}, panels, files)
        for item_id in cast.ids:
            text = cast.texts[item_id]
            utterance = by_text.get(text)
            if utterance is None:
                assert not by_text or text in elsewhere, (name, item_id)
                continue
            assert frozenset(utterance.labels) == decided[text], item_id
            assert not set(utterance.counter) & decided[text], item_id


def test_the_record_lists_every_changed_label_with_its_votes(votes):
    for name, (directory, split) in KEYS.items():
        path = directory / f"adjudication-{split}.yaml"
        cast = votes[name]
        if cast is None:
            continue
        record = yaml.safe_load(path.read_text(encoding="utf-8"))["changes"]
        decided = cast.majority  # a property that counts every item's votes: once, not once per item
        changed = {(i, b) for i in cast.ids for b in cast.writer[i] ^ decided[i]}
        assert {(r["id"], r["behaviour"]) for r in record} == changed
        for r in record:  # the writer was outvoted by both annotators
            assert r["annotator_1"] == r["annotator_2"] != r["writer"] and r["now"] == r["annotator_1"]


def test_the_frontline_key_numbers_its_texts_in_hash_order():
    """The lead's key for the later training file: f0001… in the order of sha256(text), one file."""
    items = yaml.safe_load((ANNOTATIONS / "frontline" / "train_key.yaml").read_text(encoding="utf-8"))["items"]
    hashes = [hashlib.sha256(i["text"].encode("utf-8")).hexdigest() for i in items]
    assert [i["id"] for i in items] == [f"f{n:04d}" for n in range(1, len(items) + 1)]
    assert hashes == sorted(hashes) and len(set(hashes)) == len(hashes)
    assert {i["file"] for i in items} == {"w-frontline.yaml"}


def _annotator(path: Path, name: str, labels: dict[str, list[str]]) -> None:
    path.write_text(yaml.safe_dump({"annotator": name, "items": [{"id": i, "labels": ls} for i, ls in labels.items()]},
                                   allow_unicode=True), encoding="utf-8")


def test_a_later_training_file_is_adjudicated_in_its_own_folder_and_record(tmp_path, monkeypatch):
    """Only the later file's lines change, not a corpus line with the same text (f0003, voted none by all
    three, is a corpus utterance labelled vague); the corpus's own record is left alone; the later
    file's record lists every outvoted label with its three votes and the counter it dropped."""
    content = tmp_path / "content"
    shutil.copytree(REAL_CONTENT / "dialogue", content / "dialogue")
    corpus_line = next(u for u in read_corpus(content)[0] if u.split == "train" and u.labels == ("vague",) and not u.counter)
    later = content / "dialogue" / "utterances" / "w-later.yaml"
    later.write_text("writer: w-later\ntraining_only: true\nutterances:\n"
                     "  - {text: 好的，那就先这样，您还有别的问题吗？, labels: [closing], split: train}\n"
                     "  - {text: 我帮您登记，明天给您回电话。, labels: [next_step], counter: [vague], split: train}\n",
                     encoding="utf-8")
    folder = tmp_path / "annotations"
    folder.mkdir()
    (folder / "train_key.yaml").write_text(yaml.safe_dump({"items": [
        {"id": "f0001", "file": "w-later.yaml", "text": "好的，那就先这样，您还有别的问题吗？", "labels": ["closing"], "counter": []},
        {"id": "f0002", "file": "w-later.yaml", "text": "我帮您登记，明天给您回电话。", "labels": ["next_step"], "counter": ["vague"]},
        {"id": "f0003", "file": "w-later.yaml", "text": corpus_line.text, "labels": ["none"], "counter": []},
    ]}, allow_unicode=True), encoding="utf-8")
    _annotator(folder / "ann-G-train-later.yaml", "ann-G", {"f0001": ["clarifying_question"], "f0002": ["next_step", "vague"], "f0003": ["none"]})
    _annotator(folder / "ann-H-train-later.yaml", "ann-H", {"f0001": ["closing", "clarifying_question"], "f0002": ["next_step", "vague"],
                                                            "f0003": []})
    record = tmp_path / "record.md"
    monkeypatch.setenv("AGENT_TRAINER_CONTENT_DIR", str(content))
    monkeypatch.setattr(judge_adjudicate, "RECORD_DOC", tmp_path / "corpus-record.md")
    assert judge_adjudicate.main([str(folder), "--split", "train", "--record", str(record), "--write"]) == 0
    after = {u.text: u for u in read_corpus(content)[0] if u.file.endswith("w-later.yaml")}
    assert after["好的，那就先这样，您还有别的问题吗？"].labels == ("closing", "clarifying_question")
    assert after["我帮您登记，明天给您回电话。"].labels == ("next_step", "vague") and after["我帮您登记，明天给您回电话。"].counter == ()
    assert next(u for u in read_corpus(content)[0] if u.line == corpus_line.line and u.file == corpus_line.file) == corpus_line
    changes = yaml.safe_load((folder / "adjudication-train.yaml").read_text(encoding="utf-8"))["changes"]
    assert [(c["id"], c["behaviour"], c["writer"], c["annotator_1"], c["annotator_2"], c["counter_dropped"]) for c in changes] == [
        ("f0001", "clarifying_question", False, True, True, False), ("f0002", "vague", False, True, True, True)]
    assert "| f0002 | w-later.yaml | 我帮您登记，明天给您回电话。 | vague | · | ✓ | ✓ | shown (counter dropped) |" in record.read_text(encoding="utf-8")
    assert not (tmp_path / "corpus-record.md").exists()
