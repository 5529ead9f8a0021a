"""Streamlit glue shared by the pages: cached resources, language, session user, rendering helpers."""
