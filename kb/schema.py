"""The fields of each kind of content item, in file order: the one place a field is declared.

Everything that knows an item's fields is built from these lists, so they cannot disagree:
the loader's known-field check and its plain-field reading (`kb.content`), the YAML writer's
key order and layout (`trainer.editing.yaml_style`), the spreadsheet columns and the editor
form (`trainer.editing.fields`, `ui_pages/editor.py`). Adding a field means adding one `Field`
here and, for a field the code reads, the attribute on the item's dataclass; a new *kind of
value* (a structured citation, say) also needs its reader in `kb.content` and its text form
in `trainer.editing.fields`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Kinds of value. Texts, lists, choices and entry references are read generically
# (ItemChecker.plain_fields); the others have their own reader in kb.content. Each kind has its
# text form in trainer.editing.fields.
ID = "id"                  # kebab-case, unique across the set, never renamed
TEXT = "text"              # one line of text
PARAGRAPH = "paragraph"    # text that may run over several lines
LINES = "lines"            # a list of texts
CHOICE = "choice"          # one of `choices`
ENTRY_REF = "entry_ref"    # the id of an FAQ entry
SOURCES = "sources"        # [{doc, article}] citing sources.yaml
QUIZ_ANSWER = "quiz_answer"  # index, indices, true/false or text, by the quiz type
ENGLISH = "english"        # {part: text}, optional translation of some fields

MIN_VARIANTS = 3  # an entry is found by how people really ask: the label promises at least three

QUIZ_TYPES = ("single", "multiple", "true_false", "fill_blank")
QUIZ_TYPE_NAMES = {"single": ("单选题", "Single choice"), "multiple": ("多选题", "Multiple choice"),
                   "true_false": ("判断题", "True or false"), "fill_blank": ("填空题", "Fill in the blank")}
CHOICE_TYPES = ("single", "multiple")
# The content's tags (free words, content/README.md) as the Chinese UI names them; a tag not listed shows as written.
TAG_NAMES = {"callback": ("新单回访", "callback"), "claims": ("理赔", "claims"), "complaint": ("投诉", "complaint"),
             "inbound": ("来电", "inbound"), "outbound": ("外呼", "outbound"), "reminder": ("续期提醒", "reminder"),
             "sales-compliance": ("销售合规", "sales-compliance"), "service": ("客户服务", "service")}
DIFFICULTIES = (1, 2, 3)
PHRASE_SITUATIONS = ("opening", "verification", "empathy", "apology", "hold", "explanation", "escalation", "closing")
FORBIDDEN_KINDS = ("absolute_promise", "rude", "blame", "jargon")


@dataclass(frozen=True)
class Field:
    """One field of an item: its YAML key, kind of value, validation, file layout and form label."""

    name: str
    kind: str
    label: str = ""       # Chinese label in the editor form ("" for fields the form does not show)
    label_en: str = ""
    required: bool = False
    minimum: int = 0      # LINES: fewest elements
    choices: tuple[Any, ...] = ()
    default: Any = None   # CHOICE: the value when absent (None: the field is required)
    layout: str = ""      # how the YAML writer lays out a new value: literal (|), block (- …) or inline
    parts: tuple["Field", ...] = ()  # ENGLISH: the texts the editor offers (question, answer)
    help: str = ""
    help_en: str = ""


@dataclass(frozen=True)
class ItemKind:
    """A kind of content item: the top-level list it sits in and its fields in order."""

    list_key: str
    fields: tuple[Field, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


_ID_HELP = ("小写字母、数字和连字符，以分类前缀开头；保存后不可更改", "kebab-case with the category prefix; never renamed")
DIFFICULTY = Field("difficulty", CHOICE, "难度", "Difficulty", choices=DIFFICULTIES, default=1)

ENTRY = ItemKind("entries", (
    Field("id", ID, "id", "id", required=True, help=_ID_HELP[0], help_en=_ID_HELP[1]),
    Field("question", TEXT, "标准问", "Question", required=True),
    Field("variants", LINES, "相似问法（至少 3 条）", "Variants (at least 3)", minimum=MIN_VARIANTS, layout="block"),
    Field("answer", PARAGRAPH, "答案（事实、数字、条件）", "Answer (facts, numbers, conditions)", required=True,
          layout="literal"),
    Field("script", PARAGRAPH, "话术", "Script", layout="literal"),
    Field("keywords", LINES, "关键词", "Keywords"),
    Field("sources", SOURCES, "依据（每行：文件名 | 条款）", "Sources (one per line: document | article)", required=True,
          layout="block"),
    Field("tags", LINES, "标签", "Tags"),
    # Entries that answer the same question in another circumstance (犹豫期内撤单 / 犹豫期后退保): when one is shown
    # first, search keeps the other in the top three (kb.siblings). Ids of FAQ entries; the relation goes both ways.
    Field("siblings", LINES, "同一问题的另一种情形（条目 id，每行一个）", "Same question, other circumstance (entry ids)"),
    DIFFICULTY,
    Field("en", ENGLISH, parts=(Field("question", TEXT, "英文问题（可选）", "English question (optional)"),
                                Field("answer", PARAGRAPH, "英文答案（可选）", "English answer (optional)",
                                      layout="literal"))),
))

QUIZ = ItemKind("items", (
    Field("id", ID, "id", "id", required=True, help=_ID_HELP[0], help_en=_ID_HELP[1]),
    Field("type", CHOICE, "题型", "Type", required=True, choices=QUIZ_TYPES),
    Field("prompt", PARAGRAPH, "题干", "Prompt", required=True),
    Field("options", LINES, "选项（单选/多选）", "Options (single/multiple)"),
    Field("answer", QUIZ_ANSWER, "正确答案（选项原文，每行一个；判断题填 对/错；填空题填答案）",
          "Correct answer (option text, one per line; true/false; or the blank's text)", required=True),
    Field("accept", LINES, "其他可接受答案（填空题）", "Other accepted answers (fill-in)"),
    Field("explanation", PARAGRAPH, "解析", "Explanation", required=True),
    Field("entry", ENTRY_REF, "考查的知识库条目", "FAQ entry it tests", required=True),
    DIFFICULTY,
    # en: {prompt, explanation, options (choice items: every option translated, same order), accept (fill-in:
    # English spellings of the answer)}; read and checked by kb.content._read_quiz_en. The form shows no boxes
    # for it (options are a list): saving from the form or a spreadsheet keeps it as it is in the file.
    Field("en", ENGLISH),
))

CATEGORY = ItemKind("categories", (
    Field("id", ID, required=True),
    Field("prefix", TEXT),
    Field("name", TEXT, required=True),
    Field("name_en", TEXT, required=True),
    Field("description", PARAGRAPH),
))

GLOSSARY_GROUP = ItemKind("groups", (
    Field("id", ID, required=True),
    # One term is enough for a group that only rewrites spoken words (俺 → 我); _read_glossary checks it has some.
    Field("terms", LINES, minimum=1),
    Field("spoken", LINES),
    # The spoken phrases are replaced only in a query that also names one of these (借钱 is a policy loan only
    # when the policy is named: 保单能借钱吗, not 借钱看病的利息); empty = always.
    Field("spoken_if", LINES),
    # … and not in a query that names one of these (保险钱 is the benefit, except beside 交 / 扣: the premium).
    Field("spoken_unless", LINES),
))

RECOMMENDED_PHRASE = ItemKind("recommended", (
    Field("id", ID, required=True),
    Field("situation", CHOICE, required=True, choices=PHRASE_SITUATIONS),
    Field("text", TEXT, required=True),
))

FORBIDDEN_PHRASE = ItemKind("forbidden", (
    Field("id", ID, required=True),
    Field("phrase", TEXT, required=True),
    Field("kind", CHOICE, required=True, choices=FORBIDDEN_KINDS),
    Field("reason", TEXT, required=True),
    Field("better", TEXT, required=True),
    Field("variants", LINES),
))

# Every kind whose items sit in a top-level list, by that list's key.
ITEM_KINDS = {kind.list_key: kind for kind in (ENTRY, QUIZ, CATEGORY, GLOSSARY_GROUP, RECOMMENDED_PHRASE, FORBIDDEN_PHRASE)}
