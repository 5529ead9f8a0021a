"""Rudeness a senior agent says in passing on a whole call (judge39c, the tune set's fresh writers), beside `detectors`'
spoken rude forms: the customer told that what they say changes nothing, and a complaint discouraged.

- "标准就是标准，您这样说也没用。" / "您先别激动，您这样说我们也没法处理" (服务忌语: 顶撞、推诿): the customer's words called
  useless — or their feelings (急也没用, judge29's form, which counted only without a classifier). The train split's
  11 lines of the two are all labelled rude. Spoken words, held to the classifier's rude floor
  (`detectors.SPOKEN_FLOORS`) like impatience and judge38r's shapes.
- "您要投诉也可以，不过结果一般也是一样的" / "您投诉也一样，最后还是转回我们这儿来。" (train: labelled rude): a complaint
  said to change nothing — the company may not discourage one (the customer's right to complain, 12378). The classifier
  scores it under 0.2 (a polite surface), so it counts as a rule. 投诉也一样可以受理 (the same route) is not it.
- judge42r: any recourse the customer names said to end the same (复核？复核也是一样的结果 / 您打12378去呗，打了也是这结果 /
  媒体来了也是一样的结果 / 领导来了也是一样的答复 / 您打多少次电话结果都一样): the complaint's reading widened to every route
  — an appeal, a superior, the regulator, the media, a court, calling again. The customer told their choice is theirs
  and the agent washes their hands (您想投诉就投诉呗 / 您不信就算了 / 爱退不退 / 随您 / 到时候可别说我没提醒您 / 亏了也别找我):
  a dismissal, held to the classifier's rude floor like the words called useless.
"""

from __future__ import annotations

import re

# 您这样说也没用 / 您这么说我们也没法处理 / 您再讲也改变不了 — not 您说的情况我们也没办法 (的: the case, not the words);
# and a feeling called useless (急也没用, 您别激动，激动也解决不了问题, 您冲我嚷嚷有什么用: judge29's spoken form, counted
# by rules alone until now — the train split's 10 lines of it, six writers, are all labelled rude).
_WORDS_USELESS = re.compile(
    r"(您|你)(这样|这么|再|怎么)?(说|讲)[^，,。！？!?的]{0,4}也(没用|没有用|没法处理|没办法处理|改变不了|改不了|白搭)"
    r"|(哭|急|激动|嚷|嚷嚷|骂我|冲我|闹|吵)[^，,。！？!?]{0,3}(也)?(没用|没有用|解决不了|有什么用|有啥用)")
# "It ends the same": 也是一样的结果 / 打了也是这结果 / 都是这个结果 / 也是一样的答复 / 结果都一样 / 结果是一样的. Shared with
# `hand_ups` (a route said to change nothing offers none).
SAME_RESULT = (r"(也|都|还)(是)?(一样|同样|这|这个)的?(结果|答复|结论)|结果[^，,。！？!?]{0,3}(也|都|还|是)+一样"
               r"|结果(不会变|改不了|变不了)")
# The customer's recourse: a complaint, an appeal, a superior, the regulator, the media, a court, calling again.
_RECOURSE = (r"投诉|告|复核|申诉|领导|主管|经理|上级|12378|监管|媒体|记者|电视|曝光|网上|法院|起诉|仲裁|找谁|找哪个"
             r"|多少次|几次")
# 投诉也一样。 / 投诉…结果也是一样的 — not 投诉也一样可以受理 (a route) nor 投诉和咨询的流程都是一样的 (no 结果); judge42r: any
# recourse (`_RECOURSE`) then `SAME_RESULT` in the same sentence, quoted at the clause that says it ends the same. Train split (non-dev, eight files): the recourse forms
# match 3 lines beyond the complaint's (领导来了也是一样的答复, 您打多少次电话结果都一样, 找谁都是这个结果), all rude; no
# line labelled otherwise says a result the same after a route (the honest 这个结果改的可能性不大，但复核是您的权利 does not:
# a likelihood, not the same result). Not hedged (复核结果也可能是一样的 — `_HEDGED` in the span).
_COMPLAINT_CHANGES_NOTHING = re.compile(
    r"(投诉|告)(也|都)一样(?=[，,。！？!?～~]|$)|(投诉|告)[^。！？!?]{0,10}结果[^。！？!?]{0,4}(也|都|还)(是)?一样")
_RECOURSE_CHANGES_NOTHING = re.compile(r"(" + _RECOURSE + r")[^。！？!?]{0,20}?(?P<same>" + SAME_RESULT + ")")
_HEDGED = re.compile(r"可能|不一定|说不准|不好说|也许|未必")
# The customer's choice left to them with the agent's hands washed (judge42r): 想投诉就投诉呗 / 想退那就退呗 / 要告就告吧
# (the verb said twice, 想 / 要 / 愿意 / 爱 before it), 不信就算了, and the agent disowning what follows (到时候可别说我没提醒您,
# 亏了也别找我). Train split (non-dev): 2 lines match (您想投诉就投诉呗，随您 / 行吧行吧，您想投诉就投诉呗～), both rude;
# 不信就算了 / 别说我没提醒 / 别找我 are in no train line (tune replies tw-b:122, tw-c:116, tw-c:44). Not 能退就退 / 该交就交
# (advice: no 想 / 要 / 爱). 爱信不信 and 随您 stay `detectors._RUDE_SPOKEN`'s, counted only without a classifier (随您 also
# offers a choice: 两种方式都可以，随您 — judge29's measured decision, its tests kept).
_LEFT_TO_THEM = re.compile(
    r"(想|要|愿意|爱)(?P<verb>[^，,。！？!?就那]{1,3})(那)?就(?P=verb)(呗|吧|好了)"
    r"|(不信|不想听|不愿意听|不听)(的话)?就算了"
    r"|别说我没(提醒|告诉|讲|说)|(也|可)?别(再)?(来)?找我(?=[，,。！？!?～~]|$)")


def words_called_useless(text: str) -> list[tuple[int, int]]:
    """The spans of `text` telling the customer that what they say changes nothing (held to the classifier)."""
    return [(m.start(), m.end()) for m in _WORDS_USELESS.finditer(text)]


def complaint_discouraged(text: str) -> list[tuple[int, int]]:
    """The spans of `text` telling the customer a complaint, or any recourse, would change nothing (not hedged)."""
    complaint = [(m.start(), m.end()) for m in _COMPLAINT_CHANGES_NOTHING.finditer(text) if not _HEDGED.search(m.group())]
    recourse = [(m.start("same"), m.end("same")) for m in _RECOURSE_CHANGES_NOTHING.finditer(text)  # quoted where it is said
                if not _HEDGED.search(m.group()) and not any(a <= m.start("same") < b for a, b in complaint)]
    return sorted(complaint + recourse)


def left_to_them(text: str) -> list[tuple[int, int]]:
    """The spans of `text` that leave the customer's choice to them with the agent's hands washed (held to the classifier)."""
    return [(m.start(), m.end()) for m in _LEFT_TO_THEM.finditer(text)]
