"""A known tag against what the mail says (TG108), generated as tag x topic pairs in both languages (issue 12,
the third blind set): a tag naming another mailbox's matter on a short mail sent to the mailbox its words
name is a contradiction ([技术问题] on a ban appeal to security@); a tag naming a matter the guide lists under
both mailboxes is a sub-matter of the right one ([隐私请求] on a data-deletion request to legal@)."""

from __future__ import annotations

import itertools

import pytest
import topic_drafts as td
from lintkit import lint

# Tags of each mailbox's own matter (the guide's examples and their common variants).
TAGS = {
    "en": {
        "support": ["Technical Issue", "Feature Inquiry", "Bug Report"],
        "security": ["Account Security", "Hacked Account"],
        "abuse": ["Abuse Report", "Spam Report"],
        "press": ["Press Inquiry", "Business Cooperation"],
        "legal": ["Legal", "Copyright Complaint"],
    },
    "zh": {
        "support": ["技术问题", "功能咨询", "故障反馈"],
        "security": ["账户安全", "账号被盗"],
        "abuse": ["滥用举报", "诈骗举报"],
        "press": ["商务合作", "媒体采访"],
        "legal": ["法律事务", "版权投诉"],
    },
}

# Privacy is security's (隐私设置和安全功能故障) and legal's (隐私权和数据保护投诉): either mailbox's tag that
# names it is right on the other's mail.
PRIVACY_TAGS = {
    "en": ["Privacy", "Privacy issue", "Privacy Request"],
    "zh": ["隐私请求", "隐私问题", "隐私", "隐私投诉"],
}
PRIVACY_SETTINGS = {
    "en": [
        "My privacy settings do not work: strangers can see my phone number although it is set to Nobody.",
        "Since yesterday my last seen is visible to everyone although my privacy setting says My Contacts.",
    ],
    "zh": [
        "我的隐私设置不起作用：手机号设成了“没有人”，陌生人还是能看到。",
        "从昨天开始，隐私设置里选了“我的联系人”，可所有人都能看到我的最后上线时间。",
    ],
}


# How an appeal says the ban showed itself: the app's message quoted, in words that hint at a technical problem.
APP_HINTS = {
    "en": [
        'When I open the app it says "This phone number is banned".',
        'The login screen shows the message "This account is frozen".',
        "I tried to log in again and got a notice that my account is limited.",
    ],
    "zh": [
        "打开 Telegram 提示 “This phone number is banned”。",
        "重新输入手机号，界面上显示“账号已被封禁”。",
        "登录时弹出提示说账号受限。",
    ],
}


def _draft(language: str, to: str, tag: str, subject: str, statement: str) -> str:
    if language == "zh":
        return f"收件人：{to}\n主题：[{tag}] - {subject}\n\n您好，\n\n{statement}\n\n谢谢。\n"
    return f"To: {to}\nSubject: [{tag}] - {subject}\n\nHello,\n\n{statement}\n\nThanks.\n"


def _contradictions(language: str) -> list[str]:
    """Short mails of every class, sent to their own mailbox, under a tag of every other mailbox's matter."""
    table = td.EN if language == "en" else td.ZH
    drafts = []
    for klass, topic in td.CLASSES.items():
        subjects, statements = table[klass]
        for other, tags in TAGS[language].items():
            if other == topic or frozenset((other, topic)) in td.OVERLAPS:
                continue
            for index, (tag, statement) in enumerate(itertools.product(tags, statements)):
                subject = subjects[index % len(subjects)]
                drafts.append(_draft(language, td.MAILBOX[topic], tag, subject, statement))
    return drafts


@pytest.mark.parametrize("language", ["en", "zh"])
def test_tag_of_another_mailboxs_matter_on_a_mail_to_the_right_mailbox(language: str) -> None:
    drafts = _contradictions(language)
    assert len(drafts) >= 150
    missed = [draft for draft in drafts if not any(f.rule == "TG108" for f in lint(draft).findings)]
    assert len(missed) <= 0.1 * len(drafts), (len(missed), missed[:3])


@pytest.mark.parametrize("language", ["en", "zh"])
def test_technical_tag_on_an_appeal_to_security_that_says_how_the_app_showed_it(language: str) -> None:
    table = td.EN if language == "en" else td.ZH
    drafts = []
    for klass in ("ban", "freeze", "limited"):
        subjects, statements = table[klass]
        # The appeal in as few words as people use ("my account got banned") and in a full sentence.
        for tag, statement, hint in itertools.product(
            TAGS[language]["support"], [*subjects, *statements], APP_HINTS[language]
        ):
            said = statement.rstrip(".。")
            sentence = f"{said}. {hint}" if language == "en" else f"{said}。{hint}"
            drafts.append(_draft(language, td.MAILBOX["security"], tag, "appeal", sentence))
    missed = [draft for draft in drafts if not any(f.rule == "TG108" for f in lint(draft).findings)]
    assert len(missed) <= 0.1 * len(drafts), (len(missed), len(drafts), missed[:3])


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_tag_naming_a_shared_matter_is_no_contradiction(language: str) -> None:
    table = td.EN if language == "en" else td.ZH
    subjects, requests = table["data-request"]
    drafts = [
        _draft(language, td.MAILBOX["legal"], tag, subjects[0], request)
        for tag, request in itertools.product(PRIVACY_TAGS[language], requests)
    ]
    drafts += [
        _draft(language, td.MAILBOX["security"], tag, "privacy settings", statement)
        for tag, statement in itertools.product(PRIVACY_TAGS[language], PRIVACY_SETTINGS[language])
    ]
    flagged = [draft for draft in drafts if any(f.rule == "TG108" for f in lint(draft).findings)]
    assert not flagged, flagged[:3]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_right_tag_on_a_mail_to_the_right_mailbox_is_quiet(language: str) -> None:
    table = td.EN if language == "en" else td.ZH
    drafts = [
        _draft(language, td.MAILBOX[topic], TAGS[language][topic][0], table[klass][0][0], statement)
        for klass, topic in td.CLASSES.items()
        for statement in table[klass][1]
    ]
    flagged = [draft for draft in drafts if any(f.rule == "TG108" for f in lint(draft).findings)]
    assert not flagged, flagged[:3]
