"""Phone numbers in a draft: found by phonenumbers, with how they were written and where from.

Three kinds of number are found:
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
token. A number may touch a Chinese character ("手机号是+7 455…"): Chinese bounds it as a
space does (`tglint.text.scripts`).

The recognizer (`PHONES`) reads the words around each number in the writer's text and
signature (the phone pack: "手机号" says it is one, "订单号" that it is not), whether it is a
secret's value or an ID or card number (the secrets and personal data recognizers), and for a
number written without its country code, the countries it may be of and the one to suggest
(`tglint.phone_country`). Only phonenumbers' public API is used.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from tglint.draft import RegionKind
from tglint.lexicon import ascii_lower
from tglint.packs import strings
from tglint.patterns import compiled
from tglint.phone_country import (
    CountryHints,
    Reading,
    Verdict,
    country_hints,
    in_fiction_range,
    keep_compiled_patterns,
    likely_readings,
)
from tglint.recognizers import Span
from tglint.recognizers.personal import PERSONAL
from tglint.recognizers.secrets import writer_secrets
from tglint.spans import SpanSet
from tglint.text.scripts import VALUE_END, VALUE_START, window_start

if TYPE_CHECKING:
    from phonenumbers import PhoneNumber

    from tglint.analysis import Analysis

# phonenumbers (15 ms to import) is imported by the functions below that use it: importing the
# rules does not, nor does a draft without seven digits close together.

# Cheap test before running the matcher: at least 7 digits close together.
_ENOUGH_DIGITS = r"\d(?:[\s\-().\u00a0/]{0,2}\d){6}"
# The whole of such a stretch, as far as digits stay that close.
_ENOUGH_DIGITS_RUN = r"\d(?:[\s\-().\u00a0/]{0,2}\d){6,}"

_MASK_CHARS = r"*＊xX•●·"
# Every masked number has three mask characters in a row: texts without them skip the pattern.
# (Written with one class first, which `re` skips ahead to, unlike a repeat.)
_MASK_RUN = rf"[{_MASK_CHARS}][{_MASK_CHARS}]{{2}}"
# A number may touch Chinese ("手机号是+7 455…", "号码138****8888"), never a letter or a digit.
_MASKED = (
    rf"{VALUE_START}(?<![_*＊+＋])"
    r"(?P<cc>(?:\+|＋|00)\s?\d{1,3}[\s-]?)?"
    r"(?P<head>\(?\d{2,4}\)?)[\s-]?"
    rf"(?P<mask>[{_MASK_CHARS}]{{3,6}})[\s-]?"
    r"(?P<tail>\d{2,4})"
    rf"{VALUE_END}(?![_{_MASK_CHARS}])"
)
# "+" (or "00") and then digit groups: a number someone meant to write in international form.
_INTERNATIONAL = (
    rf"{VALUE_START}(?<![_+＋./=-])(?<!\d:)(?<!\d[ ,.])(?P<prefix>[+＋]|00(?=[1-9]))"
    r"\s?(?P<cc>\(?\d{1,3}\)?)(?P<rest>(?:[ \-.\u00a0]?\(?\d{1,5}\)?){1,6})(?![A-Za-z0-9_.]?\d)"
)
# Where an international number may start: "+", or "00" and a digit (none of these overlaps another).
# Written as one class first, which `re` skips ahead to, and the "00" checked only at a "0".
_INTERNATIONAL_START = r"[+＋0](?:(?<=0)(?=0[1-9])|(?<!0))"
_GROUP = r"\d+"
# An unbroken "+1234567" is as often a count ("+1234 lines") as a phone number.
_MIN_UNBROKEN_DIGITS = 10
# A number as written inside its country: digit groups with single spaces, dashes or
# brackets ("0412 345 678", "07911 123456", "138-0013-8000", "13812345678").
_NATIONAL = (
    rf"{VALUE_START}(?<![_+＋.:/=#@-])\(?\d{{2,5}}\)?(?:[ -]?\d{{2,5}}){{0,4}}(?![A-Za-z0-9_.]?\d|[_@-]){VALUE_END}"
)
_MIN_NATIONAL_DIGITS = 9
# A stretch of digits as close as `_NATIONAL` lets them stand, with enough of them: a match worth
# trying lies in one (or starts at the "(" just before it), so `_NATIONAL` is searched there only.
_NATIONAL_STRETCH = rf"\d(?:[ \-)]{{0,2}}\d){{{_MIN_NATIONAL_DIGITS - 1},}}"
_ZIP_PLUS_FOUR = r"^\d{5}-\d{4}$"
_STATE_BEFORE = r"(?<![A-Za-z])[A-Z]{2},? $"
# A country code written just before a number the matcher read without it ("001 253-800-3021").
_COUNTRY_CODE_BEFORE = r"(?<![\w+＋])(?:[+＋]|00)\d{1,3} $"
_IP_OR_VERSION = r"^\d{1,3}(?:\.\d{1,3}){2,}$"
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
        if _only_something_else(text, offset, offset + len(window)):
            continue
        for match_start, match_end, raw in _matches(window, primary):
            start, end = offset + match_start, offset + match_end
            if not _is_something_else(text, start, end, raw):
                _add(found, _describe(raw, start, end, primary), text)
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


@lru_cache(maxsize=1024)
def _matches(window: str, region: str) -> tuple[tuple[int, int, str], ...]:
    """Where `PhoneNumberMatcher(window, region, leniency=VALID)` finds numbers, and their text.

    The matcher's answer depends on the window alone, and a window comes again: the signature is
    searched apart from the body, a batch repeats signatures and quoted numbers. Most of the
    matcher's time goes to windows it finds nothing in, so those answers are kept as well.
    """
    from phonenumbers import Leniency, PhoneNumberMatcher

    keep_compiled_patterns()
    return tuple((m.start, m.end, m.raw_string) for m in PhoneNumberMatcher(window, region, leniency=Leniency.VALID))


# A number the matcher finds lies in one run of the characters it reads in numbers (a "cluster"): digits and
# the punctuation it allows between digit groups (spaces, dashes, dots, slashes, brackets, "x", "ー"...), never
# a newline or another letter; only an extension ("ext. 42") reaches past its run. `_CLUSTER_GAP` is what
# parts two digit groups of one cluster, or follows its last.
_CLUSTER_GAP = r"(?:[^\w\n]|[xXー])*"
_CLUSTER_LEAD = rf"{_CLUSTER_GAP}\Z"
_DIGIT_RUN = r"\d+"
# Characters the matcher never reads inside a number: they part two digit groups.
_NOT_IN_NUMBERS = frozenset(",:;!?=@|'\"\t，。、：；！？")
# It joins digit groups parted by at most `_MAX_GAP` characters, and puts at most `_MAX_LEAD` characters
# ("+", "(", punctuation) before the first digit.
_MAX_GAP, _MAX_LEAD = 4, 10
# Where a number may carry an extension ("x12", "#12", "~12") or be followed by one ("ext. 42", "доб 42",
# "anexo 42", "int 42"): the matcher's answer is not foretold there.
_EXTENSION_MARKS = frozenset("xXー#＃~～")
# How the words the matcher reads as an extension begin, compared as it compares them (ignoring case).
_EXTENSION_WORD = r"(?i)e?x|ｅ?ｘ|доб|anexo|int|ｉｎｔ"
_BEFORE_EXTENSION_WORD = frozenset(" \u00a0\t,;")
# Where a text the matcher tries may start, besides a digit group: a lead character, or just after a
# slash, a dot, a dash or a space.
_LEADS = frozenset("+＋([（［")
_STARTS_AFTER = frozenset("/.-‒–—―－")
# No number valid in any plan has fewer digits, however a trunk prefix is rewritten (tests/test_phone_speed.py).
_FEWEST_DIGITS = 3
# A cluster of more digit groups is left to the matcher: judging every reading would cost more than it.
_MAX_GROUPS = 12


def _only_something_else(text: str, start: int, end: int) -> bool:
    """Whether every number the matcher could find in the window `text[start:end]` is one `_is_something_else`
    drops (an IP address, a log's timestamp, a piece of a URL, a bot token's id): then it is not asked.

    Each text the matcher may try (from a lead character or a digit group, through groups parted by
    at most `_MAX_GAP` of its punctuation characters, to the end of a digit group) is judged as
    `find_phone_numbers` judges a match; one that would be kept, or a cluster whose extension cannot be
    foretold, and the matcher is asked as before.
    """
    gap = compiled(_CLUSTER_GAP)
    groups: list[tuple[int, int]] = []  # the digit groups of one cluster
    for run in compiled(_DIGIT_RUN).finditer(text, start, end):
        if groups and not gap.fullmatch(text, groups[-1][1], run.start()):
            if not _cluster_dropped(text, start, end, groups):
                return False
            groups = []
        groups.append(run.span())
    return not groups or _cluster_dropped(text, start, end, groups)


def _cluster_dropped(text: str, start: int, end: int, groups: Sequence[tuple[int, int]]) -> bool:
    """Whether every text the matcher may try in the cluster of `groups` (in the window `start`-`end`) is dropped."""
    if sum(group_end - group_start for group_start, group_end in groups) < _FEWEST_DIGITS:
        return True  # no number, extension or not
    last = compiled(_CLUSTER_GAP).match(text, groups[-1][1], end)
    cluster_end = last.end() if last else groups[-1][1]
    if len(groups) > _MAX_GROUPS or not _EXTENSION_MARKS.isdisjoint(text[groups[0][0] : cluster_end]):
        return False
    if _BEFORE_EXTENSION_WORD.issuperset(text[groups[-1][1] : cluster_end]) and (
        compiled(_EXTENSION_WORD).match(text, cluster_end, end)
    ):
        return False
    # Where the cluster starts, as far back as a number may start before its first digit.
    lead = compiled(_CLUSTER_LEAD).search(text, max(start, groups[0][0] - _MAX_LEAD), groups[0][0])
    return _every_reading_dropped(text, lead.start() if lead else groups[0][0], groups)


def _every_reading_dropped(text: str, first: int, groups: Sequence[tuple[int, int]]) -> bool:
    """Whether `_is_something_else` drops every text of the cluster starting at `first` the matcher may try.

    What stands after an end and before a start is asked once for each, what the text itself says only
    for a text neither drops (the three parts of `_is_something_else`).
    """
    joined_from = 0  # the first group joined to the current one
    dropped_before: dict[int, bool] = {}
    for j, (_, end) in enumerate(groups):
        if j and not _joined(text[groups[j - 1][1] : groups[j][0]]):
            joined_from = j
        if _something_else_after(text, end):
            continue
        digits = 0
        for i in range(j, joined_from - 1, -1):
            group_start, group_end = groups[i]
            digits += group_end - group_start
            if digits < _FEWEST_DIGITS:
                continue
            low = groups[i - 1][1] if i else first
            if i == joined_from:
                low = max(low, group_start - _MAX_LEAD)
                for position in range(group_start - 1, low - 1, -1):
                    if text[position] in _NOT_IN_NUMBERS:
                        low = position + 1
                        break
            for position in range(low, group_start + 1):
                if not _may_start(text, position, group_start):
                    continue
                if position not in dropped_before:
                    dropped_before[position] = _something_else_before(text, position)
                if not dropped_before[position] and not _written_as_something_else(text, position, text[position:end]):
                    return False
    return True


def _joined(gap: str) -> bool:
    return len(gap) <= _MAX_GAP and _NOT_IN_NUMBERS.isdisjoint(gap)


def _may_start(text: str, position: int, group_start: int) -> bool:
    if position == group_start or text[position] in _LEADS:
        return True
    before = text[position - 1] if position else ""
    return before in _STARTS_AFTER or (before.isspace() and not text[position].isspace())


def _mobiles_of_other_regions(text: str, regions: Sequence[str], found: _Found) -> Iterable[PhoneMatch]:
    """National-format numbers that are a valid mobile of one of `regions` ("0412 345 678").

    Only runs written like a phone number are tried: digit groups, or one run that
    starts with a trunk prefix 0 or is China's 11-digit 1x mobile. A plain run of
    digits is an ID or an order number far more often.
    """

    # A draft repeats its numbers (a signature, a quoted reply): each written form is parsed once.
    seen: dict[str, str | None] = {}
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
        if raw not in seen:
            seen[raw] = next((region for region in regions if _is_mobile_of(raw, region)), None)
        region = seen[raw]
        if region is not None:
            yield _describe(raw, start, end, region)


@lru_cache(maxsize=1024)
def _is_mobile_of(raw: str, region: str) -> bool:
    import phonenumbers

    try:
        parsed = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return False
    return _is_mobile(phonenumbers.number_type(parsed))


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


def _is_something_else(text: str, start: int, end: int, raw: str, *, labelled: bool = False) -> bool:
    """A match the matcher accepts that a reader would not call a phone number.

    A number `labelled` a phone number by the words beside it may be dotted as a version is
    ("06.12.34.56.78", "8.967.011.67.27"); only an IP address is still something else. `raw` is
    `text[start:end]`.
    """
    return (
        _written_as_something_else(text, start, raw, labelled=labelled)
        or _something_else_before(text, start)
        or _something_else_after(text, end)
    )


def _written_as_something_else(text: str, start: int, raw: str, *, labelled: bool = False) -> bool:
    """What a number's own text says it is instead (an IP address, a date, an amount, a ZIP+4 code)."""
    # Square brackets are no phone number's punctuation ("host[209.85.223.33]"): what they hold is
    # judged without them.
    bare = raw.strip("[]")
    dotted = compiled(_IP_ADDRESS if labelled else _IP_OR_VERSION)
    if dotted.match(bare) or compiled(_THOUSANDS).match(bare) or compiled(_DATE).search(bare):
        return True
    # A bracket left open round one bare run of digits holds the whole run, not an area code
    # ("RULEID:(8121501046)(3231022)", "Ifupdown: (137635584)"): a list of codes or a process id.
    # A number written in groups may be bracketed whole ("Customer Service (310-532-9811 )").
    if raw.count("(") != raw.count(")") and raw.strip("()[] ").isdigit():
        return True
    # A US ZIP+4 code after its state's code ("Springfield, IL 62704-1234").
    return bool(compiled(_ZIP_PLUS_FOUR).match(raw) and compiled(_STATE_BEFORE).search(text, max(0, start - 4), start))


def _something_else_before(text: str, start: int) -> bool:
    """What stands just before a number that makes it a piece of something else."""
    before = text[start - 1] if start > 0 else ""
    if before in {")", "]"} or text[max(0, start - 2) : start] == ")(":
        return True
    # Joined by a dash to a word or number: one piece of an identifier ("INV-2024-698919"); or the tail of a
    # longer number ("8 (916) 555-12-34").
    if before == "-":
        return True
    if before == " " and (
        (text[start : start + 1] == "(" and text[start - 2 : start - 1].isdigit())
        or compiled(_COUNTRY_CODE_BEFORE).search(text, max(0, start - 8), start)
    ):
        return True
    # Part of a longer dotted run (an IP address, a version).
    if before == "." and start > 1 and text[start - 2].isdigit():
        return True
    # A reference ("#4155550132"), a key=value id, a piece of a path.
    return before in {"#", "№", "=", "@", "_", "/"}


def _something_else_after(text: str, end: int) -> bool:
    """What stands just after a number that makes it a piece of something else."""
    after = text[end : end + 2]
    if after[:1] == "(" or after[:2] == ")(":
        return True
    # Joined by a dash to a word or number ("117304992 512-byte").
    if after[:1] == "-" and after[1:2].isalnum():
        return True
    # Part of a longer dotted run (an IP address, a version), or the id of a bot token.
    if (after[:1] in {".", ":"} and after[1:2].isdigit()) or (after[:1] == ":" and after[1:2].isalpha()):
        return True
    # The local part of an e-mail address.
    return after[:1] == "@"


def _describe(raw: str, start: int, end: int, region: str) -> PhoneMatch:
    return _described(raw, region)._replace(start=start, end=end)


@lru_cache(maxsize=1024)
def _described(raw: str, region: str) -> PhoneMatch:
    """`raw` read in `region`, at position 0: a written form is parsed once, however often it comes."""
    import phonenumbers

    end = len(raw)
    try:
        parsed = phonenumbers.parse(raw, region, keep_raw_input=True)
    except phonenumbers.NumberParseException:
        return PhoneMatch(0, end, raw, False, False, region=region)
    # number_type() is UNKNOWN exactly when is_valid_number() is False; asking once is half the work.
    kind = phonenumbers.number_type(parsed)
    valid = kind != phonenumbers.PhoneNumberType.UNKNOWN
    return PhoneMatch(
        0,
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


# -- the recognizer: numbers in the writer's words, judged by the words around them ------------------

# How far before a number its label may stand ("订单号：", "Order #", "my user id is ").
_LABEL_WINDOW = 24
# How far a phone word may be from a bare number on its line.
_PHONE_WORD_BEFORE = 40
_PHONE_WORD_AFTER = 12


class PhoneFacts(NamedTuple):
    """What the recognizer knows of a number found (`Span.facts["phone"]`)."""

    number: PhoneMatch
    # A reader would call it a phone number: nothing makes it something else, and a bare run of
    # digits has a phone word nearby or China's unmistakable mobile shape.
    is_phone: bool
    phone_word: str | None  # a word nearby that says it is one ("手机号", "my number")
    labelled_other: str | None  # a label just before it that says it is not ("订单号", "order")
    other_data: bool  # it is a secret's value or an ID or card number
    fictional: bool  # from a fictional range the pack names ("555-0123"), valid in no plan
    # Written without its country code: the countries it may be of, most likely first, and
    # whether the configured region chose the one to suggest.
    verdict: Verdict | None
    # From a range kept for fiction and given, with its country code, as the writer's number
    # ("Phone: +44 7700 900123"): nobody's account has one, so it stands in for the real number, as a
    # masked one does; phonenumbers calls it invalid all the same.
    stand_in: bool = False


class PhoneNumbers:
    """The phone number recognizer: numbers in the writer's text and signature, then numbers of
    fictional ranges written without a country code, which the matcher rejects, then numbers of
    any country's plan beside a phone word."""

    name = "phones"

    def recognize(self, analysis: Analysis) -> Iterator[Span]:
        numbers = writer_numbers(analysis)
        for number in numbers:
            yield _span(analysis, number, fictional=False)
        fictional = _fictional_national_numbers(analysis, numbers)
        for number in fictional:
            yield _span(analysis, number, fictional=True)
        for number in _labelled_national_numbers(analysis, [*numbers, *fictional]):
            yield _span(analysis, number, fictional=False)


PHONES = PhoneNumbers()


def _span(analysis: Analysis, number: PhoneMatch, *, fictional: bool) -> Span:
    phone_word = _phone_word_nearby(analysis, number)
    labelled_other = _labelled_not_phone(analysis, number)
    other_data = _other_data(analysis).overlaps(number.start, number.end)
    unmistakable = _unmistakable_mobile(number)
    if labelled_other or other_data:
        is_phone = False
    elif (number.masked or number.bare) and not number.has_country_code:
        is_phone = bool(phone_word) or (number.mobile if number.masked else unmistakable)
    else:
        is_phone = True
    verdict = None
    if is_phone and number.valid and not number.masked and not number.has_country_code:
        verdict = _verdict(analysis, number)
    evidence = tuple(
        piece
        for piece, present in (
            ("country-code", number.has_country_code),
            (f"label:{phone_word}", phone_word),
            (f"labelled-other:{labelled_other}", labelled_other),
            ("shape:cn-mobile", unmistakable),
            ("masked", number.masked),
            ("fictional-range", fictional),
            ("secret-or-personal-data", other_data),
        )
        if present
    )
    confidence = 0.2 if not is_phone else 0.9 if (number.has_country_code or phone_word or unmistakable) else 0.6
    stand_in = (
        is_phone
        and number.has_country_code
        and not number.valid
        and _fictional_international(analysis, number)
        and (_labelled_phone(analysis, number) or _given_as_mobile(analysis, number))
    )
    facts = {
        "phone": PhoneFacts(number, is_phone, phone_word, labelled_other, other_data, fictional, verdict, stand_in)
    }
    return Span("phone-number", "body", number.start, number.end, confidence, evidence, facts)


def writer_numbers(analysis: Analysis) -> list[PhoneMatch]:
    """Phone numbers in the writer's text and signature, in order."""
    return analysis.memo(writer_numbers, lambda: _writer_numbers(analysis))


def _writer_numbers(analysis: Analysis) -> list[PhoneMatch]:
    numbers = list(analysis.phone_numbers)
    signature = _signature_only(analysis)
    if signature:
        numbers += find_phone_numbers(signature, analysis.phone_regions)
    return sorted(numbers, key=lambda m: m.start)


# A number as people write it inside their country, whichever that is: digit groups joined by a
# space, a dash or a dot, an area code in brackets ("(0211) 4567890", "8 (916) 555-12-34",
# "(21) 98765-4321", "06.12.34.56.78", "0917 123 4567"). After a label's colon it may stand glued
# ("number:0813-1234-5678"), never after a time's ("10:30").
_GROUP_OR_AREA = r"(?:\(\d{1,5}\)|\d{1,5})"
_WRITTEN_NATIONAL = (
    rf"{VALUE_START}(?<![_+＋./=#@-])(?<!\d:)"
    rf"{_GROUP_OR_AREA}(?:[ .\-\u00a0]?{_GROUP_OR_AREA}){{0,6}}"
    rf"(?![A-Za-z0-9_]|[.\-]\d|[@(]){VALUE_END}"
)
_LABELLED_DIGITS = (7, 15)
_IP_ADDRESS = r"^(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}$"


def _in_digit_stretches(text: str, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern whose matches hold seven digits close together, searched
    in such stretches only (from the bracket before one, to two characters past it)."""
    resume = 0
    for stretch in compiled(_ENOUGH_DIGITS_RUN).finditer(text):
        start = stretch.start() - 1 if text[stretch.start() - 1 : stretch.start()] == "(" else stretch.start()
        for match in pattern.finditer(text, max(start, resume), stretch.end() + 2):
            resume = match.end()
            yield match


def _labelled_national_numbers(analysis: Analysis, taken: Sequence[PhoneMatch]) -> list[PhoneMatch]:
    """Numbers written as inside some country, next to a word that says they are phone numbers.

    The matcher only knows the plans of the draft's own regions; a writer abroad writes their
    number the way their country does ("(0211) 4567890", "8 (916) 555-12-34"). With a phone word
    beside it ("my number", "手机号"), a number that is valid in any country's plan
    (`tglint.phone_country.readings`) is a phone number, of the country its form fits best.
    """
    text = analysis.text_with_signature
    if not compiled(_ENOUGH_DIGITS).search(text):
        return []
    from tglint.phone_country import readings

    spans = SpanSet((m.start, m.end) for m in taken)
    found: list[PhoneMatch] = []
    for match in _in_digit_stretches(text, compiled(_WRITTEN_NATIONAL)):
        raw, start, end = match.group(), match.start(), match.end()
        digits = sum(ch.isdigit() for ch in raw)
        if not _LABELLED_DIGITS[0] <= digits <= _LABELLED_DIGITS[1] or spans.overlaps(start, end):
            continue
        if _inside_url(text, start) or _is_something_else(text, start, end, raw, labelled=True):
            continue
        candidate = PhoneMatch(start, end, raw, has_country_code=False, valid=True, bare=raw.isdigit())
        if not _phone_word_nearby(analysis, candidate) or _labelled_not_phone(analysis, candidate):
            continue
        # One bare run of digits is an ID, a count or a code as often: only a phone word right before
        # it, as its label, makes it a number ("my number: 24048789", "a call from 9876543210").
        if candidate.bare and not _labelled_phone(analysis, candidate):
            continue
        best = readings(raw)
        if not best:
            continue
        found.append(_describe(raw, start, end, best[0].region)._replace(bare=raw.isdigit()))
        spans.add(start, end)
    return found


def _signature_only(analysis: Analysis) -> str:
    """The body with everything but the signature blanked, or "" when it has none."""
    return analysis.body.only(RegionKind.SIGNATURE)


def _line_window(text: str, start: int, end: int, before: int, after: int) -> tuple[str, str]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return text[window_start(text, max(line_start, start - before), start) : start], text[
        end : min(line_end, end + after)
    ]


def _labelled_not_phone(analysis: Analysis, match: PhoneMatch) -> str | None:
    """The label just before a number that says it is not a phone number ("order", "ID", "版本")."""
    before, _ = _line_window(analysis.text_with_signature, match.start, match.end, _LABEL_WINDOW, 0)
    label = None
    # A word naming a national ID says so too ("my Aadhaar number 4821 7730 2916"), whatever its digits.
    for key in (("phone", "not_phone_context"), ("pii", "id_keywords")):
        for found in analysis.lexicon(*key).finditer(before):
            if label is None or found.end > label.end:
                label = found
    if label is None:
        return None
    if _bank_label_without_bank(analysis, label.term, match):
        return None
    # A phone word the label is only the start of is what the writer wrote: "注册号码" is the number the account was
    # registered with, not a "注册号" (a company's registration number).
    for word in analysis.lexicon("phone", "phone_context").finditer(before):
        if word.start <= label.start and word.end > label.end:
            return None
    # A phone word after the label takes over: "订单里的手机号 13800138000"; the noun that ends any
    # label does not ("invoice number", "ID号码").
    nouns = set(strings(analysis.pack("phone"), "number_nouns", source="phone"))
    for word in analysis.lexicon("phone", "phone_context").finditer(before[label.end :]):
        if word.term not in nouns:
            return None
    return label.term


def _bank_label_without_bank(analysis: Analysis, label: str, match: PhoneMatch) -> bool:
    """ "account number" with no bank word near the number (lines around it included: a bank's details are a block
    of lines): the number of the writer's Telegram account, which is a phone number, not a bank account's."""
    labels = {ascii_lower(term) for term in strings(analysis.pack("phone"), "bank_labels", source="phone")}
    if ascii_lower(label) not in labels:
        return False
    text = analysis.text_with_signature
    near = text[max(0, match.start - _BANK_REACH) : match.end + _BANK_REACH]
    return analysis.lexicon("phone", "bank_words").search(near) is None


# How far around an "account number" a bank's words are looked for, in characters.
_BANK_REACH = 160


def _phone_word_nearby(analysis: Analysis, match: PhoneMatch) -> str | None:
    before, after = _line_window(
        analysis.text_with_signature, match.start, match.end, _PHONE_WORD_BEFORE, _PHONE_WORD_AFTER
    )
    words = analysis.lexicon("phone", "phone_context")
    found = words.search(before) or words.search(after)
    return found.term if found is not None else None


# What may stand between a phone word and the number it labels ("my number is ", "手机号：", "call from ",
# "the number on my account: ", "number shown: ", "显示的号码：").
_LABEL_GAP = (
    r"(?i)(?:\s+(?:on|of|for|in|with)\s+(?:my|the|this|your)\s+[a-z]+)?"
    r"(?:\s+(?:shown|displayed|listed|used|given|provided|visible))?"
    r"[\s:：]*(?:(?:is|was|are|were|from|on|at|to|是|为)(?![A-Za-z])[\s:：]*)?$"
)


def _labelled_phone(analysis: Analysis, match: PhoneMatch) -> bool:
    """Whether a phone word stands just before the number, as its label."""
    before, _ = _line_window(analysis.text_with_signature, match.start, match.end, _PHONE_WORD_BEFORE, 0)
    last = None
    for word in analysis.lexicon("phone", "phone_context").finditer(before):
        last = word
    return last is not None and compiled(_LABEL_GAP).match(before, last.end) is not None


def _given_as_mobile(analysis: Analysis, match: PhoneMatch) -> bool:
    """Whether the words just before a number give it as a mobile or as the number of the writer's
    Telegram account (the one they registered with), which is a mobile."""
    before, _ = _line_window(analysis.text_with_signature, match.start, match.end, _PHONE_WORD_BEFORE, 0)
    return analysis.lexicon("phone", "own_number_context").search(before) is not None


def _unmistakable_mobile(match: PhoneMatch) -> bool:
    """China's 11-digit 1[3-9]x mobiles: no account ID, date or amount looks like them."""
    digits = re.sub(r"\D", "", match.raw)
    return match.mobile and match.region == "CN" and len(digits) == 11


def _other_data(analysis: Analysis) -> SpanSet:
    """Where the writer's text holds a secret's value or an ID or card number: not a phone number."""

    def build() -> SpanSet:
        spans = SpanSet((s.start, s.end) for s in writer_secrets(analysis))
        for other in analysis.spans(PERSONAL):
            spans.add(other.start, other.end)
        return spans

    return analysis.memo(_other_data, build)


@lru_cache(maxsize=8)
def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in patterns)


def _fictional_national_numbers(analysis: Analysis, taken: Sequence[PhoneMatch]) -> list[PhoneMatch]:
    """Numbers from fictional ranges written without a country code, which the matcher rejects."""
    table = analysis.pack("phone").get("fictional_national", {})
    text = analysis.text_with_signature
    found: list[PhoneMatch] = []
    spans = SpanSet((m.start, m.end) for m in taken)
    for region in analysis.phone_regions:
        entry = table.get(region, {})
        if str(entry.get("contains", "")) not in text:
            continue
        for pattern in _compiled(tuple(strings(entry, "patterns", source="phone"))):
            for match in pattern.finditer(text):
                if spans.overlaps(match.start(), match.end()):
                    continue
                number = describe_national(match.group(), match.start(), region)
                if _is_local_only(number):
                    # "555-0123" lacks the area code as well: a phone only if the words say so.
                    if not _phone_word_nearby(analysis, number):
                        continue
                    number = number._replace(e164=f"{_country_prefix(number)} <area code> {number.raw}")
                found.append(number)
                spans.add(number.start, number.end)
    return found


def _fictional_international(analysis: Analysis, number: PhoneMatch) -> bool:
    """Whether a number written with its country code is, in its country's national form, in one of the
    ranges kept for fiction the phone pack names (`fiction_ranges`: "+44 7700 900123" is "07700 900123")."""
    return in_fiction_range(number.raw, draft_hints(analysis).fiction)


def _is_local_only(number: PhoneMatch) -> bool:
    return number.region == "US" and len(re.sub(r"\D", "", number.raw)) == 7


def _country_prefix(number: PhoneMatch) -> str:
    return (number.e164 or "+").split()[0]


def draft_hints(analysis: Analysis) -> CountryHints:
    """Where the draft says its numbers are from (configured region, numbers written in full...)."""
    return analysis.memo(draft_hints, lambda: country_hints(analysis, writer_numbers(analysis)))


def _verdict(analysis: Analysis, match: PhoneMatch) -> Verdict:
    """The countries a number written without its country code may be of, most likely first."""
    hints = draft_hints(analysis)
    verdict = likely_readings(match.raw, hints, mobile_expected=_given_as_mobile(analysis, match))
    if verdict.readings or not match.e164 or not match.region:
        return verdict
    # A fictional number ("(555) 123-4567") is valid in no plan: its pack entry names its country.
    code = match.e164.split(" ", 1)[0].lstrip("+")
    own = Reading(match.e164, "", match.region, int(code) if code.isdigit() else 0, True, True, True)
    safe = hints.configured == match.region and "<" not in match.e164
    return Verdict((own,), safe=safe, configured_does_not_fit=bool(hints.configured) and not safe)
