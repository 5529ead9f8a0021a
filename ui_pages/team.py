"""团队概览 — the instructors' console: who keeps up and what the team gets wrong, per period.

Filters (team, hire-month cohort, period) feed trainer.insights.team; every chart has its data
table and CSV / Excel export below it.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Iterable

import pandas as pd
import streamlit as st

from trainer.clock import utcnow
from trainer.insights.access import sees_all_teams
from trainer.insights.calls import FAULT_SAMPLE, CallScore, Quote, ScenarioTrouble
from trainer.insights.console import ConsoleFilter, team_console
from trainer.insights.periods import Period, local_day
from trainer.insights.withdrawals import Withdrawals
from trainer.insights.team import cohorts
from trainer.quiz.progress import ProgressStore
from ui import charts
from ui.display import category_name, quiz_prompt_line, rubric_name, scenario_title, step_name, time_heading, when, zone
from ui.exports import MISSING, chart_with_data, downloads, show_chart
from ui.i18n import counted, tr
from ui.pages import require_page_user
from ui.render import escape_markdown
from ui.resources import database, quiz_bank
from ui.widget_memory import keep, kept_tabs
from ui.choice_box import ALL, one_or_all

DEFAULT_WEEKS = 8
AGENT_PAGE = "agent"  # url path of ui_pages/agent.py

user = require_page_user(__file__)
db = database()
tz = zone()
now = utcnow()
today = local_day(now, tz)

st.title(tr("团队概览", "Team overview"))

# ---- filters
team_col, cohort_col, period_col, idle_col = st.columns([2, 2, 3, 1])
teams = ProgressStore(db).teams()


def _awaiting(quote: Quote) -> str:
    """A quoted fault the trainee contested, waiting in 评判纠错: said beside the name (qa24 I4)."""
    return tr("，待复核", ", awaiting review") if quote.contested else ""


def _troubles(worst: ScenarioTrouble) -> list[tuple[str, int, int, tuple[Quote, ...]]]:
    """A worst scenario's faults and the steps its calls missed (qa26 T1: a missed step is no finding, yet cost most
    of the points), most frequent first, a missed step first at a tie: (name, times, contested, examples). A missed
    step is named as the call report's lesson names it (漏掉的要点), by the step's wording now."""
    missed = [(-m.count, 0, tr("漏掉的要点", "Missed checkpoint") + tr("：", ": ")
               + step_name(worst.scenario_id, m.description, m.step_id), m.count, 0, m.calls) for m in worst.missed]
    faults = [(-f.count, 1, rubric_name(f.rubric), f.count, f.contested, f.quotes) for f in worst.faults]
    return [row[2:] for row in sorted(missed + faults, key=lambda row: row[:2])]


def _examples(examples: tuple[Quote, ...], names: dict[int, str]) -> str:
    """The table's examples: the words and whose they were, or whose calls they were (a missed step said nothing)."""
    if all(quote.text for quote in examples):
        return " / ".join(f"“{q.text}”（{names.get(q.user_id, '')}{_awaiting(q)}）" for q in examples)
    return tr("、", ", ").join(dict.fromkeys(names.get(q.user_id, "") for q in examples))


def withdrawn_columns(taken: Withdrawals) -> dict[str, int]:
    """A trainee's or scenario's calls with a judgement an instructor withdrew, and how many judgements: beside an
    average of scores that were not recomputed (ui53), so she sees how much of it rests on judgements she overturned."""
    return {tr("撤回评判的通话", "Calls with withdrawals"): taken.calls, tr("撤回的评判", "Judgements withdrawn"): taken.judgements}


# Where an average's withdrawals are counted, said at its end (ui54: the two columns of its table)
IN_COLUMNS = ("（见“撤回评判的通话”“撤回的评判”两列）", " (see the columns Calls with withdrawals and Judgements withdrawn)")
IN_AGENTS = ("（各坐席见“坐席”表的“撤回评判的通话”“撤回的评判”两列）",
             " (per agent: the Agents table's columns Calls with withdrawals and Judgements withdrawn)")


def withdrawn_note(taken: Iterable[Withdrawals], what: str, what_en: str, where: tuple[str, str] = IN_COLUMNS) -> None:
    """Under a figure of call scores (an average, a best or latest): that it counts the scores as judged then, when
    anything was withdrawn, and where the counts are (`where`)."""
    calls, judgements = sum(t.calls for t in taken), sum(t.judgements for t in taken)
    if calls:
        st.caption(tr(f"{what}按通话当时的评分计算：培训师接受异议后撤回的评判不重新计分。其中 {calls} 次通话共撤回 {judgements} 条评判"
                      f"{where[0]}。",
                      f"{what_en}: each call's score as judged then; judgements an instructor withdrew on an "
                      f"objection are not rescored. {counted(calls, 'call')} had {counted(judgements, 'judgement')} "
                      f"withdrawn{where[1]}."))


def show_withdrawn_calls(scenario_calls: Iterable[CallScore], per_call: dict[int, int], names: dict[int, str]) -> None:
    """A scenario's calls with judgements withdrawn, each with its score as stored and its report: qa30 T1, 林老师 read
    平均分 100 for the call whose turn she had just agreed was 绝对化承诺, with nothing under it. The score is as judged
    then, by design (ui53): said where it shows, with the calls to open."""
    taken = [c for c in scenario_calls if per_call.get(c.id)]
    if not taken:
        return
    st.caption(tr("平均分按通话当时的评分计算。以下通话中培训师接受了学员的异议、撤回了评判，分数没有重新计算：",
                  "The mean counts each call's score as judged then. In these calls an instructor upheld the trainee's "
                  "objection and withdrew judgements; their scores were not recomputed:"))
    for call in taken:
        count = per_call[call.id]
        st.markdown(f"- {escape_markdown(names.get(call.user_id, ''))} · "
                    + tr(f"{round(call.score)} 分 · 撤回 {count} 条评判", f"score {round(call.score)} · "
                         f"{counted(count, 'judgement')} withdrawn")
                    + f" ([{tr('报告', 'report')}](call?id={call.id}))")


def team_words(team: str) -> str:
    """A team's name, or that the agents have none."""
    return team or tr("（未分组）", "(no team)")


if sees_all_teams(user):
    team = one_or_all(team_col, tr("团队", "Team"), teams, keep("team_pick"), tr("全部团队", "All teams"),
                      format_func=team_words, first=user.team if user.team and user.team in teams else ALL)
else:
    team = team_col.selectbox(tr("团队", "Team"), [user.team], key=keep("team_pick"), format_func=team_words,
                              placeholder=team_words(user.team))
cohort = one_or_all(cohort_col, tr("入职月份", "Hire month"), cohorts(db), keep("cohort_pick"), tr("全部", "All"))
picked = period_col.date_input(tr("时间范围", "Period"), (today - timedelta(weeks=DEFAULT_WEEKS) + timedelta(days=1), today),
                               max_value=today, key=keep("period_pick"))
idle_days = idle_col.number_input(tr("未训练天数", "Idle days"), min_value=1, max_value=90, value=3, key=keep("idle_pick"))
if not isinstance(picked, tuple) or len(picked) != 2:
    st.info(tr("请选择开始和结束日期。", "Pick a start and an end date."))
    st.stop()
period = Period(*picked)

analyse_items = st.session_state.get("item_analysis_pick", False)
console = team_console(db, ConsoleFilter(team, cohort, period, int(idle_days), analyse_items), tz, now)
members, lines, calls = console.members, console.lines, console.calls
if not members and cohort is None and team is not None:
    # A new team leader read "no agent matches these filters" and looked for a filter to change (qa15): her team
    # has no agents yet, which only an administrator can change, and her own training is on 我的进度.
    st.info(tr(f"班组“{team or '（未分组）'}”还没有坐席。坐席的班组由管理员在“用户管理”中设置；您自己的训练记录在“我的进度”。",
               f"Team “{team or '(no team)'}” has no agents yet. An administrator sets agents' teams on Users; "
               "your own training is on My progress."))
    st.stop()
if not members:
    st.info(tr("没有符合条件的坐席。", "No agent matches these filters."))
    st.stop()
names = {m.id: m.display_name for m in members}

answered, right = sum(l.answers for l in lines), sum(l.right for l in lines)
scored = [c.score for c in calls]
metric_cols = st.columns(4)
metric_cols[0].metric(tr("坐席", "Agents"), len(members))
metric_cols[1].metric(tr("答题数", "Answers"), answered)
metric_cols[2].metric(tr("正确率", "Accuracy"), f"{right / answered:.0%}" if answered else "—")
metric_cols[3].metric(tr("模拟通话平均分", "Mean call score"), f"{sum(scored) / len(scored):.1f}" if scored else "—")
withdrawn_note([console.withdrawn], "模拟通话平均分", "The team's mean call score", IN_AGENTS)

agent_col, category_col, scenario_col = tr("坐席", "Agent"), tr("分类", "Category"), tr("情景", "Scenario")
never = tr("从未训练", "never")  # one word for no activity in both tables (qa27 T2: an empty cell beside "never")
# The open tab is kept over a language switch and a visit to another page (ui.widget_memory.kept_tabs): it went back to
# 坐席 (polish32). Choosing a tab now runs the page, as on 用户管理 and 情景编辑; a team's console is read in well under
# a second (bench.team_console: 200 agents, all teams, ≤ 2 s), and the charts are drawn by the browser as before.
tabs = kept_tabs([tr("坐席", "Agents"), tr("分类掌握度", "Mastery"), tr("通话成绩", "Call scores"), tr("每周趋势", "Weekly trends"),
                  tr("薄弱题目", "Weakest items"), tr("薄弱情景", "Worst scenarios")], "team_tab")

with tabs[0]:
    open_label = tr("详情", "Details")
    # Who, the link to open them and when they last trained first: at 1024 px the grid shows about eight columns,
    # and with the link and the date last (of ten) a team leader saw neither without scrolling sideways (qa17).
    frame = pd.DataFrame([{
        agent_col: l.agent.display_name, open_label: f"{AGENT_PAGE}?agent={l.agent.login}",
        time_heading("最近训练", "Last trained"): when(l.last_active) or never, tr("答题数", "Answers"): l.answers,
        tr("正确率 %", "Accuracy %"): round(100 * l.accuracy) if l.answers else None,
        tr("通话次数", "Calls"): l.calls, tr("通话均分", "Mean call score"): l.mean_score,
        **withdrawn_columns(console.withdrawn_by_agent.get(l.agent.id, Withdrawals())),
        tr("账号", "Login"): l.agent.login, tr("团队", "Team"): l.agent.team, tr("入职月份", "Hire month"): l.agent.cohort,
    } for l in lines])
    # a missing figure (no answers, no calls) reads — in a column that stays numeric, so it sorts 25 < 100
    # (qa14 #8: the grid drew Streamlit's "None"; a text column sorted 100 before 25)
    st.dataframe(frame, hide_index=True, width="stretch", placeholder=MISSING,
                 column_config={open_label: st.column_config.LinkColumn(open_label, display_text=tr("打开", "Open"))})
    downloads(frame.drop(columns=[open_label]), tr("坐席", "agents"), "agents")
    withdrawn_note(console.withdrawn_by_agent.values(), "通话均分", "Mean call score")
    st.markdown("**" + tr(f"超过 {idle_days} 天未训练", f"Not trained for {counted(idle_days, 'day')} or more") + "**")
    idle = console.idle
    if idle:
        idle_frame = pd.DataFrame([{
            agent_col: i.agent.display_name, tr("团队", "Team"): i.agent.team,
            time_heading("最近训练", "Last trained"): when(i.last_active) or never,
            tr("未训练天数", "Idle days"): i.idle_days,
        } for i in idle])
        chart_with_data(None, idle_frame, tr("未训练坐席", "idle-agents"), "idle", expanded=True)
    else:
        st.success(tr("所有坐席最近都有训练。", "Every agent trained recently."))

with tabs[1]:
    grid = console.mastery
    if grid:
        score, answers_label = tr("正确率 %", "Accuracy %"), tr("答题数", "Answers")
        frame = pd.DataFrame([{agent_col: names[c.user_id], category_col: category_name(c.category),
                               score: round(100 * c.accuracy), answers_label: c.answers, tr("答对", "Right"): c.right}
                              for c in grid])
        chart = charts.grid_heatmap(frame, agent_col, category_col, score, [agent_col, category_col, score, answers_label])
        chart_with_data(chart, frame, tr("分类掌握度", "mastery"), "mastery")
        st.caption(tr("每格：该坐席在所选时间内该分类题目的答对率。", "Each cell: the agent's share of right answers in that category in the period."))
    else:
        st.info(tr("所选时间内没有答题。", "No answers in this period."))

with tabs[2]:
    results = console.scenario_results
    if results:
        best, last_score, count = tr("最好成绩", "Best"), tr("最近成绩", "Latest"), tr("次数", "Calls")
        taken = {(r.user_id, r.scenario_id): console.withdrawn_by_result.get((r.user_id, r.scenario_id), Withdrawals())
                 for r in results}
        frame = pd.DataFrame([{agent_col: names[r.user_id], scenario_col: scenario_title(r.scenario_id), best: round(r.best),
                               last_score: round(r.latest), count: r.calls, time_heading("最近一次", "Latest call"): when(r.latest_at),
                               **withdrawn_columns(taken[(r.user_id, r.scenario_id)])}
                              for r in results])
        chart = charts.grid_heatmap(frame, agent_col, scenario_col, last_score,
                                    [agent_col, scenario_col, best, last_score, count, *withdrawn_columns(Withdrawals())])
        chart_with_data(chart, frame, tr("通话成绩", "call-scores"), "call_scores")
        st.caption(tr("颜色和数字：最近一次得分；悬停可见最好成绩。", "Colour and number: the latest score; hover for the best one."))
        withdrawn_note(taken.values(), "最好成绩和最近成绩", "Best and Latest")
    else:
        st.info(tr("所选时间内没有模拟通话。", "No practice calls in this period."))

with tabs[3]:
    week, value, kind, volume = tr("周（周一）", "Week (Monday)"), tr("数值", "Value"), tr("指标", "Measure"), tr("数量", "Count")
    accuracy_name, score_name = tr("答题正确率 %", "Quiz accuracy %"), tr("通话平均分", "Mean call score")
    rows = [{week: w.week.isoformat(), kind: accuracy_name, value: round(100 * w.accuracy, 1), volume: w.answers}
            for w in console.weekly_accuracy]
    rows += [{week: w.week.isoformat(), kind: score_name, value: w.mean_score, volume: w.calls,
              **withdrawn_columns(console.withdrawn_by_week.get(w.week, Withdrawals()))}
             for w in console.weekly_scores]
    if rows:
        # the withdrawal counts are a call score's: blank (—) on the quiz accuracy's rows, not 0
        frame = pd.DataFrame(rows)
        frame = frame.astype({column: "Int64" for column in withdrawn_columns(Withdrawals()) if column in frame})
        chart_with_data(charts.trend(frame, week, value, [week, kind, value, volume], series=kind, domain=(0, 100)),
                        frame, tr("每周趋势", "weekly-trends"), "trends")
        withdrawn_note(console.withdrawn_by_week.values(), "通话平均分", "Each week's mean call score",
                       ("（各周见数据表的“撤回评判的通话”“撤回的评判”两列）",
                        " (per week: the data table's columns Calls with withdrawals and Judgements withdrawn)"))
    else:
        st.info(tr("所选时间内没有训练。", "No training in this period."))

with tabs[4]:
    bank = quiz_bank()
    weak = console.weakest_items
    if weak:
        item_col, share_col = tr("题目", "Item"), tr("正确率 %", "Accuracy %")
        frame = pd.DataFrame([{item_col: w.item_id,
                               tr("题干", "Question"): quiz_prompt_line(bank, w.item_id, 60),
                               category_col: category_name(w.category), share_col: round(100 * w.accuracy),
                               tr("作答数", "Answers"): w.answers, tr("作答坐席", "Agents"): w.agents} for w in weak])
        chart_with_data(charts.horizontal_bars(frame, item_col, share_col, list(frame.columns), (0, 100)), frame,
                        tr("薄弱题目", "weakest-items"), "weak_items")
    else:
        st.info(tr("所选时间内作答不足（每题至少 5 次）。", "Too few answers in this period (at least 5 per item)."))
    st.markdown("**" + tr("题目分析（全部时间，首次作答）", "Item analysis (all time, first answers)") + "**")
    st.caption(tr("通过率 = 首次作答答对的比例；区分度 = 前27%坐席与后27%坐席通过率之差。区分度为负：强的坐席反而更常答错，题目可能有问题。",
                  "Facility = share right on first answer; discrimination = upper 27 % minus lower 27 % of agents. "
                  "Negative: strong agents miss it more than weak ones, so the item is probably badly written."))
    st.toggle(tr("计算题目分析（读取全部历史，稍慢）", "Run the item analysis (reads all history, slower)"),
              key="item_analysis_pick")
    stats = console.item_stats or []
    flagged = [s for s in stats if s.flagged]
    if flagged:
        st.warning(tr(f"{len(flagged)} 道题可能有问题（强的坐席更常答错），请检查题干和答案。",
                      f"{len(flagged)} item(s) look badly written (strong agents miss them more often)."),
                   icon=":material/flag:")
    if stats:
        frame = pd.DataFrame([{
            tr("需检查", "Check"): "⚑" if s.flagged else "", tr("题目", "Item"): s.item_id,
            tr("题干", "Prompt"): quiz_prompt_line(bank, s.item_id, 60),
            tr("作答人数", "Answers"): s.answers, tr("通过率", "Facility"): f"{s.facility:.0%}",
            tr("区分度", "Discrimination"): "—" if s.discrimination is None else f"{s.discrimination:+.2f}",
        } for s in stats])
        chart_with_data(None, frame, tr("题目分析", "item-analysis"), "item_analysis", expanded=True)
    elif console.item_stats is not None:
        st.info(tr("还没有作答数据。", "No answers yet."))

with tabs[5]:
    worst = console.worst_scenarios
    if worst:
        mean_col, fault_col, times_col, quote_col = (tr("平均分", "Mean score"), tr("常见问题", "Frequent fault"),
                                                     tr("次数", "Times"), tr("原话示例", "Example quotes"))
        taken = {w.scenario_id: console.withdrawn_by_scenario.get(w.scenario_id, Withdrawals()) for w in worst}
        bars = pd.DataFrame([{scenario_col: scenario_title(w.scenario_id), mean_col: w.mean_score,
                              tr("通话次数", "Calls"): w.calls, **withdrawn_columns(taken[w.scenario_id])} for w in worst])
        show_chart(charts.horizontal_bars(bars, scenario_col, mean_col, list(bars.columns), (0, 100)), "worst")
        frame = pd.DataFrame([{scenario_col: scenario_title(w.scenario_id), mean_col: w.mean_score, fault_col: name,
                               times_col: times, quote_col: _examples(examples, names)}
                              for w in worst for name, times, _, examples in _troubles(w)] or
                             [{scenario_col: scenario_title(w.scenario_id), mean_col: w.mean_score} for w in worst])
        chart_with_data(None, frame, tr("薄弱情景", "worst-scenarios"), "worst")
        st.caption(tr(f"平均分最低的情景；常见问题和漏掉的要点统计每个情景最近 {FAULT_SAMPLE} 次通话。",
                      f"The scenarios with the lowest mean score; faults and missed checkpoints counted on each one's "
                      f"newest {FAULT_SAMPLE} calls."))
        withdrawn_note(taken.values(), "平均分", "The mean score")
        for w in worst:
            # "1 calls" in English (qa23 I5): the count with its noun in the right number
            withdrawn_said = (tr(f" · 其中 {taken[w.scenario_id].calls} 次撤回了 {taken[w.scenario_id].judgements} 条评判",
                                 f" · {taken[w.scenario_id].calls} with {counted(taken[w.scenario_id].judgements, 'judgement')} "
                                 "withdrawn") if taken[w.scenario_id] else "")
            with st.expander(f"{scenario_title(w.scenario_id)} · {tr('平均分', 'mean')} {w.mean_score:.0f} · "
                             + tr(f"{w.calls} 次", counted(w.calls, "call")) + withdrawn_said):
                if not _troubles(w):  # opened, it showed nothing at all (qa30 T1)
                    sample = min(w.calls, FAULT_SAMPLE)
                    st.caption(tr(f"最近 {sample} 次通话没有记录到问题，也没有漏掉的要点。",
                                  f"No fault and no missed checkpoint was recorded on the newest {counted(sample, 'call')}."))
                show_withdrawn_calls([c for c in calls if c.scenario_id == w.scenario_id], console.withdrawn_per_call, names)
                for name, times, contested, examples in _troubles(w):
                    open_ = tr(f"，其中 {contested} 次学员提出异议、待复核", f", {contested} contested, awaiting review")
                    st.markdown(f"**{escape_markdown(name)}** × {times}" + (open_ if contested else ""))
                    for quote in examples:
                        said = f"“{escape_markdown(quote.text)}” — " if quote.text else ""
                        st.markdown(f"- {said}{escape_markdown(names.get(quote.user_id, ''))} "
                                    f"([{tr('报告', 'report')}](call?id={quote.call_id}))"
                                    + (f" · :orange[{tr('待复核（评判纠错）', 'awaiting review (Judge corrections)')}]"
                                       if quote.contested else ""))
    else:
        st.info(tr("所选时间内没有模拟通话。", "No practice calls in this period."))
