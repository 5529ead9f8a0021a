import pytest

from trainer.dialogue.spoken_cues import spoken_forms


def test_a_cue_said_with_a_northern_agents_pronouns_is_found_in_her_words():
    assert spoken_forms("交不交都由恁自个儿决定，俺不替恁做主。", ["由您决定", "您自己决定", "不会替您做主"]) == ["恁自个儿决定"]
    assert spoken_forms("这个由您决定。", ["由您决定"]) == ["由您决定"]


def test_a_cue_said_with_ni_for_nin_is_found_in_her_words():
    """qa23 T3: Emma (a learner, English UI) said 你 where the script writes 您; 选哪个方法是你自己决定 left the step
    尊重客户自己的决定 open, the same words with 您 met it."""
    cues = ["由您决定", "您自己决定", "不会替您做主"]
    assert spoken_forms("选哪个方法是你自己决定，我们不会逼你。", cues) == ["你自己决定"]
    assert spoken_forms("要不要交、用哪个办法，完全由你自己决定。", cues) == ["由你自己决定", "你自己决定"]
    assert spoken_forms("最终由你决定，我不会替你做主。", cues) == ["由你决定", "不会替你做主"]
    assert spoken_forms("这事由我决定。", cues) == []  # guard: another person's decision


def test_a_two_character_cue_split_by_an_aspect_particle_is_found():
    assert spoken_forms("对，全程录着音哩。", ["录音"]) == ["录着音"]
    assert spoken_forms("上周已经撤了单。", ["撤单"]) == ["撤了单"]


def test_a_two_character_cue_said_with_a_measure_word_inside_is_found():
    """calls45: cw3-g's 只系打个比方、举个例子 told the illustration is an example (举例) before she asked."""
    assert spoken_forms("说明书上嘅数字只系打个比方、举个例子畀您睇下。", ["举例", "假设"]) == ["举个例"]
    assert spoken_forms("我给您举一个例子。", ["举例"]) == ["举一个例"]
    assert spoken_forms("举几个例子", ["举例"]) == []  # not any word between


def test_other_words_between_a_cues_characters_are_no_cue():
    assert spoken_forms("录下来的声音", ["录音"]) == []
    assert spoken_forms("一共交6次，每次1000元", ["60天"]) == []


def test_a_cue_the_script_writes_short_is_found_said_long():
    assert spoken_forms("这几个要求我在电话里没办法答应您。", ["没法答应"]) == ["没办法答应"]
    assert spoken_forms("这个我没有办法答应。", ["没法答应"]) == ["没有办法答应"]
    assert spoken_forms("这个办法我答应您。", ["没法答应"]) == []


def test_a_longer_cue_said_with_a_word_or_two_inside_it_is_found_in_her_words():
    said = "中止这段时间保障是暂停的，这期间要是发生了疾病或者意外，一般是不能理赔的。"
    assert spoken_forms(said, ["不承担", "一般不能赔"]) == ["一般是不能理赔"]
    assert spoken_forms("保障先暂停了。", ["保障暂停"]) == ["保障先暂停"]
    assert spoken_forms("退您全部的保费。", ["全部保费"]) == ["全部的保费"]


def test_a_gap_with_a_negation_a_comma_or_more_than_two_words_is_no_cue():
    assert spoken_forms("一般不是不能赔。", ["一般不能赔"]) == []  # turned around
    assert spoken_forms("一般，不能赔。", ["一般不能赔"]) == []  # another clause
    assert spoken_forms("一般来说都是不能赔。", ["一般不能赔"]) == []  # four words more
    assert spoken_forms("录下来的声音", ["录音"]) == []  # a two-character cue takes only an aspect particle


def test_a_cue_said_as_written_is_not_found_again_in_longer_words():
    assert spoken_forms("请问我讲的您都清楚了吗？", ["您清楚吗", "都清楚了吗"]) == ["都清楚了吗"]


def test_a_cue_is_found_in_the_replys_mandarin_reading_and_quoted_as_said():
    assert spoken_forms("这个我冇得办法答应您。", ["没法答应"]) == ["冇得办法答应"]  # 冇得 is 没有: 没有办法答应
    assert spoken_forms("这个由侬决定。", ["由您决定"]) == ["由侬决定"]


def test_a_refusal_cue_said_with_the_potential_complement_is_found_in_her_words():
    """calls43t (cw3-h.yaml:112): 这个要求额这边答应不了 refuses as 没法答应 does; 额 is read 我, the quote stays hers."""
    assert spoken_forms("这个要求额这边答应不了，也不能给您打包票。", ["无法当场答应", "没法答应"]) == ["答应不了"]
    assert spoken_forms("这个我答应您。", ["没法答应"]) == []
    assert spoken_forms("中止期间发生嘅保险事故，按合同一般系唔赔嘅。", ["一般不赔"]) == ["一般系唔赔"]


@pytest.mark.parametrize("text, said", [
    ("全额退再赔5万，这个我真做不了这个主。", "做不了这个主"),
    ("这几样额们实在办不到，也不能哄您。", "办不到"),
    ("我冇这个权限，也不能骗您。", "冇这个权限"),  # 冇 read as 没, quoted as said
    ("这个要求我满足不了您。", "满足不了"),
])
def test_a_refusal_of_her_demand_in_everyday_or_regional_words_says_a_refusal_cue(text, said):
    """calls46: the media-threat demand refused in words no cue lists left her "能不能办？" ignored each turn."""
    assert spoken_forms(text, ["无法当场答应", "没法答应"]) == [said]


def test_a_refusal_in_other_words_says_only_a_cue_that_refuses():
    assert spoken_forms("这个我做不了主。", ["不能代签", "现金价值"]) == []


def test_a_cue_said_with_a_typing_slip_is_found_by_the_sessions_reader_and_quoted_as_typed():
    """calls44: judge43h read a reply's pinyin slips for the behaviour rules only — a step said 由于期内 stayed open. With
    the session's reader (`Detectors.reading`) the cue is found, and the words found are the trainee's as typed."""
    from kb.content import load_content
    from tests.conftest import REAL_CONTENT
    from trainer.dialogue.content_typos import typo_reading_for

    read = typo_reading_for(load_content(REAL_CONTENT)).read
    for typed, cues, found in [
        ("您现在还在由于期内，可以申请解除合同。", ["犹豫期内", "还在犹豫期"], ["由于期内", "还在由于期"]),
        ("要填一份复笑申请书，再如实做健康告知。", ["复效申请书", "健康告知"], ["复笑申请书", "健康告知"]),
        ("您还在犹期内，可以全额退。", ["犹豫期内"], ["犹期内"]),  # the middle character dropped
    ]:
        assert spoken_forms(typed, cues) == [c for c in found if c in cues]  # without the reader: only what is typed right
        assert spoken_forms(typed, cues, read) == found
    assert spoken_forms("犹豫期过了。", ["犹豫期内"], read) == []  # guard: the reader adds no cue that is not said


@pytest.mark.parametrize("text, said", [
    ("买的时候银行是不是给您录了音、录了像？", "录了音、录了像"),
    ("当时录音和录像都做了吧？", "录音和录像"),
    ("那天是录了音，又录了像，对吧？", "录了音，又录了像"),
])
def test_a_cue_of_two_phrases_sharing_their_verb_is_said_by_its_two_halves(text, said):
    """calls49: cw5-a's callback-elderly good call asked 录了音、录了像 and 加问录音录像 stayed open — and every later step of
    the callback's order with it (顺序错误, closed with three steps open)."""
    assert spoken_forms(text, ["录音录像"]) == [said]


@pytest.mark.parametrize("text", ["当时给您录了音，是吧？", "录了像之后又签了字，再录音。", "您清不清楚？"])
def test_half_of_a_coordinated_cue_or_an_a_not_a_question_says_no_more(text):
    assert spoken_forms(text, ["录音录像"]) == []
    assert spoken_forms(text, ["有多有少"]) == []


@pytest.mark.parametrize("text, cues", [("两周之内会给您答复", ["15日"]), ("一个月内给您答复", ["15日", "十五天"]),
                                        ("半个月内给您答复", ["30日", "10个工作日"]), ("半年以后再申请", ["15天"]),
                                        ("犹豫期是从签收次日算起的那半个月", ["15天", "15日", "十五天"])])
def test_another_period_says_no_cue_of_fifteen_days_and_half_a_month_only_where_a_step_lists_it(text, cues):
    """Another period is no 15-day cue; nor is 半个月 by itself: a cooling-off step asks for the days, and the complaint
    steps that take 半个月 list it among their cues (tests/content/test_half_a_month.py; qa28 J2, narrowed at stop 52)."""
    assert spoken_forms(text, cues) == []
    assert spoken_forms("最晚半个月内会给您答复", ["15日", "半个月"]) == ["半个月"]
