"""Items numbered by name ("问题一：……问题二：……", "事项2：", "Issue 1: … Issue 2: …", "Question 3 -") open units as
"1." and "一、" do, so a mail listing a technical fault, a verification request and a spam report so is mixed
(TG701; issue 12, fixtures/voices12 zh/015); symptoms of one fault so listed stay one problem. Generated over the
ways items are named, in both languages."""

from __future__ import annotations

import pytest
from lintkit import lint

ZH_NAMES = [
    ("问题一：", "问题二：", "问题三："),
    ("问题1：", "问题2：", "问题3："),
    ("事项一、", "事项二、", "事项三、"),
]
EN_NAMES = [
    ("Issue 1:", "Issue 2:", "Issue 3:"),
    ("Question 1 -", "Question 2 -", "Question 3 -"),
    ("Problem #1:", "Problem #2:", "Problem #3:"),
]


def _mixed(text: str) -> bool:
    return any(f.rule == "TG701" for f in lint(text).findings)


@pytest.mark.parametrize("names", ZH_NAMES)
def test_named_items_of_several_matters_zh(names: tuple[str, str, str]) -> None:
    text = (
        "收件人：support@telegram.org\n主题：[技术问题] - 桌面版启动闪退\n\n您好：\n\n"
        f"{names[0]}自 12 月 2 日起，14 名员工的 Telegram Desktop（Windows 11）启动后闪退。\n\n"
        f"{names[1]}我们的公司频道 @hongyuan_logistics 想申请官方认证标记，请问流程是什么？\n\n"
        f"{names[2]}另外最近有个 bot @freight_cheap_bot 一直往客户群里发低价运费广告。\n\n谢谢\n"
    )
    assert _mixed(text), names


@pytest.mark.parametrize("names", EN_NAMES)
def test_named_items_of_several_matters_en(names: tuple[str, str, str]) -> None:
    text = (
        "To: support@telegram.org\nSubject: [Technical Issue] - Desktop app crashes on start\n\nHello,\n\n"
        f"{names[0]} since 2 December Telegram Desktop crashes on start for 14 of our staff (Windows 11).\n\n"
        f"{names[1]} we would like to apply for verification of our company channel @hongyuan_logistics.\n\n"
        f"{names[2]} a bot @freight_cheap_bot keeps spamming our customer group with ads.\n\nThanks\n"
    )
    assert _mixed(text), names


@pytest.mark.parametrize("names", ZH_NAMES[:2])
def test_named_symptoms_of_one_fault_stay_one_problem(names: tuple[str, str, str]) -> None:
    text = (
        "收件人：support@telegram.org\n主题：[技术问题] - 更新后发不出媒体\n\n您好：\n\n"
        f"{names[0]}12 月 2 日更新到 11.4 后发不出语音消息。\n{names[1]}同时视频也发不出去，一直转圈。\n\n"
        "设备：小米 14，Android 15，Telegram 11.4.1。账号 +86 139 7788 4455。\n\n谢谢\n"
    )
    assert not _mixed(text), names
