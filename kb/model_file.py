"""Arrays fitted for one encoder, kept in a small float16 .npz next to the module that reads them.

The query adapter (kb.adapter) and the regulation gate's memory (kb.regulations.gate_memory) are both
fitted on vectors of one encoder: the file says which (`about["model_id"]`), and under another encoder
it is not read.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np


def save_arrays(path: Path, arrays: dict[str, np.ndarray], about: dict) -> None:
    """`arrays` as float16 (rounding moves cosines by < 1e-3) with `about` (model id, how they were made)."""
    with path.open("wb") as handle:
        np.savez_compressed(handle, **{name: array.astype(np.float16) for name, array in arrays.items()},
                            about=np.array(json.dumps(about, ensure_ascii=False)))


def read_about(path: Path) -> dict:
    """What the stored file says about itself, {} without a file."""
    if not path.exists():
        return {}
    with np.load(path) as stored:
        return json.loads(str(stored["about"]))


def load_arrays(path: Path, model_id: str) -> tuple[dict[str, np.ndarray], dict] | None:
    """(float32 arrays by name, about) when the file exists and was made with `model_id`, else None."""
    if not path.exists():
        return None
    with np.load(path) as stored:
        about = json.loads(str(stored["about"]))
        if about.get("model_id") != model_id:
            return None
        return {name: stored[name].astype(np.float32) for name in stored.files if name != "about"}, about
