"""`python -m kb build`'s judge step: the app starts with the scenarios' references already embedded."""

from __future__ import annotations

import shutil

from kb.embeddings import EmbeddingCache
from settings import Settings
from tests.conftest import REAL_CONTENT, SHARED_EMBEDDING_CACHE, seed_embedding_cache
from trainer.dialogue import ContentFacts, load_scenarios
from trainer.dialogue.build_step import train_judge
from trainer.dialogue.judge import MeaningJudge, reference_sentences
from trainer.dialogue.kept_judge import judge_key, judge_shelf
from trainer.dialogue.refresh import JudgeRefresher


def test_the_build_leaves_every_scenario_reference_in_the_embedding_cache(encoder, capsys, tmp_path):
    facts = ContentFacts.load(REAL_CONTENT)
    references = reference_sentences(*[t for s in load_scenarios(REAL_CONTENT).values() for i in s.entry_ids()
                                        for t in (facts.entry(i).answer, facts.entry(i).script)])
    seed_embedding_cache(encoder, tmp_path, forget=references[:40])  # 40 references were never embedded
    for judge_file in SHARED_EMBEDDING_CACHE.glob(f"judge-*{encoder.model_id}.pkl"):  # the classifier stays cached
        shutil.copy(judge_file, tmp_path / judge_file.name)
    assert EmbeddingCache(encoder, tmp_path).count_missing(references) == 40

    settings = Settings.from_env({}).with_overrides(content_dir=REAL_CONTENT, embedding_cache=tmp_path,
                                                    data_dir=tmp_path / "data")
    train_judge(REAL_CONTENT, encoder, settings)
    assert EmbeddingCache(encoder, tmp_path).count_missing(references) == 0
    assert f"judge: {len(references)} reference sentences" in capsys.readouterr().out


def test_the_build_keeps_the_judge_the_app_then_serves_as_current_without_training(encoder, tmp_path):
    """polish18: `kb build` wrote no data/judge-latest-<encoder>.pkl, so after every restart the app read the
    judge again in the background and 评判纠错 said 正在后台重新训练… meanwhile."""
    settings = Settings.from_env({}).with_overrides(content_dir=REAL_CONTENT, embedding_cache=SHARED_EMBEDDING_CACHE,
                                                    data_dir=tmp_path / "data")
    train_judge(REAL_CONTENT, encoder, settings)
    shelf = judge_shelf(settings.data_dir, encoder)
    assert shelf.path.is_file()

    def never(key: str):
        raise AssertionError(f"the app trained the judge again for {key}")

    refresher = JudgeRefresher(encoder.model_id, never, shelf)  # a restarted app, as ui.resources builds it
    wanted = judge_key(REAL_CONTENT, encoder.model_id)
    assert refresher.status(wanted).state == "ready"
    assert isinstance(refresher.judge(wanted), MeaningJudge) and refresher.wait_idle(5)


def test_a_build_of_another_content_folder_keeps_nothing_for_the_app(encoder, tmp_path):
    settings = Settings.from_env({}).with_overrides(content_dir=tmp_path / "served", embedding_cache=SHARED_EMBEDDING_CACHE,
                                                    data_dir=tmp_path / "data")
    train_judge(REAL_CONTENT, encoder, settings)
    assert not judge_shelf(settings.data_dir, encoder).path.exists()
