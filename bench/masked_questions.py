"""Does a question with a customer's number masked find what the typed one found? (ui54b: 最近搜索 runs the masked one)

    AGENT_TRAINER_EMBEDDING_CACHE_DIR=$PWD/data/test-embeddings .venv/bin/python -m bench.masked_questions [--step 20]

最近搜索, the search log and the address keep a question with its long numbers masked (`loggable_query`: an ID, phone or
policy number becomes #); a search run again from 最近搜索, or brought back by a reload, runs the masked text. Every
`step`-th TUNE customer question (never DEV) is searched as the app does (k=5) three ways: as written, with a number
a customer reads out put into it as an agent types it (three kinds), that typed question masked, and the masked one
with its masked numbers taken out. Counted: whether the masked (and the taken-out) question's first answer (or no
answer) and its five answers are the typed one's, and right answers at 1 of each against the labels.
"""

from __future__ import annotations

import argparse
import re
import time

from bench.search_equality import CUSTOMER_SET, open_kb
from kb.evaluation import load_dev_set
from trainer.search_feedback.store import loggable_query

# How an agent types a number read out on a call into the question (made up for this bench: no real person's).
NUMBERS = {
    "phone first": "客户手机13812345678 {q}",
    "ID card last": "{q} 身份证110105 19491231 002X",
    "policy in the middle": "保单号P2019-0012-3456，{q}",
}
MASKED_NUMBER = re.compile(r"#[#Xx \-－.·]*")  # what `loggable_query` leaves of a long number


def taken_out(masked: str) -> str:
    """`masked` without its masked numbers (a masked run carries nothing to search by)."""
    return " ".join(MASKED_NUMBER.sub(" ", masked).split())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--step", type=int, default=20, help="every step-th TUNE question (default 20)")
    args = parser.parse_args()
    kb = open_kb()
    questions = load_dev_set(CUSTOMER_SET / "tune").queries[::args.step]
    started = time.perf_counter()
    print(f"{len(questions)} TUNE questions (every {args.step}th)", flush=True)
    print("| number typed | questions | masked: same first answer | same five | taken out: same first | same five "
          "| R@1 plain | R@1 typed | R@1 masked | R@1 taken out |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    plain = {q.text: [hit.id for hit in kb.search(q.text, k=5)] for q in questions}
    for kind, template in NUMBERS.items():
        same_first = same_five = out_first = out_five = right_plain = right_typed = right_masked = right_out = 0
        for question in questions:
            typed = template.format(q=question.text)
            masked = loggable_query(typed)
            assert masked != typed, typed
            typed_ids = [hit.id for hit in kb.search(typed, k=5)]
            masked_ids = [hit.id for hit in kb.search(masked, k=5)]
            out_ids = [hit.id for hit in kb.search(taken_out(masked), k=5)]
            out_first += typed_ids[:1] == out_ids[:1]
            out_five += typed_ids == out_ids
            right_out += bool(out_ids) and out_ids[0] in question.ids
            same_first += typed_ids[:1] == masked_ids[:1]
            same_five += typed_ids == masked_ids
            right_plain += bool(plain[question.text]) and plain[question.text][0] in question.ids
            right_typed += bool(typed_ids) and typed_ids[0] in question.ids
            right_masked += bool(masked_ids) and masked_ids[0] in question.ids
        count = len(questions)
        print(f"| {kind} | {count} | {same_first} | {same_five} | {out_first} | {out_five} | {right_plain} | {right_typed} "
              f"| {right_masked} | {right_out} |", flush=True)
    print(f"{time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
