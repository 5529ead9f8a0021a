"""A point the rules give to someone other than the salesperson, said as handed back to him (qa30 J1).

基本服务规定第十八条: a problem found in a callback is resolved 由销售人员以外的人员. callback-proxy-signature's step
说明由销售人员以外的专门人员在规定时间内处理 and its FAQ entry say so (dividend-below-promise's 由非销售人员核实 too). 小周's
…然后会让给您办业务的那位业务员再上门找您补签一下 was credited that step and an answer to 那现在要我怎么办？: by meaning it is
close to the step and the entry, and nothing read who was to come. A sentence that gives the case to the salesperson (让 / 由 /
安排 … 业务员, 业务员 … 上门 / 联系您 / 处理) says the opposite of such a point and meets none of it; one that keeps him out
(不是原来那个业务员, 销售人员以外, 非销售人员) is the point.
"""

from __future__ import annotations

import re

from trainer.dialogue.agent_referrals import SALESPERSON
from trainer.dialogue.segments import comma_pieces
from trainer.dialogue.spoken_cues import Reader

# The salesperson kept out: 销售人员以外 / 之外, 非销售人员, 不是原来那个业务员, 而不是业务员, 不会让业务员…, 不用再找业务员;
# a warning too (grace-period's model line: 请你不要把钱给业务员个人 — the step's own point, not the case handed to him), and
# someone else named by it (qa28's dividend call: 会有不负责销售的同事去核实 — 销售的 describes the colleague, who is not him).
_KEEPS_OUT = re.compile(SALESPERSON + r"(以外|之外)|(非|不是|并非|而不是|不由|不让|不会让|不会由|不用|不需要|不交给|不再|别"
                        r"|不要|不能|不可以|不得|切勿|勿|禁止|不负责|不管)"
                        r"[^，,。！？!?；;]{0,6}?" + SALESPERSON)
# The case given to the salesperson: someone has him do it (让 / 由 / 安排 / 交给 … 业务员), or he is the one who comes,
# calls or handles it (业务员再上门 / 联系您 / 处理 / 补签). 业务员说 / 业务员让您爱人签的 tell what he did, not who handles it.
# Between the verb and him only words about him (给您办业务的那位): 由专门人员核实业务员当时的说法 has someone else check him.
_HANDED_TO = re.compile(r"(让|由|安排|叫|请|交给|交由|派|转给)(?:(?!人员|同事|专人|核实|核查|调查|查)[^，,。！？!?；;]){0,10}?"
                        + SALESPERSON
                        + "|" + SALESPERSON + r"(?!的)[^，,。！？!?；;]{0,4}?(上门|联系您|联系你|找您|找你|处理|跟进|负责|过来|来找"
                        r"|补签|核实|解决|回访|给您办|给你办)")


def keeps_out_the_salesperson(words: str) -> bool:
    """The point's own words (a step's description and cues, an entry's answer) give it to someone not the salesperson."""
    return bool(_KEEPS_OUT.search(words))


def hands_to_the_salesperson(sentence: str, reader: Reader | None = None) -> bool:
    """A clause of the sentence (as `reader` reads it: 唔系原来嗰个业务员 is 不是原来那个业务员) gives the case to the
    salesperson without keeping him out."""
    said = reader(sentence).text if reader is not None else sentence
    return any(_HANDED_TO.search(piece) and not _KEEPS_OUT.search(piece) for piece in comma_pieces(said) or [said])


def handed_back(sentence: str, point_words: str, reader: Reader | None = None) -> bool:
    """The point (`point_words`) keeps the salesperson out and the sentence hands it to him: it meets none of it."""
    return keeps_out_the_salesperson(point_words) and hands_to_the_salesperson(sentence, reader)
