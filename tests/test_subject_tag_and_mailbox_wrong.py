"""A tag and a mailbox that agree with each other but not with what the words settle (a spam-limit appeal
tagged [技术问题] and sent to support@; a takeover tagged [Feature Inquiry] to support@) are both wrong: the
tag contradicts (TG108) as the mailbox does, whatever the mailbox's vote (issue 12, fixtures/voices6
zh/002, holdout zh/031); in Chinese, being reported by others ("被用户举报") is the limit's cause, the
writer's account security, not an abuse report. Generated over tags x bodies, both languages; a mail whose
words also bear the tag out stays a mail of two matters, its tag left alone."""

from __future__ import annotations

from itertools import product

import pytest
from lintkit import lint

ZH_TAGS = ["技术问题", "功能咨询", "使用问题"]
ZH_BODIES = [
    "我的账号从11月30日晚上开始被限制，给新客户发消息时提示“您目前只能给双向联系人发送消息”。"
    "@SpamBot 说我被用户举报发送垃圾信息，可我没有群发广告。"
    "手机号 +86 137 2468 1357，用户名 @tangyi_waimao。请帮我解除限制。",
    "我的账号 3 月 2 日晚上 10 点被盗了，对方在陌生设备上登录，改了两步验证密码，还把我踢下线了，"
    "再登录时提示密码错误。"
    "手机号 +86 139 1234 5678。请帮我找回账号。",
]
EN_TAGS = ["Technical Issue", "Feature Inquiry", "Usage Question"]
EN_BODIES = [
    "My account has been limited since 2 December: an error says I can only message mutual contacts. "
    "@SpamBot says users reported me for spam, but I never sent ads. Phone +44 7400 123456, @ana_events. "
    "Please remove the limit.",
    "My account was stolen on 2 March at 22:00: someone logged in from an unknown device, changed my two-step "
    "password and logged me out; now the app shows an error when I try to log in. Phone +44 7400 123456. "
    "Please help me recover it.",
]


def _rules(text: str) -> set[str]:
    return {f.rule for f in lint(text).findings}


@pytest.mark.parametrize(("tag", "body"), list(product(ZH_TAGS, ZH_BODIES)))
def test_zh_a_tag_agreeing_with_a_wrong_mailbox_contradicts(tag: str, body: str) -> None:
    found = _rules(f"收件人：support@telegram.org\n主题：[{tag}] - 账号问题\n\n您好，\n\n{body}\n\n谢谢！\n唐怡\n")
    assert "TG108" in found


@pytest.mark.parametrize(("tag", "body"), list(product(EN_TAGS, EN_BODIES)))
def test_en_a_tag_agreeing_with_a_wrong_mailbox_contradicts(tag: str, body: str) -> None:
    found = _rules(
        f"To: support@telegram.org\nSubject: [{tag}] - Account problem\n\nHello,\n\n{body}\n\nThanks,\nAna\n"
    )
    assert "TG108" in found


def test_words_that_bear_the_tag_out_leave_it_alone() -> None:
    body = (
        "Since the 10.5 update on 2 March the app crashes every time I open a chat with a video; I reinstalled and "
        "cleared the cache, nothing helps. iPhone 15, iOS 17.2, Telegram 10.5.2. The crash started the same "
        "evening my account was stolen and someone logged in from an unknown device and changed my password."
    )
    found = _rules(f"To: support@telegram.org\nSubject: [Technical Issue] - App crashes\n\nHello,\n\n{body}\n")
    assert "TG108" not in found
