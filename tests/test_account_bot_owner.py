"""A developer writing about their own bot gives their account as the bot's owner: "Bot owner: @x",
"账号：机器人所有者 @x（+86 …）" identify the writer's account (fixtures/voices4 zh/023), though the bot's own
@name stands nearby. Generated over labels, identifiers and both languages."""

from __future__ import annotations

import itertools

import pytest
from lintkit import lint

LEAD = {
    "en": "To: support@telegram.org\nSubject: [Technical Issue] - Bot gets no group updates\n\nHello,\n\n"
    "Our bot @shop_helper_bot gets no group updates since 2 December at 15:00 (UTC); setWebhook returns ok.\n",
    "zh": "收件人：support@telegram.org\n主题：[技术问题] - 机器人收不到群消息\n\n你好，\n\n"
    "我们的机器人 @huiyun_kefu_bot 从 12 月 1 日 10:00 起收不到群里的消息，setWebhook 返回 ok。\n",
}
LABELS = {
    "en": ["Bot owner: {}", "Bot owner account: {}", "The owner account is {}", "Account: bot owner {}"],
    "zh": ["账号：机器人所有者 {}", "机器人所有者账号：{}", "所有者账号 {}", "机器人所有者：{}"],
}
IDS = {
    "en": ["@lucia_shop", "@lucia_shop (+51 987 442 105)", "+51 987 442 105"],
    "zh": ["@chenhui_ops", "@chenhui_ops（+86 137 6120 8854）", "+86 137 6120 8854"],
}
CLOSE = {"en": "\nLucia\n", "zh": "\n陈辉\n"}


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_bot_owner_is_the_writers_account(language: str) -> None:
    for label, value in itertools.product(LABELS[language], IDS[language]):
        draft = LEAD[language] + label.format(value) + "\n" + CLOSE[language]
        assert "TG301" not in {f.rule for f in lint(draft).findings}, draft
