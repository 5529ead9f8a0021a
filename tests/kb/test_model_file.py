"""Arrays fitted for one encoder, stored as float16 with what they are (kb.model_file)."""

from pathlib import Path

import numpy as np

from kb.model_file import load_arrays, read_about, save_arrays


def test_arrays_come_back_as_float32_for_their_encoder_only(tmp_path: Path):
    path = tmp_path / "fitted.npz"
    save_arrays(path, {"a": np.array([[0.1, 0.2]]), "b": np.ones(3)}, {"model_id": "m", "l2": 3})
    arrays, about = load_arrays(path, "m")
    assert set(arrays) == {"a", "b"} and arrays["a"].dtype == np.float32
    assert np.allclose(arrays["a"], [[0.1, 0.2]], atol=1e-3) and about["l2"] == 3
    assert read_about(path) == {"model_id": "m", "l2": 3}
    assert load_arrays(path, "other") is None
    assert load_arrays(tmp_path / "missing.npz", "m") is None and read_about(tmp_path / "missing.npz") == {}
