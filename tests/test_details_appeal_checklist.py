"""The guide's checklist for a security mail (where an unusual login came from, whether a login code arrived,
two-step verification) is a takeover's: a ban, freeze or spam-limit appeal that tells of no takeover is not asked
for it (TG714; 31 appeals of the blind sets were, e.g. fixtures/voices5 en/052). Generated over appeals x wordings,
both languages; a takeover, or an appeal that also tells of one, is still asked."""

from __future__ import annotations

from itertools import product

import pytest
from lintkit import lint

EN_HEAD = "To: security@telegram.org\nSubject: [Account Security] - {}\n\nHello,\n\n"
ZH_HEAD = "收件人：security@telegram.org\n主题：[账户安全] - {}\n\n您好，\n\n"
EN_APPEALS = [
    "My account +44 7911 123456 was banned on 2 March without any reason. Please review the ban.",
    "Since 14 February my account +44 7911 123456 can only message mutual contacts; @SpamBot says it is limited.",
    "My account +44 7911 123456 has been frozen since 3 March. I never sent spam. Please unfreeze it.",
]
EN_SUBJECTS = ["Ban appeal", "Account limited", "Account frozen"]
ZH_APPEALS = [
    "我的账号 +86 139 1234 5678 在 3 月 2 日被封了，我从没发过广告，请解封。",
    "从 2 月 14 日起我的账号 +86 139 1234 5678 只能给双向联系人发消息，@SpamBot 说被限制了。",
    "我的账号 +86 139 1234 5678 从 3 月 3 日起被冻结，请帮忙解冻。",
]
ZH_SUBJECTS = ["账号被封申诉", "账号受限", "账号被冻结"]


def _checklist(draft: str) -> list[str]:
    return [f.message for f in lint(draft, select=("TG714",)).findings]


@pytest.mark.parametrize(("subject", "body"), list(product(EN_SUBJECTS, EN_APPEALS)))
def test_en_an_appeal_is_not_asked_for_a_takeovers_details(subject: str, body: str) -> None:
    assert not _checklist(EN_HEAD.format(subject) + body + "\n")


@pytest.mark.parametrize(("subject", "body"), list(product(ZH_SUBJECTS, ZH_APPEALS)))
def test_zh_an_appeal_is_not_asked_for_a_takeovers_details(subject: str, body: str) -> None:
    assert not _checklist(ZH_HEAD.format(subject) + body + "\n")


@pytest.mark.parametrize(
    "draft",
    [
        EN_HEAD.format("Account hacked") + "Someone hacked my account +44 7911 123456 on 2 March at 14:00.\n",
        EN_HEAD.format("Ban appeal") + "My account +44 7911 123456 was banned on 2 March after someone logged in "
        "from another country and sent spam from it.\n",
        ZH_HEAD.format("账号被盗") + "我的账号 +86 139 1234 5678 在 3 月 2 日下午被盗了。\n",
        ZH_HEAD.format("账号被封")
        + "3 月 2 日有人在陌生设备上登录了我的账号 +86 139 1234 5678 发广告，然后账号被封了。\n",
    ],
)
def test_a_takeover_is_still_asked_for_them(draft: str) -> None:
    assert _checklist(draft)
