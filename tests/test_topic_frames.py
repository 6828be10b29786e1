"""A press inquiry or a legal letter is that mailbox's mail whatever it asks about (fixtures/voices5 en/066: a
reporter's questions on scam channels, with a [Press Inquiry] tag, had no topic for the scam words). The
`[frames]` words of rules/<lang>/topics.toml (the writer's role and request) discount the other topics' words.
Generated over frames x subject matters x ways of sending, both languages; a mail without them keeps its topic."""

from __future__ import annotations

import random
from itertools import product

import pytest
from lintkit import lint

SEED = 66
EN_FRAMES = [
    "I'm preparing a piece on this for Friday and would welcome an official statement.",
    "This is a request for comment for an article we publish on 15 March.",
    "Our readers have asked about this; we are working on a story and would value a written statement.",
    "Could we have an on-the-record answer? I am working on an article for our readers.",
]
EN_MATTERS = [
    "how Telegram detects scam channels, fraud bots and phishing links, and how many scam channels were removed",
    "how Telegram handles hacked accounts, stolen sessions and account takeovers reported to it",
    "what Telegram does about harassment, doxxing and impersonation channels targeting activists",
]
ZH_FRAMES = [
    "我们正在撰写一篇报道，希望贵方置评。",
    "本刊计划下周刊发相关文章，截稿时间为 3 月 12 日，盼书面回应。",
    "我们的读者很关心这个问题，诚挚发出采访邀请。",
]
ZH_MATTERS = [
    "平台如何识别和处理诈骗频道、钓鱼链接和虚假投资群组，以及去年封禁了多少诈骗频道",
    "账号被盗、异地登录和会话劫持的处理流程",
    "针对网络骚扰、人肉搜索和冒充账号的举报处理",
]
EN_HEADERS = [
    "To: press@telegram.org\nSubject: [Press Inquiry] - Questions on {topic}\n\n",
    "To: press@telegram.org\nSubject: Questions from a reporter\n\n",
]
ZH_HEADERS = [
    "收件人：press@telegram.org\n主题：[商务合作] - 关于{topic}的采访\n\n",
    "收件人：press@telegram.org\n主题：记者来信\n\n",
]


def _topic(draft: str) -> str | None:
    return lint(draft, select=("TG201", "TG108")).topic


EN_CASES = random.Random(SEED).sample(list(product(EN_FRAMES, EN_MATTERS, EN_HEADERS)), 16)
ZH_CASES = list(product(ZH_FRAMES, ZH_MATTERS, ZH_HEADERS))


@pytest.mark.parametrize(("frame", "matter", "header"), EN_CASES)
def test_en_press_inquiry_about_other_matters_is_press(frame: str, matter: str, header: str) -> None:
    draft = (
        header.format(topic="moderation")
        + f"Hello,\n\nI'm a reporter. I would like to ask {matter}.\n{frame}\n\nJane Roe\n"
    )
    assert _topic(draft) == "press"
    assert not lint(draft, select=("TG201", "TG108")).findings


@pytest.mark.parametrize(("frame", "matter", "header"), ZH_CASES)
def test_zh_press_inquiry_about_other_matters_is_press(frame: str, matter: str, header: str) -> None:
    draft = header.format(topic="平台治理") + f"您好，\n\n我是记者，想了解{matter}。{frame}\n\n王晓\n"
    assert _topic(draft) == "press"
    assert not lint(draft, select=("TG201", "TG108")).findings


@pytest.mark.parametrize(
    "body",
    [
        "I'm a journalist and my account was hacked yesterday at 14:00; someone changed my 2FA password.",
        "I left a comment in a channel and then my account was banned. Please review the ban.",
        "A scam channel stole 300 USDT from me on 2 March: t.me/fake_invest_pro. Please remove it.",
    ],
)
def test_a_writer_with_a_problem_of_their_own_keeps_its_topic(body: str) -> None:
    draft = f"To: support@telegram.org\nSubject: help\n\n{body}\n"
    assert _topic(draft) != "press"
