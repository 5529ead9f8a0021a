"""The quiz page through AppTest: a user answers a 5-question session and sees the summary."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Callable

from streamlit.testing.v1 import AppTest

from kb import load_content

from trainer.quiz.progress import ProgressStore
from trainer.quiz.question import Question
from trainer.quiz.resume import forget_run, save_run, unfinished_run
from trainer.users.accounts import create_user
from trainer.users.sessions import end_all_sessions, start_session
from ui.assignments_view import QUIZ_START
from ui.resources import quiz_bank

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 120


def wrong_response(question: Question):
    if question.type == "fill_blank":
        return "不知道"
    if question.type == "multiple":
        return [i for i in range(len(question.options)) if i not in question.answer][:1]
    return (question.answer + 1) % len(question.options)


def right_response(question: Question):
    return list(question.answer) if question.type == "multiple" else question.answer


def give(at: AppTest, question: Question, key: str, response) -> None:
    if question.type == "fill_blank":
        at.text_input(key=key).input(response)
    elif question.type == "multiple":
        for i in response:
            at.checkbox(key=f"{key}-{i}").check()
    else:
        at.radio(key=key).set_value(response)


def answer_right(at: AppTest, run: dict, position: int) -> None:
    """Answer the question at `position` right and go on to the next one."""
    question = run["questions"][position]
    give(at, question, f"quiz-answer-{run['id']}-{position}", right_response(question))
    at.button(key="quiz_submit").click().run()
    at.button(key="quiz_next").click().run()


def started_round(store, login: str, name: str, size: int) -> tuple[AppTest, dict]:
    """The quiz page of a new user with a round of `size` questions started, and that round."""
    at = AppTest.from_file(str(ROOT / "ui_pages/quiz.py"), default_timeout=TIMEOUT)
    at.session_state["user"] = create_user(store, login, name)
    at.run()
    at.number_input(key="quiz_size").set_value(size)
    at.button(key="quiz_start").click().run()
    return at, at.session_state["quiz_run"]


def test_a_user_walks_through_a_five_question_quiz_and_sees_the_summary(app_env, store) -> None:
    user = create_user(store, "agent-wang", "王芳")
    at = AppTest.from_file(str(ROOT / "ui_pages/quiz.py"), default_timeout=TIMEOUT)
    at.session_state["user"] = user
    at.run()
    assert not at.exception
    at.number_input(key="quiz_size").set_value(5)
    at.button(key="quiz_start").click().run()
    run = at.session_state["quiz_run"]
    questions = run["questions"]
    assert len(questions) == 5

    for position, question in enumerate(questions):
        assert not at.exception, at.exception
        assert f"第 {position + 1} / 5 题" in at.get("progress")[0].proto.text
        key = f"quiz-answer-{run['id']}-{position}"
        right = position < 3
        give(at, question, key, right_response(question) if right else wrong_response(question))
        at.button(key="quiz_submit").click().run()
        if right:
            assert at.success and "回答正确" in at.success[0].value
        else:
            assert at.error and "正确答案" in at.error[0].value
        shown = "\n".join(m.value for m in at.markdown)
        assert "解析" in shown
        at.button(key="quiz_next").click().run()

    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["得分"] == "60%" and metrics["答对"] == "3 / 5"
    table = at.table[0].value
    assert table["答对"].tolist() and sum(int(c.split(" / ")[1]) for c in table["答对"]) == 5
    assert any("明天回来复习：2" in m.value for m in at.markdown)

    progress = ProgressStore(store)
    assert len(progress.attempts(user.id)) == 5 and len(progress.review_states(user.id)) == 5
    assert sum(a.correct for a in progress.attempts(user.id)) == 3


def test_an_unanswered_question_is_not_submitted(app_env, store) -> None:
    user = create_user(store, "agent-li", "李雷")
    at = AppTest.from_file(str(ROOT / "ui_pages/quiz.py"), default_timeout=TIMEOUT)
    at.session_state["user"] = user
    at.run()
    at.button(key="quiz_start").click().run()
    at.button(key="quiz_submit").click().run()
    assert at.warning and "请先作答" in at.warning[0].value
    assert ProgressStore(store).attempts(user.id) == []


def test_retry_my_mistakes_with_no_mistakes_says_so(app_env, store) -> None:
    user = create_user(store, "agent-zhao", "赵敏")
    at = AppTest.from_file(str(ROOT / "ui_pages/quiz.py"), default_timeout=TIMEOUT)
    at.session_state["user"] = user
    at.run()
    at.radio(key="quiz_mode").set_value("mistakes")
    at.button(key="quiz_start").click().run()
    assert any("没有需要重练的错题" in i.value for i in at.info)


def test_feedback_opens_the_source_entry_in_search(app_env, store) -> None:
    user = create_user(store, "agent-sun", "孙丽")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.session_state["user"] = user
    at.run()
    at.switch_page("ui_pages/quiz.py").run()
    at.number_input(key="quiz_size").set_value(1)
    at.button(key="quiz_start").click().run()
    run = at.session_state["quiz_run"]
    question = run["questions"][0]
    give(at, question, f"quiz-answer-{run['id']}-0", wrong_response(question))
    at.button(key="quiz_submit").click().run()
    at.button(key="quiz_to_search").click().run()
    assert not at.exception
    expected = load_content(app_env.content_dir).entries[question.entry_id].question
    assert at.text_input(key="search_query").value == expected
    assert at.title[0].value == "知识搜索"


def englishround_asking(store, user, wanted: Callable[[Question], bool]) -> tuple[AppTest, dict, int]:
    """The English quiz page with a round of 20 started that asks a `wanted` question, the round and
    that question's position (rounds are random: up to 30 are started to find one)."""
    return round_asking(store, user, wanted, "en")


def assigned_english_round_asking(store, user, wanted: Callable[[Question], bool]) -> tuple[AppTest, dict, int]:
    """englishround_asking for a question in Chinese only: an English round asks one only as an assigned quiz's round
    tops its number up (qa28 Q1), so the round is an assigned quiz of 20 of the wanted question's category."""
    category = next(q.category for q in quiz_bank().values() if wanted(q))
    return round_asking(store, user, wanted, "en", assigned=category)


def round_asking(store, user, wanted: Callable[[Question], bool], lang: str = "zh",
                 assigned: str | None = None) -> tuple[AppTest, dict, int]:
    """english_round_asking in the language `lang`; with `assigned`, the round of a quiz of that category as
    我的作业 starts it."""
    for _ in range(30):
        at = AppTest.from_file(str(ROOT / "ui_pages/quiz.py"), default_timeout=TIMEOUT)
        at.session_state["user"] = user
        if lang == "en":
            at.session_state["lang"] = "en"
        if assigned is not None:
            at.session_state[QUIZ_START] = (assigned, 20)
            at.run()
        else:
            at.run()
            at.number_input(key="quiz_size").set_value(20)
            at.button(key="quiz_start").click().run()
        run = at.session_state["quiz_run"]
        target = next((p for p, q in enumerate(run["questions"]) if wanted(q)), None)
        if target is not None:
            return at, run, target
        forget_run(store, user.id)
    raise AssertionError("no round of 30 asked the wanted question")


def answer_up_to(at: AppTest, run: dict, target: int, last=None,
                 before: Callable[[int, Question], None] = lambda position, question: None) -> None:
    """Answer the round's questions up to and including `target`, wrongly but the last (`last`, when given);
    `before` looks at each question as it is shown."""
    for position, question in enumerate(run["questions"][:target + 1]):
        before(position, question)
        response = last if position == target and last is not None else wrong_response(question)
        give(at, question, f"quiz-answer-{run['id']}-{position}", response)
        at.button(key="quiz_submit").click().run()
        if position < target:
            at.button(key="quiz_next").click().run()


def test_in_english_the_knowledge_base_text_under_the_feedback_is_the_entrys_english(app_env, store,
                                                                                     english_outside_runs) -> None:
    """QA 2026-12-04: the buttons and the explanation's heading were English, the entry quoted under them Chinese."""
    # one whose question on the entry is generated, as on 2026-12-04: its explanation quotes the Chinese entry
    at, run, target = assigned_english_round_asking(store, create_user(store, "agent-en", "Amy"),
                                                    lambda q: q.entry_id == "cooling-off-length" and q.generated)
    answer_up_to(at, run, target)
    quoted = [m.value.replace("\\", "") for m in at.markdown if m.value.startswith("**")]  # the entry's bold question
    assert "**How long is the cooling-off period?**" in quoted, quoted
    assert not any("犹豫期有多长" in line for line in quoted), quoted


def test_a_reload_resumes_the_round_at_the_same_question(app_env, store) -> None:
    at, run = started_round(store, "agent-zhou", "周杰", 3)
    user = at.session_state["user"]
    answer_right(at, run, 0)

    reloaded = AppTest.from_file(str(ROOT / "ui_pages/quiz.py"), default_timeout=TIMEOUT)
    reloaded.session_state["user"] = user  # a new browser session: nothing but the sign-in carried over
    reloaded.run()
    assert not reloaded.exception
    assert any("已恢复您未完成的训练" in i.value for i in reloaded.info)
    assert "第 2 / 3 题" in reloaded.get("progress")[0].proto.text
    resumed = reloaded.session_state["quiz_run"]
    assert resumed["questions"] == run["questions"] and resumed["id"] == run["id"]
    for position in (1, 2):
        question = resumed["questions"][position]
        give(reloaded, question, f"quiz-answer-{run['id']}-{position}", wrong_response(question))
        reloaded.button(key="quiz_submit").click().run()
        reloaded.button(key="quiz_next").click().run()
    metrics = {m.label: m.value for m in reloaded.metric}
    assert metrics["答对"] == "1 / 3", "the answer given before the reload counts"

    again = AppTest.from_file(str(ROOT / "ui_pages/quiz.py"), default_timeout=TIMEOUT)
    again.session_state["user"] = user
    again.run()
    assert again.button(key="quiz_start"), "a finished round is not resumed: a reload starts afresh"


def test_the_summary_names_reviews_from_earlier_rounds_by_their_question_never_by_id(app_env, store) -> None:
    user = create_user(store, "agent-qian", "钱多")
    at = AppTest.from_file(str(ROOT / "ui_pages/quiz.py"), default_timeout=TIMEOUT)
    at.session_state["user"] = user
    at.run()
    earlier = []
    for _ in range(2):  # two one-question rounds, each answered wrong: both come back tomorrow
        at.number_input(key="quiz_size").set_value(1)
        at.button(key="quiz_start").click().run()
        run = at.session_state["quiz_run"]
        question = run["questions"][0]
        earlier.append(question)
        give(at, question, f"quiz-answer-{run['id']}-0", wrong_response(question))
        at.button(key="quiz_submit").click().run()
        at.button(key="quiz_next").click().run()
        if len(earlier) == 1:
            at.button(key="quiz_again").click().run()
    assert earlier[0].id != earlier[1].id
    shown = "\n".join(m.value for m in at.markdown)
    assert "明天回来复习：2" in shown
    assert earlier[0].id not in shown and earlier[1].id not in shown
    assert all(q.takeaway().split("→")[0].strip()[:8] in shown.replace("\\", "") for q in earlier)


def test_right_and_wrong_answers_carry_the_same_marks_as_everywhere_else(app_env, store) -> None:
    from ui.render import RIGHT_ICON, WRONG_ICON

    at, run = started_round(store, "agent-mark", "马克", 2)
    for position, right in enumerate((True, False)):
        question = run["questions"][position]
        give(at, question, f"quiz-answer-{run['id']}-{position}", right_response(question) if right else wrong_response(question))
        at.button(key="quiz_submit").click().run()
        shown = at.success[0] if right else at.error[0]
        assert shown.icon == (RIGHT_ICON if right else WRONG_ICON), shown.icon
        at.button(key="quiz_next").click().run()


def test_start_clicked_after_signing_out_in_another_tab_starts_nothing(app_env, store) -> None:
    """Streamlit runs a button's callback before the page's sign-in check: the callback checks too."""
    user = create_user(store, "agent-zhou", "周敏")
    at = AppTest.from_file(str(ROOT / "ui_pages/quiz.py"), default_timeout=TIMEOUT)
    at.session_state["user"] = user
    at.session_state["_auth_session_id"] = start_session(store, app_env, user.id).id
    at.run()
    assert at.button(key="quiz_start")
    end_all_sessions(store, user.id)  # "sign out" clicked in another tab
    at.button(key="quiz_start").click().run()
    assert "quiz_run" not in at.session_state and unfinished_run(store, user.id) is None
    assert "已退出登录" in at.warning[0].value


def give_english_to_the_cooling_off_item(content_dir: Path,
                                         prompt: str = "What is the shortest cooling-off period of long-term health insurance?"
                                         ) -> None:
    """The fixture's q-cooling-off-length-1 with an `en:` block (the fixture content has none)."""
    quiz = content_dir / "quizzes" / "cooling-off.yaml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("    entry: cooling-off-length\n", (
        "    entry: cooling-off-length\n    en:\n"
        f"      prompt: {prompt}\n"
        "      options: [10 days, 15 days, 20 days, 30 days]\n"
        "      explanation: Health Insurance Measures art. 15 sets at least 15 days.\n")), encoding="utf-8")


def test_in_english_a_hand_written_item_with_an_english_version_is_asked_and_explained_in_english(
        app_env, store, english_outside_runs) -> None:
    give_english_to_the_cooling_off_item(app_env.content_dir)
    user = create_user(store, "agent-en2", "Ben")
    at, run, target = englishround_asking(store, user, lambda q: q.id == "q-cooling-off-length-1")

    def english_when_asked(position: int, question: Question) -> None:
        if position == target:
            assert "#### What is the shortest cooling-off period of long-term health insurance?" in [
                m.value.replace("\\", "") for m in at.markdown]
            assert sorted(at.radio(key=f"quiz-answer-{run['id']}-{position}").options) == [
                "10 days", "15 days", "20 days", "30 days"]

    answer_up_to(at, run, target, before=english_when_asked)
    assert not at.exception
    assert at.error[0].value == "Not quite. The right answer: 15 days"
    assert any("Health Insurance Measures art. 15 sets at least 15 days." in m.value.replace("\\", "")
               for m in at.markdown)
    assert not any("健康保险管理办法第十五条" in m.value for m in at.markdown)
    attempt = next(a for a in ProgressStore(store).attempts(user.id) if a.item_id == "q-cooling-off-length-1")
    assert not attempt.correct and attempt.answer_given in ("10天", "20天", "30天"), "marked and kept as in Chinese"


def give_english_to_the_claims_deadline_entry(content_dir: Path) -> None:
    """The fixture's claims-decision-deadline with an `en:` block stating its 30日 in English."""
    faq = content_dir / "faq" / "claims.yaml"
    faq.write_text(faq.read_text(encoding="utf-8").replace("    difficulty: 1\n", (
        "    difficulty: 1\n    en:\n"
        "      question: How soon will I hear about my claim?\n"
        "      answer: Once the claim and complete documents are in, the insurer must decide promptly; in a complex case "
        "it must decide within 30 days (unless the contract provides otherwise), and pay within 10 days of agreeing "
        "the payment.\n"), 1), encoding="utf-8")


def test_in_english_a_generated_fill_in_is_asked_in_english_and_takes_an_english_answer(
        app_env, store, english_outside_runs) -> None:
    """qa22 T1/T2: generated items came wholly in Chinese in an English round, and an English answer to a fill-in
    ("5 days") was wrong whatever it said. Now the fill-in is asked in the entry's English, "30 days" is right with
    the standard Chinese answer beside it, and a question with no English says it is in Chinese."""
    give_english_to_the_claims_deadline_entry(app_env.content_dir)
    at, run, target = englishround_asking(store, create_user(store, "agent-en3", "Cara"),
                                           lambda q: q.entry_id == "claims-decision-deadline" and q.answer == "30日")

    def said_in_english_or_noted(position: int, question: Question) -> None:
        assert not [c.value for c in at.caption if "This item is in Chinese" in c.value], question.id
        if position == target:
            headings = [m.value.replace("\\", "") for m in at.markdown if m.value.startswith("####")]
            assert headings == ["#### How soon will I hear about my claim?  \nOnce the claim and complete documents are in, "
                                "the insurer must decide promptly; in a complex case it must decide within ____ (unless "
                                "the contract provides otherwise), and pay within 10 days of agreeing the payment."]

    answer_up_to(at, run, target, last="thirty days", before=said_in_english_or_noted)
    assert not at.exception
    assert at.success[0].value == "Correct! (standard answer: 30日)"
    assert not any(q.in_chinese_only() for q in run["questions"]), "an English round asks English items (qa28 Q1)"


def test_an_answer_given_but_not_submitted_is_still_there_after_a_visit_to_another_page(app_env, store) -> None:
    """An agent who typed or picked an answer, looked something up in search and came back found it blank (qa12)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.session_state["user"] = create_user(store, "agent-qian", "钱多")
    at.run().switch_page("ui_pages/quiz.py").run()
    at.number_input(key="quiz_size").set_value(1)
    at.button(key="quiz_start").click().run()
    run = at.session_state["quiz_run"]
    question, key = run["questions"][0], f"quiz-answer-{run['id']}-0"
    response = wrong_response(question)
    give(at, question, key, response)
    at.run()
    at.switch_page("ui_pages/search.py").run()
    at.switch_page("ui_pages/quiz.py").run()
    assert not at.exception, at.exception
    if question.type == "fill_blank":
        assert at.text_input(key=key).value == response
    elif question.type == "multiple":
        assert [i for i in range(len(question.options)) if at.checkbox(key=f"{key}-{i}").value] == response
    else:
        assert at.radio(key=key).value == response


def test_the_summary_time_stops_when_the_round_ends(app_env, store) -> None:
    """qa14: an agent who came back to the summary a quarter of an hour later read "用时 16:41"
    for a round answered in 24 seconds: the time ran on until each redraw."""
    at, run = started_round(store, "agent-sun", "孙悦", 1)
    question = run["questions"][0]
    give(at, question, f"quiz-answer-{run['id']}-0", right_response(question))
    at.button(key="quiz_submit").click().run()
    at.button(key="quiz_next").click().run()
    assert {m.label: m.value for m in at.metric}["答题用时"].startswith("0:")

    ended = at.session_state["quiz_run"]
    for moment in ("started", "shown", "finished"):  # the summary is drawn again 15 minutes later
        if moment in ended:
            ended[moment] -= timedelta(minutes=15)
    at.run()
    assert not at.exception
    assert {m.label: m.value for m in at.metric}["答题用时"].startswith("0:"), "the round took seconds, not 15 minutes"


def test_a_resumed_rounds_time_leaves_the_break_out_and_is_the_time_my_progress_shows(app_env, store) -> None:
    """qa21 Q2: 林小雨 left a round half done and finished it later; the summary read 用时 25:13 (the clock from the
    round's start, the break in it) while 我的进度 added up a few minutes for the same round. Both now show the time
    spent answering, and the summary says the break is left out."""
    at, run = started_round(store, "agent-lin2", "林小雨", 2)
    user = at.session_state["user"]
    answer_right(at, run, 0)
    kept = unfinished_run(store, user.id)
    for moment in ("started", "shown"):  # she left 25 minutes ago, the second question on the screen
        kept[moment] -= timedelta(minutes=25)
    save_run(store, user.id, kept)

    back = AppTest.from_file(str(ROOT / "ui_pages/quiz.py"), default_timeout=TIMEOUT)
    back.session_state["user"] = user  # she comes back: a new browser session
    back.run()
    answer_right(back, kept, 1)
    assert not back.exception, back.exception
    shown = back.metric[2].value
    answering = ProgressStore(store).recent_sessions(user.id)[0].seconds  # what 我的进度 adds up for the round
    assert answering < 60 and shown == f"0:{round(answering):02d}", (shown, answering)
    assert any("不含离开的时间" in c.value for c in back.caption)


def test_a_fill_in_answer_typed_with_a_homophone_is_right_and_shows_how_it_is_written(app_env, store) -> None:
    # qa21: a week-2 agent typed 本人帐户 (her pinyin keyboard's first 帐) for 本人账户 and was told 回答错误.
    at, run = started_round(store, "agent-lin", "林小雨", 1)
    entry_id = run["questions"][0].entry_id
    run["questions"][0] = Question(id="q-own-account", type="fill_blank", prompt="保费须从投保人____支付。", options=(),
                                   answer="本人账户", explanation="……", entry_id=entry_id)
    at.session_state["quiz_run"] = run
    at.run()  # the round's first question, asked afresh as a fill-in
    give(at, run["questions"][0], f"quiz-answer-{run['id']}-0", "本人帐户")
    at.button(key="quiz_submit").click().run()
    assert not at.exception and not at.error
    assert "回答正确" in at.success[0].value and "标准写法：本人账户" in at.success[0].value


def test_a_wrong_pick_of_a_generated_choice_item_is_named_as_another_questions_answer(app_env, store) -> None:
    """qa26 Q1: a week-1 agent picked 受尊重权要求尊重消费者的人格尊严…, true, and the 解析 only repeated the right option.
    A generated item's distractor is another entry's answer: the feedback names the question it answers; a right pick
    is not told so."""
    user = create_user(store, "agent-pick", "小周")
    at, run, target = round_asking(store, user, lambda q: q.generated and q.type == "single")
    question = run["questions"][target]
    answer_up_to(at, run, target)  # the target wrongly: (answer + 1) % 4, a distractor
    other = load_content(app_env.content_dir).entries[question.option_entries[wrong_response(question)]]
    notes = [m.value.replace("\\", "") for m in at.markdown if "你选的选项是另一个问题的答案" in m.value]
    assert notes == [f"你选的选项是另一个问题的答案：「{other.question}」"], notes
    forget_run(store, user.id)
    at, run, target = round_asking(store, user, lambda q: q.generated and q.type == "single")
    answer_up_to(at, run, target, last=right_response(run["questions"][target]))
    assert not [m.value for m in at.markdown if "另一个问题的答案" in m.value]


def test_in_english_a_wrong_pick_is_named_by_the_other_entrys_english_question(app_env, store,
                                                                              english_outside_runs) -> None:
    entries = load_content(app_env.content_dir).entries
    at, run, target = assigned_english_round_asking(store, create_user(store, "agent-pick-en", "Amy"), lambda q: (
        q.generated and q.type == "single" and bool(entries[q.option_entries[wrong_response(q)]].en)))
    question = run["questions"][target]
    answer_up_to(at, run, target)
    other = entries[question.option_entries[wrong_response(question)]]
    notes = [m.value.replace("\\", "") for m in at.markdown if "answers another question" in m.value]
    assert notes == [f"The option you chose answers another question: “{other.en['question']}”"], notes


def test_an_english_round_leaves_chinese_only_items_out_and_says_so_before_it_starts(app_env, store,
                                                                                      english_outside_runs) -> None:
    """qa28 Q1: 小美's English round of 分红险 served two Chinese fill-ins under "This item is in Chinese: it has no
    English version yet". An English round asks the items with an English version, and says before it starts how
    many of the scope are left out."""
    give_english_to_the_cooling_off_item(app_env.content_dir)
    at = AppTest.from_file(str(ROOT / "ui_pages/quiz.py"), default_timeout=TIMEOUT)
    at.session_state["user"] = create_user(store, "agent-en-round", "Mei")
    at.session_state["lang"] = "en"
    at.run()
    bank = quiz_bank()  # the page's own, cached by the run
    chinese_only = sum(1 for q in bank.values() if q.in_chinese_only())
    assert 0 < chinese_only < len(bank), "the fixture has items with and without English"
    notes = [c.value for c in at.caption if "left out" in c.value]
    assert notes == [f"English rounds ask only questions with an English version: {chinese_only} questions of this "
                     "scope, in Chinese only, are left out (switch to 中文 to practise them)."], notes
    at.number_input(key="quiz_size").set_value(100)
    at.button(key="quiz_start").click().run()
    run = at.session_state["quiz_run"]
    assert [q.id for q in run["questions"]] == ["q-cooling-off-length-1"], "the one item with an English version"
    assert not [c.value for c in at.caption if "This item is in Chinese" in c.value]


def test_the_stars_above_a_question_say_they_are_its_difficulty(app_env, store) -> None:
    """qa28 Q2: Participating and universal life · ★★ above each question, the stars never explained."""
    at, run = started_round(store, "agent-stars", "Mei", 1)
    question = run["questions"][0]
    stars = "★" * question.difficulty
    level = {1: "基础", 2: "中级", 3: "高级"}[question.difficulty]
    assert [c.value for c in at.caption if stars in c.value][0].endswith(f" · 难度 {stars} {level}")
    at.session_state["lang"] = "en"
    at.run()
    shown = [c for c in at.caption if stars in c.value][0]
    assert shown.value.endswith(f" · Difficulty {stars} {dict(基础='basic', 中级='intermediate', 高级='expert')[level]}")
    assert "how hard the question is" in shown.proto.help
