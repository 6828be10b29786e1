"""Oversharing rules: 只提供必要的账户信息, 保护个人隐私和敏感数据.

Support identifies an account by its phone number, @username and numeric ID. A
national ID, a bank card, a passport number or a home address is never needed, and
a mail is not a safe place for them. What is one, and why (a checksum, a label, the
shape of a home), is the personal data recognizer's (`tglint.recognizers.personal`);
each rule reports its kind, masked.
"""

from __future__ import annotations

from collections.abc import Iterator

from tglint.analysis import Analysis
from tglint.models import Edit, Fix, Hit
from tglint.recognizers.personal import PERSONAL
from tglint.rule import Rule


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
# The recognizer's kind of each rule's `kind`.
_SPAN_KINDS = {"id": "national-id", "card": "bank-card", "passport": "passport", "address": "home-address"}


class _OvershareRule(Rule):
    kind: str
    checks_alternatives = True

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        text = analysis.body_text
        en_name, zh_name = _NAMES[self.kind]
        for found in analysis.spans(PERSONAL):
            if found.kind != _SPAN_KINDS[self.kind]:
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
    kind = "id"


class BankCardInDraft(_OvershareRule):
    code = "TG552"
    kind = "card"


class PassportInDraft(_OvershareRule):
    code = "TG553"
    kind = "passport"


class HomeAddressInDraft(_OvershareRule):
    code = "TG554"
    kind = "address"
