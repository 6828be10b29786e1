"""Attachment rules: a claimed enclosure must be attached (TG801), a reminder for plain text (TG802),
a log promised but only pictures attached (TG803)."""

from __future__ import annotations

import pytest
from lintkit import findings_of, lint

MIME_EN = (
    "To: support@telegram.org\nSubject: [Technical Issue] - Desktop app crashes\n"
    "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
)
TEXT_EN = "To: support@telegram.org\nSubject: [Technical Issue] - Desktop app crashes\n\n"


def with_attachment(body: str, content_type: str, filename: str) -> str:
    return (
        "To: support@telegram.org\nSubject: [Technical Issue] - Desktop app crashes\nMIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain; charset=utf-8\n\n'
        f"{body}\n--b\nContent-Type: {content_type}\n"
        f'Content-Disposition: attachment; filename="{filename}"\n\nxxxx\n--b--\n'
    )


def attachment_findings(text: str) -> list[tuple[str, str]]:
    return [(f.rule, f.severity.value) for f in lint(text, path="draft.eml", select=("TG8",)).findings]


CLAIMS = [
    "见附件。",
    "截图如下：",
    "请查收附件，谢谢。",
    "我附上了日志。",
    "附上截图两张。",
    "崩溃日志见附件。",
    "报错截图我附在邮件里了。",
    "Please find attached the crash log.",
    "I've attached the log from this morning.",
    "See the screenshot below.",
    "Screenshots attached.",
    "The attached screenshot shows the error.",
    "Enclosed is a copy of the court order.",
    "I'm attaching two screenshots of the chat.",
    "Here is a screenshot of the error message.",
    "I attached the log file to this email.",
    "As you can see in the screenshot, the button is missing.",
    "Photos of both keys are attached.",
    "You'll find the screenshots attached.",
    "Attachment: crash.log",
    "已将截图作为附件发送。",
    "如附件所示，按钮消失了。",
]

NOT_CLAIMS = [
    "我可以提供截图。",
    "I can send a screenshot if needed.",
    "I don't have a screenshot.",
    "截图功能无法使用。",
    "The attachment won't upload.",
    "I have screenshots of all the conversations.",
    "如需截图，我可以附上。",
    "Attached files in chats don't download on Android.",
    "When I attach a photo in a chat, the app crashes.",
    "I attached a photo in the group and it never uploaded.",
    "附件无法上传，点击发送后一直转圈。",
    "聊天中的附件是否会被加密？",
    "No screenshot attached, sorry.",
    "I will attach screenshots later.",
    "我会在之后附上截图。",
    "Tap the attachment icon and choose File.",
    "The scammer sent a message with an attached link.",
    "My account is attached to my old number.",
    "Here is the log:\n[12:00:01] E/MTProto: connection reset",
    "日志如下：\n\n2024-05-01 12:00:01 连接失败",
    "I tried sending the video as an attachment but it fails.",
    "I have attached the screenshot to my previous email.",
    "截图已附在上一封邮件里。",
    "附件：无",
    "骗子在消息里附上了一个链接。",
    "I've attached the file to a message three times and it fails.",
]


@pytest.mark.parametrize("body", CLAIMS)
def test_a_claim_without_an_attachment_is_a_warning(body: str) -> None:
    assert attachment_findings(MIME_EN + body + "\n") == [("TG801", "warning")]


@pytest.mark.parametrize("body", NOT_CLAIMS)
def test_offers_denials_and_app_bugs_are_not_claims(body: str) -> None:
    assert attachment_findings(MIME_EN + body + "\n") == []


@pytest.mark.parametrize("body", ["I've attached the crash log.", "截图见附件。"])
def test_plain_text_drafts_get_an_info_reminder_never_a_warning(body: str) -> None:
    assert attachment_findings(TEXT_EN + body + "\n") == [("TG802", "info")]


def test_a_draft_with_an_attachment_is_fine() -> None:
    text = with_attachment("I've attached the crash log.", "text/plain", "crash.log")
    assert attachment_findings(text) == []


def test_a_log_promised_but_only_a_picture_attached_is_an_info_hint() -> None:
    text = with_attachment("The app crashes. I've attached the crash log.", "image/png", "error.png")
    assert attachment_findings(text) == [("TG803", "info")]
    text = with_attachment("The app crashes. I've attached a screenshot.", "image/png", "error.png")
    assert attachment_findings(text) == []


def test_quoted_replies_and_signatures_do_not_count() -> None:
    body = "It works now, thanks.\n\nOn Tue, 21 May 2024, Support wrote:\n> Please find attached our guide.\n"
    assert attachment_findings(MIME_EN + body) == []
    body = "It works now, thanks.\n-- \nSam | see attached brochure\n"
    assert attachment_findings(MIME_EN + body) == []


def test_a_claim_in_the_subject_counts() -> None:
    text = (
        "To: support@telegram.org\nSubject: [Technical Issue] - Crash on start (log attached)\n"
        "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\nThe app crashes on start.\n"
    )
    [finding] = findings_of(lint(text, path="draft.eml", select=("TG801",)), "TG801")
    assert finding.part == "subject"


def test_the_message_quotes_the_claim_and_says_what_to_do() -> None:
    [finding] = findings_of(lint(MIME_EN + "I've attached the crash log.\n", select=("TG801",)), "TG801")
    assert "I've attached the crash log" in finding.message
    assert "attach the file" in finding.message
    zh = MIME_EN + "崩溃日志见附件。\n"
    [finding] = findings_of(lint(zh, select=("TG801",)), "TG801")
    assert "见附件" in finding.message and "添加附件" in finding.message
