"""The guide lists privacy and a suspected leak of the account's data under both security@ and legal@, not any
mention of personal data: a GDPR or 个人信息保护法 access request citing "personal data" is legal@'s alone, so sent
to security@ it is wrongly addressed (issue 12, fixtures/voices11 en/093). A privacy worry about the writer's own
account (a data leak after an unknown login) may still go to either, and harassment to security@ or abuse@
(fixtures/routing). And a company asking to become Telegram's (payment) partner is a business proposal (voices11
en/083). Generated over laws, requests and partners, in both languages."""

from __future__ import annotations

import itertools

import pytest
from lintkit import lint

EN_LAW = ["Article 15 of the General Data Protection Regulation", "the GDPR (Art. 15)", "Article 17 GDPR"]
EN_ASK = [
    "a copy of all personal data Telegram holds about me",
    "the erasure of all personal data about me",
    "access to the personal information you process about me",
]
ZH_LAW = ["《个人信息保护法》第四十五条", "GDPR 第 15 条", "《个人信息保护法》"]
ZH_ASK = ["查阅并复制贵司持有的我的全部个人信息", "删除贵司持有的我的全部个人数据"]


def _routing(text: str) -> list[str]:
    return [f.rule for f in lint(text).findings if f.rule == "TG201"]


@pytest.mark.parametrize("law,ask", list(itertools.product(EN_LAW, EN_ASK)))
def test_a_data_request_sent_to_security_is_misaddressed_en(law: str, ask: str) -> None:
    text = (
        "To: security@telegram.org\nSubject: [Data Request] - Subject access request\n\nDear Sir or Madam,\n\n"
        f"Under {law}, I request {ask}, with the purposes of processing and retention periods.\n\n"
        "Account: +31 6 12345678, @pieter_dejong_nl\n\nKind regards,\nPieter de Jong\n"
    )
    assert _routing(text) == ["TG201"], (law, ask)


@pytest.mark.parametrize("law,ask", list(itertools.product(ZH_LAW, ZH_ASK)))
def test_a_data_request_sent_to_security_is_misaddressed_zh(law: str, ask: str) -> None:
    text = (
        "收件人：security@telegram.org\n主题：[法律事务] - 个人信息查阅申请\n\n您好：\n\n"
        f"根据{law}，我请求{ask}，并说明处理目的和保存期限。\n\n账号：+86 138 0013 8000，@lin_xiaoyu\n\n此致\n林晓雨\n"
    )
    assert _routing(text) == ["TG201"], (law, ask)


@pytest.mark.parametrize(
    "text",
    [
        "To: legal@telegram.org\nSubject: [Account Security] - My personal data may have leaked\n\nHello,\n\n"
        "On 2 December 2025 someone logged in to my account +31 6 12345678 from Lagos and exported my chats; I fear my "
        "personal data leaked. I terminated the session and turned on two-step verification.\n\nThanks\nPieter\n",
        "收件人：legal@telegram.org\n主题：[账户安全] - 担心个人信息泄露\n\n您好：\n\n"
        "2025年12月2日有人在拉各斯登录了我的账号 +86 138 0013 8000 并导出了聊天记录，担心个人信息泄露。"
        "我已终止会话并开启二步验证。\n\n谢谢\n",
    ],
)
def test_a_privacy_worry_about_the_own_account_may_go_to_either(text: str) -> None:
    assert _routing(text) == []


@pytest.mark.parametrize(
    "ask",
    [
        "explore becoming a regional payment partner for Telegram Stars",
        "become a partner of Telegram in LATAM",
        "join your partner program with our payment gateway",
    ],
)
def test_becoming_telegrams_partner_is_a_business_proposal(ask: str) -> None:
    text = (
        "To: support@telegram.org\nSubject: [Business Partnership] - Payment gateway for Telegram Stars\n\nHello,\n\n"
        f"I'm the partnerships lead at PagoRapido, a payment processor in Mexico. We would like to {ask}, with local "
        "payment methods. Could you put me in touch with the right person?\n\nThanks,\nDiego Morales\n"
    )
    assert _routing(text) == ["TG201"], ask
