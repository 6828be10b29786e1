"""The team's character accused ("你们太冷血了", "你们根本不在乎用户的感受", "you clearly don't care about your
users", "heartless") is emotion, not a fact the team can act on (the guide: 避免情绪化的表达; issue 12,
fixtures/voices10 zh/041). Two such accusations make the tone warning (TG601), one alone a hint, and the legal
terms that hold the same words ("不公平竞争", "unfair competition") none. Generated over the accusations, pairs of
them and the appeals around them, in both languages."""

from __future__ import annotations

import itertools

import pytest
from lintkit import lint

HEAD = {
    "zh": "收件人：security@telegram.org\n主题：[账户安全] - 账号被封申诉\n\n您好，\n\n"
    "我的账号 +86 137 2204 9958（@xiaoyu_y）在2025年12月1日晚上被封，我只在家人群里发过照片。",
    "en": "To: security@telegram.org\nSubject: [Account Security] - Appeal: account banned\n\nHello,\n\n"
    "My account +44 7911 123456 (@amy_r) was banned on 1 December 2025 at about 9 pm. I only post in my family group.",
}
TAIL = {"zh": "\n\n请帮忙复核，谢谢。\n小雨\n", "en": "\n\nPlease review it.\nAmy\n"}
ACCUSATIONS = {
    "zh": [
        "你们太冷血了",
        "你们根本不在乎用户的感受",
        "这样做太不公平了",
        "你们就是欺负人",
        "一点人性都没有，没有人性",
        "你们不管用户死活",
        "这是店大欺客",
    ],
    "en": [
        "You are heartless",
        "You clearly don't care about your users",
        "This is so unfair",
        "How dare you",
        "You couldn't care less",
        "You treat your users like criminals",
    ],
}
LEGAL = {
    "zh": "收件人：legal@telegram.org\n主题：[法律事务] - 商标侵权投诉\n\n您好，\n\n频道 @fake_brand 冒用我司注册商标"
    "（第 12345678 号），构成不公平竞争，请依法处理。\n\n此致\n张律师\n",
    "en": "To: legal@telegram.org\nSubject: [Legal] - Trademark infringement\n\nDear Legal Team,\n\nThe channel "
    "@fake_brand uses our registered mark (US Reg. No. 5,123,456). This is unfair competition under the Lanham Act. "
    "Please remove it.\n\nRegards,\nJ. Doe\n",
}


def _tone(text: str) -> list[tuple[str, str]]:
    return [(f.rule, f.severity.value) for f in lint(text).findings if f.rule in ("TG601", "TG602")]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_two_accusations_make_the_tone_warning(language: str) -> None:
    mark = "。" if language == "zh" else ". "
    for first, second in itertools.combinations(ACCUSATIONS[language], 2):
        text = HEAD[language] + "\n\n" + first + mark + second + mark + TAIL[language]
        assert ("TG601", "warning") in _tone(text), (first, second)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_one_accusation_is_at_least_a_hint(language: str) -> None:
    mark = "。" if language == "zh" else "."
    for accusation in ACCUSATIONS[language]:
        assert _tone(HEAD[language] + "\n\n" + accusation + mark + TAIL[language]), accusation


@pytest.mark.parametrize("language", ["zh", "en"])
def test_unfair_competition_is_a_legal_term(language: str) -> None:
    assert _tone(LEGAL[language]) == []


@pytest.mark.parametrize("ask", ["please", "kindly", "can you", "could you", "pls", "please just"])
def test_asking_for_the_account_back_is_a_plea(ask: str) -> None:
    # "give me my account back" alone is a demand (TG601); asked with "please" it is a plea (voices10 en/098).
    text = HEAD["en"] + f"\n\nSomeone took it over yesterday. {ask} give me my account back" + TAIL["en"]
    demand = HEAD["en"] + "\n\nSomeone took it over yesterday. Give me my account back NOW." + TAIL["en"]
    assert not any(rule == "TG601" for rule, _ in _tone(text)), ask
    assert ("TG601", "warning") in _tone(demand)
