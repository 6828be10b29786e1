"""The topic classifier: subject tags, weighed evidence, negation, margins."""

from __future__ import annotations

import pytest
from lintkit import _PACKS, lint

from tglint.lexicon import TermSet
from tglint.topic import classify_topic, leading_tag, read_tag, reply_prefix_end, score_topics, tag_key


def test_leading_tag_after_reply_prefixes() -> None:
    tag = leading_tag("Re: 回复：[技术问题] - 消息发送失败")
    assert tag is not None and tag.text == "技术问题" and not tag.full_width
    assert reply_prefix_end("RE: Fwd: [x] y") == 9


def test_leading_tag_skips_a_reply_ticket_number() -> None:
    tag = leading_tag("Re: [#48213] [技术问题] - 消息发送失败")
    assert tag is not None and tag.text == "技术问题"


def test_leading_tag_full_width_and_missing() -> None:
    tag = leading_tag("【 账户安全 】 - 异常登录")
    assert tag is not None and tag.text == "账户安全" and tag.full_width
    assert leading_tag("消息发送失败 [技术问题]") is None


def test_tag_key_ignores_width_case_spaces_and_punctuation() -> None:
    assert tag_key("ＴＥＣＨＮＩＣＡＬ-issue") == tag_key("Technical Issue") == "technicalissue"
    assert tag_key("账户 安全") == "账户安全"


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("技术问题", (True, "support")),
        ("账户安全问题", (True, "security")),
        ("Technical Issue Report", (True, "support")),
        ("dmca takedown notice", (True, "legal")),
        ("紧急", (False, None)),
        ("Help", (False, None)),
        ("WordPress", (False, None)),
    ],
)
def test_read_tag(tag: str, expected: tuple[bool, str | None]) -> None:
    assert read_tag(tag, _PACKS) == expected


def test_term_set_respects_word_boundaries_and_prefers_longest() -> None:
    terms = TermSet(["pin", "report", "reporter", "not hacked", "密码", "二步验证"])
    assert list(terms.finditer("spinning")) == []
    assert [t for _, _, t in terms.finditer("Reporters report")] == ["report"]
    assert [t for _, _, t in terms.finditer("a Reporter")] == ["reporter"]
    assert [t for _, _, t in terms.finditer("I was not\n  hacked")] == ["not hacked"]
    assert [t for _, _, t in terms.finditer("二步验证密码")] == ["二步验证", "密码"]


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("My account was not hacked, I just cannot find the archive.", "security"),
        ("我的账号没有被盗，只是找不到归档。", "security"),
        ("This is not spam, it is my own channel.", "abuse"),
    ],
)
def test_a_denied_term_is_no_evidence(text: str, topic: str) -> None:
    assert score_topics(text, _PACKS)[topic] == 0


def test_a_question_about_a_term_still_counts() -> None:
    assert score_topics("我想知道是不是被盗了", _PACKS)["security"] > 0
    assert score_topics("I have no idea why my account was hacked", _PACKS)["security"] > 0


def test_a_negated_symptom_is_still_a_symptom() -> None:
    # "not syncing", "没有同步" describe the problem: support evidence is never cancelled.
    assert score_topics("手机和电脑的消息不同步", _PACKS)["support"] > 0
    assert score_topics("Messages are not syncing between my phone and laptop", _PACKS)["support"] > 0


def test_repeats_add_little() -> None:
    once = score_topics("spam", _PACKS)["abuse"]
    many = score_topics("spam spam spam spam spam spam", _PACKS)["abuse"]
    assert once < many <= once * 1.5


def test_tag_counts_for_its_topic() -> None:
    verdict = classify_topic("[Abuse Report] - A channel", "Hello.", None, _PACKS)
    assert verdict.topic == "abuse"
    assert verdict.word_scores["abuse"] == 0


def test_no_evidence_means_the_general_mailbox_but_not_confident() -> None:
    verdict = classify_topic("help", "please help", None, _PACKS)
    assert verdict.topic == "support" and not verdict.confident


def test_evenly_split_evidence_has_no_topic() -> None:
    verdict = classify_topic("", "spam. crashes.", None, _PACKS)
    assert verdict.scores["abuse"] == verdict.scores["support"]
    assert verdict.topic is None and not verdict.confident


def test_strong_clear_evidence_is_confident() -> None:
    verdict = classify_topic(
        "My account was hacked",
        "Someone logged into my account from an unknown device and changed my two-step verification password.",
        None,
        _PACKS,
    )
    assert verdict.topic == "security" and verdict.confident


@pytest.mark.parametrize(
    ("draft", "topic"),
    [
        ("To: x@example.com\nSubject: 频道盗播课程\n\n我司是著作权人，频道未经授权上传，请删除侵权内容。\n", "legal"),
        ("To: x@example.com\nSubject: 采访邀请\n\n我是科技媒体的记者，想就隐私功能采访贵司负责人。\n", "press"),
        ("To: x@example.com\nSubject: Scam channel\n\nThe channel impersonates an exchange to scam people.\n", "abuse"),
        (
            "To: x@example.com\nSubject: App crashes\n\nThe app crashes on start since the update. I reinstalled it.\n",
            "support",
        ),
    ],
)
def test_report_topic(draft: str, topic: str) -> None:
    assert lint(draft).topic == topic
