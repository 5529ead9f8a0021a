"""The echoing distractors generation would swap in (trainer/quiz/echo_swap.py), written out for a content reviewer,
and the reviewer's verdicts turned into content (docs/benchmarks.md "quiz49").

    .venv/bin/python -m bench.quiz_swap_review --write review.yaml       # every item the unreviewed swap changes
    .venv/bin/python -m bench.quiz_swap_review --write review.yaml --since bank.json
                                     # every item offering an option it did not offer in a bank saved by
                                     # bench.quiz_items --save (a picker change, a rejection's replacement), unreviewed
    .venv/bin/python -m bench.quiz_swap_review --verdicts review-verdicts.yaml --review review.yaml \\
        --content content/distractor_reviews.yaml                        # the verdicts as reviewed pairs, added to
                                                                         # those the file holds (a second round)

A swapped-in distractor is nearer the question's topic, so it may be right too; the app offers one only where a
reviewer read it as wrong (content/distractor_reviews.yaml). The review file lists, per changed item, its id, the
question, the right option and each option marked right / kept / new as the trainee sees it, in Chinese and, where
the item is asked in English, in English; a new option names the entry it comes from (`entry`).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from kb import ContentSet, KnowledgeBase
from settings import Settings
from trainer.quiz.bank import question_bank
from trainer.quiz.distractor_reviews import Reviews
from trainer.quiz.generation import choice_inputs, distractor_entries, offers_today, swapped_distractors
from trainer.quiz.question import Question, normalize_answer

VERDICTS = ("wrong", "also_right", "unclear")


def swapped_in(kb: KnowledgeBase) -> dict[str, dict[str, str]]:
    """Per choice item id, the options the unreviewed swap brings in, each with the entry it is the answer of."""
    reviews = Reviews.of(kb.content.distractor_reviews, unreviewed=True)
    found = {}
    for entry_id, (right, candidates) in choice_inputs(kb).items():
        candidates = [c for c in candidates if not reviews.rejects(entry_id, c.entry.id)]
        picked = distractor_entries(right, candidates)
        new = {g.option: g.entry.id for g in swapped_distractors(right, picked, candidates, reviews) if g not in picked}
        if new:
            found[f"gen-choice:{entry_id}"] = new
    return found


def review_items(kb: KnowledgeBase) -> list[dict[str, Any]]:
    """Every choice item the unreviewed swap changes, as the reviewer reads it."""
    now = question_bank(kb)
    new_options = swapped_in(kb)
    items = []
    for item_id, question in question_bank(kb, unreviewed_swaps=True).items():
        before = now.get(item_id)
        if item_id not in new_options or (before is not None and before.options == question.options
                                           and before.en_options == question.en_options):
            continue
        items.append(_review_item(question, before, new_options[item_id]))
    return items


def new_since(kb: KnowledgeBase, saved: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Every choice item offering an option no reviewer has read that it did not offer in `saved` (a bank written by
    bench.quiz_items --save): what a change to the picker, or an option rejected and replaced, newly offers. (An item
    of `saved` no longer asked that an echoing option would bring back is in `review_items`: main adds it.)"""
    read = {(r.question, normalize_answer(r.option)) for r in kb.content.distractor_reviews}
    entry_of = {right.option: entry_id for entry_id, (right, _) in choice_inputs(kb).items()}
    items = []
    for item_id, question in question_bank(kb).items():
        if question.type != "single" or not item_id.startswith("gen-choice:"):
            continue
        asked, before = item_id.split(":", 1)[1], set(saved.get(item_id, {}).get("options", ()))
        new = {text: entry_of[text] for i, text in enumerate(question.options) if i != question.answer
               and text not in before and (asked, normalize_answer(text)) not in read}
        if new:
            items.append(_review_item(question, None if item_id not in saved else question, new))
    return items


def since_items(kb: KnowledgeBase, saved: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """What `--since` writes: the items offering options `saved` did not (`new_since`), then its items no longer
    asked that an echoing option would bring back."""
    return new_since(kb, saved) + [i for i in review_items(kb) if i["id"] in saved and "note" in i]


def _review_item(question: Question, before: Question | None, new: dict[str, str]) -> dict[str, Any]:
    options = [{"mark": "right", "text": text} if i == question.answer
               else {"mark": "new", "entry": new[text], "text": text} if text in new
               else {"mark": "kept", "text": text}
               for i, text in enumerate(question.options)]
    item: dict[str, Any] = {"id": question.id, "question": question.prompt,
                            "right": question.options[question.answer], "options": options}
    if before is None:
        item["note"] = "a new item: without the swap its right option alone opened with the question's words"
    if question.en_options:
        item["en"] = {"question": question.en_prompt, "options": [
            {"mark": o["mark"], "text": text} for o, text in zip(options, question.en_options)]}
    return item


SWAPPED = "generated choice items whose options change when a distractor that echoes the question is swapped in"
NEWLY_OFFERED = ("generated choice items offering options no reviewer has read that they did not offer before\n"
                 "# (the distractor picker's rules changed, or an option a reviewer rejected was replaced)")


def write_review(path: Path, items: list[dict[str, Any]], what: str = SWAPPED) -> None:
    header = (
        f"# {what}.\n"
        "# Per item: id, the question, the right option, each option as the trainee sees it, marked right / kept / new\n"
        "# (a new option names the FAQ entry it is the short answer of). Please judge each `new` option for its item:\n"
        "#   wrong       a fair distractor: wrong for this question\n"
        "#   also_right  right too (or right in part) for this question, with a reason\n"
        "#   unclear     a trainee could not tell, with a reason\n"
        "# Verdicts file (review-verdicts.yaml):\n"
        "#   verdicts:\n"
        "#     - id: gen-choice:…\n"
        "#       entry: <the new option's entry>\n"
        "#       verdict: wrong | also_right | unclear\n"
        "#       reason: …            # for also_right / unclear\n"
        "# A `kept` option (offered today) that looks right too may be noted the same way, with `text:` in place of\n"
        "# `entry:` (optional).\n"
        f"# {len(items)} items, {sum(o['mark'] == 'new' for i in items for o in i['options'])} new options.\n")
    body = yaml.safe_dump({"items": items}, allow_unicode=True, sort_keys=False, width=200)
    path.write_text(header + body, encoding="utf-8")


CONTENT_HEADER = """\
# Generated distractors a content reviewer read (docs/benchmarks.md "quiz49"; trainer/quiz/distractor_reviews.py).
# A generated choice item (gen-choice:<question>) whose right option opens most with the question's words has its
# farthest distractor swapped for one that echoes the question as much (trainer/quiz/echo_swap.py) only where a
# reviewer read that option, for that question, as wrong. An option found also_right or unclear is never offered
# for that question. A `wrong` verdict holds for the option text read: an edited answer is unreviewed again.
#   question    the entry whose choice item is asked
#   distractor  the entry whose short answer is offered as a wrong option
#   option      the option as the reviewer read it
#   verdict     wrong | also_right | unclear
#   reason      why, unless wrong
"""


def verdict_reviews(kb: KnowledgeBase, verdicts: list[dict[str, Any]], review: list[dict[str, Any]]
                    ) -> list[dict[str, str]]:
    """The reviewer's verdicts (per item id, per option: its `entry`, or its `text` in Chinese or English for a kept
    option) as content reviews, in the verdicts' order."""
    by_id = {item["id"]: item for item in review}
    entry_of = {right.option: entry_id for entry_id, (right, _) in choice_inputs(kb).items()}
    found = []
    for verdict in verdicts:
        item = by_id[verdict["id"]]
        option = _chinese_option(item, verdict["text"]) if "text" in verdict else next(
            o["text"] for o in item["options"] if o.get("entry") == verdict["entry"])
        distractor = verdict.get("entry") or entry_of[option]
        if verdict["verdict"] not in VERDICTS:
            raise ValueError(f"{verdict['id']} {distractor}: verdict {verdict['verdict']!r}")
        row = {"question": item["id"].split(":", 1)[1], "distractor": distractor, "option": option,
               "verdict": verdict["verdict"]}
        if verdict.get("reason"):
            row["reason"] = str(verdict["reason"]).strip()
        found.append(row)
    return _one_per_pair(found)


def merged_reviews(earlier: list[dict[str, str]], new: list[dict[str, str]]) -> list[dict[str, str]]:
    """A round's reviews added to the content's: one per (question, distractor), as `_one_per_pair` merges them."""
    return _one_per_pair([*earlier, *new])


def _one_per_pair(reviews: list[dict[str, str]]) -> list[dict[str, str]]:
    """One review per (question, distractor): an option judged in Chinese and again in English (its English cut
    differently) is rejected if either reading is, with both reasons. A later reading of another text (the entry's
    answer edited, its option read again: quiz51's surrender-right beside uw-declined) replaces the earlier one,
    which was of words no longer offered: kept, it dropped the new reading and left the reviewed swap off."""
    merged: dict[tuple[str, str], dict[str, str]] = {}
    for row in reviews:
        key = (row["question"], row["distractor"])
        if key not in merged or normalize_answer(merged[key]["option"]) != normalize_answer(row["option"]):
            merged.pop(key, None)  # the later reading goes where a new pair goes: last
            merged[key] = row
            continue
        first = merged[key]
        verdict = max(first["verdict"], row["verdict"], key=lambda v: (v != "wrong", v == "also_right"))
        reason = "；".join(dict.fromkeys(r["reason"] for r in (first, row) if r.get("reason")))
        merged[key] = {**first, "verdict": verdict, **({"reason": reason} if reason else {})}
    return list(merged.values())


def current_reviews(content: ContentSet, reviews: list[dict[str, str]]
                    ) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """The reviews to keep and the `wrong` verdicts dropped for words their entry no longer offers (an answer edited
    since: excl-non-insurance-terms' reading of excl-signed-confirmation's old 举证责任 option stayed a round, quiz51).
    A rejection holds for the pair whatever its text, so it stays."""
    stale = [r for r in reviews if r["verdict"] == "wrong" and not offers_today(content, r["distractor"], r["option"])]
    return [r for r in reviews if r not in stale], stale


def _chinese_option(item: dict[str, Any], text: str) -> str:
    """A kept option the reviewer quoted, in Chinese: quoted from the English options, the one in its place."""
    english = [o["text"] for o in item.get("en", {}).get("options", [])]
    return item["options"][english.index(text)]["text"] if text in english else text


def write_content(path: Path, reviews: list[dict[str, str]]) -> None:
    body = yaml.safe_dump({"reviews": reviews}, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(CONTENT_HEADER + body, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", type=Path, help="write the items the unreviewed swap changes here")
    parser.add_argument("--verdicts", type=Path, help="the reviewer's verdicts on the items of --review")
    parser.add_argument("--review", type=Path, help="the review file the verdicts answer")
    parser.add_argument("--since", type=Path, help="with --write: the items offering options a bank saved by "
                        "bench.quiz_items --save did not offer (unreviewed), and its items no longer asked that the "
                        "unreviewed swap would bring back, in place of every item the swap changes")
    parser.add_argument("--content", type=Path, help="write the verdicts here as content (distractor_reviews.yaml)")
    args = parser.parse_args()
    settings = Settings.from_env()
    kb = KnowledgeBase.open(settings.content_dir, settings)
    if args.verdicts:
        verdicts = yaml.safe_load(args.verdicts.read_text(encoding="utf-8"))["verdicts"]
        review = yaml.safe_load(args.review.read_text(encoding="utf-8"))["items"]
        earlier = yaml.safe_load(args.content.read_text(encoding="utf-8"))["reviews"] if args.content.exists() else []
        reviews = merged_reviews(earlier, verdict_reviews(kb, verdicts, review))  # a second round adds its own
        reviews, stale = current_reviews(kb.content, reviews)
        counts = Counter(r["verdict"] for r in reviews)
        print(f"{len(reviews)} verdicts: " + ", ".join(f"{v} {counts[v]}" for v in VERDICTS)
              + f"; {len(stale)} `wrong` verdicts of words no longer offered dropped {[r['distractor'] for r in stale]}")
        write_content(args.content, reviews)
        return
    if args.since:
        items = since_items(kb, json.loads(args.since.read_text(encoding="utf-8")))
    else:
        items = review_items(kb)
    print(f"{len(items)} items changed, {sum(o['mark'] == 'new' for i in items for o in i['options'])} new options")
    if args.write:
        write_review(args.write, items, NEWLY_OFFERED if args.since else SWAPPED)


if __name__ == "__main__":
    main()
