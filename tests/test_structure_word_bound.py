"""The wall-of-text rule (TG1121) skips counting a paragraph's words when a bound says it is too short: the bound
holds for any text."""

from __future__ import annotations

import random

from tglint.checks.structure import words_at_most, words_in

_ALPHABET = "ab1Z9'’ .,-_\n\t你好。!@"


def test_the_bound_on_words_is_never_below_their_count() -> None:
    rng = random.Random(2)
    for _ in range(20_000):
        text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 24)))
        assert words_at_most(text) >= words_in(text), repr(text)


def test_the_bound_is_tight_for_one_letter_words() -> None:
    assert words_at_most("a b c") == words_in("a b c") == 3
    assert words_at_most("it's2") == words_in("it's2") + 1 == 3
