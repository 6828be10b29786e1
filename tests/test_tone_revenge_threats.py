"""Revenge or violence the writer threatens against the person reported ("If you don't ban him I WILL find him and
make him regret it", "如果你们不封他，我会让他后悔的") is hostile wording (TG601; issue 12, fixtures/voices15 en/092),
a denial before the writer's "I will" being the condition's; the offender's threats the writer reports ("He keeps
writing that he will find her", "他说会找到我") are the report's evidence, not its tone. Generated over conditions x
threats, both languages."""

from __future__ import annotations

from itertools import product

import pytest
from lintkit import lint

EN_CONDITIONS = ["If you don't ban him", "If you don't ban him,", "Unless you block him today,", "If nothing happens"]
EN_THREATS = [
    "I WILL find him and make him regret it.",
    "I'll find him myself.",
    "I will make him pay.",
    "I'll hunt him down.",
    "I'm going to kill him.",
    "I will take matters into my own hands.",
]
ZH_CONDITIONS = ["如果你们不封他，", "再不处理，", "你们不管的话，"]
ZH_THREATS = ["我会让他后悔的。", "我要找他算账。", "我会找到他。", "我要让他付出代价。"]
REPORTED = [
    'He wrote to her: "I will find you and make you regret it".',
    "He keeps writing that he will find her and make her regret it.",
    "He sent: I will find you.",
    "他给我发消息说“我会找到你，让你付出代价”。",
    "他说会找到我，让我后悔。",
]


def _tone(body: str) -> set[str]:
    text = (
        "To: abuse@telegram.org\nSubject: [Abuse Report] - User @dark_wolf_666 threatening my daughter\n\nHello,\n"
        "@dark_wolf_666 has been sending my 15-year-old daughter threats since 10 Nov 2026 in the group "
        f"https://t.me/city_gamers_chat. We reported him in-app twice. {body}\n"
    )
    return {f.rule for f in lint(text).findings if f.rule.startswith("TG60")}


@pytest.mark.parametrize(("condition", "threat"), list(product(EN_CONDITIONS, EN_THREATS)))
def test_en_a_revenge_threat_is_hostile(condition: str, threat: str) -> None:
    assert "TG601" in _tone(f"{condition} {threat}")


@pytest.mark.parametrize(("condition", "threat"), list(product(ZH_CONDITIONS, ZH_THREATS)))
def test_zh_a_revenge_threat_is_hostile(condition: str, threat: str) -> None:
    assert "TG601" in _tone(f"{condition}{threat}")


@pytest.mark.parametrize("reported", REPORTED)
def test_the_offenders_threat_reported_is_evidence(reported: str) -> None:
    assert _tone(reported) == set()


def test_a_denied_threat_is_none() -> None:
    assert _tone("I won't take matters into my own hands, I trust you to act.") == set()
