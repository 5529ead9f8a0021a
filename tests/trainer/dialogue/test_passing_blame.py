"""Blame in a senior agent's everyday words on whole calls (judge39c, passing_blame.blamed_in_spoken_words): each was
marked by a tune-set writer and passed by the judge, or quoted on the neighbouring clause."""

from __future__ import annotations

import pytest

from trainer.dialogue.detectors import Detectors


def blamed(text: str) -> list[str]:
    return [e.quote for e in Detectors(()).negatives(text, set()) if e.behaviour == "blame"]


@pytest.mark.parametrize("text, quote", [
    ("结论是理赔部门下的，具体为什么您得问理赔那边。", "具体为什么您得问理赔那边。"),
    ("这个您要去问核保，我这边看不到。", "这个您要去问核保，"),
    ("您中间搬了家又没来改地址，这个就不能算我们的问题了。", "这个就不能算我们的问题了。"),
    ("说实话，当初停交的时候就应该想到会有这一天。", "当初停交的时候就应该想到会有这一天。"),
])
def test_the_customer_sent_elsewhere_or_blamed_is_blame_quoted_where_it_is_said(text, quote):
    assert quote in blamed(text)


@pytest.mark.parametrize("text", [
    "我帮您问一下理赔那边，明天上午给您回电话。",   # the agent's own step
    "您可以问一下业务员当时的录音，我们这边也能调。",  # an offer
    "这不能算您的问题，我们来处理。",                # the customer cleared
    "不用您去问理赔，结果出来我们主动通知您。",       # negated
    "您这张保单已经满两年了。",
])
def test_look_alikes_are_no_blame(text):
    assert blamed(text) == []
