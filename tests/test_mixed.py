"""Mixed-issue rule: one mail per problem, but several symptoms are one problem, and a journalist's questions or
a lawyer's background are one request."""

from __future__ import annotations

from pathlib import Path

import pytest
from lintkit import lint

from tglint.packs import PackError, load_packs
from tglint.recognizers.matters import _build_cues


def _mixed(text: str) -> list[str]:
    return [f.message for f in lint(text, select=("TG701",)).findings]


def _line_flagged(text: str) -> str:
    [finding] = lint(text, select=("TG701",)).findings
    return text.splitlines()[finding.line - 1]


SUPPORT = "To: support@telegram.org\nSubject: [Technical Issue] - Problem\n\nHello,\n\n"
SECURITY = "To: security@telegram.org\nSubject: [Account Security] - Login codes\n\nHello,\n\n"
PRESS = "To: press@telegram.org\nSubject: [Press Inquiry] - Scams on Telegram\n\nHello,\n\n"
CRASH = "Since yesterday the app crashes on start and messages fail to send. I reinstalled it; it still crashes.\n\n"
LOGIN = (
    "Since Sunday I keep getting login codes I never requested, and a login alert from an unknown device in "
    "Brazil. I terminated that session.\n\n"
)


# -- parts in paragraphs opened by a new-matter marker -------------------------------------------------------


def test_crash_plus_scam_report_is_mixed_and_names_both_parts() -> None:
    text = (
        SUPPORT
        + CRASH
        + "Also, a scammer @crypto_bonus_vip keeps sending me spam and phishing links. Please ban this scam account.\n"
    )
    [message] = _mixed(text)
    assert "a technical problem" in message and "an abuse report" in message
    assert "support@telegram.org" in message and "abuse@telegram.org" in message


def test_strong_evidence_without_markers_is_mixed() -> None:
    text = (
        SUPPORT
        + CRASH
        + 'A channel called "Movie Vault" (t.me/movie_vault_hd) posts pirated copies of our films. '
        + "This is copyright infringement and we request removal under the DMCA.\n"
    )
    assert _mixed(text)


def test_new_matter_marker_with_modest_evidence_is_mixed() -> None:
    text = (
        "To: support@telegram.org\nSubject: [技术问题] - 上传失败\n\n您好，\n\n"
        "从 5 月 18 日起上传 2GB 以上的视频总是失败。\n\n"
        "另外想顺便问一下，我们公司想成为 Telegram 的广告代理商，请问有没有合作政策？\n"
    )
    assert _mixed(text)


@pytest.mark.parametrize(
    "second",
    [
        "Also, messages often fail to send and chats no longer sync with the desktop app.\n",
        "Also, I tried clearing the cache, restarting the phone and reinstalling; nothing helped.\n",
        "Also, I logged out and in, checked my active sessions (nothing unusual) and reinstalled the app.\n",
    ],
)
def test_more_about_the_same_problem_is_not_mixed(second: str) -> None:
    assert _mixed(SUPPORT + CRASH + second) == []


def test_strong_parts_must_stand_in_different_paragraphs() -> None:
    # A scam report that quotes the scammer's "refund" story is one paragraph, one problem.
    text = (
        "To: abuse@telegram.org\nSubject: [滥用举报] - 冒充客服的退款诈骗\n\n您好，\n\n"
        "账号 @premium_refund_help 私信我，说我的 Premium 被重复扣费，可以帮我退款，让我下载远程软件。"
        "我意识到是诈骗，已在应用内举报。\n"
    )
    assert _mixed(text) == []


# -- a short request appended at the end ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "appended",
    [
        "Also, someone keeps posting my photos in a channel without my permission; please take them down.\n",
        "P.S. A channel is reselling the trail maps I drew, without asking me: t.me/trail_maps_store\n",
    ],
)
def test_own_work_reused_after_a_security_matter_is_mixed(appended: str) -> None:
    [message] = _mixed(SECURITY + LOGIN + appended)
    assert "a legal or copyright matter" in message


def test_phone_with_photos_stolen_stays_one_security_matter() -> None:
    text = SECURITY + LOGIN + "Also, my phone was stolen last week with all my photos on it.\n"
    assert _mixed(text) == []


def test_payment_matter_after_a_technical_one_is_mixed() -> None:
    text = SUPPORT + CRASH + "P.S. I was charged twice for Premium this month. Could you refund one payment?\n"
    [message] = _mixed(text)
    assert "a payment problem" in message and "a technical problem" in message


def test_payment_matter_in_chinese_after_a_technical_one_is_mixed() -> None:
    text = (
        "To: support@telegram.org\nSubject: [技术问题] 登录时提示手机号无效\n\n您好，\n\n"
        "今天在新手机上登录时一直提示“号码无效”，旧手机上能正常使用。iPhone 15，iOS 17.5。\n\n"
        "另外，我的 Premium 会员被重复扣费了两次，请帮我退款。\n"
    )
    assert _line_flagged(text).startswith("另外")


def test_more_about_a_payment_matter_is_not_mixed() -> None:
    text = (
        SUPPORT + "My Premium renewal was charged twice on June 3; please refund one payment.\n\n"
        "Also, I was charged again today and the subscription page still says Premium is not active.\n"
    )
    assert _mixed(text) == []


def test_premium_mentioned_in_passing_is_not_a_payment_matter() -> None:
    assert _mixed(SUPPORT + CRASH + "P.S. I'm a Premium subscriber, in case that matters.\n") == []


def test_appended_app_fault_after_an_abuse_report_is_mixed() -> None:
    text = (
        "To: abuse@telegram.org\nSubject: [Abuse Report] - Fake investment group\n\nHello,\n\n"
        "The group https://t.me/gold_signals_vip pretends to be run by a bank and asks members to send money. "
        "It is a scam; I reported it in the app.\n\n"
        "PS: unrelated, but voice messages haven't played on my Pixel 7 since the last update.\n"
    )
    assert _line_flagged(text).startswith("PS:")


# -- numbered items and announced matters --------------------------------------------------------------------


def test_announced_numbered_items_for_three_mailboxes_are_all_named() -> None:
    text = SUPPORT + (
        "Several things, sorry for putting them all in one mail:\n\n"
        "1. My chats don't sync between my iPhone and Telegram Desktop since May 10.\n"
        "2. A user called @easy_cash_daily keeps adding me to groups advertising loans. Can you ban him?\n"
        "3. I work for a small paper and would love to interview someone from Telegram.\n"
    )
    [message] = _mixed(text)
    for label in ("a technical problem", "an abuse report", "a press or business request"):
        assert label in message
    assert _line_flagged(text).startswith("2. A user called")


def test_numbered_items_in_chinese_are_units() -> None:
    text = (
        "To: support@telegram.org\nSubject: 【技术问题】语音通话没有声音\n\n你好，\n\n"
        "① 最近一周打语音通话对方听不到我的声音，华为 Mate 40，Telegram 10.8.3。\n\n"
        "② 有个人 @wang_dapao_88 天天私信骂我，能不能把他的账号处理掉？\n"
    )
    assert _line_flagged(text).startswith("②")


@pytest.mark.parametrize(
    ("item", "mixed"),
    [
        ("2. A user called @quick_loans keeps adding me to loan groups. Can you ban him?\n", True),
        ("2. My cousin keeps adding me to family groups. Can you ban him?\n", False),
    ],
)
def test_a_ban_request_is_abuse_evidence_when_it_names_someone(item: str, mixed: bool) -> None:
    text = SUPPORT + "1. Since the 10.11 update the app freezes whenever I join a voice chat.\n" + item
    assert bool(_mixed(text)) is mixed


def test_bullets_count_as_units_once_several_matters_are_announced() -> None:
    text = SUPPORT + (
        "Three things, sorry for the long mail:\n\n"
        "- The desktop app won't start on my MacBook since the macOS 14.5 update.\n"
        "- A bot called @free_gift_bot is sending phishing links to everyone in our group.\n"
    )
    assert _line_flagged(text).startswith("- A bot called")


@pytest.mark.parametrize(
    "items",
    [
        "1. The app crashes when I open a channel.\n2. I can't send photos.\n3. Notifications arrive late.\n",
        "一、打开频道就闪退；\n二、图片发不出去，一直转圈；\n三、通知延迟十几分钟。\n",
        "I tried:\n1. Resending the code\n2. Turning off the spam filter on my phone\n",
        "Steps:\n1. Open a group.\n2. Right-click a message and choose Report.\n3. Pick Spam: the app closes.\n",
    ],
)
def test_numbered_symptoms_steps_and_attempts_are_one_problem(items: str) -> None:
    assert _mixed(SUPPORT + items) == []


def test_numbered_sections_of_one_structured_mail_are_not_separate_matters() -> None:
    text = (
        "To: legal@telegram.org\nSubject: [法律事务] - 频道未经授权传播我社电子书\n\n您好：\n\n"
        "一、问题概述\n频道 https://t.me/free_ebooks_cn 未经授权发布我社电子书全文，侵犯我社版权，请删除侵权内容。\n\n"
        "二、已采取的措施\n在应用内举报该频道，内容仍可访问。\n"
    )
    assert _mixed(text) == []


def test_numbered_steps_of_a_takeover_are_one_story() -> None:
    text = SECURITY + (
        "1. On June 1 I clicked a link from @tg_support_centre, an account pretending to be Telegram support. "
        "It was a phishing page.\n"
        "2. Minutes later someone logged in from an unknown device and changed my two-step verification password.\n"
    )
    assert _mixed(text) == []


def test_hijacked_account_sending_spam_is_one_problem() -> None:
    text = (
        "To: security@telegram.org\nSubject: [账户安全] - 账号被盗\n\n您好，\n\n"
        "我的 Telegram 账号前天晚上被盗了，对方改了二步验证，我现在登不上去。\n\n"
        "另外，好友说盗号的人在用我的账号给我的好友发借钱的诈骗消息和垃圾广告，请尽快处理。\n"
    )
    assert _mixed(text) == []


def test_harassment_by_a_scammer_is_one_problem() -> None:
    text = (
        "To: abuse@telegram.org\nSubject: [Abuse Report] - Scammer harassing me\n\nHello,\n\n"
        "On May 16 the account @sudai_xiaoliu offered me a loan and asked for a fee; it is a scam.\n\n"
        "Since then he has been harassing me every day and sending threats.\n"
    )
    assert _mixed(text) == []


@pytest.mark.parametrize(
    "text",
    [
        SUPPORT + "1. I can't message people outside my contacts.\n"
        "2. @SpamBot says my account is limited because users reported it as spam.\n",
        SUPPORT + "Two problems since the update:\n1. The app crashes when I open a poll.\n"
        "2. The report button does nothing when I try to report spam in a group.\n",
    ],
)
def test_spam_words_about_the_writers_own_account_or_the_report_feature_are_support(text: str) -> None:
    assert _mixed(text) == []


# -- one press inquiry, one legal letter -------------------------------------------------------------------


@pytest.mark.parametrize(
    "questions",
    [
        "I'm a reporter working on a story about crypto scams and would welcome Telegram's comment on the "
        "following questions:\n\n1. How do you detect scam channels?\n2. How many accounts were banned for fraud?\n"
        "3. What should users do if their account was hacked?\n",
        "I'm a journalist at the Coastal Herald.\n\n1. How many scam channels did Telegram close last year?\n"
        "2. Do you cooperate with police when users lose money to fraudsters?\n",
    ],
)
def test_questions_for_comment_are_one_press_request(questions: str) -> None:
    assert _mixed(PRESS + questions) == []


def test_questions_without_a_question_mark_are_questions_too() -> None:
    """A question is the text model's: "How many ..." asks something with or without its "?"."""
    questions = (
        "I'm a journalist at the Coastal Herald.\n\n1. How many scam channels did Telegram close last year\n"
        "2. Do you cooperate with police when users lose money to fraudsters\n"
    )
    assert _mixed(PRESS + questions) == []


def test_chinese_questions_for_comment_are_one_press_request() -> None:
    text = (
        "To: press@telegram.org\nSubject: 【媒体采访】关于平台诈骗问题的采访请求\n\n您好：\n\n"
        "我是《南方科技周刊》的记者，正在撰写一篇关于网络诈骗的报道。\n\n希望就以下几个问题获得官方回应：\n"
        "1. 平台如何发现和处理诈骗频道、冒充客服的账号？\n2. 被盗号的用户一般多久能找回账号？\n"
    )
    assert _mixed(text) == []


def test_press_matter_appended_to_a_technical_one_is_still_mixed() -> None:
    text = SUPPORT + (
        "my messages get stuck on the clock icon for 10 min before sending, pixel 6a android 14\n\n"
        "also im a student journalist at the uni paper, could someone at telegram do a short interview with us?\n"
    )
    assert _line_flagged(text).startswith("also")


def test_legal_letter_describing_harassment_is_one_request() -> None:
    text = (
        "To: legal@telegram.org\nSubject: [Legal] - Preservation request\n\nDear Sir or Madam,\n\n"
        "This firm represents Ms. Laura Chen. Since February the user @l_chen_exposed has been harassing our "
        "client and posting threats against her.\n\n"
        "On behalf of our client we request that you preserve all data of this account; a court order is sought.\n"
    )
    assert _mixed(text) == []


def test_legal_letter_with_an_explicit_second_matter_is_mixed() -> None:
    text = (
        "To: legal@telegram.org\nSubject: [Copyright] - Unauthorised distribution\n\nDear Legal Team,\n\n"
        "On behalf of our client, the publisher of the series, we request removal of the infringing posts in "
        "https://t.me/epub_library; we hold the copyright.\n\n"
        "On a separate note, our editor's account was hacked on 2 May and she is locked out of her account.\n"
    )
    assert _mixed(text)


# -- the pack -----------------------------------------------------------------------------------------------


def test_pack_shapes() -> None:
    packs = load_packs()
    for language in ("en", "zh"):
        table = packs.get("mixed", language)
        for key in (
            "own_account_abuse",
            "troubleshooting",
            "announcements",
            "subject_matter",
            "not_a_report",
            "remedies",
        ):
            assert isinstance(table[key], list) and table[key], key
        assert all(isinstance(v, float | int) for v in table["new_issue_markers"].values())
        assert all(isinstance(v, float | int) for v in table["pair_strong"].values())
        assert all(isinstance(v, float | int) for v in table["billing"].values())
        assert set(table["labels"]) == {"support", "security", "abuse", "press", "legal", "billing", "usage"}
        assert set(table["cues"]) == {"ban_request", "own_work_reused", "app_malfunction", "usage_question"}
        assert table["lists"]["numbers"] and table["lists"]["steps"]


def test_a_cue_without_a_known_topic_is_a_pack_error() -> None:
    with pytest.raises(PackError, match="cue `bad`"):
        _build_cues({"bad": {"topic": "sales", "weight": 1.0, "patterns": ["x"]}})


def test_every_fixture_names_what_it_shows() -> None:
    folder = Path(__file__).resolve().parents[1] / "fixtures" / "mixed-issues"
    drafts = [p for p in folder.iterdir() if p.suffix == ".txt"]
    assert all(p.name.startswith(("fail-", "pass-")) for p in drafts)
    assert all(p.with_name(p.name + ".expected.json").exists() for p in drafts if p.name.startswith("fail-"))
