"""The practice-call judge kept for the app: its key, and the file `kb build` and the app share.

`kb build` trains (or loads) the judge and keeps it where the app looks first
(`data/judge-latest-<encoder>.pkl`), so the app serves it from its first request. The key it is kept
under is the judge's own: the cache keys of the classifier(s) `open_judge` composes (the corpus, the
cue rules' verdicts on it, the recipe and format, the encoder). A kept judge whose key equals the key
worked out now is therefore exactly what this code would train: it is served as current, not trained
again, and 评判纠错 does not say "retraining" after every restart (polish17 left that).
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from kb.embeddings import Encoder
from trainer.dialogue.classifier import classifier_cache_path, classifier_key
from trainer.dialogue.corpus import LabelledUtterance, read_corpus
from trainer.dialogue.judge import MeaningJudge
from trainer.dialogue.refresh import ShelfFile
from trainer.dialogue.taught import taught_behaviours, without_taught_files

NO_CORPUS = "no-corpus"  # the key when there is nothing to learn from (`open_judge` returns None)
_PARTS = "+"


def judge_key_of(utterances: Sequence[LabelledUtterance], model_id: str) -> str:
    """The key of the judge `open_judge` builds from `utterances` with encoder `model_id`.

    Follows `trainer.dialogue.classifier.isolating`: with files that teach named behaviours, two
    classifiers (the corpus without them, and all of it), so two cache keys."""
    if not any(u.split == "train" for u in utterances):
        return NO_CORPUS
    parts = [without_taught_files(utterances), utterances] if taught_behaviours(utterances) else [utterances]
    return _PARTS.join(classifier_key(part, model_id) for part in parts)


def judge_key(content_dir: Path | str, model_id: str) -> str:
    """The key of the judge for the corpus now under `content_dir` and this code (about 0.2 s: a corpus read)."""
    return judge_key_of(read_corpus(content_dir)[0], model_id)


def judge_saved(cache_dir: Path | None, key: str) -> bool:
    """Whether building the judge with key `key` only reads classifiers saved earlier (seconds, not minutes)."""
    if key == NO_CORPUS:
        return True
    return cache_dir is not None and all(classifier_cache_path(Path(cache_dir), part).is_file()
                                         for part in key.split(_PARTS))


def judge_shelf(data_dir: Path, encoder: Encoder) -> ShelfFile[MeaningJudge]:
    """The file the newest judge for `encoder` is kept in, for this install (its data directory)."""
    return ShelfFile(data_dir, encoder.model_id, lambda judge: judge.classifier,
                     lambda classifier: MeaningJudge(classifier, encoder))
