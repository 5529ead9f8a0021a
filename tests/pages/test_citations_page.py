"""The 引用检查 page as an instructor uses it (AppTest, fixture content)."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

from trainer.users.accounts import create_user

ROOT = Path(__file__).resolve().parents[2]


def test_instructor_sees_uses_per_article_and_citations_outside_the_library(app_env, store) -> None:
    at = AppTest.from_file(str(ROOT / "ui_pages" / "citations.py"), default_timeout=120)
    at.session_state["user"] = create_user(store, "teacher1", "李老师", "instructor", "一组")
    at = at.run()
    assert not at.exception
    rows = at.dataframe[0].value
    assert "第三十六条" in set(rows["article"]) and "lapse-grace-period" in " ".join(rows["entries"])
    assert set(rows["document"]) == {"L1-01 保险法"}, "the document by its name too, not only its id"
    outside = at.dataframe[1].value
    assert any("健康保险管理办法" in c for c in outside["citation"])
    at.selectbox(key="citations_document").select("L1-01").run()
    at = at.button(key="citations_open").click().run()
    assert not at.exception
    assert any("中华人民共和国保险法" in c.value for c in at.caption)


def _headings(frame) -> list[str]:
    """The column headings a user sees (a column's label where the page gives one)."""
    import json

    config = json.loads(frame.proto.columns or "{}")
    return [config.get(name, {}).get("label", name) for name in frame.value.columns]


def citations_page(user, language: str) -> AppTest:
    """The 引用检查 page as `user` sees it in `language`."""
    at = AppTest.from_file(str(ROOT / "ui_pages" / "citations.py"), default_timeout=120)
    at.session_state["user"] = user
    at.session_state["lang"] = language
    return at.run()


def test_the_table_headings_follow_the_ui_language(app_env, store) -> None:
    user = create_user(store, "teacher2", "王老师", "instructor", "一组")
    for language, expected, foreign in (("zh", "条文", "article"), ("en", "Article", "条文")):
        at = citations_page(user, language)
        headings = [h for frame in at.dataframe for h in _headings(frame)]
        assert expected in headings and foreign not in headings, headings
        assert all(h[0].isascii() == (language == "en") for h in headings), headings


def test_a_whole_document_citation_is_labelled_in_the_ui_language_and_not_offered_as_an_article(
        app_env, store) -> None:
    lapse = app_env.content_dir / "faq" / "lapse.yaml"  # the test's own copy of the fixture content
    lapse.write_text(lapse.read_text(encoding="utf-8").replace(
        "      - {doc: 保险法, article: 第三十六条}\n", "      - {doc: 保险法, article: 第三十六条}\n      - {doc: 保险法}\n", 1),
        encoding="utf-8")
    user = create_user(store, "teacher3", "赵老师", "instructor", "一组")
    for language, label, foreign in (("zh", "（全文）", "(whole document)"), ("en", "(whole document)", "（全文）")):
        at = citations_page(user, language)
        articles = set(at.dataframe[0].value["article"])
        assert label in articles and foreign not in articles, articles
        at.selectbox(key="citations_document").select("L1-01").run()
        assert label not in at.selectbox(key="citations_article").options  # nothing to open for a whole document
        assert "第三十六条" in at.selectbox(key="citations_article").options


def test_the_chosen_article_lists_every_entry_quiz_item_and_scenario_resting_on_it(app_env, store) -> None:
    """qa29: 钱老师 chose 保险法第三十六条 to see what a change of it touches; the table cut its entries and scenarios at
    1366 px and gave its quiz items as a number only. The chosen article lists each of them in full, entries by their
    question, quiz items by their prompt."""
    from trainer.editing.citations import citation_overview
    from ui.resources import knowledge_base

    (app_env.content_dir / "quizzes" / "lapse.yaml").write_text(  # the test's own copy of the fixture content
        "items:\n  - id: q-lapse-grace-1\n    type: true_false\n    prompt: 宽限期内出险，保险公司仍按合同给付保险金。\n"
        "    answer: true\n    explanation: 保险法第三十六条第二款。\n    entry: lapse-grace-period\n    difficulty: 1\n",
        encoding="utf-8")
    at = citations_page(create_user(store, "teacher4", "钱老师", "instructor", "三组"), "zh")
    at.selectbox(key="citations_document").select("L1-01").run()
    at.selectbox(key="citations_article").select("第三十六条").run()
    assert not at.exception
    content = knowledge_base().content
    uses = citation_overview(content).articles[("L1-01", "第三十六条")]
    entries, quiz = uses.ids("entry"), uses.ids("quiz")
    assert entries and quiz == ["q-lapse-grace-1"]
    said = "\n".join(m.value for m in at.markdown)
    assert f"知识条目 {len(entries)} 条、测验题 {len(quiz)} 道" in said
    for entry_id in entries:
        assert f"{content.entries[entry_id].question} · `{entry_id}`" in said.replace("\\", "")
    assert "测验题 `q-lapse-grace-1`：宽限期内出险，保险公司仍按合同给付保险金。" in said
