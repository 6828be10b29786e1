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
from tglint.packs import strings
from tglint.recognizers.personal import PERSONAL
from tglint.rule import Rule


def masked(value: str) -> str:
    """A national ID or card shown by its first and last two characters only: 11**************38."""
    compact = value.replace(" ", "").replace("-", "")
    if len(compact) <= 6:
        return "*" * len(compact)
    return compact[:2] + "*" * (len(compact) - 4) + compact[-2:]


_NAMES = {"id": "national ID number", "card": "bank card number", "passport": "passport number"}
# The recognizer's kind of each rule's `kind`.
_SPAN_KINDS = {"id": "national-id", "card": "bank-card", "passport": "passport", "address": "home-address"}


class _OvershareRule(Rule):
    kind: str
    checks_alternatives = True

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        text = analysis.body.text  # the writer's own quoted earlier mail is searched too
        for found in analysis.spans(PERSONAL):
            if found.kind != _SPAN_KINDS[self.kind]:
                continue
            value = text[found.start : found.end]
            fix = None
            if self.kind in _NAMES:
                fix = Fix(
                    f"Remove the {_NAMES[self.kind]}", "safe", (Edit("body", found.start, found.end, "********"),)
                )
            said = self.said(analysis, masked(value), quoted=bool(found.facts.get("quoted")))
            yield Hit("body", found.start, found.end, said, fix=fix, sensitive=True)

    def said(self, analysis: Analysis, shown: str, *, quoted: bool) -> str:
        """The message; `quoted`: the value stands in the writer's own earlier mail quoted in the reply."""
        raise NotImplementedError


class NationalIdInDraft(_OvershareRule):
    code = "TG551"
    kind = "id"

    def said(self, analysis: Analysis, shown: str, *, quoted: bool) -> str:
        if quoted:
            return self.message(analysis, "quoted", shown=shown)
        return self.message(analysis, "found", shown=shown)


class BankCardInDraft(_OvershareRule):
    code = "TG552"
    kind = "card"

    def said(self, analysis: Analysis, shown: str, *, quoted: bool) -> str:
        if quoted:
            return self.message(analysis, "quoted", shown=shown)
        return self.message(analysis, "found", shown=shown)


class PassportInDraft(_OvershareRule):
    code = "TG553"
    kind = "passport"

    def said(self, analysis: Analysis, shown: str, *, quoted: bool) -> str:
        if quoted:
            return self.message(analysis, "quoted", shown=shown)
        return self.message(analysis, "found", shown=shown)


class HomeAddressInDraft(_OvershareRule):
    code = "TG554"
    kind = "address"

    def said(self, analysis: Analysis, shown: str, *, quoted: bool) -> str:
        # A legal or press mail may need a way to reach the writer: the advice fits the mailbox.
        exempt = set(strings(analysis.pack("pii"), "address_exempt_topics", source="pii"))
        if analysis.mail_topics & exempt:
            return self.message(analysis, "contact")
        return self.message(analysis, "found")
