"""Process-wide resources, loaded once and shared by every browser session (st.cache_resource)."""

from __future__ import annotations

import streamlit as st

from kb import KnowledgeBase
from settings import Settings
from trainer.db import Database


@st.cache_resource(show_spinner=False)
def settings() -> Settings:
    return Settings.from_env()


@st.cache_resource(show_spinner="正在加载知识库 / Loading the knowledge base…")
def knowledge_base() -> KnowledgeBase:
    """The encoder and index, loaded once per process; reloads swap in a new snapshot."""
    current = settings()
    return KnowledgeBase.open(current.content_dir, current)


@st.cache_resource(show_spinner=False)
def database() -> Database:
    """One engine per process; migrations run on first use."""
    return Database(settings().resolved_database_url)
