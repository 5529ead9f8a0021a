"""The address a browser asked for, read to answer a wrong one in the UI's language (ui/missing_page.py)."""

from __future__ import annotations

from ui.missing_page import requested_address


def test_the_page_address_is_read_from_the_browsers_url_under_the_apps_base_path():
    assert requested_address("http://localhost:8501/history", "") == "history"
    assert requested_address("http://localhost:8501/", "") == ""
    assert requested_address(None, "") == ""
    assert requested_address("https://host/trainer/foo/", "/trainer") == "foo"  # behind a reverse proxy's prefix
    assert requested_address("https://host/trainer", "trainer") == ""
    assert requested_address("http://localhost:8501/%E5%8E%86%E5%8F%B2", "") == "历史"  # read as typed
    assert requested_address("http://localhost:8501/a/b", "") == "a/b"


def test_a_nested_wrong_address_gets_its_page_at_that_very_address():
    """/a/b: the browser asks Streamlit for the page "a/b"; st.Page refuses a "/" in its address, so the page takes it
    after it is made (a private attribute: this test is the warning when a Streamlit upgrade moves it)."""
    import streamlit as st

    from ui.missing_page import missing_page

    main = st.Page(lambda: None, title="main", url_path="main")
    page = missing_page("a/b", {"search"}, main)
    assert page is not None and page.url_path == "a/b" and page.visibility == "hidden"
    assert missing_page("search", {"search"}, main) is None


def test_only_a_nested_address_uses_streamlits_private_attribute_and_without_it_the_app_still_runs(caplog):
    """polish25: the private attribute is isolated in `at_address`. A flat address (/foo, /历史) is st.Page's own
    url_path; should an upgrade move the attribute, a nested address keeps its escaped form (Streamlit's own dialog
    answers it, as before polish23) and the server log says so, rather than the page failing."""
    import streamlit as st

    from ui.missing_page import at_address

    made: list[str] = []

    def make(url_path: str) -> st.Page:
        made.append(url_path)
        return st.Page(lambda: None, title="missing", url_path=url_path, visibility="hidden")

    assert at_address("历史", make) is not None and made == ["历史"], "a flat address: st.Page's own url_path"
    assert at_address("a/b", make).url_path == "a/b" and made[-1] == "a%2Fb"

    class Upgraded:
        """A page whose address sits in another attribute than Streamlit 1.67's."""

        def __init__(self, url_path: str) -> None:
            self._address = url_path

        url_path = property(lambda self: self._address)

    assert at_address("a/b", Upgraded).url_path == "a%2Fb"
    assert "gives no page a nested address" in caplog.text
