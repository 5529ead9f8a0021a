"""A one-behaviour panel: yes / no votes read, two of three decide, only that behaviour changes, counts printed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from bench import judge_adjudicate_one
from bench.judge_agreement import ANNOTATIONS
from tests.conftest import REAL_CONTENT
from trainer.dialogue.agreement import read_one_behaviour
from trainer.dialogue.behaviour_panel import panel_relabels, panels_under, read_panel, with_panels
from trainer.dialogue.corpus import read_corpus


def _write(path: Path, name: str, answers: dict[str, object], unsure: tuple[str, ...] = ()) -> None:
    items = [{"id": i, "verification": a, **({"unsure": True} if i in unsure else {})} for i, a in answers.items()]
    path.write_text(yaml.safe_dump({"annotator": name, "items": items}, allow_unicode=True), encoding="utf-8")


def _key(folder: Path, rows: list[tuple[str, str, str, str, list[str]]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "key.yaml").write_text(yaml.safe_dump({"items": [
        {"id": i, "text": t, "file": f, "split": s, "labels": ls} for i, t, f, s, ls in rows]}, allow_unicode=True),
        encoding="utf-8")


def test_yes_no_answers_are_read_as_yaml_gives_them_and_unsure_still_counts(tmp_path):
    path = tmp_path / "ann-K.yaml"
    path.write_text("annotator: ann-K\nitems:\n  - {id: v0001, verification: yes}\n  - {id: v0002, verification: no}\n"
                    "  - {id: v0003, verification: 'yes', unsure: true}\n", encoding="utf-8")
    name, labels, unsure = read_one_behaviour(path, "verification")
    assert name == "ann-K" and unsure == {"v0003"}
    assert labels == {"v0001": {"verification"}, "v0002": frozenset(), "v0003": {"verification"}}
    path.write_text("items:\n  - {id: v0001, verification: maybe}\n", encoding="utf-8")
    with pytest.raises(ValueError):
        read_one_behaviour(path, "verification")
    path.write_text("items:\n  - {id: v0001, verification: yes}\n  - {id: v0001, verification: no}\n", encoding="utf-8")
    with pytest.raises(ValueError):
        read_one_behaviour(path, "verification")


def test_the_two_annotators_agreeing_decide_and_a_split_vote_keeps_the_label(tmp_path):
    folder = tmp_path / "verification"
    _key(folder, [("v1", "请问是王先生本人吗？", "w-a.yaml", "dev", ["none"]),
                  ("v2", "您身份证号是3201…1234对吧？", "w-a.yaml", "train", ["verification", "personal_data"]),
                  ("v3", "这个需要本人来办。", "w-a.yaml", "train", ["verification"]),
                  ("v4", "您选的是年交对吧？", "w-a.yaml", "dev", ["none"])])
    _write(folder / "ann-K.yaml", "ann-K", {"v1": True, "v2": False, "v3": True, "v4": True})
    _write(folder / "ann-L.yaml", "ann-L", {"v1": True, "v2": False, "v3": False, "v4": False})
    panel = read_panel(folder)
    assert panel.behaviour == "verification"
    assert panel.decided == {"v1": True, "v2": False, "v3": True, "v4": False}
    shown = with_panels({"您身份证号是3201…1234对吧？": frozenset({"verification", "personal_data"}), "别的。": frozenset()},
                        [panel], {"w-a.yaml"})
    assert shown == {"您身份证号是3201…1234对吧？": {"personal_data"}, "别的。": frozenset()}
    assert with_panels({"您身份证号是3201…1234对吧？": frozenset({"verification"})}, [panel], {"w-b.yaml"}) == {
        "您身份证号是3201…1234对吧？": {"verification"}}  # the same text in another file is another utterance


def test_a_panel_needs_two_annotators_who_label_the_keys_items(tmp_path):
    folder = tmp_path / "verification"
    _key(folder, [("v1", "请问是王先生本人吗？", "w-a.yaml", "dev", ["none"])])
    _write(folder / "ann-K.yaml", "ann-K", {"v1": True})
    with pytest.raises(ValueError):
        read_panel(folder)
    _write(folder / "ann-L.yaml", "ann-L", {"v1": True, "v9": False})
    with pytest.raises(ValueError):
        read_panel(folder)


def test_applying_a_panel_rewrites_that_behaviour_only_once_and_prints_no_utterance(tmp_path, monkeypatch, capsys):
    content = tmp_path / "content"
    shutil.copytree(REAL_CONTENT / "dialogue", content / "dialogue")
    utterances = read_corpus(content)[0]
    asked = next(u for u in utterances if u.split == "train" and u.shows("verification") and len(u.labels) > 1)
    plain = next(u for u in utterances if u.split == "dev" and u.labels == ("empathy",))
    kept = next(u for u in utterances if u.split == "train" and u.labels == ("closing",))
    folder = tmp_path / "verification"
    _key(folder, [("v1", asked.text, Path(asked.file).name, "train", list(asked.labels)),
                  ("v2", plain.text, Path(plain.file).name, "dev", ["empathy"]),
                  ("v3", kept.text, Path(kept.file).name, "train", ["closing"])])
    _write(folder / "ann-K.yaml", "ann-K", {"v1": False, "v2": True, "v3": True}, unsure=("v3",))
    _write(folder / "ann-L.yaml", "ann-L", {"v1": False, "v2": True, "v3": False})
    record = tmp_path / "record.md"
    monkeypatch.setenv("AGENT_TRAINER_CONTENT_DIR", str(content))
    assert judge_adjudicate_one.main(["verification", str(folder), "--record", str(record), "--write"]) == 0
    printed = capsys.readouterr().out
    assert "dev: 1 items, 0 labelled verification before → 1 after (+1 / −0)" in printed
    assert "train: 2 items, 1 labelled verification before → 0 after (+0 / −1)" in printed
    assert "lines rewritten" in printed and not any(u.text in printed for u in (asked, plain, kept))
    after = {(u.file, u.line): u for u in read_corpus(content)[0]}
    assert after[(asked.file, asked.line)].labels == tuple(b for b in asked.labels if b != "verification")
    assert after[(plain.file, plain.line)].labels == ("empathy", "verification")
    assert after[(kept.file, kept.line)] == kept
    assert sum(a != b for a, b in zip(utterances, read_corpus(content)[0])) == 2
    rows = yaml.safe_load((folder / "adjudication.yaml").read_text(encoding="utf-8"))["changes"]
    assert [(r["id"], r["had"], r["ann-K"], r["ann-L"], r["now"]) for r in rows] == [
        ("v1", True, False, False, False), ("v2", False, True, True, True)]
    assert f"| v2 | {Path(plain.file).name} | {plain.text} | · | ✓ | ✓ | shown |" in record.read_text(encoding="utf-8")
    assert judge_adjudicate_one.main(["verification", str(folder), "--record", str(record), "--write"]) == 0
    assert "corpus: 0 lines rewritten" in capsys.readouterr().out


def test_the_corpus_holds_every_shipped_panels_decision():
    """The verification and escalation panels (docs/annotation-verification.md, docs/annotation-escalation.md)
    were applied: each of their items, on both splits, carries the panel's decision and nothing else moved on
    its line."""
    utterances, problems = read_corpus(REAL_CONTENT)
    assert problems == []
    panels = panels_under(ANNOTATIONS)
    assert [p.behaviour for p in panels] == ["escalation", "verification"]
    for panel in panels:
        relabels = panel_relabels(utterances, panel)
        assert len(relabels) == len(panel.ids) and {panel.splits[i] for i in panel.ids} == {"dev", "train"}
        assert [r.utterance.text for r in relabels if r.changed] == []
