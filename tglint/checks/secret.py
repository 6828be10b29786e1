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
from tglint.models import Edit, Fix, Hit, Severity
from tglint.recognizers import Span
from tglint.recognizers.secrets import CODE_KINDS, PASSWORD_KINDS, SECRETS
from tglint.rule import Rule, RuleDoc

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
    category = "secret"
    severity = Severity.ERROR
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
    name = "password-in-draft"
    kinds = PASSWORD_KINDS
    summary = "A password, two-step verification password or PIN is written in the draft."
    doc = RuleDoc(
        what=(
            "Flags a password, two-step verification (cloud) password, passcode or PIN written out in the "
            "draft: the name of the secret, a separator (`:`, `is`, `是`, `为`) or a short bridge "
            '("I used", "我输入的是", "which I set years ago, is"), then a value later in the same sentence. '
            "Masks, placeholders and sentences that merely mention a password are not flagged. Like every "
            "secret rule it also looks at the subject, the line below a label alone on its line, the "
            "writer's own earlier mail quoted in a reply, and attached files' names."
        ),
        why=(
            "The guide: 不要提供密码或PIN码, and 真正的Telegram官方客服绝不会要求您提供密码、PIN码等敏感信息. "
            "Anyone who reads the mail on its way can take over the account."
        ),
        bad=("To: security@telegram.org\nSubject: [Account Security] - Account stolen\n\nMy password is Hunter2024!\n"),
        good=(
            "To: security@telegram.org\nSubject: [Account Security] - Account stolen\n\n"
            ""
            "I have not shared my password with anyone. Password: ******\n"
        ),
        fix="Safe: the value is replaced by a mask; change the password afterwards all the same.",
        more_bad=(
            "To: security@telegram.org\nSubject: [账户安全] - 账号被盗\n\n我的二步验证密码是 abc12345，PIN码：4821。\n",
            "To: security@telegram.org\nSubject: [账户安全] - 账号被盗\n\n"
            "系统让我输入二步验证密码，我输入的是 Tk#2024sz，提示错误。\n",
            "To: security@telegram.org\nSubject: [账户安全] - 账号被盗\n\n"
            "我确定二步验证密码没有记错，一直就是 Qing#2021lan。\n",
            "To: security@telegram.org\nSubject: [Account Security] - Account stolen\n\nMy new password\nMaple#2291\n",
        ),
        more_good=(
            "To: security@telegram.org\nSubject: [账户安全] - 账号被盗\n\n"
            "我设置了二步验证密码和PIN码（不在邮件里写出）。\n",
            "To: security@telegram.org\nSubject: [账户安全] - 账号被盗\n\n"
            "系统让我输入二步验证密码，我输入后提示错误。\n",
            "To: security@telegram.org\nSubject: [账户安全] - 账号被盗\n\n我确定二步验证密码没有记错，一直没有改过。\n",
            "To: security@telegram.org\nSubject: [Account Security] - Account stolen\n\n"
            "My new password\nis set, and I will not write it here.\n",
            "To: security@telegram.org\nSubject: [账户安全] - 账号被盗\n\n"
            "密码已经改过了，我没有提供PIN码。密码：******\n",
        ),
    )


class LoginCodeInDraft(_SecretRule):
    code = "TG502"
    name = "login-code-in-draft"
    kinds = CODE_KINDS
    summary = "A login, SMS or verification code, or a recovery code, is written in the draft."
    doc = RuleDoc(
        what=(
            "Flags a login code, SMS or verification code, or a recovery/backup code written out in the "
            'draft ("验证码是 58213", "login code 12345", "the code I got was 48213", "he asked for the '
            'login code and I sent it: 52817").'
        ),
        why=(
            "A login code is the key to the account while it is valid: the guide's 不要提供密码或PIN码 covers it, "
            "and Telegram's own message says never to give it to anyone. Support only needs to know that a code "
            "arrived (or did not), and when."
        ),
        bad=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Login fails\n\n"
            ""
            "The code I got was 48213 but it says invalid.\n"
        ),
        good=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Login fails\n\n"
            ""
            "I did not receive the login code. Error code 400.\n"
        ),
        fix="Safe: the code is replaced by a mask.",
        more_bad=(
            "To: support@telegram.org\nSubject: [技术问题] - 验证码无效\n\n验证码是 58213，输入后提示无效。\n",
            "To: security@telegram.org\nSubject: [账户安全] - 登录码被骗\n\n"
            "他又要一次验证码，我把 55821 也发给了他。\n",
            "To: support@telegram.org\nSubject: [Technical Issue] - login code 73918 rejected\n\n"
            "The app says the code is invalid.\n",
        ),
        more_good=(
            "To: support@telegram.org\nSubject: [技术问题] - 验证码无效\n\n我收到了验证码，输入后提示无效。\n",
            "To: security@telegram.org\nSubject: [账户安全] - 登录码被骗\n\n"
            "他又要一次验证码，我把新收到的验证码也发给了他。\n",
            "To: support@telegram.org\nSubject: [Technical Issue] - login code rejected\n\n"
            "The app says the code is invalid.\n",
            "To: support@telegram.org\nSubject: [技术问题] - 收不到验证码\n\n验证码收不到，60 秒后重发也没有。\n",
        ),
    )


class TokenInDraft(_SecretRule):
    code = "TG503"
    name = "bot-token-in-draft"
    kinds = frozenset({"bot token", "token"})
    summary = "A bot token or an API key is written in the draft."
    doc = RuleDoc(
        what=(
            "Flags a Telegram bot token (`<bot id>:<about 35 letters, digits, _ and ->`) anywhere in the "
            "writer's text, and a key or access token written after its name."
        ),
        why=(
            "A bot token is the bot's password: whoever has it controls the bot. The guide: 不要提供密码或PIN码; "
            "support can identify a bot by its @username."
        ),
        bad=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Bot stopped answering\n\n"
            ""
            "Bot token: 123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11\n"
        ),
        good=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Bot stopped answering\n\n"
            ""
            "The bot is @example_notice_bot; I have revoked its token with @BotFather.\n"
        ),
        fix="Safe: the token is replaced by a mask; revoke it with @BotFather all the same.",
        more_bad=(
            "To: support@telegram.org\nSubject: [功能咨询] - Bot API 用法\n\n"
            ""
            "Token：6284713905:AAHk3vQ9pZ2LmN8xR4tY7uW1bC5dE0fGh-s\n",
        ),
        more_good=(
            "To: support@telegram.org\nSubject: [功能咨询] - Bot API 用法\n\n"
            "机器人是 @qinglan_notice_bot，Token 已重置。\n",
        ),
    )


class ApiCredentialsInDraft(_SecretRule):
    code = "TG504"
    name = "api-hash-in-draft"
    kinds = frozenset({"api-hash"})
    summary = "An api_hash (with its api_id) is written in the draft."
    doc = RuleDoc(
        what=(
            "Flags an api_hash (32 hexadecimal digits) written after its name (`api_hash: ...`, "
            '`api_hash = "..."`, `api_hash 是 ...`); the fix masks the api_id beside it too.'
        ),
        why=(
            "The api_id/api_hash pair identifies an application to Telegram's API and must stay private "
            "(guide: 不要提供密码或PIN码; 保护个人隐私和敏感数据). Support needs the app's name, not its keys."
        ),
        bad=(
            "To: support@telegram.org\nSubject: [Technical Issue] - API_ID_INVALID\n\n"
            ""
            "api_id: 1234567\napi_hash: 0123456789abcdef0123456789abcdef\n"
        ),
        good=(
            "To: support@telegram.org\nSubject: [Technical Issue] - API_ID_INVALID\n\n"
            ""
            "My app's api_id was created on my.telegram.org; the api_hash is not included here.\n"
        ),
        fix="Safe: the api_hash and the api_id are replaced by masks.",
        more_bad=(
            "To: support@telegram.org\nSubject: [技术问题] - API 报错\n\n"
            "我的 api_hash 是 a3f9c2e18b7d4f6091c2b3a4d5e6f708。\n",
        ),
        more_good=(
            "To: support@telegram.org\nSubject: [技术问题] - API 报错\n\n"
            "api_hash 已隐藏，文件 MD5 为 d41d8cd98f00b204e9800998ecf8427e。\n",
        ),
    )


class SessionStringInDraft(_SecretRule):
    code = "TG505"
    name = "session-string-in-draft"
    kinds = frozenset({"session"})
    summary = "A session string (a logged-in session's key) is written in the draft."
    doc = RuleDoc(
        what=(
            'Flags a long base64-like string written near "session", "string session", "会话" or '
            '"auth_key": an exported login session (Telethon/Pyrogram string sessions).'
        ),
        why=(
            "A session string is a logged-in account: whoever has it reads and writes as you, with no code "
            "and no password. The guide: 不要提供密码或PIN码."
        ),
        bad=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Session revoked\n\n"
            ""
            "My session string: 1BVtsOKABu4xZk3n7QpR2sT9vW8yA5bC6dE1fG2hI3jK4lM5nO6pQ7rS8tU9vW0xY1zA2bC3dE4fG\n"
        ),
        good=(
            "To: support@telegram.org\nSubject: [Technical Issue] - Session revoked\n\n"
            ""
            "My Telethon session was revoked at 10:30 UTC; I can send the error message.\n"
        ),
        fix="Safe: the session string is replaced by a mask; terminate that session all the same.",
        more_bad=(
            "To: support@telegram.org\nSubject: [技术问题] - 会话失效\n\n"
            "会话字符串如下：\nAQAxYz12bC34dE56fG78hI90jK12lM34nO56pQ78rS90tU12vW34xY56zA78bC90dE12\n",
        ),
        more_good=("To: support@telegram.org\nSubject: [技术问题] - 会话失效\n\n我在“设备”里终止了这个会话。\n",),
    )


RULES: tuple[type[Rule], ...] = (
    PasswordInDraft,
    LoginCodeInDraft,
    TokenInDraft,
    ApiCredentialsInDraft,
    SessionStringInDraft,
)
