"""Launcher for `make run`: the Streamlit app (app.py) plus the sign-in cookie routes and the
pages' own addresses (ui/page_addresses.py).

`streamlit run serve.py` finds the `st.App` below and serves it with uvicorn; app.py stays the
script every browser session runs. Running `streamlit run app.py` directly also works, but
then sign-ins do not survive a page refresh (there is no route to set the cookie).
"""

from pathlib import Path

import streamlit as st

from ui.page_addresses import page_routes
from ui.resources import database, loaded_knowledge_base, search_log_writer, settings
from ui.search_api import ApiResources, SearchApi
from ui.session_cookie import routes
from ui.stale_pages import ignore_stale_pages

ignore_stale_pages(Path(__file__).resolve().parent)  # an old release's pages/ beside app.py: ignored, named to delete

search_api = SearchApi(ApiResources(loaded_knowledge_base, database, search_log_writer, settings))
app = st.App("app.py", routes=routes() + search_api.routes() + page_routes())  # page addresses last: any other
