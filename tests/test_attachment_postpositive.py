"""Attachment claims written after the thing, or without a verb: "Screenshot of the ban message
attached.", "附：聊天记录截图". Generated from the things, the captions and the tails people write,
in both languages, in MIME mails (TG801) and text drafts (TG802); offers and denials stay unflagged."""

from __future__ import annotations

import itertools
import random

import pytest
from lintkit import lint

MIME_EN = (
    "To: security@telegram.org\nSubject: [Account Security] - Account banned\n"
    "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
)
MIME_ZH = (
    "To: security@telegram.org\nSubject: [账号安全] - 账号被封\n"
    "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
)
TEXT_EN = "To: security@telegram.org\nSubject: [Account Security] - Account banned\n\n"
TEXT_ZH = "To: security@telegram.org\nSubject: [账号安全] - 账号被封\n\n"

EN_THINGS = ["Screenshot", "Screenshots", "A screenshot", "Two screenshots", "The log", "Logs", "Photo", "Video"]
EN_CAPTIONS = [
    "of the ban message",
    "of the error",
    "from today",
    "of the chat with the scammer",
    "showing the spam limit",
    "from the Android app",
    "of my ID card",
    "with the error code",
]
EN_TAILS = [".", " for reference.", " below.", ", thanks.", " to this email."]
EN_OPENINGS = ["", "I did nothing wrong. ", "My account was banned yesterday. "]

ZH_HEADS = ["附：", "附:", "附： ", "附: "]
ZH_THINGS = ["截图", "聊天记录截图", "封号提示截图", "崩溃日志", "错误日志", "录屏", "照片两张", "身份证照片"]


def _rules(text: str) -> list[str]:
    return [f.rule for f in lint(text, path="draft.eml", select=("TG8",)).findings]


def _english_claims() -> list[str]:
    rng = random.Random(84)
    combos = list(itertools.product(EN_OPENINGS, EN_THINGS, EN_CAPTIONS, EN_TAILS))
    return [f"{opening}{thing} {caption} attached{tail}" for opening, thing, caption, tail in rng.sample(combos, 60)]


def _chinese_claims() -> list[str]:
    return [f"账号被封了，我没有违规。\n{head}{thing}" for head, thing in itertools.product(ZH_HEADS, ZH_THINGS)]


@pytest.mark.parametrize("body", _english_claims())
def test_an_english_caption_before_attached_is_a_claim(body: str) -> None:
    assert _rules(MIME_EN + body + "\n") == ["TG801"]
    assert _rules(TEXT_EN + body + "\n") == ["TG802"]


@pytest.mark.parametrize("body", _chinese_claims())
def test_a_chinese_list_of_enclosures_headed_fu_is_a_claim(body: str) -> None:
    assert _rules(MIME_ZH + body + "\n") == ["TG801"]
    assert _rules(TEXT_ZH + body + "\n") == ["TG802"]


@pytest.mark.parametrize(
    "body",
    [
        "Screenshot attached.",
        "Logs attached below.",
        "Attached: 2 screenshots",
        "截图已附上。",
        "截图见附件。",
    ],
)
def test_the_short_forms_stay_claims(body: str) -> None:
    head = MIME_ZH if any("\u4e00" <= c <= "\u9fff" for c in body) else MIME_EN
    assert _rules(head + body + "\n") == ["TG801"]


@pytest.mark.parametrize(
    "body",
    [
        "A screenshot of the ban message can be attached if needed.",
        "I can attach a screenshot of the ban message.",
        "Can send screenshots of the chat if needed.",
        "Screenshot of the ban message not attached, I lost it.",
        "No screenshot of the ban message attached, sorry.",
        "I forgot to attach the screenshot of the ban message.",
        "Photos of my passport with the code attached in the chat never uploaded.",
        "Files with photos attached won't open.",
        "The list of users attached to my account is wrong.",
        "Screenshots of the chat were attached to my previous email.",
        "附：我的联系方式 +86 138 0013 8000",
        "附：账号被封前的经过如下",
        "如需截图，我可以附上。",
        "我没有附上截图。",
    ],
)
def test_offers_denials_and_other_uses_are_not_claims(body: str) -> None:
    head = MIME_ZH if any("\u4e00" <= c <= "\u9fff" for c in body) else MIME_EN
    assert _rules(head + body + "\n") == []


def test_a_captioned_claim_with_its_file_attached_is_fine() -> None:
    text = (
        "To: security@telegram.org\nSubject: [Account Security] - Account banned\nMIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain; charset=utf-8\n\n'
        "Screenshot of the ban message attached.\n--b\nContent-Type: image/png\n"
        'Content-Disposition: attachment; filename="ban.png"\n\nxxxx\n--b--\n'
    )
    assert _rules(text) == []


def test_a_captioned_claim_names_the_kind_of_file() -> None:
    text = (
        "To: support@telegram.org\nSubject: [Technical Issue] - Crash\nMIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain; charset=utf-8\n\n'
        "The log from this morning's crash attached.\n--b\nContent-Type: image/png\n"
        'Content-Disposition: attachment; filename="screen.png"\n\nxxxx\n--b--\n'
    )
    assert _rules(text) == ["TG803"]
