"""Two readings from fixtures/voices17 (issue 12). What a verb of enclosing is followed by, written out after a colon
on its line, is in the text, not a file: "为证明本人身份，附上身份证号：110…" claims no attachment (TG801/TG802;
zh/043), where "附上截图：" and "Attached: crash.log" still do. And an invitation to an event or to speak
("[活动邀请]", "[嘉宾邀请]", "[Event Invitation]") is a known tag of press@'s matters (no TG102; zh/030, zh/037).
Generated over verbs x values and tags."""

from __future__ import annotations

from itertools import product

import pytest
from lintkit import lint

ZH_WRITTEN = [
    "附上身份证号：110101199003074512",
    "附上我的身份证号码：110101199003074512",
    "附上联系方式：+86 139 1234 5678",
]
EN_WRITTEN = ["I attach my contact details: Anna Berg, +46 70 123 45 67", "Attached my ID number: 880705-1234"]


def _attachment_rules(text: str, path: str) -> list[str]:
    return [f.rule for f in lint(text, path=path).findings if f.rule.startswith("TG80")]


def _eml(body: str) -> str:
    return (
        "To: legal@telegram.org\nSubject: [Data Protection] - Deletion request\nMIME-Version: 1.0\n"
        f"Content-Type: text/plain; charset=utf-8\n\nHello,\n\n{body}\n\nThanks\n"
    )


@pytest.mark.parametrize(("written", "path"), list(product(ZH_WRITTEN + EN_WRITTEN, ["draft.txt", "draft.eml"])))
def test_a_value_written_out_after_the_verb_is_no_file(written: str, path: str) -> None:
    body = f"I ask you to delete my account data under the GDPR. {written}."
    assert _attachment_rules(_eml(body), path) == [], written


@pytest.mark.parametrize("claim", ["附上截图：聊天记录两张", "Attached: crash.log", "附上日志：telegram-20261205.log"])
def test_a_thing_or_a_file_after_the_colon_is_still_claimed(claim: str) -> None:
    assert _attachment_rules(_eml(f"The app crashes on start since 5 Dec 2026. {claim}"), "draft.eml") == ["TG801"]


@pytest.mark.parametrize(
    "tag",
    ["活动邀请", "嘉宾邀请", "演讲邀请", "会议邀请", "Event Invitation", "Speaker Invitation", "Conference Invitation"],
)
def test_an_invitation_tag_is_known(tag: str) -> None:
    text = (
        f"收件人：press@telegram.org\n主题：[{tag}] - 2026 亚洲数字媒体论坛演讲嘉宾邀请\n\n您好，\n\n"
        "我们诚邀贵公司高管于 2026年6月12日 出席在新加坡举办的亚洲数字媒体论坛并发表主题演讲，详情见官网。\n\n谢谢！\n"
    )
    assert "TG102" not in {f.rule for f in lint(text).findings}, tag
