"""A ban or a limit in the forms writers use is account security (the guide's 冻结账户; issue 12, fixtures/voices6
en/051 "my telegram account have been banned", zh/028 "凭什么限制我的号"): the perfect passive with any
auxiliary, and in Chinese 号 for 账号 and the verb before its object. Generated over wordings x openings x
closings, both languages: the topic is security, and a draft of it sent to abuse@ is misaddressed (TG201)."""

from __future__ import annotations

from itertools import product

import pytest
from lintkit import analysis_of, lint

EN_BANS = [
    "my telegram account have been banned",
    "my account had been banned",
    "my account has been suspended",
    "my number have been restricted",
    "my account have been limited",
]
EN_OPEN = ["Please i need your help, ", "Good day, "]
EN_CLOSE = [" and i dont know the reason.", ", I did nothing wrong, please restore it."]
ZH_BANS = [
    "我的号被封了",
    "凭什么限制我的号",
    "你们把我的号封了",
    "为什么封了我的号",
    "我的号被限制了",
    "限制了我的账号",
]
ZH_OPEN = ["你好，", "客服你好！"]
ZH_CLOSE = ["，我什么都没做。", "，赶紧给我解除。"]


def _topic(text: str) -> str | None:
    return analysis_of(text).topic


@pytest.mark.parametrize(("ban", "opening", "closing"), list(product(EN_BANS, EN_OPEN, EN_CLOSE)))
def test_en_ban_forms_are_account_security(ban: str, opening: str, closing: str) -> None:
    text = f"To: abuse@telegram.org\nSubject: URGENT\n\n{opening}{ban}{closing}\n\nChidi\n"
    assert _topic(text) == "security"
    assert "TG201" in {f.rule for f in lint(text).findings}


@pytest.mark.parametrize(("ban", "opening", "closing"), list(product(ZH_BANS, ZH_OPEN, ZH_CLOSE)))
def test_zh_ban_forms_are_account_security(ban: str, opening: str, closing: str) -> None:
    text = f"收件人：abuse@telegram.org\n主题：求助\n\n{opening}{ban}{closing}\n\n小陈\n"
    assert _topic(text) == "security"
    assert "TG201" in {f.rule for f in lint(text).findings}


# The same forms are an incident whose time the guide asks for (TG711, "不要遗漏关键的时间信息"; fixtures/voices6
# zh/028): without one it is missing, with one it is not.
@pytest.mark.parametrize(("ban", "opening", "closing"), list(product(ZH_BANS, ZH_OPEN, ZH_CLOSE)))
def test_zh_ban_forms_need_their_time(ban: str, opening: str, closing: str) -> None:
    text = f"收件人：security@telegram.org\n主题：[账户安全] - 求助\n\n{opening}{ban}{closing}\n\n小陈\n"
    assert "TG711" in {f.rule for f in lint(text).findings}
    dated = text.replace(ban, f"从昨天晚上开始{ban}")
    assert "TG711" not in {f.rule for f in lint(dated).findings}
