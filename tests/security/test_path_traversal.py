"""Finding 1 (High): typed ids and file names must never reach the disk outside content/."""

from __future__ import annotations

import pytest

from trainer.editing.editor import Draft
from trainer.editing.files import UnsafePath, content_path
from tests.security.conftest import page

ESCAPES = ["scenarios/../../../../tmp/x.yaml", "scenarios/../categories.yaml", "scenarios/../faq/claims.yaml",
           "../faq/claims.yaml", "/etc/passwd", "faq/claims.yaml/../../x.yaml", "scenarios/.hidden.yaml",
           "scenarios/a b.yaml", "scenarios/UPPER.yaml", "categories.yaml", "scenarios/x.yml", "scenarios/%2e%2e.yaml",
           "scenarios\\..\\x.yaml", "scenarios/x.yaml\x00.txt", "",
           "regulations/l1-01.md", "regulations/L1-01.yaml", "regulations/../faq/claims.md", "dialogue/x.yaml",
           "dialogue/utterances/../../categories.yaml", "utterances/w-a.yaml"]
ALLOWED = ["faq/claims.yaml", "scenarios/permanent-lapse-angry.yaml", "regulations/L1-01.md", "regulations/JI-2.md",
           "dialogue/utterances/corrections.yaml"]


@pytest.mark.parametrize("name", ESCAPES)
def test_every_name_outside_the_pattern_is_refused_before_a_path_is_built(tmp_path, name):
    with pytest.raises(UnsafePath):
        content_path(tmp_path, name)


@pytest.mark.parametrize("name", ALLOWED)
def test_every_editable_kind_of_file_gets_a_path_inside_the_tree(tmp_path, name):
    assert content_path(tmp_path, name) == tmp_path.resolve() / name


def test_the_editor_does_not_read_categories_into_the_text_box(editor):
    with pytest.raises(UnsafePath):
        editor.open_file("scenarios/../categories.yaml")


def test_deleting_a_whole_faq_file_through_a_scenario_name_is_refused(editor):
    claims = editor.root / "faq" / "claims.yaml"
    before = claims.read_bytes()
    draft = Draft("scenarios/../faq/claims.yaml", None, "x", None, before.decode(), 0)
    result = editor.save_file(draft, None, "attacker")
    assert not result.ok and "not a content file name" in result.error
    assert claims.read_bytes() == before


def test_creating_a_file_outside_the_content_folder_is_refused(editor, tmp_path):
    draft = Draft("scenarios/../../../../../../../../tmp/x.yaml", None, "x", None, None, 0)
    result = editor.save_file(draft, "id: x\n", "attacker")
    assert not result.ok
    assert not any(p.name.startswith("x.yaml") for p in tmp_path.rglob("*"))


def test_a_symlink_pointing_out_of_the_tree_is_neither_read_nor_written(editor, tmp_path):
    outside = tmp_path / "outside.yaml"
    outside.write_text("secret: 1\n")
    (editor.root / "scenarios" / "evil.yaml").symlink_to(outside)
    with pytest.raises(UnsafePath):
        editor.open_file("scenarios/evil.yaml")
    result = editor.save_file(Draft("scenarios/evil.yaml", None, "evil", None, "secret: 1\n", 0), "id: evil\n", "x")
    assert not result.ok and "outside the content folder" in result.error
    assert outside.read_text() == "secret: 1\n"


def test_a_symlinked_folder_pointing_out_of_the_tree_is_refused(editor, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    scenarios = editor.root / "scenarios"
    scenarios.rmdir()
    scenarios.symlink_to(elsewhere, target_is_directory=True)
    result = editor.save_file(Draft("scenarios/new-one.yaml", None, "new-one", None, None, 0), "id: new-one\n", "x")
    assert not result.ok
    assert list(elsewhere.iterdir()) == []


def test_restoring_a_tampered_history_row_cannot_write_outside(editor, tmp_path):
    from trainer.store.models import ContentChange
    with editor.db.session() as session:
        row = ContentChange(author="x", file="scenarios/../../../pwned.yaml", item_id="", action="update",
                            summary="", diff="", before_text="id: pwned\n", after_text=None)
        session.add(row)
        session.commit()
        change_id = row.id
    result = editor.restore_file(change_id, "attacker")
    assert not result.ok
    assert not any(p.name == "pwned.yaml" for p in tmp_path.rglob("*"))


def test_scenario_editor_refuses_a_traversal_id_typed_by_an_instructor(app_env, instructor, tmp_path):
    at = page("ui_pages/scenario_editor.py", instructor)
    at.text_input(key="scenario_new_id").input("../../../../tmp/x").run()
    assert not at.exception
    assert any("id" in e.value for e in at.error)
    assert not at.text_area  # no YAML box: nothing was opened and nothing can be saved
    assert not any(p.name.startswith("x.yaml") for p in tmp_path.rglob("*"))
