"""Fuzz tests (hypothesis, bounded examples so `make test` stays fast): search, practice replies,
the YAML loader and spreadsheet import never raise anything unexpected, whatever they are fed."""

from __future__ import annotations

import csv
import io

from hypothesis import HealthCheck, given, settings, strategies as st

from kb.yaml_source import Problem, parse_yaml
from trainer.editing.spreadsheet import read_upload

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                       HealthCheck.too_slow])
# Text as agents and pastes produce it: Chinese, digits (full-width too), YAML and Markdown
# syntax, line separators, control characters and lone surrogates.
ALPHABET = st.sampled_from(list("宽限期多久犹豫理赔退保十五天日%１２３0123456789.-:[]{}&*!|>#'\"\t\n\r ")
                           + ["\u2028", "\u2029", "\x85", "\x00", "\ud800", "\udfff", "\ufeff", "=", "@", "+"])
TEXT = st.text(alphabet=ALPHABET, max_size=300)


@FUZZ
@given(query=TEXT)
def test_search_answers_any_query(real_kb, query):
    for hit in real_kb.search(query, k=3):
        assert hit.id in real_kb.content.entries


@FUZZ
@given(replies=st.lists(TEXT.filter(lambda t: t.strip()), min_size=1, max_size=4))
def test_practice_replies_never_raise(real_kb, replies):
    from tests.conftest import REAL_CONTENT
    from trainer.dialogue import DialogueSession
    from trainer.dialogue.loading import read_scenarios

    scenario = next(iter(read_scenarios(REAL_CONTENT, real_kb.content.entries)[0].values()))
    session = DialogueSession(scenario, real_kb)
    session.start()
    for reply in replies:
        if session.done:
            break
        if reply.strip():
            session.reply(reply)
    session.report()


YAML_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(TEXT, children, max_size=4), max_leaves=20)


@FUZZ
@given(text=TEXT)
def test_the_yaml_loader_turns_any_text_into_data_or_problems(text):
    data, problems = parse_yaml(text, "faq/fuzz.yaml")
    assert all(isinstance(p, Problem) and p.file == "faq/fuzz.yaml" and p.line >= 1 for p in problems)
    assert data is None or not problems


@FUZZ
@given(value=YAML_VALUES, junk=TEXT)
def test_the_yaml_loader_survives_real_yaml_with_junk_spliced_in(value, junk):
    import yaml

    text = yaml.safe_dump(value, allow_unicode=True)
    middle = len(text) // 2
    for candidate in (text, text[:middle] + junk + text[middle:]):
        parse_yaml(candidate, "f.yaml")


@FUZZ
@given(rows=st.lists(st.lists(TEXT, min_size=1, max_size=6), max_size=8),
       header=st.sampled_from([["id", "question", "answer"], ["id", "type", "prompt", "answer"], ["x"]]))
def test_spreadsheet_import_reads_any_csv_into_rows_or_problems(editor, rows, header):
    from trainer.editing.spreadsheet import plan_import

    buffer = io.StringIO()
    csv.writer(buffer).writerows([header, *rows])
    found, problems = read_upload("fuzz.csv", buffer.getvalue().encode("utf-8", "surrogatepass"))
    plan = plan_import(editor, found, problems)
    assert {r.status for r in plan.rows} <= {"new", "changed", "unchanged", "invalid"}


@FUZZ
@given(data=st.binary(max_size=2_000))
def test_spreadsheet_import_reads_any_bytes_as_a_problem_or_rows(data):
    for name in ("fuzz.csv", "fuzz.xlsx"):
        rows, problems = read_upload(name, data)
        assert isinstance(rows, list) and isinstance(problems, list)
