"""Promises with no promise word (judge54, issue #12): an outcome only the review, the company or the market decides,
stated as fact — the payout, a past case as proof, an amount, a floating rate, no lapse ever, money on a calendar day —
and the vouching the promise-word rules had no outcome for. The sentences are this test's own wording, not 小秦's lines
(hedge_lines/w-xiaoqin-promises.yaml, which test_hedge_lines reads); the clean rows are what an agent may say of the
same things: the process, its usual times, a hedge, a past fact, the guaranteed part said right."""

from __future__ import annotations

import pytest

from tests.trainer.dialogue.conftest import promised_by_rules as _promised


@pytest.mark.parametrize("text", [
    # the payout or the review's outcome as a fact of the customer's case
    "您爱人这个病是赔得了的，您就等着收钱吧。",
    "阿姨您这种情况是能赔的哈，材料我都看过了。",
    "您这次的申诉是成立的，公司会把全额保费退给您。",
    "医药费全都能报回来，进口药自费的也能报。",
    # the review said a formality or skipped
    "您只要材料齐了，审核就是走个形式。",
    "您的复效不用重新体检，交了钱就行。",
    "理赔的时候不会查您以前的病历。",
    "这款医疗险以后每年都能给您续，得了病也照样续。",
    # an amount said final
    "这笔退保金到手就是八万六，一分不差。",
    "您这笔赔款是二十三万，我给您核过了，就是这个数。",
    # a past case as proof
    "去年有位大爷也是心梗，全部赔下来了，您家这个一样的。",
    "我们公司理赔从来没拒过的，您放宽心。",
    # a floating rate or return said fixed or rising
    "万能账户的结算利率以后也不会降，您放心存。",
    "今年的红利会比往年多，行情好。",
    "贷款利率明年也不会变的。",
    # no lapse, ever
    "保费晚点交没关系，您什么时候交都行，保单一直有效。",
    "您慢慢交就行，不急的，保障一直都在。",
    # money on a calendar day
    "赔款明天就到您卡上，您留意一下。",
    "这笔退费月底之前就打到您账户上。",
    "今天申请，明天下午钱就到账。",
    # vouching with no outcome the promise-word rules read
    "这个事包在我身上，手续费包免的。",
    "您跟着我买，我保证您不亏。",
    "我帮您直接按犹豫期退，全额退给您。",
])
def test_an_outcome_stated_as_fact_is_a_promise(real_detectors, text):
    assert _promised(real_detectors, text)


@pytest.mark.parametrize("text", [
    "您这个情况能不能赔，要等理赔审核对照条款来定。",
    "之前有位客户是赔下来了，不过每个人情况不一样，您这个还要看审核。",
    "您母亲那份上个月已经理赔了，钱打到她卡上了。",
    "宽限期有六十天，这段时间可以慢慢交就行。",
    "一般材料齐全以后，五个工作日左右会有结论，具体以审核为准。",
    "正常情况下三十天内会给您结论。",
    "结算利率每个月公布，保底利率是合同写明的，上面的部分会浮动。",
    "保底利率那部分是保证的，不会低于百分之二点五。",
    "分红是不保证的，去年的数只能参考。",
    "以后利率会不会涨，我真的说不准。",
    "宽限期是六十天，这期间保障还在，过了就会中止，您尽快补交。",
    "退保金一般受理后七到十个工作日到账，以银行到账为准。",
    "理赔款已经在昨天到账了，您查一下。",
    "我今天就把理赔申请表发到您手机上。",
    "我帮您催一下理赔进度，明天给您回个电话。",
    "我不能保证一定能赔，但我会把材料尽快转给理赔。",
    "复效要重新做健康告知，能不能复效要核保来定。",
    "手续费能不能免我帮您申请一下，结果出来告诉您。",
    "演示里的数字只是举例，不是合同承诺。",
    "您的基本保额是五十万，合同上写着的。",
    "犹豫期过了退保按现金价值算，扣掉手续费就是这个数。",
    "您这种情况是不赔的，条款里列为责任免除。",
    "犹豫期内退保，可以退还全部保费。",
    "您的保单现在是有效的，下次扣款日是三月十五号。",
    # her demand said back, recorded or refused: her words, not the agent's commitment (judge55a; media-threat's good
    # calls were faulted for 今天到账 in these)
    "您的要求我都记下了：全额退保费、再赔5万、今天到账。",
    "全额退、再赔五万、今天就到账，这几样我实在做不了主。",
    "您要的是全额退、今天到账，这个我这边答应不了。",
])
def test_the_process_a_hedge_or_a_past_fact_is_no_promise(real_detectors, text):
    assert not _promised(real_detectors, text)
