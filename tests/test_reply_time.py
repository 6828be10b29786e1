"""The reply time the guide gives for a draft's kind of matter (五、官方回复时间标准), in every report."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from lintkit import lint

import tglint
from tglint.models import FileResult
from tglint.registry import load_registry
from tglint.reporters import render

SCHEMA = json.loads((Path(tglint.__file__).parent / "schema" / "report.schema.json").read_text(encoding="utf-8"))
RULES = load_registry(plugins=False).rules


def _reply(text: str, **settings: object) -> tuple[str, str, str]:
    found = lint(text, **settings).reply_time
    assert found is not None
    return found.kind, found.window, found.reason


@pytest.mark.parametrize(
    ("draft", "kind", "reason"),
    [
        # 紧急问题 (24-48h)
        ("To: security@telegram.org\nSubject: x\n\nMy account was hacked yesterday.", "urgent", "account taken over"),
        ("To: security@telegram.org\nSubject: x\n\n我的账号昨天被盗了。", "urgent", "账户被恶意接管"),
        ("To: support@telegram.org\nSubject: x\n\nI was charged twice for Premium.", "urgent", "payment"),
        ("To: support@telegram.org\nSubject: x\n\nPremium 会员重复扣费了。", "urgent", "支付"),
        ("To: support@telegram.org\nSubject: x\n\nThe outage hit everyone in my country.", "urgent", "outage"),
        ("To: abuse@telegram.org\nSubject: x\n\nSomeone is blackmailing me.", "urgent", "security threat"),
        # 复杂问题 (7-14 working days)
        ("To: support@telegram.org\nSubject: x\n\nHow do I set up Bot API webhooks?", "complex", "API"),
        ("To: support@telegram.org\nSubject: x\n\n我们是开发者，想咨询机器人开发的问题。", "complex", "API"),
        ("To: legal@telegram.org\nSubject: x\n\nA channel posts my films: a DMCA notice.", "complex", "copyright"),
        ("To: legal@telegram.org\nSubject: x\n\n有频道发布我的作品，侵权了。", "complex", "版权"),
        ("To: press@telegram.org\nSubject: x\n\nI am a journalist and ask for an interview.", "complex", "media"),
        ("To: press@telegram.org\nSubject: x\n\n我们公司想开通企业版。", "complex", "企业"),
        # 一般问题 (3-7 working days)
        ("To: support@telegram.org\nSubject: x\n\nMessages stay on sending since today.", "normal", "technical"),
        ("To: support@telegram.org\nSubject: x\n\n今天开始消息一直显示发送中。", "normal", "技术故障"),
        ("To: abuse@telegram.org\nSubject: x\n\n@spam_bot_x sends me spam ads every day.", "normal", "abuse"),
    ],
)
def test_class_by_kind_of_matter(draft: str, kind: str, reason: str) -> None:
    found_kind, window, found_reason = _reply(draft)
    assert found_kind == kind
    assert window == {"urgent": "24-48h", "normal": "3-7 working days", "complex": "7-14 working days"}[kind]
    assert reason in found_reason


def test_a_denied_item_does_not_count() -> None:
    assert _reply("To: support@telegram.org\nSubject: x\n\nMy account was not hacked, photos fail.")[0] == "normal"
    assert _reply("To: support@telegram.org\nSubject: x\n\n账号没有被盗，只是图片加载不出来。")[0] == "normal"


def test_quoted_words_are_not_the_writers() -> None:
    draft = "To: support@telegram.org\nSubject: x\n\nPhotos fail.\n\n> Your account was hacked, pay a refund now\n"
    assert _reply(draft)[0] == "normal"


def test_urgent_wins_over_complex() -> None:
    assert _reply("To: security@telegram.org\nSubject: x\n\nMy developer account was hacked.")[0] == "urgent"


def test_the_mailbox_decides_when_the_words_do_not() -> None:
    assert _reply("To: press@telegram.org\nSubject: Hello\n\nHello.")[0] == "complex"


def test_reason_in_the_report_language() -> None:
    draft = "To: security@telegram.org\nSubject: x\n\nMy account was hacked yesterday."
    assert lint(draft, message_language="zh").reply_time.reason == "账户被恶意接管或冻结"  # type: ignore[union-attr]
    assert lint(draft, message_language="zh").reply_time.kind_name == "紧急问题"  # type: ignore[union-attr]
    assert lint(draft, message_language="zh").reply_time.line() == "24-48 小时 — 紧急问题: 账户被恶意接管或冻结"  # type: ignore[union-attr]


def test_an_empty_draft_has_none() -> None:
    assert lint("To: support@telegram.org\n\n").reply_time is None


HACKED = "To: security@telegram.org\nSubject: [Account Security] - Account hacked\n\nMy account was hacked.\n"


def _results() -> list[FileResult]:
    return [lint(HACKED, path="a <b>.txt"), lint("Subject: x\n\nHi.\n", path="clean.txt")]


def test_every_format_shows_it() -> None:
    text = render("text", _results(), RULES)
    assert "reply: 24-48 hours — urgent: account taken over or frozen" in text
    report = json.loads(render("json", _results(), RULES))
    jsonschema.validate(report, SCHEMA)
    assert report["files"][0]["reply_time"] == {
        "class": "urgent",
        "window": "24-48h",
        "reason": "account taken over or frozen",
    }
    assert report["files"][1]["reply_time"]["class"] == "normal"
    sarif = json.loads(render("sarif", _results(), RULES))
    times = sarif["runs"][0]["properties"]["replyTimes"]
    assert [t["class"] for t in times] == ["urgent", "normal"]
    assert times[0]["artifactLocation"]["uri"].endswith("a%20%3Cb%3E.txt")
    html = render("html", _results(), RULES)
    assert "24-48 hours — urgent: account taken over or frozen" in html
    assert "a <b>.txt" not in html


def test_an_unreadable_file_has_none_in_json() -> None:
    report = json.loads(render("json", [FileResult("missing.txt", error="cannot read")], RULES))
    jsonschema.validate(report, SCHEMA)
    assert report["files"][0]["reply_time"] is None
