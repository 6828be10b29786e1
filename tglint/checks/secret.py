"""Secret rules: 不要提供密码或PIN码 — real support never asks for a password or PIN.

What counts as a secret, and where it stands, is the secrets recognizer's
(`tglint.recognizers.secrets`); each rule reports the kinds it owns, with a masked hint in
the message and a fix that replaces the value by a mask. The value itself never appears.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar, NamedTuple

from tglint.analysis import Analysis
from tglint.masking import mask_text
from tglint.models import Edit, Fix, Hit
from tglint.recognizers import Span
from tglint.recognizers.secrets import CODE_KINDS, PASSWORD_KINDS, SECRETS
from tglint.rule import Rule

# -- rules ------------------------------------------------------------------------------------------


class _Wording(NamedTuple):
    """The fields of a `found` message."""

    name: str
    place: str
    then: str
    advice: str
    hint: str


class _SecretRule(Rule):
    kinds: ClassVar[frozenset[str]]
    checks_alternatives = True

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        for secret in analysis.spans(SECRETS):
            if secret.kind not in self.kinds:
                continue
            text = _part_text(analysis, secret.part)
            hint = mask_text(text[secret.start : secret.end])[:9]
            # An attachment cannot be renamed by editing the draft's text.
            fix = None
            if secret.part != "attachments":
                edits = tuple(
                    Edit(secret.part, start, end, "********")
                    for start, end in sorted({(secret.start, secret.end), *secret.facts.get("also", ())})
                )
                fix = Fix("Replace the secret with a mask", "safe", edits)
            yield Hit(
                secret.part,
                secret.start,
                secret.end,
                self.found(analysis, _wording(analysis, secret, hint)),
                fix=fix,
                sensitive=True,
            )

    def found(self, analysis: Analysis, w: _Wording) -> str:
        raise NotImplementedError


def _part_text(analysis: Analysis, name: str) -> str:
    part = analysis.draft.parts.get(name)
    return part.text if part is not None else ""


def _wording(analysis: Analysis, secret: Span, hint: str) -> _Wording:
    """The fields of a `found` message: the secret's name and the advice for its kind, where it stands
    (the secrets pack's `secret_wording`, in the report's language) and its masked `hint`."""
    wording = analysis.pack("secrets", analysis.message_language).get("secret_wording", {})
    names, advice = wording.get("names", {}), wording.get("advice", {})
    kind = secret.kind if secret.kind in names else "password"
    place = "attachments" if secret.part == "attachments" else "subject" if secret.part == "subject" else "body"
    if place == "body" and secret.facts.get("quoted"):
        place = "others_quoted" if secret.facts.get("others") else "quoted"
    return _Wording(
        name=str(names.get(kind, kind)),
        place=str(wording.get("places", {}).get(place, "")),
        then=str(wording.get("then", {}).get(place, "")),
        advice=str(advice.get("attachments" if place == "attachments" else kind, "")),
        hint=hint,
    )


class PasswordInDraft(_SecretRule):
    code = "TG501"
    kinds = PASSWORD_KINDS

    def found(self, analysis: Analysis, w: _Wording) -> str:
        return self.message(analysis, "found", name=w.name, place=w.place, then=w.then, advice=w.advice, hint=w.hint)


class LoginCodeInDraft(_SecretRule):
    code = "TG502"
    kinds = CODE_KINDS

    def found(self, analysis: Analysis, w: _Wording) -> str:
        return self.message(analysis, "found", name=w.name, place=w.place, then=w.then, advice=w.advice, hint=w.hint)


class TokenInDraft(_SecretRule):
    code = "TG503"
    kinds = frozenset({"bot token", "token"})

    def found(self, analysis: Analysis, w: _Wording) -> str:
        return self.message(analysis, "found", name=w.name, place=w.place, then=w.then, advice=w.advice, hint=w.hint)


class ApiCredentialsInDraft(_SecretRule):
    code = "TG504"
    kinds = frozenset({"api-hash"})

    def found(self, analysis: Analysis, w: _Wording) -> str:
        return self.message(analysis, "found", name=w.name, place=w.place, then=w.then, advice=w.advice, hint=w.hint)


class SessionStringInDraft(_SecretRule):
    code = "TG505"
    kinds = frozenset({"session"})

    def found(self, analysis: Analysis, w: _Wording) -> str:
        return self.message(analysis, "found", name=w.name, place=w.place, then=w.then, advice=w.advice, hint=w.hint)
