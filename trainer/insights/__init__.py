"""Progress insights: what the 我的进度, 团队概览 and agent pages show, computed without Streamlit.

- periods: local days and weeks in the configured time zone, and SQL week buckets
- agent: one agent's calendar, due forecast, retention, calls, today's goal, missed items
- team: the instructors' console (mastery grid, scores, trends, weakest items and scenarios)
- comments: instructors' comments on practice calls
- export: CSV / XLSX downloads safe to open in a spreadsheet
- durations: 分钟 / 小时 instead of raw seconds
"""
