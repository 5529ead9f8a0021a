"""A file upload box whose own words follow the UI language.

Streamlit draws the uploader's button ("Upload"), its drop hint and its limit line ("5MB per file •
CSV, XLSX") in English whatever the page's language, and has no option to change them. On the
Chinese UI a style scoped to the widget's key (Streamlit gives a keyed widget's container the
class `st-key-<key>`) hides those words and shows Chinese ones in their place; the English UI keeps
Streamlit's own.
"""

from __future__ import annotations

import re
from typing import Sequence

import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

from ui.i18n import language, tr
from ui.limits import UPLOAD_MB

_BOX = '.st-key-{key} [data-testid="stFileUploaderDropzone"]'


def _css_text(text: str) -> str:
    """`text` as a CSS string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def chinese_style(key: str, types: Sequence[str], max_mb: int) -> str:
    """The <style> that puts the Chinese words into the upload box of widget `key`."""
    if not re.fullmatch(r"[A-Za-z0-9_-]+", key):
        raise ValueError(f"upload key {key!r}: letters, digits, - and _ only (it becomes a CSS class)")
    box = _BOX.format(key=key)
    limit = f"单个文件不超过 {max_mb} MB · " + "、".join(t.upper() for t in types)
    return (
        "<style>"
        f'{box} button [data-testid="stMarkdownContainer"] p {{font-size: 0}}'
        f'{box} button [data-testid="stMarkdownContainer"] p::after {{content: {_css_text("上传文件")}; font-size: 0.875rem}}'
        f'{box} [data-testid="stFileUploaderDropzoneInstructions"] span {{font-size: 0}}'
        f'{box} [data-testid="stFileUploaderDropzoneInstructions"] > div::after '
        f'{{content: {_css_text("拖放文件到这里，" + limit)}; font-size: 0.875rem}}'
        "</style>"
    )


def file_upload(label_zh: str, label_en: str, types: Sequence[str], key: str,
                max_mb: int = UPLOAD_MB) -> UploadedFile | None:
    """st.file_uploader with the label and the box's own words in the UI language."""
    if language() == "zh":
        st.html(chinese_style(key, types, max_mb))
    return st.file_uploader(tr(label_zh, label_en), type=list(types), key=key, max_upload_size=max_mb)
