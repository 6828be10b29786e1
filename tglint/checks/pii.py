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
from tglint.models import Edit, Fix, Hit, Severity
from tglint.recognizers.personal import PERSONAL
from tglint.rule import Rule, RuleDoc


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
    category = "pii"
    severity = Severity.WARNING
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
