"""The knowledge-search page's log and feedback controls: 👍/👎 and "report a wrong answer" on each answer.

Every search is logged once (a rerun caused by a click is not a new search) through the
background writer, so neither a slow nor a broken database ever delays or hides an answer;
a failed write is logged for the operators, never shown to the agent on the call.
"""

from __future__ import annotations

import logging
import uuid
from datetime import timedelta
from typing import Callable, Sequence

import streamlit as st

from kb import Hit
from trainer.clock import utcnow
from trainer.search_feedback.store import (DOWN, NOTE_CHARS, UP, WRONG, purge_searches, record_search,
                                           record_verdict)
from trainer.store.db import Database
from trainer.users.accounts import UserInfo
from ui.choice_box import one_or_all
from ui.display import entry_choice
from ui.i18n import tr
from ui.live_form import live_form
from ui.resources import database, knowledge_base, search_log_writer, settings
from ui.session import signed_in_only

log = logging.getLogger(__name__)

LAST_SEARCH = "search_feedback_last"  # session_state: ((query, category), search key) of the logged search
REPORTING = "search_feedback_reporting"  # session_state: (search key, entry id) whose report form is open
NO_ANSWER = ""  # the "entry" a report on a search without an answer is about


def submit_write(what: str, write: Callable[[Database], object]) -> None:
    """Hand a write to the background writer; nothing here may fail the page."""
    try:
        db = database()  # resolved here: the cached resources belong to the page's thread
        search_log_writer().submit(what, lambda: write(db))
    except Exception:
        log.exception("search log: could not queue %s", what)


def purge_expired() -> None:
    """Delete logged searches older than the retention period (settings.search_log_days), in the background."""
    cutoff = utcnow() - timedelta(days=settings().search_log_days)
    submit_write("the retention purge", lambda db: purge_searches(db, cutoff))


def log_search(user: UserInfo, query: str, category: str | None, hits: Sequence[Hit], submitted: bool) -> str:
    """The key of this search in the log, logging it if it is a new search (submitted, or a new query)."""
    asked = (query, category)
    last = st.session_state.get(LAST_SEARCH)
    if last is not None and last[0] == asked and not submitted:
        return last[1]
    if last is None:  # the session's first search: a good moment to let expired searches go
        purge_expired()
    key = uuid.uuid4().hex
    st.session_state[LAST_SEARCH] = (asked, key)
    results = [(hit.id, hit.score) for hit in hits]
    submit_write("a search", lambda db: record_search(db, key, user.id, query, category, results))
    return key


def _verdict(user: UserInfo, key: str, entry_id: str, verdict: str | None, right: str | None = None,
             note: str | None = None) -> None:
    submit_write("a verdict", lambda db: record_verdict(db, key, user.id, entry_id, verdict, right, note))


def _reason_box(key: str) -> str:
    """An optional short reason with a 👎 or a report (qa28 F2: the customer asked *when*, not *who*, and 小吴 could not
    say so); the instructor reads it on 搜索反馈 beside the report."""
    return st.text_input(tr("原因（可选）", "Why (optional)"), key=key, max_chars=NOTE_CHARS,
                         placeholder=tr("例如：客户问的是多久出结果，不是谁能申请", "e.g. the customer asked when, not who"))


# How a verdict reads back to the agent who gave it.
VERDICT_WORDS = {UP: ("有帮助", "helpful"), DOWN: ("没帮助", "not helpful")}


def _thumbs_verdict(widget: str) -> str | None:
    value = st.session_state.get(widget)
    return None if value is None else UP if value == 1 else DOWN


@signed_in_only
def _on_thumbs(user: UserInfo, key: str, entry_id: str, widget: str) -> None:
    """Record the 👍/👎 and say so: without a word back an agent clicks again, unsure it counted."""
    verdict = _thumbs_verdict(widget)
    _verdict(user, key, entry_id, verdict)
    if verdict is None:
        st.toast(tr("已撤回您的评价。", "Your rating was withdrawn."), icon=":material/undo:")
    else:
        st.toast(tr(f"已记录您的评价：{VERDICT_WORDS[verdict][0]}，谢谢！", f"Rating recorded: {VERDICT_WORDS[verdict][1]}. Thank you!"),
                 icon=":material/check_circle:")


def report_choices(entries: Sequence[str], shown: Sequence[str], reported: str) -> list[str]:
    """The entries a report may name as the right one: the page's other answers first, in their order (the right one
    is most often among them: qa21's agent opened a list of 289 starting at 受益人由谁指定？, under 其他可能相关的条目
    holding the right one), then the rest in content order, the answer reported as wrong last."""
    first = list(dict.fromkeys(entry for entry in shown if entry != reported and entry in entries))
    rest = [entry for entry in entries if entry != reported and entry not in first]
    return [*first, *rest, *([reported] if reported in entries else [])]


def _report_form(user: UserInfo, key: str, entry_id: str, shown: Sequence[str]) -> None:
    """Which entry would have been right (optional), then send; one form open at a time."""
    # Not st.form: a language switch drew an unsent 正确的条目 back as 不确定 (ui/live_form.py, polish30).
    with live_form(f"report-{key}-{entry_id}") as form:
        choices = report_choices(list(knowledge_base().content.entries), shown, entry_id)
        right = one_or_all(st, tr("正确的条目（可选）", "The right entry (optional)"), choices,
                           f"report-right-{key}-{entry_id}", tr("不确定 / 不选", "Not sure / none"), format_func=entry_choice)
        note = _reason_box(f"report-note-{key}-{entry_id}")
        send, cancel = st.columns(2)
        with send:
            sent = form.submit(tr("提交报告", "Send the report"), "send", type="primary")
        with cancel:
            cancelled = form.submit(tr("取消", "Cancel"), "cancel")
        if sent:
            _verdict(user, key, entry_id, WRONG, right, note)
            st.session_state[f"reported-{key}-{entry_id}"] = True
            st.session_state.pop(REPORTING, None)
            st.rerun()
        if cancelled:
            st.session_state.pop(REPORTING, None)
            st.rerun()


def _report_button(user: UserInfo, key: str, entry_id: str, label: str, column=st, shown: Sequence[str] = ()) -> None:
    if st.session_state.get(f"reported-{key}-{entry_id}"):
        column.caption(tr("已报告，谢谢！培训师会查看。", "Reported, thank you: an instructor will look at it."))
    elif column.button(label, key=f"report-open-{key}-{entry_id}", icon=":material/flag:", type="tertiary"):
        st.session_state[REPORTING] = (key, entry_id)
    if st.session_state.get(REPORTING) == (key, entry_id):
        _report_form(user, key, entry_id, shown)


def answer_feedback(user: UserInfo, key: str, hit: Hit, shown: Sequence[str] = ()) -> None:
    """👍/👎 on one answer and a "report a wrong answer" link that asks for the right entry, the page's other answers
    (`shown`, entry ids in the page's order) offered first."""
    thumbs, report = st.columns([1, 3], vertical_alignment="center")
    widget = f"thumbs-{key}-{hit.id}"
    with thumbs:
        st.feedback("thumbs", key=widget, on_change=_on_thumbs, args=(user, key, hit.id, widget))
        verdict = _thumbs_verdict(widget)
        if verdict is not None:  # the choice stays in words, not only in the thumb's colour
            st.caption(tr(f"已评价：{VERDICT_WORDS[verdict][0]}", f"Rated {VERDICT_WORDS[verdict][1]}"))
    _report_button(user, key, hit.id, tr("报告答案有误", "Report a wrong answer"), report, shown)
    if verdict == DOWN:
        _thumbs_down_reason(user, key, hit.id)


def _thumbs_down_reason(user: UserInfo, key: str, entry_id: str) -> None:
    """After a 👎, its optional reason: sent with Enter (or by leaving the box), and said so."""
    box = f"thumbs-note-{key}-{entry_id}"
    sent = f"{box}-sent"
    if st.session_state.get(sent):
        st.caption(tr("已记下原因，谢谢！", "Reason noted, thank you."))
        return
    if note := _reason_box(box).strip():
        _verdict(user, key, entry_id, DOWN, None, note)
        st.session_state[sent] = True
        st.rerun()


def no_answer_feedback(user: UserInfo, key: str) -> None:
    """After "no reliable answer": the agent may name the entry that should have come up."""
    _report_button(user, key, NO_ANSWER, tr("知道正确的条目？告诉培训师", "Know the right entry? Tell the instructors"))

