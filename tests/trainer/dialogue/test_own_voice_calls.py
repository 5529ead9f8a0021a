"""Good calls in the CHECK writers' kinds of speech — Xi'an and Jinan Mandarin, slang, a sloppy typist, 公文腔 — written
for this test by calls45 (stop 44), in its own words: no turn is copied from a call set, the corpus or a model answer.

The check set's two good calls that hang up are read for figures only, so the judge's faults a good trainee meets were
looked for here and in the regional TUNE calls (tests/trainer/dialogue/transcripts/tune_regional/, read freely). On
main each call below but the Jinan permanent-lapse one was faulted for words that do right by the customer: a refusal
said 应承不了 (no answer: her question "ignored" each turn while the media-threat customer's mood climbs from 80 toward
96, her hang-up), "MB" of the lab test 心肌酶CK-MB called a desk code, 八成 ("most likely") checked as 80 % against the
mild-cover rule, a 公文腔 close ("请问您还有其他问题吗？如无，感谢您的来电…") dropped and judged vague, and a step the
trainee was still explaining while her question waited costing +10 as an ignored question.

calls46 (stop 45) added a Northeastern call that refuses the demand in everyday words (这几样我真做不了这个主): no cue
lists them, so on main the step stayed open and her "全额退再赔5万，今天能不能到账？" was "ignored" three turns running
(mood 65 → 79, closed_open 76).
"""

from __future__ import annotations

import pytest

from tests.trainer.dialogue.conftest import assert_quotes_verbatim, play
from trainer.dialogue import DialogueSession

# scenario, voice, the agent's turns
OWN_CALLS = [
    ("media-threat-unreasonable-demand", "Xi'an, 公文腔 pieces", (
        "王姐，您先嫑急，您说的额都听着咧。家里等钱用，又觉得这保险退了亏，搁谁都着急上火。额是鑫安人寿客服小杨，工号2261。为了查您保单，麻烦您报一下姓名和身份证后四位。",
        "谢谢王姐，信息核对上咧。额给您直说：全额退还、再赔5万精神损失费、今天到账，这几样额实在应承不了您，额也不能哄您。",
        "退保的话，按合同退的是保单的现金价值，不是交了多少就退多少。您这单交了两年，头几年扣的费用多，现金价值会比交的钱少一截，具体数以办理当天系统算的为准。",
        "12378是监管部门的投诉热线，您打是您的权利，额一点都不拦。您对这个事有意见，额这边也可以现在就给您登记投诉，由专门处理投诉的同事核实。",
        "登记以后15日内给您处理结果，情况复杂的可能延长，最长不超过30日，要延长会提前通知您。您的诉求额原样记上：全额退保费、赔偿5万元、今天到账。",
        "王姐，投诉登记好咧，受理号一会儿短信发给您。您看还有撒要问的么？",
        "那就先这样，家里的事您也嫑太上火，祝您一切顺当，再见！",
    )),
    ("permanent-lapse-angry", "Jinan, slang", (
        "郑先生，恁先消消气。交了好几年钱，一查说合同解除了，搁谁身上都窝火，俺听着，恁慢慢说。",
        "俺是客服小孙，工号5120，俺帮恁把这个事儿查明白。查之前麻烦恁报一下投保人名字和身份证后四位，俺核对一下。",
        "对上了，郑先生。恁这份寿险停交以后过了60天宽限期，效力就中止了；中止以后满两年没办复效，按合同和保险法，公司有权解除合同，解除后退保单的现金价值。",
        "恁说没收到通知，这个俺当回事儿。中止的时候公司有通知的义务，俺现在就查一下当时的通知记录，恁现在的手机号和住址是啥，俺给恁对一下、更新上。",
        "钱没白交，也不是没了：合同解除以后，保单的现金价值退给恁，带着身份证和银行卡去柜面就能领。合同解除了就不能再复效了，要是还想要保障，可以重新投保，得按恁现在的年龄和身体情况重新审核。",
        "恁坚持说没收到通知，俺现在就给恁登记投诉，由专人核实当时的通知记录，15日内给恁答复，情况复杂的最长30日。",
        "俺给恁捋一遍：投诉登记好了，联系方式更新了，现金价值随时能领。恁看还有啥要问的不？",
        "那就不耽误恁了，谢谢恁，再见。",
    )),
    ("ci-claim-declined", "Xi'an, sloppy typist", (
        "张先生，您先嫑急，心梗放了支架，回来又收到拒赔通知，搁谁都窝火，额理解。额是客服小杨，工号2261，这个事额一定给您说清楚。",
        "谈保单之前额先核对一下身份，麻烦您报一下投保人名字和身份证后四位。",
        "谢谢，核对上咧。您这份是康宁重大疾病保险，这次结论是未达到较重急性心肌梗死的标准，不是说您么得心梗，是么达到合同里重疾这一档。",
        "较重急性心肌梗死要满足至少一项：肌钙蛋白到正常上限15倍以上，心肌酶CK-MB到正常上限2倍以上，或者确诊6周以后射血分数低于50%。不是一分钱都不赔：您合同有轻症责任，没达到较重的，属于较轻急性心肌梗死，可以按清症申请。",
        "您要是不服，可以补充材料申请复核：把住院时候的化验单、心脏彩超报告找齐，确诊6周以后复查的射血分数报告也一起交，在App上传或者克柜面交都行，理陪那边会重新审核。",
        "您要投诉额现在就给您登记，15日内给您答复，复杂的最长30日。",
        "您看还有撒别的问题么？没有的话额就不打扰您休息咧，祝您早日康复，再见。",
    )),
    ("dividend-below-promise", "Jinan, 公文腔", (
        "林先生您好，非常理解您此刻的心情，三年交了十五万，收到的红利与预期差距较大，换作是俺也会着急。",
        "为保障您的信息安全，烦请您提供投保人姓名及身份证后四位，俺进行核对。",
        "感谢配合，身份已核实。关于分红，俺如实向您说明：分红险的红利是不保证的，每年根据公司实际经营情况确定，合同条款中并无“保底5%”的约定。",
        "说明书上的高档数字属于利益演示，仅为举例，是假设的情况，不代表将来实际能够获得的收益，也不构成公司的承诺。",
        "关于业务员所述“保底5%”，俺这边予以登记投诉，将由销售人员以外的专门人员进行核实处理。",
        "投诉登记后，公司将在15日内给予处理结果，情况复杂的可延长至30日，如需延长会提前告知您。",
        "请问您还有其他问题吗？如无，感谢您的来电，祝您生活愉快，再见。",
    )),
    ("stroke-claim-early", "Jinan, slang", (
        "陈姐，恁先别急，家里人突然脑梗，右边手脚都不得劲，搁谁都揪心，俺听着呢。",
        "俺是客服小孙，工号5120。说保单之前俺得先核对一下，麻烦恁报一下投保人名字和身份证后四位。",
        "对上了，陈姐。合同里的严重脑中风后遗症，看的是确诊180天以后还有没有永久性的功能障碍，比如一侧手脚肌力2级以下，或者日常生活六项里三项以上自己干不了。头半年恢复变化大，所以得等满180天再评估。",
        "恁八成是担心万一恢复得还行就啥也不赔，不是这样：合同还有轻症责任，轻度脑中风后遗症也是180天后评估，够上了按合同约定的比例赔。",
        "满180天以后，恁凭医院神经科的评估再申请一次就中。到时候准备理赔申请书、身份证、住院病历、出院小结、诊断证明和那份评估报告，在App上传或者去柜面交都行。",
        "申请的时效是两年，从恁知道出事那天算，180天才半年，时间够用，恁放宽心。",
        "俺再给恁捋一遍：满180天评估，再申请，材料俺刚说了，轻症那块也能一块儿看。恁看还有啥要问的不？",
        "那就不耽误恁照顾病人了，祝恁家里人早日康复，再见。",
    )),
    ("media-threat-unreasonable-demand", "Northeastern, a refusal in everyday words", (
        "大姐，您先别上火，家里等着钱用，一看退得少，搁谁心里都堵得慌，您说的我都记着呢。我是客服小于，工号4417，先帮您把保单调出来，麻烦您说一下投保人姓名和身份证后四位。",
        "谢谢大姐，对上了。我跟您唠实在的：全额退、再赔5万、今天就到账，这几样我真做不了这个主，也不能糊弄您。",
        "正常退保退的是这张保单的现金价值，不是交多少退多少。您这单才交两年，前几年扣的费用多，现金价值比交的钱少一截，具体多少以办的那天系统算的为准，退保申请交上来30日内钱给您退回去。",
        "打12378是您的权利，我一点不拦着。您对这事有意见，我这边现在就能给您登记投诉，让专门管投诉的同事核实。",
        "登记完15日内给您处理结果，情况复杂的可能延长，最长不超过30日，要延长会先告诉您。您的诉求我原样记上：全额退保费、赔偿5万元、今天到账。",
        "大姐，投诉登记好了，受理号一会儿短信发您手机上。您看还有啥要问的不？",
        "那就先这样，家里的事您也别太上火，祝您一切顺利，再见！",
    )),
]


@pytest.mark.parametrize("scenario_id, voice, turns", OWN_CALLS, ids=[f"{s}-{v}" for s, v, _ in OWN_CALLS])
def test_a_good_call_in_regional_or_office_speech_ends_resolved_without_a_fault(scenario_id, voice, turns,
                                                                               real_scenarios, real_facts, judge):
    """A trainee who does every step in her own register ends the call resolved, and the report faults nothing."""
    report, _ = play(DialogueSession(real_scenarios[scenario_id], real_facts, judge=judge), list(turns))
    assert_quotes_verbatim(report)
    assert report.outcome == "resolved", (report.outcome, report.missed, report.findings)
    assert not [f for f in report.findings if not f.ok], report.findings
