"""The 犹豫期 entries an agent reads out when a customer quotes the law (qa29 K1, S2)."""

from __future__ import annotations

import re

from kb import ContentSet

# A script that says what the customer said must leave it to be filled in (XX) or say it conditionally (如果):
# the bank entry's 话术 read 您刚才说当时以为是存款 to a customer who had said nothing about a bank (qa29 S2).
_SAID = re.compile(r"您(?:刚才|刚刚)(?:说|提到)")


def test_no_script_puts_words_in_the_customers_mouth(pack: ContentSet) -> None:
    invented = [(entry.id, sentence) for entry in pack.entries.values()
                for sentence in re.split(r"[。！？\n]", entry.script)
                if (said := _SAID.search(sentence)) and "X" not in sentence and "如果" not in sentence[:said.start()]]
    assert not invented, invented


def test_the_length_entry_says_the_insurance_law_sets_no_cooling_off_days(pack: ContentSet) -> None:
    """qa29 K1: a customer says 保险法规定犹豫期是一个月; the agent needs a line to read out (facts.md §2)."""
    entry = pack.entries["cooling-off-length"]
    assert "保险法本身没有规定犹豫期的天数" in entry.script and "保险法本身没有规定犹豫期的天数" in entry.answer
    assert any(source.document_id == "L1-04" and source.article == "第十五条" for source in entry.sources)


def test_a_customer_quoting_the_law_finds_the_length_entry_not_the_bank_one(real_kb) -> None:
    """qa29 S2: 客户说保险法规定犹豫期是一个月 found 在银行买的保险，犹豫期有多久？ first (0.70); the customer named no bank."""
    assert real_kb.search("客户说保险法规定犹豫期是一个月", k=3)[0].id == "cooling-off-length"
