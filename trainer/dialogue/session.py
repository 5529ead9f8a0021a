"""`DialogueSession`: the customer of a scenario, played turn by turn, and the report at the end.

Deterministic for a given seed; no language model. Each agent reply is analysed into `Evidence`
(detectors, fact checks, the open question, personal data, checkpoints), the mood reacts, the
call may end (resolved, hung up, escalated, timed out), and the customer answers.
"""

from __future__ import annotations

import random
import re
from functools import cached_property, lru_cache
from typing import Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from trainer.dialogue.detectors import (ADVICE, CLOSING_CUES, Detectors, about_the_check, cue_evidence, defers_choice,
                                        scripted_codes)
from kb.chinese_text import clause_at, sentence_at, sentences
from kb.content import Entry, in_english
from kb.placeholders import entry_wording
from kb.text import without_surrogates
from trainer.dialogue.evidence import Evidence, first_sentence
from trainer.dialogue.explains import asks_only, explains_nothing, silent_sentences, unsure, unsure_sentences, within
from trainer.dialogue.factbook import FactBook
from trainer.dialogue.asked_steps import asked_in
from trainer.dialogue.checkpoint_meaning import (about_facts, at_fault, checkpoint_references, checkpoint_runs,
                                                 meeting_run, meeting_sentence, misses_a_refusal, named_feeling_calmed,
                                                 naming_words, numbered_step, past_clauses, quote_sentence, said_at_fault,
                                                 said_cues)
from trainer.dialogue.facts import FactChecker, FactClaim, ForeignTerms, states_content, topic_terms
from trainer.dialogue.before_the_check import status_before_the_check
from trainer.dialogue.deferrals import only_defers
from trainer.dialogue.handed_back import handed_back
from trainer.dialogue.judge import MeaningJudge, Reading, reference_sentences
from trainer.dialogue.retractions import corrects_itself, retraction, taken_back_between
from trainer.dialogue.remedies import SOOTHING, ModelLines, answer_wording, model_line_for, own_part, topic_cues
from trainer.dialogue.not_faults import policy_figures_only
from trainer.dialogue.reply import in_earnest, meaning_findings
from trainer.dialogue.agent_referrals import pushed_onto_agent
from trainer.dialogue.dissuading import dissuaded
from trainer.dialogue.call_backs import number_for_the_call_back
from trainer.dialogue.term_wording import plain_wording
from trainer.dialogue.customer import ANSWERED_BUT_OPEN, OFFER_OF_HELP, CustomerVoice, TurnAct
from trainer.dialogue.identity_questions import confirms_the_policy
from trainer.dialogue.listed_terms import said_as_list
from trainer.dialogue.lines import end_line, next_follow_up, unfinished_line
from trainer.dialogue.model_call import CallPoint, ModelStep, model_steps, placed
from trainer.dialogue.mood import MoodModel, Reaction
from trainer.dialogue.numbers import quantities
from trainer.dialogue.own_words import known_terms, past_her_words, without_her_terms
from trainer.dialogue.names import WrongName, addresses_the_wrong_person, detail_asked, wrong_name
from trainer.dialogue.question_forms import checks_back
from trainer.dialogue.scenario import Checkpoint, FollowUp, Scenario, due_order
from trainer.dialogue.scoring import Finding, Report, Utterance, subscores, total
from trainer.dialogue.segments import sentence_segments
from trainer.dialogue.spoken_cues import Reader, spoken_forms
from trainer.dialogue.step_wording import STEP_AFTER, STEP_DONE, STEP_NOT_DONE
from trainer.dialogue.content_typos import typo_reading_for
from trainer.dialogue.wording import Worded, english
from trainer.dialogue.wrong_figures import (WRONG_FACT, WrongFigure, faulted_sentence, figure_wording,
                                           right_step_wrong_figure, rule_sentence)

MODES = ("training", "exam")
# Longest reply analysed; the chat box allows no more, and a longer one from elsewhere is cut.
MAX_REPLY_CHARS = 1_000
# Good service behaviours are reported the first time only; facts, answers and faults every time.
REPORT_ONCE = ("empathy", "apology", "verification", "clarifying_question", "next_step", "escalation", "closing")
# Turns at or above the angry threshold without the mood going down and without progress: a reply
# that does a step of the call or answers a question, with the mood held, is not one (judge18).
ESCALATE_AFTER = 2
# A reply sentence this close (e5 cosine) to a sentence of the FAQ answer, and closer to it than to
# any other entry of the scenario, answers the question (calibrated on the scenarios' model
# answers, bench/judge.py: precision of the match ≥ 0.9 on their sentences).
ANSWER_SIMILARITY = 0.90
# A closing said as a question ("还有其他问题吗？") lets the customer ask what is still on their
# mind; one with these words is a goodbye and ends the call.
FAREWELLS = ("再见", "拜拜", "祝您", "先这样", "不打扰")
# What makes a goodbye the script's 礼貌结束 step: thanks, a wish, care for her time, an offer of more help (the
# train split's closings: 不耽误您做饭了 / 您保重身体 / 还有啥要问的不 / 有啥不明白的随时打电话). A bare "好的，再见" or
# "行，就这样，再见" ends the call but does no step (qa17: 完成要点：礼貌结束 for 大伟's "我帮您记录一下，再见").
# calls49: a parting word of care for her trouble (家里的事儿您也别太上火 / 您放宽心 / 照顾好自己) is such a wish — cw5-b's
# media-threat good call ended "…您也别太上火，有进展专人会联系您，王女士再见。" and closed with 礼貌结束 open.
POLITE_CLOSE = ("谢", "祝", "保重", "注意身体", "歇", "休息", "慢点", "慢走", "辛苦", "打扰", "不好意思", "耽误", "占您",
                "占你", "您忙", "不客气", "随时", "有事再", "有啥再", "再联系", "不明白的", "还有别的", "还有啥", "还有其他",
                "还有什么", "别太", "宽心", "照顾好")
# "Anything else?" in words no cue lists ("您还有什么疑问吗？"): a closing question, not the call's next step.
CLOSING_QUESTION = re.compile(r"还有(没有)?(什么|其他|别的)?.{0,4}(问题|疑问|需要|要帮|帮您|想了解|不清楚)")
# "Anything else?" said with a word asking what else (什么 / 其他 / 别的 / 啥) in words no closing cue lists, read as
# Mandarin (还有撒别的问题么？ → 还有啥别的问题吗？; 您看还有撒需要额帮忙的么？; 还有冇得别的要问的？): the close's own question,
# which a reply that says only it was faulted 回应空泛 for (calls45: cw3-h's good calls). Train split (read as the rules
# read it): 25 lines say it, all 25 labelled closing — the classifier found most; the rest had no finding.
# 还有没… (northern; Cantonese 仲有冇其他问题？ reads 还有没其他问题): calls47's own Guangzhou calls closed on it and the
# close step stayed open (closed_open 85).
ANYTHING_ELSE = re.compile(r"还有(没有?)?(什么|其他|别的|啥)(别的|其他)?[^，,。！？!?]{0,4}?"
                           r"(问题|疑问|需要|要帮|帮您|帮忙|想了解|不清楚|要问)")
# The agent saying who they are ("您好，我是95519客服。", "王女士您好，这边是安泰人寿回访中心。"): no answer to anything.
SELF_INTRODUCTION = re.compile(r"^[^，,。！？!?]{0,6}(您好|你好|喂)?[，,！!]?\s*(我是(?!说)|这里是|这边是)")
# An opening that asks who is calling (喂？谁啊？ 喂，你好，哪位？): answered once the agent says who they are.
WHO_IS_CALLING = re.compile(r"哪位|谁|你哪里")
# An opening that asks who is calling or what for (喂，你好，什么事？): on an outbound call she has heard nothing of the case.
ASKS_WHAT_FOR = re.compile(WHO_IS_CALLING.pattern + "|什么事")
_SENTENCE_MARKS = "。！？!?；;…～~ "
# The agent saying they go on with the call now (接下来跟您确认说明书, 那我再跟您说一下犹豫期, 下面我介绍一下, 我先帮您
# 登记一下): after thanks, no closing. Speaking to the customer now, so "接下来工作人员会联系您" (after the call) is none.
MOVING_ON = re.compile(r"(接下来|下面|另外|然后|再|先|现在)[^，,。！？!?；;]{0,4}?((跟|给|和|向|为|帮)您|我)"
                       r"[^，,。！？!?；;]{0,3}?(确认|核对|核实|说|讲|介绍|解释|提醒|读|念|问|查|登记|记录|办理)")
# A reply that is only an acknowledgement and thanks (好的谢谢。 嗯，谢谢您。 好的，感谢您的配合。): nothing said after it.
BARE_THANKS = re.compile(r"(?:好的|好嘞|好|嗯|哦|行|对的|对|是的|明白了|明白|了解了|了解|收到|谢谢|感谢|多谢|您|你|的|配合|回答"
                         r"|啊|哈|呀|[，,。！!、～~\s])+")
# The reason an identity check is asked for, said in the same reply (为了保护您的信息安全 / 核实身份是为了防止别人冒充您 /
# 确认是您本人之前，我不会谈保单的具体内容): a wary customer hears why instead of only being asked again (judge31).
EXPLAINS_THE_CHECK = re.compile(r"为了|以免|以防|防止|避免|冒充|保护您|保障您|(信息|账户|资金|保单)的?安全"
                                r"|本人(之前|以前|以后|之后|后|才)|因为")
# The agent saying why she calls (这次来电是想做个回访 / 给您打电话是提醒您一下): in an outbound call, no vague reply.
CALL_PURPOSE = re.compile(r"(来电|打电话|打给您|给您打|联系您|致电|找您)[^。！？!?]{0,24}(回访|提醒|确认|核对|通知|了解)"
                          r"|(做|做个|做一个|进行)[^。！？!?]{0,6}回访")
# Signs that a reply still serves the customer beyond stating facts: with no fault in it, going on
# about her earlier question is not ignoring the new one (`_answers_another`).
SERVING = ("empathy", "apology", "next_step", "clarifying_question", "escalation")
# Faults of conduct: a sentence found with one meets no checkpoint, by cue, FAQ entry, behaviour or
# meaning (the step is not done by words the report faults). A wrong name, an unexplained term or an
# unanswered question are faults of the reply, not of the step's own words, and leave a cue credit.
CONDUCT_FAULTS = ("rude", "blame", "absolute_promise", "personal_data")


def _figure_units(cues: Sequence[str]) -> frozenset[str]:
    """The units of the figures a step or question asks for, when every cue is one (15日 / 15天 / 十五天: 告知投诉
    处理时限; 满2年 / 满两年), else none: such a step is told by saying the figure."""
    found = [quantities(cue) for cue in cues]
    return frozenset(q.unit for f in found for q in f) if found and all(found) else frozenset()


def _saying(texts: Sequence[str], cues: Sequence[str]) -> list[str]:
    """The texts that say one of `cues` (as a trainee would say it: `spoken_forms`)."""
    return [t for t in texts if spoken_forms(t, cues)]


def _says_a_figure(sentence: str, units: frozenset[str]) -> bool:
    """The sentence says a figure in one of `units` (any sentence does when there are none)."""
    return not units or any(q.unit in units for q in quantities(sentence))


def _same_words(first: Finding, second: Finding) -> bool:
    """The same judgement on the same words of the same turn (the report would list it twice)."""
    return (first.turn_index, first.rubric, first.ok, first.quote) == (second.turn_index, second.rubric, second.ok, second.quote)


def _with_advice_of(kept: Finding, repeat: Finding) -> Finding:
    """`kept` with `repeat`'s advice added when it says something else (another figure of the sentence)."""
    if repeat.advice in kept.advice:
        return kept
    # the first advice's full stop gives way to the semicolon: “…规则。；“60天”…” / “….; “60 days”…” (qa25)
    return replace(kept, advice=Worded(f"{kept.advice.rstrip('。')}；{repeat.advice}",
                                       f"{english(kept.advice).rstrip('.')}; {english(repeat.advice)}"))


def _faults(evidence: Sequence[Evidence], kinds: Sequence[str] = ()) -> tuple[str, ...]:
    """The quotes of a reply's faults so far (what `_close_to` will not credit by meaning alone), or of
    those of `kinds` only."""
    return tuple(e.quote for e in evidence if not e.ok and e.quote and (not kinds or e.behaviour in kinds))


def _conduct(evidence: Sequence[Evidence]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The quotes of the reply's conduct faults that cost their whole sentence, and of those that cost only
    their own clause (`Evidence.clause_only`: an impatient opener before the right words, judge20)."""
    conduct = [e for e in evidence if not e.ok and e.quote and e.behaviour in CONDUCT_FAULTS]
    return (tuple(e.quote for e in conduct if not e.clause_only), tuple(e.quote for e in conduct if e.clause_only))


def _only_closing(text: str, evidence: Sequence[Evidence]) -> bool:
    """The reply offers to end the call and says nothing else while it is faulted 未回应问题 ("您还有别的事吗" over her
    question about the illustration, qa18): a brush-off, no 礼貌结束 — the report credited and faulted the same words
    (judge16's rule against that). A reply that says more before its close keeps it: the 未回应问题 may be the judge
    missing an answer in other words, and the close is still polite (docs/benchmarks.md, judge36b: denying every
    close while a question was open cost a held-out good call its target)."""
    if not any(e.behaviour == "ignored_question" for e in evidence) or any(
            e.ok and e.behaviour != "closing" for e in evidence):
        return False
    closings = [e.quote for e in evidence if e.ok and e.behaviour == "closing"]
    return all(any(q in s or s in q for q in closings) or BARE_THANKS.fullmatch(s) for s in sentences(text))


def _praise_of_an_unanswered_reply(item: Evidence, evidence: Sequence[Evidence]) -> bool:
    """A 准确解释 "用客户听得懂的话解释了规则" (the classifier's, naming no entry) on the words faulted 未回应问题: the praise
    says she was explained something, the fault that her question got no answer — polish26's cooling-off call credited
    and faulted "退款一般在申请受理后几个工作日内退回您原来的账户。" (judge16's rule: not both on the same words). The fault
    stands, as her question is still open; the praise goes from the report (the call still reacts to what was said). A
    right figure checked against an entry (“15天”与知识库一致（犹豫期有多长？）) names what it is right about and stays."""
    if not (item.ok and item.behaviour == "explanation" and not item.entry):
        return False
    ignored = [e.quote for e in evidence if not e.ok and e.behaviour == "ignored_question"]
    return any(item.quote in quote or quote in item.quote for quote in ignored)


def _credited_words(quote: str, clause_faults: Sequence[str]) -> str:
    """The words a good finding quotes: past an impatient opener it starts with, which the report faults."""
    return past_clauses(quote, clause_faults) or quote


def _at_the_end(text: str, quote: str) -> bool:
    """The quote is in the reply's end (its last third, at least 30 characters): where a closing closes."""
    last = text.rstrip()[-max(30, len(text.rstrip()) // 3):]
    return quote in last or last in quote


def _polite(text: str, reading: str = "") -> bool:
    """The reply has a polite word of a closing (`POLITE_CLOSE`) or asks "anything else?" — also as its Mandarin
    `reading` says it (您还有么事要问的啵？ reads 还有什么事要问: `ANYTHING_ELSE`)."""
    return any(word in text for word in POLITE_CLOSE) or bool(CLOSING_QUESTION.search(text)) or bool(
        reading and ANYTHING_ELSE.search(reading))


# The words for what a policyholder holds: said of her own policy beside a term of hers (您的保单如果有轻症责任), no term
# to explain to her (`own_words.customers_own_words`).
_WHAT_SHE_HOLDS = ("保单", "保险单", "保险合同", "合同")


def _not_put_right(claims: list[FactClaim], text: str) -> list[FactClaim]:
    """`claims` less each wrong figure the reply puts right itself: a right figure of the same entry after it, with the
    agent saying between them that she was wrong (`retractions.taken_back_between`; qa26 J5)."""
    return [c for c in claims if c.ok or not any(
        r.ok and r.entry == c.entry and r.quantity.start >= c.quantity.end
        and taken_back_between(text, c.quantity.end, r.quantity.start) for r in claims)]


def _thanks_not_closing(text: str, evidence: list[Evidence]) -> list[Evidence]:
    """`evidence` without a "closing" that thanks the customer for her last answer and goes on ("感谢您的配合。
    是的，本次通话全程录音…", the callback-cooperative model's second reply): it is not the call's end, so it
    neither meets the closing checkpoint out of order (顺序错误 beside 礼貌结束 做到 on the same words, judge16)
    nor uses up the one credit of the real closing. A close that opens the reply and runs on to its end
    (`_closes_to_the_end`: "请问您还有其他问题吗？如无，感谢您的来电，祝您生活愉快，再见。", 33 characters, its question
    outside the last 30) is the call's end: it was dropped, and the reply judged 回应空泛 (calls45, a call of its own in
    公文腔)."""
    opening = first_sentence(text)
    return [e for e in evidence if not (e.ok and e.behaviour == "closing" and (
        (e.quote in opening and opening != text.strip() and not _at_the_end(text, e.quote)
         and not _closes_to_the_end(text, e.quote)) or _goes_on_after(text, e.quote)))]


def _closing_at_the_end(text: str, evidence: Sequence[Evidence]) -> Evidence | None:
    """The closing in the reply's last sentence (a "感谢您接听" that opens a callback is not one)."""
    return next((e for e in evidence if e.ok and e.behaviour == "closing"
                 and (_at_the_end(text, e.quote) or _closes_to_the_end(text, e.quote))), None)


def _closes_to_the_end(text: str, quote: str) -> bool:
    """The closing's words open a close that runs on to the reply's end and says goodbye: every later sentence is
    closing talk (a closing cue, a farewell, thanks or a wish). qa19: 小林's "…补交保费和利息申请复效。您看还有其他需要
    我帮忙的吗？没有的话，感谢您的接听，祝您生活愉快，再见。" — the detector quotes the close's first sentence, which
    began just before `_at_the_end`'s last third, so the call went on, and the report credited 礼貌结束 while it listed
    the closing step as missed (通话结果 0)."""
    end = text.find(quote)
    if end < 0:
        return False
    rest = text[end + len(quote):]
    later = [s for s in sentences(rest) if s.strip(_SENTENCE_MARKS)]
    return bool(later) and any(word in rest for word in FAREWELLS) and all(
        any(cue in s for cue in CLOSING_CUES) or any(w in s for w in FAREWELLS) or any(w in s for w in POLITE_CLOSE)
        for s in later)


def _goes_on_after(text: str, quote: str) -> bool:
    """After a closing's words the reply goes on with the call and says no goodbye: a later sentence asks the
    customer something that is no closing question ("好的谢谢。请问投保单上的签名是您本人亲笔签的吗？", qa15), or
    the agent says they go on ("好的谢谢。接下来跟您确认说明书。", `MOVING_ON`, judge24): an acknowledgement before
    the next step, not the call's end. A short reply lies wholly in `_at_the_end`'s last 30 characters, so that
    test alone took it for a closing and the call ended with the checks open."""
    end = text.find(quote)
    if end < 0:
        return False
    end += len(quote)
    if any(word in text[end:] for word in FAREWELLS):
        return False
    start, later = 0, []
    for sentence in sentences(text):
        start = text.find(sentence, start)
        if start >= end:
            later.append(sentence)
        start += len(sentence)
    return bool(MOVING_ON.search(text[end:])) or any(
        re.search(r"[？?]|吗", s) and not any(cue in s for cue in CLOSING_CUES) and not CLOSING_QUESTION.search(s)
        for s in later)


# A figure as a customer says it (5万, 3000块, 8天): with its unit word, so a bare digit never matches inside another.
_SAID_FIGURE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?:万|千|百)?(?:元|块|天|日|年|个月|倍|%|％)?")


@lru_cache(maxsize=64)
def _figure_keys(text: str) -> frozenset:
    """The figures of `text` (what she has said and her case), read once per turn however many entries ask (0.3 ms each)."""
    return frozenset(q.key for q in quantities(text))


def _echoing(text: str, heard: str) -> tuple[str, ...]:
    """The sentences of `text` that repeat a figure of the customer's (`heard`: her lines) — "您提的全额退还再赔5万的
    要求，我没法当场答应您" restates her demand; like her own value in figures in context (`facts`), it states
    no rule, and its closeness to an answer comes from her words (judge19: it met 讲清…现金价值)."""
    figures = {f for f in _SAID_FIGURE.findall(heard) if not f.isdigit() or len(f) > 1}
    if not figures:
        return ()
    return tuple(s for s in sentences(text)
                 if any(re.search(rf"(?<![\d.]){re.escape(f)}(?![\d.])", s) for f in figures))


def _unstated(text: str, evidence: Sequence[Evidence], heard: str = "", entries: Sequence[Entry] = ()) -> tuple[str, ...]:
    """The quotes `_close_to` credits only if they state something of the entry: the faults, the identity
    requests — "麻烦您再说一遍身份证后四位。" is e5-cosine 0.90 from the answers of several entries of a
    lapse scenario and states none of them (judge16: it met 告知可领取现金价值… and answered 凭什么说没就没了) —
    and (judge18) a sentence that only soothes or only introduces the agent: "您爱人生病住院，您一个人前前后后跑，
    真的辛苦了。" met 告知合同的轻症责任, "王女士，我明白您现在急着用钱，心里肯定很烦。" 讲清正常退保退还的是现金价值,
    "您好，我是95519客服。" (cosine 0.91 to the 轻症 answer) 轻症责任 too. A soothing clause in a sentence that
    goes on ("您别着急，犹豫期过后退保…") leaves the rest of the sentence to be judged as before (`_only_soothing`)."""
    introductions = tuple(s for s in sentences(text) if SELF_INTRODUCTION.match(s))
    # every identity request, not only the one the verification finding quotes: in "请问是本人吗？麻烦您说一下身份证
    # 后四位。" the finding quotes the first, and the second met 告知合同的轻症责任 by FAQ meaning (judge20)
    return (_faults(evidence) + _identity_sentences(text) + tuple(e.quote for e in evidence if e.ok and e.behaviour == "verification")
            + _only_soothing(text, evidence, entries) + introductions + _echoing(text, heard))


def _only_soothing(text: str, evidence: Sequence[Evidence], entries: Sequence[Entry]) -> tuple[str, ...]:
    """The sentences that only soothe: they hold a soothing finding's words, and the rest of the sentence states
    nothing of the scenario's entries (no topic term, no figure) — "真的辛苦了，家里有病人还要操心理赔。" — while
    "您别着急，犹豫期过后退保…" goes on with a rule. The rest is read, not the quote's length: judge26's spoken forms
    quote the clause (真的辛苦了，), and the whole-sentence test let the sentence meet 轻症责任 (lead, stop 33)."""
    quotes = [q for e in evidence if e.ok and e.behaviour in SOOTHING and (q := e.quote.strip().rstrip(_SENTENCE_MARKS))]
    found = []
    for sentence in sentences(text):
        held = [q for q in quotes if q in sentence]
        rest = sentence
        for quote in held:
            rest = rest.replace(quote, "")
        if held and not any(states_content(rest, entry) for entry in entries):
            found.append(sentence)
    return tuple(found)


def _identity_sentences(text: str) -> tuple[str, ...]:
    """The sentences that ask for the identity check or say it is done (先核实一下您的身份… / 身份已经核实。): they
    answer none of the customer's questions, whatever words they share with an answer's cues (judge31: 核实 answered
    "你们根本没通知过我！" and "业务员骗我的事，你们公司管不管？" before she said them)."""
    return tuple(s for s in sentences(text) if about_the_check(s))


def _not_asking_the_wrong_person(text: str, evidence: list[Evidence], named: WrongName) -> list[Evidence]:
    """`evidence` without the identity check that asks someone else who they are ("请问是张先生本人吗？"),
    nor the same question taken as one about the case: the customer can only say "你叫错了", so no identity
    is checked (the verification checkpoint stays open, no identity answer) and 称呼错误 is the finding.
    A check that asks for a detail only the customer can give (身份证后四位) stays one, whatever the name:
    its advice says so, and that the name was wrong (judge16)."""
    wrong = [e.quote for e in evidence if e.behaviour == "verification" and addresses_the_wrong_person(text, e.quote, named)]
    kept = [e for e in evidence if not (e.behaviour in ("verification", "clarifying_question")
                                        and any(e.quote in q or q in e.quote for q in wrong))]
    return [replace(e, advice=_identified_despite(named.said))
            if e.ok and e.behaviour == "verification" and detail_asked(e.quote) else e for e in kept]


def _identified_despite(said: str) -> Worded:
    """A detail asked for identifies whoever answers: the check counts, the name is its own lesson."""
    return Worded(f"请客户自己报出身份信息，核实了身份：客户的回答能确认是本人。但称呼叫成了“{said}”，见“称呼错误”。",
                  f"Asking the customer to state an identifying detail checks who they are: their answer confirms it. "
                  f"But you called them “{said}”: see “Wrong name”.")


def _missed_checkpoint(checkpoint: Checkpoint, wrong: WrongFigure | None = None) -> Worded:
    """A step not done; one a wrong figure kept from being credited says which figure and the rule (polish29)."""
    missed = STEP_NOT_DONE.of(checkpoint)
    if wrong is None:
        return missed
    why = wrong.why_not_credited()
    return Worded(f"{missed}——{why}", f"{english(missed)} — {english(why)}")


# How the report names a question of hers still open at the end: never answered, or answered with a wrong figure of its
# entry (数据错误 at that turn) and not put right since — "未回答" read as "you said nothing" to a trainee who had answered
# (polish27). Both keep the form "<words>：<her question>" (`open_question`).
NOT_ANSWERED = Worded("未回答客户问题", "Customer's question not answered")
ANSWERED_WRONGLY = Worded("客户的问题答错了，还没有纠正", "Customer's question answered wrongly, not yet put right")


# A reply that says it checks who she is (核实一下您的身份 / 核对身份信息): she answers with her digits too.
IDENTITY_CHECK = re.compile(r"(核实|核对|验证|确认)[^，,。！？!?]{0,4}身份")
# A step's sentence that asks her something (…签名是您本人亲笔签的吗？): it ends as a question.
_ENDS_ASKING = re.compile(r"([？?]|[吗呢么]|没有|对吧|是吧|对不对|是不是)$")


def _question_to_her(text: str, evidence: Sequence[Evidence], other: Sequence[str]) -> str:
    """The last question of the reply that asks her something, the one she answers: a clarifying question, a teach-back
    (这些我讲清楚了没有？) or the closing clause of a step's sentence that asks (…那个签名是你自己亲手签的吗). qa25 / qa26:
    …录音录像了，对吧？这些我讲清楚了没有？ was answered as the 对吧 fact, and 签名是你自己亲手签的吗 (a step, no clarifying
    question) with 行，我知道了。 A question that is the identity check or the closing (`other`) is not hers to answer."""
    asked = [e.quote for e in evidence if e.ok and e.behaviour == "clarifying_question"]
    asked += [words for s in sentences(text) if (words := asked_in(s, "understanding"))]
    for quote in (e.quote for e in evidence if e.ok and e.behaviour == "checkpoint"):
        clauses = re.split(r"(?<=[，,])", quote.strip().rstrip("。！!…~～ "))
        closing_clause = "".join(clauses[-2:]) if len(clauses) > 1 and checks_back(clauses[-1]) else clauses[-1]
        if _ENDS_ASKING.search(closing_clause):  # a bare tag (对吧？) with the clause it checks
            asked.append(closing_clause.strip())
    asked = [q for q in asked if q and q in text and not any(q in v or v in q for v in other)]
    return max(asked, key=lambda q: text.rfind(q) + len(q), default="")


def _open_question(follow_up: FollowUp, wrongly: bool) -> Worded:
    """The report's line for a question of hers still open: not answered, or answered wrongly."""
    words = ANSWERED_WRONGLY if wrongly else NOT_ANSWERED
    return Worded(f"{words}：{follow_up.ask}", f"{english(words)}: {follow_up.ask}")


def open_question(point: str) -> str:
    """The customer's question a report's open point names (`_open_question`), or "" for a point of another kind."""
    words, _, asked = str(point).partition("：")
    return asked if words in (NOT_ANSWERED, ANSWERED_WRONGLY) else ""


@dataclass(frozen=True)
class CustomerTurn:
    text: str
    mood: int
    done: bool
    band: str = "calm"
    outcome: str = "in_progress"
    hints: tuple[str, ...] = ()
    turn_index: int = 0


@dataclass
class _State:
    turn: int = 0
    started: bool = False
    outcome: str = "in_progress"
    verified: bool = False
    pending: FollowUp | None = None
    asked: set[str] = field(default_factory=set)
    answered: set[str] = field(default_factory=set)
    answered_wrongly: set[str] = field(default_factory=set)  # questions answered with a wrong figure, not answered since
    wrong_figures: dict[str, WrongFigure] = field(default_factory=dict)  # entry → its last wrong figure, not put right since
    corrected: int = 0  # wrong figures put right in the very next reply (`_note_figure_put_right`)
    done: dict[str, int] = field(default_factory=dict)
    explained_terms: set[str] = field(default_factory=set)
    reported: set[str] = field(default_factory=set)
    told: bool = True  # the customer knows what the call is about (False until an outbound call's agent says it)
    angry_turns: int = 0
    mood_moves: list[tuple[tuple[str, int], ...]] = field(default_factory=list)
    points: list[CallPoint] = field(default_factory=list)  # where the call stood before each reply
    # per reply: the faults of it the customer's next line reacted to (我失业了又不是我想的！ to blaming), else ()
    reacted_to: list[tuple[str, ...]] = field(default_factory=list)


class DialogueSession:
    """One simulated call. `start()`, then `reply(text)` until `done`, then `report()`."""

    def __init__(self, scenario: Scenario, kb: FactBook, seed: int = 0, mode: str = "training",
                 judge: MeaningJudge | None = None, placing: bool = True) -> None:
        """`judge` adds recognition by meaning; without it only the cue rules judge (a light set-up for tools).
        `placing` False: the model call itself, played to place a trainee's replies (`model_call`), places none."""
        if mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
        missing = [i for i in scenario.entry_ids() if i not in kb.content.entries]
        if missing:
            raise ValueError(f"scenario '{scenario.id}' refers to FAQ entries missing from the knowledge base: {', '.join(missing)}")
        self.scenario = scenario
        self.mode = mode
        self.kb = kb
        self.placing = placing
        self.entries = {i: kb.entry(i) for i in scenario.entry_ids()}
        self.detectors = Detectors(kb.content.forbidden_phrases, typos=typo_reading_for(kb.content),
                                   scripted_codes=scripted_codes(e.script for e in kb.content.entries.values()))
        self.model_lines = ModelLines(scenario.model_answers, self.detectors, topic_cues(scenario))
        self.judge = judge
        # What a reply must come close to in meaning to answer an entry's question: its sentences that
        # state something, not the script's service phrases.
        self._references = {i: [s for s in reference_sentences(e.answer, e.script) if states_content(s, e)]
                            for i, e in self.entries.items()}
        # A question is also answered close to its entry's sentences that say one of its own cues — the scenario names
        # by them what answers it — though they hold no topic term (polish26: "需要准备的材料有：保险合同…身份证件…银行账户
        # 信息。" for 要带什么东西？); as they state no term, a reply sentence must state one to count (`_answer_quote`).
        self._cue_references = {f.id: [r for r in _saying(reference_sentences(self.entries[f.entry].answer,
                                                                               self.entries[f.entry].script), f.cues)
                                       if r not in self._references[f.entry]]
                                for f in scenario.lines.follow_ups}
        # What a reply sentence must come close to in meaning to meet a checkpoint in other words.
        self._checkpoint_texts = {c.id: r for c in scenario.checkpoints
                                  if (r := checkpoint_references(c, scenario.model_answers, self.entries))}
        self.facts = FactChecker(scenario.case_facts, self.entries, self._customer_text(), ForeignTerms(
            kb.content.glossary, kb.content.entries.values(), self.entries))
        self.mood = MoodModel(scenario.mood, scenario.triggers)
        self.rng = random.Random(seed)
        self.voice = CustomerVoice(scenario.lines, scenario.persona.name, scenario.persona.facts, self.rng,
                                   called=scenario.kind.startswith("outbound"))
        self.transcript: list[Utterance] = []
        self.findings: list[Finding] = []
        self.state = _State(told=not (scenario.kind.startswith("outbound") and ASKS_WHAT_FOR.search(scenario.lines.opening)))

    def _customer_text(self) -> str:
        """Everything the customer knows or says: their own figures are never judged as facts."""
        persona, lines = self.scenario.persona, self.scenario.lines
        texts = [persona.description, *persona.facts.values(), lines.opening, *lines.pushback,
                 *(line for band in lines.bands.values() for line in band), *(f.ask for f in lines.follow_ups),
                 lines.verification_answer, lines.verification_refusal, *lines.softened, *lines.unknown]
        return "\n".join(texts)

    # ------------------------------------------------------------------ the call

    @property
    def done(self) -> bool:
        return self.state.outcome != "in_progress"

    def start(self) -> CustomerTurn:
        """The customer's opening line."""
        if self.state.started:
            raise RuntimeError("the call has already started")
        self.state.started = True
        return self._say(self.voice.end(self.scenario.lines.opening), ())

    def reply(self, text: str) -> CustomerTurn:
        """Analyse the agent's reply and return the customer's next line (cut to MAX_REPLY_CHARS)."""
        text = without_surrogates(text)[:MAX_REPLY_CHARS].strip()
        if not text:
            raise ValueError("the reply is empty")
        if not self.state.started:
            raise RuntimeError("call start() first")
        if self.done:
            raise RuntimeError(f"the call has ended ({self.state.outcome})")
        state = self.state
        state.points.append(self.point())
        state.turn += 1
        self.transcript.append(Utterance("agent", text, self.mood.value, state.turn))
        previous_line = next((u.text for u in reversed(self.transcript) if u.speaker == "customer"), "")

        progress_before = len(state.done) + len(state.answered)
        met_before = set(state.done) | state.answered
        informing_before = self._informing_progress()
        wrong_last_time = {e: w for e, w in state.wrong_figures.items() if w.turn == state.turn - 1}
        evidence = self._analyse(text, previous_line)
        progressed = len(state.done) + len(state.answered) > progress_before
        informed = self._informing_progress() > informing_before
        if not state.told and (informed or any(word in text for word in self._case_words)):
            self._told_now(text)
        mood_before = self.mood.value
        reactions = self.mood.react((e.behaviour for e in evidence),
                                    ("verification",) if EXPLAINS_THE_CHECK.search(text) else ())
        state.mood_moves.append(tuple((r.behaviour, r.delta) for r in reactions if r.delta))
        state.reacted_to.append(())
        evidence = self._with_better_wording(evidence)
        self._record(evidence, text)
        self._note_retraction(text)
        self._note_figure_put_right(text, wrong_last_time)

        verification = ""
        if any(e.behaviour == "verification" for e in evidence) and not state.verified:
            persona = self.scenario.persona
            verification = self.scenario.lines.verification_answer if persona.verifies else self.scenario.lines.verification_refusal
            state.verified = persona.verifies
        closing = self._closing(text, evidence)
        state.outcome = self._outcome(mood_before, progressed)
        if not self.done and closing and not self._more_to_ask(text, closing):
            state.outcome = "closed_open" if self.open_points() else "resolved"
        if self.done:
            return self._say(self.voice.end(self._end_line()), evidence)
        waiting = self._question_waiting()
        question = self._next_question()
        if closing and question:
            return self._say(self.voice.more_questions(question), evidence)
        calmed = self.scenario.mood.band(mood_before) != "calm" and self.mood.value < mood_before
        act = self._act(text, evidence, reactions, bool(verification), calmed)
        state.reacted_to[-1] = act.faults if act.faulted else ()
        if closing:  # "anything else?" with a question still unanswered: the customer presses it
            act = replace(act, question="", pushed_back=True)
        settled = frozenset(state.answered | set(state.done) | ({state.pending.id} if question and state.pending else set()))
        all_said = not waiting and not question and all(c.id in state.done or c.behaviour == "closing"
                                                        for c in self.scenario.checkpoints)
        had = frozenset(state.done) | frozenset(state.answered)
        reply_did = (had - met_before) | {e.behaviour for e in evidence if e.ok}
        return self._say(self.voice.respond(act, self.mood.band, verification, question, settled, waiting, all_said,
                                            informed, state.told, self._asks_a_detail(text, evidence), reply_did, had),
                         evidence)

    def point(self) -> CallPoint:
        """Where the call stands for the next reply: the checkpoints met, the questions answered, and the
        customer's question still waiting for an answer (what `model_call` places a reply by)."""
        state = self.state
        waiting = state.pending.id if state.pending is not None and state.pending.id not in state.answered else ""
        return CallPoint(frozenset(state.done), frozenset(state.answered), waiting)

    def _question_waiting(self) -> bool:
        """A question of the customer's is still unanswered: her last follow-up, or her opening question
        before any follow-up was asked or answered. Only then may she say "我问的你还没回答呢" (judge20)."""
        state = self.state
        if state.pending is not None:
            return state.pending.id not in state.answered
        opening = self.scenario.lines.opening
        if WHO_IS_CALLING.search(opening) and any(SELF_INTRODUCTION.match(s) for u in self.transcript
                                                  if u.speaker == "agent" for s in sentences(u.text)):
            return False
        return not state.asked and not state.answered and bool(re.search(r"[？?]|[吗呢][。！!]?$", opening))

    def _end_line(self) -> str:
        if self.state.outcome == "closed_open":
            still_open = self._open_questions()
            if not still_open:
                return ANSWERED_BUT_OPEN  # the scenario's line says her question is still open (judge16)
            pending = self.state.pending  # the one she asked last, else the first still open
            return unfinished_line(self.scenario.lines, pending if pending in still_open else still_open[0],
                                   *self._what_the_call_had())
        return end_line(self.scenario.lines, self.state.outcome, *self._what_the_call_had())

    def _what_the_call_had(self) -> tuple[str, frozenset[str], Reader]:
        """All the trainee said, the steps met and questions answered, and how the judge reads her words: what her last
        line may tell of (`end_lines`)."""
        said = "\n".join(u.text for u in self.transcript if u.speaker == "agent")
        return said, frozenset(self.state.done) | frozenset(self.state.answered), self.detectors.reading

    def _next_question(self) -> str:
        """The customer's next question when the last one is answered (each asked once), else ""."""
        state = self.state
        if state.pending is not None and state.pending.id not in state.answered:
            return ""
        state.pending = next_follow_up(self._askable(), state.asked, set(state.done))
        if state.pending is None:
            return ""
        state.asked.add(state.pending.id)
        return state.pending.ask

    def _closing(self, text: str, evidence: list[Evidence]) -> Evidence | None:
        """A closing in the reply's last sentence (a "感谢您接听" that opens a callback is not one)."""
        if self.state.turn < 2:
            return None
        return _closing_at_the_end(text, evidence)

    def _polite_close(self, text: str, evidence: list[Evidence]) -> bool:
        """The reply ends with a closing said with thanks, a wish or "anything else?": the closing step. A bare
        再见 meets no checkpoint."""
        return _closing_at_the_end(text, evidence) is not None and _polite(text, self.detectors.reading(text).text)

    def _more_to_ask(self, text: str, closing: Evidence) -> bool:
        """The trainee asked "anything else?" and the customer still has a question: the call goes on."""
        if any(word in text for word in FAREWELLS) or not any(mark in closing.quote for mark in ("？", "?", "吗")):
            return False
        state = self.state
        if state.pending is not None and state.pending.id not in state.answered:
            return True
        return next_follow_up(self._askable(), state.asked, set(state.done)) is not None

    def _informing_progress(self) -> int:
        """The questions answered and the steps met that tell the customer something (not the identity check, the
        closing or a soothing word): a reply that adds one has informed her."""
        steps = {c.id for c in self.scenario.checkpoints if c.cues or c.entries}
        return len(self.state.answered) + len(steps & set(self.state.done))

    @cached_property
    def _case_words(self) -> tuple[str, ...]:
        """Words that tell what the call is about: the case's figure topics and the cues of its steps and questions."""
        scenario = self.scenario
        return tuple(dict.fromkeys([*(t for f in scenario.case_facts for t in f.terms),
                                    *(c for p in scenario.checkpoints for c in p.cues),
                                    *(c for f in scenario.lines.follow_ups for c in f.cues)]))

    def _told_now(self, text: str) -> None:
        """The reply tells her what the call is about: her questions it answers as it tells her (什么叫中止？ by 效力中止，
        就是合同还在、保障暂停了) she has no need to ask — the judge finds them by meaning, the cues find them here."""
        held = [f for f in self.scenario.lines.follow_ups if f not in self._askable()]
        self.state.told = True
        for follow_up in held:
            if follow_up.id not in self.state.asked and any(cue in text for cue in follow_up.cues):
                self.state.answered.add(follow_up.id)
                self.state.asked.add(follow_up.id)

    def _askable(self) -> list[FollowUp]:
        """The customer's questions she can ask now: until she is told what the call is about, none that names the
        case (什么叫中止？ / 那我要怎么恢复？ on a lapse notice whose agent has only said hello; qa25 C1)."""
        follow_ups = self.scenario.lines.follow_ups
        if self.state.told:
            return list(follow_ups)
        topics = [t for f in self.scenario.case_facts for t in f.terms]
        return [f for f in follow_ups if not any(t in f.ask for t in topics)]

    @staticmethod
    def _asks_a_detail(text: str, evidence: list[Evidence]) -> bool:
        """The reply checks who she is by a detail only she can say (身份证后四位, 出生日期…) or says it checks her
        identity (核实一下您的身份): she gives her digits. "请问您是投保人本人吗" asks for none (qa26 C1)."""
        return any(e.behaviour == "verification" for e in evidence) and (
            IDENTITY_CHECK.search(text) is not None or any(detail_asked(s) for s in sentences(text)))

    def _act(self, text: str, evidence: list[Evidence], reactions: list[Reaction], verification: bool,
             calmed: bool = False) -> TurnAct:
        """What the customer's line answers. `calmed`: the reply brought her mood down from upset or angry."""
        faults = [r for r in reactions if r.delta > 0 and r.behaviour not in ("ignored_question", "vague", "wrong_name")]
        verifying = [e.quote for e in evidence if e.behaviour == "verification"]
        # An apology in a reply that asks who she is (唔好意思要先核对下身份，麻烦讲下…) is the courtesy of the request: she
        # answers the request, not with 你这么说我心里踏实点了 as if reassured (qa30 C1). Empathy still soothes.
        courtesy = ("apology",) if verifying else ()
        soothing = next((r for r in reactions if r.delta <= 0 and r.say and r.behaviour not in courtesy), None)
        other = verifying + [e.quote for e in evidence if e.behaviour == "closing"]
        question = _question_to_her(text, evidence, other)
        if not question and self.voice.called:  # "请问有什么可以帮您？" on a call she received, however it was read
            question = next((s for s in sentences(text) if OFFER_OF_HELP.search(s)), "")
        named = next((e for e in evidence if e.behaviour == "wrong_name"), None)
        return TurnAct(
            fault_line=next((r.say for r in faults if r.say), ""),
            faulted=bool(faults),
            faults=tuple(dict.fromkeys(r.behaviour for r in faults)),
            pushed_back=any(e.behaviour in ("ignored_question", "vague") for e in evidence),
            soothing_line=soothing.say if soothing else "",
            soothed=soothing is not None or any(e.ok and e.behaviour in SOOTHING and e.behaviour not in courtesy
                                                for e in evidence),
            calmed=calmed,
            question=question,
            verification=verification or bool(verifying),
            wrong_name=self._wrong_name(text) if named else None,
        )

    def open_points(self) -> list[str]:
        """What the customer is still left with: questions asked and not answered, steps not done, her anger.

        A mood above calm but below angry is no open point: a call that did every step and answered every question
        she asked, closed politely, is resolved though she is not yet calm — it was "已结束，仍有未解决的问题" with
        nothing unresolved in the report (the mood is no question), scored 80. Still angry at the close is one."""
        state = self.state
        points = [_open_question(f, f.id in state.answered_wrongly) for f in self._open_questions()]
        points += [_missed_checkpoint(c, self._wrong_figure_of(c)) for c in self.scenario.checkpoints if c.id not in state.done]
        if self.mood.value >= self.scenario.mood.angry:
            points.append(Worded(f"客户还在气头上（{self.mood.value} / 100）",
                                 f"The customer is still angry ({self.mood.value} / 100)"))
        return points

    def _wrong_figure_of(self, checkpoint: Checkpoint) -> WrongFigure | None:
        """The wrong figure, not put right since, about one of the step's entries: what kept the step from being
        credited (`_checkpoints` credits no step about an entry whose figure the reply got wrong)."""
        return next((self.state.wrong_figures[e] for e in checkpoint.entries if e in self.state.wrong_figures), None)

    def _open_questions(self) -> list[FollowUp]:
        """Her questions asked and not answered, in the scenario's order."""
        state = self.state
        return [f for f in self.scenario.lines.follow_ups if f.id in state.asked and f.id not in state.answered]

    def replay(self, replies: list[str], slow_replies: dict[int, float] | None = None) -> list[CustomerTurn]:
        """Start the call and give it `replies` in order, as far as the call goes: every customer turn.
        `slow_replies` (turn → seconds taken) are the exam's late replies, noted again on their turns.

        With the same scenario, seed and judge this rebuilds a saved call exactly (a page reload)."""
        turns = [self.start()]
        for text in replies:
            if self.done:
                break
            turn = self.reply(text)
            if slow_replies and turn.turn_index in slow_replies:
                turn = self.late_reply(turn, slow_replies[turn.turn_index])
            turns.append(turn)
        return turns

    def end_call(self) -> None:
        """The trainee ends the call before it reached an end state: scored as unresolved."""
        if not self.state.started:
            raise RuntimeError("call start() first")
        if not self.done:
            self.state.outcome = "agent_ended"

    def note_slow_reply(self, seconds: float, limit: int) -> None:
        """Exam mode: the last reply came `seconds` after the customer's line, over the scenario's `limit`.

        Reported as a fault of that turn, and the customer's wait in silence raises the mood.
        """
        if self.state.turn == 0:
            raise RuntimeError("no reply to time yet")
        said = next(u.text for u in reversed(self.transcript) if u.speaker == "agent")
        self.mood.wait("slow_reply")
        self.findings.append(Finding(self.state.turn, "slow_reply", False, first_sentence(said),
                                     Worded(f"这一轮用了 {round(seconds)} 秒才回复，超过了本情景每轮 {limit} 秒的限时："
                                            "电话里客户听到的是沉默，先用一句话回应，再组织完整的答复。",
                                            f"This reply took {round(seconds)} s, over this scenario's limit of {limit} s per "
                                            "reply: on the phone the customer hears silence. Answer with one sentence "
                                            "first, then work out the full reply.")))

    def late_reply(self, turn: CustomerTurn, seconds: float) -> CustomerTurn:
        """The reply that produced `turn` took `seconds`, over the scenario's limit: noted
        (note_slow_reply), and the turn as the trainee sees it, with the mood the wait raised."""
        self.note_slow_reply(seconds, self.scenario.reply_seconds)
        return replace(turn, mood=self.mood.value, band=self.mood.band)

    def _say(self, text: str, evidence: list[Evidence]) -> CustomerTurn:
        self.transcript.append(Utterance("customer", text, self.mood.value, self.state.turn))
        hints = self._hints(evidence) if self.mode == "training" else ()
        return CustomerTurn(text, self.mood.value, self.done, self.mood.band, self.state.outcome, hints, self.state.turn)

    def _outcome(self, mood_before: int, progressed: bool) -> str:
        """How the call stands after a reply. An angry customer escalates after ESCALATE_AFTER turns that
        raise her mood, or hold it and get nowhere; a reply that holds it while doing a step the call needs
        (the identity check the scenario asks first, an answer) is not stalling (judge18: in media-threat a
        polite line judged vague put her at the angry threshold, and the identity request after it
        escalated the call at turn 2)."""
        spec, state, value = self.scenario.mood, self.state, self.mood.value
        if value >= spec.hang_up:
            return "hung_up"
        if value >= spec.angry and (value > mood_before or (value == mood_before and not progressed)):
            state.angry_turns += 1
            if state.angry_turns >= ESCALATE_AFTER:
                return "escalated"
        all_met = len(state.done) == len(self.scenario.checkpoints)
        all_answered = len(state.answered) == len(self.scenario.lines.follow_ups)
        if all_met and all_answered and value <= spec.calm:
            return "resolved"
        if state.turn >= self.scenario.max_turns:
            return "timed_out"
        return "in_progress"

    # ------------------------------------------------------------------ analysis

    def _analyse(self, text: str, previous_line: str) -> list[Evidence]:
        due = self._due_checkpoint()  # what the live hint named before this reply
        reading = self.judge.read(text) if self.judge is not None else None
        evidence, spoken = self.detectors.rule_evidence(text, self.state.explained_terms, judged=reading is not None)
        evidence = without_her_terms(evidence, self._her_policy_words, self._known_terms, self._what_she_holds)  # hers
        if reading is not None:
            evidence = self.judge.confirmed(reading, evidence, spoken)  # weak cue hits the classifier firmly disagrees with
        # a right figure said while saying "I am not sure" explains nothing (a wrong one is still wrong; judge20)
        read = self.detectors.reading(text)
        claims = [c for c in self.facts.check_reading(read) if not (c.ok and unsure(c.sentence))]
        claims = _not_put_right(claims, read.text)  # 7个工作日吧…我说错了，是…15日内: no wrong fact (qa26 J5)
        # "…15个工作日内处理，然后会让…业务员再上门找您补签" tells the rule's deadline of the wrong party: no right rule (qa30 J1)
        claims = [c for c in claims if not (c.ok and c.entry in self.entries and handed_back(
            c.sentence, self._entry_words(c.entry), self.detectors.reading))]
        for claim in claims:
            entry = self.entries.get(claim.entry) or self.kb.entry(claim.entry)  # a foreign term's own (`ForeignTerms`)
            if claim.ok:
                self.state.wrong_figures.pop(claim.entry, None)
                evidence.append(Evidence("explanation", True, claim.sentence.strip(),
                                         Worded(f"“{claim.quantity.text}”与知识库一致（{entry.question}）",
                                                f"“{claim.quantity.text}” matches the knowledge base ({in_english(entry, 'question')})"),
                                         entry=claim.entry))
            else:
                wrong = WrongFigure(self.state.turn, claim.quantity.text, claim.expected, entry.question,
                                    in_english(entry, "question"), rule_sentence(entry_wording(entry), claim.expected))
                self.state.wrong_figures[claim.entry] = wrong
                evidence.append(Evidence(WRONG_FACT, False, claim.sentence.strip(), wrong.advice(),
                                         figure_wording(entry_wording(entry)), claim.entry))
        if not claims:  # a right figure explains already; beside a wrong one the term explains nothing, as for the
            evidence += self._term_explanation(text, previous_line)  # classifier (`_meaning`; judge31: 确诊90天 … 准确解释)
        early = self._status_before_the_check(text)
        evidence += self._personal_data(text) + early
        evidence += pushed_onto_agent(text, self.scenario.goals)  # 不推给业务员 in the goals (qa26 J4)
        evidence += dissuaded(text, self.scenario.goals)  # 不劝阻 / 不阻拦 in the goals (qa26 J7)
        named = self._wrong_name(text)
        if named is not None:
            persona = self.scenario.persona
            evidence.append(Evidence("wrong_name", False, named.quote,
                                     Worded(f"客户是{persona.name}，您称呼成了“{named.said}”。叫错名字会让客户觉得不被重视，"
                                            "回访时还可能找错人：开口前先看清客户姓名，拿不准就先问。",
                                            f"The customer is {persona.name}; you called them “{named.said}”. A wrong name "
                                            "makes customers feel unimportant, and on a callback you may be talking to the "
                                            "wrong person: check the name before you speak, and ask when unsure."),
                                     f"请问是{persona.name}本人吗？"))
        if reading is not None:
            evidence = in_earnest(self._meaning(reading, evidence))
        evidence += self._number_for_the_call_back(text, evidence)
        # the policy's status told before the check explains nothing yet: it was said to whoever answered (qa25 J4)
        evidence = [e for e in evidence if not (e.ok and e.behaviour == "explanation"
                                                and any(f.quote in e.quote or e.quote in f.quote for f in early))]
        if named is not None:
            evidence = _not_asking_the_wrong_person(text, evidence, named)
        evidence += self._anything_else(text, evidence)
        evidence = _thanks_not_closing(text, evidence)
        acknowledging = self._acknowledging(text)
        if acknowledging:
            evidence = [e for e in evidence if not (e.ok and e.behaviour == "closing")]
        silent = silent_sentences(text)  # 准确解释 is not credited to "我也不是很确定…" nor to a plain question (qa14)
        # …nor to a question's own clause after a long lead-in (您上礼拜在银行买的金福分红两全，当时是不是做了录音录像？ — qa25 J8:
        # 讲到了“录音录像” on the question that asks it)
        evidence = [e for e in evidence if not (e.ok and e.behaviour == "explanation"
                                                and (within(e.quote, silent) or asks_only(e.quote)))]
        wrong_entries = {c.entry for c in claims if not c.ok}
        evidence += self._pending_question(text, claims, wrong_entries, reading, evidence)
        self._answered_early(text, claims, wrong_entries, reading, self._unstated(text, evidence))
        evidence += self._checkpoints(text, evidence, wrong_entries, reading)
        evidence = self._no_vague_where_answered(text, evidence)
        if self._did_the_due_step(due, evidence):
            evidence = [e for e in evidence if e.behaviour != "ignored_question"]
        if self._introducing(text) or self._checking_identity_first(evidence):
            evidence = [e for e in evidence if e.behaviour != "vague"]
        elif not any(e.ok for e in evidence) and not any(e.behaviour not in ("jargon", "vague") for e in evidence) \
                and not any(e.behaviour == "vague" for e in evidence) and not acknowledging \
                and not self._asks_anything_else(first_sentence(text)) and not self._leaves_the_choice(text):
            evidence.append(Evidence("vague", False, first_sentence(text),
                                     Worded("这句话没有回应客户，也没有推进通话：先回应情绪，再解释或给出下一步。",
                                            "This reply neither answered the customer nor moved the call on: respond to "
                                            "their feelings first, then explain or give the next step.")))
        return evidence

    def _anything_else(self, text: str, evidence: Sequence[Evidence]) -> list[Evidence]:
        """A closing for "anything else?" asked in words no cue lists (`ANYTHING_ELSE`, on the Mandarin reading), when
        neither the rules nor the classifier found one: the trainee checks she has nothing more, as the close asks —
        not a reply that says nothing (回应空泛). The quote is the trainee's sentence as typed."""
        if any(e.behaviour == "closing" for e in evidence):
            return []
        reading = self.detectors.reading(text)
        found = ANYTHING_ELSE.search(reading.text)
        if found is None:
            return []
        said = reading.said_span(found.start(), found.end())
        start = text.find(said)
        return [Evidence("closing", True, sentence_at(text, start, start + len(said)) if start >= 0 else said,
                         ADVICE["closing"])]

    def _leaves_the_choice(self, text: str) -> bool:
        """The reply leaves the decision to her (`defers_choice`, read as Mandarin): said again once the step is met —
        Emma's 要不要交、用哪个办法，完全由你自己决定，我们尊重你的选择。 after the customer's 我失业了又不是我想的！ (qa23 T3) —
        it still respects her choice, no reply that says nothing (回应空泛)."""
        return any(defers_choice(s) for s in sentences(self.detectors.reading(text).text))

    def _asks_anything_else(self, sentence: str) -> bool:
        """The sentence asks "anything else?" (`ANYTHING_ELSE`, read as Mandarin): the close's question, never a vague
        reply, though the reply goes on after it (还有撒别的问题么？身体是大事，您先好好养着 — cw3-h: the close is not yet the
        call's end, `_thanks_not_closing`, and the fallback judged the question 回应空泛)."""
        return bool(ANYTHING_ELSE.search(self.detectors.reading(sentence).text))

    def _no_vague_where_answered(self, text: str, evidence: list[Evidence]) -> list[Evidence]:
        """`evidence` without a 回应空泛 in a sentence that answers her question or meets a step: it carries what she
        asked (`meaning_findings` keeps a vague clause apart from a credit only by their quotes). qa19: 阿珍's
        "说明书上那些数字是举个例子，是假设的情况，…，不代表以后真的能拿到那么多。" answered 那说明书上印的那些分红数字是
        什么意思？ (回答客户问题 on 是假设的情况) and was faulted 回应空泛 on its last clause, the model answer's own words."""
        carried = {self._sentence_of(text, e.quote) for e in evidence if e.ok and e.behaviour in ("answer", "checkpoint")}
        return [e for e in evidence if not (e.behaviour == "vague" and self._sentence_of(text, e.quote) in carried)]

    def _checking_identity_first(self, evidence: Sequence[Evidence]) -> bool:
        """The reply does the identity check this very turn, the scenario's step before the policy is discussed, with no
        conduct fault: a sentence beside it that asks her to wait for the check (这个办法是有的，您别急。我先跟您核对下身份哈…)
        says what may be said before it — no vague reply. qa25 J5: its *Better wording* was the model's identity check,
        what Mei did in the same reply (like `_verifying_first`, which keeps her question open for the check)."""
        return any(c.behaviour == "verification" and self.state.done.get(c.id) == self.state.turn
                   for c in self.scenario.checkpoints) and not _conduct(evidence)[0]

    def _introducing(self, text: str) -> bool:
        """In a call the company made (outbound), the agent saying who she is (您好，我是客服小王) or why she calls
        (想就您上周投保的保单做个回访): what she must say first, not a vague reply — the classifier read both so
        (judge31) and the customer answered 你说的我没听明白 to a greeting."""
        return self.scenario.kind.startswith("outbound") and (
            any(SELF_INTRODUCTION.match(s) for s in sentences(text)) or bool(CALL_PURPOSE.search(text)))

    def _acknowledging(self, text: str) -> bool:
        """The reply only thanks the customer ("好的谢谢。") in an outbound call (a callback, a reminder: the agent
        leads it) with steps still to do: the agent acknowledging her answer before the next step, not the call's
        end — it ended callback-cooperative at turn 3 with five checks open (judge24's "found and left")."""
        if not (self.scenario.kind.startswith("outbound") and BARE_THANKS.fullmatch(text)
                and re.search("谢|感谢", text)):
            return False
        return any(c.id not in self.state.done for c in self.scenario.checkpoints if c.behaviour != "closing")

    def _unstated(self, text: str, evidence: Sequence[Evidence]) -> tuple[str, ...]:
        """`_unstated` for this call: what the customer said, the scenario's entries."""
        return _unstated(text, evidence, self._heard, tuple(self.entries.values()))

    @cached_property
    def _known_terms(self) -> tuple[str, ...]:
        """The terms a jargon finding's clause is read for (`own_words`)."""
        return known_terms(self.kb.content.glossary, self.detectors.jargon_terms, self.entries.values())

    @property
    def _heard(self) -> str:
        """Everything the customer has said so far."""
        return "\n".join(u.text for u in self.transcript if u.speaker == "customer")

    @property
    def _her_policy_words(self) -> str:
        """What she has said and her policy's name: a term her product is named with (康宁重大疾病保险（…含轻症责任）) is her
        contract's own word — the entries' scripts, shown as lessons, say 您的保单如果有轻症责任 and drew 术语未解释 (judge53b)."""
        return "\n".join((self._heard, self.scenario.persona.facts.get("product", "")))

    @property
    def _what_she_holds(self) -> tuple[str, ...]:
        """The words for her policy (`_WHAT_SHE_HOLDS`) when the case names her product."""
        return _WHAT_SHE_HOLDS if self.scenario.persona.facts.get("product") else ()

    @property
    def _her_words(self) -> str:
        """What she has said and what her case holds (the persona's facts: her product, what she paid), which a trainee
        may read back to her (`past_her_words`)."""
        return "\n".join((self._heard, *self.scenario.persona.facts.values()))

    def _meaning(self, reading: Reading, evidence: list[Evidence]) -> list[Evidence]:
        """`evidence` with what the classifier sees that the rules did not: quoted from the sentence or clause
        that shows it."""
        skip = set()
        if any(not e.ok and e.behaviour == "wrong_fact" for e in evidence):
            skip.add("explanation")  # a wrong figure is not explained well, whatever the tone
        if "jargon" in self.state.reported:
            skip.add("jargon")  # like the term rules: an unexplained term is one lesson per call
        found = meaning_findings(self.judge, reading, [e for e in evidence if not e.clause_only], skip)
        found = without_her_terms(found, self._her_policy_words, self._known_terms,  # 重疾 after her 怎么就不算重疾？
                                  self._what_she_holds)
        if self.state.verified:  # the premium said back to the confirmed policyholder (judge38c)
            found = [e for e in found if not (e.behaviour == "personal_data" and policy_figures_only(e.quote))]
        if any(e.behaviour == "jargon" for e in found):
            self.state.reported.add("jargon")
        return self._past_openers(reading.text, evidence, found)

    def _past_openers(self, text: str, evidence: list[Evidence], found: list[Evidence]) -> list[Evidence]:
        """`evidence` and the classifier's `found`, with each impatient opener's sentence read past the opener.

        The opener (`Evidence.clause_only`) costs its own clause, unless the rest of its sentence is rude too:
        "行了行了，这个要求我没法答应您，爱找谁找谁。" is at fault whole (judge16's choice), and the opener dilutes the
        rest for the classifier (别打岔，您到柜台办，别在电话里跟我磨叽。 0.85 < 0.851; without it 0.93), so the rest
        is read on its own (one short encoding, only when an opener was said; judge20)."""
        openers = [e.quote for e in evidence if e.clause_only]
        found = [e for e in found if not (e.behaviour == "rude" and e.quote in openers)]  # the opener again
        rude_sentences = {self._sentence_of(text, e.quote) for e in found if e.behaviour == "rude"}
        for sentence in dict.fromkeys(self._sentence_of(text, q) for q in openers):
            rest = past_clauses(sentence, openers)
            if sentence in rude_sentences or not rest.strip(_SENTENCE_MARKS) or rest not in text:
                continue
            others = set(self.judge.classifier.behaviours) - {"rude"}
            rude = self.judge.findings(self.judge.read(rest), others)
            found += rude
            rude_sentences |= {sentence} if rude else set()
        kept = [replace(e, clause_only=False) if e.clause_only and self._sentence_of(text, e.quote) in rude_sentences else e
                for e in evidence]
        return kept + found

    @staticmethod
    def _sentence_of(text: str, quote: str) -> str:
        """The sentence of `text` that holds `quote` (the quote when it is not found; `quote_sentence`)."""
        return quote_sentence(text, quote)

    def _close_to(self, reading: Reading | None, entry_id: str, faults: Sequence[str] = (),
                  elsewhere: Sequence[str] = (), units: frozenset[str] = frozenset(),
                  facts: bool = False, own: Sequence[str] | None = None) -> str | None:
        """The reply sentence that says what the entry's answer says, if one is close enough in meaning. The answer's
        sentences holding a cue of `elsewhere` (another step's) are that step's: not what this one is met by. A step or
        question that asks for a figure (`units`, `_figure_units`) is met only by a sentence saying one: "我给您登记投诉，
        由专门人员核实处理。" is e5-cosine 0.94 to the deadline entry's "…登记并提交，公司会在…15日内给您处理结果" and
        met 告知投诉处理时限 without a time (qa18's call). `own`: other references of the entry than its own (a
        question's `_cue_references`).

        A sentence found at fault (`faults`: the quotes of this reply's faults, its identity request, a line
        that soothes or a self-introduction: `_unstated`) counts only if it says
        something of the entry, a topic term or a figure, as the references must: "你冷静点，这是规定，
        我也没办法。" is about as close to every rule's answer and explains none. For a step about facts (`facts`:
        `about_facts`, 讲清宽限期（一般60日）…) every sentence must, as `meeting_sentence` asks: qa20's "不是光催恁，俺是跟恁
        说说保单的事儿。" met the grace-period step with no term and no figure of it."""
        own = self._references.get(entry_id, []) if own is None else own
        if reading is None or not own:
            return None
        entry = self.entries[entry_id]

        silent = silent_sentences(reading.text)  # "我也不是很确定，…好像是要看肌钙蛋白…" states no answer (judge20)
        her_figures = _figure_keys(self._her_words)

        def credible(sentence: str) -> bool:
            # the agent saying who she is and why she calls (工号4102，这次来电是做个回访) answers nothing, though the
            # script of the fraud-suspicion entry says so too (judge31: it met 请客户拨打官方客服热线 at the greeting)
            # a sentence that says a figure of hers back (her 5%, her case's 两年) states of the entry only what it adds to
            # her words (`past_her_words`, calls50): said back alone, it meets nothing
            echo = any(q.key in her_figures for q in quantities(sentence))
            stated = states_content(past_her_words(sentence, self._her_words) if echo else sentence, entry)
            # …退保金额都要按合同和核实结果来定 names the amount only as decided elsewhere: no answer to how much (judge55b)
            deferred = self._only_defers(sentence, entry)
            # …会让给您办业务的那位业务员再上门找您补签 says the opposite of 由销售人员以外的人员予以解决 (qa30 J1)
            back = handed_back(sentence, self._entry_words(entry_id), self.detectors.reading)
            return not within(sentence, silent) and not SELF_INTRODUCTION.match(sentence) and not deferred and not back and (
                not (facts or echo or at_fault(sentence, faults)) or stated) and _says_a_figure(sentence, units)

        references = [r for r in own if not any(cue in r for cue in elsewhere)]
        similarity, sentence = self.judge.closeness(reading, references, keep=credible)
        if sentence is None or similarity < ANSWER_SIMILARITY:
            return None
        rivals = [self.judge.closeness(reading, refs)[0] for other, refs in self._references.items()
                  if other != entry_id and refs]
        return sentence.text if similarity >= max(rivals, default=0.0) else None

    def _only_defers(self, sentence: str, entry: Entry) -> bool:
        """The sentence names the entry's point only as left to the contract or the check (`deferrals`); her own words
        said back (全额退还保费再额外赔偿5万元) state nothing of it either."""
        return only_defers(sentence, lambda words: states_content(past_her_words(words, self._her_words), entry))

    def _entry_words(self, entry_id: str) -> str:
        """What an FAQ entry of the call says: its answer and its script."""
        entry = self.entries[entry_id]
        return f"{entry.answer}\n{entry.script}"

    def _term_explanation(self, text: str, previous_line: str) -> list[Evidence]:
        """A rule explained in words (较重急性心肌梗死) rather than figures, not just echoed back."""
        for entry_id, entry in self.entries.items():
            for term in topic_terms(entry):
                position = text.find(term)
                said = sentence_at(text, position, position + len(term)) if position >= 0 else ""
                if len(term) >= 3 and position >= 0 and term not in previous_line and not explains_nothing(said) \
                        and not self._only_defers(said, entry):  # …退保金额都要按合同和核实结果来定 (judge55b)
                    return [Evidence("explanation", True, clause_at(text, position, position + len(term)),
                                     Worded(f"讲到了“{term}”（{entry.question}）",
                                            f"Explained “{term}” ({in_english(entry, 'question')})"), entry=entry_id)]
        return []

    def _wrong_name(self, text: str):
        persona = self.scenario.persona
        return wrong_name(text, persona.name, "\n".join([persona.description, *persona.facts.values()]))

    def _personal_data(self, text: str) -> list[Evidence]:
        said = "\n".join(u.text for u in self.transcript if u.speaker == "customer")
        found = []
        for name, value in self.scenario.persona.private.items():
            position = text.find(value)
            if value and position >= 0 and value not in said:
                found.append(Evidence("personal_data", False, clause_at(text, position, position + len(value)),
                                      Worded(f"客户还没有确认的个人信息（{name}）不能由坐席先读出来：请客户自己说，坐席来核对。",
                                             f"Personal details the customer has not confirmed yet ({name}) must not be read "
                                             "out by the agent first: let the customer say them, and check.")))
        return found

    def _number_for_the_call_back(self, text: str, evidence: list[Evidence]) -> list[Evidence]:
        """Her number asked for a call-back promised in this reply or before (`call_backs`): the next step of that
        promise, where nothing else in the reply is one."""
        if any(e.ok and e.behaviour == "next_step" for e in evidence):
            return []
        asked = number_for_the_call_back(text, [u.text for u in self.transcript[:-1] if u.speaker == "agent"])
        return [Evidence("next_step", True, asked, ADVICE["next_step"])] if asked else []

    def _status_before_the_check(self, text: str) -> list[Evidence]:
        """On a call the company made, the policy named with its status while the identity step is still open
        (`before_the_check`; qa25 J4): whoever answered the phone has heard what the policyholder owns and owes. Once a
        call: data already read out before the check is that lesson (a tune bad call read her ID out, then named the
        policy's debit — a second +15 hung the call up before the writer's three later marks)."""
        if not self.scenario.kind.startswith("outbound") or not any(
                c.behaviour == "verification" and c.id not in self.state.done for c in self.scenario.checkpoints) or any(
                f.rubric == "personal_data" and not f.ok for f in self.findings):
            return []
        named = status_before_the_check(text, self.scenario.persona.facts.get("product", ""))
        return [Evidence("personal_data", False, clause_at(text, at, end),
                         Worded("还没核实对方是投保人本人，就说出了保单和它的交费状态：先核实身份，再谈保单。",
                                "You named the policy and its payment status before checking that you are speaking to the "
                                "policyholder: verify who they are first, then discuss the policy."),
                         next(iter(self.scenario.model_answers), "")) for at, end in named]

    @cached_property
    def _elsewhere(self) -> dict[tuple[str, str], tuple[str, ...]]:
        """For each checkpoint and question, the cues of the checkpoints that name another point (sharing no cue with
        it). An FAQ entry can hold several steps: callback-caller-verification's script says 工号 (报出工号) and 不会要求您
        提供密码 (no secrets) besides 官方客服热线, and "您的电话是您投保时在投保单上预留的" met 请客户拨打官方客服热线 and
        answered 那我怎么确认你真是保险公司的？ by the staff-number sentence's meaning (judge31).
        A word her question says itself is what she asks about, not another point: callback-cooperative's 你说的现金价值是
        什么意思？ is told by sentences that say 现金价值 (the surrender-loss step's cue), and with them all set aside the
        answer "…剩下攒着的那部分就是现金价值" (cw3-h, e5 0.964 to its entry, 0.949 to the step's) stayed 未回应问题 (calls44)."""
        checkpoints = self.scenario.checkpoints

        def other(cues: Sequence[str], asked: str = "") -> tuple[str, ...]:
            return tuple(dict.fromkeys(cue for c in checkpoints if not set(c.cues) & set(cues) for cue in c.cues
                                       if cue not in asked))

        return {**{("checkpoint", c.id): other(c.cues) for c in checkpoints},
                **{("question", f.id): other(self._answer_cues[f.id], f.ask) for f in self.scenario.lines.follow_ups}}

    @cached_property
    def _shared_entries(self) -> frozenset[str]:
        """The FAQ entries that hold several steps (two checkpoints name them). Closeness to such an entry's answer does
        not say which step a sentence does, so it meets none: each is met by its cues or its own references
        (`_in_other_words`). polish26: in stroke-claim-early 讲清…需确诊180天后仍有永久性功能障碍 and 告知满180天后…再次申请
        are both ci-stroke-180-days, and the sentence on the 180-day standard met the new claim a turn before it was said
        (its script's standard sentence lacks the first step's cue, so `_elsewhere` kept it for the second)."""
        named = [e for c in self.scenario.checkpoints for e in dict.fromkeys(c.entries)]
        return frozenset(e for e in named if named.count(e) > 1)

    @cached_property
    def _answer_cues(self) -> dict[str, tuple[str, ...]]:
        """Each question's cues, and those of every checkpoint about the same point: sharing a cue with it ("没法答应"
        met 礼貌说明无法当场答应全额退还 while 全额退再赔5万，今天能不能到账？ stayed 未回应问题 on the same words, and her
        question open at the close), or told by her question's FAQ entry alone, an entry no other step names
        (`_same_point`)."""
        return {f.id: tuple(dict.fromkeys([*f.cues, *(cue for c in self.scenario.checkpoints
                                                       if set(c.cues) & set(f.cues) or self._same_point(c, f)
                                                       for cue in c.cues)]))
                for f in self.scenario.lines.follow_ups}

    def _same_point(self, checkpoint: Checkpoint, follow_up: FollowUp) -> bool:
        """The checkpoint is told by the question's FAQ entry and by no other, and no other step is told by that entry:
        the scenario names one point twice, in other cues. judge42a: cooling-off-cancel's 告知办理渠道和材料 (柜面, 官方App)
        and 那我要怎么办？要带什么东西？ (身份证件, 银行账户) are both cooling-off-how-to-cancel; the tune call of
        w-calls-chengdu met the step with "…带上本人身份证、保单，还有那张工资卡，到我们就近的柜面去办" and the question
        stayed 未回应问题 to the close. An entry that tells several steps (callback-proxy-signature) says nothing of which."""
        return tuple(checkpoint.entries) == (follow_up.entry,) and follow_up.entry not in self._shared_entries

    def _answer_quote(self, text: str, follow_up: FollowUp, claims: list, reading: Reading | None,
                      faults: Sequence[str] = ()) -> str | None:
        """Where the reply answers `follow_up`: a cue, a right figure of its entry, or its meaning."""
        # not "我不太清楚，15天吧？" (judge20), nor the identity check's 核实 (judge31)
        skipped = (*silent_sentences(text), *_identity_sentences(text))
        for sentence in sentences(text):
            hit = cue_evidence(sentence, "answer", spoken_forms(sentence, self._answer_cues[follow_up.id],  # 录着音
                                                                self.detectors.reading))  # 由于期内, as the rules read it
            if hit is not None and not within(hit.quote, skipped) and not handed_back(
                    sentence, self._entry_words(follow_up.entry), self.detectors.reading):
                return hit.quote
        claim = next((c for c in claims if c.ok and c.entry == follow_up.entry), None)
        if claim is not None:
            return claim.sentence.strip()
        elsewhere, units = self._elsewhere[("question", follow_up.id)], _figure_units(follow_up.cues)
        # her question in the trainee's words: close to what its cues name, and saying something of it (polish26)
        return self._close_to(reading, follow_up.entry, faults, elsewhere, units) or self._close_to(
            reading, follow_up.entry, faults, elsewhere, units, facts=True, own=self._cue_references[follow_up.id])

    def _pending_question(self, text: str, claims: list, wrong_entries: set[str],
                          reading: Reading | None = None, evidence: Sequence[Evidence] = ()) -> list[Evidence]:
        pending = self.state.pending
        if pending is None or pending.id in self.state.answered:
            return []
        entry = self.entries[pending.entry]
        quote = self._answer_quote(text, pending, claims, reading, self._unstated(text, evidence))
        if quote is not None and pending.entry not in wrong_entries:
            self.state.answered.add(pending.id)
            return [Evidence("answer", True, quote, Worded(f"回答了客户的问题：{pending.ask}",
                                                           f"Answered the customer's question: {pending.ask}"),
                             entry=pending.entry)]
        if pending.entry in wrong_entries:
            self.state.answered_wrongly.add(pending.id)
            return []  # answered wrongly: 数据错误 is the finding, one fault for one wrong answer; the question stays open
        if self._verifying_first(evidence) or self._confirming_the_policy(text, evidence):
            return []  # the question waits for the identity check the scenario asks first; it stays open
        if self._explaining_a_step(evidence):
            return []  # still telling a step of the call she has not heard in full: her question stays open
        serving = any(e.ok and e.behaviour in SERVING for e in evidence) and not any(
            not e.ok and e.behaviour != "jargon" for e in evidence)  # an unexplained term is its own lesson
        if serving and reading is not None and self._answers_another(text, pending, claims, wrong_entries, reading,
                                                                          self._unstated(text, evidence)):
            return []  # still on one of her earlier questions: not ignoring her; this one stays open
        return [Evidence("ignored_question", False, first_sentence(text),
                         Worded(f"客户问的是“{pending.ask}”，这一轮没有答到点上。参考知识库：{entry.question}",
                                f"The customer asked “{pending.ask}”; this reply did not answer it. See the knowledge "
                                f"base: {in_english(entry, 'question')}"),
                         answer_wording(pending, self.scenario.model_answers, entry_wording(entry)), pending.entry)]

    def _due_checkpoint(self) -> Checkpoint | None:
        """The step due next: the first one not done in the script's order (`due_order`), which the live hint names
        (下一个要点：…)."""
        return next((c for c in sorted(self.scenario.checkpoints, key=due_order) if c.id not in self.state.done), None)

    def _did_the_due_step(self, due: Checkpoint | None, evidence: Sequence[Evidence]) -> bool:
        """The reply did the step that was due when it was written (the one the hint named), with no conduct fault:
        not ignoring the customer's question, which stays open — like an identity check asked first
        (`_verifying_first`). qa18: the hint said 下一个要点：先共情, the trainee soothed, and the report faulted the
        same words 未回应问题. Not the closing: a close over her open question is what `_only_closing` is about."""
        return (due is not None and due.behaviour != "closing" and self.state.done.get(due.id) == self.state.turn
                and not _conduct(evidence)[0])

    def _verifying_first(self, evidence: Sequence[Evidence]) -> bool:
        """The reply asks for the identity check the scenario still needs (谈保单前核实身份), with no conduct
        fault: what a good agent does before discussing the policy, not ignoring the customer's question
        (judge16: it was 身份核实 做到 and 未回应问题 不足 on the same words)."""
        due = any(c.behaviour == "verification" and c.id not in self.state.done for c in self.scenario.checkpoints)
        return due and any(e.ok and e.behaviour == "verification" for e in evidence) \
            and not _conduct(evidence)[0]

    def _confirming_the_policy(self, text: str, evidence: Sequence[Evidence]) -> bool:
        """The reply right after the identity check reads her policy back for a yes (`confirms_the_policy`: 好嘞，对上了。
        康宁重大疾病保险，…对吧？), with no conduct fault: the check finished, as `_verifying_first` is the check asked —
        her question waits that one turn and stays open (calls50: +10 as ignored on three tune-standard good calls)."""
        checked_last_turn = any(c.behaviour == "verification" and self.state.done.get(c.id) == self.state.turn - 1
                                for c in self.scenario.checkpoints)
        return checked_last_turn and confirms_the_policy(text) and not _conduct(evidence)[0]

    def _explaining_a_step(self, evidence: Sequence[Evidence]) -> bool:
        """The reply tells the content of a step credited in an earlier turn — a right figure or a term of one of the
        step's FAQ entries (`explanation` naming the entry) — with no fault but an unexplained term (its own lesson): the
        trainee is still explaining the step, which a fragment credited early (stroke-claim-early's 带轻症责任 met the
        mild-cover step before its rule was told; ci-claim-declined's 较重急性心肌梗死 named in one turn, its figures in
        the next), not ignoring her question, which stays open. calls45: the regional TUNE good calls of cw3-d, cw3-e,
        cw3-f, cw3-h paid +10 a turn for it (three turns in cw3-f's media-threat call). Like a step done while her
        question waits (`_did_the_due_step`); a step credited this very turn is that one's."""
        told_before = {entry for c in self.scenario.checkpoints if self.state.done.get(c.id, self.state.turn) < self.state.turn
                       for entry in c.entries}
        return any(e.ok and e.behaviour == "explanation" and e.entry in told_before for e in evidence) and not any(
            not e.ok and e.behaviour != "jargon" for e in evidence)

    def _answers_another(self, text: str, pending: FollowUp, claims: list, wrong_entries: set[str],
                         reading: Reading, faults: Sequence[str] = ()) -> bool:
        """The reply answers (by cue, right figure or meaning) another question the customer asked
        earlier in the call: the trainee is still on one of her own concerns, so the reply does not
        ignore her, though the pending question stays open (re-asked, and listed if the call ends
        before it is answered). Measured on the held-out calls in docs/benchmarks.md.

        Only with the judge, as for questions answered early: the cue rules alone are too loose for it."""
        return any(f.id != pending.id and f.entry not in wrong_entries and f.id in self.state.asked
                   and self._answer_quote(text, f, claims, reading, faults) is not None
                   for f in self.scenario.lines.follow_ups)

    def _answered_early(self, text: str, claims: list, wrong_entries: set[str], reading: Reading | None,
                        faults: Sequence[str] = ()) -> None:
        """Questions the customer has not asked yet but the trainee already answered are not asked again.

        Only with the judge: the cue rules alone are too loose to say a question nobody asked was answered.
        """
        if reading is None:
            return
        for follow_up in self.scenario.lines.follow_ups:
            if follow_up.id in self.state.answered or follow_up.id in self.state.asked or follow_up.entry in wrong_entries:
                continue
            if self._answer_quote(text, follow_up, claims, reading, faults) is not None:
                self.state.answered.add(follow_up.id)
                self.state.asked.add(follow_up.id)

    def _checkpoints(self, text: str, evidence: list[Evidence], wrong_entries: set[str],
                     reading: Reading | None = None) -> list[Evidence]:
        found = []
        faults, unstated = _faults(evidence), self._unstated(text, evidence)
        conduct, openers = _conduct(evidence)
        ordered = sorted(self.scenario.checkpoints, key=lambda c: c.order or 0)
        for checkpoint in ordered:
            if checkpoint.id in self.state.done or set(checkpoint.entries) & wrong_entries:
                continue
            if checkpoint.behaviour == "closing" and (not self._polite_close(text, evidence) or _only_closing(text, evidence)):
                continue  # a bare 再见, or only "您还有别的事吗" while ignoring her question (qa18): no 礼貌结束
            quote = self._checkpoint_quote(text, checkpoint, evidence)
            by_meaning = quote is None
            if by_meaning:
                units = _figure_units(checkpoint.cues)
                facts = about_facts(checkpoint, self.entries)
                quote = next(filter(None, (self._close_to(reading, e, unstated, self._elsewhere[("checkpoint", checkpoint.id)],
                                                          units, facts) for e in checkpoint.entries
                                           if e not in self._shared_entries)), None)
            if quote is not None and by_meaning and misses_a_refusal(quote, self._checkpoint_texts.get(checkpoint.id, ())):
                quote = None
            if quote is None and by_meaning:
                quote = self._in_other_words(reading, checkpoint, faults)
                quote = quote if quote is not None and _says_a_figure(quote, units) else None
            if quote is None or said_at_fault(text, quote, conduct, openers) or handed_back(
                    self._sentence_of(text, quote), " ".join([checkpoint.description, *checkpoint.cues]),
                    self.detectors.reading):
                continue  # …让业务员再上门找您补签 does not tell 由销售人员以外的专门人员…处理 (qa30 J1)
            quote = _credited_words(quote, openers)
            blocking = [c for c in ordered if c.order and checkpoint.order and c.order < checkpoint.order
                        and c.id not in self.state.done]
            if blocking and by_meaning:
                continue  # close in meaning to a later step is not proof it was done out of order
            if blocking:  # the better wording: the model line that does the step due first
                found.append(Evidence("checkpoint_order", False, quote, STEP_AFTER.of(checkpoint, blocking[0]),
                                      own_part(model_line_for(blocking[0], self.scenario.model_answers), blocking[0],
                                               self.scenario)))
                continue
            self.state.done[checkpoint.id] = self.state.turn
            found.append(Evidence("checkpoint", True, quote, STEP_DONE.of(checkpoint)))
        return found

    def _in_other_words(self, reading: Reading | None, checkpoint: Checkpoint, faults: Sequence[str]) -> str | None:
        """The reply sentence that says what the checkpoint asks in other words (`checkpoint_meaning`)."""
        if reading is None or checkpoint.id not in self._checkpoint_texts.keys() | self._checkpoint_runs.keys():
            return None
        units = [u for u in reading.units if u.text != reading.text or len(reading.units) == 1]
        vectors = reading.vectors[[reading.units.index(u) for u in units]]
        faults = (*faults, *unsure_sentences(reading.text))
        found = meeting_sentence([u.text for u in units], vectors, checkpoint, self._checkpoint_vectors, self.entries,
                                 faults)
        runs = self._checkpoint_runs.get(checkpoint.id)
        if found is not None or not runs:
            return found
        sentences = sentence_segments(reading.text)  # a step done across sentences: an example of as many (review47)
        rivals = [m for other, (_, m) in self._checkpoint_vectors.items() if other != checkpoint.id and len(m)]
        return meeting_run(reading.text, sentences, reading.vectors[[reading.units.index(s) for s in sentences]],
                           checkpoint, runs, rivals, self.entries, faults)

    @cached_property
    def _checkpoint_runs(self) -> dict[str, list[tuple[tuple[str, ...], np.ndarray]]]:
        """Each checkpoint's examples of several sentences, with their sentences' vectors (`checkpoint_runs`)."""
        return {c.id: [(run, self.judge.embed(list(run))) for run in runs] for c in self.scenario.checkpoints
                if (runs := checkpoint_runs(c, self.entries))}

    @cached_property
    def _checkpoint_vectors(self) -> dict[str, tuple[list[str], np.ndarray]]:
        """Each checkpoint's references with their vectors, embedded once per call (not per checkpoint and turn)."""
        return {i: (texts, self.judge.embed(texts)) for i, texts in self._checkpoint_texts.items()}

    def _checkpoint_quote(self, text: str, checkpoint: Checkpoint, evidence: list[Evidence]) -> str | None:
        if checkpoint.behaviour:
            shown = next((e for e in evidence if e.ok and e.behaviour == checkpoint.behaviour), None)
            if shown is not None:
                return shown.quote
            calmed = named_feeling_calmed(text, checkpoint, self.detectors.reading)  # 回应客户的紧张: 您不用太紧张 (calls44)
            if calmed is not None:
                return calmed
        asked = asked_in(text, checkpoint.asks)  # a teach-back asked in any words of its kind (judge51b)
        if asked is not None:
            return asked
        # read as the rules read it (`Detectors.reading`): a slip of a cue's term (由于期内, 理陪) says the cue (calls44)
        hit = cue_evidence(text, "checkpoint", said_cues(text, checkpoint, self.detectors.reading))
        if hit is None:  # her question on the step's point answered with the step's topic named (qa28 J1)
            told = self._told_on_her_question(text, checkpoint)
            if told is not None:
                return told
        if hit is None:  # a checklist item announced by its number and told (第七项：…年交，每年6000块，交10年)
            numbered = numbered_step(text, checkpoint, self.entries, self.detectors.reading)
            return numbered if numbered is not None and not within(numbered, unsure_sentences(text)) else None
        if within(hit.quote, unsure_sentences(text)):
            return None
        return naming_words(text, hit.quote, checkpoint, self.entries,  # not a fragment that only names its topic
                            self.detectors.reading)

    def _told_on_her_question(self, text: str, checkpoint: Checkpoint) -> str | None:
        """The sentence that tells a step about facts whose cues only name its topic (利益演示 / 演示: 讲清利益演示只是举例，
        不是承诺) by answering her question on the same point (`_same_point`; asked, or answered before she asks it,
        `_answered_early`): it says a cue of the
        question (举例, 假设, 不代表) and names the step's topic by a term of its entries (低中高档, said 高、中、低那几档:
        `listed_terms`), or None.

        qa28 J1: 小美's 您说的说明书上高、中、低那几档数字，是当时按假设的收益率举个例子算给您看的，只是参考，不代表您实际能拿到这么
        多，也不是公司给您的承诺。 answered 说明书上那个高档的数字又算什么？ and was credited 准确解释, yet the step stayed open:
        its cues are the topic's name, which she never said, every sentence of the entry's answer holds 不保证 (the
        dividend step's cue, `_elsewhere`), and e5 put the sentence 0.944 from the model line (the step's threshold 0.95).
        A step whose cues say what it tells (15日, 没法答应) is met by those alone: a question's other cues (犹豫期 for
        告知犹豫期15天) would not tell it."""
        entries = [self.entries[e] for e in checkpoint.entries if e in self.entries]
        topics = [t for entry in entries for t in topic_terms(entry)]
        if not checkpoint.cues or not about_facts(checkpoint, self.entries) or \
                not all(any(cue in term for term in topics) for cue in checkpoint.cues):
            return None
        for follow_up in self.scenario.lines.follow_ups:
            if follow_up.id not in self.state.asked or not self._same_point(checkpoint, follow_up):
                continue
            hit = cue_evidence(text, "checkpoint", said_cues(text, replace(checkpoint, cues=follow_up.cues),
                                                             self.detectors.reading))
            sentence = quote_sentence(text, hit.quote) if hit is not None else ""
            if any(t in sentence or said_as_list(t, sentence) for t in topics) and \
                    not within(sentence, unsure_sentences(text)):
                return sentence
        return None

    # ------------------------------------------------------------------ feedback

    def _note_retraction(self, text: str) -> None:
        """The last reply's promise taken back in this one (`retractions`; qa25 J9): it stays a red line — the customer
        heard it on a recorded line — and its lesson says the correction was right, quoting it."""
        taken_back = retraction(text)
        if not taken_back:
            return
        turn = self.state.turn
        for n, finding in enumerate(self.findings):
            if finding.turn_index == turn - 1 and finding.rubric == "absolute_promise" and not finding.ok:
                self.findings[n] = replace(finding, advice=Worded(
                    f"{finding.advice}第{turn}轮您马上收回了这句话（“{taken_back}”），这样纠正是对的；但客户已在录音电话里听到了"
                    "承诺，红线仍然计入：话出口前先想清楚。",
                    f"{english(finding.advice)} In turn {turn} you took it back at once (“{taken_back}”): that correction "
                    "was right, but the customer had already heard the promise on a recorded line, so it still counts as "
                    "a red line. Think before you promise."))

    def _note_figure_put_right(self, text: str, wrong_last_time: dict[str, WrongFigure]) -> None:
        """The last reply's wrong figures this one puts right: it says she was wrong (`corrects_itself`: 我刚才说错了) and
        states the entry's right figure, so the entry no longer holds a wrong one. The 事实错误 stays — she said it and the
        customer heard it as the answer — but its lesson says the correction was right, and accuracy counts it as corrected
        (`scoring.subscores`: one wrong, not two). The same breath clears it (`_not_put_right`, qa26 J5)."""
        put_right = [w for entry, w in wrong_last_time.items() if entry not in self.state.wrong_figures]
        if not put_right or not corrects_itself(text):
            return
        turn = self.state.turn
        for wrong in put_right:
            for n, finding in enumerate(self.findings):
                if finding.turn_index == turn - 1 and finding.rubric == WRONG_FACT and not finding.ok \
                        and f"“{wrong.said}”" in finding.advice:
                    self.findings[n] = replace(finding, advice=Worded(
                        f"{finding.advice}第{turn}轮您更正成了{wrong.expected}，这样纠正是对的；但客户已经听到了错的说法，"
                        "仍记一次事实错误（按已更正计）：说数字前先核对。",
                        f"{english(finding.advice)} In turn {turn} you corrected it to {wrong.expected}: that was right, "
                        "but the customer had already heard the wrong figure, so it still counts as a factual error "
                        "(counted as corrected). Check a figure before you say it."))
                    self.state.corrected += 1
                    break

    def _record(self, evidence: list[Evidence], text: str) -> None:
        """Findings from the turn's evidence; a good behaviour is not credited in a sentence at a conduct
        fault (judge16: "这个你自己看合同去，当初买的时候怎么不问清楚？" is no 澄清提问 beside its 推诿指责; the
        call itself still reacts to what was said)."""
        turn = self.state.turn
        conduct, openers = _conduct(evidence)
        wrong = [(turn, e.quote, e.advice) for e in evidence if e.behaviour == WRONG_FACT and not e.ok]
        for item in evidence:
            if item.ok and (conduct or openers) and said_at_fault(text, item.quote, conduct, openers):
                continue
            if item.ok and item.behaviour == "closing" and (not _polite(text, self.detectors.reading(text).text)
                                                             or _only_closing(text, evidence)):
                continue  # a bare 再见 ends the call but is no 礼貌地结束了通话 (judge28: nor the closing step); nor is a
                # close that is all a reply ignoring her question says (qa18: 您还有别的事吗 — 未回应问题 is the finding)
            if _praise_of_an_unanswered_reply(item, evidence):
                continue
            if item.ok and openers:
                item = replace(item, quote=_credited_words(item.quote, openers))
            if item.ok and item.behaviour in REPORT_ONCE:
                if item.behaviour in self.state.reported:
                    continue
                self.state.reported.add(item.behaviour)
            faulted = faulted_sentence(item.quote, turn, wrong) if item.ok else None
            if faulted is not None:  # the step was right, the figure in its words wrong: the credit says both (polish29)
                item = replace(item, advice=right_step_wrong_figure(item.advice, faulted))
            finding = Finding(turn, item.behaviour, item.ok, item.quote, item.advice, item.better)
            same = next((n for n, f in enumerate(self.findings) if _same_words(f, finding)), None)
            if same is None:
                self.findings.append(finding)
            else:  # one sentence, one finding: "15天 … 10元" checked twice is one explanation with both notes
                self.findings[same] = _with_advice_of(self.findings[same], finding)

    def _with_better_wording(self, evidence: list[Evidence]) -> list[Evidence]:
        """`evidence` with each fault's better wording where the evidence has none: the model line for it
        (`ModelLines.for_fault`, placed by `model_call`), chosen once so the live hint and the report's lesson show
        the same words (the hint of a vague reply showed none while its lesson showed the model answer)."""
        if all(e.ok or e.better for e in evidence):
            return evidence
        turn = self._model_turn()
        return [e if e.ok or e.better else replace(e, better=self._plain_term(e) or self.model_lines.for_fault(e.behaviour, turn))
                for e in evidence]

    def _plain_term(self, evidence: Evidence) -> str:
        """For an unexplained term, the knowledge base's plain words for it (`term_wording`, qa26 J8), else ""."""
        if evidence.behaviour != "jargon":
            return ""
        return plain_wording(evidence.quote, self.kb.content.glossary, self.kb.content.entries.values())

    def _model_turn(self) -> int:
        """The model answer for the last reply's point of the call (the last one when the model call had ended
        by then): where a vague reply's better wording comes from, not the model answer with the reply's number."""
        if not self.placing:
            return self.state.turn
        return self.model_turns()[-1] or len(self.scenario.model_answers)

    def _hints(self, evidence: list[Evidence]) -> tuple[str, ...]:
        hints = [Worded(e.advice + (f" 可以这样说：{e.better}" if e.better else ""),
                        english(e.advice) + (f" You could say: {e.better}" if e.better else ""))
                 for e in evidence if not e.ok]
        if not self.done:
            todo = self._due_checkpoint()
            if todo is not None:
                hints.append(Worded(f"下一个要点：{todo.hint_text}", f"Next checkpoint: {todo.hint_text.en}"))
            if self.state.pending is not None and self.state.pending.id not in self.state.answered:
                entry = self.entries[self.state.pending.entry]
                hints.append(Worded(f"客户的问题可参考知识库：{entry.question}",
                                    f"For the customer's question, see the knowledge base: {in_english(entry, 'question')}"))
        return tuple(hints)

    def report(self) -> Report:
        """Score, sub-scores and findings so far (outcome `in_progress` if the call has not ended)."""
        met = len(self.state.done)
        scores = subscores(self.findings, self.state.turn, met, len(self.scenario.checkpoints), self.state.outcome,
                           self.state.corrected)
        missed = [_missed_checkpoint(c, self._wrong_figure_of(c)) for c in self.scenario.checkpoints if c.id not in self.state.done]
        missed += [_open_question(f, f.id in self.state.answered_wrongly) for f in self._open_questions()]
        return Report(
            score=total(scores, self.findings),
            subscores=scores,
            outcome=self.state.outcome,
            findings=list(self.findings),
            model_answers=list(self.scenario.model_answers),
            transcript=list(self.transcript),
            mood_history=list(self.mood.history),
            missed=missed,
            mood_moves=list(self.state.mood_moves),
            missed_checkpoints=[c.id for c in self.scenario.checkpoints if c.id not in self.state.done],
            model_turns=self.model_turns(),
            reacting_to=self.reacting_to(),
            not_credited={c.id: wrong.why_not_credited() for c in self.scenario.checkpoints
                          if c.id not in self.state.done and (wrong := self._wrong_figure_of(c)) is not None},
        )

    def model_turns(self) -> list[int]:
        """For each reply, the number of the model answer said at the same point of the model call (0: the
        model call had ended by then), not the model answer with the reply's number (`model_call`)."""
        if not self.state.points or not self.placing:
            return []
        ordered = [c.id for c in sorted(self.scenario.checkpoints, key=lambda c: c.order or 0) if c.order]
        return placed([*self.state.points, self.point()], self._model_steps, ordered)

    def reacting_to(self) -> list[tuple[str, ...]]:
        """For each reply, the faults of the reply before it that the customer's line before it only reacted to
        (no question of hers waiting then), else (): the model call made no fault, so it has no answer to that line
        (qa23 T4: 我失业了又不是我想的！ after blaming had the model answer about 减额交清 beside it)."""
        before = [(), *self.state.reacted_to]
        return [faults if not point.waiting else () for faults, point in zip(before, self.state.points)]

    @cached_property
    def _model_steps(self) -> tuple[ModelStep, ...]:
        """The model call's steps, looked up once per call (the shared cache's key is a digest of the scenario)."""
        return model_steps(self.scenario, self.kb, DialogueSession)
