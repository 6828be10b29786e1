"""A claim whose clause names no file, the file named before it in the sentence (fixtures/voices5 en/085: "I
exported the crash logs from Settings > Debug and attached them to this mail.", only a PNG attached): the kind of
file is the one named before, so a log promised and a picture attached is the wrong kind. Generated over things
x sentence forms x what is attached, both languages; hedged and in-app wordings stay no claim."""

from __future__ import annotations

import itertools

import pytest
from lintkit import lint

HEAD = (
    "To: support@telegram.org\nSubject: [Technical Issue] - App crashes when sending a voice message\n"
    "MIME-Version: 1.0\n"
)
LEAD = {
    "en": "Telegram crashes every time I send a voice message, since 28 Feb. Samsung Galaxy S23, Android 14, "
    "Telegram 11.3.2.\n\n",
    "zh": "从 2 月 28 日起，每次发送语音消息 Telegram 都会闪退。三星 Galaxy S23，Android 14，Telegram 11.3.2。\n\n",
}
LOGS = {"en": ["crash logs", "debug log", "log file", "logcat output"], "zh": ["崩溃日志", "日志文件", "调试日志"]}
FORMS = {
    "en": [
        "I exported the {} from Settings > Debug and attached them to this mail.",
        "I saved the {} and attached it.",
        "I collected the {}, attached to this email.",
    ],
    "zh": ["我导出了{}，已经附在邮件里。", "{}我已导出，放在附件里了。", "我把{}保存下来，附在本邮件中。"],
}


def _mail(body: str, attachment: str | None) -> str:
    if attachment is None:
        return HEAD + f"Content-Type: text/plain; charset=utf-8\n\n{body}\n"
    kind, name = ("image/png", "screen.png") if attachment == "png" else ("text/plain", "crash.log")
    return HEAD + (
        'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain; charset=utf-8\n\n'
        f'{body}\n--b\nContent-Type: {kind}\nContent-Disposition: attachment; filename="{name}"\n\nxx\n--b--\n'
    )


def _bodies(language: str) -> list[str]:
    return [LEAD[language] + form.format(log) for log, form in itertools.product(LOGS[language], FORMS[language])]


def _rules(body: str, attachment: str | None) -> set[str]:
    return {f.rule for f in lint(_mail(body, attachment), path="d.eml", select=("TG8",)).findings}


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_log_named_before_and_a_picture_attached_is_the_wrong_kind(language: str) -> None:
    missed = [b for b in _bodies(language) if "TG803" not in _rules(b, "png")]
    assert not missed, missed[:3]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_log_named_before_and_nothing_attached_is_missing(language: str) -> None:
    missed = [b for b in _bodies(language) if "TG801" not in _rules(b, None)]
    assert not missed, missed[:3]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_log_named_before_and_a_log_attached_is_fine(language: str) -> None:
    flagged = [b for b in _bodies(language) if _rules(b, "log")]
    assert not flagged, flagged[:3]


@pytest.mark.parametrize(
    "sentence",
    [
        "I exported the crash logs and can attach them if you need.",
        "I took a screenshot of the error and attached it in the chat, but it failed to upload.",
        "我导出了崩溃日志，如果需要可以附在邮件里。",
    ],
)
def test_offers_and_the_apps_own_attachments_stay_no_claim(sentence: str) -> None:
    language = "zh" if "日志" in sentence else "en"
    assert not _rules(LEAD[language] + sentence, None)
