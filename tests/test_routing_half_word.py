"""A half-weight word alone says nothing for the mailbox a short mail is sent to: a ban appeal, a scam report
or a partnership offer sent to support@ that mentions an "error" or a "通知" on the way is wrongly addressed
(TG201), as it was without that word (issue 12, fixtures/voices6 zh/038: "提示“This account is banned”"). Generated
over matters x half-weight words, both languages (a support word of whole weight keeps the doubt, as before:
tests/test_routing*.py)."""

from __future__ import annotations

from itertools import product

import pytest
from lintkit import lint

EN_MATTERS = [
    "My account was banned yesterday and I don't know why, please unban it. My number is +44 7400 123456.",
    "A channel @free_crypto_x is running a scam: it promises to double USDT and took 300 USDT from me on 2 March.",
    "We are a marketing agency and would like to discuss a business partnership and advertising with Telegram.",
]
EN_HALF = ["I only saw an error.", "I got a notification about it.", "I checked the storage."]
ZH_MATTERS = [
    "我的账号昨天被封了，不知道为什么，请帮我解封。手机号 +86 139 1234 5678。",
    "频道 @free_crypto_x 在搞诈骗，说能让 USDT 翻倍，3月2日骗了我 300 USDT。",
    "我们是一家营销代理公司，想和 Telegram 谈商务合作和广告投放。",
]
ZH_HALF = ["只看到一个通知。", "我在电脑版上也看了。", "推送也看到了。"]


@pytest.mark.parametrize(("matter", "half"), list(product(EN_MATTERS, EN_HALF)))
def test_en_a_half_weight_word_alone_keeps_the_mailbox_wrong(matter: str, half: str) -> None:
    draft = f"To: support@telegram.org\nSubject: help\n\nHello,\n\n{matter} {half}\n\nThanks\n"
    assert "TG201" in {f.rule for f in lint(draft).findings}


@pytest.mark.parametrize(("matter", "half"), list(product(ZH_MATTERS, ZH_HALF)))
def test_zh_a_half_weight_word_alone_keeps_the_mailbox_wrong(matter: str, half: str) -> None:
    draft = f"收件人：support@telegram.org\n主题：求助\n\n你好，\n\n{matter}{half}\n\n谢谢\n"
    assert "TG201" in {f.rule for f in lint(draft).findings}
