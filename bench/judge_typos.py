"""The judge on a fast pinyin typist's slips: the TRAIN split's lines with same-pinyin characters swapped (judge43h).

    .venv/bin/python -m bench.judge_typos [--rate 0.05] [--seed 43] [--rules-only] [--classifier-reads]

A deterministic robustness check of the typo reading (`trainer.dialogue.typo_reading`): each Chinese character of a
TRAIN line is, at `rate` (a fixed seed per line), replaced by another character the pinyin keyboard offers for the same
toneless syllable — one of the word list's most frequent single characters with that reading, as an IME lists them
first. Dev lines are never noised nor read. Per behaviour, recall / precision of the rules alone and of the full judge
(rules + classifier) on the clean lines, the noised lines, and the noised lines with the typo reading. The reading is
built as each line's writer were unseen: its known bigrams are the content's and the OTHER train writers' lines.
The classifier was trained on these clean lines, so its figures flatter it; the comparison between the columns is the
point. `--classifier-reads` adds a column where the classifier also reads the corrected text.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import time
from dataclasses import replace
from functools import lru_cache

from pypinyin import Style, pinyin

from kb.content import load_content
from kb.embeddings import EmbeddingCache, load_encoder
from kb.word_frequency import bundled_frequencies
from settings import Settings
from trainer.dialogue.behaviours import UTTERANCE_BEHAVIOURS
from trainer.dialogue.classifier import open_classifier
from trainer.dialogue.corpus import read_corpus
from trainer.dialogue.detectors import Detectors, rule_phrases
from trainer.dialogue.evaluation import behaviour_figures
from trainer.dialogue.judge import MeaningJudge
from trainer.dialogue.reply import reply_evidence
from trainer.dialogue.content_typos import content_terms, content_texts
from trainer.dialogue.typo_reading import TypoReading

_CJK = re.compile(r"[\u4e00-\u9fff]")
IME_CHOICES = 5  # the keyboard's first candidates for a syllable: the most frequent characters reading it
# …and a character the keyboard offers at all among its first: the word list also counts rare characters a few hundred
# times (拰 655 for nin beside 您), which no typist picks.
MIN_CHARACTER_COUNT = 1000


def _reading(char: str) -> str:
    read = pinyin(char, style=Style.NORMAL, errors="ignore")
    return read[0][0] if read and read[0] else ""


@lru_cache(maxsize=1)
def homophones() -> dict[str, tuple[str, ...]]:
    """Toneless syllable → the word list's IME_CHOICES most frequent single characters read so (each seen at least
    MIN_CHARACTER_COUNT times)."""
    by_sound: dict[str, list[tuple[int, str]]] = {}
    for word, count in bundled_frequencies().items():
        if len(word) == 1 and _CJK.fullmatch(word) and count >= MIN_CHARACTER_COUNT:
            by_sound.setdefault(_reading(word), []).append((count, word))
    return {sound: tuple(c for _, c in sorted(chars, reverse=True)[:IME_CHOICES]) for sound, chars in by_sound.items() if sound}


def noised(text: str, rate: float, seed: int) -> str:
    """`text` with each Chinese character, at `rate`, swapped for another the keyboard offers for its syllable; the
    same text, rate and seed always give the same result."""
    rng = random.Random(f"{seed}:{text}")
    sounds = homophones()
    out = []
    for char in text:
        if _CJK.fullmatch(char) and rng.random() < rate:
            choices = [c for c in sounds.get(_reading(char), ()) if c != char]
            out.append(rng.choice(choices) if choices else char)
        else:
            out.append(char)
    return "".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.judge_typos")
    parser.add_argument("--rate", type=float, default=0.05)
    parser.add_argument("--seed", type=int, default=43)
    parser.add_argument("--rules-only", action="store_true")
    parser.add_argument("--classifier-reads", action="store_true")
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    content = load_content(settings.content_dir)
    utterances, _ = read_corpus(settings.content_dir)
    train = [u for u in utterances if u.split == "train"]  # never a dev line
    noisy = [replace(u, text=noised(u.text, args.rate, args.seed)) for u in train]
    changed = sum(u.text != n.text for u, n in zip(train, noisy))
    print(f"train lines {len(train)}; noised at {args.rate} (seed {args.seed}): {changed} lines changed")
    phrases = [*rule_phrases(), *(w for p in content.forbidden_phrases for w in p.wordings)]
    plain = Detectors(content.forbidden_phrases)
    readers = {}
    for writer in sorted({u.writer for u in train}):
        typos = TypoReading(content_terms(content), phrases,
                            [*content_texts(content), *(u.text for u in train if u.writer != writer)], content.glossary)
        readers[writer] = Detectors(content.forbidden_phrases, typos=typos)
    read_back = sum(bool(readers[u.writer].typos.corrections(u.text)) for u in noisy)
    restored = sum(readers[n.writer].reading(n.text).text == u.text for u, n in zip(train, noisy) if u.text != n.text)
    clean_changed = sum(bool(readers[u.writer].typos.corrections(u.text)) for u in train)
    print(f"typo reading: corrects {read_back} noised lines, restores {restored} of the {changed} exactly; "
          f"changes {clean_changed} clean lines")
    started = time.perf_counter()
    for u in noisy:
        readers[u.writer].reading(u.text)
    print(f"typo reading time per line: {1000 * (time.perf_counter() - started) / len(noisy):.2f} ms "
          f"(mandarin + typo reading)")

    judge = None
    if not args.rules_only:
        encoder = load_encoder(settings.embedding_model)
        classifier = open_classifier(utterances, EmbeddingCache(encoder, settings.embedding_cache_dir).embed, encoder.model_id, settings.embedding_cache_dir)
        judge = MeaningJudge(classifier, encoder)

    def judged(lines, readers_of, embed=None):
        """Per reader (detectors_of, classifier_reads), the behaviours found in each line: lines in chunks, each
        chunk's pieces encoded once for every reader (the judge's memo holds a chunk)."""
        found = [[] for _ in readers_of]
        for start in range(0, len(lines), 400):
            chunk = lines[start:start + 400]
            if judge is not None:
                texts = {p for u in chunk for p in judge.pieces(u.text)}
                for detectors_of, classifier_reads in readers_of:
                    if classifier_reads:
                        texts |= {p for u in chunk for p in judge.pieces(detectors_of(u).reading(u.text).text)}
                texts = sorted(texts)
                judge.remember(texts, (embed or judge.embed)(texts))
            for column, (detectors_of, classifier_reads) in enumerate(readers_of):
                for u in chunk:
                    text = detectors_of(u).reading(u.text).text if classifier_reads else u.text
                    found[column].append({e.behaviour for e in reply_evidence(text, detectors_of(u), judge)})
        return found

    def rules_alone(lines, detectors_of):
        return behaviour_figures(lines, [{e.behaviour for e in reply_evidence(u.text, detectors_of(u), None)}
                                         for u in lines])

    columns = {"clean": (train, lambda u: plain), "clean+reading": (train, lambda u: readers[u.writer]),
               "noised": (noisy, lambda u: plain), "noised+reading": (noisy, lambda u: readers[u.writer])}
    results = {name: [rules_alone(lines, of), None] for name, (lines, of) in columns.items()}
    if judge is not None:
        started = time.perf_counter()
        clean = judged(train, [(lambda u: plain, False), (lambda u: readers[u.writer], False)],
                       EmbeddingCache(judge.encoder, settings.embedding_cache_dir).embed)
        results["clean"][1], results["clean+reading"][1] = (behaviour_figures(train, f) for f in clean)
        readers_of = [(lambda u: plain, False), (lambda u: readers[u.writer], False)]
        if args.classifier_reads:
            readers_of.append((lambda u: readers[u.writer], True))
        noised_found = judged(noisy, readers_of)
        results["noised"][1], results["noised+reading"][1] = (behaviour_figures(noisy, f) for f in noised_found[:2])
        if args.classifier_reads:
            results["noised+reading, classifier reads it"] = [results["noised+reading"][0],
                                                              behaviour_figures(noisy, noised_found[2])]
        print(f"full judge: {time.perf_counter() - started:.0f} s")
    names = list(results)
    for kind, index in (("rules alone", 0), ("rules + classifier", 1)):
        if any(results[n][index] is None for n in names):
            continue
        print(f"\n{kind} — R / P per column: " + " | ".join(names))
        print("| behaviour | " + " | ".join(names) + " |")
        print("|---|" + "---|" * len(names))
        for b in UTTERANCE_BEHAVIOURS:
            print(f"| {b} | " + " | ".join(f"{results[n][index][b].recall:.2f} / {results[n][index][b].precision:.2f}"
                                           for n in names) + " |")
        print("| macro | " + " | ".join(
            f"{statistics.mean(f.recall for f in results[n][index].values()):.3f} / "
            f"{statistics.mean(f.precision for f in results[n][index].values()):.3f}" for n in names) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
