"""The upload box's Chinese words: scoped to one widget, and no key can break out of the style."""

from __future__ import annotations

import pytest

from ui.uploads import chinese_style


def test_the_style_names_the_limit_and_types_of_this_box_only() -> None:
    style = chinese_style("roster_file", ["csv", "xlsx"], 5)
    assert '"拖放文件到这里，单个文件不超过 5 MB · CSV、XLSX"' in style
    assert all(rule.startswith(".st-key-roster_file ") for rule in style.removeprefix("<style>").split("}")[:-1]), style


@pytest.mark.parametrize("key", ["a b", "x{}", "</style><script>", ""])
def test_a_key_that_is_not_a_plain_name_is_refused(key: str) -> None:
    with pytest.raises(ValueError):
        chinese_style(key, ["csv"], 5)
