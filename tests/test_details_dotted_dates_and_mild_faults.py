"""Two ways Chinese writers tell a support problem (issue 12): a date written month.day with a time word after it
("11.17开始的", "12.3那天") is when it happened, as "11/17" is (no TG711; fixtures/voices15 zh/043), where a
version of the same shape ("版本11.2开始", "TG 11.2开始") is none; and a fault said mildly, with a degree word
("通知不太正常", "不怎么好用", "不是很稳定"), is a fault as "不正常" is, so the time it happened is asked for (TG711;
fixtures/voices14 zh/014). Generated over dates x followers and faults x features."""

from __future__ import annotations

from itertools import product

import pytest
from lintkit import lint

HEAD = "收件人：support@telegram.org\n主题：[技术问题] - 语音消息发不出去\n\n你好，\n"
TAIL = "\n账号 +86 139 1234 5678\n设备 iPhone 11，iOS 17.6.1，Telegram 11.2\n谢谢\n"
DATES = ["11.17", "3.5", "12.3", "1.09", "10.31"]
FOLLOWERS = ["开始的", "号开始", "起", "那天", "以来"]


def _rules(text: str) -> set[str]:
    return {f.rule for f in lint(text).findings}


@pytest.mark.parametrize(("date", "after"), list(product(DATES, FOLLOWERS)))
def test_a_dotted_month_day_is_a_date(date: str, after: str) -> None:
    body = f"我的 Telegram 发不了语音，一按住就提示“麦克风不可用”，{date}{after}就这样了，权限已经开了，重启也没用。"
    assert "TG711" not in _rules(HEAD + body + TAIL), (date, after)


@pytest.mark.parametrize("version", ["版本11.2开始", "版本 11.2 开始", "v11.2开始", "TG 11.2开始", "Telegram 10.14起"])
def test_a_version_of_that_shape_is_no_date(version: str) -> None:
    body = f"我的 Telegram 发不了语音，一按住就提示“麦克风不可用”，{version}就这样了，权限已经开了，重启也没用。"
    assert "TG711" in _rules(HEAD + body + TAIL), version


FEATURES = ["通知", "语音通话", "消息同步", "视频播放"]
MILD = ["不太正常", "不大正常", "不怎么好用", "不是很稳定", "不太灵"]


@pytest.mark.parametrize(("feature", "mild"), list(product(FEATURES, MILD)))
def test_a_mild_fault_is_a_fault(feature: str, mild: str) -> None:
    text = (
        f"收件人：support@telegram.org\n主题：关于{feature}\n\n您好：\n\n"
        f"我的 Telegram {feature}{mild}，请帮忙看一下。\n\n手机号：+86 138 2547 9910\n"
        "设备：iPhone 12，iOS 17.3，Telegram 11.0.0\n\n谢谢。\n"
    )
    assert "TG711" in _rules(text), (feature, mild)
