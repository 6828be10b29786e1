"""A channel asking for Telegram's official verification is the guide's own press@ matter (官方认证申请), whatever
tag the writer chose: under "[技术问题]" or "[Technical Issue]" the tag contradicts the words (TG108), and sent
untagged to support@ the mail is wrongly addressed (TG201) (issue 12, fixtures/voices10 zh/044). A channel's
subscriber count (订阅者 38 万) is its audience, not a paid subscription. Generated over how the request is put, the
channel and the wrong tag, in both languages."""

from __future__ import annotations

import itertools

import pytest
from lintkit import analysis_of, lint

ZH_ASK = ["申请 Telegram 官方认证标识", "申请频道认证", "希望申请官方认证", "提交认证申请"]
ZH_WHO = [
    '我们是"南方新闻网"官方，频道 @nfnews_official（订阅者 38 万）',
    "我们是杭州读书会，频道 @hz_reading（约 3,400 订阅者）",
]
EN_ASK = [
    "would like to apply for verification",
    "request official verification for our channel",
    "ask you to verify our channel",
    "would like the channel verification badge",
]
EN_WHO = [
    "We run the official channel of Southern News, @nfnews_official (380,000 subscribers)",
    "I manage @hz_reading, the channel of the Hangzhou Reading Club (3,400 subscribers)",
]


@pytest.mark.parametrize("ask,who", list(itertools.product(ZH_ASK, ZH_WHO)))
def test_a_verification_request_is_press_zh(ask: str, who: str) -> None:
    text = (
        f"收件人：press@telegram.org\n主题：[技术问题] - 频道认证\n\n您好：\n\n{who}，{ask}。\n"
        "官网：www.nfnews.example.cn，官网首页底部已放置频道链接。\n\n如需其他证明材料，请告知。谢谢！\n"
    )
    assert analysis_of(text).topic == "press", ask
    assert "TG108" in [f.rule for f in lint(text).findings], ask


@pytest.mark.parametrize("ask,who", list(itertools.product(EN_ASK, EN_WHO)))
def test_a_verification_request_is_press_en(ask: str, who: str) -> None:
    text = (
        f"To: support@telegram.org\nSubject: [Technical Issue] - Channel verification\n\nHello,\n\n{who} and {ask}. "
        "Our website www.southnews.example.com links to the channel on its front page.\n\nBest regards,\nLi Hua\n"
    )
    assert analysis_of(text).topic == "press", ask
    assert "TG108" in [f.rule for f in lint(text).findings], ask
    untagged = text.replace("[Technical Issue] - ", "")
    assert "TG201" in [f.rule for f in lint(untagged).findings], ask
