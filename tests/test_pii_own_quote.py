"""An ID card, bank card or passport number in the writer's own earlier mail, quoted in their reply, is sent
again with it (fixtures/voices4 en/063, zh/013): it is reported as standing in the quote, and masked by the
fix. Someone else's quoted words are not the writer's to answer for. Values generated with fixed seeds:
resident IDs with their check character, Luhn-valid card numbers."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from lintkit import lint
from stdnum import luhn
from stdnum.cn import ric

RNG = random.Random(61207)


def _resident_id() -> str:
    born = date(1960, 1, 1) + timedelta(days=RNG.randrange(365 * 45))
    head = f"{RNG.choice(['110105', '310104', '440305', '510107'])}{born:%Y%m%d}{RNG.randint(100, 999)}"
    return head + ric.calc_check_digit(head + "0")


def _card() -> str:
    head = RNG.choice(["4", "51", "62"]) + "".join(str(RNG.randint(0, 9)) for _ in range(13))
    head = head[:15]
    return head + luhn.calc_check_digit(head)


def _passport() -> str:
    return RNG.choice("EGKZ") + str(RNG.randint(10_000_000, 99_999_999))


VALUES = {
    "TG551": {"en": "my ID card number is {}", "zh": "我的身份证号是{}"},
    "TG552": {"en": "my bank card number is {}", "zh": "我的银行卡号是{}"},
    "TG553": {"en": "my passport number is {}", "zh": "我的护照号码是{}"},
}
MAKERS = {"TG551": _resident_id, "TG552": _card, "TG553": _passport}
REPLY = {
    "en": "To: security@telegram.org\nFrom: Wei Zhang <wei.zhang@example.com>\n"
    "Subject: RE: [Account Security] - Cannot log in after SIM swap\n\nHello again,\n\nFollowing up on my mail "
    "below: the account is +86 139 1234 5678 (@wei_zhang), user ID 1298874503. The last login was on 28 November."
    "\n\nWei Zhang\n\n",
    "zh": "收件人：security@telegram.org\n发件人：张伟 <wei.zhang@example.com>\n"
    "主题：RE: [账户安全] - 旧手机号停用后无法登录\n\n你好，\n\n补充上一封邮件：账号 +86 139 1234 5678（@wei_zhang），"
    "最后一次登录是 11 月 28 日。\n\n张伟\n\n",
}
QUOTES = {
    "en": [
        "-----Original Message-----\nFrom: Wei Zhang <wei.zhang@example.com>\nSent: Monday, November 30, 2026\n"
        "To: security@telegram.org\nSubject: [Account Security] - Cannot log in\n\nTo prove it is me, {value}. "
        "Please restore my access.\n",
        "On Mon, Nov 30, 2026 at 10:02 AM Wei Zhang <wei.zhang@example.com> wrote:\n> To prove it is me, {value}.\n"
        "> Please restore my access.\n",
    ],
    "zh": [
        "-----Original Message-----\nFrom: 张伟 <wei.zhang@example.com>\nSent: Monday, November 30, 2026\n"
        "To: security@telegram.org\nSubject: [账户安全] - 无法登录\n\n为了证明账号是我的，{value}。请帮我恢复。\n",
        "在 2026年11月30日 10:02，张伟 <wei.zhang@example.com> 写道：\n"
        "> 为了证明账号是我的，{value}。\n> 请帮我恢复。\n",
    ],
}
PLACE = {"en": "your earlier mail quoted here", "zh": "引用的您之前的邮件中"}


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("rule", ["TG551", "TG552", "TG553"])
def test_personal_data_in_the_writers_own_quoted_mail_is_reported(language: str, rule: str) -> None:
    for quote in QUOTES[language]:
        for _ in range(4):
            value = MAKERS[rule]()
            draft = REPLY[language] + quote.format(value=VALUES[rule][language].format(value))
            found = [f for f in lint(draft).findings if f.rule == rule]
            assert found, draft
            assert PLACE[language] in found[0].message and value not in found[0].message
            assert found[0].fix is not None


@pytest.mark.parametrize("language", ["en", "zh"])
def test_someone_elses_quoted_words_are_not_the_writers(language: str) -> None:
    """The same quote, written by another (a scammer's message the writer quotes as evidence)."""
    for quote in QUOTES[language]:
        value = _resident_id()
        text = quote.replace("Wei Zhang <wei.zhang@", "Li Ming <li.ming@").replace("张伟 <wei.zhang@", "李明 <li.ming@")
        draft = REPLY[language] + text.format(value=VALUES["TG551"][language].format(value))
        assert not [f for f in lint(draft).findings if f.category == "pii"], draft
