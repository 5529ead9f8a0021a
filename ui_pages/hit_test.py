"""命中测试 — which entries a question finds and why; which questions would miss, before and after a draft."""

from __future__ import annotations

import itertools
from typing import Callable, Iterator

import streamlit as st

from kb.search import Hit
from trainer.editing.hit_test import DEV_SET_DIR, HitTestRun, QuestionOutcome, dev_set, parse_questions, run
from ui.content_editing import HIT_TEST_DRAFT, show_problems
from ui.display import entries_named
from ui.limits import QUESTION_CHARS
from ui.uploads import file_upload
from ui.i18n import tr
from ui.pages import require_page_user
from ui.render import escape_markdown
from ui.resources import draft_search, knowledge_base
from ui.widget_memory import keep

require_page_user(__file__)
kb = knowledge_base()

st.title(tr("命中测试", "Hit test"))
draft = st.session_state.get(HIT_TEST_DRAFT)
# Built once per draft and content version, not on every rerun (each keystroke of the question).
after, draft_problems = draft_search(draft["overrides"]) if draft else (None, [])
if draft:
    st.info(tr(f"正在对比草稿（未保存）：{draft['label']}", f"Comparing with the unsaved draft: {draft['label']}"))
    show_problems(draft_problems)
    if st.button(tr("放弃草稿，只测当前内容", "Drop the draft; test the live content only"), key="hit_test_drop"):
        st.session_state.pop(HIT_TEST_DRAFT, None)
        st.rerun()


def hit_rows(hits: list[Hit]) -> list[dict[str, object]]:
    """Each hit with its relevance (what the threshold reads) and its order score; the rest of why it matched is
    under the table (`show_why`)."""
    # 相关度 is the number the threshold reads and the search page shows beside an answer; the re-ranker's ordering
    # score is another number (0.1 for a right first answer is common): under one name the two read as a contradiction
    # (stop 35: an answer "at relevance 0.126"). Search36.
    return [{tr("条目", "entry"): h.id, tr("问题", "question"): h.question, tr("相关度", "relevance"): h.relevance,
             tr("排序分（重排模型）", "order score (re-ranker)"): h.score} for h in hits]


def show_why(hits: list[Hit], side: str) -> None:
    """Why each hit matched — dense and keyword scores, keyword coverage, matched terms, field and text — written out
    under the table, one click away. As table columns they were past the right edge at 1366 px (qa29 H1: ten columns;
    six still scrolled, 992 px in 904), and the matched text, the longest cell, was cut in its column anyway; here it
    wraps."""
    with st.expander(tr("为什么命中：语义相似度、关键词得分、关键词覆盖、命中的词、命中字段、命中文本",
                        "Why they matched: dense, keyword (BM25), coverage, matched terms, matched field, matched text"),
                     key=f"hit_why_{side}"):
        for rank, hit in enumerate(hits, start=1):
            st.markdown(f"**{rank}. {escape_markdown(hit.question)}** · `{hit.id}`  \n"
                        f"{tr('语义相似度', 'Dense')}：{hit.dense_score:.3f} · "
                        f"{tr('关键词得分', 'Keyword (BM25)')}：{hit.keyword_score:.3f} · "
                        f"{tr('关键词覆盖', 'Coverage')}：{hit.coverage:.2f} · "
                        f"{tr('命中的词', 'Matched terms')}：{escape_markdown('、'.join(hit.highlights)) or '—'} · "
                        f"{tr('命中字段', 'Matched field')}：{escape_markdown(hit.matched_field) or '—'}  \n"
                        f"{tr('命中文本', 'Matched text')}：{escape_markdown(hit.matched_text) or '—'}")


question = st.text_input(tr("输入一个问题", "Type a question"), key=keep("hit_test_question"), max_chars=QUESTION_CHARS,
                         placeholder=tr("例如：签了合同后悔了能退吗", "e.g. can I cancel after signing"))
if question.strip():
    sides = [(tr("当前内容", "Live content"), kb.search(question, k=5))]
    if after:
        sides.append((tr("草稿", "Draft"), after(question)[:5]))
    # One table under the other, each the page's full width: side by side they were cut off on the right.
    for side, (title, hits) in enumerate(sides):
        st.subheader(title)
        if hits:
            st.dataframe(hit_rows(hits), hide_index=True, width="stretch")
            show_why(hits, str(side))
        else:
            st.warning(tr("没有可靠的答案", "No reliable answer"))

st.divider()
st.subheader(tr("批量测试", "Batch test"))
source = st.radio(tr("问题来源", "Questions"), ["dev", "upload"], horizontal=True, key=keep("hit_test_source"),
                  format_func=lambda s: tr("检索开发集", "Retrieval dev set") if s == "dev" else tr("上传问题列表", "Upload a list"))
queries, off_topic, problems = [], (), []
if source == "dev":
    queries, off_topic = dev_set(DEV_SET_DIR)
    st.caption(tr(f"{len(queries)} 个带标注的问题，{len(off_topic)} 个无关问题", f"{len(queries)} labelled questions, {len(off_topic)} off-topic"))
else:
    upload = file_upload("问题列表（.txt 每行一个问题，可加 Tab 和期望条目 id；.csv 列 q, ids；.yaml 开发集格式）",
                         "Questions (.txt one per line, optional tab + expected ids; .csv columns q, ids; .yaml dev-set format)",
                         ["txt", "csv", "yaml", "yml"], key="hit_test_upload")
    if upload is not None:
        queries, problems = parse_questions(upload.name, upload.getvalue())
        for problem in problems:
            st.error(problem)


def outcome_rows(outcomes: list[QuestionOutcome]) -> list[dict[str, object]]:
    """Each question with the entries it expects and finds, by their questions (ids after them)."""
    return [{tr("问题", "question"): o.query.text, tr("期望条目", "expected"): entries_named(o.query.ids, ""),
             tr("当前前三", "live top 3"): entries_named(o.before_ids[:3]),
             **({tr("草稿前三", "draft top 3"): entries_named(o.after_ids[:3])} if o.after_ids is not None else {})}
            for o in outcomes]


def show_entries_table(rows: list[dict[str, object]]) -> None:
    """A table whose cells name entries: those columns wide, as they hold up to three questions each."""
    wide = {name: st.column_config.TextColumn(name, width="large") for name in (rows[0] if rows else {})
            if name not in (tr("问题", "question"),)}
    st.dataframe(rows, hide_index=True, column_config=wide)


def show_run(result: HitTestRun) -> None:
    columns = st.columns(4)
    columns[0].metric(tr("问题数", "Questions"), len(result.outcomes))
    columns[1].metric(tr("当前未命中", "Missed now"), len(result.misses()))
    if after:
        columns[2].metric(tr("草稿未命中", "Missed with draft"), len(result.misses(after=True)),
                          delta=len(result.misses(after=True)) - len(result.misses()), delta_color="inverse")
        columns[3].metric(tr("草稿新增未命中", "Newly missed"), len(result.newly_missed))
        if result.newly_missed:
            st.error(tr("这次修改会让以下问题找不到正确条目：", "This edit makes these questions miss their entry:"))
            show_entries_table(outcome_rows(result.newly_missed))
        if result.fixed:
            st.success(tr("这次修改让以下问题能找到了：", "This edit makes these questions find their entry:"))
            show_entries_table(outcome_rows(result.fixed))
    st.caption(tr("未命中（期望条目不在前三，或无标注的问题没有答案）", "Misses (expected entry not in the top 3, or no answer for an unlabelled question)"))
    show_entries_table(outcome_rows(result.misses(after=bool(after)) or result.misses()))
    answered = result.off_topic_after if after and result.off_topic_after is not None else result.off_topic_before
    if answered:
        st.warning(tr("以下无关问题返回了答案：", "These off-topic questions got an answer:"))
        show_entries_table([{tr("问题", "question"): q, tr("返回的条目", "answered with"): entries_named(ids)}
                            for q, ids in answered])


def with_progress(search: Callable[[str], list[Hit]], bar, total: int, steps: Iterator[int]) -> Callable[[str], list[Hit]]:
    """`search`, moving the progress bar on; each update is also where a cancel click stops the run.

    The bar moves in steps of 1 % (and at the end), not after every question: each update is a
    message to the browser, and 500 of them cost more than the searches they report."""
    stride = max(1, total // 100)

    def search_and_report(question: str) -> list[Hit]:
        done = next(steps)
        if done % stride == 0 or done == total:
            bar.progress(done / total, text=tr(f"已检索 {done} / {total}", f"Searched {done} / {total}"))
        return search(question)
    return search_and_report


if st.session_state.get("hit_test_cancel"):
    st.info(tr("批量测试已取消。", "The batch test was cancelled."))
if queries and st.button(tr("运行", "Run"), type="primary", key="hit_test_run"):
    total = (len(queries) + len(off_topic)) * (2 if after else 1)
    bar = st.progress(0.0, text=tr(f"已检索 0 / {total}", f"Searched 0 / {total}"))
    # Any click starts a new run of the page, which stops this one at its next progress update.
    st.button(tr("取消", "Cancel"), key="hit_test_cancel")
    steps = itertools.count(1)
    # The batch searcher remembers each question's vector: the draft side and the next run reuse them.
    live = kb.batch_searcher()
    result = run(queries, with_progress(lambda q: live.search(q, k=10), bar, total, steps),
                 with_progress(after, bar, total, steps) if after else None, off_topic)
    kb.keep_query_vectors()
    show_run(result)
