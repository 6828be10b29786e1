"""Two readings from fixtures/voices16 (issue 12). The colon of a link ("https://...") links no value to a secret's
name: a scammer's message quoted in a report that names "二步验证密码", followed by the phishing link, carries no
password (TG501 said "/login" was one; zh/041). And a payment that did not go through ("the App Store says purchase
failed", "续费失败") is a payment matter of its own after a technical one (TG701; en/093). Generated over names x
links and faults x payment failures, both languages."""

from __future__ import annotations

from itertools import product

import pytest
from lintkit import lint

ZH_NAMES = ["二步验证密码", "验证码", "密码", "登录码"]
EN_NAMES = ["two-step verification password", "login code", "password"]
LINKS = ["https://telegram-verify-cn.top/login", "http://t-me.help/verify?id=88", "https://tg-secure.example/auth"]


def _secrets(text: str) -> list[str]:
    return [f.rule for f in lint(text).findings if f.rule.startswith("TG50")]


@pytest.mark.parametrize(("name", "link"), list(product(ZH_NAMES, LINKS)))
def test_zh_a_links_colon_links_no_value(name: str, link: str) -> None:
    text = (
        "收件人：abuse@telegram.org\n主题：[滥用举报] - 冒充官方索要验证码的账号\n\n您好，\n\n"
        "5月14日 20:10，用户 @Telegram_Support_CN2 私聊我，原话如下：\n\n"
        f'  "请在 10 分钟内回复收到的{name}，否则账号将被冻结。"\n\n'
        f"对方还发了一个链接 {link} 让我验证身份。我没有回复。\n\n请封禁该账号。\n孔令飞\n"
    )
    assert _secrets(text) == [], (name, link)


@pytest.mark.parametrize(("name", "link"), list(product(EN_NAMES, LINKS)))
def test_en_a_links_colon_links_no_value(name: str, link: str) -> None:
    text = (
        "To: abuse@telegram.org\nSubject: [Abuse Report] - Account posing as Telegram support\n\nHello,\n\n"
        f'On 14 May 2026 @Telegram_Support_CN2 wrote to me: "Reply with your {name} within 10 minutes or your account '
        f'will be frozen." Then it sent a link {link} to "verify" me. I did not reply.\n\nPlease ban it.\nKong\n'
    )
    assert _secrets(text) == [], (name, link)


def test_a_value_after_a_colon_is_still_one() -> None:
    text = (
        "To: support@telegram.org\nSubject: [Technical Issue] - Cannot log in\n\nHello,\n\n"
        "My two-step verification password: Harbor.Light77 does not work since 3 Dec 2026.\n\nThanks\n"
    )
    assert "TG501" in _secrets(text)


EN_FAULT = (
    "Since 10 May 2026 voice messages do not play on my phone: the play button spins, in all chats.\n\n"
    "- Account: +52 55 4128 9930 (@ana_lopez_mx)\n- iPhone 12, iOS 17.4, Telegram 11.0.3\n\nI reinstalled the app."
)
EN_PAYMENTS = [
    'Also, my Premium subscription did not renew on 12 May: the App Store says "purchase failed". Can you check?',
    "Also, my Premium renewal failed on 12 May: the payment was declined although my card works.",
    "Also, I tried to buy Stars on 12 May and the payment failed twice. Can you check that too?",
]
ZH_FAULT = (
    "5月10日起，手机上所有聊天里的语音消息都放不出来，点播放按钮一直转圈。\n\n"
    "账号：+86 139 1234 5678\n设备：iPhone 12，iOS 17.4，Telegram 11.0.3\n\n已经重装过应用。"
)
ZH_PAYMENTS = [
    "另外，我的 Premium 5月12日 续费失败了，App Store 提示付款失败，能帮忙查一下吗？",
    "另外，5月12日 买 Stars 一直支付失败，银行卡是正常的。",
]


@pytest.mark.parametrize("payment", EN_PAYMENTS)
def test_en_a_failed_payment_after_a_fault_is_a_second_matter(payment: str) -> None:
    head = "To: support@telegram.org\nSubject: [Technical Issue] - Voice messages do not play\n\nHello,\n\n"
    text = f"{head}{EN_FAULT}\n\n{payment}\n\nAna\n"
    assert "TG701" in {f.rule for f in lint(text).findings}


@pytest.mark.parametrize("payment", ZH_PAYMENTS)
def test_zh_a_failed_payment_after_a_fault_is_a_second_matter(payment: str) -> None:
    head = "收件人：support@telegram.org\n主题：[技术问题] - 语音消息放不出来\n\n您好，\n\n"
    text = f"{head}{ZH_FAULT}\n\n{payment}\n\n谢谢\n"
    assert "TG701" in {f.rule for f in lint(text).findings}
