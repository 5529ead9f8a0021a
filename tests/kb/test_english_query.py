"""English queries' words and spoken phrases (kb.english_query): what coverage counts, what is rewritten."""

from __future__ import annotations

from kb.content import GlossaryGroup
from kb.english_query import EnglishTerms, EnglishTypos, EnglishWordsInChinese, english_groups, english_terms, mostly_english, stem
from kb.search import Glossary, plan_query


def test_inflections_of_one_word_share_a_stem() -> None:
    assert stem("lapsed") == stem("lapse") == stem("lapses")
    assert stem("policies") == stem("policy") and stem("claims") == stem("claimed") == stem("claim")
    assert stem("12378") == "12378" and stem("day") == "day"  # digits kept, short words not cut below three letters


def test_a_story_keeps_its_meaning_words_only() -> None:
    terms = english_terms("My wife's policy lapsed because I didn't pay, can she get it back?")
    assert terms == [stem("wife"), stem("policy"), stem("lapsed"), stem("because"), stem("pay"), stem("back")]


def test_tagalog_particles_of_philippine_english_are_not_meaning_words() -> None:
    # "po" (politeness), "na" (already), "ba" (question): a Filipina customer's "how to file claim po" missed coverage
    # on them as if they were words the entry lacked (ensearch16).
    assert english_terms("how to file claim po, kindly advise") == [stem("file"), stem("claim"), stem("advise")]
    assert english_terms("finished na the 20 years, legit ba?") == [stem("finished"), "20", stem("years"), stem("legit")]


def test_an_english_plan_counts_coverage_on_stems_and_a_chinese_one_as_before() -> None:
    glossary = Glossary([])
    english = plan_query("Policies lapsed", glossary, english_coverage=True)
    assert english.english and english.coverage_terms == [stem("policy"), stem("lapse")]
    assert plan_query("Policies lapsed", glossary).coverage_terms == ["policies", "lapsed"]
    chinese = plan_query("保单 lapsed 了", glossary, english_coverage=True)
    assert not chinese.english and chinese.coverage_terms == plan_query("保单 lapsed 了", glossary).coverage_terms


GROUPS = [GlossaryGroup("en-declined", ("declined",), ("turned down", "rejected")),
          GlossaryGroup("lapse", ("效力中止",), ("停交",)),
          GlossaryGroup("en-bankrupt", ("bankrupt",), ("goes bust",))]


def test_spoken_english_is_rewritten_at_word_boundaries_only() -> None:
    terms = EnglishTerms(english_groups(GROUPS)[1])
    rewrite = terms.rewrite("claim turned down, what if the company goes bust")
    assert rewrite.text == "claim declined, what if the company bankrupt"
    assert rewrite.changes == (("turned down", "declined"), ("goes bust", "bankrupt"))
    assert terms.rewrite("unrejected forms").text == "unrejected forms"


def test_a_query_with_chinese_is_never_rewritten_into_english() -> None:
    assert EnglishTerms(english_groups(GROUPS)[1]).rewrite("理赔 turned down 了").text == "理赔 turned down 了"


def test_the_chinese_rewriter_keeps_only_chinese_phrases() -> None:
    chinese, english = english_groups(GROUPS)
    assert [g.spoken for g in chinese] == [(), ("停交",), ()]
    assert [g.id for g in english] == ["en-declined", "en-bankrupt"]


def test_an_english_question_with_a_chinese_term_is_mostly_english_and_chinese_with_an_english_word_is_not() -> None:
    # en-tune's writers put the word on their paper into English questions (ensearch17); Chinese customers type
    # the odd English word into Chinese ones, which keep their path.
    assert mostly_english("beneficiary on my policy says 法定 only, what does it mean po?")
    assert mostly_english("got a letter saying my policy is 中止 / suspended")
    assert not mostly_english("我妈的 policy 分红怎么领") and not mostly_english("保单 lapsed 了")
    assert not mostly_english("what's 现金价值 exactly")  # two English words, four characters
    assert not mostly_english("my policy lapsed")  # no Chinese: an English query, not a mixed one


def test_a_mostly_english_question_has_its_english_phrases_rewritten_when_asked_to() -> None:
    groups = english_groups(GROUPS)[1]
    question = "my 重疾 claim was turned down, why"
    assert EnglishTerms(groups, mixed=True).rewrite(question).text == "my 重疾 claim was declined, why"
    assert EnglishTerms(groups).rewrite(question).text == question


def test_a_mostly_english_plan_counts_its_english_stems_and_its_chinese_terms() -> None:
    plan = plan_query("policy says 法定 only", Glossary([]), english_coverage=True, mixed=True)
    assert plan.english and plan.coverage_terms == [stem("policy"), stem("says"), "法定"]  # "only" a function word


def test_a_misspelt_word_is_fixed_to_the_contents_spelling_and_real_words_are_left_alone() -> None:
    typos = EnglishTypos(["After reinstatement the questions", "the other question", "rather", "claims"])
    rewrite = typos.rewrite("questons after reinstatment")
    assert rewrite.text == "questions after reinstatement"
    assert rewrite.changes == (("questons", "questions"), ("reinstatment", "reinstatement"))
    # One letter replaced or the first one dropped makes other words (father → rather, mother → other), and an
    # inflection is no typo; short words are not checked.
    assert typos.rewrite("my father and mother claimed").text == "my father and mother claimed"
    assert typos.rewrite("questons 理赔").text == "questons 理赔"  # a query with Chinese is not an English one


BORROWED = [GlossaryGroup("surrender", ("退保", "解约"), ("cancel",), (), ("扣", "投诉")),
            GlossaryGroup("claims", ("理赔", "赔付"), ("索偿", "claim")),
            GlossaryGroup("en-beneficiary", ("beneficiary",), ("who gets the money",))]


def test_an_english_word_in_a_chinese_question_becomes_the_chinese_term() -> None:
    """search21b: customers abroad type the odd English word into a Chinese question; it was left as typed, so the
    question lost the word that carried it (替她cancel吗 ranked the cooling-off cancellation 7th)."""
    words = EnglishWordsInChinese(BORROWED)
    rewrite = words.rewrite("我能替她cancel吗 还有claim找谁")
    assert rewrite.text == "我能替她退保吗 还有理赔找谁"
    assert rewrite.changes == (("cancel", "退保"), ("claim", "理赔"))
    assert words.rewrite("cancelled 的保单").text == "cancelled 的保单"  # whole words only
    assert words.rewrite("怎么cancel自动扣款").text == "怎么cancel自动扣款"  # the group's spoken_unless


def test_a_borrowed_english_word_is_left_in_english_and_mostly_english_questions() -> None:
    words = EnglishWordsInChinese(BORROWED)
    assert words.rewrite("how do I cancel my policy").text == "how do I cancel my policy"
    assert words.rewrite("can I cancel the policy, it says 犹豫期").text == "can I cancel the policy, it says 犹豫期"
    assert words.rewrite("他是我保单的beneficiary吗").text == "他是我保单的beneficiary吗"  # an English group's word
