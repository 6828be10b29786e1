"""Chats that differ between the writer's devices are a sync fault however it is put: "my chats on laptop and on
mobile is not the same", "我平板和手机上的聊天记录不一样" (issue 12, fixtures/voices12 zh/043, voices11 en/055): a
support mail telling it reports a malfunction, so the device data is asked for (TG321). A question on how chats
sync, or a press mail whose numbers differ, reports none. Generated over devices and wordings."""

from __future__ import annotations

import itertools

import pytest
from lintkit import lint

EN = [
    "my chats on {a} and on {b} is not the same",
    "the messages on my {a} are different from the {b}",
    "chat history on {a} and {b} are not the same",
]
ZH = ["我{a}和{b}上的聊天记录不一样", "{a}上的消息和{b}对不上", "{a}跟{b}的聊天记录不一致"]
EN_DEVICES = [("laptop", "mobile"), ("tablet", "phone"), ("desktop", "phone")]
ZH_DEVICES = [("平板", "手机"), ("电脑", "手机")]


def _device_rule(text: str) -> bool:
    return any(f.rule == "TG321" for f in lint(text).findings)


@pytest.mark.parametrize("told,devices", list(itertools.product(EN, EN_DEVICES)))
def test_chats_that_differ_are_a_fault_en(told: str, devices: tuple[str, str]) -> None:
    line = told.format(a=devices[0], b=devices[1])
    text = (
        f"To: support@telegram.org\nSubject: Chats\n\nHello,\n\n{line}, since 20 November.\n\n"
        "Account +234 803 555 2190 (@adebayo_o)\n\nThanks\n"
    )
    assert _device_rule(text), line


@pytest.mark.parametrize("told,devices", list(itertools.product(ZH, ZH_DEVICES)))
def test_chats_that_differ_are_a_fault_zh(told: str, devices: tuple[str, str]) -> None:
    line = told.format(a=devices[0], b=devices[1])
    text = f"收件人：support@telegram.org\n主题：聊天记录\n\n你好，\n\n{line}，12 月 1 号开始的。\n\n@tangtang_sweet\n"
    assert _device_rule(text), line


@pytest.mark.parametrize(
    "text",
    [
        "To: support@telegram.org\nSubject: [Usage Question] - Sync\n\nHello,\n\nAre chats on all my devices the same, "
        "or do secret chats stay on one device? Account +234 803 555 2190.\n\nThanks\n",
        "收件人：support@telegram.org\n主题：[使用咨询] - 同步\n\n你好，\n\n"
        "请问不同设备上的聊天记录会自动同步吗？账号 +86 158 2222 4444。\n\n谢谢\n",
    ],
)
def test_asking_how_chats_sync_reports_no_fault(text: str) -> None:
    assert not _device_rule(text)
