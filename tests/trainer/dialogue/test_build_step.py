"""`python -m kb build`'s judge step: the app starts with the scenarios' references already embedded."""

from __future__ import annotations

import shutil

from kb.embeddings import EmbeddingCache
from settings import Settings
from tests.conftest import REAL_CONTENT, SHARED_EMBEDDING_CACHE, seed_embedding_cache
from trainer.dialogue import ContentFacts, load_scenarios
from trainer.dialogue.build_step import train_judge
from trainer.dialogue.judge import reference_sentences


def test_the_build_leaves_every_scenario_reference_in_the_embedding_cache(encoder, capsys, tmp_path):
    facts = ContentFacts.load(REAL_CONTENT)
    references = reference_sentences(*[t for s in load_scenarios(REAL_CONTENT).values() for i in s.entry_ids()
                                        for t in (facts.entry(i).answer, facts.entry(i).script)])
    seed_embedding_cache(encoder, tmp_path, forget=references[:40])  # 40 references were never embedded
    for judge_file in SHARED_EMBEDDING_CACHE.glob(f"judge-*{encoder.model_id}.pkl"):  # the classifier stays cached
        shutil.copy(judge_file, tmp_path / judge_file.name)
    assert EmbeddingCache(encoder, tmp_path).count_missing(references) == 40

    settings = Settings.from_env({}).with_overrides(content_dir=REAL_CONTENT, embedding_cache=tmp_path)
    train_judge(REAL_CONTENT, encoder, settings)
    assert EmbeddingCache(encoder, tmp_path).count_missing(references) == 0
    assert f"judge: {len(references)} reference sentences" in capsys.readouterr().out
