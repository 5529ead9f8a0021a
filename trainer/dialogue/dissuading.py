"""Talking the customer out of a cancellation, a surrender or a complaint where the scenario forbids it (qa26 J7).

小周 told a customer who had called to surrender 嗯…那个…其实我建议你别退了，退了太亏了…你要是手头紧，可以办减额交清 — on
a scenario whose goal says 尊重客户决定，不劝阻 — and the report named only 术语未解释 on 减额交清. Surrender is the
policyholder's right: the company must not set unreasonable obstacles to it (保险销售行为管理办法第四十条: 不得设置不合法不合理
的退保阻却条件; 互联网保险业务监管办法第二十九条: 不得阻碍或限制客户退保), and a complaint to 12378 is hers to make. Where a goal
says so (不劝阻 / 不阻拦 / 不设障碍 …), urging her against it is 推诿指责 (behaviours.py's blame: argues with the customer)
on its own clause, as agent_referrals reads 不推给业务员.

What stays clean, as the rules ask of the agent: the loss told (退保只能退现金价值，会有损失，您确认要退吗？ — she must hear
it), the reason asked (方便说一下为什么想退吗？), an alternative offered as information with the choice left to her (如果只是
资金周转，也可以考虑保单贷款，您自己决定). 我不建议您在电话里冲动决定 is left clean on purpose: it advises against a way of
deciding, not against the decision, names no act to give up and leaves the act open — read as dissuasion, it would also
take every 您考虑清楚再决定 the confirmation of a surrender calls for.
"""

from __future__ import annotations

import re
from typing import Sequence

from kb.chinese_text import FULL_STOPS
from trainer.dialogue.agent_referrals import spoken_clause
from trainer.dialogue.evidence import Evidence
from trainer.dialogue.quotation import reported_at
from trainer.dialogue.wording import Worded

# The acts a customer may be talked out of: giving the policy up, or complaining.
GIVING_UP, COMPLAINING = "giving_up", "complaining"
_ACTS = {GIVING_UP: "退保|退掉|退了|退|撤单|撤掉|撤|解约|解除合同|解除|取消", COMPLAINING: "投诉|打12378|12378|举报|反映"}
_YOU = r"(您|你)?"


def _urged_against(act: str) -> re.Pattern[str]:
    """Urging the customer against `act` (its words): 建议你别退了 / 我劝您还是别退 / 千万别退 / 没必要投诉 / 不建议您退保 /
    何必投诉 — not 退回 / 退还 / 退款 / 退费 (the money's way back, not her act), nor 不退 in a question (退不退由您决定) —, or
    the act belittled: 退了太亏了 / 退保多可惜 / 投诉也没用 (her decision judged; 退保会有损失, the loss stated, stays clean,
    and so does 退了亏，心里憋屈, her feeling said back — 亏 wants a 太 / 多 / 真 … to be a verdict)."""
    act = f"(?:{act})(?![回还款费])"
    return re.compile(
        r"(?:(?:建议|劝)" + _YOU + r"(还是|最好)?(先)?|还是|最好|千万|可千万|先)(别|不要|甭)" + act
        + r"|(?<![会能])(别|不要|甭)" + act + r"了"
        + r"|(没必要|没有必要|犯不着|何必|不值得|不建议" + _YOU + r")" + act
        + r"|" + act + r"(的话)?了?(也|就)?((太|多|真|很|特别|可)(亏|可惜|吃亏)|不划算|划不来|不值|没用|没有用|没什么用|没意义"
        r"|解决不了)")


_URGED = {kind: _urged_against(words) for kind, words in _ACTS.items()}
# Keeping the policy urged, no act named: 我劝您还是再考虑考虑 / 保单还是留着吧.
_KEEP_IT = re.compile(r"劝" + _YOU + r"(还是|最好)?(再想想|再考虑|留着|保留|继续交)|(保单|保险)?还是留着")
# Not the agent's own urging: 我不会劝您别退 / 不是让您别退 / 不是说您别投诉.
_DISOWNED = re.compile(r"(不会|不是|并不是|没有|没)(要|让|叫|说)?(劝|让|叫|说)?" + _YOU + r"$")
# A goal that leaves the decision to the customer: one meaning, which the scenarios say three ways (judge53b) —
#   the agent not getting in the way: 不劝阻 (cooling-off-cancel, surrender-year2-angry), 不阻拦 (media-threat: 12378),
#     不设障碍, 不挽留, 不干涉, 不施压 (grace-period-short-of-money: 讲清宽限期和逾期后果，不施压) …;
#   her choice respected: 尊重客户决定 / 尊重客户的选择 / 尊重客户向12378反映的权利 / 尊重她的意愿;
#   the choice left to her: 由客户自己决定 (grace-period-short-of-money) / 让客户自己选择 / 客户自己拿主意.
# Not 不引导客户改口 (a statement she made, not a decision), nor 不反复逼问身份信息.
_FORBIDDEN = re.compile(
    r"(不|不要|不能|不得|别|避免)(劝阻|劝退|阻拦|阻止|阻挠|阻碍|拦着|设障碍|设置障碍|设阻|挽留|刁难|劝|干涉|干预|施压|强求|勉强)"
    r"|尊重[^，,。；;]{0,12}(决定|选择|意愿|权利|决策)"
    r"|(由|让|请)(客户|她|他|对方)(自己|本人|自行)?(来)?(决定|选择|拿主意|做主)"
    r"|(客户|她|他)(自己|自行)(决定|选择|拿主意|做主)")
# …of a complaint when the goal's sentence names one (尊重客户向12378反映的权利，不阻拦), else of her decision to give it up.
_A_COMPLAINT = re.compile(r"投诉|12378|反映|举报|监管")

ADVICE = Worded("这个情景要求尊重客户的决定、不劝阻：退保（撤单）和投诉都是客户的权利，公司不得阻碍退保或设置不合理的退保条件。"
                "讲清会损失多少、有哪些替代办法，然后由客户自己决定，不要替客户下结论或劝客户放弃。",
                "This scenario says to respect the customer's decision and not to talk them out of it: surrendering "
                "(cancelling) and complaining are the customer's rights, and the company must not obstruct a surrender "
                "or set unreasonable conditions on it. Say what they would lose and what the alternatives are, then let "
                "them decide; do not decide for them or urge them to give it up.")
# The terms said with their plain words (减额交清 alone is 术语未解释: the lesson's own words must draw no fault).
BETTER = Worded("退保的话，退的是保单的现金价值，会有一定损失；如果只是资金周转，也可以考虑保单贷款，也就是用保单向公司借一笔钱，"
                "或者减额交清，也就是以后不用再交保费、保额相应降低。您看您是想了解一下，还是直接办理退保？都由您来决定。",
                "If you surrender, you get the policy's cash value back, so there is some loss; if it is only a cash-flow "
                "problem, a policy loan (borrowing against the policy) or reduced paid-up insurance (no more premiums, a "
                "lower sum insured) are options too. Would you like to hear about them, or go ahead with the surrender? "
                "It is your decision.")
BETTER_COMPLAINT = Worded("您有权向公司投诉，也可以向监管部门反映，我不会阻拦。我现在先帮您把投诉登记上，后面有专人跟进。",
                          "You have every right to complain to us or to the regulator, and I will not stand in your way. "
                          "Let me register the complaint now; someone will follow it up.")


def talked_out_of(text: str, kinds: Sequence[str] = (GIVING_UP, COMPLAINING)) -> list[tuple[int, int]]:
    """The spans of `text` that urge the customer against the acts of `kinds` (别退了, 退了太亏了, 投诉也没用) — not what
    she or others said, quoted or reported back (侬听人家讲“退保亏交关”, a good tune-regional cooling-off call)."""
    patterns = [_URGED[kind] for kind in kinds] + ([_KEEP_IT] if GIVING_UP in kinds else [])
    spans = [(m.start(), m.end()) for pattern in patterns for m in pattern.finditer(text)]
    return sorted((start, end) for start, end in spans
                  if not _DISOWNED.search(text[max(0, start - 6):start]) and not reported_at(text, start, end))


def forbidden_kinds(goals: Sequence[str]) -> tuple[str, ...]:
    """What a goal of the scenario forbids talking the customer out of — a goal that leaves the decision to her (不劝阻 /
    尊重客户决定 / 由客户自己决定): a complaint where the goal's part names one, else giving the policy up; () when no goal
    says so. A goal is read by its parts (媒体: 讲清正常退保退还现金价值；尊重客户向12378反映的权利，不阻拦 — the refund's part
    names no complaint, the 12378 part does)."""
    kinds = []
    for goal in goals:
        for sentence in re.split(r"[。；;]", goal):
            if _FORBIDDEN.search(sentence):
                kinds.append(COMPLAINING if _A_COMPLAINT.search(sentence) else GIVING_UP)
    return tuple(dict.fromkeys(kinds))


def dissuaded(text: str, goals: Sequence[str]) -> list[Evidence]:
    """A blame fault on the clauses of `text` that talk the customer out of what `goals` forbid talking them out of: one
    a reply, from the first such clause to the last in its sentence (其实我建议你别退了，退了太亏了… is one urging, and the
    customer hears it once)."""
    kinds = forbidden_kinds(goals)
    spans = talked_out_of(text, kinds) if kinds else []
    if not spans:
        return []
    start, end = spans[0]
    for later_start, later_end in spans[1:]:
        if any(mark in text[end:later_start] for mark in FULL_STOPS):
            break
        end = max(end, later_end)
    complaint = COMPLAINING in kinds and _URGED[COMPLAINING].search(text[start:end])
    better = BETTER_COMPLAINT if complaint else BETTER
    return [Evidence("blame", False, spoken_clause(text, start, end), ADVICE, better, clause_only=True)]
