"""Wrong mailbox when the writer's tag and words agree on a topic that the official mailbox in To: does not
handle (issue 12): a hijacked account tagged [Account Security] sent to abuse@ because the attacker spreads scam
links, an app fault tagged [Technical Issue] sent to abuse@. The words also speak of the other mailbox's matter,
so the topic is not "confident"; the tag and the words agreeing is enough. Matters the guide lists under both
mailboxes (harassment and threats: security@ or abuse@) are no mistake. Generated from combinations."""

from __future__ import annotations

import itertools

import pytest
from lintkit import lint

from tglint.models import FileResult

# topic -> per language: (tags, matters, side remarks that speak of another mailbox's matter, wrong mailboxes)
EN: dict[str, tuple[list[str], list[str], list[str], list[str]]] = {
    "security": (
        ["Account Security", "Hacked account", "Account takeover"],
        [
            "My account was taken over on December 2 and I am logged out of every device.",
            "Someone logged in to my account from an unknown device and changed my two-step verification password.",
            "My Telegram account was hacked last night and the recovery email was changed.",
        ],
        [
            "The attacker is now sending crypto scam messages and phishing links to my contacts.",
            "Since then my friends get spam and fake investment scam links from my account.",
            "The hacker posts fake giveaway scams in my channel and spams every group I am in.",
            "Friends say my account sends them crypto scam and phishing links; several reported it as spam and "
            "a fraud.",
        ],
        ["abuse@telegram.org", "press@telegram.org"],
    ),
    "support": (
        ["Technical Issue", "Bug report"],
        [
            "Since the last update the app crashes every time I open a chat with photos; reinstalling did not help.",
            "Messages in my groups arrive several minutes late, on Wi-Fi and on mobile data, even after a reinstall.",
            "Voice messages do not play on the desktop app after the update, the progress bar moves but no sound.",
        ],
        [
            "At first I thought a spam bot posting scam links in the group was the cause, but no.",
            "I reported a spammer posting scam ads in one of these chats last week, in case that matters.",
            "There was a wave of spam and phishing messages in that group before it started.",
            "The group is full of scam bots, and I reported the phishing links there.",
        ],
        ["abuse@telegram.org", "legal@telegram.org"],
    ),
    "abuse": (
        ["Scam Report", "Spam report"],
        [
            "The channel t.me/easy_invest_pro is a scam: it posts fake investment offers and collects deposits.",
            "The account @cheap_iphones_shop is a scammer who sells phones, takes the payment and blocks the buyer.",
            "A bot @free_stars_gift_bot sends spam to thousands of users promising free Stars.",
        ],
        [
            "People say their accounts were hacked and stolen after they logged in there.",
            "Two friends lost access to their accounts after entering a login code on its site.",
            "It asks for the login code and the password, then the account is gone.",
        ],
        ["support@telegram.org", "press@telegram.org"],
    ),
}
ZH: dict[str, tuple[list[str], list[str], list[str], list[str]]] = {
    "security": (
        ["账户安全", "账号被盗", "异常登录"],
        [
            "我的账号在12月2日被盗了，所有设备都被登出。",
            "有人从陌生设备登录了我的账号，还改了我的二步验证密码。",
            "昨晚我的 Telegram 账号被黑了，绑定的恢复邮箱也被改了。",
        ],
        [
            "盗号的人现在用我的号给联系人发诈骗消息和钓鱼链接。",
            "之后朋友们一直收到我账号发的垃圾广告和诈骗链接。",
            "对方还在我的频道里发虚假抽奖的诈骗信息，到处群发垃圾消息。",
        ],
        ["abuse@telegram.org", "press@telegram.org"],
    ),
    "support": (
        ["技术问题", "故障反馈"],
        [
            "更新之后每次打开带图片的聊天，应用就卡住然后闪退，重装也没用。",
            "群里的消息要延迟好几分钟才收到，一直转圈，Wi-Fi 和流量都一样，清缓存也没用。",
            "更新以后电脑版的语音消息播放不了，进度条在走但是没有声音，重启也没用。",
        ],
        [
            "一开始我以为是群里发诈骗广告的机器人导致的，但不是。",
            "上周我在其中一个群举报过一个发广告的人，不知道有没有关系。",
            "出问题之前那个群里有人发钓鱼链接。",
        ],
        ["abuse@telegram.org", "legal@telegram.org"],
    ),
    "abuse": (
        ["诈骗举报", "垃圾信息举报"],
        [
            "频道 t.me/easy_invest_pro 发布虚假投资信息，收了读者的押金就不理人，是诈骗。",
            "账号 @cheap_iphones_shop 是骗子，卖手机收款后就把买家拉黑。",
            "机器人 @free_stars_gift_bot 给成千上万的用户发垃圾信息，说送免费 Stars。",
        ],
        [
            "有人说在那里登录之后账号被盗了。",
            "两个朋友在它的网站输入验证码以后账号就被盗，登录不上了。",
            "它会要验证码和二步验证密码，然后账号就被盗了。",
        ],
        ["support@telegram.org", "press@telegram.org"],
    ),
}
MAILBOX = {topic: f"{topic}@telegram.org" for topic in ("support", "security", "abuse", "press", "legal")}
ACCOUNT = {
    "en": "\n\n- Phone: +62 812-3456-7890\n- Username: @dewi_pratiwi\n\nThank you,\nDewi",
    "zh": "\n\n手机号：+86 139 1234 5678\n用户名：@xiaomo_hw\n\n谢谢！\n小莫",
}


def _drafts(
    language: str, table: dict[str, tuple[list[str], list[str], list[str], list[str]]]
) -> list[tuple[str, str, str, str]]:
    greeting = "Hello," if language == "en" else "你好，"
    found = []
    for topic, (tags, matters, sides, wrong) in table.items():
        for index, (matter, side, to) in enumerate(itertools.product(matters, sides, [*wrong, MAILBOX[topic]])):
            tag = tags[index % len(tags)]
            # The side remark before or after the matter, in its paragraph or in a paragraph of its own.
            joiner = " " if index % 2 else "\n\n"
            body = f"{matter}{joiner}{side}" if index % 3 else f"{side}{joiner}{matter}"
            subject = matter.split(",")[0].split("，")[0].rstrip(".。")[:60]
            draft = f"To: {to}\nSubject: [{tag}] - {subject}\n\n{greeting}\n\n{body}{ACCOUNT[language]}\n"
            found.append((language, topic, to, draft))
    return found


CASES = _drafts("en", EN) + _drafts("zh", ZH)


def _wrong_mailbox(result: FileResult) -> bool:
    return any(f.rule == "TG201" for f in result.findings)


def test_generation_covers_both_languages_and_every_topic() -> None:
    assert len(CASES) >= 150
    assert {(language, topic) for language, topic, _, _ in CASES} == {(lang, t) for lang in ("en", "zh") for t in EN}


@pytest.mark.parametrize("language", ["en", "zh"])
def test_tag_and_words_agree_and_to_is_another_mailbox(language: str) -> None:
    cases = [case for case in CASES if case[0] == language]
    missed = [draft for _, topic, to, draft in cases if to != MAILBOX[topic] and not _wrong_mailbox(lint(draft))]
    assert not missed, missed[:3]


def test_right_mailbox_is_not_flagged() -> None:
    flagged = [draft for _, topic, to, draft in CASES if to == MAILBOX[topic] and _wrong_mailbox(lint(draft))]
    assert not flagged, flagged[:3]


@pytest.mark.parametrize(
    ("language", "tag", "body"),
    [
        ("en", "Account Security", "Someone keeps sending me threats and harassing me from @angry_x; scam links too."),
        ("en", "Abuse Report", "A stalker is harassing me and logged in to my account from an unknown device."),
        ("zh", "账户安全", "有人一直用 @angry_x 骚扰我、威胁我，还发诈骗链接，还登录过我的账号。"),
        ("zh", "滥用举报", "有人一直骚扰和恐吓我，还试图盗我的账号，发了好多垃圾信息。"),
    ],
)
def test_matters_of_both_mailboxes_are_no_mistake(language: str, tag: str, body: str) -> None:
    for to in ("security@telegram.org", "abuse@telegram.org"):
        draft = f"To: {to}\nSubject: [{tag}] - {body[:20]}\n\n{body}{ACCOUNT[language]}\n"
        assert not _wrong_mailbox(lint(draft)), draft
