"""A tag that names an account matter without saying which ("[Account Issue]", "[账号问题]": `open_tags` of the
subject packs) is a known tag that never contradicts a technical or an account-security body (fixtures/voices5
en/052, en/084: a spam-limited account under [Account Issue] was told its tag did not match). Generated over
open tags x bodies x mailboxes, both languages."""

from __future__ import annotations

from itertools import product

import pytest
from lintkit import lint

EN_TAGS = ["Account Issue", "Account Problem", "account issue"]
ZH_TAGS = ["账号问题", "账户问题", "帐号问题"]
EN_BODIES = [
    "Since 14 February my account can only message mutual contacts. @SpamBot says it is limited.",
    "My account was banned on 2 March without warning; I never sent spam.",
    "Telegram 11.3 on my Pixel 7 (Android 14) crashes when I open Settings > Devices since 2 March.",
]
ZH_BODIES = [
    "从 2 月 14 日起我的账号只能给双向联系人发消息，@SpamBot 说被限制了。",
    "我的账号 3 月 2 日被封了，我从没发过广告。",
    "从 3 月 2 日起，我的小米 13（Android 14，Telegram 11.3）打开设置就闪退。",
]
MAILBOXES = ["support@telegram.org", "security@telegram.org"]


def _subject_rules(draft: str) -> set[str]:
    return {f.rule for f in lint(draft, select=("TG102", "TG108")).findings}


@pytest.mark.parametrize(("tag", "body", "to"), list(product(EN_TAGS, EN_BODIES, MAILBOXES)))
def test_en_open_tag_is_known_and_never_contradicts(tag: str, body: str, to: str) -> None:
    draft = f"To: {to}\nSubject: [{tag}] - Account limited since 14 February\n\n{body}\n\nAccount: +44 7911 123456\n"
    assert not _subject_rules(draft)


@pytest.mark.parametrize(("tag", "body", "to"), list(product(ZH_TAGS, ZH_BODIES, MAILBOXES)))
def test_zh_open_tag_is_known_and_never_contradicts(tag: str, body: str, to: str) -> None:
    draft = f"收件人：{to}\n主题：[{tag}] - 账号从 2 月 14 日起受限\n\n{body}\n\n账号：+86 139 1234 5678\n"
    assert not _subject_rules(draft)


def test_a_tag_of_one_mailbox_still_contradicts_another_matter() -> None:
    draft = (
        "To: security@telegram.org\nSubject: [Technical Issue] - Account banned\n\n"
        "My account +44 7911 123456 was banned on 2 March without warning; I never sent spam. Please unban it.\n"
    )
    assert "TG108" in _subject_rules(draft)
