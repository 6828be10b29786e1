"""Two readings from fixtures/voices13 and voices9 (issue 12), generated in both languages: a call that drops or a
video call that stutters is a fault however plainly told ("My Telegram calls drop after 60 seconds", "画面冻住，声音
断断续续"), so the device data is asked for (TG321; voices13 en/077, zh/027); and "file" right after the thing it
names ("the crash log file", "日志文件") is no second kind of file, so a log promised with only a picture attached
is the wrong kind (TG803; voices9 zh/030), while "the attached file lists the photos" still names a file."""

from __future__ import annotations

import base64

import pytest
from lintkit import lint

PNG = base64.b64encode(bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108020000009077")).decode()


@pytest.mark.parametrize(
    "told",
    [
        "My Telegram calls drop after exactly 60 seconds every time",
        "Voice calls keep cutting out after a minute",
        "最近和女儿视频通话，两三分钟就开始卡，画面冻住，声音断断续续",
        "语音通话一直断断续续，听不清",
    ],
)
def test_calls_that_drop_or_stutter_are_a_fault(told: str) -> None:
    text = (
        f"To: support@telegram.org\n\nHello,\n\n{told}, since 1 December in the evenings.\n"
        "My number is +234 803 123 4567.\n\nThank you.\n"
    )
    assert any(f.rule == "TG321" for f in lint(text).findings), told


def _mail(claim: str) -> str:
    return (
        "To: support@telegram.org\nSubject: [Technical Issue] - Export fails\nMIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain; charset=utf-8\n\n'
        "Since 5 Dec 2026 exporting chats in Telegram Desktop 5.8.2 (Windows 11) stops at 12%. Account +91 98200 "
        f'11223.\n{claim}\n--b\nContent-Type: image/png\nContent-Disposition: attachment; filename="IMG_1.png"\n'
        f"Content-Transfer-Encoding: base64\n\n{PNG}\n--b--\n"
    )


@pytest.mark.parametrize(
    "claim", ["I have attached the crash log file.", "崩溃日志文件附在邮件里了。", "The log file is attached."]
)
def test_a_log_file_promised_with_a_picture_attached_is_the_wrong_kind(claim: str) -> None:
    rules = [f.rule for f in lint(_mail(claim), path="draft.eml").findings if f.rule.startswith("TG80")]
    assert rules == ["TG803"], claim


def test_the_attached_file_listing_photos_names_a_file() -> None:
    rules = [
        f.rule
        for f in lint(_mail("The photos are listed in the attached file."), path="draft.eml").findings
        if f.rule.startswith("TG80")
    ]
    assert rules == []


@pytest.mark.parametrize(
    "forward",
    [
        "---------- Forwarded message ---------\nFrom: Telegram Security <notice@telegram-secure-verify.com>\n"
        "Subject: Your account will be deleted\n\nVerify now at http://telegram-secure-verify.com/login\n",
        "---------- 转发的消息 ----------\n发件人：Telegram Security <notice@tg-verify-login.net>\n"
        "主题：您的账号将被删除\n\n"
        "请立即点击 http://tg-verify-login.net/login 验证身份。\n",
    ],
)
def test_a_forwarded_phishing_mail_names_its_sender(forward: str) -> None:
    # The phishing mail forwarded as it came names the offender by the link it leads to (voices13 en/092, zh/042).
    text = (
        "To: abuse@telegram.org\nSubject: Fwd: [Abuse Report] - Phishing mail pretending to be Telegram\n\nHello,\n\n"
        f"I received this phishing mail today; the link is a fake login page. I did not click it.\n\n{forward}"
    )
    assert "TG713" not in [f.rule for f in lint(text).findings]


def test_a_quoted_reply_from_telegram_names_no_offender() -> None:
    text = (
        "To: abuse@telegram.org\nSubject: Re: [Abuse Report] - Spam\n\nHello,\n\nSomeone keeps sending me spam every "
        "day since 1 December.\n\nOn Mon, 1 Dec 2026, Telegram <abuse@telegram.org> wrote:\n"
        "> Please tell us who sends it, see https://telegram.org/faq\n"
    )
    assert "TG713" in [f.rule for f in lint(text).findings]
