"""A bot token or an api_hash in quoted text someone else wrote (a colleague's forwarded note, an internal
Outlook thread below the writer's words: fixtures/voices4 en/091, zh/041) is sent with the mail all the same
and stays valid until revoked: it is reported, said to stand in the quoted text. A login code in a quoted
notification is not (it expires; the writer did not paste it). Generated with fixed seeds, in both languages
and four ways of quoting."""

from __future__ import annotations

import itertools
import random
import string

import pytest
from lintkit import lint

RNG = random.Random(20261207)


def _bot_token() -> str:
    secret = "AA" + "".join(RNG.choice(string.ascii_letters + string.digits + "_-") for _ in range(33))
    return f"{RNG.randint(10**8, 10**10 - 1)}:{secret}"


def _api_pair() -> tuple[str, str]:
    return str(RNG.randint(10**6, 10**8 - 1)), "".join(RNG.choice("0123456789abcdef") for _ in range(32))


OWN = {
    "en": "To: support@telegram.org\nSubject: [Technical Issue] - Bot stopped receiving updates\n\nHello,\n\n"
    "Our bot @shop_helper_bot stopped receiving updates on 2 December at 15:00 (UTC). The owner account is "
    "+51 987 442 105 (@lucia_shop). Server: Node.js 20. Forwarding my developer's notes below.\n\nLucia\n\n",
    "zh": "收件人：support@telegram.org\n主题：[技术问题] - 机器人从 12 月 2 日起收不到更新\n\n你好，\n\n"
    "我们的机器人 @shop_helper_bot 从 12 月 2 日 15:00 起收不到更新。所有者账号 +86 137 6120 8854（@lucia_shop）。"
    "服务器 Ubuntu 22.04。下面是同事的排查记录。\n\n陈辉\n\n",
}
QUOTES = {
    "en": [
        "---------- Forwarded message ---------\nFrom: Diego Salas <diego@example.com>\nDate: Thu, Dec 3, 2026\n"
        "Subject: bot notes\n\nLucia, I checked everything. {note}\n",
        "-----Original Message-----\nFrom: Diego Salas <diego@example.com>\nSent: Thursday, December 3, 2026\n"
        "To: Lucia <lucia@example.com>\nSubject: RE: bot\n\nConfig checked, all fine. {note}\n",
        "On Thu, Dec 3, 2026 at 9:12 AM Diego Salas <diego@example.com> wrote:\n> Checked the server.\n> {note}\n",
    ],
    "zh": [
        "---------- Forwarded message ---------\n发件人：李明哲 <limz@example.cn>\n日期：2026年12月3日\n"
        "主题：排查记录\n\n"
        "旭哥，配置我核对过了。{note}\n",
        "-----Original Message-----\nFrom: 李明哲 <limz@example.cn>\nSent: Thursday, December 3, 2026\n"
        "To: 陈辉 <chenhui@example.cn>\nSubject: RE: 机器人掉线\n\n配置没问题。{note}\n",
        "在 2026年12月3日 09:12，李明哲 <limz@example.cn> 写道：\n> 服务器查过了。\n> {note}\n",
    ],
}
NOTES = {
    "en": {"token": "Bot token {token} is correct.", "hash": "api_id = {api_id}\napi_hash = {api_hash}"},
    "zh": {"token": "bot token 是 {token}，没问题。", "hash": "api_id = {api_id}\napi_hash = {api_hash}"},
}
PLACE = {"en": "in the quoted text below", "zh": "下方引用或转发的内容中写有"}


def _drafts(language: str, kind: str) -> list[str]:
    drafts = []
    for quote, _ in itertools.product(QUOTES[language], range(4)):
        api_id, api_hash = _api_pair()
        note = NOTES[language][kind].format(token=_bot_token(), api_id=api_id, api_hash=api_hash)
        if quote.count("> {note}"):
            note = note.replace("\n", "\n> ")
        drafts.append(OWN[language] + quote.format(note=note))
    return drafts


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize(("kind", "rule"), [("token", "TG503"), ("hash", "TG504")])
def test_a_key_in_someone_elses_quoted_words_is_reported(language: str, kind: str, rule: str) -> None:
    for draft in _drafts(language, kind):
        found = [f for f in lint(draft).findings if f.rule == rule]
        assert found, draft
        assert PLACE[language] in found[0].message
        assert "AA" not in found[0].message and "api_hash = " not in found[0].message  # masked


NOTIFICATIONS = {
    "en": "On Mon, Dec 1, 2026 at 10:02 AM Telegram <noreply@telegram.org> wrote:\n> Login code: {code}. Do not give "
    "this code to anyone, even if they say they are from Telegram!\n",
    "zh": "在 2026年12月1日 10:02，Telegram <noreply@telegram.org> 写道：\n"
    "> 登录代码：{code}。请勿将此代码告诉任何人。\n",
}


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_login_code_in_a_quoted_notification_is_not(language: str) -> None:
    for _ in range(6):
        draft = OWN[language] + NOTIFICATIONS[language].format(code=RNG.randint(10000, 99999))
        assert not [f for f in lint(draft).findings if f.category == "secret"], draft
