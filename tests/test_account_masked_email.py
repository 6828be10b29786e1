"""An e-mail address with its local part masked ("lin.x***@icloud.com", "138****5678@qq.com") is a mailbox, not an
@username: a draft that gives only that names no Telegram account (TG301; issue 12, fixtures/voices10 zh/047). Nor
is "@domain.com" after any mask a username (a username holds no dot). A real @username ending a sentence still
identifies the account. Generated over masks, local parts and domains, both languages."""

from __future__ import annotations

import itertools

import pytest
from lintkit import lint

LOCALS = ["lin.x***", "j***", "138****5678", "a•••", "ma**.li"]
DOMAINS = ["icloud.com", "gmail.com", "qq.com", "163.com", "yahoo.co.uk"]


def _tg301(text: str) -> bool:
    return any(f.rule == "TG301" for f in lint(text).findings)


def _zh(contact: str) -> str:
    return (
        "收件人：support@telegram.org\n主题：[技术问题] - Premium 自动续费后申请退款\n\n您好：\n\n"
        "我的 Telegram Premium 月度订阅于 2025年12月1日 自动续费（US$ 4.99），但我在 11月28日 已取消订阅。\n\n"
        f"Apple ID：{contact}\n设备：iPhone 15，iOS 18.1，Telegram 11.4.1\n\n请帮忙确认并退款，谢谢！\n"
    )


def _en(contact: str) -> str:
    return (
        "To: support@telegram.org\nSubject: [Technical Issue] - Premium renewed after I cancelled it\n\nHello,\n\n"
        "My Telegram Premium renewed on 1 December 2025 (US$ 4.99) although I cancelled it on 28 November.\n\n"
        f"Apple ID: {contact}\nDevice: iPhone 15, iOS 18.1, Telegram 11.4.1\n\nPlease refund it.\n"
    )


@pytest.mark.parametrize("local,domain", list(itertools.product(LOCALS, DOMAINS)))
def test_a_masked_email_names_no_account(local: str, domain: str) -> None:
    assert _tg301(_zh(f"{local}@{domain}"))
    assert _tg301(_en(f"{local}@{domain}"))


@pytest.mark.parametrize("handle", ["@lin_xiaoyu", "@omar_h", "@joao_rj2020"])
def test_a_username_ending_a_sentence_still_identifies(handle: str) -> None:
    assert not _tg301(_en(f"lin.x***@icloud.com. My username is {handle}."))
    assert not _tg301(_zh(f"lin.x***@icloud.com，用户名 {handle}。"))
