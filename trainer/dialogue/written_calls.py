"""Whole practice calls written by people, with their writers' marks: the one reader of the call files.

Seven sets share one shape (`writer:` and `calls:` at the top, each call a scenario, a kind, the agent's
turns, the marked faults and the points it missed):
- held-out: tests/trainer/dialogue/transcripts/calls.yaml (figures only; never tuned on);
- tune: tests/trainer/dialogue/transcripts/tune/*.yaml (fresh writers' calls, read and tuned on freely);
- tune-regional: tests/trainer/dialogue/transcripts/tune_regional/*.yaml (agents speaking regional Mandarin,
  stop 42; read and tuned on freely, as the tune set);
- check: tests/trainer/dialogue/transcripts/check/*.yaml (agents speaking regional Mandarin, stop 42; figures
  per kind only, like the CHECK replies: whether the judge does right by real people's voices, never tuned on);
- check-standard: tests/trainer/dialogue/transcripts/check_standard/*.yaml (standard Mandarin in three temperaments,
  stop 47; figures per kind only, as check);
- tune-standard: tests/trainer/dialogue/transcripts/tune_standard/*.yaml (standard Mandarin in two more temperaments,
  stop 48; read once in figures per kind before anyone read a call, then read and tuned on freely, as the tune set).
bench.judge, bench.call_flow and the tests read them here, so a call is parsed and checked one way.
A file says from which number its fault turns count (`turns_count_from`, 0 when absent as in the held-out
file); a call's kind `bad2` (a second bad call with other faults) counts as bad.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping

import yaml

from trainer.dialogue.behaviours import NEGATIVE

TRANSCRIPTS_DIR = Path(__file__).resolve().parents[2] / "tests" / "trainer" / "dialogue" / "transcripts"
CALL_SETS = {"held-out": (TRANSCRIPTS_DIR / "calls.yaml",), "tune": (TRANSCRIPTS_DIR / "tune",),
             "tune-regional": (TRANSCRIPTS_DIR / "tune_regional",), "check": (TRANSCRIPTS_DIR / "check",),
             "check-standard": (TRANSCRIPTS_DIR / "check_standard",),
             "tune-standard": (TRANSCRIPTS_DIR / "tune_standard",)}
KINDS = {"good": "good", "bad": "bad", "bad2": "bad", "mixed": "mixed"}


class CallFileError(ValueError):
    """A call file that does not have the shape: the message names the file, the call and the field."""


@dataclass(frozen=True)
class MarkedFault:
    turn: int          # the agent's turn, counted from 1 (a report's Finding.turn_index)
    behaviour: str
    quote: str


@dataclass(frozen=True)
class WrittenCall:
    scenario: str
    kind: str                              # good | bad | mixed (bad2 counts as bad)
    turns: tuple[str, ...]
    faults: tuple[MarkedFault, ...]
    missed: tuple[str, ...]                # the writer's words (漏了…)
    missed_checkpoints: tuple[str, ...]    # checkpoint ids, where a file maps them (else empty)
    writer: str
    written_kind: str                      # the kind as written (bad2 kept)
    source: str                            # file name, for messages


def _fail(path: Path, where: str, message: str) -> CallFileError:
    return CallFileError(f"{path.name}: {where}: {message}")


def _strings(value: Any, path: Path, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(path, where, "must be a list of non-empty strings")
    return tuple(value)


def _call(raw: Any, index: int, path: Path, writer: str, first: int, scenarios: Mapping | set | None) -> WrittenCall:
    where = f"call {index + 1}"
    if not isinstance(raw, Mapping):
        raise _fail(path, where, "must be a mapping")
    scenario = raw.get("scenario")
    if not isinstance(scenario, str) or (scenarios is not None and scenario not in scenarios):
        raise _fail(path, f"{where} scenario", f"unknown scenario {scenario!r}")
    where = f"call {index + 1} ({scenario} {raw.get('kind')})"
    if raw.get("kind") not in KINDS:
        raise _fail(path, f"{where} kind", f"must be one of {', '.join(KINDS)}")
    turns = _strings(raw.get("turns"), path, f"{where} turns")
    if not turns:
        raise _fail(path, f"{where} turns", "no turns")
    faults = []
    for n, mark in enumerate(raw.get("faults") or []):
        at = f"{where} faults[{n}]"
        if not isinstance(mark, Mapping) or not isinstance(mark.get("turn"), int):
            raise _fail(path, f"{at} turn", "must be a whole number")
        turn = mark["turn"] - first + 1
        if not 1 <= turn <= len(turns):
            raise _fail(path, f"{at} turn", f"no agent turn {mark['turn']} (turns count from {first})")
        if mark.get("behaviour") not in NEGATIVE:
            raise _fail(path, f"{at} behaviour", f"{mark.get('behaviour')!r} is not a fault behaviour")
        quote = mark.get("quote")
        if not isinstance(quote, str) or not quote or quote not in turns[turn - 1]:
            raise _fail(path, f"{at} quote", f"not words of turn {mark['turn']}")
        faults.append(MarkedFault(turn, mark["behaviour"], quote))
    if raw["kind"] == "good" and (faults or raw.get("missed")):
        raise _fail(path, f"{where} faults", "a good call marks no fault and misses no point")
    checkpoints = _strings(raw.get("missed_checkpoints"), path, f"{where} missed_checkpoints")
    known = {c.id for c in scenarios[scenario].checkpoints} if isinstance(scenarios, Mapping) else None
    if known is not None and not set(checkpoints) <= known:
        raise _fail(path, f"{where} missed_checkpoints", f"not checkpoints of {scenario}: {sorted(set(checkpoints) - known)}")
    return WrittenCall(scenario, KINDS[raw["kind"]], turns, tuple(faults),
                       _strings(raw.get("missed"), path, f"{where} missed"), checkpoints,
                       str(raw.get("writer") or writer), raw["kind"], path.name)


def read_call_file(path: Path, scenarios: Mapping | Iterable[str] | None = None) -> list[WrittenCall]:
    """Every call of one file, checked; `scenarios` (ids, or the loaded scenarios by id) also checks the
    scenario names (and, loaded, the missed checkpoint ids)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, Mapping) or not isinstance(data.get("calls"), list):
        raise _fail(path, "top", "needs a `calls:` list")
    first = data.get("turns_count_from", 0)
    if first not in (0, 1):
        raise _fail(path, "turns_count_from", "must be 0 or 1")
    known = scenarios if scenarios is None or isinstance(scenarios, Mapping) else set(scenarios)
    return [_call(raw, i, path, str(data.get("writer") or ""), first, known) for i, raw in enumerate(data["calls"])]


def load_calls(name: str = "held-out", scenarios: Mapping | Iterable[str] | None = None) -> list[WrittenCall]:
    """A named set's calls in file order (the tune folder's files sorted by name)."""
    if name not in CALL_SETS:
        raise KeyError(f"no call set {name!r}; known: {', '.join(CALL_SETS)}")
    files = [f for place in CALL_SETS[name] for f in (sorted(place.glob("*.yaml")) if place.is_dir() else [place])]
    return [call for path in files for call in read_call_file(path, scenarios)]
