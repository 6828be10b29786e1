"""Subject rules: the guide's "[tag] - specific description"."""

from __future__ import annotations

import re

import pytest
from lintkit import _PACKS, findings_of, lint

from tglint.checks.subject import display_width, is_vague, parse_subject

BODY_EN = "Hello,\n\nSince the update on June 3 the app crashes when I open a group chat. Pixel 8, Android 14.\n"
BODY_ZH = "你好，\n\n6 月 3 日更新后，一打开群聊应用就闪退。小米 14，Android 14。\n"


def draft(subject: str, body: str = BODY_EN, to: str = "support@telegram.org") -> str:
    return f"To: {to}\nSubject: {subject}\n\n{body}"


def subject_codes(text: str) -> list[str]:
    return [f.rule for f in lint(text).findings if f.category == "subject"]


def test_parse_subject_pieces() -> None:
    line = parse_subject("Re: 【技术问题】[iOS]：消息发送失败 ")
    assert line.tag is not None and line.tag.text == "技术问题"
    assert line.text[line.proper_start :].startswith("【")
    assert line.separator == "："
    assert line.description == "消息发送失败"
    assert line.canonical() == "[技术问题][iOS] - 消息发送失败"


@pytest.mark.parametrize(
    "subject",
    [
        "[Technical Issue] - App crashes when I open a group chat",
        "[technical issue] - App crashes when I open a group chat",
        "Re: [Technical Issue] - App crashes when I open a group chat",
        "[Technical Issue][Android] - App crashes when I open a group chat",
        "[Technical Issue] - Help: app crashes when I open a group chat",
    ],
)
def test_guide_form_is_clean(subject: str) -> None:
    assert subject_codes(draft(subject)) == []


def test_missing_and_empty_subject() -> None:
    assert subject_codes(f"To: support@telegram.org\n\n{BODY_EN}") == ["TG100"]
    assert subject_codes(draft("   ", BODY_ZH)) == ["TG100"]


def test_no_tag_suggests_the_topic_tag_as_an_unsafe_fix() -> None:
    [finding] = findings_of(lint(draft("安卓版打开群聊就闪退", BODY_ZH)), "TG101")
    assert finding.fix is not None and finding.fix.applicability == "unsafe"
    assert finding.fix.edits[0].content == "[技术问题] - "
    assert "[技术问题] - 安卓版打开群聊就闪退" in finding.message


@pytest.mark.parametrize(
    ("subject", "rewritten"),
    [
        ("Technical Issue: App crashes", "[Technical Issue] - App crashes"),
        ("技术问题 - 消息发送失败", "[技术问题] - 消息发送失败"),
        ("消息发送失败 [技术问题]", "[技术问题] - 消息发送失败"),
    ],
)
def test_a_misplaced_known_tag_is_fixed_safely(subject: str, rewritten: str) -> None:
    [finding] = findings_of(lint(draft(subject)), "TG101")
    assert finding.fix is not None and finding.fix.applicability == "safe"
    assert finding.fix.edits[0].content == rewritten


def test_words_before_a_colon_are_not_taken_for_a_tag() -> None:
    [finding] = findings_of(lint(draft("Spam from @someone: please help")), "TG101")
    assert finding.fix is not None and finding.fix.applicability == "unsafe"


@pytest.mark.parametrize("tag", ["[紧急]", "[Help]", "[Telegram]", "[问题]"])
def test_unknown_tags(tag: str) -> None:
    assert "TG102" in subject_codes(draft(f"{tag} - App crashes when I open a group chat"))


@pytest.mark.parametrize(
    "tag", ["【账户 安全】", "[ACCOUNT-SECURITY]", "[账户安全问题]", "[DMCA Notice]", "［技术问题］"]
)
def test_known_tags_are_matched_tolerantly(tag: str) -> None:
    assert "TG102" not in subject_codes(draft(f"{tag} - App crashes when I open a group chat"))


@pytest.mark.parametrize(
    "subject",
    [
        "[技术问题]消息发送失败",
        "[Technical Issue]: App crashes",
        "[Technical Issue] App crashes",
        "[技术问题] | 消息发送失败",
    ],
)
def test_missing_separator_is_a_warning_with_a_safe_fix(subject: str) -> None:
    result = lint(draft(subject))
    [finding] = findings_of(result, "TG103")
    assert finding.fix is not None and finding.fix.applicability == "safe"
    assert " - " in finding.fix.edits[0].content
    assert "TG104" not in [f.rule for f in result.findings]


@pytest.mark.parametrize(
    "subject", ["【技术问题】 - 消息发送失败", "[技术问题]-消息发送失败", "[Technical Issue] — App crashes"]
)
def test_variants_of_the_form_are_only_info(subject: str) -> None:
    [finding] = findings_of(lint(draft(subject)), "TG104")
    assert finding.severity.value == "info"
    assert finding.fix is not None and finding.fix.applicability == "safe"


def test_full_width_fix_rewrites_into_the_guide_form() -> None:
    [finding] = findings_of(lint(draft("【技术问题】 - 消息发送失败")), "TG104")
    assert finding.fix is not None
    assert finding.fix.edits[0].content == "[技术问题] - 消息发送失败"


@pytest.mark.parametrize("subject", ["[技术问题]", "[Technical Issue] -", "[Technical Issue] - !!!"])
def test_tag_without_description(subject: str) -> None:
    assert subject_codes(draft(subject)) == ["TG105"]


@pytest.mark.parametrize(
    "text",
    [
        "help",
        "URGENT!!! please help",
        "Question",
        "求助",
        "紧急！！！",
        "关于贵司的问题",
        "问题",
        "Telegram not working",
        "Legal matter",
        "举报",
        "账号有问题",
        "软件用不了了怎么办",
    ],
)
def test_vague(text: str) -> None:
    assert is_vague(text, _PACKS)


@pytest.mark.parametrize(
    "text",
    [
        "Help: login code never arrives",
        "账号被盗",
        "Spam bot in my group",
        "400 错误",
        "求助：安卓版消息一直显示发送中",
        "Copyright infringement by @some_channel",
    ],
)
def test_not_vague(text: str) -> None:
    assert not is_vague(text, _PACKS)


def test_vague_after_a_tag() -> None:
    assert subject_codes(draft("[技术问题] - 求助！！", BODY_ZH)) == ["TG106"]
    assert subject_codes(draft("求助", BODY_ZH)) == ["TG101", "TG106"]


def test_display_width() -> None:
    assert display_width("abc") == 3
    assert display_width("技术") == 4


def test_overlong_limit_counts_columns() -> None:
    zh_ok = "[技术问题] - " + "安卓版" * 16  # 48 characters of description, 108 columns in all
    zh_long = "[技术问题] - " + "安卓版" * 18
    assert "TG107" not in subject_codes(draft(zh_ok, BODY_ZH))
    assert "TG107" in subject_codes(draft(zh_long, BODY_ZH))
    assert "TG107" not in subject_codes(draft("[Technical Issue] - " + "word " * 21))
    assert "TG107" in subject_codes(draft("[Technical Issue] - " + "word " * 23))


# Formal subjects as legal and press mails write them: a tag, the matter, the work or case, the party
# (issue 12). The combinations run 60-125 columns: long, but one line naming one matter.
_FORMAL_EN = (
    ("[Legal Request]", "[DMCA Notice]", "[Copyright]", "[Law Enforcement]", "[Media Inquiry]", "[Partnership]"),
    (
        "Preservation request under 18 U.S.C. 2703(f)",
        "DMCA takedown notice for the feature film",
        "Request for comment ahead of publication",
        "Brand partnership proposal for the 2025 season",
    ),
    (
        "concerning @suspect_channel_2024",
        '"Northern Lights" (2023)',
        "- case no. 2024-CR-00417",
        "by NLP Ltd.",
        "- submitted on behalf of Northlight Photo Agency AS, Oslo",
    ),
)
_FORMAL_ZH = (
    ("[法律事务]", "[版权投诉]", "[媒体采访]", "[商务合作]"),
    (
        "关于频道 @fake_news_cn 的数据保全请求",
        "电影《北方之光》侵权链接下架通知",
        "就即将发表的报道请求置评",
        "2025 赛季品牌合作方案",
    ),
    (
        "（案号：2024刑字第00417号）",
        "——某某律师事务所代为提交",
        "（华南体育传媒有限公司）",
        "——北京某某律师事务所代理人提交",
        "——由华南体育传媒有限公司法务部代为提交（联系人：王律师）",
    ),
)


def _formal(parts: tuple[tuple[str, ...], ...]) -> list[str]:
    tags, matters, details = parts
    return [f"{tag} - {matter} {detail}" for tag in tags for matter in matters for detail in details]


@pytest.mark.parametrize("subject", _formal(_FORMAL_EN) + _formal(_FORMAL_ZH))
def test_a_long_formal_subject_is_not_overlong(subject: str) -> None:
    assert display_width(subject) <= 125
    body = BODY_ZH if any("\u4e00" <= c <= "\u9fff" for c in subject) else "Dear Legal Team,\n\nPlease see below.\n"
    assert "TG107" not in subject_codes(draft(subject, body))


@pytest.mark.parametrize(
    "subject",
    [
        "[Technical Issue] - Channel images and videos don't load on mobile data but work fine on Wi-Fi, "
        "already tried clearing cache and reinstalling, please help",
        "[技术问题] - 安卓手机上的Telegram在使用移动数据时无法加载频道里的图片和视频但是连接WiFi后一切正常，"
        "已经试过清除缓存和重新安装应用都没有效果，请帮忙看看",
    ],
)
def test_a_paragraph_as_subject_is_overlong(subject: str) -> None:
    body = BODY_ZH if any("\u4e00" <= c <= "\u9fff" for c in subject) else "Hello.\n"
    assert "TG107" in subject_codes(draft(subject, body))


def test_tag_contradicting_a_clear_body() -> None:
    body = (
        "Hello,\n\nMy account was hacked last night: someone logged in from an unknown device, changed my "
        "two-step verification password and terminated my sessions. I am locked out.\n"
    )
    result = lint(draft("[Technical Issue] - Cannot log in", body, to="security@telegram.org"))
    [finding] = findings_of(result, "TG108")
    assert "[Account Security]" in finding.message
    assert finding.fix is not None and finding.fix.applicability == "unsafe"


def test_a_tag_matching_one_of_two_matters_is_no_contradiction() -> None:
    body = (
        "你好：\n\n第一件：视频通话经常自动挂断，提示连接已断开。\n\n"
        "第二件：有个账号一直私信我，说投资返利，我怀疑是诈骗，已经举报了，他换着小号继续发。\n"
    )
    assert "TG108" not in subject_codes(draft("[技术问题] - 视频通话经常断线", body))


def test_messages_follow_the_report_language() -> None:
    [finding] = findings_of(lint(draft("help", BODY_ZH), message_language="en"), "TG106")
    assert finding.message.startswith('"help" is too vague')


def test_the_suggested_subject_leaves_out_piled_up_marks() -> None:
    (chinese,) = findings_of(lint(draft("账号被盗了！！！快帮我", BODY_ZH)), "TG101")
    assert "“[技术问题] - 账号被盗了！快帮我”" in chinese.message or "账号被盗了！快帮我”" in chinese.message
    assert "！！" not in chinese.message
    (english,) = findings_of(lint(draft("App crashes when I open a chat!!!??")), "TG101")
    assert 'App crashes when I open a chat?"' in english.message and "!!" not in english.message
    (bare,) = findings_of(lint(draft("Technical Issue - app crashes!!!")), "TG101")
    assert bare.fix is not None and bare.fix.edits[0].content == "[Technical Issue] - app crashes!"


_EXAMPLE = r"[“\"](\[[^\]]+\] - [^”\"]+)[”\"]"


@pytest.mark.parametrize(
    ("subject", "body", "message_language"),
    [
        ("", BODY_EN, "zh"),
        ("Help please", BODY_EN, "zh"),
        ("[Technical Issue] - Help", BODY_EN, "zh"),
        ("[Technical Issue] -", BODY_EN, "zh"),
        ("[技术问题] - help", BODY_EN, "zh"),
        ("", BODY_ZH, "en"),
        ("求助", BODY_ZH, "en"),
        ("[技术问题] - 求助", BODY_ZH, "en"),
        ("[Technical Issue] - 求助", BODY_ZH, "en"),
    ],
)
def test_example_subjects_are_in_one_language(subject: str, body: str, message_language: str) -> None:
    """An example subject is the draft's, whole: never an English tag on a Chinese description."""
    text = draft(subject, body) if subject else f"To: support@telegram.org\n\n{body}"
    messages = [f.message for f in lint(text, message_language=message_language).findings if f.category == "subject"]
    examples = [example for message in messages for example in re.findall(_EXAMPLE, message)]
    assert examples, messages
    for example in examples:
        tag, description = example[1:].split("] - ", 1)
        assert _is_chinese(tag) == _is_chinese(description), example


def _is_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)
