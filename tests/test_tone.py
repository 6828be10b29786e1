"""Tone rules: hostile wording (TG601/TG602), shouting (TG603), punctuation runs (TG604)."""

from __future__ import annotations

import pytest
from lintkit import findings_of, lint

from tglint.models import Severity

EN = "To: support@telegram.org\nSubject: [Technical Issue] - Messages not sending\n\n"
ZH = "To: support@telegram.org\nSubject: [技术问题] - 消息发送失败\n\n"
ABUSE_EN = "To: abuse@telegram.org\nSubject: [Abuse Report] - Harassment\n\n"
ABUSE_ZH = "To: abuse@telegram.org\nSubject: [滥用举报] - 骚扰\n\n"


def tone(text: str) -> list[tuple[str, str]]:
    """(rule, severity) of every tone finding."""
    return [(f.rule, f.severity.value) for f in lint(text, select=("TG6",)).findings]


def loud(text: str) -> list[str]:
    return [rule for rule, severity in tone(text) if severity != "info"]


# -- hostile wording ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "You useless idiots broke the app again.",
        "This garbage app deleted my chats.",
        "Fix it or else, I will sue you.",
        "What a ridiculous and pathetic service.",
        "wtf is going on with the update",
        "你们这个垃圾软件到底还能不能用了",
        "再不处理我就去工信部投诉你们",
        "立刻马上给我恢复账号",
        "搞什么鬼，坑爹啊",
        "太烂了，什么破软件",
    ],
)
def test_hostile_wording_is_a_warning(body: str) -> None:
    text = (ZH if any("\u4e00" <= c <= "\u9fff" for c in body) else EN) + body + "\n"
    assert "TG601" in loud(text)


def test_one_insult_is_enough_and_the_worst_span_is_shown() -> None:
    body = "The update is slow, which is annoying, and the team are morons."
    [finding] = findings_of(lint(EN + body + "\n", select=("TG601",)), "TG601")
    assert "morons" in finding.message
    assert (finding.line, finding.column) == (4, body.index("morons") + 1)


@pytest.mark.parametrize("body", ["This is ridiculous.", "真的无语。", "It is frustrating and a bit annoying."])
def test_mild_frustration_is_only_an_info_hint(body: str) -> None:
    text = (ZH if "无语" in body else EN) + body + "\n"
    assert tone(text) == [("TG602", "info")]


@pytest.mark.parametrize(
    "body",
    [
        "I need this resolved within a week. This is urgent for my business, please prioritise it.",
        "I would appreciate a reply as soon as possible; the issue blocks my work.",
        "请尽快处理，情况紧急，希望优先安排，谢谢。",
        "I am not trying to be rude, but I have waited ten days for a reply.",
        "This is not a scam company, it is my employer.",
        "Sorry if this is a stupid question, but how do I export chats?",
        "我经常收到垃圾信息和垃圾广告。",
        "视频通话无语音。",
        "我赶紧改了密码，然后应用崩溃了。",
        "请问“收藏夹”这个功能有什么用途？",
    ],
)
def test_firm_polite_and_ordinary_words_are_not_hostile(body: str) -> None:
    text = (ZH if any("\u4e00" <= c <= "\u9fff" for c in body) else EN) + body + "\n"
    assert loud(text) == []


@pytest.mark.parametrize(
    "body",
    [
        'He wrote: "you are a useless idiot, pay me or else".',
        "He keeps calling me an idiot and a moron in private messages.",
        "Examples of his messages, copied exactly:\nyou stupid idiot\nI WILL FIND YOU!!!\n\nPlease ban him.",
        "The bot replies with 'send money now, you idiot'.",
    ],
)
def test_someone_elses_words_in_an_abuse_report_are_skipped(body: str) -> None:
    assert loud(ABUSE_EN + body + "\n") == []


@pytest.mark.parametrize(
    "body",
    [
        "他骂我是废物，还说要曝光我的照片。",
        "消息内容：你这个傻逼，等着瞧。",
        "对方发来的消息如下：\n你就是个废物\n我知道你住哪\n\n请帮忙封禁该账号。",
        "他发私信说“你这个脑残，去死吧！！！”",
        "群名叫「傻逼交流群」。",
    ],
)
def test_quoted_chinese_evidence_is_skipped(body: str) -> None:
    assert loud(ABUSE_ZH + body + "\n") == []


def test_quoted_reply_lines_are_not_the_writers_tone() -> None:
    text = EN + "Thanks, it works now.\n\nOn Mon, 6 May 2024, Me wrote:\n> THIS IS RIDICULOUS!!! wtf???\n"
    assert tone(text) == []


def test_the_writers_own_insult_next_to_evidence_still_counts() -> None:
    text = ABUSE_EN + 'He wrote "pay me". You useless idiots never answer my reports.\n'
    assert "TG601" in loud(text)


# -- shouting ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "I NEED MY ACCOUNT BACK TODAY.",
        "WHY IS THIS STILL NOT FIXED",
        "Please help. GIVE ME MY SMS CODE NOW.",
        "我的语音消息全部丢失了。PLEASE FIX THIS NOW",
    ],
)
def test_shouting_in_capitals(body: str) -> None:
    text = (ZH if "语音" in body else EN) + body + "\n"
    assert "TG603" in loud(text)


@pytest.mark.parametrize(
    "body",
    [
        "The SMS OTP for my ID never arrives over Wi-Fi or 4G/5G; 2FA, PIN and VPN are fine, the API says OK.",
        "STEPS TO REPRODUCE\n1. Open a chat",
        "DEVICE INFO: Galaxy S24, Android 14",
        "Error: CONNECTION FAILED TRY LATER",
        "The app shows NETWORK ERROR PLEASE TRY AGAIN every time.",
        "The web version returns HTTP 500 INTERNAL SERVER ERROR.",
        "The Bot API answers 429 TOO MANY REQUESTS.",
        "My name in my passport is ZHANG WEI MING.",
        "[2024-05-10 10:02:11] MTP ERROR: DC2 RESET BY PEER",
        "Thanks for your help.\n\nBest regards,\nAnna\nACME GLOBAL TRADING CO., LTD.",
        "A channel named TELEGRAM OFFICIAL SUPPORT CENTER asks for login codes.",
    ],
)
def test_capitals_that_are_not_shouting(body: str) -> None:
    assert "TG603" not in loud(EN + body + "\n")


def test_shouting_fix_puts_words_in_normal_case() -> None:
    [finding] = findings_of(lint(EN + "Hello. WHY IS MY SMS CODE LATE AGAIN?\n", select=("TG603",)), "TG603")
    assert finding.fix is not None and finding.fix.applicability == "unsafe"
    assert finding.fix.edits[0].content == "Why is my SMS code late again"


def test_shouting_in_the_subject_leaves_the_tag_alone() -> None:
    text = "To: support@telegram.org\nSubject: [TECHNICAL ISSUE] - App crashes on start\n\nHello.\n"
    assert tone(text) == []
    text = "To: support@telegram.org\nSubject: [Technical Issue] - FIX YOUR BROKEN APP\n\nHello.\n"
    [finding] = findings_of(lint(text, select=("TG603",)), "TG603")
    assert finding.part == "subject"


# -- punctuation runs --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body", ["Why can't I log in???", "为什么收不到验证码？？？", "Seriously?!?!", "受不了了！！！！！"]
)
def test_runs_of_three_marks_are_flagged(body: str) -> None:
    text = (ZH if any("\u4e00" <= c <= "\u9fff" for c in body) else EN) + body + "\n"
    assert "TG604" in loud(text)


@pytest.mark.parametrize(
    "body",
    [
        "Thanks!! It works now.",
        "Since the update contact names are displayed as ??? in the chat list.",
        "The names show up as ???? in the list.",
        "Version: ???",
        "更新后联系人名字显示成？？？，请问如何解决？",
        "错误提示是“发送失败！！！”",
    ],
)
def test_marks_that_are_not_anger(body: str) -> None:
    text = (ZH if any("\u4e00" <= c <= "\u9fff" for c in body) else EN) + body + "\n"
    assert "TG604" not in loud(text)


def test_punctuation_fix_keeps_one_mark_of_the_same_width() -> None:
    result = lint(ZH + "为什么？？？真的！！！\n", select=("TG604",))
    contents = [f.fix.edits[0].content for f in findings_of(result, "TG604") if f.fix]
    assert contents == ["？", "！"]
    assert all(f.fix and f.fix.applicability == "safe" for f in findings_of(result, "TG604"))


def test_every_tone_finding_names_what_to_write_instead() -> None:
    result = lint(EN + "Your garbage app is broken!!! FIX IT RIGHT NOW\n", select=("TG6",))
    assert result.findings
    for finding in result.findings:
        assert finding.severity in (Severity.WARNING, Severity.INFO)
        assert any(word in finding.message for word in ("instead", "normal case", "one "))


def test_messages_follow_the_report_language() -> None:
    result = lint(EN + "This garbage app is broken.\n", select=("TG601",), message_language="zh")
    assert "辱骂" in result.findings[0].message


def test_tone_messages_are_the_catalogues_not_inline() -> None:
    """TG601-TG604 say their messages from rules/catalog/tone.toml (`self.message`), as TG801 does."""
    import ast
    from pathlib import Path

    source = Path(__file__).resolve().parents[1] / "tglint" / "checks" / "tone.py"
    calls = [
        node.func.attr
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
    ]
    assert "say" not in calls
    assert calls.count("message") >= 4


def test_hostile_message_counts_the_other_expressions_in_both_languages() -> None:
    body = "You useless idiots. This is ridiculous and pathetic.\n"
    (en,) = [f for f in lint(EN + body, select=("TG601",)).findings]
    (zh,) = [f for f in lint(EN + body, select=("TG601",), message_language="zh").findings]
    assert en.message.startswith('"useless idiots" is insulting (and 2 more such expressions): ')
    assert zh.message.startswith("“useless idiots”属于辱骂或粗俗用语（另有2处类似表达）")
