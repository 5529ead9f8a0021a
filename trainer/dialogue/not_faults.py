"""Sentences the classifier reads as a fault that whole calls show are none (judge38c, the tune set of whole calls).

Good calls of three fresh writers (tests/trainer/dialogue/transcripts/tune/) were capped at 50 by red lines no
quality inspector would mark: a warning that surrendering late loses money (退保是会有损失的) read as an absolute
promise, as did the customer's own question said back (您问是不是补了钱就一定能恢复) and a bank deposit set against
the dividend (存款的利息是定好了的，到时候一定给); a complaint's reference number (受理编号是TS20261205-0318) and, once
the customer has confirmed who they are, the premium said back (今年的12000块保费) read as personal data. The writers'
bad calls mark ID numbers, phone numbers and bank cards as personal data, and promises of a good outcome as absolute.
Said before any identity check, a policy's figures stay personal data (`policy_figures_only` is the session's, after
the check): judged context-free on the dev split, excusing them cost one right personal_data flag (judge38c).
A check that the customer understood (这个您知道了吧？) read as 服务忌语 cost a good call its score (judge39c).
An acknowledgment alone (嗯呐，是这么回事儿。) read as an empty answer, and the agent owning the fault (这是我们这边的问题)
read as blame, are no faults either (judge39n, train split). A vow of the agent's own conduct on the case (我不会推给
业务员) promises no outcome (calls45), nor does a refusal of the demand said back before it (calls46). The company declining
to judge the hospital's diagnosis (医院的诊断我们不去评价) blames nobody (calls50).
"""

from __future__ import annotations

import re

from trainer.dialogue.refusals import CERTAIN, DECLINED, declines
from trainer.dialogue.regional_speech import mandarin_reading

# A loss or a cost the customer bears, said as a fact (退保是会有损失的; 头几年退的比交的少): a warning, not a promise.
_LOSS = re.compile(r"损失|亏|吃亏|拿不回|退不回|少于|比[^，。！？]{0,8}少")
# …unless the loss is denied (保证不会有损失; 肯定不亏): that is the promise.
_NO_LOSS = re.compile(r"(不会|不|没|没有|不存在|无)[^，。！？]{0,3}(损失|亏)|亏不了|少不了|不吃亏|(不会|不)比[^，。！？]{0,8}少")
# The customer's question said back before it is answered (您问是不是补了钱就一定能恢复，这个我不能跟您打包票).
_QUESTION_BACK = re.compile(r"^\s*(您|你)(刚才|刚刚)?(是)?(问|想问|想知道|担心)")
# A bank deposit described, to set the product apart from it (存款的利息是定好了的，到时候一定给。可这个分红不是定好的).
_DEPOSIT_TOPIC = re.compile(r"^\s*(银行)?(的)?(定期)?存款|^\s*存(在)?银行")
_OUR_PRODUCT = re.compile(r"分红|红利|保险|保单|这份|咱们|我们|收益")
# What identifies a person: an ID, a phone, a card or account, an address, a birthday (the writers' marks), what
# they earn and where they work, whom the policy pays; and anything of another person's policy (您先生那张…二十万保额,
# 您老伴那张…理赔了三万八: the corpus's personal_data, said to someone who is not the policyholder).
_IDENTIFYING = re.compile(r"身份证|证件|手机|电话|卡号|尾号|账号|账户|银行卡|工行|建行|农行|中行|地址|住在|生日|出生|收入|单位|"
                          r"受益人|\d{6,}|他|她|先生|老公|丈夫|爱人|老伴|爸|妈|父亲|母亲|闺女|女儿|儿子|孩子|外孙|孙子|同事|家里人")
_MONEY = re.compile(r"[\d一二三四五六七八九十两百千万]+(块|元|万|千)")
# A span of time the policy runs by (180天才半年, 两年的时效, 交了三年): no person's data (calls47: a Jinan call's
# "理赔的时效是两年，…180天才半年。" read as personal data, +15 toward an escalation). A date is no span: a calendar
# year (1990年), a day of a month (3月5日) and a year followed by its month (90年3月) are read as before.
_PERIOD = re.compile(r"(?<![\d月])(?!(?:1[89]|20)\d\d年)[\d一二三四五六七八九十两百半]+(天|日|个月|年)(?![\d初底月])")
# An acknowledgment and nothing more (嗯呐，是这么回事儿。 噢，原来是这么回事儿。 亲，收到您说的情况啦～ 嗯，行，我都明白了。):
# the agent has heard the customer, and answers next; it is no empty answer (judge39n: train split, 5 such sentences in
# three writers' words, none labelled vague; the classifier read three of them vague). Not 就是这么回事儿 (a brush-off).
_ACKNOWLEDGED = re.compile(r"^\s*((嗯呐|嗯嗯|嗯|噢|哦|哦哦|好的|好滴|好|亲|行|哎)[，,～~\s]*){0,3}"
                           r"((原来)?是这么(回)?事(儿)?(啊|呀|哈)?|收到(您说的|您讲的|你说的)?(情况)?(啦|了|哈)?|我?(都|听|也)?明白了|了解了)"
                           r"[。！!～~…\s]*$")
# The agent owning the fault (这是我们这边的问题 / 发错了就是我们的错 / 这是我们的失误): an apology's admission, the opposite
# of blame (judge39n: train split, 5 such sentences in four writers' words, none labelled blame — two of them blame
# counter-examples; the classifier read one blame). Not denied (这真不是我们的问题，是银行那边 is blame).
_OWNED = re.compile(r"(?<![不没])(是|就是|都是|属于)(我们|咱们|公司)(这边|那边|自己)?的(问题|错|失误|责任|疏忽)"
                    # calls45: the company taking the case on (这个事我们公司认 / 理赔还是我们公司负责 / 俺们公司管): train
                    # split 3 lines, none blame; 不归我们管 (2 lines, both blame) sends the customer away
                    r"|(?<![不没归])(我们|咱们)(公司)?(来)?(认|管|负责)(?=[，,。！!？?的]|$)")
# A complaint's or a work order's reference number (not a policy number: 保单号 identifies the policy), also said after
# a comma (俺给您记个工单，编号2026120600357 — judge40e, tune replies tw-a; train split: 27 lines name an 编号 / 单号, none
# labelled personal_data).
_REFERENCE = re.compile(r"((受理|工单|投诉|案件|报案|登记)(编号|单号|号)|(?<![保合])(编号|单号))[是为：:]?\s*[A-Za-z]*[\d-]+")


# The agent vowing her own or the company's conduct on the case — not passing it on, not leaving it, not deceiving (您放心，
# 我不会推给业务员 / 这事我们公司不会不管): a promise of how the case is handled, no payout, return or review result
# (behaviours.py's absolute_promise); the classifier read calls45's own Xi'an line 您放心，额不会推给业务员，这事额们公司认
# as one (0.83; the dividend-below-promise customer's trigger +20). Train split: 2 lines say such a vow (不会骗您的啦, 咱公司
# 不会不管的), both labelled vague, neither absolute_promise. Not when an outcome word is said with it (我保证不会不管，
# 肯定给您赔 is the promise).
_CONDUCT_VOW = re.compile(r"不会(把[^，,。！？!?]{0,6})?(推给|推到|推卸|推脱|甩给|不管|敷衍|糊弄|骗|瞒)")
_AN_OUTCOME = re.compile(r"赔|退|到账|收益|分红|批|通过|复核|保证|肯定|一定|绝对|包")


def vows_conduct(sentence: str) -> bool:
    """The sentence vows how the agent or the company will treat the case, and names no outcome."""
    return bool(_CONDUCT_VOW.search(sentence)) and not _AN_OUTCOME.search(sentence)


# A refusal of her demand, the demand said back before it (全额退再赔5万、今天到账，这个我无权答应 / 这些我都批不了): the
# classifier read the demand's words as the agent's promise (calls46's own media-threat probes: +20, "那你现在就给我打钱！"
# while the agent had said no). A negated ability or authority to grant (`refusals.DECLINED`), on the Mandarin reading, with
# no word of certainty outside it (我保证今天到账，别的我做不了主 is the promise: `refusals.CERTAIN`).
# A refusal said certain (这额肯定办不了, 一定答应不了) is still a refusal: the certainty is the refusal's (calls47: cw3-h's
# media-threat bad call, +10 as a promise on the words that refuse).
_CERTAIN_REFUSAL = re.compile(rf"(?:肯定|一定|绝对)?(?:是)?(?:{DECLINED.pattern})")


def refuses_a_demand(sentence: str) -> bool:
    """The sentence refuses (a negated ability or authority to grant) and says nothing certain beside the refusal."""
    return declines(sentence) and not CERTAIN.search(_CERTAIN_REFUSAL.sub("", mandarin_reading(sentence).text))


# Denying that nothing at all is paid (也不是一分不赔 / 不是一分钱都不赔 / 不是撒都不赔 — before the mild cover is told):
# no payment is promised, only "nothing" denied (calls47: a Jinan stroke call's 恢复得好也不是一分不赔。 read as a promise,
# +15 and "你说肯定能赔？"). A word of certainty beside it keeps the promise (不是一分不赔，肯定全额赔).
_NOT_NOTHING = re.compile(r"不是(说)?[^，,。！？!?]{0,6}?(一分钱?|什么|啥|一点)(都|也)?(不|没|没有)(赔|给|有)")


def denies_nothing_paid(sentence: str) -> bool:
    """The sentence denies that nothing is paid, and says nothing certain beside it."""
    reading = mandarin_reading(sentence).text
    return bool(_NOT_NOTHING.search(reading)) and not CERTAIN.search(_NOT_NOTHING.sub("", reading))


# The usual time a refund or a payment takes (钱一般7个工作日就退回你卡上 / 一般30日内到账): the process's time limit, which
# the promise's own advice asks for (只能说明依据、流程和时限); a wrong figure in it is judged as a wrong figure (`facts`), and
# 能退 beside it, in the cooling-off period, is her right. qa25 J6: the classifier read 阿强's 能退 放心 钱一般7个工作日就退回你卡上
# as a promise at 0.88 (the red line's cap) — and 能退，放心，钱一般30日内退回您卡上。, the right figure, at 0.86. Not said
# certain (钱肯定7天到账, 放心 钱7天就到账 — no usual time), nor beside an outcome someone else decides (能赔 / 批下来 / 审核
# 通过 / 收益) or a whole amount (全额 / 一分不少: what is refunded is the rule's to say).
_USUAL_TIME = re.compile(r"(一般|通常|正常(情况下)?|一般情况下|按流程)[^，,。！？!?；;]{0,4}?[\d一二三四五六七八九十两]+个?(工作日|天|日|小时)")
_DECIDED_ELSEWHERE = re.compile(r"赔|批|通过|复核|核保|审核|收益|分红|全额|全部|全退|一分不少")


def states_a_usual_time(sentence: str) -> bool:
    """The sentence says how long a refund or a payment usually takes, with nothing certain and no outcome decided by
    someone else beside it."""
    reading = mandarin_reading(sentence).text
    return (bool(_USUAL_TIME.search(reading)) and not CERTAIN.search(reading)
            and not _DECIDED_ELSEWHERE.search(reading))


def warns_of_a_loss(sentence: str) -> bool:
    """The sentence tells the customer of a loss they would bear, without denying it."""
    return bool(_LOSS.search(sentence)) and not _NO_LOSS.search(sentence)


def says_the_question_back(sentence: str) -> bool:
    """The sentence opens by saying the customer's question back (您问…)."""
    return bool(_QUESTION_BACK.search(sentence))


def describes_a_deposit(sentence: str) -> bool:
    """The sentence is about a bank deposit, not about the product or the company."""
    return bool(_DEPOSIT_TOPIC.search(sentence)) and not _OUR_PRODUCT.search(sentence)


# judge40e (tune replies' personal_data false flags; train split, all six files): data the agent does not disclose.
# - Said back: the number the customer has just given, repeated to check it (您说的手机号是139…，我重复一遍 / 您刚报的尾号是
#   3321) — the datum named right after 您说的, not 您说的情况: 62 train lines say 您(刚)说的 / 报的 / 重复一遍, none labelled
#   personal_data.
# - Declined: the agent says it will not read the data out (受益人信息我就不在电话里念了 / 卡号我不念全了): 10 train lines,
#   none personal_data; with a full number said anyway (≥ 6 digits) it is still a leak.
# - A tail alone: the last digits of a card or phone (尾号0123那张工行卡 / 后四位是**27), nothing else of the customer's
#   or another person's: 17 train lines say a tail, the two labelled personal_data also give an address or a third
#   party's card (…保工街17号… / 你媳妇那单…卡尾号是0932).
_SAID_BACK = re.compile(r"(您|你)(刚才|刚刚|刚)?(说|报|讲|念)的(是)?(手机号|号码|电话|卡号|尾号|后四位|后六位|身份证|证件|地址|生日|出生)"
                        r"|重复一遍")
_DECLINED = re.compile(r"不念|不方便念|不在电话里念|不读|不报全")
_FULL_NUMBER = re.compile(r"\d[\d\s*＊-]{5,}")
_TAIL = re.compile(r"(尾号|后四位|后六位|最后四位|末四位)[是为]?[\s*＊]*\d{2,4}")
_MORE_THAN_A_TAIL = re.compile(r"\d{5,}|区|路|街|弄|栋|幢|单元|室|号楼|小区|@|他|她|先生|太太|老公|媳妇|丈夫|爱人|老伴|爸|妈|"
                               r"父亲|母亲|闺女|女儿|儿子|孩子|同事|家里人|身份证|生日|出生|收入|单位|受益人")


def said_back(sentence: str) -> bool:
    """The sentence repeats data the customer has just said, to check it."""
    return bool(_SAID_BACK.search(sentence))


def declines_to_read(sentence: str) -> bool:
    """The sentence says the agent will not read the data out, and reads out no full number."""
    return bool(_DECLINED.search(sentence)) and not _FULL_NUMBER.search(sentence)


def only_a_tail(sentence: str) -> bool:
    """The only data in the sentence is the last few digits of a card or phone."""
    return bool(_TAIL.search(sentence)) and not _MORE_THAN_A_TAIL.search(_TAIL.sub("", sentence))


def names_a_reference_number(quote: str) -> bool:
    """The data read out is a complaint's reference number, nothing that identifies the customer."""
    rest = _REFERENCE.sub("", quote)
    return rest != quote and not _IDENTIFYING.search(rest)


def policy_figures_only(quote: str) -> bool:
    """The data read out is an amount of money (the premium, what was paid) or a span of time (180天, 两年), nothing
    that identifies anyone: not personal data once the customer has confirmed who they are."""
    return bool(_MONEY.search(quote) or _PERIOD.search(quote)) and not _IDENTIFYING.search(quote)


# A check that the customer has understood, asked after an explanation (这个您知道了吧？ / 您这边明白了吗？ /
# 请问我讲的您都清楚了吗？): the whole sentence asks it and nothing else (judge39c: a tune-set good call's 这个您知道了吧？,
# after the surrender loss was explained, read rude at 0.84 and the customer took offence; the train split's two such
# sentences are rude counter-examples). 听懂了没 / 您听懂了没有？ (curt) and a rhetorical 还不知道吗 are none of them.
# 这几块 / 这几项 (the items of a callback just read out) are 这些 too (cw3-h's 这几块您都知道了么？, calls43t).
_UNDERSTOOD = re.compile(r"(请问)?(那)?(这个|这些|这几[个块项点条样]|刚才(说|讲)的|我(刚才)?(说|讲)的)?(您|你)(这边)?(都)?(听)?"
                         r"(知道|明白|清楚|懂|记住|记下)了(吧|吗)[？?～~]*")


# The same question by its other forms (judge50b's qa25 J2 cues, read by form since judge51b, so that any teach-back step
# is met by them — `Checkpoint.asks`): whether the agent made it clear (我这样说您清楚吗？ 这些我讲清楚了没有？), whether she
# can follow (阿姨我这样说你能听明白吗？ 刚才讲的您跟得上吗？), an A-not-A question (清不清楚？), and the teach-back proper
# (您能用自己的话说一遍吗？). After an address or a filler (阿姨， / 那 …). Not pressed (到底 / 究竟 / 还 / 怎么), not
# 听懂了没有 (curt, above), not a statement (您肯定听明白了), not whether she hears the line (您听得清吗？ — a tune call's
# opening, read as the teach-back at turn 1 in a first version).
_ADDRESSED = r"(嗯|好|好的|那|那么|行)?[，,]?((阿姨|叔叔|大爷|大妈|奶奶|爷爷|婆婆|阿伯|老人家|先生|女士|[\u4e00-\u9fff]?[姐哥])[，,]?)?"
_TOLD = r"((刚才)?(这些|这个|这几[个块项点条样]|刚才(说|讲)的|我(刚才)?(说|讲)的)[，,]?)?"
_MADE_IT_CLEAR = r"我?(这样|这么|刚才)?(说|讲|解释)(的|得)?(您|你)?(都)?(清楚|明白)(吗|了吗|不)"
_SAID_IT_CLEARLY = r"我?(都)?(讲|说|解释)(清楚|明白)了(吗|没有|没)"
_CAN_FOLLOW = (r"(我(这样|这么)?(说|讲))?(您|你)(这边)?(都)?((能|可以)?(听得?(明白|懂)|跟得上)(吗|不)"
               r"|(清楚|明白)吗)")
_EITHER_WAY = r"(您|你)?(这边)?(都)?听?(清不清楚|明不明白|懂不懂)(呀|呢)?"
_IN_HER_WORDS = r"(能不能|可不可以|方便)?(麻烦)?(您|你)?(能|可以)?用(您|你)?自己的话(帮我|给我|跟我)?(说|讲|复述)(一下|一遍)(吗|好吗|行吗)?"
_UNDERSTOOD_ASKED = re.compile(_ADDRESSED + _TOLD + "(" + "|".join(
    (_MADE_IT_CLEAR, _SAID_IT_CLEARLY, _CAN_FOLLOW, _EITHER_WAY, _IN_HER_WORDS)) + r")[？?～~。]*")


def checks_understanding(sentence: str) -> bool:
    """The sentence only asks whether the customer has understood what was explained: never rude, and the step that
    asks her to confirm she has understood (a teach-back) when a scenario has one (`Checkpoint.asks`)."""
    sentence = sentence.strip()
    return bool(_UNDERSTOOD.fullmatch(sentence) or _UNDERSTOOD_ASKED.fullmatch(sentence))


def only_acknowledges(sentence: str) -> bool:
    """The sentence acknowledges what the customer said and says nothing else."""
    return bool(_ACKNOWLEDGED.match(sentence))


def owns_the_fault(sentence: str) -> bool:
    """The sentence admits the fault is the company's own."""
    return bool(_OWNED.search(sentence))


# The company declining to judge what someone else decided (医院的诊断我们不去评价，就是这个时间点是合同里定好的 / 医院怎么
# 诊断的，我们公司不去评价): it says the claim turns on the contract, not on whether the hospital was right — no fault laid on the
# hospital, nor on her (calls50: a tune-standard stroke call's reply read blame at 0.67, +30 to her mood, 53 → 90). The
# classifier's train lines that name the hospital's diagnosis blame it (31 blame lines name 医院 / 医生; 病历记载不完整系医院方面
# 的问题，…我司不予介入), and no train line withholds a judgement. Not with a fault named beside it (要怪就怪医院写得太简单 /
# 诊断写得不清楚，您回医院找医生 / 跟我们没关系): that is the blame.
_WITHHELD = re.compile(r"(不去|不做|不作|不予|不会|不能|没法|无法|不便|不好|不)(随便|轻易|去)?(评价|评判|置评|评论|质疑|否定|推翻)")
_SOMEONE_ELSES_CALL = re.compile(r"医院|医生|大夫|诊断|鉴定|结论")
_FAULT_LAID = re.compile(r"怪|锅|问题|错|不对|不清|简单|不全|不完整|不规范|介入|没关系|无关|不管|自行|(找|问|回|去)(医院|医生|大夫)")


def withholds_judgement(sentence: str) -> bool:
    """The sentence says the company does not judge another's decision (the hospital's diagnosis), and faults nobody."""
    return (bool(_WITHHELD.search(sentence)) and bool(_SOMEONE_ELSES_CALL.search(sentence))
            and not _FAULT_LAID.search(sentence))


# Her trouble spared (不用您自己跑 / 不必您再跑一趟 / 无需您亲自来): an offer, never 服务忌语 — callback-proxy-signature's model
# answer 不用您自己跑。公司会安排专门人员… read rude as a sentence of its own (judge53b: the judge's own lesson faulted).
_SPARED = re.compile(r"(不用|不必|无需|用不着|不需要)(您|你)(自己|亲自|本人)?(再)?(跑|去|来|过来|操心|动手|费心)")
_TROUBLE_BELITTLED = re.compile(r"没用|白跑|也没|有什么用|管不了")


def spares_the_trouble(sentence: str) -> bool:
    """The sentence tells the customer she need not do it herself, and belittles nothing."""
    return bool(_SPARED.search(sentence)) and not _TROUBLE_BELITTLED.search(sentence)


# An extension the company will announce (如果情况比较复杂需要延长，我们会提前告知您): the complaint rule's own words after
# its 15日, not a vague reply (judge53b: the complaint-deadline script, shown as a lesson, read vague on that clause).
_EXTENSION_TOLD = re.compile(r"(如果|要是|若|万一)[^。！？!?]{0,12}(延长|延期|推迟)[^。！？!?]{0,8}(会|将)[^。！？!?]{0,4}"
                             r"(告知|通知|告诉|联系)")


def announces_an_extension(sentence: str) -> bool:
    """The sentence says the company will tell the customer before a time limit is extended."""
    return bool(_EXTENSION_TOLD.search(sentence))


def misread_fault(behaviour: str, quote: str, sentence: str) -> bool:
    """The classifier's `behaviour` finding on `quote` (in `sentence`) is one of the readings above."""
    if behaviour == "absolute_promise":
        return (warns_of_a_loss(sentence) or says_the_question_back(sentence) or describes_a_deposit(sentence)
                or vows_conduct(sentence) or refuses_a_demand(sentence) or denies_nothing_paid(sentence)
                or states_a_usual_time(sentence))
    if behaviour == "personal_data":
        return (names_a_reference_number(quote) or said_back(sentence) or declines_to_read(sentence)
                or only_a_tail(sentence))
    if behaviour == "rude":
        return checks_understanding(sentence) or spares_the_trouble(sentence)
    if behaviour == "vague":
        return only_acknowledges(sentence) or announces_an_extension(sentence)
    if behaviour == "blame":
        return owns_the_fault(sentence) or withholds_judgement(sentence)
    return False
