"""A mail of several matters sent to the mailbox of its first one is that matter's mail: its topic is the first
matter's however much its other matters weigh, so the subject's proposed tag and the checks of that topic follow it
(device data for a crash), TG701 asks to split the others off, and TG201 does not send the whole mail elsewhere
(issue 12, fixtures/voices10 en/064, zh/012, zh/041; holdout zh/038, voices8 zh/040). A mail sent to the mailbox of
a later matter only is weighed whole as before. Generated over first and second matters, in both languages."""

from __future__ import annotations

import itertools

import pytest
from lintkit import analysis_of, lint

MAILBOX = {t: f"{t}@telegram.org" for t in ("support", "security", "abuse", "press", "legal")}
EN_FIRST = {
    "support": "My Telegram on the laptop crashes whenever I open a channel with a video, since 3 December.",
    "security": "Someone logged in to my account +1 415 555 0132 from Lagos on 3 December and changed my 2FA e-mail.",
}
EN_SECOND = {
    "security": "My friend's account +1 415 555 0177 was banned yesterday, can you unban him too?",
    "press": "Also, our company would like to discuss an advertising partnership with Telegram: whom to contact?",
    "support": "Also, my Premium subscription was charged twice this month and I want a refund.",
}
ZH_FIRST = {
    "support": "我的苹果手机升级以后，一打开视频就闪退，12月1日开始的。我的号是 +86 136 5501 8862。",
    "security": "12月3日有人在陌生设备上登录了我的账号 +86 136 5501 8862，还改了二步验证邮箱。",
}
ZH_SECOND = {
    "security": "另外我朋友的号 +86 199 2044 1375 前天被封了，能不能一起帮忙解一下？",
    "press": "还有我们公司想跟 Telegram 合作做企业推广，请问找谁？",
    "support": "另外上个月 Premium 被扣了两次钱，想申请退款。",
}


def _en(first: str, second: str, to: str) -> str:
    return (
        f"To: {MAILBOX[to]}\nSubject: some problems\n\nHi Telegram,\n\n1) {EN_FIRST[first]}\n"
        f"2) {EN_SECOND[second]}\n\nThanks\nMike\n"
    )


def _zh(first: str, second: str, to: str) -> str:
    return (
        f"收件人：{MAILBOX[to]}\n主题：几个问题\n\n你好，有几件事想问一下：\n\n"
        f"1. {ZH_FIRST[first]}\n2. {ZH_SECOND[second]}\n\n谢谢！\n"
    )


PAIRS = [(f, s) for f, s in itertools.product(("support", "security"), ("security", "press", "support")) if f != s]


@pytest.mark.parametrize("first,second", PAIRS)
@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_addressed_first_matter_is_the_topic(language: str, first: str, second: str) -> None:
    text = (_en if language == "en" else _zh)(first, second, first)
    assert analysis_of(text).topic == first, text
    rules = [f.rule for f in lint(text).findings]
    assert "TG701" in rules and "TG201" not in rules, rules


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_crash_first_asks_for_the_device(language: str) -> None:
    text = (_en if language == "en" else _zh)("support", "security", "support")
    assert "TG321" in [f.rule for f in lint(text).findings]


@pytest.mark.parametrize("first,second", PAIRS)
@pytest.mark.parametrize("language", ["en", "zh"])
def test_sent_to_a_later_matters_mailbox_the_mail_is_weighed_whole(language: str, first: str, second: str) -> None:
    build = _en if language == "en" else _zh
    text = build(first, second, second)
    weighed = analysis_of(text)
    assert weighed.topic == weighed.topic_verdict.topic
