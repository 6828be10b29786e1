"""Two readings from fixtures/voices12 (issue 12): a calendar invitation or a contact card is text but no log, so a
draft promising a crash log with only a meeting.ics or a .vcf attached has the wrong kind of file (TG803; zh/039);
and "After updating Telegram for macOS to 11.2" / "after updating to 10.6.1" gives the app's version (no TG321
asking for it; en/092). Generated over files, claims and update wordings."""

from __future__ import annotations

import itertools

import pytest
from lintkit import lint

FILES = [("text/calendar", "meeting.ics"), ("text/calendar", "invite.ics")]
# A contact card is what a mail program adds to a signature: no enclosure at all (TG801, see test_attachment.py).
CARDS = [("text/vcard", "contact.vcf"), ("text/x-vcard", "card.vcf")]
CLAIMS = ["崩溃日志见附件，请帮忙分析。", "The crash log is attached.", "I attached the app's log file."]


def _mail(claim: str, mime: str, name: str) -> str:
    return (
        "To: support@telegram.org\nSubject: [Technical Issue] - Desktop app crashes on start\nMIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain; charset=utf-8\n\n'
        "Since 5 December 2025 Telegram Desktop 5.8.3 crashes 3 s after start on Windows 10 (GTX 1660). Account "
        f'+86 139 7788 4455.\n{claim}\n--b\nContent-Type: {mime}; name="{name}"\nContent-Disposition: attachment; '
        f'filename="{name}"\n\nBEGIN:VCALENDAR\nEND:VCALENDAR\n--b--\n'
    )


@pytest.mark.parametrize("claim,file", list(itertools.product(CLAIMS, FILES)))
def test_a_calendar_or_card_is_no_log(claim: str, file: tuple[str, str]) -> None:
    rules = [f.rule for f in lint(_mail(claim, *file), path="draft.eml").findings if f.rule.startswith("TG80")]
    assert rules == ["TG803"], (claim, file)


@pytest.mark.parametrize("claim,file", list(itertools.product(CLAIMS, CARDS)))
def test_a_contact_card_stands_for_no_log(claim: str, file: tuple[str, str]) -> None:
    rules = [f.rule for f in lint(_mail(claim, *file), path="draft.eml").findings if f.rule.startswith("TG80")]
    assert rules in (["TG801"], ["TG803"]), (claim, file)


def test_a_real_log_is_one() -> None:
    rules = [f.rule for f in lint(_mail(CLAIMS[1], "text/plain", "telegram.log"), path="draft.eml").findings]
    assert not any(rule.startswith("TG80") for rule in rules)


@pytest.mark.parametrize(
    "told",
    [
        "After updating Telegram for macOS to 11.2 on December 4",
        "After updating to 10.6.1 last week",
        "Since I upgraded Telegram Desktop to 5.8.3",
        "I updated the app to version 11.4.1 yesterday and since then",
    ],
)
def test_an_update_to_a_version_gives_the_apps_version(told: str) -> None:
    text = (
        "To: support@telegram.org\nSubject: [Technical Issue] - App crashes on launch\n\nHello,\n\n"
        f"{told}, the app crashes immediately on launch on my MacBook Pro 14 (macOS 15.1.1).\n"
        "Account: +91 98200 12345, @raj_itsupport\n\nRegards,\nRaj\n"
    )
    messages = [f.message for f in lint(text).findings if f.rule == "TG321"]
    assert not any("Telegram version" in m or "app version" in m for m in messages), (told, messages)
