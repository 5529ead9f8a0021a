"""使用指南 / Guide: where to start, for each kind of user (qa15 #11: a new team leader met 17 menu entries
and no word on what they are for or what to do first).

Three audiences: an agent on a live call, a trainee in daily training, an instructor (and, for the
administrator, the accounts). Each says what its pages are for and the first three things to do.
Page names come from the page registry (ui/pages.py), so a renamed page cannot leave the guide behind.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from ui.copy_text import COPY_LABEL
from ui.i18n import tr
from ui.pages import PAGES, PageSpec
from ui.session import ADMIN, AGENT, INSTRUCTOR

Words = tuple[str, str]  # (Chinese, English)


@dataclass(frozen=True)
class Audience:
    title: Words
    roles: tuple[str, ...]  # who reads this part
    pages: tuple[tuple[str, Words], ...]  # (page file, what it is for)
    first_steps: tuple[Words, Words, Words]


LIVE_CALL = Audience(
    ("通话中查答案", "On a live call"), (AGENT, INSTRUCTOR, ADMIN),
    (("ui_pages/search.py", ("按客户的原话搜答案、可照着说的话术（一键复制）和依据的条款；没有可靠答案时会直说。"
                          "客户引用法律法规时，打开“只搜法规原文”，输入法规名和条号（如“保险法第十五条”）直接读条文原文。"
                          "刚才搜过的问题在“最近搜索”里，点一下再搜；浏览器的后退回到上一个搜索。",
                          "Search in the customer's own words: the answer, the words to say (one click to copy) and "
                          "the rule behind it; it says so plainly when there is no reliable answer. When a customer "
                          "quotes the law, turn on “Regulations only” and type the law's Chinese name and the article's "
                          "number, as the sources under an answer write them, to read the article itself. Your last "
                          "questions are under “Recent searches”, one click to search again; the browser's Back returns "
                          "to the previous search.")),),
    (("把客户的原话打进搜索框（如“宽限期多久”“不是本人签字怎么办”），按回车。",
      "Type what the customer said into the search box (e.g. how long is the grace period) and press Enter."),
     (f"先看第一条答案和“话术（可复制）”（手机等窄屏上话术在答案上面），点“{COPY_LABEL[0]}”后照着说；依据写在答案下面。",
      f"Read the first answer and the words to say (above the answer on a phone or narrow window); copy them with "
      f"“{COPY_LABEL[1]}”. The rule it comes from is under the answer."),
     ("显示“没有可靠的答案”时不要猜：请示组长或转二线。答案不对就点 :material/thumb_down: 或“报告答案有误”，培训师会处理。",
      "On “No reliable answer”, do not guess: ask a supervisor or transfer. If an answer is wrong, press :material/thumb_down: or "
      "“Report a wrong answer”: the instructors see it.")),
)

TRAINEE = Audience(
    ("每日训练", "Daily training"), (AGENT, INSTRUCTOR, ADMIN),
    (("ui_pages/quiz.py", ("知识库出的题，答完马上看解析；答错的题会按记忆规律再出现。",
                        "Questions from the knowledge base, explained as soon as you answer; the ones you miss come "
                        "back when you are about to forget them.")),
     ("ui_pages/practice.py", ("和模拟的客户（着急的、生气的、亲属代签的……）通话，结束后看评分和您自己的原话哪里可以改。",
                            "Calls with simulated customers (worried, angry, a relative who signed…); afterwards, a "
                            "score with your own words and what to say instead.")),
     ("ui_pages/progress.py", ("今天的目标、培训师布置的作业、训练日历、各分类掌握度和每一通模拟通话的报告。",
                            "Today's goal, your assignments, the training calendar, mastery per category and the "
                            "report of every practice call.")),
     ("ui_pages/account.py", ("修改密码。", "Change your password."))),
    (("打开“我的进度”，看今天的目标：到期的复习和当天的模拟通话；有作业的先做作业。",
      "Open My progress for today's goal: the reviews due and the day's practice call. Assignments come first."),
     ("做“今日训练”：每题提交后看解析，不会的题可以在知识搜索中打开。",
      "Do Today's training: read the explanation after each answer; open a question in Search to read more."),
     ("做一通“模拟通话”：选一个情景，像真实通话一样逐句回复，结束后读通话报告里的“下次应这样做”。",
      "Make a practice call: pick a scenario, reply line by line as on a real call, then read what to do next time "
      "in the call report.")),
)

INSTRUCTOR_WORK = Audience(
    ("培训师", "Instructors"), (INSTRUCTOR, ADMIN),
    (("ui_pages/team.py", ("班组 × 分类掌握度、情景得分、每周趋势、最弱的题和情景、谁还没训练；每张图都有表格和导出。",
                        "Mastery by agent and category, scenario scores, weekly trends, the weakest questions and "
                        "scenarios, who has not trained; every chart with its table and export.")),
     ("ui_pages/assignments.py", ("给班组布置情景（训练模式或考试模式）或测验（某一分类的若干题），并定截止日期。",
                               "Assign a team a scenario (in training or exam mode) or a quiz (a number of questions "
                               "of one category), with a due date.")),
     ("ui_pages/agent.py", ("打开一位坐席，读他的通话并写评语。", "Open one agent, read their calls and comment on them.")),
     ("ui_pages/search_feedback.py", ("坐席搜不到或点了 :material/thumb_down: 的问题，按意思分组；一键加为某条目的相似问法。",
                                   "What agents could not find or marked :material/thumb_down:, grouped by meaning; one click adds a "
                                   "wording to the right entry.")),
     ("ui_pages/editor.py", ("修改知识库条目和测验题（先检查，再保存并发布，可撤销）。",
                          "Edit FAQ entries and quiz items (checked before saving; every save can be undone).")),
     ("ui_pages/hit_test.py", ("改内容前后，检查坐席的问法能否找到正确的条目。",
                            "Before and after an edit, check that agents' wordings find the right entry.")),
     ("ui_pages/scenario_editor.py", ("编辑模拟通话的情景，保存前先试运行。", "Edit practice-call scenarios, with a dry run before saving.")),
     ("ui_pages/judge_review.py", ("坐席在模拟通话中标记为“判断有误”的评判：接受并写入语料、只为这次通话接受，或维持原判。",
                                "Practice-call findings trainees marked as judged wrong: accept them into the corpus, "
                                "accept them for that call only, or keep the judgement.")),
     ("ui_pages/citations.py", ("按法规条款查哪些条目、测验题和情景以它为依据。",
                             "Per regulation article, the entries, quiz items and scenarios that rest on it.")),
     ("ui_pages/history.py", ("谁在什么时候改了什么，以及恢复到以前的版本。", "Who changed what and when, and restoring an earlier version.")),
     ("ui_pages/content_io.py", ("把条目和测验题导出为 Excel/CSV 给外部审核，改好后先试运行再导入。",
                              "Export entries and quiz items to Excel/CSV for review; import them back after a dry run."))),
    (("打开“团队概览”，选您的班组和时间段：看谁还没训练，哪些题和情景最弱。",
      "Open Team overview, pick your team and period: who has not trained, which questions and scenarios are weakest."),
     ("在“作业布置”里把最弱的情景或分类（测验）布置给班组（或只给需要的几位坐席），并定截止日期。",
      "In Assignments, give the team (or just the agents who need it) the weakest scenario, or a quiz of the weakest "
      "category, with a due date."),
     ("看“搜索反馈”：坐席搜不到的问法一键加到正确的条目；改内容前后用“命中测试”检查。",
      "Read Search feedback: add the wordings agents could not find to the right entry; check with the Hit test "
      "before and after an edit.")),
)

ADMINISTRATION = Audience(
    ("管理员", "Administrators"), (ADMIN,),
    (("ui_pages/admin.py", ("添加坐席和培训师、导入花名册、重置密码、停用账户。",
                         "Add agents and instructors, import a roster, reset passwords, disable accounts.")),
     ("ui_pages/api_tokens.py", ("给其他系统调用搜索接口的令牌。", "Tokens for other systems to call the search API."))),
    (("在“用户管理”里添加培训师和坐席（或导入花名册），设好班组。",
      "On Users, add the instructors and agents (or import a roster) and set their teams."),
     ("把临时密码交给本人：首次登录时必须改成自己的密码。",
      "Give each person their temporary password: they must choose their own at the first sign-in."),
     ("请培训师先读本页“培训师”部分。", "Ask the instructors to read the Instructors part of this page.")),
)

AUDIENCES = (LIVE_CALL, TRAINEE, INSTRUCTOR_WORK, ADMINISTRATION)


def audiences_for(role: str) -> list[Audience]:
    """The parts a user of `role` reads, the work of their own role first (an instructor also trains)."""
    mine = [a for a in AUDIENCES if role in a.roles]
    return sorted(mine, key=lambda a: -len(a.roles) if role == AGENT else len(a.roles))


def _spec(path: str) -> PageSpec:
    return next(spec for spec in PAGES if spec.path == path)


def show_guide(role: str) -> None:
    """Each part for `role`: its first three steps, then what each of its pages is for, each page a link."""
    for audience in audiences_for(role):
        st.subheader(tr(*audience.title))
        st.markdown(tr("**先做这三件事：**", "**Start with these three:**"))
        st.markdown("\n".join(f"{number}. {tr(*step)}" for number, step in enumerate(audience.first_steps, start=1)))
        for path, purpose in audience.pages:
            spec = _spec(path)
            link, words = st.columns([1, 3])
            link.page_link(path, label=tr(spec.title_zh, spec.title_en), icon=spec.icon)
            words.caption(tr(*purpose))


def guide_link() -> None:
    """The home page's link to this guide, for the user who does not know where to start.

    A page run on its own (a test, `streamlit run ui_pages/search.py`) has no menu to link into: no link then."""
    try:
        # short: a phone's width (390 px) cut the longer label off mid-word
        st.page_link("ui_pages/guide.py", label=tr("第一次使用？看使用指南", "New here? Read the guide"),
                     icon=":material/menu_book:")
    except StreamlitPageNotFoundError:
        pass
