"""The details finding on security mails that identify the account but say nothing of what happened or when
(issue 12: "someone logged in to my account", no time, no place, no how it was noticed), on short ban, freeze
and restriction appeals written as people write them, and not on an abuse report whose forwarded message or
subject names what to look at. Generated from combinations in both languages."""

from __future__ import annotations

import itertools

import pytest
from lintkit import lint

from tglint.models import FileResult

LOUD = frozenset({"warning", "error"})

SOMEONE_EN = [
    "I think someone has logged in to my account.",
    "It looks like somebody logged into my account, I am a bit worried.",
    "Someone else is using my account, please check if it is safe.",
    "I feel someone got into my account. What should I do?",
    "Somebody accessed my Telegram account without me knowing.",
    "someone signed in to my account i think, can you check",
]
SOMEONE_ZH = [
    "我感觉我的账号好像被别人登录了，有点担心。",
    "我的号好像被人登了，请帮我看一下是不是安全。",
    "怀疑有人登录了我的账号，需要怎么处理？",
    "好像别人在用我的账号，麻烦查一下。",
    "我的账户可能被他人登录过，请帮忙确认。",
    "感觉账号被人用了，怎么办",
]
APPEALS_EN = [
    "my account was banned, please help",
    "pls unban my account, i did nothing wrong",
    "My account got suspended. Please restore it.",
    "Hi, my Telegram is frozen, can you unfreeze it?",
    "my account is limited and I can't message anyone, help",
    "Account banned for no reason!! please review",
]
APPEALS_ZH = [
    "我的账号被封了，求帮忙",
    "号被冻结了，帮我解冻一下吧",
    "账号被限制了，发不了私信，请处理",
    "求解封，我什么都没做",
    "账户被封禁，请尽快恢复",
    "我的电报号被封了 怎么办",
]
ACCOUNT_EN = ["", "\n\nPhone: +44 7911 123456\nUsername: @sam_k", "\n\nmy number +1 415 555 0132"]
ACCOUNT_ZH = ["", "\n\n手机号：+86 131 2087 5546\n用户名：@meng_xd", "\n\n我的号码 +86 138 0013 8000"]
TIMES_EN = [" It happened on March 3 at about 10:30.", " Since yesterday evening."]
TIMES_ZH = ["昨天晚上10点左右发现的。", "从3月3日开始。"]


def _draft(to: str, subject: str, body: str) -> str:
    return f"To: {to}\nSubject: {subject}\n\n{body}\n"


def _details(result: FileResult) -> bool:
    return any(f.category == "details" and f.severity.value in LOUD for f in result.findings)


def _drafts(statements: list[str], accounts: list[str], subjects: list[str], extra: str = "") -> list[str]:
    return [
        _draft("security@telegram.org", subject, statement + extra + account)
        for (statement, account), subject in zip(
            itertools.product(statements, accounts), itertools.cycle(subjects), strict=False
        )
    ]


@pytest.mark.parametrize(
    ("statements", "accounts", "subjects"),
    [
        (SOMEONE_EN, ACCOUNT_EN, ["[Account Security] - Someone logged in?", "Account security", "help"]),
        (SOMEONE_ZH, ACCOUNT_ZH, ["[账户安全] - 怀疑账号被他人登录", "账号安全", "求助"]),
        (APPEALS_EN, ACCOUNT_EN, ["Account banned", "appeal", "[Account Security] - unban"]),
        (APPEALS_ZH, ACCOUNT_ZH, ["账号被封", "申诉", "[账户安全] - 解封"]),
    ],
)
def test_security_mail_with_no_what_or_when_needs_details(
    statements: list[str], accounts: list[str], subjects: list[str]
) -> None:
    missed = [draft for draft in _drafts(statements, accounts, subjects) if not _details(lint(draft))]
    assert not missed, missed[:3]


@pytest.mark.parametrize(
    ("statements", "accounts", "times"),
    [(SOMEONE_EN, ACCOUNT_EN[1:], TIMES_EN), (SOMEONE_ZH, ACCOUNT_ZH[1:], TIMES_ZH)],
)
def test_a_time_is_enough_to_lift_the_missing_time(
    statements: list[str], accounts: list[str], times: list[str]
) -> None:
    for time in times:
        for draft in _drafts(statements, accounts, ["Account security"], time):
            assert not any(f.rule == "TG711" for f in lint(draft).findings), draft


FORWARDED_EN = [
    "Since 28 November the channel {x} has been adding people from our office group into the channel and "
    'sending private messages promising "guaranteed 30% monthly profit". Five colleagues got them.',
    "The account {x} keeps sending fake giveaway links to members of our community group and asks them to pay "
    "a fee to claim the prize. Several members paid before we noticed.",
]
FORWARDED_ZH = [
    "从11月28日起，频道 {x} 一直把我们公司群里的人拉进频道，还私信说“保证每月30%收益”。至少五个同事收到了。",
    "账号 {x} 一直在我们的社区群里发虚假抽奖链接，让大家先交手续费领奖，已经有几个群友交了钱。",
]
INTRO = {
    "en": ["Hi, forwarding this report from a colleague.", "FYI see below.", "Please look at this, thanks."],
    "zh": ["你好，转发一下同事的举报。", "请看下面的邮件。", "麻烦处理一下，谢谢。"],
}
HEAD = {
    "en": "---------- Forwarded message ---------\nFrom: Nurul Huda <nurul@example.com>\nDate: Tue, Dec 1, 2026\n"
    "Subject: spam\n\n",
    "zh": "---------- Forwarded message ---------\nFrom: 王芳 <wangfang@example.com>\nDate: 2026年12月1日\n"
    "Subject: 举报\n\n",
}


@pytest.mark.parametrize(("language", "reports"), [("en", FORWARDED_EN), ("zh", FORWARDED_ZH)])
def test_forwarded_abuse_report_naming_the_offender_is_not_vague(language: str, reports: list[str]) -> None:
    subjects = {"en": "Fwd: [Abuse Report] - Channel {x} sending spam", "zh": "转发：[滥用举报] - 频道 {x} 发垃圾信息"}
    flagged = []
    for report, intro, handle in itertools.product(reports, INTRO[language], ["@forex_vip99", "@gift_claims_x"]):
        # The offender named in the forwarded report, and in the subject or not.
        for subject in (subjects[language].format(x=handle), "Fwd: spam" if language == "en" else "转发：举报"):
            body = f"{intro}\n\n{HEAD[language]}{report.format(x=handle)}\n"
            result = lint(_draft("abuse@telegram.org", subject, body))
            if any(f.rule == "TG712" for f in result.findings):
                flagged.append(body)
    assert not flagged, flagged[:3]


@pytest.mark.parametrize(
    ("language", "forwarded"), [("en", "hey, you won a prize, reply to claim"), ("zh", "恭喜你中奖了，回复领取")]
)
def test_forwarding_a_short_message_that_names_nothing_stays_vague(language: str, forwarded: str) -> None:
    for intro in INTRO[language]:
        body = f"{intro}\n\n{HEAD[language]}{forwarded}\n"
        result = lint(_draft("abuse@telegram.org", "Fwd: spam" if language == "en" else "转发：举报", body))
        assert _details(result), body
