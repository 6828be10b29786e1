"""A whole sentence in capitals shouts however short it is ("FIX IT.", "HELP ME!!!", "ANSWER ME?"): the writer
raises the voice for the one thing that matters to them (issue 12, fixtures/voices9 en/075). A run of two words
inside a sentence ("my ANDROID PHONE"), a closing ("THANK YOU!"), two capitals a template spaces apart from
their mark ("CALL NOW !"), a lone capital's full stop before them ("Document N.") and abbreviations stay quiet; so
does a line of its own ending in one full stop, which may be a title ("UNITED NATIONS PAYMENT NOTIFICATION.").
Generated over short sentences x where they stand x both body languages."""

from __future__ import annotations

import itertools

import pytest
from lintkit import lint

HEAD = {
    "en": "To: support@telegram.org\nSubject: [Technical Issue] - Messages in groups arrive late\n\nHello,\n\n"
    "Messages in my groups arrive 5-10 minutes late since 2 Dec 2026. Account: +49 170 5551234. "
    "Device: Pixel 7a, Android 15, Telegram 11.2.3.",
    "zh": "收件人：support@telegram.org\n主题：[技术问题] - 群消息延迟\n\n您好，\n\n"
    "从2026年12月2日起群消息延迟5-10分钟。账号：+86 139 1234 5678。设备：小米14，Android 15，Telegram 11.2.3。",
}
TAIL = {"en": "\n\nRegards,\nFelix\n", "zh": "\n\n谢谢\n王磊\n"}
SHOUTS = ("FIX IT.", "HELP ME!!!", "ANSWER ME?", "DO SOMETHING!", "NOTHING WORKS.", "STOP THIS!", "REPLY NOW.")
# Where the sentence stands: after another sentence on its line, or on a line of its own (a quoted one is a
# quotation, not the writer's voice).
PLACES = ("{head} {shout}", "{head}\n\n{shout}")
QUIET = (
    "I use my ANDROID PHONE for this.",
    "THANK YOU!",
    "THANKS AGAIN.",
    "CALL NOW ! to reach the shop.",
    "See Document N. AMOUNT DUE below.",
    "Codes: PP PA.",
)


def _shouting(text: str) -> list[str]:
    return [f.message for f in lint(text).findings if f.rule == "TG603"]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_short_sentence_in_capitals_shouts(language: str) -> None:
    for shout, place in itertools.product(SHOUTS, PLACES):
        if place == "{head}\n\n{shout}" and shout.endswith("."):
            continue  # a title's full stop: see test_tone_legal_headings
        text = place.format(head=HEAD[language], shout=shout) + TAIL[language]
        found = _shouting(text)
        assert len(found) == 1 and shout.rstrip(".!?") in found[0], (shout, place, found)


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("line", QUIET)
def test_short_capitals_that_are_no_shouted_sentence(language: str, line: str) -> None:
    for place in PLACES:
        assert not _shouting(place.format(head=HEAD[language], shout=line) + TAIL[language]), (line, place)
