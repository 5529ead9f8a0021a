"""搜索反馈 — the searches agents found no answer for or gave a thumbs down, grouped by meaning, fixed in one click."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from typing import Sequence

import streamlit as st

from trainer.clock import utcnow
from trainer.editing.hit_test import GOOD_RANK, QuestionOutcome
from trainer.search_feedback.fixes import VariantFix, add_as_variant
from trainer.search_feedback.grouping import MissGroup, group_misses
from trainer.search_feedback.handled import split_handled, wording_owners
from trainer.search_feedback.privacy import asker
from trainer.search_feedback.store import DOWN, WRONG, dismiss_searches, searches
from ui.content_editing import content_editor, open_new_entry, show_result
from ui.grid_rows import wrapped_row_height
from ui.display import entry_choice, entry_label as named_entry, shortened, time_heading, when
from ui.i18n import counted, tr
from ui.pages import require_page_user
from ui.render import escape_markdown
from ui.resources import database, knowledge_base, query_vectors
from ui.search_feedback import purge_expired
from ui.widget_memory import keep, kept, redraw_choice

PERIODS = (1, 3, 7, 14, 30)
GROUPS_SHOWN = 50
WORDING_PX = 360  # 代表问法's column: the grid's ~905 px at 1366 less the five others

user = require_page_user(__file__)
kb = knowledge_base()
entries = kb.content.entries

st.title(tr("搜索反馈", "Search feedback"))
st.caption(tr("坐席搜索后没有得到答案、点了“没帮助”（点踩）或报告答案有误的问题，按意思分组。把问法加为正确条目的相似问法，以后就能搜到。",
              "Questions agents got no answer for, rated not helpful (thumbs down) or reported as wrong, grouped by meaning. "
              "Add a wording as a variant of the right entry and it will be found from now on."))
if dismissed := st.session_state.pop("search_feedback_dismissed", None):
    st.toast(tr(f"已移除“{dismissed[0]}”这一组（{dismissed[1]} 次搜索）。",
                f"Removed the group “{dismissed[0]}” ({counted(dismissed[1], 'search', 'searches')})."), icon=":material/done_all:")
days = st.selectbox(tr("时间范围", "Period"), PERIODS, index=PERIODS.index(7), key=keep("search_feedback_days"),
                    format_func=lambda d: tr(f"最近 {d} 天", f"Last {counted(d, 'day')}"),
                    placeholder=tr("选择时间范围", "Choose a period"))
purge_expired()
# The dismissed ones too: 无需处理 handles a group, and the figures below count it as handled, not as gone (qa16 #14).
every_miss = searches(database(), since=utcnow() - timedelta(days=days), misses_only=True, dismissed_too=True)
misses = [m for m in every_miss if not m.dismissed]
if not every_miss:
    st.success(tr("这段时间没有未答出或被点踩的搜索。", "No unanswered or thumbs-down searches in this period."),
               icon=":material/check_circle:")
    st.stop()


def outcome_row(outcome: QuestionOutcome) -> dict[str, object]:
    found = not outcome.missed_after
    return {tr("问法", "wording"): outcome.query.text,
            tr("结果", "result"): tr("能找到了", "found now") if found and outcome.missed_before
            else tr("仍能找到", "still found") if found else tr("仍未找到", "still missed"),
            tr("之前前三", "top 3 before"): ", ".join(outcome.before_ids[:GOOD_RANK]) or "—",
            tr("之后前三", "top 3 after"): ", ".join((outcome.after_ids or ())[:GOOD_RANK]) or "—"}



def show_fix(fix: VariantFix) -> None:
    """What 添加为相似问法 saved, and each wording of the group searched before and after."""
    if fix.already_there:
        st.info(tr("这个问法已经在该条目里了。", "This wording is already in the entry."))
    else:
        show_result(fix.result)
    if fix.recheck is not None:
        target = named_entry(fix.recheck.outcomes[0].query.ids[0])
        st.caption(tr(f"命中测试：这一组的问法在修改前后搜索到的前三（目标：{target}）",
                      f"Hit test: each wording of the group before and after the edit (target: {target})"))
        # set widths: two lists of three entry ids pushed 之后前三 past the right edge at 1366 px
        st.dataframe([outcome_row(o) for o in fix.recheck.outcomes], hide_index=True, column_config={
            tr("问法", "wording"): st.column_config.TextColumn(width=280),
            tr("结果", "result"): st.column_config.TextColumn(width=90),
            tr("之前前三", "top 3 before"): st.column_config.TextColumn(width=250),
            tr("之后前三", "top 3 after"): st.column_config.TextColumn(width=250)})
        missed = fix.recheck.misses(after=True)
        if missed:
            st.warning(tr(f"还有 {len(missed)} 个问法找不到该条目：可以再加一个问法，或检查它们是否属于别的条目。",
                          f"{len(missed)} wording(s) still miss the entry: add another, or check whether they belong elsewhere."))


def fix_key_of(label: str) -> str:
    return f"search_feedback_fix_{label}"


def show_handled(handled: list[tuple[MissGroup, tuple[str, ...]]]) -> None:
    """Groups the content was fixed for since (qa14 #18): listed as handled, out of the working list."""
    if not handled:
        return
    st.subheader(tr(f"已处理（{len(handled)} 组）", f"Handled ({counted(len(handled), 'group')})"))
    st.caption(tr("这些问法已加入条目（在这里或在内容编辑中），现在搜索会先找到该条目，所以不再列在上面。",
                  "These wordings were added to an entry (here or in the content editor) and searching them now "
                  "finds that entry first, so they are no longer listed above."))
    st.dataframe([{tr("代表问法", "wording"): g.label, tr("次数", "searches"): g.count,
                   tr("现在找到", "now found at"): "; ".join(map(named_entry, fixed_in))} for g, fixed_in in handled],
                 hide_index=True, column_config={tr("代表问法", "wording"): st.column_config.TextColumn(width=300),
                                                 tr("现在找到", "now found at"): st.column_config.TextColumn(width=360)})
    for group, _ in handled:
        if (fix := st.session_state.get(fix_key_of(group.label))) is not None:
            st.markdown("**" + tr(f"刚处理：{group.label}", f"Just handled: {group.label}") + "**")
            show_fix(fix)


groups: list[MissGroup] = []
handled: list[tuple[MissGroup, tuple[str, ...]]] = []
if misses:
    with st.spinner(tr("正在按意思分组……", "Grouping by meaning…")):
        groups = group_misses(misses, query_vectors(kb.settings.embedding_model))
        groups, handled = split_handled(groups, wording_owners(entries.values()),
                                        lambda text: next((hit.id for hit in kb.search(text, k=1)), None))

totals = st.columns(4)
totals[0].metric(tr("有问题的搜索", "Missed searches"), len(every_miss))  # 问题搜索 read as "searched questions" (qa28 F1)
totals[1].metric(tr("没有答案", "No answer"), sum(1 for m in every_miss if m.reason == "no_answer"))
totals[2].metric(tr("点踩 / 报告有误", "Thumbs down / reported"), sum(1 for m in every_miss if m.reason in (DOWN, WRONG)))
totals[3].metric(tr("待处理分组", "Open groups"), len(groups))
fixed, dismissed = sum(g.count for g, _ in handled), len(every_miss) - len(misses)
st.caption(tr(f"这些搜索中：待处理 {len(misses) - fixed} 次，已加入条目 {fixed} 次，无需处理 {dismissed} 次。",
              f"Of these searches: {len(misses) - fixed} to handle, {fixed} fixed in an entry, "
              f"{dismissed} marked as needing no fix."))
if not groups:
    st.success(tr("所有分组都已处理。", "Every group is handled."), icon=":material/check_circle:")
    show_handled(handled)
    st.stop()


def reason_name(reason: str) -> str:
    return {"no_answer": tr("没有答案", "no answer"), DOWN: tr("点踩", "thumbs down"), WRONG: tr("报告有误", "reported wrong")}.get(reason, reason)


def reasons(counts: Counter) -> str:
    """Why the searches missed, in words with counts: 没有答案 ×2、点踩."""
    return tr("、", ", ").join(reason_name(r) + (f" ×{n}" if n > 1 else "") for r, n in counts.most_common())


def entry_label(entry_id: str | None) -> str:
    if entry_id is None:
        return "—"
    return entry_choice(entry_id) if entry_id in entries else tr(f"{entry_id}（已删除）", f"{entry_id} (deleted)")


shown = groups[:GROUPS_SHOWN]
# Six columns that fit 1366 px beside the sidebar: the reasons share one column and the entry is named
# by its id (nine columns, with each reason and the entry's question apart, pushed 最近 out of sight).
# The wording takes what the others leave of the grid's ~905 px and wraps (qa28 F3: cut past ~22 characters).
wording_col, why_col, named_col = tr("代表问法", "wording"), tr("原因", "why"), tr("坐席建议的条目", "entry agents named")
st.dataframe([{"#": number, wording_col: g.label, tr("次数", "searches"): g.count,
               why_col: reasons(Counter(s.reason for s in g.searches)),
               named_col: g.suggested_entry() or "—", time_heading("最近", "latest"): when(g.searches[0].at)}
              for number, g in enumerate(shown, start=1)], hide_index=True,
             row_height=wrapped_row_height([g.label for g in shown], WORDING_PX),
             column_config={"#": st.column_config.NumberColumn(width=36),
                            wording_col: st.column_config.TextColumn(width=WORDING_PX),
                            why_col: st.column_config.TextColumn(width=140), named_col: st.column_config.TextColumn(width=160)})
if len(groups) > GROUPS_SHOWN:
    st.caption(tr(f"另有 {len(groups) - GROUPS_SHOWN} 组较少出现的问题未列出。",
                  f"{len(groups) - GROUPS_SHOWN} rarer groups are not listed."))

group_key = keep("search_feedback_group")  # back from another page on the group being worked on
numbers = list(range(1, len(shown) + 1))
group_words = [f"{n}. {shown[n - 1].label} ({shown[n - 1].count})" for n in numbers]
# Fewer groups now (one was fixed, or a shorter period), or other groups under the same numbers: the box shows
# the words of the group now under its number, and a number past the list falls back to the first.
redraw_choice(group_key, numbers, group_words)
number = st.selectbox(tr("处理哪一组", "Group to work on"), numbers, key=group_key,
                      format_func=lambda n: group_words[n - 1], placeholder=tr("选择一组", "Choose a group"))
group: MissGroup = shown[number - 1]
hidden = tr("其他团队的坐席", "an agent of another team")


def wording_rows(group: MissGroup) -> list[dict[str, object]]:
    """Each wording of the group: how often, why, by whom (as this viewer may see) and when. What a
    wording found then is shown under the wording picked below (three entry ids pushed 最近 out of sight)."""
    rows = []
    for text in group.texts:
        found = [s for s in group.searches if s.query == text]
        askers = Counter(asker(user, s, hidden) for s in found)
        rows.append({tr("问法", "wording"): text, tr("次数", "searches"): len(found),
                     tr("原因", "why"): reasons(Counter(s.reason for s in found)),
                     tr("提问人", "asked by"): "、".join(f"{a} ×{n}" if n > 1 else a for a, n in askers.items()),
                     time_heading("最近", "latest"): when(found[0].at)})
    return rows


st.subheader(tr(f"第 {number} 组：{group.label}", f"Group {number}: {group.label}"))
st.dataframe(wording_rows(group), hide_index=True, row_height=wrapped_row_height(group.texts, WORDING_PX),
             column_config={tr("问法", "wording"): st.column_config.TextColumn(width=WORDING_PX)})


def agents_reasons(group: MissGroup) -> None:
    """The short reasons agents gave with a 👎 or a report, each with its wording, who (as this viewer may see) and
    which: 原因 报告有误 and the entry alone did not say that the customer asked *when*, not *who* (qa28 F2)."""
    given = [(s, note) for s in group.searches for note in s.notes]
    if not given:
        return
    st.markdown("**" + tr("坐席写的原因", "Agents' reasons") + "**")
    for search, note in given:
        st.caption(f"“{escape_markdown(note)}” — {escape_markdown(asker(user, search, hidden))} · "
                   f"{reason_name(search.reason)} · {escape_markdown(shortened(search.query, 40))}")


agents_reasons(group)

fix_key = fix_key_of(group.label)
text_col, entry_col = st.columns(2)
text = text_col.selectbox(tr("要加入的问法", "Wording to add"), group.texts, **kept(f"search_feedback_text_{group.label}", valid=lambda t: t in group.texts),
                          placeholder=tr("选择一个问法", "Choose a wording"))
now_ids = [h.id for h in kb.search(text, k=GOOD_RANK)]
suggested = group.suggested_entry()
choices = list(entries)
default = suggested if suggested in entries else now_ids[0] if now_ids else None
entry_id = entry_col.selectbox(tr("加到哪个条目", "Entry it belongs to"), choices, format_func=entry_label,
                               index=choices.index(default) if default in choices else None,
                               **kept(f"search_feedback_entry_{group.label}", valid=lambda e: e is None or e in entries),
                               placeholder=tr("选择正确的条目", "Pick the right entry"))
then_ids = next(s.top_ids for s in group.searches if s.query == text)[:GOOD_RANK]


def top_three(heading: str, ids: Sequence[str]) -> str:
    """What a wording found, each entry by its id and its question as 加到哪个条目 names it, one a line: ids alone
    (div-lower-than-expected, div-no-promise, …) sent the instructor to look each one up (qa28 F3)."""
    if not ids:
        return heading + tr("没有答案", "no answer")
    return heading + "  \n" + "  \n".join(f"{rank}. {escape_markdown(entry_label(i))}" for rank, i in enumerate(ids, 1))


then_col, now_col = st.columns(2)
then_col.caption(top_three(tr("这个问法当时的前三：", "This wording found then: "), then_ids))
now_col.caption(top_three(tr("现在搜索的前三：", "Searching it now gives: "), now_ids))

add_col, new_col, dismiss_col = st.columns(3)
if add_col.button(tr("添加为相似问法", "Add as a variant"), type="primary", disabled=entry_id is None,
                  key="search_feedback_add", icon=":material/playlist_add:"):
    with st.spinner(tr("正在保存并重新测试这一组……", "Saving and re-testing the group…")):
        st.session_state[fix_key] = add_as_variant(content_editor(), entry_id, text, user.login, group.texts)
    st.rerun()
if new_col.button(tr("新建条目（预填此问法）", "New entry with this wording"), key="search_feedback_new",
                  icon=":material/note_add:"):
    others = [t for t in group.texts if t != text]
    # beside the entry agents named, else the one the wording finds now (the first category fits no question)
    open_new_entry({"question": text, "variants": "\n".join(others)},
                   entries[default].category if default in entries else None)
if dismiss_col.button(tr("无需处理", "Needs no fix"), key="search_feedback_dismiss", icon=":material/done_all:",
                      help=tr("这一组不需要改知识库（例如本热线不回答的问题，没有答案是对的）：从列表中移除。"
                              "以后再有人这样搜，会重新列出。",
                              "Nothing in the knowledge base needs to change for this group (e.g. a question this "
                              "hotline does not answer, so no answer was right): remove it from the list. "
                              "Searched again later, it is listed again.")):
    gone = dismiss_searches(database(), [s.id for s in group.searches], user.id)
    st.session_state["search_feedback_dismissed"] = (group.label, gone)
    st.rerun()


if (fix := st.session_state.get(fix_key)) is not None:
    show_fix(fix)
show_handled(handled)
