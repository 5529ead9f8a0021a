from trainer.dialogue.deferrals import defers, only_defers


def test_a_clause_that_leaves_it_to_the_contract_or_the_check_defers():
    for clause in ("因为理赔和退保金额都要按合同和核实结果来定。", "以合同条款为准", "具体看合同怎么定", "要看核实结果",
                   "退多少按合同约定，"):
        assert defers(clause), clause


def test_a_clause_that_says_what_is_paid_or_a_figure_does_not_defer():
    for clause in ("按合同约定退还保单的现金价值", "由专门人员核实处理。", "以15日为准", "我帮您查看合同条款"):
        assert not defers(clause), clause


def test_a_sentence_only_defers_when_nothing_outside_its_deferral_states_the_point():
    def states(words: str) -> bool:
        return "现金价值" in words or "退保金额" in words

    assert only_defers("我无法当场答应，因为理赔和退保金额都要按合同和核实结果来定。", states)
    assert not only_defers("退还的是保单的现金价值，具体以合同条款为准。", states)
    assert not only_defers("退还的是保单的现金价值。", states)


def test_the_model_calls_decline_does_not_answer_how_much_nor_meet_the_cash_value_step(judge, real_scenarios, real_facts):
    """judge54b: media-threat's model line 2 (…因为理赔和退保金额都要按合同和核实结果来定。) was taken by meaning as answering
    那我现在要是退保，到底能退多少？ and as meeting 讲清正常退保退还的是现金价值: she then skipped her how-much question, and
    the model's line 3 (the cash value) drew 未回应问题. Now line 3 tells the cash value and answers her."""
    from tests.trainer.dialogue.conftest import assert_quotes_verbatim, play
    from trainer.dialogue import DialogueSession

    scenario = real_scenarios["media-threat-unreasonable-demand"]
    session = DialogueSession(scenario, real_facts, judge=judge, seed=1)
    report, _ = play(session, list(scenario.model_answers))
    assert_quotes_verbatim(report)
    assert session.state.done["cash-value"] == 3
    second = [f for f in report.findings if f.turn_index == 2 and f.ok]
    assert not any("到底能退多少" in str(f.advice) for f in second), second
    assert not [f for f in report.findings if not f.ok], [f for f in report.findings if not f.ok]

