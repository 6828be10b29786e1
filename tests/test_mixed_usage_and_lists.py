"""Mixed issues (issue 12, third blind set): a usage question appended to a fault report, and matters listed
in a subject joined by "+", are second issues; one fault with several symptoms, a question on fixing the fault,
a press inquiry, a fraud timeline and a data-access request are not.

The drafts are generated: faults, openers and questions of several kinds, in both languages."""

from __future__ import annotations

import itertools

import pytest
from lintkit import lint


def _mixed(text: str) -> bool:
    return bool(lint(text, select=("TG701",)).findings)


_HEAD_EN = "To: support@telegram.org\nSubject: [Technical Issue] - {subject}\n\nHello,\n\n"
_HEAD_ZH = "收件人：support@telegram.org\n主题：[技术问题] - {subject}\n\n您好，\n\n"
_SIGN_EN = "\n\nDevice: Pixel 8, Android 14, Telegram 10.8.3\nusername @olga_k\n"
_SIGN_ZH = "\n\n设备：iPhone 13，iOS 17.2，Telegram 10.8.3\n账号：@shen_jiaxin\n"

_FAULTS_EN = {
    "Messages not syncing": (
        "Since last week messages I read on my laptop still show as unread on my phone, and a message I send "
        "from the phone appears on the laptop 20 minutes later."
    ),
    "Voice calls drop": "Every voice call I make stays on 'Connecting' for a minute and then drops.",
    "App crashes": "The app crashes every time I open a channel with videos, since the update on Monday.",
    "Stickers fail": "My sticker pack upload stops halfway and fails with an error every time.",
}
_OPENERS_EN = ("Also, ", "By the way, ", "P.S. ", "One more thing: ", "Another question: ")
_QUESTIONS_EN = (
    "how do I gift Premium to my brother? The gift option doesn't show up for me.",
    "how can I hide my phone number from people who are not my contacts?",
    "is there a way to export all my chats to my computer?",
    "how do I change the phone number of my account to a new one?",
)
_FAULTS_ZH = {
    "语音通话连不上": "我打 Telegram 语音电话一直显示“正在连接”，然后就断了，对方也接不到。",
    "消息不同步": "从上周开始，电脑上已读的消息在手机上还显示未读，手机发的消息要过二十分钟才出现在电脑上。",
    "打开频道闪退": "自从周一更新以后，每次打开有视频的频道应用就闪退。",
    "贴纸上传失败": "我的贴纸包每次上传到一半就失败，提示错误。",
}
_OPENERS_ZH = ("另外想问一下", "另外，", "还想问一下，", "顺便问一下，", "P.S. ")
_QUESTIONS_ZH = (
    "怎么把账号的手机号换成新号码？",
    "怎么设置才能让陌生人看不到我的手机号？",
    "有没有办法把聊天记录导出到电脑？",
    "如何更换绑定的手机号？",
)


def _en(subject: str, fault: str, rest: str) -> str:
    return _HEAD_EN.format(subject=subject) + fault + rest + _SIGN_EN


def _zh(subject: str, fault: str, rest: str) -> str:
    return _HEAD_ZH.format(subject=subject) + fault + rest + _SIGN_ZH


@pytest.mark.parametrize(
    ("fault", "opener", "question"), list(itertools.product(_FAULTS_EN.items(), _OPENERS_EN, _QUESTIONS_EN))
)
def test_an_english_usage_question_after_a_fault_is_a_second_issue(
    fault: tuple[str, str], opener: str, question: str
) -> None:
    subject, words = fault
    assert _mixed(_en(subject, words, "\n\n" + opener + question))
    # In the fault's own paragraph too.
    assert _mixed(_en(subject, words, " " + opener + question))


@pytest.mark.parametrize(
    ("fault", "opener", "question"), list(itertools.product(_FAULTS_ZH.items(), _OPENERS_ZH, _QUESTIONS_ZH))
)
def test_a_chinese_usage_question_after_a_fault_is_a_second_issue(
    fault: tuple[str, str], opener: str, question: str
) -> None:
    subject, words = fault
    assert _mixed(_zh(subject, words, opener + question))
    assert _mixed(_zh(subject, words, "\n\n" + opener + question))


@pytest.mark.parametrize("fault", list(_FAULTS_EN.items()))
@pytest.mark.parametrize(
    "rest",
    [
        "Also, how do I fix this? I need the app for work.",
        "Also, how can I get my messages back after reinstalling?",
        "Also, I tried reinstalling and clearing the cache, it did not help.",
        "Also, it happens on both Wi-Fi and mobile data.",
        "Also, notifications arrive late on the same phone.",
    ],
)
def test_more_about_the_same_fault_is_not_a_second_issue(fault: tuple[str, str], rest: str) -> None:
    subject, words = fault
    assert not _mixed(_en(subject, words, "\n\n" + rest))


@pytest.mark.parametrize("fault", list(_FAULTS_ZH.items()))
@pytest.mark.parametrize(
    "rest",
    [
        "另外想问一下怎么解决？",
        "另外，我已经重装过了，还是一样。",
        "另外，Wi-Fi 和流量下都这样。",
        "另外想问一下怎么才能恢复正常使用？",
    ],
)
def test_more_about_the_same_fault_in_chinese_is_not_a_second_issue(fault: tuple[str, str], rest: str) -> None:
    subject, words = fault
    assert not _mixed(_zh(subject, words, rest))


@pytest.mark.parametrize(
    "text",
    [
        # Two usage questions, no fault: one mail of questions.
        _HEAD_EN.format(subject="Two questions")
        + "How do I hide my phone number? Also, is there a way to export my chats?"
        + _SIGN_EN,
        # A usage question under a technical tag, without any fault told.
        _HEAD_EN.format(subject="Question")
        + "I have a question about folders.\n\nAlso, how do I share a folder?"
        + _SIGN_EN,
        # One problem with several numbered symptoms.
        _HEAD_EN.format(subject="Android app problems since the update")
        + "Since the update:\n\n1) the app crashes when I open a channel;\n2) voice messages don't play;\n"
        "3) notifications arrive late." + _SIGN_EN,
        "To: support@telegram.org\nSubject: [Technical Issue] - C++ TDLib build crashes\n\nHello,\n\n"
        "TDLib built with C++17 crashes on start.\n\n1) it crashes in the auth step;\n2) the log shows a null pointer."
        + _SIGN_EN,
    ],
)
def test_not_mixed_english(text: str) -> None:
    assert not _mixed(text)


_LISTED = {
    "en": (
        "To: security@telegram.org\nSubject: [Account Security] - {subject}\n\nHello,\n\n"
        "1) My account @lucas_br_dev was banned on 2 March around 22:00, I didn't do anything wrong, please "
        "unban it.\n2) I paid for Premium yearly on 15 February, I want my money back if the account stays banned.\n"
        "3) The user @promo_pix_rapido is spamming every group with fake promotions, please ban him.\n\nThanks\n"
    ),
    "zh": (
        "收件人：security@telegram.org\n主题：[账户安全] - {subject}\n\n您好，\n\n"
        "1. 我的账号 @zheng_lele 3 月 1 日被封了，我没有违规，请解封；\n"
        "2. 我 2 月份买的 Premium 年费现在用不了，请退款；\n"
        "3. 举报用户 @fast_loan_vip，他在好几个群里发网贷广告，请封禁他。\n\n谢谢\n"
    ),
}
_PLUS_SUBJECTS = {
    "en": ("Account banned + refund + report", "Ban appeal + Premium refund", "Banned+refund+spam report"),
    "zh": ("账号被封 + 退款 + 举报", "封号＋退款＋举报", "封号申诉+会员退款"),
}


@pytest.mark.parametrize(
    ("language", "subject"), [(lang, s) for lang, subjects in _PLUS_SUBJECTS.items() for s in subjects]
)
def test_matters_a_subject_joins_with_plus_signs_are_several(language: str, subject: str) -> None:
    assert _mixed(_LISTED[language].format(subject=subject))


@pytest.mark.parametrize(
    "text",
    [
        # A data-access and erasure request: one legal request, whatever its subject joins.
        "To: legal@telegram.org\nSubject: [Privacy Request] - GDPR access + erasure request\n\nHello,\n\n"
        "Under GDPR articles 15 and 17 I request:\n1) a copy of all personal data you hold about my account "
        "@giuliaferri;\n2) the deletion of that data afterwards.\n\nThanks\n",
        # A press inquiry listing questions on several topics.
        "To: press@telegram.org\nSubject: [Press Inquiry] - Scams + moderation + privacy\n\nHello,\n\n"
        "I am a journalist at Tech Daily preparing an article on messaging apps. Our questions:\n"
        "1) How many scam channels did you close in 2025?\n2) How does moderation of private groups work?\n"
        "3) Do you hand user data to governments?\n\nBest regards,\nAnna Weber\n",
        # A fraud report told as a timeline.
        "To: abuse@telegram.org\nSubject: [Abuse Report] - Fake exchange + stolen USDT\n\nHello,\n\n"
        "1) On 3 March the user @fast_usdt_swap offered to exchange my USDT at a good rate.\n"
        "2) I sent 500 USDT to the wallet he gave me.\n3) He blocked me and deleted the chat.\n"
        "Please ban this scammer.\n\nThanks\n",
        "收件人：abuse@telegram.org\n主题：[滥用举报] - 假交易所+骗走USDT\n\n您好，\n\n"
        "1. 3 月 3 日用户 @fast_usdt_swap 说可以高价帮我换 USDT；\n2. 我按他给的地址转了 500 USDT；\n"
        "3. 之后他把我拉黑并删除了聊天。\n请封禁这个骗子。\n\n谢谢\n",
    ],
)
def test_one_request_whose_subject_joins_its_parts_is_not_mixed(text: str) -> None:
    assert not _mixed(text)
