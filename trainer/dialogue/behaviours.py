"""Names of the agent behaviours the detectors report; scenarios refer to them in
checkpoints (`behaviour:`) and triggers (`when:`)."""

from __future__ import annotations

POSITIVE = (
    "empathy",              # acknowledges the customer's feelings
    "apology",              # apologises for the trouble
    "verification",         # asks to verify identity before discussing the policy
    "clarifying_question",  # asks the customer a question to understand the case
    "explanation",          # explains a rule with the right facts (figures or terms of the FAQ entries)
    "answer",               # answers the customer's pending question
    "next_step",            # offers a concrete next step or options
    "escalation",           # offers escalation properly (complaint registration, supervisor, specialist)
    "closing",              # closes the call politely
)
NEGATIVE = (
    "absolute_promise",     # promises payment, returns or outcomes (保证能赔, 稳赚)
    "rude",                 # 服务忌语
    "blame",                # blames or argues with the customer, pushes responsibility away
    "jargon",               # insider terms without explanation
    "personal_data",        # reads out identity data the customer has not confirmed
    "wrong_fact",           # a figure that contradicts the FAQ entry or the case
    "ignored_question",     # did not answer the customer's question
    "vague",                # said nothing useful
)
BEHAVIOURS = POSITIVE + NEGATIVE

LABELS = {
    "empathy": ("共情安抚", "Empathy"),
    "apology": ("致歉", "Apology"),
    "verification": ("身份核实", "Identity check"),
    "clarifying_question": ("澄清提问", "Clarifying question"),
    "explanation": ("准确解释", "Accurate explanation"),
    "answer": ("回答客户问题", "Answered the question"),
    "next_step": ("给出下一步", "Next step offered"),
    "escalation": ("规范升级", "Proper escalation"),
    "closing": ("礼貌结束", "Closing"),
    "absolute_promise": ("绝对化承诺", "Absolute promise"),
    "rude": ("服务忌语", "Rude phrase"),
    "blame": ("推诿指责", "Blaming"),
    "jargon": ("术语未解释", "Unexplained jargon"),
    "personal_data": ("泄露个人信息", "Personal data read out"),
    "wrong_fact": ("事实错误", "Wrong fact"),
    "ignored_question": ("未回应问题", "Question ignored"),
    "vague": ("回应空泛", "Vague reply"),
    "wrong_name": ("称呼错误", "Wrong name"),
    "checkpoint": ("完成要点", "Checkpoint met"),
    "checkpoint_order": ("顺序错误", "Out of order"),
    "slow_reply": ("回复超时", "Reply too slow"),  # exam mode: over the scenario's reply_seconds
}

# Judged from the reply alone (the utterance corpus and its classifier); the others need the case:
# answer / ignored_question (the open question), wrong_fact (the case and the FAQ figures).
CONTEXTUAL = ("answer", "ignored_question", "wrong_fact")
# Judged by the clock (exam mode's reply time), not by the words: no label of the reply can undo it (qa28).
TIMED = ("slow_reply",)
UTTERANCE_BEHAVIOURS = tuple(b for b in BEHAVIOURS if b not in CONTEXTUAL)
NO_BEHAVIOUR = "none"
