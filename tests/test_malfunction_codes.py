"""A code or message that never comes is a fault (the guide's own example subject: 消息发送失败无法收到验证码), so a
report of one needs the device and the time, however it is worded: "code not coming", "the SMS never comes",
"验证码一直不来", "短信迟迟没来", "验证码发不过来" (fixtures/voices4 en/075). Generated from combinations; "not
coming back" and "没来往" are not faults."""

from __future__ import annotations

import itertools

import pytest
from lintkit import analysis_of, lint

from tglint.recognizers.malfunctions import reports_malfunction

WHAT = {
    "en": ["code", "login code", "the code", "verification code", "the SMS"],
    "zh": ["验证码", "登录验证码", "短信验证码", "短信", "登录码"],
}
NOT_COMING = {
    "en": ["{} not coming", "{} is not coming", "{} never comes", "{} doesn't come", "{} isn't coming to my phone"],
    "zh": ["{}一直不来", "{}迟迟不来", "{}始终没来", "{}发不过来", "{}还是没来"],
}
TAIL = {"en": " to my number +92 300 4417 268, please help urgent", "zh": "，号码 +92 300 4417 268，急"}
SUBJECT = {"en": "login code", "zh": "验证码问题"}


def _draft(language: str, body: str) -> str:
    return f"To: support@telegram.org\nSubject: {SUBJECT[language]}\n\n{body}\n"


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_code_that_never_comes_is_a_fault(language: str) -> None:
    for what, form in itertools.product(WHAT[language], NOT_COMING[language]):
        draft = _draft(language, form.format(what) + TAIL[language])
        assert reports_malfunction(analysis_of(draft)), draft


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_hurried_code_report_needs_device_and_time(language: str) -> None:
    """As fixtures/voices4 en/075 writes it: the subject and the one line say the same."""
    for form in NOT_COMING[language]:
        body = form.format(WHAT[language][0]) + TAIL[language]
        draft = _draft(language, body).replace(SUBJECT[language], form.format(WHAT[language][0]))
        rules = {f.rule for f in lint(draft).findings}
        assert {"TG321", "TG711"} <= rules, draft


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("en", "I'm not coming back to this app, and my number +92 300 4417 268 is the one on the account."),
        ("zh", "我们俩消息都没来往了，我的号码 +92 300 4417 268。"),
    ],
)
def test_not_coming_back_is_no_fault(language: str, body: str) -> None:
    rules = {f.rule for f in lint(_draft(language, body).replace(SUBJECT[language], "question")).findings}
    assert "TG321" not in rules
