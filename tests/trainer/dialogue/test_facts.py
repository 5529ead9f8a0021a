from trainer.dialogue.facts import FactChecker
from trainer.dialogue.scenario import CaseFact


def checker(real_facts, known: str = "") -> FactChecker:
    ids = ["cooling-off-length", "cooling-off-refund-amount", "cooling-off-refund-timing", "lapse-grace-period-length"]
    facts = [CaseFact(("犹豫期",), ("15日",), "cooling-off-length"),
             CaseFact(("退回", "到账"), ("30日",), "cooling-off-refund-timing")]
    return FactChecker(facts, {i: real_facts.entry(i) for i in ids}, known)


def verdicts(fact_checker: FactChecker, text: str) -> list[tuple[str, bool]]:
    return [(str(c.quantity), c.ok) for c in fact_checker.check(text)]


def test_the_case_figure_is_right_in_any_spelling(real_facts):
    assert verdicts(checker(real_facts), "您的犹豫期是十五天。") == [("15日", True)]


def test_a_contradicting_figure_is_wrong_with_the_right_one_named(real_facts):
    claims = checker(real_facts).check("犹豫期是10天。")
    assert [(str(c.quantity), c.ok, c.expected, c.entry) for c in claims] == [("10日", False, "15日", "cooling-off-length")]


def test_the_nearest_topic_decides_which_fact_a_figure_belongs_to(real_facts):
    assert verdicts(checker(real_facts), "犹豫期内撤单，我们一般在30日内把款项退回。") == [("30日", True)]


def test_figures_from_the_faq_entries_are_right(real_facts):
    assert verdicts(checker(real_facts), "宽限期一般为60日，只扣不超过10元的工本费。") == [("60日", True), ("10元", True)]


def test_a_figure_contradicting_an_entry_on_its_topic_is_wrong(real_facts):
    assert verdicts(checker(real_facts), "续期保费有45日的宽限期。") == [("45日", False)]


def test_the_customers_own_figures_are_not_judged(real_facts):
    fact_checker = checker(real_facts, known="我是8天前签收的，年交8800元")
    assert verdicts(fact_checker, "您8天前签收的，保费8800元。") == []


def test_what_is_left_of_a_period_for_this_customer_is_not_judged(real_facts):
    """judge38c: a tune-set good call's 还有差不多40天 was judged wrong against the 60-day grace period."""
    fact_checker = checker(real_facts)
    assert verdicts(fact_checker, "宽限期是60天，您现在还有差不多40天。") == [("60日", True)]
    assert verdicts(fact_checker, "宽限期是40天。") == [("40日", False)]


def stroke_checker(real_facts) -> FactChecker:
    facts = [CaseFact(("确诊", "评估", "满", "脑中风"), ("180日",), "ci-stroke-180-days"),
             CaseFact(("诉讼时效",), ("2年",), "claims-limitation-period")]
    ids = ["ci-stroke-180-days", "claims-limitation-period"]
    return FactChecker(facts, {i: real_facts.entry(i) for i in ids})


def test_a_period_said_in_another_unit_is_judged_against_the_rule(real_facts):
    """judge39c: a tune-set bad call's 确诊满一年 (the rule: 180 days after diagnosis) was credited as an explanation."""
    claims = stroke_checker(real_facts).check("严重脑中风后遗症要等确诊满一年以后再评估。")
    assert [(c.quantity.text, c.ok, c.expected) for c in claims] == [("一年", False, "180日")]
    assert verdicts(stroke_checker(real_facts), "要等确诊满6个月以后再评估。") == [("6个月", True)]


def test_a_period_of_something_else_is_not_judged_against_the_rule(real_facts):
    assert verdicts(stroke_checker(real_facts), "您这张保单已经满3年了。") == []
    assert verdicts(stroke_checker(real_facts), "诉讼时效是两年。") == [("2年", True)]


def test_a_figure_told_with_its_own_subject_is_that_subjects_not_the_nearest_case_facts(real_scenarios, real_facts):
    """calls44: ci-claim-declined's tune calls (cw3-d, cw3-h) told the severe-AMI standard as its script does, and CK-MB's
    2倍 was judged against 肌钙蛋白's 15倍 in the clause before (数据错误 in a good call); a figure said of 肌钙蛋白 itself,
    or of no subject, is still judged against 15倍."""
    from trainer.dialogue import DialogueSession

    facts = DialogueSession(real_scenarios["ci-claim-declined"], real_facts, seed=0).facts
    for text, expected in [
        ("比如肌钙蛋白升到正常上限15倍以上，心肌酶CK-MB升到正常上限2倍以上。", [("15倍", True), ("2倍", True)]),
        ("得满足至少一条：比如肌钙蛋白升到正常上限的15倍以上，或者心肌酶CK-MB到正常上限的2倍以上。",
         [("15倍", True), ("2倍", True)]),
        ("肌钙蛋白升到正常上限2倍以上就算较重。", [("2倍", False)]),  # guard: 肌钙蛋白's own clause
        ("比如肌钙蛋白升到正常上限15倍以上，或者升到2倍以上。", [("15倍", True), ("2倍", False)]),  # guard: no subject of its own
        ("比如肌钙蛋白升到正常上限15倍以上，心肌酶CK-MB升到正常上限5倍以上。", [("15倍", True), ("5倍", False)]),
    ]:
        assert [(str(c.quantity), c.ok) for c in facts.check(text)] == expected, text


def _stroke_checker(real_facts, real_scenarios, foreign: bool = True) -> FactChecker:
    """stroke-claim-early's fact checker, with the glossary terms its entries do not speak of (or without them)."""
    from trainer.dialogue.facts import ForeignTerms

    scenario = real_scenarios["stroke-claim-early"]
    entries = {i: real_facts.entry(i) for i in scenario.entry_ids()}
    content = real_facts.content
    terms = ForeignTerms(content.glossary, content.entries.values(), entries) if foreign else None
    return FactChecker(scenario.case_facts, entries, foreign_terms=terms)


# the kidney-failure term's plain words (term_wording: its own entry's script), said in the stroke call
_KIDNEY_WORDS = "严重慢性肾衰竭需要达到慢性肾脏病5期，并且确诊后已经规律透析至少90天，也就是每周做血液透析或者每天做腹膜透析。"


def test_a_term_of_another_calls_subject_is_judged_by_its_own_entry(real_facts, real_scenarios):
    """judge54b: in stroke-claim-early the kidney term's 90天 was 事实错误 "应为180日" by the stroke case fact's 确诊; its own
    entry states 90 days of dialysis."""
    assert [(c.ok, c.entry) for c in _stroke_checker(real_facts, real_scenarios, foreign=False).check(_KIDNEY_WORDS)] \
        == [(False, "ci-stroke-180-days")]  # what it was
    assert [(str(c.quantity), c.ok, c.entry) for c in _stroke_checker(real_facts, real_scenarios).check(_KIDNEY_WORDS)] \
        == [("90日", True, "ci-kidney-failure")]


def test_the_calls_own_rule_after_a_foreign_term_is_still_judged_by_the_case_fact(real_facts, real_scenarios):
    """A figure said of the call's subject stays the case fact's: after the call's own term (脑中风), or before the foreign one."""
    checker_ = _stroke_checker(real_facts, real_scenarios)
    assert [(c.ok, c.expected) for c in checker_.check("肾衰竭要看透析，严重脑中风后遗症是确诊90天就评估。")] \
        == [(False, "180日")]
    assert [(c.ok, c.expected) for c in checker_.check("严重脑中风后遗症要确诊90天后评估，跟肾衰竭一样。")] == [(False, "180日")]
