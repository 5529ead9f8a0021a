import pytest

from kb.content import ForbiddenPhrase
from trainer.dialogue.detectors import Detectors, rule_floor, scripted_codes
from trainer.dialogue.wording import english

FORBIDDEN = (
    ForbiddenPhrase("forbid-guarantee-payout", "保证能赔", "absolute_promise", "承诺赔付属于误导。", "会按条款审核。", ("肯定能赔",)),
    ForbiddenPhrase("forbid-go-complain", "你去投诉啊", "rude", "激化矛盾。", "我帮您登记。"),
)


def behaviours(evidence):
    return {e.behaviour: e.quote for e in evidence}


def test_positive_behaviours_quote_the_agents_words():
    text = "非常理解您的心情，给您带来不便非常抱歉。请问您是投保人本人吗？您是哪天出院的？我帮您登记投诉，请问还有其他可以帮您的吗？"
    found = behaviours(Detectors(FORBIDDEN).positives(text))
    assert set(found) >= {"empathy", "apology", "verification", "clarifying_question", "next_step", "escalation", "closing"}
    for quote in found.values():
        assert quote in text


def test_forbidden_phrases_and_promises_are_flagged_with_the_phrase():
    found = Detectors(FORBIDDEN).negatives("放心吧，肯定能赔，赔不了你去投诉啊。", set())
    quotes = {e.behaviour: e.quote for e in found}
    assert "肯定能赔" in quotes["absolute_promise"]
    assert "你去投诉啊" in quotes["rude"]
    assert found[0].better == "会按条款审核。"


def test_negated_promise_is_not_a_promise():
    assert Detectors(FORBIDDEN).negatives("现在还不能保证能赔，要看审核结果。", set()) == []


@pytest.mark.parametrize("text", [
    "您还有别的要问的吗？",            # offering to close
    "喂，您还能听到吗？",              # checking the line
])
def test_questions_that_do_something_else_are_not_clarifying_questions(text):
    assert "clarifying_question" not in behaviours(Detectors(()).positives(text))


def test_a_question_about_the_case_is_a_clarifying_question():
    assert behaviours(Detectors(()).positives("嗯，您是哪天住的院？"))["clarifying_question"] == "嗯，您是哪天住的院？"


@pytest.mark.parametrize("text", [
    "那个…我没办法跟您保证一定能赔，这个要理赔审核的。",  # the negation seven characters before the promise
    "瞅您这单，电话登记的是您儿子的，难怪您没接着。",      # 难怪您: no wonder, not blame
    "您刚才是说，保单是您闺女替您签的，您自己没签，是这个意思吧？",  # restating the customer
])
def test_negated_excused_and_restated_faults_are_not_flagged(text):
    assert Detectors(FORBIDDEN).negatives(text, set()) == []


def test_a_negation_in_an_earlier_clause_does_not_cancel_a_promise():
    found = Detectors(()).negatives("不用担心，一定能赔。", set())
    assert [e.behaviour for e in found] == ["absolute_promise"]


def test_promise_pattern_works_without_service_language():
    found = Detectors(()).negatives("这个病一定会赔的。", set())
    assert [e.behaviour for e in found] == ["absolute_promise"]


def test_blame_is_flagged():
    found = Detectors(FORBIDDEN).negatives("那是你自己没看条款。", set())
    assert [e.behaviour for e in found] == ["blame"]


def test_jargon_needs_an_explanation_once():
    detectors, explained = Detectors(FORBIDDEN), set()
    assert [e.behaviour for e in detectors.negatives("您可以办理减额交清。", explained)] == ["jargon"]
    assert detectors.negatives("减额交清，也就是用现金价值一次交清、降低保额。", set()) == []
    assert detectors.negatives("复效要恢复效力。", {"复效"}) == []


# (reply, term left unexplained or None): an explanation right next to the term, before or after it,
# in the same reply counts; one a clause away without any link to the term does not, unless it states the
# term's plain meaning (judge17).
@pytest.mark.parametrize("text, unexplained", [
    ("您可以申请减额交清：保额降低一些，以后就不用再交保费了。", None),
    ("这个叫“减额交清”：保额调低，后面的保费都不用再交了。", None),
    ("我们可以办减额交清，就是把保额降下来，以后不用再交钱。", None),
    ("账户不够扣的话会自动垫交——用保单的现金价值先帮您把保费垫上。", None),
    ("可以考虑减额交清。意思是保额降一些，以后就不用交保费了。", None),
    ("这种情况算出险。说白了，就是发生了合同里约定的事故。", None),
    ("保额降低一点、以后不用再交钱，这个我们叫减额交清。", None),
    ("两年内补交保费和利息，合同就能恢复，这就是所谓的复效。", None),
    ("您现在的保单处于效力中止（保障暂时停了）的状态。", None),
    ("您可以做一个保全变更。", "保全"),
    ("保单已经效力中止了，您尽快处理一下。", "效力中止"),
    ("我帮您办一个叫减额交清的业务。", "减额交清"),
    ("您这个叫减额交清。", "减额交清"),
    ("我先帮您查一下契撤进度。您放心，今天就有结果。", "契撤"),
    ("减额交清。您看怎么样？", "减额交清"),
    # judge17: the term's plain meaning anywhere in the same reply explains it, before or after it
    ("还可以办减额交清，以后不用再交保费，但保额会降低。", None),
    ("以后不用再交保费，保额会降低一些。您看要不要办减额交清？", None),
    ("恢复的话叫复效，要补交保费和利息。", None),
    ("您可以申请复效。补交保费和利息以后，保单就恢复了。", None),
    ("您的保单可以申请复效。", None),  # judge40p: the company's own word, said to customers (not a listed term)
    ("还可以办减额交清，您考虑一下。", "减额交清"),
    ("您这个现价不高。", "现价"),
    # the plain meaning said negated explains nothing ("不是保额降低" is not what 减额交清 means)
    ("您可以办减额交清，不过不是保额降低那种。", "减额交清"),
    # judge40p: named after its description with 也就是, the term as the tail of the word so named, and a term inside a
    # longer listed term judged as that term (承保 in 除外承保)
    ("公司是多收了点保费才给保的，也就是加费承保，所以贵一点。", None),
    ("要再做一遍健康审核，也就是咱内部说的二核，看您身体有没有变化。", None),
    ("意思是以后甲状腺的问题不保，其他照常保，这个叫除外承保～", None),
    ("您这单是除外承保。", "除外承保"),
])
def test_jargon_explained_next_to_the_term_is_not_flagged(text, unexplained):
    found = [e for e in Detectors(FORBIDDEN).negatives(text, set()) if e.behaviour == "jargon"]
    if unexplained is None:
        assert found == []
    else:
        assert [unexplained in e.advice for e in found] == [True], found


# judge29: desk words and codes in Latin capitals a customer cannot know, unexplained (train split: each said
# unexplained only in lines labelled jargon); explained, or a code a customer meets everywhere, they are none.
@pytest.mark.parametrize("text, term", [
    ("您这份是按标体承保的。", "标体"),
    ("您这单还挂着照会没回。", "照会"),
    ("这笔理赔转二核了，您等一等。", "二核"),
    ("您这个结论是拒付。", "拒付"),
    ("系统显示您这单的状态是RPU。", "RPU"),
    ("您的EM值有点高，所以加了费。", "EM"),
])
def test_desk_words_and_codes_left_unexplained_are_jargon(text, term):
    found = [e for e in Detectors(FORBIDDEN).negatives(text, set()) if e.behaviour == "jargon"]
    assert [term in e.advice for e in found][:1] == [True], found


@pytest.mark.parametrize("text", [
    "二核就是理赔的时候再把您投保时的健康情况重新核一遍。",  # explained right there
    "照会，意思是审核的同事想请您补充一点健康情况。",
    "您在我们APP上点保单服务就能看到。",                   # a code every customer meets
    "您住院时做的CT报告也一起交上来。",
    "您的申请单号是LP20240315，您记一下。",                 # a reference number, not a code
])
def test_explained_desk_words_and_everyday_codes_are_not_jargon(text):
    assert [e for e in Detectors(FORBIDDEN).negatives(text, set()) if e.behaviour == "jargon"] == []


# calls45: a code is a whole Latin token, judged whole — 心肌酶CK-MB was faulted for its "MB"; a code the content's own
# scripts say to customers (CK-MB: the severe-AMI entry's script) is the company's word, no desk code.
@pytest.mark.parametrize("text, scripted, flagged", [
    ("或者心肌酶CK-MB到正常上限的2倍以上。", ("CK-MB",), []),
    ("或者心肌酶CK-MB到正常上限的2倍以上。", (), ["CK-MB"]),      # a code still, but the whole of it
    ("诊断按ICD-10的编码来。", (), []),                              # a name with digits is no capital code
    ("系统显示您这单的状态是RPU。", ("CK-MB",), ["RPU"]),             # a desk code stays one
    ("您的CK指标偏高。", ("CK-MB",), ["CK"]),                          # a part of a scripted code alone is not it
])
def test_a_code_is_judged_as_its_whole_token(text, scripted, flagged):
    found = [e for e in Detectors(FORBIDDEN, scripted_codes=scripted).negatives(text, set()) if e.behaviour == "jargon"]
    assert [next(c for c in ("CK-MB", "RPU", "CK", "CV", "MB") if f"“{c}”" in e.advice) for e in found] == flagged, found


def test_the_contents_scripts_name_the_codes_they_say_to_customers():
    assert scripted_codes(["比如心肌酶CK-MB达到正常上限2倍以上，或者做个CT。", "您这单CV就那么多"]) == {"CK-MB", "CT", "CV"}


def test_plain_words_containing_a_term_are_not_jargon():
    assert Detectors(FORBIDDEN).negatives("补交保费后合同恢复效力。", set()) == []


def test_the_detectors_advice_has_english_for_the_english_ui():
    detectors = Detectors(FORBIDDEN)
    found = [*detectors.positives("非常理解您的心情，给您带来不便非常抱歉。"),
             *detectors.negatives("那是你自己没看条款。这个病一定会赔的。您可以办理减额交清。", set())]
    assert {e.behaviour for e in found} >= {"empathy", "apology", "blame", "absolute_promise", "jargon"}
    assert all(english(e.advice) != e.advice for e in found), found  # each has its own English
    [jargon] = [e for e in found if e.behaviour == "jargon"]
    assert english(jargon.advice).startswith("“减额交清” is internal jargon: ")  # the quoted term stays as said


# judge18: faults in the trainee's own words that the adjacent cue forms missed (each row fails on the old
# rules), and the counter-examples beside them that must stay clean. Written for this table, not from the corpus.
FAULTS_IN_OWN_WORDS = [
    ("您这个要求说实话有点不现实，买保险的谁也没这么退的。", "rude"),  # calls47: cw3-h media-threat bad call, its demand judged
    ("这段时间我保证出什么事都全额赔。", "absolute_promise"),
    ("您放心，钱下礼拜肯定能到账。", "absolute_promise"),
    ("不管怎样我保证您这笔钱今天到账。", "absolute_promise"),
    ("一定给您全部退给您，一分不少。", "absolute_promise"),
    ("这么简单的事您都记不住？", "rude"),
    ("这都不知道？合同第一页就写着。", "rude"),
    ("连这个都看不懂啊？", "rude"),
    ("合同写得明明白白，您自己当初没细看怪谁？", "blame"),
    ("那您说这能怪谁？", "blame"),
    ("过了宽限期才打电话，这又能怪谁呢？", "blame"),
    ("短信每个月都发了，这个也不能怪我们呀。", "blame"),
    # judge19: an impatient opener before a correct answer (the classifier reads the sentence whole and missed it)
    ("行了行了，我直接说吧，犹豫期是15天，过了犹豫期退保只退现金价值。", "rude"),
    ("赶紧的，您把身份证后四位报一下，我给您查。", "rude"),
    ("别打岔，我说完您再问，严重脑中风后遗症要确诊180天后才能申请。", "rude"),
    ("我就说一遍啊，宽限期是60天，过了就停效。", "rude"),
    ("王女士，您听我说完行不行，退保只退现金价值。", "rude"),
    # judge21: the spoken promise words (保准/一准/准到/铁定), a payout with no exception, vouching for it
    ("放心，这笔钱后天准到您账上。", "absolute_promise"),
    ("您这种情况保准能批下来。", "absolute_promise"),
    ("您这笔退款下周肯定到账。", "absolute_promise"),
    ("咱们公司就没有赔不了的，您放心。", "absolute_promise"),
    ("这个收益是铁定的，您放心。", "absolute_promise"),
    ("复核能改过来，我给您打包票。", "absolute_promise"),
    # judge21: blame passed on, the customer sent to someone else, the customer's slip made the cause
    ("这事儿不归我们部门管，您自己想办法。", "blame"),
    ("体检报告是医院出的，您找医院去。", "blame"),
    ("这是您自己输错了密码，可不赖我们。", "blame"),
    ("说到底是怪那个业务员没讲清楚。", "blame"),
    ("过了宽限期才出事，怪不着公司。", "blame"),
    # judge21: an empty answer — wait with no when, not knowing and leaving it there
    ("具体什么时候我也说不准，您就等通知吧。", "vague"),
    ("嗯…这个我也不太清楚。", "vague"),
    ("三言两语说不清，您就等着吧。", "vague"),
    # judge23: a report reaches its own clause, not the agent's words beside it in the same sentence
    ("业务员说的那个数不算，您这笔退款下周肯定到账。", "absolute_promise"),
    ("他说的那个收益不作数，不过您放心，这钱下周准到您卡上。", "absolute_promise"),
    ("业务员说的那都是他个人说法，您找他掰扯去。", "blame"),
    ("您自己说的“都清楚”，现在又说不知道，这又能怪谁呢？", "blame"),
    # judge25: a dispute said won, money said to arrive, every illness paid, the amount untouchable, "sure, no problem"
    ("这个投诉您放心，肯定能赢。", "absolute_promise"),
    ("钱后天一准到，您放心。", "absolute_promise"),
    ("买了这款，什么病都能赔。", "absolute_promise"),
    ("退保金一分不少打给您。", "absolute_promise"),
    ("分红只会多不会少，您放心。", "absolute_promise"),
    ("这个您放心，保准没问题。", "absolute_promise"),
    # judge25: the agent disowning it, the company "not wrong", a signature held against the customer, a colleague
    # belittled, the customer's own omission
    ("这事您问别人吧，跟我可没关系。", "blame"),
    ("反正我们没错，您爱去哪说去哪说。", "blame"),
    ("回执您签了就说明您都看过了。", "blame"),
    ("您都签了字还说不知道？", "blame"),
    ("那个客服是新来的，她说的不算。", "blame"),
    ("是您自己搬了家没通知我们，信才寄丢的。", "blame"),
    # judge29: rudeness in spoken words — hurried, told it was said before, brushed off, told to be quiet, talked
    # down to, a hang-up threatened (#12: "什么事，快点说…" was 合规 100). Written for this table, not from the corpus.
    ("什么事，快点说，我这边后面还排着一堆电话呢。", "rude"),
    ("您到底要办什么，说重点。", "rude"),
    ("宽限期是60天，这个我都讲了好几遍了。", "rude"),
    ("上周不是说过了吗，要本人带身份证来。", "rude"),
    ("您爱信不信，条款就是这么写的。", "rude"),
    ("退不退随你咯，反正就这个数。", "rude"),
    ("您去告呗，结果还是这个。", "rude"),
    ("转给主管也白搭，主管也是这么批的。", "rude"),
    ("您再嚷嚷也没用，审核结果改不了。", "rude"),
    ("这个跟您说了您也不懂，照着办就行。", "rude"),
    ("您要再这样我就挂了。", "rude"),
    ("我这边很忙的，没空跟您一条一条解释。", "rude"),
    # judge38r: shapes the train split's misses share — a rhetorical 怪谁, told not to keep calling, waved off,
    # talked down to, told off. Written for this table, not from the corpus.
    ("当初让您按时交费您不交，现在停效了赖谁啊？", "rude"),
    ("结果就是这样，您不用总打电话来问。", "rude"),
    ("条款都在合同里，您自己翻翻合同呗。", "rude"),
    ("您跟我讲也白讲，这个我定不了。", "rude"),
    ("您爱问谁问谁，答复就是这个。", "rude"),
    ("没有就是没有，您再问也一样。", "rude"),
    ("这里头的门道您也听不懂，照我说的填就行。", "rude"),
    ("您冲我发脾气干嘛，我也是打工的。", "rude"),
    # judge50: 一定 as "certainly" before a payout still promises (the look-alikes, "a certain", are below)
    ("轻症这块您放心，一定能赔。", "absolute_promise"),
    ("这笔钱下周一定到账。", "absolute_promise"),
]
CLEAN_COUNTER_EXAMPLES = [
    "我没法保证出了事一定全额赔，要看理赔审核。",        # negated promise
    "这个我不敢跟您保证一定到账，到账时间以银行为准。",    # negated promise
    "我一定尽快帮您处理理赔申请。",                        # a promised service step, not the payout
    "我一定把您的材料转给理赔那边，今天就交上去。",        # the same
    "这个肯定要看合同条款才能确定赔不赔。",                # hedged
    "肯定不赔的情况我先跟您说清楚：酒驾出事不赔。",        # promises nothing
    "这不怪您，是我们通知没寄到。",                        # reassurance
    "怪我没说清楚，我再讲一遍。",                          # the agent takes the fault
    "这事不是怪谁的问题，我们一起看看怎么补救。",          # negated
    "这一下说这么多，您可能也记不住，我短信发您一份。",    # hedged, not a question
    "这个我也不知道？那我问一下同事。",                    # said of the agent
    "这点您还有不明白的吗？",                              # a polite question
    "这些条款您都清楚吗？",                                # a polite question
    "好的好的，我直接跟您说结论：犹豫期是15天。",          # a calm lead-in (judge19)
    "您别急，我直接说重点，宽限期是60天。",                # the same
    "不打岔了，您先说，我听着。",                          # the agent's own restraint
    "好了好了，您别哭了，我们慢慢来。",                    # comforting
    "这样就行了，您放心。",
    "您先听我说完这一条，说完您有什么不满意的尽管提。",    # train split: not rude
    "客户说“行了行了，别说了”，我就先挂了。",            # quoted
    # judge21: the forms of the new promise, blame and vague rules a trainee should say
    "我不敢跟您打包票，材料我一定原样递上去。",            # negated vouching
    "这个说不准能不能批下来，要看审核。",                  # hedged (说不准 is no 准到)
    "标准到底是多少，我给您查一下。",                      # 标准 is no promise word
    "您填错了也没关系，我帮您改过来。",                    # never mind
    "不是您操作错了，是系统那天扣款失败。",                # negated
    "这个不归我们客服管，不过我帮您转给理赔部，今天就有人联系您。",  # a hand-off
    "您可以去医院开个诊断证明吧。",                        # a next step, not sending away
    "这个我不太清楚，我帮您问一下理赔组，半小时内回您电话。",  # not knowing, then a next step
    "审核结果出来我第一时间给您打电话，您等通知吧。",      # a wait with a next step
    "我不知道您现在方不方便？",                            # a polite question
    "宽限期内出险照样赔，您别担心。",                      # the grace period's rule, said right
    "保单原件我们一定给您补上。",                          # a service step, not an outcome
    "钱肯定到账了，您查一下短信。",                        # a fact, not a promise
    # judge23: restatements stay someone else's words across their clauses
    "您是说，业务员跟您讲，这笔钱下周肯定到账，是吧？",    # asked back
    "您刚才说，业务员讲过，这笔退款下周肯定到账。",        # the report runs on past its clause
    "业务员跟您说的是下周肯定到账，对吗？",
    "您的意思是，业务员说了这笔退款下周肯定到账？",
    # judge25: the forms of the new promise and blame rules a trainee should say
    "不是什么病都能赔，要看合同条款。",                    # negated
    "这部分是合同保证的，一分不会少。",                    # the guaranteed part, said right
    "这个我不能保证一定能赢，要看调查结果。",              # negated
    "我是新来的，不太熟，我问一下同事马上回您。",          # the agent about themselves
    "不是我不给您办，是合同规定要本人来办。",              # an explanation
    "您签了字合同就生效了。",                              # a fact about signing
    # judge29: the forms of the new rudeness rule a trainee should say
    "您还有别的问题吗？没有的话我就先挂了哈，祝您生活愉快。",  # a polite close
    "您前后跟我们讲了三遍，确实辛苦，这次我都记下了。",    # the customer's own repetition
    "时间上随您方便，我明天上午再打给您。",                # 随您 before more words: an offer
    "我只说重点：犹豫期是15天。",                          # the agent's own brevity
    "您不用着急，这个不会影响理赔。",
    "客户说“快点说，我忙着呢”，我就先记下来了。",        # quoted
    "刚才那段是不是我说得太快了？我再慢一点讲一遍。",      # the agent takes the blame for speed
    "两种方式都可以，随您，您看哪个方便。",                # 随您 as an offer
    "我跟您说重点：犹豫期是15天。",
    "我还要问您两个问题，您住院是哪一天？",
    "您要不要听一下条款原文？我念给您。",
    "这是您第几次住院？",
    "您刚才已经说过了，我都记下了。",                      # the customer's words
    "好的，那我挂了，再见。",
    "您这边挺忙的，我长话短说。",                          # the customer busy, not the agent
    "您打12378投诉也一样可以受理。",                        # a route, not waved away
    "这个规定本身有点绕，我给您捋一捋。",
    # judge38r: the look-alikes of the new rudeness shapes a trainee should say
    "这事不能怪谁，我们先把材料补齐。",                    # nobody blamed
    "您不用再打来了，结果出来我们主动打给您。",            # a call-back promised, not waved off
    "这份说明您也可以自己看一下，我短信发您。",            # an offer, no 呗
    "如果您有哪里听不明白，随时打断我。",                  # an offer to explain again
    # judge50 (qa24 T6): 一定 before a noun is "a certain", no promise word
    "可以按较轻急性心肌梗死申请轻症，一般按重疾保额的一定比例赔，具体多少要看你的合同条款",
    "保单贷款能按现金价值的一定比例借，借多少以合同为准。",
    "轻度疾病按重度保额的一定比例赔，最高不超过30%。",
    "退保的话要扣一定的手续费，前几年退会有一定损失。",
    "复效要在一定期限内申请，一般是中止后两年内。",
]


@pytest.mark.parametrize("text, behaviour", FAULTS_IN_OWN_WORDS)
def test_a_fault_in_the_trainees_own_words_is_flagged_and_quoted(text, behaviour):
    found = [e for e in Detectors(()).negatives(text, set()) if e.behaviour == behaviour]
    assert found and found[0].quote in text


@pytest.mark.parametrize("text", CLEAN_COUNTER_EXAMPLES)
def test_negated_hedged_and_polite_forms_of_those_faults_stay_clean(text):
    assert not {e.behaviour for e in Detectors(()).negatives(text, set())} & {"absolute_promise", "rude", "blame", "vague"}


# judge20: "anyone would feel it" is empathy when a feeling follows (train split: 6 new hits, all labelled empathy).
@pytest.mark.parametrize("text, quote", [
    ("郑先生，换我也急，您先说，我听着。", "换我也急，"),  # permanent-lapse-angry, judge18's three agents
    ("等了这么久没消息，搁我我也坐不住。", "搁我我也坐不住。"),
    ("花了钱结果不赔，换谁都窝火。", "换谁都窝火。"),
])
def test_anyone_would_feel_it_is_empathy(text, quote):
    found = [e for e in Detectors(()).positives(text) if e.behaviour == "empathy"]
    assert [e.quote for e in found] == [quote]


@pytest.mark.parametrize("text", ["换我也会这样处理。", "换谁都会这么规定的，您先说。", "您先说，我听着。", "换了我也一样要核实身份。"])
def test_anyone_would_do_the_same_is_no_empathy(text):
    assert not any(e.behaviour == "empathy" for e in Detectors(()).positives(text))


# judge26: good service in the trainee's own spoken words, each row a wording the cues missed on the train split
# (the forms were chosen on train rule hits: each adds 0–1 hits on a train line not labelled with its behaviour).
SPOKEN_GOOD_SERVICE = [
    ("这个月12号那期扣款没成功，您看是卡里钱不够，还是换了卡没告诉我们？", "clarifying_question"),
    ("您还记得那个业务员姓啥不？", "clarifying_question"),
    ("那合同你拿到手了没？", "clarifying_question"),
    ("您是说业务员讲每年分红至少五千，是这么说的对吧？", "clarifying_question"),
    ("扣款没成功这事儿不赖您，系统显示授权过期了。", "empathy"),
    ("您这火气我能理解，但我得先核一下身份。", "empathy"),
    ("您急我知道，但今天真出不了结果。", "empathy"),
    ("亲您刚做完手术还打电话来问，辛苦啦～", "empathy"),
    ("您这话我听着都替您憋屈。", "empathy"),
    ("今天五点半以前我一准儿给您回个话。", "next_step"),
    ("理赔那边还没出结论，出了结论我第一时间打给您。", "next_step"),
    ("结论是不能赔，条款原文我短信发您。", "next_step"),
    ("我给您加个急，备注写清楚老人在住院。", "next_step"),
    ("尾号3321的那个号码，是您本人在用吗？", "verification"),
    ("我这边是人寿回访，您是赵桂兰本人不？", "verification"),
    ("查进度之前得先核个身份，您报一下名字。", "verification"),
    ("身份我得先对对，您把出生年月说一下。", "verification"),
    ("您好，请问您是周建华先生吗？", "verification"),
    # judge32c: empathy for the customer's situation and a next step as the agent's own action, in wordings of my own
    # (not train lines)
    ("您一个人带孩子还要跑医院，真难为您了。", "empathy"),
    ("您这么小心是对的，现在冒充保险公司的电话不少。", "empathy"),
    ("换谁遇到这种事都会着急的。", "empathy"),
    ("钱等着救命却迟迟不到，心里肯定不是滋味。", "empathy"),
    ("您先缓口气，咱们一样一样说。", "empathy"),
    ("您的委屈我听得出来，是我们没讲清楚。", "empathy"),
    ("我先给您立案，复核的结果出来我告诉您。", "next_step"),
    ("明天下午四点前我给您回过去。", "next_step"),
    ("这个地址我这就给您改过来。", "next_step"),
    ("材料清单我给您短信发一份。", "next_step"),
    ("您带上身份证去就近的柜面就能办。", "next_step"),
    # judge38e: the customer's situation acknowledged inside a longer reply, in wordings of my own (not train lines)
    ("真不好意思，材料清单没发全，让您来回跑了三趟。", "empathy"),
    ("您先别哭，这事儿咱们一起想办法。", "empathy"),
    ("这个我理解，不过规定确实要本人签字。", "empathy"),
    ("这个我完全理解，您慢慢讲。", "empathy"),  # calls48: a word between (a regional TUNE writer's greeting)
    ("我明白您不是故意拖着不交的。", "empathy"),
    ("看病等着用钱，谁不着急。", "empathy"),
    ("家里一下子出了这么多事，您是真遇上难处了。", "empathy"),
    # judge39e: a question asked as a request, in a wording of my own (not a train line)
    ("您跟我说说，那天业务员是怎么跟您讲的。", "clarifying_question"),
    # judge39v: asking them to say what identifies them (docs/annotation-verification.md, rule 2), wordings of my own
    ("麻烦您讲一下投保时留的手机号。", "verification"),
    ("您先跟我说一下被保险人的出生日期。", "verification"),
    ("请您报下保单号的后六位。", "verification"),
    # judge40e: tune replies' dialect and relation questions, wordings of my own (not tune or train lines)
    ("您是老人家什么人呀？孙子还是外孙？", "verification"),
    ("交了这么多年，您心头不甘我晓得，我晓得您的委屈。", "empathy"),
    ("您这么着急，我理解的哈，咱们一件一件来。", "empathy"),
    # judge42q: the customer calmed in spoken words, their caution called good, bad luck regretted — wordings of my own
    ("大姐您莫慌，咱们先把单子找出来。", "empathy"),
    ("您甭慌哈，我一条一条给您说。", "empathy"),
    ("您先别怕，这个电话不会让您转账的。", "empathy"),
    ("您多留个心眼是对的，现在冒充客服的不少。", "empathy"),
    ("您这么警惕，这是好事，不清楚的都可以问。", "empathy"),
    ("就差三天没赶上，我也替您可惜。", "empathy"),
    # calls49: the caution called right, the doubt called reasonable, in plain words — wordings of my own
    ("您多这份警惕非常对，外面冒充客服的很多。", "empathy"),
    ("您问得在理，电话里谁都能说自己是客服。", "empathy"),
]


@pytest.mark.parametrize("text, behaviour", SPOKEN_GOOD_SERVICE)
def test_good_service_in_spoken_words_is_found_and_quoted(text, behaviour):
    found = behaviours(Detectors(()).rule_evidence(text, set())[0])
    assert behaviour in found and found[behaviour] in text


@pytest.mark.parametrize("text, behaviour", [
    ("我念一下您卡号核对，6222 0212 3456 7890 123，对吧？", "clarifying_question"),  # reads data out
    ("我给您转到投诉处理中心，那边有专人管，您看行不？", "clarifying_question"),       # offers a step
    ("您都签了还说不知道免责，这说不过去吧？", "clarifying_question"),               # a tag, no question
    ("您别担心，这个肯定能赔下来。", "empathy"),
    ("明白您的意思了，请问是哪一份保单呢？", "empathy"),
    ("给您发的短信里只显示卡号后四位，您核对一下。", "next_step"),                   # a message already sent
    ("谢谢您的配合，身份已经核对好了。", "verification"),                            # a check said done
    ("好嘞，对上了，谢谢您。", "verification"),                                      # an acknowledgement
    ("您还有没有别的问题？", "clarifying_question"),                                  # offers to end the call
    ("您这个问题我回答了三遍了，您到底有没有在听啊？", "clarifying_question"),        # a reproach (stop 35)
    ("你能不能让我把话说完？", "clarifying_question"),                                # a reproach
    ("这个我真办不了，不是我难为您，规定要本人来。", "empathy"),      # a refusal
    ("您等我一下，我喝口水。", "empathy"),                          # the agent's own pause
    ("您说的我都记下了，后面再说吧。", "next_step"),                # an empty 等通知
    ("有消息了第一时间通知您。", "next_step"),                      # vague as often as a step
    ("今天打给您主要是说这期保费还没扣成功。", "next_step"),        # a call's purpose
    ("我给您提交到投诉部门，他们专门处理。", "next_step"),          # an escalation
    ("抱歉，让您久等了。", "empathy"),                              # an apology for the wait (judge38e)
    ("放心，不会让您白跑一趟的。", "empathy"),                      # a promise
    ("别哭了，哭也解决不了问题。", "empathy"),                      # rude
    ("这是总部定的，我也没辙。", "empathy"),                        # passing the blame
    ("我给您说一下保单号在哪儿能看到。", "verification"),            # the agent says it (judge39v)
    ("规定要本人来办，不是难为您。", "empathy"),                    # a refusal (judge40e)
    ("这跟保单没什么关系，您放心。", "verification"),                # 没什么关系: nothing asked (judge40e)
    ("是我们没排好号，让您在大厅白等了一下午。", "empathy"),          # a wait apologised for (judge42q; judge38e read it)
    ("您先别急着退保，听我说完宽限期。", "empathy"),                  # don't rush to (judge42q)
    ("没听清的话我再说一遍，不着急。", "empathy"),                    # the agent's own pace (judge42q)
    ("我问一下核保的同事，下午给您回话，行不？", "clarifying_question"),  # the agent asks a colleague (judge42q)
])
def test_look_alikes_of_those_wordings_are_not_credited(text, behaviour):
    assert behaviour not in behaviours(Detectors(()).rule_evidence(text, set())[0])


# judge38n: an explanation in plain words with a reason or a condition and no figure, in wordings of my own (not train
# lines); held to the classifier's floor, so it counts only with a classifier.
SPOKEN_EXPLANATIONS = [
    "今年公司投资收益一般，所以分红比去年少一些。",
    "宽限期一过还没交上，保单效力就没了。",
    "您先生的病历得他本人同意才能查。",
    "附加险是挂在主险上的，主险一退它也跟着退。",
    "生调说白了，就是派人去医院核实一下就诊记录。",
]

# judge39j: a word glossed where it is said, or why the agent cannot tell a caller about another's policy — wordings of
# my own (not train lines); held to the classifier's explanation floor, so they count only with a classifier.
GLOSSES_AND_NOT_TOLD = [
    "观察期呢，就是刚买的那三个月里得的病不在保障里。",
    "您这单转了复核，就是再请另一组同事把材料看一遍。",
    "您不是被保险人，他的住院情况我这边不方便透露。",
    "您儿子那张保单的内容我没法跟您说，得他本人来电话。",
]


@pytest.mark.parametrize("text", SPOKEN_EXPLANATIONS + GLOSSES_AND_NOT_TOLD)
def test_an_explanation_with_a_reason_or_a_condition_is_found_with_a_classifier(text):
    judged, held = Detectors(()).rule_evidence(text, set())
    alone = behaviours(Detectors(()).rule_evidence(text, set(), judged=False)[0])
    assert behaviours(held).get("explanation") in text and behaviours(judged).get("explanation") in text
    assert "explanation" not in alone


@pytest.mark.parametrize("text", [
    "是您自己没按时交，所以才停了，这可不能怪我们。",  # blame
    "没办法，规定就是这样。",                          # a bare rule
    "按规定办就是了，您别问了。",                      # a bare rule
    "这个分红每年都不一样。",                          # no reason, no condition
    "那个…就是…我再查一下哈。",                        # a filler 就是 (judge39j)
    "这个就是不行，您别问了。",                        # a bare refusal
    "这个不好说，等通知吧。",                          # vague
])
def test_blame_or_a_bare_rule_is_no_spoken_explanation(text):
    assert "explanation" not in behaviours(Detectors(()).rule_evidence(text, set())[0])


def test_a_spoken_question_needs_the_classifier():
    """Rules alone, 还是 / 对吧 / …不？ questions were right about half the time on dev (judge26): without a
    classifier to score them they do not count; the spoken empathy and next-step forms do."""
    text = "您是想退保，还是想先弄明白分红为啥少了？明天上午我给您回个话。"
    judged = behaviours(Detectors(()).rule_evidence(text, set())[0])
    alone = behaviours(Detectors(()).rule_evidence(text, set(), judged=False)[0])
    assert "clarifying_question" in judged and "clarifying_question" not in alone
    assert "next_step" in judged and "next_step" in alone


def test_faults_written_from_the_train_split_are_held_to_the_classifier():
    """judge29: impatience in spoken words and desk words / codes come apart from the older fault rules, so that
    `MeaningJudge.confirmed` holds them to `SPOKEN_FLOORS`; the other spoken rudeness counts only without a
    classifier (with one it cost dev precision); judge19's opener rule counts either way."""
    text = "什么事，快点说，我这边后面还排着一堆电话呢。您这单还挂着照会没回。您爱信不信。行了行了，您听我说。"
    judged, held = Detectors(FORBIDDEN).rule_evidence(text, set())
    alone, _ = Detectors(FORBIDDEN).rule_evidence(text, set(), judged=False)
    judged, held, alone = ({(e.behaviour, e.quote) for e in found} for found in (judged, held, alone))
    assert {("rude", "快点说，"), ("jargon", "您这单还挂着照会没回。")} <= held <= judged
    assert ("rude", "您爱信不信。") in alone and ("rude", "您爱信不信。") not in judged
    assert ("rude", "行了行了，") in judged and ("rude", "行了行了，") in alone and ("rude", "行了行了，") not in held


def test_rudeness_shapes_are_held_to_the_classifier_and_count_without_one():
    """judge38r: the shapes the train split's misses share (`_RUDE_SHAPES`) are held to `SPOKEN_FLOORS` as impatience
    is, and count by rules alone without a classifier; judge29's other spoken forms stay rules-alone."""
    text = "保单停了能怪谁呀？您爱信不信。"
    judged, held = Detectors(FORBIDDEN).rule_evidence(text, set())
    alone, _ = Detectors(FORBIDDEN).rule_evidence(text, set(), judged=False)
    judged, held, alone = ({(e.behaviour, e.quote) for e in found} for found in (judged, held, alone))
    assert ("rude", "保单停了能怪谁呀？") in held and ("rude", "保单停了能怪谁呀？") in judged
    assert {("rude", "保单停了能怪谁呀？"), ("rude", "您爱信不信。")} <= alone
    assert ("rude", "您爱信不信。") not in judged


@pytest.mark.parametrize("text, quote", [  # judge39r: the train split's rude lines the classifier misses
    ("您…您能不能先别说了，听我讲完好吗！", "您…您能不能先别说了，"),  # w-nervous-new, a near miss of 您先别说了
    ("亲你听我说完好嘛，别老打断了。", "别老打断了。"),
    ("哎呀您别嚷嚷了，我耳朵都要被您震聋了。", "哎呀您别嚷嚷了，"),
    ("您别老在电话里磨叽了，有啥去柜台说。", "您别老在电话里磨叽了，"),
])
def test_the_customer_told_to_be_quiet_is_held_to_the_classifier(text, quote):
    """judge39r: the customer told to be quiet (`_TOLD_TO_BE_QUIET`: three and more writers' rude lines say it, none beside a
    blame or vague label) is held to `SPOKEN_FLOORS` as impatience is and counts by rules alone without a classifier;
    judge29's other spoken forms (您爱信不信) stay rules-alone."""
    judged, held = Detectors(FORBIDDEN).rule_evidence(text + "您爱信不信。", set())
    alone, _ = Detectors(FORBIDDEN).rule_evidence(text + "您爱信不信。", set(), judged=False)
    judged, held, alone = ({(e.behaviour, e.quote) for e in found} for found in (judged, held, alone))
    assert ("rude", quote) in held and ("rude", quote) in judged and ("rude", quote) in alone
    assert ("rude", "您爱信不信。") in alone and ("rude", "您爱信不信。") not in judged


@pytest.mark.parametrize("text, quote", [  # judge39r: the tune calls' marked rude turns (w-calls-inspector, w-calls-senior)
    ("李女士，这个刚才说了，就是收到保单以后15天。咱抓紧哈，后面还有好几个电话呢。", "后面还有好几个电话呢。"),
    ("阿姨，这个我刚才已经说过一遍了，每年都有分红。", "这个我刚才已经说过一遍了，"),
    ("陈先生，这个我刚刚已经说过了哈，您要是不清楚可以自己看一下条款。", "这个我刚刚已经说过了哈，"),
])
def test_impatience_the_tune_calls_mark_is_held_to_the_classifier(text, quote):
    """judge39r: told it was said before (说过一遍了, 刚刚…说过了哈) and hurried (后面还有好几个电话呢) are held to
    `SPOKEN_FLOORS` and count by rules alone without a classifier."""
    judged, held = Detectors(FORBIDDEN).rule_evidence(text, set())
    alone, _ = Detectors(FORBIDDEN).rule_evidence(text, set(), judged=False)
    assert ("rude", quote) in {(e.behaviour, e.quote) for e in held}
    assert ("rude", quote) in {(e.behaviour, e.quote) for e in alone}


@pytest.mark.parametrize("text", ["您刚刚已经说过了哈，我都记下了。", "后面还有人会跟您联系。", "这个您放心，后边还有专人跟进。"])
def test_the_customers_own_repetition_and_a_colleague_to_come_are_not_impatience(text):
    assert "rude" not in {e.behaviour for e in Detectors(()).negatives(text, set())}


def test_chuxian_is_held_to_the_classifier_and_counts_without_one_and_fuxiao_is_no_listed_term():
    """judge36a: the corpus writers mostly say 出险 to customers without calling it jargon, so a rule hit needs the
    classifier's score (`SPOKEN_FLOORS`) like the desk words; without a classifier it counts (judge17). judge40p: 复效,
    the company's own word (its FAQ answers say it 74 times), is no listed term at all — left to the classifier."""
    text = "出险是哪天？您可以申请复效。"
    judged, held = Detectors(FORBIDDEN).rule_evidence(text, set())
    alone, _ = Detectors(FORBIDDEN).rule_evidence(text, set(), judged=False)
    judged, held, alone = ({(e.behaviour, e.quote) for e in found if e.behaviour == "jargon"} for found in (judged, held, alone))
    assert held == judged == alone == {("jargon", "出险是哪天？")}


def test_desk_codes_count_without_the_classifier_and_the_contracts_word_is_held():
    """judge39j: a desk code in Latin capitals is jargon whatever the classifier scores (every train line saying one is
    labelled jargon; the shortest score under any floor); 效力中止, the contract's own word, is held to the classifier's
    floor like 复效 and 出险, and counts without a classifier."""
    text = "您这单CV就那么点。保单已经效力中止了。"
    judged, held = Detectors(FORBIDDEN).rule_evidence(text, set())
    alone, _ = Detectors(FORBIDDEN).rule_evidence(text, set(), judged=False)
    judged, held, alone = ({(e.behaviour, e.quote) for e in found} for found in (judged, held, alone))
    code, word = ("jargon", "您这单CV就那么点。"), ("jargon", "保单已经效力中止了。")
    assert code in judged and code not in held and code in alone
    assert word in held and word in judged and word in alone


@pytest.mark.parametrize("text, term", [
    ("您这份的核保结论出来了，是延期。", "核保结论"),
    ("您这病算既往症，这次理赔没批。", "既往症"),
    ("调了病历，您这属于告知不实。", "告知不实"),
    ("您得回原来出单的那个网点去办。", "出单"),
])
def test_more_desk_words_are_jargon_held_to_the_classifier(text, term):
    """judge39j: four desk words the corpus writers say unexplained only in lines labelled jargon."""
    judged, held = Detectors(FORBIDDEN).rule_evidence(text, set())
    assert [term in str(e.advice) for e in held if e.behaviour == "jargon"] == [True], held


# judge39n: fault forms in spoken words — wordings of my own, not train lines.
@pytest.mark.parametrize("text, behaviour", [
    ("您别担心，这个红利每年都有的，只会比去年高。", "absolute_promise"),        # a dividend said certain
    ("分红这块儿您放心，不会比别人家的少。", "absolute_promise"),
    ("这个万能账户的收益起码有百分之五，跑不到哪去。", "absolute_promise"),
    ("您先退，以后想再投保也不受影响的，我跟您保证。", "absolute_promise"),   # vouched after the outcome
    ("核保那边不会卡你的，放心交吧。", "absolute_promise"),
    ("分红最少也有三千，您就放心吧。", "absolute_promise"),                  # judge40e: 最少 as 至少
    ("您这份红利至少每年两千是有的。", "absolute_promise"),                  # a year between
    ("您要是早点把地址改了，信就不会寄丢了。", "blame"),                     # hindsight at the customer
    ("您当初投保的时候就应该把病史写上。", "blame"),
    ("大哥，那时候您要是多看两眼合同，也不至于闹成这样。", "blame"),
    ("这事儿早干嘛去了？", "blame"),
    ("这个嘛，咱们改天再说吧。", "vague"),                                    # put off, nothing given
    ("领导那边还要再研究研究。", "vague"),
    ("没办法，系统就是这样。", "vague"),
    ("您先等等吧。", "vague"),
    ("放心好了，公司会处理的。", "vague"),
])
def test_faults_in_spoken_words_are_held_to_the_classifier_and_count_without_one(text, behaviour):
    """judge39n: the train split's misses by shape — a return or an outcome said certain without a promise word,
    hindsight aimed at the customer, an answer put off with nothing given — each held to its floor
    (`SPOKEN_FLOORS`) with a classifier and counted by rules alone without one."""
    judged, held = Detectors(()).rule_evidence(text, set())
    alone, _ = Detectors(()).rule_evidence(text, set(), judged=False)
    assert behaviour in behaviours(held) and behaviour in behaviours(judged) and behaviour in behaviours(alone)


@pytest.mark.parametrize("text, behaviour", [
    ("这部分生存金是保证的，每年都有，一分不会少。", "absolute_promise"),      # the guaranteed part, said right
    ("分红不保证，今年可能比去年少，也可能多。", "absolute_promise"),         # hedged
    ("分红至少要等满一个保单年度才有。", "absolute_promise"),                 # 至少 as "not before"
    ("我保证今天把您的材料交上去。", "absolute_promise"),                     # a vow of a step
    ("这事不怪您，是我们当初没跟您讲清楚。", "blame"),                         # the company's fault
    ("要是我们早点发短信提醒您，就不会这样了。", "blame"),                     # the agent's own hindsight
    ("您当时不知道也正常，早点知道就不会这么着急了。", "blame"),              # comfort
    ("我明天上午十点前给您回电话，到时候再说具体的。", "vague"),              # a time given
    ("我帮您登记了，后面再说您看行吗？", "vague"),                             # the agent acting
    ("规定就是这样的：犹豫期十五天内退保全额退还。", "vague"),               # the rule, then said
])
def test_look_alikes_of_the_spoken_fault_forms_are_not_flagged(text, behaviour):
    found, _ = Detectors(()).rule_evidence(text, set())
    assert behaviour not in behaviours(found)


@pytest.mark.parametrize("text", [
    "这个我做不了主，我把您的情况报给我们主管，让她看看。",
    "我这就把材料递给理赔领导，请他亲自过目。",
    "您也可以向银保监局投诉，这是您的权利。",
])
def test_a_case_handed_up_by_name_is_escalation_held_to_the_classifier(text):
    """judge39n: the case passed to a named superior (报给我们主管 / 递给…领导) or the regulator named as a route —
    the cues (转接主管, 登记投诉) miss them — counts with a classifier, held to its floor, and not without one."""
    judged, held = Detectors(()).rule_evidence(text, set())
    alone, _ = Detectors(()).rule_evidence(text, set(), judged=False)
    assert "escalation" in behaviours(held) and "escalation" in behaviours(judged)
    assert "escalation" not in behaviours(alone)


@pytest.mark.parametrize("text", ["我跟领导说过了，领导说再研究研究。", "主管也这么说，您转过去也白搭。"])
def test_a_superior_who_turned_it_down_is_no_escalation(text):
    assert "escalation" not in behaviours(Detectors(()).rule_evidence(text, set())[0])


def test_a_specialist_who_will_only_get_in_touch_is_no_escalation_cue():
    """judge39n: 专人 fires the escalation cue; 会有专人给您打电话 with nothing handed over is a next step, while a
    complaint or a check the specialist takes on stays escalation."""
    assert "escalation" not in behaviours(Detectors(()).rule_evidence("登记好了，三天内会有专人给您打电话。", set())[0])
    for text in ("我给您登记投诉，三天内专人联系您。", "我把材料交上去，会有专人核实后联系您。"):
        assert "escalation" in behaviours(Detectors(()).rule_evidence(text, set())[0])


@pytest.mark.parametrize("text, quote", [  # judge40r: the routes the tune replies' raters call escalation, own wording
    ("这件事我报给销售品质管理部，让他们把当时的录音调出来。", "这件事我报给销售品质管理部，"),  # the desk named by what it is
    ("我把您的材料提交到公司的理赔争议评审，他们会重新看。", "我把您的材料提交到公司的理赔争议评审，"),
    ("这个我做不了主，我请我们值班经理跟您说。", "我请我们值班经理跟您说。"),  # a superior asked in
    ("您对结论还不服的话，可以找保险纠纷调解中心。", "可以找保险纠纷调解中心。"),  # a route outside the company
    ("您也可以打12378反映，这是您的权利。", "您也可以打12378反映，"),
])
def test_a_route_named_by_its_desk_or_outside_the_company_is_escalation_held_to_the_classifier(text, quote):
    """judge40r: the case handed to a desk named by what it is (…部 / …组 / …评审), a superior asked in, or a route
    outside the company (调解, 仲裁, 12378) counts with a classifier, held to its floor, and not without one; on the
    train split 31 of the 33 lines of the hand-over shape and all 18 of the others are labelled escalation."""
    judged, held = Detectors(()).rule_evidence(text, set())
    alone, _ = Detectors(()).rule_evidence(text, set(), judged=False)
    assert ("escalation", quote) in {(e.behaviour, e.quote) for e in held}
    assert "escalation" in behaviours(judged) and "escalation" not in behaviours(alone)


@pytest.mark.parametrize("text", [
    "哪怕转给理赔部，也是我来跟您说结果。",  # a supposition: nothing handed over (train, w-warm-steps: next_step)
    "您打12378去呗，打了也是这结果。",  # the route named to say it changes nothing
    "找领导也是一样的结果，您就别折腾了。",
    "您把材料交齐，我们这边审核完就通知您。",  # no desk handed the case
])
def test_a_supposed_or_waved_away_route_is_no_escalation(text):
    assert "escalation" not in behaviours(Detectors(()).rule_evidence(text, set())[0])


@pytest.mark.parametrize("text, quote", [  # judge40r: the customer reproached for interrupting (own wording)
    ("您先听我讲完，老是打断我，我没法往下说。", "老是打断我，"),
    ("您这一直插嘴，我说不下去了。", "您这一直插嘴，"),
    ("听我说完行不行？总插话。", "总插话。"),
])
def test_the_customer_reproached_for_interrupting_is_held_to_the_classifier(text, quote):
    """judge40r: 老插话 (train, w-rude-teach) and the tune replies' 老是打断我 / 一直打断我 / 一直插嘴 (three writers, each
    scored 0.62–0.69 against rude's threshold 0.76): held to `SPOKEN_FLOORS` like the customer told to be quiet."""
    judged, held = Detectors(FORBIDDEN).rule_evidence(text, set())
    alone, _ = Detectors(FORBIDDEN).rule_evidence(text, set(), judged=False)
    for found in (judged, held, alone):
        assert ("rude", quote) in {(e.behaviour, e.quote) for e in found}


@pytest.mark.parametrize("text", [
    "不好意思打断您一下，是哪一张保单？",  # the agent's own interruption, excused
    "我打断一下，您说的日期是三月二号吗？",
    "哪句没听明白，您随时打断我。",  # an invitation
    "我这边先不插话，您把情况讲完。",
])
def test_the_agent_interrupting_or_inviting_interruption_is_not_rude(text):
    assert "rude" not in behaviours(Detectors(FORBIDDEN).rule_evidence(text, set())[0])


@pytest.mark.parametrize("text, quote", [  # judge42r: said before, the last time; talked down to (held)
    ("我再最后讲一遍，犹豫期是十五天。", "我再最后讲一遍，"),
    ("跟您说这些您也搞不明白，您让家里人来问吧。", "跟您说这些您也搞不明白，"),
    ("工号都给您了，您怎么还不信呢？", "您怎么还不信呢？"),
])
def test_the_last_time_and_talking_down_are_rude_held_to_the_classifier(text, quote):
    judged, held = Detectors(FORBIDDEN).rule_evidence(text, set())
    assert ("rude", quote) in {(e.behaviour, e.quote) for e in judged}
    assert ("rude", quote) in {(e.behaviour, e.quote) for e in held}


@pytest.mark.parametrize("text, quote", [  # judge42r: sent away to have it out, not answered for, the contract unread
    ("您在外面签的那份，您找您闺女问去。", "您找您闺女问去。"),
    ("想要个说法，那您找业务员本人吧。", "那您找业务员本人吧。"),
    ("密码是您自己告诉别人的，这个我们不负责。", "这个我们不负责。"),
    ("您压根没看条款，才会这么想。", "您压根没看条款，"),
])
def test_blame_in_fresh_words_is_found_and_quoted(text, quote):
    assert ("blame", quote) in {(e.behaviour, e.quote) for e in Detectors(FORBIDDEN).rule_evidence(text, set())[0]}


@pytest.mark.parametrize("text", [
    "合同是您儿子帮您办的，您自己都没看到合同，难怪不清楚。",  # never handed it
    "我现在给您报个数反而是不负责任的。",                    # irresponsible
    "您找柜面的同事办吧，带上身份证就行。",                    # a next step
    "您不看条款也没关系，我一条条给您讲。",                    # never mind
])
def test_blame_look_alikes_are_not_blame(text):
    assert "blame" not in behaviours(Detectors(FORBIDDEN).rule_evidence(text, set())[0])


def test_how_come_of_the_case_is_no_reproach():
    assert "rude" not in behaviours(Detectors(FORBIDDEN).rule_evidence("钱怎么还没到账呢？我帮您查一下。", set())[0])


def test_the_customer_calmed_counts_only_with_a_classifier():
    """judge42q: 您别急 opens a promise or an empty answer as often as it comforts; only a judge that can find those
    (`reply.caring_in_earnest`) credits it. Other empathy forms count by rules alone as before."""
    calmed = "王女士，您别急，您的要求我都记下了。"
    assert "empathy" in behaviours(Detectors(()).rule_evidence(calmed, set())[0])
    assert "empathy" not in behaviours(Detectors(()).rule_evidence(calmed, set(), judged=False)[0])
    felt = "您这火气我能理解，您别急。"
    assert "empathy" in behaviours(Detectors(()).rule_evidence(felt, set(), judged=False)[0])


# judge42v: a next step with no owner, no action and no time — wordings of my own, not train or tune lines.
@pytest.mark.parametrize("text, said", [
    ("会有人联系您的，您别着急。", "会有人联系您的，"),
    ("我已经把情况反映了，后续会有人联系您的。", "后续会有人联系您的。"),
    ("审核还没完，您就等我们的通知吧。", "您就等我们的通知吧。"),
])
def test_someone_unnamed_who_will_get_in_touch_is_vague_and_no_next_step(text, said):
    """会有人联系您 fires the 联系您 cue; with nobody, nothing and no time named the train split calls it vague. It is
    flagged (quoted) and held to the classifier's vague floor, and the cue credits no next step."""
    judged, held = Detectors(()).rule_evidence(text, set())
    assert behaviours(judged).get("vague") == said and "vague" in behaviours(held)
    assert "next_step" not in behaviours(judged)
    assert "next_step" not in behaviours(Detectors(()).rule_evidence(text, set(), judged=False)[0])


@pytest.mark.parametrize("text", [
    "明天上午会有人联系您，您留意一下电话。",              # a time
    "我帮您登记好了，后面会有人联系您的。",                # the agent acting
    "我先去调当时的录音，查完会有人跟您联系。",            # an action of the agent's named
])
def test_someone_who_will_get_in_touch_after_a_time_or_an_action_is_a_next_step(text):
    judged, _ = Detectors(()).rule_evidence(text, set())
    assert "next_step" in behaviours(judged) and "vague" not in behaviours(judged)


@pytest.mark.parametrize("text, said", [
    ("不好意思，合同就是这么规定的。", "合同就是这么规定的。"),   # the rule as the whole answer
    ("这是核保给的结论，我们也没办法。", "这是核保给的结论，我们也没办法。"),
    ("您这单是BC件，只能等着。", "只能等着。"),                  # a wait with no end, closing the reply
    ("您放心，我们是大公司，这点您尽管信我。", "我们是大公司，"),   # the company vouched for
])
def test_hiding_behind_the_rule_a_wait_with_no_end_and_a_vouch_are_vague_with_or_without_a_classifier(text, said):
    judged, held = Detectors(()).rule_evidence(text, set())
    alone, _ = Detectors(()).rule_evidence(text, set(), judged=False)
    assert behaviours(judged).get("vague") == said and behaviours(alone).get("vague") == said
    assert "vague" not in behaviours(held)  # counted as it is, like 等着吧


@pytest.mark.parametrize("text", [
    "合同就是这么规定的，不过您可以申请复核。",                 # a route offered
    "这个要等审核，一般五个工作日出结果。",                     # a time
    "要等审核，我现在跟您讲能赔就是骗您了。",                   # the wait's reason follows
    "180天等待期内确诊的不赔，合同就是这么定的，保费退给您。",  # a reason and a figure
    "我们是大公司，您不放心可以打95519核实。",                  # a route
])
def test_the_rule_with_a_reason_a_route_or_a_time_is_not_vague(text):
    assert "vague" not in behaviours(Detectors(()).rule_evidence(text, set())[0])


@pytest.mark.parametrize("text", [
    "我给您记个工单，您记一下单号。",
    "我安排同事上门，帮您把字补签了。",
    "俺登记一下，这事俺盯着。",
    "俺去调当时的双录看看。",
    "您让他自己打客服电话就行。",
    "您不放心就挂了，打95519核实我的工号。",
])
def test_a_next_step_named_by_its_act_counts_however_low_the_classifier_scores_it(text):
    """The cues miss these spoken acts (a ticket, a visit, the recording fetched, the official line to check the caller)
    and the classifier reads the trainee's own words low; the train split labels every such line next_step."""
    judged, spoken = Detectors(()).rule_evidence(text, set())
    step = next(e for e in judged if e.behaviour == "next_step")
    assert step in spoken and rule_floor(step, 0.3, True) == 0.0, text


@pytest.mark.parametrize("text, step", [
    ("行，我这就把您反映的事登上，您留个电话给我。", True),  # calls50: 登上, the spoken 登记上 — the agent files it
    ("我现在就给您把投诉登记上。", True),
    ("上回的来电好像没登上。", False),                       # nobody files anything now
])
def test_the_case_filed_in_the_spoken_dengshang_is_a_next_step(text, step):
    assert ("next_step" in behaviours(Detectors(()).rule_evidence(text, set())[0])) == step


@pytest.mark.parametrize("text, step", [
    ("后面会有公司的专人跟你联系处理，大概15个工作日以内。", True),  # qa24 T5's turn 4 (judge51b): 后面 is its when
    ("稍后会有理赔的同事给您回电话。", True),
    ("随后专员会跟您联系。", True),
    ("后面还有好几位客户在排队。", False),                          # no one contacts her
    ("后面那一页您签个字就行。", False),
])
def test_a_contact_said_to_come_later_is_a_next_step(text, step):
    assert ("next_step" in behaviours(Detectors(()).rule_evidence(text, set())[0])) == step


@pytest.mark.parametrize("text", [
    "有事您随时打我们客服电话，再见。",     # a closing: nothing to check
    "您先在我们这边登记一下，留个记录。",   # the customer's own filing
    "那边有权限调录音。",                   # someone else's act
])
def test_look_alikes_of_a_step_named_by_its_act_are_not_credited(text):
    assert "next_step" not in behaviours(Detectors(()).rule_evidence(text, set())[0])


@pytest.mark.parametrize("text, step", [
    ("上个月一直没给您回话，是我们没跟上。", False),   # a call-back that never came
    ("之前寄给您的那封信写得太绕了。", False),         # a letter already sent
    ("我下午三点前给您回话。", True),
    ("新的保单我这周寄给您。", True),
])
def test_a_call_back_or_a_letter_said_of_the_past_is_no_next_step(text, step):
    assert ("next_step" in behaviours(Detectors(()).rule_evidence(text, set())[0])) == step


@pytest.mark.parametrize("sentence, deferred", [
    ("退不退、贷不贷，都是您自己定。", True),  # cw3-h.yaml:114 (calls43t)
    ("这个可以做减额交清，或者展期，您选一个吧。", True),  # train, next_step
    ("那您自己看着办吧，我该说的都说了。", False),  # train, rude
    ("那您自己看着办吧。", False),  # train, rude
    ("退不退随便您。", False),
    # judge49 (qa23 T3): Emma's two sentences, with 你 and 您, and judge49's tune-side forms (w-choice-lines)
    ("选哪个方法是你自己决定，我们不会逼你。", True),
    ("要不要交、用哪个办法，完全由你自己决定，我们尊重你的选择。", True),
    ("要不要复效，看你自己。", True),
    ("保费交不交，最终还是您说了算。", True),
    ("我说了算还是您说了算？照我说的办。", False),  # train, rude: the agent decides
    # a decision she made before is blame's shape, not a choice left to her now
    ("当初是您自己选的。", False),
    ("这个单子是你自己决定买的。", False),
    # what follows disowned, or the hands washed in other words
    ("选哪个你自己决定，到时候亏了可别怪我们。", False),
    ("您自己决定，后果您自己承担。", False),
    ("你自己定，后果你自己担，别拉上我。", False),  # w-choice-lines, hands washed
    ("你自己决定吧，反正我话说到了。", False),
    ("您随意吧，选哪个对我来说都一样，您定了我好结单。", False),  # w-choice-lines, hands washed
    ("复核也可以申请啦，不过说实话大概率没啥用哈，您自己决定。", False),  # train, rude
    # calls50 (brief item 6): 办不办…由您决定 is covered by judge49's forms (由您决定 holds 您决定), hands washed or not
    ("办不办、什么时候办，都由您决定。", True),
    ("复效办不办由你决定，我不催你。", True),
    ("办不办由您决定，反正我该说的都说了。", False),
])
def test_the_decision_left_to_the_customer_is_told_from_washing_ones_hands(sentence, deferred):
    from trainer.dialogue.detectors import defers_choice

    assert defers_choice(sentence) == deferred
