"""A ban appeal and a scam complaint in one mail are two matters when the scam unit names someone else by what
they are called, as a @username or a link already did (fixtures/voices5 zh/018: "还有上个月有个叫 “USDT 承兑” 的人
骗了我 2000U" after "账号被封了"). Generated over first matters x markers x named scammers, both languages; a
hacked account whose own messages spread the scam stays one story."""

from __future__ import annotations

import random
from itertools import product

import pytest
from lintkit import lint

SEED = 18
ZH_FIRST = ["今天早上 8 点打开 Telegram 就说我的账号被封了，我用了五年从来没违规过，请尽快解封。"]
ZH_MARKERS = ["还有", "另外", "顺便说一下，"]
ZH_SCAMS = [
    "上个月有个叫“USDT 承兑”的人骗了我 2000U，举报了也没用。",
    "有个叫「币圈老王」的人用假客服骗走了我 5000 元。",
    "群名为“高收益理财”的群组骗了我朋友 3 万元。",
]
EN_FIRST = ["My account was banned this morning at 8:00 without any reason; I have used it for five years."]
EN_MARKERS = ["Also, ", "Another thing: ", "By the way, "]
EN_SCAMS = [
    "a channel called 'Crypto Doubler' scammed me out of 300 USDT last month.",
    'a user named "Support Desk" stole 500 dollars from me with a fake refund.',
    "a group called 'Fast Profit Club' took my money and blocked me.",
]


def _mixed(draft: str) -> bool:
    return any(f.rule == "TG701" for f in lint(draft, select=("TG701",)).findings)


ZH_CASES = list(product(ZH_FIRST, ZH_MARKERS, ZH_SCAMS))
EN_CASES = random.Random(SEED).sample(list(product(EN_FIRST, EN_MARKERS, EN_SCAMS)), 9)


@pytest.mark.parametrize(("first", "marker", "scam"), ZH_CASES)
def test_zh_ban_appeal_and_a_named_scammer_are_two_matters(first: str, marker: str, scam: str) -> None:
    draft = f"收件人：security@telegram.org\n主题：[账户安全] - 账号被封\n\n{first}\n\n{marker}{scam}\n"
    assert _mixed(draft)


@pytest.mark.parametrize(("first", "marker", "scam"), EN_CASES)
def test_en_ban_appeal_and_a_named_scammer_are_two_matters(first: str, marker: str, scam: str) -> None:
    draft = f"To: security@telegram.org\nSubject: [Account Security] - Account banned\n\n{first}\n\n{marker}{scam}\n"
    assert _mixed(draft)


@pytest.mark.parametrize(
    "draft",
    [
        "To: security@telegram.org\nSubject: [Account Security] - Hacked\n\nMy account +44 7911 123456 was hacked "
        "on 2 March at 14:00. The attacker is now sending scam links to all my contacts from it.\n",
        "收件人：security@telegram.org\n主题：[账户安全] - 账号被盗\n\n"
        "我的账号 +86 139 1234 5678 在 3 月 2 日下午被盗，盗号的人正在用我的号给所有联系人发诈骗链接。\n",
    ],
)
def test_a_hacked_account_spreading_a_scam_stays_one_story(draft: str) -> None:
    assert not _mixed(draft)
