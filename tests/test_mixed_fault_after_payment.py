"""A fault told after a payment matter, once the writer announced several matters or says outright another starts,
is a second matter ("有两个问题：1. 购买 Premium 扣款成功但没有生效 2. 另外，动态表情一直显示成黑块"; TG701; issue 12,
fixtures/voices18 zh/011), as a payment after a fault is. A fault that speaks of the payment ("2) Also, Premium
still does not work") is the payment's own. Generated over payments x faults, both languages."""

from __future__ import annotations

from itertools import product

import pytest
from lintkit import lint

ZH_PAYMENTS = [
    "5月3日购买 Premium 年费，App Store 扣款成功（订单号 MT6Q2X8KLP），但 Premium 没有生效。",
    "5月3日买 Stars 被重复扣了两次款，请把多扣的退给我。",
]
ZH_FAULTS = [
    "另外，我在 iPad 上的动态表情包从上个月起一直显示成黑块，清缓存也没用。",
    "另外，电脑版一打开就闪退，重装也没用。",
]
EN_PAYMENTS = [
    "On 3 May 2026 I was charged twice for Premium (Apple receipt ID MQ7XK2P9R1). Please refund one charge.",
    "On 3 May 2026 I bought 250 Stars by mistake (receipt MQ7XK2P9R1). Can they be refunded?",
]
EN_FAULTS = [
    "Also, the desktop app crashes every time I open a chat with a video.",
    "Also, voice messages fail to send.",
]


def _mixed(text: str) -> bool:
    return "TG701" in {f.rule for f in lint(text).findings}


@pytest.mark.parametrize(("payment", "fault"), list(product(ZH_PAYMENTS, ZH_FAULTS)))
def test_zh_a_fault_after_a_payment_matter(payment: str, fault: str) -> None:
    text = (
        "收件人：support@telegram.org\n主题：[支付问题] - Premium 和表情问题\n\n您好：\n\n有两个问题想一起反馈：\n\n"
        f"1. {payment}\n\n2. {fault}\n\n- 手机号：+86 139 8765 4321\n"
        "- 设备：iPhone 15，iOS 17.4，Telegram 10.14.0\n\n谢谢！\n"
    )
    assert _mixed(text)


@pytest.mark.parametrize(("payment", "fault"), list(product(EN_PAYMENTS, EN_FAULTS)))
def test_en_a_fault_after_a_payment_matter(payment: str, fault: str) -> None:
    text = (
        "To: support@telegram.org\nSubject: [Payment Issue] - Premium and a crash\n\nHello,\n\nTwo things:\n\n"
        f"1) {payment}\n\n2) {fault}\n\nAccount: +33 6 12 34 56 78, iPhone 13, iOS 17.4, Telegram 10.14.2.\n\nClaire\n"
    )
    assert _mixed(text)


@pytest.mark.parametrize(
    "fault", ["Also, Premium still does not work on my phone.", "Also, the paid stickers fail to load."]
)
def test_the_payments_own_fault_is_one_matter(fault: str) -> None:
    text = (
        "To: support@telegram.org\nSubject: [Payment Issue] - Premium not active\n\nHello,\n\n"
        f"On 3 May 2026 I paid for Premium (receipt MQ7XK2P9R1) and was charged.\n\n{fault}\n\n"
        "Account: +33 6 12 34 56 78, iPhone 13, iOS 17.4, Telegram 10.14.2.\n\nClaire\n"
    )
    assert not _mixed(text)


# A listed item that a marker opens numbers matters as an announcement would (fixtures/voices23 zh/012, en/062): no
# "two things" needed. A fault told in the perfect progressive ("GIFs have not been loading") is one too.
EN_PROGRESSIVE_FAULTS = [
    "Also, GIFs have not been loading in any chat for a week.",
    "Also, my chats haven't been syncing between phone and laptop since Monday.",
    "Also, I haven't been able to send voice messages since the update.",
]


@pytest.mark.parametrize(("payment", "fault"), list(product(ZH_PAYMENTS, ZH_FAULTS)))
def test_zh_a_marked_list_item_needs_no_announcement(payment: str, fault: str) -> None:
    text = (
        "收件人：support@telegram.org\n主题：[支付问题] - Premium 退款\n\n您好：\n\n"
        f"1. {payment}\n2. {fault}\n\n手机号：+86 139 8765 4321\n"
        "设备：iPhone 15，iOS 17.4，Telegram 10.14.0\n\n谢谢！\n"
    )
    assert _mixed(text)


@pytest.mark.parametrize(("payment", "fault"), list(product(EN_PAYMENTS, EN_FAULTS + EN_PROGRESSIVE_FAULTS)))
def test_en_a_marked_list_item_needs_no_announcement(payment: str, fault: str) -> None:
    text = (
        "To: support@telegram.org\nSubject: [Payment Issue] - Premium refund\n\nHello,\n\n"
        f"1. {payment}\n2. {fault}\n\nAccount: +33 6 12 34 56 78, iPhone 13, iOS 17.4, Telegram 10.14.2.\n\nClaire\n"
    )
    assert _mixed(text)


@pytest.mark.parametrize(
    "second",
    [
        "2. Also, Premium still does not work on my phone.",
        "2. The charge shows twice in my bank app as well.",
        "2. I already tried restoring purchases.",
    ],
)
def test_a_list_of_one_payment_problem_is_one_matter(second: str) -> None:
    text = (
        "To: support@telegram.org\nSubject: [Payment Issue] - Premium not active\n\nHello,\n\n"
        f"1. On 3 May 2026 I paid for Premium (receipt MQ7XK2P9R1) and was charged.\n{second}\n\n"
        "Account: +33 6 12 34 56 78, iPhone 13, iOS 17.4, Telegram 10.14.2.\n\nClaire\n"
    )
    assert not _mixed(text)
