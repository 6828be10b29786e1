"""Detail rules: time, vagueness, the offender, and the guide's per-topic checklists."""

from __future__ import annotations

import pytest
from lintkit import draft_of, lint

from tglint.analysis import Analysis
from tglint.checks.details import has_time
from tglint.config import Settings
from tglint.packs import load_packs

_PACKS = load_packs()
SUPPORT = "To: support@telegram.org\nSubject: [Technical Issue] - Photos fail to send\n\n"
ABUSE = "To: abuse@telegram.org\nSubject: [Abuse Report] - Scam\n\n"


def _details(text: str) -> list[str]:
    return [f.rule for f in lint(text, select=("details",)).findings]


def _loud(text: str) -> list[str]:
    return [f.rule for f in lint(text, select=("details",)).findings if f.severity.value != "info"]


def _has_time(body: str) -> bool:
    return has_time(Analysis(draft_of(f"Subject: x\n\n{body}\n"), Settings(), _PACKS))


@pytest.mark.parametrize(
    "phrase",
    [
        "since yesterday",
        "two days ago",
        "this morning",
        "last Friday",
        "on March 3",
        "2024-03-01",
        "at 10:30",
        "for a week",
        "for the past couple days",
        "since the last update",
        "on the 5th",
        "昨天",
        "今天上午",
        "3天前",
        "上周",
        "最近两天",
        "从上个月中旬开始",
        "5 月 21 日",
        "晚上 9 点多",
        "前几天",
        "春节后",
        "更新到 10.5.2 以后",
    ],
)
def test_time_expressions(phrase: str) -> None:
    assert _has_time(f"It happened {phrase} in the app." if phrase.isascii() else f"问题{phrase}出现的。")


@pytest.mark.parametrize("phrase", ["every time I open it", "recently", "always", "每次打开", "一直这样", "当时很着急"])
def test_not_time_expressions(phrase: str) -> None:
    assert not _has_time(phrase)


def test_missing_time_is_a_warning_for_a_malfunction() -> None:
    text = SUPPORT + "Photos fail to send in every chat. Galaxy S24, Android 14, Telegram 10.5.2.\n"
    assert "TG711" in _loud(text)


def test_usage_question_needs_no_time() -> None:
    text = (
        "To: support@telegram.org\nSubject: [Feature Inquiry] - api_id\n\n"
        "May one api_id be used by two apps? Account @wei_dev\n"
    )
    assert _loud(text) == []


def test_time_in_forwarded_text_counts() -> None:
    text = (
        SUPPORT
        + "Forwarding a colleague's report; our account is @acme_it.\n\n"
        + "---------- Forwarded message ---------\nFrom: Lee <lee@example.com>\n\n"
        + "Since this morning Telegram closes itself when I tap a live location.\n"
    )
    assert "TG711" not in _details(text)


@pytest.mark.parametrize(
    "text",
    [
        "To: support@telegram.org\nSubject: Problem\n\nTelegram doesn't work, please fix it.\n",
        "To: support@telegram.org\nSubject: 求助\n\n你好，我的电报出问题了，一直用不了，麻烦尽快帮我修复一下，谢谢！\n",
        "To: security@telegram.org\nSubject: 账号\n\n我的账号被别人盗了，登不上去了，请帮我找回。\n",
    ],
)
def test_hopelessly_vague_bodies(text: str) -> None:
    assert "TG712" in _details(text)


@pytest.mark.parametrize(
    "text",
    [
        "To: support@telegram.org\nSubject: [Feature Inquiry] - Username\n\n"
        "Hello, how can I change my username? Thanks\n",
        SUPPORT + "Since 10:00 today Telegram 10.5.2 crashes when I open Settings. iPhone 15, iOS 17.2. @li_na\n",
    ],
)
def test_short_but_clear_bodies_are_not_vague(text: str) -> None:
    assert "TG712" not in _details(text)


@pytest.mark.parametrize(
    "who",
    [
        "the account @crypto_bonus_vip",
        "the channel https://t.me/lucky_bet_vip",
        "the number +44 20 7946 0321",
        'a group called "Lucky Bets"',
        'an account with the display name "Lin Mei"',
        "user ID 5829133741",
    ],
)
def test_offender_identified(who: str) -> None:
    text = ABUSE + f"Yesterday {who} sent me scam offers. I have screenshots.\n"
    assert "TG713" not in _details(text)


def test_offender_missing() -> None:
    text = ABUSE + "Yesterday someone added me to a group full of scam offers. My account: @lin_real\n"
    assert "TG713" in _loud(text)


def test_checklist_hint_lists_missing_items_in_the_report_language() -> None:
    text = "To: abuse@telegram.org\nSubject: [滥用举报] - 骚扰\n\n从 3 月 5 日起，用户 @huang_k_1990 每天私信辱骂我。\n"
    [finding] = lint(text, select=("TG714",)).findings
    assert finding.severity.value == "info"
    assert "您与违规者的关系" in finding.message and "之前是否举报过" in finding.message


# A part of the day with no article, as writers of any English put it (fixtures/voices6 en/070: "i cant get the
# code to login since morning"): a time. Generated over prepositions x parts of the day x sentence places.
@pytest.mark.parametrize("preposition", ["since", "from", "Since"])
@pytest.mark.parametrize("part", ["morning", "afternoon", "evening", "night", "noon", "midnight"])
def test_a_part_of_the_day_without_its_article_is_a_time(preposition: str, part: str) -> None:
    assert _has_time(f"pls i cant get the code to login {preposition} {part}, i tried like 10 times")
    assert _has_time(f"{preposition} {part} the app keeps crashing on my phone")


def test_a_part_of_the_day_is_no_time_without_since_or_from() -> None:
    assert not _has_time("The morning light makes the screen hard to read, and the app crashes.")
