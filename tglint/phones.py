"""Phone numbers in a draft: found by phonenumbers, with how they were written.

Three kinds of number are reported:
- valid numbers found by `PhoneNumberMatcher` (leniency VALID). The matcher forgets
  whether a number carried its country code, so each raw match is parsed again with
  `keep_raw_input=True` and its `country_code_source` read;
- numbers written with `+` or `00` that phonenumbers does not accept as valid
  ("+86 123 4567"): the matcher skips them, a pattern here finds them;
- masked numbers ("+86 138****8888", "138****8888"), which phonenumbers does not
  match at all (and `parse()` would silently drop the `*`).

The first region given is the draft's own, searched with the matcher; any further
one (CN or AU for an English draft) only contributes mobile numbers written in its
national format, whose shape is distinctive enough to name their country, so a
landline-shaped number is not claimed by a far-away region. Those are checked per
candidate run of digits, which keeps a long list of regions cheap.

Matches that are really something else are dropped here, where only the text is
needed: IP addresses, dotted versions, dates with times, amounts grouped by
thousands, the local part of an e-mail address, a piece of a URL, the id of a bot
token. Words around the number ("order", "ID") are the rule's business: they live in
the phone pack.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache, lru_cache
from typing import TYPE_CHECKING, NamedTuple

from tglint.patterns import compiled
from tglint.spans import SpanSet

if TYPE_CHECKING:
    from phonenumbers import PhoneMetadata, PhoneNumber, PhoneNumberMatch, PhoneNumberMatcher

# phonenumbers (15 ms to import) is imported by the functions below that use it: importing the
# rules does not, nor does a draft without seven digits close together.

# Cheap test before running the matcher: at least 7 digits close together.
_ENOUGH_DIGITS = r"\d(?:[\s\-().\u00a0/]{0,2}\d){6}"

_MASK_CHARS = r"*＊xX•●·"
# Every masked number has three mask characters in a row: texts without them skip the pattern.
# (Written with one class first, which `re` skips ahead to, unlike a repeat.)
_MASK_RUN = rf"[{_MASK_CHARS}][{_MASK_CHARS}]{{2}}"
_MASKED = (
    r"(?<![\w*＊+＋])"
    r"(?P<cc>(?:\+|＋|00)\s?\d{1,3}[\s-]?)?"
    r"(?P<head>\(?\d{2,4}\)?)[\s-]?"
    rf"(?P<mask>[{_MASK_CHARS}]{{3,6}})[\s-]?"
    r"(?P<tail>\d{2,4})"
    rf"(?![\w{_MASK_CHARS}])"
)
# "+" (or "00") and then digit groups: a number someone meant to write in international form.
_INTERNATIONAL = (
    r"(?<![\w+＋.:/=-])(?<!\d[ ,.])(?P<prefix>[+＋]|00(?=[1-9]))"
    r"\s?(?P<cc>\(?\d{1,3}\)?)(?P<rest>(?:[ \-.\u00a0]?\(?\d{1,5}\)?){1,6})(?![\w.]?\d)"
)
# Where an international number may start: "+", or "00" and a digit (none of these overlaps another).
# Written as one class first, which `re` skips ahead to, and the "00" checked only at a "0".
_INTERNATIONAL_START = r"[+＋0](?:(?<=0)(?=0[1-9])|(?<!0))"
_GROUP = r"\d+"
# An unbroken "+1234567" is as often a count ("+1234 lines") as a phone number.
_MIN_UNBROKEN_DIGITS = 10
# A number as written inside its country: digit groups with single spaces, dashes or
# brackets ("0412 345 678", "07911 123456", "138-0013-8000", "13812345678").
_NATIONAL = r"(?<![\w+＋.:/=#@-])\(?\d{2,5}\)?(?:[ -]?\d{2,5}){0,4}(?![\w.]?\d|[\w@-])"
_MIN_NATIONAL_DIGITS = 9
# A stretch of digits as close as `_NATIONAL` lets them stand, with enough of them: a match worth
# trying lies in one (or starts at the "(" just before it), so `_NATIONAL` is searched there only.
_NATIONAL_STRETCH = rf"\d(?:[ \-)]{{0,2}}\d){{{_MIN_NATIONAL_DIGITS - 1},}}"
_IP_OR_VERSION = r"^\d{1,3}(?:\.\d{1,3}){2,}$"
_MOST_DIGITS_IN_DOTTED_PIECE = 3  # of `_IP_OR_VERSION`, between two dots
_DATE = r"\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{4}"
_THOUSANDS = r"^\d{1,3}(?:[ ,.\u00a0]\d{3}){2,}$"
_URL = r"(?i)(?:https?://|www\.|t\.me/)\S+"
_MIN_DIGITS, _MAX_DIGITS = 7, 15


class PhoneMatch(NamedTuple):
    start: int
    end: int
    raw: str
    has_country_code: bool
    valid: bool
    masked: bool = False
    region: str | None = None
    e164: str | None = None  # the number in international form, when it is known
    # Written as one run of digits, with no spaces, dashes or brackets: as often an ID as a phone.
    bare: bool = False
    mobile: bool = False
    # Of a length some number of its country could have (an invalid number may still be).
    possible: bool = True


def find_phone_numbers(text: str, regions: Sequence[str]) -> list[PhoneMatch]:
    """Phone numbers of `text`, in order; `regions` are tried in turn for numbers without `+`."""
    found = _Found()
    for masked in find_masked_numbers(text):
        _add(found, masked, text)
    if not compiled(_ENOUGH_DIGITS).search(text):
        return found.numbers
    primary, *others = regions or ("ZZ",)
    for offset, window in _digit_windows(text):
        for match in _matches(window, primary):
            start, end = offset + match.start, offset + match.end
            if not _is_something_else(text, start, end, match.raw_string):
                _add(found, _describe(match.raw_string, start, end, primary), text)
    for candidate in _international_candidates(text, found):
        _add(found, candidate, text)
    if others:
        for number in _mobiles_of_other_regions(text, others, found):
            _add(found, number, text)
    return sorted(found.numbers, key=lambda m: m.start)


class _Found:
    """The numbers found so far, and where they stand."""

    def __init__(self) -> None:
        self.numbers: list[PhoneMatch] = []
        self._spans = SpanSet()

    def overlaps(self, start: int, end: int) -> bool:
        return self._spans.overlaps(start, end)

    def add(self, number: PhoneMatch) -> None:
        self.numbers.append(number)
        self._spans.add(number.start, number.end)


# Context the matcher looks at around a number (a leading "+", brackets, letters that
# make it part of a word): windows keep that much on each side.
_WINDOW_CONTEXT = 24


def _digit_windows(text: str) -> Iterator[tuple[int, str]]:
    """Stretches of `text` around runs of seven or more digits, where a phone number can be.

    The matcher is slow on long prose (it tries every number-like run: dates, times,
    counts); giving it only these stretches keeps its answers and skips the rest.
    """
    spans: list[list[int]] = []
    for run in compiled(_ENOUGH_DIGITS).finditer(text):
        start = max(0, run.start() - _WINDOW_CONTEXT)
        end = min(len(text), run.end() + _WINDOW_CONTEXT)
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    for start, end in spans:
        # Extend to whole lines' word edges so a window never cuts a number in two.
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        yield start, text[start:end]


def _matches(window: str, region: str) -> Iterator[PhoneNumberMatch]:
    """What `PhoneNumberMatcher(window, region, leniency=VALID)` finds, found faster."""
    return iter(_quick_matcher()(window, region))


# Fewest digits (and letters, which phonenumbers may read as digits) of a valid number
# written with its country calling code: the code's digits plus the shortest national
# number of its country, less the digits a national-prefix rule may add (Germany's
# +49 and a 4-digit number). tests/test_phone_speed.py recomputes it from the metadata.
FEWEST_CHARACTERS_WITH_COUNTRY_CODE = 6


@cache
def _quick_matcher() -> type[PhoneNumberMatcher]:
    """The VALID-leniency matcher, declining at once the candidates that cannot give a phone number.

    The matcher parses and validates every run of digits it meets ("24", "2024.03"),
    and validating a number of the US (one country code, 25 regions) is slow. A
    candidate can only be valid if its number has a length its country allows, and
    every digit of that number comes from a digit or a letter of the candidate (or
    from a national-prefix rule): with fewer of them than `fewest_characters(region)`,
    `_parse_and_verify` of the library would reject it too.

    A candidate shaped like an IP address or a version ("203.0.113.35") is not validated
    either: valid, it would be dropped as something else (`_is_something_else`); invalid,
    the matcher would look for a number among its dot-separated pieces, all too short.
    Either way nothing is found in it and the search goes on after it.

    (Defined on first use: it is a subclass of phonenumbers' matcher.)
    """
    from phonenumbers import Leniency, PhoneNumberMatcher

    class QuickMatcher(PhoneNumberMatcher):
        def __init__(self, text: str, region: str) -> None:
            super().__init__(text, region, leniency=Leniency.VALID)
            self._fewest = fewest_characters(region)
            self._dotted_pieces_too_short = self._fewest > _MOST_DIGITS_IN_DOTTED_PIECE

        def _extract_match(self, candidate: str, offset: int) -> PhoneNumberMatch | None:
            if self._dotted_pieces_too_short and compiled(_IP_OR_VERSION).match(candidate):
                return None
            return super()._extract_match(candidate, offset)

        def _parse_and_verify(self, candidate: str, offset: int) -> PhoneNumberMatch | None:
            if len(candidate) < self._fewest or sum(ch.isalnum() for ch in candidate) < self._fewest:
                return None
            return super()._parse_and_verify(candidate, offset)

    return QuickMatcher


@lru_cache(maxsize=64)
def fewest_characters(region: str) -> int:
    """Fewest letters and digits of a candidate that may parse to a valid number, read in `region`.

    phonenumbers reads a number as a national number of `region` (less what the region's
    national-prefix rule adds), after the region's own country code written without "+"
    (then the main region of that code may apply its rule as well), or after an
    international prefix or a "+" and any country's code.
    """
    from phonenumbers import PhoneMetadata

    metadata = PhoneMetadata.metadata_for_region(region.upper(), None)
    if metadata is None:  # phonenumbers parses only numbers with a "+" for an unknown region
        return FEWEST_CHARACTERS_WITH_COUNTRY_CODE
    code = metadata.country_code
    if code is None:
        return 0
    shortest = _shortest_national_number(code)
    added = _digits_added(metadata)
    national = shortest - added
    with_own_code = len(str(code)) + shortest - added - _digits_added(_main_metadata(code))
    return max(0, min(national, with_own_code, FEWEST_CHARACTERS_WITH_COUNTRY_CODE))


def _main_metadata(code: int) -> PhoneMetadata | None:
    from phonenumbers import PhoneMetadata, region_code_for_country_code

    region = region_code_for_country_code(code)
    return PhoneMetadata.metadata_for_region_or_calling_code(code, region)


def _shortest_national_number(code: int) -> int:
    """The shortest national number any region of calling code `code` allows (0: no limit known)."""
    from phonenumbers import COUNTRY_CODE_TO_REGION_CODE, PhoneMetadata

    lengths = []
    for region in COUNTRY_CODE_TO_REGION_CODE.get(code, ()):
        metadata = PhoneMetadata.metadata_for_region_or_calling_code(code, region)
        possible = metadata.general_desc.possible_length if metadata and metadata.general_desc else ()
        lengths.append(min(possible, default=0))
    return min(lengths, default=0)


_BACKREFERENCE = r"\\(?:\d+|g<\w+>)"


def _digits_added(metadata: PhoneMetadata | None) -> int:
    """Digits a national-prefix transform rule ("9\\1", "0549\\1") may add to a number."""
    rule = (metadata.national_prefix_transform_rule if metadata else None) or ""
    if len(compiled(_BACKREFERENCE).findall(rule)) > 1:
        return 99  # a group written twice may double digits: no limit worth using
    return sum(ch.isalnum() for ch in compiled(_BACKREFERENCE).sub("", rule))


def _mobiles_of_other_regions(text: str, regions: Sequence[str], found: _Found) -> Iterable[PhoneMatch]:
    """National-format numbers that are a valid mobile of one of `regions` ("0412 345 678").

    Only runs written like a phone number are tried: digit groups, or one run that
    starts with a trunk prefix 0 or is China's 11-digit 1x mobile. A plain run of
    digits is an ID or an order number far more often.
    """
    import phonenumbers

    for match in _national_numbers(text):
        raw = match.group()
        digits = sum(ch.isdigit() for ch in raw)
        if not _MIN_NATIONAL_DIGITS <= digits <= _MAX_DIGITS:
            continue
        if raw.isdigit() and not (raw[0] == "0" or (digits == 11 and raw[0] == "1")):
            continue
        start, end = match.start(), match.end()
        if found.overlaps(start, end) or _is_something_else(text, start, end, raw):
            continue
        for region in regions:
            try:
                parsed = phonenumbers.parse(raw, region)
            except phonenumbers.NumberParseException:
                continue
            if _is_mobile(phonenumbers.number_type(parsed)):
                yield _describe(raw, start, end, region)
                break


def _national_numbers(text: str) -> Iterator[re.Match[str]]:
    """The matches of `_NATIONAL` in `text` that may have enough digits, as `finditer` finds them.

    Searched stretch by stretch (and two characters past each, what its look-ahead reads): a
    match lies in one stretch, and matches in other stretches do not change where it is found.
    """
    national = compiled(_NATIONAL)
    for stretch in compiled(_NATIONAL_STRETCH).finditer(text):
        start = stretch.start() - 1 if text[stretch.start() - 1 : stretch.start()] == "(" else stretch.start()
        yield from national.finditer(text, start, stretch.end() + 2)


def find_masked_numbers(text: str) -> Iterable[PhoneMatch]:
    if not compiled(_MASK_RUN).search(text):
        return
    for match in compiled(_MASKED).finditer(text):
        yield PhoneMatch(
            match.start(),
            match.end(),
            match.group(),
            has_country_code=bool(match.group("cc")),
            valid=True,
            masked=True,
            mobile=_looks_like_masked_mobile(match.group("head"), match.group("mask"), match.group("tail")),
        )


def _looks_like_masked_mobile(head: str, mask: str, tail: str) -> bool:
    """China's 11-digit mobiles are masked as 138****8888: three digits, four stars, four digits."""
    return len(head) == 3 and head[0] == "1" and len(head) + len(mask) + len(tail) == 11


def _add(found: _Found, match: PhoneMatch, text: str) -> None:
    if not found.overlaps(match.start, match.end) and not _inside_url(text, match.start):
        found.add(match)


def _inside_url(text: str, position: int) -> bool:
    """Whether `position` is inside a URL (`_URL` as `finditer` finds them in all of `text`).

    A URL runs to the end of its run of non-space characters, so only the URL starting
    first in the run that holds `position` can cover it: no need to find every URL of the text.
    """
    if position >= len(text) or text[position].isspace():  # what `\S` does not match
        return False
    run_start, run_end = position, position + 1
    while run_start > 0 and not text[run_start - 1].isspace():
        run_start -= 1
    while run_end < len(text) and not text[run_end].isspace():
        run_end += 1
    url = compiled(_URL).search(text, run_start, run_end)
    return url is not None and url.start() <= position


def _is_something_else(text: str, start: int, end: int, raw: str) -> bool:
    """A match the matcher accepts that a reader would not call a phone number."""
    before = text[start - 1] if start > 0 else ""
    after = text[end : end + 2]
    if compiled(_IP_OR_VERSION).match(raw) or compiled(_THOUSANDS).match(raw) or compiled(_DATE).search(raw):
        return True
    # Part of a longer dotted run (an IP address, a version), or the id of a bot token.
    if (after[:1] in {".", ":"} and after[1:2].isdigit()) or (after[:1] == ":" and after[1:2].isalpha()):
        return True
    if before == "." and start > 1 and text[start - 2].isdigit():
        return True
    # The local part of an e-mail address, a reference ("#4155550132"), a key=value id.
    return after[:1] == "@" or before in {"#", "№", "=", "@", "_", "/"}


def _describe(raw: str, start: int, end: int, region: str) -> PhoneMatch:
    import phonenumbers

    try:
        parsed = phonenumbers.parse(raw, region, keep_raw_input=True)
    except phonenumbers.NumberParseException:
        return PhoneMatch(start, end, raw, False, False, region=region)
    # number_type() is UNKNOWN exactly when is_valid_number() is False; asking once is half the work.
    kind = phonenumbers.number_type(parsed)
    valid = kind != phonenumbers.PhoneNumberType.UNKNOWN
    return PhoneMatch(
        start,
        end,
        raw,
        has_country_code=_written_with_country_code(parsed),
        valid=valid,
        region=phonenumbers.region_code_for_number(parsed) if valid else region,
        e164=phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL),
        bare=raw.isdigit(),
        mobile=_is_mobile(kind),
    )


def _written_with_country_code(parsed: PhoneNumber) -> bool:
    from phonenumbers import CountryCodeSource

    source = parsed.country_code_source
    return source == CountryCodeSource.FROM_NUMBER_WITH_PLUS_SIGN or source == CountryCodeSource.FROM_NUMBER_WITH_IDD


def _is_mobile(kind: int) -> bool:
    from phonenumbers import PhoneNumberType

    return kind == PhoneNumberType.MOBILE or kind == PhoneNumberType.FIXED_LINE_OR_MOBILE


def _written_like_a_phone_number(raw: str, rest: str) -> bool:
    digits = sum(ch.isdigit() for ch in raw)
    if not _MIN_DIGITS <= digits <= _MAX_DIGITS or compiled(_DATE).search(raw):
        return False
    groups = compiled(_GROUP).findall(rest)
    if len(groups) == 1:
        return digits >= _MIN_UNBROKEN_DIGITS
    # "+33 6 12 34 56 78" has one one-digit group; "+3 5 7 9 11" is a list of numbers.
    return sum(len(group) == 1 for group in groups) <= 1


def describe_national(raw: str, start: int, region: str) -> PhoneMatch:
    """A number the caller knows stands for a phone number though phonenumbers calls it invalid."""
    import phonenumbers

    parsed = phonenumbers.parse(raw, region)
    return PhoneMatch(
        start,
        start + len(raw),
        raw,
        has_country_code=False,
        valid=True,
        region=region,
        e164=phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL),
        bare=raw.isdigit(),
    )


def _international_numbers(text: str) -> Iterator[re.Match[str]]:
    """The matches of `_INTERNATIONAL` in `text`, tried only where a "+" or "00" stands.

    `re` cannot skip ahead in `_INTERNATIONAL` (it starts with look-behinds) and tests them at
    every position; the places where a match may start are found much faster on their own.
    """
    resume = 0  # like `finditer`, no match starts inside the previous one
    international = compiled(_INTERNATIONAL)
    for start in compiled(_INTERNATIONAL_START).finditer(text):
        if start.start() >= resume and (match := international.match(text, start.start())):
            resume = match.end()
            yield match


def _international_candidates(text: str, found: _Found) -> Iterable[PhoneMatch]:
    """Numbers written with + or 00 that the matcher did not accept: usually invalid ones.

    One overlapping a number already `found` is skipped before it is parsed (it would not be added).
    """
    import phonenumbers

    for match in _international_numbers(text):
        raw = match.group().rstrip(" -.\u00a0")
        if raw.count("(") < raw.count(")"):
            raw = raw.rstrip(")")
        if not _written_like_a_phone_number(raw, match.group("rest")):
            continue
        start = match.start()
        if found.overlaps(start, start + len(raw)):
            continue
        international = "+" + raw[2:] if match.group("prefix") == "00" else raw
        try:
            parsed = phonenumbers.parse(international, None)
        except phonenumbers.NumberParseException:
            yield PhoneMatch(start, start + len(raw), raw, has_country_code=True, valid=False, possible=False)
            continue
        valid = phonenumbers.is_valid_number(parsed)
        yield PhoneMatch(
            start,
            start + len(raw),
            raw,
            has_country_code=True,
            valid=valid,
            region=phonenumbers.region_code_for_number(parsed) if valid else None,
            e164=phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL) if valid else None,
            possible=phonenumbers.is_possible_number(parsed),
        )
