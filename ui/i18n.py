"""Simplified Chinese first, English on request: every UI string is written as tr(zh, en).

Keeping both languages side by side at the call site means a page can never show a key
instead of a sentence, and no shared catalogue has to be edited by every feature.

The choice is kept per user in the store (trainer/users/preferences.py), so a reload, a new
tab or another PC shows the user's language; before anyone signs in, the site default.
"""

from __future__ import annotations

import json
import re
import time

import streamlit as st

from trainer.dialogue.wording import english
from ui.narrow_sidebar import close_sidebar_if_narrow

LANGUAGES = {"zh": "中文", "en": "English"}
LANG_KEY = "lang"


def _signed_in_user_id() -> int | None:
    user = st.session_state.get("user")  # ui.session.USER_KEY (imported there from here: no cycle)
    return getattr(user, "id", None)


def language() -> str:
    """The current session's language ('zh' or 'en')."""
    if LANG_KEY not in st.session_state:
        from ui.resources import database, settings

        user_id = _signed_in_user_id()
        chosen = None
        if user_id is not None:
            from trainer.users.preferences import user_language

            chosen = user_language(database(), user_id, tuple(LANGUAGES))
        default = settings().language if settings().language in LANGUAGES else "zh"
        st.session_state[LANG_KEY] = chosen or default
    return st.session_state[LANG_KEY]


CHOICE_KEY = "lang_choice"  # the sidebar switch's widget key
PICKED_KEY = "lang_picked"  # set when someone picks a language before signing in
SWITCHED_KEY = "_lang_switched"  # set by a switch, taken by the next drawing of the switch: close the sidebar if narrow
# On a narrow window (a phone) the sidebar is drawn over the page; a language switch left it open over the page in the
# new language until « was pressed (qa23 G4): after a switch it is closed (ui/narrow_sidebar.py), as after a page choice.


def adopt_user_language(user_id: int) -> None:
    """On sign-in: the language the user chose before wins; a user who never chose one keeps
    (and from now on is remembered with) the language picked on the sign-in screen, if any."""
    from trainer.users.preferences import set_user_language, user_language
    from ui.resources import database

    chosen = user_language(database(), user_id, tuple(LANGUAGES))
    if chosen is not None:
        st.session_state[LANG_KEY] = chosen  # the switch follows at its next drawing (language_switch)
    elif st.session_state.get(PICKED_KEY):
        set_user_language(database(), user_id, language())


def _choice_keys() -> list[str]:
    """The keys of the radios, select boxes and multiselects drawn in this session: the widgets whose value
    Streamlit (1.67) keeps as the words it shows. Read from Streamlit's session internals; none if they change."""
    try:
        from streamlit.elements.widgets.multiselect import MultiSelectSerde
        from streamlit.elements.widgets.radio import RadioSerde
        from streamlit.elements.widgets.selectbox import SelectboxSerde
        from streamlit.runtime.state.session_state_proxy import get_session_state

        state = get_session_state()._state
        kinds = (RadioSerde, SelectboxSerde, MultiSelectSerde)
        keys = []
        for key in st.session_state.keys():
            widget = state._key_id_mapper.get_id_from_key(str(key), None)
            metadata = state._new_widget_state.widget_metadata.get(widget) if widget else None
            if isinstance(getattr(getattr(metadata, "serializer", None), "__self__", None), kinds):
                keys.append(str(key))
        return keys
    except Exception:  # noqa: BLE001 - Streamlit's internals moved: the old behaviour, nothing worse
        return []


def _keep_choices_by_value() -> None:
    """Set each choice widget's value again as the value itself, before the words change.

    Streamlit (1.67) keeps a radio's or select box's choice as the words it shows; once they are drawn in the other
    language those words match no option and the page got them back as the value: 今日训练's Start failed with
    "unknown training mode '今日训练'" after a switch to English (qa16). A value set through the session state is
    written out with the new words at the next drawing."""
    for key in _choice_keys():
        if key != CHOICE_KEY:
            st.session_state[key] = st.session_state[key]


def _on_language_picked() -> None:
    """The switch was moved: use and remember the new language (before the rerun draws anything)."""
    _keep_choices_by_value()
    choice = st.session_state[CHOICE_KEY]
    st.session_state[LANG_KEY] = choice
    st.session_state[SWITCHED_KEY] = time.monotonic_ns()  # a new text for the script: drawn, and run, anew
    user_id = _signed_in_user_id()
    if user_id is None:
        st.session_state[PICKED_KEY] = True
        return
    from trainer.users.preferences import set_user_language
    from ui.resources import database

    set_user_language(database(), user_id, choice)


def language_switch() -> None:
    """A sidebar control to switch the UI language; a signed-in user's choice is remembered.

    The switch is set from the language in use at every drawing: signing in can change the
    language after the switch was drawn, and the browser would otherwise keep showing (and
    sending back) the old choice, so that picking it again did nothing."""
    current = language()
    if st.session_state.get(CHOICE_KEY) != current:
        st.session_state[CHOICE_KEY] = current
    st.sidebar.radio("语言 / Language", list(LANGUAGES), format_func=LANGUAGES.get, horizontal=True,
                     key=CHOICE_KEY, on_change=_on_language_picked)
    switched = st.session_state.pop(SWITCHED_KEY, None)
    if switched is not None:
        close_sidebar_if_narrow(f"language {switched}")


# Streamlit's own words are English whatever the language: 1.67 has no setting to translate or replace
# them (streamlit/streamlit#1353, i18n, open; #10380 closed), they are written into its JavaScript. So the
# Chinese UI styles them away or rewords them, with nothing loaded from anywhere (docs/qa/polish18.md):
# - the hint under a box being typed in ("Press Enter to submit form", "Press ⌘+Enter to apply", with the
#   character count) cannot be reworded, as which key it names cannot be told apart from a style: left out
#   (maxlength still holds);
# - a select box's empty search ("No results", qa14) is reworded: the dropdown marks an empty list with
#   data-empty, and its one placeholder option holds the English words;
# - the keyboard's first stop, "Skip to main content" (qa15 #13), is reworded, drawn only when focused;
# - each heading's hidden link, read out as "Link to heading" and one more Tab stop per heading (qa15 #13),
#   is left out: no page links to its headings. `anchor=False` would do it per st.title/st.subheader call, but
#   not for Markdown headings (#### in an answer's title), and a new heading would bring it back.
# A multiselect's list says the same words in its own dropdown (作业布置's 指定坐席 typed with no match: polish34).
_EMPTY_LISTS = tuple(f'[data-testid="{dropdown}"] [role="listbox"][data-empty="true"] [role="option"] span'
                     for dropdown in ("stSelectboxVirtualDropdown", "stMultiSelectDropdown"))
_EMPTY_LIST, _EMPTY_LIST_AFTER = ", ".join(_EMPTY_LISTS), ", ".join(f"{part}::after" for part in _EMPTY_LISTS)
_SKIP_LINK = '[data-testid="stSkipToContent"]'
SKIP_LINK_NAME = {"zh": "跳到主要内容", "en": "Skip to main content"}
_NO_ENGLISH_HINTS = ('<style>[data-testid="InputInstructions"] {display: none} '
                     f'{_EMPTY_LIST} {{font-size: 0}} '
                     f'{_EMPTY_LIST_AFTER} {{content: "没有匹配的选项"; font-size: 0.875rem}} '
                     f'{_SKIP_LINK} {{font-size: 0 !important}} '
                     f'{_SKIP_LINK}::after {{content: "{SKIP_LINK_NAME["zh"]}"; font-size: 1rem}} '
                     '[data-testid="stHeaderActionElements"] a[href^="#"] {display: none}</style>')


# What a screen reader says is the accessibility tree, not what is drawn: the skip link reworded by the style
# above was still read "Skip to main content 跳到主要内容" (text at size 0 stays in the tree, the ::after is
# added to it), and the page's lang stayed Streamlit's "en", so Chinese was read with an English voice
# (polish18 left). A script names the link by its aria-label, which a link's spoken name is taken from
# first, and sets the page's language; it runs again whenever the language changes (its text changes), and
# an observer names a skip link React draws anew.
# The same observer rewords what a select box or multiselect announces when its list opens or an option is focused or
# chosen ("14 options available.", "…, selected": polish25, polish27): React Aria's live region, which Streamlit 1.67
# draws under an I18nProvider fixed to en-US (Selectbox and Multiselect: `locale: "en-US"`), so no locale setting
# reaches it. On the Chinese UI each announcement is rewritten, as it is added, into React Aria's own zh-CN words for
# it (`ANNOUNCEMENTS`); one in an English wording none of them knows (a Streamlit upgrade's) is said by what it is
# about — the option it names, alone, or the count of options — rather than left in English (polish28). The boxes'
# own English names (`SPOKEN_LABELS`: the opener "Open", a tag's "Remove 小美", "Clear all", "Help for 分类") are the
# UI's language too, and back in English after a switch. Nothing else on the page is touched.
_SPOKEN = """<script>(() => {
const lang = __LANG__, name = __NAME__, reworded = __ANNOUNCEMENTS__, labels = __LABELS__, bulk = __BULK__,
      roles = __ROLES__, tips = __TIPS__, dates = __DATES__;
const chinese = lang.startsWith("zh"), english = /[A-Za-z]/;
document.documentElement.lang = lang;
const options = new Set();  // the option texts seen on this page: what an announcement may name
const inChinese = (text) => {
  const known = reworded.find(([said]) => new RegExp(said).test(text));
  if (known) return text.replace(new RegExp(known[0]), known[1]);
  let named = "";
  for (const option of options) if (text.includes(option) && option.length > named.length) named = option;
  const rest = named ? text.replace(named, "") : text;
  if (!english.test(rest)) return text;
  if (named) return named;
  const count = rest.match(/\\d[\\d,]*/);
  return count ? `有 ${count[0]} 个选项可用。` : text;
};
const label = () => {
  const link = document.querySelector('[data-testid="stSkipToContent"]');
  if (link && link.getAttribute("aria-label") !== name) link.setAttribute("aria-label", name);
  for (const named of document.querySelectorAll(__NAMED__)) {
    const now = named.getAttribute("aria-label"), found = labels.find(([said]) => new RegExp(said).test(now));
    if (found) named.setAttribute("aria-label", now.replace(new RegExp(found[0]), found[1]));
  }
  // a chart's parts as Vega names them to a screen reader ("visualization", "axis", "rect mark container")
  for (const part of document.querySelectorAll(__CHART_PARTS__)) {
    const now = part.getAttribute("aria-roledescription"), found = roles.find(([said]) => new RegExp(said).test(now));
    if (found) part.setAttribute("aria-roledescription", now.replace(new RegExp(found[0]), found[1]));
  }
  // the words a toolbar button shows when hovered ("Show data", "Download as PNG"): its text node reworded in place
  for (const shown of document.querySelectorAll('[data-testid="stTooltipContent"] p')) {
    const text = shown.firstChild, found = text && tips.find(([said]) => said === text.nodeValue);
    if (found) text.nodeValue = found[1];
  }
  // an empty date box's parts ("yyyy", said "Empty"): their text node and spoken value reworded in place
  for (const segment of document.querySelectorAll('[data-testid="stDateInput"] [role="spinbutton"]')) {
    const value = segment.getAttribute("aria-valuetext");
    if (value in dates) segment.setAttribute("aria-valuetext", dates[value]);
    const text = segment.firstChild;
    if (text && text.nodeType === Node.TEXT_NODE && text.nodeValue in dates) text.nodeValue = dates[text.nodeValue];
  }
  if (!chinese) return;
  for (const option of document.querySelectorAll('[role="option"], [data-tag] [title]')) {
    const text = option.textContent.trim();
    if (text) options.add(text);
  }
  for (const said of document.querySelectorAll('[data-live-announcer] [role="log"] > div')) {
    const words = inChinese(said.textContent);
    if (words !== said.textContent) said.textContent = words;
  }
  // a multiselect's "Select all" / "Select 3 matches": its text node reworded in place, which React keeps and sets
  // again (a characterData change, seen below) when typing changes the count
  for (const shown of document.querySelectorAll('[role="option"][data-key^="__select_"] [data-item-hl]')) {
    const text = shown.firstChild;
    if (!text || text.nodeType !== Node.TEXT_NODE) continue;
    const found = bulk.find(([said]) => new RegExp(said).test(text.nodeValue));
    if (found) text.nodeValue = text.nodeValue.replace(new RegExp(found[0]), found[1]);
  }
};
label();
if (window.__agentTrainerSkipLink) window.__agentTrainerSkipLink.disconnect();
window.__agentTrainerSkipLink = new MutationObserver(label);
window.__agentTrainerSkipLink.observe(document.body, {childList: true, subtree: true, attributes: true,
                                                       attributeFilter: ["aria-label", "aria-roledescription",
                                                                         "aria-valuetext"],
                                                       characterData: true});
})();</script>"""
PAGE_LANG = {"zh": "zh-CN", "en": "en"}
# The first option Streamlit 1.67 draws in a multiselect's open list of two or more (its Multiselect bundle: a bulk
# action, data-key __select_all__ / __select_matches__), drawn as well as spoken: on the Chinese UI it read "Select all"
# above 作业布置's agents and 评判纠错's behaviours, "Select 2 matches" once a word was typed (qa21). JavaScript patterns.
BULK_OPTIONS = {"zh": ((r"^Select all$", "全选"), (r"^Select ([\d,]+) match(?:es)?$", "选中这 $1 个匹配项")), "en": ()}
# React Aria's combobox announcements in en-US (a pattern for each of its forms) and its own zh-CN wording of them
# (@react-aria/combobox's intl strings, in Streamlit 1.67's bundle), for the Chinese UI; JavaScript regular expressions.
ANNOUNCEMENTS = {"zh": (
    (r"^([\d,]+) options? available\.$", "有 $1 个选项可用。"),
    (r"^Entered group (.+), with ([\d,]+) options?\. (.*), selected$", "进入了 $1 组，其中有 $2 个选项. $3, 已选择"),
    (r"^Entered group (.+), with ([\d,]+) options?\. (.*)$", "进入了 $1 组，其中有 $2 个选项. $3"),
    (r"^(.*), selected$", "$1, 已选择"),
), "en": ()}
# The English names Streamlit 1.67 gives a select box's and a multiselect's parts and a widget's help icon (its
# Selectbox, Multiselect and StreamlitMarkdown bundles), a data table's toolbar (DataFrame, the element toolbar), a date
# box's parts and its calendar (DateInput: React Aria's segment names and Streamlit's own) and the sidebar, each with its
# Chinese; "{}" is the part named after it (polish28; the toolbar, the date box and the sidebar polish29; polish30: a
# progress bar, read "progress" on 作业布置 and 我的进度, a date range's parts ("年，时间范围 start date": the date box's
# row first, this one at the observer's next pass), a number box's steppers and a chart's toolbar).
SPOKEN_LABELS = (("Open", "展开选项"), ("Clear value", "清除所选"), ("Clear all", "全部清除"),
                 ("Selected values", "已选的值"), ("Remove {}", "移除{}"), ("Help for {}", "{}的说明"), ("Help", "说明"),
                 ("Show/hide columns", "显示或隐藏列"), ("Download as CSV", "下载为 CSV"), ("Search", "搜索"),
                 ("Fullscreen", "全屏"), ("Exit fullscreen", "退出全屏"),
                 ("Choose date", "选择日期"), ("Choose date, {}", "选择日期，{}"), ("Previous month", "上个月"),
                 ("Next month", "下个月"), ("year, {}", "年，{}"), ("month, {}", "月，{}"), ("day, {}", "日，{}"),
                 ("Sidebar", "侧边栏"), ("Collapse sidebar", "收起侧边栏"), ("Expand sidebar", "展开侧边栏"),
                 ("progress", "进度"), ("Choose date range", "选择日期范围"), ("{} start date", "{}开始日期"),
                 ("{} end date", "{}结束日期"), ("Increment", "增加"), ("Decrement", "减少"), ("Show data", "显示数据"),
                 ("Download as PNG", "下载为 PNG"), ("Copy Vega-Lite spec", "复制 Vega-Lite 图表定义"),
                 ("Show chart", "显示图表"), ("Copied!", "已复制"),  # the chart toolbar's, polish32
                 ("Dismiss", "关闭"), ("file upload", "上传文件"),  # an open list's hidden closer, an upload box's input (polish34)
                 # st.feedback's 👍 / 👎 and their group, said in English on 知识搜索 (qa28); its words as 已评价 says them
                 ("Feedback rating", "这条答案有帮助吗"), ("Thumbs up", "有帮助"), ("Thumbs down", "没帮助"))
# What Vega calls a chart's parts for a screen reader, whatever the language (vega-view and vega-scenegraph: the chart
# "visualization", an axis, a legend, a title, a group of marks "<type> mark container", a mark "<type> mark"), each
# with its Chinese (polish32: read in English on the Chinese 我的进度). The charts name their marks themselves
# (ui.charts: "条", "格"), and their axes and legends; these are the parts a spec cannot name. Patterns as above.
CHART_ROLES = (("visualization", "图表"), ("axis", "坐标轴"), ("legend", "图例"), ("title", "标题"),
               ("{} mark container", "图形组"), ("{} mark", "图形"))
CHART_PARTS = '[data-testid="stVegaLiteChart"][aria-roledescription], [data-testid="stVegaLiteChart"] [aria-roledescription]'
# The words an element toolbar's button shows when hovered for a second (Streamlit's Toolbar: its label, in English):
# "Show data" above 我的进度's charts, "Download as CSV" above a table (polish32). Whole texts only: a widget's own
# help text is never one of them.
TOOLBAR_TIPS = (("Show data", "显示数据"), ("Download as PNG", "下载为 PNG"), ("Copy Vega-Lite spec", "复制 Vega-Lite 图表定义"),
                ("Copied!", "已复制"), ("Fullscreen", "全屏"), ("Exit fullscreen", "退出全屏"), ("Show chart", "显示图表"),
                ("Show/hide columns", "显示或隐藏列"), ("Download as CSV", "下载为 CSV"), ("Search", "搜索"))
# Where those names are read and reworded (CSS selectors): nothing else on the page is touched. The calendar opens in
# a dialog of its own, outside the date box.
NAMED_PARTS = ", ".join((
    '[data-testid="stSelectbox"] [aria-label]', '[data-testid="stMultiSelect"] [aria-label]',
    '[data-testid="stTooltipHoverTarget"] [aria-label]', '[data-testid="stElementToolbar"] [aria-label]',
    '[data-testid="stDateInput"] [aria-label]', '[role="dialog"]:has([role="grid"]) [aria-label]',
    '[role="dialog"]:has([role="grid"])[aria-label]', 'section[data-testid="stSidebar"][aria-label]',
    '[data-testid="stSidebarCollapseButton"] [aria-label]', '[data-testid="stExpandSidebarButton"][aria-label]',
    '[data-testid="stSidebarCollapsedControl"] [aria-label]', '[data-testid="stProgress"][aria-label]',
    '[data-testid="stProgress"] [aria-label]', '[data-testid="stNumberInput"] button[aria-label]',
    '[data-testid="stSelectboxVirtualDropdown"] button[aria-label]', '[data-testid="stMultiSelectDropdown"] button[aria-label]',
    '[data-testid="stFileUploaderDropzone"] input[aria-label]', '[data-testid="stFeedback"][aria-label]',
    '[data-testid="stFeedback"] [aria-label]'))
# An empty date box's parts as React Aria (en-US, whatever the page's language) draws and says them: "yyyy/mm/dd" drawn in
# 用户管理's 入职日期, each part said "Empty" (polish34); its zh-CN words, and back after a switch. Whole texts only.
DATE_PLACEHOLDERS = (("yyyy", "年"), ("mm", "月"), ("dd", "日"), ("Empty", "空"))


def spoken_labels(current: str, names: tuple[tuple[str, str], ...] = SPOKEN_LABELS) -> list[tuple[str, str]]:
    """`names` (English, Chinese) as (JavaScript pattern, replacement) pairs into the language `current`, from the other
    one (a name reworded before a switch is reworded back)."""
    def pattern(words: str) -> str:
        return "^" + re.escape(words).replace(r"\{\}", "(.+)") + "$"

    pairs = names if current == "zh" else tuple((zh, en) for en, zh in names)
    return [(pattern(said), into.replace("{}", "$1")) for said, into in pairs]


def streamlit_hints() -> None:
    """Hide or reword Streamlit's own English on the Chinese UI (the typing hints under text boxes, a select
    box's "No results", the skip link and the headings' anchor links), and give the page's language, the
    skip link's spoken name and a select box's announcements in the language in use (in the sidebar, below the
    language switch)."""
    current = language()
    if current == "zh":
        st.html(_NO_ENGLISH_HINTS)
    st.sidebar.html(_SPOKEN.replace("__LANG__", json.dumps(PAGE_LANG[current]))
                    .replace("__NAME__", json.dumps(SKIP_LINK_NAME[current], ensure_ascii=False))
                    .replace("__ANNOUNCEMENTS__", json.dumps(ANNOUNCEMENTS[current], ensure_ascii=False))
                    .replace("__LABELS__", json.dumps(spoken_labels(current), ensure_ascii=False))
                    .replace("__NAMED__", json.dumps(NAMED_PARTS))
                    .replace("__BULK__", json.dumps(BULK_OPTIONS[current], ensure_ascii=False))
                    .replace("__ROLES__", json.dumps(spoken_labels(current, CHART_ROLES), ensure_ascii=False))
                    .replace("__CHART_PARTS__", json.dumps(CHART_PARTS))
                    .replace("__TIPS__", json.dumps(TOOLBAR_TIPS if current == "zh" else [(zh, en) for en, zh in TOOLBAR_TIPS],
                                                    ensure_ascii=False))
                    .replace("__DATES__", json.dumps(dict(DATE_PLACEHOLDERS if current == "zh" else
                                                          ((zh, en) for en, zh in DATE_PLACEHOLDERS)), ensure_ascii=False)),
                    unsafe_allow_javascript=True)


def tr(zh: str, en: str) -> str:
    """The string for the current language."""
    return en if language() == "en" else zh


def tr_worded(text: str) -> str:
    """A text the trainer wrote (advice, a hint, what is still open) in the current language:
    its English where it has one (trainer.dialogue.wording.Worded), else the text as it is."""
    return tr(text, english(text))


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """An English count with its noun in the right number: 1 session, 3 sessions ("the last 1 sessions")."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"
