"""Phone rules: the guide asks for 注册Telegram使用的完整手机号（包含国家代码）.

Which numbers a reader would call phone numbers, and the countries one written without
its code may be of, is the phone number recognizer's (`tglint.recognizers.phones`): it
reads the writer's text and signature, which holds the writer's own number as often as
not ("--\n张三\n手机：13800138000"), and the words around each number. The rules decide
what to report: a number without its country code (TG401), one that cannot exist (TG402; not a
number of a range kept for fiction given as the writer's own, which stands in for it as a masked
one does, nor one of a range in use whose block phonenumbers does not list, `why_invalid`), a
masked one where the account is at stake (TG403).
"""

from __future__ import annotations

from collections.abc import Iterator

from tglint.analysis import Analysis
from tglint.models import Edit, Fix, Hit
from tglint.phone_country import (
    Verdict,
    country_name,
    example_region,
    full_number_example,
    number_list,
    why_invalid,
    written_country,
)
from tglint.recognizers.phones import PHONES, PhoneFacts, PhoneMatch, draft_hints
from tglint.rule import Rule

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

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        for found in _numbers(analysis):
            match = found.number
            if match.has_country_code or not match.valid or not found.is_phone:
                continue
            yield self._hit(analysis, match, found.verdict or Verdict(()))

    def _hit(self, analysis: Analysis, match: PhoneMatch, verdict: Verdict) -> Hit:
        if match.masked:
            example = full_number_example(analysis, _masked_region(analysis, match))
            message = self.message(analysis, "masked", noun=self._noun(analysis, match), example=example)
            return Hit("body", match.start, match.end, message)
        message, fix = self._advice(analysis, match, verdict)
        if verdict.configured_does_not_fit and analysis.settings.region:
            configured = country_name(analysis, analysis.settings.region.upper())
            message += self.message(analysis, "not_configured_form", configured=configured)
        return Hit("body", match.start, match.end, message, fix=fix)

    def _noun(self, analysis: Analysis, match: PhoneMatch) -> str:
        """What the number is called: a mobile's name only for a number known to be one."""
        return self.message(analysis, "noun_mobile") if match.mobile else self.message(analysis, "noun_landline")

    def _advice(self, analysis: Analysis, match: PhoneMatch, verdict: Verdict) -> tuple[str, Fix | None]:
        noun = self._noun(analysis, match)
        if not verdict.readings:
            return self.message(analysis, "no_reading", noun=noun), None
        if len(verdict.readings) > 1:
            choices = number_list(analysis, verdict.readings)
            return self.message(analysis, "ambiguous", noun=noun, choices=choices), None
        (reading,) = verdict.readings
        number = reading.international
        edit = (Edit("body", match.start, match.end, number),)
        if reading.code_unmarked:
            message = self.message(analysis, "unmarked", noun=noun, number=number, raw=match.raw)
            return message, Fix("Write the number with + before its country code", "unsafe", edit)
        if verdict.safe:
            message = self.message(analysis, "configured", noun=noun, number=number, raw=match.raw)
            return message, Fix("Write the number in international form", "safe", edit)
        country = country_name(analysis, reading.region)
        message = self.message(analysis, "likely", noun=noun, country=country, number=number, raw=match.raw)
        if "<" in number:  # the area code is missing too: nothing to write in for it
            return message, None
        in_english = country_name(analysis, reading.region, language="en")
        description = f"Write the number in international form, as a number in {in_english}"
        return message, Fix(description, "unsafe", edit)


class ImpossiblePhoneNumber(Rule):
    code = "TG402"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        for found in _numbers(analysis):
            match = found.number
            if match.valid or match.masked or not match.has_country_code:
                continue
            if found.labelled_other or found.other_data or found.stand_in:
                continue
            # "00" also starts amounts and codes: only a phone word makes it a dialling prefix.
            if not match.raw.lstrip().startswith(("+", "＋")) and not found.phone_word:
                continue
            hints = draft_hints(analysis)
            # In a block of numbers in use, a number phonenumbers does not list may be newly handed out:
            # only a wrong length, a digit off, a wrong code or a range nobody has is called impossible.
            if why_invalid(match.raw, hints) is None:
                continue
            region = written_country(match.raw) or example_region(analysis, hints)
            example = full_number_example(analysis, region)
            yield Hit("body", match.start, match.end, self.message(analysis, "invalid", raw=match.raw, example=example))


class MaskedPhoneNumber(Rule):
    code = "TG403"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        if not analysis.mail_topics & _ACCOUNT_TOPICS:
            return
        for found in _numbers(analysis):
            match = found.number
            if not (match.masked and match.has_country_code) or found.labelled_other:
                continue
            example = full_number_example(analysis, _masked_region(analysis, match))
            yield Hit("body", match.start, match.end, self.message(analysis, "masked", example=example))
