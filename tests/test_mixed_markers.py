"""A second, unrelated request introduced by "by the way", "P.S.", "顺便问一下", "另外还想", "对了" is a second
issue (issue 12); a press mail with questions on several topics, a partnership proposal listing deliverables,
a data-access request, a fraud report with a timeline and one problem with several symptoms are not.
Generated from combinations: each first matter with each unrelated second one and each marker."""

from __future__ import annotations

import itertools

import pytest
from lintkit import lint

FIRST = {
    "en": {
        "support": "Since the update on March 3 the app crashes every time I open a voice chat. Pixel 8, Android 14, "
        "Telegram 10.9.1, on Wi-Fi. Reinstalling did not help.",
        "security": "Yesterday at 22:10 someone logged into my account from an unknown device in Lagos and changed my "
        "2FA password. My number is +44 7700 900123, username @k_morgan.",
        "abuse": "Since June 2 the user @quick_cash_loans sends me threats every day and posted my photo in the group "
        "t.me/loans_talk. I have screenshots.",
    },
    "zh": {
        "support": "3月3日更新后，每次打开语音聊天应用就闪退。小米13，Android 14，Telegram 10.9.1，Wi-Fi。重装也没用。",
        "security": "昨天22:10有人从陌生设备登录了我的账号，还改了我的二步验证密码。"
        "手机号 +86 138 0013 8000，用户名 @wang_li。",
        "abuse": "从6月2日起，用户 @quick_cash_loans 每天给我发威胁消息，"
        "还把我的照片发到群 t.me/loans_talk 里。我有截图。",
    },
}
SECOND = {
    "en": {
        "support": "how do I export my chat history to my computer?",
        "press": "I run a small magazine, could we do an interview with your team?",
        "abuse": "there is a scam channel t.me/crypto_double_x stealing people's money, please ban it.",
        "security": "my other account @k_morgan2 was hacked last week, can you help with that too?",
        "legal": "someone is posting my copyrighted photos in t.me/photo_dump_free, please remove them.",
    },
    "zh": {
        "support": "怎么把聊天记录导出到电脑上？",
        "press": "我们是一家杂志社，想采访一下你们团队。",
        "abuse": "有个诈骗频道 t.me/crypto_double_x 在骗钱，请封掉它。",
        "security": "我的另一个账号 @wang_li2 上周被盗了，也请帮忙看看。",
        "legal": "有人在 t.me/photo_dump_free 发布我的原创摄影作品，侵犯了我的著作权，请删除。",
    },
}
MARKERS = {
    "en": ["By the way, {}", "P.S. {}", "Also, unrelated: {}", "btw {}", "PS: {}", "One more thing, {}"],
    "zh": ["顺便问一下，{}", "另外还想问，{}", "另外还想反映一下，{}", "P.S. {}", "对了，{}", "顺便说一句，{}"],
}
GREETING = {"en": "Hello,", "zh": "您好，"}
# The guide lists harassment under both mailboxes: a second abuse matter after a security one (and back) is
# weighed by the intertwined-pairs rule, not by a marker alone.
INTERTWINED = {frozenset(("security", "abuse"))}


def _mixed(language: str) -> list[str]:
    drafts = []
    combos = itertools.product(FIRST[language].items(), SECOND[language].items(), MARKERS[language], ("\n\n", " "))
    for (first, text), (second, request), marker, separator in combos:
        if first == second or frozenset((first, second)) in INTERTWINED:
            continue
        body = text + separator + marker.format(request)
        drafts.append(f"To: {first}@telegram.org\nSubject: x\n\n{GREETING[language]}\n\n{body}\n")
    return drafts


@pytest.mark.parametrize("language", ["en", "zh"])
def test_marked_unrelated_request_is_a_second_issue(language: str) -> None:
    drafts = _mixed(language)
    assert len(drafts) >= 100
    missed = [draft for draft in drafts if not any(f.rule == "TG701" for f in lint(draft).findings)]
    assert not missed, missed[:3]


ONE_MATTER = [
    # a press mail whose interview questions touch several topics
    "To: press@telegram.org\nSubject: [Media Inquiry] - Questions for a feature on messaging apps\n\nHello,\n\n"
    "I am a reporter at Harbor Weekly preparing a story for June 14. Our questions:\n1. How many scam channels did "
    "you close last year?\n2. How do you handle copyright complaints?\n3. Why does the app crash for some users after "
    "updates?\n4. How are hacked accounts recovered?\n\nBy the way, we can also do this by phone.\n\nAnna Lee, +1 415 "
    "555 0142\n",
    # a partnership proposal listing deliverables
    "To: press@telegram.org\nSubject: [商务合作] - 支付小程序合作提案\n\n您好，\n\n"
    "我们是一家支付公司，希望与 Telegram 开展商务合作。"
    "我们可以提供：\n1. 小程序内的支付接口；\n2. 反诈骗风控服务；\n3. 客服培训。\n\n"
    "顺便说一下，我们已经在东南亚服务 200 万用户。\n\n"
    "王磊，+86 138 0013 8000\n",
    # a data-access request
    "To: legal@telegram.org\nSubject: GDPR data access request\n\nHello,\n\nUnder Article 15 of the GDPR I request a "
    "copy of all personal data you hold about my account @k_morgan, including login history and contacts. "
    "P.S. Please also tell me how long you keep the IP addresses of my sessions.\n\nKate Morgan, +44 7700 900123\n",
    # a fraud report with a timeline
    "To: abuse@telegram.org\nSubject: [滥用举报] - 卖家 @cheap_iphones_shop 收款后拉黑\n\n您好，\n\n"
    "6月1日：我在频道 t.me/cheap_iphones 看到卖 iPhone 的广告。\n"
    "6月2日：卖家 @cheap_iphones_shop 让我先付 2000 元定金。\n"
    "6月3日：付款后他把我拉黑了。\n另外，他还用别的账号继续在群里发广告骗人。\n\n我有聊天截图。\n",
    # one problem with several related symptoms
    "To: support@telegram.org\nSubject: [Technical Issue] - Media does not load since the update\n\nHello,\n\n"
    "Since the update on May 2, photos stay blurry, videos do not play and voice messages have no sound. "
    "By the way, the stickers do not load either. Pixel 8, Android 14, Telegram 10.9.1, on Wi-Fi; clearing the "
    "cache did not help.\n\nMy number: +44 7700 900123\n",
]


@pytest.mark.parametrize("draft", ONE_MATTER)
def test_one_matter_is_not_mixed(draft: str) -> None:
    assert not any(f.rule == "TG701" for f in lint(draft).findings)
