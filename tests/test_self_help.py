"""Self-help first (TG1111): the guide's steps for a symptom one can often solve alone, when none was tried."""

from __future__ import annotations

import pytest
from lintkit import lint

SUPPORT = "To: support@telegram.org\nSubject: [Technical Issue] - A problem since March 3\n\n"
SUPPORT_ZH = "To: support@telegram.org\nSubject: [技术问题] - 3月3日起出现的问题\n\n"


def _self_help(text: str, **settings: object) -> list[str]:
    return [f.message for f in lint(text, select=("TG1111",), **settings).findings]


@pytest.mark.parametrize(
    ("draft", "step"),
    [
        (SUPPORT + "Every message I send is stuck on sending.", "clear the app's cache"),
        (SUPPORT + "I didn't receive the code when logging in.", "by a call"),
        (SUPPORT + "The app keeps crashing on my Pixel 8.", "reduce the automatic media download"),
        (SUPPORT + "My chats are not syncing between my phone and desktop.", "on each device"),
        (SUPPORT + "How do I hide my phone number from strangers?", "Telegram FAQ"),
        (SUPPORT_ZH + "发出的消息一直显示发送中。", "清除应用缓存数据"),
        (SUPPORT_ZH + "登录时一直收不到验证码。", "尝试语音验证码选项"),
        (SUPPORT_ZH + "小米13上打开就闪退。", "减少自动下载设置"),
        (SUPPORT_ZH + "手机和电脑上的聊天记录不同步。", "在各设备上重启Telegram"),
        (SUPPORT_ZH + "请问怎么设置隐藏手机号？", "常见问题"),
    ],
)
def test_the_guides_steps_for_the_symptom(draft: str, step: str) -> None:
    (message,) = _self_help(draft)
    assert step in message


def test_steps_in_the_report_language() -> None:
    (message,) = _self_help(SUPPORT + "Every message I send is stuck on sending.", message_language="zh")
    assert "清除应用缓存数据" in message


def test_once_per_draft() -> None:
    draft = SUPPORT + "Messages are stuck on sending. The app also keeps crashing, and chats are not syncing."
    assert len(_self_help(draft)) == 1


@pytest.mark.parametrize(
    "draft",
    [
        SUPPORT + "Every message is stuck on sending. I restarted the app and the phone.",
        SUPPORT + "The app keeps crashing. I already reinstalled it twice.",
        SUPPORT + "I didn't receive the code. The voice call option did not work either.",
        SUPPORT_ZH + "消息一直显示发送中，已经重启过手机。",
        SUPPORT_ZH + "打开就闪退，清除缓存也没用。",
        SUPPORT_ZH + "收不到验证码，运营商说短信正常。",
        # No symptom, or one denied.
        SUPPORT + "Please delete my account; I no longer use it.",
        SUPPORT + "The app does not crash, but photos in one channel are blurry.",
        SUPPORT_ZH + "应用没有闪退，只是某个频道的图片模糊。",
        # Someone else's conduct: no self-help applies.
        "To: abuse@telegram.org\nSubject: [Abuse Report] - Spam bot\n\nThe bot @spam_offers_bot spams me; "
        "my messages to it fail to send.",
    ],
)
def test_no_steps_when_tried_or_no_symptom(draft: str) -> None:
    assert _self_help(draft) == []


def test_not_restarted_yet_is_no_attempt() -> None:
    assert _self_help(SUPPORT + "Messages are stuck on sending. I have not restarted the phone yet.")
