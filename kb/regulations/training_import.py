"""Import a writer's draft of training-only regulation questions into the test data (split: tune).

    .venv/bin/python -m kb.regulations.training_import DRAFT.yaml tests/kb/regulation_training_queries_NAME.yaml

A draft is written by hand from the source files, so it has copy slips; the rows fitted on must be
right, and none may leak a dev-set question into training. Each row is checked: a question or negative
repeating a dev-set text, another training file's text or an earlier row is refused; an expected sentence
must be in the named article (kb.regulations.evaluation's rule). A near repeat of a dev-set text (the same
question with a word or two changed, NEAR_REPEAT) is refused too: fitted on, it would leak a held-out question. Obvious slips are fixed — white space,
half-width punctuation, wrapping quotes, the sentence found in exactly one other article of the same
document — and any other row is dropped. Every refusal and fix is counted in the written file's header.
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass, field
from pathlib import Path
from difflib import SequenceMatcher
from typing import Iterable, Sequence

import yaml

from kb.regulations.evaluation import (TRAINING_SPLIT, RegulationDevSet, RegulationQuestion, expected_text,
                                       load_regulation_dev_set, squeeze, training_sets)
from kb.regulations.library import Library, load_library

# Half-width punctuation a writer types where the library has the full-width sign.
FULL_WIDTH = str.maketrans({",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "?": "？", "!": "！"})
QUOTES = "\"'“”‘’「」"
# Character-level similarity (difflib ratio, punctuation left out) from which a row counts as a dev-set
# question with a word or two changed (长期健康险的犹豫期最短能给几天 / 长期健康险的犹豫期最短几天: 0.93).
# Below it are paraphrases asking about the same article in other words (银行存款保险最高赔付多少钱 /
# 银行倒闭了存款保险最多赔多少钱: 0.79): kept, as the first training file's were — writers of the same
# library ask about the same rules, and the gate and re-ranker read per-candidate signals, not articles.
NEAR_REPEAT = 0.8


@dataclass
class ImportReport:
    """What was kept, fixed and left out of one draft (the written file's header says it)."""

    questions: list[dict] = field(default_factory=list)
    negatives: list[str] = field(default_factory=list)
    repeated: list[str] = field(default_factory=list)       # refused: the text is already in the dev set or training data
    near: list[str] = field(default_factory=list)           # refused: a dev-set text reworded (NEAR_REPEAT)
    dropped: list[str] = field(default_factory=list)        # refused: the sentence is not in the library as named
    fixed: list[str] = field(default_factory=list)          # kept after an obvious slip was corrected


def located(question: RegulationQuestion, library: Library) -> tuple[str, str] | None:
    """(article label, sentence) under which the row's sentence is found verbatim, after fixing obvious
    slips; None when it is not (or is in several other articles of the document)."""
    document = library.document(question.document)
    if document is None:
        return None
    candidates = [question.sentence, squeeze(question.sentence).strip(QUOTES).translate(FULL_WIDTH)]
    named = library.article(question.document, question.article)
    for sentence in candidates:
        wanted = squeeze(expected_text(RegulationQuestion(question.text, "", "", sentence)))
        if not wanted:
            continue
        if named is not None and wanted in squeeze(named.text):
            return question.article, sentence
        elsewhere = [a for a in document.articles if wanted in squeeze(a.text)]
        if len(elsewhere) == 1:
            return elsewhere[0].label, sentence
    return None


def _plain(text: str) -> str:
    return re.sub(r"[\W_]+", "", text)


def near_repeat(text: str, others: Iterable[str]) -> str | None:
    """The first of `others` that `text` rewords (similarity ≥ NEAR_REPEAT), or None."""
    plain = _plain(text)
    for other in others:
        matcher = SequenceMatcher(None, plain, _plain(other), autojunk=False)
        if matcher.real_quick_ratio() >= NEAR_REPEAT and matcher.quick_ratio() >= NEAR_REPEAT \
                and matcher.ratio() >= NEAR_REPEAT:
            return other
    return None


def _admitted(text: str, seen: set[str], dev_texts: Sequence[str], report: ImportReport) -> bool:
    """Whether a draft row's text may be taken: not already taken, not rewording a dev-set question
    (the refusal is recorded in `report`); an admitted text counts as taken."""
    if text in seen:
        report.repeated.append(text)
        return False
    seen.add(text)
    if near_repeat(text, dev_texts):
        report.near.append(text)
        return False
    return True


def import_rows(draft: dict, taken: RegulationDevSet, library: Library, dev_texts: Sequence[str] = ()) -> ImportReport:
    """Check each row of a parsed draft against the texts already `taken` (dev set and other training files),
    the `dev_texts` it may not reword, and the library."""
    if draft.get("split") != TRAINING_SPLIT:
        raise ValueError(f"a training draft must declare 'split: {TRAINING_SPLIT}' (found {draft.get('split')!r})")
    report = ImportReport()
    seen = {q.text for q in taken.questions} | set(taken.negatives)
    for row in draft.get("questions") or []:
        text = str(row["q"]).strip()
        if not _admitted(text, seen, dev_texts, report):
            continue
        question = RegulationQuestion(text, str(row["document"]), str(row["article"]), str(row["sentence"]))
        place = located(question, library)
        if place is None:
            report.dropped.append(text)
            continue
        if place != (question.article, question.sentence):
            report.fixed.append(text)
        report.questions.append({"q": text, "document": question.document, "article": place[0], "sentence": place[1]})
    for row in draft.get("negatives") or []:
        text = str(row["q"] if isinstance(row, dict) else row).strip()
        if _admitted(text, seen, dev_texts, report):
            report.negatives.append(text)
    return report


def written(report: ImportReport, draft_path: Path, writer: str) -> str:
    """The training file: a header that says where the rows came from and what was left out, then the rows."""
    def listed(texts: Sequence[str]) -> str:
        return "".join(f"\n#   {t}" for t in texts) or " none"
    header = (f"# TRAINING-ONLY questions and negatives for the regulation library (issue #15), imported by\n"
              f"# `python -m kb.regulations.training_import` from {draft_path} (writer {writer}, not the dev\n"
              f"# set's writer). Every row belongs to the TUNE half ('split: tune'): the gate and the re-ranker are\n"
              f"# fitted on them; they are never part of the held-out figures.\n"
              f"# Kept: {len(report.questions)} questions, {len(report.negatives)} negatives.\n"
              f"# Refused, repeating a dev-set or training text word for word ({len(report.repeated)}):"
              f"{listed(report.repeated)}\n"
              f"# Refused, a dev-set text reworded (similarity ≥ {NEAR_REPEAT}) ({len(report.near)}):{listed(report.near)}\n"
              f"# Dropped, expected sentence not in the library as named ({len(report.dropped)}):{listed(report.dropped)}\n"
              f"# Kept after fixing a copy slip (spacing, punctuation width, quotes or article label) "
              f"({len(report.fixed)}):{listed(report.fixed)}\n")
    body = yaml.safe_dump({"writer": writer, "split": TRAINING_SPLIT, "questions": report.questions,
                           "negatives": report.negatives}, allow_unicode=True, sort_keys=False, width=1000)
    return header + body


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("draft", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--content", type=Path, default=Path("content"))
    parser.add_argument("--dev-set", type=Path, default=Path("tests/kb/regulation_queries.yaml"))
    args = parser.parse_args()
    draft = yaml.safe_load(args.draft.read_text(encoding="utf-8")) or {}
    others = tuple(p for p in training_sets(args.dev_set.parent) if p.resolve() != args.output.resolve())
    library, _ = load_library(args.content)
    dev = load_regulation_dev_set(args.dev_set)
    report = import_rows(draft, load_regulation_dev_set(args.dev_set, *others), library,
                         [q.text for q in dev.questions] + list(dev.negatives))
    args.output.write_text(written(report, args.draft, str(draft.get("writer", "unknown"))), encoding="utf-8")
    print(f"{args.output}: {len(report.questions)} questions, {len(report.negatives)} negatives; refused "
          f"{len(report.repeated)} repeated, {len(report.near)} reworded, dropped {len(report.dropped)}, fixed {len(report.fixed)}")


if __name__ == "__main__":
    main()
