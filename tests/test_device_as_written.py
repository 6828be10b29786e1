"""A support problem report with only a brand ("华为的", "my Samsung") or no device at all needs the device
finding, whatever its tone or capitals (issue 12); a usage question naming a brand does not. Generated from
combinations of how people say the malfunction, the device and the mood they are in."""

from __future__ import annotations

import itertools

import pytest
from lintkit import lint

PROBLEMS = {
    "en": [
        "telegram is GARBAGE, it keeps shutting down",
        "THE APP WON'T OPEN",
        "WTF, it just closes when I tap a chat",
        "stickers are not showing up anymore",
        "I can't see any photos, they stay blurry",
        "calls keep dropping",
        "the app shuts down by itself",
        "every time i open it it kicks me back to the home screen",
        "voice messages have no sound",
        "app is super slow and freezes",
    ],
    "zh": [
        "Telegram老是自己退出，气死了",
        "一打开就自己关掉了",
        "图片一直加载不出来",
        "语音消息没声音",
        "垃圾软件，动不动就卡死",
        "打开就闪，什么破玩意",
        "视频看不了",
        "消息老是延迟好几分钟",
        "通知不响了",
        "登录后一直转圈",
    ],
}
DEVICES = {
    "en": ["", "I'm on my Samsung.", "huawei phone", "MY IPHONE", "Using a Xiaomi", "on my pixel"],
    "zh": ["", "华为的", "三星", "苹果手机", "小米手机"],
}
SUBJECT = {"en": "App problem", "zh": "应用问题"}


def _body(language: str, problem: str, device: str) -> str:
    if language == "en":
        return f"Hi, {problem}. {device} Please fix."
    return f"你好，{problem}。{device}，请处理。"


def _device_warning(draft: str) -> bool:
    return any(f.category == "device-info" and f.severity.value in ("warning", "error") for f in lint(draft).findings)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_problem_report_without_exact_device_needs_it(language: str) -> None:
    missed = []
    for problem, device in itertools.product(PROBLEMS[language], DEVICES[language]):
        body = _body(language, problem, device)
        draft = f"To: support@telegram.org\nSubject: {SUBJECT[language]}\n\n{body}\n\n+44 7700 900123\n"
        if not _device_warning(draft):
            missed.append(body)
    assert not missed, missed[:5]


@pytest.mark.parametrize(
    "body",
    [
        "Hi, how do I create chat folders on my Samsung? Thanks.",
        "Hello, is it possible to hide my phone number from strangers on my iPhone?",
        "你好，请问华为手机上怎么设置聊天文件夹？谢谢。",
        "您好，想问一下小米手机上能不能隐藏我的手机号？",
    ],
)
def test_usage_question_naming_a_brand_needs_no_device(body: str) -> None:
    assert not _device_warning(f"To: support@telegram.org\nSubject: Question\n\n{body}\n\n+44 7700 900123\n")
