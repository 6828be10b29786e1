"""Which country a phone number written without its country code belongs to.

A number written the way it is dialled inside its country ("020 7946 0142") does not
say which country that is, and the same digits fit several countries' plans: London,
Guangzhou, Pune and a New Zealand mobile all read "020 7946 0142". phonenumbers knows
every plan, so the written form is tried against each (`readings`), and a reading is
ranked by how well the writing matches that country's own national form: no digit group
that country's form would not make ("(415) 555-0132" is grouped as in the US and Mexico,
not as in Brazil's "(41) 5555-0132"), the trunk prefix written when that form has one
(China writes 0415 555 0132: "(415) 555-0132" is valid there only with the 0 left out),
and character for character the same form ("(415) 555-0132" is the US form, "415 555
0132" Mexico's).

Among the best readings, what the draft points to narrows (`likely_readings`): the
configured region, the codes of numbers written in full elsewhere in the draft, a
country or city the draft names, the country domain of an e-mail address it shows, then
the country of the draft's language (`language_regions` of the phone pack) for a mobile of
its plan only; the language's other usual countries only order what is left. An extension
("ext. 42", "转 42") is read apart from the number (`number_part`). One
reading left: that is the suggestion, a safe rewrite only when it is the configured
region's. Several: the country cannot be told, and the message names the likeliest.
A number from a range a regulator keeps for fiction (the phone pack's `fiction_ranges`: Ofcom's
07700 900xxx), which no plan calls valid, is read as its own country's too (`_fiction_readings`).

Only phonenumbers' public API is used. Reading a number in all ~230 distinct plans
costs about 2 ms; the regions the hints point to are tried first, and when one of them
fits perfectly no other can fit better, so the rest are not tried.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from tglint.lexicon import TermSet, ascii_lower
from tglint.patterns import compiled

if TYPE_CHECKING:
    from phonenumbers import PhoneNumber

    from tglint.analysis import Analysis
    from tglint.packs import Packs
    from tglint.recognizers.phones import PhoneMatch

_DIGIT_GROUP = re.compile(r"\d+")
_MIN_DIGITS, _MAX_DIGITS = 6, 17


@dataclass(frozen=True, slots=True)
class Reading:
    """A written number read in one country's plan."""

    international: str  # "+44 20 7946 0142"
    e164: str  # "+442079460142"
    region: str  # the country the number is allocated to (phonenumbers' region code)
    country_code: int
    grouped_alike: bool  # no digit group the country's national form would not make
    with_trunk_prefix: bool  # the digits are exactly those of the country's national form
    # Written as the country writes it, character for character ("(415) 555-0132" in the US,
    # "415 555 0132" in Mexico), or as one run of digits, which no country's form contradicts.
    same_form: bool
    # A mobile number in that country's plan (or one its plan does not tell from a landline): a
    # Telegram account's number is a mobile.
    mobile: bool = False
    # The trunk prefix left out, the rest as dialled ("9876543210" for India's 098765 43210), as people
    # write a number they also give after its country code.
    trunk_left_out: bool = False
    # A mobile written as its country writes mobiles: an area code in brackets ("(010) 8695 9271") is a
    # landline's, unless the country brackets its mobiles' codes too (Brazil's "(21) 98765-4321").
    mobile_as_written: bool = False
    # Written with its country code but no "+" or "00" before it ("919876543210", "234 803 123 4567"), as
    # writers from India, Nigeria, Indonesia or Russia often give their number.
    code_unmarked: bool = False

    @property
    def rank(self) -> tuple[bool, bool, bool]:
        return (self.grouped_alike, self.with_trunk_prefix, self.same_form)


@dataclass(frozen=True, slots=True)
class CountryHints:
    """What a draft says about where its numbers are from, strongest first."""

    configured: str | None = None  # `--region` / `region`
    written_codes: frozenset[int] = frozenset()  # calling codes of numbers written in full
    named: frozenset[str] = frozenset()  # countries the draft names
    # Countries of the e-mail domains the draft shows (sender, copies, addresses in the text): "mail.ru".
    domains: frozenset[str] = frozenset()
    language: str | None = None  # the country the draft's language points to, if one
    usual: tuple[str, ...] = ()  # countries usual for the draft's language, most likely first
    # Ranges a regulator keeps for fiction, which phonenumbers calls invalid (the phone pack's
    # `fiction_ranges`): (region, national-form pattern, a mobile range).
    fiction: tuple[tuple[str, str, bool], ...] = ()


@dataclass(frozen=True, slots=True)
class Verdict:
    """The readings left after the hints, most likely first; `safe` when the configured region chose it."""

    readings: tuple[Reading, ...]
    safe: bool = False
    # A region was configured, but the written form is not that country's.
    configured_does_not_fit: bool = False


def digits_of(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _boundaries(text: str) -> frozenset[int]:
    """After how many digits the writing breaks the number ("(415) 555-0132" -> {3, 6})."""
    ends, count = [], 0
    for group in _DIGIT_GROUP.finditer(text):
        count += len(group.group())
        ends.append(count)
    return frozenset(ends[:-1])


@lru_cache(maxsize=1024)
def readings(raw: str, regions: tuple[str, ...] | None = None) -> tuple[Reading, ...]:
    """The valid readings of `raw` (written without a country code) in `regions` (default: every
    country), best fitting first."""
    digits = digits_of(number_part(raw))
    if not _MIN_DIGITS <= len(digits) <= _MAX_DIGITS:
        return ()
    keep_compiled_patterns()
    found: dict[str, Reading] = {}
    for region in _distinct_plans() if regions is None else regions:
        nationals = _valid_nationals(region, digits)
        if nationals is not None and not any(f"+{_plan(region).country_code}{n}" not in found for n in nationals):
            continue  # no valid reading in this plan, or only numbers read in an earlier one (+1's 25 plans)
        if reading := read_in(raw, region, known=found):
            found[reading.e164] = reading
    return tuple(sorted(found.values(), key=lambda r: (tuple(not x for x in r.rank), r.e164)))


def read_in(
    raw: str, region: str, *, mobile: bool | None = None, known: Container[str] = frozenset()
) -> Reading | None:
    """`raw` read as a national number of `region`, if that gives a valid number; with `mobile` given, a
    number no plan calls valid (a range kept for fiction) is read all the same, as a mobile or not. None
    too when the number read is one of `known` (E.164 forms): nothing more is worked out for it."""
    import phonenumbers
    from phonenumbers import PhoneNumberFormat, PhoneNumberType

    # The number is read without its extension ("212-555-0187 ext. 42", "转 42"): the extension's
    # digits belong to no country's plan, and how it is introduced is the writer's, not the plan's.
    written = number_part(raw)
    try:
        parsed = phonenumbers.parse(written, region, keep_raw_input=True)
    except phonenumbers.NumberParseException:
        return None
    # Where "0" is the international prefix (Cape Verde), "043 ..." reads as +43: not a national reading.
    if parsed.country_code_source in _written_code_sources():
        return None
    # The 25 plans of +1 read "415-832-5370" alike: asked in turn (`readings`), the first reading is kept.
    if known and phonenumbers.format_number(parsed, PhoneNumberFormat.E164) in known:
        return None
    # number_type() is UNKNOWN exactly when is_valid_number() is False: asking once is half the work.
    kind = phonenumbers.number_type(parsed)
    if mobile is None:
        if kind == PhoneNumberType.UNKNOWN:
            return None
        mobile = kind in (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE)
    national = phonenumbers.format_number(parsed, PhoneNumberFormat.NATIONAL)
    written_groups = _boundaries(written)
    grouped, trunk = _fit(digits_of(written), written_groups, national)
    digits, own = digits_of(written), digits_of(national)
    # Where mobiles are written without the trunk prefix as a rule, that is their very form.
    dropped = not trunk and mobile and region in _MOBILES_WITHOUT_TRUNK and own == "0" + digits
    form = _form(national).removeprefix("0") if dropped else _form(national)
    trunk = trunk or dropped
    same = trunk and (not written_groups or _form(written) == form)
    # Brackets go round an area code, with its trunk prefix where the country has one ("(010) 8695 9271",
    # "(0211) 4567890"): where a country's own form brackets nothing, they never go round a mobile's
    # prefix (Korea's "010-8695-9271"), nor round a 0 that is no trunk prefix (Italy's "010 ...").
    bracketed = compiled(_BRACKETED).search(written) if "(" not in national else None
    if bracketed is not None and (
        kind == PhoneNumberType.MOBILE or (bracketed.group(1).startswith("0") and not _has_trunk_prefix(region))
    ):
        grouped = False
    if extension := digits_of(raw[len(written) :]):
        parsed.extension = extension
    return Reading(
        international=phonenumbers.format_number(parsed, PhoneNumberFormat.INTERNATIONAL),
        e164=phonenumbers.format_number(parsed, PhoneNumberFormat.E164),
        region=phonenumbers.region_code_for_number(parsed) or region,
        country_code=int(parsed.country_code or 0),
        grouped_alike=grouped,
        with_trunk_prefix=trunk,
        same_form=same,
        mobile=mobile,
        trunk_left_out=len(own) > len(digits) and own.endswith(digits),
        mobile_as_written=mobile and not (bracketed is not None and kind == PhoneNumberType.MOBILE),
    )


# Countries whose mobiles are never dialled with a trunk prefix: "0151 23456789" is no Chinese way of writing the mobile
# 151 2345 6789 (phonenumbers still reads it so), so it does not speak for China against a country the draft names.
_MOBILES_NEVER_WITH_TRUNK = frozenset({"CN"})


def _trunk_before_mobile(raw: str, reading: Reading) -> bool:
    """A mobile reading of such a country of digits written with a leading 0."""
    return reading.region in _MOBILES_NEVER_WITH_TRUNK and re.sub(r"\D", "", raw).startswith("0")


# Countries whose people write a mobile without its trunk prefix as a rule ("98765 43210" in India, where
# phonenumbers' national form is "098765 43210"): a mobile so written is in that country's very form.
_MOBILES_WITHOUT_TRUNK = frozenset({"IN"})
# The digits of a group written in brackets ("(010) 8695 9271" -> "010").
_BRACKETED = r"\((\d+)\)"
# What ends a number written with its extension: "ext. 42", "x42", "#42", "分机 42", "转42".
_EXTENSION = re.compile(r"(?i)\s*[,;]?\s*(?:ext\.?|extension|x|#|分机号?|分機號?|转|轉)\s*[.:：]?\s*\d{1,7}\s*$")


def number_part(raw: str) -> str:
    """`raw` without the extension written after it ("212-555-0187 ext. 42" -> "212-555-0187")."""
    found = _EXTENSION.search(raw)
    return raw[: found.start()] if found and any(ch.isdigit() for ch in raw[: found.start()]) else raw


@cache
def keep_compiled_patterns() -> None:
    """Reading a number in many regions, or matching numbers, needs more patterns than `re` keeps
    compiled (512): without phonenumbers' own cache each one is compiled again for each number
    (~5x slower in `readings`)."""
    import phonenumbers

    enable = getattr(phonenumbers, "enable_pattern_cache", None)  # phonenumbers >= 9.0.x
    if enable is not None:
        enable()


@cache
def _distinct_plans() -> tuple[str, ...]:
    """One region per way of reading a national number: regions sharing a calling code, trunk
    prefix rules and international prefix (the 25 of +1, mostly) read a number alike, and
    phonenumbers compiles its patterns again for every region it is asked about."""
    from phonenumbers import PhoneMetadata

    chosen: dict[tuple[object, ...], str] = {}
    for region in _all_regions():
        metadata = PhoneMetadata.metadata_for_region(region)
        if metadata is None:
            continue
        key = (
            metadata.country_code,
            metadata.national_prefix,
            metadata.national_prefix_for_parsing,
            metadata.national_prefix_transform_rule,
            metadata.international_prefix,
        )
        chosen.setdefault(key, region)
    return tuple(chosen.values())


@cache
def _all_regions() -> tuple[str, ...]:
    import phonenumbers

    return tuple(sorted(phonenumbers.SUPPORTED_REGIONS))


@cache
def _has_trunk_prefix(region: str) -> bool:
    from phonenumbers import PhoneMetadata

    metadata = PhoneMetadata.metadata_for_region(region)
    return metadata is not None and bool(metadata.national_prefix)


@cache
def _written_code_sources() -> frozenset[int]:
    from phonenumbers import CountryCodeSource

    return frozenset({CountryCodeSource.FROM_NUMBER_WITH_PLUS_SIGN, CountryCodeSource.FROM_NUMBER_WITH_IDD})


@dataclass(frozen=True, slots=True)
class _Plan:
    """What a quick look at a region's plan needs: how a national number is stripped, what is valid."""

    country_code: str
    strip: re.Pattern[str] | None  # the trunk prefix (and more) that parsing strips
    transform: str | None  # what parsing writes in place of the stripped part, when it captured a group
    valid: re.Pattern[str] | None  # any valid number of the calling code; None: unknown, always parse
    lengths: frozenset[int] = frozenset()  # the lengths those numbers may have


@cache
def _plan(region: str) -> _Plan:
    from phonenumbers import PhoneMetadata

    metadata = PhoneMetadata.metadata_for_region(region)
    if metadata is None or not metadata.country_code:
        return _Plan("", None, None, None)
    strip = metadata.national_prefix_for_parsing or metadata.national_prefix
    valid, lengths = _code_pattern(metadata.country_code)
    return _Plan(
        str(metadata.country_code),
        re.compile(strip) if strip else None,
        metadata.national_prefix_transform_rule,
        valid,
        lengths,
    )


_NUMBER_TYPES = (
    "fixed_line",
    "mobile",
    "toll_free",
    "premium_rate",
    "shared_cost",
    "personal_number",
    "voip",
    "pager",
    "uan",
    "voicemail",
)


@cache
def _code_pattern(code: int) -> tuple[re.Pattern[str] | None, frozenset[int]]:
    """Any valid number of calling code `code`, whichever of its regions and types, and the lengths
    it may have (None: unknown)."""
    from phonenumbers import COUNTRY_CODE_TO_REGION_CODE, PhoneMetadata

    patterns: list[str] = []
    lengths: set[int] = set()
    for region in COUNTRY_CODE_TO_REGION_CODE.get(code, ()):
        metadata = PhoneMetadata.metadata_for_region_or_calling_code(code, region)
        general = metadata.general_desc if metadata is not None else None
        if metadata is None or general is None or not general.possible_length:
            return None, frozenset()
        lengths.update(general.possible_length)
        for kind in _NUMBER_TYPES:
            desc = getattr(metadata, kind, None)
            if desc is not None and desc.national_number_pattern:
                patterns.append(f"(?:{desc.national_number_pattern})")
    # Types and regions often share a pattern (fixed lines and mobiles of the US, +1's 25 regions): an alternative
    # met again changes no match, and compiling it again costs (the union of +1 was twice as long, 16 ms).
    unique = dict.fromkeys(patterns)
    return (re.compile("|".join(unique)) if unique else None), frozenset(lengths)


def _valid_nationals(region: str, digits: str) -> list[str] | None:
    """The national numbers phonenumbers may read `digits` as in `region` that fit a valid-number pattern of
    its calling code (None: unknown): a valid reading in `region` is one of them, and none means there is none.

    It reads them as a national number, after stripping a trunk prefix (perhaps rewritten by the
    region's transform rule) or the region's own calling code: each of those readings is tried
    against every valid-number pattern of the code. Parsing and validating all ~245 regions costs
    tens of milliseconds (phonenumbers compiles its patterns again and again: more than `re`
    caches); this look leaves a handful of regions to parse.
    """
    plan = _plan(region)
    if plan.valid is None:
        return None
    nationals = [digits]
    if plan.country_code and digits.startswith(plan.country_code):
        nationals.append(digits[len(plan.country_code) :])
    candidates = list(nationals)
    for national in nationals:
        stripped = plan.strip.match(national) if plan.strip else None
        if stripped is None:
            continue
        rest = national[stripped.end() :]
        candidates.append(rest)
        groups = stripped.re.groups
        if plan.transform and groups and stripped.group(groups) is not None:
            try:
                candidates.append(stripped.expand(plan.transform) + rest)
            except (re.error, IndexError):
                return None
    valid = plan.valid
    return [candidate for candidate in candidates if len(candidate) in plan.lengths and valid.fullmatch(candidate)]


_DASHES = re.compile(r"[\u2010-\u2015\u2212－]")
_SPACES = re.compile(r"\s+")


def _form(text: str) -> str:
    return _SPACES.sub(" ", _DASHES.sub("-", text.strip()))


def _fit(digits: str, written_groups: frozenset[int], national: str) -> tuple[bool, bool]:
    """How the writing fits the country's national form: (no group it would not make, its trunk
    prefix written)."""
    own = digits_of(national)
    # Positive: the trunk prefix left out ("(415) 555-0132" for China's 0415 555 0132);
    # negative: more written than the national form has.
    if not (own.endswith(digits) or digits.endswith(own)):
        return False, False
    shift = len(own) - len(digits)
    own_groups = {b - shift for b in _boundaries(national) if b - shift > 0}
    return written_groups <= own_groups, shift == 0


@lru_cache(maxsize=1024)
def read_with_unmarked_code(raw: str) -> Reading | None:
    """`raw` read as a mobile written with its country code but without the "+" ("919876543210" ->
    +91 98765 43210), if it is one; a number starting with a trunk prefix 0 never is."""
    import phonenumbers
    from phonenumbers import PhoneNumberFormat, PhoneNumberType

    written = number_part(raw).strip()
    digits = digits_of(written)
    if not written[:1].isdigit() or digits.startswith("0") or not 10 <= len(digits) <= 15:
        return None
    try:
        parsed = phonenumbers.parse("+" + digits)
    except phonenumbers.NumberParseException:
        return None
    if phonenumbers.number_type(parsed) not in (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE):
        return None
    region = phonenumbers.region_code_for_number(parsed)
    if not region:
        return None
    return Reading(
        international=phonenumbers.format_number(parsed, PhoneNumberFormat.INTERNATIONAL),
        e164=phonenumbers.format_number(parsed, PhoneNumberFormat.E164),
        region=region,
        country_code=int(parsed.country_code or 0),
        grouped_alike=True,
        with_trunk_prefix=False,
        same_form=False,
        mobile=True,
        mobile_as_written=True,
        code_unmarked=True,
    )


def likely_readings(raw: str, hints: CountryHints, *, mobile_expected: bool = False) -> Verdict:
    """The readings of `raw` that fit best, narrowed by what the draft points to.

    Among the best-fitting readings, each hint in turn keeps those it points to, when it
    points to any: the configured region, the codes of numbers written in full, the countries
    named, the countries of the e-mail domains shown, then the language's country, for a mobile
    of its plan only ("13812345678" in a Chinese draft; "021 2345 6789" is Shanghai's and
    Tehran's alike, and a Chinese writer may live in either). What is left unnarrowed is not
    guessed: several readings mean the country cannot be told from the draft, and they are
    ordered for the message only (written in the country's very form, a country usual for the
    language or with many Telegram users, a mobile).

    A number the writer gives as their own account's or their mobile (`mobile_expected`: a Telegram
    account is registered with a mobile) is, among the readings left, the one that is a mobile as it
    is written, when only one is: "0412 281 770" is an Australian mobile, not a Ukrainian or Dutch
    landline; "07472 631971" a British mobile, not a German landline. Mobiles are named first too.

    The regions the hints point to are tried first: when one of them reads the number in its
    country's very form and decides, no other country can fit better, and the rest of the world is
    not asked (nor paid for).
    """
    pointed = _pointed_regions(hints)
    every = readings(raw, pointed) if pointed else ()
    if not any(r.rank == _PERFECT and _decides(r, hints) for r in every):
        every = readings(raw)
    every = (*every, *_fiction_readings(raw, hints.fiction, {r.e164 for r in every}))
    # A mobile with its country code written without the "+" ("919876543210") is that, when no country
    # reads the digits as one of its own mobiles (Germany reads them as a landline, "0919 876543210"),
    # nor as a number of a country the draft points to: a Telegram account's number is a mobile.
    unmarked = read_with_unmarked_code(raw)
    if unmarked is not None and not any((r.mobile or _decides(r, hints)) and r.e164 != unmarked.e164 for r in every):
        return Verdict((unmarked,))
    if not every:
        return Verdict(())
    top = max(r.rank for r in every)
    best = [r for r in every if r.rank == top]
    # A country the writer names ("I live in Ukraine", "Pune"), or their mail's domain's, is theirs when
    # its plan reads the digits as dialled inside it (or with the trunk prefix left out), even if
    # another country's form fits the writing more closely ("050-871-5273" is grouped as Israel
    # groups it): how a writer groups digits is their habit as much as their country's ("08 6726
    # 4351" for Vietnam's 0867 264 351). Never more digits than the country dials: "15012348867" is
    # China's mobile, not a North American number with its "1". Nor is a country named (often where a
    # stranger logged in from) more than a hint against a number that fits as well as any and is a
    # mobile of the country the draft's language points to: then only a reading grouped as its own
    # country groups it, with its trunk prefix, takes over.
    language = (hints.language,) if hints.language else ()
    spoken_for = any(
        r.mobile and (r.region in language or r.country_code in _codes(language)) and not _trunk_before_mobile(raw, r)
        for r in best
    )
    for places in (hints.named, hints.domains):
        codes = _codes(places)
        if any(r.region in places or r.country_code in codes for r in best):
            break
        placed = [
            r
            for r in every
            if (r.region in places or r.country_code in codes)
            and (
                (r.grouped_alike and r.with_trunk_prefix)
                or (not spoken_for and (r.with_trunk_prefix or r.trunk_left_out))
            )
        ]
        if placed:
            top = max(r.rank for r in placed)
            best = [r for r in placed if r.rank == top]
            break
    chosen_by_config = False
    if hints.configured and (own := read_in(raw, hints.configured)):
        mine = [r for r in best if r.e164 == own.e164]
        if mine:
            best, chosen_by_config = mine, True
    for regions, codes, mobile_only in (
        (frozenset[str](), hints.written_codes, False),
        (hints.named, _codes(hints.named), False),
        (hints.domains, _codes(hints.domains), False),
        (frozenset(language), _codes(language), True),
    ):
        narrowed = [
            r for r in best if (r.region in regions or r.country_code in codes) and (r.mobile or not mobile_only)
        ]
        if narrowed:
            best = narrowed
    if mobile_expected and len(best) > 1:
        mobiles = [r for r in best if r.mobile_as_written]
        if len(mobiles) == 1:
            best = mobiles
    position = {region: i for i, region in enumerate(hints.usual)}
    code_position = {code: i for i, code in reversed(list(enumerate(_code_of(r) for r in hints.usual)))}

    def likelihood(reading: Reading) -> tuple[bool, bool, int, int, bool, str]:
        far = len(position)
        return (
            not reading.same_form,
            mobile_expected and not reading.mobile_as_written,
            position.get(reading.region, far),
            code_position.get(reading.country_code, far),
            not reading.mobile,
            reading.e164,
        )

    best.sort(key=likelihood)
    return Verdict(
        tuple(best),
        safe=chosen_by_config and len(best) == 1,
        configured_does_not_fit=bool(hints.configured) and not chosen_by_config,
    )


_PERFECT = (True, True, True)


def _fiction_readings(raw: str, fiction: Sequence[tuple[str, str, bool]], known: set[str]) -> list[Reading]:
    """`raw` read in the countries whose fiction ranges it is written in ("07700 900456", Ofcom's range of
    mobiles kept for drama): no plan calls it valid, yet it stands for a number of that country and no other."""
    written = _form(number_part(raw))
    found = []
    for region, pattern, mobile in fiction:
        if not compiled(pattern).fullmatch(written):
            continue
        reading = read_in(raw, region, mobile=mobile)
        if reading is not None and reading.e164 not in known:
            known.add(reading.e164)
            found.append(reading)
    return found


def _decides(reading: Reading, hints: CountryHints) -> bool:
    """Whether a hint of the draft, if this reading fits best, makes it the one (see `likely_readings`)."""
    region, code = reading.region, reading.country_code
    if region == hints.configured or code in hints.written_codes:
        return True
    if region in hints.named | hints.domains or code in _codes(hints.named | hints.domains):
        return True
    language = (hints.language,) if hints.language else ()
    return reading.mobile and (region in language or code in _codes(language))


def _pointed_regions(hints: CountryHints) -> tuple[str, ...]:
    """The regions the narrowing hints point to (not the usual ones, which only order)."""
    regions = [hints.configured] if hints.configured else []
    regions += sorted(r for code in hints.written_codes if (r := region_of_code(code)))
    regions += sorted(hints.named)
    regions += sorted(hints.domains)
    regions += [hints.language] if hints.language else []
    return tuple(dict.fromkeys(regions))


@cache
def _code_of(region: str) -> int:
    """The calling code of `region` (asked for each usual region of the draft's language, for each number)."""
    from phonenumbers import country_code_for_region

    return int(country_code_for_region(region))


def _codes(regions: Iterable[str]) -> frozenset[int]:
    return frozenset(_code_of(r) for r in regions)


# -- what a draft points to -----------------------------------------------------------


def country_hints(analysis: Analysis, written: Iterable[PhoneMatch] | None = None) -> CountryHints:
    """The hints of `analysis`: `written` are the numbers found in it (None: those of its body)."""
    numbers = analysis.phone_numbers if written is None else written
    codes = frozenset(code for m in numbers if m.has_country_code and m.valid and (code := _calling_code(m.e164)))
    configured = analysis.settings.region.upper() if analysis.settings.region else None
    table = analysis.pack("phone")
    usual_table = table.get("usual_regions", {})
    own = usual_table.get(analysis.language) or table.get("candidate_regions", {}).get(analysis.language, ())
    usual = tuple(dict.fromkeys(str(r) for r in (*own, *usual_table.get("any", ()))))
    language = table.get("language_regions", {}).get(analysis.language)
    return CountryHints(
        configured,
        codes,
        named_countries(analysis),
        domain_countries(analysis),
        str(language) if language else None,
        usual,
        _fiction_ranges(analysis.packs),
    )


def _fiction_ranges(packs: Packs) -> tuple[tuple[str, str, bool], ...]:
    def build() -> tuple[tuple[str, str, bool], ...]:
        table = packs.get("phone")
        mobiles = table.get("fiction_mobile_ranges", {})
        return tuple(
            (str(region), str(pattern), str(pattern) in mobiles.get(region, ()))
            for region, patterns in table.get("fiction_ranges", {}).items()
            for pattern in patterns
        )

    return packs.derived(("phone", "fiction ranges"), build)


def _calling_code(international: str | None) -> int | None:
    head = (international or "").split(" ", 1)[0]
    return int(head[1:]) if head.startswith("+") and head[1:].isdigit() else None


def named_countries(analysis: Analysis) -> frozenset[str]:
    """Countries the writer names, or names a city of ("I live in the UK", "我在英国", "Pune", "上海")."""

    def find() -> frozenset[str]:
        names, words = _country_words(analysis.packs)
        # The signature names where the writer is as often as their words do ("Berlin, Germany").
        text = f"{analysis.subject_text}\n{analysis.text_with_signature}"
        return frozenset(names[term] for _, _, term in words.finditer(text))

    return analysis.memo(named_countries, find)


# An e-mail address's domain ("ivan@mail.ru", "x@gmx.de"): its last label may be a country's.
_ADDRESS_DOMAIN = re.compile(r"(?<=[\w.+-])@([\w-]+(?:\.[\w-]+)+)")


def domain_countries(analysis: Analysis) -> frozenset[str]:
    """Countries of the e-mail domains the draft shows: its sender, its copies, addresses the writer
    gives. Domains a country sells to everyone (.io, .me, .tv) say nothing (the phone pack's
    `generic_country_domains`)."""

    def find() -> frozenset[str]:
        import phonenumbers

        generic = {str(d).lower() for d in analysis.pack("phone").get("generic_country_domains", ())}
        parts = analysis.draft.parts
        shown = [parts[name].text for name in ("from", "reply-to", "cc", "bcc", "to") if name in parts]
        found = set()
        for text in (*shown, analysis.text_with_signature):
            for match in _ADDRESS_DOMAIN.finditer(text):
                tld = match.group(1).rsplit(".", 1)[1].lower()
                region = "GB" if tld == "uk" else tld.upper()
                if len(tld) == 2 and tld not in generic and region in phonenumbers.SUPPORTED_REGIONS:
                    found.add(region)
        return frozenset(found)

    return analysis.memo(domain_countries, find)


def _country_words(packs: Packs) -> tuple[Mapping[str, str], TermSet]:
    def build() -> tuple[Mapping[str, str], TermSet]:
        pack = packs.get("phone")
        tables = (pack.get("country_names", {}), pack.get("city_names", {}))
        names = {
            " ".join(ascii_lower(name).split()): str(region)
            for table in tables
            for region, spelled in table.items()
            for name in spelled
        }
        return names, TermSet(names)

    return packs.derived(("phone", "country names"), build)


def country_name(analysis: Analysis, region: str, *, bare: bool = False, language: str | None = None) -> str:
    """The country's name in the report's language (or `language`): "the United Kingdom", "United
    Kingdom" when `bare`; a country the draft is not searched for by name from the pack's
    `display_names` ("Slovakia", "斯洛伐克"); its region code when the pack has neither."""
    pack = analysis.pack("phone", language or analysis.message_language)
    names = pack.get("country_names", {}).get(region, ())
    name = str(names[0]) if names else str(pack.get("display_names", {}).get(region, region))
    return name.removeprefix("the ") if bare else name


# -- example numbers -----------------------------------------------------------------


@lru_cache(maxsize=64)
def example_number(region: str) -> str | None:
    """phonenumbers' example mobile number of `region` in international form (+44 7400 123456)."""
    import phonenumbers
    from phonenumbers import PhoneNumberFormat, PhoneNumberType

    example = phonenumbers.example_number_for_type(region, PhoneNumberType.MOBILE)
    example = example or phonenumbers.example_number(region)
    return phonenumbers.format_number(example, PhoneNumberFormat.INTERNATIONAL) if example else None


def region_of_code(code: int) -> str | None:
    """The main region of a calling code (44 -> GB), or None for a code no country has."""
    from phonenumbers import region_code_for_country_code

    region = str(region_code_for_country_code(code))
    return None if region in ("ZZ", "001") else region


def example_region(analysis: Analysis, hints: CountryHints) -> str | None:
    """The country an example number should be of, when the draft tells; else None.

    Not a country the draft names: a security mail names where a stranger logged in from.
    """
    if hints.configured:
        return hints.configured
    written = sorted(r for code in hints.written_codes if (r := region_of_code(code)))
    if len(written) == 1:
        return written[0]
    default = analysis.pack("phone").get("example_regions", {}).get(analysis.language)
    return str(default) if default else None


def full_number_example(analysis: Analysis, region: str | None) -> str:
    """How a full number is written, to follow "write the complete number": an example number of
    `region`, marked as an example, or the form in words when no country is known (an English
    writer may be anywhere: no country's example is the right one)."""
    number = example_number(region) if region else None
    if number is None or region is None:
        return analysis.say(en='as "+", the country code, then the number', zh="，格式为“+国家代码 号码”")
    return analysis.say(
        en=f"like {number} (an example number in {country_name(analysis, region)})",
        zh=f"，格式如 {number}（{country_name(analysis, region)}号码示例）",
    )


def written_country(raw: str) -> str | None:
    """The country of the calling code written after "+" or "00" ("+44 7700 ..." -> GB), if any.

    Calling codes are a prefix code (no code starts another), so the first digits that form
    one are the code, even in "+86138****8888".
    """
    digits = digits_of(raw.lstrip().replace("＋", "+").removeprefix("+").removeprefix("00"))
    for length in (1, 2, 3):
        if len(digits) > length and (region := region_of_code(int(digits[:length]))):
            return region
    return None


def number_list(analysis: Analysis, choices: Sequence[Reading], limit: int = 3) -> str:
    """'+44 20 7946 0142 (United Kingdom), +86 20 7946 0142 (China) or +91 … (India)'."""
    shown = [
        analysis.say(
            en=f"{r.international} ({country_name(analysis, r.region, bare=True)})",
            zh=f"{r.international}（{country_name(analysis, r.region)}）",
        )
        for r in choices[:limit]
    ]
    if len(choices) > limit:
        shown.append(analysis.say(en="another country's code", zh="其他国家的代码"))
    if len(shown) == 1:
        return shown[0]
    last = shown[-1]
    return (
        analysis.say(en=", ", zh="、").join(shown[:-1])
        + analysis.say(en=" or ", zh="或 " if last[0] == "+" else "或")
        + last
    )


# -- why a number written in full is not valid ------------------------------------------


def why_invalid(raw: str, hints: CountryHints) -> str | None:
    """Why `raw`, written with its country code, is no valid number, as far as its writing shows:

    - "length": no number of that country is that long ("+1 555 0100", "+234 1 631 0045");
    - "digit": outside any range in use, a digit more or fewer makes a valid number ("+86 139 1234 567");
    - "code": its digits are a valid number of a country the draft points to, not of the one written
      ("+7 139 1234 5678" in a draft from China);
    - "fiction": a range a regulator keeps for fiction ("+44 7700 900461"), which no one has;
    - "range": no valid number as long begins with its first digits ("+86 123 4567").

    None: a number of a length its country's plan allows, in a range in use (its first three digits or
    more begin valid numbers as long), whose own block phonenumbers does not list. Plans hand out new
    blocks every year (phonenumbers follows them release by release), so such a number is as likely a
    real one as a mistyped one: nothing in its writing shows which.
    """
    import phonenumbers

    parsed = _complete_international(raw)
    if parsed is None:
        return "length"
    if _in_fiction(parsed, hints.fiction):
        return "fiction"
    code = int(parsed.country_code or 0)
    national = phonenumbers.national_significant_number(parsed)
    if _in_a_range_in_use(code, national):
        return None
    nearby = [national[:-1], *(national[:i] + national[i + 1 :] for i in range(len(national) - 1))]
    nearby += [national + d for d in "0123456789"]
    if any(digits and _valid_in_code(code, digits) for digits in dict.fromkeys(nearby)):
        return "digit"
    for other in _pointed_regions(hints):
        if _code_of(other) != code and read_in(national, other) is not None:
            return "code"
    return "range"


def in_fiction_range(raw: str, fiction: Sequence[tuple[str, str, bool]]) -> bool:
    """Whether `raw`, written with its country code, is in its country's national form in one of the ranges
    kept for fiction (`CountryHints.fiction`, the phone pack's `fiction_ranges`: "+44 7700 900123" is
    "07700 900123"). Only a complete number: "+1 555 0100" lacks its area code."""
    parsed = _complete_international(raw)
    return parsed is not None and _in_fiction(parsed, fiction)


def _complete_international(raw: str) -> PhoneNumber | None:
    """`raw` ("+" or "00", the country code, the number; its extension aside) parsed, when its length is one
    its country's plan allows; else None."""
    import phonenumbers

    written = number_part(raw).strip().replace("＋", "+")
    written = "+" + written[2:] if written.startswith("00") else written
    try:
        parsed = phonenumbers.parse(written, None)
    except phonenumbers.NumberParseException:
        return None
    if phonenumbers.is_possible_number_with_reason(parsed) != phonenumbers.ValidationResult.IS_POSSIBLE:
        return None
    return parsed


def _in_fiction(parsed: PhoneNumber, fiction: Sequence[tuple[str, str, bool]]) -> bool:
    import phonenumbers

    region = region_of_code(int(parsed.country_code or 0))
    national = _form(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL))
    return any(r == region and compiled(pattern).fullmatch(national) for r, pattern, _ in fiction)


def _in_a_range_in_use(code: int, national: str) -> bool:
    """Whether valid numbers as long as `national` begin with its first three digits or more: the area
    code or mobile prefix it is written in is in use, only its own block is not listed ("+44 7911 482630":
    07911 0xxxxx is). A number's first three digits name its range in nearly every plan."""
    for kept in range(len(national) - 1, 2, -1):
        head, rest = national[:kept], len(national) - kept
        if any(_valid_in_code(code, head + fill * rest) for fill in "0123456789"):
            return True
    return False


def _valid_in_code(code: int, national: str) -> bool:
    import phonenumbers

    try:
        return bool(phonenumbers.is_valid_number(phonenumbers.parse(f"+{code}{national}", None)))
    except phonenumbers.NumberParseException:
        return False
