"""Extract kb/word_frequency.tsv from jieba's dictionary (run once; jieba is not a dependency).

    pip install --target /tmp/jieba jieba==0.42.1
    python scripts/extract_word_frequency.py /tmp/jieba/jieba/dict.txt

jieba is MIT-licensed (https://github.com/fxsjy/jieba); the list keeps every single character and the words of
2–4 characters seen at least kb.word_frequency.MIN_FREQUENCY times, as "word<TAB>count" lines.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kb.word_frequency import MAX_WORD_CHARS, MIN_FREQUENCY, WORD_LIST  # noqa: E402


def main(dictionary: Path) -> None:
    rows = []
    for line in dictionary.read_text(encoding="utf-8").splitlines():
        word, count, *_ = line.split(" ")
        if len(word) == 1 or (len(word) <= MAX_WORD_CHARS and int(count) >= MIN_FREQUENCY):
            rows.append(f"{word}\t{count}")
    WORD_LIST.write_text("\n".join(sorted(rows)) + "\n", encoding="utf-8")
    print(f"{len(rows)} words -> {WORD_LIST}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
