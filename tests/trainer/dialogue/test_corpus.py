"""The utterance corpus: big enough, every behaviour in dev, a fixed split, errors that name file, line and field."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import yaml

from kb.__main__ import main as kb_main
from tests.conftest import REAL_CONTENT
from tests.problems import untranslated
from trainer.dialogue.behaviours import NEGATIVE, UTTERANCE_BEHAVIOURS
from trainer.dialogue.corpus import assign_splits, corpus_hash, read_corpus

MIN_PER_BEHAVIOUR = 80
MIN_COUNTERS = 30
# The split was stratified on the writers' labels (≥ 25 % of each behaviour in dev); the adjudicated
# labels (judge6: majority of writer + two annotators) moved labels, never items: verification now
# has 31 of its 130 corpus-writer examples in dev (24 %). The split stays fixed, so verification's
# check is 20 %; every other behaviour keeps the split's 25 %. (judge39v's one-rule relabel of verification on
# both splits, docs/annotation-verification.md: 23 of 86, 27 %.)
MIN_DEV_SHARE = 0.25
MIN_DEV_SHARE_AFTER_ADJUDICATION = {"verification": 0.20}
TR40 = Path(__file__).parent / "annotations" / "tr40"
TR43 = Path(__file__).parent / "annotations" / "tr43"
TR44 = Path(__file__).parent / "annotations" / "tr44"
# What tr3-a … tr3-d teach (judge43t): explanation, of the five whose TUNE-reply F1 rose and CHECK F1 held with the four
# files teaching everything; the other four (empathy, clarifying_question, closing, absolute_promise) broke dev floors.
TR43_TEACHES = ("explanation",)


def test_the_real_corpus_is_valid_large_and_split():
    utterances, problems = read_corpus(REAL_CONTENT)
    assert problems == []
    assert len(utterances) >= 1500
    shown = Counter(b for u in utterances for b in u.labels)
    in_dev = Counter(b for u in utterances if u.split == "dev" for b in u.labels)
    split_from = Counter(b for u in utterances if not u.training_only for b in u.labels)  # training-only files never reach dev
    counters = Counter(b for u in utterances for b in u.counter)
    for behaviour in UTTERANCE_BEHAVIOURS:
        assert shown[behaviour] >= MIN_PER_BEHAVIOUR, behaviour
        share = MIN_DEV_SHARE_AFTER_ADJUDICATION.get(behaviour, MIN_DEV_SHARE)
        assert in_dev[behaviour] >= share * split_from[behaviour], behaviour
    for behaviour in set(NEGATIVE) & set(UTTERANCE_BEHAVIOURS) - {"vague"}:
        assert counters[behaviour] >= MIN_COUNTERS, behaviour
    for writer in {u.writer for u in utterances if not u.training_only}:
        own = [u for u in utterances if u.writer == writer]
        assert 0.25 <= sum(u.split == "dev" for u in own) / len(own) <= 0.35, writer


def test_the_split_depends_on_the_text_only():
    items = [{"text": f"第{i}句话", "labels": ["empathy" if i % 3 else "rude"]} for i in range(60)]
    first = assign_splits(items)
    assert first == assign_splits([dict(i) for i in items])
    assert 15 <= first.count("dev") <= 21
    assert {"dev"} <= {s for s, i in zip(first, items) if i["labels"] == ["rude"]}


def _write(content_dir, text: str) -> None:
    folder = content_dir / "dialogue" / "utterances"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "w-test.yaml").write_text(text, encoding="utf-8")


def test_problems_name_file_line_and_field(content_dir, capsys):
    _write(content_dir, "writer: w-test\nutterances:\n"
                        "  - {text: 您别急，我来查。, labels: [empathy], split: train}\n"
                        "  - {text: 保证能赔。, labels: [promise], split: dev}\n"
                        "  - {text: 不敢保证能赔。, labels: [explanation], counter: [absolute_promise, explanation], split: train}\n"
                        "  - {text: 嗯。, labels: [none], split: test}\n"
                        "  - {text: 您别急，我来查。, labels: [empathy], split: train}\n")
    utterances, problems = read_corpus(content_dir)
    found = {(p.file, p.line, p.field) for p in problems}
    name = "dialogue/utterances/w-test.yaml"
    assert (name, 4, "labels") in found        # unknown behaviour
    assert (name, 5, "counter") in found       # a positive behaviour cannot be a counter-example
    assert (name, 6, "split") in found
    assert (name, 7, "text") in found          # duplicate
    assert [u.text for u in utterances] == ["您别急，我来查。"]
    assert untranslated(problems) == []
    assert kb_main(["validate", str(content_dir)]) == 1
    assert "dialogue/utterances/w-test.yaml:4: labels: unknown behaviour 'promise'" in capsys.readouterr().out


def test_a_training_only_file_never_reaches_dev(content_dir):
    _write(content_dir, "writer: w-test\ntraining_only: true\nutterances:\n"
                        "  - {text: 您听我解释清楚了吗？, labels: [clarifying_question], counter: [rude]}\n"
                        "  - {text: 您慢慢说。, labels: [empathy], split: train}\n"
                        "  - {text: 我这样说您清楚吗？, labels: [clarifying_question], split: dev}\n")
    utterances, problems = read_corpus(content_dir)
    assert [(p.line, p.field) for p in problems] == [(6, "split")]
    assert "training_only" in problems[0].message
    assert [(u.text, u.split, u.training_only) for u in utterances] == [
        ("您听我解释清楚了吗？", "train", True), ("您慢慢说。", "train", True)]


def test_the_real_training_only_files_are_all_train():
    utterances, _ = read_corpus(REAL_CONTENT)
    extra = [u for u in utterances if u.training_only]
    assert extra and all(u.split == "train" for u in extra)
    def bare(text: str) -> str:  # the words without punctuation, fillers' dots or spaces
        return re.sub(r"[\W_]+", "", text)

    dev_texts = {bare(u.text) for u in utterances if u.split == "dev"}
    assert not dev_texts & {bare(u.text) for u in extra}  # no dev utterance copied in other punctuation


def adjudicated_key(folder: Path) -> dict[str, tuple[set[str], set[str]]]:
    """text -> (labels, counter-examples) of an annotation folder's key once its adjudication record is applied:
    what a training-only file imported from that key must hold."""
    key = yaml.safe_load((folder / "train_key.yaml").read_text(encoding="utf-8"))["items"]
    expected = {i["text"]: (set(i["labels"]) - {"none"}, set(i.get("counter") or ())) for i in key}
    for change in yaml.safe_load((folder / "adjudication-train.yaml").read_text(encoding="utf-8"))["changes"]:
        labels, counter = expected[change["text"]]
        (labels.add if change["now"] else labels.discard)(change["behaviour"])
        if change["counter_dropped"]:
            counter.discard(change["behaviour"])
    return expected


def test_the_tr40_files_are_the_adjudicated_key_and_teach_jargon_only():
    """tr-a and tr-b (judge41t) hold the tr40 key's 672 texts with the panel's adjudicated labels, training-only,
    teaching jargon alone: the one behaviour the train screen kept whose TUNE-reply F1 rose; teaching next_step or
    personal_data too broke dev floors and two held-out good calls (docs/benchmarks.md, judge41t)."""
    expected = adjudicated_key(TR40)
    utterances, _ = read_corpus(REAL_CONTENT)
    tr = [u for u in utterances if u.writer in ("tr-a", "tr-b")]
    assert len(tr) == len(expected) == 672
    assert all(u.training_only and u.split == "train" and u.teaches == ("jargon",) for u in tr)
    assert {u.text: (set(u.labels) - {"none"}, set(u.counter)) for u in tr} == expected


def test_the_tr43_files_are_the_adjudicated_key_and_teach_the_screened_set():
    """tr3-a … tr3-d (judge43t) hold the tr43 key's 1,314 texts with the two panels' adjudicated labels, training-only,
    teaching the screened set alone: teaching everything, vague, blame, next_step, escalation and apology fell on the
    TUNE replies; teaching the five that rose broke four dev floors (docs/benchmarks.md, judge43t)."""
    expected = adjudicated_key(TR43)
    utterances, _ = read_corpus(REAL_CONTENT)
    tr3 = [u for u in utterances if u.writer.startswith("tr3-")]
    assert len(tr3) == len(expected) == 1314
    assert {u.writer for u in tr3} == {"tr3-a", "tr3-b", "tr3-c", "tr3-d"}
    assert all(u.training_only and u.split == "train" and u.teaches == TR43_TEACHES for u in tr3)
    assert {u.text: (set(u.labels) - {"none"}, set(u.counter)) for u in tr3} == expected


def test_the_tr44_files_wait_outside_content_as_the_adjudicated_key():
    """tr4-a … tr4-f (stop 43): six writers given the dev writers' personas, adjudicated, NOT in content — taught
    whole they lifted dev recall and the CHECK replies but broke the dev precision floors of apology, next_step,
    closing, personal_data and a held-out good call (docs/benchmarks.md, tr44). They wait, valid and equal to their
    adjudicated key, in the annotation folder for the next screen."""
    expected = adjudicated_key(TR44)
    tr4, problems = read_corpus(TR44 / "content")
    assert problems == []
    assert len(tr4) == len(expected) == 2087
    assert {u.writer for u in tr4} == {f"tr4-{k}" for k in "abcdef"}
    assert all(u.training_only and u.split == "train" and not u.teaches for u in tr4)
    assert {u.text: (set(u.labels) - {"none"}, set(u.counter)) for u in tr4} == expected
    assert not {u.text for u in tr4} & {u.text for u in read_corpus(REAL_CONTENT)[0]}


def test_the_corpus_hash_ignores_line_numbers_but_not_labels(content_dir):
    _write(content_dir, "writer: w-test\nutterances:\n  - {text: 您别急。, labels: [empathy], split: train}\n")
    before = corpus_hash(read_corpus(content_dir)[0])
    _write(content_dir, "writer: w-test\n\nutterances:\n\n  - {text: 您别急。, labels: [empathy], split: train}\n")
    assert corpus_hash(read_corpus(content_dir)[0]) == before
    _write(content_dir, "writer: w-test\nutterances:\n  - {text: 您别急。, labels: [none], split: train}\n")
    assert corpus_hash(read_corpus(content_dir)[0]) != before


def test_a_training_only_file_can_name_the_behaviours_it_teaches(content_dir):
    _write(content_dir, "writer: w-test\ntraining_only: true\nteaches: [rude, empathy]\nutterances:\n"
                        "  - {text: 您说了三遍了，听不懂吗？, labels: [rude]}\n")
    (utterance,), problems = read_corpus(content_dir)
    assert problems == []
    assert utterance.teaches == ("rude", "empathy")
    assert utterance.teaches_about("rude") and not utterance.teaches_about("closing")
    taught = corpus_hash([utterance])
    _write(content_dir, "writer: w-test\ntraining_only: true\nutterances:\n"
                        "  - {text: 您说了三遍了，听不懂吗？, labels: [rude]}\n")
    (everything,), _ = read_corpus(content_dir)
    assert everything.teaches == () and everything.teaches_about("closing")
    assert corpus_hash([everything]) != taught  # what it teaches is part of what the classifier is trained on


def test_teaches_needs_a_training_only_file_and_known_behaviours(content_dir):
    _write(content_dir, "writer: w-test\nteaches: [rude, politeness]\nutterances:\n"
                        "  - {text: 您说了三遍了，听不懂吗？, labels: [rude], split: train}\n")
    _, problems = read_corpus(content_dir)
    assert sorted((p.line, p.field) for p in problems) == [(2, "teaches"), (2, "teaches")]
    assert any("politeness" in p.message for p in problems) and any("training_only" in p.message for p in problems)
    assert untranslated(problems) == []
