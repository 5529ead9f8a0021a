"""Quiz generation and make_quiz, on the fixture content and on the real content pack."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from kb import Entry, KnowledgeBase, load_content
from tests.conftest import REAL_CONTENT
from trainer.quiz.question import TRUE_FALSE_OPTIONS, Question, from_quiz_item, normalize_answer
from trainer.quiz.bank import make_quiz, question_bank
from kb.chinese_text import quantities
from trainer.quiz.facts import asks, opening, option_text, short_form, statement_problem, swappable_facts, wrong_terms
from trainer.quiz.blanks import same_blank
from trainer.quiz.generation import (BLANK, CHOICE_OPTIONS, ECHOES_QUESTION, Gist, choice_question, fill_questions,
                                     gives_itself_away, numbered_fill_facts, pick_distractors, true_false_questions)
from trainer.quiz.option_tells import english_gives_itself_away
from trainer.quiz.subjects import quoted_terms, says_of
from trainer.quiz.titles import document_names, inside_title


def assert_well_formed(question: Question) -> None:
    """Declared options, all distinct, exactly one right answer (or the declared set)."""
    assert question.prompt.strip() and question.explanation.strip() and question.entry_id, question.id
    if question.type == "fill_blank":
        assert question.options == () and str(question.answer).strip(), question.id
        assert question.is_correct(str(question.answer)), question.id
        return
    texts = [normalize_answer(o) for o in question.options]
    assert len(set(texts)) == len(texts) and all(texts), f"{question.id}: repeated or empty options {question.options}"
    right = [i for i in range(len(question.options)) if question.is_correct(i)]
    if question.type == "multiple":
        assert question.is_correct(list(question.answer)) and len(question.answer) >= 1, question.id
        assert all(0 <= i < len(question.options) for i in question.answer), question.id
    else:
        assert right == [question.answer], f"{question.id}: right options {right}"
    if question.type == "true_false":
        assert question.options == TRUE_FALSE_OPTIONS


def fact_values(text: str) -> Counter:
    return Counter(q.key for q in quantities(text) if q.in_digits)


def check_generated(kb: KnowledgeBase, bank: dict[str, Question]) -> None:
    for question in bank.values():
        assert_well_formed(question)
        if not question.generated:
            continue
        entry = kb.entry(question.entry_id)
        kind, entry_id = question.id.split(":")[:2]
        assert entry_id == entry.id
        if kind == "gen-choice":
            assert question.options[question.answer] == option_text(short_form(entry.answer, asks(entry.question)))
            right = normalize_answer(question.options[question.answer])
            for i, option in enumerate(question.options):
                if i != question.answer:
                    assert normalize_answer(option) != right and option not in entry.answer, (question.id, option)
            assert not gives_itself_away(Gist.of(entry), question.options[1:]), question.id
            assert all(option_text(o) == o for o in question.options), question.id
        elif kind == "gen-fill":
            assert question.prompt.count(BLANK) == 1
            assert question.prompt.split("\n")[-1].replace(BLANK, str(question.answer)).rstrip("。") in entry.answer
        elif kind == "gen-tf":
            assert statement_problem(question.prompt) is None, (question.id, question.prompt)
            statement = question.prompt.rstrip("。")
            said = statement in entry.answer
            if question.answer == 0:
                assert said, question.id
            else:
                # Changed: not in the answer, and the changed value is one the answer never states.
                assert not said, question.id
                new_values = fact_values(statement) - fact_values(entry.answer)
                swapped_term = not new_values
                assert new_values or swapped_term, question.id
                for value in new_values:
                    assert value not in fact_values(entry.answer), question.id


def test_the_fixture_bank_has_every_kind_of_question_and_all_are_well_formed(kb: KnowledgeBase) -> None:
    bank = question_bank(kb)
    kinds = Counter(q.id.split(":")[0] if q.generated else "hand" for q in bank.values())
    assert kinds["hand"] == 2 and kinds["gen-choice"] >= 5 and kinds["gen-fill"] >= 5 and kinds["gen-tf"] >= 5
    check_generated(kb, bank)


def test_generated_ids_are_stable_across_runs(kb: KnowledgeBase) -> None:
    assert list(question_bank(kb)) == list(question_bank(kb))
    assert "gen-choice:cooling-off-length" in question_bank(kb)
    assert "gen-fill:lapse-grace-period:0" in question_bank(kb)


def test_a_fill_blank_on_a_number_accepts_the_usual_spellings(kb: KnowledgeBase) -> None:
    question = question_bank(kb)["gen-fill:lapse-grace-period:0"]
    assert question.answer == "60日" and "____宽限期" in question.prompt
    for typed in ("60日", "60天", " 60 ", "六十天"):
        assert question.is_correct(typed), typed
    for typed in ("30日", "", "6"):
        assert not question.is_correct(typed), typed


def test_a_changed_number_true_false_item_is_false(kb: KnowledgeBase) -> None:
    question = question_bank(kb)["gen-tf:lapse-reinstatement:0"]
    assert question.answer == TRUE_FALSE_OPTIONS.index("错误")
    assert "效力中止后2年内" not in question.prompt and "效力中止后" in question.prompt
    assert "2年" in question.explanation


def test_same_seed_same_quiz_and_other_seeds_differ(kb: KnowledgeBase) -> None:
    first = make_quiz(kb, n=8, seed=42)
    assert first == make_quiz(kb, n=8, seed=42)
    assert any(make_quiz(kb, n=8, seed=s) != first for s in range(1, 4))


def test_make_quiz_respects_size_category_and_spreads_over_entries(kb: KnowledgeBase) -> None:
    quiz = make_quiz(kb, n=7, seed=1)
    assert len(quiz) == 7 and len({q.id for q in quiz}) == 7
    assert len({q.entry_id for q in quiz}) == 7  # seven entries: one question each before any repeats
    lapse = make_quiz(kb, n=50, category="lapse", seed=1)
    assert lapse and {q.category for q in lapse} == {"lapse"}
    assert len(lapse) == len(question_bank(kb, "lapse"))
    assert make_quiz(kb, n=0) == []


def test_the_right_option_lands_in_every_position(kb: KnowledgeBase) -> None:
    positions = Counter(q.answer for seed in range(30) for q in make_quiz(kb, n=5, seed=seed)
                        if q.type == "single")
    assert set(positions) == set(range(CHOICE_OPTIONS))


def _entry(entry_id: str, question: str, answer: str) -> Entry:
    return Entry(id=entry_id, category="x", question=question, answer=answer)


def test_distractors_skip_the_right_answer_near_duplicates_and_facts_the_answer_states() -> None:
    right = _entry("a", "宽限期有多长？", "分期交费的保单自应交日次日起有60日宽限期。")
    candidates = [
        _entry("same-answer", "交费宽限是几天？", "分期交费的保单自应交日次日起有60日宽限期。"),
        _entry("near-copy", "宽限期几天算？", "分期交费的保单自应交日次日起有60日的宽限期。"),
        _entry("stated-inside", "什么叫分期交费？", "分期交费的保单。"),
        _entry("same-question", "宽限期有多长呢？", "这是另一种说法的答案，内容不同。"),
        _entry("good-1", "犹豫期有多长？", "犹豫期一般为15日，自签收保单次日起算。"),
        _entry("good-2", "复效期限多久？", "效力中止后2年内可以申请复效。"),
        _entry("copy-of-good-1", "犹豫期算几天？", "犹豫期一般为15日，自签收保单次日起算！"),
        _entry("good-3", "诉讼时效多久？", "人寿保险5年，其他保险2年。"),
    ]
    chosen = pick_distractors(Gist.of(right), [Gist.of(c) for c in candidates])
    assert chosen == ["犹豫期一般为15日，自签收保单次日起算", "效力中止后2年内可以申请复效", "人寿保险5年，其他保险2年"]


def test_short_forms() -> None:
    answer = "以合同条款为准，一般为60日：分期交费的保单适用。法律依据是第三十六条（保险法）。"
    assert short_form(answer) == "以合同条款为准，一般为60日：分期交费的保单适用"
    assert short_form("可以。投保后发现漏告知的，应尽快补充告知（保险法第十六条）。") == "可以。投保后发现漏告知的，应尽快补充告知"
    long = "甲" * 50 + "，" + "乙" * 50
    assert short_form(long) == "甲" * 50 + "……"


def test_every_real_quiz_item_yields_a_well_formed_question() -> None:
    items = list(load_content(REAL_CONTENT).quiz_items.values())
    assert len(items) >= 100
    for item in items:
        assert_well_formed(from_quiz_item(item))


def test_the_real_bank_is_well_formed_and_covers_every_category(real_kb: KnowledgeBase) -> None:
    bank = question_bank(real_kb)
    check_generated(real_kb, bank)
    generated_entries = {q.entry_id for q in bank.values() if q.generated}
    assert len(generated_entries) >= 0.9 * len(real_kb.entries())
    assert {q.category for q in bank.values()} == {e.category for e in real_kb.entries()}
    choice_share = sum(q.id.startswith("gen-choice:") for q in bank.values()) / len(real_kb.entries())
    assert choice_share >= 0.8


def test_an_explanation_cites_an_industry_practice_as_what_it_is_not_as_a_title(real_kb: KnowledgeBase) -> None:
    """qa15: the quiz's explanations still read "依据：《合同条款惯例》", a regulation that does not exist,
    after qa14 had fixed the search page; they now cite the practice as the search page does."""
    bank = question_bank(real_kb)
    explanations = [q.explanation for q in bank.values() if q.generated]
    assert not any("《合同条款惯例》" in e or "《呼叫中心服务规范惯例》" in e for e in explanations)
    practice = real_kb.content.source_docs["合同条款惯例"].full_title
    assert any(f"依据：{practice}" in e for e in explanations), practice


@pytest.mark.parametrize("fragment", [
    "所以投保初期账户价值、退保金可能低于现金价值。",  # the one a new user met (#16)
    "因此现行处理时限按10日、复杂可延至30日。",
    "但合同另有约定的除外。",
    "其中长期健康保险的犹豫期不少于15日。",
    "两者都是投保人解除合同，区别在于退多少钱。",
    "可以，但有条件：情况复杂的可由15日延长至30日。",
    "不能。受益人故意造成被保险人死亡的，丧失受益权。",
    "①肌钙蛋白至少一次≥正常参考值上限5倍。",
    "（二）通过其他渠道销售投资连结保险。",
    "以合同条款为准，常见两种：①保单贷款；②减额交清。",
    "1年从“合同成立之日”起算，不是从出险之日起算。",
    "满2年后自杀的，按合同约定承担责任。",
    "情形复杂的，应在30日内作出核定。",
    "应使用客户能听懂的话，必要时先说专业名词再解释。",
    "犹豫期内撤单（以合同条款为准，一般扣除工本费。",
])
def test_fragments_are_not_statements(fragment: str) -> None:
    assert statement_problem(fragment) is not None


@pytest.mark.parametrize("statement", [
    "犹豫期内投保人申请解除合同的，保险公司退还已交的全部保险费。",
    "保险公司核定不属于保险责任的，应当自作出核定之日起3日内发出拒绝给付保险金通知书。",
    "自合同效力中止之日起2年内，投保人可以申请恢复合同效力。",
    "2020版规范下，TNMⅠ期或更轻的甲状腺癌不属于“恶性肿瘤——重度”。",
])
def test_whole_sentences_are_statements(statement: str) -> None:
    assert statement_problem(statement) is None


def test_options_lose_openings_that_only_some_answers_have() -> None:
    assert option_text("能。保险法第十五条规定，除法律另有规定外，投保人可以解除合同") == "除法律另有规定外，投保人可以解除合同"
    assert option_text("以合同条款为准，一般为60日") == "一般为60日"
    assert option_text("不保证。红利取决于实际经营成果") == "红利取决于实际经营成果"
    assert option_text("不能。") == "不能。"
    assert opening("犹豫期内投保人申请解除合同的，退还保费") == "犹豫期内投保人申"


def test_a_right_option_that_alone_repeats_the_question_is_not_asked() -> None:
    right = Gist.of(_entry("a", "严重慢性肾衰竭的理赔标准是什么？", "严重慢性肾衰竭指双肾功能慢性不可逆性衰竭，达到慢性肾脏病5期。"))
    others = [Gist.of(_entry(f"o{i}", q, a)) for i, (q, a) in enumerate([
        ("器官移植怎么赔？", "重大器官移植术指已实施肾脏、肝脏的异体移植手术。"),
        ("心脏瓣膜手术怎么赔？", "心脏瓣膜手术须已实施切开心脏进行的瓣膜置换。"),
        ("等待期多久？", "等待期最长不超过180天，以合同条款为准。"),
    ])]
    assert gives_itself_away(right, [o.option for o in others])
    assert choice_question(right, others) is None


def test_the_whole_real_bank_has_whole_statements_and_options_that_do_not_give_themselves_away(
        real_kb: KnowledgeBase) -> None:
    bank = [q for q in question_bank(real_kb).values() if q.generated]
    statements = [q for q in bank if q.type == "true_false"]
    assert len(statements) >= 100
    assert [(q.id, q.prompt) for q in statements if statement_problem(q.prompt)] == []
    choices = [q for q in bank if q.type == "single"]
    gists = {e.id: Gist.of(e) for e in real_kb.entries()}
    assert [q.id for q in choices if gives_itself_away(gists[q.entry_id], q.options[1:])] == []
    assert [(q.id, o) for q in choices for o in q.options if option_text(o) != o] == []


def test_what_to_remember_is_always_a_true_statement(kb: KnowledgeBase) -> None:
    # The summary's "come back tomorrow" list once showed false true/false statements as facts.
    entries = {entry.id: entry for entry in kb.entries()}
    questions = list(question_bank(kb).values())
    false_ones = [q for q in questions if q.type == "true_false" and q.answer == 1 and q.generated]
    assert false_ones
    for question in false_ones:
        takeaway = question.takeaway()
        assert takeaway != question.prompt and takeaway.rstrip("。；") in entries[question.entry_id].answer, question.id
    for question in questions:
        assert BLANK not in question.takeaway(), question.id
        if question.type == "true_false" and question.answer == 0:
            assert question.takeaway() == question.prompt.strip().splitlines()[-1]


def test_a_hand_written_false_statement_is_remembered_by_its_explanation() -> None:
    question = Question(id="q1", type="true_false", prompt="犹豫期为10日。", options=TRUE_FALSE_OPTIONS, answer=1,
                        explanation="错误：犹豫期一般为15日。\n以合同为准。", entry_id="e")
    assert question.takeaway() == "错误：犹豫期一般为15日。"


def test_a_term_is_not_swapped_for_one_the_sentence_already_says_in_other_words() -> None:
    # qa21: 退保能退多少钱？ became 「…退还保单的已交保费（保险法第四十七条），不是已交的保费。」 — a statement that
    # contradicts itself, since the answer says 已交的保费 (with 的), which the partner check read as another term.
    answer = "犹豫期过后退保，保险公司按合同约定退还保单的现金价值（保险法第四十七条），不是已交的保费。"
    entry = Entry(id="surrender-refund-amount", question="退保能退多少钱？", variants=("退保退多少",), answer=answer,
                  script="", category="surrender", keywords=(), sources=(), tags=(), difficulty=1)
    for question in true_false_questions(entry):
        assert "已交保费" not in question.prompt, question.prompt
    fact = next(f for f in swappable_facts(answer) if f.text == "犹豫期")
    assert wrong_terms(fact, answer) == ["宽限期"]  # the guard: a partner the answer does not say is still swapped in


# ---------------------------------------------------------------------------- qa22 T3, T2

_BRACKETS = (("（", "）"), ("(", ")"), ("《", "》"), ("“", "”"), ("【", "】"))


def test_no_generated_question_opens_a_bracket_it_never_closes(real_kb: KnowledgeBase) -> None:
    """qa22 T3: the fill-in from excl-explain-standard ended 「…明确说明义务（司法解释二第十一条第二款。」, the
    sentence cut at the ； between two sources; eight more were cut so on the real content."""
    bank = question_bank(real_kb)
    for question in bank.values():
        if question.generated:
            for text in (question.prompt, question.explanation, question.correct_statement):
                assert all(text.count(a) == text.count(b) for a, b in _BRACKETS), (question.id, text)
    cut = bank["gen-fill:excl-explain-standard:0"]
    assert cut.answer == "常人能够理解" and cut.prompt.endswith("（司法解释二第十一条第二款；保险销售行为管理办法第二十六条）。")


def test_a_sentence_that_keeps_both_its_sources_keeps_its_questions_and_their_ids(real_kb: KnowledgeBase) -> None:
    """Ids are positions (gen-fill:<entry>:<n>) and spaced repetition stores them: a sentence no longer cut at its
    sources' ； grows past SENTENCE_MAX, and norms-agent-departure's 30日 — the entry's point — would drop out and
    gen-fill:norms-agent-departure:0 would name another question, carrying a trainee's reviews with it."""
    bank = question_bank(real_kb)
    assert bank["gen-fill:norms-agent-departure:0"].answer == "30日"
    assert bank["gen-fill:norms-agent-departure:1"].answer == "业务员离职"


def test_generated_questions_are_in_english_where_the_entry_states_the_fact_in_english(real_kb: KnowledgeBase) -> None:
    """qa22 T2: generated questions were wholly Chinese in an English round, though their entries have English."""
    bank = [q for q in question_bank(real_kb).values() if q.generated]
    english = [q for q in bank if not q.in_chinese_only()]
    with_english = [q for q in bank if real_kb.entry(q.entry_id).en]
    assert len(english) >= 0.5 * len(with_english), (len(english), len(with_english))
    for question in english:
        entry_english = real_kb.entry(question.entry_id).en["answer"]
        shown = question.in_english()
        assert not any("\u4e00" <= c <= "\u9fff" for c in shown.prompt.splitlines()[-1][:1]), question.id
        if question.type == "fill_blank":
            line = shown.prompt.splitlines()[-1]
            assert line.count(BLANK) == 1 and line.replace(BLANK, shown.english_answer()) in entry_english, question.id
            assert shown.is_correct(shown.english_answer()) and shown.is_correct(str(question.answer)), question.id
        elif question.type == "true_false":
            assert (shown.prompt in entry_english) == (question.answer == 0), question.id
            assert shown.correct_statement in entry_english, question.id
        else:
            assert len(shown.options) == len(question.options), question.id
            # the English says it (its sentences joined as one; a two-part question's option without its asides)
            right, said = shown.options[shown.answer].rstrip("…"), " ".join(entry_english.split())
            assert right in said or (asks(question.prompt) > 1 and right in re.sub(r"\s*\([^()]*\)", "", said)), (
                question.id)
    english_fill = next(q for q in english if q.id == "gen-fill:svc-policyholder-change:0").in_english()
    assert english_fill.is_correct("2 working days") and english_fill.is_correct("two business days")
    assert not english_fill.is_correct("2 days") and not english_fill.is_correct("5 working days")


# ---------------------------------------------------------------------------- quiz48: titles, blanks asked twice, English tells


def test_no_generated_item_blanks_or_changes_a_word_of_a_cited_title(real_kb: KnowledgeBase) -> None:
    """qa22's note: gen-fill:norms-call-recording:0 asked for 可回溯 in 保险销售行为____管理暂行办法 — a regulation's
    name, not a rule; norms-consumer-eight-rights blanked 消费者权益保护 in 《银行保险机构消费者权益保护管理办法》."""
    bank = question_bank(real_kb)
    titles = document_names(real_kb.content)
    for question in bank.values():
        if question.generated and question.type == "fill_blank":
            line = question.prompt.splitlines()[-1]
            start = line.index(BLANK)
            sentence = line.replace(BLANK, str(question.answer))
            assert not inside_title(sentence, start, start + len(str(question.answer)), titles), (question.id, line)
    assert "gen-fill:norms-call-recording:0" not in bank  # the entry has no other number or key term to ask
    # Another fact is asked instead, under a number no fill-in had: reviews of :0 do not land on it.
    assert "gen-fill:norms-consumer-eight-rights:0" not in bank
    assert bank["gen-fill:norms-consumer-eight-rights:2"].answer == "知情权"


def test_a_title_is_found_by_its_full_name_a_shortened_name_or_its_brackets(real_kb: KnowledgeBase) -> None:
    titles = document_names(real_kb.content)
    sentence = "须全程录音（保险销售行为管理办法第三十一条；可回溯管理暂行办法第五条；《某某规则》第二条），不得外泄。"
    for word in ("可回溯", "销售行为", "某某"):
        at = sentence.index(word)
        assert inside_title(sentence, at, at + len(word), titles), word
    for word in ("全程录音", "外泄"):
        at = sentence.index(word)
        assert not inside_title(sentence, at, at + len(word), titles), word


def test_an_entry_never_asks_the_same_blank_twice() -> None:
    """svc-orphan-policy's 30日 is both its key number and a keyword: :0 and :1 were one question asked twice."""
    answer = "公司应在离职手续办理完成后30日内通知投保人离职信息和获得后续服务的途径（保险销售行为管理办法第三十六条）。"
    entry = Entry(id="e", category="x", question="业务员离职了怎么办？", answer=answer, keywords=("30日", "后续服务"))
    asked = {q.id: q.answer for q in fill_questions(entry)}
    # 30日 once, under its number; the spare key term takes a number no fill-in had, so :1's reviews stay unused.
    assert asked == {"gen-fill:e:0": "30日", "gen-fill:e:2": "后续服务"}
    assert not same_blank(*(f for _, f in numbered_fill_facts(entry)))


def test_the_real_bank_asks_no_blank_twice_and_keeps_every_other_id_on_its_question(real_kb: KnowledgeBase) -> None:
    bank = question_bank(real_kb)
    fills: dict[str, list[Question]] = {}
    for question in bank.values():
        if question.generated and question.type == "fill_blank":
            fills.setdefault(question.entry_id, []).append(question)
    for entry_id, questions in fills.items():  # one answer in two sentences is two facts (claims-30-day-clock)
        asked = [(str(q.answer), q.prompt.replace(BLANK, str(q.answer))) for q in questions]
        assert len(set(asked)) == len(asked), (entry_id, asked)
    assert bank["gen-fill:svc-orphan-policy:0"].answer == "30日" and "gen-fill:svc-orphan-policy:1" not in bank
    assert bank["gen-fill:svc-orphan-policy:2"].answer == "后续服务"


def _english_entry(entry_id: str, question: str, answer: str, en_question: str, en_answer: str) -> Entry:
    return Entry(id=entry_id, category="x", question=question, answer=answer,
                 en={"question": en_question, "answer": en_answer})


def test_english_options_where_only_the_right_one_repeats_the_question_are_not_asked_in_english() -> None:
    """On the English UI the right option alone opened with the question's words ("What counts as an accident?" —
    "An accident is …"): a trainee picks it without knowing the rule. The item is asked in Chinese there."""
    right = _english_entry("a", "意外怎么认定？", "外来、突发、非本意、非疾病的客观事件才算意外。",
                           "What counts as an accident?", "An accident counts only when it is external, sudden and unintended.")
    others = [_english_entry(f"o{i}", q, a, eq, ea) for i, (q, a, eq, ea) in enumerate([
        ("等待期多久？", "等待期最长不超过180天，以合同条款为准。", "How long is the waiting period?",
         "The waiting period is at most 180 days."),
        ("犹豫期多久？", "犹豫期一般为15日，自签收保单次日起算。", "How long is the cooling-off period?",
         "The cooling-off period is usually 15 days from receipt."),
        ("复效期限多久？", "效力中止后2年内可以申请复效。", "How long can a lapsed policy be reinstated?",
         "Reinstatement may be applied for within 2 years of the lapse."),
    ])]
    question = choice_question(Gist.of(right), [Gist.of(o) for o in others])
    assert question is not None and question.options[0].startswith("外来")  # the Chinese options give nothing away
    assert question.in_chinese_only() and question.en_options == ()
    assert english_gives_itself_away("What counts as an accident?", (
        "An accident counts only when it is external", "The waiting period is at most 180 days",
        "The cooling-off period is usually 15 days", "Reinstatement may be applied for within 2 years"), ECHOES_QUESTION)


def test_no_real_english_choice_item_is_given_away_by_its_opening(real_kb: KnowledgeBase) -> None:
    english = [q for q in question_bank(real_kb).values() if q.generated and q.type == "single" and q.en_options]
    assert len(english) >= 250
    assert [q.id for q in english if english_gives_itself_away(q.en_prompt, q.en_options, ECHOES_QUESTION)] == []


def test_a_key_term_the_sentence_reads_on_from_is_blanked_as_the_word_the_sentence_holds() -> None:
    """qa24 T3: 合理简化回访要求 is 简化 + 回访要求; blanked whole it read 合理____要求, and 简化 was marked wrong."""
    answer = "保险销售行为管理办法第三十五条第三款规定，对销售行为已实施可回溯管理且有关信息已经确认的，可以根据监管规定合理简化回访要求。"
    entry = Entry(id="e", category="x", question="已经双录过了，回访可以简化吗？", answer=answer, keywords=("简化回访",))
    (question,) = fill_questions(entry)
    assert question.id == "gen-fill:e:0" and question.answer == "简化"
    assert question.prompt.endswith(f"合理{BLANK}回访要求。")
    # A term the sentence ends on, or one the question does not say word for word, is blanked whole.
    held = Entry(id="f", category="x", question="回访可以简化吗？", answer="已实施可回溯管理的双录件，可以按公司规定简化回访。", keywords=("简化回访",))
    assert [q.answer for q in fill_questions(held)] == ["简化回访"]


def test_the_real_bank_blanks_simplified_callbacks_verb_alone(real_kb: KnowledgeBase) -> None:
    question = question_bank(real_kb)["gen-fill:callback-simplified:0"]
    assert question.answer == "简化" and f"合理{BLANK}回访要求" in question.prompt
    assert question.is_correct("简化") and question.is_correct("减化")  # her homophone slip, as 现今价值 is


LOAN = ("保单贷款是合同约定的权利，以合同条款为准：一般最高借款金额不超过保单当时现金价值扣除各项欠款（欠交保费、未还借款本息等）"
        "后余额的80%（部分老产品为70%），每次借款期限一般不超过6个月，最低借款金额和借款利率由公司规定。")


def test_an_option_for_a_question_asking_two_things_drops_its_asides_before_a_clause() -> None:
    """qa24 T4: 最多能借多少？能借多久？ — cut at a clause break, the option stopped before 6个月, the half that
    answers 能借多久; an answer to a question asking one thing is cut as before."""
    both = short_form(LOAN, asks=2)
    assert "80%" in both and "每次借款期限一般不超过6个月" in both and "（" not in both and len(both) <= 82
    assert short_form(LOAN) == short_form(LOAN, asks=1) and "6个月" not in short_form(LOAN)


def test_the_real_policy_loan_item_answers_how_long_in_its_option_and_its_explanation(real_kb: KnowledgeBase) -> None:
    question = question_bank(real_kb)["gen-choice:svc-policy-loan"]
    right = question.options[question.answer]
    assert "80%" in right and "6个月" in right
    assert "每次借款期限一般不超过6个月" in question.explanation


# ---------------------------------------------------------------------------- quiz50: a verdict answering another question

CLAIM_DURING = _entry("claim-during", "犹豫期内出险了，保险公司赔吗？",
                      "犹豫期不是不保期。合同成立时生效，保险公司按约定的时间开始承担保险责任。")
FAIR = [_entry("good-1", "犹豫期有多长？", "犹豫期一般为15日，自签收保单次日起算。"),
        _entry("good-2", "复效期限多久？", "效力中止后2年内可以申请复效。"),
        _entry("good-3", "诉讼时效多久？", "人寿保险5年，其他保险2年。")]


def test_a_yes_no_question_never_offers_an_option_whose_opening_verdict_answers_it() -> None:
    """quiz49's reviewer: 能按合同承担保险责任。…宽限期… offered for 犹豫期内出险了，保险公司赔吗？ opens with that question's
    conclusion, whatever its own topic. Beside a yes-no question an option opening with a verdict too short to name
    its topic is not offered, unless it says the opposite of the right option's verdict (then it is wrong)."""
    grace = _entry("grace", "宽限期内出险了能赔吗？", "能按合同承担保险责任。保险法第三十六条规定宽限期内出险按约定给付。")
    chosen = pick_distractors(Gist.of(CLAIM_DURING), [Gist.of(e) for e in (grace, *FAIR)])
    assert all(not o.startswith("能按合同") for o in chosen) and len(chosen) == 3
    said_yes = _entry("yes", "犹豫期内出险赔不赔？", "能。合同成立即生效，按约定承担保险责任。")
    refused = _entry("refuse", "保险公司能不能拒绝我退保？", "不能无故拒绝。投保人可以解除合同，保险人不得解除合同。")
    assert pick_distractors(Gist.of(said_yes), [Gist.of(e) for e in (grace, refused, *FAIR)])[:2] == [
        "不能无故拒绝。投保人可以解除合同，保险人不得解除合同", "犹豫期一般为15日，自签收保单次日起算"]
    how = _entry("how", "犹豫期内怎么申请撤单？", "投保人在犹豫期截止日前提出书面解除申请。")
    assert pick_distractors(Gist.of(how), [Gist.of(e) for e in (grace, *FAIR)])[0].startswith("能按合同")


def test_no_real_yes_no_item_offers_an_option_whose_opening_verdict_answers_it(real_kb: KnowledgeBase) -> None:
    """On main 42 real items did: 可以如实说明通话有录音 beside 已经双录过了，回访可以简化吗？, 能。/ 不能。 openings."""
    bank = question_bank(real_kb)
    assert "可以如实说明通话有录音" not in bank["gen-choice:callback-simplified"].options
    gists = {g.option: g for g in (Gist.of(e) for e in real_kb.entries())}
    offered = []
    for question in bank.values():
        if question.id.startswith("gen-choice:"):
            right = Gist.of(real_kb.entry(question.entry_id))
            offered += [(question.id, o) for o in question.options[1:] if right.yes_no
                        and gists[o].verdict and right.verdict in ("", gists[o].verdict)]
    assert offered == []


# ---------------------------------------------------------------------------- quiz51: a right option answering its question

def _right_options(bank: dict[str, Question], entry_id: str) -> tuple[str, str]:
    question = bank[f"gen-choice:{entry_id}"]
    return question.options[question.answer], question.en_options[question.answer]


def test_the_real_right_options_answer_what_their_question_asks(real_kb: KnowledgeBase) -> None:
    """qa25 Q2: 客户在“免责条款已说明”的声明上签了字…怎么认定？ was answered 保险公司对已履行明确说明义务负举证责任 (the
    burden of proof) while the signed statement (司法解释二第十三条第二款) was the answer's second sentence; quiz50's
    reviewer: uw-declined's right option explained 拒保 but not 保费能退吗, surrender-rider-only's was the general
    surrender rule, nothing of 附加险. The short form is the first sentence: each answer now opens with what it is asked."""
    bank = question_bank(real_kb)
    zh, en = _right_options(bank, "excl-signed-confirmation")
    assert "签字" in zh and "应认定保险公司已履行明确说明义务" in zh and "除外" in zh and "举证责任" not in zh
    assert "signing" in en and "deemed to have fulfilled" in en and "unless other evidence" in en
    zh, en = _right_options(bank, "uw-declined")  # 被拒保了怎么办？保费能退吗？ — both halves
    assert "预交的保险费应退还" in zh and "申请说明" in zh
    assert "refunded" in en and "ask why" in en
    zh, en = _right_options(bank, "surrender-rider-only")
    assert zh.startswith("附加险能否单独解除") and "以主险和附加险的合同条款和公司规定为准" in zh
    assert en.startswith("Whether a rider can be rescinded on its own") and en.endswith("prevail")


def test_a_right_option_cut_before_the_list_its_question_asks_for_is_not_asked() -> None:
    """qa26 Q1: 金融消费者有哪八项基本权利？ was answered …诚信对待消费者……, cut before the eight; a week-1 agent picked a
    true option about one of them. A question asking which things make up a list is not asked with an option that names
    none; the same option cut inside its list, or a question asking something else, is."""
    lead = ("《银行保险机构消费者权益保护管理办法》（2023年3月1日起施行）要求银行保险机构承担保护消费者合法权益的主体责任，"
            "在业务经营全过程公平、公正和诚信对待消费者")
    listed = "，并保障消费者八项基本权利：知情权、自主选择权、公平交易权、财产安全权、依法求偿权、受教育权、受尊重权、信息安全权。"
    others = [Gist.of(_entry(f"o{i}", q, a)) for i, (q, a) in enumerate([
        ("投诉多久答复？", "保险公司应自收到投诉之日起15日内作出处理决定。"),
        ("可以拒绝登记投诉吗？", "不能拒绝登记，也不能劝客户不要投诉。"),
        ("什么是消费投诉？", "消费投诉是指消费者与保险公司产生纠纷并主张民事权益的行为。"),
    ])]
    cut = Gist.of(_entry("a", "金融消费者有哪八项基本权利？", lead + listed))
    assert cut.option.endswith("诚信对待消费者……")
    assert choice_question(cut, others) is None
    other_question = Gist.of(_entry("b", "消保办法对银行保险机构有什么要求？", lead + listed))
    assert choice_question(other_question, others) is not None
    answers = Gist.of(_entry("c", "金融消费者有哪八项基本权利？",
                             "依《某某管理办法》，金融消费者享有八项基本权利：知情权、自主选择权、公平交易权、财产安全权、"
                             "依法求偿权、受教育权、受尊重权、信息安全权。"))
    assert choice_question(answers, others) is not None


def test_no_distractor_is_about_a_name_the_right_answer_lists_or_cut_mid_list() -> None:
    """qa26 Q1: 受尊重权要求尊重消费者的人格尊严… is one of the eight rights the question asks for — true of its subject,
    no distractor. qa26 Q3: 看保单怎么写：①只写身份关系…即事故时的配偶…… was offered cut inside its list."""
    right = Gist.of(_entry("a", "金融消费者有哪八项基本权利？",
                           "依《某某管理办法》，金融消费者享有八项基本权利：知情权、自主选择权、公平交易权、财产安全权、"
                           "依法求偿权、受教育权、受尊重权、信息安全权。"))
    respect = _entry("respect", "老年客户听不清怎么办？", "受尊重权要求尊重消费者的人格尊严和民族风俗习惯，不得因年龄等进行歧视性差别对待。")
    mid_list = _entry("mid-list", "受益人写的是配偶，离婚后还是受益人吗？",
                      "看保单怎么写（司法解释三第九条第二款）：①只写身份关系（如“配偶”）的：投保人与被保险人是同一人时，"
                      "按保险事故发生时的身份关系确定，即事故时的配偶；不是同一人时，按合同成立时的身份关系确定。")
    fair = [_entry("f1", "投诉多久答复？", "保险公司应自收到投诉之日起15日内作出处理决定。"),
            _entry("f2", "可以拒绝登记投诉吗？", "不能拒绝登记，也不能劝客户不要投诉。"),
            _entry("f3", "什么是消费投诉？", "消费投诉是指消费者与保险公司产生纠纷并主张民事权益的行为。")]
    chosen = pick_distractors(right, [Gist.of(e) for e in (respect, mid_list, *fair)])
    assert chosen == [Gist.of(e).option for e in fair]


def test_the_real_eight_rights_item_names_the_eight_and_offers_none_of_them_as_a_distractor(
        real_kb: KnowledgeBase) -> None:
    """qa26 Q1 on the real content, in both languages; and no real item asks a list question with a right option cut
    before its list, or offers a distractor cut inside a numbered list (qa26 Q3: 投保人去世了，保单怎么办？)."""
    bank = question_bank(real_kb)
    rights = ("知情权", "自主选择权", "公平交易权", "财产安全权", "依法求偿权", "受教育权", "受尊重权", "信息安全权")
    item = bank["gen-choice:norms-consumer-eight-rights"]
    zh, en = _right_options(bank, "norms-consumer-eight-rights")
    assert all(right in zh for right in rights) and not zh.endswith("……"), zh
    assert all(word in en for word in ("information,", "free choice", "fair dealing", "security of property",
                                      "compensation", "education", "respect", "information security")), en
    assert not en.endswith("…"), en
    assert not any(o.startswith(rights) for o in item.options[1:]), item.options
    gists = {e.id: Gist.of(e) for e in real_kb.entries()}
    choices = [q for q in bank.values() if q.generated and q.type == "single"]
    assert [q.id for q in choices if gists[q.entry_id].cut_before_it_answers()] == []
    mid_list = [(q.id, o) for q in choices for o in q.options[1:] if re.search(r"[①-⑳]|（[一二三四五六七八九十]）", o)
                and o.endswith("……")]
    assert mid_list == []
    assert not any("①只写身份关系" in o for o in bank["gen-choice:svc-policyholder-death"].options)


def test_a_distractor_naming_the_term_the_question_quotes_is_not_offered() -> None:
    """qa30 Q2: under 什么样的癌症才算"恶性肿瘤——重度"？ two wrong options were true of that term (the 病理 sentence, the
    甲状腺癌 sentence): every distractor is another entry's true answer, so one about the quoted term may be right too.
    One about another term of the topic is still offered."""
    right = Gist.of(_entry("severe", '什么样的癌症才算"恶性肿瘤——重度"？',
                           "须同时满足：病灶经组织病理学检查明确诊断，且属于ICD-O-3形态学编码3、6、9范畴。"))
    thyroid = _entry("thyroid", "甲状腺癌按重疾还是轻症理赔？",
                     '2020版规范下，TNMⅠ期或更轻的甲状腺癌不属于"恶性肿瘤——重度"，而属于"恶性肿瘤——轻度"。')
    pathology = _entry("pathology", "细胞学检查可以吗？", "2020版规范要求恶性肿瘤（重度、轻度）均须经组织切片检查确诊。")
    fair = [_entry("f1", "轻度疾病有哪几种？", "3种轻度疾病是：恶性肿瘤——轻度、较轻急性心肌梗死、轻度脑中风后遗症。"),
            _entry("f2", "等待期最长多久？", "疾病保险、医疗保险、护理保险的等待期不得超过180天。"),
            _entry("f3", "投诉多久答复？", "保险公司应自收到投诉之日起15日内作出处理决定。")]
    chosen = pick_distractors(right, [Gist.of(e) for e in (thyroid, pathology, *fair)])
    assert chosen == [Gist.of(e).option for e in fair]


def test_the_real_severe_cancer_item_offers_no_wrong_option_true_of_severe_cancer(real_kb: KnowledgeBase) -> None:
    """qa30 Q2 on the real content: gen-choice:ci-cancer-severe no longer offers the 病理 or the 甲状腺癌 sentence (nor
    原位癌…不属于"恶性肿瘤——重度"), still asks with four options in both languages, and no real choice item offers a
    wrong option naming the term its question quotes."""
    bank = question_bank(real_kb)
    item = bank["gen-choice:ci-cancer-severe"]
    assert len(item.options) == len(item.en_options) == CHOICE_OPTIONS
    assert not {"ci-thyroid-cancer", "ci-pathology-required", "ci-carcinoma-in-situ"} & set(item.option_entries)
    assert not any("恶性肿瘤——重度" in o or "恶性肿瘤（重度" in o for o in item.options[1:]), item.options
    choices = [q for q in bank.values() if q.generated and q.type == "single"]
    assert [(q.id, o) for q in choices for o in q.options[1:] if says_of(o, quoted_terms(q.prompt))] == []


def test_a_choice_explanation_gives_the_whole_answer_not_the_cut_option(real_kb: KnowledgeBase) -> None:
    """qa26 Q1: the 解析 repeated the cut option (「…」的答案：…诚信对待消费者……); it quotes the answer's first sentence
    whole, and each option names the entry it answers, so a wrong pick is shown as another question's answer."""
    bank = question_bank(real_kb)
    choices = [q for q in bank.values() if q.generated and q.type == "single"]
    cut = [q for q in choices if q.options[q.answer].endswith("……")]
    assert len(cut) > 20
    assert [q.id for q in cut if q.options[q.answer] in q.explanation] == []
    assert [q.id for q in cut if "……" in q.explanation] == []
    for q in choices:
        assert len(q.option_entries) == len(q.options) and q.option_entries[q.answer] == q.entry_id
        gists = [Gist.of(real_kb.content.entries[e]).option for e in q.option_entries]
        assert gists == list(q.options), q.id


def test_a_key_term_beside_its_synonym_is_not_blanked() -> None:
    """qa28 Q1: div-notice's keyword 分红报告 was blanked in …寄送红利通知书（____）…: 小美 typed 红利通知书, the word the
    sentence had just written, and was marked wrong. The blank asked for another name, not a fact."""
    answer = "以合同条款为准：分红险一般在每个保单年度向投保人寄送红利通知书（分红报告），列明当年红利金额、领取方式等。"
    entry = Entry(id="e", category="dividends", question="每年的红利通知书在哪看？", answer=answer,
                  keywords=("分红报告", "领取方式"))
    content = load_content(REAL_CONTENT)
    assert [q.answer for q in fill_questions(entry)] == ["分红报告"], "without the glossary, as on main"
    assert [q.answer for q in fill_questions(entry, content)] == ["领取方式"], "the next key term takes its place"
    real = fill_questions(content.entries["div-notice"], content)
    assert not [q.id for q in real if q.answer == "分红报告"], "the real entry's synonym blank is left out"


# ---------------------------------------------------------------------------- quiz53: English where the English says it


def test_a_fact_the_english_writes_as_prose_does_is_asked_in_english() -> None:
    """quiz53: "the 30-day decision period", "RMB 1,000" and "aged 60" were not found as "30 days", "1000 yuan" and
    "60 years old", so their items were left out of an English round; a false statement keeps the English's shape."""
    entry = _english_entry(
        "claims-x", "缺材料怎么办？",
        "补充材料的时间可以从30日核定期限中扣除。代领金额超过1000元的，保险公司应通知客户。向60周岁以上投保人销售须双录。",
        "What if documents are missing?",
        "The time spent supplying documents may be deducted from the 30-day decision period. Where a proxy collects "
        "more than RMB 1,000, the insurer must notify the customer. Sales to a policyholder aged 60 or over are recorded.")
    fills = {str(q.answer): q for q in fill_questions(entry)}
    period = fills["30日"].in_english()
    assert period.prompt.splitlines()[-1] == (f"The time spent supplying documents may be deducted from the {BLANK} "
                                              "decision period.")
    assert period.is_correct("30-day") and period.is_correct("30 days") and not period.is_correct("60 days")
    statements = {q.id: q for q in true_false_questions(entry)}
    for question in statements.values():
        shown = question.in_english().prompt
        assert shown, question.id
        if question.answer == 1:
            assert "-day decision period" in shown or "RMB " in shown or "aged " in shown, shown
            assert shown not in entry.en["answer"], shown


def test_a_number_written_twice_in_its_english_sentence_stays_in_chinese() -> None:
    """quiz53: 不满10周岁 is "under 10" in an English sentence that also says "aged 10 to under 18": the blank could land
    on the other 10, so the item is asked in Chinese."""
    entry = _english_entry(
        "uw-x", "未成年人身故保额有上限吗？", "被保险人不满10周岁的，不得超过20万元。",
        "Is a minor's death cover limited?",
        "It may not exceed RMB 200,000 for a child under 10, and RMB 500,000 for a child aged 10 to under 18.")
    fills = {str(q.answer): q for q in fill_questions(entry)}
    assert fills["10周岁"].in_chinese_only()
    assert not fills["20万元"].in_chinese_only()


def test_a_fact_stated_in_two_english_sentences_is_placed_by_the_numbers_beside_it() -> None:
    """quiz53: the Chinese sentence says 5个工作日 and 30日; the English says 30 days there and again in a later sentence
    quoting the Insurance Law. The sentence that also says 5 working days is the Chinese one's."""
    entry = _english_entry(
        "claims-y", "理赔多久有结论？", "保险公司应在5个工作日内作出核定，复杂的30日内作出核定。保险法也要求及时核定。",
        "How long does a claim decision take?",
        "The insurer must decide within 5 working days; complex cases within 30 days. The Insurance Law likewise "
        "requires a decision within 30 days.")
    fills = {str(q.answer): q for q in fill_questions(entry)}
    shown = fills["30日"].in_english().prompt.splitlines()[-1]
    assert shown == f"The insurer must decide within 5 working days; complex cases within {BLANK}."
