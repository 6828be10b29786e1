"""A claim whose template holds the thing it encloses ("附日志", "The video crash log is attached") encloses that
thing and those listed with it, not every thing its clause names: "查看视频时应用崩溃（附日志）" with a crash log
attached is kept (no TG803 asking for a video; issue 12, fixtures/voices14 zh/012). Things listed with the held one
are still asked for ("附日志和截图" with only the log: the picture is missing). Generated over the things the mail is
about, the claims and subject or body."""

from __future__ import annotations

import itertools

import pytest
from lintkit import lint

ABOUT_ZH = ["查看视频时应用崩溃", "发送图片后聊天闪退", "打开截图编辑器时卡死", "上传录屏时报错"]
ABOUT_EN = [
    "The app crashes when I open a video.",
    "Sending a photo freezes the chat.",
    "The screen recording upload fails.",
]
CLAIMS_ZH = ["（附日志）", "，附日志", "，附崩溃日志", "（附错误日志）"]
CLAIMS_EN = ["The video crash log is attached.", "The crash log is attached.", "Please find the log attached."]


def _mail(subject: str, body: str, files: list[tuple[str, str]]) -> str:
    parts = "".join(
        f'--b\nContent-Type: {mime}; name="{name}"\nContent-Disposition: attachment; filename="{name}"\n\nx\n'
        for mime, name in files
    )
    return (
        f"To: support@telegram.org\nSubject: {subject}\nMIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain; charset=utf-8\n\n'
        "Account +86 139 7788 4455, Xiaomi 14, Android 14, Telegram 11.0.1. Since 5 December 2025 at 21:00.\n"
        f"{body}\n{parts}--b--\n"
    )


def _attachment_rules(text: str) -> list[str]:
    return [f.rule for f in lint(text, path="draft.eml").findings if f.rule.startswith("TG80")]


LOG = [("text/plain", "crash-20251205.log")]


@pytest.mark.parametrize("about,claim", list(itertools.product(ABOUT_ZH, CLAIMS_ZH)))
def test_zh_subject_claim_encloses_its_own_thing(about: str, claim: str) -> None:
    assert _attachment_rules(_mail(f"=?utf-8?b?{_b64(f'[技术问题] - {about}{claim}')}?=", "详情如上。", LOG)) == []


@pytest.mark.parametrize("about,claim", list(itertools.product(ABOUT_ZH, CLAIMS_ZH)))
def test_zh_body_claim_encloses_its_own_thing(about: str, claim: str) -> None:
    assert _attachment_rules(_mail("[Technical Issue] - Crash", f"{about}{claim}。", LOG)) == []


@pytest.mark.parametrize("about,claim", list(itertools.product(ABOUT_EN, CLAIMS_EN)))
def test_en_claim_encloses_its_own_thing(about: str, claim: str) -> None:
    assert _attachment_rules(_mail("[Technical Issue] - Crash", f"{about} {claim}", LOG)) == []


@pytest.mark.parametrize(
    "claim", ["附日志和截图。", "附上日志和两张截图。", "The log and the screenshots are attached."]
)
def test_things_listed_with_the_held_one_are_still_asked_for(claim: str) -> None:
    assert _attachment_rules(_mail("[Technical Issue] - Crash", f"视频播放崩溃。{claim}", LOG)) == ["TG803"]


@pytest.mark.parametrize("claim", CLAIMS_ZH[:2] + CLAIMS_EN[1:2])
def test_the_wrong_kind_is_still_the_wrong_kind(claim: str) -> None:
    # The held thing is a log; a picture attached instead is no log.
    assert _attachment_rules(_mail("[Technical Issue] - Crash", f"应用崩溃{claim}", [("image/png", "a.png")])) == [
        "TG803"
    ]


def _b64(text: str) -> str:
    import base64

    return base64.b64encode(text.encode()).decode()
