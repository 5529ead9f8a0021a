"""Scenarios instructors assign to a team with a due date and a mode (training or exam), and the
exam's per-reply time limit. Pages: 作业布置 (instructors), 模拟通话 and 我的进度 (trainees)."""
