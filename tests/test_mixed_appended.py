"""Mixed issues: an unrelated usage question or request appended to a proposal or a report, opened by "by the
way", "P.S.", "另外", "顺便问一下" (issue 12), is a second issue; the lists one request is made of are not.

The drafts are generated: a first matter of several kinds, an opener of several kinds and a question of several
kinds, in both languages."""

from __future__ import annotations

import itertools

import pytest
from lintkit import lint


def _mixed(text: str) -> bool:
    return bool(lint(text, select=("TG701",)).findings)


_FIRST_EN = {
    "press": (
        "To: press@telegram.org\nSubject: [Partnership] - Mini App partnership proposal\n\nHello,\n\n"
        "We are an independent game publisher and would like to launch two casual games as Telegram Mini Apps. "
        "We would like to discuss promotion and revenue sharing with your partnerships team.\n\n"
    ),
    "abuse": (
        "To: abuse@telegram.org\nSubject: [Abuse Report] - Scam channel\n\nHello,\n\n"
        "The channel @crypto_double_x2 has been posting fake giveaways since June 3 and scammed several members "
        "of our group out of USDT. Please review and remove the channel.\n\n"
    ),
    "legal": (
        "To: legal@telegram.org\nSubject: [Copyright] - DMCA notice\n\nDear Legal Team,\n\n"
        "Our client's film is being distributed without licence by the channel t.me/films_free_hd. We request "
        "that the infringing posts be removed under the DMCA.\n\n"
    ),
}
_OPENERS_EN = ("By the way, ", "P.S. ", "Also, ", "One more unrelated question: ", "Another thing: ")
_QUESTIONS_EN = (
    "how do I hide my phone number from people who are not my contacts?",
    "is there a way to share a chat folder without sharing the groups inside it?",
    "how can I turn off the read receipts in my private chats?",
    "where can I find the setting to archive chats automatically?",
)
_FIRST_ZH = {
    "press": (
        "收件人：press@telegram.org\n主题：[商务合作] - Mini App 合作提案\n\n您好，\n\n"
        "我们是一家独立游戏发行公司，有两款休闲游戏想以 Mini App 的形式在 Telegram 上线，"
        "希望和贵司探讨推广和分成方面的合作。\n\n"
    ),
    "abuse": (
        "收件人：abuse@telegram.org\n主题：[滥用举报] - 诈骗频道举报\n\n您好，\n\n"
        "频道 @usdt_fanbei_vip 从6月3日开始发布虚假的翻倍活动，我们群里已有多人被骗走 USDT，请核查并封禁该频道。\n\n"
    ),
}
_OPENERS_ZH = ("另外顺便问一下，", "顺便问一下，", "还有一个问题，", "另外，", "P.S. ")
_QUESTIONS_ZH = (
    "我的个人账号怎么设置才能让陌生人看不到我的手机号？",
    "有没有办法把聊天文件夹分享给别人但不分享里面的群组？",
    "私聊里的已读回执怎么关闭？",
    "我想问一下怎么设置自动归档聊天？",
)


def _appended(first: dict[str, str], openers: tuple[str, ...], questions: tuple[str, ...]) -> list[str]:
    cases = itertools.product(first.items(), openers, questions)
    # A legal letter is one request whatever its paragraphs touch ("Also, our client's account…"): only an
    # opener that says outright that another matter starts makes a second one there.
    return [
        f"{head}{opener}{question}\n\nThanks\n"
        for (topic, head), opener, question in cases
        if topic != "legal" or opener != "Also, "
    ]


@pytest.mark.parametrize(
    "text", _appended(_FIRST_EN, _OPENERS_EN, _QUESTIONS_EN) + _appended(_FIRST_ZH, _OPENERS_ZH, _QUESTIONS_ZH)
)
def test_a_usage_question_appended_to_another_matter_is_a_second_issue(text: str) -> None:
    assert _mixed(text), text


@pytest.mark.parametrize(
    "item",
    [
        "2) There is a bot @free_premium_gift_bot that keeps adding me to groups. Please block it.",
        "2) The account @cheap_stars_seller writes to me every day with scam offers, please ban it.",
    ],
)
def test_please_block_it_after_a_named_bot_is_an_abuse_report(item: str) -> None:
    text = (
        "To: support@telegram.org\nSubject: [Technical Issue] - Premium payment fails\n\nHi,\n\n"
        '1) Since 2 June every time I buy Premium the payment fails with "Payment declined". '
        "iPhone 15, iOS 17.5.1, Telegram 10.14.1.\n\n"
        f"{item}\n\nThanks\n"
    )
    assert _mixed(text)


@pytest.mark.parametrize(
    "text",
    [
        # The same problem asked about: how to get around it.
        "To: support@telegram.org\nSubject: [Technical Issue] - Voice messages\n\nHello,\n\n"
        "Since the last update voice messages do not play on my Pixel 8 (Android 14, Telegram 10.14.1).\n\n"
        "Also, how do I turn off the automatic download of voice messages until this is fixed?\n",
        "收件人：support@telegram.org\n主题：[技术问题] - 语音消息无法播放\n\n您好，\n\n"
        "更新后语音消息一直放不了，手机是小米14，安卓14，Telegram 10.14.1。\n\n"
        "另外，自动下载怎么关闭？我想先关掉试试。\n",
        # A journalist's questions, a proposal's deliverables, a fraud timeline.
        "To: press@telegram.org\nSubject: [Media Inquiry] - Questions for an article\n\nHello,\n\n"
        "I am writing an article on online scams for Daily Metro and would welcome Telegram's comment:\n\n"
        "1. How do you detect scam channels?\n2. How can users report a fraudulent bot?\n"
        "3. Is there a way for victims to recover funds?\n\nDeadline: Friday.\n",
        "To: press@telegram.org\nSubject: [Partnership] - Sports club partnership\n\nHello,\n\n"
        "We propose a season-long partnership. We can provide:\n- a branded sticker pack\n"
        "- an official channel with match highlights\n- a Mini App for ticket sales\n\nBest regards\n",
        "收件人：abuse@telegram.org\n主题：[滥用举报] - 投资诈骗\n\n您好，\n\n"
        "6月1日，@invest_laoshi_88 拉我进群。\n6月3日，他让我下载一个“交易软件”。\n"
        "6月5日，我充值了5000元后无法提现，对方把我拉黑了。\n\n请核查并封禁该账号。\n",
    ],
)
def test_one_problem_and_the_lists_of_one_request_are_not_mixed(text: str) -> None:
    assert not _mixed(text), text
