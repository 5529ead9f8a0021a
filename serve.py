"""Launcher for `make run`: the Streamlit app (app.py) plus the sign-in cookie routes.

`streamlit run serve.py` finds the `st.App` below and serves it with uvicorn; app.py stays the
script every browser session runs. Running `streamlit run app.py` directly also works, but
then sign-ins do not survive a page refresh (there is no route to set the cookie).
"""

import streamlit as st

from ui.session_cookie import routes

app = st.App("app.py", routes=routes())
