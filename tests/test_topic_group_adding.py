"""Strangers adding the writer to groups again and again (stock-tip, crypto, betting groups) is spam as it is
most often told: abuse, and a second matter after a technical report (a relative adding one to family groups
is not: tests/test_mixed.py) (issue 12, fixtures/voices7 zh/028:
"还有最近老有陌生人拉我进炒股群，很烦，能不能管管？"). Generated over wordings x first matters, both languages."""

from __future__ import annotations

from itertools import product

import pytest
from lintkit import lint

from tglint.packs import load_packs
from tglint.topic import score_topics

PACKS = load_packs(())
ZH_SPAM = [
    "还有最近老有陌生人拉我进炒股群，很烦，能不能管管？",
    "另外总有人把我拉进博彩群，能不能处理一下？",
    "还有陌生人拉我进群发广告，烦死了。",
]
EN_SPAM = [
    "Also, strangers keep adding me to crypto groups every day, can you stop it?",
    "And random people keep adding me to betting groups, it's so annoying.",
    "Also random accounts keep adding me to groups full of ads.",
]
ZH_FIRST = ["1. 12月5日起贴纸面板全是灰色方块，加载不出来。设备 iPhone 14 Plus，iOS 18.1，Telegram 11.3.2。"]
EN_FIRST = [
    "1. Since 5 December my sticker panel shows grey boxes and won't load. iPhone 14, iOS 18.1, Telegram 11.3.2."
]


@pytest.mark.parametrize("spam", ZH_SPAM + EN_SPAM)
def test_being_added_to_groups_by_strangers_is_abuse(spam: str) -> None:
    scores = score_topics(spam, PACKS)
    assert max(scores, key=lambda t: scores[t]) == "abuse" and scores["abuse"] >= 1.5


@pytest.mark.parametrize(("first", "spam"), list(product(ZH_FIRST, ZH_SPAM)))
def test_zh_a_sticker_bug_and_group_spam_are_two_matters(first: str, spam: str) -> None:
    head = "收件人：support@telegram.org\n主题：[技术问题] - 贴纸包显示不出来\n\n您好，用户名 @lucky_js。\n\n"
    text = f"{head}{first}\n2. {spam}\n\n谢谢！\n"
    assert "TG701" in {f.rule for f in lint(text).findings}


@pytest.mark.parametrize(("first", "spam"), list(product(EN_FIRST, EN_SPAM)))
def test_en_a_sticker_bug_and_group_spam_are_two_matters(first: str, spam: str) -> None:
    head = "To: support@telegram.org\nSubject: [Technical Issue] - Stickers won't load\n\nHi, @lucky_js here.\n\n"
    text = f"{head}{first}\n2. {spam}\n\nThanks!\n"
    assert "TG701" in {f.rule for f in lint(text).findings}
