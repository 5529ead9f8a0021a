"""知识搜索 — the live-call page: type the customer's question, read the answer and the 话术."""

from __future__ import annotations

import streamlit as st

from kb import ArticleHit, Hit
from kb.pinyin_typed import typed_in_pinyin
from kb.text import MAX_QUERY_CHARS, normalize
from ui.articles import article_caption, glossary_terms, show_article, source_links
from ui.category_filter import category_filter
from ui.copy_text import copyable_text, plain_text
from ui.display import entry_text
from ui.guide import guide_link
from ui.limits import QUESTION_CHARS
from ui.i18n import tr
from ui.pages import require_page_user
from ui.progress_note import shown_while
from ui.render import escape_markdown, highlight
from ui.resources import knowledge_base
from ui.search_address import show_in_address, take_from_address
from ui.search_feedback import answer_feedback, log_search, no_answer_feedback
from ui.search_history import PastSearch, remember, show_recent
from ui.session import STAFF
from ui.widget_memory import keep

SHOWN = "_search_shown"  # the (question, category, regulations only) whose answers this session last drew
# On a narrow window (a phone; Streamlit stacks columns under 640 px) an answer shows its 话术 right under its question,
# the copy button above the words, then the answer: at 390 × 844 a long answer put the 话术 1.4 screens down and its
# button 1.8 (qa23 G1), and on a call the agent reads the 话术 out — the answer is what they check it against. Wider,
# the answer comes first, as before: its lines are long, so it is a few lines above the 话术. Only the drawn
# order changes (CSS `order` in the answer's flex column), so the wide layout and what is read out in order are as before.
# A keyed container's block, or the layout wrapper Streamlit may draw around it, is the item the column orders.
NARROW_ORDER = """<style>@media (max-width: 640px) {
  [class*="st-key-hit-question-"], [data-testid=stLayoutWrapper]:has(> [class*="st-key-hit-question-"]) {order: -3}
  [class*="st-key-hit-script-"], [data-testid=stLayoutWrapper]:has(> [class*="st-key-hit-script-"]) {order: -2}
  [class*="st-key-hit-script-"] [data-testid=stElementContainer]:has([data-testid=stCaptionContainer]) {order: -2}
  [class*="st-key-hit-script-"] [data-testid=stElementContainer]:has(iframe) {order: -1}
}</style>"""

user = require_page_user(__file__)
kb = knowledge_base()

st.title(tr("知识搜索", "Knowledge search"))
if kb.last_errors and user.role in STAFF:
    with st.expander(tr(f"内容有 {len(kb.last_errors)} 个问题，仍在使用上一版有效内容",
                        f"{len(kb.last_errors)} content problem(s); still serving the last good content"), expanded=False):
        # Plain text, not st.code: a code block makes the browser fetch Streamlit's 1.56 MB highlighter (qa22 G1);
        # in the reader's language, as the editor lists them (it was English on the Chinese UI).
        plain_text("\n".join(tr(p.zh(), str(p)) for p in kb.last_errors[:100]))

categories = kb.categories()
# The question, its category and the toggle are kept across a visit to another page: an agent on a call
# who checked their progress or a quiz came back to an empty box and had to ask the customer again.
# A reload, or a link to this page, brings them back from the address (ui/search_address.py).
take_from_address("search_query", "search_category", "search_regulations_only", categories)
query_col, category_col = st.columns([3, 1])
# The 分类 box is outside the form: a form's choice is not on the server until it is sent, and a language switch drew an
# unsent one back as 全部分类 (ui/live_form.py, polish30); a category chosen after a search searches again in it.
category = category_filter(category_col, keep("search_category"), categories)  # 全部分类 → None
with query_col, st.form("search-form", border=False):
    query = st.text_input(tr("客户问题", "Customer question"), key=keep("search_query"), max_chars=QUESTION_CHARS,
                          placeholder=tr("例如：宽限期多久 / 客户说不是本人签字怎么办", "e.g. how long is the grace period"))
    regulations_only = st.toggle(tr("只搜法规原文", "Regulations only"), key=keep("search_regulations_only"))
    submitted = st.form_submit_button(tr("搜索", "Search"), type="primary")
# qa29 H2: the agent's earlier searches of this session, under the 分类 box, each a click from running again.
show_recent(category_col, user, PastSearch(query, category, regulations_only), categories,
            ("search_query", "search_category", "search_regulations_only"))


def show_hit(hit: Hit, rank: int, search_key: str, shown: list[str]) -> None:
    """One answer: question and answer with the matched terms in bold, script with a copy button, 👍/👎 (a report
    offers the page's answers, `shown`, first)."""
    question, answer = entry_text(hit, "question"), entry_text(hit, "answer")
    known = glossary_terms(kb)
    with st.container(key=f"hit-question-{rank}"):  # keyed: a narrow window draws the 话术 next (NARROW_ORDER)
        st.markdown(f"#### {rank}. {highlight(question, hit.highlights, known)}")
    with st.container(key=f"hit-answer-{rank}"):
        st.markdown(highlight(answer, hit.highlights, known))
    if hit.script:
        with st.container(key=f"hit-script-{rank}"):
            # Scripts are Chinese only (an entry's `en` has a question and an answer): an agent who switched to English
            # for an English-speaking customer read "What to say" above Chinese words (qa17).
            st.caption(tr("话术（可复制）", "What to say, in Chinese (copy; no English script)"))
            copyable_text(hit.script)  # not st.code: its 1.5 MB highlighter came ~30 s late on a slow line (qa22 G1)
    if hit.sources:
        source_links(kb, hit.sources, key=f"hit-{rank}")
    name = categories[hit.category]
    # The answer shows the relevance it was accepted on (the re-ranker's ordering score can be near 0
    # for a question worded unlike the training, e.g. in English). The further hits are ordered by that
    # re-ranker score, so a relevance beside them could read higher than the answer's above: they show
    # none, only their order (the hit test page has every score for instructors).
    # An answer shown under the threshold (a near miss listed first, or the near-threshold rule) says so instead of a
    # number: a relevance under the one an answer needs, beside the answer, read as a contradiction (search36).
    relevance = ("" if rank != 1 else
                 f" · {tr('把握较低：请核对是否就是客户问的', 'a weaker match: check it is what the customer asked')}"
                 if hit.under_threshold else f" · {tr('相关度', 'relevance')} {hit.relevance:.2f}")
    st.caption(f"{tr(name.name, name.name_en)}{relevance} · `{hit.id}`")
    answer_feedback(user, search_key, hit, shown)


def show_articles(articles: list[ArticleHit], cited: int = 0, cited_note: str = "") -> None:
    """The 法规原文 section: the articles the answer cites (the first `cited`; `cited_note` says whose they are
    when not the answer's), then the search's best ones, document and article number first, terms highlighted."""
    st.subheader(tr("法规原文", "Regulation text"))
    if not articles:
        st.caption(tr("法规库中没有可靠匹配的条文。", "No reliably matching article in the regulation library."))
        return
    for rank, article in enumerate(articles, start=1):
        label = f"{rank}. 《{article.short_name}》{article.article}"  # named once; 文号 and date under the text (qa29 L1)
        with st.expander(escape_markdown(label), expanded=rank == 1):
            show_article(kb, article, article.highlights, heading=False)
            # Like the FAQ answers: the search's best article shows the relevance it was accepted on; the rest are
            # in the re-ranker's order, which a relevance beside them could contradict (0.92 above 1.00).
            if rank <= cited:
                note = (cited_note or tr("最上面的答案引用的条文", "cited by the answer at the top")) + " · "
            else:
                note = f"{tr('相关度', 'relevance')} {article.score:.2f} · " if rank == cited + 1 else ""
            details = " · ".join(filter(None, (article.chapter, article_caption(article, title=False))))
            st.caption(f"{note}{escape_markdown(details)} · `{article.document_id}`")


def show_regulations_only() -> None:
    """只搜法规原文: a term typed alone ("犹豫期", "保险法 犹豫期") opens on the articles the knowledge base cites for it,
    and a named law without any is said to have none — not "no reliable match" (qa29 R1, R2)."""
    term = kb.term_hits(query, k=5)
    if term is None:
        line = kb.other_line(query)
        if line is not None:  # 车险犹豫期 is not the life-insurance 犹豫期: searched as typed, and why said
            st.caption(tr(f"问题说的是{line.domain}，不是本热线（人身保险）的业务。",
                          "The question names another line of insurance, which this (life insurance) hotline does not handle."))
        show_articles(kb.search_regulations(query, k=5))
        return
    if term.missing_from:
        st.caption(tr(f"法规库收录的《{term.missing_from}》中没有提到“{term.term}”的条文；下面是知识库讲“{term.term}”时引用的条文。",
                      f"The library's 《{term.missing_from}》 has no article that mentions “{term.term}”; below are the articles the "
                      f"knowledge base cites for it."))
    show_articles(list(term.articles), cited=term.setting,
                  cited_note=tr(f"知识库讲“{term.term}”时引用的条文", f"cited by the knowledge base for “{term.term}”"))


def show_results() -> None:
    """The answers to the question in the box (or the articles only), logged as a search."""
    if regulations_only:
        # The toggle stays on from one search to the next: 刘姐 looked up a rule, then typed a customer's question and
        # read only 法规库中没有可靠匹配的条文, as if there were no answer (qa18).
        st.caption(tr("只搜了法规原文：要看答案和话术，请关掉“只搜法规原文”再搜索。",
                      "Regulations only: turn off “Regulations only” and search again for the answers and what to say."))
        show_regulations_only()
        return
    hits = kb.search(query, k=5, category=category)
    search_key = log_search(user, query, category, hits, submitted)
    if not hits:
        st.warning(tr("没有可靠的答案。请不要猜测：请示组长，或按流程转二线处理。",
                      "No reliable answer. Do not guess: ask a supervisor or transfer to second line."),
                   icon=":material/help:")
        if typed_in_pinyin(query):
            # qa27 S5: a customer's pinyin (wo de bd shi xiao le) pasted as typed: the search reads characters only.
            st.caption(tr("问题里有拼音或拼音缩写（如 bd、zmb），搜索读不懂：请把关键词改成汉字再搜（如“保单失效”）。",
                          "The question has pinyin or pinyin initials (such as bd, zmb), which the search cannot read: "
                          "retype the key words in Chinese characters (such as 保单失效) and search again."))
        no_answer_feedback(user, search_key)
    else:
        st.html(NARROW_ORDER)
        shown = [hit.id for hit in hits]
        with st.container(border=True):
            show_hit(hits[0], 1, search_key, shown)
        if len(hits) > 1:
            st.caption(tr("其他可能相关的条目（按匹配程度排序）：", "Other entries that may be relevant (best match first):"))
        for rank, hit in enumerate(hits[1:], start=2):
            with st.expander(f"{rank}. {escape_markdown(entry_text(hit, 'question'))}"):
                show_hit(hit, rank, search_key, shown)
    # The first answer's own articles first (qa23 G3, qa24 G2: under the lapse answer 保险法第四十七条 opened, not the
    # 第三十七条 it cites), then the search's best others.
    articles = kb.answer_articles(query, hits[0].sources if hits else (), k=3)
    show_articles(list(articles), cited=len(articles.cited))


show_in_address(query, category, regulations_only)  # before searching: a reload mid-search keeps the question
if query.strip() and len(normalize(query)) > MAX_QUERY_CHARS:
    # A pasted paragraph is searched by its beginning only: say so, or the agent trusts an answer to words
    # that were never read (qa15: a 490-character complaint, cut silently).
    st.caption(tr(f"问题较长：只按前 {MAX_QUERY_CHARS} 个字搜索。答案不对时，请只留下客户的问题再搜。",
                  f"A long question: only its first {MAX_QUERY_CHARS} characters are searched. If the answer is off, "
                  "keep just the customer's question and search again."))

if not query.strip():  # the home page: where a new user starts (qa15 #11: no help anywhere)
    guide_link()
if submitted and not query.strip():
    st.info(tr("请先输入客户的问题，例如：宽限期多久。", "Type the customer's question first, e.g. how long is the grace period."),
            icon=":material/edit:")
elif query.strip():
    # Said at once and taken away only after the last answer is drawn: on a weak link the answers take seconds
    # to arrive, and nothing on the page said a search was under way (qa15 #15: 11–17 s at 50 kbit/s). Only for a
    # search not shown yet: a 👍 on an answer reruns the page, and is no search.
    asked = (query, category, regulations_only)
    with shown_while(tr("正在搜索，答案马上显示……", "Searching; the answers will show in a moment…"),
                     when=submitted or st.session_state.get(SHOWN) != asked):
        show_results()
    st.session_state[SHOWN] = asked
    remember(user, PastSearch(*asked))
