"""`Cues.asks` reads a sentence's first character as the opener lists are written (ASCII lower-cased only), as the
plain reading with `ascii_lower` does."""

from __future__ import annotations

import random

from tglint.lexicon import ascii_lower
from tglint.packs import load_packs
from tglint.text import Cues
from tglint.text.scripts import is_han

CUES = Cues.from_packs(load_packs())
_OPENERS = sorted(CUES._openers.terms)
_FIRSTS = ["H", "h", "W", "w", "É", "é", "\u212a", "İ", "ı", "ſ", "为", "怎", "1", " ", "", "Ｈ", "I", "i"]
_ENDS = ["", "?", "？", ".", "。", "!", ":", "吗", "呢", "吗。", "…", "”", ")", " "]


def _plain_asks(sentence: str) -> bool:
    stripped = sentence.rstrip("”’」』）)\"' \t")
    if stripped.endswith(("?", "？")):
        return True
    core = stripped.rstrip("。.!！;；…")
    if core[-1:] in CUES._particles and len(core) >= 2 and is_han(core[-2]):
        return True
    if stripped.endswith((".", "。", ":", "：", "!", "！")):
        return False
    first = next(CUES._openers.finditer(ascii_lower(core)[:24]), None)
    return first is not None and first[0] == 0


def test_a_sentence_asks_as_the_plain_reading_says() -> None:
    rng = random.Random(13)
    asked = 0
    for _ in range(4000):
        opener = rng.choice(_OPENERS)
        opener = rng.choice([opener, opener.upper(), opener.capitalize()])
        head = rng.choice([opener, rng.choice(_FIRSTS) + opener[1:], rng.choice(_FIRSTS)])
        sentence = head + rng.choice([" do I", "", "我", " it works", "么办"]) + rng.choice(_ENDS)
        assert CUES.asks(sentence) == _plain_asks(sentence), sentence
        asked += CUES.asks(sentence)
    assert asked > 500
