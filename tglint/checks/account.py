"""Account rules: the guide's 账户识别信息 (完整手机号含国家代码, @用户名, 账户ID, 注册时间).

What counts as an account identifier, and whose it is, is the accounts recognizer's
(`tglint.recognizers.accounts`); what a topic requires is `tglint.requirements`.
"""

from __future__ import annotations

from collections.abc import Iterator

from tglint.analysis import Analysis
from tglint.models import Hit, Severity
from tglint.phone_country import country_hints, example_number, example_region
from tglint.recognizers import first
from tglint.recognizers.accounts import ACCOUNT_IDS, REGISTRATIONS, writers_identifiers
from tglint.requirements import missing_info, requirement
from tglint.rule import Rule, RuleDoc


def identifies_account(analysis: Analysis) -> bool:
    """A phone number (any form: masked or without country code is the phone rules' business),
    an @username, a labelled username or the numeric account ID."""
    return analysis.memo(identifies_account, lambda: next(writers_identifiers(analysis), None) is not None)


class MissingAccountIdentity(Rule):
    code = "TG301"
    name = "missing-account-identity"
    category = "account-info"
    severity = Severity.WARNING
    summary = "A support or security mail does not say which account it is about."
    doc = RuleDoc(
        what=(
            "Flags a support or security draft (by its content) that names neither a phone number nor an "
            "@username (nor a numeric account ID). Press and legal mails and abuse reports about someone "
            "else are not checked; a phone number without country code still identifies the account here "
            "(the phone rules ask for the country code)."
        ),
        why=(
            "Support can only look into an account it can find. The guide's 账户识别信息 asks for "
            "注册Telegram使用的完整手机号（包含国家代码） and, if set, the @用户名."
        ),
        bad=(
            "To: support@telegram.org\nSubject: [Technical Issue] - App crashes on start\n\n"
            "Hello,\n\nSince yesterday Telegram 10.5.2 crashes on start on my iPhone 15 (iOS 17.2).\n\nThanks\n"
        ),
        good=(
            "To: support@telegram.org\nSubject: [Technical Issue] - App crashes on start\n\n"
            "Hello,\n\nSince yesterday Telegram 10.5.2 crashes on start on my iPhone 15 (iOS 17.2).\n"
            "Account: +86 138 0013 8000, @lin_xiaoyu, ID 123456789, registered in 2021.\n\nThanks\n"
        ),
        fix="Add the phone number the account was registered with, with its country code, or the @username.",
        more_bad=(
            "To: security@telegram.org\nSubject: [账户安全] - 发现异常登录\n\n"
            "您好，\n\n昨天晚上 11 点我收到登录提醒，有一台陌生设备在越南登录了我的账号。\n\n谢谢\n",
        ),
        more_good=(
            "To: security@telegram.org\nSubject: [账户安全] - 发现异常登录\n\n"
            "您好，\n\n昨天晚上 11 点我收到登录提醒，有一台陌生设备在越南登录了我的账号。\n"
            "手机号：+86 138 0013 8000，用户名：@lin_xiaoyu，账户ID：123456789，注册时间：2021 年。\n\n谢谢\n",
        ),
    )

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        if requirement(analysis, "account") != "required" or identifies_account(analysis):
            return
        # An example number of the writer's country when the draft tells it; else the form in words.
        # (No number with a country code is written, or the account would be identified.)
        region = example_region(analysis, country_hints(analysis, written=()))
        number = example_number(region) if region else None
        en_example = f"e.g. {number}" if number else "+ and the code first"
        zh_example = f"如 {number}" if number else "以 + 和国家代码开头"
        yield missing_info(
            analysis,
            en=f"No account identified: add your phone number with its country code ({en_example}) or your @username.",
            zh=f"未提供账户信息：请写上带国家代码的手机号（{zh_example}）或 @用户名。",
        )


class AccountExtrasMissing(Rule):
    code = "TG302"
    name = "account-extras-missing"
    category = "account-info"
    severity = Severity.INFO
    summary = "The account ID or the approximate registration date is not given."
    doc = RuleDoc(
        what=(
            "Hints, for a support or security draft that identifies the account, that the numeric account "
            "ID and the approximate registration date help too, naming whichever is missing."
        ),
        why=(
            "The guide's 账户识别信息 lists, after the phone number and @username, 账户ID（可在设置中找到的"
            "数字ID，如果可见） and 注册时间（大概的账户创建时间范围）: they help support tell accounts apart, "
            "especially when recovering one."
        ),
        bad=(
            "To: security@telegram.org\nSubject: [Account Security] - Unknown login from Vietnam\n\n"
            "Hello,\n\nYesterday at 23:10 I got a login alert from an unknown device in Vietnam.\n"
            "My account: +86 138 0013 8000 (@lin_xiaoyu).\n\nThanks\n"
        ),
        good=(
            "To: security@telegram.org\nSubject: [Account Security] - Unknown login from Vietnam\n\n"
            "Hello,\n\nYesterday at 23:10 I got a login alert from an unknown device in Vietnam.\n"
            "My account: +86 138 0013 8000 (@lin_xiaoyu), user ID 123456789, registered in 2021.\n\nThanks\n"
        ),
        more_bad=(
            "To: security@telegram.org\nSubject: [账户安全] - 陌生设备登录\n\n"
            "您好，\n\n昨天 23:10 收到登录提醒，一台陌生设备在越南登录。\n手机号：+86 138 0013 8000\n",
        ),
        more_good=(
            "To: security@telegram.org\nSubject: [账户安全] - 陌生设备登录\n\n"
            "您好，\n\n昨天 23:10 收到登录提醒，一台陌生设备在越南登录。\n手机号：+86 138 0013 8000\n"
            "账户ID：123456789\n注册时间：大约 2021 年 5 月\n",
        ),
    )

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


RULES: tuple[type[Rule], ...] = (MissingAccountIdentity, AccountExtrasMissing)
