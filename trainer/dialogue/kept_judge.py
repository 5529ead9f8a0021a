"""The practice-call judge kept for the app: its key, and the file `kb build` and the app share.

`kb build` trains (or loads) the judge and keeps it where the app looks first
(`data/judge-latest-<encoder>.pkl`), so the app serves it from its first request. The key it is kept
under is the judge's own: the cache keys of the classifier(s) `open_judge` composes (the corpus, the
cue rules' verdicts on it, the recipe and format, the encoder). A kept judge whose key equals the key
worked out now is therefore exactly what this code would train: it is served as current, not trained
again, and 评判纠错 does not say "retraining" after every restart (polish17 left that).
"""

from __future__ import annotations

import glob
import logging
import time
from pathlib import Path
from typing import Sequence

from kb.embeddings import Encoder
from trainer.dialogue.classifier import classifier_cache_path, classifier_key
from trainer.dialogue.corpus import LabelledUtterance, read_corpus
from trainer.dialogue.judge import MeaningJudge
from trainer.dialogue.refresh import ShelfFile
from trainer.dialogue.taught import classifier_corpora

log = logging.getLogger(__name__)

NO_CORPUS = "no-corpus"  # the key when there is nothing to learn from (`open_judge` returns None)
_PARTS = "+"
# A classifier file not written for this long is no longer being written or about to be read by another process
# (one that checked it is there reads it within seconds; one reading it already keeps it open: an unlink on
# POSIX leaves its reader the file). The embedding cache may be shared with other installs, whose judges this
# spares for the same time; their own kept judge (data/judge-latest-…) serves them at once on a restart.
STALE_AFTER_SECONDS = 3600.0
# The newest few other keys' classifiers stay whatever their age: a cache dir shared by the app on the real content
# and the test suite on its fixture corpora (or by worktrees holding hard links to one warm cache) lost the real
# content's classifiers to a test run an hour after they were written, and the next `kb build` retrained them
# (35+ min under load, stop 48 / 49). Eight files of about 10 MB bound what is kept; older corrections still go.
KEEP_NEWEST_OTHERS = 8


def judge_key_of(utterances: Sequence[LabelledUtterance], model_id: str) -> str:
    """The key of the judge `open_judge` builds from `utterances` with encoder `model_id`.

    Follows `trainer.dialogue.classifier.isolating`: with files that teach named behaviours, one
    classifier of the corpus without them and one per group of taught behaviours, so a cache key each."""
    if not any(u.split == "train" for u in utterances):
        return NO_CORPUS
    return _PARTS.join(classifier_key(part, model_id) for _, part in classifier_corpora(utterances))


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


def drop_stale_classifiers(cache_dir: Path | None, key: str, model_id: str,
                           stale_after: float = STALE_AFTER_SECONDS,
                           keep_newest: int = KEEP_NEWEST_OTHERS) -> list[Path]:
    """Remove this encoder's cached classifiers that are not part of `key`, not among the `keep_newest` newest
    such files, and were last written more than `stale_after` seconds ago, and such half-written temporary
    files; returns the removed paths.

    Every accepted correction is a new corpus, so a new `judge-<key>.pkl` (about 10 MB): without this they
    piled up in the data directory for good (polish21). The files of the current key stay (the base
    classifier of a taught composition is reused when only a taught file changes); so do other encoders'.
    """
    if cache_dir is None or not Path(cache_dir).is_dir():
        return []
    keep = {classifier_cache_path(Path(cache_dir), part).name for part in key.split(_PARTS)}
    cutoff = time.time() - stale_after
    removed = []
    # Any key of this encoder, named as classifier.py names it; a half-written file is ".<name>.<random>".
    this_encoder = classifier_cache_path(Path(cache_dir), f"*-{glob.escape(model_id)}").name
    others = sorted((path for path in Path(cache_dir).glob(this_encoder) if path.name not in keep),
                    key=_written_at, reverse=True)
    half_written = list(Path(cache_dir).glob(f".{this_encoder}.*"))
    for path in [*others[keep_newest:], *half_written]:
        try:
            if path.stat().st_mtime > cutoff:
                continue
            path.unlink()
            removed.append(path)
        except OSError as error:  # removed by another process first, or (Windows) still open there
            log.info("could not remove the stale judge classifier %s: %s", path, error)
    return removed


def _written_at(path: Path) -> float:
    """When `path` was last written; a file already gone counts as oldest (another process removed it)."""
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
