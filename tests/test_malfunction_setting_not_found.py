"""Not finding a setting is a question on how the app works, not a fault: "I can't see a separate setting for
autoplay" asks no device data and no time (TG321, TG711; issue 12, fixtures/voices20 en/064), where "I can't see my
messages" is a fault. Generated over the words for a setting."""

from __future__ import annotations

import pytest
from lintkit import lint

SETTINGS = [
    "a separate setting for autoplay",
    "the option to hide my phone number",
    "any toggle for read receipts",
    "a button to export the chat",
    "the settings menu for data usage",
]


def _rules(sentence: str) -> set[str]:
    text = (
        "To: support@telegram.org\nSubject: [Feature question] - Autoplay on mobile data\n\nHello,\n\n"
        'Quick question: is there a way to make GIFs autoplay only on Wi-Fi? I found "Auto-download media" under '
        f"Data and Storage, but {sentence}.\n\nMy username is @ines_ferreira.\n\nThanks,\nInes\n"
    )
    return {f.rule for f in lint(text).findings}


@pytest.mark.parametrize("setting", SETTINGS)
def test_a_setting_not_found_is_no_fault(setting: str) -> None:
    rules = _rules(f"I can't see {setting}")
    assert not rules & {"TG321", "TG711"}, rules


def test_messages_not_seen_are_a_fault() -> None:
    assert "TG321" in _rules("since 3 Dec 2026 I can't see my messages in any group")
