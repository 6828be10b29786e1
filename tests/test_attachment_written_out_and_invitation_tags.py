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


# Written out without a colon on the verb's line: the value glued straight after what is named, or the lines after a
# colon that ends the verb's line once a word says what they are (fixtures/voices18 zh/009, voices19 zh/009,
# voices3 zh/031, holdout zh/001).
GLUED = [
    "附上我的身份证号{value}",
    "附上本人手机号{value}",
    "附上我的银行卡号 {value}",
    "I attach my phone number {value}",
    "Attached is my national ID {value}",
]
VALUES = ["110101199003074512", "13912345678", "6222 0212 3456 7890", "+44 7700 900123"]
ON_NEXT_LINES = [
    ("附上我的信息：", "姓名：张三\n手机号：+86 139 1234 5678"),
    ("这里附上机器人的 token：", "7123456789:AAH-kzX1w8b1cXq2fJd0Zp6m1QaTq0mYb9c"),
    ("I attach my contact details:", "Anna Berg\n+46 70 123 45 67"),
]


@pytest.mark.parametrize(("template", "value"), list(product(GLUED, VALUES)))
def test_a_value_glued_after_what_is_named_is_no_file(template: str, value: str) -> None:
    body = f"I ask you to delete my account data under the GDPR. {template.format(value=value)}."
    assert _attachment_rules(_eml(body), "draft.eml") == [], template


@pytest.mark.parametrize(("line", "following"), ON_NEXT_LINES)
@pytest.mark.parametrize("path", ["draft.txt", "draft.eml"])
def test_the_lines_after_a_named_colon_are_written_out(line: str, following: str, path: str) -> None:
    assert _attachment_rules(_eml(f"Please verify me.\n{line}\n{following}"), path) == [], line


@pytest.mark.parametrize(
    ("line", "following"),
    [
        ("Attached:", "crash.log"),
        ("Attached:", "Thanks for looking into it"),
        ("附上：", "谢谢"),
        ("附上截图：", "聊天记录两张"),
        ("附上日志：", "telegram-20261205.log"),
        ("附上我的资料：", "身份证扫描件"),
    ],
)
def test_a_bare_colon_or_a_thing_still_claims(line: str, following: str) -> None:
    body = f"The app crashes on start since 5 Dec 2026.\n{line}\n{following}"
    assert _attachment_rules(_eml(body), "draft.eml") == ["TG801"], line


@pytest.mark.parametrize(
    "claim",
    [
        "附上订单号20261202144812的截图",
        "交易哈希见截图，订单号 20261202144812",
        "I attached the screenshot of order 202612021448",
        "See attached, order 202612021448",
    ],
)
def test_a_number_beside_a_thing_is_still_a_claim(claim: str) -> None:
    assert _attachment_rules(_eml(f"Payment failed on 5 Dec 2026. {claim}."), "draft.eml") == ["TG801"], claim


# A document's points listed after the claim's colon are written out (fixtures voices8 zh/041, voices25 zh/009):
# "附上公司简介的要点：" then "1. ……". A list after a picture's or log's colon names files; a file name is a file.
@pytest.mark.parametrize(
    ("line", "items"),
    [
        ("附上公司简介的要点：", "1. 成立于 2015 年；\n2. 月活约 120 万。"),
        ("附上简要介绍：", "1. 目标市场：印尼、越南；\n2. 计划使用 Telegram Stars。"),
        ("附上合作方案：", "- 联合推广\n- 技术对接"),
        ("I attach a short company profile:", "- founded in 2015\n- 1.2 million monthly users"),
    ],
)
@pytest.mark.parametrize("path", ["draft.txt", "draft.eml"])
def test_a_documents_points_listed_after_its_colon_are_written_out(line: str, items: str, path: str) -> None:
    assert _attachment_rules(_eml(f"We would like to discuss a partnership.\n{line}\n{items}"), path) == [], line


@pytest.mark.parametrize(
    ("line", "items"),
    [("附上截图：", "1. 聊天记录\n2. 转账记录"), ("附上公司简介：", "1. 简介.pdf"), ("附上公司简介：", "谢谢！")],
)
def test_a_list_of_pictures_or_files_still_claims(line: str, items: str) -> None:
    assert _attachment_rules(_eml(f"We would like to discuss a partnership.\n{line}\n{items}"), "draft.eml") == [
        "TG801"
    ]
