"""Calibrate `CHECKPOINT_SIMILARITY` on training data only: `python -m bench.checkpoint_meaning`.

Sentences: the utterance corpus's train split (its faulty utterances, rude/blame/promise…, are at
fault as the judge would find them) and every scenario's model answers, each judged against the
checkpoints of every *other* scenario (its own model lines are its references). A credit by meaning
is counted right when the sentence holds one of the checkpoint's cues — a silver label that calls every
paraphrase without a cue wrong, so the precision shown is a lower bound. Never the held-out calls.

`--cue-gaps N` lists, per checkpoint about a way of treating the customer (not about facts), the N
training sentences not at fault and holding none of its cues that are closest to its references: the
wordings its cue list misses, for a person to propose cues from (judge14). Never the held-out calls.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from kb.embeddings import EmbeddingCache, load_encoder
from settings import Settings
from trainer.dialogue import ContentFacts, load_scenarios
from trainer.dialogue.behaviours import NEGATIVE
from trainer.dialogue.checkpoint_meaning import about_facts, checkpoint_references, meeting_sentence
from trainer.dialogue.corpus import read_corpus
from trainer.dialogue.segments import sentence_segments

THRESHOLDS = (0.93, 0.935, 0.94, 0.945, 0.95, 0.955, 0.96, 0.965, 0.97)


def training_sentences(content: Path, scenarios) -> list[tuple[str, bool, str]]:
    """(sentence, at fault, scenario it comes from or "") of the train split and the model answers."""
    utterances, _ = read_corpus(content)
    found = [(s.text, any(label in NEGATIVE for label in u.labels), "") for u in utterances if u.split == "train"
             for s in sentence_segments(u.text)]
    found += [(s.text, False, scenario.id) for scenario in scenarios for a in scenario.model_answers
              for s in sentence_segments(a)]
    return list(dict.fromkeys(found))


def cue_gaps(scenarios, facts, sentences, vectors: np.ndarray, embed, count: int) -> None:
    """Per checkpoint not about facts: the `count` closest training sentences that hold none of its cues."""
    for scenario in scenarios:
        entries = {i: facts.entry(i) for i in scenario.entry_ids()}
        for checkpoint in scenario.checkpoints:
            references = checkpoint_references(checkpoint, scenario.model_answers, entries)
            if not references or about_facts(checkpoint, entries):
                continue
            similarity = (vectors @ embed(references).T).max(axis=1)
            order = [i for i in np.argsort(-similarity) if not sentences[i][1]
                     and not any(cue in sentences[i][0] for cue in checkpoint.cues)][:count]
            print(f"\n### {scenario.id} / {checkpoint.id}: {checkpoint.description} (cues: {'、'.join(checkpoint.cues)})")
            for i in order:
                print(f"- {similarity[i]:.3f} {sentences[i][0]}" + (f"  [model answer of {sentences[i][2]}]" if sentences[i][2] else ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.checkpoint_meaning")
    parser.add_argument("--model", default=None, help="encoder (default: the setting)")
    parser.add_argument("--cue-gaps", type=int, default=0, metavar="N",
                        help="list the N closest cue-less training sentences per checkpoint instead")
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    content = Path(settings.content_dir)
    encoder = load_encoder(args.model or settings.embedding_model)
    cache = EmbeddingCache(encoder, settings.embedding_cache_dir)
    scenarios = list(load_scenarios(content).values())
    facts = ContentFacts.load(content)
    sentences = training_sentences(content, scenarios)
    vectors = cache.embed([s for s, _, _ in sentences])
    if args.cue_gaps:
        cue_gaps(scenarios, facts, sentences, vectors, cache.embed, args.cue_gaps)
        return 0
    counts = {t: [0, 0] for t in THRESHOLDS}  # credits, right
    cued = 0
    for scenario in scenarios:
        entries = {i: facts.entry(i) for i in scenario.entry_ids()}
        refs = {c.id: checkpoint_references(c, scenario.model_answers, entries) for c in scenario.checkpoints}
        references = {i: (r, cache.embed(r)) for i, r in refs.items() if r}
        for checkpoint in scenario.checkpoints:
            if checkpoint.id not in references:
                continue
            for (text, at_fault, origin), vector in zip(sentences, vectors):
                if origin == scenario.id:
                    continue
                right = any(cue in text for cue in checkpoint.cues)
                cued += right and not at_fault
                for threshold in THRESHOLDS:
                    met = meeting_sentence([text], vector[None, :], checkpoint, references, entries,
                                           (text,) if at_fault else (), threshold)
                    if met is not None:
                        counts[threshold][0] += 1
                        counts[threshold][1] += right
    print(f"{len(sentences)} training sentences; {cued} (sentence, checkpoint) "
          "pairs where a sentence not at fault holds a cue")
    print("\n| threshold | credits by meaning | holding a cue (silver right) | precision (lower bound) | cue pairs recovered |")
    print("|---|---|---|---|---|")
    for threshold, (credits, right) in counts.items():
        precision = right / credits if credits else float("nan")
        print(f"| {threshold:.3f} | {credits} | {right} | {precision:.2f} | {right / max(cued, 1):.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
