"""Developer questions need no device data (issue 12): a userbot's session that expires, a library's error, a
webhook that stops. A developer names one library and writes as developers do ("my script", "userbot", "session
string", "SDK", "接口", "脚本"); the device the guide asks for is the app's, and a bot runs on a server. Generated
from combinations in both languages; an app fault that mentions none of this still needs the device."""

from __future__ import annotations

import itertools

import pytest
from lintkit import lint

DEVICE_RULES = frozenset({"TG321", "TG322", "TG323"})

LIBRARIES = ["Telethon", "Pyrogram", "TDLib", "GramJS", "aiogram", "python-telegram-bot", "MTProto", "the Bot API"]
FRAMES_EN = [
    "I run a small userbot on {lib} that archives my own channel posts.",
    "My Python script uses {lib} to forward messages between two of my groups.",
    "I'm writing a client with {lib} and log in with a session string.",
    "Our backend talks to Telegram through {lib}; the SDK is the latest release.",
    "I have a Node.js service built on {lib} for our shop's order notifications.",
]
PROBLEMS_EN = [
    "Since Nov 29 it fails every ~48 hours with AuthKeyUnregisteredError and I have to log in again.",
    "The StringSession stops working after two days. What invalidates it?",
    "It keeps getting disconnected and every request times out.",
    "Sending to a channel fails with CHAT_WRITE_FORBIDDEN although the account is an admin.",
]
FRAMES_ZH = [
    "我用 {lib} 写了一个 userbot，用来归档自己频道的消息。",
    "我的 Python 脚本通过 {lib} 在两个群之间转发消息。",
    "我在用 {lib} 开发一个客户端，用会话字符串登录。",
    "我们后台通过 {lib} 的接口对接 Telegram，SDK 是最新版。",
    "我基于 {lib} 做了机器人开发，给店铺推送订单通知。",
]
PROBLEMS_ZH = [
    "从11月29日起每隔大约48小时就报 AuthKeyUnregisteredError，只能重新登录。",
    "会话两天后就失效了，请问是什么原因？",
    "一直断开连接，所有请求都超时。",
    "往频道发消息报错 CHAT_WRITE_FORBIDDEN，可账号是管理员。",
]
HEAD_EN = [
    "To: support@telegram.org\nSubject: [Technical Issue] - Session keeps expiring\n\nHi,\n\n",
    "To: support@telegram.org\nSubject: API question\n\n",
]
HEAD_ZH = [
    "To: support@telegram.org\nSubject: [技术问题] - 会话总是失效\n\n您好，\n\n",
    "To: support@telegram.org\nSubject: 接口问题\n\n",
]
ACCOUNT = {"en": "\n\nAccount: @anna_dev, +49 170 1234567\nThanks!\n", "zh": "\n\n账号：@qiao_dev\n谢谢！\n"}


def _drafts(language: str) -> list[str]:
    frames, problems, heads = (
        (FRAMES_EN, PROBLEMS_EN, HEAD_EN) if language == "en" else (FRAMES_ZH, PROBLEMS_ZH, HEAD_ZH)
    )
    drafts = []
    for index, (frame, problem, lib) in enumerate(itertools.product(frames, problems, LIBRARIES)):
        lib = lib.removeprefix("the ") if language == "zh" else lib
        # The problem before or after what is built, in one paragraph or two.
        first, second = (frame.format(lib=lib), problem) if index % 2 else (problem, frame.format(lib=lib))
        joiner = " " if index % 3 else "\n\n"
        drafts.append(heads[index % len(heads)] + first + joiner + second + ACCOUNT[language])
    return drafts


@pytest.mark.parametrize("language", ["en", "zh"])
def test_developer_questions_need_no_device(language: str) -> None:
    drafts = _drafts(language)
    assert len(drafts) >= 150
    flagged = [draft for draft in drafts if DEVICE_RULES & {f.rule for f in lint(draft).findings}]
    assert not flagged, f"{len(flagged)} of {len(drafts)}: {flagged[:3]}"


@pytest.mark.parametrize(
    "draft",
    [
        "To: support@telegram.org\nSubject: [Technical Issue] - App crashes\n\nSince the update the app crashes "
        "when I open a chat with many photos.\n\nAccount: @anna_k, +49 170 1234567\n",
        "To: support@telegram.org\nSubject: [技术问题] - 闪退\n\n更新以后一打开图片多的聊天就闪退。\n\n账号：@qiao_k\n",
    ],
)
def test_an_app_fault_still_needs_the_device(draft: str) -> None:
    assert "TG321" in {f.rule for f in lint(draft).findings}


# The API's own error names, as a client library or TDLib returns them (fixtures/voices4 zh/041): with the
# library named, the mail is about building on the API, whatever else it says.
RPC_ERRORS = [
    "AUTH_KEY_UNREGISTERED",
    "AUTH_KEY_DUPLICATED",
    "SESSION_REVOKED",
    "SESSION_PASSWORD_NEEDED",
    "PEER_FLOOD",
]
RPC_FRAMES = {
    "en": "To: support@telegram.org\nSubject: [Technical Issue] - {lib} sessions keep failing\n\nHello,\n\n"
    "Our help-desk system runs on {lib} on an Ubuntu 22.04 server. Since 2 December every few hours all sessions "
    "get {error} and have to log in again. Account: +86 139 1870 0526 (@hx_support_desk).\n\nThanks,\nXu He\n",
    "zh": "收件人：support@telegram.org\n主题：[技术问题] - {lib} 会话频繁失效\n\nTelegram 支持团队：\n\n"
    "我们的内部客服系统基于 {lib}（Ubuntu 22.04 服务器）运行，从 12 月 2 日起每隔几个小时所有会话都会收到 {error} "
    "并被迫重新登录。\n\n账户：+86 139 1870 0526（@hx_support_desk）\n\n谢谢。\n何旭\n",
}


@pytest.mark.parametrize("language", ["en", "zh"])
def test_an_api_error_name_with_the_library_is_development(language: str) -> None:
    for lib, error in itertools.product(["TDLib 1.8.39", "Telethon", "Pyrogram", "GramJS"], RPC_ERRORS):
        draft = RPC_FRAMES[language].format(lib=lib, error=error)
        assert not DEVICE_RULES & {f.rule for f in lint(draft).findings}, draft
