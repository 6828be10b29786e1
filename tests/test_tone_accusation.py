"""An insult built from its structure (issue 12: "profanity and insults in Chinese beyond the current list"): the
reader called an insulting name, "你们就是一群骗子" (fixtures/voices23 zh/024), "You guys are a bunch of thieves",
is hostile (TG601) from the tone packs' [accusation] parts, not from a list of whole phrases. Not: a denial before
it, someone else's words reported, a fake "客服" the writer was scammed by, a noun that goes on to be something
else's ("if you are a scam victim"). Generated over readers, copulas, modifiers and nouns, both languages."""

from __future__ import annotations

from itertools import product

import pytest
from lintkit import lint

ZH = [
    f"{r}{c}{m}{n}"
    for r, c, m, n in product(
        ["你们", "你们客服", "你们平台"], ["就是", "都是"], ["", "一群"], ["骗子", "强盗", "吸血鬼"]
    )
]
EN = [
    f"{r} {c} {m}{n}"
    for r, c, m, n in product(
        ["You", "You guys", "Your support team"],
        ["are"],
        ["", "a bunch of ", "nothing but "],
        ["scammers", "thieves", "crooks"],
    )
]


def _hostile(body: str) -> bool:
    zh = any("\u4e00" <= ch <= "\u9fff" for ch in body)
    head = (
        "收件人：support@telegram.org\n主题：[支付问题] - 重复扣费\n\n"
        if zh
        else "To: support@telegram.org\nSubject: [Payment Issue] - Double charge\n\n"
    )
    tail = (
        "4月1日 Premium 被扣了两次款，收据 MKZ7Q1LX8A。"
        if zh
        else "I was charged twice for Premium on 1 April, receipt MKZ7Q1LX8A."
    )
    return "TG601" in {f.rule for f in lint(f"{head}{body}\n\n{tail}\n").findings}


@pytest.mark.parametrize("body", [f"{a}，专门坑用户的钱！" for a in ZH])
def test_zh_calling_the_reader_names_is_hostile(body: str) -> None:
    assert _hostile(body)


@pytest.mark.parametrize("body", [f"{a}, taking people's money!" for a in EN])
def test_en_calling_the_reader_names_is_hostile(body: str) -> None:
    assert _hostile(body)


@pytest.mark.parametrize(
    "body",
    [
        "我不是说你们是骗子，只是希望尽快处理。",
        "那个所谓的客服是骗子，骗走了我 500 元。",
        "请问你们是骗子冒充的吗？我收到一条自称官方的消息。",
        "I'm not saying you are scammers, I just want this fixed.",
        "If you are a scam victim, you should report it, a friend told me.",
        'The bot wrote "you are all thieves" to everyone in the group.',
    ],
)
def test_denied_reported_or_someone_elses_is_not(body: str) -> None:
    assert not _hostile(body)
