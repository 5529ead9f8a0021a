"""The report's better wording for a fault is the model line that shows what the reply lacked,
not the model call's line at the same turn number (cue rules only: no encoder needed)."""

from __future__ import annotations

from tests.trainer.dialogue.conftest import play
from trainer.dialogue import DialogueSession


def faults(scenario, real_facts, replies):
    report, _ = play(DialogueSession(scenario, real_facts, seed=0), replies)
    return {f.rubric: f for f in report.findings if not f.ok}


def test_blame_is_answered_with_the_model_line_that_shows_empathy(real_scenarios, real_facts):
    scenario = real_scenarios["ci-claim-declined"]
    blame = faults(scenario, real_facts, ["张先生您好。", "都是您自己没看清条款。"])["blame"]
    assert blame.turn_index == 2 and blame.model_answer != scenario.model_answers[1]  # not the 2nd line's figures
    # the model sentence that soothes, not its whole answer (whose identity request is no remedy for blame; judge27)
    assert blame.model_answer == "张先生您好，非常理解您的心情，生病住院本来就辛苦，又收到这样的通知，换作是我也会着急。"
    assert blame.model_answer in scenario.model_answers[0]


def test_blame_is_not_taught_with_a_line_about_another_point_of_the_call(real_scenarios, real_facts):
    """judge27 (the lead's notes, stop 32): blaming the angry customer of permanent-lapse was taught with the model
    answer that apologises, "非常抱歉，合同解除以后就不能再复效了。如果您还需要保障，可以重新投保…" — a line about buying
    a new policy. Its empathy words do no point of the call's content, so they open the better wording; what follows is
    the model answer of the turn the blame was said at (qa27 J3), not of another."""
    scenario = real_scenarios["permanent-lapse-angry"]
    blame = faults(scenario, real_facts, ["郑先生您好，请您说一下身份证后四位。",
                                          "保费是您自己没按时交的。"])["blame"]
    assert "重新投保" not in blame.model_answer and "不能再复效" not in blame.model_answer, blame.model_answer
    assert blame.model_answer.startswith("非常理解您的心情") and "身份" not in blame.model_answer
    assert "公司有权解除合同" in blame.model_answer  # the rule, said as the model's turn 2 says it


def test_every_scenario_teaches_a_fault_of_tone_by_soothing_first_then_the_point_it_is_at(real_scenarios, real_facts):
    """Whatever the turn: the better wording opens with soothing words of the model call that name none of the call's
    points (no greeting past the first answer), and says after them only what the model answer at that turn says
    (qa27 J3; or nothing, where the model call never soothes)."""
    from trainer.dialogue.detectors import Detectors
    from trainer.dialogue.remedies import ModelLines, topic_cues
    from trainer.dialogue.segments import sentence_segments

    detectors = Detectors(real_facts.content.forbidden_phrases)
    for scenario in real_scenarios.values():
        cues = topic_cues(scenario)
        lines = ModelLines(scenario.model_answers, detectors, cues)
        for rubric in ("blame", "rude"):
            for turn in range(1, len(scenario.model_answers) + 1):
                better = lines.for_fault(rubric, turn)
                if not better:
                    continue
                opening, *rest = [s.text for s in sentence_segments(better)]
                assert {e.behaviour for e in detectors.positives(opening)} & {"empathy", "apology"}, (scenario.id, better)
                assert turn == 1 or "您好" not in opening, (scenario.id, turn, better)
                assert all(said in scenario.model_answers[turn - 1] for said in rest), (scenario.id, turn, better)


def test_reading_out_personal_data_is_answered_with_the_line_that_asks_the_customer(real_scenarios, real_facts):
    scenario = real_scenarios["callback-cooperative"]
    leak = faults(scenario, real_facts, ["您好，我是95519客服中心的回访专员。", "好的。", "您的身份证后四位是2046吧？"])["personal_data"]
    assert leak.turn_index == 3 and leak.model_answer != scenario.model_answers[2]
    assert "麻烦您说一下身份证后四位" in leak.model_answer


def test_a_reply_without_substance_gets_what_to_say_at_that_point(real_scenarios, real_facts):
    scenario = real_scenarios["callback-cooperative"]
    # a vague first reply (saying who calls is none on a callback since judge31)
    vague = faults(scenario, real_facts, ["这个嘛，看情况吧。"])["vague"]
    assert vague.model_answer == scenario.model_answers[0]


def test_no_unrelated_suggestion_when_no_model_line_shows_the_remedy(real_scenarios, real_facts):
    scenario = real_scenarios["callback-cooperative"]  # its model call never needs to apologise
    blame = faults(scenario, real_facts, ["李女士您好，我是95519客服中心的回访专员，请问是您本人吗？",
                                          "都是你自己没看清楚，怪不得别人。"])["blame"]
    assert blame.model_answer == ""


def test_the_better_wording_for_an_unanswered_question_holds_no_blank_to_fill_in(real_scenarios, real_facts):
    """polish26's cooling-off call: 未回应问题 on 钱多久能到账？ offered the refund-timing script, "…我现在帮您查一下处理进度……
    目前的状态是X。…", a live agent's template, as the words to say (hint and lesson). Its sentences with a blank are left out."""
    scenario = real_scenarios["cooling-off-cancel"]
    report, _ = play(DialogueSession(scenario, real_facts, seed=0),
                     ["麻烦您先说一下投保人姓名和身份证后四位，我核对一下身份。",
                      "您是8天前签收的，还在犹豫期内，犹豫期是15天，现在申请来得及。",
                      "犹豫期内退保，退还您交的全部保费，只扣不超过10元的工本费。",
                      "您可以在官方App上提交解除合同申请，也可以带身份证件和银行账户信息去柜面办理。",
                      "我们公司服务一直很好。"])
    ignored = [f for f in report.findings if f.rubric == "ignored_question" and "钱多久能到账" in f.advice]
    assert ignored and all("目前的状态是X" not in f.model_answer for f in ignored), report.findings
    from kb.placeholders import placeholders

    assert all(f.model_answer and not placeholders(f.model_answer) for f in ignored), report.findings
    assert "银行入账可能还需要一点时间" in ignored[0].model_answer  # the script's other sentences are kept


def test_every_entry_a_scenario_names_has_words_to_say_without_a_blank(real_scenarios, real_facts):
    """A wrong figure or an unanswered question of any entry a scenario names is taught with that entry's script
    (`entry_wording`): never a sentence with a blank (目前的状态是X, 大约是X元), and never nothing."""
    from kb.placeholders import placeholders
    from kb.placeholders import entry_wording

    named = {e for s in real_scenarios.values() for e in s.entry_ids()}
    wordings = {e: entry_wording(real_facts.entry(e)) for e in named}
    assert all(w and not placeholders(w) for w in wordings.values()), {e: w for e, w in wordings.items() if not w or placeholders(w)}
    assert "目前的状态是X" in real_facts.entry("cooling-off-refund-timing").script  # the search page's script keeps its blank


def test_a_wrong_deadline_is_taught_with_the_sentence_that_says_the_rule(real_scenarios, real_facts):
    """polish28: on lapse-reinstatement, "1年内" for the time to reinstate was taught with "复效需要补交欠交的保费等…" —
    the script's one sentence with the 2 years also held its date's blank (…2年内，也就是X年X月X日前…) and was left out
    whole. The trainee is shown the rule, without the blank."""
    scenario = real_scenarios["lapse-reinstatement"]
    wrong = faults(scenario, real_facts, ["黄女士您好，我是安泰人寿客服专员，工号6018，麻烦您说一下身份证后四位。",
                                          "您的保单从效力中止之日起1年内可以申请复效。"])["wrong_fact"]
    assert "应为2年" in wrong.advice
    assert "从中止那天起2年内，您都可以申请复效。" in wrong.model_answer, wrong.model_answer
    from kb.placeholders import placeholders

    assert not placeholders(wrong.model_answer)


def test_every_figure_a_named_entry_says_is_in_its_better_wording(real_scenarios, real_facts):
    """The same loss anywhere: a figure a scenario's entry states in its script (2年, 60日, 10元…) is in the words the
    practice call offers for that entry, not lost with a blank that shared its sentence."""
    from kb.chinese_text import quantities
    from kb.placeholders import entry_wording

    named = {e for s in real_scenarios.values() for e in s.entry_ids()}
    lost = {}
    for entry_id in sorted(named):
        entry = real_facts.entry(entry_id)
        source = entry.script or entry.answer
        said = {q.key for q in quantities(entry_wording(entry))}
        if missing := [q.text for q in quantities(source) if q.key not in said]:
            lost[entry_id] = missing
    assert not lost, lost
