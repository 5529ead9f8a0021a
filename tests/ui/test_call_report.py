"""The call report's sections drawn from a small report (AppTest of one function)."""

from __future__ import annotations

from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df
from streamlit.testing.v1 import AppTest


def _strengths(quotes: int) -> AppTest:
    def draw(count: int) -> None:
        from types import SimpleNamespace as Item

        from ui.call_report import show_strengths
        # the report is duck-typed here: show_strengths reads only its findings
        findings = [Item(rubric="checkpoint", ok=True, turn_index=n, quote=f"第{n}句") for n in range(1, count + 1)]
        show_strengths(Item(findings=findings))

    return AppTest.from_function(draw, kwargs={"count": quotes}, default_timeout=120).run()


def _header(findings: list[tuple[str, bool]], subscores: dict[str, int], language: str = "zh") -> AppTest:
    def draw(found: list, scores: dict, lang: str) -> None:
        import streamlit as st

        from trainer.dialogue.scoring import Finding, total
        from ui.call_report import show_cap
        from ui.i18n import LANG_KEY
        st.session_state[LANG_KEY] = lang
        findings = [Finding(1, rubric, ok, "原话", "") for rubric, ok in found]
        show_cap(total(scores, findings), scores, [f.rubric for f in findings if not f.ok])

    return AppTest.from_function(draw, kwargs={"found": findings, "scores": subscores, "lang": language},
                                 default_timeout=120).run()


def test_a_score_capped_by_a_red_line_says_so_and_what_the_sub_scores_come_to():
    """qa24: 小吴's claim call read 总分 50 beside 合规 60, 准确 75, 共情与服务 85, 要点完成 100, 通话结果 100 (82 by
    their weights); nothing said that an absolute promise caps the total at 50."""
    scores = {"compliance": 60, "accuracy": 75, "empathy_service": 85, "checkpoints": 100, "outcome": 100}
    at = _header([("absolute_promise", False), ("empathy", True)], scores)
    assert not at.exception, at.exception
    assert [c.value for c in at.caption] == ["总分最高 50 分：这通电话有红线行为（绝对化承诺）。各项按权重合计为 82 分。"]
    english = _header([("absolute_promise", False)], scores, "en")
    assert "capped at 50" in english.caption[0].value and "(Absolute promise)" in english.caption[0].value
    assert not _header([("rude", False)], scores).caption  # a fault that is no red line caps nothing
    low = {"compliance": 20, "accuracy": 0, "empathy_service": 0, "checkpoints": 0, "outcome": 0}
    assert not _header([("absolute_promise", False)], low).caption  # under the cap already: nothing to explain


def test_a_strength_with_more_examples_than_quoted_says_there_are_more():
    """QA 2026-12-05 (qa16): "完成要点 ×7" stood beside three quotes, as if those were all."""
    at = _strengths(7)
    assert not at.exception, at.exception
    line = next(m.value for m in at.markdown if "×7" in m.value)
    assert line.endswith("等") and line.count("“") == 3
    assert not next(m.value for m in _strengths(3).markdown if "×3" in m.value).endswith("等")



def _drawn(part: str, report) -> AppTest:
    def draw(part: str, report) -> None:
        from ui import call_report
        if part == "turns":
            call_report.show_turns(report)
        else:
            call_report.show_mood(report, "report")

    return AppTest.from_function(draw, kwargs={"part": part, "report": report}, default_timeout=120).run()


def _call():
    """A call of three replies: the customer's question answered by the model call's last answer, then her reaction to
    the trainee's blaming, which the model call never heard (qa23 T4, T6)."""
    from trainer.dialogue.scoring import Finding, Report, Utterance

    lines = [("customer", "喂？又是催交保费的吧？", 55, 0), ("agent", "您好，请问是陈强本人吗？", 55, 1),
             ("customer", "我要是凑到钱了，能转给我那个业务员让他帮我交吗？", 40, 1),
             ("agent", "不可以，请通过官方App交费。交不上保费，那是你自己没规划好。", 40, 2),
             ("customer", "我失业了又不是我想的！", 60, 2), ("agent", "非常理解您，您可以先想一想再打客服电话。", 60, 3)]
    findings = [Finding(1, "empathy", True, "您好，", ""), Finding(2, "blame", False, "那是你自己没规划好。", ""),
                Finding(2, "answer", True, "不可以，", ""), Finding(3, "next_step", True, "您可以先想一想再打客服电话。", "")]
    return Report(60, {}, "closed_open", findings, ["示范一", "示范二：减额交清", "示范三：业务员不能代收保费"],
                  [Utterance(*line) for line in lines], [55, 40, 60, 48], mood_moves=[
                      (("empathy", -12),), (("blame", 30), ("answer", -6)), (("next_step", -8), ("empathy", -6))],
                  model_turns=[1, 3, 2], reacting_to=[(), (), ("blame",)])


def test_each_turn_is_beside_the_model_answer_to_the_customers_line_or_says_it_has_none():
    """qa23 T4: a line the customer said in reaction to the trainee's fault had a model answer to another line beside it."""
    at = _drawn("turns", _call())
    assert not at.exception, at.exception
    turn = {n: next(m.value for m in at.markdown if m.value.startswith(f"**第{n}轮**")) for n in (1, 2, 3)}
    assert "业务员" in turn[2] and "参考说法（示范通话第3轮）：示范三：业务员不能代收保费" in turn[2], turn[2]
    assert "我失业了又不是我想的！" in turn[3] and "示范通话里没有这句：客户是对您第2轮的“推诿指责”作出的反应" in turn[3]
    assert "示范二" not in turn[3] and "示范三" not in turn[3], turn[3]


def test_the_mood_chart_labels_a_turn_with_its_own_findings_and_says_where_the_rest_were_credited():
    """qa23 T6: the chart named 共情 at a turn whose findings had none (credited once, at turn 1). qa25 J8: the note
    saying so was cut off with the label (*Answered the question-3, Clarifying qu…*), so a point's label names the turn's
    own findings only; the tooltip names every cause, with the note."""
    at = _drawn("mood", _call())
    assert not at.exception, at.exception
    [chart] = at.get("vega_lite_chart")
    frame = convert_arrow_bytes_to_pandas_df(chart.proto.datasets[0].data.data)
    labels, causes = list(frame["原因"]), list(frame["全部原因"])
    assert labels[2] == causes[2] == "推诿指责+30、回答客户问题-6", "a turn's own findings: no note"
    assert labels[3] == "给出下一步-8", labels
    assert causes[3] == "给出下一步-8、共情安抚-6（第1轮已计）", causes


def _lessons(findings: list[tuple[str, bool]], subscores: dict[str, int], language: str = "zh") -> AppTest:
    def draw(found: list, scores: dict, lang: str) -> None:
        from types import SimpleNamespace as Item

        import streamlit as st

        from trainer.dialogue.scoring import Finding, Report
        from ui.call_report import show_lessons
        from ui.i18n import LANG_KEY
        st.session_state[LANG_KEY] = lang
        findings = [Finding(1, rubric, ok, "原话", "") for rubric, ok in found]
        show_lessons(Report(93, scores, "resolved", findings, []), Item(checkpoints=()))

    return AppTest.from_function(draw, kwargs={"found": findings, "scores": subscores, "lang": language},
                                 default_timeout=120).run()


def test_a_call_without_faults_whose_service_score_is_short_says_what_was_not_shown():
    """qa26 R1: 小周's callback read 共情与服务 65 and “这通电话没有需要改进的地方。” — the 35 points were the empathy
    she never showed, and nothing said so."""
    scores = {"compliance": 100, "accuracy": 100, "empathy_service": 65, "checkpoints": 100, "outcome": 100}
    shown = [("apology", True), ("closing", True), ("next_step", True), ("explanation", True)]
    at = _lessons(shown, scores)
    assert not at.exception, at.exception
    assert not at.success, "no “nothing to do differently” beside a service score of 65"
    assert "共情与服务 65 分" in at.info[0].value
    [line] = [m.value for m in at.markdown if "共情安抚" in m.value]
    assert "35 分" in line and "理解您的心情" in line
    english = _lessons(shown, scores, "en")
    assert "Empathy" in english.markdown[-1].value and "35 points" in english.markdown[-1].value
    full = _lessons(shown + [("empathy", True)], dict(scores, empathy_service=100))
    assert [s.value for s in full.success] == ["这通电话没有需要改进的地方。"]


def test_a_call_with_a_lesson_still_says_which_service_parts_were_never_shown():
    """qa27: 阿杰's reinstatement call read 共情与服务 55 over one lesson (服务忌语 “可别磨叽了”); the 45 points were a
    next step and an apology or clarifying question he never gave, and nothing on the report said so."""
    scores = {"compliance": 60, "accuracy": 100, "empathy_service": 55, "checkpoints": 100, "outcome": 100}
    shown = [("rude", False), ("empathy", True), ("closing", True), ("explanation", True)]
    at = _lessons(shown, scores)
    assert not at.exception, at.exception
    text = [m.value for m in at.markdown]
    assert any("服务忌语" in line for line in text), "the lesson is still there"
    assert any("共情与服务 55 分" in line for line in text), text
    [step] = [line for line in text if "给出下一步" in line]
    assert "25 分" in step and "去哪里办" in step
    assert any("致歉" in line and "20 分" in line for line in text)
    english = [m.value for m in _lessons(shown, scores, "en").markdown]
    assert any("is 55" in line for line in english) and any("Next step" in line and "25 points" in line
                                                           for line in english), english


def test_you_for_you_polite_is_one_service_norm_line_in_both_languages():
    """qa26 J2 (the lead's call): 小周's 你 for 您 is a note under 下次这样做, quoting her, not a lesson."""
    def draw(lang: str) -> None:
        from types import SimpleNamespace as Item

        import streamlit as st

        from trainer.dialogue.scoring import Finding, Report, Utterance
        from ui.call_report import show_lessons
        from ui.i18n import LANG_KEY
        st.session_state[LANG_KEY] = lang
        said = [Utterance("customer", "喂？", 60, 0), Utterance("agent", "嗯…可以的，你现在应该还在犹豫期里…您稍等", 55, 1),
                Utterance("agent", "还有其他我能帮你的吗？", 50, 2)]
        scores = {"compliance": 100, "accuracy": 100, "empathy_service": 100, "checkpoints": 100, "outcome": 100}
        shown = [Finding(1, rubric, True, "您稍等", "") for rubric in ("empathy", "apology", "closing", "next_step", "explanation")]
        show_lessons(Report(100, scores, "resolved", shown, [], said), Item(checkpoints=()))

    chinese = AppTest.from_function(draw, kwargs={"lang": "zh"}, default_timeout=120).run()
    assert not chinese.exception, chinese.exception
    [note] = [c.value for c in chinese.caption if "服务规范" in c.value]
    assert "不计分" in note and "你现在应该还在犹豫期里" in note and "还有其他我能帮你的吗" in note
    assert [s.value for s in chinese.success] == ["这通电话没有需要改进的地方。"], "a note, not a lesson"
    english = AppTest.from_function(draw, kwargs={"lang": "en"}, default_timeout=120).run()
    [note] = [c.value for c in english.caption if "Service norm" in c.value]
    assert "not scored" in note and "你现在应该还在犹豫期里" in note
