"""A payment matter after another mailbox's matter, said as writers say it ("Also, I paid for Premium … and want a
refund", "Also, unrelated: our company account was billed twice", "还有一个问题：我的 Premium 下个月能不能改成
年付？"), is a second problem, named as the payment it is (issue 12, fixtures/voices8 en/085, en/096, zh/049).
Generated over first matters x payment matters, both languages."""

from __future__ import annotations

from itertools import product

import pytest
from lintkit import lint

EN_FIRST = [
    "My account +971 50 123 4567 (@hamad_uae) was banned on 3 December 2026 around 22:00. I don't know the reason.",
    'Our registered trademark "Lumora" (EUIPO no. 018765432) is used by @lumora_fake_shop to sell counterfeit lamps '
    "since 10 November 2026. We request removal of the channel.",
]
EN_PAYMENTS = [
    "Also, I paid for Premium one day before (2 Dec) and want a refund since I can't use it.",
    "Also, unrelated: our account was billed twice for Premium in November, who do we contact about that?",
    "Also, I was charged twice for Stars last week and would like to request a refund.",
]
ZH_FIRST = ["我的账号 +86 185 7788 9900 在12月3日晚上10点被封了，不知道原因，请帮忙解封。"]
ZH_PAYMENTS = ["还有一个问题：我的 Premium 下个月能不能改成年付？", "另外我11月份的 Premium 被扣了两次，想申请退款。"]


def _finding(text: str) -> str:
    found = [f.message for f in lint(text).findings if f.rule == "TG701"]
    return found[0] if found else ""


@pytest.mark.parametrize(("first", "payment"), list(product(EN_FIRST, EN_PAYMENTS)))
def test_en_a_payment_after_another_matter_is_a_second_problem(first: str, payment: str) -> None:
    box = "legal" if "trademark" in first else "security"
    message = _finding(f"To: {box}@telegram.org\nSubject: Help\n\nHello,\n\n{first}\n\n{payment}\n\nThanks\n")
    assert "payment problem" in message


@pytest.mark.parametrize(("first", "payment"), list(product(ZH_FIRST, ZH_PAYMENTS)))
def test_zh_a_payment_after_another_matter_is_a_second_problem(first: str, payment: str) -> None:
    message = _finding(f"收件人：security@telegram.org\n主题：求助\n\n您好，\n\n{first}\n{payment}\n\n谢谢\n")
    assert message
