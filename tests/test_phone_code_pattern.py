"""The valid-number pattern of a calling code (`phone_country._code_pattern`) is built without the alternatives its
regions and number types repeat: it reads every number as the plain union of all of them does."""

from __future__ import annotations

import random
import re

import phonenumbers
from phonenumbers import COUNTRY_CODE_TO_REGION_CODE, PhoneMetadata

from tglint import phone_country

# The same types as the pattern's: what is compared is how they are joined, not which are read.
_TYPES = phone_country._NUMBER_TYPES


def _plain_union(code: int) -> re.Pattern[str] | None:
    """Every national-number pattern of every region and type of `code`, repeats and all."""
    patterns = []
    for region in COUNTRY_CODE_TO_REGION_CODE[code]:
        metadata = PhoneMetadata.metadata_for_region_or_calling_code(code, region)
        if metadata is None or metadata.general_desc is None or not metadata.general_desc.possible_length:
            return None
        for kind in _TYPES:
            desc = getattr(metadata, kind, None)
            if desc is not None and desc.national_number_pattern:
                patterns.append(f"(?:{desc.national_number_pattern})")
    return re.compile("|".join(patterns)) if patterns else None


def _numbers(code: int, rng: random.Random) -> list[str]:
    """Example national numbers of the code's regions, and near misses of them (a digit changed, one more, one
    less)."""
    found = []
    for region in COUNTRY_CODE_TO_REGION_CODE[code]:
        for kind in phonenumbers.PhoneNumberType.values():
            example = phonenumbers.example_number_for_type(region, kind) if region != "001" else None
            if example is not None:
                found.append(phonenumbers.national_significant_number(example))
    near = []
    for number in found:
        at = rng.randrange(len(number))
        near += [number[:at] + rng.choice("0123456789") + number[at + 1 :], number + rng.choice("0123456789")]
        near.append(number[:-1])
    return found + near


def test_the_pattern_of_every_calling_code_reads_numbers_as_the_plain_union() -> None:
    rng = random.Random(11)
    compared = 0
    for code in sorted(COUNTRY_CODE_TO_REGION_CODE):
        pattern, lengths = phone_country._code_pattern(code)
        plain = _plain_union(code)
        assert (pattern is None) == (plain is None), code
        if pattern is None or plain is None:
            continue
        assert lengths, code
        for number in _numbers(code, rng):
            assert (pattern.fullmatch(number) is None) == (plain.fullmatch(number) is None), (code, number)
            compared += 1
    assert compared > 2000


def test_an_example_number_phonenumbers_calls_valid_fits_its_codes_pattern() -> None:
    for region in ("US", "CA", "JM", "CN", "GB", "JE", "DE", "RU", "KZ", "IT", "VA"):
        for kind in (phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.MOBILE):
            example = phonenumbers.example_number_for_type(region, kind)
            assert example is not None and phonenumbers.is_valid_number(example)
            pattern, _ = phone_country._code_pattern(example.country_code)
            assert pattern is not None
            assert pattern.fullmatch(phonenumbers.national_significant_number(example)), (region, kind)
