"""The quick paths of phone number finding find exactly what the plain ones find.

`tglint.recognizers.phones` skips work it would do in vain: URLs it never needs, stretches of
text no pattern can match in. Each shortcut is checked here against the plain computation it
replaces. Numbers themselves are matched by phonenumbers' public `PhoneNumberMatcher`, in the
stretches of the text that hold seven digits close together.
"""

from __future__ import annotations

import random
import re

import phonenumbers
import pytest
from phonenumbers import Leniency, PhoneNumberFormat, PhoneNumberMatcher

from tglint.patterns import compiled
from tglint.recognizers import phones

REGIONS = ("US", "CN", "TW", "GB", "DE", "AU", "SM", "IM", "BB", "AR", "JP", "ZZ")


def test_example_numbers_of_every_region_are_found_as_the_matcher_finds_them_in_the_whole_text() -> None:
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for kind in (phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.MOBILE):
            number = phonenumbers.example_number_for_type(region, kind)
            if number is None:
                continue
            for form in (PhoneNumberFormat.INTERNATIONAL, PhoneNumberFormat.NATIONAL):
                text = f"tel {phonenumbers.format_number(number, form)} x12"
                if not compiled(phones._ENOUGH_DIGITS).search(text):
                    continue  # too short to be looked for: a bare count as often as a number
                matches = PhoneNumberMatcher(text, region, leniency=Leniency.VALID)
                expected = [m.raw_string for m in matches if not _dropped(text, m.raw_string)]
                found = [m.raw for m in phones.find_phone_numbers(text, (region,)) if m.valid]
                assert found == expected, (region, text)


def _dropped(text: str, raw: str) -> bool:
    """A match `find_phone_numbers` drops as something else (an IP address, a version...)."""
    start = text.index(raw)
    return phones._is_something_else(text, start, start + len(raw), raw)


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


def test_kept_answers_are_the_matchers_and_the_parsers_own() -> None:
    # A window or a written form seen before is answered from what was kept: the same as asking again.
    rng = random.Random(11)
    pieces = [
        "415-555-0132",
        "+44 20 7946 0142",
        "138 0013 8000",
        "2024.10.25 9:59:20",
        "IP 10.2.3.4",
        "x12",
        " ",
        "\n",
    ]
    for _ in range(200):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        for region in ("US", "CN", "GB"):
            first = phones.find_phone_numbers(text, (region, "AU"))
            again = phones.find_phone_numbers(text, (region, "AU"))
            assert again == first
            for _, window in phones._digit_windows(text):
                fresh = [
                    (m.start, m.end, m.raw_string) for m in PhoneNumberMatcher(window, region, leniency=Leniency.VALID)
                ]
                assert list(phones._matches(window, region)) == fresh, window
            for number in first:
                if not number.masked and not number.has_country_code and number.region == region:
                    plain = phonenumbers.parse(number.raw, region, keep_raw_input=True)
                    assert number.valid == phonenumbers.is_valid_number(plain)
                    assert number.e164 == phonenumbers.format_number(plain, PhoneNumberFormat.INTERNATIONAL)
                    assert text[number.start : number.end] == number.raw


def _found_with_every_window_asked(
    monkeypatch: pytest.MonkeyPatch, text: str, regions: tuple[str, ...]
) -> list[object]:
    with monkeypatch.context() as patched:
        patched.setattr(phones, "_only_something_else", lambda text, start, end: False)
        return list(phones.find_phone_numbers(text, regions))


# Pieces of text the window shortcut must judge as the matcher does: numbers it drops (IP addresses,
# versions, log timestamps, URLs' paths, a bot token's id, dates) beside numbers it keeps, extensions
# written in every way the matcher reads them, and the punctuation it reads in numbers.
_PIECES = (
    "185.220.101.45",
    "IP 198.51.100.166, last",
    "10.225.81.112",
    "v2.14.3.1",
    "[2024.05.13 21:02:46]",
    "2024-03-05 10:30",
    "2024/03/05",
    "05.03.2024 9:15",
    "https://t.me/vip_2024/1147",
    "t.me/x_2024/725",
    "4911328157:AAjLqdTB",
    "415-555-0132",
    "(415) 555-0132",
    "+1 415 555 0132",
    "+44 20 7946 0142",
    "138 0013 8000",
    "13800138000",
    "06.12.34.56.78",
    "4222049641164117",
    "1,234,567",
    " ext. 42",
    " x12",
    " #12",
    "~12",
    ",ext 12",
    " int 7",
    " EXT 42",
    " Ｘ12",
    ", ANEXO 3",
    " доб 5",
    ";ext=9",
    "X",
    "ー",
    " ",
    "  ",
    "\n",
    ".",
    "-",
    "/",
    "(",
    ")",
    "[",
    "]",
    ":",
    "：",
    "，",
    "+",
    "00",
    "_",
    "@",
    "a",
    "中",
    "\u00a0",
)


def test_windows_the_matcher_is_not_asked_about_hold_nothing_it_would_keep(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(23)
    digits = "0123456789"
    skipped = 0
    for _ in range(1500):
        parts = []
        for _ in range(rng.randint(1, 7)):
            if rng.random() < 0.25:
                parts.append("".join(rng.choice(digits) for _ in range(rng.randint(1, 12))))
            else:
                parts.append(rng.choice(_PIECES))
        text = "".join(parts)
        skipped += sum(
            phones._only_something_else(text, start, start + len(w)) for start, w in phones._digit_windows(text)
        )
        for region in ("US", "CN", "GB", "DE", "RU"):
            assert phones.find_phone_numbers(text, (region,)) == _found_with_every_window_asked(
                monkeypatch, text, (region,)
            ), (region, text)
    assert skipped > 150  # the shortcut is taken, not only declined


def test_numbers_of_a_few_digits_are_valid_in_no_plan() -> None:
    # `_FEWEST_DIGITS`: the shortest numbers of any plan, less the digits a trunk prefix rule writes in.
    from phonenumbers import PhoneMetadata

    for region in phonenumbers.SUPPORTED_REGIONS:
        metadata = PhoneMetadata.metadata_for_region(region)
        assert metadata is not None and metadata.general_desc is not None
        # "1481\1": the digits written before what the prefix rule captured ("\1" writes in no digit).
        written_in = sum(ch.isdigit() for ch in re.sub(r"\\\d|\$\d", "", metadata.national_prefix_transform_rule or ""))
        assert min(metadata.general_desc.possible_length) - written_in >= phones._FEWEST_DIGITS, region
