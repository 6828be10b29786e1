"""Secret rules: passwords and PINs (TG501), codes (TG502), bot tokens (TG503), api_hash (TG504),
session strings (TG505). Each secret is reported once, masked, with a safe fix."""

from __future__ import annotations

import base64

import pytest
from lintkit import FIXTURES, lint

from tglint.masking import mask_text
from tglint.models import Finding
from tglint.recognizers.secrets import BOT_TOKEN

ZH = "To: security@telegram.org\nSubject: [账户安全] - 账号被盗\n\n"
EN = "To: security@telegram.org\nSubject: [Account Security] - Account stolen\n\n"


def secrets(text: str) -> list[Finding]:
    return [f for f in lint(text).findings if f.category == "secret"]


def secret_values(text: str) -> list[tuple[str, str]]:
    lines = text.split("\n")
    return [(f.rule, lines[f.line - 1][f.column - 1 : f.end_column - 1]) for f in secrets(text)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("密码是Lx@880915，请帮忙", ("TG501", "Lx@880915")),
        ("密码：abc12345", ("TG501", "abc12345")),
        ("二步验证密码：Lx@880915", ("TG501", "Lx@880915")),
        ("系统让我输入二步验证密码，我输入的是 Tk#2024sz，提示错误", ("TG501", "Tk#2024sz")),
        ("我的密码锁是 4 位数字 2580", ("TG501", "2580")),
        ("PIN码1234", ("TG501", "1234")),
        ("验证码 12345", ("TG502", "12345")),
        ("验证码是 58213", ("TG502", "58213")),
        ("验证码我收到了，是 58213", ("TG502", "58213")),
        # In quotation marks without the notification's warning: the writer's words (with it, the notification as
        # evidence: test_secret_forwarded_notification.py).
        ("“登录代码：64219”，这是我刚收到的", ("TG502", "64219")),
        ("恢复码：8XK2-9QPL", ("TG502", "8XK2-9QPL")),
        ("my password is Hunter2024!", ("TG501", "Hunter2024")),
        ("pw: s3cret!", ("TG501", "s3cret")),
        ("the password I used was Summer2023", ("TG501", "Summer2023")),
        ("It asks for my password. I'm typing Harbor.Light77 and it fails.", ("TG501", "Harbor.Light77")),
        ("I have to type my passcode (it's 4417) to get in", ("TG501", "4417")),
        ("login code 12345", ("TG502", "12345")),
        ("the code I just got was 40718", ("TG502", "40718")),
        ("the code 12345 doesn't work", ("TG502", "12345")),
        (
            "Bot token: 123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11",
            ("TG503", "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"),
        ),
        ("我的 api_hash 是 a3f9c2e18b7d4f6091c2b3a4d5e6f708。", ("TG504", "a3f9c2e18b7d4f6091c2b3a4d5e6f708")),
        ('"api_hash": "4b1e9f0c7a2d83e6b5c1f9a07d3e62b8"', ("TG504", "4b1e9f0c7a2d83e6b5c1f9a07d3e62b8")),
        # The value a few words after a verb of entering, sending or setting, in the same sentence.
        ("He wanted the login code from the SMS, and I pasted it into the chat: 61408", ("TG502", "61408")),
        ("I forwarded him the code, 90217, before I understood", ("TG502", "90217")),
        ("Telegram sent me a login code and I typed 38491 into the box", ("TG502", "38491")),
        ("The 2FA password I chose when I first turned it on — Fjord&Pine31 — is rejected", ("TG501", "Fjord&Pine31")),
        ("My cloud password, which I had kept unchanged since 2020, was Kestrel_9west", ("TG501", "Kestrel_9west")),
        ("I set the two-step password years ago; it was Falcon2011x", ("TG501", "Falcon2011x")),
        ("My PIN, which I never changed, is 7391", ("TG501", "7391")),
        ("他让我把短信里的登录码念给他听，我就直接报了：30719", ("TG502", "30719")),
        ("他又要一次验证码，我把 55821 也发给了他", ("TG502", "55821")),
        ("官方发来的登陆码 47260 我填进去了", ("TG502", "47260")),
        ("锁屏密码我也试过，设的是 zx7788MM", ("TG501", "zx7788MM")),
        ("我当时输入的登录码应该是 40917，然后就提示错误", ("TG502", "40917")),
        # A negation that confirms the value does not cancel it.
        ("我很肯定二步验证密码没记错，一直就是 Qing#2021lan", ("TG501", "Qing#2021lan")),
        ("我从来没改过二步验证密码，一直是 Jade#2016", ("TG501", "Jade#2016")),
        ("I didn't forget my passcode, it's Lantern#404", ("TG501", "Lantern#404")),
        ("I'm not sure, but my password was Qx7#maple", ("TG501", "Qx7#maple")),
    ],
)
def test_finds_the_value(body: str, expected: tuple[str, str]) -> None:
    assert secret_values((ZH if body[0] > "\u3000" else EN) + body + "\n") == [expected]


@pytest.mark.parametrize(
    "body",
    [
        "我从来没有把密码告诉任何人",
        "密码已经改过了，我没有提供PIN码",
        "验证码收不到，60 秒后重发也没有",
        "验证码 10:25 又收到一次",
        "密码：******",
        "验证码：<已删除>",
        "密码忘了，是 2023 年设置的",
        "验证码发送到 13800138000",
        "密码提示：Rex2010",
        "api_hash 已隐藏，文件名为 report2024.txt，MD5 为 d41d8cd98f00b204e9800998ecf8427e",
        "I never shared my password",
        "I did not receive the login code",
        "password: ******",
        "code: <redacted>",
        "error code 12345",
        "My password is not working",
        "password reset email: foo@bar.com",
        "The verification code expires in 10 minutes",
        "country code 86 and area code 10010",
        "I pinned 12345 messages",
        "I changed my password on 2024-03-01",
        "My 2FA password has 12 characters",
        "My session on Telegram Desktop 4.16.8 was terminated",
        "The bot token was revoked via @BotFather",
        # Verbs and copulas with no value of the secret's shape after them.
        "I requested the login code, my number is 555 0183",
        "I entered the code on my iPhone15 at 1030 and got logged out",
        "I typed my password and it said PASSWORD_HASH_INVALID",
        "After I entered the code I got 12345 unread messages",
        "I set the 2FA password via my.telegram.org in Telegram Desktop 4.16.8",
        "The code I got came from 42777, the official account",
        "I entered the code, and my username is john_doe88",
        "The code, which arrived after 90 seconds, was valid",
        "the code I wrote sets 30000 as the timeout",
        "I did not send the code to anyone, it was stolen on 2024-03-01",
        "他问我要验证码，我没给他",
        "我在 iPhone15 上输入了二步验证密码，提示错误",
        "验证码收到了，是发到尾号 3046 的手机上的",
        "我收到验证码时，发件人是 Telegram，号码是 42777",
        "我把 Telegram 卸载重装了，验证码发了 3 次都没收到",
        "输入验证码后，我的 12345 条消息都没了",
        "我输入了验证码，然后用户名显示为 abc12345",
        "二步验证密码设成了什么我不记得了",
        "我没有把验证码告诉任何人",
    ],
)
def test_no_secret(body: str) -> None:
    assert secrets((ZH if body[0] > "\u3000" else EN) + body + "\n") == []


def test_every_secret_is_sensitive_masked_and_fixed_safely() -> None:
    text = EN + "my password is P@ssw0rd and my PIN is 4821\n"
    found = secrets(text)
    assert [f.rule for f in found] == ["TG501", "TG501"]
    for finding in found:
        assert finding.sensitive
        assert "P@ssw0rd" not in finding.message and "4821" not in finding.message
        assert finding.fix is not None and finding.fix.applicability == "safe"
        assert all(set(edit.content) == {"*"} for edit in finding.fix.edits)


def test_a_secret_is_reported_once() -> None:
    text = ZH + "Token：6284713905:AAHk3vQ9pZ2LmN8xR4tY7uW1bC5dE0fGh-s\n"
    assert [f.rule for f in secrets(text)] == ["TG503"]


def test_api_hash_fix_masks_the_api_id_too() -> None:
    text = EN + "api_id: 1234567\napi_hash: 0123456789abcdef0123456789abcdef\n"
    (finding,) = secrets(text)
    assert finding.rule == "TG504"
    assert finding.fix is not None and len(finding.fix.edits) == 2


def test_quoted_secrets_are_not_the_writer_s() -> None:
    text = EN + "I did not reply.\n\nOn Mon, 3 Jun 2024, Someone <a@b.c> wrote:\n> your password Hunter2024! please\n"
    assert secrets(text) == []


def test_bot_token_shapes() -> None:
    assert BOT_TOKEN.search("123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11")
    assert BOT_TOKEN.search("6284713905:AAHk3vQ9pZ2LmN8xR4tY7uW1bC5dE0fGh-s")
    assert not BOT_TOKEN.search("12345:ABC-DEF1234ghIkl-zyx57W2v1u123ew11")  # id too short
    assert not BOT_TOKEN.search("10:23:45")


def test_mask_shows_at_most_one_character() -> None:
    assert mask_text("4821") == "****"
    assert mask_text("Hunter2024") == "H*********"


# -- wherever the mail carries it: the subject, the line below a label, the writer's own quoted
# -- mail, the attached files' names


def located(text: str, path: str = "draft.txt") -> list[tuple[str, str, str]]:
    """(rule, part, the flagged text) of each secret finding."""
    result = lint(text, path)
    found = []
    for finding in (f for f in result.findings if f.category == "secret"):
        # Where the part's text is, decoded (a file name, an encoded subject) or as written.
        line = result.part_texts[finding.part].text_line(finding.part_line)
        found.append((finding.rule, finding.part, line[finding.part_column - 1 : finding.part_end_column - 1]))
    return found


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("[Account Security] - my password is Hunter2024!", ("TG501", "subject", "Hunter2024")),
        ("[技术问题] - 验证码 58213 无效", ("TG502", "subject", "58213")),
        # Folded over two lines: the reader sees one.
        ("[Account Security] - my password\n is Hunter2024!", ("TG501", "subject", "Hunter2024")),
    ],
)
def test_a_secret_in_the_subject_is_found(subject: str, expected: tuple[str, str, str]) -> None:
    text = f"To: security@telegram.org\nSubject: {subject}\n\nMy account was stolen yesterday.\n"
    assert located(text) == [expected]


def test_a_secret_in_an_encoded_subject_is_found_and_masked_by_its_fix() -> None:
    subject = "=?utf-8?b?" + base64.b64encode("[账户安全] - 我的密码是 Qw3rty!2024".encode()).decode() + "?="
    text = f"To: security@telegram.org\nSubject: {subject}\nMessage-ID: <a@b>\n\n账号被盗了。\n"
    [finding] = [f for f in lint(text, "draft.eml").findings if f.category == "secret"]
    assert (finding.rule, finding.part, finding.sensitive) == ("TG501", "subject", True)
    assert "Qw3rty" not in finding.message
    assert finding.fix is not None and [e.part for e in finding.fix.edits] == ["subject"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Password:\n\nTr0ub4dor&3\n", ("TG501", "body", "Tr0ub4dor&3")),
        ("Password\nTr0ub4dor&3\n", ("TG501", "body", "Tr0ub4dor&3")),
        ("My new password\n  Tr0ub4dor&3\n", ("TG501", "body", "Tr0ub4dor&3")),
        ("验证码：\n12345\n", ("TG502", "body", "12345")),
        ("验证码\n\n12345\n", ("TG502", "body", "12345")),
        ("api_hash\n0123456789abcdef0123456789abcdef\n", ("TG504", "body", "0123456789abcdef0123456789abcdef")),
    ],
)
def test_a_label_alone_on_its_line_names_the_value_below(body: str, expected: tuple[str, str, str]) -> None:
    assert located(EN + body) == [expected]


@pytest.mark.parametrize(
    "body",
    [
        # The name ends a sentence, not a label: the next line is the writer's next thought.
        "Yesterday someone changed my password\nTr0ub4dor&3 was the old one, I think\n",
        "Password\n\n\n\nTr0ub4dor&3\n",  # too far below
        "验证码\n60 秒后重发\n",
        "Password\n******\n",
    ],
)
def test_a_label_does_not_reach_past_its_next_line(body: str) -> None:
    assert located(EN + body) == []


OWN_EARLIER_MAIL = (
    "To: security@telegram.org\nSubject: Re: [Account Security] - Account stolen\n\nHello, any news?\n\nSanne\n\n"
    "On Mon, 18 Mar 2024, Telegram Security <security@telegram.org> wrote:\n> Please never send passwords.\n>\n"
    "> On Sun, 17 Mar 2024, Sanne de Vries <sanne@example.com> wrote:\n>> My password is Hunter2024! and the login "
    "code 58213.\n>>\n>> Sanne de Vries\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The attribution names the writer's sign-off, the quoted text is nested in support's reply.
        (OWN_EARLIER_MAIL, [("TG501", "body", "Hunter2024"), ("TG502", "body", "58213")]),
        # The attribution names the From address; the value is below its label.
        (
            "From: Sanne <sanne@example.com>\nTo: security@telegram.org\nSubject: Re: stolen\n\nAny news?\n\n"
            "On Sun, 17 Mar 2024 at 10:00, Sanne <sanne@example.com> wrote:\n> Password:\n> Tr0ub4dor&3\n",
            [("TG501", "body", "Tr0ub4dor&3")],
        ),
        # The writer forwards their own earlier mail.
        (
            "From: Sanne <sanne@example.com>\nTo: security@telegram.org\nSubject: Fwd: stolen\n\nMy earlier mail.\n\n"
            "---------- Forwarded message ---------\nFrom: Sanne <sanne@example.com>\nDate: Mon\nSubject: stolen\n\n"
            "My password is Hunter2024x\n",
            [("TG501", "body", "Hunter2024x")],
        ),
        # No attribution, but signed by the writer.
        (
            "To: security@telegram.org\nSubject: Re: 账号被盗\n\n有进展吗？\n\n顾衍青\n\n"
            "在 2024年3月18日，Telegram Security <security@telegram.org> 写道：\n> 请不要发送密码。\n"
            ">> 我的密码是 Qw3rty!2024\n>> 顾衍青\n",
            [("TG501", "body", "Qw3rty!2024")],
        ),
    ],
)
def test_a_secret_in_the_writer_s_own_quoted_mail_is_found(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert located(text) == expected
    findings = [f for f in lint(text).findings if f.category == "secret"]
    assert all("earlier mail" in f.message or "之前的邮件" in f.message for f in findings)


@pytest.mark.parametrize(
    "text",
    [
        # Someone else's words: a scammer's message the writer reports.
        (FIXTURES / "secret" / "pass-quoted-secret.txt").read_text(encoding="utf-8"),
        OWN_EARLIER_MAIL.replace("Sanne de Vries <sanne@example.com>", "Scammer <x@example.net>").replace(
            ">> Sanne de Vries", ">> Support"
        ),
        # A notification the writer forwards: its reset link's token is not the writer's password.
        "From: Sanne <sanne@example.com>\nTo: security@telegram.org\nSubject: Fwd: reset\n\nIs this link real?\n\n"
        "---------- Forwarded message ---------\nFrom: Telegram <noreply@telegram.org>\nDate: Mon\nSubject: Reset\n\n"
        "Click https://my.telegram.org/reset?token=abc123def456ghi789jkl012mno to reset your password.\n",
    ],
)
def test_someone_else_s_quoted_words_are_not_searched(text: str) -> None:
    assert located(text) == []


def test_a_secret_in_an_attached_file_s_name_is_found_without_a_fix() -> None:
    text = (
        "To: security@telegram.org\nSubject: [Account Security] - stolen\nMIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain; charset=utf-8\n\nHello\n'
        '--b\nContent-Type: text/plain\nContent-Disposition: attachment; filename="my_password_Tr0ub4dor.txt"\n\nx\n'
        "--b\nContent-Type: image/png\nContent-Disposition: attachment; filename*=utf-8''%E9%AA%8C%E8%AF%81%E7%A0%81"
        '12345.png\n\nx\n--b\nContent-Type: image/png\nContent-Disposition: attachment; filename="screenshot.png"'
        "\n\nx\n--b--\n"
    )
    assert located(text, "draft.eml") == [("TG501", "attachments", "Tr0ub4dor"), ("TG502", "attachments", "12345")]
    for finding in (f for f in lint(text, "draft.eml").findings if f.category == "secret"):
        assert finding.sensitive and finding.fix is None
        assert "Tr0ub4dor" not in finding.message and "12345" not in finding.message


# Secrets as people write them (issue 12).
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The bot token:85182055:AA66PdCOVkFMt9WK3lLqiReLaBSUI_3Vhx4; getUpdates returns nothing.",
            ("TG503", "85182055:AA66PdCOVkFMt9WK3lLqiReLaBSUI_3Vhx4"),
        ),
        ("The 2FA password is @2d4stgXdf@W, please help.", ("TG501", "@2d4stgXdf@W")),
        (
            "My app api_id 123456 fails. The hash is 0123456789abcdef0123456789abcdef, please check.",
            ("TG504", "0123456789abcdef0123456789abcdef"),
        ),
        ("应用的 hash 是 0123456789abcdef0123456789abcdef。", ("TG504", "0123456789abcdef0123456789abcdef")),
    ],
)
def test_secrets_written_as_people_write_them_are_found(body: str, expected: tuple[str, str]) -> None:
    head = ZH if any("\u4e00" <= ch <= "\u9fff" for ch in body) else EN
    assert expected in secret_values(head + body + "\n")


@pytest.mark.parametrize(
    "body",
    [
        "The file hash is 0123456789abcdef0123456789abcdef, the download is broken.",
        'I got this: "Reset your password here: /reset?token=abc123" and then lost access.',
        "My Telegram username is @durov_fan, please help.",
    ],
)
def test_links_checksums_and_usernames_are_not_secrets(body: str) -> None:
    assert secrets(EN + body + "\n") == []


_PASSWORD_CHARS = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!#$%"


def _passwords(seed: str, count: int = 20) -> list[str]:
    """Passwords as people make them: a capital, letters, and a digit or mark somewhere."""
    import random

    rng = random.Random(seed)
    values = []
    for _ in range(count):
        body = [rng.choice(_PASSWORD_CHARS) for _ in range(8)] + [rng.choice("23456789!#$")]
        rng.shuffle(body)
        values.append(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") + "".join(body))
    return values


@pytest.mark.parametrize(
    "frame", ["2FA: {}", "my 2FA is {}", "2FA password: {}", "My 2fa was {} before they changed it."]
)
def test_the_two_step_setting_named_for_its_password_gives_its_value(frame: str) -> None:
    for value in _passwords(frame):
        found = [f for f in secrets(EN + frame.format(value) + "\n") if f.rule == "TG501"]
        assert found, frame.format(value)


@pytest.mark.parametrize(
    "body",
    [
        "2FA is enabled.",
        "2FA: on",
        "2FA: enabled",
        "I have 2FA set up since 2021.",
        "2FA is turned on and my recovery email is old.",
        "2FA: yes, recovery email set",
        "I don't remember my 2FA.",
        "My 2FA was set by my brother.",
        "I enabled 2FA in 2023.",
    ],
)
def test_the_two_step_setting_named_without_a_value_is_no_secret(body: str) -> None:
    assert not [f for f in secrets(EN + body + "\n") if f.rule == "TG501"]


@pytest.mark.parametrize("frame", ["二步验证：{}", "两步验证是{}", "二次验证 {}", "2FA：{}"])
def test_the_two_step_setting_named_for_its_password_gives_its_value_in_chinese(frame: str) -> None:
    for value in _passwords(frame):
        assert [f for f in secrets(ZH + frame.format(value) + "\n") if f.rule == "TG501"], frame.format(value)


@pytest.mark.parametrize("body", ["我开了二步验证。", "2FA已开启。", "二步验证：已开启", "两步验证是2023年设置的。"])
def test_the_two_step_setting_named_without_a_value_is_no_secret_in_chinese(body: str) -> None:
    assert not [f for f in secrets(ZH + body + "\n") if f.rule == "TG501"]


@pytest.mark.parametrize("value", ["J3X#XvwMHk", "Alex__2024", "Tk_-_2024x", "P4x#x#word"])
def test_a_password_holding_mask_characters_is_still_a_password(value: str) -> None:
    assert [f for f in secrets(EN + f"My password is {value} and it stopped working.\n") if f.rule == "TG501"]
    assert [f for f in secrets(ZH + f"密码是{value}，现在登不上了。\n") if f.rule == "TG501"]


@pytest.mark.parametrize("value", ["xxxx", "XXXXXX", "****", "#*#*", "______", "••••1234", "ab***cd1"])
def test_a_masked_password_is_no_secret(value: str) -> None:
    assert not [f for f in secrets(EN + f"My password is {value} and it stopped working.\n") if f.rule == "TG501"]
