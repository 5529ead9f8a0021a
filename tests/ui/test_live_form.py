"""ui.live_form: a double click on a submit that empties the form acts once, whichever run its second click comes with
(stop 46's CI: on a slow machine the second click came back with the fields filled and assigned the work again)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def add_form() -> None:
    """A form that adds its name and empties itself; `stop_inside` makes the next run stop inside the form, as a newer
    click stops a running script in the browser."""
    import streamlit as st

    from ui.live_form import live_form

    with live_form("f", {"name": ""}) as form:
        st.text_input("Name", key="name")
        if form.submit("Add", key="add"):
            st.session_state["added"] = [*st.session_state.get("added", []), st.session_state["name"]]
            st.session_state["stop_inside"] = st.session_state.get("stop_next_run", False)
            form.clear_on_next_run()
            st.rerun()
        if st.session_state.pop("stop_inside", False):
            raise RuntimeError("a newer click stopped this run")


def started(stop_next_run: bool = False) -> AppTest:
    at = AppTest.from_function(add_form, default_timeout=30)
    at.session_state["stop_next_run"] = stop_next_run
    at.run()
    at.text_input(key="name").set_value("小李").run()  # typed: a run, as in a browser
    at.button(key="add").click().run()
    assert at.session_state["added"] == ["小李"]
    return at


def test_a_second_click_sent_with_the_fields_before_they_were_emptied_adds_nothing_and_empties_them_again() -> None:
    at = started()
    assert at.text_input(key="name").value == ""
    at.text_input(key="name").set_value("小李")  # the browser still showed the name when the second click went
    at.button(key="add").click().run()
    assert not at.exception, at.exception
    assert at.session_state["added"] == ["小李"]
    assert at.text_input(key="name").value == ""


def test_a_run_stopped_inside_the_form_leaves_the_emptying_to_the_next_run() -> None:
    at = started(stop_next_run=True)
    assert at.exception  # the emptying run was stopped inside the form
    at.text_input(key="name").set_value("小李")
    at.button(key="add").click().run()
    assert not at.exception, at.exception
    assert at.session_state["added"] == ["小李"]
    assert at.text_input(key="name").value == ""


def test_a_name_typed_after_the_form_was_emptied_is_added() -> None:
    at = started()
    at.text_input(key="name").set_value("小周").run()
    at.button(key="add").click().run()
    assert at.session_state["added"] == ["小李", "小周"]
    at.button(key="add").click().run()  # on the empty form: the page's own check (here: an empty name is added)
    assert at.session_state["added"] == ["小李", "小周", ""]
