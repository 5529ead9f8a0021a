"""Regulation articles in the app: a cited source is a button that opens the article's text."""

from __future__ import annotations

from typing import Iterable

import streamlit as st

from kb import ArticleHit, KnowledgeBase, Source
from ui.i18n import language, tr
from ui.render import escape_markdown, highlight


def glossary_terms(kb: KnowledgeBase) -> tuple[str, ...]:
    """The glossary's terms: whole words a highlight must not cut into (ui.render.highlight)."""
    return tuple(term for group in kb.content.glossary for term in group.terms)


def article_caption(hit: ArticleHit, title: bool = True) -> str:
    """Title, 文号 and effective date: what makes a citation checkable (`title=False`: where the document is
    already named above, as in a search result's label)."""
    parts = [hit.title if title else "", hit.document_number,
             tr(f"施行日期 {hit.effective}", f"effective {hit.effective}") if hit.effective else ""]
    if hit.status and hit.status != "current":
        parts.append(tr("已失效", "no longer in force"))
    return " · ".join(p for p in parts if p)


def show_article(kb: KnowledgeBase, hit: ArticleHit, terms: Iterable[str] = (), heading: bool = True) -> None:
    """The article's full text under its document's title, 文号 and effective date; `heading=False` where a label
    above already names the document and article (a search result's expander): the text alone, at the top —
    老何 read the name three times and the 文号 twice before the text (qa29 L1)."""
    if heading:
        st.markdown(f"**《{escape_markdown(hit.short_name)}》{escape_markdown(hit.article)}**"
                    + (f"  ·  {escape_markdown(hit.chapter)}" if hit.chapter else ""))
        st.caption(escape_markdown(article_caption(hit)))
    if language() == "en":
        st.caption("The regulation's text, in Chinese: the content has no English version.")
    st.markdown(highlight(hit.text, tuple(terms), glossary_terms(kb)))
    document = kb.content.library.documents.get(hit.document_id)
    children = document.children(hit.article) if document else []
    for child in children:
        st.markdown(f"**{escape_markdown(child.label)}** {escape_markdown(child.text)}")


def _article_body(document_id: str, article: str) -> None:
    from ui.resources import knowledge_base

    kb = knowledge_base()
    hit = kb.article(document_id, article)
    if hit is None:
        st.warning(tr("法规库中找不到这一条。", "This article is not in the regulation library."))
        return
    show_article(kb, hit)


def article_dialog(document_id: str, article: str) -> None:
    """Open the article's text in a dialog titled in the UI language (a module-level
    @st.dialog would fix the title once, in both languages at once)."""
    st.dialog(tr("法规原文", "Regulation text"), width="large")(_article_body)(document_id, article)


# The content names its sources in Chinese only: sources.yaml has `name` and `full_title`, the regulation library's
# documents `title`, `short_name` and `aliases` — no English name. A regulation's title is not translated here (an
# invented English title could be quoted to a customer as the law's): on the English UI the Chinese names are said to be
# Chinese, and that there is no English one (polish29).
CITED_ARTICLES_EN = "Cited articles, by their Chinese titles (the content has no English ones):"
SOURCES = ("依据：", "Sources, by their Chinese names (the content has no English ones): ")


def source_links(kb: KnowledgeBase, sources: Iterable[Source], key: str) -> None:
    """One button per cited article (opens its text); citations outside the library as plain text."""
    sources = list(sources)
    linked = [s for s in sources if s.document_id and s.article]
    others = [s for s in sources if s not in linked]
    if linked:
        if language() == "en":
            st.caption(CITED_ARTICLES_EN)
        # One row that wraps between whole buttons: fixed columns cut long titles with "…".
        row = st.container(horizontal=True, gap="small")
        for position, source in enumerate(linked):
            if row.button(str(source), key=f"{key}-source-{position}", type="tertiary", icon=":material/gavel:"):
                article_dialog(source.document_id, source.article)
    if others:
        st.caption(tr(*SOURCES) + escape_markdown("；".join(kb.content.citation(s) for s in others)))
