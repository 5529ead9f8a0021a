"""The regulation library: official texts in content/regulations/, split article by article.

FAQ answers cite these articles; search can return them; the validator checks citations
against them. Knows nothing about Streamlit, users or the trainer.
"""

from kb.regulations.library import Article, Document, Library, load_library

__all__ = ["Article", "Document", "Library", "load_library"]
