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
    en_name: str
    en_advice: str
    zh_name: str
    zh_advice: str


_CHANGE_IT = ("delete it and change it now", "请删除并立即修改")
_WORDING = {
    "password": _Wording("A password", _CHANGE_IT[0], "密码", _CHANGE_IT[1]),
    "two-step verification password": _Wording(
        "A two-step verification password", _CHANGE_IT[0], "二步验证密码", _CHANGE_IT[1]
    ),
    "PIN": _Wording("A PIN", _CHANGE_IT[0], "PIN码", _CHANGE_IT[1]),
    "code": _Wording("A login code", "delete it and never pass a code on", "验证码", "请删除，验证码不要告诉任何人"),
    "weak code": _Wording(
        "A login code", "delete it and never pass a code on", "验证码", "请删除，验证码不要告诉任何人"
    ),
    "recovery code": _Wording("A recovery code", "delete it", "恢复码", "请删除"),
    "bot token": _Wording(
        "A bot token", "delete it and revoke it with @BotFather", "机器人 Token", "请删除并在 @BotFather 中重新生成"
    ),
    "token": _Wording("A token or key", "delete it and revoke it", "令牌/密钥", "请删除并重新生成"),
    "api-hash": _Wording("An api_hash (with its api_id)", "delete them", "api_id/api_hash", "请删除"),
    "session": _Wording(
        "A session string",
        "delete it and terminate that session in Settings > Devices",
        "会话字符串（session）",
        "请删除并在“设置 > 设备”中终止该会话",
    ),
}


class _SecretRule(Rule):
    kinds: ClassVar[frozenset[str]]
    checks_alternatives = True

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        for secret in analysis.spans(SECRETS):
            if secret.kind not in self.kinds:
                continue
            text = _part_text(analysis, secret.part)
            hint = mask_text(text[secret.start : secret.end])[:9]
            wording = _WORDING.get(secret.kind, _WORDING["password"])
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
                _message(analysis, secret, wording, hint),
                fix=fix,
                sensitive=True,
            )


def _part_text(analysis: Analysis, name: str) -> str:
    part = analysis.draft.parts.get(name)
    return part.text if part is not None else ""


def _message(analysis: Analysis, secret: Span, wording: _Wording, hint: str) -> str:
    never = ("Telegram support never asks for it.", "Telegram官方绝不会索要它。")
    if secret.part == "attachments":
        return analysis.say(
            en=f"{wording.en_name} is in the name of an attached file ({hint}): rename the file; {never[0]}",
            zh=f"附件的文件名中含有{wording.zh_name}（{hint}）：请重命名该文件，{never[1]}",
        )
    if secret.part == "subject":
        return analysis.say(
            en=f"{wording.en_name} is written in the subject ({hint}): {wording.en_advice}; {never[0]}",
            zh=f"邮件主题中写有{wording.zh_name}（{hint}）：{wording.zh_advice}，{never[1]}",
        )
    if secret.facts.get("quoted"):
        return analysis.say(
            en=f"{wording.en_name} is written in your earlier mail quoted here ({hint}), which this reply "
            f"sends again: {wording.en_advice}; {never[0]}",
            zh=f"引用的您之前的邮件中写有{wording.zh_name}（{hint}），回复会再次发出：{wording.zh_advice}，{never[1]}",
        )
    return analysis.say(
        en=f"{wording.en_name} is written in the draft ({hint}): {wording.en_advice}; {never[0]}",
        zh=f"草稿中写有{wording.zh_name}（{hint}）：{wording.zh_advice}，{never[1]}",
    )


class PasswordInDraft(_SecretRule):
    code = "TG501"
    kinds = PASSWORD_KINDS


class LoginCodeInDraft(_SecretRule):
    code = "TG502"
    kinds = CODE_KINDS


class TokenInDraft(_SecretRule):
    code = "TG503"
    kinds = frozenset({"bot token", "token"})


class ApiCredentialsInDraft(_SecretRule):
    code = "TG504"
    kinds = frozenset({"api-hash"})


class SessionStringInDraft(_SecretRule):
    code = "TG505"
    kinds = frozenset({"session"})
