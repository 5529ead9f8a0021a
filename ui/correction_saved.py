"""What 评判纠错 says once a correction is written — which content file and what in it: the utterance corpus with the
reply's labels, or a step's examples in its scenario file.

qa30 W2: after 接受并写入语料 林老师 read **已保存到内容（话语语料或情景要点的示例句）** and could not tell which, nor which
file to look for in 修改历史. The file is the saved change's own (`SaveResult.change_ids`), not a guess of the page's.
And, in one sentence, why a relabel was not written.
"""

from __future__ import annotations

from typing import Sequence

from trainer.dialogue.behaviours import LABELS, NO_BEHAVIOUR
from trainer.editing import history
from trainer.editing.editor import SaveResult
from trainer.store.db import Database
from ui.display import scenario_title, step_name
from ui.i18n import tr
from ui.render import escape_markdown


def changed_file(db: Database, result: SaveResult) -> str:
    """The content file the save wrote ("" when it wrote nothing: the sentence was there already)."""
    change = history.change(db, result.change_ids[0]) if result.change_ids else None
    return change.file if change is not None else ""


def _names(behaviours: Sequence[str]) -> tuple[str, str]:
    shown = [b for b in behaviours if b != NO_BEHAVIOUR]
    return ("、".join(f"“{LABELS[b][0]}”" for b in shown) if shown else "“不表现任何行为”",
            ", ".join(f"“{LABELS[b][1]}”" for b in shown) if shown else "“showing no behaviour”")


def saved_to_corpus(file: str, text: str, labels: Sequence[str], counter: Sequence[str]) -> str:
    """Markdown: the reply written into the utterance corpus, in `file`, with its labels and counter-examples."""
    zh_labels, en_labels = _names(labels)
    zh_counter, en_counter = _names(counter) if counter else ("", "")
    quoted = escape_markdown(text)
    return tr(f"已写入话语语料（`{file}`）：“{quoted}”，标为{zh_labels}" + (f"；反例：{zh_counter}" if counter else "") + "。",
              f"Written to the utterance corpus (`{file}`): “{quoted}”, labelled {en_labels}"
              + (f"; counter-example: {en_counter}" if counter else "") + ".")


def saved_as_example(file: str, scenario_id: str, description: str, step_id: str, example: str) -> str:
    """Markdown: the sentence added to a step's examples in the scenario's `file`, or that it was one already."""
    title, step, quoted = (escape_markdown(scenario_title(scenario_id)),
                           escape_markdown(step_name(scenario_id, description, step_id)), escape_markdown(example))
    if not file:
        return tr(f"“{quoted}”已是情景「{title}」要点“{step}”的示例句，内容没有改动。",
                  f"“{quoted}” is already an example of step “{step}” in scenario “{title}”; nothing was changed.")
    return tr(f"已写入情景「{title}」要点“{step}”的示例句（`{file}`）：“{quoted}”。",
              f"Added to the examples of step “{step}” in scenario “{title}” (`{file}`): “{quoted}”.")


def not_written_to_corpus(result: SaveResult) -> str:
    """Markdown, one sentence: why a relabel was refused (the corpus file would not validate with it) and the way on.
    It showed the validator's `file:line: …` block under 未保存：内容校验未通过，问题如下 (ui54's note), which an instructor
    cannot act on from this page."""
    files = "、".join(dict.fromkeys(f"`{p.file}`" for p in result.problems))
    zh = "；".join(f"第 {p.line} 行{escape_markdown(p.zh_message())}" for p in result.problems)
    en = "; ".join(f"line {p.line}: {escape_markdown(p.message)}" for p in result.problems)
    return tr(f"这句话没有写入话语语料：写入后 {files} 不能通过内容校验（{zh}），语料保持原样；评判确实有误的话，可以选“接受：只为这次通话撤回”，"
              "文件本身的问题请内容管理员修改。",
              f"The reply was not written to the utterance corpus: with it, {files.replace('、', ', ')} would not "
              f"validate ({en}), so the corpus is unchanged; if the judge was wrong, choose “Accept: withdraw it for "
              "this call”, and ask a content maintainer to fix the file.")
