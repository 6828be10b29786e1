"""Phone rules: the guide asks for 注册Telegram使用的完整手机号（包含国家代码）.

Which numbers a reader would call phone numbers, and the countries one written without
its code may be of, is the phone number recognizer's (`tglint.recognizers.phones`): it
reads the writer's text and signature, which holds the writer's own number as often as
not ("--\n张三\n手机：13800138000"), and the words around each number. The rules decide
what to report: a number without its country code (TG401), one that cannot exist (TG402),
a masked one where the account is at stake (TG403).
"""

from __future__ import annotations

from collections.abc import Iterator

from tglint.analysis import Analysis
from tglint.models import Edit, Fix, Hit, Severity
from tglint.phone_country import (
    Verdict,
    country_name,
    example_region,
    full_number_example,
    number_list,
    written_country,
)
from tglint.recognizers.phones import PHONES, PhoneFacts, PhoneMatch, draft_hints
from tglint.rule import Rule, RuleDoc

# Topics where support needs the full number to find the account.
_ACCOUNT_TOPICS = frozenset({"support", "security"})


def _numbers(analysis: Analysis) -> Iterator[PhoneFacts]:
    for span in analysis.spans(PHONES):
        facts: PhoneFacts = span.facts["phone"]
        yield facts


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
        for found in _numbers(analysis):
            match = found.number
            if match.has_country_code or not match.valid or not found.is_phone:
                continue
            yield self._hit(analysis, match, found.verdict or Verdict(()))

    def _hit(self, analysis: Analysis, match: PhoneMatch, verdict: Verdict) -> Hit:
        if match.masked:
            example = full_number_example(analysis, _masked_region(analysis, match))
            message = analysis.say(
                en=f"Phone number without country code, and masked: write the full number with its country code, "
                f"{example}; support needs the complete number to find the account.",
                zh=f"手机号缺少国家代码且被遮挡：请写出带国家代码的完整号码{example}，客服需要完整号码才能找到账户。",
            )
            return Hit("body", match.start, match.end, message)
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
        for found in _numbers(analysis):
            match = found.number
            if match.valid or match.masked or not match.has_country_code:
                continue
            if found.labelled_other or found.other_data:
                continue
            # "00" also starts amounts and codes: only a phone word makes it a dialling prefix.
            if not match.raw.lstrip().startswith(("+", "＋")) and not found.phone_word:
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
        for found in _numbers(analysis):
            match = found.number
            if not (match.masked and match.has_country_code) or found.labelled_other:
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
