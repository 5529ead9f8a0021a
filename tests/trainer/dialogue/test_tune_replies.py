"""The TUNE replies (stop 39): fresh writers' replies kept out of content like the sealed CONFIRM set, adjudicated the
same way, never trained on — but read freely, item by item, to study the judge's misses on words nobody tuned against."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml

from bench.judge import CONFIRM_DIR, TUNE_REPLIES_DIR, tune_replies_table
from bench.judge_adjudicate_confirm import ReplySet, SETS, make_key, main, set_relabels, set_votes
from tests.conftest import REAL_CONTENT
from trainer.dialogue.behaviours import UTTERANCE_BEHAVIOURS
from trainer.dialogue.corpus import TUNE_SPLIT, read_corpus, read_sealed
from trainer.dialogue.detectors import Detectors

FIXTURE = Path(__file__).parent / "fixtures" / "confirm"


def test_the_tune_replies_are_valid_fresh_and_cover_every_behaviour():
    tune, problems = read_sealed(TUNE_REPLIES_DIR, TUNE_SPLIT)
    assert [str(p) for p in problems] == []
    assert {u.split for u in tune} == {TUNE_SPLIT}
    assert len({u.writer for u in tune}) == 3 and len(tune) >= 700
    shown = Counter(b for u in tune for b in u.labels)
    assert all(shown[b] >= 12 for b in UTTERANCE_BEHAVIOURS), {b: shown[b] for b in UTTERANCE_BEHAVIOURS}
    texts = {u.text for u in tune}
    corpus, _ = read_corpus(REAL_CONTENT)
    assert sum(u.text in texts for u in corpus) == 0  # never trained on, never a dev item
    confirm, _ = read_sealed(CONFIRM_DIR)
    assert sum(u.text in texts for u in confirm) == 0  # counted, never printed: the CONFIRM set is sealed


def test_the_tune_replies_hold_their_panels_decision():
    """Each label is the majority of the writer and two blind annotators; a label edited by hand since shows as a line to rewrite."""
    reply_set = SETS["tune"]
    votes = set_votes(reply_set)
    assert len(votes.ids) == len(read_sealed(TUNE_REPLIES_DIR, TUNE_SPLIT)[0])
    assert sum(r.changed for r in set_relabels(reply_set, votes)) == 0


def test_make_key_writes_the_writers_labels_beside_the_set_and_only_texts_for_the_annotators(tmp_path: Path):
    folder = tmp_path / "set"
    shutil.copytree(FIXTURE, folder)
    blind = tmp_path / "blind"
    assert make_key(ReplySet(folder, TUNE_SPLIT), blind) == 6
    key = yaml.safe_load((folder / "annotations" / "tune_key.yaml").read_text(encoding="utf-8"))["items"]
    items = yaml.safe_load((blind / "items.yaml").read_text(encoding="utf-8"))["items"]
    assert [i["id"] for i in key] == [i["id"] for i in items] == [f"u{n:04d}" for n in range(1, 7)]
    assert all(set(i) == {"id", "text"} for i in items)  # no labels where the annotators work
    assert {i["text"] for i in items} == {u.text for u in read_sealed(FIXTURE)[0]}
    assert not list(folder.glob("annotations/items.yaml"))  # and no list beside the key


def test_the_adjudication_command_refuses_a_set_without_a_panel(tmp_path: Path, monkeypatch):
    monkeypatch.setitem(SETS, "tune", ReplySet(tmp_path, TUNE_SPLIT))
    with pytest.raises(FileNotFoundError, match="tune_key.yaml"):
        main(["--set", "tune"])


def test_bench_judge_tune_replies_lists_each_miss_and_false_flag_with_what_was_judged(judge, real_facts, tmp_path: Path,
                                                                                    capsys):
    (tmp_path / "x.yaml").write_text(
        "writer: x\nutterances:\n"
        "  - {text: 嗯，您说。, labels: [apology]}\n"                   # labelled an apology, shows none: a miss
        "  - {text: 对不起，让您久等了。, labels: [none]}\n"             # labelled none, an apology: a false flag
        "  - {text: 非常抱歉，是我们没讲清楚。, labels: [apology]}\n", encoding="utf-8")
    detectors = Detectors(real_facts.content.forbidden_phrases)
    _, both = tune_replies_table(detectors, judge, None, misses="apology", folder=tmp_path)
    out = capsys.readouterr().out
    assert "| behaviour | tune n |" in out and "## apology" in out
    assert "MISS x.yaml:3 嗯，您说。  [labels apology; judged none]" in out
    assert "FALSE x.yaml:4 对不起，让您久等了。  [labels none; judged apology]" in out
    assert "非常抱歉" not in out.split("## apology")[1]  # a reply judged right is not listed
    assert both["apology"].support == 2 and both["apology"].recall == 0.5
    with pytest.raises(SystemExit, match="empathi"):
        tune_replies_table(detectors, judge, None, misses="empathi", folder=tmp_path)
    assert "| behaviour |" not in capsys.readouterr().out  # a misspelt behaviour is refused before any judging


def test_a_one_behaviour_panel_relabels_a_reply_set_and_its_majority_adjudication_keeps_it(tmp_path: Path, monkeypatch,
                                                                                          capsys):
    """Stop 41: the escalation rule's panel over the TUNE replies (and CONFIRM). `--set tune` rewrites that behaviour on
    the set's lines, records the changes beside the panel (not in docs/) and prints no reply; re-running the set's
    majority adjudication keeps the panel's decision instead of undoing it."""
    from bench import judge_adjudicate_one

    folder = tmp_path / "tune_replies"
    shutil.copytree(TUNE_REPLIES_DIR, folder, ignore=shutil.ignore_patterns("escalation"))
    reply_set = ReplySet(folder, TUNE_SPLIT)
    monkeypatch.setitem(SETS, "tune", reply_set)
    assert main(["--set", "tune", "--write"]) == 0  # the copy without the shipped panel: the majority's labels
    capsys.readouterr()
    replies = read_sealed(folder, TUNE_SPLIT)[0]
    offered = next(u for u in replies if u.labels == ("escalation",))
    plain = next(u for u in replies if u.labels == ("empathy",))
    panel = reply_set.panel_dir / "escalation"
    panel.mkdir()
    (panel / "key.yaml").write_text(yaml.safe_dump({"items": [
        {"id": "t1", "text": offered.text, "file": Path(offered.file).name, "split": "tune", "labels": ["escalation"]},
        {"id": "t2", "text": plain.text, "file": Path(plain.file).name, "split": "tune", "labels": ["empathy"]}]},
        allow_unicode=True), encoding="utf-8")
    for name in ("ann-K", "ann-L"):
        (panel / f"{name}.yaml").write_text(yaml.safe_dump({"annotator": name, "items": [
            {"id": "t1", "escalation": False}, {"id": "t2", "escalation": True}]}), encoding="utf-8")
    votes = set_votes(reply_set)
    assert sum(r.changed for r in set_relabels(reply_set, votes)) == 2  # the panel's decision, not yet written

    assert judge_adjudicate_one.main(["escalation", "--set", "tune", "--write"]) == 0
    printed = capsys.readouterr().out
    assert "tune: 2 lines rewritten" in printed and offered.text not in printed and plain.text not in printed
    after = {u.text: u.labels for u in read_sealed(folder, TUNE_SPLIT)[0]}
    assert after[offered.text] == () and after[plain.text] == ("empathy", "escalation")
    assert plain.text in (panel / "adjudication.md").read_text(encoding="utf-8")
    assert sum(r.changed for r in set_relabels(reply_set, set_votes(reply_set))) == 0
    assert main(["--set", "tune"]) == 0 and "0 tune lines to rewrite" in capsys.readouterr().out
