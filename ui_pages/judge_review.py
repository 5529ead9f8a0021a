"""评判纠错 — trainees' "judged wrong" marks on practice-call findings: relabel into the corpus, or keep the judgement."""

from __future__ import annotations

import streamlit as st

from trainer.dialogue.behaviours import LABELS, NEGATIVE, NO_BEHAVIOUR, UTTERANCE_BEHAVIOURS
from trainer.dialogue.corpus import read_corpus
from trainer.dialogue.corrections import (MAX_REASON, MIN_NOTE, Correction, accept, accept_step, contested_step,
                                          missed_step, needs_note, note_given, open_corrections, reject, reply_sentences,
                                          review_counts, suggested_labels, teaches_by_example)
from trainer.dialogue.scenario import Checkpoint
from ui.content_editing import content_editor, show_result
from trainer.insights.access import can_view
from trainer.users.accounts import account_by_id
from ui.display import scenario_title, step_name, when
from ui.i18n import tr
from ui.pages import require_page_user
from ui.render import escape_markdown
from ui.judge_status import judge_status_panel
from ui.resources import database, judge_status, retrain_judge, scenarios, settings
from ui.widget_memory import kept

RESULT = "judge_review_result"

user = require_page_user(__file__)
db = database()


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


def step_form(correction: Correction, step: Checkpoint, shown: str) -> None:
    """A missed step no behaviour meets (qa21 J1): the question is whether the reply did it, not which behaviours it
    shows. "Met" adds the sentence that did it to the step's examples, which the judge reads from the next load."""
    st.markdown(tr(f"**这句话完成了该要点吗？** 要点：{shown}", f"**Did the reply do this step?** Step: {shown}"))
    sentences = reply_sentences(correction.utterance)
    sentence = sentences[0] if len(sentences) == 1 else st.radio(
        tr("哪一句完成了该要点（写入该要点的示例句）", "Which sentence did the step (added to the step's examples)"),
        sentences, **kept(f"sentence_{correction.id}", valid=lambda chosen: chosen in sentences))
    note = st.text_input(tr("给学员的说明（维持原判时必填，学员会看到）",
                            "A word to the trainee (required to keep the judgement; they will see it)"),
                         **kept(f"note_{correction.id}"), max_chars=MAX_REASON,
                         placeholder=tr("例如：这句确实确认了还在犹豫期内，已更正 / 这句没有说到15天，维持原判",
                                        "e.g. this did confirm she is within the period, corrected / no 15 days said"))
    accept_col, reject_col = st.columns(2)
    if accept_col.button(tr("完成了：写入该要点的示例句", "Met: add it to the step's examples"), type="primary",
                         key=f"accept_{correction.id}"):
        st.session_state[RESULT] = accept_step(db, content_editor(), correction.id, sentence, user.login, note)
        st.rerun()
    keep_button(reject_col, correction, note, tr("没有完成：维持原判", "Not met: keep the judgement"))


st.title(tr("评判纠错", "Judge corrections"))
st.caption(tr("学员在通话报告里标记为“判断有误”的评判。接受后，这句话按您的标注写入话语语料（经过校验并记入修改历史），"
              "评判模型随即在后台重新训练，完成后新开始的通话生效；说“我做到了”的未完成要点，确认完成后这句话写入该要点的示例句，"
              "新开始的通话即据此判定。",
              "Findings trainees marked as judged wrong. Accepting writes the reply with your labels into the utterance "
              "corpus (validated, recorded in the history); the judge is then retrained in the background and "
              "calls started after that use it. A missed step the trainee says was done, once you confirm it, adds "
              "the sentence to the step's examples, which calls started after that use."))
if RESULT in st.session_state:
    result = st.session_state.pop(RESULT)
    if result.ok:  # the corpus is saved, but the judge has yet to learn it (qa14 #9)
        st.success(tr("已保存到内容（话语语料或情景要点的示例句）。", "Saved to the content (the utterance corpus or a step's examples)."),
                   icon=":material/check_circle:")
    else:
        show_result(result)
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
    st.stop()

known = {u.text: u for u in read_corpus(settings().content_dir)[0]}
loaded = scenarios()[0]
for correction in queue:
    step = step_name(correction.scenario_id, missed_step(correction))
    verdict = (tr("判为未完成要点", "step judged not done") if step else
               tr("判为做到了", "credited") if correction.verdict_ok else tr("判为问题", "flagged"))
    with st.container(border=True):
        # the scenario by its title, as the trainee saw it (its id meant nothing to an instructor, qa14)
        title = escape_markdown(scenario_title(correction.scenario_id))
        st.markdown(tr(f"**#{correction.id}** · 情景「{title}」 · 第{correction.turn_index}轮 · "
                       f"{verdict}：{escape_markdown(step) if step else name(correction.behaviour)}",
                       f"**#{correction.id}** · scenario “{title}” · turn {correction.turn_index} · "
                       f"{verdict}: {escape_markdown(step) if step else name(correction.behaviour)}"))
        # who objected and when (qa14 #16): an instructor asks the trainee, or weighs an old mark differently
        st.caption(escape_markdown(tr(f"{objector(correction.user_id)} 于 {when(correction.created_at)} 标记为“判断有误”",
                                      f"Marked as judged wrong by {objector(correction.user_id)} on "
                                      f"{when(correction.created_at)}")))
        st.markdown(tr("坐席原话：", "The reply: ") + "“" + escape_markdown(correction.utterance) + "”")
        st.markdown(tr("评判引用：", "Quoted: ") + "“" + escape_markdown(correction.quote) + "”")
        st.markdown(tr("学员的理由：", "Trainee's reason: ") + escape_markdown(correction.reason))
        found = loaded.get(correction.scenario_id)
        contested = contested_step(correction, found.checkpoints) if found else None
        if teaches_by_example(contested):
            step_form(correction, contested, escape_markdown(step))
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
            st.caption(tr(f"“{name(correction.behaviour)}”要看客户当时说了什么，不是这句话本身的行为，不能作为反例写入话语语料：",
                          f"“{name(correction.behaviour)}” depends on what the customer had said, not on the reply "
                          "alone, so it cannot be a counter-example in the corpus: ")
                       + tr("判断确实有误时，可接受并只写入上面选的行为；否则维持原判。",
                            "if the judgement was wrong, accept with the behaviours chosen above only; else keep it."))
        # The trainee reads the outcome and this note on the call's report and on 我的进度 (qa16 #13); a relabel or a
        # kept judgement must say why (polish21), accepting the objection as it stands stays one click.
        note = st.text_input(tr("给学员的说明（改标注或维持原判时必填，学员会看到）",
                                "A word to the trainee (required to relabel or keep the judgement; they will see it)"),
                             **kept(f"note_{correction.id}"), max_chars=MAX_REASON,
                             placeholder=tr("例如：这句确实是安慰客户，已更正 / 这句把责任推给了规定，维持原判",
                                            "e.g. this was comforting the customer, corrected / this blamed the rules"))
        accept_col, reject_col = st.columns(2)
        corpus_labels = existing.labels if existing else ()
        if accept_col.button(tr("接受并写入语料", "Accept into the corpus"), type="primary", key=f"accept_{correction.id}"):
            if needs_note(correction, corpus_labels, chosen, chosen_counter, keeping=False) and not note_given(note):
                st.error(tr(f"您改了建议的标注：请在“给学员的说明”里写一句理由（至少 {MIN_NOTE} 个字），学员和之后的培训师都靠它明白为什么。",
                            f"You changed the suggested labels: write a short reason under “A word to the trainee” (at least "
                            f"{MIN_NOTE} characters); the trainee and the next instructor learn why from it."),
                         icon=":material/edit_note:")
            else:
                st.session_state[RESULT] = accept(db, content_editor(), correction.id, chosen or [NO_BEHAVIOUR],
                                                  chosen_counter, user.login, note)
                st.rerun()
        keep_button(reject_col, correction, note, tr("维持原判", "Keep the judgement"))
