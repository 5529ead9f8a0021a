from trainer.dialogue.handed_back import handed_back, hands_to_the_salesperson, keeps_out_the_salesperson
from trainer.dialogue.regional_speech import mandarin_reading

# callback-proxy-signature's step (基本服务规定第十八条: 由销售人员以外的人员予以解决)
STEP = "说明由销售人员以外的专门人员在规定时间内处理 15个工作日 不是原销售人员 销售人员以外"


def test_a_point_kept_from_the_salesperson_is_read_from_its_own_words():
    assert keeps_out_the_salesperson(STEP)
    assert keeps_out_the_salesperson("把“保底5%”的说法登记为投诉，由非销售人员核实")
    assert not keeps_out_the_salesperson("告知犹豫期内可以申请解除合同")


def test_the_case_handed_to_the_salesperson_is_read():
    """qa30 J1: 小周's slip, and the like."""
    for sentence in ("您不用自己跑，我这边已经登记了，然后会让给您办业务的那位业务员再上门找您补签一下。",
                     "我们会安排业务员上门", "我们会让业务员联系您补签。"):
        assert handed_back(sentence, STEP, mandarin_reading), sentence


def test_the_salesperson_kept_out_or_only_spoken_of_is_not_handed_the_case():
    for sentence in ("公司会安排专门人员，不是原销售人员，在15个工作日内联系您处理。",
                     "之后会由公司专门嘅人员跟进处理，唔系原来嗰个业务员，15个工作日之内会联系您。",
                     "业务员说代签也行是不对的。", "是业务员让您爱人签的吗？", "由专门人员而不是原来的业务员来处理",
                     "您不用再找业务员了，公司会安排专人联系您。", "会由专门人员核实业务员当时怎么说的",
                     "这个情况我会如实记录，后面不会让业务员来处理。",
                     # the suite at stop 54: a warning (grace-period's model line) and a colleague named by it (qa28)
                     "不可以，请你不要把钱给业务员个人，请用本人账户或者官方App交费。",
                     "会有不负责销售的同事去核实当时是怎么介绍的"):
        assert not hands_to_the_salesperson(sentence, mandarin_reading), sentence


def test_a_point_that_does_not_keep_him_out_is_not_turned():
    assert not handed_back("我们会安排业务员上门", "告知犹豫期内可以申请解除合同", mandarin_reading)


# qa30 J1: 小周's call of callback-proxy-signature to her slip (turn 4), then the step said right (turn 5)
PROXY_CALL = (
    "您好，我是安泰人寿回访专员小周，工号1234。请问是赵军先生本人吗？麻烦您说一下身份证后四位。",
    "谢谢赵先生。想跟您确认一下，您上个月是不是买了我们的守护定期寿险？投保单上的签名是您本人亲笔签的吗？",
    "谢谢您如实告诉我，签名需要您本人亲笔签，别人代签是不行的，这个情况我会如实记录下来。",
    "您不用自己跑，我这边已经登记了，会在15个工作日内处理，然后会让给您办业务的那位业务员再上门找您补签一下。",
    "不好意思我说错了，不是原来的业务员，会由公司专门人员，在15个工作日内联系您处理。",
)


def test_the_case_handed_back_to_the_salesperson_meets_no_step_and_answers_nothing(judge, real_scenarios, real_facts):
    """qa30 J1: …然后会让给您办业务的那位业务员再上门找您补签一下 was credited 完成要点 and 回答客户问题; the step is
    由销售人员以外的专门人员…处理. The right words a turn later meet it."""
    from tests.trainer.dialogue.conftest import assert_quotes_verbatim, play
    from trainer.dialogue import DialogueSession

    session = DialogueSession(real_scenarios["callback-proxy-signature"], real_facts, judge=judge, seed=1)
    report, used = play(session, list(PROXY_CALL))
    assert_quotes_verbatim(report)
    assert used == len(PROXY_CALL)
    slip = [f for f in report.findings if f.turn_index == 4 and f.ok and f.rubric in ("checkpoint", "answer", "explanation")]
    assert not slip, slip
    assert session.state.done.get("handled-by-others") == 5
