"""Knowledge base: content loading and validation, embeddings, index and hybrid search.

Knows nothing about Streamlit or users; see docs/architecture.md for the public surface.
"""

from kb.content import ContentError, ContentSet, Entry, QuizItem, Source, load_content
from kb.knowledge_base import KnowledgeBase
from kb.regulations.search import ArticleHit
from kb.search import Hit
from kb.yaml_source import Problem

__all__ = ["KnowledgeBase", "Hit", "ArticleHit", "Entry", "QuizItem", "Source", "ContentSet", "ContentError", "Problem", "load_content"]
