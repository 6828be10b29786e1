"""Which identifiers name the writer's account (fixtures/voices5 zh/002, en/068, en/098), generated in both
languages: a bot's @username the writer asked ("我去 @SpamBot 问了") is not their account; "my id is 5123456789"
is their numeric ID (not a phone number without its code); a number no plan holds ("+1 555 12 34") finds no
account though written with a country code; a labelled "Username: @name" is theirs whatever it ends with."""

from __future__ import annotations

import random
from itertools import product

import pytest
from lintkit import lint

SEED = 2
BOTS = ["@SpamBot", "@PremiumBot", "@shop_orders_bot", "@GroupHelpBot", "@VerifyBot"]
ZH = "收件人：security@telegram.org\n主题：[账户安全] - 账号被限制\n\n"
EN = "To: security@telegram.org\nSubject: [Account Security] - Account limited\n\n"
ZH_ASKED = ["我去 {bot} 问了，它说我的账号被限制了。", "{bot} 说我被限制到 3 月 10 日。", "我问了{bot}，没有用。"]
EN_ASKED = [
    "I asked {bot} and it says my account is limited.",
    "{bot} told me the limit ends on 10 March.",
    "Wrote to {bot}, no help.",
]


def _rules(draft: str) -> set[str]:
    return {f.rule for f in lint(draft, select=("TG301", "TG401", "TG402")).findings}


@pytest.mark.parametrize(("bot", "asked"), list(product(BOTS, ZH_ASKED)))
def test_zh_a_bot_asked_is_not_the_writers_account(bot: str, asked: str) -> None:
    draft = (
        ZH + "从 3 月 2 日下午开始我只能给双向联系人发消息。" + asked.format(bot=bot) + "我的手机号是 13867452190。\n"
    )
    assert "TG301" in _rules(draft)


@pytest.mark.parametrize(("bot", "asked"), list(product(BOTS, EN_ASKED)))
def test_en_a_bot_asked_is_not_the_writers_account(bot: str, asked: str) -> None:
    draft = (
        EN
        + "Since 2 March I can only message mutual contacts. "
        + asked.format(bot=bot)
        + " My number 0803 123 4567.\n"
    )
    assert "TG301" in _rules(draft)


@pytest.mark.parametrize("bot", BOTS)
def test_a_labelled_username_is_the_writers_whatever_it_ends_with(bot: str) -> None:
    assert "TG301" not in _rules(EN + f"Since 2 March I can only message mutual contacts.\n\nUsername: {bot}\n")
    assert "TG301" not in _rules(ZH + f"从 3 月 2 日下午开始我只能给双向联系人发消息。\n\n用户名：{bot}\n")


IDS = [str(random.Random(SEED + i).randrange(10**4, 8 * 10**9)) for i in range(12)]


@pytest.mark.parametrize("number", IDS)
def test_my_id_is_the_numeric_account_id(number: str) -> None:
    draft = EN + f"WHY YOU BAN ME? my id is {number} , i am not spammer. unban me please, since 2 March.\n"
    assert "TG301" not in _rules(draft)


def test_a_longer_number_after_my_id_is_no_telegram_id() -> None:
    assert "TG301" in _rules(EN + "my id is 510723199001011234, unban me please, since 2 March.\n")


@pytest.mark.parametrize(
    ("impossible", "valid"),
    [
        ("+1 555 12 34", "+1 415 555 0132"),
        ("+44 7700 9001", "+44 7911 123456"),
        ("+86 138 0013 800", "+86 138 0013 8000"),
        ("+7 916 555 12", "+7 916 555 12 34"),
    ],
)
def test_a_number_no_plan_holds_finds_no_account(impossible: str, valid: str) -> None:
    lead = "My phone was stolen on 4 March at 18:00 (iPhone 14, iOS 17.3, Telegram 11.3). "
    assert "TG301" in _rules(EN + lead + f"My Telegram number is {impossible}.\n")
    assert "TG301" not in _rules(EN + lead + f"My Telegram number is {valid}.\n")
