"""Cleaning the upstream copies: duplicate blocks, residue, PDF line wraps."""

from kb.regulations.importing import clean_text, drop_repeated_blocks, join_wrapped, strip_residue, tidy_spaces


def test_a_text_stored_twice_is_kept_once_including_a_truncated_last_line():
    body = ["第一条 甲。", "第二条 乙。", "第三条 丙。", "第四条 丁。", "第五条 戊，己。"]
    assert drop_repeated_blocks(body + body[:4] + ["第五条 戊"]) == body


def test_short_repeats_are_not_dropped():
    lines = ["第一条 甲：", "（一）其他情形。", "第二条 乙：", "（一）其他情形。"]
    assert drop_repeated_blocks(lines) == lines


def test_residue_and_page_numbers_are_stripped():
    lines = ["第七acerCBIRC1491MicrosoftInternetExplorer402DocumentNotSpecified", "12", "正文。"]
    assert strip_residue(lines) == ["正文。"]


def test_spaces_inside_chinese_text_are_removed_but_the_label_keeps_one():
    assert tidy_spaces("第一章  总 则") == "第一章 总则"
    assert tidy_spaces("2.1 保险公司将产品定名为重大疾病保险， 且保险期间") == "2.1 保险公司将产品定名为重大疾病保险，且保险期间"
    assert tidy_spaces("（2020 年修订版）") == "（2020年修订版）"


def test_pdf_wrapped_lines_are_joined_but_headings_and_items_are_not():
    lines = ["3.1.1.3 严重脑中风后遗症", "指因脑血管的突发病变引起脑血管出血、栓塞或梗塞，须由", "头颅断层扫描证实。",
             "（1）一肢（含）以上肢体肌力2级（含）以下；"]
    assert join_wrapped(lines, width=24) == [
        "3.1.1.3 严重脑中风后遗症", "指因脑血管的突发病变引起脑血管出血、栓塞或梗塞，须由头颅断层扫描证实。",
        "（1）一肢（含）以上肢体肌力2级（含）以下；"]


def test_web_page_header_and_signature_are_dropped():
    raw = "标题: 通知\n发布日期: 2020\n各保险公司：\n一、第一点。\n二、第二点。\n中国银保监会办公厅\n2020年11月5日\n"
    assert clean_text(raw, "points") == ["各保险公司：", "一、第一点。", "二、第二点。"]
