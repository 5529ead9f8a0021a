"""Dialogue benchmark: per-turn analysis time of the practice-call engine on the full content pack
(target: under 300 ms warm).

    .venv/bin/python -m bench.dialogue_bench          # figures for docs/benchmarks.md ("Dialogue")

Loads every scenario of the content folder and the content set (the engine needs the FAQ
entries and the service language, not the search index), then replays each scenario's model
answers and a rude agent, timing every `DialogueSession.reply` (detectors, fact checks, mood,
customer line). One untimed warm-up pass first; then `--repeat` timed passes.
"""

from __future__ import annotations

import argparse
import statistics
import time

from settings import Settings
from trainer.dialogue import ContentFacts, DialogueSession, load_scenarios

TARGET_MS = 300.0
RUDE_REPLY = "你快点讲，保证能赔，肯定全额赔，这是业务员个人的事，跟公司无关。"


def one_pass(scenarios, book) -> tuple[list[float], float]:
    """Reply times in ms for one replay of every scenario, and the time to set up a session."""
    times, setup = [], 0.0
    for scenario in scenarios.values():
        for replies in (list(scenario.model_answers), [RUDE_REPLY] * scenario.max_turns):
            started = time.perf_counter()
            session = DialogueSession(scenario, book)
            session.start()
            setup = max(setup, (time.perf_counter() - started) * 1000)
            for reply in replies:
                if session.done:
                    break
                started = time.perf_counter()
                session.reply(reply)
                times.append((time.perf_counter() - started) * 1000)
    return times, setup


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="timed passes over all scenarios (default 20)")
    args = parser.parse_args()

    settings = Settings.from_env()
    started = time.perf_counter()
    book = ContentFacts.load(settings.content_dir)
    scenarios = load_scenarios(settings.content_dir)
    load_ms = (time.perf_counter() - started) * 1000
    one_pass(scenarios, book)  # warm-up

    times, setup = [], 0.0
    for _ in range(args.repeat):
        pass_times, pass_setup = one_pass(scenarios, book)
        times += pass_times
        setup = max(setup, pass_setup)
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    print(f"content: {len(book.content.entries)} FAQ entries, {len(book.content.forbidden_phrases)} forbidden phrases, "
          f"{len(scenarios)} scenarios (loaded in {load_ms:.0f} ms)")
    print(f"turns timed: {len(times)} ({args.repeat} passes)")
    print(f"per-turn analysis: median {statistics.median(times):.2f} ms, p95 {p95:.2f} ms, worst {times[-1]:.2f} ms")
    print(f"session set-up (worst): {setup:.2f} ms")
    verdict = "met" if times[-1] < TARGET_MS else "NOT met"
    print(f"target: worst turn under {TARGET_MS:.0f} ms warm — {verdict}")


if __name__ == "__main__":
    main()
