"""A payment that did not go through written with 没成功 ('续费没成功，但钱扣了', '充值没成功') is a payment matter as
'续费失败' is: after a fault in a numbered list, a second matter (TG701; issue 12, fixtures/voices24 zh/047).
'我有几个问题：' alone announces nothing (questions about one matter: fixtures/mixed-issues/
pass-hacked-follow-up-questions-zh.txt), and questions about one fault or what was tried stay one matter. Generated
over faults and failed payments."""

from __future__ import annotations

from itertools import product

import pytest
from lintkit import lint

FAULTS = [
    "我的 Telegram 在 iPhone 12（iOS 17.6）上最近老是闪退，版本 11.2.0，1 月 25 日开始的；",
    "电脑版（Windows 11，5.10.3）从昨天开始收不到新消息，要重启才同步；",
]
PAYMENTS = [
    "我买的 Premium 续费没成功，但钱扣了；",
    "上周充值 Stars 充值没成功，钱被扣了；",
    "给朋友送 Premium 支付没成功，但钱扣了；",
]
HEAD = "收件人：support@telegram.org\n主题：[技术问题] - 几个问题\n\n你好，我有几个问题：\n\n"
TAIL = "\n\n手机号 +86 139 8765 4321。\n\n谢谢\n"


def _mixed(text: str) -> bool:
    return "TG701" in {f.rule for f in lint(text).findings}


@pytest.mark.parametrize(("fault", "payment"), list(product(FAULTS, PAYMENTS)))
def test_a_failed_payment_after_a_fault_in_several_questions(fault: str, payment: str) -> None:
    assert _mixed(f"{HEAD}1. {fault}\n2. {payment}{TAIL}")


@pytest.mark.parametrize(
    "second", ["为什么会这样？什么时候能修好？", "重启和重装都试过，还是一样；", "清缓存也没用，版本已经是最新的；"]
)
@pytest.mark.parametrize("fault", FAULTS)
def test_questions_about_one_fault_are_one_matter(fault: str, second: str) -> None:
    assert not _mixed(f"{HEAD}1. {fault}\n2. {second}{TAIL}")
