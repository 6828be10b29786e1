"""A refund request after a technical problem is a second issue (issue 12, a body-only Chinese draft: a voice
playback bug, then "另外……上个月买的 Stars 没用完，能不能退款？"). A request for money back names a payment
matter by itself, without "charged twice"; a mail that is about the payment from its start stays one matter.
Generated from combinations in both languages, with and without a header block."""

from __future__ import annotations

import itertools

import pytest
from lintkit import lint

PROBLEMS = {
    "en": [
        "Since November 27 voice messages in groups play without sound; the progress bar moves. A restart did not "
        "help.",
        "The desktop app crashes every time I open a chat with many photos, since the last update.",
        "Messages in my groups arrive several minutes late on Wi-Fi and on mobile data.",
    ],
    "zh": [
        "从11月27日开始，群里的语音消息点了播放没有声音，进度条在走。重启、清缓存都试过了。",
        "更新之后电脑版一打开图片多的聊天就闪退。",
        "群里的消息要延迟好几分钟才收到，Wi-Fi 和流量都一样。",
    ],
}
REFUNDS = {
    "en": [
        "Also, I bought Stars last month that I never used. Can I get a refund?",
        "By the way, I purchased a Premium gift for a friend by mistake and would like to request a refund.",
        "One more thing: is it possible to get my money back for the Stars I bought yesterday?",
        "P.S. please refund my last Premium purchase, I did not mean to buy it.",
    ],
    "zh": [
        "另外上个月买的 Stars 没用完，能不能退款？",
        "还有，我误买了一个 Premium 礼物，想申请退款。",
        "顺便问一下，昨天购买的 Stars 可以退款吗？",
        "另外，上周买了 Premium 但是不想要了，请帮我退款。",
    ],
}
HEADS = {
    "en": ["", "To: support@telegram.org\nSubject: [Technical Issue] - Voice messages have no sound\n\n"],
    "zh": ["", "To: support@telegram.org\nSubject: [技术问题] - 语音消息没有声音\n\n"],
}
ACCOUNT = {
    "en": "\n\nPhone: +44 7911 123456, iPhone 15, iOS 17.2, Telegram 10.5.2\n",
    "zh": "\n\n手机号：+86 177 0216 8843\n",
}


def _mixed(draft: str) -> bool:
    return any(f.rule == "TG701" for f in lint(draft).findings)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_refund_request_after_a_technical_problem_is_a_second_issue(language: str) -> None:
    missed = []
    for index, (problem, refund, head) in enumerate(
        itertools.product(PROBLEMS[language], REFUNDS[language], HEADS[language])
    ):
        # The request in a paragraph of its own, or at the end of the problem's paragraph.
        joiner = "\n\n" if index % 2 else " "
        draft = f"{head}{problem}{joiner}{refund}{ACCOUNT[language]}"
        if not _mixed(draft):
            missed.append(draft)
    assert not missed, missed[:3]


@pytest.mark.parametrize(
    "draft",
    [
        "To: support@telegram.org\nSubject: Stars purchase\n\nI bought 500 Stars yesterday but they never "
        "arrived in my balance. Also, if they cannot be delivered, can I get a refund?\n",
        "To: support@telegram.org\nSubject: Premium 购买问题\n\n昨天购买的 Premium 一直没有生效，付款已经扣了。"
        "另外，如果开通不了，能不能退款？\n",
    ],
)
def test_a_payment_mail_that_asks_for_a_refund_is_one_matter(draft: str) -> None:
    assert not _mixed(draft), draft


SECURITY = {
    "en": [
        "On April 27 I found my username changed and an iPhone 12 session from Manila in my devices list. I ended "
        "the session and turned on two-step verification.",
        "Yesterday at 23:10 someone logged in to my account from an unknown device and changed my recovery email.",
    ],
    "zh": [
        "4月27日早上发现我的用户名被改了，设备列表里多了一台菲律宾马尼拉的 iPhone 12 会话。"
        "我已经终止了陌生会话，开启了二步验证。",
        "昨天晚上11点有人从陌生设备登录了我的账号，还改了我的恢复邮箱。",
    ],
}
PAYMENTS = {
    "en": [
        "One more thing: my Premium was charged twice last month, on March 15 and 16. Could you refund one?",
        "Another matter: I bought Stars by mistake yesterday and would like to request a refund.",
    ],
    "zh": [
        "另外还有一件事：我上个月开通的 Premium 被扣了两次费，能不能帮我退一下？",
        "还有一件事，我昨天误买了 Stars，想申请退款。",
    ],
}
# What the intruder did with the account is part of the security matter.
INTRUDER = {
    "en": "One more thing: the hacker bought Premium with my card, I was charged twice. Please refund it.",
    "zh": "另外还有一件事：盗号的人用我绑定的卡买了 Premium，扣了两次费，请帮我退款。",
}
SECURITY_HEAD = {
    "en": "To: security@telegram.org\nSubject: [Account Security] - Unknown session\n\nHello,\n\n",
    "zh": "To: security@telegram.org\nSubject: [账户安全] - 陌生设备登录\n\n您好，\n\n",
}


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_payment_matter_announced_after_a_security_one_is_a_second_issue(language: str) -> None:
    for problem, payment in itertools.product(SECURITY[language], PAYMENTS[language]):
        draft = f"{SECURITY_HEAD[language]}{problem}\n\n{payment}{ACCOUNT[language]}"
        assert _mixed(draft), draft


@pytest.mark.parametrize("language", ["en", "zh"])
def test_what_the_intruder_paid_for_is_part_of_the_security_matter(language: str) -> None:
    for problem in SECURITY[language]:
        draft = f"{SECURITY_HEAD[language]}{problem}\n\n{INTRUDER[language]}{ACCOUNT[language]}"
        assert not _mixed(draft), draft
