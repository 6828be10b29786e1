"""Topic classes from the third blind set (issue 12), generated from combinations with a fixed seed rather
than one draft's wording: takeovers written in Chinese with English words glued in ("account被hack了"),
spam-limit appeals in non-native English ("only mutual contact", "remove the limit", "i am not spammer"),
and an API client's session being terminated, which is API use (support), not a takeover."""

from __future__ import annotations

import itertools
import random

import pytest
from lintkit import analysis_of

SEED = 1203

ZH_OWNERS = ["我的account", "我的账号", "我的TG", "我的telegram account", "我的号", "account"]
ZH_TAKEOVERS = ["被hack了", "被hacked了", "被人hack了", "被黑客盗了", "被hack掉了", "昨天被hack"]
ZH_CONSEQUENCES = [
    "现在登不上去",
    "对方把我的email也改了",
    "好友说一直收到我发的借钱message",
    "2FA密码也被改了",
    "所有device都被logout了",
    "",
]
ZH_BANS = ["被ban了", "被banned了", "被freeze了", "被limit了", "被restricted了"]
ZH_BAN_AFTER = ["只能给mutual contact发消息", "什么message都发不出去", "不知道为什么", "我没有发spam", ""]
ZH_SUBJECTS = ["help", "紧急", "救命", "account问题", "急！！！"]

EN_LIMITS = [
    "my telegram can only send message to mutual contact",
    "i can only message mutual contact since yesterday",
    "i cant send message to people who are not my contact, only mutual contact",
    "since 2 days my account can message only mutual contact",
]
EN_DENIALS = ["i am not spammer", "i am not a spammer", "i never spam anyone", ""]
EN_ASKS = ["please remove the limit", "please remove the restriction", "pls lift the limit on my account"]
EN_HACKS = [
    "someone hack my account yesterday",
    "my account was hack and i cant login",
    "a hacker take my account and change my password",
    "my telegram get hack, they send message to my friends",
]
EN_LIMIT_SUBJECTS = ["Please help!!!", "help", "limit", "my account", "URGENT"]

EN_API_SUBJECTS = [
    "[Technical Issue] - Session keeps being terminated",
    "Telethon session terminated",
    "[Technical Issue] - Script session revoked",
    "Pyrogram session keeps getting terminated",
]
EN_API_LIBRARIES = ["Telethon", "Pyrogram", "a small Telethon script", "my Pyrogram userbot"]
EN_API_SYMPTOMS = [
    "the session keeps getting terminated (AuthKeyUnregisteredError) every few hours",
    "the session is terminated and I get AUTH_KEY_UNREGISTERED",
    "the session gets revoked with SessionRevokedError and I have to log in again",
    "every morning the session is terminated and the script stops",
]
EN_API_EXTRAS = [
    "Here is my session string so you can see which session it is: 1BVtsOJ0Bu5xR2ZqkYV3nL8mP4wTfA9cD6eHs1gK7jQ0r=",
    "I run it on a server with Python 3.11.",
    "Why is the session being terminated?",
]


def _zh_takeovers(rng: random.Random) -> list[str]:
    drafts = []
    for owner, verb in itertools.product(ZH_OWNERS, ZH_TAKEOVERS):
        after = rng.choice(ZH_CONSEQUENCES)
        mark = rng.choice(["！！！", "，", "。", "!!!"])
        body = f"{owner}{verb}{mark}{after}{'，' if after else ''}快点帮我处理！"
        drafts.append(f"收件人：security@telegram.org\n主题：{rng.choice(ZH_SUBJECTS)}\n\n{body}\n")
    return drafts


def _zh_bans(rng: random.Random) -> list[str]:
    drafts = []
    for owner, verb in itertools.product(ZH_OWNERS, ZH_BANS):
        after = rng.choice(ZH_BAN_AFTER)
        body = f"{owner}{verb}{'，' + after if after else ''}，请帮我解决。"
        drafts.append(f"收件人：security@telegram.org\n主题：{rng.choice(ZH_SUBJECTS)}\n\n{body}\n")
    return drafts


def _en_limits(rng: random.Random) -> list[str]:
    drafts = []
    for limit, denial, ask in itertools.product(EN_LIMITS, EN_DENIALS, EN_ASKS):
        parts = [rng.choice(["hello", "hi", ""]), limit, "i dont know why", denial, ask, "my business is on telegram"]
        body = " ".join(part for part in parts if part)
        drafts.append(f"To: support@telegram.com\nSubject: {rng.choice(EN_LIMIT_SUBJECTS)}\n\n{body}\n")
    for hack in EN_HACKS:
        drafts.append(f"To: support@telegram.org\nSubject: {rng.choice(EN_LIMIT_SUBJECTS)}\n\n{hack} please help\n")
    return drafts


def _en_api_sessions(rng: random.Random) -> list[str]:
    drafts = []
    for library, symptom in itertools.product(EN_API_LIBRARIES, EN_API_SYMPTOMS):
        extra = rng.choice(EN_API_EXTRAS)
        body = (
            f"Hello,\n\nI use {library} to forward posts from my own channel to my group. Since 1 March 2026 "
            f"{symptom}.\n\n{extra}\n\nAccount: +90 532 123 45 67\n\nEmre"
        )
        drafts.append(f"To: support@telegram.org\nSubject: {rng.choice(EN_API_SUBJECTS)}\n\n{body}\n")
    return drafts


CLASSES = {
    "zh-takeover-mixed-script": (_zh_takeovers, "security"),
    "zh-ban-mixed-script": (_zh_bans, "security"),
    "en-limit-or-hack-non-native": (_en_limits, "security"),
    "en-api-session": (_en_api_sessions, "support"),
}


@pytest.mark.parametrize("klass", sorted(CLASSES))
def test_topic_of_each_class_as_people_write_it(klass: str) -> None:
    generate, topic = CLASSES[klass]
    drafts = generate(random.Random(SEED))
    assert len(drafts) >= 16
    wrong = [draft for draft in drafts if analysis_of(draft).topic != topic]
    assert len(wrong) <= 0.05 * len(drafts), wrong[:3]


@pytest.mark.parametrize(
    "draft",
    [
        # A session the writer did not end, in a mail with no API words, is still a takeover sign.
        "To: security@telegram.org\nSubject: Unknown session\n\nSomeone terminated my active sessions and "
        "logged in from an unknown device yesterday at 22:00.\n",
        # A session string found leaked is a data leak, whatever library made it.
        "To: security@telegram.org\nSubject: Session string exposed\n\nMy Telethon script's log with my session "
        "string was publicly readable for three days. Is my account at risk?\n",
        # A hack in the sense of a workaround is not a takeover: the support symptom decides.
        "To: support@telegram.org\nSubject: Sync\n\nMy chats do not sync between devices since the update "
        "and the app keeps crashing; is there a hack to force a resync?\n",
    ],
)
def test_neighbours_keep_their_topic(draft: str) -> None:
    expected = "security" if "security@" in draft else "support"
    assert analysis_of(draft).topic == expected
