"""The regulation gate's memory of the training writers' questions and negatives (regs10)."""

from pathlib import Path

import numpy as np
import pytest

from kb.regulations.evaluation import load_regulation_dev_set, training_sets
from kb.regulations.gate_memory import MEMORY_FILE, GateMemory

DEV_SET = Path(__file__).resolve().parents[1] / "regulation_queries.yaml"


def unit(*values: float) -> np.ndarray:
    vector = np.array(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


@pytest.fixture
def memory() -> GateMemory:
    return GateMemory.of([(unit(1, 0, 0), "a"), (unit(0, 1, 0), "b")], [(unit(0, 0, 1), "a")], "model-x")


def test_closeness_is_the_best_cosine_with_a_known_question_and_a_known_negative(memory: GateMemory):
    question, negative = memory.closeness(unit(1, 1, 0))
    assert question == pytest.approx(0.7071, abs=1e-3)
    assert negative == pytest.approx(0.0, abs=1e-3)
    assert memory.closeness(unit(0, 0, 1))[1] == pytest.approx(1.0, abs=1e-3)


def test_a_left_out_writer_is_not_remembered(memory: GateMemory):
    """The benchmark measures each writer as one the gate has never seen."""
    assert memory.closeness(unit(1, 0, 0), leave_out="a")[0] == pytest.approx(0.0, abs=1e-3)
    assert memory.closeness(unit(1, 0, 0), leave_out="a")[1] is None, "no negative left: unknown"
    assert memory.without("a").closeness(unit(1, 0, 0)) == memory.closeness(unit(1, 0, 0), leave_out="a")
    assert memory.without("a").question_writers == ("b",)


def test_saved_as_stored_and_only_for_its_encoder(memory: GateMemory, tmp_path: Path):
    path = tmp_path / "memory.npz"
    memory.save(path, {"files": ["x.yaml"]})
    loaded = GateMemory.load("model-x", path)
    assert loaded is not None and np.array_equal(loaded.questions, memory.questions)
    assert loaded.negative_writers == ("a",) and loaded.closeness(unit(1, 1, 1)) == memory.closeness(unit(1, 1, 1))
    assert GateMemory.load("model-y", path) is None
    assert GateMemory.load("model-x", tmp_path / "none.npz") is None


def test_the_shipped_memory_holds_every_training_writer(encoder):
    shipped = GateMemory.load(encoder.model_id, MEMORY_FILE)
    assert shipped is not None
    assert {"supervisors", "compliance", "newagent"} <= set(shipped.question_writers)
    training = load_regulation_dev_set(DEV_SET, *training_sets(DEV_SET.parent)).training_only()
    assert len(shipped.question_writers) == len(shipped.questions) == len(training.questions), \
        "training files changed: rewrite it (python -m bench.regulation_gate --fit ... --write-memory)"
    assert len(shipped.negative_writers) == len(shipped.negatives) == len(training.negatives)
    assert np.allclose(np.linalg.norm(shipped.questions, axis=1), 1.0, atol=1e-2)
