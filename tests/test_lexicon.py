"""TermSet finds what a plain leftmost-longest search finds, however its pattern is shaped."""

from __future__ import annotations

import random
import re

import pytest

from tglint.lexicon import TermSet, ascii_lower

_WORD = re.compile(r"[a-z0-9_]")


def reference(terms: list[str], text: str) -> list[tuple[int, int, str]]:
    """Leftmost, then longest; a term starting or ending with an ASCII word character must not
    touch another one there."""
    lowered = ascii_lower(text)
    found, at = [], 0
    while at < len(lowered):
        fitting = [
            term
            for term in terms
            if lowered.startswith(term, at)
            and not (_WORD.match(term[0]) and at > 0 and _WORD.match(lowered[at - 1]))
            and not (_WORD.match(term[-1]) and _WORD.match(lowered[at + len(term) : at + len(term) + 1]))
        ]
        if fitting:
            term = max(fitting, key=len)
            found.append((at, at + len(term), term))
            at += len(term)
        else:
            at += 1
    return found


def _terms(rng: random.Random, alphabet: str, count: int) -> list[str]:
    return sorted({"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4))) for _ in range(count)})


@pytest.mark.parametrize("chinese_terms", [5, 300], ids=["few-chinese-terms", "many-chinese-terms"])
def test_termset_matches_the_plain_search(chinese_terms: int) -> None:
    rng = random.Random(chinese_terms)
    han = "".join(chr(0x4E00 + rng.randrange(400)) for _ in range(60))
    terms = _terms(rng, "abc1_", 25) + _terms(rng, han, chinese_terms) + ["a中", "中a", "码"]
    found = TermSet(terms)
    alphabet = "abcABC1_ .-" + han[:30] + "中码"
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert list(found.finditer(text)) == reference(sorted(found.terms), text), text


def test_ascii_lower_changes_only_ascii_letters_and_keeps_the_length() -> None:
    rng = random.Random(7)
    alphabet = "AZaz09_ ÄÖÜİıſKΣ中文\udc80\udcff\ud800\U0001f600"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        expected = "".join(char.lower() if "A" <= char <= "Z" else char for char in text)
        assert ascii_lower(text) == expected
