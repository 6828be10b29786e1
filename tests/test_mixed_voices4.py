"""Classes of mixed mails the fourth blind set (fixtures/voices4) named (issue 12), each generated from
combinations in both languages:

- markers written one after another say it as outright as the most outright of them ("Also, separately,",
  "另外顺便说一下"), misspelt ones included ("seperately");
- a fault the writer reports after a new-matter word is a technical problem, even where its topic words
  alone weigh little ("I get 'An error occurred'", "发语音总是失败");
- several matters announced in the subject or the close ("… and other questions", "及其他问题", "请分别处理")
  make the numbered items that follow separate matters, also after an account-security one;
- legal words inside a threat ("我就找律师起诉你们", "I will sue you") are pressure, not a legal matter.
"""

from __future__ import annotations

import itertools

import pytest
from lintkit import lint

FIRST = {
    "en": {
        "legal": (
            "legal@telegram.org",
            "[Privacy Complaint] - My photos and home address published without consent",
            "On 1 December I found that the channel https://t.me/gossip_hub_x published my photos and my home "
            "address (post 3391). I never agreed to this and I have no relation to the channel owner.",
        ),
        "abuse": (
            "abuse@telegram.org",
            "[Abuse Report] - Spam accounts flooding our group",
            "Since 1 December our group https://t.me/lisbon_rooms gets 30 join requests per hour from accounts "
            "like @rent_deal_01 that post fake apartment listings asking for deposits.",
        ),
    },
    "zh": {
        "legal": (
            "legal@telegram.org",
            "[隐私投诉] - 有人在频道公开我的照片和住址",
            "12 月 1 日我发现频道 https://t.me/gossip_hub_x 发布了我的生活照和住址（第 3391 号消息），"
            "我与频道主没有任何联系，从未同意公开，这侵犯了我的隐私权和肖像权。",
        ),
        "abuse": (
            "abuse@telegram.org",
            "[举报] - 大量垃圾账号涌入我们的群",
            "从 12 月 1 日起，我们的群 https://t.me/lisbon_rooms 每小时收到几十个入群申请，"
            "都是 @rent_deal_01 这样的账号，进群后发布虚假租房信息骗押金。",
        ),
    },
}
CHAINED = {
    "en": ["Also, separately, {}", "Also, seperately, {}", "Also, on a separate note, {}", "Oh and, by the way, {}"],
    "zh": ["另外顺便说一下，{}", "另外，顺便反映一下，{}", "还有，顺便说一下，{}"],
}
FAULTS = {
    "en": [
        'when I try to add members from my contacts I get "An error occurred" on my Pixel 8 (Android 15, '
        "Telegram 11.4.2) since yesterday.",
        "voice messages always fail to send from my iPhone 13 (iOS 18.1, Telegram 11.3) since Monday.",
    ],
    "zh": [
        "我的安卓客户端（一加 12，Android 14，Telegram 11.4.1）最近发语音总是失败，也请帮忙看看。",
        "我的 iPad（iPadOS 18.1，Telegram 11.3.1）从周一开始发图片一直失败，也请帮忙看看。",
    ],
}
HEADER = {"en": "To: {}\nSubject: {}\n\nHello,\n\n", "zh": "收件人：{}\n主题：{}\n\n你好，\n\n"}
CLOSE = {"en": "\n\nThanks,\nAlex Moreau\n", "zh": "\n\n谢谢。\n叶晓宁\n"}


def _fault_after_marker(language: str) -> list[str]:
    combos = itertools.product(FIRST[language].values(), CHAINED[language], FAULTS[language])
    return [
        HEADER[language].format(to, subject) + first + "\n\n" + marker.format(fault) + CLOSE[language]
        for (to, subject, first), marker, fault in combos
    ]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_fault_after_chained_markers_is_a_second_matter(language: str) -> None:
    drafts = _fault_after_marker(language)
    missed = [d for d in drafts if "TG701" not in {f.rule for f in lint(d).findings}]
    assert not missed, f"{len(missed)} of {len(drafts)} missed, e.g.:\n{missed[0]}"


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_same_matter_without_a_second_one_is_one(language: str) -> None:
    """The first matters alone, and followed by more of their own story after the same markers."""
    more = {
        "en": "the channel owner also posted my phone number in the comments, please have it all removed.",
        "zh": "频道主还在评论里贴出了我的电话号码，请一并删除。",
    }
    drafts = [
        HEADER[language].format(to, subject) + first + CLOSE[language]
        for to, subject, first in FIRST[language].values()
    ]
    drafts += [
        HEADER[language].format(to, subject) + first + "\n\n" + marker.format(more[language]) + CLOSE[language]
        for (to, subject, first), marker in itertools.product([FIRST[language]["legal"]], CHAINED[language])
    ]
    flagged = [d for d in drafts if "TG701" in {f.rule for f in lint(d).findings}]
    assert not flagged, flagged[0]


SECURITY = {
    "en": 'On 4 Dec at 23:50 I saw a session "Telegram Web, Warsaw" in my devices that wasn\'t me. I killed it '
    "and turned on 2FA. Account +380 93 551 2046, @yulia_kravets.",
    "zh": "12 月 5 日 03:10 我的账号 +86 130 6620 1849（@lei_moto）在伊斯坦布尔有一次登录，不是我，"
    "已经终止会话并改了两步验证。",
}
OTHERS = {
    "en": [
        "Telegram on my MacBook (macOS 15.1, app 11.3) crashes when I open the Stories tab.",
        "My sticker packs stopped loading this week on my Android phone: they show as grey squares.",
    ],
    "zh": [
        "我收藏的贴纸包这周全都变成了灰色方块，显示不出来。",
        "我的 MacBook（macOS 15.1，Telegram 11.3）打开动态页面就闪退。",
    ],
}
ANNOUNCED_SUBJECTS = {
    "en": [
        "[Account Security] - Suspicious session and a couple of other questions",
        "[Account Security] - Unknown login, plus other issues",
    ],
    "zh": ["[账户安全] - 账号异常登录及其他问题", "[账户安全] - 异常登录和别的问题"],
}
PLAIN_SUBJECTS = {"en": "[Account Security] - Suspicious session", "zh": "[账户安全] - 账号异常登录"}
NUMBERS = {"en": ("1. ", "2. "), "zh": ("第一，", "第二，")}


def _numbered(language: str, subject: str, other: str, close: str = "") -> str:
    one, two = NUMBERS[language]
    body = f"{one}{SECURITY[language]}\n\n{two}{other}"
    return HEADER[language].format("security@telegram.org", subject) + body + close + CLOSE[language]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_matters_announced_in_the_subject_or_close_are_separate(language: str) -> None:
    drafts = [_numbered(language, s, o) for s, o in itertools.product(ANNOUNCED_SUBJECTS[language], OTHERS[language])]
    close = {"en": "\n\nPlease handle them separately.", "zh": "\n\n请分别帮忙处理。"}
    drafts += [_numbered(language, PLAIN_SUBJECTS[language], o, close[language]) for o in OTHERS[language]]
    missed = [d for d in drafts if "TG701" not in {f.rule for f in lint(d).findings}]
    assert not missed, missed[0]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_numbered_security_story_unannounced_stays_one(language: str) -> None:
    """Without an announcement, a number alone is a step of the takeover's story (security and support are
    intertwined): the same items under a plain subject are not flagged."""
    drafts = [_numbered(language, PLAIN_SUBJECTS[language], o) for o in OTHERS[language]]
    flagged = [d for d in drafts if "TG701" in {f.rule for f in lint(d).findings}]
    assert not flagged, flagged[0]


THREATS = {
    "en": [
        "If my channel is not restored within 48 hours I will sue you and publish your replies everywhere!",
        "Restore it by Friday or I will take you to court.",
        "Fix this now or my lawyer will file a lawsuit against Telegram.",
    ],
    "zh": [
        "我告诉你们，48 小时内不给我恢复，我就找律师起诉你们，再把你们的回复全发到网上！",
        "再不恢复我就去法院告你们。",
        "三天内不处理，我就让律师给你们发律师函。",
    ],
}
HACKED = {
    "en": "My channel @tea_daily (17k subscribers) was wiped by a hacker yesterday. Account +44 7700 900123, "
    "@tea_admin. On 6 Dec at 01:20 I got a login alert from Dubai, at 01:35 I was logged out; 2FA was off.",
    "zh": "我的频道 @chayu_daily（1.7 万订阅）昨天被黑客清空了。账户：+86 139 0176 2284，@chayu_admin。"
    "12 月 6 日 01:20 收到 Dubai 的新登录提醒，01:35 我被踢下线，两步验证没开。",
}


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_threat_to_sue_is_not_a_legal_matter(language: str) -> None:
    drafts = [
        HEADER[language].format("security@telegram.org", PLAIN_SUBJECTS[language])
        + HACKED[language]
        + "\n\n"
        + threat
        + CLOSE[language]
        for threat in THREATS[language]
    ]
    for draft in drafts:
        rules = {f.rule for f in lint(draft).findings}
        assert "TG701" not in rules, draft
        assert "TG601" in rules, draft  # the threat itself is still said


ZH_FAULTS = [
    "我的 iPad Air 5（iPadOS 18.1，Telegram 11.3.1）从 11 月 30 日起看不到手机上新发的消息，要退出重登才会出来。",
    "从 12 月 1 日起，我的小米 14（Android 14，Telegram 11.4.2）发图片一直失败，重启也没用。",
]
ZH_ASKS = [
    "另外想问一下，我之前的用户名 @huangbo 被别人占了，是否可以申请回来？",
    "还有，频道里的赞助消息太多了，能不能关掉？",
    "另外，陌生人的私信可不可以屏蔽？",
    "顺便问一下，能否开通频道的付费订阅？",
]
ZH_REMEDIES = ["另外想问一下，是否可以修复这个问题？", "还有，能不能恢复我丢失的消息？"]


def _zh_support(fault: str, ask: str) -> str:
    return HEADER["zh"].format("support@telegram.org", "[技术问题] - 消息不同步") + fault + "\n\n" + ask + CLOSE["zh"]


def test_a_question_on_what_the_app_allows_after_a_fault_is_a_second_matter() -> None:
    """ "是否可以申请回来", "能不能关掉" after a fault report (fixtures/voices4 zh/010): a question of its own."""
    drafts = [_zh_support(fault, ask) for fault, ask in itertools.product(ZH_FAULTS, ZH_ASKS)]
    missed = [d for d in drafts if "TG701" not in {f.rule for f in lint(d).findings}]
    assert not missed, missed[0]


def test_asking_to_have_the_fault_fixed_is_the_same_matter() -> None:
    drafts = [_zh_support(fault, ask) for fault, ask in itertools.product(ZH_FAULTS, ZH_REMEDIES)]
    flagged = [d for d in drafts if "TG701" in {f.rule for f in lint(d).findings}]
    assert not flagged, flagged[0]
