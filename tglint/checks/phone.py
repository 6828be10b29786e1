"""Phone rules: the guide asks for 完整手机号（包含国家代码）."""

from __future__ import annotations

from collections.abc import Iterator

from tglint.analysis import Analysis
from tglint.models import Edit, Fix, Hit, Severity
from tglint.phones import PhoneMatch
from tglint.rule import Rule, RuleDoc

_CONTEXT_WINDOW = 16


def is_labelled_not_phone(analysis: Analysis, match: PhoneMatch) -> bool:
    """A number just after "order", "ID", "版本"... is not a phone number."""
    line_start = analysis.body_text.rfind("\n", 0, match.start) + 1
    before = analysis.body_text[max(line_start, match.start - _CONTEXT_WINDOW) : match.start]
    return analysis.lexicon("phone", "not_phone_context").search(before) is not None


class PhoneWithoutCountryCode(Rule):
    code = "TG401"
    name = "phone-without-country-code"
    category = "phone"
    severity = Severity.WARNING
    summary = "A phone number is written without its country code."
    doc = RuleDoc(
        what="Flags a phone number in the writer's text that has no country code (no `+` and no `00`).",
        why=(
            "Telegram accounts are keyed by the full international number; the guide asks for "
            "注册Telegram使用的完整手机号（包含国家代码）. Without it support cannot find the account."
        ),
        bad="To: support@telegram.org\nSubject: [技术问题] - 收不到验证码\n\n我的手机号是13800138000。\n",
        good="To: support@telegram.org\nSubject: [技术问题] - 收不到验证码\n\n我的手机号是 +86 138 0013 8000。\n",
        fix="Safe when the region is known (`--region` or `region` in config): the number is rewritten in international form.",
        more_bad=("To: support@telegram.org\nSubject: [Technical Issue] - No login code\n\nMy number is (415) 555-0132.\n",),
        more_good=("To: support@telegram.org\nSubject: [Technical Issue] - No login code\n\nMy number is +1 415 555 0132.\n",),
    )

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        for match in analysis.phone_numbers:
            if match.has_country_code or match.masked or not match.valid:
                continue
            if is_labelled_not_phone(analysis, match):
                continue
            suggestion = match.e164 or ""
            fix = (
                Fix("Write the number in international form", "safe", (Edit("body", match.start, match.end, suggestion),))
                if analysis.settings.region and suggestion
                else None
            )
            yield Hit(
                "body",
                match.start,
                match.end,
                analysis.say(
                    en=f"Phone number without country code: write {suggestion} instead of {match.raw}"
                    if analysis.settings.region
                    else f"Phone number without country code: add it, e.g. {suggestion} instead of {match.raw} if that is the country.",
                    zh=f"手机号缺少国家代码：请写成 {suggestion}，而不是 {match.raw}。"
                    if analysis.settings.region
                    else f"手机号缺少国家代码：请加上国家代码，例如 {suggestion}（若号码属于该国家），而不是 {match.raw}。",
                ),
                fix=fix,
            )


RULES: tuple[type[Rule], ...] = (PhoneWithoutCountryCode,)
