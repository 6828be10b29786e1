"""A login code on a line of Telegram's own notification, forwarded or pasted with its warning ("Login code: 39517.
Do not give this code to anyone, even if they say they are from Telegram!", "登录码：61842。请勿将此代码提供给任何
人"), is the notification the writer received, kept as evidence: no TG502, as when it stands in quotation marks
(issue 12, fixtures/voices19 en/068, zh/016). A code the writer gives in their own words stays a secret. Generated
over forward headers x codes x warnings, both languages."""

from __future__ import annotations

from itertools import product

import pytest
from lintkit import lint

EN_HEADERS = ["---------- Forwarded message ----------\nTelegram, 18 Mar 2026 03:12", "Begin forwarded message:", ""]
EN_LINES = [
    "Login code: {code}. Do not give this code to anyone, even if they say they are from Telegram!",
    "Login code: {code}\nDo not give this code to anyone, even if they say they are from Telegram!",
    "Your login code: {code}. Don't share this code with anyone.",
]
ZH_HEADERS = [
    "---------- 转发的消息 ----------\nTelegram，2026-03-18 06:47",
    "------------------ 原始邮件 ------------------",
    "",
]
ZH_LINES = [
    "登录码：{code}。请勿将此代码提供给任何人，即使对方自称是 Telegram 工作人员！",
    "登录代码：{code}\n请勿将此代码告诉任何人。",
    "验证码 {code}，切勿泄露给他人。",
]
CODES = ["39517", "61842", "80213"]


def _secret_rules(text: str) -> list[str]:
    return [f.rule for f in lint(text).findings if f.rule.startswith("TG50")]


@pytest.mark.parametrize(("header", "line", "code"), list(product(EN_HEADERS, EN_LINES, CODES)))
def test_en_a_forwarded_notification_is_evidence(header: str, line: str, code: str) -> None:
    text = (
        "To: security@telegram.org\nSubject: [Account Security] - Unrequested login code\n\nHello,\n\n"
        "At 03:12 UTC today I received the notification below although I did not try to log in.\n"
        f"Account: +27 82 123 4567, @thabo_m\n\n{header}\n{line.format(code=code)}\n\nThabo\n"
    )
    assert _secret_rules(text) == [], (header, line)


@pytest.mark.parametrize(("header", "line", "code"), list(product(ZH_HEADERS, ZH_LINES, CODES)))
def test_zh_a_forwarded_notification_is_evidence(header: str, line: str, code: str) -> None:
    text = (
        "收件人：security@telegram.org\n主题：[账户安全] - 收到非本人申请的登录码\n\n您好，\n\n"
        "今天 3月18日 06:47 我没有尝试登录，却收到下面这条 Telegram 服务通知。\n"
        f"账户：+86 153 9988 7766，@xu_mingyuan\n\n{header}\n{line.format(code=code)}\n\n徐明远\n"
    )
    assert _secret_rules(text) == [], (header, line)


@pytest.mark.parametrize(
    "told",
    [
        "The login code I received is 39517, and I entered it on a site that looked like Telegram.",
        "我收到的登录码是 61842，已经告诉了自称客服的人。",
    ],
)
def test_a_code_in_the_writers_own_words_is_a_secret(told: str) -> None:
    text = f"To: security@telegram.org\nSubject: [Account Security] - Code given away\n\nHello,\n\n{told}\n\nThanks\n"
    assert "TG502" in _secret_rules(text)
