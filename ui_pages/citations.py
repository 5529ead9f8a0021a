"""引用检查 — per regulation article: the FAQ entries, quiz items and scenarios that rest on it."""

from __future__ import annotations

import streamlit as st

from trainer.editing.citations import WHOLE_DOCUMENT, ArticleUses, citation_overview
from ui.articles import article_dialog
from ui.choice_box import one_or_all
from ui.display import entry_text, quiz_prompt
from ui.i18n import tr
from ui.resources import knowledge_base
from ui.pages import require_page_user
from ui.render import code_span, escape_markdown

user = require_page_user(__file__)
kb = knowledge_base()
kb.reload_if_changed()
overview = citation_overview(kb.content)
library = kb.content.library

st.title(tr("引用检查", "Citation check"))
cited = len(overview.articles)
st.caption(tr(f"法规库 {len(library.documents)} 部文件、{len(library.articles())} 条；被引用 {cited} 条。",
              f"Library: {len(library.documents)} documents, {len(library.articles())} articles; {cited} cited."))

# Column headings in the UI language (the rows keep their field names).
COLUMNS = {"document": tr("文件", "Document"), "article": tr("条文", "Article"), "entries": tr("知识条目", "Entries"),
           "quiz items": tr("题目数", "Quiz items"), "scenarios": tr("演练场景", "Scenarios"),
           "file:line": tr("文件:行", "File:line"), "entry": tr("条目", "Entry"), "citation": tr("引用", "Citation"),
           "sources": tr("依据", "Sources")}


def show_uses(uses: ArticleUses) -> None:
    """Everything that rests on the chosen article, in full: the table above cuts its entries and scenarios at
    1366 px and gives its quiz items as a count (qa29: 钱老师 could not tell which 7 items 保险法第三十六条 touches)."""
    entries, quiz, scenarios = uses.ids("entry"), uses.ids("quiz"), uses.ids("scenario")
    st.markdown(tr(f"**引用这一条的内容**（这一条改了，它们都要复核）：知识条目 {len(entries)} 条、"
                   f"测验题 {len(quiz)} 道、演练场景 {len(scenarios)} 个",
                   f"**What rests on this article** (review them all if it changes): {len(entries)} entries, "
                   f"{len(quiz)} quiz items, {len(scenarios)} scenarios"))
    items = kb.content.quiz_items
    lines = [f"- {escape_markdown(entry_text(kb.content.entries[e], 'question'))} · {code_span(e)}"
             for e in entries if e in kb.content.entries]
    lines += [f"- {tr('测验题', 'Quiz item')} {code_span(q)}{tr('：', ': ')}{escape_markdown(quiz_prompt(items[q]))}"
              for q in quiz if q in items]
    lines += [f"- {tr('演练场景', 'Scenario')} {code_span(s)}" for s in scenarios]
    if lines:
        st.markdown("\n".join(lines))


documents = sorted({doc for doc, _ in overview.articles})
names = {d: library.documents[d].short_name for d in documents}
choice = one_or_all(st, tr("文件", "Document"), documents, "citations_document", tr("全部", "All"),
                    format_func=lambda d: f"{d} {names[d]}")
rows = [r for r in overview.rows() if choice is None or r["document"] == choice]
whole = tr("（全文）", "(whole document)")
# The entry lists are the long column: last, so at 1366 px only its tail is cut, not the scenarios column
# (演练场景 was past the right edge, qa12); the short columns get widths that fit their contents.
widths = {"document": 170, "article": 90, "quiz items": 70, "scenarios": 190, "entries": 360}
st.dataframe([{**r, "document": f"{r['document']} {names[r['document']]}", "article": r["article"] or whole} for r in rows],
             hide_index=True, use_container_width=True, column_order=list(widths),
             column_config={field: st.column_config.Column(COLUMNS[field], width=width) for field, width in widths.items()})
openable = [r["article"] for r in rows if r["article"] != WHOLE_DOCUMENT]
if choice is not None and openable:
    article = st.selectbox(tr("查看条文", "Open article"), openable, key="citations_article",
                           placeholder=tr("选择条文", "Choose an article"))
    if st.button(tr("打开原文", "Open text"), key="citations_open"):
        article_dialog(choice, article)
    show_uses(overview.articles[(choice, article)])

st.subheader(tr("不在法规库中的引用", "Citations outside the library"))
st.dataframe([{"file:line": f"{e.file}:{s.line or e.line}", "entry": e.id, "citation": str(s)}
              for e, s in overview.outside_library], hide_index=True, use_container_width=True, column_config=COLUMNS)
st.subheader(tr("未引用任何法规条文的条目", "Entries citing no library article"))
st.dataframe([{"file:line": f"{e.file}:{e.line}", "entry": e.id, "sources": tr("；", "; ").join(str(s) for s in e.sources)}
              for e in overview.citing_nothing], hide_index=True, use_container_width=True, column_config=COLUMNS)
