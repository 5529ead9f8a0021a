"""Rewriting a customer's words into the content's: homophone typos, spoken terms, story clauses."""

from __future__ import annotations

import pytest

from kb.content import GlossaryGroup
from kb.query_rewrite import (SpokenTerms, TypoCorrector, VerbParticleTerms, bigrams, head_words, sounds,
                              story_clauses, story_question)
from kb.word_frequency import WordFrequencies, bundled_frequencies

VOCABULARY = ["宽限期", "复效", "拒赔", "保费", "理赔", "犹豫期", "报案", "退保", "分红", "鉴定"]
# Bigrams the content uses: a stretch made of these is a word, never a typo.
KNOWN = {"宽限", "限期", "复效", "拒赔", "保费", "理赔", "犹豫", "豫期", "报案", "退保", "分红", "鉴定", "保单", "坚持"}


@pytest.fixture
def corrector() -> TypoCorrector:
    return TypoCorrector(VOCABULARY, KNOWN)


@pytest.mark.parametrize(("typed", "meant"), [
    ("宽线期能拖多久", "宽限期能拖多久"),     # same sound, one character wrong
    ("保单复笑要带什么", "保单复效要带什么"),
    ("被据赔了怎么办", "被拒赔了怎么办"),
    ("保废交不起了", "保费交不起了"),
    ("里赔要几天", "理赔要几天"),
    ("尤豫期几天", "犹豫期几天"),
    ("怎么退宝", "怎么退保"),
    ("能替她理倍吗", "能替她理赔吗"),    # 倍 also reads pei
])
def test_homophone_typos_are_corrected(corrector: TypoCorrector, typed: str, meant: str) -> None:
    assert corrector.rewrite(typed).text == meant


# Terms a customer's ordinary words sound like (the false fixes search13 found on TUNE).
LOOKALIKES = ["保额", "核查", "试算", "核实", "两年", "保单", "三差", "投诉登记", "格式条款", "工号", "体检", "假保单"]


@pytest.fixture
def careful() -> TypoCorrector:
    return TypoCorrector(VOCABULARY + LOOKALIKES, KNOWN)


@pytest.mark.parametrize("query", [
    "这是怀疑俺骗保啊",          # a sentence-final particle, not 保额
    "该查的都查了还要我说啥",      # an auxiliary verb + 查, not 核查
    "这样是算工伤吗",              # 是 + 算, not 试算
    "审核是不是要等材料交齐",      # 审核 + 是不是, not 核实
    "分红年年都有吗",              # a doubled character (every year), not 两年
    "去年年底才找到保单",          # 去年 + 年底
    "保险单上写着保三十万",        # a numeral, not 保单
    "同一件事第三次打进来",        # the word counted after a numeral, not 三差
    "投诉的记录能存多久",          # 的 inside a stretch is never a typo
    "替我妈问她保单的事",          # a pronoun, not 假保单
])
def test_ordinary_words_are_not_read_as_terms(careful: TypoCorrector, query: str) -> None:
    assert careful.rewrite(query).text == query


@pytest.mark.parametrize(("typed", "meant"), [
    ("格是条款啥时候算无效", "格式条款啥时候算无效"),   # a function character inside a long term is a typo
    ("俺记一下你的公号", "俺记一下你的工号"),           # a neighbour that is a function word says nothing
    ("做了提检还要告知吗", "做了体检还要告知吗"),
    ("宽线期能拖多久", "宽限期能拖多久"),
])
def test_typos_beside_words_are_still_corrected(careful: TypoCorrector, typed: str, meant: str) -> None:
    assert careful.rewrite(typed).text == meant


# Terms that ordinary words beside a stretch sound like (the false fixes search14b found on TUNE): the stretch
# itself is no word (释算, 核已), but the words around it already read as words (解释算数, 审核已经).
NEIGHBOURS = ["试算", "核实", "免赔", "核定", "失效", "拒保", "复议", "卒中", "去世", "过世", "预赔", "不保证", "两年",
              "工单", "期缴", "费差", "续期", "保险金", "调解", "投诉", "病历", "出险"]


def _reading(words: bool) -> TypoCorrector:
    vocabulary = VOCABULARY + NEIGHBOURS
    return TypoCorrector(vocabulary, KNOWN, words=WordFrequencies(bundled_frequencies(), vocabulary) if words else None)


@pytest.mark.parametrize("query", [
    "这种解释算数吗",          # 解试算数
    "理赔审核已经通过了",      # 审核实经
    "他的死亡赔偿金找谁领",    # 死免赔偿金
    "说不符合定义不给赔",      # 不符核定义
    "状态显示效力中止",        # 显失效力
    "他们要报告保险公司",      # 报拒保险公司
    "保单恢复以后你们还查吗",  # 恢复议后
    "老头子今年初中风了",      # 今年卒中风
    "材料交上去以后没动静",    # 交上去世后
    "短信说不予赔付",          # 不预赔付
    "当时拍胸脯保证的事",      # 拍胸不保证
    "车辆年检过期了",          # 车两年检
    "工商银行扣了我钱",        # 工单银行
    "保单早就过期作废了",      # 过期缴废
    "医药费最多赔多少",        # 医药费差多
    "银行买的保险今天第十二天",  # 保险金天
    "审核通过已结案",          # 通过世结案
])
def test_a_correction_that_reads_worse_than_what_was_typed_is_not_made(query: str) -> None:
    assert _reading(words=True).rewrite(query).text == query
    if query not in NO_LONGER_SOUND_ALIKE:
        assert _reading(words=False).rewrite(query).text != query  # the word frequencies are what stops it


# search22b: stretches that sounded like a term only through a reading the term's character is not said with (亡 wu,
# 中 zhong for 卒, 不 fou, 单 shan, 作 zuo for 缴, 最 for 差): term_sounds leaves nothing for the word frequencies to stop.
NO_LONGER_SOUND_ALIKE = {"他的死亡赔偿金找谁领", "老头子今年初中风了", "当时拍胸脯保证的事", "工商银行扣了我钱",
                         "保单早就过期作废了", "医药费最多赔多少"}


@pytest.mark.parametrize(("typed", "meant"), [
    ("宽线期能拖多久", "宽限期能拖多久"),     # a non-word becomes a word
    ("保单复笑要带什么", "保单复效要带什么"),  # a term the word list lacks counts as a word
    ("保废交不起了", "保费交不起了"),
    ("怎么退宝", "怎么退保"),
    ("我要头诉", "我要投诉"),
    ("头诉说15天内处理", "投诉说15天内处理"),  # 诉说 is a word, but 投诉 reads far better
    ("调节是怎么回事", "调解是怎么回事"),      # a word into a word loses little
    ("我爷爷的病例丢了", "我爷爷的病历丢了"),
    ("出线是啥意思", "出险是啥意思"),
])
def test_typos_that_read_better_corrected_are_still_corrected(typed: str, meant: str) -> None:
    assert _reading(words=True).rewrite(typed).text == meant


# The false fixes search14b left on TUNE, and the dialect groups' ordinary words (search16c).
LEFT_OVER = ["区别", "保单", "保险单", "保险金", "续期", "犹豫期", "尤豫期", "三差", "减额交清", "一些", "那个", "这个",
             "现在", "为什么", "赔款", "索赔", "核保", "缴钱"]


def _left_over(**options: object) -> TypoCorrector:
    vocabulary = VOCABULARY + LEFT_OVER
    return TypoCorrector(vocabulary, KNOWN, words=WordFrequencies(bundled_frequencies(), vocabulary),
                         same_as={"尤豫期": "犹豫期"}, **options)  # type: ignore[arg-type]


@pytest.mark.parametrize("query", [
    "原来的业务员跳槽去别家了",          # 去 + 别家, not 区别 + 家
    "我到底是保上了还是没保上",          # 保上 is "got insured", not 保单
    "我闺女那份保险上的字不是她写的",    # 保险 + 上, not 保险单
    "钱上差多少",                        # not 三差
    "他那个养老保险今年还一直在发",      # 今年, not 保险金 + 年
    "换之前要注意些啥",                  # 注意 + 些, not 一些 (a very common word is no term)
    "保险断了你们也不来个信儿",          # not 那个
    "是不是要先在医保那边登记",          # not 现在
])
def test_words_beside_a_stretch_that_read_as_words_are_not_corrected(query: str) -> None:
    assert _left_over().rewrite(query).text == query


@pytest.mark.parametrize(("typed", "meant"), [
    ("退保和撤单有啥去别", "退保和撤单有啥区别"),    # 去别 alone is still 区别
    ("那个有余期是多少天", "那个犹豫期是多少天"),    # 有 at the edge is part of the typo: 余期 is no word
    ("听说可以减额交请", "听说可以减额交清"),        # so is 请
    ("保废交不起了", "保费交不起了"),
    ("保单复笑要带什么", "保单复效要带什么"),
])
def test_typos_beside_those_words_are_still_corrected(typed: str, meant: str) -> None:
    assert _left_over().rewrite(typed).text == meant


# search18b: terms the false fixes of stop 31 made (退款 of 退行不行, 退保险 of 退保先, 利息 of 红利系咪).
STOP31 = ["退款", "理赔款", "退保险", "利息", "不赔"]


def _stop31(**options: object) -> TypoCorrector:
    vocabulary = VOCABULARY + LEFT_OVER + STOP31
    return TypoCorrector(vocabulary, KNOWN, words=WordFrequencies(bundled_frequencies(), vocabulary),
                         same_as={"尤豫期": "犹豫期"}, **options)  # type: ignore[arg-type]


@pytest.mark.parametrize("query", [
    "我替她去退行不行",           # 退 + 行不行, not 退款不行 (Cantonese 得唔得 becomes 行不行 before the corrector)
    "女婿替我去办理赔行不行",     # not 理赔款不行
    "供咗三年退保先得几千",       # Cantonese 先 (only then), not 退保险
])
def test_a_question_word_or_adverb_beside_a_stretch_is_no_typo(query: str) -> None:
    assert _stop31().rewrite(query).text == query


@pytest.mark.parametrize(("typed", "meant"), [
    ("退宽多久能到", "退款多久能到"),                   # no A不A question: still 退款 (退行 no longer sounds like it)
    ("寿险死了哪些情况陪不陪", "寿险死了哪些情况陪不赔"),  # the second A of A不A stays correctable
    ("保废先交了", "保费先交了"),                       # 先 outside the stretch
])
def test_typos_beside_a_question_word_are_still_corrected(typed: str, meant: str) -> None:
    assert _stop31().rewrite(typed).text == meant


def test_a_character_of_a_spoken_phrase_is_no_typo_where_the_phrase_stands() -> None:
    """红利系咪 is 红利 + Cantonese 系咪 (是不是), not 红利息 + 咪; the typo beside it is still corrected."""
    assert _stop31(word_phrases={"系咪"}).rewrite("分洪险啲红利系咪一定有").text == "分红险啲红利系咪一定有"
    assert _stop31().rewrite("分洪险啲红利系咪一定有").text == "分红险啲红利息咪一定有"


def test_a_function_word_inside_a_word_is_not_part_of_a_typo() -> None:
    """有 at the edge still blocks when the rest of the stretch is a word: 审核是 is not a typo of anything."""
    corrector = TypoCorrector(["核实", "审核时"], KNOWN, words=WordFrequencies(bundled_frequencies(), ["核实", "审核时"]))
    assert corrector.rewrite("审核是不是要等").text == "审核是不是要等"


def test_the_glossarys_one_character_spoken_words_are_no_typos() -> None:
    """Cantonese 嘅 and 咗 are words wherever they stand (the regulation corrector is given them)."""
    careful = _left_over(word_chars={"嘅", "咗"})
    assert careful.rewrite("工友话佢买嘅保险系假嘅").text == "工友话佢买嘅保险系假嘅"
    assert careful.rewrite("上年喺保单借咗钱").text == "上年喺保单借咗钱"
    # Without them these two were 核保 and 借缴钱 through 核 kai and 缴 zuo, readings those terms are not said with
    # (search22b, term_sounds); 咗 still sounds like 作 as said, and the guard still keeps it a word.
    guarded = TypoCorrector(["作废"], set(), word_chars={"咗"})
    assert guarded.rewrite("保单咗废").text == "保单咗废"
    assert TypoCorrector(["作废"], set()).rewrite("保单咗废").text == "保单作废"


def test_a_verb_and_its_result_are_no_typo_for_the_narrow_corrector() -> None:
    """The regulation search's corrector (only non-words) on customers' words: 赔完了, 说赔过 are words."""
    narrow = _left_over(non_words_only=True)
    assert narrow.rewrite("重疾赔完了保险还有效吗").text == "重疾赔完了保险还有效吗"
    assert narrow.rewrite("俺舅说赔过一回保险就没了").text == "俺舅说赔过一回保险就没了"
    assert narrow.rewrite("宽线期多久").text == "宽限期多久"


def test_only_a_stretch_that_is_no_word_is_a_typo_when_asked() -> None:
    """The regulation search's corrector reads formal words as words (调价 is no typo of 调解), typos still as typos."""
    vocabulary = VOCABULARY + ["调解"]
    narrow = TypoCorrector(vocabulary, KNOWN, words=WordFrequencies(bundled_frequencies(), vocabulary),
                           non_words_only=True)
    assert narrow.rewrite("保险产品调价要报备吗").text == "保险产品调价要报备吗"
    assert narrow.rewrite("宽线期多久").text == "宽限期多久"
    assert TypoCorrector(vocabulary, KNOWN).rewrite("保险产品调价要报备吗").text == "保险产品调解要报备吗"


def test_two_sound_alikes_that_stand_for_one_term_are_no_tie() -> None:
    """A glossary group lists typos as terms (尤豫期, 理培): a stretch that sounds like both the term and its typo
    becomes the term, where it used to be left alone as a tie."""
    same_as = {"尤豫期": "犹豫期", "理培": "理赔"}
    corrector = TypoCorrector(["犹豫期", "尤豫期", "理赔", "理培"], KNOWN, same_as=same_as)
    assert corrector.rewrite("还在由于期里").text == "还在犹豫期里"
    assert corrector.rewrite("能替她理倍吗").text == "能替她理赔吗"
    assert TypoCorrector(["犹豫期", "尤豫期"], KNOWN).rewrite("还在由于期里").text == "还在由于期里"


def test_a_single_sound_alike_is_not_replaced_by_its_groups_term() -> None:
    """分红 is in the group of 红利: 分洪 is corrected to 分红, the word typed, not to the group's first term."""
    corrector = TypoCorrector(["红利", "分红", "理赔", "理培"], KNOWN, same_as={"分红": "红利", "理培": "理赔"})
    assert corrector.rewrite("分洪到底保不保证").text == "分红到底保不保证"
    # Two sound-alikes of different terms stay a tie.
    assert TypoCorrector(["理赔", "理培"], KNOWN, same_as={}).rewrite("能替她理倍吗").text == "能替她理倍吗"


def test_correction_reports_what_it_changed(corrector: TypoCorrector) -> None:
    assert corrector.rewrite("分洪到底保不保证").changes == (("分洪", "分红"),)


@pytest.mark.parametrize("query", ["宽限期能拖多久", "理赔要几天", "我很坚持", "犹豫期几天"])
def test_words_the_content_uses_are_left_alone(corrector: TypoCorrector, query: str) -> None:
    assert corrector.rewrite(query).text == query


@pytest.mark.parametrize(("typed", "meant"), [
    ("凭什么不给我tuibao？", "凭什么不给我退保？"),   # a word typed in toneless pinyin inside Chinese text
    ("lipei要几天", "理赔要几天"),
    ("还在youyuqi里", "还在犹豫期里"),
    ("Tuibao", "退保"),
])
def test_a_term_typed_in_pinyin_becomes_the_term(corrector: TypoCorrector, typed: str, meant: str) -> None:
    assert corrector.rewrite(typed).text == meant


@pytest.mark.parametrize("query", ["app上查不到", "emo了 想退保", "online买的", "tuibaoo怎么办", "ICU住院"])
def test_latin_words_that_spell_no_term_are_left_alone(corrector: TypoCorrector, query: str) -> None:
    assert corrector.rewrite(query).text == query


def test_of_two_terms_read_alike_the_first_in_the_vocabulary_wins() -> None:
    """A glossary group lists its own term before the typos it knows (犹豫期 before 尤豫期)."""
    assert TypoCorrector(["犹豫期", "尤豫期"], KNOWN).rewrite("youyuqi").text == "犹豫期"
    assert TypoCorrector(["尤豫期", "犹豫期"], KNOWN | {"尤豫"}).rewrite("youyuqi").text == "尤豫期"


def test_a_word_that_heads_many_terms_is_a_term_a_typo_is_read_as() -> None:
    """qa25 S1: an agent typing zhongzhi got 中指 (a finger), a word the content names only inside longer terms
    (效力中止, 合同中止, 中止效力, 中止通知书), so 中指了 生病能赔吗 was read as typed and answered 什么情况算意外. A word
    that heads few terms (通知 of 中止通知书 alone), no word (止通), or a term already is not added."""
    vocabulary = ["效力中止", "合同中止", "中止效力", "中止通知书", "中止期间出险", "复效", "退保"]
    words = WordFrequencies(bundled_frequencies(), vocabulary)
    added = head_words(vocabulary, words)
    assert added == ["中止"]
    corrector = TypoCorrector([*vocabulary, *added], KNOWN, words=words)
    assert corrector.rewrite("中指了 生病能赔吗").text == "中止了 生病能赔吗"
    assert TypoCorrector(vocabulary, KNOWN, words=words).rewrite("中指了 生病能赔吗").text == "中指了 生病能赔吗"


def test_a_head_word_is_not_read_across_the_words_beside_it() -> None:
    """search51: the head words are general words (年龄, 银行, 销售, 告知, 万能, 变更), so half of a word beside a typed
    character sounded like one — 每年领的 was read as 每年龄的, 录音行不行 as 录银行不行, 最晚能 as 最万能. A stretch whose edge
    character makes a common word with the character beside it, or keeps a function word at its edge, is no head
    word's typo; a typo standing apart is read as before (中指了, 保线, 奶奶头保: 奶头 is a rare word)."""
    vocabulary = ["投保人", "投保单", "投保年龄", "投保日期", "年龄限制", "年龄上限", "最高年龄", "最低年龄", "年龄计算", "银行卡",
                  "银行转账", "银行账户", "银行代扣", "万能险", "万能账户", "万能型", "万能保险", "效力中止", "合同中止",
                  "中止效力", "中止通知书", "保险金", "保险费", "保险合同", "保险期间"]
    words = WordFrequencies(bundled_frequencies(), vocabulary)
    heads = head_words(vocabulary, words)
    assert {"投保", "年龄", "银行", "万能", "中止", "保险"} <= set(heads)
    corrector = TypoCorrector([*vocabulary, *heads], KNOWN, words=words, head_words=heads)
    for typed in ("年金以后每年领的会变少吗", "这个电话我要录音行不行", "最晚能拖到什么时候"):
        assert corrector.rewrite(typed).text == typed
    assert corrector.rewrite("保单已经中至了").text == "保单已经中止了"
    assert corrector.rewrite("喝了酒出事 保线还赔不赔").text == "喝了酒出事 保险还赔不赔"
    assert corrector.rewrite("奶奶头保用的身份证").text == "奶奶投保用的身份证"
    unguarded = TypoCorrector([*vocabulary, *heads], KNOWN, words=words)
    assert unguarded.rewrite("年金以后每年领的会变少吗").text == "年金以后每年龄的会变少吗"


def test_words_of_the_out_of_scope_examples_are_not_typos() -> None:
    corrector = TypoCorrector(["交钱", "保费"], KNOWN, bigrams(["交强险过期了怎么办"]))
    assert corrector.rewrite("交强险到期").text == "交强险到期"
    assert TypoCorrector(["交钱", "保费"], KNOWN).rewrite("交强险到期").text == "交钱险到期"


def test_a_sound_alike_sharing_no_character_is_not_a_typo(corrector: TypoCorrector) -> None:
    # 宝安 sounds like 报案 but shares no character: more likely a place name than a typo.
    assert corrector.rewrite("我住在宝安区").text == "我住在宝安区"


def test_two_equally_likely_terms_leave_the_typo_alone() -> None:
    corrector = TypoCorrector(["理赔", "理培"], KNOWN)  # both li-pei, both share 理 with 理倍
    assert corrector.rewrite("能替她理倍吗").text == "能替她理倍吗"
    assert corrector.rewrite("里赔要几天").text == "理赔要几天"  # 理培 shares no character with 里赔


def test_sound_alike_terms_follow_the_rule_character_by_character() -> None:
    """The indexed lookup finds exactly the terms the rule names: same length, a shared character in
    the same place, every character sharing a reading (checked on homophone mutations of each term)."""
    vocabulary = VOCABULARY + ["理培", "保额", "报恩", "复笑", "分期", "伏笑"]
    corrector = TypoCorrector(vocabulary, KNOWN)
    homophones = "宽款框线限现复付父效笑校据拒巨赔倍培保宝报费废飞理里李犹尤由豫预遇期其七案暗岸退腿分份纷红洪鉴见额恩"
    windows = {term[:i] + c + term[i + 1:] for term in vocabulary for i in range(len(term)) for c in homophones}
    windows |= {a + b for a in homophones[:20] for b in homophones[20:40]}

    def by_rule(window: str) -> str | None:
        alike = [t for t in set(vocabulary) if len(t) == len(window) and t != window
                 and any(a == b for a, b in zip(t, window)) and all(sounds(a) & sounds(b) for a, b in zip(t, window))]
        return alike[0] if len(alike) == 1 else None

    found = {window: corrector._sound_alike(window) for window in windows}  # noqa: SLF001 - the rule itself
    assert found == {window: by_rule(window) for window in windows}
    assert sum(term is not None for term in found.values()) > 30


def test_easily_confused_sounds_match() -> None:
    assert sounds("诉") & sounds("述")  # su / shu
    assert sounds("年") & sounds("连")  # nian / lian
    assert not sounds("报") & sounds("跑")  # bao / pao are different


def test_spoken_terms_become_the_glossary_term() -> None:
    spoken = SpokenTerms([GlossaryGroup("lapse", ("效力中止", "失效"), ("停交", "没续上")),
                          GlossaryGroup("reinstatement", ("复效", "恢复效力"), ("补上接着保", "续上"))])
    rewrite = spoken.rewrite("保费没续上一年多了 还能补上接着保不")
    assert rewrite.text == "保费效力中止一年多了 还能复效不"
    assert ("没续上", "效力中止") in rewrite.changes  # the longer phrase wins over 续上


@pytest.mark.parametrize(("query", "meant"), [
    ("保单能借钱吗 最多借多少", "保单能保单贷款吗 最多借多少"),     # the policy is named: a policy loan
    ("娃上大学急用钱 能从保险里借钱不", "娃上大学急用钱 能从保险里保单贷款不"),
    ("拖了俩月才给钱 我借钱看病的利息谁出", "拖了俩月才给钱 我借钱看病的利息谁出"),  # borrowed from others
    ("花呗借钱的利息是多少", "花呗借钱的利息是多少"),
])
def test_a_spoken_phrase_with_a_context_is_replaced_only_in_it(query: str, meant: str) -> None:
    spoken = SpokenTerms([GlossaryGroup("policy-loan", ("保单贷款", "借款"), ("借钱",), ("保单", "保险"))])
    assert spoken.rewrite(query).text == meant


@pytest.mark.parametrize(("query", "meant"), [
    ("我不想要我那份保险钱 让给我弟行不行", "我不想要我那份保险金 让给我弟行不行"),
    ("交保险钱的日子过了二十来天", "交保险钱的日子过了二十来天"),     # the premium, not the benefit
    ("扣保险钱的卡想换一张", "扣保险钱的卡想换一张"),
])
def test_a_spoken_phrase_is_not_replaced_beside_words_that_change_its_meaning(query: str, meant: str) -> None:
    spoken = SpokenTerms([GlossaryGroup("benefit", ("保险金", "理赔款"), ("保险钱",), (), ("交", "扣"))])
    assert spoken.rewrite(query).text == meant


def test_short_queries_have_no_clauses() -> None:
    assert story_clauses("宽限期多久") == []


def test_a_story_is_split_into_clauses_without_fragments() -> None:
    story = "我老公的保单去年三月就没扣上钱 我们根本不知道 你们说停效了不赔 凭什么"
    clauses = story_clauses(story)
    assert "我老公的保单去年三月就没扣上钱" in clauses
    assert all(len(c) >= 6 for c in clauses) and "凭什么" not in clauses


def test_the_question_of_a_story_is_its_asking_clauses() -> None:
    story = "我奶奶前年在邮局买的那份保险 去年冬天开始就没再交钱了 家里一直以为还有效 现在想问问还能不能接着保"
    assert story_question(story) == "现在想问问还能不能接着保"


def test_a_short_question_clause_keeps_the_clause_before_it() -> None:
    story = "我叔叔的保单去年秋天就没扣上钱 我们一家都不知道 今年住院你们说失效了不给赔 凭什么"
    assert story_question(story) == "今年住院你们说失效了不给赔，凭什么"


def test_short_queries_and_all_question_stories_have_no_separate_question() -> None:
    assert story_question("宽限期多久") is None
    assert story_question("犹豫期从哪天开始算 退保要扣钱吗 退的钱多久能到账呢") is None


@pytest.fixture(scope="module")
def bundled_spoken() -> SpokenTerms:
    from kb.content import load_content
    from tests.conftest import REAL_CONTENT
    return SpokenTerms(load_content(REAL_CONTENT).glossary)


@pytest.mark.parametrize(("typed", "meant"), [
    ("佢琴日入咗院", "他昨天入了院"),            # Cantonese written the way it is spoken
    ("点解唔赔俾我", "为什么不赔给我"),
    ("我老豆冇交保费两个月", "我老豆没有交保费两个月"),
    ("份分红险今年派息几多", "份分红险今年红利多少"),
    ("犹豫期有几耐", "犹豫期有多久"),                # search16a: the second batch of Cantonese words
    ("我张单仲喺犹豫期入面，你哋系咪退晒俾我", "我保单还在犹豫期里面，你们是不是退晒给我"),
    ("断咗保两年，仲可唔可以驳返", "效力中止两年，还可不可以复效"),
    ("攞返啲钱要去边度办，退保得唔得", "拿回些钱要去哪里办，退保行不行"),
    ("屋企人打嚟问嘢", "家里人打来问东西"),
    ("买嗰阵冇人讲，啱啱先知", "买那时候没有人讲，刚刚先知"),   # search16a, third batch
    ("我唔识普通话，谂住打电话问下", "我不会普通话，想住打电话问下"),
    ("听讲保险公司会执笠，我啲钱点计", "听讲保险公司会倒闭，我些钱怎么算"),
    ("阿爷过身咗，啲钱入我个簿仔", "阿爷身故了，些钱入我个存折"),
    ("个经纪话唔使讲", "个保险销售人员话不用讲"),
    ("两个仔定系个女做受益人", "两个儿子还是个女儿做受益人"),   # fourth batch: 个仔/个女 keep their measure word
    ("佢系投保人，唔系我", "他是投保人，不是我"),
    ("计埋礼拜六日，几时入数", "算上礼拜六日，几时到账"),
    ("一次过俾万几蚊", "一次过给万几元"),
])
def test_cantonese_words_in_the_bundled_glossary_become_mandarin(bundled_spoken: SpokenTerms, typed: str,
                                                                 meant: str) -> None:
    assert bundled_spoken.rewrite(typed).text == meant


@pytest.mark.parametrize("plain", ["受益人和我是什么关系", "理赔要提供哪些材料", "那我的保单呢", "系统里查不到保单",
                                   "不服可以申请仲裁吗，仲裁要多久",   # 仲 is 还 only outside 仲裁 / 仲介
                                   "到期返还的钱怎么领", "往返路费能报销吗"])  # 返 alone is Mandarin 返还
def test_mandarin_words_sharing_a_cantonese_character_stay(bundled_spoken: SpokenTerms, plain: str) -> None:
    assert bundled_spoken.rewrite(plain).text == plain


@pytest.mark.parametrize(("typed", "meant"), [
    ("我姆妈住院了 保险么样报", "我妈妈住院了 保险怎么样报"),     # Wuhan words (search20)
    ("伢的保单交了冇 我不晓得", "孩子的保单交了没有 我不知道"),
    ("退保要带么斯证件 本人不去行不行", "退保要带什么证件 本人不去行不行"),
    ("停了一年的保单想续保回来要么事手续", "停了一年的保单想办理复效要什么手续"),   # 续保 said for 复效
    ("保单过期半年了还能赔吗", "效力中止半年了还能赔吗"),
    ("今年分红险的利息少了一半", "今年保单红利少了一半"),                 # 利息 said for 红利
])
def test_wuhan_words_and_words_misused_for_terms_become_the_content_words(bundled_spoken: SpokenTerms, typed: str,
                                                                         meant: str) -> None:
    assert bundled_spoken.rewrite(typed).text == meant


@pytest.mark.parametrize(("typed", "meant"), [
    ("理赔进度怎么样了 伢的呢", "理赔进度怎么样了 孩子的呢"),        # 么样 inside 怎么样, 什么样 stays
    ("什么样的病不赔 姆妈问的", "什么样的病不赔 妈妈问的"),
    ("出了什么事要先报案 我不晓得", "出了什么事要先报案 我不知道"),    # 么事 inside 什么事 stays
    ("一年期医疗险停了想续保 我不晓得", "一年期医疗险停了想续保 我不知道"),  # real renewal of short-term cover
    ("保证续保的医疗险停售了还能续保吗 姆妈问的", "保证续保的医疗险停售了还能续保吗 妈妈问的"),
    ("红利累积生息，保险的利息几厘 姆妈问的", "红利累积生息，保险的利息几厘 妈妈问的"),   # real interest stays
    ("保单借款的利息，保险的利息怎么算 我不晓得", "保单借款的利息，保险的利息怎么算 我不知道"),
])
def test_mandarin_phrases_holding_a_wuhan_word_stay(bundled_spoken: SpokenTerms, typed: str, meant: str) -> None:
    assert bundled_spoken.rewrite(typed).text == meant


@pytest.mark.parametrize(("typed", "meant"), [
    ("危疾险索偿要咩文件", "重大疾病保险理赔要什么文件"),      # Hong Kong insurance words (search16a)
    ("份保单断供咗半年点算", "份保单停交保费了半年怎么办"),
    ("每个月供款几多", "每个月交费多少"),
    ("已经供咗十年，而家供唔起", "已经交了十年，现在交不起"),
    ("供满二十年有咩拎", "交满二十年有什么拎"),
    ("买危疾要唔要验身", "买重大疾病要不要体检"),
    ("等候期系几耐", "等待期系多久"),
    ("转去银行户口自动转账", "转去银行卡自动扣款"),
])
def test_hong_kong_insurance_words_become_the_mainland_terms(bundled_spoken: SpokenTerms, typed: str,
                                                             meant: str) -> None:
    assert bundled_spoken.rewrite(typed).text == meant


@pytest.mark.parametrize("plain", [
    "理赔要提供咗哪些材料",          # 提供 is no premium paid: 供咗 is left with it
    "供楼断供了银行会怎么处理",      # 断供 of a mortgage
    "强积金供款可以退吗",            # MPF contributions, not a premium
    "公司供应的午餐算福利吗", "停电供电恢复要多久", "口供能改吗",
    "户口本丢了怎么补办",            # 户口 alone is the household register
    "在等候期间可以先办别的吗",
    "医院给了一张单子和收据",        # 张单 of a receipt
    "股票经纪推荐的基金亏了",        # a stockbroker is no insurance agent
    "一个女人带着女儿来办理赔",      # 个女 of 一个女人 is no daughter
    "被蚊子咬了得登革热算意外吗",    # 蚊 is a dollar only outside 蚊子
])
def test_mandarin_words_sharing_a_hong_kong_word_stay(bundled_spoken: SpokenTerms, plain: str) -> None:
    rewritten = bundled_spoken.rewrite(plain).text
    for word in ("交了", "停交保费", "交费", "银行卡", "等待期", "保单", "保险销售人员", "个女儿", "元"):
        assert word not in rewritten or word in plain


@pytest.mark.parametrize(("typed", "meant"), [
    ("保单想过户给我女儿，以后她来交", "保单想变更投保人给我女儿，以后她来交"),   # 过户 said for 变更投保人 (search21b)
    ("刚收到保单，能退吗", "刚收到保单，怎么申请撤单"),          # inside the cooling-off period: a cancellation
    ("还在犹豫期，可以退掉吗", "还在犹豫期，怎么申请撤单"),
])
def test_a_transfer_of_a_policy_and_a_return_inside_the_cooling_off_period_become_the_content_words(
        bundled_spoken: SpokenTerms, typed: str, meant: str) -> None:
    assert bundled_spoken.rewrite(typed).text == meant


@pytest.mark.parametrize("typed", [
    "房子过户了，家财险的被保险人要不要改",       # a house, not a policy
    "车过户给儿子，车险怎么办",
    "犹豫期过了，还能退吗",                       # outside the period: a surrender
    "刚收到保单就找不着了，还能退吗",             # a lost policy keeps its own question
    "保单能退吗",                                  # nothing said about the period
])
def test_a_transfer_of_other_things_and_other_returns_stay(bundled_spoken: SpokenTerms, typed: str) -> None:
    assert bundled_spoken.rewrite(typed).text == typed


@pytest.mark.parametrize("query", [
    "让我妹妹去帮我退行啵",       # 行 (xing) is no typo of 款: only an archaic reading of 款 is xin
    "渔船互保今年保费涨了多少",   # 核 read hu
    "我原来交钱那张卡销户了",     # 号 read xiao
])
def test_a_term_sounds_as_it_is_said_not_in_every_dictionary_reading(query: str) -> None:
    """search22b: the typo fixer matched a typed character against every reading pypinyin lists for the term's."""
    corrector = TypoCorrector(["退款", "核保", "卡号"], {"保费"})
    assert corrector.rewrite(query).text == query


def test_a_reading_still_said_makes_a_typo() -> None:
    """癌 is yán in Taiwan and sounds as 岩 in Cantonese: 原位岩 is 原位癌 (SAID_READINGS)."""
    assert TypoCorrector(["原位癌", "退款"], set()).rewrite("宫颈原位岩赔唔赔").text == "宫颈原位癌赔唔赔"
    assert TypoCorrector(["退款"], set()).rewrite("退宽要几天").text == "退款要几天"


@pytest.mark.parametrize(("typed", "meant"), [
    ("这公司要是黄了，交的钱咋办", "这公司要是倒闭了，交的钱怎么办"),    # northern 黄了 of a company
    ("钱没交上能不能先从保单里面垫着", "钱没交上能不能先从保单里面垫交保费"),
    ("保单放了十几年，纸都黄了，公司还认不认", "保单放了十几年，纸都黄了，公司还认不认"),  # yellowed paper
    ("住院押金我先垫着，保单能报吗", "住院押金我先垫着，保单能报吗"),      # advancing a hospital deposit
])
def test_spoken_words_search22b_read(bundled_spoken: SpokenTerms, typed: str, meant: str) -> None:
    """search22b: 黄了 and 垫着 were unread on TUNE (垫着 had been fixed into 垫缴 only by a false typo fix)."""
    assert bundled_spoken.rewrite(typed).text == meant


@pytest.mark.parametrize(("typed", "meant"), [
    ("保单中至了是什么意思", "保单效力中止了是什么意思"),              # 中至: a homophone of 中止
    ("受宜人能写两个人吗", "受益人能写两个人吗"),                      # 受宜人: 宜人 is a word, the fixer leaves it
    ("合保要多久才有结果", "核保要多久才有结果"),
    ("这是综合保障的产品吗", "这是综合保障的产品吗"),                  # 综合保障 holds 合保 and is no typo
    ("我要头速你们的业务员", "我要投诉你们的业务员"),
    ("我要打一二三七八反映", "我要打国家金融监督管理总局反映"),        # the regulator's number read out in words
    ("能不能找人说和一下", "能不能找人调解一下"),
    ("我哥买保险不到两年就想不开走了，能赔吗", "我哥买保险不到两年就自杀走了，能赔吗"),
    ("亏了钱我一直想不开，保险能退吗", "亏了钱我一直想不开，保险能退吗"),  # upset, nobody died
    ("保险公司要是垮了，我的保单怎么办", "保险公司要是倒闭了，我的保单怎么办"),
    ("我身体垮了，你们公司能赔吗", "我身体垮了，你们公司能赔吗"),      # a body worn out, not a company
    ("分红放在里面的利钱怎么算", "分红放在里面的利息怎么算"),
])
def test_spoken_words_search24b_read(bundled_spoken: SpokenTerms, typed: str, meant: str) -> None:
    """search24b: words of four fresh TUNE writers the search did not read (typos the fixer leaves because each
    half is a common word, 想不开 of a death, 垮了 of a company, 利钱, 说和, the number 12378 said in words)."""
    assert bundled_spoken.rewrite(typed).text == meant


@pytest.mark.parametrize(("typed", "meant"), [
    ("客户要改银行卡怎么弄", "客户要交费账户变更怎么弄"),              # an agent's 改银行卡, as 换银行卡 already was
    ("变更银行卡要带什么", "交费账户变更要带什么"),
    ("年金改银行卡以后打到哪张卡", "年金改银行卡以后打到哪张卡"),      # the card the annuity is paid to
    ("我妈走了 保险钱咋领", "我妈走了 身故理赔手续"),                # after a death, 怎么领 is a death claim
    ("我爸去世了身故保险金怎么领", "我爸去世了身故理赔手续"),
    ("奶奶领年金的 她走了保险金怎么领", "奶奶领年金的 她走了保险金怎么领"),  # an annuitant's death: svc-annuitant-death
    ("出院了怎么报销", "住院医疗理赔"),
    ("出院了医保怎么报销", "出院了医保怎么报销"),                    # the social insurance's reimbursement
    ("保单挂失补办", "保单补发补办"),                                # a bank's word for a lost policy
    ("查现价", "查现金价值"),                                        # 现价 alone is jargon customers ask about
    ("你说的现价契撤我听不懂", "你说的现价契撤我听不懂"),
    ("银行卡挂失", "银行卡挂失"),
])
def test_spoken_words_search36_agents_read(bundled_spoken: SpokenTerms, typed: str, meant: str) -> None:
    """search36: an agent's shorthand on a live call (qa18's veteran and two TUNE agent writers): 改银行卡, 保险怎么领 after
    a death (read as svc-annuitant-death), 出院了怎么报销, 保单挂失 and 查现价 were refused or answered with another entry."""
    assert bundled_spoken.rewrite(typed).text == meant


@pytest.fixture(scope="module")
def bundled_particles() -> VerbParticleTerms:
    from kb.content import load_content
    from tests.conftest import REAL_CONTENT
    return VerbParticleTerms(load_content(REAL_CONTENT).glossary)


@pytest.mark.parametrize(("typed", "meant"), [
    ("换了银行卡怎么改", "换银行卡怎么改"),        # qa21's agent: the bank card of the premiums, refused on main
    ("上个月换了手机号 保单上的电话怎么改", "上个月换手机号 保单上的电话怎么改"),
    ("我爸心梗放了支架", "我爸心梗放支架"),
    ("我交了费了", "我交了费了"),                  # a two-character term split by 了 is left as typed
    ("卡换了怎么改", "卡换了怎么改"),              # 了 after the object: nothing of a glossary phrase is split
])
def test_a_glossary_phrase_said_with_le_after_its_verb_is_read_as_the_phrase(
        bundled_particles: VerbParticleTerms, typed: str, meant: str) -> None:
    """search46: 换了银行卡 kept only 银行 / 行卡 of the premium card's term (a bank's words to the answer gate)."""
    assert bundled_particles.rewrite(typed).text == meant


@pytest.mark.parametrize(("typed", "meant"), [
    ("保单停了半年了 能补交吗", "效力中止半年了 申请复效吗"),    # paying up a lapsed policy is reinstatement
    ("断交三个月了 还可以补交吗", "效力中止三个月了 还申请复效吗"),
    ("交费日过了 还能补交吗", "交费日过了 还能补交吗"),          # within the grace period: no lapse said
    ("保单停了 补交了能赔吗", "效力中止 补交了能赔吗"),          # a claim during the lapse: claim-during-suspension
    ("医保停了半年 还可以补交吗", "医保停了半年 还可以补交吗"),  # the social insurance's arrears: no policy's
])
def test_paying_up_a_lapsed_policy_is_read_as_reinstatement(bundled_spoken: SpokenTerms, typed: str,
                                                            meant: str) -> None:
    """qa25 S3: 保单停了半年了 能补交吗 was answered 中止期间出险能赔吗 first, 复效 second."""
    assert bundled_spoken.rewrite(typed).text == meant


@pytest.mark.parametrize(("typed", "meant"), [
    ("中止了 生病能陪吗", "中止了 生病能赔吗"),                 # 赔 typed as its homophone 陪 in a claim question
    ("意外骨折能不能陪", "意外骨折能赔吗"),
    ("住院能陪我去吗", "住院能陪我去吗"),                       # someone going along
    ("手术那天家属能陪吗", "手术那天家属能陪吗"),
    ("周末能陪吗", "周末能陪吗"),                               # nothing of a policy or an illness said
])
def test_pei_typed_for_a_claim_is_read_as_a_claim(bundled_spoken: SpokenTerms, typed: str, meant: str) -> None:
    """qa25 S1: 中指了 生病能陪吗 — with 中指 read as 中止, the 陪 still kept the claim entry third."""
    assert bundled_spoken.rewrite(typed).text == meant


@pytest.mark.parametrize(("typed", "meant"), [
    ("客户说保险到期了 还没来得及交钱 还管用吗", "客户说续期保费到了应交日 还没来得及交钱 还管用吗"),
    ("上个月钱没扣 她说保单到期了", "上个月钱没扣 她说续期保费到了应交日"),
    ("保险到期了 满期金怎么领", "保险到期了 满期金怎么领"),                 # maturity: nothing unpaid said
    ("保险到期了没交钱 能不能把钱退给她", "保险到期了没交钱 能不能把钱退给她"),  # a refund asked: left as typed
])
def test_a_policy_said_to_expire_beside_a_missed_premium_is_its_due_date(bundled_spoken: SpokenTerms, typed: str,
                                                                         meant: str) -> None:
    """qa26 S2: 保险到期了 还没来得及交钱 was answered 满期金怎么领 first."""
    assert bundled_spoken.rewrite(typed).text == meant


@pytest.mark.parametrize("typed", ["央行", "省份", "精度", "言行", "银杏", "客户说参保了", "中资怎么办", "保单已经中指了"])
def test_a_word_typed_whole_is_no_typo_of_a_head_word(typed: str) -> None:
    """search51's notes: 47 words of the list typed alone were read as a head word (央行 → 银行, 省份 → 身份, 精度 → 轻度,
    中资 → 中止) and 参保 as 承保. A stretch that is a word of the list is no typo of a head word; a wrong pinyin pick that
    is a word (中指 for 中止, qa25 S1) is the glossary's spoken form (suspension-typed-as-finger), not the corrector's."""
    vocabulary = ["效力中止", "合同中止", "中止效力", "中止通知书", "银行卡", "银行转账", "银行账户", "银行代扣", "身份证", "身份证明",
                  "身份核实", "身份信息", "轻度脑中风", "轻度疾病", "轻度认知", "轻度烧伤", "承保条件", "承保结论", "承保范围", "承保公司"]
    words = WordFrequencies(bundled_frequencies(), vocabulary)
    heads = head_words(vocabulary, words)
    assert {"中止", "银行", "身份", "轻度", "承保"} <= set(heads)
    corrector = TypoCorrector([*vocabulary, *heads], KNOWN, words=words, head_words=heads)
    assert corrector.rewrite(typed).text == typed
    assert corrector.rewrite("保单已经中至了").text == "保单已经中止了"  # no word: still read


@pytest.mark.parametrize(("typed", "meant"), [
    ("扣款没扣上 保单还有效吗", "保费扣款失败 保单还有效吗"),
    ("上个月没扣款 保险停了吗", "上个月保费扣款失败 保险停了吗"),
    ("卡里钱不够 没扣成", "卡里钱不够 保费扣款失败"),
    ("不想再用银行自动扣款了 怎么停止代扣", "不想再用银行自动扣款了 怎么停止代扣"),  # a wish to stop: left as typed
    ("基金定投这个月没扣成功", "基金定投这个月没扣成功"),                          # another scheme's debit
    ("房贷这个月没扣上 会不会上征信", "房贷这个月没扣上 会不会上征信"),
])
def test_a_debit_that_failed_is_read_as_a_failed_premium_debit(bundled_spoken: SpokenTerms, typed: str,
                                                                meant: str) -> None:
    """qa27 S1: 扣款没扣上 保单还有效吗 was answered 不想再用银行自动扣款了，怎么停止代扣？ at 0.96 — 扣款 alone brought
    in the auto-debit terms (银行代扣 …); a debit that did not go through is the premium's failed debit."""
    assert bundled_spoken.rewrite(typed).text == meant


@pytest.mark.parametrize(("typed", "meant"), [
    ("断保了钱退不回来了是吗", "效力中止了还能退多少钱了是吗"),
    ("我保险断了 之前交的钱就白交了？", "我效力中止 之前交的还能退多少钱？"),
    ("还在等待期就查出癌 是不是白交了", "还在等待期就查出癌 是不是白交了"),  # a waiting period: no lapse said
    ("钱退不回来 我要投诉", "钱退不回来 我要投诉"),                            # nothing of a lapsed policy said
])
def test_money_said_lost_on_a_lapsed_policy_asks_what_is_left_of_it(bundled_spoken: SpokenTerms, typed: str,
                                                                     meant: str) -> None:
    """qa27 S4: 断保了钱退不回来了是吗 was answered 保单效力中止是什么意思？, the entry that answers it (中止了还能退保拿
    现金价值吗) second; 我保险断了 (not read as a lapse) … 白交了 drew 自动垫交."""
    assert bundled_spoken.rewrite(typed).text == meant


@pytest.mark.parametrize(("typed", "meant"), [
    ("保单过期没交钱 现在咋整", "续期保费到了应交日钱 现在怎么办"),
    ("保单过期停了半年 还能不能再用", "效力中止停了半年 还能不能再用"),  # nothing unpaid said: the lapse reading
])
def test_a_premium_said_overdue_and_unpaid_is_its_due_date(bundled_spoken: SpokenTerms, typed: str, meant: str) -> None:
    """qa27 S3: 保单过期没交钱 (no span) was read 效力中止没交钱 and answered 保单效力中止是什么意思？ at 0.93, whose 话术
    asserts a suspension; unpaid past the due date is as likely inside the 60-day grace period."""
    assert bundled_spoken.rewrite(typed).text == meant


@pytest.mark.parametrize(("typed", "meant"), [
    ("帐户变了怎么改扣款", "账户变了怎么改扣款"),
    ("理赔款转帐到哪个帐户", "理赔款转账到哪个账户"),
    ("退保申请交了 几天能到帐", "退保申请交了 几天能到账"),
    ("投保人身分怎么核实", "投保人身份怎么核实"),
    ("帐篷被风刮坏了能赔吗", "帐篷被风刮坏了能赔吗"),        # a tent, no account
    ("这个保险本身分红吗", "这个保险本身分红吗"),            # 本身 + 分红, no 身分
])
def test_old_forms_of_a_character_are_read_as_the_standard_one(bundled_spoken: SpokenTerms, typed: str,
                                                                meant: str) -> None:
    """search53b: customers type 帐户, 帐号, 到帐, 身分 (older or Taiwan forms); the content writes 账户, 到账, 身份, so a
    keyword never met them (身分证 alone was corrected as a homophone of 身份证; 投保人身分 was not)."""
    assert bundled_spoken.rewrite(typed).text == meant


@pytest.mark.parametrize(("typed", "meant"), [
    ("忘了交保费 保单还有效吗", "保费晚交 保单还有效吗"),
    ("忘交了 怎么办", "保费晚交 怎么办"),
    ("忘记交钱了 保险还管用吗", "保费晚交了 保险还管用吗"),
    ("忘了交理赔材料了 还能补吗", "忘了交理赔材料了 还能补吗"),                          # papers, no premium
    ("要是我忘了交 你们会自动帮我垫上吗", "要是我忘了交 你们会自动帮我垫上吗"),          # asks about the automatic loan
])
def test_a_premium_forgotten_is_a_premium_paid_late(bundled_spoken: SpokenTerms, typed: str, meant: str) -> None:
    """search53b: 忘了交保费 保单还有效吗 was answered 什么是保费自动垫交？, 忘交了 怎么办 refused; a premium forgotten with
    no span said is one paid late, inside the 60-day grace period first (保险法第三十六条)."""
    assert bundled_spoken.rewrite(typed).text == meant


@pytest.mark.parametrize(("typed", "meant"), [
    ("当时是我儿子帮我签的 这个保险还算数不", "当时是我儿子代签 这个保险还算数不"),
    ("是我表姐替她签的名", "是我表姐代签名"),
    ("保单是我儿子帮我签收的", "保单是我儿子帮我签收的"),        # signed for the delivery: the cooling-off start
])
def test_someone_signing_for_her_is_a_proxy_signature(bundled_spoken: SpokenTerms, typed: str, meant: str) -> None:
    """qa26 S4: 阿姨说当时是我儿子帮我签的 我自己没签 这个保险还算数不 她买了好几年了 → 不可抗辩条款 first (好几年 … 没签
    read like its variant 买了好几年，当初有病没说); 帮我签的 is 代签."""
    assert bundled_spoken.rewrite(typed).text == meant


@pytest.mark.parametrize(("typed", "meant"), [
    ("我爸住院的理赔材料上个月就交了，到现在还没消息，到底赔不赔", "我爸住院的理赔材料上个月就交了，到现在还没有审核结果，到底赔不赔"),
    ("理赔资料交上去半个月了 一点动静都没有", "理赔资料交上去半个月了 还没有审核结果"),
    ("理赔款批了好几天了还没消息", "理赔款批了好几天了还没消息"),              # approved: the money is awaited, not the decision
    ("我哥出去打工十年没消息 法院宣告死亡了 保险能赔吗", "我哥出去打工十年没消息 法院宣告死亡了 保险能赔吗"),  # a missing person
    ("退保申请交了一个星期还没消息", "退保申请交了一个星期还没消息"),          # no claim
])
def test_a_claim_with_no_news_yet_is_awaiting_its_decision(bundled_spoken: SpokenTerms, typed: str, meant: str) -> None:
    """qa28 S1: a claim whose papers are in and 还没消息 was answered 谁可以申请理赔？ (我爸住院 is that entry's variant's words);
    the customer is waiting for the decision (理赔申请交上去后，多久能出审核结果？)."""
    assert bundled_spoken.rewrite(typed).text == meant



@pytest.mark.parametrize(("typed", "meant"), [
    ("续期的钱还没交呢，人就出了车祸，保险管不管", "续期的钱还没交呢，人就出了车祸，保险宽限期内出险能否理赔"),
    ("保费晚了二十天没交，中间查出来肿瘤，还赔吗", "保费晚了二十天没交，中间查出来肿瘤，宽限期内出险能否理赔"),
    ("卡里余额不够扣款失败了，这段时间生病了给不给赔", "卡里余额不够扣款失败了，这段时间生病了宽限期内出险能否理赔"),
    ("上个月卡里没钱没扣上怎么办", "上个月卡里没钱保费扣款失败怎么办"),             # no paid question: the failed debit
    ("保费好几个月没扣上，这段时间住院了还赔吗", "保费好几个月保费扣款失败，这段时间住院了还赔吗"),  # months: suspension
    ("保单停了没交钱 生病了赔不赔", "效力中止没交钱 生病了赔不赔"),                  # stopped: suspension
    ("理赔材料还没交，能赔吗", "理赔材料还没交，能赔吗"),                              # the claim's papers, no premium
    ("投保单签了还没交钱 出事了赔不赔", "投保单签了还没交钱 出事了赔不赔"),            # a new policy's first premium
])
def test_a_premium_just_missed_with_a_paid_question_is_a_claim_in_the_grace_period(bundled_spoken: SpokenTerms,
                                                                                  typed: str, meant: str) -> None:
    """qa29 S1: 上个月卡里没钱没扣上，这期间出事了你们赔不赔 opened 续期保费银行扣款失败了怎么办？ (宽限期内出险了能赔吗？ 4th).
    A premium missed with no span said (or last month) is inside the 60-day grace period (保险法第三十六条), and whether
    an event in it is paid is that entry's question."""
    assert bundled_spoken.rewrite(typed).text == meant


@pytest.mark.parametrize(("typed", "meant"), [
    ("业务员说分红是保底的 现在才几百块 这算不算骗人", "业务员说分红是保底的 现在才几百块 被业务员骗了"),
    ("业务员当初说三年就能回本 现在退保亏一半 是不是骗人", "业务员当初说三年就能回本 现在退保亏一半 被业务员骗了"),
    ("钱退不回来 我要投诉 你们骗人", "钱退不回来 我要投诉 销售误导"),      # no salesperson's words: not this reading
    # (search55, qa27 S2: 你们骗人 with money wanted back is 销售误导)
    ("业务员骗人 我要退保", "业务员骗人 我要退保"),                          # said, not asked (search53's reading broke DEV)
])
def test_asking_whether_what_the_salesperson_said_was_deceit_is_being_deceived_by_the_salesperson(
        bundled_spoken: SpokenTerms, typed: str, meant: str) -> None:
    """qa28 S2: 业务员说分红是保底的 现在才几百块 这算不算骗人 did not list norms-blame-salesperson (客户说被业务员骗了坐席怎么
    回应) among the five. Only the question 算不算 / 是不是骗人 beside what the salesperson said is read."""
    assert bundled_spoken.rewrite(typed).text == meant
