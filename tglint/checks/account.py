"""Account rules: the guide's 账户识别信息 (完整手机号含国家代码, @用户名, 账户ID, 注册时间).

What counts as an account identifier, and whose it is, is the accounts recognizer's
(`tglint.recognizers.accounts`); what a topic requires is `tglint.requirements`.
"""

from __future__ import annotations

from collections.abc import Iterator

from tglint.analysis import Analysis
from tglint.models import Hit
from tglint.phone_country import country_hints, example_number, example_region
from tglint.recognizers import first
from tglint.recognizers.accounts import ACCOUNT_IDS, REGISTRATIONS, national_numbers, writers_identifiers
from tglint.requirements import missing_info, requirement
from tglint.rule import Rule


def identifies_account(analysis: Analysis) -> bool:
    """A phone number with its country code (masked or not: masking is the phone rules' business),
    an @username, a labelled username or the numeric account ID. A number without its country code
    fits several countries' plans and names no one account."""
    return analysis.memo(identifies_account, lambda: next(writers_identifiers(analysis), None) is not None)


class MissingAccountIdentity(Rule):
    code = "TG301"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        if requirement(analysis, "account") != "required" or identifies_account(analysis):
            return
        # An example number of the writer's country when the draft tells it; else the form in words.
        # (No number with a country code is written, or the account would be identified.)
        region = example_region(analysis, country_hints(analysis, written=()))
        number = example_number(region) if region else None
        en_example = f"e.g. {number}" if number else "+ and the code first"
        zh_example = f"如 {number}" if number else "以 + 和国家代码开头"
        if next(national_numbers(analysis), None) is not None:
            yield missing_info(
                analysis,
                en="No account identified: your phone number has no country code, so it fits numbers in several "
                f"countries; write it in full with the code ({en_example}) or give your @username.",
                zh=f"未能确定账户：手机号缺少国家代码，可能对应多个国家的号码；请写完整的带国家代码的号码（{zh_example}）"
                "或 @用户名。",
            )
            return
        yield missing_info(
            analysis,
            en=f"No account identified: add your phone number with its country code ({en_example}) or your @username.",
            zh=f"未提供账户信息：请写上带国家代码的手机号（{zh_example}）或 @用户名。",
        )


class AccountExtrasMissing(Rule):
    code = "TG302"

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        if requirement(analysis, "account_extras") != "recommended" or not identifies_account(analysis):
            return
        has_id = first(analysis, ACCOUNT_IDS) is not None
        has_date = first(analysis, REGISTRATIONS) is not None
        if has_id and has_date:
            return
        missing_en = [
            text
            for present, text in ((has_id, "the numeric account ID"), (has_date, "the approximate registration date"))
            if not present
        ]
        missing_zh = [text for present, text in ((has_id, "数字账户ID"), (has_date, "大概的注册时间")) if not present]
        yield missing_info(
            analysis,
            en=f'If you can, also give {" and ".join(missing_en)} (e.g. "ID 123456789, registered around May 2021").',
            zh=f"如果方便，请同时提供{'和'.join(missing_zh)}（如“账户ID：123456789，注册时间：大约 2021 年 5 月”）。",
        )
