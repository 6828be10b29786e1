"""Personal data in a draft: national ID numbers, bank cards, passport numbers, home addresses.

Each is recognised the way a careful reader would: checksums where the number has one
(GB 11643 for China's resident ID, Luhn for cards, the SSA's rules for a US social security
number), a keyword where it has none (a passport number, an old 15-digit ID), and for
addresses the shape of a home (road, house number, flat) rather than an office. A number
may follow a Chinese character straight away ("身份证号是510723…", "护照号码E12345678"):
Chinese bounds a value as a space does (`tglint.text.scripts`). A number that is a secret's
value (`tglint.recognizers.secrets`) or a reference ("订单号 6222…") is none of these.

Every span is `sensitive`. Kinds: "national-id", "bank-card", "passport", "home-address";
evidence names the checksum, the label or the shape that decided it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from functools import cache, lru_cache
from typing import TYPE_CHECKING, NamedTuple, cast

from tglint.lexicon import PARTS_PASS, Lexicon, TermSet, TermSets
from tglint.packs import strings
from tglint.patterns import compiled
from tglint.recognizers import Span
from tglint.recognizers.secrets import writer_secrets
from tglint.spans import SpanSet
from tglint.text.scripts import VALUE_END, VALUE_START, window_start

if TYPE_CHECKING:
    from tglint.analysis import Analysis
    from tglint.packs import Packs

# A number may touch Chinese ("身份证号是510723…"), never a letter, a digit, a mask or a dash.
# Written run together, or in its three parts (region, birth date, sequence and check) joined by
# spaces or by dashes, the same between each.
_RESIDENT_ID = (
    rf"{VALUE_START}(?<![_*＊-])(?P<id>\d{{6}}(?P<sep>[ -]?)\d{{8}}(?P=sep)\d{{3}}[\dXx]){VALUE_END}(?![_*＊-])"
)
_OLD_RESIDENT_ID = rf"{VALUE_START}(?<![_*＊-])(?P<id>\d{{15}}){VALUE_END}(?![_*＊-])"
# 3-2-4 with dashes or spaces, or run together (only beside an SSN word: nine digits are anything).
_SSN = rf"{VALUE_START}(?<![_-])(?P<id>\d{{3}}(?P<sep>[ -]?)\d{{2}}(?P=sep)\d{{4}}){VALUE_END}(?![_-])"
_CARD = rf"{VALUE_START}(?<![_*＊+.-])(?P<card>\d(?:[ -]?\d){{11,18}}){VALUE_END}(?![_*＊-])"
# Every match of the four patterns above lies in a run of at least 9 digits joined by single
# spaces or dashes (a resident ID's final X just after it): they are searched in those runs only.
_LONG_NUMBER = r"\d(?:[ -]?\d){8,}"
# Every CPF lies in a run of 11 digits or more joined by single dots, spaces or dashes.
_CPF_RUN = r"\d(?:[ .-]?\d){10,}"
# India's Aadhaar (12 digits, Verhoeff) and Brazil's CPF (11 digits, two check digits, "123.456.789-09"):
# checksums that a random number passes one time in ten or a hundred, so only beside an ID word.
# Each is written run together or in its groups (Aadhaar 4-4-4, CPF 3.3.3-2), spaces or dashes between them.
_AADHAAR = rf"{VALUE_START}(?<![_*＊-])(?P<id>[2-9]\d{{3}}(?P<sep>[ -]?)\d{{4}}(?P=sep)\d{{4}}){VALUE_END}(?![_*＊-])"
_CPF = (
    rf"{VALUE_START}(?<![_*＊.-])"
    r"(?P<id>\d{3}\.\d{3}\.\d{3}-\d{2}|\d{3}(?P<sep>[ -]?)\d{3}(?P=sep)\d{3}[ -]?\d{2})"
    rf"{VALUE_END}(?![_*＊-]|\.\d)"
)
# The UK's National Insurance number (QQ 12 34 56 C): two letters, three pairs of digits, a letter A-D.
# It has no check digit: only right after a word that names it.
_NINO = rf"{VALUE_START}(?P<id>[A-Z]{{2}} ?\d{{2}} ?\d{{2}} ?\d{{2}} ?[A-D]){VALUE_END}"
# What may stand between the word naming an ID's scheme and its number ("Aadhaar number: ", "SSN is ",
# "身份证号码是", "CPF nº "): a number right after its scheme's name is that ID, even with a check digit
# the writer got wrong.
# IDs of the countries many Telegram users write from, each with its check (python-stdnum) or, where it has
# none, only after its own name: India's PAN (letters and digits), Pakistan's CNIC (5-7-1), Indonesia's NIK
# (16 digits holding a region and a birth date), Turkey's T.C. kimlik (11 digits), Nigeria's NIN (11 digits).
_PAN = rf"{VALUE_START}(?P<id>[A-Za-z]{{5}}\d{{4}}[A-Za-z]){VALUE_END}"
# What every PAN and every National Insurance number holds, quick to look for (a digit first, which `re`
# skips ahead to): a text without it is not searched for them.
_PAN_HINT = r"\d\d{3}[A-Za-z]"
_NINO_HINT = r"\d\d ?\d\d ?\d\d ?[A-D]"
_CNIC = rf"{VALUE_START}(?<![_*＊-])(?P<id>\d{{5}}(?P<sep>-?)\d{{7}}(?P=sep)\d){VALUE_END}(?![_*＊-])"
_NIK = rf"{VALUE_START}(?<![_*＊-])(?P<id>\d{{16}}){VALUE_END}(?![_*＊-])"
_ELEVEN_DIGITS = rf"{VALUE_START}(?<![_*＊-])(?P<id>[1-9]\d{{10}}){VALUE_END}(?![_*＊-])"
# The scheme's name may stand in brackets after the word for an ID ("my Turkish ID (TC Kimlik) is …", "(TCKN):").
_SCHEME_LABEL_GAP = (
    r"(?i)[)）]?\s*(?:(?:card\s+)?(?:number|no\.?|nº|n°|num\.?|#)|号码|号)?\s*[:：]?\s*"
    r"(?:[)）]\s*)?"
    r"(?:(?:is|was|是|为)(?![A-Za-z])\s*[:：]?\s*)?$"
)
_CARD_GROUPS = r"^\d{4}(?:([ -])\d{4}){2}\1\d{4}(?:\1?\d{1,3})?$|^\d{6}([ -])\d{12,13}$|^\d{16,19}$"
# Cards of 12 to 15 digits (American Express and JCB 15 as 4-6-5, Diners 14 as 4-6-4, Visa 13 and
# Maestro 12-15 in fours): one Luhn-valid number in ten is one by chance, so only beside a card word.
_SHORT_CARD_GROUPS = r"^\d{4}([ -])\d{6}\1\d{4,5}$|^\d{4}([ -])\d{4}\2\d{4}(?:\2\d{1,3})?$|^\d{12,15}$"
# Passport numbers as countries write them: letters then digits (China's E12345678, India's A1234567),
# nine digits (the US), Russia's internal passport in its groups (45 12 345678, 4512 345678), letters and digits
# mixed (at least two digits), or Germany's serial: nine characters of its alphabet without vowels and look-alikes
# (C F G H J K L M N P R T V W X Y Z and digits), a letter first, digits or not (C01X00T47, FKMLKZKPP). No word
# of any language is nine capitals without a vowel.
_GERMAN_SERIAL = "CFGHJKLMNPRTVWXYZ0-9"
_PASSPORT = (
    rf"{VALUE_START}(?<![_*])(?P<number>\d{{2}} ?\d{{2}} \d{{6}}|\d{{10}}|[A-Z]{{1,2}} ?\d{{6,9}}|\d{{9}}"
    rf"|(?=[A-Z]*\d[A-Z]*\d)[A-Z\d]{{8,9}}|[CFGHJK][{_GERMAN_SERIAL}]{{8}}){VALUE_END}(?![_*])"
)

_ADDRESS_LABEL = r"\s*(?:[\w\u4e00-\u9fff]{0,6}(?:地址|住址|Address|address)\s*(?:[:：]\s*)?)?"
_S = "[ \u3000]?"  # Chinese addresses are written with or without spaces around numbers
# Every match has its street word's last character, then a number, within its first 53 characters (a province
# of 7 + 5, three divisions of 7 + 2, a street name of 12, a street word of 2): looked for first, it leaves a
# position of a long run of "市" at once, instead of trying every way to read divisions out of the run.
_ZH_ADDRESS = (
    r"(?=[\u4e00-\u9fff\dA-Za-z]{1,52}?[路街道巷弄同里][ \u3000]?\d)"
    r"(?:[\u4e00-\u9fff]{2,7}(?:省|自治区|特别行政区))?"
    r"(?:[\u4e00-\u9fff]{1,7}(?:市|区|县|旗|镇|乡|街道)){0,3}"
    rf"[\u4e00-\u9fff\dA-Za-z]{{1,12}}(?:路|街|大街|大道|道|巷|弄|胡同|里){_S}"
    # A lane off the road before the house ("七莘路 3588 弄 12 号", Shanghai's 弄, 支弄 and 巷 elsewhere).
    rf"\d{{1,5}}(?:-\d{{1,5}})?{_S}(?:(?:支弄|弄|巷){_S}\d{{1,5}}(?:-\d{{1,5}})?{_S})?号"
    rf"(?P<rest>(?:{_S}[\u4e00-\u9fffA-Za-z]{{0,8}}{_S}\d{{1,5}}{_S}(?:号楼|号院|栋|幢|座|单元|层|楼|室|户|号|号房))*)"
)
_ZH_ESTATE = (
    r"[\u4e00-\u9fff]{2,10}(?:小区|公寓|家园|花园|新村|苑|府)"
    rf"{_S}\d{{1,3}}{_S}(?:号楼|栋|幢|座)(?:{_S}\d{{1,2}}{_S}单元)?{_S}\d{{2,5}}{_S}(?:室|号|房)?"
)
# What may stand before a Chinese address inside the same run of characters ("我家住在").
_ZH_ADDRESS_LEAD = r"^.*(?:住在|住址|地址|家住|位于|寄到|寄往|在|是|为)"
_ZH_DIVISION = r"省|自治区|特别行政区|市|区|县|旗"
# An English address: a house number (or a flat: "Flat 17, Janet Meadows"), the street's name in
# capitals or an ordinal ("West 12th Avenue") and its suffix (`street_suffixes` of the pii pack),
# then a flat, a town, a state code and a ZIP code or a UK postcode. "{streets}" is where the
# suffixes go.
_EN_ADDRESS_SHAPE = (
    rf"{VALUE_START}(?<![_-])(?:\d{{1,6}}[A-Za-z]?|(?:Flat|Apartment|Studio|Unit)\s+\d{{1,4}}[A-Za-z]?,?)"
    # A compass point may stand abbreviated before the name ("1420 W 12th Ave", "55 N. Main St").
    r"\s+(?:(?:[A-Z][A-Za-z'-]+|\d{1,3}(?:st|nd|rd|th)|[NSEW])\.?\s+){1,4}"
    r"(?:{streets})(?![A-Za-z0-9_])\.?"
    r"(?P<rest>(?:,?\s*(?:Apt|Apartment|Unit|Flat|Suite|Ste|Floor|Fl|#)\.?\s*#?[\w-]{1,6})?"
    r"(?:,\s*[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+)?)?"
    # A US state and ZIP, a UK postcode, a Canadian province and postal code ("BC V6H 1M8").
    r"(?:,?\s*[A-Z]{2}\s+\d{5}(?:-\d{4})?|,?\s*[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}"
    r"|,?\s*[A-Z]{2}\s+[A-Z]\d[A-Z]\s?\d[A-Z]\d)?)"
)

# European national IDs, each right after a word that names it (the pii pack's `<key>`): the shapes their
# documents print, spaced or not. python-stdnum checks those with a check digit; a number its writer labels is
# theirs even with a wrong one. Italy's codice fiscale (16 characters, letters for the name and the birth
# month), Spain's DNI and NIE (8 digits and a letter, X/Y/Z and 7 digits and a letter), France's NIR (15
# digits, Corsica's department 2A/2B), Germany's tax IdNr and Poland's PESEL (11 digits), the Netherlands'
# BSN (9 digits), and the number of an identity card of any country (letters and at least four digits).
_EU_ID_END = rf"{VALUE_END}(?![_*＊-])"
_EU_IDS = (
    ("IT codice fiscale", r"[A-Z]{6}\d{2}[A-EHLMPR-T]\d{2}[A-Z][\dA-Z]{3}[A-Z]", "codicefiscale_keywords"),
    ("ES DNI/NIE", r"(?:\d{8}|[XYZ][ -]?\d{7})[ -]?[A-Z]", "dni_keywords"),
    ("FR NIR", r"[12] ?\d{2} ?\d{2} ?(?:\d{2}|2[AB]) ?\d{3} ?\d{3}(?: ?\d{2})?", "nir_keywords"),
    ("DE IdNr", r"\d{2} ?\d{3} ?\d{3} ?\d{3}", "idnr_keywords"),
    ("PL PESEL", r"\d{11}", "pesel_keywords"),
    ("NL BSN", r"\d{4}\.?\d{2}\.?\d{3}|\d{3} ?\d{3} ?\d{3}", "bsn_keywords"),
    ("ID card", r"(?=[A-Z]{0,3}\d)(?=(?:[A-Z]*\d){4})[A-Z\d]{6,12}", "id_card_keywords"),
)
# What may stand between a European ID's name and its number, in the languages it is written in.
_EU_ID_GAP = (
    r"(?i)[ \t]*(?:\([A-Z]{2,4}\)[ \t]*)?"
    r"(?:(?:number|no\.?|nº|n°|n\.|num\.?|#|numero|número|numéro|nummer|nr\.?|号码|号)[ \t]*)?"
    r"[:：]?[ \t]*(?:(?:(?:is|was|è|es|est|ist|to)(?![A-Za-z])|是|为)[ \t]*[:：]?[ \t]*)?"
)

# A European address line: a street and its house number, then a postcode and a town ("Via dei Serpenti 42,
# 00184 Roma", "Calle Mayor, 10, 28013 Madrid", "12 rue de la Paix, 75002 Paris", "Hauptstraße 5, 10115
# Berlin", "ul. Marszałkowska 10/4, 00-590 Warszawa", "Kerkstraat 12, 1017 GB Amsterdam"). The street is
# capitalised words (with short particles: "dei", "de la", "van der") or starts with a kind written in lower
# case ("via", "ul."), before its number; in French the number comes first, then the kind ("rue"). A flat may
# follow the number ("Apt. 80", "int. 5"). The postcode is Italy's, Spain's, France's and Germany's five
# digits, Poland's 2-3 or the Netherlands' four digits and two letters, then a capitalised town.
_EU_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽŁŚŻŹĆ"
_EU_REST = r"[\w'’.-]*"
_EU_WORD = rf"[{_EU_UPPER}]{_EU_REST}"
# Short words inside a street's name, and the elided ones written against the next word ("Via dell'Orso").
_EU_PARTICLE = (
    r"(?:d[ie]|del|dei|della|delle|degli|dello|da|la|le|los|las|du|des|van|der|den|het|von|am|an|im|zum|zur|y|e|i)"
    r"(?![\w'’])\s+|(?:d|dell|l|all|nell|sull)['’]"
)
_EU_TOWN = rf"[{_EU_UPPER}][\w'’-]*"
_EU_NUMBER = r"\d{1,4}[A-Za-z]?(?:[/-]\d{1,4}[A-Za-z]?)?"
_EU_FLAT = (
    r"(?:,?\s+(?i:apt\.?|app\.?|appartamento|piano|scala|int\.?|interno|piso|puerta|esc\.|escalera|étage|bât\.?"
    r"|bâtiment|m\.|lok\.?|wohnung|bus|kv\.?|kvartira)\s*[\w/-]{1,5}º?"
    # A Spanish floor and door after the number: "45, 3º B".
    r"|,?\s+\d{1,2}\s?[º°ª](?:\s?[A-Z](?![\w]))?)?"
)
_EU_ADDRESS = (
    rf"{VALUE_START}(?:"
    r"(?:(?i:via|viale|piazza|corso|largo|calle|avenida|avda\.|rua|carrer|ul\.|ulica|al\.|aleja|os\.|pl\.|plac"
    # Ukrainian, Russian and Belarusian street kinds, transliterated ("vul. Saksahanskoho 121").
    r"|vul\.|vulytsia|vulytsya|ulitsa|prosp\.|prospekt|bulvar|bul\.|pereulok|per\.|shosse|naberezhnaya|ploshcha)\s+"
    rf"|(?={_EU_WORD}))(?:{_EU_WORD}\s+|{_EU_PARTICLE}){{0,4}}?{_EU_WORD},?\s+{_EU_NUMBER}{_EU_FLAT}"
    rf"|\d{{1,4}}(?:\s?(?:bis|ter))?,?\s+"
    r"(?i:rue|avenue|boulevard|bd|place|chemin|impasse|allée|quai|cours|route|square|passage|voie|rond-point)"
    rf"\s+(?:{_EU_WORD}\s+|{_EU_PARTICLE}){{0,4}}?{_EU_WORD}"
    rf"),?\s+(?:(?:[A-Z]{{1,2}}-)?(?:\d{{5}}|\d{{2}}-\d{{3}}|\d{{4}}\s?[A-Z]{{2}})"
    rf"\s+{_EU_TOWN}(?:[ -]{_EU_TOWN}){{0,2}}"
    # The town first, then the postcode, as Ukraine (five digits) and Russia (six) write it: "Kyiv 01032".
    rf"|{_EU_TOWN},?\s+\d{{5,6}}(?!\d))"
)
# A postcode and a town, or a town and a postcode: looked for first. Every branch begins with the same digit (what
# stands before a town's postcode is checked after it), so that a search jumps from one digit to the next; a
# branch beginning with a look-behind would be tried at every character.
_EU_ADDRESS_HINT = (
    rf"\d(?:(?:\d{{4}}|\d-\d{{3}}|\d{{3}} ?[A-Z]{{2}})\s+[{_EU_UPPER}]|(?<=[a-z] \d)\d{{4}}|(?<=[a-z], \d)\d{{4}})"
)

# How far a keyword may stand before the number it names, and after it ("my Social Security number
# is 774-23-2234": the keyword's start is 26 characters back).
_KEYWORD_BEFORE = 40
_KEYWORD_AFTER = 10
# How far after a passport word its number may start.
_PASSPORT_REACH = 24
_ADDRESS_CONTEXT = 30
_LABEL_WINDOW = 16


class _Found(NamedTuple):
    kind: str  # "national-id", "bank-card", "passport", "home-address"
    start: int
    end: int
    evidence: tuple[str, ...]
    confidence: float
    scheme: str = ""  # of a national ID: "CN resident ID", "US SSN"...


class PersonalData:
    """The personal data recognizer: IDs, cards and passports in the writer's own words, and home
    addresses there or in their signature, each once."""

    name = "personal"

    def recognize(self, analysis: Analysis) -> Iterator[Span]:
        for found in _personal_data(analysis):
            facts = {"scheme": found.scheme} if found.scheme else {}
            yield Span(found.kind, "body", found.start, found.end, found.confidence, found.evidence, facts, True)
        # The writer's own earlier mail, quoted in a reply, is sent again with it: an ID, a card or a passport
        # number there is sent again too (a home address there is for whoever reads the thread).
        if analysis.own_quoted_text.strip():
            for found in _personal_data(cast("Analysis", _OwnQuoted(analysis))):
                if found.kind in _SENT_AGAIN:
                    quoted: dict[str, object] = {"quoted": True, **({"scheme": found.scheme} if found.scheme else {})}
                    yield Span(
                        found.kind, "body", found.start, found.end, found.confidence, found.evidence, quoted, True
                    )


_SENT_AGAIN = frozenset({"national-id", "bank-card", "passport"})


class _OwnQuoted:
    """A draft's analysis as the personal data finders read it, with the writer's own quoted earlier mail as the
    writer's text (offsets are the body's): everything else is asked of the draft's analysis, but what the
    finders work out once per text is worked out again for this one."""

    def __init__(self, analysis: Analysis) -> None:
        self._analysis = analysis
        self.body_text = self.text_with_signature = analysis.own_quoted_text
        self._memo: dict[object, object] = {}

    def memo(self, key: object, compute: Callable[[], object]) -> object:
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def __getattr__(self, name: str) -> object:
        return getattr(self._analysis, name)


PERSONAL = PersonalData()


def _line_context(text: str, start: int, end: int, before: int, after: int) -> tuple[str, str]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    head = window_start(text, max(line_start, start - before), start)
    return text[head:start], text[end : min(line_end, end + after)]


def _keyword_near(analysis: Analysis, key: str, start: int, end: int) -> str | None:
    """The word of `key` ("身份证号", "card") on the number's line just before or after it, if any."""
    before, after = _line_context(analysis.body_text, start, end, _KEYWORD_BEFORE, _KEYWORD_AFTER)
    words = analysis.lexicon("pii", key)
    found = words.search(before) or words.search(after)
    return found.term if found is not None else None


def _labelled_otherwise(analysis: Analysis, start: int, key: str = "not_pii_context") -> bool:
    """ "订单号 6222...", "transaction 4111...": an order or a reference, not a card or an ID."""
    before, _ = _line_context(analysis.body_text, start, start, _LABEL_WINDOW, 0)
    return analysis.lexicon("pii", key).search(before) is not None


def _inside_secret(analysis: Analysis, start: int, end: int) -> bool:
    secrets = analysis.memo(_inside_secret, lambda: SpanSet((s.start, s.end) for s in writer_secrets(analysis)))
    return secrets.overlaps(start, end)


def _plausible_birth_date(digits: str) -> bool:
    """The birth date inside a resident ID: YYYYMMDD (18 digits) or YYMMDD (15 digits)."""
    try:
        if len(digits) == 18:
            born = date(int(digits[6:10]), int(digits[10:12]), int(digits[12:14]))
        else:
            born = date(1900 + int(digits[6:8]), int(digits[8:10]), int(digits[10:12]))
    except ValueError:
        return False
    return date(1900, 1, 1) <= born <= date.today()


def is_resident_id(number: str) -> bool:
    """China's 18-digit resident ID: a real birth date and the GB 11643 check character.

    stdnum's `ric.is_valid` also looks the region code up in a table that takes a
    quarter of a second to load; the date and the check character are what tell an ID
    from another 18-digit number.
    """
    from stdnum.cn import ric  # see `_passes_luhn`
    from stdnum.exceptions import ValidationError

    compact = ric.compact(number)
    if len(compact) != 18 or not compact[:17].isdigit():
        return False
    try:
        ric.get_birth_date(compact)
    except ValidationError:
        return False
    return ric.calc_check_digit(compact) == compact[-1] and _plausible_birth_date(compact)


def _in_long_numbers(analysis: Analysis, pattern: re.Pattern[str], runs: str = _LONG_NUMBER) -> Iterator[re.Match[str]]:
    """`pattern.finditer(analysis.body_text)` for a number pattern whose every match lies in a match of
    `runs`, searched in those only (and two characters past each: a final X, and what follows it)."""
    text = analysis.body_text
    spans = analysis.memo((_in_long_numbers, runs), lambda: [run.span() for run in compiled(runs).finditer(text)])
    for start, end in spans:
        yield from pattern.finditer(text, start, end + 2)


def _is_valid_ssn(number: str) -> bool:
    from stdnum.us import ssn  # see `_passes_luhn`

    return bool(ssn.is_valid(number.replace(" ", "")))


def _is_valid_aadhaar(number: str) -> bool:
    from stdnum.in_ import aadhaar  # see `_passes_luhn`

    return bool(aadhaar.is_valid(number))


def _is_valid_cpf(number: str) -> bool:
    from stdnum.br import cpf  # see `_passes_luhn`

    return bool(cpf.is_valid(number))


def _is_valid_pan(number: str) -> bool:
    from stdnum.in_ import pan  # see `_passes_luhn`

    return bool(pan.is_valid(number.upper()))


def _is_valid_cnic(number: str) -> bool:
    from stdnum.pk import cnic  # see `_passes_luhn`

    return bool(cnic.is_valid(number))


def _is_valid_nik(number: str) -> bool:
    from stdnum.id import nik  # see `_passes_luhn`

    return bool(nik.is_valid(number))


def _is_valid_tckimlik(number: str) -> bool:
    from stdnum.tr import tckimlik  # see `_passes_luhn`

    return bool(tckimlik.is_valid(number))


def _no_check(number: str) -> bool:
    """A scheme without a check digit: only its own name makes a number of its shape one."""
    return False


def _passes_luhn(digits: str) -> bool:
    # stdnum takes 15 ms to import: it is imported by the first draft with a number of the shape.
    from stdnum import luhn

    return bool(luhn.is_valid(digits))


class _Scheme(NamedTuple):
    """A national ID: its shape, its check (`_no_check` where it has none: only its name makes one), and the
    pack key of the words that name it."""

    name: str
    pattern: str
    valid: Callable[[str], bool]
    names: str
    # Where its numbers are looked for: every match lies in a match of `runs` (`_in_long_numbers`), or
    # the whole text is searched when it holds `hint`, or anyway when neither is given.
    runs: str = ""
    hint: str = ""
    # Run together, the number is too common a shape for its check to tell it from an account ID: only
    # the scheme's own name makes it one ("SSN 536228726", not "ID号码 166495401").
    bare_needs_name: bool = False


_SCHEMES = (
    _Scheme("IN Aadhaar", _AADHAAR, _is_valid_aadhaar, "aadhaar_keywords", _LONG_NUMBER),
    _Scheme("BR CPF", _CPF, _is_valid_cpf, "cpf_keywords", _CPF_RUN),
    _Scheme("US SSN", _SSN, _is_valid_ssn, "ssn_keywords", _LONG_NUMBER, bare_needs_name=True),
    _Scheme("IN PAN", _PAN, _is_valid_pan, "pan_keywords", hint=_PAN_HINT),
    _Scheme("PK CNIC", _CNIC, _is_valid_cnic, "cnic_keywords", _LONG_NUMBER, bare_needs_name=True),
    _Scheme("ID NIK", _NIK, _is_valid_nik, "nik_keywords", _LONG_NUMBER, bare_needs_name=True),
    _Scheme(
        "TR T.C. kimlik", _ELEVEN_DIGITS, _is_valid_tckimlik, "tckimlik_keywords", _LONG_NUMBER, bare_needs_name=True
    ),
    _Scheme("NG NIN", _ELEVEN_DIGITS, _no_check, "nin_keywords", _LONG_NUMBER, bare_needs_name=True),
    _Scheme("GB NINO", _NINO, _no_check, "nino_keywords", hint=_NINO_HINT),
)


def _named_right_before(analysis: Analysis, key: str, start: int) -> str | None:
    """The word of `key` that labels the number at `start`: the last one before it on its line, with
    nothing but "number", a colon or "is" between ("my Aadhaar number: 4821…", "身份证号是1101…")."""
    before, _ = _line_context(analysis.body_text, start, start, _KEYWORD_BEFORE, 0)
    last = None
    for found in analysis.lexicon("pii", key).finditer(before):
        last = found
    if last is None or compiled(_SCHEME_LABEL_GAP).match(before, last.end) is None:
        return None
    return last.term


def _national_ids(analysis: Analysis) -> Iterator[_Found]:
    for match in _in_long_numbers(analysis, compiled(_RESIDENT_ID)):
        digits = re.sub(r"[ -]", "", match.group("id")).upper()
        if _labelled_otherwise(analysis, match.start()):
            continue
        # The check digit (GB 11643) tells an ID from any other 18-digit number; a number its writer
        # calls their resident ID is one even when they got that digit wrong.
        if is_resident_id(digits):
            label = _keyword_near(analysis, "id_keywords", match.start(), match.end())
            evidence = ("checksum:GB 11643-1999", *_labelled(label))
            confidence = _CONFIDENCE["checksum and label" if label else "checksum"]
            yield _Found("national-id", match.start(), match.end(), evidence, confidence, "CN resident ID")
        elif _plausible_birth_date(digits) and (
            named := _named_right_before(analysis, "resident_id_keywords", match.start())
        ):
            evidence = (f"label:{named}", "shape:CN resident ID")
            yield _Found("national-id", match.start(), match.end(), evidence, _CONFIDENCE["label"], "CN resident ID")
    for match in _in_long_numbers(analysis, compiled(_OLD_RESIDENT_ID)):
        if not _plausible_birth_date(match.group()):
            continue
        if label := _keyword_near(analysis, "id_keywords", match.start(), match.end()):
            evidence = (f"label:{label}", "shape:birth-date")
            confidence = _CONFIDENCE["label"]
            yield _Found("national-id", match.start(), match.end(), evidence, confidence, "CN resident ID (15)")
    for scheme in _SCHEMES:
        yield from _scheme_ids(analysis, scheme)
    yield from _eu_ids(analysis)


def _scheme_ids(analysis: Analysis, scheme: _Scheme) -> Iterator[_Found]:
    pattern, text = compiled(scheme.pattern), analysis.body_text
    if scheme.runs:
        matches = _in_long_numbers(analysis, pattern, scheme.runs)
    elif not scheme.hint or compiled(scheme.hint).search(text):
        matches = pattern.finditer(text)
    else:
        return
    for match in matches:
        yield from _scheme_id(analysis, scheme, match)


def _eu_ids(analysis: Analysis) -> Iterator[_Found]:
    """European national IDs right after a word naming their scheme, checked by python-stdnum where they
    have a check digit."""
    text = analysis.body_text
    labels = _eu_id_names(analysis).find(text)
    for name, shape, key in _EU_IDS:
        for _, label_end, term in labels[key]:
            gap = compiled(_EU_ID_GAP).match(text, label_end)
            at = gap.end() if gap is not None else label_end
            match = compiled(rf"{VALUE_START}(?P<id>{shape}){_EU_ID_END}").match(text, at)
            if match is None or _labelled_otherwise(analysis, match.start()):
                continue
            if _eu_id_valid(name, match.group("id")):
                evidence: tuple[str, ...] = (f"checksum:{name}", f"label:{term}")
                confidence = _CONFIDENCE["checksum and label"]
            else:
                evidence, confidence = (f"label:{term}", f"shape:{name}"), _CONFIDENCE["label"]
            yield _Found("national-id", match.start(), match.end(), evidence, confidence, name)


def _eu_id_names(analysis: Analysis) -> TermSets:
    """The words naming each European ID (the pii pack's lists), found in one pass over a text: each list's
    matches are those `analysis.lexicon("pii", key)` finds."""

    def build() -> TermSets:
        return TermSets({key: TermSet(analysis.lexicon("pii", key).weights) for _, _, key in _EU_IDS})

    return analysis.packs.derived(("pii", "european id names"), build)


def _eu_id_valid(scheme: str, number: str) -> bool:
    """Whether python-stdnum finds the check digit of a European ID right (imported on first use, see
    `_passes_luhn`); an identity card's number has none that is checked here."""
    return any(bool(check(number)) for check in _eu_checks().get(scheme, ()))


@cache
def _eu_checks() -> dict[str, tuple[Callable[[str], bool], ...]]:
    from stdnum.de import idnr
    from stdnum.es import dni, nie
    from stdnum.fr import nir
    from stdnum.it import codicefiscale
    from stdnum.nl import bsn
    from stdnum.pl import pesel

    return {
        "IT codice fiscale": (codicefiscale.is_valid,),
        "ES DNI/NIE": (dni.is_valid, nie.is_valid),
        "FR NIR": (nir.is_valid,),
        "DE IdNr": (idnr.is_valid,),
        "PL PESEL": (pesel.is_valid,),
        "NL BSN": (bsn.is_valid,),
    }


def _scheme_id(analysis: Analysis, scheme: _Scheme, match: re.Match[str]) -> Iterator[_Found]:
    """A number of `scheme`'s shape that is an ID: its check digit is right and an ID word stands near
    it, or the scheme's own name labels it (a writer's wrong check digit does not make it less theirs)."""
    start, end = match.start(), match.end()
    if _labelled_otherwise(analysis, start):
        return
    bare = match.group("id").isdigit()
    checked = not (bare and scheme.bare_needs_name) and scheme.valid(match.group("id"))
    if checked and (label := _keyword_near(analysis, "id_keywords", start, end)):
        evidence = (f"checksum:{scheme.name}", f"label:{label}")
        yield _Found("national-id", start, end, evidence, _CONFIDENCE["checksum and label"], scheme.name)
        return
    if named := _named_right_before(analysis, scheme.names, start):
        evidence = (f"label:{named}", f"shape:{scheme.name}")
        yield _Found("national-id", start, end, evidence, _CONFIDENCE["label"], scheme.name)


def _labelled(label: str | None) -> tuple[str, ...]:
    return (f"label:{label}",) if label else ()


# How sure a span is personal data: a checksum and a word naming it, one of them, a home's shape.
_CONFIDENCE = {"checksum and label": 0.95, "checksum": 0.85, "label": 0.75, "address": 0.7}


@lru_cache(maxsize=8)
def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in patterns)


def _bank_cards(analysis: Analysis, taken: SpanSet) -> Iterator[_Found]:
    """Bank card numbers, none overlapping `taken` (which the caller adds each card to)."""
    prefixes = _compiled(tuple(strings(analysis.pack("pii"), "card_prefixes", source="pii")))
    for match in _in_long_numbers(analysis, compiled(_CARD)):
        raw = match.group("card")
        digits = re.sub(r"\D", "", raw)
        short = len(digits) < 16
        if not compiled(_SHORT_CARD_GROUPS if short else _CARD_GROUPS).match(raw) or not _passes_luhn(digits):
            continue
        start, end = match.start(), match.end()
        if taken.overlaps(start, end) or _inside_secret(analysis, start, end):
            continue
        if _labelled_otherwise(analysis, start) or _labelled_otherwise(analysis, start, "not_card_context"):
            continue
        label = _keyword_near(analysis, "card_keywords", start, end)
        prefix = None if short else next((p.pattern for p in prefixes if p.match(digits)), None)
        if label:
            evidence = ("checksum:Luhn", f"label:{label}")
            yield _Found("bank-card", start, end, evidence, _CONFIDENCE["checksum and label"])
        elif prefix:
            yield _Found("bank-card", start, end, ("checksum:Luhn", f"prefix:{prefix}"), _CONFIDENCE["checksum"])


def _passports(analysis: Analysis) -> Iterator[_Found]:
    text = analysis.body_text
    model = analysis.text_model("body")
    for keyword in analysis.lexicon("pii", "passport_keywords", together=PARTS_PASS).finditer(text):
        # The number follows its name closely, in the same sentence.
        sentence = model.sentence_at(keyword.end)
        stop = min(keyword.end + _PASSPORT_REACH, sentence.end if sentence is not None else keyword.end)
        match = compiled(_PASSPORT).search(text, keyword.end, stop)
        if match is not None:
            evidence = (f"label:{keyword.term}", "shape:passport")
            yield _Found("passport", match.start(), match.end(), evidence, _CONFIDENCE["label"])


def _paragraph(text: str, start: int, end: int) -> str:
    top = text.rfind("\n\n", 0, start)
    bottom = text.find("\n\n", end)
    return text[top + 1 if top >= 0 else 0 : bottom if bottom >= 0 else len(text)]


def _starts_its_line(text: str, start: int) -> bool:
    """An address on a line of its own (after at most a label such as "地址："): a contact block."""
    line_start = text.rfind("\n", 0, start) + 1
    return compiled(_ADDRESS_LABEL).fullmatch(text[line_start:start]) is not None


# What may stand before the street on an address's own line: a unit of the building ("Unit 4, ", "Apt 5B,",
# "Suite 210 -"), its word one of the pack's home or office markers.
_UNIT_LEAD = r"\s*(?P<word>[^\W\d]{1,10}\.?)\s*#?\s*[\w-]{1,6}\s*[,，/-]?\s*"


def _after_its_unit(text: str, start: int, home: Lexicon, office: Lexicon) -> bool:
    """An address on a line of its own after its unit ("Unit 4, 112 Rivonia Road"): a contact block too."""
    lead = compiled(_UNIT_LEAD).fullmatch(text, text.rfind("\n", 0, start) + 1, start)
    if lead is None:
        return False
    word = lead.group("word")
    found = (home.search(word), office.search(word))
    return any(term is not None and (term.start, term.end) == (0, len(word)) for term in found)


def _address_start(match: re.Match[str]) -> int:
    """Where a Chinese address proper starts when the pattern took in the words before it."""
    if match.re is not compiled(_ZH_ADDRESS) and match.re is not compiled(_ZH_ESTATE):
        return match.start()
    division = compiled(_ZH_DIVISION).search(match.group())
    lead = compiled(_ZH_ADDRESS_LEAD).match(match.group(), 0, division.start() if division else 0)
    return match.start() + (lead.end() if lead else 0)


# "88号", "88 号": looked for from the 号, a character `re` finds quickly.
_ZH_ADDRESS_HINT = r"号(?:(?<=\d号)|(?<=\d[ \u3000]号))"
_ZH_ESTATE_HINT = r"小区|公寓|家园|花园|新村|苑|府"
# A street word ending a word (a Chinese character may follow it), found quickly (no test in front,
# which `re` would make at every position): `_has_street_word` checks that one also starts a word.
_STREET_WORD_END = r"(?:{streets})(?![A-Za-z0-9_])"


class _StreetPatterns(NamedTuple):
    word_end: re.Pattern[str]
    address: re.Pattern[str]


def _street_patterns(packs: Packs) -> _StreetPatterns:
    def build() -> _StreetPatterns:
        words = strings(packs.get("pii"), "street_suffixes", source="pii")
        # Longest first, so "Streets" is not read as "Street"; any case after the first letter. The words are
        # grouped by their first letter ("S(?i:treets|treet|t)"): `re` tries the alternatives of a branch one
        # by one, and at a capital only that letter's can match, in the same order.
        tails: dict[str, list[str]] = {}
        for word in sorted(set(words), key=lambda w: (-len(w), w)):
            if word:
                tails.setdefault(word[0], []).append(re.escape(word[1:]))
        streets = "|".join(f"{re.escape(first)}(?i:{'|'.join(rest)})" for first, rest in tails.items())
        return _StreetPatterns(
            re.compile(_STREET_WORD_END.replace("{streets}", streets)),
            re.compile(_EN_ADDRESS_SHAPE.replace("{streets}", streets)),
        )

    return packs.derived(("pii", "street patterns"), build)


@cache
def _builtin_street_patterns() -> _StreetPatterns:
    from tglint.packs import load_packs

    return _street_patterns(load_packs())


def _has_street_word(text: str, streets: _StreetPatterns | None = None) -> bool:
    """Whether a street word (Street, Rd...) stands as a whole word in `text`.

    A match of `_STREET_WORD_END` is all letters and ends a word, so no street word can start
    strictly inside it: checking the start of each match finds every whole one.
    """
    return any(
        match.start() == 0 or not _is_word_char(text[match.start() - 1])
        for match in (streets or _builtin_street_patterns()).word_end.finditer(text)
    )


def _is_word_char(char: str) -> bool:
    """What `\\w` matches: letters, digits (of any script) and "_"."""
    return char.isalnum() or char == "_"


def _address_patterns(text: str, streets: _StreetPatterns) -> list[re.Pattern[str]]:
    """The address patterns worth running: each needs a cheap-to-find part (号, Street...)."""
    hints = ((_ZH_ADDRESS_HINT, _ZH_ADDRESS), (_ZH_ESTATE_HINT, _ZH_ESTATE), (_EU_ADDRESS_HINT, _EU_ADDRESS))
    patterns = [compiled(pattern) for hint, pattern in hints if compiled(hint).search(text)]
    return [*patterns, streets.address] if _has_street_word(text, streets) else patterns


def _home_addresses(analysis: Analysis) -> Iterator[_Found]:
    """Residential addresses with a house number; an office address is left alone.

    In press and legal mails an address is expected (a newsroom, a law firm, a
    rights holder's contact block), so there an office word anywhere in the
    address's paragraph exempts it; elsewhere only the words on its line count.
    """
    exempt_topics = set(strings(analysis.pack("pii"), "address_exempt_topics", source="pii"))
    formal = bool(analysis.mail_topics & exempt_topics)
    text = analysis.text_with_signature
    home = analysis.lexicon("pii", "home_markers")
    labels = analysis.lexicon("pii", "home_labels")
    office = analysis.lexicon("pii", "office_markers")
    streets = _street_patterns(analysis.packs)
    for pattern in _address_patterns(text, streets):
        for match in pattern.finditer(text):
            start, end = _address_start(match), match.end()
            before, after = _line_context(text, start, end, _ADDRESS_CONTEXT, _ADDRESS_CONTEXT // 2)
            in_block = formal or _starts_its_line(text, start) or _after_its_unit(text, start, home, office)
            surroundings = _paragraph(text, start, end) if in_block else before + after
            address = text[start:end]
            label = labels.search(before)
            # An office word makes it an office's address ("Suite 500", "Becker Plaza"), unless the
            # writer has just called it their home or their address, outside a press or legal mail; a
            # part of a dwelling does not ("Unit 4, 112 Rivonia Road" under a company's name).
            if (office.search(address) or office.search(surroundings)) and (formal or label is None):
                continue
            marker = label or labels.search(address) or home.search(before) or home.search(address)
            if marker is not None:
                shape = {streets.address: "shape:en-address", compiled(_EU_ADDRESS): "shape:eu-address"}.get(
                    pattern, "shape:zh-address"
                )
                yield _Found("home-address", start, end, (shape, f"label:{marker.term}"), _CONFIDENCE["address"])


def _personal_data(analysis: Analysis) -> list[_Found]:
    """Every piece of personal data in the writer's text, each once: an ID wins over a card, both
    over a passport or an address."""
    found: list[_Found] = []
    taken = SpanSet()
    # A number two schemes read (an Aadhaar after "ID card") is one ID: the first reading.
    for national_id in _national_ids(analysis):
        if not taken.overlaps(national_id.start, national_id.end):
            found.append(national_id)
            taken.add(national_id.start, national_id.end)
    for card in _bank_cards(analysis, taken):
        found.append(card)
        taken.add(card.start, card.end)
    for other in (*_passports(analysis), *_home_addresses(analysis)):
        if not taken.overlaps(other.start, other.end):
            found.append(other)
            taken.add(other.start, other.end)
    return sorted(found, key=lambda o: o.start)
