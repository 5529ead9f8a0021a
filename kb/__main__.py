"""Command line for instructors, CI and scripts.

    python -m kb validate [content]      every problem as file:line: entry 'id': field: message
    python -m kb build [content]         build (or reuse) the search index, with a progress bar
    python -m kb search "问题" [-k 5] [--category ID] [--json] [--regulations]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kb.checks import checked_content, load_build_step, load_check
from kb.yaml_source import Problem
from settings import Settings, SettingsError

if TYPE_CHECKING:
    from kb.search import Hit


def content_problems(root: Path, settings: Settings | None = None) -> list[Problem]:
    """Every problem in the content set at `root`, the configured plugged-in checks included."""
    checks = [load_check(name) for name in (settings or Settings.from_env()).content_checks]
    return checked_content(root, checks)[1]


def _validate(args: argparse.Namespace, settings: Settings) -> int:
    root = Path(args.content or settings.content_dir)
    content, problems = checked_content(root, [load_check(name) for name in settings.content_checks])
    for problem in problems:
        print(f"{root}/{problem}")
    if problems:
        print(f"{len(problems)} problem(s) in {root}", file=sys.stderr)
        return 1
    print(f"OK: {len(content.entries)} entries, {len(content.quiz_items)} quiz items, "
          f"{len(content.categories)} categories, {len(content.glossary)} glossary groups in {root}")
    return 0


def _open(args: argparse.Namespace, settings: Settings, show_progress: bool):
    from tqdm import tqdm

    from kb.content import ContentError, load_content
    from kb.embeddings import EmbeddingCache, load_encoder
    from kb.index import docs_for
    from kb.knowledge_base import KnowledgeBase
    from kb.regulations.search import regulation_docs, sentence_unit_docs

    root = Path(args.content or settings.content_dir)
    try:
        content = load_content(root)
    except ContentError as err:
        print(err, file=sys.stderr)
        raise SystemExit(1)
    encoder = load_encoder(settings.embedding_model)
    articles = regulation_docs(content.library)
    texts = [d.text for d in docs_for(list(content.entries.values())) + articles + sentence_unit_docs(articles, content.library)]
    todo = EmbeddingCache(encoder, settings.embedding_cache_dir).count_missing(texts)
    bar = tqdm(total=todo, unit="text", desc="embedding", disable=not show_progress or todo == 0, file=sys.stderr)
    with bar:
        return KnowledgeBase.open(root, settings, encoder=encoder, progress=bar.update)


def _build(args: argparse.Namespace, settings: Settings) -> int:
    from tqdm import tqdm

    from kb.evaluation import DEV_SET_DIR, load_dev_set

    kb = _open(args, settings, show_progress=True)
    print(f"index {kb.index.key}: {kb.index.size} entries, {len(kb.index.docs)} documents, "
          f"model {kb.encoder.model_id}, in {settings.index_dir}")
    if DEV_SET_DIR.is_dir():  # the hit test's dev-set batch then searches without encoding (first build only)
        dev = load_dev_set(DEV_SET_DIR)
        questions = [q.text for q in dev.queries] + list(dev.off_topic)
        with tqdm(unit="question", desc="hit-test questions", file=sys.stderr) as bar:
            kb.remember_queries(questions, progress=bar.update)
    for step in settings.build_steps:  # plugged in by name (the practice-call judge by default)
        load_build_step(step)(Path(args.content or settings.content_dir), kb.encoder, settings)
    return 0


def _search_regulations(kb, args: argparse.Namespace) -> int:
    hits = kb.search_regulations(args.query, k=args.k)
    if args.json:
        print(json.dumps([{
            "document_id": h.document_id, "title": h.title, "short_name": h.short_name, "article": h.article,
            "text": h.text, "score": h.score, "document_number": h.document_number, "effective": h.effective,
            "highlights": list(h.highlights),
        } for h in hits], ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print("没有可靠的法规原文 / no reliable article")
        return 0
    for rank, hit in enumerate(hits, start=1):
        print(f"{rank}. [{hit.score:.2f}] 《{hit.short_name}》{hit.article}  ({hit.document_id}, {hit.document_number}, 施行 {hit.effective or '—'})")
        print("   " + hit.text.strip().replace("\n", "\n   "))
    return 0


def hit_heading(rank: int, hit: Hit) -> str:
    """A hit's first line, as on the search page: the answer shows the relevance it was accepted on, or, when it is
    shown under the answer threshold (a near miss listed first), says to check it instead of a number under the
    threshold (search36); the rest are listed in the ranking's order, whose score (near 0 for a fine hit) would read
    as "irrelevant"."""
    if rank != 1:
        return f"{rank}. {hit.id}  {hit.question}"
    if hit.under_threshold:
        return f"{rank}. [把握较低，请核对 weaker match, check it] {hit.id}  {hit.question}"
    return f"{rank}. [相关度 relevance {hit.relevance:.2f}] {hit.id}  {hit.question}"


def _search(args: argparse.Namespace, settings: Settings) -> int:
    kb = _open(args, settings, show_progress=False)
    if args.regulations:
        return _search_regulations(kb, args)
    hits = kb.search(args.query, k=args.k, category=args.category)
    if args.json:
        print(json.dumps([{
            "id": h.id, "score": h.score, "relevance": h.relevance, "under_threshold": h.under_threshold, "question": h.question, "answer": h.answer, "script": h.script,
            "category": h.category, "sources": [str(s) for s in h.sources], "highlights": list(h.highlights),
        } for h in hits], ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print("没有可靠的答案 / no reliable answer")
        return 0
    for rank, hit in enumerate(hits, start=1):
        print(hit_heading(rank, hit))
        print(f"   {hit.answer.strip()}")
        if hit.sources:
            print(f"   来源: {'；'.join(str(s) for s in hit.sources)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kb", description="Agent Trainer knowledge base")
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check the content set")
    validate.add_argument("content", nargs="?", help="content folder (default: settings)")
    build = commands.add_parser("build", help="build or reuse the search index")
    build.add_argument("content", nargs="?", help="content folder (default: settings)")
    search = commands.add_parser("search", help="search the knowledge base")
    search.add_argument("query")
    search.add_argument("-k", type=int, default=5, help="number of answers (default 5)")
    search.add_argument("--category", help="only this category id")
    search.add_argument("--content", help="content folder (default: settings)")
    search.add_argument("--json", action="store_true", help="machine-readable output")
    search.add_argument("--regulations", action="store_true", help="search the regulation library (法规原文) instead of the FAQ")
    args = parser.parse_args(argv)
    try:
        settings = Settings.from_env()
    except SettingsError as error:
        print(f"configuration error: {error}", file=sys.stderr)
        return 2
    handler = {"validate": _validate, "build": _build, "search": _search}[args.command]
    return handler(args, settings)


if __name__ == "__main__":
    sys.exit(main())
