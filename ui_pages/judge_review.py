"""评判纠错 — trainees' "judged wrong" marks on practice-call findings: relabel into the corpus, or keep the judgement."""

from __future__ import annotations

from typing import Callable

import streamlit as st

from trainer.dialogue.behaviours import LABELS, NEGATIVE, NO_BEHAVIOUR, TIMED, UTTERANCE_BEHAVIOURS
from trainer.dialogue.corpus import read_corpus
from trainer.dialogue.corrections import (MAX_REASON, MIN_NOTE, Correction, NotAnExample, accept, accept_for_call,
                                          accept_step, can_be_example, contested_step, refused_example,
                                          convert_step, missed_step, needs_note, note_given, open_corrections, reject,
                                          quoted_sentence, reply_run, reply_sentences, review_counts, set_aside_step, suggested_labels,
                                          teaches_by_example, unconverted_steps)
from trainer.dialogue.scenario import Checkpoint
from trainer.editing.editor import SaveResult
from ui.content_editing import content_editor, show_result
from ui.correction_saved import changed_file, not_written_to_corpus, saved_as_example, saved_to_corpus
from trainer.insights.access import can_view
from trainer.users.accounts import account_by_id
from ui.display import scenario_title, step_name, when_labelled
from ui.i18n import tr
from ui.pages import require_page_user
from ui.render import escape_markdown
from ui.judge_status import judge_status_panel
from ui.resources import database, judge_status, retrain_judge, scenarios, settings
from ui.widget_memory import kept

RESULT = "judge_review_result"  # (the save's result, what it wrote and where when it was saved)

user = require_page_user(__file__)
db = database()


def keep_result(result: SaveResult, said: Callable[[str], str]) -> None:
    """Hold a save's outcome for the next run, with what it wrote and in which file when saved (`said` of the file):
    the page said 已保存到内容（话语语料或情景要点的示例句）, and the instructor could not tell which (qa30 W2)."""
    st.session_state[RESULT] = (result, said(changed_file(db, result)) if result.ok else "")


def name(behaviour: str) -> str:
    return tr(*LABELS[behaviour]) if behaviour in LABELS else behaviour


def objector(user_id: int) -> str:
    """Who marked the finding, as this instructor may see agents elsewhere (progress, calls, search feedback)."""
    account = account_by_id(db, user_id)
    if account is None:
        return tr("已删除的账号", "a deleted account")
    if not can_view(user, account.info):
        return tr("其他团队的坐席", "an agent of another team")
    info = account.info
    return f"{info.display_name} · {info.team}" if info.team else info.display_name


def keep_button(column, correction: Correction, note: str, label: str) -> None:
    """维持原判 in `column`: the judgement stands, with a reason the trainee reads (polish21)."""
    if column.button(label, key=f"reject_{correction.id}"):
        if not note_given(note):
            st.error(tr(f"维持原判需要一句理由：请在“给学员的说明”里写明为什么（至少 {MIN_NOTE} 个字），学员会看到。",
                        f"Keeping the judgement needs a reason: write why under “A word to the trainee” (at least "
                        f"{MIN_NOTE} characters); the trainee will read it."),
                     icon=":material/edit_note:")
        else:
            reject(db, correction.id, user.login, note)
            st.rerun()


def note_input(correction: Correction, label: str, example: str | None = None) -> str:
    """给学员的说明: the reason the trainee reads beside the outcome (qa16 #13)."""
    return st.text_input(label, **kept(f"note_{correction.id}"), max_chars=MAX_REASON,
                         placeholder=example or tr("例如：这句确实是安慰客户，已更正 / 这句把责任推给了规定，维持原判",
                                                   "e.g. this was comforting the customer, corrected / this blamed the rules"))


def timed_form(correction: Correction) -> None:
    """An objection to 回复超时: the reply's time, not its words, was judged, so there is nothing to relabel. Accepting
    it into the corpus wrote the whole reply as showing no behaviour at all (qa28: 小美's empathy, apology and
    identity check, one click from teaching the judge they were none of those). The instructor keeps it, or — the page
    stalled — accepts it for this call alone, nothing written (K1); either with a note the trainee reads."""
    st.caption(tr(f"“{name(correction.behaviour)}”是按回复用时判定的，不看这句话说了什么：没有可改的标注，也不会写入话语语料。"
                  "若超时不怪学员（例如页面卡住），可只为这次通话接受，撤回这条评判；否则维持原判。两种都请写一句说明。",
                  f"“{name(correction.behaviour)}” is judged by how long the reply took, not by its words: there is "
                  "nothing to relabel and nothing is written to the corpus. If the delay was not the trainee's doing "
                  "(the page stalled, say), accept it for this call only and the finding is withdrawn; else keep it. "
                  "Either way, write a word to the trainee."))
    note = note_input(correction, tr("给学员的说明（必填，学员会看到）", "A word to the trainee (required; they will see it)"),
                      tr("例如：限时从客户说完算起；想好之前先用一句话回应客户，维持原判",
                         "e.g. the time runs from the customer's last word; say one sentence first, kept"))
    accept_col, reject_col = st.columns(2)
    if accept_col.button(tr("接受：只为这次通话撤回", "Accept: withdraw it for this call"), key=f"accept_call_{correction.id}"):
        if not note_given(note):
            st.error(tr(f"接受也需要一句说明：请在“给学员的说明”里写明原因（至少 {MIN_NOTE} 个字），学员会看到。",
                        f"Accepting needs a word too: write why under “A word to the trainee” (at least {MIN_NOTE} "
                        "characters); the trainee will read it."), icon=":material/edit_note:")
        else:
            accept_for_call(db, correction.id, user.login, note)
            st.rerun()
    keep_button(reject_col, correction, note, tr("维持原判", "Keep the judgement"))


def chosen_sentences(key: str, sentences: list[str], label: str, reason: str) -> list[str]:
    """The reply's sentence, or sentences in a row, that did the step: the only one, or the instructor's choice (by
    default the one the trainee's reason quotes, else the first). A step done across sentences (确认您在犹豫期内。
    犹豫期是15天，从签收算起。) is taught by all of them."""
    if len(sentences) == 1:
        return sentences
    return st.multiselect(label, sentences, default=[quoted_sentence(sentences, reason)],
                          placeholder=tr("选择句子（可选相邻的几句）", "Choose sentences (several in a row allowed)"),
                          **kept(key, valid=lambda chosen: all(c in sentences for c in chosen)))


SENTENCE_LABEL = ("哪一句（或相邻的几句）完成了该要点（写入该要点的示例句）",
                  "Which sentence (or sentences in a row) did the step (added to the step's examples)")


def step_form(correction: Correction, step: Checkpoint, shown: str) -> None:
    """A missed step no behaviour meets (qa21 J1): the question is whether the reply did it, not which behaviours it
    shows. "Met" adds the sentence that did it (or the sentences in a row) to the step's examples, which the judge reads
    from the next load — unless the judge faults them (review47: the refusal names the fault and its words)."""
    st.markdown(tr(f"**这句话完成了该要点吗？** 要点：{shown}", f"**Did the reply do this step?** Step: {shown}"))
    chosen = chosen_sentences(f"sentence_{correction.id}", reply_sentences(correction.utterance), tr(*SENTENCE_LABEL),
                              correction.reason)
    note = st.text_input(tr("给学员的说明（维持原判时必填，学员会看到）",
                            "A word to the trainee (required to keep the judgement; they will see it)"),
                         **kept(f"note_{correction.id}"), max_chars=MAX_REASON,
                         placeholder=tr("例如：这句确实确认了还在犹豫期内，已更正 / 这句没有说到15天，维持原判",
                                        "e.g. this did confirm she is within the period, corrected / no 15 days said"))
    example = reply_run(correction.utterance, chosen)
    refused = st.session_state.get(refused_key(correction))
    why = (refusal_sentence(refused) if refused is not None and refused.example == example else
           tr(*NO_FACTS) if example is not None and not can_be_example(step, example, content_editor().kb.content.entries)
           else None)
    accept_col, reject_col = st.columns(2)
    if why is not None:
        # qa28 K2, ui54: the instructor judges it met, but the sentence cannot be an example — said before the click
        # when it states none of the step's facts, after it when the judge faults it: one plain sentence and the way on
        # (accept it for this call, nothing written), never the validator's file:line block
        st.info(why, icon=":material/info:")
        if accept_col.button(tr("完成了：只为这次通话接受", "Met: accept for this call only"), type="primary",
                             key=f"accept_call_{correction.id}"):
            accept_for_call(db, correction.id, user.login, note, step)
            st.rerun()
    elif accept_col.button(tr("完成了：写入该要点的示例句", "Met: add it to the step's examples"), type="primary",
                           key=f"accept_{correction.id}") and not not_a_run(correction.utterance, chosen):
        editor = content_editor()
        result = accept_step(db, editor, correction.id, chosen, user.login, note)
        refused = refused_example(editor, correction, chosen, result)
        if refused is not None:
            st.session_state[refused_key(correction)] = refused
        else:
            keep_result(result, lambda file: saved_as_example(file, correction.scenario_id, step.description, step.id,
                                                              example or ""))
        st.rerun()
    keep_button(reject_col, correction, note, tr("没有完成：维持原判", "Not met: keep the judgement"))


NO_FACTS_WHY = ("这句话没有说到要点依据的术语或数字，不能写入示例",
                "This sentence states none of the terms or figures the step rests on, so it cannot become an example")
NO_FACTS = (f"{NO_FACTS_WHY[0]}；可以只为这次通话接受。", f"{NO_FACTS_WHY[1]}; you can accept it for this call only.")
# The way on from a refused example of a step accepted earlier (`converting`): it is accepted already
OLDER_WAY_ON = ("可以改选句子，或选“不写入，移出列表”。", "choose other sentences, or “Do not add; remove from the list”.")


def refused_key(correction: Correction) -> str:
    return f"judge_review_refused_{correction.id}"


def refusal_sentence(refused: NotAnExample, way_on: tuple[str, str] | None = None) -> str:
    """Why the judge refused the sentence as an example, and what to do (`way_on`; by default accepting it for this
    call), in one sentence."""
    if not refused.faults:
        return tr(*NO_FACTS) if way_on is None else tr(f"{NO_FACTS_WHY[0]}；{way_on[0]}", f"{NO_FACTS_WHY[1]}; {way_on[1]}")
    zh = "、".join(f"“{escape_markdown(f.quote)}”（{LABELS[f.rubric][0]}）" for f in refused.faults)
    en = ", ".join(f"“{escape_markdown(f.quote)}” ({LABELS[f.rubric][1]})" for f in refused.faults)
    zh_way, en_way = way_on or ("要点确实做到了的话，可以只为这次通话接受。", "if the step was done, you can accept it for this call only.")
    return tr(f"这句话不能写入示例：评判会把其中的{zh}判为问题，写成示例会让之后这样说的学员也被判完成该要点；{zh_way}",
              f"This sentence cannot become an example: the judge faults {en} in it, and an example would credit "
              f"every later trainee who says it with the step; {en_way}")


def unwritten_key(correction: Correction) -> str:
    return f"judge_review_unwritten_{correction.id}"


def not_a_run(utterance: str, chosen: list[str]) -> bool:
    """Say so, and True, when `chosen` is no sentence of the reply or sentences in a row."""
    if reply_run(utterance, chosen) is not None:
        return False
    st.error(tr("请选择一句，或相邻的几句（中间不跳句）。", "Choose one sentence, or several in a row (none skipped)."),
             icon=":material/error:")
    return True


def show_step_result(result: SaveResult) -> None:
    """A refused example: what the judge faults in it and what to do, then the problems as the editor lists them."""
    if any(p.field and p.field.endswith("examples") for p in result.problems):
        st.error(tr("这句话没有写入示例句：示例句会让之后说出它（或相近说法）的学员被判完成该要点，所以不能带有评判会指出的问题，"
                    "也必须说到要点依据的术语或数字。若它确实没有完成该要点，请选“没有完成：维持原判”并写明原因。",
                    "The sentence was not added: an example credits every later trainee who says it (or words close to "
                    "it) with the step, so it may hold nothing the judge faults and must state the step's terms or "
                    "figures. If it did not do the step, choose “Not met: keep the judgement” and say why."),
                 icon=":material/block:")
    show_result(result)


def converting(correction: Correction, step: Checkpoint) -> None:
    """An older accepted missed step (accepted before steps were taught by example): convert it or set it aside."""
    with st.container(border=True):
        title = escape_markdown(scenario_title(correction.scenario_id))
        shown = escape_markdown(step_name(correction.scenario_id, step.description))
        st.markdown(tr(f"**#{correction.id}** · 情景「{title}」 · 第{correction.turn_index}轮 · 要点：{shown}",
                       f"**#{correction.id}** · scenario “{title}” · turn {correction.turn_index} · step: {shown}"))
        st.markdown(tr("坐席原话：", "The reply: ") + "“" + escape_markdown(correction.utterance) + "”")
        st.caption(tr(f"{when_labelled(correction.reviewed_at)} 已接受，当时写入话语语料的标注："
                      f"{'、'.join(name(b) for b in correction.labels) or '无'}（保留不变）",
                      f"Accepted {when_labelled(correction.reviewed_at)}; the corpus labels written then: "
                      f"{', '.join(name(b) for b in correction.labels) or 'none'} (kept)"))
        chosen = chosen_sentences(f"convert_sentence_{correction.id}", reply_sentences(correction.utterance),
                                  tr(*SENTENCE_LABEL), correction.reason)
        example = reply_run(correction.utterance, chosen)
        # ui55: a refused example said in one sentence (as the queue's step card does, ui54), not the validator's block
        stored = st.session_state.get(refused_key(correction))
        refused = (stored if stored is not None and stored.example == example else NotAnExample(example)
                   if example is not None and not can_be_example(step, example, content_editor().kb.content.entries)
                   else None)
        if refused is not None:
            st.info(refusal_sentence(refused, OLDER_WAY_ON), icon=":material/info:")
        write_col, aside_col = st.columns(2)
        if write_col.button(tr("写入该要点的示例句", "Add to the step's examples"), type="primary",
                            key=f"convert_{correction.id}", disabled=refused is not None
                            ) and not not_a_run(correction.utterance, chosen):
            editor = content_editor()
            result = convert_step(db, editor, correction.id, chosen, user.login)
            refused = refused_example(editor, correction, chosen, result)
            if refused is not None:
                st.session_state[refused_key(correction)] = refused
            else:
                keep_result(result, lambda file: saved_as_example(file, correction.scenario_id, step.description,
                                                                  step.id, example or ""))
            st.rerun()
        if aside_col.button(tr("不写入，移出列表", "Do not add; remove from the list"), key=f"set_aside_{correction.id}"):
            set_aside_step(db, correction.id, user.login)
            st.rerun()


def older_steps() -> None:
    """Missed steps accepted before review46 taught the step nothing: listed for the instructor to convert (review47)."""
    loaded_scenarios = scenarios()[0]
    older = unconverted_steps(db, loaded_scenarios)
    if not older:
        return
    st.subheader(tr(f"早先接受、尚未写入示例句的要点纠错（{len(older)}）", f"Steps accepted earlier, not yet examples ({len(older)})"))
    st.caption(tr("这些“我说了”的要点在示例句功能之前被接受，只写入了话语语料，评判并没有因此学会该要点。"
                  "确认哪一句完成了要点后写入示例句（同样经过校验并记入修改历史）；不写入则移出列表。学员已看到的结果和说明不变。",
                  "These steps were accepted before steps could be taught by example: only the utterance corpus got "
                  "the reply, and the judge learnt nothing of the step. Add the sentence that did it to the step's "
                  "examples (validated and recorded like any save), or remove it from the list. The outcome and note "
                  "the trainee read stay as they are."))
    for correction in older:
        step = contested_step(correction, loaded_scenarios[correction.scenario_id].checkpoints)
        converting(correction, step)


st.title(tr("评判纠错", "Judge corrections"))
st.caption(tr("学员在通话报告里标记为“判断有误”或“要点其实做到了”的评判。接受后，这句话按您的标注写入话语语料（经过校验并记入修改历史），"
              "评判模型随即在后台重新训练，完成后新开始的通话生效；学员点了“我说了”的未完成要点，确认完成后这句话写入该要点的示例句，"
              "新开始的通话即据此判定。",
              "Findings trainees marked as judged wrong, and steps they say they did. Accepting writes the reply with your labels into the utterance "
              "corpus (validated, recorded in the history); the judge is then retrained in the background and "
              "calls started after that use it. A missed step the trainee says was done, once you confirm it, adds "
              "the sentence to the step's examples, which calls started after that use."))
if RESULT in st.session_state:
    result, said = st.session_state.pop(RESULT)
    if result.ok:  # the content is saved, but the judge has yet to learn it (qa14 #9): said by the panel below
        st.success(said, icon=":material/check_circle:")
    else:
        show_step_result(result)
judge_status_panel(judge_status, retrain_judge)

# Every objection counts, however it was handled: 维持原判 took one out of the queue and out of sight (qa16 #14).
counts = review_counts(db)
open_col, accepted_col, rejected_col = st.columns(3)
open_col.metric(tr("待复核", "To review"), counts["open"])
accepted_col.metric(tr("已接受", "Accepted"), counts["accepted"])
rejected_col.metric(tr("维持原判", "Kept as judged"), counts["rejected"])
queue = open_corrections(db)
if not queue:
    st.info(tr("没有待处理的纠错。", "No corrections to review."))

known = {u.text: u for u in read_corpus(settings().content_dir)[0]}
loaded = scenarios()[0]
for correction in queue:
    step = step_name(correction.scenario_id, missed_step(correction))
    verdict = (tr("判为未完成要点", "step judged not done") if step else
               tr("判为做到了", "credited") if correction.verdict_ok else tr("判为问题", "flagged"))
    with st.container(border=True, key=f"correction_{correction.id}"):  # a card a browser test finds by its key
        # the scenario by its title, as the trainee saw it (its id meant nothing to an instructor, qa14)
        title = escape_markdown(scenario_title(correction.scenario_id))
        st.markdown(tr(f"**#{correction.id}** · 情景「{title}」 · 第{correction.turn_index}轮 · "
                       f"{verdict}：{escape_markdown(step) if step else name(correction.behaviour)}",
                       f"**#{correction.id}** · scenario “{title}” · turn {correction.turn_index} · "
                       f"{verdict}: {escape_markdown(step) if step else name(correction.behaviour)}"))
        # who objected and when (qa14 #16): an instructor asks the trainee, or weighs an old mark differently
        # a missed step is contested with 我说了 under 要点其实做到了？, not with 判断有误 (qa24)
        marked = ("要点其实做到了", "a step done after all") if step else ("判断有误", "judged wrong")
        st.caption(escape_markdown(tr(f"{objector(correction.user_id)} 于 {when_labelled(correction.created_at)} 标记为“{marked[0]}”",
                                      f"Marked as {marked[1]} by {objector(correction.user_id)} on "
                                      f"{when_labelled(correction.created_at)}")))
        st.markdown(tr("坐席原话：", "The reply: ") + "“" + escape_markdown(correction.utterance) + "”")
        if not step:  # a missed step quotes no words of the reply: its stored quote is the step's Chinese name, which
            # the heading above already gives in the page's language (qa25: “未完成要点：…” on the English page)
            st.markdown(tr("评判引用：", "Quoted: ") + "“" + escape_markdown(correction.quote) + "”")
        st.markdown(tr("学员的理由：", "Trainee's reason: ") + escape_markdown(correction.reason))
        found = loaded.get(correction.scenario_id)
        contested = contested_step(correction, found.checkpoints) if found else None
        if teaches_by_example(contested):
            step_form(correction, contested, escape_markdown(step))
            continue
        if not step and correction.behaviour in TIMED:
            timed_form(correction)
            continue
        existing = known.get(correction.utterance)
        labels, counter = suggested_labels(correction, existing.labels if existing else ())
        chosen = st.multiselect(tr("这句话表现出的行为", "Behaviours the reply shows"), UTTERANCE_BEHAVIOURS,
                                default=labels, format_func=name, **kept(f"labels_{correction.id}"),
                                placeholder=tr("选择行为", "Choose behaviours"))
        counters = [b for b in NEGATIVE if b in UTTERANCE_BEHAVIOURS and b not in chosen]
        # Only what the reply itself shows can be a counter-example: a 未回应问题 objection suggested
        # ignored_question, which is not among the choices, and the whole queue stopped on Streamlit's error (qa16).
        chosen_counter = st.multiselect(tr("不应被判为（反例）", "Must not be flagged as (counter-example)"), counters,
                                        default=[c for c in counter if c in counters], format_func=name,
                                        **kept(f"counter_{correction.id}", valid=lambda chosen: all(c in counters for c in chosen)), placeholder=tr("选择行为", "Choose behaviours"))
        if not step and correction.behaviour in NEGATIVE and correction.behaviour not in UTTERANCE_BEHAVIOURS:
            # what a contextual fault is judged against: 事实错误 against the knowledge base and the case, not against
            # what the customer said (qa30 W1: the caption said the latter for a 10倍 said for 15倍)
            against = (tr("知识库和这通电话的案情", "the knowledge base and the case of this call")
                       if correction.behaviour == "wrong_fact" else tr("客户当时说了什么", "what the customer had said"))
            st.caption(tr(f"“{name(correction.behaviour)}”要看{against}，不是这句话本身的行为，不能作为反例写入话语语料：",
                          f"“{name(correction.behaviour)}” depends on {against}, not on the reply "
                          "alone, so it cannot be a counter-example in the corpus: ")
                       + tr("判断确实有误时，可接受并只写入上面选的行为；否则维持原判。",
                            "if the judgement was wrong, accept with the behaviours chosen above only; else keep it."))
        # The trainee reads the outcome and this note on the call's report and on 我的进度 (qa16 #13); a relabel or a
        # kept judgement must say why (polish21), accepting the objection as it stands stays one click.
        if unwritten_key(correction) in st.session_state:
            st.warning(st.session_state[unwritten_key(correction)], icon=":material/block:")
        note = note_input(correction, tr("给学员的说明（改标注或维持原判时必填，学员会看到）",
                                         "A word to the trainee (required to relabel or keep the judgement; they will see it)"))
        accept_col, call_col, reject_col = st.columns(3)
        corpus_labels = existing.labels if existing else ()
        if accept_col.button(tr("接受并写入语料", "Accept into the corpus"), type="primary", key=f"accept_{correction.id}"):
            if needs_note(correction, corpus_labels, chosen, chosen_counter, keeping=False) and not note_given(note):
                st.error(tr(f"您改了建议的标注：请在“给学员的说明”里写一句理由（至少 {MIN_NOTE} 个字），学员和之后的培训师都靠它明白为什么。",
                            f"You changed the suggested labels: write a short reason under “A word to the trainee” (at least "
                            f"{MIN_NOTE} characters); the trainee and the next instructor learn why from it."),
                         icon=":material/edit_note:")
            else:
                labels = chosen or [NO_BEHAVIOUR]
                result = accept(db, content_editor(), correction.id, labels, chosen_counter, user.login, note)
                if not result.ok and result.conflict is None and result.problems:  # said on the card, in one sentence
                    st.session_state[unwritten_key(correction)] = not_written_to_corpus(result)
                else:
                    st.session_state.pop(unwritten_key(correction), None)
                    keep_result(result, lambda file: saved_to_corpus(file, correction.utterance, labels, chosen_counter))
                st.rerun()
        # Judged wrong, yet no reference worth teaching (回应空泛 on a sentence fine in its call): upheld for the call
        # alone, nothing written, as a step whose sentence cannot be an example is (ui53) — one click, like accepting
        # the objection as it stands.
        if call_col.button(tr("接受：只为这次通话撤回", "Accept: withdraw it for this call"), key=f"accept_call_{correction.id}",
                           help=tr("评判确实有误，但这句话不值得写入语料时选这个：只撤回这次通话的这条评判，不写入内容，评判模型不变。",
                                   "The judge was wrong, but the reply is no example worth teaching: the finding is "
                                   "withdrawn from this call only; nothing is written and the judge is unchanged.")):
            accept_for_call(db, correction.id, user.login, note)
            st.rerun()
        keep_button(reject_col, correction, note, tr("维持原判", "Keep the judgement"))
older_steps()
