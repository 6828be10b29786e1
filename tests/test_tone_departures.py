"""Ultimatums whose consequence is leaving for a competitor or telling one's own public (issue 12): "if this isn't
fixed in 24 hours I'm switching to WhatsApp and telling every customer", "再不解决我就换微信并且告诉所有朋友". A
condition or deadline sets them off; without one, moving to another app or telling one's friends is a plan, not a
threat. Generated from conditions x deadlines x consequences x departures in both languages."""

from __future__ import annotations

import random
from itertools import product

import pytest
from lintkit import lint

from tglint.models import Finding

SEED = 12
EN = "To: support@telegram.org\nSubject: [Technical Issue] - Messages not sending\n\n"
ZH = "To: support@telegram.org\nSubject: [技术问题] - 消息发送失败\n\n"


def tone(draft: str) -> list[Finding]:
    return list(lint(draft, select=("TG6",)).findings)


def is_threat(draft: str) -> bool:
    return any(f.rule == "TG601" and ("threat" in f.message or "威胁" in f.message) for f in tone(draft))


def _sample(items: list[tuple[str, ...]], count: int) -> list[tuple[str, ...]]:
    return random.Random(SEED).sample(items, min(count, len(items)))


EN_CONDITIONS = [
    "If this isn't fixed {deadline} ",
    "If I don't hear back {deadline}, ",
    "Unless my messages go through {deadline}, ",
    "If you keep ignoring this {deadline}, ",
]
EN_DEADLINES = ["in 24 hours", "by Friday", "within 48 hours", "by tomorrow", "today"]
EN_CONSEQUENCES = ["I'm", "I am", "we're", "I will", "I'll", "we will", "I'm going to", "I'll have to"]
EN_DEPARTURES = {
    # verb in the progressive, verb after a modal
    "to WhatsApp": ("switching", "switch"),
    "my whole business to Signal": ("moving", "move"),
    "our team to Viber": ("migrating", "migrate"),
    "to a competitor": ("switching", "switch"),
    "every customer why": ("telling", "tell"),
    "all my friends to stop using Telegram": ("telling", "tell"),
    "my followers about this": ("warning", "warn"),
}


def _en_consequence(consequence: str, rest: str) -> str:
    progressive, plain = EN_DEPARTURES[rest]
    verb = progressive if consequence in ("I'm", "I am", "we're") else plain
    return f"{consequence} {verb} {rest}"


EN_ULTIMATUMS = [
    condition.format(deadline=deadline) + _en_consequence(consequence, rest) + "."
    for condition, deadline, consequence, rest in _sample(
        list(product(EN_CONDITIONS, EN_DEADLINES, EN_CONSEQUENCES, list(EN_DEPARTURES))), 80
    )
]
# The condition after the consequence.
EN_ULTIMATUMS += [
    _en_consequence(consequence, rest) + tail
    for consequence, rest, tail in _sample(
        list(
            product(EN_CONSEQUENCES, list(EN_DEPARTURES), [" if this is not solved by Monday.", " unless you reply."])
        ),
        30,
    )
]

ZH_CONDITIONS = [
    "再不解决",
    "你们再不处理，",
    "如果{deadline}还不修好，",
    "如果{deadline}没有回复，",
    "要是还不行，",
    "不然",
]
ZH_DEADLINES = ["三天内", "24小时内", "今天之内"]
ZH_CONSEQUENCES = ["我就", "我们就", "我会", "我只能", "就"]
ZH_DEPARTURES = [
    "换微信",
    "改用 WhatsApp",
    "换成别的软件",
    "转到其他平台",
    "换微信并且告诉所有朋友",
    "告诉所有客户",
    "告诉身边的人别用了",
]
ZH_ULTIMATUMS = [
    condition.format(deadline=deadline) + consequence + departure + "。"
    for condition, deadline, consequence, departure in _sample(
        list(product(ZH_CONDITIONS, ZH_DEADLINES, ZH_CONSEQUENCES, ZH_DEPARTURES)), 100
    )
]


@pytest.mark.parametrize("sentence", EN_ULTIMATUMS)
def test_leaving_or_telling_under_a_deadline_is_a_threat_en(sentence: str) -> None:
    draft = EN + f"Since Monday none of my messages are delivered. {sentence}\n"
    assert is_threat(draft), (sentence, [f.message for f in tone(draft)])


@pytest.mark.parametrize("sentence", ZH_ULTIMATUMS)
def test_leaving_or_telling_under_a_deadline_is_a_threat_zh(sentence: str) -> None:
    draft = ZH + f"从周一开始消息一直发不出去。{sentence}\n"
    assert is_threat(draft), (sentence, [f.message for f in tone(draft)])


@pytest.mark.parametrize(
    ("head", "body"),
    [
        (EN, "I'm moving my work chats to Signal for now, but I would like Telegram to work again."),
        (EN, "We're switching offices next week, so the Wi-Fi will change; I will report back then."),
        (EN, "I'm telling my friends how much I like the new update, thanks!"),
        (EN, "If I can't log in by tomorrow I will have to tell my team to use another app."),
        (EN, "If this isn't fixed by Friday, I will switch to the web version for a while and send you logs."),
        (EN, "I am writing about messages that fail to send; I switched to mobile data and it still fails."),
        (ZH, "我们公司平时用微信和钉钉沟通，Telegram 只用来看频道。"),
        (ZH, "如果还不行我就换个网络再试试。"),
        (ZH, "要是需要的话，我可以告诉大家怎么设置。"),
        (ZH, "如果三天内还不行，我就换一台手机试试，然后再补充日志。"),
    ],
)
def test_plans_and_other_moves_are_not_threats(head: str, body: str) -> None:
    assert not is_threat(head + body + "\n"), [f.message for f in tone(head + body + "\n")]


@pytest.mark.parametrize(
    ("head", "body"),
    [
        (
            "To: abuse@telegram.org\nSubject: [Abuse Report] - Scam channel\n\n",
            "I'm reporting this scam channel "
            "t.me/easy_invest_pro to the authorities as well, since it took deposits from 40 people.",
        ),
        (
            "To: press@telegram.org\nSubject: [Media Inquiry] - Comment request\n\n",
            "We're going to press on Friday with a story on scam channels; could Telegram comment by Thursday?",
        ),
        (
            "To: press@telegram.org\nSubject: [Media Inquiry] - Interview\n\n",
            "I am writing about messaging apps for the media section of our paper and would like to interview someone.",
        ),
    ],
)
def test_the_present_of_a_report_or_a_story_is_no_threat(head: str, body: str) -> None:
    assert not is_threat(head + body + "\n"), [f.message for f in tone(head + body + "\n")]
