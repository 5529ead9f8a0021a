"""Words the trainee quotes or restates are not the trainee's own: 您是说业务员讲“保证翻倍”是吧？

Both the cue rules and the classifier skip promises, rudeness and blame found inside a
quotation or in words that restate what someone else said. The reach of a restatement is the
clause, not the sentence (judge23): in 分红肯定每年都有的，不会比业务员说的少的。 the promise is the
agent's own, and 业务员说的那都是他个人说法，公司不认，你找他掰扯去。 sends the customer away in the
agent's own words. A report still runs on past its clause (您是说，业务员讲，这个稳赚不赔), and a
sentence that asks the report back (…，是吧？) is a restatement throughout, as before.
"""

from __future__ import annotations

import re

from kb.chinese_text import SENTENCE_ENDS, span_bounds

_QUOTED = re.compile(r"“[^”]{2,}”|\"[^\"]{2,}\"|「[^」]{2,}」|『[^』]{2,}』|‘[^’]{2,}’")
REPORTING = ("您是说", "您的意思是", "您刚才说", "您刚才是说", "您刚刚说", "您是想说", "您说的是", "他说", "她说", "业务员说", "业务员讲", "原话",
             "跟您讲的是", "跟您说的是")
QUOTE_SENSITIVE = ("absolute_promise", "rude", "blame")
# Where a comma ends what a reporting verb reaches (、 lists one thing, it does not end a report).
_CLAUSE_ENDS = "，,"
_TRAILING = "，,、。！？!?；;…~～ \n"
# A sentence that asks the customer to confirm it (…是吧？ …对吗？ …是这个意思吧？) restates; a statement, and a
# rhetorical question (这又能怪谁呢？), says the agent's own.
_ASKS_BACK = re.compile(r"(?:吧[？?]|吗[？?。]?|(?:是不是|对不对)[？?])[”\"」』’]?\s*$")


# Her demand said back or recorded (judge55a): 您的要求我原样记上：全额退保费、赔5万、今天到账 / 您的诉求是全额退… /
# 您要的是…: the words after the frame are hers, listed — after a colon to the sentence's end, else to the clause's end.
_DEMAND_FRAME = re.compile(
    r"(?:您|你)(?:刚才|刚刚)?(?:的|提的|说的|提出的)?(?:这些|这几个|这几条|这几项|几点|几条)?(?:要求|诉求|条件)"
    r"(?:[^，,。！？!?；;：:]{0,8}?(?:记|登记|记录|写|转达|反映|报)[^，,。！？!?；;：:]{0,4})?(?P<colon>[：:])"
    r"|(?:您|你)(?:的)?(?:要求|诉求|条件)(?:是|就是)|(?:您|你)(?:要|想要|要求)的(?:是|就是)")


def _demand_said_back(text: str, start: int, left: int) -> bool:
    """A frame before `start` in its sentence (from `left`) says back or records her demand and reaches `start`."""
    return any(frame["colon"] or not re.search(f"[{_CLAUSE_ENDS}]", text[frame.end():start])
               for frame in _DEMAND_FRAME.finditer(text, left, start))


def reported_speech(sentence: str) -> bool:
    """The sentence repeats or quotes someone else's words (the customer's, the salesperson's)."""
    return bool(_QUOTED.search(sentence)) or any(marker in sentence for marker in REPORTING)


def inside_quotes(text: str, start: int) -> bool:
    """Position `start` of `text` lies inside a quotation mark pair."""
    return any(m.start() < start < m.end() for m in _QUOTED.finditer(text))


def _nominal(clause: str, marker: str) -> bool:
    """Every use of `marker` in the clause names what was said (业务员说的那个数, 他说的话) rather than
    reporting it (业务员说的是保证收益, 他说保证能赔): such a report ends with its clause."""
    at = [m.end() for m in re.finditer(re.escape(marker), clause)]
    return bool(at) and all(clause[i:i + 1] == "的" and clause[i + 1:i + 2] not in ("是", "：", ":") for i in at)


def _opens_report(clause: str) -> bool:
    """The clause holds a reporting word whose report may run on into the clauses after it."""
    return any(marker in clause and not _nominal(clause, marker) for marker in REPORTING)


def reported_at(text: str, start: int, end: int) -> bool:
    """The words at [start, end) of `text` are someone else's: inside quotation marks; in a clause that
    quotes or reports (业务员说的…); after a clause of the same sentence that opens a report (您是说，…);
    after her demand said back or recorded (`_DEMAND_FRAME`); or in a sentence that asks a report or quotation back
    (您是说业务员讲…，每年都有百分之五，是吧？)."""
    if inside_quotes(text, start):
        return True
    while end > start + 1 and text[end - 1] in _TRAILING:  # a quoted clause keeps its comma or full stop
        end -= 1
    left, right = span_bounds(text, start, end)
    sentence = text[left:right]
    if _demand_said_back(text, start, left):
        return True
    if not reported_speech(sentence):
        return False
    clause_left, clause_right = span_bounds(text, start, end, _CLAUSE_ENDS + SENTENCE_ENDS)
    if reported_speech(text[clause_left:clause_right]):
        return True
    before = [piece for piece in re.split(f"[{_CLAUSE_ENDS}]", text[left:clause_left]) if piece.strip()]
    if any(_opens_report(piece) for piece in before):
        return True
    tail = text[right:right + 1]
    return bool(_ASKS_BACK.search(sentence + tail))
