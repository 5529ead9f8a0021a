"""The app's pages and who may see them, written once. app.py builds the navigation from this list.

Every page starts with `require_page_user(__file__)`, which enforces the roles listed here
inside the page itself (see ui/session.py): hiding a link is a convenience, the page's own
check is the protection. tests/pages/test_page_roles.py checks that every page does so.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from trainer.users.accounts import UserInfo
from ui.session import ADMIN, EVERYONE, STAFF, require_user

ROOT = Path(__file__).resolve().parent.parent
# The browser tab's icon, a headset drawn as SVG: Streamlit sends SVG markup as a data: URL, so nothing is
# fetched for it, and unlike an emoji (🎧) it needs no emoji font (Debian's Chromium drew a box).
FAVICON = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path fill="none" stroke="#c8102e" '
           'stroke-width="2.4" stroke-linecap="round" d="M4 14v-2a8 8 0 0 1 16 0v2"/>'
           '<rect x="2.5" y="13" width="5" height="8" rx="2" fill="#c8102e"/>'
           '<rect x="16.5" y="13" width="5" height="8" rx="2" fill="#c8102e"/></svg>')
# Internal name of the second entry that serves the default page at "/" (its own url_path stays
# a real address: bookmarks and links to /search work).
ROOT_ALIAS = "home"


@dataclass(frozen=True)
class PageSpec:
    path: str
    title_zh: str
    title_en: str
    icon: str
    roles: tuple[str, ...] = EVERYONE
    section_zh: str = "坐席"
    section_en: str = "Agent"
    url_path: str | None = None
    default: bool = False
    in_menu: bool = True  # False: opened by links only (e.g. one call's report)


PAGES: tuple[PageSpec, ...] = (
    PageSpec("ui_pages/search.py", "知识搜索", "Search", ":material/search:", url_path="search", default=True),
    PageSpec("ui_pages/quiz.py", "今日训练", "Today's training", ":material/quiz:", url_path="quiz"),
    PageSpec("ui_pages/practice.py", "模拟通话", "Practice calls", ":material/support_agent:", url_path="practice"),
    PageSpec("ui_pages/progress.py", "我的进度", "My progress", ":material/trending_up:", url_path="progress"),
    PageSpec("ui_pages/guide.py", "使用指南", "Guide", ":material/menu_book:", section_zh="帮助", section_en="Help", url_path="guide"),
    PageSpec("ui_pages/team.py", "团队概览", "Team overview", ":material/groups:", roles=STAFF, section_zh="培训师", section_en="Instructor", url_path="team"),
    PageSpec("ui_pages/assignments.py", "作业布置", "Assignments", ":material/assignment:", roles=STAFF, section_zh="培训师", section_en="Instructor", url_path="assignments"),
    PageSpec("ui_pages/agent.py", "坐席详情", "Agent details", ":material/person_search:", roles=STAFF, section_zh="培训师", section_en="Instructor", url_path="agent"),
    PageSpec("ui_pages/call.py", "通话报告", "Call report", ":material/description:", url_path="call", in_menu=False),
    PageSpec("ui_pages/account.py", "我的账户", "My account", ":material/account_circle:", section_zh="账户", section_en="Account", url_path="account"),
    PageSpec("ui_pages/admin.py", "用户管理", "Users", ":material/manage_accounts:", roles=(ADMIN,), section_zh="管理", section_en="Administration", url_path="users"),
    PageSpec("ui_pages/api_tokens.py", "API 令牌", "API tokens", ":material/key:", roles=(ADMIN,), section_zh="管理", section_en="Administration", url_path="api-tokens"),
    PageSpec("ui_pages/editor.py", "内容编辑", "Content editor", ":material/edit_note:", roles=STAFF, section_zh="培训师", section_en="Instructor", url_path="editor"),
    PageSpec("ui_pages/hit_test.py", "命中测试", "Hit test", ":material/target:", roles=STAFF, section_zh="培训师", section_en="Instructor", url_path="hit-test"),
    PageSpec("ui_pages/search_feedback.py", "搜索反馈", "Search feedback", ":material/feedback:", roles=STAFF, section_zh="培训师", section_en="Instructor", url_path="search-feedback"),
    PageSpec("ui_pages/scenario_editor.py", "情景编辑", "Scenario editor", ":material/theater_comedy:", roles=STAFF, section_zh="培训师", section_en="Instructor", url_path="scenario-editor"),
    PageSpec("ui_pages/citations.py", "引用检查", "Citation check", ":material/fact_check:", roles=STAFF, section_zh="培训师", section_en="Instructor", url_path="citations"),
    PageSpec("ui_pages/judge_review.py", "评判纠错", "Judge corrections", ":material/rule:", roles=STAFF, section_zh="培训师", section_en="Instructor", url_path="judge-corrections"),
    PageSpec("ui_pages/history.py", "修改历史", "Content history", ":material/history:", roles=STAFF, section_zh="培训师", section_en="Instructor", url_path="content-history"),
    PageSpec("ui_pages/content_io.py", "导入导出", "Import / export", ":material/import_export:", roles=STAFF, section_zh="培训师", section_en="Instructor", url_path="content-import-export"),
)


def page_spec(page_file: str) -> PageSpec:
    """The registry entry of a page file (its `__file__`); KeyError for an unregistered page."""
    path = Path(page_file).resolve().relative_to(ROOT).as_posix()
    for page in PAGES:
        if page.path == path:
            return page
    raise KeyError(f"{path} is not registered in ui/pages.py PAGES")


def require_page_user(page_file: str) -> UserInfo:
    """The signed-in user if the registry lets their role see this page; otherwise the page stops."""
    return require_user(*page_spec(page_file).roles)
