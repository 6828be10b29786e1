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


def test_schemes_found_in_their_runs_or_behind_their_hints_as_in_the_whole_text() -> None:
    # A CPF is searched in runs of digits joined by dots, spaces or dashes; a PAN or a National Insurance
    # number only in a text holding its hint: each finds what searching the whole text finds.
    rng = random.Random(11)
    pieces = ["123.456.789-09", "123 456 789 09", "12345678909", "ABCDE1234F", "abcde1234f", "QQ 12 34 56 C"]
    pieces += ["QQ123456A", "1234", "5", ".", "-", " ", "A", "x", "中", "*", "_", "\n"]
    schemes = {scheme.name: scheme for scheme in pii._SCHEMES}
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 7)))
        for name in ("BR CPF", "IN PAN", "GB NINO"):
            scheme, pattern = schemes[name], compiled(schemes[name].pattern)
            plain = [m.span() for m in pattern.finditer(text)]
            if scheme.runs:
                quick = [m.span() for m in pii._in_long_numbers(Draft(text), pattern, scheme.runs)]  # type: ignore[arg-type]
                assert quick == plain, text
            else:
                assert not plain or compiled(scheme.hint).search(text), text


def test_european_id_names_in_one_pass_are_each_lists_own() -> None:
    from tests.lintkit import analysis_of

    analysis = analysis_of("x")
    names = pii._eu_id_names(analysis)
    words = [term for _, _, key in pii._EU_IDS for term in sorted(analysis.lexicon("pii", key).weights)[:4]]
    rng = random.Random(3)
    pieces = [*words, " ", "\n", "x", ":", "1", "中", "  "]
    for _ in range(1000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        found = names.find(text)
        for _, _, key in pii._EU_IDS:
            own = [(m.start, m.end, m.term) for m in analysis.lexicon("pii", key).finditer(text)]
            assert found[key] == own, (key, text)


def test_european_address_hint_finds_what_the_plain_one_finds() -> None:
    upper = pii._EU_UPPER
    # A postcode then a town, or a town then a postcode ("Kyiv 01032", "Moskva, 125009").
    plain = re.compile(rf"(?:\d{{5}}|\d{{2}}-\d{{3}}|\d{{4}} ?[A-Z]{{2}})\s+[{upper}]|[a-z],? \d{{5}}")
    rng = random.Random(6)
    pieces = [
        "00184",
        "00-590",
        "1017 GB",
        "1017GB",
        "12",
        "3",
        "-",
        " ",
        "\n",
        "Roma",
        "roma",
        "Ł",
        "GB",
        "x",
        ", ",
        "Kyiv",
    ]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        assert (compiled(pii._EU_ADDRESS_HINT).search(text) is None) == (plain.search(text) is None), text


def test_street_words_grouped_by_first_letter_match_as_the_plain_alternation() -> None:
    from tglint.packs import load_packs, strings

    words = sorted(set(strings(load_packs().get("pii"), "street_suffixes", source="pii")), key=lambda w: (-len(w), w))
    plain_streets = "|".join(f"{re.escape(w[0])}(?i:{re.escape(w[1:])})" for w in words if w)
    plain_end = re.compile(pii._STREET_WORD_END.replace("{streets}", plain_streets))
    plain_address = re.compile(pii._EN_ADDRESS_SHAPE.replace("{streets}", plain_streets))
    quick = pii._builtin_street_patterns()
    rng = random.Random(13)
    streets = [*words[:: max(1, len(words) // 12)], "Street", "Streets", "St", "STREET", "street", "Sts"]
    pieces = ["12 ", "Flat 3, ", "Main ", "West 12th ", "O'Neil ", "", " ", "x", "\n", "号", "-", ". ", "1"]
    rests = ["", ", Apt 4", ", Springfield", ", IL 62704", " SW1A 1AA", "x", "号", ". Rd"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 3)))
        text += rng.choice(streets) + "".join(rng.choice(rests) for _ in range(rng.randint(0, 3)))
        assert [m.span() for m in quick.word_end.finditer(text)] == [m.span() for m in plain_end.finditer(text)], text
        assert [m.span() for m in quick.address.finditer(text)] == [m.span() for m in plain_address.finditer(text)], (
            text
        )
