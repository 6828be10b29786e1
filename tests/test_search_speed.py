"""The quick searches of the personal data and secrets recognizers find exactly what the plain ones find.

(The pack regexes the account, device, details and mixed rules search are tested in test_quick_search.py.)
"""

from __future__ import annotations

import random
import re

from tglint.patterns import compiled
from tglint.recognizers import personal as pii
from tglint.recognizers import secrets as secret


class Draft:
    """Just what `pii._in_long_numbers` reads of an Analysis."""

    def __init__(self, text: str) -> None:
        self.body_text = text
        self._memo: dict[object, object] = {}

    def memo(self, key: object, compute: object) -> object:
        if key not in self._memo:
            self._memo[key] = compute()  # type: ignore[operator]
        return self._memo[key]


def test_number_patterns_in_long_numbers_agree_with_finditer() -> None:
    rng = random.Random(5)
    pieces = ["110108199003071238", "11010819900307123X", "110108 19900307 123x", "4111 1111 1111 1111"]
    pieces += ["4111-1111-1111-1111", "6222021234567894", "123-45-6789", "110108900307123", "X", "x", "-", " "]
    pieces += ["*", "1", "a", "中", "+", "."]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        for pattern in map(compiled, (pii._RESIDENT_ID, pii._OLD_RESIDENT_ID, pii._SSN, pii._CARD)):
            quick = [m.span() for m in pii._in_long_numbers(Draft(text), pattern)]  # type: ignore[arg-type]
            assert quick == [m.span() for m in pattern.finditer(text)], text


def test_address_and_bot_token_hints_agree_with_the_plain_patterns() -> None:
    # A street word starts a word and ends one; a Chinese character may follow it ("Main Street号").
    street = re.compile(r"\b(?:Street|St|Road|Rd|Way|Hill)(?![A-Za-z0-9_])")
    zh_address = re.compile(r"\d[ \u3000]?号")
    bot_core = re.compile(r"\d:[A-Za-z0-9_-]{30}")
    rng = random.Random(9)
    pieces = ["Street", "St", "Road", "Hill", "Way", "Stx", "xSt", "é", "_", "1", " ", "号", "\u3000", ":", "-"]
    pieces.append("a" * 30)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        assert pii._has_street_word(text) == (street.search(text) is not None), text
        assert (compiled(pii._ZH_ADDRESS_HINT).search(text) is None) == (zh_address.search(text) is None), text
        assert (compiled(secret._BOT_TOKEN_CORE).search(text) is None) == (bot_core.search(text) is None), text
