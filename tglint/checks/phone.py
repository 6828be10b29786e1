"""Phone rules: the guide asks for 注册Telegram使用的完整手机号（包含国家代码）.

Numbers come from `analysis.phone_numbers` (the writer's own words; quoted replies
are blank there) and from the writer's signature, which holds the writer's own
number as often as not ("--\n张三\n手机：13800138000"). A number is judged in its line: a word
just before it such as "订单号" or "user id" says it is something else, and a bare
run of digits needs a phone word nearby ("手机号", "my number") unless it has the
unmistakable shape of a mobile number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from tglint.analysis import Analysis
from tglint.draft import RegionKind
from tglint.models import Edit, Fix, Hit, Severity
from tglint.packs import strings
from tglint.phone_country import (
    CountryHints,
    Reading,
    Verdict,
    country_hints,
    country_name,
    example_region,
    full_number_example,
    likely_readings,
    number_list,
    written_country,
)
from tglint.phones import PhoneMatch, describe_national, find_phone_numbers
from tglint.recognizers.personal import PERSONAL
from tglint.recognizers.secrets import writer_secrets
from tglint.rule import Rule, RuleDoc
from tglint.spans import SpanSet

# How far before a number its label may stand ("订单号：", "Order #", "my user id is ").
_LABEL_WINDOW = 24
# How far a phone word may be from a bare number on its line.
_PHONE_WORD_BEFORE = 40
_PHONE_WORD_AFTER = 12
# Topics where support needs the full number to find the account.
_ACCOUNT_TOPICS = frozenset({"support", "security"})


def writer_numbers(analysis: Analysis) -> list[PhoneMatch]:
    """Phone numbers in the writer's text and signature, in order."""
    return analysis.memo(writer_numbers, lambda: _writer_numbers(analysis))


def _writer_numbers(analysis: Analysis) -> list[PhoneMatch]:
    numbers = list(analysis.phone_numbers)
    signature = _signature_only(analysis)
    if signature:
        numbers += find_phone_numbers(signature, analysis.phone_regions)
    return sorted(numbers, key=lambda m: m.start)


def _signature_only(analysis: Analysis) -> str:
    """The body with everything but the signature blanked, or "" when it has none."""
    body = analysis.body
    signatures = [r for r in body.regions if r.kind is RegionKind.SIGNATURE]
    if not signatures:
        return ""
    chars = [ch if ch == "\n" else " " for ch in body.text]
    for region in signatures:
        chars[region.start : region.end] = body.text[region.start : region.end]
    return "".join(chars)


def _line_window(text: str, start: int, end: int, before: int, after: int) -> tuple[str, str]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return text[max(line_start, start - before) : start], text[end : min(line_end, end + after)]


def is_labelled_not_phone(analysis: Analysis, match: PhoneMatch) -> bool:
    """A number just after "order", "ID", "版本"... is not a phone number."""
    before, _ = _line_window(analysis.text_with_signature, match.start, match.end, _LABEL_WINDOW, 0)
    label = None
    for found in analysis.lexicon("phone", "not_phone_context").finditer(before):
        label = found
    if label is None:
        return False
    # A phone word after the label takes over: "订单里的手机号 13800138000".
    return analysis.lexicon("phone", "phone_context").search(before[label.end :]) is None


def has_phone_word_nearby(analysis: Analysis, match: PhoneMatch) -> bool:
    before, after = _line_window(
        analysis.text_with_signature, match.start, match.end, _PHONE_WORD_BEFORE, _PHONE_WORD_AFTER
    )
    words = analysis.lexicon("phone", "phone_context")
    return words.search(before) is not None or words.search(after) is not None


def _unmistakable_mobile(match: PhoneMatch) -> bool:
    """China's 11-digit 1[3-9]x mobiles: no account ID, date or amount looks like them."""
    digits = re.sub(r"\D", "", match.raw)
    return match.mobile and match.region == "CN" and len(digits) == 11


def _taken_by_other_data(analysis: Analysis, match: PhoneMatch) -> bool:
    """A number that is a secret's value or an ID or card number is not also a phone number."""
    return analysis.memo(_taken_by_other_data, lambda: _other_data(analysis)).overlaps(match.start, match.end)


def _other_data(analysis: Analysis) -> SpanSet:
    spans = SpanSet((s.start, s.end) for s in writer_secrets(analysis))
    for other in analysis.spans(PERSONAL):
        spans.add(other.start, other.end)
    return spans


def is_phone_number(analysis: Analysis, match: PhoneMatch) -> bool:
    """A match a reader would call a phone number, judged by the words around it."""
    if is_labelled_not_phone(analysis, match) or _taken_by_other_data(analysis, match):
        return False
    if match.masked and not match.has_country_code:
        return match.mobile or has_phone_word_nearby(analysis, match)
    if match.bare and not match.has_country_code:
        return _unmistakable_mobile(match) or has_phone_word_nearby(analysis, match)
    return True


@lru_cache(maxsize=8)
def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in patterns)


def fictional_national_numbers(analysis: Analysis) -> list[PhoneMatch]:
    """Numbers from fictional ranges written without a country code, which the matcher rejects."""
    table = analysis.pack("phone").get("fictional_national", {})
    taken = writer_numbers(analysis)
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
                    if not has_phone_word_nearby(analysis, number):
                        continue
                    number = number._replace(e164=f"{_country_prefix(number)} <area code> {number.raw}")
                found.append(number)
                spans.add(number.start, number.end)
    return found


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
    verdict = likely_readings(match.raw, hints)
    if verdict.readings or not match.e164 or not match.region:
        return verdict
    # A fictional number ("(555) 123-4567") is valid in no plan: its pack entry names its country.
    code = match.e164.split(" ", 1)[0].lstrip("+")
    own = Reading(match.e164, "", match.region, int(code) if code.isdigit() else 0, True, True, True)
    safe = hints.configured == match.region and "<" not in match.e164
    return Verdict((own,), safe=safe, configured_does_not_fit=bool(hints.configured) and not safe)


def _masked_region(analysis: Analysis, match: PhoneMatch) -> str | None:
    """The country a masked number's example should be of: its code, its shape, or the draft's."""
    if match.has_country_code:
        return written_country(match.raw)
    if match.mobile:  # the 138****8888 shape of China's mobiles
        return "CN"
    return example_region(analysis, draft_hints(analysis))


class PhoneWithoutCountryCode(Rule):
    code = "TG401"
    name = "phone-without-country-code"
    category = "phone"
    severity = Severity.WARNING
    summary = "A phone number is written without its country code."
    doc = RuleDoc(
        what=(
            "Flags a phone number in the writer's text that has no country code (no `+` and no `00`), "
            "masked numbers such as 138****8888 included."
        ),
        why=(
            "Telegram accounts are keyed by the full international number; the guide asks for "
            "注册Telegram使用的完整手机号（包含国家代码）. Without it support cannot find the account."
        ),
        bad=("To: support@telegram.org\nSubject: [Technical Issue] - No login code\n\nMy number is (415) 555-0132.\n"),
        good=(
            "To: support@telegram.org\nSubject: [Technical Issue] - No login code\n\nMy number is +1 415 555 0132.\n"
        ),
        fix=(
            "Safe when the region is configured (`--region` or `region` in config) and the number is written in "
            "that country's form: it is rewritten in international form. When the written form fits one other "
            "country's plan best, the rewrite is unsafe and the message names that country; when several countries "
            "write the number that way, the message names the likeliest and nothing is rewritten."
        ),
        more_bad=(
            "To: support@telegram.org\nSubject: [技术问题] - 收不到验证码\n\n我的手机号是13800138000。\n",
            "To: support@telegram.org\nSubject: [技术问题] - 收不到验证码\n\n手机号：138****8888\n",
        ),
        more_good=(
            "To: support@telegram.org\nSubject: [技术问题] - 收不到验证码\n\n我的手机号是 +86 138 0013 8000。\n",
            "To: support@telegram.org\nSubject: [技术问题] - 收不到验证码\n\n手机号：+86 138 0013 8000\n",
            "To: support@telegram.org\nSubject: [技术问题] - 收不到验证码\n\n"
            "订单号 13800138000，用户ID 5123456789，版本 10.5.2，日期 20240301。\n",
        ),
    )

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        for match in [*writer_numbers(analysis), *fictional_national_numbers(analysis)]:
            if match.has_country_code or not match.valid or not is_phone_number(analysis, match):
                continue
            yield self._hit(analysis, match)

    def _hit(self, analysis: Analysis, match: PhoneMatch) -> Hit:
        if match.masked:
            example = full_number_example(analysis, _masked_region(analysis, match))
            message = analysis.say(
                en=f"Phone number without country code, and masked: write the full number with its country code, "
                f"{example}; support needs the complete number to find the account.",
                zh=f"手机号缺少国家代码且被遮挡：请写出带国家代码的完整号码{example}，客服需要完整号码才能找到账户。",
            )
            return Hit("body", match.start, match.end, message)
        verdict = _verdict(analysis, match)
        message, fix = self._advice(analysis, match, verdict)
        if verdict.configured_does_not_fit and analysis.settings.region:
            configured = country_name(analysis, analysis.settings.region.upper())
            message += analysis.say(
                en=f" It is not written as a number in {configured}, the configured region.",
                zh=f"（它不是按所设地区{configured}的号码格式书写的。）",
            )
        return Hit("body", match.start, match.end, message, fix=fix)

    def _advice(self, analysis: Analysis, match: PhoneMatch, verdict: Verdict) -> tuple[str, Fix | None]:
        if not verdict.readings:
            return analysis.say(
                en="Phone number without country code: write it in international form, with + and its country code.",
                zh="手机号缺少国家代码：请写成带 + 和国家代码的国际格式。",
            ), None
        if len(verdict.readings) > 1:
            choices = number_list(analysis, verdict.readings)
            return analysis.say(
                en=f"Phone number without country code: the number alone does not tell its country; write it "
                f"with its country code, e.g. {choices}.",
                zh=f"手机号缺少国家代码：仅凭号码无法判断所属国家，请写上国家代码，例如 {choices}。",
            ), None
        (reading,) = verdict.readings
        number = reading.international
        edit = (Edit("body", match.start, match.end, number),)
        if verdict.safe:
            message = analysis.say(
                en=f"Phone number without country code: write {number} instead of {match.raw}.",
                zh=f"手机号缺少国家代码：请写成 {number}，而不是 {match.raw}。",
            )
            return message, Fix("Write the number in international form", "safe", edit)
        country = country_name(analysis, reading.region)
        message = analysis.say(
            en=f"Phone number without country code: it reads as a number in {country}; if that is its country, "
            f"write {number} instead of {match.raw}.",
            zh=f"手机号缺少国家代码：它看起来是{country}的号码；若是，请写成 {number}，而不是 {match.raw}。",
        )
        if "<" in number:  # the area code is missing too: nothing to write in for it
            return message, None
        in_english = country_name(analysis, reading.region, language="en")
        description = f"Write the number in international form, as a number in {in_english}"
        return message, Fix(description, "unsafe", edit)


class ImpossiblePhoneNumber(Rule):
    code = "TG402"
    name = "impossible-phone-number"
    category = "phone"
    severity = Severity.WARNING
    summary = "A number written with + or 00 is not a valid phone number."
    doc = RuleDoc(
        what=(
            "Flags a number written in international form (`+` or `00` and a country code) that is not a "
            "valid phone number: a digit missing or extra, or a wrong country code."
        ),
        why=(
            "Support looks the account up by the number written; the guide asks for the complete number "
            "(完整手机号（包含国家代码）) and warns against 信息不完整或遗漏关键细节. A number that cannot exist "
            "finds no account."
        ),
        bad=("To: support@telegram.org\nSubject: [Technical Issue] - No login code\n\nMy number is +1 555 0100.\n"),
        good=(
            "To: support@telegram.org\nSubject: [Technical Issue] - No login code\n\nMy number is +1 202 555 0173.\n"
        ),
        more_bad=("To: support@telegram.org\nSubject: [技术问题] - 收不到验证码\n\n我的手机号是 +86 123 4567。\n",),
        more_good=(
            "To: support@telegram.org\nSubject: [技术问题] - 收不到验证码\n\n"
            "时区 UTC+8，版本 10.5.2，手机号 +86 138 0013 8000。\n",
        ),
    )

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        for match in writer_numbers(analysis):
            if match.valid or match.masked or not match.has_country_code:
                continue
            if is_labelled_not_phone(analysis, match) or _taken_by_other_data(analysis, match):
                continue
            # "00" also starts amounts and codes: only a phone word makes it a dialling prefix.
            if not match.raw.lstrip().startswith(("+", "＋")) and not has_phone_word_nearby(analysis, match):
                continue
            region = written_country(match.raw) or example_region(analysis, draft_hints(analysis))
            example = full_number_example(analysis, region)
            yield Hit(
                "body",
                match.start,
                match.end,
                analysis.say(
                    en=f"{match.raw} is not a valid phone number: check the country code and the digits, "
                    f"and write the complete number {example}.",
                    zh=f"{match.raw} 不是有效的手机号：请核对国家代码和位数，写出完整号码{example}。",
                ),
            )


class MaskedPhoneNumber(Rule):
    code = "TG403"
    name = "masked-phone-number"
    category = "phone"
    severity = Severity.INFO
    summary = "The account's phone number is masked; support needs the full number."
    doc = RuleDoc(
        what=(
            "Notes a masked phone number with its country code (+86 138****8888) in a mail to support or "
            "security, where the number identifies the account."
        ),
        why=(
            "The guide asks for 注册Telegram使用的完整手机号（包含国家代码）; its own template masks the number "
            "only as an example. Support can look an account up only by the complete number."
        ),
        bad=("To: support@telegram.org\nSubject: [Technical Issue] - No login code\n\nPhone: +1 415 ***-0132\n"),
        good=("To: support@telegram.org\nSubject: [Technical Issue] - No login code\n\nPhone: +1 415 555 0132\n"),
        more_bad=("To: support@telegram.org\nSubject: [技术问题] - 收不到验证码\n\n手机号：+86138****8888\n",),
        more_good=(
            "To: support@telegram.org\nSubject: [技术问题] - 收不到验证码\n\n手机号：+86 138 0013 8000\n",
            "To: abuse@telegram.org\nSubject: [滥用举报] - 诈骗账号\n\n骗子的号码显示为 +86 170****1236。\n",
        ),
    )

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        if not analysis.mail_topics & _ACCOUNT_TOPICS:
            return
        for match in writer_numbers(analysis):
            if not (match.masked and match.has_country_code) or is_labelled_not_phone(analysis, match):
                continue
            example = full_number_example(analysis, _masked_region(analysis, match))
            yield Hit(
                "body",
                match.start,
                match.end,
                analysis.say(
                    en="The phone number is masked: if it is your account's number, write it in full with the "
                    f"country code, {example}, so support can find the account.",
                    zh=f"手机号被遮挡：如果这是您账户的号码，请写出含国家代码的完整号码{example}，客服才能找到账户。",
                ),
            )


RULES: tuple[type[Rule], ...] = (PhoneWithoutCountryCode, ImpossiblePhoneNumber, MaskedPhoneNumber)
