"""Process-wide resources, loaded once and shared by every browser session (st.cache_resource)."""

from __future__ import annotations

from typing import Mapping

import streamlit as st

from kb import KnowledgeBase, Problem
from kb.batching import BatchingEncoder
from kb.recent_queries import RecentQueryVectors
from kb.embeddings import load_encoder
from settings import Settings, SettingsError
from trainer.store.db import Database
from trainer.editing.editor import LOCK_FILE, recover_interrupted_saves
from trainer.editing.files import EditLock
from trainer.editing.versions import VersionPoller, shared_content_versions
from trainer.dialogue import Scenario, read_scenarios
from trainer.editing.hit_test import SearchFn, draft_searcher
from trainer.quiz.bank import Question, question_bank
from trainer.search_feedback.grouping import QueryVectors
from trainer.search_feedback.writer import LogWriter

from trainer.dialogue.corpus import corpus_fingerprint
from trainer.dialogue.checkpoint_meaning import scenario_checkpoint_texts
from trainer.dialogue.judge import MeaningJudge, open_judge, scenario_reference_texts, warm_references
from trainer.dialogue.kept_judge import drop_stale_classifiers, judge_key, judge_saved, judge_shelf
from trainer.dialogue.refresh import JudgeRefresher, RefreshStatus


@st.cache_resource(show_spinner=False)
def settings() -> Settings:
    """The settings, checked once per process; a bad value stops every page with the variable's name."""
    try:
        return Settings.from_env()
    except SettingsError as error:
        st.error(f"配置错误 / Configuration error: {error}", icon=":material/settings:")
        st.stop()


@st.cache_resource(show_spinner="正在加载知识库 / Loading the knowledge base…")
def _process_knowledge_base() -> KnowledgeBase:
    current = settings()
    recover_interrupted_saves(database(), current)  # a save a crash cut short is finished before loading
    # Several servers on PostgreSQL: load the newest published content, then follow new versions.
    versions = shared_content_versions(database(), current.content_dir, EditLock(current.data_dir / LOCK_FILE))
    # Concurrent searches (pages and the search API) share encoder calls (kb/batching.py), and a
    # question asked again recently skips the encoder (kb/recent_queries.py).
    encoder = RecentQueryVectors(BatchingEncoder(load_encoder(current.embedding_model)))
    kb = KnowledgeBase.open(current.content_dir, current, encoder=encoder)
    if versions is not None:
        VersionPoller(versions, kb.reload, current.content_poll_seconds).start()
    return kb


def knowledge_base() -> KnowledgeBase:
    """The encoder and index, loaded once per process, and fresh: content changed on disk (by
    another app process's editor, or git) is reloaded here, so no page has to remember to."""
    kb = _process_knowledge_base()
    kb.reload_if_changed()
    return kb


def loaded_knowledge_base() -> KnowledgeBase:
    """The process's knowledge base without the freshness check (the search API checks at most once a second)."""
    return _process_knowledge_base()


@st.cache_resource(show_spinner=False)
def database() -> Database:
    """One engine per process; migrations run on first use."""
    return Database(settings().resolved_database_url)


@st.cache_resource(show_spinner=False, max_entries=4)
def _scenarios_of_version(content_hash: str) -> tuple[dict[str, Scenario], list[Problem]]:
    return read_scenarios(settings().content_dir, knowledge_base().content.entries)


def scenarios() -> tuple[dict[str, Scenario], list[Problem]]:
    """The practice scenarios (and their problems), parsed once per content version.

    Keyed by the content hash, so a scenario saved in the editor or changed on disk shows up
    on the next page run, while ordinary reruns (every chat turn) cost nothing.
    """
    return _scenarios_of_version(knowledge_base().content.content_hash)


@st.cache_resource(show_spinner=False, max_entries=8)
def _draft_search_of(content_hash: str, overrides: tuple[tuple[str, str | None], ...]) -> tuple[SearchFn | None, list[Problem]]:
    return draft_searcher(knowledge_base(), dict(overrides))


def draft_search(overrides: Mapping[str, str | None]) -> tuple[SearchFn | None, list[Problem]]:
    """Search over the content with an unsaved draft applied, and the draft's problems.

    Built once per draft and content version (a preview index takes seconds), so typing
    questions on the hit-test page does not rebuild it on every rerun; the searcher is
    immutable, so sessions testing the same draft may share it.
    """
    return _draft_search_of(knowledge_base().content.content_hash, tuple(sorted(overrides.items())))


@st.cache_resource(show_spinner=False, max_entries=2)
def _quiz_bank_of_version(content_hash: str) -> dict[str, Question]:
    return question_bank(knowledge_base())


def quiz_bank() -> dict[str, Question]:
    """Every quiz question by id, generated once per content version (not on every page run).

    Questions are immutable; callers get the shared dict and must not change it.
    """
    return _quiz_bank_of_version(knowledge_base().content.content_hash)


@st.cache_resource(show_spinner=False)
def search_log_writer() -> LogWriter:
    """The one background thread that writes the search log (a search never waits for it)."""
    return LogWriter()


@st.cache_resource(show_spinner=False, max_entries=2)
def query_vectors(model: str) -> QueryVectors:
    """Query embeddings of missed searches by text, with the knowledge base's encoder (搜索反馈 page)."""
    return QueryVectors(knowledge_base().encoder.encode_queries)

@st.cache_resource(show_spinner=False, max_entries=2)
def _judge_refresher(model_id: str) -> JudgeRefresher[MeaningJudge]:
    """One judge trainer per process and encoder: a thread trains, every session reads.

    The newest judge for this encoder is kept on disk (by `kb build` and after every training), so
    a restarted process serves it at once, as current when its key is this code's for the corpus
    on disk (only a machine without one waits). It is kept in the data directory, not the
    embedding cache: that cache is content-addressed and may be shared by installs with other
    content, this file is one install's state.
    """
    kb, current = knowledge_base(), settings()
    if kb.encoder.model_id != model_id:
        raise RuntimeError(f"the encoder is {kb.encoder.model_id}, not {model_id}")

    def train(key: str) -> MeaningJudge | None:
        trained = open_judge(current.content_dir, kb.encoder, current.embedding_cache_dir)
        drop_stale_classifiers(current.embedding_cache_dir, key, model_id)  # one file per accepted correction
        return trained

    return JudgeRefresher(model_id, train, judge_shelf(current.data_dir, kb.encoder),
                          saved=lambda key: judge_saved(current.embedding_cache_dir, key))


@st.cache_resource(show_spinner=False, max_entries=4)
def _judge_key(fingerprint: str, model_id: str) -> str:
    """The judge's key for one version of the corpus files (a corpus read, once per version and process:
    the code it also covers does not change while the process runs)."""
    return judge_key(settings().content_dir, model_id)


def _refresher_and_key() -> tuple[JudgeRefresher[MeaningJudge], str]:
    model_id = knowledge_base().encoder.model_id
    return _judge_refresher(model_id), _judge_key(corpus_fingerprint(settings().content_dir), model_id)


def judge() -> MeaningJudge | None:
    """The practice-call judge: the newest one ready for the current encoder (qa14 #9).

    None without an utterance corpus (cue rules only). After an accepted correction, calls keep
    the previous judge while the new one trains in the background, so no trainee waits for it;
    only a process with no judge yet waits for the first training.
    """
    refresher, key = _refresher_and_key()
    if refresher.has_ready():
        trained_for, found = refresher.serving(key)
    else:
        # both languages, like the other resource spinners (ui.i18n reads ui.resources: no cycle); a judge
        # saved earlier is only read (seconds), and is not announced as minutes of training
        waiting = ("正在载入通话评判模型 / Loading the call judge…" if judge_saved(settings().embedding_cache_dir, key)
                   else "首次启动：正在训练通话评判模型（约几分钟，之后的通话无需等待） / "
                        "First start: training the call judge (a few minutes; later calls do not wait)…")
        with st.spinner(waiting):
            trained_for, found = refresher.serving(key)
    if found is not None:
        _scenario_references_warmed(knowledge_base().content.content_hash, trained_for, refresher.model_id, found)
    return found


def judge_status() -> RefreshStatus:
    """Whether calls use a judge built from the corpus on disk (评判纠错); starts its training if not."""
    refresher, key = _refresher_and_key()
    return refresher.status(key)


def retrain_judge() -> RefreshStatus:
    """Train the judge for the corpus on disk again after a failed training (评判纠错's 重新训练)."""
    refresher, key = _refresher_and_key()
    return refresher.retry(key)


@st.cache_resource(show_spinner="正在准备通话评判模型 / Preparing the call judge…", max_entries=2)
def _scenario_references_warmed(content_hash: str, served_key: str, model_id: str, _judge: MeaningJudge) -> int:
    """Every scenario's FAQ reference sentences in the judge's memo, once per content version and
    judge (so no trainee's first reply on a scenario waits for them to be encoded)."""
    texts = scenario_reference_texts(scenarios()[0].values(), knowledge_base().entry)
    whole = scenario_checkpoint_texts(scenarios()[0].values(), knowledge_base().entry)
    return warm_references(_judge, texts, settings().embedding_cache_dir, whole)
