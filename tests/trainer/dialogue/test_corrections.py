"""Corrections: a trainee's objection is queued; an instructor's relabel goes into the corpus through the editor."""

from __future__ import annotations

import pytest

from trainer.dialogue.corpus import read_corpus
from trainer.dialogue.corrections import (CORRECTIONS_FILE, accept, accept_step, contested_step, corrections_by,
                                          mark_judged_wrong, mark_step_done, missed_step, open_corrections, reject,
                                          reply_sentences, review_counts, suggested_labels, teaches_by_example,
                                          verdict_kept)
from trainer.dialogue.scenario import Checkpoint
from trainer.dialogue.scoring import Finding
from trainer.editing import history
from trainer.editing.editor import ContentEditor
from trainer.users.accounts import get_or_create_by_name

REPLY = "这事不是您的问题，是我们没提醒到位。"


@pytest.fixture
def editor(kb, db, settings):
    return ContentEditor(kb, db, settings.data_dir / "lock")


def queue_one(db, text: str = REPLY, rubric: str = "blame") -> int:
    trainee = get_or_create_by_name(db, "学员甲")
    return mark_judged_wrong(db, trainee.id, "ci-claim-declined", Finding(2, rubric, False, text, "…"), text,
                             "这是安慰客户，不是指责")


def test_a_reason_is_required(db):
    trainee = get_or_create_by_name(db, "学员乙")
    with pytest.raises(ValueError):
        mark_judged_wrong(db, trainee.id, "x", Finding(1, "blame", False, REPLY, ""), REPLY, "  ")
    assert open_corrections(db) == []


def test_a_wrongly_flagged_fault_becomes_a_counter_example(db, editor, content_dir):
    correction_id = queue_one(db)
    [queued] = open_corrections(db)
    labels, counter = suggested_labels(queued)
    assert labels == [] and counter == ["blame"]
    result = accept(db, editor, correction_id, ["empathy"], counter, "教员")
    assert result.ok, result
    utterances, problems = read_corpus(content_dir)
    assert problems == []
    [added] = [u for u in utterances if u.text == REPLY]
    assert added.labels == ("empathy",) and added.counter == ("blame",) and added.split == "train"
    assert added.file == CORRECTIONS_FILE
    assert open_corrections(db) == []
    assert history.changes(db, file=CORRECTIONS_FILE)[0].author == "教员"


def test_an_utterance_already_in_the_corpus_is_relabelled_in_place(db, editor, content_dir):
    queue_one(db)
    accept(db, editor, open_corrections(db)[0].id, ["empathy"], ["blame"], "教员")
    second = queue_one(db, rubric="empathy")
    assert accept(db, editor, second, ["apology"], ["blame"], "教员").ok
    matching = [u for u in read_corpus(content_dir)[0] if u.text == REPLY]
    assert len(matching) == 1 and matching[0].labels == ("apology",)


def test_an_invalid_relabel_is_refused_and_stays_open(db, editor, content_dir):
    correction_id = queue_one(db)
    result = accept(db, editor, correction_id, ["blame"], ["blame"], "教员")  # shown and counter at once
    assert not result.ok and result.problems
    assert not (content_dir / CORRECTIONS_FILE).exists()
    assert [c.id for c in open_corrections(db)] == [correction_id]
    reject(db, correction_id, "教员")
    assert open_corrections(db) == []


def test_a_step_said_to_be_done_is_queued_and_accepted_with_its_behaviour(db, editor, content_dir):
    """judge20 (qa14 #13): a checkpoint judged unmet is contested like a finding; one met by a behaviour suggests
    that behaviour as the reply's label, and accepting teaches the judge as any correction does."""
    trainee = get_or_create_by_name(db, "学员丙")
    said = "郑先生，换个人碰上这事心里也堵得慌，您先说，我听着。"
    step = Checkpoint("acknowledge", "先共情，让客户把话说完", behaviour="empathy")
    correction_id = mark_step_done(db, trainee.id, "permanent-lapse-angry", step, 1, said, "我共情了")
    [queued] = open_corrections(db)
    assert missed_step(queued) == "先共情，让客户把话说完" and queued.behaviour == "empathy" and queued.utterance == said
    labels, counter = suggested_labels(queued)
    assert labels == ["empathy"] and counter == []
    assert accept(db, editor, correction_id, labels, counter, "教员").ok
    assert [u.labels for u in read_corpus(content_dir)[0] if u.text == said] == [("empathy",)]
    # an objection to a finding is no missed step
    queue_one(db)
    assert missed_step(open_corrections(db)[0]) == ""


def test_the_trainee_reads_what_became_of_each_objection_and_the_instructors_word(db, editor):
    """qa16 #13, #14: the trainee never learnt whether an objection was accepted or refused, or why; a refused one
    left every count."""
    accepted, refused, still_open = queue_one(db), queue_one(db, "规定就是这样。"), queue_one(db, "您稍等。")
    trainee = get_or_create_by_name(db, "学员甲")
    assert accept(db, editor, accepted, ["empathy"], ["blame"], "教员", note="  是安慰，不是指责，已更正。 ").ok
    reject(db, refused, "教员", note="这句把责任推给了规定，维持原判。")
    mine = {c.id: c for c in corrections_by(db, trainee.id)}
    assert [c.id for c in corrections_by(db, trainee.id)] == [still_open, refused, accepted]  # newest first
    assert (mine[accepted].status, mine[accepted].review_note) == ("accepted", "是安慰，不是指责，已更正。")
    assert (mine[refused].status, mine[refused].review_note) == ("rejected", "这句把责任推给了规定，维持原判。")
    assert (mine[still_open].status, mine[still_open].review_note, mine[still_open].reviewed_at) == ("open", "", None)
    assert corrections_by(db, get_or_create_by_name(db, "学员乙").id) == []
    assert review_counts(db) == {"open": 1, "accepted": 1, "rejected": 1}


def test_an_accepted_relabel_that_keeps_the_flag_is_told_apart_from_one_that_overturns_it(db, editor):
    """qa27: Ms. Wang accepted 阿杰's objection to 服务忌语 on “…所以您得抓紧整复效，可别磨叽了” with the labels
    explanation, next_step and rude — the judge missed the next step, the phrase is still a taboo — and 阿杰 read
    “已接受：评判已更正”. Whether the judge was overturned is in the labels, not in the status."""
    words = "中止这段出事一般不赔，具体看条款。所以您得抓紧整复效，可别磨叽了"
    kept, overturned, credit = queue_one(db, words, "rude"), queue_one(db, "您呐别慌。", "rude"), queue_one(db)
    assert accept(db, editor, kept, ["explanation", "next_step", "rude"], [], "王老师", note="下一步对，磨叽仍是忌语").ok
    assert accept(db, editor, overturned, ["empathy"], ["rude"], "王老师").ok
    assert accept(db, editor, credit, ["empathy"], ["blame"], "王老师").ok
    mine = {c.id: c for c in corrections_by(db, get_or_create_by_name(db, "学员甲").id)}
    assert verdict_kept(mine[kept])
    assert not verdict_kept(mine[overturned]) and not verdict_kept(mine[credit])
    still_open = queue_one(db, "规定就是这样。", "rude")
    assert not verdict_kept(next(c for c in open_corrections(db) if c.id == still_open)), "open: nothing decided yet"


def test_a_reason_is_needed_to_relabel_or_keep_the_judgement_not_to_accept_the_objection(db):
    """polish21: a relabel or a kept judgement with no reason taught nobody why."""
    from trainer.dialogue.corrections import needs_note, note_given

    queue_one(db)
    [queued] = open_corrections(db)
    labels, counter = suggested_labels(queued)
    assert not needs_note(queued, (), labels, counter, keeping=False)  # the objection taken at its word: one click
    assert needs_note(queued, (), ["empathy"], counter, keeping=False)  # relabelled
    assert needs_note(queued, (), labels, [], keeping=False)  # the counter-example dropped
    assert needs_note(queued, (), labels, counter, keeping=True)
    assert note_given("这句是安慰") and not note_given("  好 ") and not note_given("")


# review46 (qa21 J1): a missed step no behaviour meets is taught by the sentence that did it, as an example of the step.
STEP_REPLY = "您好。犹豫期一共有十五天呢，您放心。"


@pytest.fixture
def mini_step(content_dir):
    """The mini scenario on disk and its step 讲清犹豫期天数 (cues, entries, no behaviour)."""
    from tests.pages.test_practice import MINI_SCENARIO
    from trainer.dialogue import load_scenarios

    (content_dir / "scenarios" / "mini-cooling-off.yaml").write_text(MINI_SCENARIO, encoding="utf-8")
    return next(c for c in load_scenarios(content_dir)["mini-cooling-off"].checkpoints if c.id == "period")


def queue_step(db, step, reply: str = STEP_REPLY) -> int:
    trainee = get_or_create_by_name(db, "学员丁")
    return mark_step_done(db, trainee.id, "mini-cooling-off", step, 2, reply, "我说了十五天")


def step_on_disk(content_dir, checkpoint_id: str = "period"):
    """The mini scenario's checkpoint as the next load reads it."""
    from trainer.dialogue import load_scenarios

    return next(c for c in load_scenarios(content_dir)["mini-cooling-off"].checkpoints if c.id == checkpoint_id)


def examples_on_disk(content_dir) -> tuple[str, ...]:
    return step_on_disk(content_dir).examples


def test_accepting_a_missed_step_adds_the_sentence_to_the_steps_examples(db, editor, content_dir, mini_step):
    correction_id = queue_step(db, mini_step)
    [queued] = open_corrections(db)
    assert teaches_by_example(contested_step(queued, [mini_step]))
    assert reply_sentences(queued.utterance) == ["您好。", "犹豫期一共有十五天呢，您放心。"]
    result = accept_step(db, editor, correction_id, "犹豫期一共有十五天呢，您放心。", "教员", "确实说了十五天")
    assert result.ok, result
    assert examples_on_disk(content_dir) == ("犹豫期一共有十五天呢，您放心。",)
    assert history.changes(db, file="scenarios/mini-cooling-off.yaml")[0].author == "教员"
    [outcome] = corrections_by(db, get_or_create_by_name(db, "学员丁").id)
    assert outcome.status == "accepted" and outcome.review_note == "确实说了十五天"
    assert not (content_dir / CORRECTIONS_FILE).exists()  # no behaviour label: the corpus is not touched
    # a second trainee's sentence joins the first
    second = queue_step(db, mini_step, "这个犹豫期是15日。")
    assert accept_step(db, editor, second, "这个犹豫期是15日。", "教员").ok
    assert examples_on_disk(content_dir) == ("犹豫期一共有十五天呢，您放心。", "这个犹豫期是15日。")


def test_an_example_the_judge_could_never_read_is_refused_and_the_scenario_stays(db, editor, content_dir, mini_step):
    """A step about facts is met by meaning only by a sentence stating its terms or figures: 您放心。 is refused by the
    editor's validation (file, line, field), nothing is written and the objection stays open."""
    path = content_dir / "scenarios" / "mini-cooling-off.yaml"
    before = path.read_text(encoding="utf-8")
    correction_id = queue_step(db, mini_step, "您放心，肯定来得及的。")
    result = accept_step(db, editor, correction_id, "您放心，肯定来得及的。", "教员")
    assert not result.ok
    [problem] = [p for p in result.problems if p.field and p.field.endswith("examples")]
    assert problem.file == "scenarios/mini-cooling-off.yaml" and problem.line > 0 and problem.field == "checkpoints[2].examples"
    assert path.read_text(encoding="utf-8") == before
    assert [c.id for c in open_corrections(db)] == [correction_id]


def test_a_sentence_not_of_the_reply_or_a_behaviour_step_adds_no_example(db, editor, content_dir, mini_step):
    correction_id = queue_step(db, mini_step)
    assert not accept_step(db, editor, correction_id, "犹豫期是二十天。", "教员").ok
    assert examples_on_disk(content_dir) == ()
    verify = step_on_disk(content_dir, "verify")
    behaviour_step = queue_step(db, verify, "请问您是本人吗？")
    assert not teaches_by_example(verify)
    assert not accept_step(db, editor, behaviour_step, "请问您是本人吗？", "教员").ok
    assert len(open_corrections(db)) == 2


# review47: an example is read for faults of its own, may be a step done across sentences, and older accepted steps
# are listed for an instructor to convert.
PROMISING_REPLY = "犹豫期15天，钱下礼拜肯定到账，放心吧。"


def test_an_example_the_judge_faults_is_refused_naming_the_fault_and_its_words(db, editor, content_dir, mini_step):
    """The sentence states the step's figure (the facts rule passes) and promises the refund: a trainee saying it is
    faulted 绝对化承诺, so it must not credit the step. Refused by the editor's validation with the fault and the quoted
    words; nothing written, the objection still open. Before, it became the step's example."""
    path = content_dir / "scenarios" / "mini-cooling-off.yaml"
    before = path.read_text(encoding="utf-8")
    correction_id = queue_step(db, mini_step, PROMISING_REPLY)
    result = accept_step(db, editor, correction_id, PROMISING_REPLY, "教员")
    assert not result.ok
    [problem] = [p for p in result.problems if p.field == "checkpoints[2].examples"]
    assert problem.file == "scenarios/mini-cooling-off.yaml" and problem.line > 0
    assert "绝对化承诺" in problem.zh_message() and "钱下礼拜肯定到账" in problem.zh_message()
    assert "Absolute promise" in problem.message and "钱下礼拜肯定到账" in problem.message
    assert path.read_text(encoding="utf-8") == before
    assert [c.id for c in open_corrections(db)] == [correction_id]


def test_a_faulted_example_written_in_the_scenario_editor_is_refused_too(db, editor, content_dir, mini_step):
    """情景编辑 saves through the same validation: an example typed into the file is read for faults like one accepted
    on 评判纠错; one already on disk does not block another edit of the file."""
    from tests.pages.test_practice import MINI_SCENARIO
    from trainer.editing.yaml_style import add_to_list_field

    name = "scenarios/mini-cooling-off.yaml"
    faulted = add_to_list_field(MINI_SCENARIO, "checkpoints", "period", "examples", "这个犹豫期15天你自己不看合同怪谁？")
    refused = editor.save_file(editor.open_file(name), faulted, "教员")
    assert not refused.ok
    assert any("推诿指责" in p.zh_message() and "你自己不看合同怪谁" in p.zh_message() for p in refused.problems)
    (content_dir / name).write_text(faulted, encoding="utf-8")  # written outside the app (git)
    retitled = faulted.replace("title: 犹豫期咨询（测试）", "title: 犹豫期咨询（测试二）")
    assert editor.save_file(editor.open_file(name), retitled, "教员").ok


def test_a_step_done_across_two_sentences_is_taught_by_both_in_a_row(db, editor, content_dir, mini_step):
    reply = "好的。犹豫期是从签收次日算起的。一共15天，您还来得及。"
    correction_id = queue_step(db, mini_step, reply)
    skipping = accept_step(db, editor, correction_id, ["好的。", "一共15天，您还来得及。"], "教员")
    assert not skipping.ok and examples_on_disk(content_dir) == ()
    result = accept_step(db, editor, correction_id, ["一共15天，您还来得及。", "犹豫期是从签收次日算起的。"], "教员")
    assert result.ok, result
    assert examples_on_disk(content_dir) == ("犹豫期是从签收次日算起的。一共15天，您还来得及。",)


def test_steps_accepted_before_examples_are_listed_and_converted_only_when_an_instructor_says(
        db, editor, content_dir, mini_step):
    """Before review46 a missed step was accepted with labels into the utterance corpus, which taught the step
    nothing. Such corrections are listed; converting one writes its sentence as the step's example and keeps the
    outcome, note and labels the trainee read; setting one aside writes nothing; both leave the list."""
    from trainer.dialogue.corrections import convert_step, set_aside_step, unconverted_steps
    from trainer.dialogue import load_scenarios

    older = queue_step(db, mini_step, "犹豫期一共有十五天呢，您放心。")
    other = queue_step(db, mini_step, "您好。这个犹豫期是15日。")
    for correction_id in (older, other):  # the old path: labels into the corpus
        assert accept(db, editor, correction_id, ["none"], [], "教员甲", "确实说了").ok
    scenarios = load_scenarios(content_dir)
    assert [c.id for c in unconverted_steps(db, scenarios)] == [older, other]
    assert examples_on_disk(content_dir) == ()  # nothing converted by itself
    assert convert_step(db, editor, older, "犹豫期一共有十五天呢，您放心。", "教员乙").ok
    assert examples_on_disk(content_dir) == ("犹豫期一共有十五天呢，您放心。",)
    [kept] = [c for c in corrections_by(db, get_or_create_by_name(db, "学员丁").id) if c.id == older]
    assert (kept.status, kept.review_note, kept.labels) == ("accepted", "确实说了", ("none",))
    set_aside_step(db, other, "教员乙")
    assert unconverted_steps(db, load_scenarios(content_dir)) == []
    assert examples_on_disk(content_dir) == ("犹豫期一共有十五天呢，您放心。",)
    assert not convert_step(db, editor, older, "犹豫期一共有十五天呢，您放心。", "教员乙").ok  # once only


def test_the_judges_classifier_reads_an_example_the_rules_pass(db, kb, settings, content_dir, mini_step, judge):
    """评判纠错 and 情景编辑 give the editor the app's judge: 您找别人去吧 is 服务忌语 to its classifier though no rule
    names it. Without a judge the rules alone pass it."""
    sentence = "犹豫期15天，规定就是这样，您找别人去吧。"
    with_judge = ContentEditor(kb, db, settings.data_dir / "lock", judge=lambda: judge)
    correction_id = queue_step(db, mini_step, sentence)
    refused = accept_step(db, with_judge, correction_id, sentence, "教员")
    assert not refused.ok
    assert any("服务忌语“您找别人去吧。”" in p.zh_message() for p in refused.problems), [p.zh() for p in refused.problems]
    assert examples_on_disk(content_dir) == ()
    assert accept_step(db, ContentEditor(kb, db, settings.data_dir / "lock"), correction_id, sentence, "教员").ok


def test_the_sentence_a_reason_quotes_is_found_and_a_reason_quoting_none_keeps_the_first() -> None:
    """qa24: the step form offers the sentence the trainee's 我说了 quotes, not the reply's greeting."""
    from trainer.dialogue.corrections import quoted_sentence

    sentences = ["嗯嗯明白，谢谢你跟我说实话。", "这个情况我会照实记下来的"]
    assert quoted_sentence(sentences, "我说了“这个情况我会照实记下来的”") == sentences[1]
    assert quoted_sentence(["您好。", "犹豫期一共有十五天呢。"], "我说了十五天") == "犹豫期一共有十五天呢。"
    assert quoted_sentence(["好的。", "一共15天。"], "我说了期限") == "好的。"


def test_a_step_met_by_a_sentence_that_cannot_be_an_example_is_accepted_for_its_call_alone(db, editor, content_dir, kb,
                                                                                            mini_step):
    """qa28 K2: 赵组长 judged 小美's sentence met the step, but it stated none of the entry's terms or figures, so it could
    never be an example, and the only way on was to tell her she had not done it. It is accepted for this call: the
    outcome is the trainee's, nothing is written to the content and the step is recorded as counted done."""
    from trainer.dialogue.corrections import accept_for_call, can_be_example

    path = content_dir / "scenarios" / "mini-cooling-off.yaml"
    before = path.read_text(encoding="utf-8")
    correction_id = queue_step(db, mini_step, "您放心，肯定来得及的。")
    assert not can_be_example(mini_step, "您放心，肯定来得及的。", kb.content.entries)
    assert can_be_example(mini_step, "犹豫期一共有十五天呢，您放心。", kb.content.entries)
    assert accept_for_call(db, correction_id, "教员", "算你做到了，下次说出15天。", mini_step)
    [outcome] = corrections_by(db, get_or_create_by_name(db, "学员丁").id)
    assert (outcome.status, outcome.for_this_call, outcome.step_id) == ("accepted", True, "period")
    assert outcome.review_note == "算你做到了，下次说出15天。" and open_corrections(db) == []
    assert path.read_text(encoding="utf-8") == before and history.changes(db) == []
    assert not (content_dir / CORRECTIONS_FILE).exists()
    assert not accept_for_call(db, correction_id, "教员")  # decided already


def test_a_slow_reply_accepted_for_its_call_writes_nothing_to_the_corpus(db, content_dir):
    """K1's follow-up: a 回复超时 the page caused is accepted with a note, nothing written; before, only 维持原判."""
    from trainer.dialogue.corrections import accept_for_call

    correction_id = queue_one(db, rubric="slow_reply")
    assert accept_for_call(db, correction_id, "教员", "页面卡住了，这条撤回。")
    [outcome] = corrections_by(db, get_or_create_by_name(db, "学员甲").id)
    assert (outcome.status, outcome.for_this_call, outcome.step_id, outcome.labels) == ("accepted", True, "", ())
    assert not verdict_kept(outcome)
    assert not (content_dir / CORRECTIONS_FILE).exists() and history.changes(db) == []


@pytest.mark.parametrize("rubric, judged_ok", [("vague", False), ("empathy", True), ("empathy", False)])
def test_a_behaviour_finding_accepted_for_its_call_is_upheld_whatever_the_verdict(db, content_dir, rubric, judged_ok):
    """ui54: an instructor who judges a behaviour finding wrong (回应空泛 on a sentence fine in its call) but not worth
    teaching accepts it for the call, as a step is. It labels nothing, so it is upheld — withdrawn on the call's report
    and out of 薄弱情景 — whatever the verdict was; read by the labels, a denied good behaviour read as kept."""
    from trainer.dialogue.corrections import accept_for_call
    from trainer.dialogue.withdrawn import upheld

    trainee = get_or_create_by_name(db, "学员戊")
    correction_id = mark_judged_wrong(db, trainee.id, "ci-claim-declined", Finding(2, rubric, judged_ok, REPLY, "…"),
                                      REPLY, "这句在当时是合适的")
    assert accept_for_call(db, correction_id, "教员")
    [outcome] = corrections_by(db, trainee.id)
    assert (outcome.status, outcome.for_this_call, outcome.labels) == ("accepted", True, ())
    assert not verdict_kept(outcome) and upheld(outcome)
    assert not (content_dir / CORRECTIONS_FILE).exists() and history.changes(db) == []
