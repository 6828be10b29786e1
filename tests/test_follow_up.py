"""Follow-ups (TG1101-TG1102, and TG1103 in the tone category): refer to the first mail, wait for the reply
time, do not press."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from lintkit import analysis_of, lint

from tglint.analysis import Analysis
from tglint.recognizers import Span
from tglint.recognizers.follow_ups import EARLIER_DATE, follow_up
from tglint.recognizers.times import Times

SUPPORT = "To: support@telegram.org\nSubject: [Technical Issue] - Photos fail to send\n\n"
SUPPORT_RE = "To: support@telegram.org\nSubject: Re: [Technical Issue] - Photos fail to send\n\n"
SUPPORT_ZH = "To: support@telegram.org\nSubject: 回复：[技术问题] - 图片发送失败\n\n"
HACKED = "To: security@telegram.org\nSubject: Re: [Account Security] - Account hacked\n\nMy account was hacked. "


def _codes(text: str) -> list[str]:
    return [f.rule for f in lint(text, select=("follow-up", "TG1103")).findings]


# -- what a follow-up is ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "draft",
    [
        SUPPORT_RE + "Photos still fail.",
        SUPPORT + "I wrote to you last week and still no reply. Photos still fail.",
        SUPPORT + "Still haven’t heard back about my email on the photos.",
        SUPPORT_ZH + "图片仍然发不出去。",
        "To: support@telegram.org\nSubject: 答复：[技术问题] - 图片发送失败\n\n图片仍然发不出去。",
        SUPPORT + "这是我第二次发邮件，图片仍然发不出去。",
        SUPPORT + "之前的邮件一直没有回复，图片仍然发不出去。",
    ],
)
def test_a_follow_up_is_recognised(draft: str) -> None:
    assert follow_up(analysis_of(draft)).is_follow_up


@pytest.mark.parametrize(
    "draft",
    [
        SUPPORT + "Photos fail to send since March 3. I restarted the app.",
        "To: support@telegram.org\nSubject: Fwd: [Technical Issue] - Photos fail\n\nPhotos fail to send.",
        SUPPORT + "从3月3日起图片发不出去，消息也没有回复提示。",
        SUPPORT + "I am still waiting for the SMS code since yesterday.",
    ],
)
def test_a_first_mail_is_no_follow_up(draft: str) -> None:
    assert not follow_up(analysis_of(draft)).is_follow_up
    assert _codes(draft) == []


# -- TG1101 follow-up-without-reference --------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "I wrote to you last week and still no reply. Photos still fail.",
        "Following up: photos still fail to send.",
        "上次写过邮件，还没有回复。图片仍然发不出去。",
    ],
)
def test_a_follow_up_without_reference_is_noted(body: str) -> None:
    assert _codes(SUPPORT + body) == ["TG1101"]


@pytest.mark.parametrize(
    "draft",
    [
        SUPPORT + "I wrote to you and still no reply (ticket #48213). Photos still fail.",
        SUPPORT + "I wrote to you on March 3 and still no reply. Photos still fail.",
        SUPPORT + "Still no reply to case 48213. Photos still fail.",
        SUPPORT_RE + "Photos still fail.\n\n> Thank you for contacting Telegram Support.\n",
        SUPPORT_ZH + "工单号：48213，图片仍然发不出去。",
        SUPPORT_ZH + "我在3月3日发过邮件，还没有回复。",
        "To: support@telegram.org\nSubject: Re: [Technical Issue] - Photos fail [#48213]\n\nPhotos still fail.",
    ],
)
def test_a_follow_up_with_a_reference_passes(draft: str) -> None:
    assert "TG1101" not in _codes(draft)


def test_the_finding_is_on_the_follow_up_words() -> None:
    result = lint(SUPPORT + "Photos fail. Still no reply from you.", select=("TG1101",))
    (finding,) = result.findings
    assert (finding.part, finding.line, finding.column) == ("body", 4, 14)
    assert "ticket number" in finding.message


# -- TG1102 follow-up-before-reply-time ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("draft", "window"),
    [
        (SUPPORT + "I wrote yesterday (ticket #48213) and still no reply.", "3-7 working days"),
        (SUPPORT + "Ticket #48213: I emailed you 2 days ago and still no reply.", "3-7 working days"),
        (SUPPORT + "Ticket #48213: I sent you an email this morning, still no reply.", "3-7 working days"),
        (SUPPORT_ZH + "工单号 48213，两天了还没回。", "3-7 个工作日"),
        (SUPPORT_ZH + "工单号 48213，我昨天发了邮件，还没有回复。", "3-7 个工作日"),
        (HACKED + "I wrote to you 3 hours ago (ticket #48213), still no reply.", "24-48 hours"),
        (
            "To: support@telegram.org\nSubject: Re: [Technical Issue] - Bot API webhooks\n\n"
            "Ticket #48213: my Bot API webhooks fail. I wrote 5 days ago and still no reply.",
            "7-14 working days",
        ),
    ],
)
def test_a_follow_up_before_the_reply_time_says_the_window(draft: str, window: str) -> None:
    result = lint(draft, select=("TG1102",))
    (finding,) = result.findings
    assert window in finding.message


@pytest.mark.parametrize(
    "draft",
    [
        SUPPORT + "I wrote two weeks ago (ticket #48213) and still no reply.",
        SUPPORT + "Ticket #48213: I emailed you 8 days ago and still no reply.",
        SUPPORT_ZH + "工单号 48213，两周了还没回。",
        SUPPORT_ZH + "工单号 48213，上个月发了邮件，一直没有回复。",
        HACKED + "I wrote to you 3 days ago (ticket #48213), still no reply.",
        # No follow-up: a wait for something else.
        SUPPORT + "I have been waiting for the login code since yesterday.",
        SUPPORT + "从昨天开始等验证码，一直收不到。",
    ],
)
def test_after_the_reply_time_or_no_follow_up_passes(draft: str) -> None:
    assert "TG1102" not in _codes(draft)


# -- TG1103 repeated-chasing ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "This is my 5th email about ticket #48213.",
        "This is my third email about ticket #48213.",
        "I have written 4 times about ticket #48213.",
        "这是我第五次发邮件了，工单号 48213。",
        "关于工单 48213 我已经发了好几次邮件。",
    ],
)
def test_counting_mails_is_chasing(body: str) -> None:
    assert "TG1103" in _codes(SUPPORT + body)
    assert lint(SUPPORT + body, select=("TG1103",)).findings[0].severity.value == "warning"


@pytest.mark.parametrize(
    "draft",
    [
        SUPPORT_RE + "Ticket #48213. Why don't you answer? Photos still fail.",
        SUPPORT_ZH + "工单号 48213 还没有回复，赶紧回复！",
        SUPPORT + "Still no reply to ticket #48213. Reply immediately.",
    ],
)
def test_pressing_in_a_follow_up_is_chasing(draft: str) -> None:
    assert "TG1103" in _codes(draft)


@pytest.mark.parametrize(
    "draft",
    [
        SUPPORT + "This is my second email about ticket #48213.",
        SUPPORT_ZH + "这是我第二次发邮件，工单号 48213。",
        SUPPORT_RE + "Ticket #48213: could you tell me how it is going? Photos still fail.",
        SUPPORT_ZH + "工单号 48213，想确认一下处理进度，谢谢。",
        SUPPORT_RE + "Ticket #48213. There is no need to reply immediately.",
        # Pressing words in a first mail are the tone rules' business.
        SUPPORT + "Photos fail to send. Please reply immediately.",
    ],
)
def test_one_polite_follow_up_is_no_chasing(draft: str) -> None:
    assert "TG1103" not in _codes(draft)


def test_dates_are_read_only_beside_words_about_the_earlier_mail(monkeypatch: pytest.MonkeyPatch) -> None:
    searched: list[str] = []
    original = Times.recognize

    def spy(self: Times, analysis: Analysis) -> Iterator[Span]:
        searched.append(analysis.body_text)
        yield from original(self, analysis)

    monkeypatch.setattr(Times, "recognize", spy)
    first = analysis_of(SUPPORT + "Since March 3, 2025 photos fail to send.")
    assert not follow_up(first).referenced and searched == []
    again = analysis_of(SUPPORT + "I wrote to you on March 3, 2025 and still no reply. Photos still fail.")
    assert [s.kind for s in follow_up(again).spans if s.kind == EARLIER_DATE] == [EARLIER_DATE]
    assert searched == [again.body_text]
