"""Secret rules: 不要提供密码或PIN码 — real support never asks for a password or PIN.

A secret is a keyword that names one (密码, PIN码, password, pw...), a separator
(`：`, `是`, `is`, `:`), then a value. Masks and placeholders are not values, and
neither are words ("my password is not working", "密码已经改过了"). The value is
never repeated in a message: the report shows only a masked hint.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from tglint.analysis import Analysis
from tglint.lexicon import lexicon
from tglint.models import Edit, Fix, Hit, Severity
from tglint.packs import strings
from tglint.rule import Rule, RuleDoc

# A value runs to the next space or sentence punctuation; CJK characters end it too,
# since a Chinese sentence goes on right after the value ("密码是abc123，请帮忙").
_VALUE = re.compile(r"[\"'“‘「]?(?P<value>[^\s，。；、！？,;!?\"'”’」\u3400-\u9fff]{3,64})")
_MASK = re.compile(r"^[*•xX#.…_\-]+$|^<[^>]*>$|^\[[^\]]*\]$|^\{[^}]*\}$")
_SENTENCE_END = "。.!?！？\n"


@dataclass(frozen=True, slots=True)
class SecretValue:
    kind: str  # "password", "PIN", ...
    start: int
    end: int


def mask_hint(value: str) -> str:
    """At most a short hint of a secret: its first character when it is long enough."""
    return (value[0] + "*" * (len(value) - 1)) if len(value) > 6 else "*" * len(value)


def _looks_like_secret(value: str, kind: str, analysis: Analysis) -> bool:
    stripped = value.strip(".,:;)(\"'")
    if len(stripped) < 3 or _MASK.match(stripped):
        return False
    lowered = stripped.lower()
    placeholders = {p.lower() for p in strings(analysis.pack("secrets"), "placeholders", source="secrets")}
    not_values = {w.lower() for w in strings(analysis.pack("secrets"), "not_values", source="secrets")}
    if lowered in placeholders or lowered in not_values:
        return False
    if kind == "PIN":
        return stripped.isdigit() and 4 <= len(stripped) <= 8
    # A plain dictionary word is rarely a password someone pasted; digits, symbols or
    # mixed case are what real ones have.
    has_digit = any(c.isdigit() for c in stripped)
    has_symbol = any(not c.isalnum() for c in stripped)
    mixed_case = stripped != stripped.lower() and stripped != stripped.upper()
    return has_digit or has_symbol or mixed_case


def find_secret_values(analysis: Analysis) -> Iterator[SecretValue]:
    text = analysis.body_text
    table = analysis.pack("secrets")
    keywords = table.get("keywords", {})
    separators = sorted(strings(table, "separators", source="secrets"), key=len, reverse=True)
    separator = lexicon(separators)
    for match in analysis.lexicon("secrets", "keywords").finditer(text):
        kind = next((str(v) for k, v in keywords.items() if k.lower() == match.term), "password")
        cursor = match.end
        # "密码是", "password is", "PIN码：", "my pw: " — skip spaces and one separator.
        while cursor < len(text) and text[cursor] in " \t":
            cursor += 1
        sep = separator.search(text[cursor : cursor + 12])
        if sep is not None and sep.start == 0:
            cursor += sep.end
        elif not (kind == "PIN" and text[cursor : cursor + 1].isdigit()):
            continue
        while cursor < len(text) and text[cursor] in " \t":
            cursor += 1
        value = _VALUE.match(text, cursor)
        if value is None or text[cursor : cursor + 1] in _SENTENCE_END:
            continue
        raw = value.group("value").rstrip(".,:;)")
        if _looks_like_secret(raw, kind, analysis):
            start = value.start("value")
            yield SecretValue(kind, start, start + len(raw))


class PasswordInDraft(Rule):
    code = "TG501"
    name = "password-in-draft"
    category = "secret"
    severity = Severity.ERROR
    summary = "A password or PIN is written in the draft."
    doc = RuleDoc(
        what="Flags a password, two-step verification password or PIN written out in the draft.",
        why=(
            "The guide: 不要提供密码或PIN码, and 真正的Telegram官方客服绝不会要求您提供密码、PIN码. "
            "Anyone who reads the mail on its way can take over the account."
        ),
        bad="To: security@telegram.org\nSubject: [Account Security] - Account stolen\n\nMy password is Hunter2024!\n",
        good="To: security@telegram.org\nSubject: [Account Security] - Account stolen\n\nI have not shared my password with anyone.\n",
        fix="Safe: the value is replaced by a mask; change the password afterwards all the same.",
        more_bad=("To: security@telegram.org\nSubject: [账户安全] - 账号被盗\n\n我的二步验证密码是 abc12345，PIN码：4821。\n",),
        more_good=("To: security@telegram.org\nSubject: [账户安全] - 账号被盗\n\n密码已经改过了，我没有提供PIN码。密码：******\n",),
    )

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        for secret in find_secret_values(analysis):
            hint = mask_hint(analysis.body_text[secret.start : secret.end])
            yield Hit(
                "body",
                secret.start,
                secret.end,
                analysis.say(
                    en=f"A {secret.kind} is written in the draft ({hint}): delete it and change it; "
                    "Telegram support never asks for it.",
                    zh=f"草稿中写有{_ZH_KIND.get(secret.kind, '密码')}（{hint}）：请删除并立即修改，Telegram官方绝不会索要它。",
                ),
                fix=Fix("Replace the secret with a mask", "safe", (Edit("body", secret.start, secret.end, "********"),)),
                sensitive=True,
            )


_ZH_KIND = {"password": "密码", "PIN": "PIN码", "two-step verification password": "二步验证密码"}


RULES: tuple[type[Rule], ...] = (PasswordInDraft,)
