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
from tglint.patterns import compiled

REGIONS = ("US", "CN", "TW", "GB", "DE", "AU", "SM", "IM", "BB", "AR", "JP", "ZZ")


def plain_matches(text: str, region: str) -> list[tuple[int, str, object]]:
    """The library's matches, less those `find_phone_numbers` drops as IP addresses or versions at once."""
    matches = PhoneNumberMatcher(text, region, leniency=Leniency.VALID)
    return [(m.start, m.raw_string, m.number) for m in matches if not _ip_or_version(m.raw_string)]


def quick_matches(text: str, region: str) -> list[tuple[int, str, object]]:
    return [
        (m.start, m.raw_string, m.number) for m in phones._matches(text, region) if not _ip_or_version(m.raw_string)
    ]


def _ip_or_version(raw: str) -> bool:
    return compiled(phones._IP_OR_VERSION).match(raw) is not None


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


@pytest.mark.parametrize("region", [*REGIONS, "NU", "TK", "SH", "FK"])
def test_ip_addresses_and_versions_next_to_numbers_are_matched_alike(region: str) -> None:
    rng = random.Random(region)
    pieces = ["203.0.113.35", "10.5.2", "1.2.3.4.5", "185.220.101.51", "2024.03.01", "4155550132", "+86 138 0013 8000"]
    pieces += ["0412 345 678", "1234", "5550", "0.1", "99.999.999", " ", "  ", ", ", ":", "/", "-", "(", ")", "v", "\n"]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        assert quick_matches(text, region) == plain_matches(text, region), text
    assert phones._matches("8.8.8.8", region) is not None


def test_a_valid_number_shaped_like_an_ip_address_is_dropped_either_way() -> None:
    # Valid in some region read with dots; whether the matcher finds it or not, it is not a phone number.
    for region in REGIONS:
        text = "server 10.225.81.112 down"
        assert [m for m in phones.find_phone_numbers(text, (region,)) if not m.masked] == []


def reference_inside_url(text: str, position: int) -> bool:
    return any(url.start() <= position < url.end() for url in compiled(phones._URL).finditer(text))


def test_inside_url_agrees_with_finding_every_url() -> None:
    text = "see https://t.me/x_2024/725 (or www.Example.com/555) and\thttps://\n a t.me/ httpſ://x/12 +1 555"
    for position in range(len(text) + 1):
        assert phones._inside_url(text, position) == reference_inside_url(text, position), position


def test_national_and_international_numbers_are_found_as_by_finditer() -> None:
    rng = random.Random(7)
    alphabet = "0123456789" * 4 + "000  --()).,:/=#@a_+＋\u00a0中\n"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 60)))
        national = [m.span() for m in compiled(phones._NATIONAL).finditer(text) if _enough_digits(m.group())]
        assert [m.span() for m in phones._national_numbers(text) if _enough_digits(m.group())] == national, text
        international = [m.span() for m in compiled(phones._INTERNATIONAL).finditer(text)]
        assert [m.span() for m in phones._international_numbers(text)] == international, text


def _enough_digits(raw: str) -> bool:
    return len(re.findall(r"\d", raw)) >= phones._MIN_NATIONAL_DIGITS
