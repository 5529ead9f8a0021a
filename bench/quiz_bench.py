"""Quiz benchmark: make_quiz time for n = 20 on the full content pack (target: under 1 s warm).

    .venv/bin/python -m bench.quiz_bench            # figures for docs/benchmarks.md ("Quiz")

Opens the knowledge base the way the app does (index cached in the data directory; built
first if missing, which is not timed), then times make_quiz: the first call and the median
and worst of repeated calls with different seeds. Also prints the size of the question bank.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter

from kb import KnowledgeBase
from settings import Settings
from trainer.quiz.bank import make_quiz, question_bank

TARGET_SECONDS = 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=20, help="questions per quiz (default 20)")
    parser.add_argument("--repeat", type=int, default=10, help="warm calls to time (default 10)")
    args = parser.parse_args()

    settings = Settings.from_env()
    kb = KnowledgeBase.open(settings.content_dir, settings)
    bank = question_bank(kb)
    kinds = Counter(q.id.split(":")[0] if q.generated else "hand-written" for q in bank.values())
    print(f"content: {len(kb.entries())} entries, {len(kb.content.quiz_items)} hand-written items")
    print(f"question bank: {len(bank)} questions ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))})")

    started = time.perf_counter()
    make_quiz(kb, n=args.n, seed=0)
    first = time.perf_counter() - started
    warm = []
    for seed in range(1, args.repeat + 1):
        started = time.perf_counter()
        quiz = make_quiz(kb, n=args.n, seed=seed)
        warm.append(time.perf_counter() - started)
    assert len(quiz) == args.n
    median = statistics.median(warm)
    print(f"make_quiz n={args.n}: first call {first * 1000:.0f} ms; warm median {median * 1000:.0f} ms, "
          f"worst {max(warm) * 1000:.0f} ms over {args.repeat} calls "
          f"({'meets' if median < TARGET_SECONDS else 'MISSES'} the {TARGET_SECONDS:.0f} s target)")


if __name__ == "__main__":
    main()
