"""Phone numbers in a draft: found by phonenumbers, with how they were written.

The matcher forgets whether a number carried its country code, so each raw
match is parsed again with `keep_raw_input=True`. Masked numbers
("+86 138****8888") are not matched by phonenumbers and are found here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import phonenumbers
from phonenumbers import CountryCodeSource, Leniency, PhoneNumberFormat, PhoneNumberMatcher

_WITH_COUNTRY_CODE = {
    CountryCodeSource.FROM_NUMBER_WITH_PLUS_SIGN,
    CountryCodeSource.FROM_NUMBER_WITH_IDD,
}
_MASKED = re.compile(
    r"(?<![\w*])(?P<cc>(?:\+|＋|00)\s?\d{1,3}[\s-]?)?\(?\d{2,4}\)?[\s-]?[*＊xX•]{3,6}[\s-]?\d{2,4}(?![\w*])"
)


@dataclass(frozen=True, slots=True)
class PhoneMatch:
    start: int
    end: int
    raw: str
    has_country_code: bool
    valid: bool
    masked: bool = False
    region: str | None = None
    e164: str | None = None  # the number in international form, when it is known


def find_phone_numbers(text: str, regions: Sequence[str]) -> list[PhoneMatch]:
    found: dict[tuple[int, int], PhoneMatch] = {}
    for region in regions or ("ZZ",):
        for match in PhoneNumberMatcher(text, region, leniency=Leniency.VALID):
            key = (match.start, match.end)
            if key in found or any(s <= match.start < e for s, e in found):
                continue
            found[key] = _describe(match.raw_string, match.start, match.end, region)
    for masked in _MASKED.finditer(text):
        span = (masked.start(), masked.end())
        if not any(s < span[1] and span[0] < e for s, e in found):
            found[span] = PhoneMatch(span[0], span[1], masked.group(), bool(masked.group("cc")), True, masked=True)
    return [found[key] for key in sorted(found)]


def _describe(raw: str, start: int, end: int, region: str) -> PhoneMatch:
    try:
        parsed = phonenumbers.parse(raw, region, keep_raw_input=True)
    except phonenumbers.NumberParseException:
        return PhoneMatch(start, end, raw, False, False, region=region)
    source = parsed.country_code_source
    return PhoneMatch(
        start,
        end,
        raw,
        has_country_code=source in _WITH_COUNTRY_CODE,
        valid=phonenumbers.is_valid_number(parsed),
        region=phonenumbers.region_code_for_number(parsed),
        e164=phonenumbers.format_number(parsed, PhoneNumberFormat.INTERNATIONAL),
    )
