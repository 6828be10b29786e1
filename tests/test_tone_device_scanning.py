"""The quick ways tone and device look at a draft find exactly what the slow, plain ways find.

Device patterns are tried only where one of their anchors stands (`AnchoredPattern`, tested on its
own in test_anchors.py); the tone rules skip lines without capitals enough to shout and
texts without an e-mail address.
"""

from __future__ import annotations

import random
import re

import pytest
from lintkit import findings_of, lint

from tglint.anchors import AnchoredPattern
from tglint.packs import load_packs
from tglint.patterns import pack_pattern
from tglint.recognizers.devices import blank, brand_model
from tglint.recognizers.tone import knowledge, writer_voice
from tglint.text import Cues, TextModel

_PACKS = load_packs()
_DEVICE = _PACKS.get("device")
_IN_DEVICE_PACK = re.compile(r"[A-Za-z]+|[\u3400-\u9fff]+")
EN = "To: support@telegram.org\nSubject: [Technical Issue] - Messages not sending\n\n"

_WRITTEN = [
    "iPhone 15 Pro, iOS 17.2, Telegram 10.5.2, on Wi-Fi",
    "IPHONE 15, IOS 17.2, TELEGRAM 10.5.2",
    "Samsung Galaxy S24 Ultra / Android 14 / app version 10.3.1",
    "Telegram for Android 10.9.1 on a Pixel 8",
    "Darwin11 xiOS 17 myAndroid 14 Win11 the Win 11 box",
    "OS X 10.15, macOS Sonoma 14.5, mac os x, Mac  OS   X",
    "小米13，安卓14，版本号 10.5.2，更新到了最新版本",
    "华为Mate 60，鸿蒙4.0，Telegram 10.6.1，发不出去消息",
    "Device: Fairphone 5 with the latest version; it's up to date",
    "I can't send and cannot log in; it doesn't load, won't open",
    # Letters outside ASCII that match ASCII ones when case is ignored.
    "\u0130OS 17.2 on my \u0131Phone, telegram 10.5.\u212a, \u017famsung Galaxy S24",
    "",
    "tg v10.1 TG:10.2 TG = 10.3 Telegram（版本 10.4）",
]


def _words(seed: int) -> list[str]:
    """Drafts made of the packs' own words, numbers and separators, in every case."""
    regexes = [item for value in _DEVICE.values() if isinstance(value, list) for item in value if isinstance(item, str)]
    words = sorted({word for item in regexes for word in _IN_DEVICE_PACK.findall(item)})
    rng = random.Random(seed)
    texts = []
    for _ in range(300):
        pieces = []
        for _ in range(rng.randint(1, 25)):
            word = rng.choice(words) if rng.random() < 0.6 else f"{rng.randint(0, 99)}.{rng.randint(0, 20)}"
            word = rng.choice([word, word.upper(), word.lower(), word.capitalize()])
            pieces.append(word + rng.choice([" ", "", "  ", "-", ".", ",", "，", ":", "\n", "(", "x", "_"]))
        texts.append("".join(pieces))
    return texts


# The device pack's regex lists the device rules look for.
_DEVICE_REGEX_LISTS = (
    "malfunction_patterns",
    "app_version",
    "os_with_version",
    "app_version_labelled",
    "app_version_implied",
    "model",
    "model_label",
    "os_name",
    "model_vague",
    "app_version_vague",
    "android_family",
    "desktop",
)


def _device_patterns() -> list[AnchoredPattern]:
    """Every regex list the device recognizers look for (the brand and model one is built in devices.py)."""
    found = [pack_pattern(_PACKS, "device", key) for key in _DEVICE_REGEX_LISTS] + [brand_model(_PACKS)]
    patterns = [pattern for pattern in found if pattern is not None]
    assert len(patterns) >= 10
    return patterns


@pytest.mark.parametrize("seed", [1, 2])
def test_device_patterns_find_what_the_regex_finds(seed: int) -> None:
    for scan in _device_patterns():
        for text in _WRITTEN + _words(seed):
            assert [m.span() for m in scan.finditer(text)] == [m.span() for m in scan.regex.finditer(text)]
        assert scan.anchored, scan.regex.pattern[:80]


def test_device_patterns_after_blanking_find_what_the_regex_finds() -> None:
    for scan in _device_patterns():
        for text in _WRITTEN:
            blanked = blank(text, [(0, min(3, len(text)))])
            assert [m.span() for m in scan.finditer(blanked)] == [m.span() for m in scan.regex.finditer(blanked)]


# -- tone ----------------------------------------------------------------------------------------


def _voice(text: str) -> str:
    return writer_voice(text, TextModel(text, (), Cues.from_packs(_PACKS)), knowledge(_PACKS))


def test_names_and_quotes_are_not_the_writers_voice() -> None:
    text = "'YOU IDIOT', ANGRY.BIRD@SHOP.COM and @ANGRY_BIRD_SHOP; don't 'STOP' now"
    assert _voice(text) == "           ,                     and                 ; don't        now"


def test_an_address_is_blanked_whole_and_a_handle_too() -> None:
    assert _voice("mail me at john.doe+x@mail.example.com now").split() == ["mail", "me", "at", "now"]
    assert _voice("write to @some_shop now").split() == ["write", "to", "now"]


@pytest.mark.parametrize(
    ("body", "shouted"),
    [
        ("Please help. I'M SO ANGRY NOW.", "I'M SO ANGRY NOW"),
        ("Nothing works.\nFIX THIS APP TODAY please\nThanks", "FIX THIS APP TODAY"),
        ("It said ERROR. WHY DOES IT FAIL", "WHY DOES IT FAIL"),
    ],
)
def test_shouting_on_any_line_is_found(body: str, shouted: str) -> None:
    [finding] = findings_of(lint(EN + body + "\n", select=("TG603",)), "TG603")
    assert f'"{shouted}"' in finding.message


@pytest.mark.parametrize("body", ["The SMS OTP never arrives over Wi-Fi.", "I AM here.\nSO IS he.", "OK, GO"])
def test_capitals_spread_thin_are_not_shouting(body: str) -> None:
    assert findings_of(lint(EN + body + "\n", select=("TG603",)), "TG603") == []
