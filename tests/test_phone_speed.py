"""The quick paths of phone number finding find exactly what the plain ones find.

`tglint.phones` skips work phonenumbers would do in vain: candidates too short to be a
valid number, URLs it never needs, stretches of text no pattern can match in. Each
shortcut is checked here against the plain computation it replaces.
"""

from __future__ import annotations

import random
import re
import sys

import phonenumbers
import pytest
from phonenumbers import COUNTRY_CODE_TO_REGION_CODE, Leniency, PhoneMetadata, PhoneNumberFormat, PhoneNumberMatcher

from tglint import phones

REGIONS = ("US", "CN", "TW", "GB", "DE", "AU", "SM", "IM", "BB", "AR", "JP", "ZZ")


def plain_matches(text: str, region: str) -> list[tuple[int, str, object]]:
    return [(m.start, m.raw_string, m.number) for m in PhoneNumberMatcher(text, region, leniency=Leniency.VALID)]


def quick_matches(text: str, region: str) -> list[tuple[int, str, object]]:
    return [(m.start, m.raw_string, m.number) for m in phones._matches(text, region)]


def test_fewest_characters_with_country_code_holds_for_every_country() -> None:
    for code in COUNTRY_CODE_TO_REGION_CODE:
        main = phones._main_metadata(code)
        fewest = len(str(code)) + phones._shortest_national_number(code) - phones._digits_added(main)
        assert fewest >= phones.FEWEST_CHARACTERS_WITH_COUNTRY_CODE, code


def test_every_character_phonenumbers_reads_as_a_digit_is_counted() -> None:
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if not char.isalnum():
            assert not phonenumbers.normalize_digits_only(char), hex(code)
            assert phonenumbers.convert_alpha_characters_in_number(char) == char, hex(code)


def test_a_transform_rule_adds_its_own_digits_only() -> None:
    assert phones._digits_added(PhoneMetadata.metadata_for_region("AR")) == 1  # "9\1"
    assert phones._digits_added(PhoneMetadata.metadata_for_region("SM")) == 4  # "0549\1"
    assert phones._digits_added(PhoneMetadata.metadata_for_region("US")) == 0


def test_example_numbers_of_every_region_are_matched_alike() -> None:
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for kind in (phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.MOBILE):
            number = phonenumbers.example_number_for_type(region, kind)
            if number is None:
                continue
            for form in (PhoneNumberFormat.INTERNATIONAL, PhoneNumberFormat.NATIONAL):
                text = f"tel {phonenumbers.format_number(number, form)} x12"
                assert quick_matches(text, region) == plain_matches(text, region), (region, text)


@pytest.mark.parametrize("region", REGIONS)
def test_short_and_odd_candidates_are_matched_alike(region: str) -> None:
    rng = random.Random(region)
    alphabet = "0123456789" * 3 + "+＋()-. /x#;:eEtTnN "
    for _ in range(400):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(3, 24)))
        assert quick_matches(text, region) == plain_matches(text, region), text


def reference_inside_url(text: str, position: int) -> bool:
    return any(url.start() <= position < url.end() for url in phones._URL.finditer(text))


def test_inside_url_agrees_with_finding_every_url() -> None:
    text = "see https://t.me/x_2024/725 (or www.Example.com/555) and\thttps://\n a t.me/ httpſ://x/12 +1 555"
    for position in range(len(text) + 1):
        assert phones._inside_url(text, position) == reference_inside_url(text, position), position


def test_national_and_international_numbers_are_found_as_by_finditer() -> None:
    rng = random.Random(7)
    alphabet = "0123456789" * 4 + "000  --()).,:/=#@a_+＋\u00a0中\n"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 60)))
        national = [m.span() for m in phones._NATIONAL.finditer(text) if _enough_digits(m.group())]
        assert [m.span() for m in phones._national_numbers(text) if _enough_digits(m.group())] == national, text
        international = [m.span() for m in phones._INTERNATIONAL.finditer(text)]
        assert [m.span() for m in phones._international_numbers(text)] == international, text


def _enough_digits(raw: str) -> bool:
    return len(re.findall(r"\d", raw)) >= phones._MIN_NATIONAL_DIGITS
