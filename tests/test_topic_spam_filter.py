"""A phone's or mailbox's own spam filter, checked for a login code that never came ("确认短信没有被拦截（骚扰拦截里也
没有）", "checked the spam folder"), is a technical step, not a spam or harassment report: no second matter
(TG701), the topic stays support (issue 12, fixtures/voices7 zh/001). Generated over filters x list forms, both
languages."""

from __future__ import annotations

from itertools import product

import pytest
from lintkit import analysis_of, lint

ZH_HEAD = (
    "收件人：support@telegram.org\n主题：[技术问题] - 新手机登录收不到验证码\n\n您好，Telegram 技术支持团队：\n\n"
    "我今年换了新手机，登录 Telegram 时一直收不到短信验证码，无法登录，想请你们帮忙看看。\n\n"
    "一、账户信息\n1. 注册手机号：+86 139 0571 2846\n2. 用户名：@wang_hz\n\n"
    "二、设备信息\n1. 设备型号：华为 Mate 60\n2. 系统版本：HarmonyOS 4.0\n3. Telegram 版本：10.14.5\n\n"
    "三、经过\n2026年11月28日上午9点左右第一次尝试登录，等了十几分钟没有短信；当天下午又试了两次。\n\n四、已尝试\n"
)
ZH_FILTERS = [
    "确认短信没有被拦截（骚扰拦截里也没有）",
    "看了短信拦截记录，没有",
    "关掉了手机的拦截骚扰功能",
    "垃圾短信箱里也没有",
]
ZH_MARKS = [
    "1. 重启手机，重装 Telegram —— 无效；\n2. {f}；\n3. 选择“通过电话接收”，也没有来电。\n",
    "- 重启手机\n- {f}\n- 换了 4G 网络\n",
]
EN_HEAD = (
    "To: support@telegram.org\nSubject: [Technical Issue] - No login code on my new phone\n\nHello,\n\n"
    "On my new phone the SMS login code never arrives. First try 28 November at 9:00, three more since.\n"
    "Phone +44 7400 123456, Pixel 8, Android 14, Telegram 10.14.5.\n\nWhat I tried:\n"
)
EN_FILTERS = [
    "checked the spam folder of my SMS app, nothing",
    "turned off the SMS filter",
    "looked in blocked messages",
]
EN_MARKS = [
    "1. Restarted the phone.\n2. I {f}.\n3. Asked for a call instead, no call.\n",
    "- restarted\n- {f}\n- switched to 4G\n",
]


@pytest.mark.parametrize(("spam_filter", "marks"), list(product(ZH_FILTERS, ZH_MARKS)))
def test_zh_a_spam_filter_checked_is_a_technical_step(spam_filter: str, marks: str) -> None:
    text = ZH_HEAD + marks.format(f=spam_filter) + "\n谢谢！\n王秀兰\n"
    assert "TG701" not in {f.rule for f in lint(text).findings}
    assert analysis_of(text).topic == "support"


@pytest.mark.parametrize(("spam_filter", "marks"), list(product(EN_FILTERS, EN_MARKS)))
def test_en_a_spam_filter_checked_is_a_technical_step(spam_filter: str, marks: str) -> None:
    text = EN_HEAD + marks.format(f=spam_filter) + "\nThanks,\nMary\n"
    assert "TG701" not in {f.rule for f in lint(text).findings}
    assert analysis_of(text).topic == "support"
