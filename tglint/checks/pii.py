"""Oversharing rules: 只提供必要的账户信息, 保护个人隐私和敏感数据.

Support identifies an account by its phone number, @username and numeric ID. A
national ID, a bank card, a passport number or a home address is never needed, and
a mail is not a safe place for them. Each is recognised the way a careful reader
would: checksums where the number has one (GB 11643 for China's resident ID, Luhn
for cards), a keyword where it has none (a passport number), and for addresses the
shape of a home (road, house number, flat) rather than an office.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from tglint.analysis import Analysis
from tglint.draft import RegionKind
from tglint.models import Edit, Fix, Hit, Severity
from tglint.packs import strings
from tglint.patterns import compiled
from tglint.recognizers.secrets import writer_secrets
from tglint.rule import Rule, RuleDoc
from tglint.spans import SpanSet

_RESIDENT_ID = r"(?<![\w*＊-])(?P<id>\d{6} ?\d{8} ?\d{3}[\dXx])(?![\w*＊-])"
_SENTENCE_END = r"[。！？!?\n；;]|\.(?:\s|$)"
_OLD_RESIDENT_ID = r"(?<![\w*＊-])(?P<id>\d{15})(?![\w*＊-])"
_SSN = r"(?<![\w-])(?P<id>\d{3}-\d{2}-\d{4})(?![\w-])"
_CARD = r"(?<![\w*＊+.-])(?P<card>\d(?:[ -]?\d){15,18})(?![\w*＊-])"
# Every match of the four patterns above lies in a run of at least 9 digits joined by single
# spaces or dashes (a resident ID's final X just after it): they are searched in those runs only.
_LONG_NUMBER = r"\d(?:[ -]?\d){8,}"
_CARD_GROUPS = r"^\d{4}(?:([ -])\d{4}){2}\1\d{4}(?:\1?\d{1,3})?$|^\d{6}([ -])\d{12,13}$|^\d{16,19}$"
_PASSPORT = r"(?<![\w*])(?P<number>[A-Z]{1,2}\d{6,9}|\d{9})(?![\w*])"

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
    rf"\d{{1,5}}(?:-\d{{1,5}})?{_S}号"
    rf"(?P<rest>(?:{_S}[\u4e00-\u9fffA-Za-z]{{0,8}}{_S}\d{{1,5}}{_S}(?:号楼|号院|栋|幢|座|单元|层|楼|室|户|号|号房))*)"
)
_ZH_ESTATE = (
    r"[\u4e00-\u9fff]{2,10}(?:小区|公寓|家园|花园|新村|苑|府)"
    rf"{_S}\d{{1,3}}{_S}(?:号楼|栋|幢|座)(?:{_S}\d{{1,2}}{_S}单元)?{_S}\d{{2,5}}{_S}(?:室|号|房)?"
)
# What may stand before a Chinese address inside the same run of characters ("我家住在").
_ZH_ADDRESS_LEAD = r"^.*(?:住在|住址|地址|家住|位于|寄到|寄往|在|是|为)"
_ZH_DIVISION = r"省|自治区|特别行政区|市|区|县|旗"
_EN_ADDRESS = (
    r"(?<![\w-])\d{1,6}[A-Za-z]?\s+(?:[A-Z][A-Za-z'-]+\.?\s+){1,4}"
    r"(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Way|Place|Pl|Terrace|Close"
    r"|Crescent|Circle|Cir|Highway|Hwy|Parkway|Pkwy|Square|Sq|Trail|Row|Gardens|Grove|Walk|Hill)\b\.?"
    r"(?P<rest>(?:,?\s*(?:Apt|Apartment|Unit|Flat|Suite|Ste|Floor|Fl|#)\.?\s*#?[\w-]{1,6})?"
    r"(?:,\s*[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+)?)?(?:,?\s*[A-Z]{2}\s+\d{5}(?:-\d{4})?)?)"
)

# How far a keyword may stand before the number it names, and after it.
_KEYWORD_BEFORE = 24
_KEYWORD_AFTER = 10
_ADDRESS_CONTEXT = 30
_LABEL_WINDOW = 16


class Overshare(NamedTuple):
    kind: str  # "id", "card", "passport", "address"
    start: int
    end: int


def mail_topics(analysis: Analysis) -> frozenset[str]:
    """What the mail is about: its topic and the official mailboxes it is sent to."""
    return analysis.memo(mail_topics, lambda: _mail_topics(analysis))


def _mail_topics(analysis: Analysis) -> frozenset[str]:
    mailboxes = analysis.pack("mailboxes").get("mailboxes", {})
    by_address = {str(address).lower(): topic for topic, address in mailboxes.items()}
    sent_to = {by_address[r.address.lower()] for r in analysis.draft.recipients if r.address.lower() in by_address}
    return frozenset({analysis.topic, *sent_to} - {None})


def _line_context(text: str, start: int, end: int, before: int, after: int) -> tuple[str, str]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return text[max(line_start, start - before) : start], text[end : min(line_end, end + after)]


def _has_keyword(analysis: Analysis, key: str, start: int, end: int) -> bool:
    before, after = _line_context(analysis.body_text, start, end, _KEYWORD_BEFORE, _KEYWORD_AFTER)
    words = analysis.lexicon("pii", key)
    return words.search(before) is not None or words.search(after) is not None


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


def _in_long_numbers(analysis: Analysis, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """`pattern.finditer(analysis.body_text)` for one of the number patterns, searched in the
    runs of `_LONG_NUMBER` only (and two characters past each: a final X, and what follows it)."""
    text = analysis.body_text
    runs = analysis.memo(_in_long_numbers, lambda: [run.span() for run in compiled(_LONG_NUMBER).finditer(text)])
    for start, end in runs:
        yield from pattern.finditer(text, start, end + 2)


def _is_valid_ssn(number: str) -> bool:
    from stdnum.us import ssn  # see `_passes_luhn`

    return bool(ssn.is_valid(number))


def _passes_luhn(digits: str) -> bool:
    # stdnum takes 15 ms to import: it is imported by the first draft with a number of the shape.
    from stdnum import luhn

    return bool(luhn.is_valid(digits))


def find_national_ids(analysis: Analysis) -> Iterator[Overshare]:
    for match in _in_long_numbers(analysis, compiled(_RESIDENT_ID)):
        digits = match.group("id").replace(" ", "").upper()
        if _labelled_otherwise(analysis, match.start()):
            continue
        # The check digit (GB 11643) tells an ID from any other 18-digit number.
        if is_resident_id(digits):
            yield Overshare("id", match.start(), match.end())
    for match in _in_long_numbers(analysis, compiled(_OLD_RESIDENT_ID)):
        if _plausible_birth_date(match.group()) and _has_keyword(analysis, "id_keywords", match.start(), match.end()):
            yield Overshare("id", match.start(), match.end())
    for match in _in_long_numbers(analysis, compiled(_SSN)):
        if _is_valid_ssn(match.group()) and _has_keyword(analysis, "id_keywords", match.start(), match.end()):
            yield Overshare("id", match.start(), match.end())


@lru_cache(maxsize=8)
def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in patterns)


def find_bank_cards(analysis: Analysis, taken: SpanSet) -> Iterator[Overshare]:
    """Bank card numbers, none overlapping `taken` (which the caller adds each card to)."""
    prefixes = _compiled(tuple(strings(analysis.pack("pii"), "card_prefixes", source="pii")))
    for match in _in_long_numbers(analysis, compiled(_CARD)):
        raw = match.group("card")
        digits = re.sub(r"\D", "", raw)
        if not compiled(_CARD_GROUPS).match(raw) or not _passes_luhn(digits):
            continue
        start, end = match.start(), match.end()
        if taken.overlaps(start, end) or _inside_secret(analysis, start, end):
            continue
        if _labelled_otherwise(analysis, start) or _labelled_otherwise(analysis, start, "not_card_context"):
            continue
        if _has_keyword(analysis, "card_keywords", start, end) or any(p.match(digits) for p in prefixes):
            yield Overshare("card", start, end)


def find_passports(analysis: Analysis) -> Iterator[Overshare]:
    text = analysis.body_text
    for keyword in analysis.lexicon("pii", "passport_keywords").finditer(text):
        window = text[keyword.end : keyword.end + _KEYWORD_BEFORE]
        stop = compiled(_SENTENCE_END).search(window)
        match = compiled(_PASSPORT).search(text, keyword.end, keyword.end + (stop.start() if stop else len(window)))
        if match is not None:
            yield Overshare("passport", match.start(), match.end())


def text_with_signature(analysis: Analysis) -> str:
    """The body with quoted replies blanked but the writer's signature kept, offsets unchanged.

    A home address in one's own signature is still one's own address sent to support.
    """
    return analysis.memo(text_with_signature, lambda: _text_with_signature(analysis))


def _text_with_signature(analysis: Analysis) -> str:
    body = analysis.body
    quoted = [r for r in body.regions if r.kind is RegionKind.QUOTED]
    if len(quoted) == len(body.regions):
        return analysis.body_text
    chars = list(body.text)
    for region in quoted:
        for i in range(region.start, min(region.end, len(chars))):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def _paragraph(text: str, start: int, end: int) -> str:
    top = text.rfind("\n\n", 0, start)
    bottom = text.find("\n\n", end)
    return text[top + 1 if top >= 0 else 0 : bottom if bottom >= 0 else len(text)]


def _starts_its_line(text: str, start: int) -> bool:
    """An address on a line of its own (after at most a label such as "地址："): a contact block."""
    line_start = text.rfind("\n", 0, start) + 1
    return compiled(_ADDRESS_LABEL).fullmatch(text[line_start:start]) is not None


def _address_start(match: re.Match[str]) -> int:
    """Where a Chinese address proper starts when the pattern took in the words before it."""
    if match.re is compiled(_EN_ADDRESS):
        return match.start()
    division = compiled(_ZH_DIVISION).search(match.group())
    lead = compiled(_ZH_ADDRESS_LEAD).match(match.group(), 0, division.start() if division else 0)
    return match.start() + (lead.end() if lead else 0)


# "88号", "88 号": looked for from the 号, a character `re` finds quickly.
_ZH_ADDRESS_HINT = r"号(?:(?<=\d号)|(?<=\d[ \u3000]号))"
_ZH_ESTATE_HINT = r"小区|公寓|家园|花园|新村|苑|府"
# A street word ending a word, found quickly (no \b in front, which `re` would test at every position):
# `_has_street_word` checks that one also starts a word.
_STREET_WORD_END = (
    r"(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Way|Place|Pl|Terrace|Close"
    r"|Crescent|Circle|Cir|Highway|Hwy|Parkway|Pkwy|Square|Sq|Trail|Row|Gardens|Grove|Walk|Hill)\b"
)


def _has_street_word(text: str) -> bool:
    """Whether a street word (Street, Rd...) stands as a whole word in `text`.

    A match of `_STREET_WORD_END` is all letters and ends a word, so no street word can start
    strictly inside it: checking the start of each match finds every whole one.
    """
    return any(
        match.start() == 0 or not _is_word_char(text[match.start() - 1])
        for match in compiled(_STREET_WORD_END).finditer(text)
    )


def _is_word_char(char: str) -> bool:
    """What `\\w` matches: letters, digits (of any script) and "_"."""
    return char.isalnum() or char == "_"


def _address_patterns(text: str) -> list[re.Pattern[str]]:
    """The address patterns worth running: each needs a cheap-to-find part (号, Street...)."""
    hints = ((_ZH_ADDRESS_HINT, _ZH_ADDRESS), (_ZH_ESTATE_HINT, _ZH_ESTATE))
    patterns = [compiled(pattern) for hint, pattern in hints if compiled(hint).search(text)]
    return [*patterns, compiled(_EN_ADDRESS)] if _has_street_word(text) else patterns


def find_home_addresses(analysis: Analysis) -> Iterator[Overshare]:
    """Residential addresses with a house number; an office address is left alone.

    In press and legal mails an address is expected (a newsroom, a law firm, a
    rights holder's contact block), so there an office word anywhere in the
    address's paragraph exempts it; elsewhere only the words on its line count.
    """
    exempt_topics = set(strings(analysis.pack("pii"), "address_exempt_topics", source="pii"))
    formal = bool(mail_topics(analysis) & exempt_topics)
    text = text_with_signature(analysis)
    home = analysis.lexicon("pii", "home_markers")
    office = analysis.lexicon("pii", "office_markers")
    for pattern in _address_patterns(text):
        for match in pattern.finditer(text):
            start, end = _address_start(match), match.end()
            before, after = _line_context(text, start, end, _ADDRESS_CONTEXT, _ADDRESS_CONTEXT // 2)
            in_block = formal or _starts_its_line(text, start)
            surroundings = _paragraph(text, start, end) if in_block else before + after
            address = text[start:end]
            if office.search(address) or office.search(surroundings):
                continue
            if home.search(address) or home.search(before):
                yield Overshare("address", start, end)


def find_overshares(analysis: Analysis) -> list[Overshare]:
    """Every piece of personal data in the writer's body text, each once."""
    return analysis.memo(find_overshares, lambda: _find_overshares(analysis))


def _find_overshares(analysis: Analysis) -> list[Overshare]:
    found: list[Overshare] = list(find_national_ids(analysis))
    taken = SpanSet((o.start, o.end) for o in found)
    for card in find_bank_cards(analysis, taken):
        found.append(card)
        taken.add(card.start, card.end)
    for other in (*find_passports(analysis), *find_home_addresses(analysis)):
        if not taken.overlaps(other.start, other.end):
            found.append(other)
            taken.add(other.start, other.end)
    return sorted(found, key=lambda o: o.start)


def masked(value: str) -> str:
    """A national ID or card shown by its first and last two characters only: 11**************38."""
    compact = value.replace(" ", "").replace("-", "")
    if len(compact) <= 6:
        return "*" * len(compact)
    return compact[:2] + "*" * (len(compact) - 4) + compact[-2:]


_NAMES = {
    "id": ("national ID number", "身份证号"),
    "card": ("bank card number", "银行卡号"),
    "passport": ("passport number", "护照号"),
    "address": ("home address", "家庭住址"),
}


class _OvershareRule(Rule):
    category = "pii"
    severity = Severity.WARNING
    kind: str
    checks_alternatives = True

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        text = analysis.body_text
        en_name, zh_name = _NAMES[self.kind]
        for found in find_overshares(analysis):
            if found.kind != self.kind:
                continue
            value = text[found.start : found.end]
            shown = "" if self.kind == "address" else f" ({masked(value)})"
            zh_shown = "" if self.kind == "address" else f"（{masked(value)}）"
            fix = (
                None
                if self.kind == "address"
                else Fix(f"Remove the {en_name}", "safe", (Edit("body", found.start, found.end, "********"),))
            )
            yield Hit(
                "body",
                found.start,
                found.end,
                analysis.say(
                    en=f"A {en_name} is in the draft{shown}, not needed by support: remove it. "
                    "Your phone number and @username identify the account.",
                    zh=f"草稿中有{zh_name}{zh_shown}：客服不需要它，请删除。手机号和@用户名即可识别账户。",
                ),
                fix=fix,
                sensitive=True,
            )


class NationalIdInDraft(_OvershareRule):
    code = "TG551"
    name = "national-id-in-draft"
    kind = "id"
    summary = "A national ID number is written in the draft."
    doc = RuleDoc(
        what=(
            "Flags a Chinese resident ID number (18 digits with a valid GB 11643 check digit, or next to "
            "身份证号; a 15-digit old one only next to it) and a US social security number next to its name."
        ),
        why=(
            "The guide: 只提供必要的账户信息, 保护个人隐私和敏感数据. Support identifies an account by its "
            "phone number, @username and ID in settings; an identity card number only adds risk."
        ),
        bad=(
            "To: security@telegram.org\nSubject: [Account Security] - Account stolen\n\n"
            ""
            "My Chinese ID card: 110108199003071238\n"
        ),
        good=(
            "To: security@telegram.org\nSubject: [Account Security] - Account stolen\n\nMy Telegram ID is 5123456789.\n"
        ),
        fix="Safe: the number is replaced by a mask.",
        more_bad=("To: security@telegram.org\nSubject: [账户安全] - 账号被盗\n\n身份证号：110108199003071238\n",),
        more_good=(
            "To: security@telegram.org\nSubject: [账户安全] - 账号被盗\n\n"
            "订单号 110108199003071238，身份证号已隐藏。\n",
        ),
    )


class BankCardInDraft(_OvershareRule):
    code = "TG552"
    name = "bank-card-in-draft"
    kind = "card"
    summary = "A bank card number is written in the draft."
    doc = RuleDoc(
        what=(
            "Flags a 16-19 digit number that passes the Luhn check and is either named a card or starts with "
            "a card issuer's prefix (62 UnionPay, 4 Visa, 51-55 Mastercard...); order and transaction numbers "
            "are left alone."
        ),
        why=(
            "The guide: 只提供必要的账户信息, 保护个人隐私和敏感数据. For a payment problem support needs the "
            "date, the amount and the store's order number, never the card."
        ),
        bad=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Premium not active\n\n"
            ""
            "Charged to my card 4111 1111 1111 1111.\n"
        ),
        good=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Premium not active\n\n"
            ""
            "Apple order number MSBRP4X2KL, card ending in 1111.\n"
        ),
        fix="Safe: the number is replaced by a mask.",
        more_bad=(
            "To: support@telegram.org\nSubject: [技术问题] - 会员未生效\n\n"
            "扣款的银行卡：6222 0212 3456 7894（工商银行）\n",
        ),
        more_good=(
            "To: support@telegram.org\nSubject: [技术问题] - 会员未生效\n\n订单号 6222021234567894，扣款 ¥258。\n",
        ),
    )


class PassportInDraft(_OvershareRule):
    code = "TG553"
    name = "passport-number-in-draft"
    kind = "passport"
    summary = "A passport number is written in the draft."
    doc = RuleDoc(
        what=(
            "Flags a passport number (E12345678, G12345678, or letters and digits) written right after "
            "护照号 / passport."
        ),
        why=(
            "The guide: 只提供必要的账户信息, 保护个人隐私和敏感数据. Telegram does not verify accounts by "
            "passport; the number only adds risk."
        ),
        bad=("To: security@telegram.org\nSubject: [Account Security] - Account stolen\n\nPassport No. E12345678\n"),
        good=(
            "To: security@telegram.org\nSubject: [Account Security] - Account stolen\n\n"
            ""
            "I can prove it is my account with my phone.\n"
        ),
        fix="Safe: the number is replaced by a mask.",
        more_bad=("To: security@telegram.org\nSubject: [账户安全] - 账号被盗\n\n我的护照号是 E12345678。\n",),
        more_good=("To: security@telegram.org\nSubject: [账户安全] - 账号被盗\n\n我没有护照，可以提供手机号。\n",),
    )


class HomeAddressInDraft(_OvershareRule):
    code = "TG554"
    name = "home-address-in-draft"
    kind = "address"
    summary = "A home address is written in the draft."
    doc = RuleDoc(
        what=(
            "Flags a residential street address with a house number (北京市朝阳区建国路88号3单元502室, "
            "123 Main Street, Apt 4B) in the writer's text; office addresses, signatures and press or legal "
            "mails are left alone."
        ),
        why=(
            "The guide: 只提供必要的账户信息, 保护个人隐私和敏感数据. Support never needs where you live; "
            "an address in a mail that may be forwarded is a risk."
        ),
        bad=(
            "To: support@telegram.org\nSubject: [Technical Issue] - App crashes\n\n"
            ""
            "I live at 123 Main Street, Apt 4B, Springfield.\n"
        ),
        good=("To: support@telegram.org\nSubject: [Technical Issue] - App crashes\n\nI live in Springfield.\n"),
        more_bad=(
            "To: support@telegram.org\nSubject: [技术问题] - 闪退\n\n我家住在北京市朝阳区建国路88号3单元502室。\n",
        ),
        more_good=(
            "To: support@telegram.org\nSubject: [技术问题] - 闪退\n\n我在北京，应用一打开就闪退。\n",
            "To: press@telegram.org\nSubject: [媒体合作] - 采访邀请\n\n"
            "我们编辑部的地址是北京市朝阳区建国路88号传媒大厦15层1502室。\n",
        ),
    )


RULES: tuple[type[Rule], ...] = (NationalIdInDraft, BankCardInDraft, PassportInDraft, HomeAddressInDraft)
