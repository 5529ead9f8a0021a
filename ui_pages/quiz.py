"""今日训练 — the daily quiz: one question at a time, immediate feedback, a summary at the end.

The round in progress is kept in the store after every step (trainer/quiz/resume.py), so a
reload, a lost connection or another PC resumes it at the same question. Buttons act in
callbacks, before the page runs: one run per click, not a run and then a second for st.rerun().
"""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

import streamlit as st

from trainer.assignments.quiz import complete_quiz_assignments, items_to_do
from trainer.assignments.store import AssignmentInfo, assignments_for
from trainer.quiz.daily import (DAILY, MISTAKES, chinese_only_count, coming_back, in_english_only, plan_round,
                                record_answer, summarize)
from trainer.quiz.progress import ProgressStore
from trainer.quiz.question import Question
from trainer.quiz.resume import forget_run, save_run, unfinished_run
from ui.assignments_view import QUIZ_START, bank_counts, due_text, quiz_to_do, work_title
from ui.choice_box import chosen_or_all, one_or_all
from ui.display import answering_time_help, category_name, difficulty_name, entry_text, zone
from ui.limits import LINE_CHARS
from ui.i18n import counted, language, tr
from ui.pages import require_page_user
from ui.session import signed_in_only
from ui.widget_memory import forget, keep
from ui.render import RIGHT_ICON, WRONG_ICON, escape_markdown
from ui.resources import database, knowledge_base, quiz_bank, settings

RUN = "quiz_run"
RESUME_CHECKED = "quiz_resume_checked"

user = require_page_user(__file__)
kb = knowledge_base()
config = settings()
store = ProgressStore(database())
categories = kb.categories()


def now() -> datetime:
    return datetime.now(timezone.utc)


def resume_kept_round() -> None:
    """Once per browser session: pick up the round this user left unfinished (reload, other PC)."""
    if st.session_state.get(RESUME_CHECKED) == user.id:
        return
    st.session_state[RESUME_CHECKED] = user.id
    kept = unfinished_run(database(), user.id)
    if kept is not None and RUN not in st.session_state:
        kept["shown"] = now()  # time away from the page is not time spent on the question
        kept["resumed"] = True  # the summary says its time leaves the break out
        st.session_state[RUN] = kept
        st.session_state["quiz_resumed"] = True


def start(mode: str, category: str | None, size: int, assigned: bool = False) -> None:
    """A new round; in English only questions with an English version, but an assigned quiz its whole number (qa28 Q1)."""
    questions = plan_round(quiz_bank(), store, user.id, size, now(), category=category, mode=mode,
                           english=language() == "en", top_up=assigned)
    if not questions:
        st.session_state["quiz_empty"] = (mode, category)
        return
    st.session_state[RUN] = {"id": uuid.uuid4().hex, "questions": questions, "position": 0, "results": [],
                             "started": now(), "shown": now(), "feedback": None}
    save_run(database(), user.id, st.session_state[RUN])


@signed_in_only
def start_clicked() -> None:
    start(st.session_state["quiz_mode"], chosen_or_all(st.session_state["quiz_category"]), int(st.session_state["quiz_size"]))


@signed_in_only
def start_assigned(category: str, items: int) -> None:
    """An assigned quiz's round (from 我的作业 or the list below): its category and number, as 今日训练 picks them."""
    start(DAILY, category, items, assigned=True)


def open_assigned_quiz() -> None:
    """The quiz started from 我的作业 on 模拟通话 (ui.assignments_view.start_quiz): its round begins as the page opens —
    unless a round is in progress, which is finished first (its answers would count for nothing if it were dropped)."""
    pending = st.session_state.pop(QUIZ_START, None)
    if pending is None:
        return
    if st.session_state.get(RUN) is not None and st.session_state[RUN]["position"] < len(st.session_state[RUN]["questions"]):
        st.info(tr("您有一组训练还没做完：先做完这一组，再开始作业的测验（在下方“我的测验作业”里）。",
                   "You have a round in progress: finish it first, then start the assigned quiz (under My assigned "
                   "quizzes)."), icon=":material/assignment:")
        return
    start_assigned(*pending)


def assigned_quizzes() -> None:
    """The trainee's open quiz assignments, each one click from its round."""
    open_quizzes: list[AssignmentInfo] = [a for a in assignments_for(database(), user) if a.is_quiz and not a.done]
    if not open_quizzes:
        return
    st.subheader(tr("我的测验作业", "My assigned quizzes"))
    held = bank_counts()
    for assignment in open_quizzes:
        title_col, action_col = st.columns([4, 1])
        title_col.markdown(f"**{escape_markdown(work_title(assignment))}** · {due_text(assignment)}")
        if items_to_do(assignment, held) < assignment.quiz_items:  # its category shrank: what does it now, or why not
            title_col.caption(quiz_to_do(assignment, held))
        if language() == "en" and (chinese := in_chinese_in_round(assignment.quiz_category, items_to_do(assignment, held))):
            title_col.caption(tr(f"英文界面下其中 {chinese} 题是中文题（暂无英文版本）。",
                                 f"In English: {chinese} of its questions will be in Chinese (no English version yet)."))
        if items_to_do(assignment, held):
            action_col.button(tr("开始", "Start"), key=f"quiz_assignment_{assignment.id}", type="primary",
                              on_click=start_assigned, args=(assignment.quiz_category, assignment.quiz_items))
    st.subheader(tr("自选训练", "Your own round"))


def in_chinese_in_round(category: str, items: int) -> int:
    """How many of an assigned round's `items` an English round tops up in Chinese: its category's English ones first."""
    in_english = sum(1 for q in in_english_only(quiz_bank()).values() if q.category == category)
    return max(0, items - in_english)


def english_scope_note() -> None:
    """In English, before a round starts: the questions of the scope that have no English version are left out."""
    if language() != "en":
        return
    category = chosen_or_all(st.session_state.get("quiz_category"))
    left_out = chinese_only_count(quiz_bank(), category)
    if left_out:
        st.caption(tr(f"英文训练只出有英文版本的题：这个范围内 {left_out} 道只有中文的题不出（切换到中文即可练习）。",
                      f"English rounds ask only questions with an English version: {counted(left_out, 'question')} of "
                      "this scope, in Chinese only, are left out (switch to 中文 to practise them)."))


def setup() -> None:
    assigned_quizzes()
    st.caption(tr("先复习到期的题，再练新题（更多来自您较弱的分类）。",
                  "Due reviews first, then new questions (more from your weaker categories)."))
    st.radio(tr("训练方式", "Mode"), [DAILY, MISTAKES], horizontal=True, key="quiz_mode",
                    format_func=lambda m: tr("今日训练", "Today's training") if m == DAILY else tr("错题重练", "Retry my mistakes"))
    one_or_all(st, tr("分类", "Category"), list(categories), "quiz_category", category_name(None),
               format_func=category_name)
    english_scope_note()
    st.number_input(tr("题量", "Questions"), min_value=1, max_value=100, value=config.quiz_size, key="quiz_size")
    st.button(tr("开始训练", "Start"), type="primary", key="quiz_start", on_click=start_clicked)
    mode, category = st.session_state.pop("quiz_empty", (None, None))
    chinese_left_out = language() == "en" and mode and chinese_only_count(quiz_bank(), category)
    if mode == MISTAKES:
        st.info(tr("没有需要重练的错题。", "No mistakes to retry.") + (tr(
            "（只有中文的题的错题在中文界面重练。）", " (Mistakes on questions in Chinese only are retried in a Chinese round.)")
            if chinese_left_out else ""))
    elif chinese_left_out:
        st.info(tr("这个范围内没有英文题：题目都只有中文。切换到中文即可练习。",
                   "Nothing to ask in English here: this scope's questions are in Chinese only. Switch to 中文 to "
                   "practise them."))
    elif mode:
        st.info(tr("这个范围内还没有题目。", "There are no questions in this scope yet."))


def shown(question: Question) -> Question:
    """The question in the UI language: English texts in English where the item has them (marking
    always uses the question as planned, whose answer and spellings are the same)."""
    return question.in_english() if language() == "en" else question


def answer_widget(question: Question, key: str, locked: bool) -> None:
    """The input for one question (locked once answered); `response` reads what was given. An answer
    given but not yet submitted is kept across a visit to another page (it came back blank)."""
    label = tr("您的答案", "Your answer")
    if question.type == "fill_blank":
        st.text_input(label, key=keep(key), disabled=locked, max_chars=LINE_CHARS)
        return
    if question.type == "multiple":
        st.caption(tr("多选题：选出所有正确的选项。", "Multiple choice: select every correct option."))
        for i, option in enumerate(question.options):
            st.checkbox(option, key=keep(f"{key}-{i}"), disabled=locked)
        return
    options = question.options
    names = {"正确": tr("正确", "True"), "错误": tr("错误", "False")} if question.type == "true_false" else {}
    st.radio(label, range(len(options)), index=None, key=keep(key), disabled=locked,
             format_func=lambda i: names.get(options[i], options[i]))


def response(question: Question, key: str):
    """The answer given in the question's widget (key `key`), or None when it was left empty."""
    if question.type == "fill_blank":
        return str(st.session_state.get(key) or "").strip() or None
    if question.type == "multiple":
        return [i for i in range(len(question.options)) if st.session_state.get(f"{key}-{i}")] or None
    return st.session_state.get(key)


def answer_key(run: dict) -> str:
    return f"quiz-answer-{run['id']}-{run['position']}"


@signed_in_only
def submit_clicked() -> None:
    run = st.session_state[RUN]
    question = run["questions"][run["position"]]
    given = response(question, answer_key(run))
    if given is None:
        st.session_state["quiz_unanswered"] = True
        return
    seconds = (now() - run["shown"]).total_seconds()
    result = record_answer(store, user.id, question, given, seconds, run["id"], now(), config.quiz_slow_seconds)
    run["results"].append((question, result.correct, seconds))
    run["feedback"] = {"correct": result.correct, "spelled": question.spelled_as(given),
                       "answers": question.answers_another_question(given)}
    save_run(database(), user.id, run)


@signed_in_only
def next_clicked() -> None:
    run = st.session_state[RUN]
    run["position"] += 1
    run["feedback"] = None
    run["shown"] = now()
    if run["position"] < len(run["questions"]):
        save_run(database(), user.id, run)
    else:
        forget_run(database(), user.id)  # finished: a reload starts a new round
        run["assignments_done"] = complete_quiz_assignments(database(), user, run["id"], bank_counts())  # named in the summary
        forget(f"quiz-answer-{run['id']}")  # and its kept answers are no longer needed


def show_feedback(question: Question, feedback: dict) -> None:
    """Right or wrong, the explanation and the FAQ entry; `question` is as shown (`shown`)."""
    if feedback["correct"]:
        spelled = feedback.get("spelled")  # a homophone typed: right, and shown how it is written
        st.success(tr("回答正确！", "Correct!") + (tr(f"（标准写法：{spelled}）", f" (standard answer: {spelled})")
                                                  if spelled else ""), icon=RIGHT_ICON)
    else:
        st.error(tr("回答错误。正确答案：", "Not quite. The right answer: ") + escape_markdown(question.correct_text()),
                 icon=WRONG_ICON)
        answered = kb.content.entries.get(feedback.get("answers") or "")
        if answered is not None:  # why a true option is not the answer: it answers another question (qa26 Q1)
            asked = escape_markdown(entry_text(answered, "question"))
            st.markdown(tr(f"你选的选项是另一个问题的答案：「{asked}」", f"The option you chose answers another question: “{asked}”"))
    entry = kb.content.entries.get(question.entry_id)
    # A generated question's explanation is the Chinese entry quoted again; in English the entry's own
    # English version below explains it (Chinese under an English heading, QA 2026-12-04).
    # A hand-written item's explanation is in English when the item has an `en:` version.
    if not (question.generated and language() == "en" and entry is not None and entry.en):
        st.markdown(f"**{tr('解析', 'Explanation')}**  \n{escape_markdown(question.explanation)}")
    if entry is not None:
        with st.container(border=True):
            st.caption(tr("知识库原文", "From the knowledge base"))
            st.markdown(f"**{escape_markdown(entry_text(entry, 'question'))}**")
            st.markdown(escape_markdown(entry_text(entry, 'answer').strip()))
            if st.button(tr("在知识搜索中打开", "Open in search"), icon=":material/search:", key="quiz_to_search"):
                st.session_state["search_query"] = entry.question
                st.switch_page("ui_pages/search.py")


def ask(run: dict) -> None:
    questions: list[Question] = run["questions"]
    position = run["position"]
    question = shown(questions[position])
    st.progress(position / len(questions), text=tr(f"第 {position + 1} / {len(questions)} 题",
                                                   f"Question {position + 1} of {len(questions)}"))
    st.caption(f"{category_name(question.category)} · {difficulty_name(question.difficulty)}",
               help=tr("★ 基础 · ★★ 中级 · ★★★ 高级：题目的难度。", "★ basic · ★★ intermediate · ★★★ expert: how hard the question is."))
    st.markdown(f"#### {escape_markdown(question.shown_prompt())}")
    if language() == "en" and question.in_chinese_only():  # said, not left for the trainee to wonder (qa22 T2)
        st.caption(tr("本题暂无英文版本。", "This item is in Chinese: it has no English version yet."))
    feedback = run["feedback"]
    answer_widget(question, answer_key(run), locked=feedback is not None)
    if feedback is None:
        st.button(tr("提交答案", "Submit"), type="primary", key="quiz_submit", on_click=submit_clicked)
        if st.session_state.pop("quiz_unanswered", False):
            st.warning(tr("请先作答。", "Please answer first."))
        return
    show_feedback(question, feedback)
    last = position + 1 == len(questions)
    st.button(tr("查看结果", "See results") if last else tr("下一题", "Next question"), type="primary", key="quiz_next",
              on_click=next_clicked)


def summary(run: dict) -> None:
    result = summarize(run["results"])
    # The time spent answering, as 我的进度 adds it up for the same round: each question from when it was shown (or
    # the round resumed) to its answer. The clock from the start to the end counted a break: a trainee who left a
    # round of 15 and finished it later read 用时 25:13 for a few minutes' work (qa21 Q2), and 我的进度 said less.
    minutes, seconds = divmod(round(result.seconds), 60)
    st.progress(1.0, text=tr("完成！", "Done!"))
    for done in run.get("assignments_done", []):  # named here: in the language of the run that draws it
        title = work_title(done)
        st.success(tr(f"作业已完成：{title}", f"Assignment done: {title}"), icon=":material/assignment_turned_in:")
    st.subheader(tr("本次训练结果", "Session results"))
    score, right, time_taken = st.columns(3)
    score.metric(tr("得分", "Score"), f"{result.score:.0%}")
    right.metric(tr("答对", "Correct"), f"{result.correct} / {result.asked}")
    time_taken.metric(tr("答题用时", "Time answering"), f"{minutes}:{seconds:02d}", help=answering_time_help())
    if run.get("resumed"):
        st.caption(tr("这组训练中途离开过：答题用时不含离开的时间。",
                      "You left this round and came back to it: the time answering leaves out the time away."))
    st.table([{tr("分类", "Category"): category_name(c), tr("答对", "Correct"): f"{r} / {n}"}
              for c, (r, n) in result.by_category.items()])
    due = coming_back(store, user.id, now(), zone())
    st.markdown(f"**{tr('明天回来复习：', 'Coming back tomorrow: ')}{len(due)}**")
    bank = quiz_bank()  # reviews from earlier rounds are due too: their questions are not in this run
    for state in due[:10]:
        question = bank.get(state.item_id)
        if question is None:  # the question is no longer in the content: name its entry, never an id
            entry = kb.content.entries.get(state.entry_id)
            if entry is not None:
                st.markdown(f"- {escape_markdown(entry.question)}")
            continue
        question = shown(question)
        corrected = question.type == "true_false" and question.answer != 0
        note = tr("（更正原题的错误说法）", " (the question's statement was false; this is the rule)") if corrected else ""
        st.markdown(f"- {escape_markdown(question.takeaway())}{note}")
    st.button(tr("再练一组", "Another round"), key="quiz_again", on_click=lambda: st.session_state.pop(RUN, None))


st.title(tr("今日训练", "Today's training"))
resume_kept_round()
open_assigned_quiz()
if st.session_state.pop("quiz_resumed", False):
    st.info(tr("已恢复您未完成的训练，从上次的题目继续。", "Your unfinished round was restored: carry on where you left off."),
            icon=":material/restore:")
run = st.session_state.get(RUN)
if run is None:
    setup()
elif run["position"] < len(run["questions"]):
    ask(run)
else:
    summary(run)
