"""Behaviour detectors over one agent reply. Each returns `Evidence` quoting the exact words found.

Detectors here look at the reply alone (cue phrases, service-language phrases, patterns);
judgements that need the conversation (facts, unanswered questions, personal data) live in
`trainer.dialogue.facts` and `trainer.dialogue.session`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable

from kb.content import ForbiddenPhrase
from kb.chinese_text import CLAUSE_ENDS, clause_at, sentence_at, sentence_spans, span_bounds
from kb.text import occurrences
from trainer.dialogue.brush_offs import complaint_discouraged, left_to_them, words_called_useless
from trainer.dialogue.checkpoint_meaning import NEGATED_BEFORE
from trainer.dialogue.evasions import only_it_depends
from trainer.dialogue.evidence import Evidence
from trainer.dialogue.quotation import reported_at
from trainer.dialogue.refusals import refused_back
from trainer.dialogue.reproaches import only_reproaches, reproach_questions, told_to_feel_lucky
from trainer.dialogue.regional_speech import in_trainee_words, mandarin_reading
from trainer.dialogue.empty_answers import (PUT_OFF_FLOOR, contact_by_nobody, nothing_but_the_rule, put_off,
                                            vouches_only)
from trainer.dialogue.hand_ups import HANDED_UP_FLOOR, handed_up, specialist_contact_only
from trainer.dialogue.passing_blame import HINDSIGHT_FLOOR, blamed_in_spoken_words, hindsight_blamed, third_party_blamed
from trainer.dialogue.promises import (SAID_CERTAIN_FLOOR, exception_granted, money_by_an_hour,
                                       said_certain, soft_promises)
from trainer.dialogue.stated_outcomes import stated_outcomes
from trainer.dialogue.question_forms import REQUEST_FLOOR, asked_as_request, checks_back
from trainer.dialogue.wording import Worded, english

if TYPE_CHECKING:
    from trainer.dialogue.regional_speech import MandarinReading
    from trainer.dialogue.typo_reading import TypoReading

EMPATHY_CUES = (
    "理解您", "明白您的心情", "您的心情", "体谅", "感同身受", "换作是我", "换成是我", "确实让人", "确实着急",
    "别着急", "不容易", "辛苦您", "我能感受到", "您的担心", "担心是正常的", "您的谨慎", "谨慎是对的",
    "谢谢您的耐心", "您慢慢说", "节哀", "很难过", "您的顾虑",
)
# "Anyone would feel it": 换我也急 / 搁我我也急 / 换谁都窝火 / 换我也会坐不住 (judge18: 换我也急，您先说，我听着。 was
# not read as empathy). A feeling must follow: 换我也会这样处理 and 换谁都会这么规定 are no empathy.
_IN_THEIR_SHOES = re.compile(
    r"(换|搁|换成|换了|要是)(我|谁)(我)?(也|都)(会|得|肯定|一样)?"
    r"(急|着急|窝火|委屈|生气|难受|火大|坐不住|上火|不舒服|不好受|闹心|憋屈|郁闷|心急|担心|不踏实|气)"
)
# Empathy in spoken words (judge26, train split; each form 0–1 hits on a line not labelled empathy): telling the
# customer it is not their fault (这事不赖您, 不是您的错 — the corpus labels this reassurance empathy), acknowledging a
# feeling named (您这火气我能理解, 您急我知道, 我懂你的感觉), 辛苦了/辛苦啦, or a feeling word for the customer's plight
# (心疼, 闹心, 窝火, 憋屈, 过意不去). Not 您别担心 / 您别急 alone: 10 of 23 train lines saying it were no empathy
# (a promise or an empty answer followed).
# judge32c (train split, each part 0 hits on a train line not labelled empathy): empathy that acknowledges the
# customer's situation rather than naming a feeling — the plight (难为您了, 真不轻松, 两头熬, 心里肯定不是滋味, 压力一定
#很大), a feeling or a caution called right (您这么小心是对的, 会气也是正常的, 担心很正常), anyone in their place
# (换成谁都会烦的, 换谁遇到都会着急, 这谁受得了), not their fault (您别自责, 这怪不到您头上), a pause offered (您先缓口气, 消消
# 气, 我一直在听) and a feeling heard (您的火气我听得出来, 这个感受我听到了). Not 莫急 / 慢慢来 / 我在这儿 alone (lines
# that hurry on or apologise), not 不是我难为您 nor 不是难为您 (a refusal; judge40e, a tune reply).
# judge40e (tune replies' dialect): 晓得 for 明白 and 不甘 as a feeling (我晓得您心头不甘 / 我晓得您担心); no train line moves.
_EMPATHY_FOR_THE_SITUATION = (
    r"(?<!不是)(?<!我)难为(您|你)|受累|折腾(您|你)|不轻松|太累了|很辛苦|真辛苦|熬人|煎熬|两头熬|揪心|心酸|不是滋味|犯难"
    r"|受(这|了)?委屈|委屈(您|你)了|别自责|不用自责|不要自责|不怨(您|你)|怪不到(您|你)|怪不着(您|你)|没有做错"
    r"|难怪(您|你)[^，。？！?!]{0,3}(火|气|急|不高兴|担心|不放心|烦|委屈)"
    r"|(担心|担忧|怕|急|着急|气|生气|火|慌|心慌|不踏实|小心|谨慎|警惕|顾虑|问|这么想|感受|心情|不放心|烦)[^，。？！?!]{0,6}"
    r"(是对的|是应该的|应该的|是正常的|很正常|太正常|正常反应|也正常|有道理|不过分|很实在|能理解|可以理解)"
    r"|(换|搁|要是)(成|了)?(谁|我)[^，。？！?!]{0,8}(都|也)[^，。？！?!]{0,5}"
    r"(急|烦|气|火|过不去|膈应|犯难|咽不下|受不了|乱|慌|好受|憋屈|委屈|担心|这么想|不踏实|闹心|上火)"
    r"|谁(心里)?都不会好受|这谁受得了|谁都会(乱|慌|急|烦|着急|生气|这么想)"
    r"|(压力|心里)[^，。？！?!]{0,4}(肯定|一定)[^，。？！?!]{0,4}(大|不舒服|慌|发空|难受|不好受|堵|乱)"
    r"|(肯定|一定)(很|特别|是)?(慌|急坏|累坏|不好受|不舒服|不好过)|(担心|着急|心急|难受|慌|堵得慌)是肯定的"
    r"|(您|你)先?喝口水|别憋着|别急眼|一直在听"
    # judge42q: the customer's caution called good across a comma (您警惕性高是好事 / 您多个心眼是对的 / 您问得蛮细的，这是好事:
    # 5 of the 6 train lines saying it are empathy — the sixth, 您警惕是好事，可以挂了自己打官方电话核对, next_step + explanation),
    # and bad luck regretted with them (就差5天，真的很可惜 / 我也替您可惜: 2 of 2 train lines; 不凑巧 / 赶寸 say the same, no train line)
    r"|(警惕|心眼|防骗|防备|小心|谨慎|怕被骗|问得[^，,。？！?!]{0,3}细)[^。？！?!]{0,8}(是好事|是对的|(特别|很|非常|太|完全|绝对)对)"
    # calls49: the caution called right in plain words — 您有这个警惕特别对 (cw5-b's fraud-suspicious-callback greeting: 肯定
    # 客户的谨慎 stayed open), and her doubt called reasonable, 您问得在理; train: 0 lines say either
    r"|(警惕|谨慎|小心|顾虑|担心|问得|想得)[^，,。？！?!]{0,3}在理"
    r"|可惜|不凑巧|太不巧|赶寸"
    r"|(火气|气|着急|急|心情|感觉|感受|滋味|委屈|憋屈|担心|顾虑|难处|分量|不高兴)[^。？！?!]{0,3}"
    r"我(能|都|也|完全|非常|全)?(理解|知道|明白|懂|体会|听得出来|听出来|听到了|掂得出来|接受)|我(听|看)(出来了|得出来)，?(您|你)"
)
_EMPATHY_SPOKEN = re.compile(
    r"不怪您|不怪你|不赖您|不赖你|怪不着您|怪不得您|不是您的错|不是你的错|不是您的问题|不是说您|不是您哪|不是你哪|您没做错|您没有错"
    r"|(火气|着急|急|心情|感觉|感受|滋味|委屈|憋屈)[^，。？！?!]{0,2}我(能|都|也|完全|非常)?(理解|知道|明白|懂|体会)"
    r"|我(能|完全|非常|也)?(理解|明白|懂|晓得)(您|你)的?(很|现在|心里|心头)?(着急|急|心情|感觉|感受|委屈|气愤|担心|难处|不甘)"
    r"|辛苦(了|啦)|多费心了|心疼|难受|不好受|过意不去|闹心|窝火|憋屈|窝囊"
    + r"|" + _EMPATHY_FOR_THE_SITUATION
)
# judge38e (train split, each part 0 hits on a train line not labelled empathy): the customer's situation acknowledged
# inside a longer reply, often after an apology — what our slip put them through (让您来回跑了好几趟, 让您在柜面白等了一上午,
# 让您着急了 / 失望了 / 更糊涂了; not 让您久等了 nor 让您白跑一趟 alone: apology only in 2 of 3 such lines, nor 不会让您…),
# comfort (您可别哭; not 别哭了，哭也解决不了问题 — rude), an understanding said plainly (这个我理解, 我理解，…, 我明白您不是
# 来找茬的, 钱的事谁不急; also 我理解的哈 — judge40e, tune replies; no train line says it) and a hardship seen (遇上难处
# 了, 你也是真没辙了, 够累的了, 我听您嗓子都哑了; not 我也没辙 — blame).
# calls48: 这个我完全理解 (or 非常 / 很 / 都 / 也 before 理解) as 这个我理解 — a regional TUNE writer's greeting (cw3-e.yaml:76);
# train: 0 lines read anew (这个我能理解, empathy, is not this form), the rules' verdicts unchanged.
_EMPATHY_ACKNOWLEDGED = re.compile(
    r"(?<!不会)(?<!不)让(您|你)[^，。？！?!]{0,8}(着急|失望|糊涂|操心|受累|费心|为难|上火|闹心|来回跑|跑柜台)"
    r"|别哭(?!了)|这个我(完全|非常|很|都|也)?理解|我(能|也|都)?理解(的)?(哈|啊|呀|嘛)?[，。！,!～~]|我明白(您|你)(不是|是)|(谁|哪个)不(急|着急|上火|烦|慌)"
    r"|难处|(您|你)[^，。？！?!]{0,4}没辙|够累|(听|看)(您|你)[^，。？！?!]{0,4}嗓子"
)
# judge42q: a wait apologised for (让您等了这么久 / 让您久等了 / 让您白等了一上午) is an apology, not empathy: on the train split 7
# of the 8 lines saying 让您…等 are labelled apology alone (the eighth, 让您在柜面白等了一上午, once made 白等 a form above; a
# tune reply saying the same is apology alone). `waited_only` clears a classifier's empathy credit for such a clause.
_WAITED = re.compile(r"让(您|你)[^，,。？！?!]{0,8}等|久等")
# judge42q: the customer calmed (您莫急撒 / 您先别慌哈 / 您甭怕 / 甭着急，咱一样一样来 — 莫 / 甭 read 别, `regional_speech`) — the
# feeling itself at a clause's end, not 别急着退保 (don't rush to) nor 别担心 (on train the opener of a promise: 您别担心，…
# 肯定给过的). Train split: 12 of the 17 lines saying it are empathy; of the other five two are empty answers and one a
# promise (…您别着急。 / 您别急，我跟领导说一声，这个拒赔能给您改过来。) — `reply.caring_in_earnest` withholds it beside one — and
# two are w-warm-steps' identity checks (it teaches verification only). Read last of the spoken empathy forms.
# qa27 J2: one reading of the soothing imperative, not a list of phrasings — the upset told away (别着急 / 别慌 / 别上火 /
# 别生气) or a pause to calm offered (消消气 / 缓一缓 / 缓口气 / 压压火 / 顺顺气 / 息怒). 消消气, 缓口气 and 别上火 were other
# empathy forms; they are this one now, withheld beside a promise or an empty answer as 别急 is, and confirmed by the
# classifier on their own clause (`soothes`, `MeaningJudge._scores_at_least`): 郑先生您先消消气，我是客服小杰，您这事我给您查。
# scored 0.12 (its clause 0.15) under the floor 0.20 while 您先别上火， in a sentence of the grace period scored 0.25.
# Not 别激动 (train: 3 of its 4 lines are rude or a promise: 您先别激动，激动也没用，…).
_SOOTHING = re.compile(r"(?<![不没])(别|不要)(太|那么|这么)?(着急|急|慌|怕|害怕|紧张|上火|生气|动气|发火)(?=[哈啊呀嘛咯哦啦呢撒噻～~]*"
                       r"(阿姨|叔叔|伯伯|孃孃|大爷|大娘|大妈|大哥|大姐|老人家|亲)?([，,。！!？?；;…]|$))"
                       r"|(?<![不没别])(消消|消)气|息怒|缓一缓|先缓缓|缓一?口气|压压火|顺顺气")
# A feeling named beside the wait (让您等了这么久，您肯定着急了) is more than the wait.
_FEELING = re.compile(r"急|气|委屈|难受|烦|担心|慌|心情|感受|辛苦")
APOLOGY_CUES = ("抱歉", "对不起", "不好意思", "致歉", "给您带来不便", "给您添麻烦")
VERIFICATION_CUES = (
    "核实一下您的身份", "核实您的身份", "核对一下您的身份", "核对您的身份", "确认一下您的身份", "确认您的身份",
    "核实身份", "核对身份", "核对一下身份", "身份信息", "后四位", "是否是本人", "是否为本人", "是本人吗", "本人吗",
)
# The agent saying the identity check is done (身份已经核实 / 身份核对好了): no answer to anything, no point of the call.
IDENTITY_CHECKED = re.compile(r"身份[^，,。！？!?]{0,3}(核实|核对|确认|验证)")
NEXT_STEP_CUES = (
    "为您登记", "帮您登记", "给您登记", "帮您提交", "为您提交", "帮您申请", "为您申请", "可以申请", "您可以",
    "可以选择", "有几种", "有两种", "有三种", "下一步", "接下来", "我帮您", "我来帮您", "为您安排", "帮您安排",
    "补充材料", "再次申请", "重新申请", "申请复核", "办理渠道", "给您回电", "给您回复", "联系您", "发送短信",
)
# A next step in spoken words (judge26, train split: 27 next steps the cues missed, 0 other lines): a call-back by the
# agent (今天五点前给您回话, 出了结论我第一时间打给您, 十分钟后回拨), something sent (清单我短信发您, 给您发个链接 — not 给您发的
# 短信里…, a message already sent), posted again or hurried (补寄, 加个急, 催办).
# judge32c (train split: 72 next steps the forms above missed, 1 other line — 得她本人打过来, an explanation): the
# agent's own action (我先给您立案核查, 我这就给您改, 材料我今天就递上去, 我给您约个时间, 这事儿我盯着) — not 我记下了 (an empty
# 等通知 as often as a step) nor 提交到…部门 (an escalation) —, a reply promised for a time (明天中午前给您准信, 下午三点前回复
# 您; not 第一时间通知您, vague as often, nor 今天打给您主要是…, a call's purpose), and a route named (短信发一份, 去就近的柜面
# 就能办, 在App里点…, 让他本人来电话).
# calls50: the case filed in the spoken 登上 / 登记上, what is filed named with 把 (我现在就把投诉登上 — tune-standard, a
# dividend call's next step read as nothing, and the whole reply 回应空泛); train split: 3 lines say 登记上 after the agent,
# all next_step (cue hits already); without 把 the form cost a dev next_step precision floor (0.852 < 0.86).
# judge51b: 后面 / 稍后 / 随后 say when too (qa24 T5: 后面会有公司的专人跟你联系处理…大概15个工做日以内 was 规范升级 and never
# 给出下一步, 共情与服务 40); no corpus line's rule verdict moves (rules_hash unchanged: nothing retrained).
_WHEN = (r"(今天|明天|后天|后面|稍后|随后|下周|周[一二三四五六日]|[上下]午|中午|晚上|\d+点|[一二三四五六七八九十两\d]+个?(工作日|小时|分钟)|半小时"
         r"|第一时间|下班前|之内|以内|回头)")
_THE_AGENTS_OWN_STEP = (
    _WHEN + r"[^，。？！?!]{0,12}(回复(您|你)|回过去|打回来|回(您|你)|告诉(您|你)|答复|准信|打过来|打给(您|你)(?!主要|是|想)"
    r"|回电|回电话|给(您|你)打|联系(您|你)|跟(您|你)联系)"
    r"|(我|咱)(这边|这就|现在|马上|先|今天|明天|会|来|一定|指定|就|也|直接)*[^，。？！?!]{0,8}"
    r"(提交(?!到)|把[^，,。？！?!]{0,6}(?:登上|登记上)|提上去|交上去|递上去|报给|上报|补登|立案|提更正|改过来|给(您|你)改|写进|附上|发工单|派出去|调出来|调录音"
    r"|申请重新|申请二次|提了|给(您|你)起|盯着|跟到底|约个|给(您|你)约|帮(您|你)约|预约好|把扣款暂停)"
    r"|短信发(个|一份|过去|过来)|发(您|你)(邮箱|看|参考)|(去|到|走|回)[^，。？！?!]{0,8}(柜面|柜台|网点)[^，。？！?!]{0,8}(办|就行|就能|做)"
    r"|(在|到)[^，。？！?!]{0,4}(App|app|APP|公众号)[^，。？！?!]{0,6}(点|上传|申请|提交|补交)"
    r"|(本人|他|她)[^，。？！?!]{0,4}(来电话|打过来|打个电话|来问)"
)
# judge42v (the TUNE replies' fresh writers; train split: each form's lines, all labelled next_step): the case written
# into a ticket (俺给您记个工单 / 写进工单 / 开个投诉工单 — 10 train lines), someone sent to the customer's door (安排业务员上门
# 让您补签 / 让同事直接上门去取 — 3), the agent filing it (俺登记一下 — 1; not 您先在我们这边登记一下, the customer's own), the
# sales recording fetched (俺去调双录看看 / 可以去调录音 — the cue named 调录音 only; 5, not 那边有权限调录音, someone else's) and
# the insured sent to call themself (您让他自己打95519就好 — 3; the form above needs 打过来 / 来电话 right after),
# the customer told how to check the caller on the official line (不放心就挂了打95519核实俺工号 / 挂了自己打保单上的客服电话回拨
# 核实 — 5; not 有事打我们客服电话 nor 您打95519转理赔, a closing and a hand-off, with nothing to check).
_STEP_NAMED = (
    r"(记|写|开|发|派|提|建)[^，,。？！?!]{0,4}工单|(安排|让|约|派)[^，,。？！?!]{0,6}上门|(?<![在们])我(这边|先|就|来)*(登记一下|登记上)"
    r"|(我|咱)[^，,。？！?!]{0,8}调[^，,。？！?!]{0,4}(双录|录音|录像)|(让|叫)(他|她)[^，,。？！?!]{0,4}打"
    r"|(打|拨|回拨)[^，,。？！?!]{0,8}(955\d\d|客服电话|官方电话|热线|客服)[^。？！?!]{0,12}(核实|核对|查|报|问)"
)
# qa27 J1: where the customer pays or applies, said to her — a channel with its act in one clause (钱凑齐了走您本人账户，
# 或者官方App、柜台交 / 柜台或者官方App都能办, a month-2 agent's turn 4 of two calls: no next step, and the report taught
# 去哪里办 as never shown). The form above needed 去 / 到 before the counter. Not negated (柜台办不了, App上不能交), not
# said of the past (在柜台交的 / 交过). Train split: 19 lines match, 18 labelled next_step (the 19th, 您在APP里就能申请～
# after a definition of 保全, explanation); no positive cue moves (rules_hash unchanged). Held to the rule floor.
_WHERE_TO_DO_IT = (r"(柜台|柜面|网点|营业厅|App|APP|app|公众号|官网|小程序)[^，,。？！?!；;不没别无甭]{0,8}"
                   r"(交|缴|办|申请|补交|提交|操作)(?![的过不])")
# judge54b: her money paid from her own account, said to her (钱凑齐了走您本人账户 / 保费只走您自己的银行卡): how she pays,
# grace-period's 通过官方渠道交费. No train line has the form (the two train lines naming 本人账户 / 本人银行卡 say where a
# refund goes or what to bring, both labelled next_step). Not said of the past (从您自己的卡扣的).
_PAID_FROM_HER_OWN = r"(走|从|用)(您|你)(本人|自己|自个儿)的?(账户|账号|银行卡|银行账户|卡)(?![^，,。？！?!]{0,4}[的过])"
# A step named by its act counts without the classifier's next-step rule floor (0.3, calibrated for the cues): the
# classifier reads the trainee's words and a long explanation around them (俺去调双录看看再说。 0.12, 您让他自己打95519就好～
# 0.12), and on the train split all 21 lines `_STEP_NAMED` matches are next steps. So does where she pays or applies
# (`_WHERE_TO_DO_IT`, 18 of its 19 train lines next steps) and her own account (judge54b: 钱凑齐了柜台交就行。 0.05 — it
# matched and the floor withheld it, in any call; the classifier reads 钱凑齐了 as no step).
_STEP_OF_HERS = _STEP_NAMED + r"|" + _WHERE_TO_DO_IT + r"|" + _PAID_FROM_HER_OWN
STEP_NAMED_FLOOR = 0.0
# A call-back or a letter said of the past is no step (理赔拖了一个多月冇给您回话 / 之前寄给您的理赔通知书 — tune tw-b.yaml:175,
# 184, both credited next_step; train: 您上次来电一直没人回复 is an apology only): judge42v.
_NEXT_STEP_SPOKEN = re.compile(
    r"(?<!没给您)(?<!没给你)(?<!没)回话|回个话|回您消息|回您电话|(我|会)[^，。？！?!]{0,10}打给(您|你)|给(您|你)打过去|再打给(您|你)|给(您|你)回个电话|回拨"
    r"|短信发(您|你)|发(您|你)短信|发给(您|你)|(给您|给你)发(?!的)|发(您|你)一份|发到(您|你)"
    r"|补寄|寄给(您|你)(?!的)|给(您|你)寄|加急|加个急|催办"
    + r"|" + _THE_AGENTS_OWN_STEP + r"|" + _STEP_OF_HERS
)
ESCALATION_CUES = (
    "为您转接", "帮您转接", "转接主管", "转给主管", "登记投诉", "登记为投诉", "投诉登记", "登记成投诉",
    "投诉处理人员", "专门人员", "专门的人员", "专人", "上级机构", "申请核查", "升级处理", "申请调解",
)
CLOSING_CUES = (
    "还有其他可以帮您", "还有什么可以帮您", "还有其他问题", "还有什么问题", "还有其他需要", "感谢您的来电",
    "感谢您的接听", "感谢您接听", "感谢您抽出时间", "祝您", "再见",
)
QUESTION_WORDS = ("请问", "吗", "什么", "哪", "是否", "怎么", "多少", "能不能", "方便", "可不可以", "呢")
# Spoken questions without those words (judge26, train split: 38 of the 56 clarifying questions the rule missed, and
# 4 lines that ask none): a choice (是卡里钱不够，还是换了卡？), 是不是 / 有没有, a check back (…，对吧？), 几号 / 啥 / 咋, or
# a particle at the end (他姓啥不？ 拿到手了没？). Said over the customer's data (卡号…，对吧？ 您是本人吧？) they read it out or
# check identity — personal_data / verification on the train split — so these forms count only without such words.
SPOKEN_QUESTION_WORDS = ("还是", "是不是", "有没有", "对吧", "是吧", "对不对", "几号", "几月", "几点", "几年", "几份", "几张",
                         "啥", "咋", "多久", "为什么", "为啥")
# Not 吧 alone (这说不过去吧？ 您知道吧？ small talk: 15 of 28 such train hits were no clarifying question) nor 成不 /
# 行不 (…我给您转过去，您看行不？ offers a step).
QUESTION_ENDINGS = ("嘛", "不", "没", "对不")
# A phone named is no data (个人手机还是座机？ 在手机上买的还是别人帮您弄的？ 有没有收到过回访电话？ — the veteran writer's
# clarifying questions, judge39e); its number is (手机号, 电话是…).
_IDENTITY_DATA = re.compile(r"\d{3}|\*\*|尾号|身份证|证件|卡号|本人|姓名|全名|名字|叫啥|地址|住在|住的|手机号|电话号|电话是|号码是|座机号|邮箱|生日|出生|"
                            r"投保人|被保险人|关系")

# A question that offers to end the call (还有别的问题吗？) or checks the line (能听到吗？) is not a
# clarifying question: on the corpus's train split these were many of the rule's false hits. (Identity
# questions were too, but model answers rely on 请问您是本人吗？ also counting as a question.)
# 听得到 too (train: 喂？您好？听得到吗？, labelled nothing; judge41d — a Wuhan 听得到冇？ read 听得到没？ asked as a question)
CONNECTION_CHECK = ("听到", "听得到", "听得见", "听见", "听得清")
_CLOSING_QUESTION = re.compile(r"还有(没有)?(其他|别的|什么|啥)")  # 还有没有别的问题？ too (judge32b)
# A question in spoken forms (还是, 对吧, 啥, …不？) counts when the classifier scores it at least this: chosen on the
# train split (judge26, leave one writer out) as the lowest floor keeping clarifying_question's precision at main's
# (0.89 → 0.895, recall 0.69 → 0.72); with the rule floor alone (0.4) dev precision fell 0.84 → 0.79. Without a
# classifier such forms do not count (rules alone they were right about half the time on dev).
#
#
# Desk words and codes (judge29) are jargon written from the train split's misses; unfloored, on the dev split they
# flagged a jargon counter-example. The floor was fixed before the next dev read by a rule set in advance: the highest
# of 0, 0.1, 0.2, 0.25, 0.3, 0.4, 0.5 keeping 80 % of the forms' train gain (leave one writer out, two writers): 0.4
# (8 of 10 items gained). Dev jargon 0.83 / 0.71 → 0.84 / 0.74, no counter-example flagged.
# Rudeness in spoken words (judge29) other than impatience counts only without a classifier: with it, all the forms
# found 2 more dev items for 2 more false flags, unfloored and at the floor the same rule chose (0.25), so rude
# precision fell under its floor (0.73 → 0.70). Impatience (`_IMPATIENCE`, the kind #12 names) keeps that floor.
SPOKEN_FLOORS = {"clarifying_question": 0.6, "jargon": 0.4, "rude": 0.25, "explanation": 0.2}  # explanation: judge38n
# Fault forms in spoken words written from the train split's misses (judge39n): a promise said certain, hindsight
# blame, an answer put off — each held to its own floor (promises.py, passing_blame.py, empty_answers.py); vague's
# floor is shared with judge39c's it-depends answers (`evasions.only_it_depends`, read at 0.25, like rude's).
SPOKEN_FLOORS |= {"absolute_promise": SAID_CERTAIN_FLOOR, "blame": HINDSIGHT_FLOOR, "vague": PUT_OFF_FLOOR,
                  "escalation": HANDED_UP_FLOOR}  # and a case handed up by name (hand_ups.py)
# A question offering a choice or asking whether something happened (是卡里钱不够，还是换了卡？ 有没有人在旁边教您？
# 医生说要治还是观察？) asks about the case however low the classifier scores it: the veteran writer's dialect choices
# score 0.02–0.4 (judge32b). Such a rule hit, spoken form or question-word cue alike, is held to this floor instead of
# the rule floor and `SPOKEN_FLOORS`, unless it is over data of the customer's (`_IDENTITY_DATA`, as for spoken forms).
# Chosen on the train split leaving one writer out (floors 0 / 0.1: clarifying_question P / R 0.887 / 0.755, 0.886 /
# 0.745; main 0.895 / 0.723) as the highest recall keeping judge14's rule (P −0.008, every writer's F1 within 0.02;
# docs/benchmarks.md, judge32b). Not 还是 as "still" (我还是得先核对下身份).
CHOICE_FLOOR = 0.0
_CHOICE_QUESTION = re.compile(r"还是(?!得|要|先|会|能|可以|不|没|挺|很|比较|有点|那|这|老|一样)|有没有|是不是")


def rule_floor(evidence: Evidence, calibrated: float, spoken: bool) -> float:
    """The classifier's score a rule hit needs to count: `calibrated` (its behaviour's rule floor), for a spoken form
    `SPOKEN_FLOORS` too, for a choice question (`_CHOICE_QUESTION`) `CHOICE_FLOOR` alone, for a question asked as a
    request `REQUEST_FLOOR` and for a check back (…，对吧？) the rule floor alone (`question_forms`, judge39e)."""
    if (evidence.behaviour == "clarifying_question" and _CHOICE_QUESTION.search(evidence.quote)
            and not _IDENTITY_DATA.search(evidence.quote)):  # 请问您是投保人，还是被保险人？ keeps its floor
        return CHOICE_FLOOR
    if evidence.behaviour == "clarifying_question" and not _IDENTITY_DATA.search(evidence.quote):
        if asked_as_request(evidence.quote):  # 我问一句哈，… / 跟我捋一遍 (judge39e)
            return REQUEST_FLOOR
        if spoken and checks_back(evidence.quote):  # …生效的那张，对吧？ — the rule floor, not `SPOKEN_FLOORS`
            return calibrated
    if evidence.behaviour == "next_step" and spoken and re.search(_STEP_OF_HERS, mandarin_reading(evidence.quote).text):
        return STEP_NAMED_FLOOR  # a step named by its act (`_STEP_NAMED`, judge42v), where / how she does it (judge54b)
    return max(calibrated, SPOKEN_FLOORS.get(evidence.behaviour, 0.0)) if spoken else calibrated


def _other_empathy(said: str) -> bool:
    """`said` (Mandarin) holds an empathy form other than calming or a wait apologised for."""
    return (any(cue in said for cue in EMPATHY_CUES) or bool(_IN_THEIR_SHOES.search(said))
            or bool(_EMPATHY_SPOKEN.search(said)) or bool(_EMPATHY_ACKNOWLEDGED.search(said)))


def waited_only(quote: str) -> bool:
    """The quote's empathy is a wait apologised for (让您等了这么久才给您回电话。) and nothing else (judge42q)."""
    said = mandarin_reading(quote).text
    return bool(_WAITED.search(said)) and not _FEELING.search(said) and not _other_empathy(said)


def about_the_check(sentence: str) -> bool:
    """`sentence` asks for the identity check or says it is done (先核实一下您的身份… / 身份已经核实。)."""
    return any(cue in sentence for cue in VERIFICATION_CUES) or bool(IDENTITY_CHECKED.search(sentence))


def soothing_words(quote: str) -> str:
    """The words of `quote` (read in Mandarin) that tell the customer to calm down (`_SOOTHING`: 您先消消气，/ 您先别上火，/
    您莫慌，), from the 您 / 你 they are said to — the name or address before it left out (郑先生您先消消气， scores empathy
    0.21 on its own, 您先消消气， 0.52) — to the clause's end; "" when it says none."""
    said = mandarin_reading(quote).text
    match = _SOOTHING.search(said)
    if match is None:
        return ""
    start, end = span_bounds(said, match.start(), match.end(), CLAUSE_ENDS)
    addressed = max(said.rfind("您", start, match.start()), said.rfind("你", start, match.start()))
    return said[addressed if addressed >= 0 else match.start():end]


def soothes(quote: str) -> bool:
    """The quote tells the customer to calm down (`soothing_words`)."""
    return bool(_SOOTHING.search(mandarin_reading(quote).text))


def calming_only(quote: str) -> bool:
    """The quote's empathy is the customer calmed (您莫急撒，) and nothing else (judge42q)."""
    said = mandarin_reading(quote).text
    return soothes(said) and not _other_empathy(said)


def _asks_at_end(question: str) -> bool:
    """The question ends on a spoken particle (姓啥不？ 拿到了没？), not on an offer (…，您看行不？ 成不？ 好不？)."""
    bare = question.rstrip("？?")
    return bare.endswith(QUESTION_ENDINGS) and not bare.endswith(("行不", "成不", "好不"))


# An identity check in spoken words (judge32b, train split: 31 lines, none labelled otherwise): 是您本人在用吗？
# 您是王桂芝本人不？ 是不是本人, 核个身份 / 先核身份, 身份我得先对对, 您是刘淑芬阿姨吗？ — not a check said done
# (身份已经核对好了) nor a bare 对上了 (an acknowledgement: 2 of 9 such lines were no identity check).
_IDENTITY_SPOKEN = re.compile(
    r"本人(在用|接的|在接|接电话|来电)?(吗|嘛|么|不|吧|没)[？?]|是不是(投保人|被保险人)?本人"
    r"|核(一下|下|个|对|实)?(一下|下)?(您的|你的)?身份|身份(?!已)[^，。？！已]{0,3}(核|对|确认)(?!好|过|完)"
    r"|(您|你)是[^，。？！吗]{1,10}(先生|女士|阿姨|大爷|大姐|叔叔|大哥)(本人)?(吗|嘛|不|吧)[？?]"
)


# Asking them to say what identifies them (judge39v; docs/annotation-verification.md, rule 2): 报一下 / 说一下 / 讲一下 and
# within eight characters a datum of theirs (您报一下您登记的手机号 / 请您讲一下证件号码最后四个数字). Train split: 46 lines, all
# labelled verification, 17 of them read by no cue or spoken form before. Not the agent saying it (我给您说一下保单号).
_IDENTITY_ASKED_TO_SAY = re.compile(
    r"(?:(?<=[跟给]我)|(?<!我)(?<!我给您)(?<!我跟您)(?<!我给你)(?<!我跟你)(?<!我再)(?<!我来))(报|说|讲)(一下|下)[^，。？！]{0,8}"
    r"(手机号|号码|身份证|证件|姓名|全名|名字|出生|生日|保单号|合同号|地址|后四位|后六位)")

# Asking a caller who is not the policyholder how they are related (您跟投保人是啥关系？ 您是老爷子什么人啊？ 是么关系咧 / 哪样
# 关系 — judge40e, a tune reply scored 0.39 under the threshold): the rule's "who they are" (docs/annotation-verification.md).
# Train split: 7 lines ask it, all labelled verification (没什么关系 — "it does not matter" — is not asked).
_RELATION_ASKED = re.compile(r"(?<![没有])(什么人|什么关系|啥关系|么关系|哪样关系|嘛关系|啥人)[^，。！,!]{0,4}[？?]")

# An explanation in plain words with a reason or a condition and no figure (judge38n, train split: 69 explanations the
# classifier missed leaving one writer out, most of them this shape): a reason (所以少了点, 原因是免责第三条, 属于既往症, 按
# 保额七成走的), a condition or what follows (不然就作废了, 调查件回来才能结案, 退了保障就没了, 主险退了附加险也跟着退), a term
# put in plain words (说白了就是…, 简单说就是…) or a rule named with its content (咱这儿有规定, 规矩摆在这儿). Not blame
# (所以才失效的，不能怪公司呀) nor a bare rule (规定就是这样, 按规定办就是了: the writers' brief says a bare 按规定不行 is no
# explanation). No cue rule calibrates explanation, so a hit is held to `SPOKEN_FLOORS` and counts only with a classifier.
_EXPLANATION_SPOKEN = re.compile(
    r"因为|所以|原因是|理由是|属于|按[^，。？！?!]{1,8}(算|给付|走|赔|扣|调)|不然|否则|才能|才给|才赔|就没了|也没了|跟着"
    r"|说白了|简单说|意思是|也就是说|规定|规矩"
)
_NO_EXPLANATION = re.compile(r"怪|就是这样|这么个规定|就是了")


def _spoken_explanation(text: str) -> Evidence | None:
    """A sentence that explains with a reason or a condition in plain words (`_EXPLANATION_SPOKEN`), not a blame or
    a bare rule (`_NO_EXPLANATION`)."""
    for _, _, sentence in sentence_spans(text):
        stripped = sentence.strip()
        if _EXPLANATION_SPOKEN.search(stripped) and not _NO_EXPLANATION.search(stripped):
            return Evidence("explanation", True, stripped, ADVICE["explanation"])
    return None


# Two more shapes of explanation in plain words (judge39j, train split's misses, leave one writer out): a word glossed
# right where it is said (免责就是哪些情况公司不赔… / 照会就是我们核保的同事… / 申请二次审核了，就是换一拨人再看一遍) and why
# the agent cannot tell a caller about someone else's policy (您不是投保人本人的话，…我没法跟您说 / …我这边不能透露). Not a
# filler 就是 (那个…就是…, 这个就是…), a bare 就是这样 / 就是不行, nor 不好说 (vague): over every train line they match, 52 of
# 68 are labelled explanation; held to the classifier's explanation floor like `_EXPLANATION_SPOKEN`.
_GLOSSED = re.compile(r"(?<![那这])[\u4e00-\u9fff]{2,6}(呢|啊|哈)?[，,]?(说白了)?(就是|的意思是|意思就是|意思是|指的是|是指)(?!说)"
                      r"[^，。？！…]{3,}")
_NOT_A_GLOSS = re.compile(r"就是(这样|了|不能|不行|不赔|没有)|(那个|这个|嗯|就是)…")
_CANNOT_TELL = re.compile(r"(没法|不能|不方便|无法)(跟|和|给|向)?(您|你)?(说|透露|告诉|讲)")


def _glossed_or_not_told(text: str) -> Evidence | None:
    """A sentence that glosses a word where it says it (`_GLOSSED`) or says the agent cannot tell (`_CANNOT_TELL`)."""
    for _, _, sentence in sentence_spans(text):
        stripped = sentence.strip()
        if (_GLOSSED.search(stripped) or _CANNOT_TELL.search(stripped)) and not _NOT_A_GLOSS.search(stripped):
            return Evidence("explanation", True, stripped, ADVICE["explanation"])
    return None


def _spoken_question(text: str) -> Evidence | None:
    """A question about the case asked in spoken forms (还是, 对吧, 啥, …不？) over no data of the customer's."""
    for _, _, sentence in sentence_spans(text):
        stripped = sentence.strip()
        if _IDENTITY_DATA.search(stripped) or _asks_nothing(stripped) or only_reproaches(stripped):
            continue
        if asked_as_request(stripped):  # …跟我说说。 needs no question mark (judge39e)
            return Evidence("clarifying_question", True, stripped, ADVICE["clarifying_question"])
        if not stripped.endswith(("？", "?")):
            continue
        if any(w in stripped for w in SPOKEN_QUESTION_WORDS) or _asks_at_end(stripped):
            return Evidence("clarifying_question", True, stripped, ADVICE["clarifying_question"])
    return None


def _asks_nothing(question: str) -> bool:
    """The question asks nothing about the case: it offers to end the call (还有别的问题吗？), checks the line
    (能听到吗？), or reproaches the customer — its last clause is one of the rude forms (您到底有没有在听啊？ 你能不能让我把话说完？
    这种常识您都不知道吗？). A reproach said as a question was credited 澄清提问 (judge32b: 有没有 needs no classifier
    score). Train split: 19 question sentences hold a rude form and 10 of them were credited as questions by these
    rules; the one labelled clarifying_question (您说重点，到底是想退保还是想投诉？) is rude before its last clause and
    still counts."""
    if any(w in question for w in CONNECTION_CHECK) or _CLOSING_QUESTION.search(question):
        return True
    last = re.split(r"[，,；;]", question)[-1]
    return bool(_RUDE_SPOKEN.search(last) or _IMPATIENCE.search(last))


# A question that only offers the customer choices (您是想退保还是想投诉？) is no rudeness, whatever its nearest rude
# training lines say: the classifier read it rude (0.77, threshold 0.71) by its closeness to a train line whose rudeness is
# in the words around the choice (您说重点，到底是想退保还是想投诉？). The choice is pressed, not offered, when the sentence
# presses (到底 / 究竟 before the choice, 说清楚, an exclamation), holds a rude form, or an option is the agent's own
# (我说了算还是您说了算？ — train, rude). Train split: 57 sentences hold 还是…？, 2 labelled rude, neither offered so.
_PRESSED_CHOICE = re.compile(r"(到底|究竟)[^？?]*还是|说清楚|讲清楚|[！!]|还是怎么(着|的|回事)|还是(听不懂|不想听|故意)")


def offers_choices(sentence: str) -> bool:
    """`sentence` is a question that only offers the customer choices (您是想退保还是想投诉？): a choice question
    (还是 between the options, ending on a question mark), no option the agent's own, nothing pressed or rude in it."""
    stripped = sentence.strip()
    if not stripped.endswith(("？", "?")) or _PRESSED_CHOICE.search(stripped):
        return False
    options = next((c for c in re.split(r"[，,；;]", stripped) if "还是" in c), "")
    return (bool(options) and _CHOICE_QUESTION.search(options) is not None and "我" not in options
            and not (_RUDE_SPOKEN.search(stripped) or _IMPATIENCE.search(stripped)))


# The decision left to the customer (退不退、贷不贷，都是您自己定。 / 您选一个 / 您自己拿主意) respects their choice; the
# classifier read cw3-h's 都是您自己定 rude (near the train split's 那您自己看着办吧) and the upset customer of
# media-threat-unreasonable-demand hung up (calls43t). Train split: 3 sentences leave it so, none rude; both rude lines
# that hand the matter back say 看着办, which stays rude, as does a pressed or rude sentence.
_CUSTOMER_DECIDES = re.compile(r"(您|你)(自己|自个儿?|本人)?(来)?(定|决定|拿主意|做主|选|拍板|权衡|掂量|琢磨(?!去))(?!期|投|时)"
                               # judge49, tune-side (w-choice-lines: 看你自己 / 最终还是您说了算 read rude); train: 请您权衡
                               # stop 54 (tune-side w-choice-lines: 加不加保，你自个儿琢磨 read blame on CI's machine; 琢磨去吧
                               # sends her away, hands washed)
                               # (explanation) the one deferral, and 我说了算还是您说了算？ (rude: `_AGENT_DECIDES`)
                               r"|(您|你)说了算|看(您|你)(自己|的意思)|看(您|你)(?=[。！!]|$)|决定权?(在|归)(您|你)"
                               r"|由(您|你)(来)?(判断|选择|掌握)")
_WASHED_HANDS = re.compile(r"看着办|随便|随意|爱[^，,。！!？?]{1,3}不|我该说的|反正|无所谓|(对我|我这)[^，,。！!？?]{0,3}一样"
                           r"|(说|讲)(到|过)了|没(啥|什么)?用|白搭")
# qa23 T3: the blame class read the choice left to the customer as blame too (选哪个方法是你自己决定，我们不会逼你。 0.80,
# 完全由你自己决定，我们尊重你的选择。 0.73 — its train lines of 您 / 你自己 + a verb are blame or rude, and none leaves a
# choice), so `defers_choice` clears blame as it clears rude. Blame's own shape is the decision she made before (这个单子是
# 您自己要买的噻 / 当初是您自己选的): a past decision, or what follows disowned (亏了可别怪我们 / 后果自负 / 跟我们没关系, and
# brush_offs' 别找我 / 别说我没提醒), is no choice left to her now.
_PAST_DECISION = re.compile(r"当初|当时|那时|那会|以前|之前|早先|(定|决定|选|拿主意|做主)[买签投交办退]?的")
_DISOWNED = re.compile(r"怪|责任|自负|自己承担|自己负责|[跟和与](我|公司)[^，,。！!？?]{0,3}(没关系|无关|不相干)|不关我|我(们)?不管"
                       r"|后果(您|你)?自己|自己(担|兜)|兜着|别(拉|扯)上我")
_AGENT_DECIDES = re.compile(r"我(们)?说了算|照我说的")


def defers_choice(sentence: str) -> bool:
    """`sentence` leaves the decision to the customer (…都是您自己定。 / 完全由你自己决定，我们尊重你的选择。), now: nothing
    rude, pressed or hand-washing in it, no decision of hers in the past, nothing that follows disowned."""
    return (_CUSTOMER_DECIDES.search(sentence) is not None and not _WASHED_HANDS.search(sentence)
            and not (_RUDE_SPOKEN.search(sentence) or _IMPATIENCE.search(sentence) or _PRESSED_CHOICE.search(sentence))
            and not (_PAST_DECISION.search(sentence) or _DISOWNED.search(sentence) or _AGENT_DECIDES.search(sentence)
                     or left_to_them(sentence)))


# A fair warning before ending an abusive call (您要是再骂人，我就只能先结束通话了。; w-rude-teach's counters: 如果继续辱骂，
# 我将结束本次通话。) is what the hotline asks of an agent, not a hang-up threatened: a condition on the customer's abuse,
# the end said as the agent's last resort (只能 / 将 / 不得不) in the service words (结束通话 / 挂断), the customer
# addressed as 您. A bare threat stays rude (再骂我就挂了, 您再这么嚷嚷我可挂了啊: no 只能, 挂了, no abuse named).
_ABUSE_CONDITION = re.compile(r"(要是|如果|若|假如|再|继续)[^。！？!?]{0,8}(骂|辱骂|脏话|不文明|人身攻击|侮辱)")
_LAST_RESORT_END = re.compile(r"(只能|将|不得不|只好)[^。！？!?，,]{0,4}(结束(本次|这次)?通话|挂断|终止通话)")


def warns_before_ending(sentence: str) -> bool:
    """`sentence` warns the customer that continued abuse will end the call, in service words (not 再骂我就挂了)."""
    return ("您" in sentence and _ABUSE_CONDITION.search(sentence) is not None
            and _LAST_RESORT_END.search(sentence) is not None)


# The callback's required question whether the customer's words were their own will (保险销售行为可回溯管理暂行办法
# art. 11: 录音录像中陈述是否为其真实意思表示) is a check, not a reproach: qa19 found the classifier read
# 当时说的话都是您自己的真实意思吗？ as 服务忌语 (near the train split's 这都是您自己的… blame lines); no train line asks it.
_OWN_WILL = re.compile(r"(自己|本人)的?(真实的?)?(意思|意愿)|真实的?意思|自愿")
# qa25 J3: asked with 你 and a leading 吧 (录像里说的都是你自己真实的意思吧？ — a month-3 agent's everyday words) it is still the
# callback's required question, asked informally: the customer is addressed (你 or 您), nothing doubted of her. What doubts
# her is the reproach (你自己的意思你自己不清楚吗？ / 这不都是你自己的意思吗？ / 难道不是你自愿的？).
_DOUBTED = re.compile(r"(不|没)(清楚|知道|明白|记得|懂)|难道|还(不|没)|怎么(会|还)|不都是")


def asks_own_will(sentence: str) -> bool:
    """`sentence` asks the customer (您 or 你) whether something was their own true will (…都是您自己的真实意思吗？ /
    …都是你自己真实的意思吧？), nothing rude in it and nothing of hers doubted (not 你自己的意思你自己不清楚吗？)."""
    stripped = sentence.strip()
    return (stripped.endswith(("？", "?")) and ("您" in stripped or "你" in stripped) and _OWN_WILL.search(stripped) is not None
            and not (_RUDE_SPOKEN.search(stripped) or _IMPATIENCE.search(stripped) or _PRESSED_CHOICE.search(stripped)
                     or _DOUBTED.search(stripped) or reproach_questions(stripped)))


BLAME_CUES = (
    "你自己没", "您自己没", "你自己的问题", "您自己的问题", "你自己不看", "是你的问题", "是您的问题", "你错了", "您错了", "怪你", "怪您",
    "不是我们的问题", "跟我们没关系", "和我们没关系", "你非要", "你懂不懂", "你根本不懂", "谁让你",
)
# Insider terms an agent must explain the first time a customer hears them.
# Underwriting and claims desk words (judge29, train split): each said unexplained only in lines labelled jargon
# (拒付 3, 标体 4, 健告 3, 照会 6, 二核 4, 承保 8 …; explained, 照会就是… is none). Not 给付 or 核保: the model answers
# say 按…给付 and 重新核保, and 核保同事 names a desk. Written from the train split, they need the classifier's score
# (`SPOKEN_FLOORS`) as the spoken forms do.
DESK_TERMS = ("拒付", "标体", "非标", "健告", "批文", "除外承保", "除外责任", "照会", "二核", "承保", "生调", "契调",
              "趸交", "双录", "回销", "撤件", "协议给付", "通融赔付", "垫缴", "自垫", "调查件", "转换权", "附约", "银保",
              *("核保结论", "既往症", "告知不实", "出单"))  # judge39j: said unexplained only in lines labelled jargon,
# by two or three corpus writers each (train split: 3, 3, 2, 2 lines), and in no answer or script of the content
# (核保结论 twice in FAQ answers' closing 以…为准, no spoken script); not 核保, 给付, 免赔, 结算利率 or 除外 alone, which the
# content's own answers say unexplained.
# Not 复效 (judge40p): the company's own word for reinstatement, said to customers — 74 times in the content's FAQ
# answers — and not called jargon by the writers or the raters: of the rule's hits, train split 17 of 18 and tune replies
# 26 of 31 lines are not labelled jargon (judge36a had held it to the classifier's score; on the tune replies 10 of jargon's
# 19 false flags were 复效 over that floor). The classifier still reads a line that says it.
JARGON_TERMS = ("保全", "出险", "现价", "契撤", "自动垫交", "减额交清", "效力中止", "次标体") + DESK_TERMS
# Terms a jargon rule hit of which needs the classifier's score too (`SPOKEN_FLOORS`): the desk words, and 出险, which
# the corpus writers mostly say to customers without calling it jargon (judge36a, train split: of the rule's 6 hits,
# 4 not labelled jargon); without a classifier they count as before (judge17).
HELD_TERMS = DESK_TERMS + ("出险", "效力中止")
# 效力中止 (judge39j) too: the contract's and the law's own word (保险法 art. 36), said to customers by the corpus writers
# without calling it jargon (train split: both lines that say it unexplained are labelled explanation only).
# A code in Latin capitals (CV, EM值, MIR, RPU状态, WD: train split, 17 of 17 such lines labelled jargon) is a desk
# abbreviation; not those a customer meets outside the insurer (APP, ID, CT, ICU …) nor the template's XX.
# Such a code is jargon without the classifier's word (judge39j; judge29 held it with the desk words): 18 of 18 train
# lines that say one are labelled jargon, and the classifier scores the shortest of them (CV就那么多 0.03) under any floor.
# A code is a whole Latin token: capitals joined by a hyphen to more letters or digits are one name (CK-MB, the lab
# test the content's own script says to a claimant; ICD-10), judged whole — not a bare "MB" inside it (calls45: cw3-d /
# cw3-h's good calls were faulted 内部术语 for the MB of 心肌酶CK-MB). No train line holds such a hyphenated token.
_ABBREVIATION = re.compile(r"(?<![A-Za-z0-9-])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(?![A-Za-z0-9-])")
_CODE = re.compile(r"[A-Z]{2,4}(?:-[A-Z]{2,4})*")


def scripted_codes(scripts: Iterable[str]) -> frozenset[str]:
    """The codes (`_CODE`, whole tokens) the content's scripts — the words an agent is given to say to a customer — say:
    critical-illness's 较重急性心肌梗死 script tells a claimant 心肌酶CK-MB达到正常上限2倍以上, so a trainee saying it
    as the script does says the company's word, not a desk abbreviation (calls45)."""
    return frozenset(m.group() for script in scripts for m in _ABBREVIATION.finditer(script) if _CODE.fullmatch(m.group()))


KNOWN_ABBREVIATIONS = frozenset({"APP", "ID", "OK", "VIP", "ICU", "CT", "MRI", "ATM", "PDF", "QQ", "XX", "XXX", "XXXX",
                                 "PS", "TV", "POS", "GPS", "HIV", "DNA", "SIM", "EMS", "SMS", "USB", "WIFI", "AI",
                                 "PPT", "IC", "B超"})
# Words that contain a blame cue without blaming (难怪您没接着: "no wonder you missed it").
NOT_BLAME = {"怪您": ("难怪您",), "怪你": ("难怪你",)}
# Longer words that contain a jargon term but are plain language (恢复效力 contains 复效).
NOT_JARGON = {"复效": ("恢复效力",), "保全": ("确保全", "保全额", "保全部"), "现价": ("现价格",),
              "银保": ("银保监",), "标体": ("指标体", "目标体"), "附约": ("附约定",)}  # 银保监会: the regulator
# What a term means in plain words (content/faq: 减额交清 — no more premiums, a lower sum insured; 复效 — the
# policy restored …). Said anywhere in the same reply, the term is explained there: "还可以办减额交清，以后
# 不用再交保费，但保额会降低。" needs no 就是 (judge17). 保全 and 次标体 have no plain word short enough to tell.
PLAIN_MEANINGS = {
    "减额交清": ("不用再交", "不用交保费", "不再交", "不必再交", "无需再交", "不用再缴", "保额会降低", "保额降低",
                 "保额会减少", "保额减少", "保额变少", "保额调低", "保额降"),
    "复效": ("恢复",),
    "自动垫交": ("垫付", "垫上", "先垫", "垫着", "帮您垫"),
    "效力中止": ("保障暂停", "暂停", "暂时停", "暂时没有保障", "没有保障"),
    "现价": ("现金价值",),
    "出险": ("发生事故", "发生了事故", "出了事", "出事", "发生了合同", "生病", "住院", "意外"),
    "契撤": ("撤单", "撤销合同", "解除合同", "犹豫期内退", "犹豫期退"),
}
EXPLAIN_MARKERS = ("也就是", "就是", "即", "指的是", "意思是", "是指", "简单说", "简单来说", "通俗", "（", "(")
# An explanation glued to the term: 减额交清”：保额降低… / 自动垫交——用现金价值垫上 / 减额交清。意思是…
_EXPLAINED_AFTER = re.compile(r"^[”’」』\"']?\s*(：|:|——|—|－|-)")
_EXPLAINING_OPENING = re.compile(r"^\s*(这个|这|它)?(也就是|就是说|意思是|意思就是|指的是|是指|简单说|简单来说|简单讲|"
                                 r"说白了|换句话说|通俗|白话|打个比方)")
# A plain description named by the term right after it: 保额降低、以后不用交钱，这个我们叫减额交清
_NAMING_LEAD = re.compile(r"^\s*(这个|这种|这|那个|那|我们|行业里|业内|保险上|合同上|合同里)?[^，,]{0,4}$")
# judge40p: also 也就是 after the description (多收了点保费才给保的，也就是加费承保 / 也就是咱内部说的二核), and the term as the
# tail of the word so named (加费承保 names 承保).
_NAMED_BEFORE = re.compile(r"(叫|叫做|叫作|称为|称作|所谓的?|我们说的|所说的|说的那个"
                           r"|也就是(咱|我们|俺们|公司|行业)?(内部|里|这边|行里)?(说的|讲的|叫的)?)[“‘「『\"']?[\u4e00-\u9fff]{0,2}$")
NEGATIONS = ("不", "没", "无法", "未", "别")
NOT_NEGATIONS = "不管|不论|无论"
CONCESSION = re.compile(r"(就算|即使|即便|哪怕|纵然)[^也都]{0,6}(也|都)")
# The words that make a statement a promise. 保准 / 准保 / 一准 / 铁定 and a bare 准 before 到 / 能 / 给 (这钱明天准到)
# are the spoken forms (judge21: on the train split 9 promises said so were missed, none of them a non-promise).
# 一定 before a noun is "a certain" (按保额的一定比例赔, 一定程度上, 一定的费用), not "certainly" (qa24 T6, judge50: 一般按重疾保额的
# 一定比例赔 read as a promise of the payout and capped a resolved call at 50).
_A_CERTAIN = r"一定(?!的?(比例|程度|金额|数额|额度|费用|手续费|期限|时间|范围|条件|标准|损失|风险|数量|百分比|比率))"
_PROMISE_WORD = r"(保证|肯定|" + _A_CERTAIN + r"|绝对|百分之百|百分百|包您|包你|保准|准保|一准|铁定|(?<![标精水批核校对瞄说])准(?=到|能|给))"
_PROMISE = re.compile(
    _PROMISE_WORD + r"(能|会|可以|给您|给你|帮您|是)?(全额|全部)?"
    r"(赔|理赔|赔付|报销|退|拿到|拿回|赚|有收益|有分红|通过|成功)"
)
# The outcome itself said certain (肯定能批下来, 复核肯定能改判, 一准能恢复, 钱肯定到账). Not after 帮您/给您: 一定帮您恢复
# (an address, a record) promises a service step; not 到账了 (a fact: 钱肯定到账了，您查一下).
# A complaint or dispute said won (这个投诉一定会赢的) and the money said to arrive, at a clause end (这钱明天准到，…) are
# outcomes too (judge25: train misses).
_PROMISE_OUTCOME = re.compile(_PROMISE_WORD + r"(能|会)?(批下来|改判|翻过来|恢复|到账|打赢|告赢|赢|到(?=[，,。！？!?～~]|$))(?!了)")
# A promise with no promise word: nothing is ever refused (咱家理赔就没有不赔的, 我经手的就没有批不下来的), an outcome
# "certain" (这个是铁定的), or the agent vouching for it (我给您打包票 — negated, 不敢跟您打包票, it is what a trainee
# should say). Not 照样赔: 宽限期内出险照样赔 is the grace period's rule, said right.
# Also (judge25, train misses): every illness paid (啥病都能赔), the amount said untouchable (一分不少给您, 少不了您的, 只会多不会
# 少 — not 一分不会少, which the corpus uses for the guaranteed part of a contract, said right) and "sure, no problem" with
# a spoken certainty word (保准没问题, 指定没问题).
_PROMISE_NO_EXCEPTION = re.compile(r"没有(不赔|赔不了|批不下来|办不下来|退不了)的|铁定的|打包票|拍胸脯|"
                                   r"(啥|什么)(病|情况|事儿?)?都(能|给|可以)?赔|一分(钱)?不少|少不了(您|你)的|只会多不会少|"
                                   r"(保准|准保|一准|铁定|指定)没(问题|毛病|跑)")
# A promise word, a few words, then the payout itself: 我保证出什么事都全额赔, 钱下礼拜肯定能到账 (judge18: the
# adjacent form above missed them). The words between must not be a process or a hedge: 一定尽快帮您处理理赔,
# 一定把您的材料转给理赔 and 肯定要看合同 promise a service step, not the payout; 肯定不赔 promises nothing.
# judge52c (the hedge lines' missed promises, w-hedge-lines): also the benefit paid (保证按重疾给付), a sum on top (保证给您
# 额外补偿一万块), money refunded to 你 (包你…把钱退给你), and the review's own outcome after an address or a deadline (保证
# 给你批下来, 保准儿给您批下来 — a train miss —, 我保证这周五前给您恢复效力) and all of it back (我保证给您全退 — a TUNE miss,
# tw-c); not 恢复 alone (一定帮您恢复: a step, above).
_PROMISE_WIDE = re.compile(
    _PROMISE_WORD + r"(?P<gap>[^，,。！？!?；;、\n]{0,8}?)"
    r"(全额赔|全额退|全部赔|全赔|全退|赔|到账|到您卡上|到你卡上|到您账上|到您卡里|退给您|退给你|给付|补偿|批下来|恢复效力)"
    r"(?!偿的|付的|偿问题|付问题|付流程|付进度|那边|部门|了|条件|标准|方案|申请|的(事|问题|规定|条件))"
)
# 按 names a basis (按合同, 按流程: not the payout) unless what follows is the benefit or the amount the review decides
# (包您按重疾全额赔下来, 保证按重疾给付 — judge52c, the hedge lines): those are read out of the gap first.
DECIDED_BASIS = re.compile(r"按(照)?(重疾|重症|全额|足额|满额|最高|保额|全残|一级伤残)")
NOT_A_PROMISE_GAP = ("不", "没", "无", "未", "别", "处理", "审核", "核实", "核定", "申请", "提交", "登记", "反映", "反馈",
                     "跟进", "查", "问", "如果", "要是", "符合", "按", "看", "是否", "能否", "才", "尽", "争取", "材料",
                     "转", "交", "备注", "流程", "规定", "合同", "条款", "结果", "部门", "联系", "通知", "可能", "我们会")
# A rhetorical question that belittles: 这么简单的事您都记不住？ 这都不知道？ 连这个都不懂啊～ (服务忌语). Said of
# the agent (这个我也不知道？) or hedged (这么多您可能也记不住，…) it is not one; it must end the sentence as a question.
_BELITTLING = re.compile(
    r"(这么简单|那么简单|这么点|这点|这都|连这|这也|这个都|这个也)(?P<gap>[^，,。！？!?；;\n]{0,8}?)(都|也)?"
    r"(记不住|不知道|不懂|不会|看不懂|听不懂|不明白|搞不懂|弄不懂|搞不清|弄不清|记不得|不记得|分不清)"
    r"(吗|啊|呀|嘛|呢|哈)?[？?！!～~]"
)
# A rhetorical question putting the fault back on the customer (…您自己没问清楚怪谁？ 那您说这能怪谁？), and blame
# pushed off the company (这个也不能怪我们呀). "这不怪您" and "怪我没说清楚" name nobody else and stay clean.
_BLAME_QUESTION = re.compile(r"(能|还能|又能|该)?怪谁(呢|啊|呀|嘛|哈)?[？?～~]|(还能|又能|能)怪谁")
_BLAME_OFF_US = re.compile(r"(不能|可不|不)(怪|赖)(我们|公司|咱们|我)(?!没)|(怪不着|怪不到|赖不着|赖不到)(我们|公司|咱们|我)")
# Blame passed to someone else, or the customer sent away to them (judge21, train split: 14 of 14 such sentences
# labelled blame): 不归我们（客服）管, 您跟我说也白说, 这都怪那个业务员, 您找银行去 / 您去找快递吧 / 你找他掰扯去, and the
# customer's own slip stated as the cause (应该是您操作错了, 是您自己填错了卡号). Negated (不是您操作错了) they reassure.
_BLAME_ELSEWHERE = re.compile(
    r"不归我(们)?[^，,。！？!?]{0,4}管|说也白说|怪(那个|那位)?(业务员|代理人|同事|柜台|财务|快递)|"
    r"(你|您)(得|就)?(去)?找(医院|快递|他|她|业务员|代理人|银行)(掰扯|理论|算账)?(去|吧)(?=[。！？!?～~]|$)|"
    # judge42r (tune replies): the customer sent to their family or to the salesperson himself to have it out (签字的事您找
    # 您儿子讲去 / 您要讨说法就找他本人嘛 / 您找银行问去), the company saying it does not answer for it (这个问题我们不负责的哦 —
    # not 不负责任, "irresponsible"), and the customer's unread contract named as the cause (那您又没看条款 / 合同您拿回家也没
    # 看吧 / 你自己不看合同 — not 您自己都没看到合同, never handed it). Train split (non-dev): 11 lines match, all labelled
    # blame (您找医院去 ×2, 您找银行去, 你找他掰扯去, 这个公司不负责, 合同您不看, 您是不是没看合同呀, 合同您拿回家也没看吧 …).
    r"(你|您)[^，,。！？!?]{0,6}?找(您|你)?的?(医院|快递|他|她|业务员|代理人|银行|儿子|女儿|闺女|孩子|家里人|老伴)(本人)?"
    r"(掰扯|理论|算账|讲|说|问)?(去|吧|嘛)(?=[。！？!?～~]|$)|(我们|公司|咱们|咱)(这边|这里)?(是|可|也)?不负责(?!任)|"
    r"(你|您)[^，,。！？!?]{0,4}?(没|不)(仔细)?(看|读)(?![到见])(过|一下)?[^，,。！？!?]{0,2}(合同|条款)"
    r"|(合同|条款)[^，,。！？!?]{0,6}(你|您)[^，,。！？!?]{0,4}(没|不)(看|读)|"
    r"(你|您)(自己)?(操作|填|弄|搞|记|输|写)错了|"
    # judge25 (train misses): the agent disowning it (反正不是我说的, 又不是我拒的, …没登记，不是我。, 跟我真没关系) or saying
    # the company is not wrong (反正我们没错); a signature held against the customer (签了就说明您知道了, 您都签了还说…); a
    # colleague belittled (他是新来的不懂, 那个业务员小年轻不懂事); the customer's own omission (是您自己换了手机号没告诉我们).
    r"(反正|又|也)不是我(说|拒|办|登记|弄|写|经手|签)的?|不是我(?=[。！？!?～~]|$)|跟我(真|可|也|一点)?(都)?没(啥)?关系|"
    r"(我们|公司|咱们|咱)(又|也|可|本来就)?没(有)?(做)?错|签了(字)?就(说明|代表|等于|表示)|(你|您)都签了(字)?还|"
    r"(他|她|客服|同事|业务员)(是|就是|是个)?新来的|(业务员|代理人|同事|客服)[^，,。！？!?]{0,6}不懂事|(你|您)自己[^，,。！？!?]{1,8}没(告诉|通知)"
)
# An impatient opener (服务忌语: 催促、打断客户), read as its own clause: "行了行了，我直接说吧，犹豫期是15天…" — the
# classifier reads the sentence whole and the correct answer after it dilutes the clause (judge18: 0.05–0.61 inside
# a content sentence against 0.98 alone). The agent's own restraint (不打岔了，您先说), a calm lead-in (好的好的，我直接
# 跟您说结论 / 您别急，我直接说重点) and a comforting 好了好了，您别哭了 are none of them.
_IMPATIENT_OPENER = re.compile(
    r"(?:^|(?<=[，,。！？!?；;\s…～~]))(?:(?:你|您)(?:先)?)?"
    r"(?:(?P<twice>行了|得了|够了)(?P=twice)|好了好了(?=[，,]?(?:知道|我知道|别说|别讲|不用说))|赶紧的|"
    r"(?:别|不要)(?:再)?(?:打岔|打断我|插嘴)|我就说一遍|听我说完(?:行不行|好不好|好嘛|行吗|成不成|行不))"
)
# Rudeness in spoken words (服务忌语: 催促、顶撞、推诿、不耐烦; judge29, train split): the classifier reads a sentence as
# one vector and the polite or factual rest of it dilutes the tone (rules found 8 of the train split's 160 rude lines,
# the classifier a third of them). Each form names the customer hurried (快点说, 后面还排着一堆电话), told it was said
# before (我都说三遍了 — not 您讲了三遍, the customer's own), brushed off (爱信不信, 您自己看着办, 去告呗, 转了也白搭),
# told to be quiet or that a feeling is useless (别嚷嚷了, 哭也解决不了问题), talked down to (说了您也不懂, 太外行) or
# threatened with a hang-up (我就挂了 — not 我就先挂了哈 / 我就给您挂了, a polite close). Impatience — the customer
# hurried or told it was said before, the kind #12 names ("什么事，快点说，我这边后面还排着一堆电话呢" was 合规 100) —
# counts with the classifier too, held to `SPOKEN_FLOORS`; the rest (`_RUDE_SPOKEN`) by rules alone: with the
# classifier all the forms together cost dev precision (docs/benchmarks.md, judge29).
# judge42r: the last time said with its verb (我再最后说一遍 / 再重复最后一遍 — train split, four writers' 4 lines, all rude;
# tune tw-a:206), not only 最后一遍.
_IMPATIENCE = re.compile(
    r"(?<![我帮给])快点(儿)?(说|讲|找|哈|吧|啊)|有事说事|有话快说|(?<![我只接您你])(说|讲)重点|(?<![跟给和向])(您|你)(就|先)?(直接)?(说|讲)重点"
    r"|(不要|别)绕来绕去|排队等着|后(面|边)[^，,。！？!?]{0,4}(排着|排队)|电话(排着|等着)|一堆电话"
    r"|后(面|边)还有[^，,。！？!?]{0,4}(电话|人)(呢|在等|等着|排着|排队)"  # judge39r, tune calls: 后面还有好几个电话呢
    r"|(我|主管|领导)[^，,。！？!?]{0,4}(很|挺|可)?(?<!帮)忙(的|着呢)(?=[，,。！？!?～~]|$)|我[^，,。！？!?]{0,3}没(空|工夫|功夫)"
    r"|我[^，,。！？!?]{0,3}(马上|要|快)下班|陪(您|你)聊天"
    r"|(?P<again>(说|讲|解释|回答)((了|过)(好几|三|两|几|多少)遍|(好几|三|两|几|多少)遍(了|啦)))|(要我|还要|得)说几遍"
    r"|第几次(了|问|打)|最后(再)?(说|讲|重复|解释)?一遍|只讲这一次|不想再讲|(?P<said>不说过了吗|不是说了吗|不是说过了吗"
    r"|(刚才|刚刚|已经|都)[^，,。！？!?]{0,3}(说|讲)过(一遍|两遍|好几遍|几遍)?了(呀|啊|嘛|吧|哈)?(?=[，,。！？!?～~…]|$))|又打来了"
    r"|又是(您|你)(啊|呀|哈)?(?=[，,。！？!?～~]|$)|问来问去|一直重复|知道了[，,]?知道了"
)
# The customer told to be quiet (别老打断, 您别嚷嚷了, 别老在电话里磨叽, 您能不能先别说了): the spoken forms that find the train
# split's rude lines the classifier misses, said in three and more writers' rude lines and never beside a blame or vague
# label (judge39r). Held to `SPOKEN_FLOORS` like impatience; the rest of `_RUDE_SPOKEN` counts by rules alone.
_TOLD_TO_BE_QUIET = re.compile(
    r"别(老|一直|再)?[^，,。！？!?]{0,4}(嚷|吵|嘚吧|磨叽|打断|出声)|(您|你)(能不能|可不可以)?(先)?别(再)?说了"
    # judge40r: the customer reproached for interrupting (老插话 — train, w-rude-teach; the tune replies' 老是打断我没法讲,
    # 一直打断我么样讲咧, 您这一直插嘴 — three writers), not the agent's own 我打断一下 / 随时打断我
    r"|(老是|一直|总是|老|总)(在)?(打断|插嘴|插话)(?!您|一下)"
)
# Brushed off, told to be quiet, talked down to, a hang-up threatened: counted by rules alone, but `_TOLD_TO_BE_QUIET`.
_RUDE_SPOKEN = re.compile(
    _TOLD_TO_BE_QUIET.pattern + "|"
    r"爱信不信|随(您|你)咯|随便(您|你)(?=[，,。！!～~]|$)|看着办|想怎么样就怎么样|(爱|愿意|该)咋整咋整"
    r"|(还|到底)想怎么样|省省吧|别问那么多|没义务|(是|也是)浪费时间|该(说|讲)的(我)?都(说|讲)了|没(什么|啥)好(说|讲|唠)的?"
    r"|没有意义|(想|要)投诉就投诉"
    r"|去告(呗|吧)|告哪(儿)?都|哪(儿)?告都|(投诉|告|找记者|找媒体|转过去|转了|转给|转主管|找谁)[^，,。！？!?]{0,4}(没用|没啥用|白搭)"
    r"|(哭|急|激动|嚷|嚷嚷|骂我|冲我|闹|吵)[^，,。！？!?]{0,3}(也)?(没用|没有用|解决不了|有什么用|有啥用)"
    r"|别老问|别一直(重复|问|说|打断)|别整那些"
    r"|嗓门(小|低|大)|大嗓门|安静一|动动脑子|冲我(来|嚷|吼|发火)|让我把话说完|客气点|(您|你)耐心点|烦死|(?<!别)急眼|这么凶|为难我"
    r"|听懂了没|有没有在听|到底要不要听|(太|真|也太)外行|大惊小怪|难沟通|太离谱|(说|讲)了(您|你)也不懂|(讲|说)了也白(讲|说)"
    r"|就是想太多|这种常识|还用问|问题还要问|真会算账|白给钱|(您|你)也信(?=[？?！!～~]|$)|就别买|还问什么|还来问|才来(问|说)"
    r"|扯到哪|又扯到|这不是扯"
    # calls47: her demand judged, not declined (您这个要求说实话有点不现实，买保险的谁也么这么退的 — cw3-h's media-threat bad
    # call marks it rude; 么 reads 没): no train or tune reply line says it
    r"|(要求|想法)[^，,。！？!?]{0,6}(不现实|不切实际|异想天开)|谁(也|都)没有?(这么|这样)[^，,。！？!?]{0,2}(退|赔|办|要)"
    r"|我(就|要|现在就|现在就可以|这就)挂(了|掉)(啊|吧)?(?=[，,。！!～~]|$)|挂了啊"
)


# Rudeness in shapes the train split's misses share (judge38r), held to `SPOKEN_FLOORS` like impatience: the blame
# turned into a rhetorical question (这怪谁呀～, 现在拒保能怪谁？ 保单停了赖谁呀 — not 这不能怪谁), the customer told not to
# keep calling (你不用老打电话, 别再打过来了 — not 不用再打来, a call-back promised), waved off (您自己去看合同呗, 你爱找谁找谁,
# 您跟我说也白说, 投诉啥呀, 不行就是不行), talked down to (这些弯弯绕绕您也听不明白), told off (我也是打工的, 别往上捅,
# 现在倒来找我们了？). No line of the 2,060 non-dev lines (the train split, the training-only files, judge32a's whole rude
# file) matches one not labelled rude.
# judge42r: talked down to with any verb of understanding (跟您讲分红您也弄不明白 — tune tw-a:108; 您也搞不明白), not only
# 听不明白 (train: one line, rude); and "how come you still…" of asking or believing (您咋还问呢 — train, w-veteran-regional,
# rude; 您咋还不信 — tune tw-b:123), not of the case (怎么还没到账).
_RUDE_SHAPES = re.compile(
    r"(?<![不别])(?<!不能)(怪|赖|能怪)谁(呀|啊|呢|啦)?(?=[？?～~！!。，,]|$)|自己(去)?(看|查|翻)[^，,。！？!?]{0,4}呗"
    r"|(不行|不能|不赔|没有|没办法)就是(不行|不能|不赔|没有|没办法)|我也是打工的"
    r"|(说|讲)也白(说|讲)|爱(找|问)谁(就)?(找|问)谁|(投诉|告)啥(呀|啊)?(?=[，,。！？!?～~]|$)"
    r"|(不用|别)(老|总|一直)打(电话|过来|来)|别再打(过来|来)|往上捅|倒(来|想起来)(找|问)|(您|你)也(听|弄|搞|整|看)不(明白|懂)"
    r"|(咋|怎么)还(在)?(问|不信|不懂|不明白|没(听)?(懂|明白)|听不(懂|明白))"
)

def _counts_alone(text: str, match: re.Match) -> bool:
    """A spoken rude form counted only without a classifier: `_RUDE_SPOKEN`'s, but the customer told to be quiet."""
    return match.re is _RUDE_SPOKEN and _TOLD_TO_BE_QUIET.match(text, match.start()) is None


def _customer_repeated(text: str, match: re.Match) -> bool:
    """"您前前后后讲了三遍" / "您刚才已经说过了": the customer said it (again), not the agent complaining (我都说三遍了)."""
    before = re.sub(r"[跟给和对向]我们?", "", re.split(r"[，,。！？!?；;]", text[:match.start()])[-1])  # 跟我们: the listener
    return match.re is _IMPATIENCE and bool(match["again"] or match["said"]) and (
        "您" in before or "你" in before) and "我" not in before


# An empty answer (vague): the customer told to wait with no when (等着吧, 等通知吧, 再等等看呗), or the agent saying they
# do not know and leaving it there (我也不太清楚诶～, 一两句说不清). Train split (judge21): 11 of 11 wait-sentences and
# 13 of 14 not-knowing ones of this form are labelled vague; the exceptions give a next step or a time (这个我真不知道，
# 我帮您问下理赔组，十五分钟后打回给您), which `_CONCRETE` keeps clean.
_VAGUE_WAIT = re.compile(r"(?<![稍请])等(着|等看|通知|结果|批|批文|消息)?(吧|呗)(?=[。！？!?～~…]|$)")
_VAGUE_UNSURE = re.compile(
    r"我(也|这边也|这边|真|也真|实在)?(不太清楚|不清楚|不知道|说不好|说不准)(?=[，,。！？!?…～~]|$|诶|啊|呀|哈|了|咋|怎么办|后面)|"
    r"(一句两句|一两句|一时半会儿?|三言两语)(说|讲)不清"
)
_CONCRETE = re.compile(r"帮您|给您|帮你|给你|问一下|问下|查一下|查下|回电|回复|打回|核实|联系您|\d|"
                       r"[一二三四五六七八九十两半]+个?(工作日|天|日|小时|周|星期|礼拜|月|号)")
# Words that turn a blame pattern into reassurance in the same sentence (您填错了也没关系，我帮您改).
_NEVER_MIND = ("也没关系", "不要紧", "没事", "别担心")
# …or into a hand-off when the agent helps on (这个不归我们管，不过我帮您转给银行): a next step, not blame.
_HELPS_ON = ("帮您", "帮你", "我来", "给您转", "给您联系", "替您")

# The core of 服务忌语 and 绝对化用语 (call-centre service norms), always checked; content/service_language.yaml
# adds to them (and supplies the reasons and better wordings for its own phrases).
def rule_phrases() -> tuple[str, ...]:
    """The phrases the cue rules are written with: a typed slip of one of their words is read as it (`typo_reading`)."""
    return (*EMPATHY_CUES, *APOLOGY_CUES, *VERIFICATION_CUES, *NEXT_STEP_CUES, *ESCALATION_CUES, *CLOSING_CUES,
            *QUESTION_WORDS, *SPOKEN_QUESTION_WORDS, *BLAME_CUES, *JARGON_TERMS)


FALLBACK_FORBIDDEN = (
    ForbiddenPhrase("fallback-guarantee-payout", "保证能赔", "absolute_promise", "事先承诺赔付属于误导。",
                    "能否赔付需要理赔部门根据合同条款和材料审核确定，我先帮您登记。", ("肯定能赔", "一定能赔", "肯定赔")),
    ForbiddenPhrase("fallback-sure-win", "稳赚不赔", "absolute_promise", "不得承诺收益。",
                    "这款产品的保单利益有不确定性，以合同条款为准。", ("稳赚", "保本高收益")),
    ForbiddenPhrase("fallback-go-complain", "你去投诉啊", "rude", "激将式回应会使纠纷升级。",
                    "您的意见我会如实记录，并在规定时限内给您答复。", ("随便投诉",)),
    ForbiddenPhrase("fallback-hurry", "你快点讲", "rude", "催促客户，不尊重客户。", "您慢慢说，我在认真听。", ("你快点说",)),
    ForbiddenPhrase("fallback-blame-agent", "跟公司无关", "blame", "保险代理人的行为由保险人承担责任（保险法第一百二十七条）。",
                    "您反映的情况我会详细记录，由专门人员核实后给您答复。", ("这是业务员个人的事",)),
)

ADVICE = {
    "empathy": Worded("先回应了客户的情绪，客户更愿意听后面的解释。",
                      "Responded to the customer's feelings first, so they are readier to hear the explanation."),
    "apology": Worded("对客户遇到的麻烦表示了歉意。",
                      "Apologised for the trouble the customer had."),
    "verification": Worded("在谈保单内容前先核实了身份。",
                           "Verified the customer's identity before discussing the policy."),
    "clarifying_question": Worded("用提问弄清了客户的情况。",
                                  "Asked a question to understand the customer's situation."),
    "next_step": Worded("给了客户具体的下一步。",
                        "Gave the customer a concrete next step."),
    "escalation": Worded("按规范提供了升级或登记的途径。",
                         "Offered the proper way to escalate or register the matter."),
    "closing": Worded("礼貌地结束了通话。",
                      "Ended the call politely."),
    "blame": Worded("不要指责或与客户争辩：先理解，再核实，再解释。",
                    "Do not blame or argue with the customer: understand first, then check, then explain."),
    "jargon": Worded("内部术语要用客户听得懂的话解释（如“也就是……”）。",
                     "explain internal terms in words the customer understands (e.g. “that is, …”)."),
    "absolute_promise": Worded("不得承诺赔付、收益或处理结果：结论由核定或核实作出，只能说明依据、流程和时限。",
                               "Never promise a payout, a return or an outcome: the decision is made by assessment or checking; explain only the basis, the process and the time limits."),
    "rude": Worded("这句话让客户感到被催促、被顶撞或不被尊重（服务忌语）：先倾听，再耐心说明。",
                   "This made the customer feel rushed, contradicted or disrespected (a forbidden service phrase): listen first, then explain patiently."),
    "personal_data": Worded("不要由坐席读出客户的证件号、电话、地址、卡号或他人的保单信息：请客户自己说，坐席只核对。",
                            "Do not read out the customer's ID, phone, address, card number or someone else's policy details: let the customer say them, and only check."),
    "vague": Worded("这句话没有给客户实在的信息或下一步：说清结论、依据和接下来怎么办。",
                    "This gave the customer nothing concrete and no next step: state the conclusion, the basis and what happens next."),
    "explanation": Worded("用客户听得懂的话解释了规则。",
                          "Explained the rule in words the customer understands."),
}


def _first_cue(text: str, cues: Iterable[str]) -> tuple[int, int] | None:
    best = None
    for cue in cues:
        position = text.find(cue)
        if position >= 0 and (best is None or position < best[0]):
            best = (position, position + len(cue))
    return best


def _find_term(text: str, term: str, exceptions: dict[str, tuple[str, ...]] = NOT_JARGON) -> int:
    """Position of `term` in `text` outside the plain words that happen to contain it, or -1."""
    position = text.find(term)
    while position >= 0:
        inside = False
        for word in exceptions.get(term, ()):
            start = position - word.find(term)
            if start >= 0 and text[start:start + len(word)] == word:
                inside = True
        if not inside:
            return position
        position = text.find(term, position + 1)
    return -1


NEGATION_REACH = 8  # 我没办法跟您保证一定能赔: the negation sits seven characters before 一定能赔


def _negated(text: str, start: int) -> bool:
    """A negation shortly before `start` in the same clause (不/没/无法 … 保证)."""
    window = text[max(0, start - NEGATION_REACH):start]
    window = re.split(r"[，,。！？!?；;]", window)[-1]
    window = re.sub(NOT_NEGATIONS, "", window)  # 不管怎样我保证…: "no matter how", not a negation
    # 就算没填也肯定赔: the negation is the concession's, not the promise's (judge52c, the hedge lines)
    window = CONCESSION.sub("", window)
    return any(word in window for word in NEGATIONS)


def _nobody_blamed(before: str) -> bool:
    """The words before 怪谁 turn it: 不能怪谁, 没法怪谁, 不知道该怪谁. Only right before it — in
    "您自己当初没细看怪谁？" the 没 belongs to 细看 and the question still blames."""
    return before.endswith(NEGATED_BEFORE) or bool(re.search(r"(不知道|不晓得|说不上|谈不上|不是)[^，,。！？!?]{0,2}$", before))


def _quoted(text: str, start: int, end: int) -> bool:
    """The words at [start, end) are someone else's, quoted or restated by the agent."""
    return reported_at(text, start, end)


def _not_promised(text: str, start: int, end: int) -> bool:
    """The promise words at [start, end) are not the agent's: quoted or restated, or her demand said back and refused
    (全额退、再赔5万、今天到账，这个我安排不了 — `refusals.refused_back`, judge55a)."""
    return _quoted(text, start, end) or refused_back(text, start, end)


def cue_evidence(text: str, behaviour: str, cues: Iterable[str], advice: str = "") -> Evidence | None:
    """Evidence of `behaviour` if any cue appears in `text` (the first one, quoted with its clause)."""
    span = _first_cue(text, cues)
    if span is None:
        return None
    return Evidence(behaviour, True, clause_at(text, *span), advice or ADVICE.get(behaviour, ""))


def _pattern_evidence(text: str, behaviour: str, pattern: re.Pattern) -> Evidence | None:
    """Evidence of `behaviour` where `pattern` first matches, quoted with its clause."""
    match = pattern.search(text)
    return Evidence(behaviour, True, clause_at(text, match.start(), match.end()), ADVICE.get(behaviour, "")) if match else None


def _said_plainly(text: str, words: str) -> bool:
    """`words` said at least once without a negation right before them: "不会恢复" explains no 复效."""
    return any(not text[:i].endswith(NEGATED_BEFORE) for i in occurrences(text, words))


def explained_here(text: str, start: int, end: int) -> bool:
    """The term at [start, end) comes with its explanation in the same reply, right next to it.

    After it: an explain marker later in its sentence (减额交清，就是…), a colon or dash straight
    after it (减额交清”：保额降低…), or the next sentence opening with one (…减额交清。意思是…).
    Before it: a plain description that the term then names (…以后不用交钱，这个叫减额交清).
    Anywhere in the reply: the term's plain meaning (`PLAIN_MEANINGS`: 减额交清 … 以后不用再交保费).
    """
    rest = text[:start] + "\n" + text[end:]
    if any(_said_plainly(rest, words) for words in PLAIN_MEANINGS.get(text[start:end], ())):
        return True
    sentence_start, sentence_end = span_bounds(text, start, end)
    after, before = text[end:sentence_end], text[sentence_start:start]
    if any(marker in after for marker in EXPLAIN_MARKERS) or _EXPLAINED_AFTER.match(after):
        return True
    if _EXPLAINING_OPENING.match(text[sentence_end + 1:]):
        return True
    naming = _NAMED_BEFORE.search(before)
    if naming is None:
        return False
    # 我帮您办一个叫减额交清的业务 names nothing: the description is its own clause before 这个叫…
    described = text[:sentence_start] + before[:naming.start()]
    lead = re.split(r"[，,、。！？!?；;\n]", described)[-1]
    return bool(_NAMING_LEAD.match(lead)) and len(re.sub(r"\W", "", described[:len(described) - len(lead)])) >= 4


def within_longer_terms(terms: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """`NOT_JARGON` with, for each term, the longer listed terms that contain it: 承保 said inside 除外承保 is that
    term, judged (explained or not) on its own — 核保结果出来啦，意思是以后甲状腺相关的问题不保，…，这个叫除外承保～ explains
    除外承保 and was flagged for the 承保 in it (judge40p, tune replies)."""
    terms = tuple(terms)
    return {t: NOT_JARGON.get(t, ()) + tuple(o for o in terms if t in o and o != t) for t in dict.fromkeys(terms)}


def short_form_explained(text: str, quote: str, terms: Iterable[str]) -> bool:
    """`quote` holds a term's short form (垫交 of 自动垫交: its last two characters) and the reply explains the full term
    (`explained_here`): …公司会用保单的现金价值先帮您垫上…，但垫交的金额相当于借款 — the grace-period entry's script, shown as
    a lesson — was faulted 术语未解释 on 垫交 (judge53b)."""
    for term in terms:
        position = text.find(term)
        if len(term) >= 4 and term[-2:] in quote and term not in quote and position >= 0 \
                and explained_here(text, position, position + len(term)):
            return True
    return False


def explained_span(text: str, start: int, end: int, terms: Iterable[str]) -> bool:
    """The sentence at [start, end) explains its jargon: each listed term in it (`explained_here`),
    or, when the classifier saw a term no list holds, an explain marker, colon or dash in it or
    an explaining opening of the next sentence."""
    exceptions = within_longer_terms(terms)
    positions = [(p, len(t)) for t in exceptions if (p := _find_term(text[start:end], t, exceptions)) >= 0]
    if positions:
        return all(explained_here(text, start + p, start + p + n) for p, n in positions)
    sentence = text[start:end]
    return (any(marker in sentence for marker in EXPLAIN_MARKERS) or bool(re.search(r"：|:|——", sentence))
            or bool(_EXPLAINING_OPENING.match(text[end:].lstrip("。！？!?；;\n"))))


class Detectors:
    """All reply-level detectors, configured with the content's forbidden phrases."""

    def __init__(self, forbidden: Iterable[ForbiddenPhrase], typos: TypoReading | None = None,
                 scripted_codes: Iterable[str] = ()) -> None:
        """`typos`: the content's typo reading (`content_typos.typo_reading_for`): the rules read a typed slip as its term
        (judge43h). `scripted_codes`: the codes the content's own scripts say to customers (`scripted_codes`): the
        company's words to them, no desk code."""
        self.typos = typos
        self.scripted_codes = frozenset(scripted_codes)
        content = tuple(forbidden)
        known = {w for p in content for w in p.wordings}
        self.forbidden = content + tuple(p for p in FALLBACK_FORBIDDEN if not known & set(p.wordings))
        self.jargon_terms = tuple(dict.fromkeys(
            JARGON_TERMS + tuple(w for p in self.forbidden if p.kind == "jargon" for w in p.wordings)))

    # ------------------------------------------------------------------ positive

    def positives(self, text: str) -> list[Evidence]:
        shoes = _IN_THEIR_SHOES.search(text)
        found = [
            cue_evidence(text, "empathy", EMPATHY_CUES) or (
                Evidence("empathy", True, clause_at(text, shoes.start(), shoes.end()), ADVICE["empathy"]) if shoes else None),
            cue_evidence(text, "apology", APOLOGY_CUES),
            cue_evidence(text, "verification", VERIFICATION_CUES),
            self.clarifying_question(text),
            cue_evidence(text, "next_step", NEXT_STEP_CUES),
            cue_evidence(text, "escalation", ESCALATION_CUES),
            cue_evidence(text, "closing", CLOSING_CUES),
        ]
        return [e for e in found if e is not None]

    @staticmethod
    def clarifying_question(text: str, reproached: bool = False) -> Evidence | None:
        """The first question sentence with a question word that asks something; `reproached`, not a question that
        reproaches the customer either (`reproaches`; read at reply time, so the classifier's cue verdicts stay)."""
        for _, _, sentence in sentence_spans(text):
            stripped = sentence.strip()
            if _asks_nothing(stripped) or (reproached and only_reproaches(stripped)):
                continue
            if stripped.endswith(("？", "?")) and any(w in stripped for w in QUESTION_WORDS):
                return Evidence("clarifying_question", True, stripped, ADVICE["clarifying_question"])
        return None

    def spoken(self, text: str, found: set[str]) -> list[Evidence]:
        """Good service in spoken words the cues miss, for the behaviours not in `found` (judge26).

        Read at reply time only: the classifier's thresholds are calibrated with `positives` alone. Calibrated
        with these forms (they were written from the train split's misses) the thresholds rose, and on the dev
        split next_step recall fell 0.59 → 0.41 while the rules found more (docs/benchmarks.md, judge26)."""
        found_now = [
            _pattern_evidence(text, "empathy", _EMPATHY_SPOKEN) or _pattern_evidence(text, "empathy", _EMPATHY_ACKNOWLEDGED)
            or _pattern_evidence(text, "empathy", _SOOTHING),
            _pattern_evidence(text, "verification", _IDENTITY_SPOKEN)
            or _pattern_evidence(text, "verification", _IDENTITY_ASKED_TO_SAY)
            or _pattern_evidence(text, "verification", _RELATION_ASKED),
            _spoken_question(text),
            _pattern_evidence(text, "next_step", _NEXT_STEP_SPOKEN),
            _spoken_explanation(text) or _glossed_or_not_told(text),
            handed_up(text, ADVICE["escalation"]),  # judge39n
        ]
        return [e for e in found_now if e is not None and e.behaviour not in found]

    def rule_evidence(self, text: str, explained_terms: set[str], judged: bool = True) -> tuple[list[Evidence], list[Evidence]]:
        """Every rule's evidence for a reply (cues, spoken forms, faults) and, apart, the spoken forms
        (`MeaningJudge.confirmed` holds them to their own floors); not `judged`, the positive forms that need a
        classifier's score (`SPOKEN_FLOORS`) are left out; `judged`, the faults read by rules alone.

        The rules read the reply's Mandarin reading (俺给您登记 as 我给您登记, `regional_speech`); each finding quotes
        the trainee's own words."""
        said = self.reading(text)
        text = said.text
        cues = self.positives(text)
        if specialist_contact_only(text):  # 会有专人联系您: nothing handed up (hand_ups.py, judge39n; read at reply time,
            cues = [e for e in cues if e.behaviour != "escalation"]  # so the calibration's cue verdicts stay)
        if any(e.behaviour == "clarifying_question" and only_reproaches(e.quote) for e in cues):  # 您这不是较劲呢吗？
            asked = self.clarifying_question(text, reproached=True)  # a reproach asks nothing (reproaches.py, judge42r)
            cues = [e for e in cues if e.behaviour != "clarifying_question"] + ([asked] if asked else [])
        if contact_by_nobody(text):  # 会有人联系您的: nobody, nothing, no time — no next step (empty_answers.py, judge42v)
            cues = [e for e in cues if e.behaviour != "next_step"]
        # the customer calmed counts only with a classifier, which can find the promise or empty answer it may open
        # (`reply.caring_in_earnest`): alone, 您别急，您的要求我都记下了 would be comfort, not the empty answer it is
        spoken = [e for e in self.spoken(text, {e.behaviour for e in cues}) if judged or (
            e.behaviour not in SPOKEN_FLOORS and not (e.behaviour == "empathy" and calming_only(e.quote)))]
        faults, spoken_faults, alone = self._faults(text, explained_terms)  # without a classifier, these count
        if judged:
            faults = [e for e in faults if not any(e is a for a in alone)]
        return in_trainee_words(cues + spoken + faults, said, spoken + spoken_faults)

    def reading(self, text: str) -> MandarinReading:
        """What the rules read: the reply's Mandarin reading (a regional word read as Mandarin, judge41d) and, with
        `typos`, its typing slips read as the terms the rules and the content know (理陪 as 理赔, judge43h)."""
        said = mandarin_reading(text)
        return self.typos.read(said) if self.typos is not None else said

    # ------------------------------------------------------------------ negative

    def negatives(self, text: str, explained_terms: set[str]) -> list[Evidence]:
        """Forbidden phrases, promises, blame and unexplained jargon.

        `explained_terms` (kept by the session) grows with each term explained or already flagged.
        """
        return self._faults(text, explained_terms)[0]

    def _faults(self, text: str, explained_terms: set[str]) -> tuple[list[Evidence], list[Evidence], list[Evidence]]:
        """`negatives`; apart, the ones found by forms written from the train split's misses that
        `MeaningJudge.confirmed` holds to `SPOKEN_FLOORS` (impatience, `_RUDE_SHAPES`, desk words, 复效 / 出险 / 效力中止), and those
        that count only without a classifier (the other spoken rudeness)."""
        found: list[Evidence] = []
        spoken: list[Evidence] = []
        alone: list[Evidence] = []  # counted only without a classifier (`rule_evidence`)
        quoted: set[tuple[str, str]] = set()

        def add(evidence: Evidence) -> bool:
            if (evidence.behaviour, evidence.quote) in quoted:
                return False
            quoted.add((evidence.behaviour, evidence.quote))
            found.append(evidence)
            return True

        for phrase in self.forbidden:
            if phrase.kind == "jargon":
                continue
            for wording in phrase.wordings:
                position = text.find(wording)
                if position < 0 or _quoted(text, position, position + len(wording)):
                    continue
                if not (phrase.kind == "absolute_promise" and _negated(text, position)):
                    add(Evidence(phrase.kind, False, clause_at(text, position, position + len(wording)),
                                 f"“{wording}”：{phrase.reason}", phrase.better))
                    break
        for match in _PROMISE.finditer(text):
            if not _negated(text, match.start()) and not _not_promised(text, match.start(), match.end()):
                add(Evidence("absolute_promise", False, clause_at(text, match.start(), match.end()),
                             ADVICE["absolute_promise"]))
        for match in _PROMISE_WIDE.finditer(text):
            gap = DECIDED_BASIS.sub("", match["gap"])
            if (not any(word in gap for word in NOT_A_PROMISE_GAP) and not _negated(text, match.start())
                    and not _not_promised(text, match.start(), match.end())):
                add(Evidence("absolute_promise", False, clause_at(text, match.start(), match.end()),
                             ADVICE["absolute_promise"]))
        for match in (*_PROMISE_OUTCOME.finditer(text), *_PROMISE_NO_EXCEPTION.finditer(text)):
            if not _negated(text, match.start()) and not _not_promised(text, match.start(), match.end()):
                add(Evidence("absolute_promise", False, clause_at(text, match.start(), match.end()),
                             ADVICE["absolute_promise"]))
        # 这个钱基本上稳了 / 到时候基本没问题 (qa19); 分红…保底有4% / 明天下午三点之前钱就回来了 / 我给您特殊处理 (judge52c)
        for start, end in (*soft_promises(text), *money_by_an_hour(text),
                           *exception_granted(text), *stated_outcomes(text)):
            if not _negated(text, start) and not _not_promised(text, start, end):
                add(Evidence("absolute_promise", False, clause_at(text, start, end), ADVICE["absolute_promise"]))
        # 这是他的问题 — the salesperson's (qa19); 您得问理赔那边, 不能算我们的问题, 当初就该想到 (judge39c; passing_blame.py)
        for start, end in (*third_party_blamed(text), *blamed_in_spoken_words(text)):
            if not _negated(text, start) and not _quoted(text, start, end):
                add(Evidence("blame", False, clause_at(text, start, end), ADVICE["blame"]))
        for behaviour, spans in (("absolute_promise", said_certain(text)), ("blame", hindsight_blamed(text)),
                                 ("vague", put_off(text))):  # held to `SPOKEN_FLOORS` (judge39n)
            for start, end in spans:
                if not _quoted(text, start, end):
                    evidence = Evidence(behaviour, False, clause_at(text, start, end), ADVICE[behaviour])
                    if add(evidence):
                        spoken.append(evidence)
        for start, end in (*nothing_but_the_rule(text), *vouches_only(text)):  # 条款就这么写的 / 得等着。 / 我们是大公司
            # (judge42v): counted as they are, like 等着吧
            if not _quoted(text, start, end):
                add(Evidence("vague", False, clause_at(text, start, end), ADVICE["vague"]))
        for match in _BELITTLING.finditer(text):
            if not any(word in match["gap"] for word in ("我", "可能", "也许")) and not _quoted(text, match.start(), match.end()):
                add(Evidence("rude", False, clause_at(text, match.start(), match.end()), ADVICE["rude"]))
        for match in _IMPATIENT_OPENER.finditer(text):
            if not _quoted(text, match.start(), match.end()):
                add(Evidence("rude", False, clause_at(text, match.start(), match.end()), ADVICE["rude"],
                             clause_only=True))
        for match in (*_BLAME_QUESTION.finditer(text), *_BLAME_OFF_US.finditer(text), *_BLAME_ELSEWHERE.finditer(text)):
            negated = (_nobody_blamed(text[:match.start()]) if match.re is _BLAME_QUESTION
                       else match.re is _BLAME_ELSEWHERE and (
                           _negated(text, match.start()) or any(w in text for w in _HELPS_ON)
                           or any(w in sentence_at(text, match.start(), match.end()) for w in _NEVER_MIND)))
            if not negated and not _quoted(text, match.start(), match.end()):
                add(Evidence("blame", False, clause_at(text, match.start(), match.end()), ADVICE["blame"]))
        for cue in BLAME_CUES:
            position = _find_term(text, cue, NOT_BLAME)
            # 这不是您的问题 reassures; 您是说“跟公司没关系”？ restates: neither blames
            if position >= 0 and not _negated(text, position) and not _quoted(text, position, position + len(cue)):
                add(Evidence("blame", False, clause_at(text, position, position + len(cue)), ADVICE["blame"]))
        # judge39c (brush_offs.py): before `_RUDE_SPOKEN`, whose 急也没用 it holds to the classifier; judge42r: the choice
        # left to the customer, hands washed (held), and a question that reproaches them (reproaches.py, a rule)
        for spans, held in ((words_called_useless(text), True), (complaint_discouraged(text), False),
                            (left_to_them(text), True), (reproach_questions(text), False),
                            (told_to_feel_lucky(text), False)):  # 您应该庆幸撒 (reproaches.py, calls44): a rule
            for start, end in spans:
                evidence = Evidence("rude", False, clause_at(text, start, end), ADVICE["rude"])
                if not _quoted(text, start, end) and add(evidence) and held:
                    spoken.append(evidence)
        for match in (*_IMPATIENCE.finditer(text), *_RUDE_SPOKEN.finditer(text), *_RUDE_SHAPES.finditer(text)):
            if not _quoted(text, match.start(), match.end()) and not _customer_repeated(text, match):
                evidence = Evidence("rude", False, clause_at(text, match.start(), match.end()), ADVICE["rude"])
                if add(evidence):
                    (alone if _counts_alone(text, match) else spoken).append(evidence)
        if not _CONCRETE.search(text):
            for match in (*_VAGUE_WAIT.finditer(text), *_VAGUE_UNSURE.finditer(text)):
                if not _quoted(text, match.start(), match.end()):
                    add(Evidence("vague", False, clause_at(text, match.start(), match.end()), ADVICE["vague"]))
                    break
            for start, end in only_it_depends(text):  # 具体还得看情况，…不好一概而论 (judge39c, evasions.py): held
                evidence = Evidence("vague", False, clause_at(text, start, end), ADVICE["vague"])
                if not _quoted(text, start, end) and add(evidence):
                    spoken.append(evidence)
                    break
        for evidence, desk in self._jargon(text, explained_terms):
            if add(evidence) and desk:
                spoken.append(evidence)
        return found, spoken, alone

    def jargon(self, text: str, explained_terms: set[str]) -> list[Evidence]:
        return [evidence for evidence, _ in self._jargon(text, explained_terms)]

    def _jargon(self, text: str, explained_terms: set[str]) -> list[tuple[Evidence, bool]]:
        """Each unexplained term or desk code (`_ABBREVIATION`), and whether the classifier must confirm it (`HELD_TERMS`)."""
        found = []
        codes = tuple(m.group() for m in _ABBREVIATION.finditer(text) if _CODE.fullmatch(m.group())
                      and m.group() not in KNOWN_ABBREVIATIONS and m.group() not in self.scripted_codes)
        exceptions = within_longer_terms((*self.jargon_terms, *codes))
        for term in exceptions:
            position = _find_term(text, term, exceptions)
            if position < 0 or term in explained_terms:
                continue
            if explained_here(text, position, position + len(term)):
                explained_terms.add(term)
                continue
            explained_terms.add(term)  # flagged once; repeating it is not a new fault
            better = next((p.better for p in self.forbidden if p.kind == "jargon" and term in p.wordings), "")
            found.append((Evidence("jargon", False, clause_at(text, position, position + len(term)),
                                   Worded(f"“{term}”是内部术语，{ADVICE['jargon']}",
                                          f"“{term}” is internal jargon: {english(ADVICE['jargon'])}"), better),
                          term in HELD_TERMS))  # a code counts as it is (judge39j)
        return found
