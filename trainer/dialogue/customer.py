"""The customer's voice: what they say after each of the trainee's acts, never the same line twice.

The reply is built from parts, in the order a person talks:
1. a correction, when the trainee used a wrong name (我不姓王，我姓李);
2. a reaction to the trainee's act — the scenario's line for the worst fault; pushback when the
   question was dodged; the customer's own answer when asked about the case (persona.facts);
   the scenario's own line for an apology or empathy, and a softened line once, when it brings her mood down from upset
   or angry (qa26 C1: 那还差不多，你说吧。 after every 不好意思, her mood long calm); else a line of the current mood band;
3. the identity answer, the first time the trainee asks for it: her name, and her digits once a detail is asked for
   (请问您是投保人本人吗 asks none; qa26 C1);
4. the next question the customer has (each asked once, in the scenario's words).
A mood or pushback line that asks what the call has already answered (the scenario's `asking`: its
follow-up answered or checkpoint met, or the follow-up asked in the same reply) is not said, nor one that
says her question is still unanswered (我问的你还没回答呢, `presses_a_question`) while none is open.
She follows what was said (qa25 C1): asked whether she understood, she says whether she did; right after a reply
that told her something, no line tells the trainee to go ahead (好，你说。); before an outbound call's agent has said
what the call is about, she answers the greeting, not news nobody told her (`told`).
Every line is said at most once per call: a pool that has run dry falls back to the next pool
and, last, to short fillers, so a customer never echoes themselves word for word. A fact about
themselves asked for again may be repeated ("我刚才说过了，8天前签收的"), but not in two turns
running: right after saying it, the customer says they just did.
Choices are drawn from the session's seeded generator, so a seed replays the same call.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Mapping, Sequence

from kb.chinese_text import sentences
from trainer.dialogue.asked_steps import asked_in
from trainer.dialogue.names import WrongName
from trainer.dialogue.persona_answers import OPEN_QUESTION_WORDS, asked_clause, confirms, matching_fact, says_the_same
from trainer.dialogue.scenario import CustomerLines

# Used when a scenario has no lines of its own for these acts.
DEFAULT_SOFTENED = ("嗯……你这么说我心里好受点了。", "行，那你说吧。", "好吧，我听你说。")
DEFAULT_UNKNOWN = ("这个我记不太清了。", "这个我还真不知道，你们系统里查不到吗？", "一下子想不起来，我得找找材料。")
DEFAULT_UNFINISHED = "那……先这样吧，可我问的事还没弄明白呢。"
# The call closes with open points but every question she asked was answered: what is left (a step she does
# not know of, her mood) is the report's to say; "我问的事你还没说清楚" would contradict it.
ANSWERED_BUT_OPEN = "那……好吧，先这样。"
# The call closes with her question open and the scenario's `unfinished` line about another of her questions (one
# answered): she names the open one in its own words (`lines.unfinished_line`).
STILL_OPEN = "那……好吧，可我问的“{ask}”，你还没跟我说清楚呢。"
# More questions after the trainee asked "anything else?": said before the next question.
MORE_QUESTIONS = ("有，我还想问一下：", "还有个事儿：", "对了，", "先别挂，")
ALREADY_SAID = ("刚才说了呀，", "我刚才说过了，", "跟你说了，")
# Asked again right after answering: a person does not recite the same fact twice in a row.
JUST_SAID = ("我刚刚不是说了吗？", "刚说完呀，你没听清吗？", "我上一句就说了。", "你刚才没记下来吗？")
CORRECTIONS = ("不对，我姓{surname}，不姓{wrong}。", "你叫错了，我是{name}。", "我姓{surname}。")
YES_ANSWERS = ("嗯，是的。", "对。", "是，你说吧。", "嗯，可以。")
# An outbound call's agent asking the customer what she needs (请问有什么可以帮您？): the company called her.
OFFER_OF_HELP = re.compile(r"(?<!还)(有什么|有啥)(可以|能|需要)?(帮|为)(您|你)|需要(什么)?帮助")
CALLED_HER = ("不是你们给我打的电话吗？什么事？", "是你们打给我的呀，有什么事你说吧。", "你们打过来的，什么事你说吧。")
# A yes to a question that states her own fact ("您是否投保了安享终身寿险？").
CONFIRMATIONS = ("对，是的。", "是的，没错。", "嗯，对。")
# A calm customer told all she needs, when her scenario's calm lines that do not ask for more have run out: she
# takes it in, rather than falling back on an upset line (反正我不接受。) she has no reason for.
TAKEN_IN = ("嗯，好，我知道了。", "行，我明白了。", "哦，这样啊，那行。")
# The trainee checks that she understood (这些我讲清楚了没有？ / 你能听明白吗？ — read as the judge reads a teach-back,
# `asked_steps.asked_in`): she says whether she did — not "是，你说吧", a yes to go on (qa25 C1). With her question still
# unanswered she has not; with a new question she names what she did not.
UNDERSTOOD = ("嗯，听明白了。", "明白了，你说得挺清楚的。", "嗯，这回听懂了。")
NOT_UNDERSTOOD = ("还没明白，我刚才问的你还没说呢。", "没太懂，我问的那个你还没回答我。")
PARTLY_UNDERSTOOD = ("大概明白了，就是还有一点：", "嗯，听懂了一些，我还想问问：")
# An outbound call's customer who has not yet heard what the call is about (she asked 什么事？/ 哪位？) answers the
# greeting, not news nobody told her (qa25 C1: 怎么会这样，我一直以为保单好好的。 to a greeting and an identity check).
NOT_TOLD = ("嗯，你说。", "嗯，什么事？", "哦，什么事你说吧。")
# A line that tells the trainee to go ahead (好，你说。/ 行，那你说吧。/ 是，你说吧。): an answer to "I have something to tell
# you", not to a reply that has just told her (qa25 C1: 好，你说。 after the agent's answer; qa26 C1: 行，你说，我听听看。 after
# the way to contest, 那你给我讲讲。).
_GO_AHEAD = re.compile(r"你(说|问|讲)吧?[。！!]?$|你(说|问|讲)吧?[，,]?我(听着|听听看?)[。！!]?$|给我(讲讲|说说)[。！!]?$")


# A reaction that already says she is the one asked for (是我，你说吧… / 是我是我，… / 对，是我。): her identity answer says no
# name again.
CONFIRMS_IT_IS_HER = re.compile(r"^(?:嗯|对|是的)?[，,]?(?:就?是我|我本人)+[，,。！!]")


def identity_parts(line: str) -> tuple[str, str]:
    """The identity answer split where her digits start: (对，我是赵军, 身份证后四位7731。). A line without digits is all
    name."""
    clauses = re.split(r"(?<=[，,。；;])", line)
    first = next((i for i, clause in enumerate(clauses) if re.search(r"\d", clause)), len(clauses))
    return "".join(clauses[:first]).rstrip("，,"), "".join(clauses[first:])


def tells_to_go_ahead(line: str) -> bool:
    """The line asks the trainee to start saying what they have to say."""
    return bool(_GO_AHEAD.search(line.strip()))


QUESTION_MARKS = ("？", "?")
FILLERS = ("嗯。", "然后呢？", "哦。", "你说。", "嗯，我听着呢。", "还有呢？", "哦，这样。", "嗯嗯。",
           "……", "喂？你还在听吗？", "那你说吧。", "接着说。", "嗯，行。", "哦……", "好。")
# A line that says her question is still unanswered, or asks for "my question" to be answered, without asking
# it again: 我问的你还没回答呢 / 你先回答我的问题 / 我问的不是这个 / 你还没告诉我呢 / 我问你话呢. After a vague reply
# when no question of hers is open it claims what did not happen (judge18, judge20).
# 我的问题 presses only as what is answered (你还没回我的问题); "什么叫我的问题？" (blamed, the 代签 customer) asks none (judge31).
_PRESSING = re.compile(r"(还没|没|倒是)有?(回答|答|说清|说|告诉)|(先|直接)回答|回答我|我问的|问你话|(回|答|管|理)[^，,。？！?!]{0,3}我的问题"
                       r"|问的(不)?是这个|我问你")


# A line that asks the trainee to go on (你接着说 / 那你说吧，我听着 / 然后呢？): said when the trainee has said all
# the call needs and only the goodbye is left, it waits for more that is not coming (qa20: 那你说吧，我听着。 after
# a complete answer in the media-threat call).
_INVITING = re.compile(r"(接着|继续|慢慢)(说|讲)|你说吧|我听着|听你说|说说|^(?:嗯，)?你说[。！]?$|^接着说|然后呢|还有呢")


def invites_more(line: str) -> bool:
    """The line asks the trainee to go on talking."""
    return bool(_INVITING.search(line))


# The yes-words a line may open with ("嗯，对的，", "好的，", "是的，"), and a line that is nothing but a yes.
_AGREEING = re.compile(r"^(?:(?:嗯+|哦|噢|好的?|行|对的?|是的?|没错|没问题|可以|明白了?)[，,。！!、\s]+)+")
_ONLY_AGREEING = re.compile(r"^(?:是这样|就是这样|没错|对|是的?|是啊)[。！!]?$")


def after_correction(line: str) -> str:
    """`line` as said right after correcting her name: without the yes it opens with, or "" if it says
    nothing else. "不对，我姓李，不姓张。嗯，对的，是这样。" denied and confirmed in one breath (qa15)."""
    rest = _AGREEING.sub("", line.strip())
    return "" if not rest or _ONLY_AGREEING.match(rest) else rest


def presses_a_question(line: str) -> bool:
    """The line presses a question of hers as unanswered (said only while one is open)."""
    return bool(_PRESSING.search(line))


@dataclass(frozen=True)
class TurnAct:
    """What the trainee did in one reply, as far as the customer's answer is concerned."""

    fault_line: str = ""          # the scenario's line for the worst fault (may be empty)
    faulted: bool = False         # any fault that upsets the customer
    faults: tuple[str, ...] = ()  # those faults' behaviours, worst first (what her reaction answers)
    pushed_back: bool = False     # vague, or the open question ignored
    soothing_line: str = ""       # the scenario's line for apology/empathy (may be empty)
    soothed: bool = False         # apologised or showed empathy
    calmed: bool = False          # the reply brought her mood down from upset or angry (the moment for a softened line)
    question: str = ""            # a question the trainee asked about the case
    verification: bool = False    # asked to verify identity
    wrong_name: WrongName | None = None


class CustomerVoice:
    """One call's customer: the lines already said, and how to pick the next one."""

    def __init__(self, lines: CustomerLines, name: str, facts: Mapping[str, str], rng: random.Random,
                 called: bool = False) -> None:
        """`called`: the company rang her (a callback, a reminder), so she has nothing to ask help with."""
        self.lines = lines
        self.called = called
        self.name = name
        self.facts = facts
        self.rng = rng
        self.said: set[str] = set()    # every line used as a part
        self.spoken: set[str] = set()  # every whole utterance
        self.given: set[str] = set()  # facts already given
        self.last_parts: tuple[str, ...] = ()  # the parts of the customer's previous utterance
        self.verified_once = False
        self.settled: frozenset[str] = frozenset()  # follow-ups answered and checkpoints met so far
        self.open_question = True  # a question of hers is waiting for its answer (pressing lines may be said)
        self.all_said = False  # only the goodbye is left: no line asks the trainee to go on
        self.informed = False  # the reply being answered told her something: no line tells the trainee to go ahead
        self.told = True  # she knows what the call is about (an outbound call's news may not be told yet)
        self.asks_next = ""  # her next question, when it follows in the same utterance
        self.held_detail = ""  # her identifying digits, not yet asked for (she said who she is without them)
        self.reply_did: frozenset[str] = frozenset()  # what the reply being answered did: steps, questions, behaviours
        self.had: frozenset[str] = frozenset()  # every step met and question answered so far, and `reply_did`

    def _pick(self, *pools: Sequence[str]) -> str:
        """A line not said yet from the first pool that has one (random within a pool), or "".

        A line asking what is settled is passed over; so is one that presses a question or asks for a matter
        (`asking`) while no question of hers is open (qa17: "你就直接告诉我怎么办吧" right after the greeting), and one
        asking the trainee to go on once all is said (`all_said`)."""
        for pool in pools:
            fresh = [line for line in dict.fromkeys(pool) if line and line not in self.said
                     and self.settled.isdisjoint(self.lines.asking.get(line, ()))
                     and (self.open_question or not (presses_a_question(line) or line in self.lines.asking))
                     and not (self.all_said and invites_more(line))
                     and not (self.informed and tells_to_go_ahead(line))
                     and self._follows(line)]
            if fresh:
                line = self.rng.choice(fresh)
                self.said.add(line)
                return line
        return ""

    def _follows(self, line: str) -> bool:
        """The line follows from what was said (`CustomerLines.reacting`): 怎么会这样 only right after the news."""
        reacts = self.lines.reacting.get(line)
        return reacts is None or reacts.fits(self.reply_did, self.had)

    def _answering(self, pools: Sequence[Sequence[str]]) -> list[list[str]]:
        """The lines of each of her mood's pools that answer this very reply (`Reacting.right_after`), pool by pool: what
        she says first — her own mood's first (a calm 周阿姨 told the rule says 这下我听懂了, not the upset 你再说一遍), else
        another's (told the news, a calm customer too says 怎么会这样)."""
        return [[line for line in pool if (reacts := self.lines.reacting.get(line)) is not None
                 and reacts.right_after and reacts.fits(self.reply_did, self.had)] for pool in pools]

    def _band_pools(self, band: str) -> list[Sequence[str]]:
        if band == "calm" and self.all_said:
            return [self.lines.bands.get("calm", ()), TAKEN_IN]
        order = {"calm": ("calm", "upset"), "upset": ("upset", "calm", "angry"), "angry": ("angry", "upset")}[band]
        return [self.lines.bands.get(b, ()) for b in order]

    def _answer(self, question: str, band: str) -> str:
        if self.called and OFFER_OF_HELP.search(question):
            return self._pick(CALLED_HER, *self._band_pools(band))
        if asked_in(question, "understanding") is not None:
            return self._understood(band)
        fact = matching_fact(question, self.facts)
        if fact is not None:
            answer = asked_clause(question, self.facts[fact])
            if confirms(question, answer):
                self.given.add(fact)
                return self._pick(CONFIRMATIONS, YES_ANSWERS, *self._band_pools(band))
            if fact in self.given and any(answer in part for part in self.last_parts):
                return self._pick(JUST_SAID, *self._band_pools(band))  # not the same fact in two turns running
            if fact in self.given:
                return self._pick(ALREADY_SAID) + answer
            self.given.add(fact)
            if says_the_same(self.asks_next, answer):  # her next question tells it (说实话，…字是我老婆帮我签的…)
                return ""
            self.said.add(answer)
            return answer
        if any(word in question for word in OPEN_QUESTION_WORDS):
            return self._pick(self.lines.unknown or DEFAULT_UNKNOWN, *self._band_pools(band))
        return self._pick(YES_ANSWERS, *self._band_pools(band))

    def _understood(self, band: str) -> str:
        """Her answer to "did you follow?": not yet while her question waits, in part when she has another."""
        if self.open_question:
            return self._pick(NOT_UNDERSTOOD, *self._band_pools(band))
        if self.asks_next:
            return self._pick(PARTLY_UNDERSTOOD, *self._band_pools(band))
        return self._pick(UNDERSTOOD, TAKEN_IN, *self._band_pools(band))

    def _reaction(self, act: TurnAct, band: str, identifying: bool = False) -> str:
        bands = self._band_pools(band)
        if act.faulted and act.fault_line and act.fault_line not in self.said:
            self.said.add(act.fault_line)  # the scenario's own words for this fault, whatever the filters read
            return act.fault_line          # in them (什么叫我的问题？ presses no question of hers)
        if act.faulted:
            return self._pick(self.lines.pushback, *bands)
        if act.pushed_back and not act.question:
            return self._pick(self.lines.pushback, *bands)
        if act.question and not act.verification:
            return self._answer(act.question, band)
        if act.soothing_line and (line := self._pick([act.soothing_line])):  # the scenario's words for this act
            return line
        softened = self.lines.softened or DEFAULT_SOFTENED
        if act.soothed and act.calmed and self.said.isdisjoint(softened):
            return self._pick(softened, *self._band_pools("calm"))
        if act.verification and self.verified_once:
            return ""
        if not self.told:  # a greeting and an identity check: her name and digits answer it, else 什么事？
            return "" if identifying else self._pick(NOT_TOLD, *bands)
        return self._pick(*self._answering(bands), *bands)

    def _not_asked_again(self, reaction: str, question: str) -> str:
        """`reaction` without its sentences that ask again one of her questions: the one she asks next in the same breath
        (qa30 C1: 我就是想不通，我这心梗都放支架了，怎么就不算重疾？ before 我都放了支架了，心梗还不算重疾？凭什么拒赔？) or one
        the call has answered (`settled`) — told by `says_the_same`, as a fact her next question tells. Only a question
        is left out (你等着，我这就打12378！ is no second 你们是不是怕我打12378？); a question asked earlier and still open may be
        pressed again. The caller keeps a fault's own line whole (业务员是你们公司的人，你们推什么推？ answers the blame)."""
        asks = [a for a in (question, *(f.ask for f in self.lines.follow_ups if f.id in self.settled)) if a]
        said = sentences(reaction)
        kept = [s for s in said if not (s.endswith(QUESTION_MARKS) and any(says_the_same(ask, s) for ask in asks))]
        return reaction if len(kept) == len(said) else "".join(kept)

    def _correction(self, wrong: WrongName) -> str:
        options = [c.format(surname=wrong.surname, wrong=wrong.said[0], name=self.name) for c in CORRECTIONS]
        return self._pick(options)

    def _identity(self, line: str, reaction: str, detail_asked: bool) -> str:
        """Her identity answer as asked: her name, and her digits only when a detail was asked for (they wait until it
        is); no name either after a reaction that already said it is her (是我，你说吧… — not 是我…对，我是赵军)."""
        name, digits = identity_parts(line)
        if not detail_asked:
            self.held_detail, digits = digits, ""
        if CONFIRMS_IT_IS_HER.match(reaction):
            name = ""
        return "，".join(p for p in (name, digits) if p)

    def respond(self, act: TurnAct, band: str, verification_line: str, question: str,
                settled: frozenset[str] = frozenset(), open_question: bool = True, all_said: bool = False,
                informed: bool = False, told: bool = True, detail_asked: bool = True,
                reply_did: frozenset[str] = frozenset(), had: frozenset[str] = frozenset()) -> str:
        """The customer's whole reply to one act: correction, reaction, identity answer, next question.

        `settled`: the follow-ups answered, checkpoints met and the follow-up `question` asks: no line
        asking one of them is said. `open_question`: a question of hers was waiting for this reply; without
        one, no line says it is unanswered. `all_said`: every step but the goodbye is done and she has no question
        left, so she does not ask the trainee to go on. `informed`: the reply answered her or did a step of the call,
        so she does not tell the trainee to go ahead. `told`: she knows what the call is about; an outbound call's
        customer who does not yet answers a greeting with no line about the case. `detail_asked`: the reply asked her
        for an identifying detail (身份证后四位), or said it checks her identity. `reply_did`: the steps met, questions
        answered and behaviours of this reply; `had`: the steps met and questions answered so far — a mood line answers
        what was said (`CustomerLines.reacting`)."""
        self.settled, self.open_question, self.all_said = settled, open_question, all_said
        self.reply_did, self.had = reply_did, had | reply_did
        self.informed, self.told, self.asks_next = informed, told, question
        parts = [self._correction(act.wrong_name) if act.wrong_name else ""]
        identifying = bool(verification_line) and verification_line not in self.said
        reaction = self._reaction(act, band, identifying)
        parts.append(reaction if reaction == act.fault_line else self._not_asked_again(reaction, question))
        if verification_line and verification_line not in self.said:
            self.said.add(verification_line)
            parts.append(self._identity(verification_line, parts[1], detail_asked))
            self.verified_once = True
        elif self.held_detail and detail_asked:
            parts.append(self.held_detail)
            self.held_detail = ""
        if question:
            self.said.add(question)
            parts.append(question)
        if parts[0]:  # after "不对，我姓李" no part of the same line says yes (the follow-up question is hers)
            parts[1:] = [p if p == question else after_correction(p) for p in parts[1:]]
        self.last_parts = tuple(p for p in parts if p)
        return self.unique(compose(*parts))

    def more_questions(self, question: str) -> str:
        """The customer still has a question when the trainee asks whether there is anything else."""
        self.said.add(question)
        self.last_parts = (question,)
        return self.unique(compose(self._pick(MORE_QUESTIONS), question))

    def unique(self, text: str) -> str:
        """`text`, or with fillers until it differs from everything said so far."""
        while not text or text in self.spoken:
            filler = self._pick(FILLERS)
            if not filler:
                break
            text = compose(filler, text) if text else filler
        self.spoken.add(text)
        return text

    def end(self, line: str) -> str:
        """The last line of the call (resolution, hang-up …), said once."""
        self.last_parts = (line,)
        return self.unique(line)


# What a part of the customer's reply may end with and still run on into the next one.
PUNCTUATION = "。？！，：；…?!,:;~）)」”"


def compose(*parts: str) -> str:
    """The parts as one utterance; a part written without a full stop (a persona fact such as
    "8天前签收保单") gets one, so it does not run into the next ("…保单我是8天前签收的")."""
    kept = [p.strip() for p in parts if p and p.strip()]
    return "".join(p if p.endswith(tuple(PUNCTUATION)) else p + "。" for p in kept)
