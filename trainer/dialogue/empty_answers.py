"""Empty answers (vague) in a trainee's everyday words, beside `detectors`' wait and not-knowing forms (judge39n).

An answer put off with no when and nobody acting (咱们后面再说哈, 我回头问问吧, 回头会有人联系您的, 领导说再研究研究), left to
luck (就看运气啦), closed with a flat "that's how it is" (规定就是这样～, 反正结果就这样, 系统就这样), a wait with no end
(您再等等看吧, 你再等等。) or an empty reassurance (咱公司不会不管的, 我们会处理的，您放心吧, 过阵子就好了) — behaviours.py's
vague: 没有给客户实在的信息或下一步. Train split: every form matches only lines labelled vague (31 lines), each form in
at least two writers' words. A time, a figure, the agent acting (帮您 / 我去 / 给您) or a route (投诉, 登记, 专员) makes it a
next step, so none of these forms counts in a reply that holds one.

judge42v (the TUNE replies' fresh writers; each form checked against the train split's labels first): a contact by
nobody named (会有人联系您的 / 后续会有人联系您的 / 您等我们通知吧) is vague, not a next step — no owner, no action, no time;
an answer that only hides behind the rule or the system (条款就这么写的，俺也改不了 / 系统就是这么算的 / 合同咋写咱咋办 /
核保给的结论，没办法) or only tells the customer to wait (您这个是二核件，得等着 / 要等审核) is vague too.
"""

from __future__ import annotations

import re

# Someone unnamed will get in touch, or the customer is to wait for "our" notice (会有人联系您的, 后续会有人联系您的, 回头会
#有人联系您的, 您等我们通知吧). Train split (judge42v): the 8 lines that say it with nothing given (`_SOMETHING_GIVEN`) are
# all labelled vague (six writers: 会有人联系您的。 / 嗯，我会反馈给相关部门的，会有人联系您。 / 后面会有人联系您的。); the 3
# that give a time or a route (明天有人联系您 / 两天内会有人给您打电话) or name what the agent does first (我这边提交一个回访异常，
# 后面会有人跟您联系的 / 调当时的录音录像查，查完会有人联系您: `_ACTION_NAMED`) are next steps. 反馈 and 记下 are no such action:
# 嗯，我会反馈给相关部门的，会有人联系您。 / 行，我记下了，回头有人跟您联系。 are both labelled vague.
_NOBODY_NAMED = (r"((后续|后面|之后|稍后|回头|到时候?)会?|会)有人(会)?(跟|和|与)?(您|你)?(联系|打电话|回电|回复|通知|答复|跟进)"
                 r"|等(我们|公司|那边|上面)的?(通知|消息)")
_ACTION_NAMED = re.compile(r"提交|调取|调[^，,。！？!?]{0,6}(录|资料|病历|记录)|查")
_PUT_OFF = re.compile(
    r"(后面|以后|改天|回头|到时候)再说(吧|嘛|哈|呗|啊)?(?=[，,。！？!?～~…]|$)"
    r"|回头(问问|再看|再联系)|再研究研究|看运气"
    r"|(规定|结果|系统|流程|制度)(就|也就)(是)?(这样|这么回事)(?![的地])"
    r"|(再|先)等等(看)?(吧|呗|啊|哈)?(?=[，,。！？!?～~…]|$)"
    r"|会处理(好)?的|不会不管的|都会好的|过(阵子|段时间)就好了"
)
_SOMETHING_GIVEN = re.compile(r"\d|[一二三四五六七八九十两半]+个?(工作日|天|日|小时|周|星期|礼拜|月|号|点)|今天|明天|后天|马上|"
                              r"下午|上午|晚上|帮您|帮你|给您|给你|我来|我去|我现在|投诉|登记|专门|专员|专人")
# Written from the train split's misses: a hit counts only when the classifier scores the reply's vague at least this
# (`detectors.SPOKEN_FLOORS`; chosen leave one writer out, docs/benchmarks.md judge39n). 0.25 on main, not judge39n's
# 0.4: vague's floor is shared with judge39c's it-depends answers (read at 0.25); at 0.25 this form still passes
# judge39n's train keep rule (vague LOWO 0.852 / 0.639 → 0.873 / 0.764; at 0.4 0.915 / 0.750) — the lead's merge.
PUT_OFF_FLOOR = 0.25


def put_off(text: str) -> list[tuple[int, int]]:
    """The first span of `text` that puts the customer off with nothing given (see `_PUT_OFF`); none when the
    reply gives a time, a figure, a route or the agent's own action."""
    if _SOMETHING_GIVEN.search(text):
        return []
    match = _PUT_OFF.search(text) or _nobody_named(text)
    return [(match.start(), match.end())] if match else []


def _nobody_named(text: str) -> re.Match | None:
    """Where someone unnamed will get in touch (`_NOBODY_NAMED`), unless the agent names an action of their own."""
    return None if _ACTION_NAMED.search(text) else re.search(_NOBODY_NAMED, text)


def contact_by_nobody(text: str) -> bool:
    """The reply's only word of what happens next is that someone unnamed will get in touch (会有人联系您的 / 您等我们
    通知吧), with nothing given (`_SOMETHING_GIVEN`): no next step, whatever the 联系您 cue says (judge42v)."""
    return not _SOMETHING_GIVEN.search(text) and _nobody_named(text) is not None


# The rule or the system named as the whole answer (条款就这么写的，俺也改不了 / 系统就是这么算的哈 / 合同咋写咱咋办 / 核保给的
# 结论，没办法 — tune replies tw-a.yaml:21, 81, 164; tw-b.yaml:185; tw-c.yaml:183, 216). Train split (judge42v): the lines
# that say it with nothing given are labelled vague (这个系统里就是这样显示的咯，我也冇办法改。 / 那没办法，系统就这么设定的。);
# with a reason or a figure (您是第175天确诊的…合同是这么定的，我这边改不了 — explanation), a route (但您可以申请复核) or a third
# party blamed it is something else, which `_SOMETHING_GIVEN` and `_ROUTE` keep clean.
_RULE_ONLY = re.compile(
    r"(系统|条款|合同|规定|制度|流程)(上|里)?(就|也就)(是)?(这么|这样)(写|规定|算|设置|设定|定|显示|判)的?"
    r"|(合同|条款)(咋|怎么)(写|定|规定)的?[^，,。！？!?]{0,2}(咋|怎么)(办|来|赔)"
    r"|结论[，,]?(我们?|咱们?)?(也)?(没办法|没辙|改不了)"
)
# A wait with no end closing the reply (您这个是二核件，得等着。 / 您这单是保全件，得等批单。 / 您这个是BC件嘛，要等审核。 /
# 俺这边看着是BC件，得等一等。 — tune tw-a.yaml:99, 110; tw-c.yaml:78, 174). Train split: 您这个单子走的是二核，要等一等。
# (jargon, vague); a wait followed by its reason (能不能赔要等审核，我现在跟您讲能赔就是骗您了。 — explanation) is not at the end.
_WAIT_NO_END = re.compile(r"(得|要|只能|还得|就得|只有)等(一等|一下|等|着|审核|结论|结果|批单|通知|消息)?"
                          r"(嘛|吧|哈|呢|啊|了)?[。！!～~…]*$")
_ROUTE = re.compile(r"可以|申请|复核|转(给|到|接)|找")


def nothing_but_the_rule(text: str) -> list[tuple[int, int]]:
    """The first span of `text` that names the rule or the system as the whole answer, or closes on a wait with no
    end (`_RULE_ONLY`, `_WAIT_NO_END`); none when the reply gives something or offers a route (judge42v)."""
    return _with_nothing_else(text, _RULE_ONLY.search(text) or _WAIT_NO_END.search(text.strip()))


# The company vouched for instead of an answer (您放心，我们是大公司，不会骗人的 / 我们公司口碑一直老好的，不会亏待您的 — tune
# tw-b.yaml:129, 64): a reassurance with nothing in it, like 咱公司不会不管的 above. Train split: no line says 大公司 or 口碑
# (judge42v); 我们真的是正规公司，… (blame, rude) is left out.
_VOUCHED = re.compile(r"(我们|咱们?)(公司)?[^，,。！？!?]{0,4}(是大公司|口碑)")


def vouches_only(text: str) -> list[tuple[int, int]]:
    """The span where the reply vouches for the company instead of answering (`_VOUCHED`); none when it gives
    something or offers a route."""
    return _with_nothing_else(text, _VOUCHED.search(text))


def _with_nothing_else(text: str, match: re.Match | None) -> list[tuple[int, int]]:
    """The match's span, unless the reply gives something (`_SOMETHING_GIVEN`) or offers a route (`_ROUTE`)."""
    if match is None or _SOMETHING_GIVEN.search(text) or _ROUTE.search(text):
        return []
    return [(match.start(), match.end())]
